//! The summary cache following the journal: brought up to date incrementally on append, read
//! again when the journal was edited, rebuilt for another day start, and always equal to
//! reading the whole journal.

mod cache_support;

use std::time::{Duration, SystemTime};

use chrono::{DateTime, Days, FixedOffset, NaiveTime, TimeZone};
use poised::journal::{Record, parse};
use poised::progress::cache::summarize;
use poised::progress::days::History;

use cache_support::*;

#[test]
fn an_edit_at_the_same_length_with_a_new_time_is_read_again() {
    let home = home();
    append(&home.journal, &records(&mut Rng(9), 200));
    set_modified(&home.journal, an_hour_ago());
    load(&home);
    let journal = std::fs::read_to_string(&home.journal).unwrap();
    std::fs::write(&home.journal, journal.replacen("true", "fals", 1)).unwrap();
    set_modified(&home.journal, SystemTime::now() - Duration::from_secs(600));
    assert_matches_full_read(&load(&home), &home.journal, today());
}

#[test]
fn an_edited_journal_is_read_again_even_at_the_same_length() {
    let home = home();
    let mut rng = Rng(4);
    let mut list = records(&mut rng, 200);
    for record in &mut list[..100] {
        if let Record::Checkin(c) = record {
            c.stiffness = 3;
        }
    }
    append(&home.journal, &list);
    load(&home);
    let text = std::fs::read_to_string(&home.journal).unwrap();
    let edited = text.replacen("stiffness = 3\n", "stiffness = 9\n", 1);
    assert_eq!(edited.len(), text.len());
    std::fs::write(&home.journal, &edited).unwrap();
    assert_matches_full_read(&load(&home), &home.journal, today());
    // Shorter: a record deleted in the middle.
    let start = edited.find("\n[[session]]").unwrap();
    let end = start + 1 + edited[start + 1..].find("\n[[").unwrap();
    std::fs::write(
        &home.journal,
        format!("{}{}", &edited[..start], &edited[end..]),
    )
    .unwrap();
    assert_matches_full_read(&load(&home), &home.journal, today());
}

#[test]
fn an_appended_key_on_the_last_record_is_read() {
    let home = home();
    let mut list = records(&mut Rng(5), 50);
    let at = eight_in_the_morning(21);
    list.push(Record::Session(session(at)));
    append(&home.journal, &list);
    load(&home);
    let mut text = std::fs::read_to_string(&home.journal).unwrap();
    text.push_str("stiffness_after = 2\n");
    std::fs::write(&home.journal, text).unwrap();
    let summary = load(&home);
    assert_matches_full_read(&summary, &home.journal, today());
    let Some(Record::Session(s)) = summary.recent.last() else {
        panic!("a session")
    };
    assert_eq!(s.stiffness_after, Some(2));
}

#[test]
fn appends_are_read_incrementally_and_equal_a_full_read() {
    let home = home();
    let mut rng = Rng(6);
    for round in 0..40 {
        let n = rng.below(12) as usize;
        append(&home.journal, &records(&mut rng, n));
        let summary = load(&home);
        assert_matches_full_read(&summary, &home.journal, today());
        // The cache covers everything but the last record.
        let journal = std::fs::read(&home.journal).unwrap();
        let last = journal
            .windows(2)
            .rposition(|w| w == b"\n[")
            .map_or(0, |i| i + 1);
        assert_eq!(summary.covered.offset, last as u64, "round {round}");
    }
}

#[test]
fn a_damaged_tail_then_an_append_equals_a_full_read() {
    let home = home();
    let mut rng = Rng(7);
    append(&home.journal, &records(&mut rng, 30));
    load(&home);
    let mut text = std::fs::read_to_string(&home.journal).unwrap();
    text.push_str("\n[[session]]\nroutine = \"mor");
    std::fs::write(&home.journal, &text).unwrap();
    assert_eq!(load(&home).warnings.len(), 1);
    text.push('\n');
    std::fs::write(&home.journal, &text).unwrap();
    append(&home.journal, &records(&mut rng, 5));
    let summary = load(&home);
    assert_matches_full_read(&summary, &home.journal, today());
    assert_eq!(summary.warnings.len(), 1);
}

#[test]
fn another_day_start_or_an_earlier_today_rebuilds_and_a_later_today_prunes() {
    let home = home();
    append(&home.journal, &records(&mut Rng(8), 300));
    load(&home);
    let dawn = NaiveTime::from_hms_opt(5, 0, 0).unwrap();
    let other = summarize(&home.journal, &home.cache, dawn, today()).unwrap();
    let mut history = History::from_records(
        &parse(&home.journal, &std::fs::read(&home.journal).unwrap()).records,
        dawn,
    );
    history.fold_before(other.history.since.unwrap());
    assert_eq!(other.history, history);
    let earlier = today() - Days::new(90);
    let back = summarize(&home.journal, &home.cache, three(), earlier).unwrap();
    assert_matches_full_read(&back, &home.journal, earlier);
    let later = today() + Days::new(20);
    let on = summarize(&home.journal, &home.cache, three(), later).unwrap();
    assert_matches_full_read(&on, &home.journal, later);
}

#[test]
fn a_key_added_to_the_second_last_record_is_read() {
    let home = home();
    let mut list = records(&mut Rng(12), 40);
    let at = eight_in_the_morning(20);
    list.push(Record::Session(session(at)));
    list.push(Record::Session(session(at + chrono::Duration::days(1))));
    append(&home.journal, &list);
    load(&home);
    // Insert a key at the end of the second-last record, just before the last header.
    let text = std::fs::read_to_string(&home.journal).unwrap();
    let cut = text.rfind("\n[[").unwrap() + 1;
    let edited = format!("{}stiffness_after = 4\n{}", &text[..cut], &text[cut..]);
    std::fs::write(&home.journal, edited).unwrap();
    let summary = load(&home);
    assert_matches_full_read(&summary, &home.journal, today());
    assert!(summary.warnings.is_empty());
}

/// 08:00 at +01:00 on a day of November 2026.
fn eight_in_the_morning(day: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, day, 8, 0, 0)
        .unwrap()
}
