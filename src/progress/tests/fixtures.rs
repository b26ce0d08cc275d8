//! Terse builders of records for the unit tests of the progress logic.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use crate::journal::record::{CheckinRecord, Record, RestRecord, SessionRecord};

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

pub fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub fn three_am() -> NaiveTime {
    NaiveTime::from_hms_opt(3, 0, 0).unwrap()
}

/// A session of the "morning" routine started at an RFC 3339 time, 7 minutes long.
pub fn session(started: &str, variant: &str, completed: bool) -> SessionRecord {
    let started = at(started);
    SessionRecord {
        title: "Morning".into(),
        completed,
        steps_done: if completed { 6 } else { 3 },
        ..SessionRecord::new(
            "morning",
            variant,
            (started, started + chrono::Duration::minutes(7)),
            6,
        )
    }
}

/// A completed full session.
pub fn done(started: &str) -> Record {
    Record::Session(session(started, "full", true))
}

/// A completed full session rated before and after.
pub fn rated(started: &str, before: u8, after: u8) -> Record {
    let mut s = session(started, "full", true);
    s.stiffness_before = Some(before);
    s.stiffness_after = Some(after);
    Record::Session(s)
}

/// A completed session that marked steps painful.
pub fn hurt(started: &str, steps: &[&str]) -> Record {
    let mut s = session(started, "full", true);
    s.painful_steps = steps.iter().map(ToString::to_string).collect();
    Record::Session(s)
}

pub fn checkin(at_text: &str, stiffness: u8) -> Record {
    Record::Checkin(CheckinRecord {
        at: at(at_text),
        stiffness,
        note: None,
    })
}

pub fn rest(date_text: &str) -> Record {
    Record::Rest(RestRecord {
        date: date(date_text),
        reason: None,
    })
}

/// Completed sessions at 08:00 UTC+1 on each date from `first` for `days` days.
pub fn daily(first: &str, days: u64) -> Vec<Record> {
    let first = date(first);
    (0..days)
        .map(|i| done(&format!("{}T08:00:00+01:00", first + chrono::Days::new(i))))
        .collect()
}
