//! The stiffness section: weekly and daily means of the before, after and morning ratings,
//! the change across a session, and the next-morning change after session days and others.

use chrono::{Days, NaiveDate};

use super::input::{Input, monday};
use super::model::{NextMorning, Stiffness, WeekMeans};
use crate::journal::record::Record;
use crate::progress::trends::{StiffnessChange, rated, stiffness_change};

/// Sums and counts of the three kinds of rating over some days.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    before: (u32, u32),
    after: (u32, u32),
    morning: (u32, u32),
}

impl Sums {
    fn add(&mut self, record: &Record) {
        let put = |slot: &mut (u32, u32), value: Option<u8>| {
            if let Some(v) = value {
                slot.0 += u32::from(v);
                slot.1 += 1;
            }
        };
        match record {
            Record::Session(s) => {
                put(&mut self.before, s.stiffness_before);
                put(&mut self.after, s.stiffness_after);
            }
            Record::Checkin(c) => put(&mut self.morning, Some(c.stiffness)),
            Record::Rest(_) | Record::Desk(_) => {}
        }
    }

    fn means(&self, monday: NaiveDate) -> WeekMeans {
        let mean = |(sum, n): (u32, u32)| (n > 0).then(|| f64::from(sum) / f64::from(n));
        WeekMeans {
            monday,
            before: mean(self.before),
            after: mean(self.after),
            morning: mean(self.morning),
        }
    }
}

/// Every figure of the stiffness section.
#[must_use]
pub fn stiffness(input: &Input) -> Stiffness {
    let mut weeks: Vec<(NaiveDate, Sums)> = Vec::new();
    let mut days: Vec<(NaiveDate, Sums)> = Vec::new();
    for (date, record) in input.dated() {
        for (list, key) in [(&mut weeks, monday(date)), (&mut days, date)] {
            if list.last().is_none_or(|(k, _)| *k != key) {
                list.push((key, Sums::default()));
            }
            if let Some((_, sums)) = list.last_mut() {
                sums.add(record);
            }
        }
    }
    let weeks = input
        .period
        .mondays()
        .into_iter()
        .map(|m| {
            let sums = weeks.iter().find(|(k, _)| *k == m).map(|(_, s)| *s);
            sums.unwrap_or_default().means(m)
        })
        .collect();
    Stiffness {
        weeks,
        days: days.iter().map(|(d, s)| s.means(*d)).collect(),
        change: stiffness_change(rated(input.sessions().map(|(_, s)| s))),
        next_morning: next_morning(input),
    }
}

/// For each day of the period with a check-in on it and on the next day (the next day may be
/// just after the period), the change from one to the other, split by whether the day had a
/// finished session.
fn next_morning(input: &Input) -> NextMorning {
    let mut session_days = Vec::new();
    let mut other_days = Vec::new();
    for date in input.period.days() {
        let today = input.history.day(date);
        let next = input.history.day(date + Days::new(1));
        if let (Some(a), Some(b)) = (today.morning(), next.morning()) {
            let list = if today.is_ritual() {
                &mut session_days
            } else {
                &mut other_days
            };
            list.push(b - a);
        }
    }
    NextMorning {
        after_session_days: mean_change(&session_days),
        after_other_days: mean_change(&other_days),
    }
}

fn mean_change(changes: &[f64]) -> Option<StiffnessChange> {
    let sessions = u32::try_from(changes.len()).ok()?;
    (sessions > 0).then(|| StiffnessChange {
        mean: crate::progress::trends::mean(changes),
        sessions,
    })
}
