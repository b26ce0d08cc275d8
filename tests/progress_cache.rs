//! The summary cache as a file: written on the first load and read by the next, rebuilt when
//! missing, corrupt or tampered with, and always giving what reading the whole journal gives.
//! (How it follows edits and appends of the journal: `cache_follows_journal.rs`.)

mod cache_support;

use chrono::{FixedOffset, TimeZone};
use poised::progress::cache::{Check, Summary, summarize_checked};

use cache_support::*;

#[test]
fn a_missing_journal_is_empty_and_writes_no_cache() {
    let home = home();
    let summary = load(&home);
    assert!(summary.history.days.is_empty());
    assert!(!home.cache.exists());
}

/// Sets the journal's modification time, as if it was last written then.

#[test]
fn the_first_load_writes_a_cache_that_the_next_load_reads() {
    let home = home();
    append(&home.journal, &records(&mut Rng(1), 300));
    let written = an_hour_ago();
    set_modified(&home.journal, written);
    let first = load(&home);
    assert_matches_full_read(&first, &home.journal, today());
    let text = std::fs::read_to_string(&home.cache).unwrap();
    assert!(text.starts_with("poised progress cache 5 "));
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
    assert_eq!(load_set_aside(&home), first);
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
        assert_eq!(load_set_aside(&home), first);
    }
    let wrong_number = String::from_utf8(text)
        .unwrap()
        .replacen(" 0 0 ", " 0 x ", 1);
    std::fs::write(&home.cache, wrong_number).unwrap();
    assert_eq!(load_set_aside(&home), first);
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
    let (history, recent, ..) = full_read(&home.journal, today());
    let expected = poised::progress::build(&history, &recent, today(), three(), wardrobes);
    for _ in 0..2 {
        let model = poised::progress::load(&paths, config.day_starts_at, now, wardrobes).unwrap();
        assert_eq!(model, expected);
    }
    assert!(home.cache.exists());
}

/// The model as the binary's `load` gives it, and as a full read of the journal gives it.
fn models(
    home: &Home,
) -> (
    poised::progress::ProgressModel,
    poised::progress::ProgressModel,
) {
    let paths = poised::paths::Paths::in_folder(home.journal.parent().unwrap());
    let now = FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 21, 20, 0, 0)
        .unwrap();
    let facts = |_: &str| None;
    let (history, recent, ..) = full_read(&home.journal, today());
    let mut expected = poised::progress::build(&history, &recent, today(), three(), facts);
    expected.warnings =
        poised::journal::parse(&home.journal, &std::fs::read(&home.journal).unwrap())
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect();
    let model = poised::progress::load(&paths, three(), now, facts).unwrap();
    (model, expected)
}

#[test]
fn years_of_history_are_folded_to_two_years_of_days_and_give_every_figure_alike() {
    let home = home();
    let mut rng = Rng(31);
    let mut list: Vec<_> = (0..1500)
        .map(|_| random_record_within(&mut rng, 2000))
        .collect();
    // The last record is never cached; one dated long ago would be counted unfolded.
    list.push(random_record_within(&mut rng, 1));
    append(&home.journal, &list);
    for _ in 0..2 {
        let (model, expected) = models(&home);
        assert_eq!(model, expected);
    }
    let summary = load(&home);
    assert_matches_full_read(&summary, &home.journal, today());
    let days = poised::progress::days::DAILY_DAYS;
    assert_eq!(
        summary.history.since,
        Some(today() - chrono::Days::new(days - 1))
    );
    let text = std::fs::read_to_string(&home.cache).unwrap();
    let day_lines = text.lines().filter(|l| l.starts_with("day ")).count();
    assert!(day_lines as u64 <= days, "{day_lines} days cached");
}

#[test]
fn a_record_dated_among_the_folded_days_counts_last_and_once_settled() {
    let home = home();
    let mut rng = Rng(32);
    let list: Vec<_> = (0..600)
        .map(|_| random_record_within(&mut rng, 1500))
        .collect();
    append(&home.journal, &list);
    load(&home);
    let long_ago = FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2023, 3, 4, 8, 0, 0)
        .unwrap();
    // Last in the journal (never cached), then settled by a record after it.
    append(
        &home.journal,
        &[poised::journal::Record::Session(session(long_ago))],
    );
    let (model, expected) = models(&home);
    assert_eq!(model, expected);
    append(&home.journal, &records(&mut rng, 1));
    let (mut model, expected) = models(&home);
    let notice = model.notices.pop().unwrap();
    assert!(notice.contains("a record dated more than two years ago was added"));
    assert_eq!(model, expected);
    let summary = load(&home);
    assert_matches_full_read(&summary, &home.journal, today());
}

#[test]
fn the_days_alone_leave_a_current_caches_records_undecoded_and_agree() {
    let home = home();
    append(&home.journal, &records(&mut Rng(33), 300));
    set_modified(&home.journal, an_hour_ago());
    let whole = load(&home);
    let paths = poised::paths::Paths::in_folder(home.journal.parent().unwrap());
    let days =
        poised::progress::cache::summarize_history(&paths, three(), today(), Check::Quick).unwrap();
    assert!(days.pending.is_some());
    assert_eq!(
        (&days.history, &days.warnings),
        (&whole.history, &whole.warnings)
    );
    // Once the journal moved on, the records are decoded to write the cache again.
    append(&home.journal, &records(&mut Rng(34), 2));
    let days =
        poised::progress::cache::summarize_history(&paths, three(), today(), Check::Quick).unwrap();
    assert!(days.pending.is_none());
    assert_matches_full_read(&days, &home.journal, today());
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
        let mut rng = Rng(21);
        let list: Vec<_> = (0..160).map(|_| random_record_within(&mut rng, 1200)).collect();
        append(&home.journal, &list);
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
        let again = load(&home);
        proptest::prop_assert!(again.notices.len() <= 1, "{:?}", again.notices);
        proptest::prop_assert_eq!(Summary { notices: Vec::new(), ..again }, truth);
    }
}
