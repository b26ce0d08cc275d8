//! The summary after a session: how far it got, the time spent, and how the back felt.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};

use crate::journal::{PainMark, rating_change};
use crate::safety;
use crate::session::Outcome;
use crate::text::{mss, sanitize};
use crate::tui::keymap::{self, Action, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;

/// Everything the summary shows, gathered when the session ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    pub title: String,
    /// Done, partly done (under half of the work played) or ended early.
    pub outcome: Outcome,
    pub steps_done: u32,
    pub steps_total: u32,
    pub active: Duration,
    pub stiffness_before: Option<u8>,
    pub stiffness_after: Option<u8>,
    /// Every `!` of the session: the step, the side, what was chosen.
    pub marks: Vec<PainMark>,
    /// Marked steps that have an easier version, which poised plays next time.
    pub easier_next: Vec<String>,
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
    if !summary.marks.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Marked as hurting:", theme.alert()));
        for mark in &summary.marks {
            lines.push(Line::from(format!("- {}", sanitize(&mark.describe()))));
        }
        if !summary.easier_next.is_empty() {
            let names: Vec<String> = summary.easier_next.iter().map(|s| sanitize(s)).collect();
            lines.push(Line::from(format!(
                "Next time poised plays the easier version of {}.",
                names.join(", ")
            )));
        }
        lines.push(Line::from(
            "If a step hurts again, talk to a clinician about it before you repeat it.",
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(safety::NOT_ADVICE, theme.muted()));
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
    match summary.outcome {
        Outcome::Done => Line::styled("Session complete: done", theme.good()),
        Outcome::PartlyDone => Line::styled(
            "Session partly done: under half of the work was played, so it does not count for the streak",
            theme.heading(),
        ),
        Outcome::EndedEarly => {
            let (done, total) = (summary.steps_done, summary.steps_total);
            Line::styled(
                format!("Session ended early: {done} of {total} steps done"),
                theme.heading(),
            )
        }
    }
}
