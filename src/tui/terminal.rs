//! Entering and leaving the terminal. ratatui's `init`/`restore` own the restore (its panic
//! hook included); this module adds the cursor, bracketed paste and synchronized output
//! around them. Leaving never fails and never writes to stderr, which may be gone with the
//! terminal.

use std::io::{self, Write};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, Frame, Terminal};

/// Switches to the alternate screen in raw mode; a panic anywhere after this restores first.
pub fn enter() -> io::Result<DefaultTerminal> {
    // Installed before ratatui's hook, so it runs after ratatui has left raw mode.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic mid-frame would leave the terminal waiting for the frame's end.
        let _ = execute!(
            io::stdout(),
            EndSynchronizedUpdate,
            DisableBracketedPaste,
            Show
        );
        previous(info);
    }));
    let terminal = ratatui::try_init()?;
    // A paste arrives as one text, so pasted letters never act as keys. The cursor is hidden
    // once here, not with every frame.
    execute!(io::stdout(), EnableBracketedPaste, Hide)?;
    Ok(terminal)
}

/// Leaves raw mode, bracketed paste and the alternate screen and shows the cursor.
pub fn leave(terminal: DefaultTerminal) {
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    let _ = ratatui::try_restore();
    let _ = execute!(io::stdout(), Show);
    // The cursor is shown above. ratatui's own drop would show it again and, on a terminal
    // that has gone, print the failure to a stderr that has gone with it: a panic, then an
    // abort in the panic hook.
    std::mem::forget(terminal);
}

/// The terminal and the frame it shows, so that a frame can redraw a few rows and compare
/// and send only those (ratatui's own buffers start every frame empty). Every frame is sent
/// inside a synchronized update, so the terminal never shows half a frame, in one write:
/// ratatui's own `draw` would also hide the cursor again and flush twice with every frame,
/// and ask the terminal its size (opening `/dev/tty` each time); the loop resizes on SIGWINCH
/// instead.
pub struct Painter<W: Write> {
    terminal: Terminal<CrosstermBackend<W>>,
    /// The last frame sent: what the terminal shows. The terminal's current buffer holds the
    /// same between frames.
    shown: Buffer,
}

impl<W: Write> Painter<W> {
    pub fn new(mut terminal: Terminal<CrosstermBackend<W>>) -> Self {
        let shown = Buffer::empty(terminal.get_frame().area());
        Self { terminal, shown }
    }

    /// Draws a whole frame and sends the cells that differ from the frame shown.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        self.terminal.current_buffer_mut().reset();
        render(&mut self.terminal.get_frame());
        let all = self.shown.area;
        self.send(&[all])
    }

    /// Redraws part of the frame shown: `render` draws over it and returns the areas it drew;
    /// only their rows are compared and sent.
    pub fn redraw(&mut self, render: impl FnOnce(&mut Buffer) -> Vec<Rect>) -> io::Result<()> {
        let areas = render(self.terminal.current_buffer_mut());
        self.send(&areas)
    }

    /// Takes the terminal's new size, after which the next frame must be drawn whole.
    pub fn resize(&mut self) -> io::Result<()> {
        self.terminal.autoresize()?;
        self.shown = Buffer::empty(self.terminal.get_frame().area());
        Ok(())
    }

    /// The terminal, to leave it.
    pub fn into_terminal(self) -> Terminal<CrosstermBackend<W>> {
        self.terminal
    }

    /// Sends the cells of `areas`' rows that changed since the frame shown, if any, and
    /// notes them as shown.
    fn send(&mut self, areas: &[Rect]) -> io::Result<()> {
        let current = self.terminal.current_buffer_mut();
        let mut changed: Vec<(Buffer, Buffer)> = Vec::new();
        for y in rows(areas, self.shown.area) {
            let (at, row) = row_at(&self.shown, y);
            let (was, now) = (&mut self.shown.content[at.clone()], &current.content[at]);
            if was != now {
                let part = |cells: &[Cell]| Buffer {
                    area: row,
                    content: cells.to_vec(),
                };
                changed.push((part(was), part(now)));
                was.clone_from_slice(now);
            }
        }
        if changed.is_empty() {
            return Ok(());
        }
        let backend = self.terminal.backend_mut();
        queue!(backend, BeginSynchronizedUpdate)?;
        let sent = backend.draw(changed.iter().flat_map(|(was, now)| was.diff(now)));
        queue!(backend, EndSynchronizedUpdate)?;
        Write::flush(backend)?;
        sent
    }
}

/// The rows of `within` that `areas` cover, in order, each once.
fn rows(areas: &[Rect], within: Rect) -> Vec<u16> {
    let mut rows: Vec<u16> = areas
        .iter()
        .flat_map(|a| {
            let a = a.intersection(within);
            a.top()..a.bottom()
        })
        .collect();
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// Where row `y` of `buffer` lies in its cells, and its area.
fn row_at(buffer: &Buffer, y: u16) -> (std::ops::Range<usize>, Rect) {
    let area = buffer.area;
    let width = usize::from(area.width);
    let start = usize::from(y - area.top()) * width;
    (start..start + width, Rect::new(area.x, y, area.width, 1))
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use ratatui::widgets::{Paragraph, Widget};
    use ratatui::{TerminalOptions, Viewport};

    use super::*;

    /// What the painter writes, kept where the test can read it.
    #[derive(Clone, Default)]
    struct Written(Rc<RefCell<Vec<u8>>>);

    impl Write for Written {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Written {
        fn take(&self) -> String {
            String::from_utf8(self.0.take()).expect("text")
        }
    }

    fn painter() -> (Painter<Written>, Written) {
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 10, 3)),
        };
        let written = Written::default();
        let backend = CrosstermBackend::new(written.clone());
        let terminal = Terminal::with_options(backend, options).expect("a terminal");
        (Painter::new(terminal), written)
    }

    #[test]
    fn a_redraw_sends_only_the_changed_cells_of_its_rows_and_nothing_when_none_changed() {
        let (mut painter, written) = painter();
        painter
            .draw(|frame| frame.render_widget(Paragraph::new("one\ntwo\nsix"), frame.area()))
            .expect("draw");
        assert!(written.take().contains("six"));
        painter
            .redraw(|buf| {
                let row = Rect::new(0, 1, 10, 1);
                "twenty".render(row, buf);
                vec![row]
            })
            .expect("redraw");
        let sent = written.take();
        assert!(sent.contains("enty") && !sent.contains("one") && !sent.contains("six"));
        painter
            .redraw(|buf| {
                let row = Rect::new(0, 2, 10, 1);
                "six".render(row, buf);
                vec![row]
            })
            .expect("redraw");
        assert_eq!(written.take(), "");
        assert_eq!(painter.shown, *painter.terminal.current_buffer_mut());
    }
}
