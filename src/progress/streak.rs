//! Streaks: the strict count of consecutive ritual days, with rest days as bridges.
//!
//! A rest day (a `[[rest]]` record on a day without a completed session) keeps a streak alive
//! without adding to it, at most 2 in any 7 days. Rest days are honoured oldest first; a rest
//! day that would be the 3rd honoured one within 7 days is not honoured: it still shows on the
//! calendar as rest, but for streaks and the consistency score it is a missed day.

use std::collections::BTreeMap;

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

/// Every day that keeps a streak alive, oldest first; days absent from the map are missed.
#[must_use]
pub fn kept_days(history: &History) -> BTreeMap<NaiveDate, Kept> {
    let mut kept = BTreeMap::new();
    let mut honoured: Vec<NaiveDate> = Vec::new();
    for (&date, tally) in &history.days {
        if tally.is_ritual() {
            kept.insert(date, Kept::Ritual);
        } else if tally.rest {
            let week_start = date - Days::new(6);
            let recent = honoured
                .iter()
                .rev()
                .take_while(|d| **d >= week_start)
                .count();
            if recent < REST_DAYS_PER_WEEK {
                honoured.push(date);
                kept.insert(date, Kept::Rest);
            }
        }
    }
    kept
}

/// The current and the best streak, in ritual days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Streaks {
    /// Consecutive kept days ending today, or yesterday when today is not kept yet.
    pub current: u32,
    /// The longest run ever, the current one included.
    pub best: u32,
}

/// Computes both streaks as of `today`.
#[must_use]
pub fn streaks(kept: &BTreeMap<NaiveDate, Kept>, today: NaiveDate) -> Streaks {
    let current = current_streak(kept, today);
    Streaks {
        current,
        best: best_streak(kept).max(current),
    }
}

fn current_streak(kept: &BTreeMap<NaiveDate, Kept>, today: NaiveDate) -> u32 {
    let mut day = if kept.contains_key(&today) {
        today
    } else {
        match today.pred_opt() {
            Some(yesterday) => yesterday,
            None => return 0,
        }
    };
    let mut count = 0;
    while let Some(mark) = kept.get(&day) {
        count += u32::from(*mark == Kept::Ritual);
        match day.pred_opt() {
            Some(before) => day = before,
            None => break,
        }
    }
    count
}

fn best_streak(kept: &BTreeMap<NaiveDate, Kept>) -> u32 {
    let mut best = 0;
    let mut run = 0;
    let mut previous: Option<NaiveDate> = None;
    for (&date, mark) in kept {
        if previous.and_then(|d| d.succ_opt()) != Some(date) {
            run = 0;
        }
        run += u32::from(*mark == Kept::Ritual);
        best = best.max(run);
        previous = Some(date);
    }
    best
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
