//! The summary after a session: how far it got, the time spent, and how the back felt.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};

use crate::journal::rating_change;
use crate::text::{mss, sanitize};
use crate::tui::keymap::{self, Action, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;

/// Everything the summary shows, gathered when the session ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    pub title: String,
    /// Played to its end (steps may have been skipped); false when ended early.
    pub completed: bool,
    pub steps_done: u32,
    pub steps_total: u32,
    pub active: Duration,
    pub stiffness_before: Option<u8>,
    pub stiffness_after: Option<u8>,
    pub painful_steps: Vec<String>,
    /// Whether `q` leaves poised (a `poised run` session) or returns Home.
    pub exits: bool,
}

/// Draws the summary in the middle of the screen.
pub fn render(frame: &mut Frame, area: Rect, summary: &SessionSummary, theme: Theme) {
    let mut lines = vec![headline(summary, theme), Line::default()];
    lines.push(Line::from(format!("Time spent   {}", mss(summary.active))));
    lines.push(Line::from(format!(
        "Steps done   {} of {}",
        summary.steps_done, summary.steps_total
    )));
    if let Some(change) = rating_change(summary.stiffness_before, summary.stiffness_after) {
        lines.push(Line::from(format!("Stiffness    {change}")));
    }
    if !summary.painful_steps.is_empty() {
        let names: Vec<String> = summary.painful_steps.iter().map(|s| sanitize(s)).collect();
        lines.push(Line::default());
        lines.push(Line::styled(
            format!("Marked as painful: {}", names.join(", ")),
            theme.alert(),
        ));
        lines.push(Line::from(
            "If a step hurts again, talk to a clinician about it before you repeat it.",
        ));
    }
    lines.push(Line::default());
    let leave = if summary.exits {
        "finish"
    } else {
        "back to Home"
    };
    let keys = keymap::footer(Context::Summary, |action, key| {
        (action == Action::Quit).then(|| format!("{key} {leave}"))
    });
    lines.push(Line::styled(keys, theme.muted()));
    let block = Block::bordered()
        .title(format!(" {} ", sanitize(&summary.title)))
        .border_style(theme.border())
        .title_style(theme.title());
    // Room for the padding, the border and a couple of wrapped lines.
    let height = u16::try_from(lines.len() + 6).unwrap_or(u16::MAX);
    let body = Paragraph::new(lines)
        .block(block.padding(Padding::uniform(1)))
        .wrap(Wrap { trim: true });
    frame.render_widget(body, centered(area, 64, height));
}

fn headline(summary: &SessionSummary, theme: Theme) -> Line<'static> {
    if summary.completed {
        Line::styled("Session complete", theme.good())
    } else {
        let (done, total) = (summary.steps_done, summary.steps_total);
        Line::styled(
            format!("Session ended early: {done} of {total} steps done"),
            theme.heading(),
        )
    }
}
