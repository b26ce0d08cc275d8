//! Entering and leaving the terminal. ratatui's `init`/`restore` own the restore (its panic
//! hook included); this module adds the cursor, bracketed paste and synchronized output
//! around them. Leaving never fails and never writes to stderr, which may be gone with the
//! terminal.

use std::io::{self, Write};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::backend::CrosstermBackend;
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

/// Draws one frame inside a synchronized update, so the terminal never shows half a frame.
/// Only the cells that changed since the last frame are written, in one write: ratatui's own
/// `draw` would also hide the cursor again and flush twice with every frame, and ask the
/// terminal its size (opening `/dev/tty` each time); the loop resizes on SIGWINCH instead.
pub fn draw<W: Write>(
    terminal: &mut Terminal<CrosstermBackend<W>>,
    render: impl FnOnce(&mut Frame),
) -> io::Result<()> {
    render(&mut terminal.get_frame());
    send(terminal)
}

/// Writes the cells of the frame just rendered that differ from the last one sent, between
/// the synchronized update's start and end, and flushes them once.
pub fn send<W: Write>(terminal: &mut Terminal<CrosstermBackend<W>>) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let sent = terminal.flush();
    terminal.swap_buffers();
    queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()?;
    sent
}
