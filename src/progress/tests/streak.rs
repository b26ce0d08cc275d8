use super::fixtures::*;
use crate::journal::Record;
use crate::progress::days::History;
use crate::progress::streak::{Streaks, days_done_in_last};

fn streaks_of(records: &[Record], today: &str) -> Streaks {
    let history = History::from_records(records, three_am());
    history.standing(date(today)).streaks
}

#[test]
fn an_empty_journal_has_no_streak() {
    assert_eq!(
        streaks_of(&[], "2026-11-21"),
        Streaks {
            current: 0,
            best: 0
        }
    );
}

#[test]
fn the_streak_counts_back_from_today() {
    let records = daily("2026-11-19", 3);
    assert_eq!(
        streaks_of(&records, "2026-11-21"),
        Streaks {
            current: 3,
            best: 3
        }
    );
}

#[test]
fn today_not_done_yet_keeps_yesterdays_streak() {
    let records = daily("2026-11-18", 3);
    assert_eq!(streaks_of(&records, "2026-11-21").current, 3);
    // Two days later the streak is broken.
    assert_eq!(
        streaks_of(&records, "2026-11-22"),
        Streaks {
            current: 0,
            best: 3
        }
    );
}

#[test]
fn a_gap_breaks_the_streak_and_best_remembers() {
    let mut records = daily("2026-11-01", 5);
    records.extend(daily("2026-11-08", 2));
    assert_eq!(
        streaks_of(&records, "2026-11-09"),
        Streaks {
            current: 2,
            best: 5
        }
    );
}

#[test]
fn only_partial_sessions_make_no_streak() {
    let records = [
        Record::Session(session("2026-11-20T07:00:00+01:00", "full", false)),
        Record::Session(session("2026-11-21T07:00:00+01:00", "short", false)),
    ];
    assert_eq!(
        streaks_of(&records, "2026-11-21"),
        Streaks {
            current: 0,
            best: 0
        }
    );
}

#[test]
fn short_versions_count_as_ritual_days() {
    let records = [Record::Session(session(
        "2026-11-21T07:00:00+01:00",
        "short",
        true,
    ))];
    assert_eq!(streaks_of(&records, "2026-11-21").current, 1);
}

#[test]
fn half_past_midnight_continues_the_previous_day() {
    // Sessions on the 19th and 20th evening, the 20th's at 00:30 on the 21st.
    let records = [
        done("2026-11-19T21:00:00+01:00"),
        done("2026-11-21T00:30:00+01:00"),
    ];
    assert_eq!(streaks_of(&records, "2026-11-20").current, 2);
    // On the 21st nothing is done yet, so the streak ending yesterday stands.
    assert_eq!(streaks_of(&records, "2026-11-21").current, 2);
}

#[test]
fn spring_forward_keeps_the_streak() {
    // Europe: clocks go from +01:00 to +02:00 in the night of 29 March 2026.
    let records = [
        done("2026-03-28T07:00:00+01:00"),
        done("2026-03-29T07:00:00+02:00"),
        done("2026-03-30T00:30:00+02:00"),
        done("2026-03-30T07:00:00+02:00"),
    ];
    assert_eq!(streaks_of(&records, "2026-03-30").current, 3);
}

#[test]
fn fall_back_keeps_the_streak() {
    // Clocks go from +02:00 to +01:00 in the night of 25 October 2026.
    let records = [
        done("2026-10-24T23:30:00+02:00"),
        done("2026-10-25T02:30:00+01:00"), // still the 24th: before the day starts
        done("2026-10-26T06:00:00+01:00"),
    ];
    assert_eq!(
        streaks_of(&records, "2026-10-26"),
        Streaks {
            current: 1,
            best: 1
        }
    );
    let records = [
        done("2026-10-24T08:00:00+02:00"),
        done("2026-10-25T08:00:00+01:00"),
    ];
    assert_eq!(streaks_of(&records, "2026-10-25").current, 2);
}

#[test]
fn travel_between_offsets_keeps_each_local_day() {
    // Evening in New York (already the next day in UTC), then a flight to Tokyo: the
    // next session is early morning local time, which in UTC is the day before.
    let records = [
        done("2026-11-19T22:00:00-05:00"),
        done("2026-11-20T22:30:00-05:00"),
        done("2026-11-22T06:00:00+09:00"),
        done("2026-11-23T06:00:00+09:00"),
    ];
    // The 21st was spent in the air: no session, so the streak is the last two days.
    assert_eq!(
        streaks_of(&records, "2026-11-23"),
        Streaks {
            current: 2,
            best: 2
        }
    );
    let with_plane = [records.as_slice(), &[done("2026-11-21T12:00:00-08:00")]].concat();
    assert_eq!(streaks_of(&with_plane, "2026-11-23").current, 5);
}

#[test]
fn rest_days_bridge_without_adding() {
    let mut records = daily("2026-11-16", 2);
    records.push(rest("2026-11-18"));
    records.extend(daily("2026-11-19", 2));
    assert_eq!(streaks_of(&records, "2026-11-20").current, 4);
    // A rest day today keeps yesterday's streak and adds nothing.
    records.push(rest("2026-11-21"));
    assert_eq!(streaks_of(&records, "2026-11-21").current, 4);
}

#[test]
fn a_third_rest_day_within_seven_days_is_a_missed_day() {
    let records = [
        done("2026-11-16T08:00:00+01:00"),
        rest("2026-11-17"),
        done("2026-11-18T08:00:00+01:00"),
        rest("2026-11-19"),
        done("2026-11-20T08:00:00+01:00"),
        rest("2026-11-21"),
        done("2026-11-22T08:00:00+01:00"),
    ];
    assert_eq!(
        streaks_of(&records, "2026-11-22"),
        Streaks {
            current: 1,
            best: 3
        }
    );
    // A week after the first rest day, rest counts again.
    let later = [
        records.as_slice(),
        &[rest("2026-11-24"), done("2026-11-25T08:00:00+01:00")],
    ]
    .concat();
    assert_eq!(streaks_of(&later, "2026-11-25").current, 1);
    // The 23rd is still within 7 days of the rest days of the 17th and the 19th.
    let too_soon = [
        records.as_slice(),
        &[rest("2026-11-23"), done("2026-11-24T08:00:00+01:00")],
    ];
    assert_eq!(streaks_of(&too_soon.concat(), "2026-11-24").current, 1);
}

#[test]
fn rest_on_a_session_day_uses_no_rest_allowance() {
    let records = [
        done("2026-11-16T08:00:00+01:00"),
        rest("2026-11-16"),
        rest("2026-11-17"),
        rest("2026-11-18"),
        done("2026-11-19T08:00:00+01:00"),
    ];
    assert_eq!(streaks_of(&records, "2026-11-19").current, 2);
}

#[test]
fn last_seven_days_counts_ritual_days_only() {
    let mut records = daily("2026-11-15", 7);
    records.push(rest("2026-11-22"));
    records.push(Record::Session(session(
        "2026-11-22T08:00:00+01:00",
        "full",
        false,
    )));
    let history = History::from_records(&records, three_am());
    assert_eq!(days_done_in_last(&history, date("2026-11-21"), 7), 7);
    assert_eq!(days_done_in_last(&history, date("2026-11-22"), 7), 6);
    assert_eq!(days_done_in_last(&history, date("2026-12-22"), 7), 0);
}
