//! What a report is built from: the period, the records around it sorted by date, the day
//! tallies of the whole history and the routines as they are now.

use chrono::{Datelike, Days, NaiveDate, NaiveTime};

use crate::desk::DeskSettings;
use crate::journal::record::{Record, SessionRecord};
use crate::progress::days::{History, record_date};
use crate::routine::Routine;

/// Days before the period whose records the hints look back on (the longest rule's window).
pub const LOOK_BACK_DAYS: u64 = 28;

/// The days a report covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub since: NaiveDate,
    pub until: NaiveDate,
}

impl Period {
    /// The period from `since` to `until`; `None` when `since` comes after `until`.
    #[must_use]
    pub fn new(since: NaiveDate, until: NaiveDate) -> Option<Self> {
        (since <= until).then_some(Self { since, until })
    }

    /// The `weeks` weeks ending with `until` (at least one day).
    #[must_use]
    pub fn weeks_ending(until: NaiveDate, weeks: u32) -> Self {
        let days = u64::from(weeks.max(1)) * 7 - 1;
        Self {
            since: until - Days::new(days),
            until,
        }
    }

    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.since..=self.until).contains(&date)
    }

    /// Every day of the period, in order.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let until = self.until;
        self.since.iter_days().take_while(move |d| *d <= until)
    }

    /// The Monday of each week that overlaps the period, in order.
    #[must_use]
    pub fn mondays(&self) -> Vec<NaiveDate> {
        let first = monday(self.since);
        first
            .iter_weeks()
            .take_while(|m| *m <= self.until)
            .collect()
    }

    /// The first day the records must reach back to, for the hints of the period's first day.
    #[must_use]
    pub fn look_back(&self) -> NaiveDate {
        self.since - Days::new(LOOK_BACK_DAYS - 1)
    }
}

/// The Monday of a date's week.
#[must_use]
pub fn monday(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// Everything `report::build` reads.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    pub period: Period,
    pub day_start: NaiveTime,
    /// The tallies of every day of the journal.
    pub history: &'a History,
    /// The routines as they are now, to show their steps.
    pub routines: &'a [Routine],
    /// Desk mode's settings: which routines count as resets.
    pub desk: &'a DeskSettings,
    /// The records from [`Period::look_back`] to the day after the period, sorted by date
    /// (file order within a day), with their dates beside them.
    records: Vec<Record>,
    dates: Vec<NaiveDate>,
}

impl<'a> Input<'a> {
    /// Keeps the records that matter to the period and sorts them by date.
    #[must_use]
    pub fn new<'r>(
        period: Period,
        day_start: NaiveTime,
        history: &'a History,
        routines: &'a [Routine],
        desk: &'a DeskSettings,
        records: impl IntoIterator<Item = &'r Record>,
    ) -> Self {
        let last = period.until + Days::new(1);
        let mut kept: Vec<(NaiveDate, Record)> = records
            .into_iter()
            .map(|r| (record_date(r, day_start), r))
            .filter(|(d, _)| (period.look_back()..=last).contains(d))
            .map(|(d, r)| (d, r.clone()))
            .collect();
        kept.sort_by_key(|(d, _)| *d);
        let (dates, records) = kept.into_iter().unzip();
        Self {
            period,
            day_start,
            history,
            routines,
            desk,
            records,
            dates,
        }
    }

    /// The records dated from `from` to `to`, both included, in date order.
    #[must_use]
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> &[Record] {
        let start = self.dates.partition_point(|d| *d < from);
        let end = self.dates.partition_point(|d| *d <= to);
        &self.records[start..end.max(start)]
    }

    /// The records of the period with their dates, in date order.
    pub fn dated(&self) -> impl Iterator<Item = (NaiveDate, &Record)> {
        let start = self.dates.partition_point(|d| *d < self.period.since);
        let end = self.dates.partition_point(|d| *d <= self.period.until);
        self.dates[start..end]
            .iter()
            .copied()
            .zip(&self.records[start..end])
    }

    /// The sessions of the period with their dates, in date order.
    pub fn sessions(&self) -> impl Iterator<Item = (NaiveDate, &SessionRecord)> {
        self.dated()
            .filter_map(|(d, r)| r.as_session().map(|s| (d, s)))
    }

    /// The routine with this id as it is now, if it still exists.
    #[must_use]
    pub fn routine(&self, id: &str) -> Option<&'a Routine> {
        self.routines.iter().find(|r| r.id == id)
    }
}
