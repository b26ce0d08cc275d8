//! The desk's rules with literal times: 2026-11-30 is a Monday.

use chrono::{DateTime, FixedOffset, NaiveTime, TimeDelta};

use super::*;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn schedule(every: &str) -> Schedule {
    Schedule {
        every: Every::parse(every).unwrap(),
        week: Workweek::default(),
    }
}

fn open_at(now: &str) -> Desk {
    let day_start = NaiveTime::from_hms_opt(3, 0, 0).unwrap();
    Desk::open(schedule("45m"), day_start, Vec::new(), at(now)).0
}

#[test]
fn the_first_reset_is_due_one_interval_after_opening() {
    let mut desk = open_at("2026-11-30T10:00:00+01:00");
    assert_eq!(
        desk.phase(at("2026-11-30T10:00:00+01:00")),
        Phase::Waiting(Next::At(at("2026-11-30T10:45:00+01:00")))
    );
    assert!(!desk.tick(at("2026-11-30T10:44:59+01:00")));
    assert!(desk.tick(at("2026-11-30T10:45:00+01:00")));
    // The prompt opens once.
    assert!(!desk.tick(at("2026-11-30T10:46:00+01:00")));
    assert_eq!(
        desk.phase(at("2026-11-30T10:46:00+01:00")),
        Phase::Prompt {
            offered: at("2026-11-30T10:45:00+01:00")
        }
    );
}

#[test]
fn the_next_interval_counts_from_the_end_of_the_reset() {
    let mut desk = open_at("2026-11-30T10:00:00+01:00");
    desk.tick(at("2026-11-30T10:45:00+01:00"));
    let event = desk.start(Answer::Reset, at("2026-11-30T10:46:00+01:00"));
    assert!(matches!(
        event,
        Some(Event::Prompt {
            answer: Answer::Reset,
            ..
        })
    ));
    assert_eq!(desk.phase(at("2026-11-30T10:46:10+01:00")), Phase::Playing);
    desk.session_ended(at("2026-11-30T10:47:00+01:00"), true);
    assert_eq!(
        desk.phase(at("2026-11-30T10:47:00+01:00")),
        Phase::Waiting(Next::At(at("2026-11-30T11:32:00+01:00")))
    );
    let tally = desk.tally(at("2026-11-30T10:47:00+01:00"));
    assert_eq!((tally.done, tally.offered), (1, 1));
    assert_eq!(tally.pattern(), "●");
}

#[test]
fn a_snooze_brings_back_the_same_prompt_in_ten_minutes() {
    let mut desk = open_at("2026-11-30T10:00:00+01:00");
    desk.tick(at("2026-11-30T10:45:00+01:00"));
    desk.answer(Answer::Snoozed, at("2026-11-30T10:45:30+01:00"));
    assert_eq!(
        desk.phase(at("2026-11-30T10:46:00+01:00")),
        Phase::Waiting(Next::At(at("2026-11-30T10:55:30+01:00")))
    );
    assert!(desk.tick(at("2026-11-30T10:55:30+01:00")));
    assert_eq!(
        desk.phase(at("2026-11-30T10:55:30+01:00")),
        Phase::Prompt {
            offered: at("2026-11-30T10:45:00+01:00")
        }
    );
    let tally = desk.tally(at("2026-11-30T10:56:00+01:00"));
    assert_eq!((tally.offered, tally.snoozed), (1, 1));
    assert_eq!(tally.pattern(), "z");
}

#[test]
fn snoozes_and_skips_spend_the_budget_and_still_work_when_it_is_spent() {
    let mut desk = open_at("2026-11-30T09:00:00+01:00");
    let mut now = at("2026-11-30T09:00:00+01:00");
    for _ in 0..5 {
        now += TimeDelta::minutes(45);
        assert!(desk.tick(now), "due at {now}");
        assert!(desk.answer(Answer::Skipped, now).is_some());
    }
    let tally = desk.tally(now);
    assert_eq!((tally.skipped, tally.offered, tally.done), (5, 5, 0));
    assert_eq!(tally.budget_left(DEFAULT_BUDGET), 0);
    assert_eq!(tally.spent(), 5);
    assert_eq!(tally.pattern(), "×××××");
}

