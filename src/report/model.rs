//! The report as data: every section's figures, ready for a renderer.

use chrono::{NaiveDate, NaiveDateTime};

use super::input::Period;
use crate::journal::PainChoice;
use crate::progress::hints::Hint;
use crate::progress::trends::StiffnessChange;

/// Everything a report shows, section by section.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub period: Period,
    /// The routines played in the period, most played first.
    pub routines_done: Vec<RoutineCount>,
    pub adherence: Adherence,
    pub stiffness: Stiffness,
    pub pain: Vec<PainMark>,
    pub notes: Vec<Note>,
    pub rest_days: Vec<RestDay>,
    pub routines: Vec<RoutineDone>,
    pub hints: Vec<HintSpan>,
}

/// How a day of the period went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayState {
    /// At least one session played to its end.
    Done,
    /// Only sessions ended early.
    Partly,
    /// A rest day without a finished session.
    Rest,
    /// Nothing recorded.
    None,
}

impl DayState {
    /// The word for the state, as the legend and the tables use it.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            DayState::Done => "done",
            DayState::Partly => "partly done",
            DayState::Rest => "rest day",
            DayState::None => "none",
        }
    }

    /// The mark of the state in a calendar, so it reads without colour.
    #[must_use]
    pub fn mark(self) -> &'static str {
        match self {
            DayState::Done => "✓",
            DayState::Partly => "½",
            DayState::Rest => "R",
            DayState::None => "·",
        }
    }
}

/// One day of the adherence calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayCell {
    pub date: NaiveDate,
    pub state: DayState,
    /// Sessions played to their end that day.
    pub sessions: u16,
}

/// Sessions in one week (Monday first) of the period; only its days within the period count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekCount {
    pub monday: NaiveDate,
    /// Sessions played to their end.
    pub sessions: u32,
    /// Sessions ended early.
    pub partly: u32,
    /// Days with at least one finished session.
    pub days_done: u32,
}

/// Sessions of one routine in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineCount {
    pub routine: String,
    /// The title recorded with its latest session.
    pub title: String,
    pub full: u32,
    pub short: u32,
    /// Ended early, either version.
    pub partly: u32,
}

/// The adherence section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adherence {
    pub days: Vec<DayCell>,
    pub weeks: Vec<WeekCount>,
    /// Desk resets week by week; empty when desk mode was not used in the period.
    pub desk: Vec<DeskWeek>,
}

/// Desk mode in one week (Monday first) of the period, as its days' tallies add up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeskWeek {
    pub monday: NaiveDate,
    /// Days with a desk record.
    pub days: u32,
    /// Prompts shown (a snoozed prompt that comes back is one).
    pub offered: u32,
    /// Resets (or transition routines) played to their end on those days.
    pub done: u32,
    pub snoozed: u32,
    pub skipped: u32,
    /// Prompts left unanswered when the desk closed.
    pub missed: u32,
}

impl Adherence {
    /// How many days of the period were in a state.
    #[must_use]
    pub fn count(&self, state: DayState) -> usize {
        self.days.iter().filter(|d| d.state == state).count()
    }
}

/// Mean ratings of one week (Monday first), over every rating of its days in the period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekMeans {
    pub monday: NaiveDate,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub morning: Option<f64>,
}

/// The stiffness section.
#[derive(Debug, Clone, PartialEq)]
pub struct Stiffness {
    pub weeks: Vec<WeekMeans>,
    /// Each day's means, for the faint marks behind the weekly lines (`monday` is the day).
    pub days: Vec<WeekMeans>,
    /// Mean of `after - before` over the sessions rated both times.
    pub change: Option<StiffnessChange>,
    pub next_morning: NextMorning,
}

/// The change from one morning's check-in to the next, after days with a finished session
/// and after days without.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NextMorning {
    pub after_session_days: Option<StiffnessChange>,
    pub after_other_days: Option<StiffnessChange>,
}

/// One "this hurts" mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PainMark {
    pub date: NaiveDate,
    pub routine: String,
    /// The step; `None` for a mark made while getting ready that was not said to be about
    /// the coming step.
    pub step: Option<String>,
    /// "left" or "right", when the journal recorded it.
    pub side: Option<String>,
    /// What the person chose after marking it, when recorded.
    pub chosen: Option<PainChoice>,
    /// Whether a later session of the routine played the step in its easier version.
    pub easier_after: EasierAfter,
}

/// What the sessions of a routine after a mark say about the step's easier version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EasierAfter {
    /// A later session played it in its easier version; the first such day.
    Used(NaiveDate),
    /// The later sessions recorded their steps, and none played it easier.
    NotUsed,
    /// No later session of the routine in the period.
    NoLaterSession,
    /// The later sessions were recorded before the journal kept their steps, or the mark
    /// names no step.
    NotRecorded,
}

/// A note, from a session or a check-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub at: NaiveDateTime,
    /// What it was written with: a routine's title, or "morning check-in".
    pub with: String,
    pub text: String,
}

/// A rest day of the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestDay {
    pub date: NaiveDate,
    pub reason: Option<String>,
}

/// One step of a routine as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineStep {
    pub name: String,
    /// "10 reps", "0:30", with "each side" when per side.
    pub amount: String,
    /// Part of the short version.
    pub essential: bool,
}

/// A routine played in the period, with its steps as the routine file has them now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineDone {
    pub routine: String,
    pub title: String,
    /// Empty when the routine's file is gone.
    pub steps: Vec<RoutineStep>,
    /// The versions of its file played, in order: a new entry each time the version changed.
    pub versions: Vec<VersionUse>,
    /// The version of the file as it is now, when it still exists.
    pub current: Option<String>,
}

/// A run of sessions that played the same version of a routine file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionUse {
    /// The short hash the journal recorded; `None` for sessions recorded without one.
    pub version: Option<String>,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub sessions: u32,
    /// What changed from the version played before it (for the first, in the weeks before
    /// the period).
    pub change: VersionChange,
}

/// What changed in a routine's file from one version played to the next, as the sessions'
/// recorded plans show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionChange {
    /// The first version played in the period: the one played in the weeks before it too,
    /// or the routine was not played then.
    First,
    /// The changes to the steps; empty when the steps and their amounts stayed the same.
    Steps(Vec<StepChange>),
    /// The sessions of one of the two versions were recorded without their steps.
    NotRecorded,
    /// One version was played only in full and the other only short.
    OtherVariant,
}

/// One change to a routine's steps between two versions of its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepChange {
    Added {
        name: String,
        amount: String,
    },
    Removed {
        name: String,
        amount: String,
    },
    /// A step in the same place under a new name.
    Renamed {
        from: String,
        to: String,
    },
    /// Seconds or reps (or per side) changed.
    Amount {
        name: String,
        from: String,
        to: String,
    },
    /// The steps kept are in a new order.
    Reordered,
}

/// A hint that applied on every day from `first` to `last`, with its numbers on `first`.
#[derive(Debug, Clone, PartialEq)]
pub struct HintSpan {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub hint: Hint,
}
