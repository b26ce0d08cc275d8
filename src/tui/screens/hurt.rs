//! The "this hurts" dialog over the player: carry on more gently, skip the step, or end the
//! session; which side, for a per-side step; and when to stop and get advice.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::safety;
use crate::session::Side;
use crate::text::sanitize;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{choice, dialog};

/// The dialog's state: what it is about and what has been chosen so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hurt {
    /// The step playing (or, while getting ready, about to start).
    pub step: usize,
    pub step_name: String,
    /// The side chosen, for a per-side step.
    pub side: Option<Side>,
    /// Opened while getting ready: the mark names the step only once `confirmed`.
    pub getting_ready: bool,
    pub confirmed: bool,
}

impl Hurt {
    /// Whether the mark is about `step_name`.
    #[must_use]
    pub fn names_step(&self) -> bool {
        !self.getting_ready || self.confirmed
    }
}

/// Draws the dialog in the middle of the player.
pub fn render(frame: &mut Frame, area: Rect, hurt: &Hurt, theme: Theme) {
    let name = sanitize(&hurt.step_name);
    let mut lines = Vec::new();
    if hurt.getting_ready {
        let mark = if hurt.confirmed { "x" } else { " " };
        lines.push(Line::from(format!(
            "[{mark}] It is about \"{name}\", the step about to start (c)"
        )));
    } else {
        lines.push(Line::styled(name, theme.title()));
    }
    if let Some(side) = hurt.side {
        let pick = |s: Side| {
            let style = if s == side {
                theme.selected()
            } else {
                theme.muted()
            };
            Span::styled(format!(" {} ", s.label()), style)
        };
        lines.push(Line::from(vec![
            Span::raw("Side: "),
            pick(Side::Left),
            Span::raw(" "),
            pick(Side::Right),
            Span::styled("  Left/Right", theme.muted()),
        ]));
    }
    lines.push(Line::default());
    for (key, does) in [
        ("g", "carry on more gently: a smaller range, fewer reps"),
        ("s", "skip this step"),
        ("e", "end the session"),
        ("Esc", "never mind"),
    ] {
        lines.push(choice(key, does, 3, theme));
    }
    lines.push(Line::default());
    lines.push(Line::styled(safety::LEG_SYMPTOMS, theme.alert()));
    // The border and room for the lines that wrap in a narrow terminal.
    dialog(frame, area, "This hurts", lines, (66, 5), theme);
}
