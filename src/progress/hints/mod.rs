//! Progression hints: a few transparent rules over recent weeks, each carrying the numbers
//! that triggered it, so the screen can show why. Suggestions, never medical advice.
//!
//! The rules, as of today:
//! - **Come back gently**: the last session (finished or not) was 4 or more days ago.
//! - **Painful step**: a step marked "this hurts" in the last 14 days, named; marked in 2 or
//!   more sessions within those 14 days, the hint suggests asking a clinician.
//! - **Morning rose**: within the last 7 days, a morning check-in 2 or more above the one
//!   before the session day (that day's check-in, else its first session's "before" rating).
//! - **Stiffer after**: the last two sessions rated both times, within 14 days, each left
//!   the back stiffer than before.
//! - **Ready to progress**: none of the hints above, at least 5 of the last 7 days done,
//!   morning stiffness over the last 14 days no more than 0.5 above the 14 days before
//!   (3 check-in days needed on each side), and over the last 14 days at least 3 rated
//!   sessions whose mean change is 0 or less. When every session of those 14 days was of a
//!   phase-1 routine, the hint names the phase-2 routine, `capacity`.
//!
//! Beside the hints, a session offers the easier version of a step marked painful until
//! three finished sessions in a row go without a mark on it (`progress::easier`).
//! - **Nothing to say** when no rule fires.

mod rules;
mod text;

use chrono::{NaiveDate, NaiveTime};

use super::days::History;
use crate::journal::record::Record;

pub use text::DISCLAIMER;

/// One hint and the numbers behind it.
#[derive(Debug, Clone, PartialEq)]
pub enum Hint {
    /// Ready to progress one variable.
    Progress {
        /// Every session of the last 14 days was of a phase-1 routine: the next phase's
        /// routine is worth naming.
        only_phase_one: bool,
        /// Ritual days among the last 7.
        days_done: u32,
        /// Mean morning rating in the 14 days before the last 14.
        mornings_before: f64,
        /// Mean morning rating over the last 14 days.
        mornings_recent: f64,
        /// Mean `after - before` of the rated sessions of the last 14 days.
        change: f64,
    },
    /// The morning after a session day was 2 or more stiffer.
    MorningRose {
        session_day: NaiveDate,
        before: f64,
        morning: f64,
    },
    /// The last two rated sessions each ended stiffer than they began: `(before, after)`,
    /// older first.
    StifferAfter { sessions: [(u8, u8); 2] },
    /// A step marked painful; `times` sessions marked it within 14 days.
    Painful {
        step: String,
        times: u32,
        last: NaiveDate,
    },
    /// No session for `days` days.
    ComeBack { days: u32, last: NaiveDate },
    /// No rule fired.
    Nothing,
}

/// What a hint asks of the person, for the screen's styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintKind {
    Progress,
    Hold,
    ComeBack,
    Nothing,
}

impl Hint {
    /// The family of the hint.
    #[must_use]
    pub fn kind(&self) -> HintKind {
        match self {
            Hint::Progress { .. } => HintKind::Progress,
            Hint::MorningRose { .. } | Hint::StifferAfter { .. } | Hint::Painful { .. } => {
                HintKind::Hold
            }
            Hint::ComeBack { .. } => HintKind::ComeBack,
            Hint::Nothing => HintKind::Nothing,
        }
    }
}

/// Every hint that applies today, most pressing first; `[Nothing]` when none does.
///
/// `recent` must hold at least the records dated within the last 28 days (older ones are
/// ignored); `history` the tallies of every day; `phase_of` gives a routine id's phase.
#[must_use]
pub fn hints(
    history: &History,
    recent: &[Record],
    today: NaiveDate,
    day_start: NaiveTime,
    phase_of: &dyn Fn(&str) -> Option<u8>,
) -> Vec<Hint> {
    let input = rules::Input {
        history,
        recent,
        today,
        day_start,
        phase_of,
    };
    let mut found: Vec<Hint> = Vec::new();
    found.extend(rules::come_back(&input));
    found.extend(rules::painful(&input));
    found.extend(rules::morning_rose(&input));
    found.extend(rules::stiffer_after(&input));
    if found.is_empty() {
        found.extend(rules::progress(&input));
    }
    if found.is_empty() {
        found.push(Hint::Nothing);
    }
    found
}
