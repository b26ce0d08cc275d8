//! The desk screen: a calm countdown to the next reset (or the prompt when it is due), the
//! routine it will offer, today's resets against the prompts offered, the day's pattern of
//! marks, and what is left of the snooze and skip budget.

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::desk::status::clock_time;
use crate::desk::{DeskSettings, Next, Phase, Tally};
use crate::tui::desk_mode::PROMPT;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;

/// The widest the desk's text grows on a large terminal.
const WIDTH: u16 = 64;

/// Everything the desk screen shows, in words; equal views draw the same frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskView {
    /// `Next reset in 38 min`, `Time for a reset`, `Resting until Tue 09:00`.
    pub headline: String,
    /// The prompt is open.
    pub due: bool,
    /// The routine offered, or why the desk rests.
    pub detail: String,
    /// The transition routine `t` plays, when it exists.
    pub transition: Option<String>,
    /// `Today: 3 of 4 resets done`.
    pub today: String,
    /// The day's marks, one per prompt, in order.
    pub pattern: String,
    /// What is left of the budget, or how far over it the day is.
    pub budget: String,
}

impl DeskView {
    /// The view of a phase of the desk at `now`.
    #[must_use]
    pub fn new(
        phase: Phase,
        tally: Tally,
        settings: &DeskSettings,
        reset: String,
        transition: Option<String>,
        now: DateTime<FixedOffset>,
    ) -> Self {
        let (headline, detail) = match phase {
            Phase::Prompt { offered } => (
                PROMPT.to_string(),
                format!("{reset}, due at {}", clock_time(now, offered)),
            ),
            Phase::Waiting(Next::At(due)) => (countdown(due - now), format!("Next: {reset}")),
            Phase::Waiting(Next::Due { .. }) | Phase::Playing => {
                ("Reset due".to_string(), format!("Next: {reset}"))
            }
            Phase::Waiting(Next::Resting { until }) => (
                format!("Resting until {}", clock_time(now, until)),
                "Outside working hours: no prompts until then.".to_string(),
            ),
        };
        Self {
            headline,
            due: matches!(phase, Phase::Prompt { .. }),
            detail,
            transition: transition.map(|t| format!("or t: {t}")),
            today: today(&tally),
            pattern: tally.pattern(),
            budget: budget(&tally, settings.budget),
        }
    }
}

/// `Next reset in 38 min`, and each second only in the last minute: `Next reset in 42 s`.
fn countdown(left: chrono::TimeDelta) -> String {
    let seconds = left.num_seconds().max(0);
    if seconds > 60 {
        format!("Next reset in {} min", (seconds + 59) / 60)
    } else {
        format!("Next reset in {seconds} s")
    }
}

fn today(tally: &Tally) -> String {
    if tally.offered == 0 && tally.done == 0 {
        return "Today: no resets yet".to_string();
    }
    let offered = tally.offered.max(tally.done);
    let resets = if offered == 1 { "reset" } else { "resets" };
    format!("Today: {} of {offered} {resets} done", tally.done)
}

fn budget(tally: &Tally, budget: u32) -> String {
    let spent = tally.spent();
    if spent <= budget {
        return format!(
            "Snoozes and skips left today: {} of {budget}",
            budget - spent
        );
    }
    format!(
        "Snoozed {} and skipped {} today: {} over the budget of {budget}",
        tally.snoozed,
        tally.skipped,
        spent - budget
    )
}

/// Draws the desk in the middle of the screen.
pub fn render(frame: &mut Frame, area: Rect, view: &DeskView, theme: Theme) {
    let width = WIDTH.min(area.width);
    let headline_style = if view.due {
        theme.alert()
    } else {
        theme.heading()
    };
    let mut lines = vec![
        Line::styled(view.headline.clone(), headline_style),
        Line::styled(view.detail.clone(), theme.muted()),
    ];
    if let Some(transition) = view.transition.as_ref().filter(|_| view.due) {
        lines.push(Line::styled(transition.clone(), theme.muted()));
    }
    lines.extend([
        Line::default(),
        Line::styled(view.today.clone(), theme.text()),
    ]);
    if !view.pattern.is_empty() {
        lines.push(Line::styled(view.pattern.clone(), theme.good()));
    }
    lines.push(Line::styled(view.budget.clone(), theme.text()));
    lines.push(Line::default());
    lines.extend(
        footer(usize::from(width))
            .into_iter()
            .map(|l| Line::styled(l, theme.muted())),
    );
    let height = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
    let body = Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    frame.render_widget(body, centered(area, width, height));
}

/// The desk's keys from its key table, packed into lines no wider than `width`.
fn footer(width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in keymap::footer(Context::Desk, |_, _| None).split(" · ") {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 3 + item.chars().count() <= width => {
                line.push_str(" · ");
                line.push_str(item);
            }
            _ => lines.push(item.to_string()),
        }
    }
    lines
}
