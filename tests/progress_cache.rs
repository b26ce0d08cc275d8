//! The summary cache: rebuilt when missing, corrupt, stale or the journal was edited, brought
//! up to date incrementally on append, and always equal to reading the whole journal.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{Days, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use poised::journal::{
    CheckinRecord, FORMAT_LINE, Record, RestRecord, SessionRecord, parse, record_toml,
};
use poised::progress::cache::{Check, Summary, summarize, summarize_checked};
use poised::progress::days::{History, record_date};

struct Home {
    _dir: tempfile::TempDir,
    journal: PathBuf,
    cache: PathBuf,
}

fn home() -> Home {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.toml");
    let cache = dir.path().join("journal.cache");
    Home {
        _dir: dir,
        journal,
        cache,
    }
}

fn three() -> NaiveTime {
    NaiveTime::from_hms_opt(3, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// `SplitMix64`, for deterministic random records.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

/// A random record dated within the 200 days before today, in one of three offsets.
fn random_record(rng: &mut Rng) -> Record {
    let offset = [3600, -5 * 3600, 9 * 3600][rng.below(3) as usize];
    let zone = FixedOffset::east_opt(offset).unwrap();
    let date = today() - Days::new(rng.below(200));
    let at = zone
        .from_local_datetime(
            &date
                .and_hms_opt(rng.below(24) as u32, rng.below(60) as u32, 0)
                .unwrap(),
        )
        .unwrap();
    match rng.below(10) {
        0 => Record::Rest(RestRecord {
            date,
            reason: Some("flare".into()),
        }),
        1 | 2 => Record::Checkin(CheckinRecord {
            at,
            stiffness: rng.below(11) as u8,
            note: None,
        }),
        _ => Record::Session(SessionRecord {
            routine: ["morning", "desk-reset"][rng.below(2) as usize].into(),
            variant: ["full", "short"][rng.below(2) as usize].into(),
            completed: rng.below(5) != 0,
            stiffness_before: Some(rng.below(11) as u8),
            stiffness_after: (rng.below(3) != 0).then(|| rng.below(11) as u8),
            note: (rng.below(4) == 0).then(|| "a \"quoted\" note".into()),
            painful_steps: if rng.below(8) == 0 {
                vec!["Bird-dog".into()]
            } else {
                vec![]
            },
            learn: false,
            routine_version: None,
            ..session(at)
        }),
    }
}

/// A completed full session without ratings.
fn session(at: chrono::DateTime<FixedOffset>) -> SessionRecord {
    SessionRecord {
        routine: "morning".into(),
        title: "Some routine".into(),
        variant: "full".into(),
        started: at,
        ended: at + chrono::Duration::minutes(7),
        active_seconds: 420,
        completed: true,
        steps_done: 6,
        steps_total: 6,
        stiffness_before: None,
        stiffness_after: None,
        note: None,
        painful_steps: Vec::new(),
        marks: Vec::new(),
        played: None,
        learn: false,
        routine_version: None,
    }
}

/// Appends records as the journal does: each after a blank line.
fn append(path: &Path, records: &[Record]) {
    let mut text = std::fs::read_to_string(path).unwrap_or_else(|_| FORMAT_LINE.to_string());
    for record in records {
        text.push('\n');
        text.push_str(&record_toml(record));
    }
    std::fs::write(path, text).unwrap();
}

/// What reading the whole journal gives, without any cache.
fn full_read(journal: &Path, today: NaiveDate) -> (History, Vec<Record>, Vec<String>) {
    let parsed = parse(journal, &std::fs::read(journal).unwrap());
    let window = today - Days::new(55);
    let history = History::from_records(&parsed.records, three());
    let recent = parsed
        .records
        .into_iter()
        .filter(|r| record_date(r, three()) >= window)
        .collect();
    (
        history,
        recent,
        parsed.warnings.iter().map(ToString::to_string).collect(),
    )
}

fn assert_matches_full_read(summary: &Summary, journal: &Path, today: NaiveDate) {
    let (history, recent, warnings) = full_read(journal, today);
    assert_eq!(summary.history, history);
    assert_eq!(summary.recent, recent);
    assert_eq!(summary.warnings, warnings);
}

fn load(home: &Home) -> Summary {
    summarize(&home.journal, &home.cache, three(), today()).unwrap()
}

fn records(rng: &mut Rng, n: usize) -> Vec<Record> {
    (0..n).map(|_| random_record(rng)).collect()
}

#[test]
fn a_missing_journal_is_empty_and_writes_no_cache() {
    let home = home();
    let summary = load(&home);
    assert!(summary.history.days.is_empty());
    assert!(!home.cache.exists());
}

/// Sets the journal's modification time, as if it was last written then.
fn set_modified(journal: &Path, at: SystemTime) {
    let file = std::fs::File::options().write(true).open(journal).unwrap();
    file.set_modified(at).unwrap();
}

fn an_hour_ago() -> SystemTime {
    SystemTime::now() - Duration::from_secs(3600)
}

#[test]
fn the_first_load_writes_a_cache_that_the_next_load_reads() {
    let home = home();
    append(&home.journal, &records(&mut Rng(1), 300));
    let written = an_hour_ago();
    set_modified(&home.journal, written);
    let first = load(&home);
    assert_matches_full_read(&first, &home.journal, today());
    let text = std::fs::read_to_string(&home.cache).unwrap();
    assert!(text.starts_with("poised progress cache 4 "));
    // Proof that the cache is read: an edit early on, at the same length and with the old
    // modification time, goes unseen by the quick check and is found by the full one.
    let journal = std::fs::read_to_string(&home.journal).unwrap();
    let at = journal.find("stiffness = ").unwrap() + "stiffness = ".len();
    let digit = if &journal[at..=at] == "1" { "2" } else { "1" };
    let edited = format!("{}{digit}{}", &journal[..at], &journal[at + 1..]);
    std::fs::write(&home.journal, edited).unwrap();
    set_modified(&home.journal, written);
    assert_eq!(load(&home), first);
    let verified =
        summarize_checked(&home.journal, &home.cache, three(), today(), Check::Full).unwrap();
    assert_matches_full_read(&verified, &home.journal, today());
    assert_ne!(verified.history, first.history);
}

#[test]
fn a_tampered_cache_is_rebuilt() {
    let home = home();
    append(&home.journal, &records(&mut Rng(1), 300));
    set_modified(&home.journal, an_hour_ago());
    let first = load(&home);
    let text = std::fs::read_to_string(&home.cache).unwrap();
    let invented = text.replacen("\nday ", "\nday 1999-01-01 1 0 0 0 0 0\nday ", 1);
    std::fs::write(&home.cache, invented).unwrap();
    assert_eq!(load(&home), first);
}

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
fn a_deleted_cache_is_rebuilt() {
    let home = home();
    append(&home.journal, &records(&mut Rng(2), 200));
    let first = load(&home);
    std::fs::remove_file(&home.cache).unwrap();
    let again = load(&home);
    assert_eq!(again, first);
    assert!(home.cache.exists());
}

#[test]
fn a_corrupt_or_truncated_cache_is_rebuilt() {
    let home = home();
    append(&home.journal, &records(&mut Rng(3), 200));
    let first = load(&home);
    let text = std::fs::read(&home.cache).unwrap();
    for damaged in [
        b"garbage\n".to_vec(),
        text[..text.len() / 2].to_vec(),
        text[..text.len() - 40].to_vec(),
    ] {
        std::fs::write(&home.cache, damaged).unwrap();
        assert_eq!(load(&home), first);
    }
    let wrong_number = String::from_utf8(text)
        .unwrap()
        .replacen(" 0 0 ", " 0 x ", 1);
    std::fs::write(&home.cache, wrong_number).unwrap();
    assert_eq!(load(&home), first);
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
    let at = FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 21, 8, 0, 0)
        .unwrap();
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
    assert_eq!(
        other.history,
        History::from_records(
            &parse(&home.journal, &std::fs::read(&home.journal).unwrap()).records,
            dawn
        )
    );
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
    let at = FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 20, 8, 0, 0)
        .unwrap();
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

#[test]
fn load_gives_the_model_of_a_full_read_cold_and_warm() {
    let home = home();
    append(&home.journal, &records(&mut Rng(13), 400));
    let paths = poised::paths::Paths::in_folder(home.journal.parent().unwrap());
    let config = poised::config::Config::default();
    // 02:30 on the 22nd is still the 21st with the default day start.
    let now = FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 22, 2, 30, 0)
        .unwrap();
    let wardrobes = |id: &str| {
        (id == "desk-reset").then_some(poised::progress::RoutineFacts {
            wardrobe: "office",
            phase: Some(3),
        })
    };
    let (history, recent, _) = full_read(&home.journal, today());
    let expected = poised::progress::build(&history, &recent, today(), three(), wardrobes);
    for _ in 0..2 {
        let model = poised::progress::load(&paths, config.day_starts_at, now, wardrobes).unwrap();
        assert_eq!(model, expected);
    }
    assert!(home.cache.exists());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Random edits of a valid cache (bytes replaced, inserted or removed anywhere) never change
    /// the summary from what a read without the cache gives, and never panic.
    #[test]
    fn a_tampered_cache_never_changes_a_figure(
        edits in proptest::collection::vec((0.0..1.0_f64, 0..3_u8, proptest::num::u8::ANY), 1..6)
    ) {
        let home = home();
        append(&home.journal, &records(&mut Rng(21), 120));
        set_modified(&home.journal, an_hour_ago());
        let truth = load(&home);
        let mut cache = std::fs::read(&home.cache).unwrap();
        for (place, kind, byte) in edits {
            let at = ((cache.len() as f64) * place) as usize;
            match kind {
                0 if at < cache.len() => cache[at] = byte,
                1 => cache.insert(at.min(cache.len()), byte),
                _ if at < cache.len() => drop(cache.remove(at)),
                _ => {}
            }
        }
        std::fs::write(&home.cache, &cache).unwrap();
        proptest::prop_assert_eq!(load(&home), truth);
    }
}
