//! What each calendar day of the practice holds: the dating rule and the per-day tallies.
//!
//! Every progress figure (streaks, consistency, the calendar, the morning trend) is computed
//! from these tallies, which add up record by record in any order; the summary cache stores
//! them so that years of history never need to be parsed again. Days older than the last
//! [`DAILY_DAYS`] can be folded into a [`Ledger`], so a history holds a bounded number of days.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use super::calendar::CALENDAR_WEEKS;
use super::ledger::{Ledger, Standing};
use crate::journal::record::{Record, SessionRecord};

/// How many of the latest days a history keeps day by day when it is folded: every figure
/// but those of the [`Ledger`] reads no further back than the calendar's weeks.
pub const DAILY_DAYS: u64 = 7 * (CALENDAR_WEEKS + 1);

/// The ritual day a moment belongs to: its local date in its own recorded offset, shifted
/// back by `day_start`, so a session at 00:30 with a 03:00 day start counts for the day before.
///
/// The offset is the one recorded with the moment, so travel and daylight-saving changes
/// never move a past session to another day.
#[must_use]
pub fn ritual_date(at: DateTime<FixedOffset>, day_start: NaiveTime) -> NaiveDate {
    let shift = day_start.signed_duration_since(NaiveTime::MIN);
    (at.naive_local() - shift).date()
}

/// The last day whose records count as of `today`: tomorrow. A record dated later is more
/// than a day ahead (a clock set wrong, a mistyped date); it is held back with a warning and
/// counts once its day comes. A day of leeway keeps records from a machine in another time
/// zone, or with a clock a little ahead, counting at once.
#[must_use]
pub fn horizon(today: NaiveDate) -> NaiveDate {
    today.succ_opt().unwrap_or(today)
}

/// The date a record counts for.
#[must_use]
pub fn record_date(record: &Record, day_start: NaiveTime) -> NaiveDate {
    match record {
        Record::Session(s) => ritual_date(s.started, day_start),
        Record::Checkin(c) => ritual_date(c.at, day_start),
        Record::Rest(r) => r.date,
        Record::Desk(d) => ritual_date(d.at, day_start),
    }
}

/// Everything one day adds up to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayTally {
    /// Completed sessions of a full version.
    pub full: u16,
    /// Completed sessions of a short version.
    pub short: u16,
    /// Sessions ended early.
    pub partial: u16,
    /// A `[[rest]]` record names this day.
    pub rest: bool,
    /// Sum and number of the morning check-ins' ratings, so the day's mean can be taken.
    pub checkin_sum: u32,
    pub checkin_count: u16,
}

impl DayTally {
    /// A ritual day: at least one completed session.
    #[must_use]
    pub fn is_ritual(&self) -> bool {
        self.completed() > 0
    }

    /// Completed sessions of either version.
    #[must_use]
    pub fn completed(&self) -> u16 {
        self.full.saturating_add(self.short)
    }

    /// Any session at all, finished or not.
    #[must_use]
    pub fn played(&self) -> bool {
        self.completed() > 0 || self.partial > 0
    }

    /// The mean morning rating of the day, when it has check-ins.
    #[must_use]
    pub fn morning(&self) -> Option<f64> {
        morning(self.checkin_sum, self.checkin_count)
    }

    fn add_session(&mut self, session: &SessionRecord) {
        let slot = match (session.completed, session.variant.as_str()) {
            (false, _) => &mut self.partial,
            (true, "short") => &mut self.short,
            (true, _) => &mut self.full,
        };
        *slot = slot.saturating_add(1);
    }
}

/// The mean of `count` morning ratings that add up to `sum`, when there are any.
#[must_use]
pub fn morning(sum: u32, count: u16) -> Option<f64> {
    (count > 0).then(|| f64::from(sum) / f64::from(count))
}

/// The tallies of every day that holds a record, oldest first: day by day from `since` on,
/// and folded into `past` before it; and the routines played.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// The first day kept day by day; `None` keeps every day so.
    pub since: Option<NaiveDate>,
    /// Every day before `since`, folded.
    pub past: Ledger,
    pub days: BTreeMap<NaiveDate, DayTally>,
    /// The id of every routine a session was recorded of, finished or not.
    pub routines: BTreeSet<String>,
}

