//! Home: the routines grouped by wardrobe, a details pane, the "I have N minutes" filter,
//! and a line about today above the footer.

use std::collections::BTreeSet;
use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::journal::{Record, Saved};
use crate::progress::hints::Hint;
use crate::progress::{DayKind, ProgressModel};
use crate::routine::{Routine, Variant};
use crate::safety;
use crate::text::{fit, mss, sanitize, width as text_width};
use crate::tui::keymap::{self, Action, Context};
use crate::tui::screens::message;
use crate::tui::theme::Theme;

/// What Home remembers between visits: the selection and the time filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Home {
    /// Index into the visible choices.
    pub selected: usize,
    /// "I have N minutes".
    pub minutes: Option<u8>,
    /// How far the details pane is scrolled down, in lines.
    pub details_scroll: u16,
    /// "Record today as a rest day? (y/n)" is open.
    pub confirm_rest: bool,
    /// The record just made from the app, which `u` takes back, until the next key here.
    pub undo: Option<Undo>,
    /// Today at a glance, once the journal has been read.
    pub today: Option<Today>,
}

/// A record made from the app that can still be taken back from Home.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undo {
    pub saved: Saved,
    /// "Take back …? (y/n)" is open.
    pub asking: bool,
}

impl Undo {
    /// "Take back the check-in of 07:00? (y/n)".
    #[must_use]
    pub fn question(&self) -> String {
        let what = match &self.saved.record {
            Record::Session(s) => format!(
                "the {} session of {}",
                sanitize(&s.routine),
                s.started.format("%H:%M")
            ),
            Record::Checkin(c) => format!("the check-in of {}", c.at.format("%H:%M")),
            Record::Rest(r) => format!("the rest day of {}", r.date.format("%a %-d %b")),
            Record::Desk(d) => format!("the desk record of {}", d.at.format("%H:%M")),
        };
        format!("Take back {what}? (y/n)")
    }
}

/// Home's line about today: whether the ritual is done, the streak and the top hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Today {
    pub state: DayKind,
    pub streak: u32,
    /// The most pressing hint, when one applies.
    pub hint: Option<String>,
    /// The ids of the routines the journal holds a session of: beside the others, Home
    /// suggests a learning run.
    pub played: BTreeSet<String>,
}

impl Today {
    /// Today as the progress picture has it.
    #[must_use]
    pub fn of(model: &ProgressModel) -> Self {
        let state = model
            .calendar
            .weeks
            .iter()
            .flatten()
            .find(|d| d.date == model.today)
            .map_or(DayKind::Empty, |d| d.kind);
        let hint = model.hints.iter().find(|h| **h != Hint::Nothing);
        Self {
            state,
            streak: model.streaks.current,
            hint: hint.map(|h| sanitize(&h.to_string())),
            played: model.played.clone(),
        }
    }

    /// "Today: done · streak 12 days · Welcome back: …", fitted to `width` columns.
    #[must_use]
    pub fn line(&self, width: usize) -> String {
        let done = match self.state {
            DayKind::Full | DayKind::Short => "done",
            DayKind::Rest => "a rest day",
            DayKind::Partial => "started, not finished",
            DayKind::Empty | DayKind::Future => "not done yet",
        };
        let days = if self.streak == 1 { "day" } else { "days" };
        let mut line = format!(" Today: {done} · streak {} {days}", self.streak);
        if let Some(hint) = &self.hint {
            line.push_str(" · ");
            line.push_str(hint);
        }
        fit(&line, width)
    }
}

/// One routine that can be started from Home, in the version that fits the filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice<'a> {
    pub routine: &'a Routine,
    /// The version Enter starts: the full one, or the short one when only it fits.
    pub variant: Variant,
}

