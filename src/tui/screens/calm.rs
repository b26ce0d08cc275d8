//! The calm note before a session when the back is much stiffer than usual: a few words, the
//! advice to get help if the pain is new or severe, and a choice of how to go on.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::safety;
use crate::text::mss;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, dialog};

/// Why the note is shown, with the numbers, and what the short version would take.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calm {
    /// The rating just given before the session, when it is 8 or more.
    pub before: Option<u8>,
    /// This morning's check-in and the usual morning, when it is well above it.
    pub morning: Option<(u8, f64)>,
    /// The short version's length, when there is one to offer.
    pub short: Option<std::time::Duration>,
}

/// Draws the note and the choices.
pub fn render(frame: &mut Frame, area: Rect, calm: Calm, theme: Theme) {
    let mut lines = Vec::new();
    if let Some(before) = calm.before {
        lines.push(Line::from(format!(
            "Your back is very stiff right now: {before} of 10."
        )));
    }
    if let Some((morning, usual)) = calm.morning {
        lines.push(Line::from(format!(
            "This morning's {morning} is well above your usual {usual:.0} (the middle of the last 14 days)."
        )));
    }
    lines.push(Line::from(
        "Gentle movement often helps, and a lighter day is a good choice too.",
    ));
    lines.push(Line::default());
    lines.push(Line::styled(safety::NEW_OR_SEVERE, theme.alert()));
    lines.push(Line::default());
    if let Some(short) = calm.short {
        lines.push(choice(
            "s",
            &format!("the short version ({})", mss(short)),
            theme,
        ));
    }
    lines.push(choice("r", "a rest day today", theme));
    lines.push(choice("Enter", "carry on as planned", theme));
    lines.push(choice("Esc", "back, start nothing", theme));
    // The border and two lines that may wrap.
    dialog(frame, area, "Go gently today", lines, (64, 4), theme);
}

fn choice(key: &str, does: &str, theme: Theme) -> Line<'static> {
    dialog::choice(key, does, 5, theme)
}