impl History {
    /// Tallies records in any order.
    #[must_use]
    pub fn from_records<'a>(
        records: impl IntoIterator<Item = &'a Record>,
        day_start: NaiveTime,
    ) -> Self {
        let mut history = Self::default();
        for record in records {
            // Nothing is folded yet, so every record is added.
            let _ = history.add(record, day_start);
        }
        history
    }

    /// Adds one record to the tally of its day; false, adding nothing, when the day is
    /// folded already (before `since`): then only a history built again can count it.
    #[must_use]
    pub fn add(&mut self, record: &Record, day_start: NaiveTime) -> bool {
        // Desk prompts count in desk mode's own tally, not in the day's practice.
        if let Record::Desk(_) = record {
            return true;
        }
        let date = record_date(record, day_start);
        if self.since.is_some_and(|since| date < since) {
            return false;
        }
        let day = self.days.entry(date).or_default();
        if let Record::Session(s) = record
            && !self.routines.contains(&s.routine)
        {
            self.routines.insert(s.routine.clone());
        }
        match record {
            Record::Session(s) => day.add_session(s),
            Record::Checkin(c) => {
                day.checkin_sum += u32::from(c.stiffness);
                day.checkin_count = day.checkin_count.saturating_add(1);
            }
            Record::Rest(_) => day.rest = true,
            Record::Desk(_) => {}
        }
        true
    }

    /// Folds the days before `date` into `past`; false when they were folded already.
    pub fn fold_before(&mut self, date: NaiveDate) -> bool {
        if self.since.is_some_and(|since| since >= date) {
            return false;
        }
        let later = self.days.split_off(&date);
        for (day, tally) in std::mem::replace(&mut self.days, later) {
            self.past.step(day, &tally);
        }
        self.since = Some(date);
        true
    }

    /// Adds the tallies of another part of the journal. Neither may be folded: days folded
    /// apart cannot be taken together again.
    pub fn merge(&mut self, other: History) {
        self.routines.extend(other.routines);
        for (date, tally) in other.days {
            let day = self.days.entry(date).or_default();
            day.full = day.full.saturating_add(tally.full);
            day.short = day.short.saturating_add(tally.short);
            day.partial = day.partial.saturating_add(tally.partial);
            day.rest |= tally.rest;
            day.checkin_sum += tally.checkin_sum;
            day.checkin_count = day.checkin_count.saturating_add(tally.checkin_count);
        }
    }

    /// The tally of a day, empty when nothing was recorded (or the day is folded).
    #[must_use]
    pub fn day(&self, date: NaiveDate) -> DayTally {
        self.days.get(&date).copied().unwrap_or_default()
    }

    /// The last day on which any session was played, finished or not.
    #[must_use]
    pub fn last_played(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.days
            .range(..=today)
            .rev()
            .find(|(_, t)| t.played())
            .map(|(d, _)| *d)
            .or(self.past.last_played)
    }

    /// The mean morning of each day with check-ins up to `today`, newest first, as far back
    /// as the ledger keeps them.
    pub fn mornings_back(&self, today: NaiveDate) -> impl Iterator<Item = f64> + '_ {
        let daily = self.days.range(..=today).rev();
        let folded = self.past.mornings.iter().rev();
        daily
            .filter_map(|(_, t)| t.morning())
            .chain(folded.filter_map(|&(sum, count)| morning(sum, count)))
    }

    /// The streaks, the consistency score and what today counts as, as of `today`.
    #[must_use]
    pub fn standing(&self, today: NaiveDate) -> Standing {
        let mut ledger = self.past.clone();
        for (date, tally) in self.days.range(..=today) {
            ledger.step(*date, tally);
        }
        let mut standing = ledger.standing_on(today);
        let later = (Bound::Excluded(today), Bound::Unbounded);
        for (date, tally) in self.days.range(later) {
            ledger.step(*date, tally);
        }
        standing.streaks.best = standing.streaks.best.max(ledger.best);
        standing
    }
}