impl Home {
    /// The routines shown, in library order, each in the version that fits the filter.
    #[must_use]
    pub fn choices<'a>(&self, routines: &'a [Routine]) -> Vec<Choice<'a>> {
        let limit = self.minutes.map(|m| Duration::from_secs(u64::from(m) * 60));
        routines
            .iter()
            .filter_map(|routine| {
                let fits = |v| limit.is_none_or(|l| routine.total(v) <= l);
                let variant = if fits(Variant::Full) {
                    Variant::Full
                } else if routine.has_short() && fits(Variant::Short) {
                    Variant::Short
                } else {
                    return None;
                };
                Some(Choice { routine, variant })
            })
            .collect()
    }

    /// A routine the journal has never seen a session of (once the journal has been read):
    /// Home suggests learning it.
    #[must_use]
    pub fn is_new(&self, routine: &Routine) -> bool {
        self.today
            .as_ref()
            .is_some_and(|t| !t.played.contains(&routine.id))
    }

    /// Moves the selection by `delta`, staying within `count` choices.
    pub fn move_by(&mut self, delta: isize, count: usize) {
        let last = count.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.details_scroll = 0;
    }

    /// Scrolls the details pane, so the cues of long routines can be read.
    pub fn scroll_details(&mut self, delta: i16) {
        self.details_scroll = self.details_scroll.saturating_add_signed(delta).min(500);
    }

    /// Sets or clears (0) the time filter, keeping the selected routine when it still shows.
    pub fn filter(&mut self, minutes: u8, routines: &[Routine]) {
        let before = self
            .choices(routines)
            .get(self.selected)
            .map(|c| c.routine.id.clone());
        self.minutes = (minutes > 0).then_some(minutes);
        let choices = self.choices(routines);
        let kept = choices
            .iter()
            .position(|c| Some(&c.routine.id) == before.as_ref());
        self.selected = kept
            .unwrap_or(self.selected)
            .min(choices.len().saturating_sub(1));
    }
}

/// Draws Home: the list on the left, the selected routine's steps on the right.
pub fn render(frame: &mut Frame, area: Rect, home: &Home, routines: &[Routine], theme: Theme) {
    let today_rows = u16::from(home.today.is_some());
    let [body, today, footer, advice] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(today_rows),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if let Some(line) = &home.today {
        let style = if line.hint.is_some() {
            theme.text()
        } else {
            theme.good()
        };
        let text = line.line(usize::from(today.width));
        frame.render_widget(Paragraph::new(text).style(style), today);
    }
    let [list, details] =
        Layout::horizontal([Constraint::Percentage(48), Constraint::Percentage(52)]).areas(body);
    let choices = home.choices(routines);
    render_list(frame, list, home, &choices, theme);
    match choices.get(home.selected) {
        Some(choice) => render_details(frame, details, choice, home, theme),
        None => frame.render_widget(
            Paragraph::new("Nothing fits in that time. Press 0 to show every routine.")
                .style(theme.muted())
                .wrap(Wrap { trim: true })
                .block(Block::bordered().border_style(theme.border())),
            details,
        ),
    }
    let keys = keymap::footer(Context::Home, |action, _| match (action, home.minutes) {
        (Action::Minutes(_), Some(m)) => Some(format!("fits in {m} min · 0 all")),
        (Action::Undo, _) if home.undo.is_none() => Some(String::new()),
        _ => None,
    });
    frame.render_widget(
        Paragraph::new(format!(
            " {}",
            keymap::fit_footer(&keys, usize::from(footer.width.saturating_sub(1)))
        ))
        .style(theme.muted()),
        footer,
    );
    let advice_line = fit(
        &format!(" {}", safety::NOT_ADVICE),
        usize::from(advice.width),
    );
    frame.render_widget(Paragraph::new(advice_line).style(theme.muted()), advice);
    if home.confirm_rest {
        message::render_question(frame, area, "Record today as a rest day? (y/n)", theme);
    }
    if let Some(undo) = home.undo.as_ref().filter(|u| u.asking) {
        message::render_question(frame, area, &undo.question(), theme);
    }
}