#[test]
fn outside_working_hours_and_days_it_rests_until_they_begin() {
    let desk = open_at("2026-11-30T07:30:00+01:00");
    assert_eq!(
        desk.phase(at("2026-11-30T07:30:00+01:00")),
        Phase::Waiting(Next::Resting {
            until: at("2026-11-30T09:00:00+01:00")
        })
    );
    // Saturday.
    let desk = open_at("2026-12-05T11:00:00+01:00");
    assert_eq!(
        desk.phase(at("2026-12-05T11:00:00+01:00")),
        Phase::Waiting(Next::Resting {
            until: at("2026-12-07T09:00:00+01:00")
        })
    );
    // No reset fits before the end of the day: rest until tomorrow.
    let desk = open_at("2026-11-30T17:30:00+01:00");
    assert_eq!(
        desk.phase(at("2026-11-30T17:30:00+01:00")),
        Phase::Waiting(Next::Resting {
            until: at("2026-12-01T09:00:00+01:00")
        })
    );
}

#[test]
fn before_the_desk_opens_the_day_counts_from_the_start_of_working_hours() {
    let next = schedule("45m").next(&[], at("2026-11-30T09:10:00+01:00"));
    assert_eq!(next, Next::At(at("2026-11-30T09:45:00+01:00")));
}

#[test]
fn a_sleep_across_several_due_times_prompts_once_and_counts_from_then() {
    let mut desk = open_at("2026-11-30T09:00:00+01:00");
    // Asleep from 09:30 to 12:10: four due times passed.
    assert!(desk.tick(at("2026-11-30T12:10:00+01:00")));
    assert!(!desk.tick(at("2026-11-30T12:10:01+01:00")));
    desk.answer(Answer::Skipped, at("2026-11-30T12:11:00+01:00"));
    assert_eq!(
        desk.phase(at("2026-11-30T12:11:00+01:00")),
        Phase::Waiting(Next::At(at("2026-11-30T12:56:00+01:00")))
    );
    assert_eq!(desk.tally(at("2026-11-30T12:11:00+01:00")).offered, 1);
}

#[test]
fn a_change_of_time_zone_moves_nothing_recorded() {
    let mut desk = open_at("2026-11-30T10:00:00+01:00");
    desk.tick(at("2026-11-30T10:45:00+01:00"));
    desk.start(Answer::Reset, at("2026-11-30T10:45:00+01:00"));
    desk.session_ended(at("2026-11-30T10:46:00+01:00"), true);
    // The same instant seen an hour to the west: the due time is the same instant.
    let west = at("2026-11-30T09:50:00+00:00");
    assert_eq!(
        desk.phase(west),
        Phase::Waiting(Next::At(at("2026-11-30T10:31:00+00:00")))
    );
    let tally = desk.tally(west);
    assert_eq!((tally.done, tally.pattern().as_str()), (1, "●"));
}

#[test]
fn closing_with_the_prompt_open_records_it_missed_and_it_is_due_on_reopening() {
    let day_start = NaiveTime::from_hms_opt(3, 0, 0).unwrap();
    let mut desk = open_at("2026-11-30T10:00:00+01:00");
    desk.tick(at("2026-11-30T10:45:00+01:00"));
    let missed = desk.close(at("2026-11-30T10:50:00+01:00")).unwrap();
    let events = vec![
        Event::Opened {
            at: at("2026-11-30T10:00:00+01:00"),
        },
        missed,
    ];
    let (mut again, _) = Desk::open(
        schedule("45m"),
        day_start,
        events,
        at("2026-11-30T11:00:00+01:00"),
    );
    assert!(again.tick(at("2026-11-30T11:00:00+01:00")));
    assert_eq!(
        again.phase(at("2026-11-30T11:00:00+01:00")),
        Phase::Prompt {
            offered: at("2026-11-30T10:45:00+01:00")
        }
    );
    assert_eq!(again.tally(at("2026-11-30T11:00:00+01:00")).offered, 1);
}

#[test]
fn a_reset_ended_early_is_marked_and_not_counted_done() {
    let mut desk = open_at("2026-11-30T10:00:00+01:00");
    desk.tick(at("2026-11-30T10:45:00+01:00"));
    desk.start(Answer::Transition, at("2026-11-30T10:45:00+01:00"));
    desk.session_ended(at("2026-11-30T10:46:00+01:00"), false);
    let tally = desk.tally(at("2026-11-30T10:46:00+01:00"));
    assert_eq!((tally.done, tally.pattern().as_str()), (0, "◐"));
}

#[test]
fn a_new_day_starts_a_new_tally() {
    let mut desk = open_at("2026-11-30T10:00:00+01:00");
    desk.tick(at("2026-11-30T10:45:00+01:00"));
    desk.answer(Answer::Skipped, at("2026-11-30T10:45:00+01:00"));
    assert_eq!(
        desk.tally(at("2026-12-01T10:00:00+01:00")),
        Tally::default()
    );
}
