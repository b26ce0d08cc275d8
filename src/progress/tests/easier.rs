use super::fixtures::*;
use crate::journal::Record;
use crate::progress::easier::{CLEAN_SESSIONS, Offer, offers_from};

fn offered(records: &[Record], today: &str) -> Vec<String> {
    offers_from(records, "morning", date(today), three_am())
        .into_iter()
        .map(|o| o.step)
        .collect()
}

fn ended_early(started: &str) -> Record {
    Record::Session(session(started, "full", false))
}

#[test]
fn a_marked_step_is_offered_eased_in_the_next_session_with_the_reason() {
    let records = [
        done("2026-11-26T07:00:00+01:00"),
        hurt("2026-11-28T07:00:00+01:00", &["Bird-dog"]),
    ];
    let offers = offers_from(&records, "morning", date("2026-11-29"), three_am());
    assert_eq!(
        offers,
        [Offer {
            step: "Bird-dog".into(),
            marked_on: date("2026-11-28"),
            clean_since: 0,
        }]
    );
    assert_eq!(
        offers[0].to_string(),
        "Bird-dog, easier: marked painful on 28 Nov"
    );
    assert!(offered(&records, "2026-11-29").contains(&"Bird-dog".to_string()));
}

#[test]
fn the_offer_stays_until_three_finished_sessions_in_a_row_go_without_a_mark() {
    assert_eq!(CLEAN_SESSIONS, 3);
    let mut records = vec![hurt("2026-11-20T07:00:00+01:00", &["Bird-dog", "Bridges"])];
    records.push(done("2026-11-21T07:00:00+01:00"));
    records.push(hurt("2026-11-22T07:00:00+01:00", &["Bridges"]));
    records.push(done("2026-11-23T07:00:00+01:00"));
    // Bird-dog: 3 clean sessions (21, 22, 23); Bridges: marked again on 22, 1 clean since.
    assert_eq!(offered(&records, "2026-11-24"), ["Bridges"]);
    records.push(ended_early("2026-11-24T07:00:00+01:00"));
    records.push(done("2026-11-25T07:00:00+01:00"));
    // A session ended early neither counts nor breaks the run: 2 clean.
    assert_eq!(offered(&records, "2026-11-26"), ["Bridges"]);
    records.push(done("2026-11-26T07:00:00+01:00"));
    assert!(offered(&records, "2026-11-27").is_empty());
}

#[test]
fn a_mark_in_a_session_ended_early_counts() {
    let mut early = session("2026-11-27T07:00:00+01:00", "full", false);
    early.painful_steps = vec!["Cat-camel".into()];
    assert_eq!(
        offered(&[Record::Session(early)], "2026-11-28"),
        ["Cat-camel"]
    );
}

#[test]
fn marks_of_other_routines_and_old_marks_do_not_count() {
    let mut office = session("2026-11-27T12:00:00+01:00", "full", true);
    office.routine = "office".into();
    office.painful_steps = vec!["Seated twist".into()];
    let records = [
        Record::Session(office),
        hurt("2026-10-01T07:00:00+01:00", &["Bird-dog"]),
    ];
    assert!(offered(&records, "2026-11-28").is_empty());
    // 28 days, today included: a mark on 1 Nov still counts on 28 Nov, not on 29 Nov.
    let recent = [hurt("2026-11-01T07:00:00+01:00", &["Bird-dog"])];
    assert_eq!(offered(&recent, "2026-11-28"), ["Bird-dog"]);
    assert!(offered(&recent, "2026-11-29").is_empty());
}

#[test]
fn sessions_count_in_the_order_they_were_played() {
    // Given out of order: the mark on the 25th came after the clean sessions of 22 to 24.
    let records = [
        hurt("2026-11-25T07:00:00+01:00", &["Bird-dog"]),
        done("2026-11-22T07:00:00+01:00"),
        done("2026-11-23T07:00:00+01:00"),
        done("2026-11-24T07:00:00+01:00"),
    ];
    assert_eq!(offered(&records, "2026-11-26"), ["Bird-dog"]);
}