fn render_list(frame: &mut Frame, area: Rect, home: &Home, choices: &[Choice], theme: Theme) {
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut wardrobe = None;
    for (i, choice) in choices.iter().enumerate() {
        let r = choice.routine;
        if wardrobe != Some(r.wardrobe.as_str()) {
            wardrobe = Some(r.wardrobe.as_str());
            lines.push(Line::styled(
                fit(&sanitize(&r.wardrobe).to_uppercase(), width),
                theme.heading(),
            ));
        }
        if i == home.selected {
            selected_line = lines.len();
        }
        let new = home.is_new(choice.routine);
        lines.extend(choice_lines(
            choice,
            (i == home.selected, new),
            width,
            theme,
        ));
    }
    let inner_height = usize::from(area.height.saturating_sub(2));
    let scroll = u16::try_from((selected_line + 2).saturating_sub(inner_height)).unwrap_or(0);
    let block = Block::bordered()
        .title(" poised ")
        .border_style(theme.border())
        .title_style(theme.title());
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

/// Beside the title of a routine never played (after the title's own space), when it fits
/// whole.
const NEW: &str = "· new";
/// First in the details of a routine never played.
const LEARN_IT: &str = "New to you: l plays it as a learning run, with twice the time to get \
                        ready and every detail on screen.";

/// The title (highlighted when selected) with "· new" beside a routine never played, then
/// its times and setting: "7:00 · short 3:00 · beside the bed · no equipment", each cut to
/// `width` with "…".
fn choice_lines<'a>(
    choice: &Choice,
    (selected, new): (bool, bool),
    width: usize,
    theme: Theme,
) -> [Line<'a>; 2] {
    let r = choice.routine;
    let time = match choice.variant {
        Variant::Full if r.has_short() => format!(
            "{} · short {}",
            mss(r.total(Variant::Full)),
            mss(r.total(Variant::Short))
        ),
        Variant::Full => mss(r.total(Variant::Full)),
        Variant::Short => format!("short {}", mss(r.total(Variant::Short))),
    };
    let style = if selected {
        theme.selected()
    } else {
        theme.text()
    };
    let details = std::iter::once(time).chain(r.setting.iter().map(|t| sanitize(t)));
    let title = format!(" {} ", sanitize(&r.title));
    let mark = if new && text_width(&title) + text_width(NEW) <= width {
        NEW
    } else {
        ""
    };
    [
        Line::from(vec![
            Span::styled(fit(&title, width), style),
            Span::styled(mark, theme.heading()),
        ]),
        Line::styled(
            fit(
                &format!("  {}", details.collect::<Vec<_>>().join(" · ")),
                width,
            ),
            theme.muted(),
        ),
    ]
}

fn render_details(frame: &mut Frame, area: Rect, choice: &Choice, home: &Home, theme: Theme) {
    let r = choice.routine;
    let mut lines = Vec::new();
    if home.is_new(r) {
        lines.push(Line::styled(LEARN_IT, theme.heading()));
        lines.push(Line::default());
    }
    lines.push(Line::styled(sanitize(&r.summary), theme.text()));
    if let Some(phase) = r.phase {
        let label = format!("Phase {}: {}", phase.number(), phase.label());
        lines.push(Line::styled(label, theme.muted()));
    }
    for step in r.steps_for(choice.variant) {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(sanitize(&step.name), theme.title()),
            Span::styled(
                format!("  {}", step.amount_in(choice.variant)),
                theme.muted(),
            ),
        ]));
        lines.push(Line::styled(sanitize(&step.cue), theme.text()));
        if let Some(detail) = &step.detail {
            lines.push(Line::styled(sanitize(detail), theme.muted()));
        }
    }
    let title = format!(
        " {} · {} · PgDn/PgUp ",
        choice.variant.as_str(),
        mss(r.total(choice.variant))
    );
    let title = fit(&title, usize::from(area.width.saturating_sub(2)));
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border())
        .title_style(theme.title());
    let details = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: true })
        .scroll((home.details_scroll, 0));
    frame.render_widget(details, area);
}
