//! Journals of random records and what reading them whole gives, shared by the cache tests.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{Days, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use poised::journal::{
    CheckinRecord, FORMAT_LINE, Record, RestRecord, SessionRecord, parse, record_toml,
};
use poised::progress::cache::{Summary, summarize};
use poised::progress::days::{History, record_date};

pub struct Home {
    pub _dir: tempfile::TempDir,
    pub journal: PathBuf,
    pub cache: PathBuf,
}

pub fn home() -> Home {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.toml");
    let cache = dir.path().join("journal.cache");
    Home {
        _dir: dir,
        journal,
        cache,
    }
}

pub fn three() -> NaiveTime {
    NaiveTime::from_hms_opt(3, 0, 0).unwrap()
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// `SplitMix64`, for deterministic random records.
pub struct Rng(pub u64);

impl Rng {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

/// A random record dated within the 200 days before today, in one of three offsets.
pub fn random_record(rng: &mut Rng) -> Record {
    random_record_within(rng, 200)
}

/// A random record dated within the `days` days before today, in one of three offsets.
pub fn random_record_within(rng: &mut Rng, days: u64) -> Record {
    let offset = [3600, -5 * 3600, 9 * 3600][rng.below(3) as usize];
    let zone = FixedOffset::east_opt(offset).unwrap();
    let date = today() - Days::new(rng.below(days));
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
            steps: Vec::new(),
            ..session(at)
        }),
    }
}

/// A completed full session without ratings.
pub fn session(at: chrono::DateTime<FixedOffset>) -> SessionRecord {
    SessionRecord {
        title: "Some routine".into(),
        ..SessionRecord::new(
            "morning",
            "full",
            (at, at + chrono::Duration::minutes(7)),
            6,
        )
    }
}

/// Appends records as the journal does: each after a blank line.
pub fn append(path: &Path, records: &[Record]) {
    let mut text = std::fs::read_to_string(path).unwrap_or_else(|_| FORMAT_LINE.to_string());
    for record in records {
        text.push('\n');
        text.push_str(&record_toml(record));
    }
    std::fs::write(path, text).unwrap();
}

/// What reading the whole journal gives, without any cache: the tallies and recent records
/// of the records dated up to tomorrow, the reader's warnings, and how many were held back.
pub fn full_read(journal: &Path, today: NaiveDate) -> (History, Vec<Record>, Vec<String>, usize) {
    let parsed = parse(journal, &std::fs::read(journal).unwrap());
    let window = today - Days::new(55);
    let (counted, held): (Vec<Record>, Vec<Record>) = parsed
        .records
        .into_iter()
        .partition(|r| record_date(r, three()) <= today + Days::new(1));
    let history = History::from_records(&counted, three());
    let recent = counted
        .into_iter()
        .filter(|r| record_date(r, three()) >= window)
        .collect();
    (
        history,
        recent,
        parsed.warnings.iter().map(ToString::to_string).collect(),
        held.len(),
    )
}

/// The summary equals the whole journal read plainly, its days folded where the summary's are.
pub fn assert_matches_full_read(summary: &Summary, journal: &Path, today: NaiveDate) {
    let (mut history, recent, warnings, held) = full_read(journal, today);
    if let Some(since) = summary.history.since {
        history.fold_before(since);
    }
    assert_eq!(summary.history, history);
    assert_eq!(summary.recent, recent);
    let (ahead, damaged): (Vec<&String>, Vec<&String>) = summary
        .warnings
        .iter()
        .partition(|w| w.contains("more than a day after today"));
    assert_eq!(damaged, warnings.iter().collect::<Vec<_>>());
    assert_eq!((ahead.len(), summary.held_back), (held, held));
}

pub fn load(home: &Home) -> Summary {
    summarize(&home.journal, &home.cache, three(), today()).unwrap()
}

/// A load that set the cache aside: one line says why, and the rest is as ever.
pub fn load_set_aside(home: &Home) -> Summary {
    let summary = load(home);
    assert_eq!(summary.notices.len(), 1, "{:?}", summary.notices);
    Summary {
        notices: Vec::new(),
        ..summary
    }
}

pub fn records(rng: &mut Rng, n: usize) -> Vec<Record> {
    (0..n).map(|_| random_record(rng)).collect()
}

pub fn set_modified(journal: &Path, at: SystemTime) {
    let file = std::fs::File::options().write(true).open(journal).unwrap();
    file.set_modified(at).unwrap();
}

pub fn an_hour_ago() -> SystemTime {
    SystemTime::now() - Duration::from_secs(3600)
}
