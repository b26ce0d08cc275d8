//! "Anything to note?": one line of free text after a session.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;

use crate::journal::NOTE_MAX_CHARS as MAX_CHARS;
use crate::text::{is_bidi_control, tail};

/// Adds a typed character to a note, dropping control and bidirectional characters and
/// stopping at the limit.
pub fn push(note: &mut String, c: char) {
    if !c.is_control() && !is_bidi_control(c) && note.chars().count() < MAX_CHARS {
        note.push(c);
    }
}

/// Draws the prompt and the note typed so far, its end visible.
pub fn render(frame: &mut Frame, area: Rect, note: &str, theme: Theme) {
    let box_area = centered(area, 64, 8);
    let columns = usize::from(box_area.width.saturating_sub(4));
    let visible = tail(note, columns.saturating_sub(1));
    let lines = vec![
        Line::styled("Anything to note? (Enter to skip)", theme.title()),
        Line::default(),
        Line::styled(format!("{visible}_"), theme.text()),
        Line::default(),
        Line::styled(
            format!(
                "{} of {MAX_CHARS} characters · {}",
                note.chars().count(),
                keymap::footer(Context::Note, |_, _| None)
            ),
            theme.muted(),
        ),
    ];
    let block = Block::bordered().border_style(theme.border());
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        box_area,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_dropped_and_the_length_is_capped() {
        let mut note = String::new();
        for c in "ok\u{1b}[2J\t!".chars() {
            push(&mut note, c);
        }
        assert_eq!(note, "ok[2J!");
        let mut long = "a".repeat(MAX_CHARS);
        push(&mut long, 'b');
        assert_eq!(long.chars().count(), MAX_CHARS);
    }
}
