//! The report's words and tables, shared by the HTML and the Markdown renderer so both carry
//! the same sections with the same figures.

use chrono::NaiveDate;

use super::model::{
    DayState, EasierAfter, PainMark, Report, RoutineDone, StepChange, VersionChange,
};
use crate::journal::PainChoice;
use crate::progress::trends::StiffnessChange;

/// A table: its column headings and its rows of cells (plain text, escaped by the renderer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub head: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// A date as people read it: "Mon 2 Nov 2026".
#[must_use]
pub fn date(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// A mean rating with one decimal, or a dash when there is none.
#[must_use]
pub fn rating(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"))
}

/// "Mon 2 Nov 2026 to Sun 29 Nov 2026 (28 days)".
#[must_use]
pub fn period(report: &Report) -> String {
    let p = report.period;
    let days = (p.until - p.since).num_days() + 1;
    let unit = if days == 1 { "day" } else { "days" };
    format!("{} to {} ({days} {unit})", date(p.since), date(p.until))
}

/// "Morning wake-up (20), Desk reset (3)", or "none".
#[must_use]
pub fn routines_done(report: &Report) -> String {
    if report.routines_done.is_empty() {
        return "none".to_string();
    }
    let names: Vec<String> = report
        .routines_done
        .iter()
        .map(|c| format!("{} ({})", c.title, c.full + c.short + c.partly))
        .collect();
    names.join(", ")
}

/// "done 20 · partly done 2 · rest day 1 · none 5 (of 28 days)".
#[must_use]
pub fn day_counts(report: &Report) -> String {
    let a = &report.adherence;
    let parts: Vec<String> = [
        DayState::Done,
        DayState::Partly,
        DayState::Rest,
        DayState::None,
    ]
    .iter()
    .map(|s| format!("{} {}", s.word(), a.count(*s)))
    .collect();
    format!("{} (of {} days)", parts.join(" · "), a.days.len())
}

/// Sessions per week.
#[must_use]
pub fn weeks_table(report: &Report) -> Table {
    Table {
        head: vec!["week of", "days done", "sessions", "ended early"],
        rows: report
            .adherence
            .weeks
            .iter()
            .map(|w| {
                vec![
                    date(w.monday),
                    w.days_done.to_string(),
                    w.sessions.to_string(),
                    w.partly.to_string(),
                ]
            })
            .collect(),
    }
}

/// Desk resets per week.
#[must_use]
pub fn desk_table(report: &Report) -> Table {
    Table {
        head: vec![
            "week of",
            "days at the desk",
            "prompts offered",
            "resets done",
            "snoozed",
            "skipped",
            "missed",
        ],
        rows: report
            .adherence
            .desk
            .iter()
            .map(|w| {
                let counts = [w.days, w.offered, w.done, w.snoozed, w.skipped, w.missed];
                let mut row = vec![date(w.monday)];
                row.extend(counts.iter().map(ToString::to_string));
                row
            })
            .collect(),
    }
}

/// What the desk table's counts mean.
pub const DESK_RESETS: &str = "Desk mode prompts a short reset through the working day. A \
snoozed prompt that comes back counts once; resets done include those started without a prompt \
on a day the desk was open.";

/// Sessions per routine.
#[must_use]
pub fn routines_table(report: &Report) -> Table {
    Table {
        head: vec!["routine", "full", "short", "ended early"],
        rows: report
            .routines_done
            .iter()
            .map(|c| {
                vec![
                    c.title.clone(),
                    c.full.to_string(),
                    c.short.to_string(),
                    c.partly.to_string(),
                ]
            })
            .collect(),
    }
}

/// Weekly means of the three ratings.
#[must_use]
pub fn stiffness_table(report: &Report) -> Table {
    Table {
        head: vec![
            "week of",
            "before a session",
            "after a session",
            "on waking",
        ],
        rows: report
            .stiffness
            .weeks
            .iter()
            .map(|w| {
                vec![
                    date(w.monday),
                    rating(w.before),
                    rating(w.after),
                    rating(w.morning),
                ]
            })
            .collect(),
    }
}

/// The change across a session and the next-morning changes, one sentence each.
#[must_use]
pub fn stiffness_lines(report: &Report) -> Vec<String> {
    let s = &report.stiffness;
    let next = |label: &str, change: Option<StiffnessChange>| {
        change.map_or_else(
            || format!("After {label}: no pair of mornings recorded."),
            |c| {
                format!(
                    "After {label}, the next morning changed by {:+.1} on average ({} {}).",
                    c.mean,
                    c.sessions,
                    plural(c.sessions, "day", "days")
                )
            },
        )
    };
    vec![
        s.change.map_or_else(
            || "Across a session: no session rated before and after.".to_string(),
            |c| {
                format!(
                    "Across a session, stiffness changed by {:+.1} on average ({} rated {}).",
                    c.mean,
                    c.sessions,
                    plural(c.sessions, "session", "sessions")
                )
            },
        ),
        next("days with a session", s.next_morning.after_session_days),
        next("days without a session", s.next_morning.after_other_days),
    ]
}

/// Every pain mark.
#[must_use]
pub fn pain_table(report: &Report) -> Table {
    const UNKNOWN: &str = "not recorded";
    Table {
        head: vec![
            "date",
            "routine",
            "step",
            "side",
            "chosen",
            "easier version afterwards",
        ],
        rows: report
            .pain
            .iter()
            .map(|m| {
                vec![
                    date(m.date),
                    m.routine.clone(),
                    m.step
                        .clone()
                        .unwrap_or_else(|| "while getting ready".to_string()),
                    m.side.clone().unwrap_or_else(|| side_unknown(m)),
                    m.chosen.map_or(UNKNOWN, PainChoice::label).to_string(),
                    easier_after(m.easier_after),
                ]
            })
            .collect(),
    }
}

/// A mark without a side: the step is not per side, or the journal did not say.
fn side_unknown(mark: &PainMark) -> String {
    if mark.chosen.is_some() {
        "–"
    } else {
        "not recorded"
    }
    .to_string()
}

/// "used from Thu 5 Nov 2026", "not used", "no later session", "not recorded".
fn easier_after(after: EasierAfter) -> String {
    match after {
        EasierAfter::Used(day) => format!("used from {}", date(day)),
        EasierAfter::NotUsed => "not used".to_string(),
        EasierAfter::NoLaterSession => "no later session".to_string(),
        EasierAfter::NotRecorded => "not recorded".to_string(),
    }
}

/// Every note.
#[must_use]
pub fn notes_table(report: &Report) -> Table {
    Table {
        head: vec!["when", "with", "note"],
        rows: report
            .notes
            .iter()
            .map(|n| {
                vec![
                    n.at.format("%a %-d %b %Y %H:%M").to_string(),
                    n.with.clone(),
                    n.text.clone(),
                ]
            })
            .collect(),
    }
}

/// Every rest day.
#[must_use]
pub fn rest_table(report: &Report) -> Table {
    Table {
        head: vec!["date", "reason"],
        rows: report
            .rest_days
            .iter()
            .map(|r| vec![date(r.date), r.reason.clone().unwrap_or_default()])
            .collect(),
    }
}

/// The hints that applied.
#[must_use]
pub fn hints_table(report: &Report) -> Table {
    Table {
        head: vec!["from", "to", "hint"],
        rows: report
            .hints
            .iter()
            .map(|h| vec![date(h.first), date(h.last), h.hint.to_string()])
            .collect(),
    }
}

/// What the routines section can and cannot show.
pub const ROUTINE_VERSIONS: &str = "Each session records which version of its routine file \
was played (a short code of the file's text; a new code means the file was edited) and its steps \
with their seconds or reps, so the table says what changed from one version to the next. The \
steps below are as the files have them now.";

/// The versions of a routine's file played in the period, and what changed in each.
#[must_use]
pub fn versions_table(routine: &RoutineDone) -> Table {
    Table {
        head: vec!["version", "from", "to", "sessions", "what changed"],
        rows: routine
            .versions
            .iter()
            .map(|v| {
                let name = v
                    .version
                    .clone()
                    .unwrap_or_else(|| "not recorded".to_string());
                let now = if v.version.is_some() && v.version == routine.current {
                    " (the file now)"
                } else {
                    ""
                };
                vec![
                    format!("{name}{now}"),
                    date(v.first),
                    date(v.last),
                    v.sessions.to_string(),
                    version_change(&v.change),
                ]
            })
            .collect(),
    }
}

/// "added Clamshells (10 reps); Bridges: 10 reps → 12 reps".
fn version_change(change: &VersionChange) -> String {
    match change {
        VersionChange::First => "first played in the period".to_string(),
        VersionChange::NotRecorded => "changed (details not recorded)".to_string(),
        VersionChange::OtherVariant => {
            "changed (one version was played only in full and the other only short, so the \
             steps cannot be compared)"
                .to_string()
        }
        VersionChange::Steps(steps) if steps.is_empty() => {
            "the same steps, seconds and reps (other text changed, such as a cue)".to_string()
        }
        VersionChange::Steps(steps) => {
            let each: Vec<String> = steps.iter().map(step_change).collect();
            each.join("; ")
        }
    }
}

fn step_change(change: &StepChange) -> String {
    match change {
        StepChange::Added { name, amount } => format!("added {name} ({amount})"),
        StepChange::Removed { name, amount } => format!("removed {name} ({amount})"),
        StepChange::Renamed { from, to } => format!("renamed {from} to {to}"),
        StepChange::Amount { name, from, to } => format!("{name}: {from} → {to}"),
        StepChange::Reordered => "the steps in a new order".to_string(),
    }
}

/// The steps of a routine's file now.
#[must_use]
pub fn steps_table(routine: &RoutineDone) -> Table {
    Table {
        head: vec!["step", "amount", "in the short version"],
        rows: routine
            .steps
            .iter()
            .map(|s| {
                let short = if s.essential { "yes" } else { "no" };
                vec![s.name.clone(), s.amount.clone(), short.to_string()]
            })
            .collect(),
    }
}

/// What a routine's file is said to be when it is gone.
pub const ROUTINE_GONE: &str = "The routine file is gone, so its steps cannot be shown.";

/// Singular or plural by count.
#[must_use]
pub fn plural(n: u32, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
