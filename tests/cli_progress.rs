//! `poised streak` and `poised rest` through the real binary, on journals laid out around a
//! fixed today: each child gets its own `POISED_HOME` and `POISED_NOW`, so no test races the
//! day boundary.

use std::path::Path;
use std::process::Command;

use chrono::{Days, NaiveDate};
use poised::journal::{CheckinRecord, FORMAT_LINE, Record, SessionRecord, record_toml};

/// The time every child is told it is: midday on Saturday 21 November 2026.
const NOW: &str = "2026-11-21T12:00:00+01:00";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// Runs poised with its own `POISED_HOME`.
fn poised(home: &Path, args: &[&str]) -> (String, String, bool) {
    poised_at(home, NOW, args)
}

/// Runs poised with its own `POISED_HOME`, told that it is `now`.
fn poised_at(home: &Path, now: &str, args: &[&str]) -> (String, String, bool) {
    let output = Command::new(env!("CARGO_BIN_EXE_poised"))
        .args(args)
        .env("POISED_HOME", home)
        .env("POISED_NOW", now)
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        text(output.stdout),
        text(output.stderr),
        output.status.success(),
    )
}

fn at(date: NaiveDate, hour: u32) -> chrono::DateTime<chrono::FixedOffset> {
    date.and_hms_opt(hour, 0, 0)
        .unwrap()
        .and_local_timezone(chrono::FixedOffset::east_opt(3600).unwrap())
        .unwrap()
}

fn session(date: NaiveDate, completed: bool) -> Record {
    let started = at(date, 8);
    let seven_minutes = (started, started + chrono::Duration::minutes(7));
    Record::Session(SessionRecord {
        title: "Morning".into(),
        completed,
        stiffness_before: Some(5),
        stiffness_after: Some(3),
        ..SessionRecord::new("morning", "full", seven_minutes, 6)
    })
}

fn checkin(date: NaiveDate, stiffness: u8) -> Record {
    Record::Checkin(CheckinRecord {
        at: at(date, 7),
        stiffness,
        note: None,
    })
}

/// Writes a journal laid out around today.
fn prepare(home: &Path, layout: impl Fn(NaiveDate) -> Vec<Record>) {
    let mut text = String::from(FORMAT_LINE);
    for record in layout(today()) {
        text.push('\n');
        text.push_str(&record_toml(&record));
    }
    std::fs::write(home.join("journal.toml"), text).unwrap();
}

/// Runs `poised streak` on a journal laid out around today.
fn streak_on(layout: impl Fn(NaiveDate) -> Vec<Record>) -> (String, String, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    prepare(home.path(), &layout);
    let (out, err, ok) = poised(home.path(), &["streak"]);
    assert!(ok, "{err}");
    (out, err, home)
}

fn ago(today: NaiveDate, days: u64) -> NaiveDate {
    today - Days::new(days)
}

#[test]
fn streak_prints_one_line_with_the_morning_trend() {
    let (out, err, home) = streak_on(|today| {
        let mut records: Vec<Record> = (20..32).map(|d| session(ago(today, d), true)).collect();
        records.extend((1..=3).map(|d| session(ago(today, d), true)));
        records.push(session(today, false));
        records.extend((1..=6).map(|d| checkin(ago(today, d), if d > 3 { 5 } else { 3 })));
        records
    });
    // Consistency: 12 days give 1 - k^12 = 0.448 (k = 0.5^(1/14)); 16 missed days give
    // 0.448 k^16 = 0.203; 3 ritual days give 0.203 k^3 + 1 - k^3 = 0.313.
    assert_eq!(
        out,
        "streak 3 days · best 12 · 3 of last 7 days · consistency 31 · mornings 5 -> 3\n"
    );
    assert_eq!(err, "");
    // The second run reads the cache and says the same.
    assert!(home.path().join("journal.cache").exists());
    let (again, _, _) = poised(home.path(), &["streak"]);
    assert_eq!(again, out);
}

#[test]
fn one_day_is_singular_and_an_empty_journal_is_all_zero() {
    let (out, _, _) = streak_on(|today| vec![session(today, true)]);
    assert_eq!(
        out,
        "streak 1 day · best 1 · 1 of last 7 days · consistency 5\n"
    );
    let home = tempfile::tempdir().unwrap();
    let (out, err, ok) = poised(home.path(), &["streak"]);
    assert!(ok);
    assert_eq!(
        (out.as_str(), err.as_str()),
        (
            "streak 0 days · best 0 · 0 of last 7 days · consistency 0\n",
            ""
        )
    );
    assert!(!home.path().join("journal.toml").exists());
}

