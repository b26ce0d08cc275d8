//! The running state of the figures that look back over the whole history (the streaks, the
//! consistency score, the last day played, the latest mornings), taken day by day in date
//! order.
//!
//! Every such figure is this fold over the days from the first: so the days long past can be
//! folded once and kept as one small state (the summary cache keeps the fold of all but the
//! last two years), and a figure as of today is the same whether its days came folded or one by
//! one.

use chrono::{Days, NaiveDate};

use super::consistency;
use super::days::DayTally;
use super::streak::{Kept, REST_DAYS_PER_WEEK, Streaks};
use super::trends::MORNING_DAYS;

/// The figures over the days stepped so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    /// The latest kept day and what it counted as.
    pub last_kept: Option<(NaiveDate, Kept)>,
    /// Ritual days in the run of consecutive kept days that ends at `last_kept`.
    pub run: u32,
    /// The longest such run.
    pub best: u32,
    /// The honoured rest days of the last week before the latest rest day, oldest first.
    pub honoured: Vec<NaiveDate>,
    /// The consistency score's running value after `last_kept` (0 before any kept day).
    pub score: f64,
    /// The latest day with a session, finished or not.
    pub last_played: Option<NaiveDate>,
    /// The sum and count of the check-ins of the latest days with any, oldest first, at most
    /// [`MORNINGS_KEPT`].
    pub mornings: Vec<(u32, u16)>,
}

/// How many of the latest mornings the ledger keeps: as many as the morning trend reads.
pub const MORNINGS_KEPT: usize = 2 * MORNING_DAYS;

/// Where the figures stand as of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub streaks: Streaks,
    /// 0 to 100; see [`consistency`].
    pub consistency: u8,
    /// What the day itself counts as, when it is kept.
    pub today: Option<Kept>,
}

impl Ledger {
    /// Takes the next day, after every day stepped before; returns what it counts as.
    pub fn step(&mut self, date: NaiveDate, tally: &DayTally) -> Option<Kept> {
        if tally.played() {
            self.last_played = Some(date);
        }
        if tally.checkin_count > 0 {
            if self.mornings.len() == MORNINGS_KEPT {
                self.mornings.remove(0);
            }
            self.mornings.push((tally.checkin_sum, tally.checkin_count));
        }
        let kept = self.kept(date, tally)?;
        let follows = self
            .last_kept
            .is_some_and(|(last, _)| last.succ_opt() == Some(date));
        let ritual = u32::from(kept == Kept::Ritual);
        self.run = if follows { self.run + ritual } else { ritual };
        self.best = self.best.max(self.run);
        let missed = self.last_kept.map(|(last, _)| missed_between(last, date));
        self.score = consistency::kept_day(self.score, missed, kept);
        self.last_kept = Some((date, kept));
        Some(kept)
    }

    /// Where the figures stand on `today`, when every day up to today (and none after) has
    /// been stepped; the best streak so far.
    #[must_use]
    pub fn standing_on(&self, today: NaiveDate) -> Standing {
        let (current, since_kept, kept_today) = match self.last_kept {
            Some((last, kept)) if last == today => (self.run, 0, Some(kept)),
            Some((last, _)) => {
                let yesterday = last.succ_opt() == Some(today);
                let missed = missed_between(last, today);
                (if yesterday { self.run } else { 0 }, missed, None)
            }
            None => (0, 0, None),
        };
        Standing {
            streaks: Streaks {
                current,
                best: self.best.max(current),
            },
            consistency: consistency::percent(consistency::after_misses(self.score, since_kept)),
            today: kept_today,
        }
    }

    /// A rest day is kept when fewer than [`REST_DAYS_PER_WEEK`] were honoured in the 6 days
    /// before it; a ritual day always is.
    fn kept(&mut self, date: NaiveDate, tally: &DayTally) -> Option<Kept> {
        if tally.is_ritual() {
            return Some(Kept::Ritual);
        }
        if !tally.rest {
            return None;
        }
        let week_start = date - Days::new(6);
        self.honoured.retain(|d| *d >= week_start);
        (self.honoured.len() < REST_DAYS_PER_WEEK).then(|| {
            self.honoured.push(date);
            Kept::Rest
        })
    }
}

/// The days strictly between two days (0 when they follow each other).
fn missed_between(earlier: NaiveDate, later: NaiveDate) -> u32 {
    let days = (later - earlier).num_days().saturating_sub(1).max(0);
    u32::try_from(days).unwrap_or(u32::MAX)
}
