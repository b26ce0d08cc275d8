//! The summary cache and records taken back: after every append of records or voids (of
//! records old and recent, with ids or without), the summary through the cache equals the
//! whole journal read without the records taken back.

use std::path::Path;

use chrono::{Days, NaiveDate, NaiveTime};
use poised::journal::{
    CheckinRecord, FORMAT_LINE, Journal, Record, VoidRecord, parse, record_key, record_toml,
};
use poised::progress::cache::summarize;
use poised::progress::days::{History, record_date};

fn three() -> NaiveTime {
    NaiveTime::from_hms_opt(3, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// A check-in `days_ago` days before today, rated `stiffness`.
fn checkin(days_ago: u64, stiffness: u8) -> Record {
    let date = today() - Days::new(days_ago);
    let at = date
        .and_hms_opt(7, 0, 0)
        .unwrap()
        .and_local_timezone(chrono::FixedOffset::east_opt(3600).unwrap())
        .unwrap();
    Record::Checkin(CheckinRecord {
        at,
        stiffness,
        note: None,
    })
}

/// The whole journal read at once, leaving out the records taken back.
fn full_read(journal: &Path) -> (History, Vec<Record>) {
    let (keyed, _) = parse(journal, &std::fs::read(journal).unwrap()).into_keyed();
    let counted = keyed.counted();
    let window = today() - Days::new(55);
    let history = History::from_records(&counted, three());
    let recent = counted
        .into_iter()
        .filter(|r| record_date(r, three()) >= window)
        .collect();
    (history, recent)
}

fn assert_cache_agrees(journal: &Path, cache: &Path, step: usize) {
    let summary = summarize(journal, cache, three(), today()).unwrap();
    let (mut history, recent) = full_read(journal);
    // Days long past are folded in the summary: fold the full read's the same way.
    if let Some(since) = summary.history.since {
        history.fold_before(since);
    }
    assert_eq!(summary.history, history, "step {step}: tallies");
    assert_eq!(summary.recent, recent, "step {step}: recent records");
}

#[test]
fn every_void_old_or_recent_with_an_id_or_without_is_left_out_through_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.toml");
    let cache = dir.path().join("journal.cache");
    // Records from before ids, a year back and in the last weeks.
    let old: Vec<Record> = (0..12).map(|i| checkin(400 - i * 30, 3)).collect();
    let mut text = String::from(FORMAT_LINE);
    for record in &old {
        text.push('\n');
        text.push_str(&record_toml(record));
    }
    std::fs::write(&path, text).unwrap();
    assert_cache_agrees(&path, &cache, 0);
    let journal = Journal::new(&path);
    let mut keys: Vec<String> = old.iter().map(|r| record_key(r, None)).collect();
    let mut state = 7_u64;
    let mut next = |bound: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) % bound
    };
    for step in 1..=40 {
        if next(3) == 0 {
            let key = keys[usize::try_from(next(keys.len() as u64)).unwrap()].clone();
            let void = VoidRecord {
                at: checkin(0, 0).moment().and_utc().fixed_offset(),
                record: key,
            };
            journal.append_void(&void).unwrap();
        } else {
            let days_ago = next(500);
            let record = checkin(days_ago, u8::try_from(next(11)).unwrap());
            keys.push(journal.append(&record).unwrap());
        }
        assert_cache_agrees(&path, &cache, step);
    }
    let (keyed, _) = parse(&path, &std::fs::read(&path).unwrap()).into_keyed();
    let (all, voids) = (keyed.records.len(), keyed.voids.len());
    assert!(voids >= 5, "{voids} voids");
    assert!(keyed.counted().len() < all, "some records are taken back");
    // And from nothing: the same.
    std::fs::remove_file(&cache).unwrap();
    assert_cache_agrees(&path, &cache, 41);
}