#[test]
fn a_damaged_record_is_skipped_with_a_warning_naming_file_and_line() {
    let home = tempfile::tempdir().unwrap();
    prepare(home.path(), |today| vec![session(ago(today, 1), true)]);
    let journal = home.path().join("journal.toml");
    let mut text = std::fs::read_to_string(&journal).unwrap();
    text.push_str("\n[[session]]\nroutine = \"mor");
    std::fs::write(&journal, &text).unwrap();
    for _ in 0..2 {
        let (out, err, ok) = poised(home.path(), &["streak"]);
        assert!(ok);
        assert!(out.starts_with("streak 1 day · "), "{out}");
        assert!(err.contains("journal.toml line 17"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&journal).unwrap(), text);
}

#[test]
fn rest_keeps_the_streak_once_a_day() {
    let home = tempfile::tempdir().unwrap();
    prepare(home.path(), |today| {
        (1..=2).map(|d| session(ago(today, d), true)).collect()
    });
    let (out, err, ok) = poised(home.path(), &["rest", "--reason", "flare\u{1b}[2J"]);
    assert!(ok, "{err}");
    assert!(
        out.starts_with("rest day recorded for Sat 21 Nov 2026 "),
        "{out}"
    );
    assert!(
        out.ends_with(" (flare) · your streak of 2 days stays alive\n"),
        "{out}"
    );
    let (again, _, ok) = poised(home.path(), &["rest"]);
    assert!(ok);
    assert_eq!(again, "Sat 21 Nov 2026 is already a rest day\n");
    let journal = std::fs::read_to_string(home.path().join("journal.toml")).unwrap();
    assert_eq!(journal.matches("[[rest]]").count(), 1);
    assert!(journal.contains("reason = \"flare\""));
}

#[test]
fn a_bad_config_is_reported_with_its_place_and_poised_goes_on() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("config.toml"), "day_starts_at = \"3am\"\n").unwrap();
    let (out, err, ok) = poised(home.path(), &["streak"]);
    assert!(ok, "{err}");
    assert!(out.starts_with("streak "), "{out}");
    assert!(err.contains("config.toml:1:17: "), "{err}");
    assert!(err.contains("using the default, \"03:00\""), "{err}");
}

#[test]
fn an_unreadable_journal_is_reported_in_plain_words() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("journal.toml")).unwrap();
    let (out, err, ok) = poised(home.path(), &["streak"]);
    assert!(!ok);
    assert_eq!(out, "");
    assert!(
        err.starts_with("poised: could not read the journal "),
        "{err}"
    );
    assert!(err.contains("journal.toml"), "{err}");
}

#[test]
fn a_poised_now_that_is_not_a_time_says_what_to_do() {
    let home = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_poised"))
        .arg("streak")
        .env("POISED_HOME", home.path())
        .env("POISED_NOW", "yesterday")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.starts_with("poised: POISED_NOW is `yesterday`"),
        "{err}"
    );
    assert!(err.contains("unset it"), "{err}");
}

#[test]
fn poised_without_a_terminal_leaves_the_morning_question_for_later() {
    let home = tempfile::tempdir().unwrap();
    prepare(home.path(), |today| vec![session(ago(today, 1), true)]);
    let (out, err, ok) = poised(home.path(), &[]);
    assert!(!ok);
    assert_eq!(out, "");
    assert!(err.contains("needs an interactive terminal"), "{err}");
    assert!(
        !home.path().join("checkin-asked").exists(),
        "the question was not shown, so it is not used up"
    );
}

