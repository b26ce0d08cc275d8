use chrono::Datelike;

use super::fixtures::*;
use crate::journal::Record;
use crate::progress::days::History;
use crate::progress::hints::Hint;
use crate::progress::{CALENDAR_WEEKS, DayKind, ProgressModel, RoutineFacts, build};

fn model(records: &[Record], today: &str) -> ProgressModel {
    let history = History::from_records(records, three_am());
    build(&history, records, date(today), three_am(), |id| {
        (id == "morning").then_some(RoutineFacts {
            wardrobe: "morning",
            phase: Some(1),
        })
    })
}

#[test]
fn the_streak_line_has_the_documented_form() {
    let mut records = daily("2026-11-01", 12);
    records.extend(daily("2026-11-19", 3));
    records.extend([
        checkin("2026-11-10T07:00:00+01:00", 5),
        checkin("2026-11-20T07:00:00+01:00", 3),
    ]);
    // 12 days: 0.448; 6 missed: 0.448 k^6 = 0.333; 3 done: 0.333 k^3 + 1 - k^3 = 0.425.
    assert_eq!(
        model(&records, "2026-11-21").streak_line(),
        "streak 3 days · best 12 · 3 of last 7 days · consistency 42 · mornings 5 -> 3"
    );
    assert_eq!(
        model(&daily("2026-11-21", 1), "2026-11-21").streak_line(),
        "streak 1 day · best 1 · 1 of last 7 days · consistency 5"
    );
}

#[test]
fn an_empty_journal_gives_an_empty_picture() {
    let model = model(&[], "2026-11-21");
    assert_eq!(
        model.streak_line(),
        "streak 0 days · best 0 · 0 of last 7 days · consistency 0"
    );
    assert_eq!(model.hints, [Hint::Nothing]);
    assert!(model.wardrobes.is_empty() && model.change.is_none() && model.mornings.is_none());
    assert!(model.stiffness.before.is_empty());
}

#[test]
fn the_calendar_covers_two_years_monday_first_ending_with_this_week() {
    let records = [
        done("2026-11-19T08:00:00+01:00"),
        done("2026-11-19T18:00:00+01:00"),
        Record::Session(session("2026-11-18T08:00:00+01:00", "short", true)),
        Record::Session(session("2026-11-17T08:00:00+01:00", "full", false)),
        rest("2026-11-16"),
    ];
    let calendar = model(&records, "2026-11-21").calendar;
    assert_eq!(calendar.weeks.len() as u64, CALENDAR_WEEKS);
    assert!(
        calendar
            .weeks
            .iter()
            .all(|w| w[0].date.weekday() == chrono::Weekday::Mon)
    );
    let this_week = calendar.weeks.last().unwrap();
    let kinds: Vec<(DayKind, u16)> = this_week.iter().map(|c| (c.kind, c.sessions)).collect();
    assert_eq!(
        kinds,
        [
            (DayKind::Rest, 0),
            (DayKind::Partial, 0),
            (DayKind::Short, 1),
            (DayKind::Full, 2),
            (DayKind::Empty, 0),
            (DayKind::Empty, 0),
            (DayKind::Future, 0),
        ]
    );
    let most = calendar.weeks.iter().flatten().map(|c| c.sessions).max();
    assert_eq!(most, Some(2));
    assert_eq!(calendar.weeks[0][0].date, date("2024-11-25"));
}

#[test]
fn the_model_counts_wardrobes_and_the_mean_change_over_28_days() {
    let mut desk = session("2026-11-20T12:00:00+01:00", "full", true);
    desk.routine = "desk".into();
    desk.stiffness_before = Some(6);
    desk.stiffness_after = Some(2);
    let records = [
        rated("2026-11-21T08:00:00+01:00", 5, 4),
        Record::Session(desk),
        rated("2026-10-01T08:00:00+01:00", 1, 9),
    ];
    let model = model(&records, "2026-11-21");
    let counts: Vec<(&str, u32)> = model
        .wardrobes
        .iter()
        .map(|w| (w.wardrobe.as_str(), w.sessions))
        .collect();
    assert_eq!(counts, [("morning", 1), ("other", 1)]);
    let change = model.change.unwrap();
    assert_eq!((change.mean, change.sessions), (-2.5, 2));
    assert_eq!(model.stiffness.before.len(), 3);
}
