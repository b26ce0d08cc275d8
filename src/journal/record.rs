//! The records a journal holds: sessions, morning check-ins, rest days and desk mode's prompts.
//!
//! These are the domain values; how they are written as TOML lives in the store.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

use super::mark::PainMark;
use super::played::StepPlayed;

/// One played session, finished or ended early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// The routine id (file name without `.toml`).
    pub routine: String,
    pub title: String,
    /// "full" or "short".
    pub variant: String,
    /// Local time with the offset in force when it started, so the day never moves.
    pub started: DateTime<FixedOffset>,
    pub ended: DateTime<FixedOffset>,
    /// Time spent playing, paused time excluded.
    pub active_seconds: u64,
    pub completed: bool,
    pub steps_done: u32,
    pub steps_total: u32,
    /// 0 to 10.
    pub stiffness_before: Option<u8>,
    /// 0 to 10.
    pub stiffness_after: Option<u8>,
    pub note: Option<String>,
    /// Names of the steps marked "this hurts" (what journals before the marks held).
    pub painful_steps: Vec<String>,
    /// Each "this hurts" with its step, side and choice; empty in older journals.
    pub marks: Vec<PainMark>,
    /// The work played against the plan, for the done rule; `None` in older journals.
    pub played: Option<Box<WorkPlayed>>,
    /// A learning run (`--learn`): longer get-readies and every detail shown.
    pub learn: bool,
    /// Which text of the routine file was played: a short hash of it, when known.
    pub routine_version: Option<String>,
    /// The session's plan, step by step, with the steps played in their easier version;
    /// empty in older journals.
    pub steps: Vec<StepPlayed>,
}

/// What the done rule reads: how much of the planned work was played, whether the session
/// reached its end, and which steps were skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkPlayed {
    pub work_seconds: u64,
    pub work_seconds_planned: u64,
    pub reached_end: bool,
    pub skipped_steps: Vec<String>,
}

impl SessionRecord {
    /// A done session of `routine` (its id, and its title until one is set) in `variant`,
    /// from `started` to `ended` with all that time played and every one of `steps` steps
    /// done; no ratings, note, marks, work played or plan, as a journal from before them
    /// holds. What tests and tools start from, setting the rest with `..`.
    #[must_use]
    pub fn new(
        routine: &str,
        variant: &str,
        (started, ended): (DateTime<FixedOffset>, DateTime<FixedOffset>),
        steps: u32,
    ) -> Self {
        Self {
            routine: routine.to_string(),
            title: routine.to_string(),
            variant: variant.to_string(),
            started,
            ended,
            active_seconds: u64::try_from((ended - started).num_seconds()).unwrap_or(0),
            completed: true,
            steps_done: steps,
            steps_total: steps,
            stiffness_before: None,
            stiffness_after: None,
            note: None,
            painful_steps: Vec::new(),
            marks: Vec::new(),
            played: None,
            learn: false,
            routine_version: None,
            steps: Vec::new(),
        }
    }

    /// "done", "partly done" or "ended early". A record from before the done rule reads as
    /// it was written: completed is done, anything else ended early.
    #[must_use]
    pub fn outcome_label(&self) -> &'static str {
        let reached_end = self.played.as_ref().is_some_and(|p| p.reached_end);
        match (self.completed, reached_end) {
            (true, _) => "done",
            (false, true) => "partly done",
            (false, false) => "ended early",
        }
    }
}

/// The next-day signal: how the back feels on waking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckinRecord {
    pub at: DateTime<FixedOffset>,
    /// 0 to 10.
    pub stiffness: u8,
    pub note: Option<String>,
}

/// A day deliberately taken off, which keeps a streak alive without adding to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestRecord {
    pub date: NaiveDate,
    pub reason: Option<String>,
}

/// What happened at the desk: it opened, or a prompt was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskEvent {
    /// `poised desk` started: the first interval counts from here.
    Opened,
    /// Enter: the reset was started.
    Reset,
    /// `t`: the transition routine was started.
    Transition,
    Snoozed,
    Skipped,
    /// The desk closed with the prompt unanswered.
    Missed,
}

impl DeskEvent {
    /// Every event, in the order the documentation lists them.
    pub const ALL: [Self; 6] = [
        Self::Opened,
        Self::Reset,
        Self::Transition,
        Self::Snoozed,
        Self::Skipped,
        Self::Missed,
    ];

    /// The word the journal writes.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Opened => "opened",
            Self::Reset => "reset",
            Self::Transition => "transition",
            Self::Snoozed => "snoozed",
            Self::Skipped => "skipped",
            Self::Missed => "missed",
        }
    }

    /// The event a word names.
    #[must_use]
    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == word)
    }
}

/// One moment of desk mode: one record per answer to a prompt, and one when the desk opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeskRecord {
    pub at: DateTime<FixedOffset>,
    pub event: DeskEvent,
    /// For answers: when the prompt was first shown (a snoozed prompt keeps its time).
    pub offered: Option<DateTime<FixedOffset>>,
}

/// Any record of the journal, in file order.
// Sessions are most of a journal's records, so boxing them would cost an allocation each to
// save space on the few check-ins, rest days and desk events.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Session(SessionRecord),
    Checkin(CheckinRecord),
    Rest(RestRecord),
    Desk(DeskRecord),
}

impl Record {
    /// When it happened, as a time that sorts records from several machines and offsets:
    /// the start of a session, the time of a check-in, the start of a rest day (UTC).
    #[must_use]
    pub fn moment(&self) -> NaiveDateTime {
        match self {
            Self::Session(s) => s.started.naive_utc(),
            Self::Checkin(c) => c.at.naive_utc(),
            Self::Desk(d) => d.at.naive_utc(),
            Self::Rest(r) => r.date.and_time(NaiveTime::MIN),
        }
    }

    /// The session this record holds, if it is one; handy with `filter_map`.
    #[must_use]
    pub fn as_session(&self) -> Option<&SessionRecord> {
        if let Self::Session(s) = self {
            Some(s)
        } else {
            None
        }
    }

    /// The check-in this record holds, if it is one.
    #[must_use]
    pub fn as_checkin(&self) -> Option<&CheckinRecord> {
        if let Self::Checkin(c) = self {
            Some(c)
        } else {
            None
        }
    }

    /// The desk event this record holds, if it is one.
    #[must_use]
    pub fn as_desk(&self) -> Option<&DeskRecord> {
        if let Self::Desk(d) = self {
            Some(d)
        } else {
            None
        }
    }
}