#[test]
fn records_dated_after_tomorrow_are_named_once_and_not_counted_until_their_day() {
    let past = |today| {
        (1..=3)
            .map(|d| session(ago(today, d), true))
            .collect::<Vec<_>>()
    };
    let (expected, _, past_home) = streak_on(past);
    let home = tempfile::tempdir().unwrap();
    prepare(home.path(), |today| {
        let mut records = past(today);
        // From the day after tomorrow, nothing counts.
        records.extend((2..40).map(|d| session(today + Days::new(d), true)));
        records.push(checkin(today + Days::new(2), 9));
        records
    });
    // The report's period reaches past today, over days that hold only future records.
    let report = [
        "report",
        "--format",
        "md",
        "--out",
        "-",
        "--until",
        "2026-11-30",
    ];
    for command in [&report[..], &["status", "--json"]] {
        let (without, ..) = poised(past_home.path(), command);
        let (with, err, ok) = poised(home.path(), command);
        assert!(ok, "{command:?}: {err}");
        assert_eq!(with, without, "{command:?}");
    }
    let home = tempfile::tempdir().unwrap();
    prepare(home.path(), |today| {
        let mut records = past(today);
        // Tomorrow still counts (a clock a little ahead); from the day after, nothing does.
        records.push(checkin(today + Days::new(1), 4));
        records.extend((2..40).map(|d| session(today + Days::new(d), true)));
        records.push(checkin(today + Days::new(2), 9));
        records
    });
    for run in ["rebuilt", "cached"] {
        let (out, err, ok) = poised(home.path(), &["streak"]);
        assert!(ok, "{err}");
        assert_eq!(out, expected, "{run}");
        let warnings: Vec<&str> = err.lines().collect();
        assert_eq!(warnings.len(), 39, "{run}: {err}");
        assert!(
            warnings[0].ends_with(
                "journal.toml line 50, column 11: a session dated 2026-11-23, more than a day \
                 after today (2026-11-21): it is not counted until its day comes. If its date is \
                 wrong, fix it in the file"
            ),
            "{run}: {err}"
        );
        assert!(
            warnings[38].contains("a check-in dated 2026-11-23"),
            "{err}"
        );
    }
    // `poised log` shows them, with the same warnings.
    let (out, err, ok) = poised(home.path(), &["log", "--limit", "1"]);
    assert!(
        ok && out.starts_with("2026-11-23 07:00  check-in  stiffness 9"),
        "{out}"
    );
    assert_eq!(err.lines().count(), 39, "{err}");
    // Eleven days on, the streak runs from 23 November to today, and tomorrow's session
    // counts toward the best; the 27 sessions after tomorrow are still held back.
    let (out, err, _) = poised_at(home.path(), "2026-12-02T12:00:00+01:00", &["streak"]);
    assert!(
        out.starts_with("streak 10 days · best 11 · 7 of last 7 days"),
        "{out}"
    );
    assert_eq!(err.lines().count(), 27, "{err}");
}

#[test]
fn a_cache_set_aside_is_one_line_under_verbose_and_nothing_without() {
    let (out, _, home) = streak_on(|today| (1..=5).map(|d| session(ago(today, d), true)).collect());
    let cache = home.path().join("journal.cache");
    let tamper = |from: &str, to: &str| {
        let text = std::fs::read_to_string(&cache).unwrap();
        std::fs::write(&cache, text.replacen(from, to, 1)).unwrap();
    };
    for (from, to, why) in [
        (
            "day_start 03:00",
            "day_start 03:01",
            "do not match their checksum",
        ),
        (
            "progress cache 5",
            "progress cache 4",
            "another version of poised",
        ),
    ] {
        tamper(from, to);
        let (quiet, err, _) = poised(home.path(), &["streak"]);
        assert_eq!((quiet, err), (out.clone(), String::new()));
        tamper(from, to);
        let (again, err, _) = poised(home.path(), &["streak", "--verbose"]);
        assert_eq!(again, out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("poised: did not use the summary cache "),
            "{err}"
        );
        assert!(err.contains(why), "{err}");
        // Rebuilt: the next run uses it and says nothing.
        let (_, err, _) = poised(home.path(), &["--verbose", "streak"]);
        assert_eq!(err, "");
    }
    // `poised rest` reads the same summary, and says the same.
    tamper("progress cache 5", "progress cache 4");
    let (said, err, _) = poised(home.path(), &["rest"]);
    assert!(said.starts_with("rest day recorded"), "{said}");
    assert_eq!(err, "");
    tamper("progress cache 5", "progress cache 4");
    let (said, err, _) = poised(home.path(), &["rest", "--verbose"]);
    assert!(said.contains("is already a rest day"), "{said}");
    assert!(
        err.starts_with("poised: did not use the summary cache ") && err.lines().count() == 1,
        "{err}"
    );
}
