use chrono::NaiveTime;

use super::fixtures::*;
use crate::progress::days::{History, ritual_date};

#[test]
fn a_session_at_half_past_midnight_counts_for_the_day_before() {
    assert_eq!(
        ritual_date(at("2026-11-21T00:30:00+01:00"), three_am()),
        date("2026-11-20")
    );
    assert_eq!(
        ritual_date(at("2026-11-21T03:00:00+01:00"), three_am()),
        date("2026-11-21")
    );
}

#[test]
fn a_custom_day_start_moves_the_boundary() {
    let five = NaiveTime::from_hms_opt(5, 30, 0).unwrap();
    assert_eq!(
        ritual_date(at("2026-11-21T05:00:00+01:00"), five),
        date("2026-11-20")
    );
    assert_eq!(
        ritual_date(at("2026-11-21T05:30:00+01:00"), five),
        date("2026-11-21")
    );
    assert_eq!(
        ritual_date(at("2026-11-21T00:30:00+01:00"), NaiveTime::MIN),
        date("2026-11-21")
    );
}

#[test]
fn the_date_comes_from_the_recorded_offset_not_utc() {
    // 23:30 in New York is already the next day in UTC.
    assert_eq!(
        ritual_date(at("2026-11-20T23:30:00-05:00"), three_am()),
        date("2026-11-20")
    );
    // 07:00 in Tokyo is still the day before in UTC.
    assert_eq!(
        ritual_date(at("2026-11-21T07:00:00+09:00"), three_am()),
        date("2026-11-21")
    );
}

#[test]
fn tallies_count_full_short_partial_rest_and_mornings() {
    let records = [
        done("2026-11-21T07:00:00+01:00"),
        crate::journal::Record::Session(session("2026-11-21T12:00:00+01:00", "short", true)),
        crate::journal::Record::Session(session("2026-11-21T18:00:00+01:00", "full", false)),
        checkin("2026-11-21T06:50:00+01:00", 4),
        checkin("2026-11-21T09:00:00+01:00", 5),
        rest("2026-11-22"),
    ];
    let history = History::from_records(&records, three_am());
    let day = history.day(date("2026-11-21"));
    assert_eq!(
        (day.full, day.short, day.partial, day.completed()),
        (1, 1, 1, 2)
    );
    assert_eq!(day.morning(), Some(4.5));
    assert!(history.day(date("2026-11-22")).rest);
    assert!(!history.day(date("2026-11-22")).is_ritual());
}

#[test]
fn only_partial_sessions_make_no_ritual_day_but_count_as_played() {
    let records = [crate::journal::Record::Session(session(
        "2026-11-21T07:00:00+01:00",
        "full",
        false,
    ))];
    let history = History::from_records(&records, three_am());
    let day = history.day(date("2026-11-21"));
    assert!(!day.is_ritual());
    assert!(day.played());
    assert_eq!(
        history.last_played(date("2026-11-25")),
        Some(date("2026-11-21"))
    );
}
