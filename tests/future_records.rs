//! Records dated after tomorrow, through the binary: every command that counts warns about
//! each one the same way, naming its file, line and column, whether the journal is one file
//! or a folder of several machines' files.

mod journal_support;

use std::path::Path;
use std::process::Command;

use journal_support::{at, done_session};
use poised::journal::{CheckinRecord, Journal, Record};

const NOW: &str = "2026-11-30T20:00:00+01:00";

/// A check-in on 20 Dec, ahead of [`NOW`].
fn ahead() -> Record {
    Record::Checkin(CheckinRecord {
        at: at("2026-12-20T07:00:00+01:00"),
        stiffness: 4,
        note: None,
    })
}

/// `poised ARGS` at [`NOW`] with its journal in `folder`; its stderr.
fn warnings(home: &Path, folder: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_poised"))
        .args(args)
        .env("POISED_HOME", home)
        .env("POISED_JOURNAL_DIR", folder)
        .env("POISED_NOW", NOW)
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stderr).unwrap()
}

/// `path line L, column C` of the check-in's `at` value in the file.
fn place_of_ahead(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with("at = 2026-12-20"))
        .unwrap();
    let column = line.find('2').unwrap() + 1;
    format!("{} line {}, column {column}", path.display(), index + 1)
}

#[test]
fn a_record_ahead_in_another_machines_file_is_named_by_file_line_and_column() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("Sync/poised");
    let laptop = Journal::new(folder.join("journal-laptop-1a2b.toml"));
    laptop
        .append(&done_session("2026-11-29T07:00:00+01:00"))
        .unwrap();
    let desk = folder.join("journal-desk-9f00.toml");
    Journal::new(&desk).append(&ahead()).unwrap();
    let expected = format!(
        "{}: a check-in dated 2026-12-20, more than a day after today (2026-11-30)",
        place_of_ahead(&desk)
    );
    // The machines' files alone (read file by file), then with an old single journal beside
    // them (read as one union).
    for single in [false, true] {
        if single {
            Journal::new(folder.join("journal.toml"))
                .append(&done_session("2026-11-28T07:00:00+01:00"))
                .unwrap();
        }
        let err = warnings(home.path(), &folder, &["streak"]);
        assert!(
            err.contains(&expected),
            "journal.toml there: {single}\n{err}"
        );
    }
}

#[test]
fn a_report_of_any_length_and_log_warn_as_streak_does_once_each() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("Sync/poised");
    let laptop = folder.join("journal-laptop-1a2b.toml");
    Journal::new(&laptop)
        .append(&done_session("2026-11-29T07:00:00+01:00"))
        .unwrap();
    Journal::new(&laptop).append(&ahead()).unwrap();
    let mut text = std::fs::read_to_string(&laptop).unwrap();
    text.push_str("\n[[checkin]]\nat = \"soon\"\nstiffness = 3\nby_hand = true\n");
    std::fs::write(&laptop, text).unwrap();
    let streak = warnings(home.path(), &folder, &["streak"]);
    assert_eq!(
        streak.lines().count(),
        2,
        "the record ahead, the damaged one: {streak}"
    );
    for weeks in ["4", "200"] {
        let report = ["report", "--format", "md", "--out", "-", "--weeks", weeks];
        assert_eq!(
            warnings(home.path(), &folder, &report),
            streak,
            "--weeks {weeks}"
        );
    }
    assert_eq!(warnings(home.path(), &folder, &["log"]), streak, "log");
}
