//! What each calendar day of the practice holds: the dating rule and the per-day tallies.
//!
//! Every progress figure (streaks, consistency, the calendar, the morning trend) is computed
//! from these tallies, which add up record by record in any order; the summary cache stores
//! them so that years of history never need to be parsed again.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use crate::journal::record::{Record, SessionRecord};

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
        (self.checkin_count > 0)
            .then(|| f64::from(self.checkin_sum) / f64::from(self.checkin_count))
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

/// The tallies of every day that holds a record, oldest first, and the routines played.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
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
            history.add(record, day_start);
        }
        history
    }

    /// Adds one record to the tally of its day.
    pub fn add(&mut self, record: &Record, day_start: NaiveTime) {
        // Desk prompts count in desk mode's own tally, not in the day's practice.
        if let Record::Desk(_) = record {
            return;
        }
        if let Record::Session(s) = record
            && !self.routines.contains(&s.routine)
        {
            self.routines.insert(s.routine.clone());
        }
        let day = self.days.entry(record_date(record, day_start)).or_default();
        match record {
            Record::Session(s) => day.add_session(s),
            Record::Checkin(c) => {
                day.checkin_sum += u32::from(c.stiffness);
                day.checkin_count = day.checkin_count.saturating_add(1);
            }
            Record::Rest(_) => day.rest = true,
            Record::Desk(_) => {}
        }
    }

    /// Adds the tallies of another part of the journal.
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

    /// The tally of a day, empty when nothing was recorded.
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
    }
}
