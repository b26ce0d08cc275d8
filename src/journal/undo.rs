//! Choosing the record `poised undo` takes back: the newest one that counts, or the one at a
//! time given as `poised log` shows it. Pure: the reading and the appending are the caller's.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::record::Record;
use super::void::{Ledger, VoidRecord};

/// A time as a person types it after `--at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// `2026-11-21`: any record of that day.
    Day(NaiveDate),
    /// `2026-11-21 07:02`, `07:02` (today): the minute `poised log` shows.
    Minute(NaiveDateTime),
    /// `2026-11-21 07:02:11`: that second.
    Second(NaiveDateTime),
    /// `2026-11-21T07:02:11+01:00`: that instant, in any offset.
    Instant(DateTime<FixedOffset>),
}

/// The forms `--at` takes, for messages.
pub const WHEN_FORMS: &str = "a time as `poised log` shows it: 2026-11-21 07:02, or 07:02 \
    for today, yesterday 07:02, 2026-11-21 for a whole day, or with seconds, 2026-11-21 07:02:11";

impl When {
    /// Reads `text`, taking a time without a date as on `today` (the local calendar day).
    pub fn parse(text: &str, today: NaiveDate) -> Result<Self, String> {
        let text = text.trim();
        let wrong = || format!("--at takes {WHEN_FORMS}; not `{text}`");
        if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
            return Ok(Self::Instant(instant));
        }
        let dated_t = |(day, _): &(&str, &str)| day.starts_with(|c: char| c.is_ascii_digit());
        let split = text
            .split_once(' ')
            .or_else(|| text.split_once('T').filter(dated_t));
        let (day, time) = match split {
            Some((day, time)) => (day, Some(time.trim())),
            None if text.contains(':') => ("today", Some(text)),
            None => (text, None),
        };
        let day = match day.to_lowercase().as_str() {
            "today" => today,
            "yesterday" => today.checked_sub_days(Days::new(1)).ok_or_else(wrong)?,
            _ => NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| wrong())?,
        };
        let Some(time) = time else {
            return Ok(Self::Day(day));
        };
        if let Ok(t) = NaiveTime::parse_from_str(time, "%H:%M:%S") {
            return Ok(Self::Second(day.and_time(t)));
        }
        NaiveTime::parse_from_str(time, "%H:%M")
            .map(|t| Self::Minute(day.and_time(t)))
            .map_err(|_| wrong())
    }

    /// Whether a record shown at `shown` is at this time. A day names a rest day (shown as
    /// its day), or, `whole_day`, any record of that day.
    fn matches(self, shown: Shown, whole_day: bool) -> bool {
        let at = match shown {
            Shown::Day(date) => return self == Self::Day(date),
            Shown::At(at) => at,
        };
        let local = at
            .naive_local()
            .with_nanosecond(0)
            .unwrap_or(at.naive_local());
        match self {
            Self::Day(day) => whole_day && local.date() == day,
            Self::Minute(minute) => local.with_second(0) == Some(minute),
            Self::Second(second) => local == second,
            Self::Instant(instant) => at.timestamp() == instant.timestamp(),
        }
    }
}

/// When a record happened, as `poised log` shows it: a local time, or a whole day.
#[derive(Debug, Clone, Copy)]
enum Shown {
    At(DateTime<FixedOffset>),
    Day(NaiveDate),
}

fn shown(record: &Record) -> Shown {
    match record {
        Record::Session(s) => Shown::At(s.started),
        Record::Checkin(c) => Shown::At(c.at),
        Record::Desk(d) => Shown::At(d.at),
        Record::Rest(r) => Shown::Day(r.date),
    }
}

/// A record's time to the second, to tell records of one minute apart.
#[must_use]
pub fn exact_time(record: &Record) -> String {
    match shown(record) {
        Shown::At(at) => at.format("%Y-%m-%d %H:%M:%S").to_string(),
        Shown::Day(date) => date.format("%Y-%m-%d").to_string(),
    }
}

/// What `poised undo` finds to take back; indices are into the ledger's records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice<'a> {
    /// This record, which counts now.
    Take(usize),
    /// This record was taken back already.
    Already(usize),
    /// The time is an undo's own (the void), which cannot be taken back.
    Void(&'a VoidRecord),
    /// Several records that count match the time.
    Several(Vec<usize>),
    /// No record matches (or, without a time, none counts).
    Nothing,
}

