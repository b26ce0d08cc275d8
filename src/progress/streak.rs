//! Streaks: the strict count of consecutive ritual days, with rest days as bridges.
//!
//! A rest day (a `[[rest]]` record on a day without a completed session) keeps a streak alive
//! without adding to it, at most 2 in any 7 days. Rest days are honoured oldest first; a rest
//! day that would be the 3rd honoured one within 7 days is not honoured: it still shows on the
//! calendar as rest, but for streaks and the consistency score it is a missed day.
//!
//! The rules run day by day in [`super::ledger`], with the consistency score's.

use chrono::{Days, NaiveDate};

use super::days::History;

/// How many rest days may bridge a streak within any 7 consecutive days.
pub const REST_DAYS_PER_WEEK: usize = 2;

/// What a day counts as for streaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// At least one completed session.
    Ritual,
    /// An honoured rest day: bridges a streak, adds nothing.
    Rest,
}

/// The current and the best streak, in ritual days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Streaks {
    /// Consecutive kept days ending today, or yesterday when today is not kept yet.
    pub current: u32,
    /// The longest run ever, the current one included.
    pub best: u32,
}

/// How many of the `days` days ending today are ritual days (the "5 of last 7").
#[must_use]
pub fn days_done_in_last(history: &History, today: NaiveDate, days: u64) -> u32 {
    let start = today - Days::new(days.saturating_sub(1));
    let count = history
        .days
        .range(start..=today)
        .filter(|(_, t)| t.is_ritual())
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}
