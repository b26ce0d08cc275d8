use super::fixtures::*;
use crate::journal::Record;
use crate::progress::days::History;
use crate::progress::hints::{Hint, HintKind, hints};

/// The fixtures' sessions are of "morning", a phase-1 routine; "capacity" is phase 2.
fn phase_of(id: &str) -> Option<u8> {
    match id {
        "morning" => Some(1),
        "capacity" => Some(2),
        _ => None,
    }
}

fn hints_of(records: &[Record], today: &str) -> Vec<Hint> {
    let history = History::from_records(records, three_am());
    hints(&history, records, date(today), three_am(), &phase_of)
}

/// Four calm weeks: a rated session every day leaving the back looser, mornings at 4.
fn calm_month() -> Vec<Record> {
    let first = date("2026-10-25");
    (0..28)
        .flat_map(|i| {
            let day = first + chrono::Days::new(i);
            [
                checkin(&format!("{day}T07:00:00+01:00"), 4),
                rated(&format!("{day}T08:00:00+01:00"), 4, 3),
            ]
        })
        .collect()
}

#[test]
fn an_empty_journal_has_nothing_to_say() {
    assert_eq!(hints_of(&[], "2026-11-21"), [Hint::Nothing]);
    assert_eq!(Hint::Nothing.kind(), HintKind::Nothing);
}

#[test]
fn a_calm_regular_month_is_ready_to_progress() {
    let found = hints_of(&calm_month(), "2026-11-21");
    assert_eq!(
        found,
        [Hint::Progress {
            only_phase_one: true,
            days_done: 7,
            mornings_before: 4.0,
            mornings_recent: 4.0,
            change: -1.0
        }]
    );
    let text = found[0].to_string();
    assert!(text.contains("7 of the last 7 days"), "{text}");
    assert!(
        text.contains("the capacity routine (`poised run capacity`"),
        "{text}"
    );
}

#[test]
fn the_capacity_routine_is_named_only_to_someone_who_played_only_phase_one() {
    let mut records = calm_month();
    let Some(Record::Session(last)) = records.last_mut() else {
        panic!("the month ends with a session");
    };
    last.routine = "capacity".into();
    let found = hints_of(&records, "2026-11-21");
    assert!(
        matches!(
            found[..],
            [Hint::Progress {
                only_phase_one: false,
                ..
            }]
        ),
        "{found:?}"
    );
    assert!(!found[0].to_string().contains("capacity"));
}

#[test]
fn progress_needs_five_of_seven_days() {
    let records: Vec<Record> = calm_month()
        .into_iter()
        .filter(
            |r| !matches!(r, Record::Session(s) if s.started.date_naive() >= date("2026-11-19")),
        )
        .collect();
    // The 19th to the 21st have no session: 4 of the last 7.
    assert_eq!(hints_of(&records, "2026-11-21"), [Hint::Nothing]);
}

#[test]
fn progress_needs_mornings_flat_or_falling() {
    let mut records = calm_month();
    for day in 14..=21 {
        records.push(checkin(&format!("2026-11-{day}T07:30:00+01:00"), 6));
    }
    // Recent mornings 4.0 then 5.0 average: no longer flat, and no other rule fires.
    assert_eq!(hints_of(&records, "2026-11-21"), [Hint::Nothing]);
}

#[test]
fn progress_needs_sessions_that_leave_the_back_no_stiffer() {
    let mut records = calm_month();
    for day in 10..=20 {
        records.push(rated(&format!("2026-11-{day}T18:00:00+01:00"), 2, 5));
    }
    records.push(rated("2026-11-21T18:00:00+01:00", 5, 4));
    assert_eq!(hints_of(&records, "2026-11-21"), [Hint::Nothing]);
}

#[test]
fn a_morning_two_points_stiffer_after_a_session_day_says_hold() {
    let mut records = calm_month();
    records.push(checkin("2026-11-21T07:30:00+01:00", 8));
    let found = hints_of(&records, "2026-11-21");
    assert_eq!(
        found,
        [Hint::MorningRose {
            session_day: date("2026-11-20"),
            before: 4.0,
            morning: 6.0
        }]
    );
    assert_eq!(found[0].kind(), HintKind::Hold);
    assert!(found[0].to_string().contains("(4 -> 6)"), "{}", found[0]);
}