/// The record to take back: the newest that counts, or the one at `when`.
///
/// The newest is the last this machine appended that counts (in a journal folder, where the
/// records are in time order and a rest day, which has no time, sorts at the start of its
/// day), else the last in the ledger's order.
#[must_use]
pub fn choose(ledger: &Ledger, when: Option<When>) -> Choice<'_> {
    let entries = ledger.entries();
    let Some(when) = when else {
        let taken = ledger.taken_back();
        let own = ledger.own.iter().rev().find(|key| !taken.contains_key(key));
        let newest = match own {
            Some(key) => ledger.keys.iter().position(|k| k == key),
            None => entries.iter().rposition(|(_, voided)| !voided),
        };
        return newest.map_or(Choice::Nothing, Choice::Take);
    };
    let at_time = |whole_day| -> Vec<usize> {
        (0..entries.len())
            .filter(|&i| when.matches(shown(entries[i].0), whole_day))
            .collect()
    };
    let mut matching = at_time(false);
    if matching.is_empty() {
        matching = at_time(true);
    }
    let counted: Vec<usize> = matching
        .iter()
        .copied()
        .filter(|&i| !entries[i].1)
        .collect();
    match (counted.as_slice(), matching.first()) {
        ([one], _) => Choice::Take(*one),
        ([], Some(first)) => Choice::Already(*first),
        ([], None) => ledger
            .voids
            .iter()
            .find(|v| when.matches(Shown::At(v.at), true))
            .map_or(Choice::Nothing, Choice::Void),
        (several, _) => Choice::Several(several.to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{CheckinRecord, RestRecord};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn the_forms_a_person_types_are_read() {
        let parse = |t| When::parse(t, today());
        let minute = Ok(When::Minute(at("2026-11-21 07:02:00")));
        assert_eq!(parse("2026-11-21 07:02"), minute);
        assert_eq!(parse("2026-11-21T07:02"), minute);
        assert_eq!(parse(" 2026-11-21 7:02 "), minute);
        assert_eq!(parse("07:02"), Ok(When::Minute(at("2026-11-30 07:02:00"))));
        assert_eq!(
            parse("yesterday 23:50"),
            Ok(When::Minute(at("2026-11-29 23:50:00")))
        );
        assert_eq!(
            parse("2026-11-21 07:02:11"),
            Ok(When::Second(at("2026-11-21 07:02:11")))
        );
        assert_eq!(
            parse("2026-11-21"),
            Ok(When::Day(at("2026-11-21 00:00:00").date()))
        );
        assert!(matches!(
            parse("2026-11-21T07:02:11+01:00"),
            Ok(When::Instant(_))
        ));
        let wrong = parse("last tuesday").unwrap_err();
        assert!(
            wrong.contains("2026-11-21 07:02") && wrong.contains("last tuesday"),
            "{wrong}"
        );
    }

    fn checkin(text: &str) -> Record {
        Record::Checkin(CheckinRecord {
            at: DateTime::parse_from_rfc3339(text).unwrap(),
            stiffness: 3,
            note: None,
        })
    }

    #[test]
    fn the_newest_that_counts_or_the_one_at_a_time_is_chosen() {
        let rest = Record::Rest(RestRecord {
            date: today(),
            reason: None,
        });
        let records = vec![
            checkin("2026-11-30T07:02:11+01:00"),
            checkin("2026-11-30T07:02:40+01:00"),
            rest,
        ];
        let ids: Vec<Option<String>> = ["00000000000000a1", "00000000000000a2", "00000000000000a3"]
            .iter()
            .map(|id| Some((*id).to_string()))
            .collect();
        let void = VoidRecord {
            at: DateTime::parse_from_rfc3339("2026-11-30T08:00:00+01:00").unwrap(),
            record: "00000000000000a3".into(),
        };
        let ledger = Ledger::new(records, &ids, vec![void.clone()]);
        let when = |t| Some(When::parse(t, today()).unwrap());
        assert_eq!(choose(&ledger, None), Choice::Take(1));
        assert_eq!(choose(&ledger, when("07:02")), Choice::Several(vec![0, 1]));
        assert_eq!(choose(&ledger, when("07:02:11")), Choice::Take(0));
        assert_eq!(choose(&ledger, when("2026-11-30")), Choice::Already(2));
        assert_eq!(choose(&ledger, when("Today 07:02:40")), Choice::Take(1));
        assert_eq!(choose(&ledger, when("08:00")), Choice::Void(&void));
        assert_eq!(choose(&ledger, when("09:00")), Choice::Nothing);
        let rest_only = Ledger::new(vec![ledger.records[2].clone()], &ids[2..], vec![void]);
        assert_eq!(choose(&rest_only, when("2026-11-30")), Choice::Already(0));
        let checkins = Ledger::new(ledger.records[..2].to_vec(), &ids, Vec::new());
        assert_eq!(
            choose(&checkins, when("2026-11-30")),
            Choice::Several(vec![0, 1])
        );
        assert_eq!(choose(&rest_only, None), Choice::Nothing);
        // In a folder the records are in time order: a rest day recorded last on this
        // machine sorts first, and is still the newest to take back.
        let mut folder = Ledger::new(
            vec![ledger.records[2].clone(), ledger.records[0].clone()],
            &[ids[2].clone(), ids[0].clone()],
            Vec::new(),
        );
        folder.own = vec!["00000000000000a1".into(), "00000000000000a3".into()];
        assert_eq!(choose(&folder, None), Choice::Take(0));
    }
}