#[test]
fn a_stiffer_morning_without_a_check_in_the_day_before_uses_the_session_rating() {
    let records = [
        rated("2026-11-20T08:00:00+01:00", 3, 3),
        checkin("2026-11-21T07:00:00+01:00", 5),
    ];
    assert_eq!(
        hints_of(&records, "2026-11-21"),
        [Hint::MorningRose {
            session_day: date("2026-11-20"),
            before: 3.0,
            morning: 5.0
        }]
    );
}

#[test]
fn a_morning_rise_of_one_or_without_a_session_day_says_nothing() {
    let one = [
        rated("2026-11-20T08:00:00+01:00", 3, 3),
        checkin("2026-11-21T07:00:00+01:00", 4),
    ];
    assert_eq!(hints_of(&one, "2026-11-21"), [Hint::Nothing]);
    let no_session = [
        checkin("2026-11-20T07:00:00+01:00", 2),
        checkin("2026-11-21T07:00:00+01:00", 6),
    ];
    assert_eq!(hints_of(&no_session, "2026-11-21"), [Hint::Nothing]);
    // More than a week ago, it no longer matters.
    assert_eq!(
        hints_of(
            &[one[0].clone(), checkin("2026-11-21T07:00:00+01:00", 9)],
            "2026-11-28"
        )[0]
        .kind(),
        HintKind::ComeBack
    );
}

#[test]
fn stiffer_after_than_before_twice_in_a_row_says_hold() {
    let records = [
        rated("2026-11-19T08:00:00+01:00", 3, 2),
        rated("2026-11-20T08:00:00+01:00", 3, 4),
        done("2026-11-20T12:00:00+01:00"),
        rated("2026-11-21T08:00:00+01:00", 2, 5),
    ];
    let found = hints_of(&records, "2026-11-21");
    assert_eq!(
        found,
        [Hint::StifferAfter {
            sessions: [(3, 4), (2, 5)]
        }]
    );
    assert!(found[0].to_string().contains("(3 -> 4, 2 -> 5)"));
    // Once only, then looser: nothing.
    assert_eq!(hints_of(&records[..2], "2026-11-21"), [Hint::Nothing]);
    let looser = [
        records.as_slice(),
        &[rated("2026-11-21T18:00:00+01:00", 5, 4)],
    ]
    .concat();
    assert_eq!(hints_of(&looser, "2026-11-21"), [Hint::Nothing]);
}

#[test]
fn a_painful_step_is_named_and_twice_suggests_a_clinician() {
    let once = [hurt("2026-11-20T08:00:00+01:00", &["Bird-dog"])];
    let found = hints_of(&once, "2026-11-21");
    assert_eq!(
        found,
        [Hint::Painful {
            step: "Bird-dog".into(),
            times: 1,
            last: date("2026-11-20")
        }]
    );
    assert!(found[0].to_string().contains("\"Bird-dog\""));
    assert!(!found[0].to_string().contains("clinician"));
    let twice = [
        once[0].clone(),
        hurt("2026-11-09T08:00:00+01:00", &["Bird-dog", "Bridge"]),
    ];
    let found = hints_of(&twice, "2026-11-21");
    assert_eq!(
        found[0],
        Hint::Painful {
            step: "Bird-dog".into(),
            times: 2,
            last: date("2026-11-20")
        }
    );
    assert!(found[0].to_string().contains("clinician"));
    assert_eq!(
        found[1],
        Hint::Painful {
            step: "Bridge".into(),
            times: 1,
            last: date("2026-11-09")
        }
    );
    // Fifteen days later, the marks have aged out.
    assert_eq!(hints_of(&twice, "2026-12-05")[0].kind(), HintKind::ComeBack);
    assert_eq!(hints_of(&twice, "2026-12-05").len(), 1);
}

#[test]
fn four_days_without_a_session_says_come_back_gently() {
    let records = [Record::Session(session(
        "2026-11-17T08:00:00+01:00",
        "full",
        false,
    ))];
    let found = hints_of(&records, "2026-11-21");
    assert_eq!(
        found,
        [Hint::ComeBack {
            days: 4,
            last: date("2026-11-17")
        }]
    );
    assert!(found[0].to_string().contains("short version"));
    assert_eq!(hints_of(&records, "2026-11-20"), [Hint::Nothing]);
}
