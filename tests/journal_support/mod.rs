//! Records and folders shared by the journal tests.
#![allow(dead_code, clippy::unwrap_used)]

pub mod machines;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, FixedOffset};
use poised::journal::{
    CheckinRecord, DeskEvent, DeskRecord, Journal, Record, RestRecord, SessionRecord,
};

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// The session of the example.
pub fn example_session() -> SessionRecord {
    let times = (
        at("2026-11-21T07:02:11+01:00"),
        at("2026-11-21T07:09:13+01:00"),
    );
    SessionRecord {
        title: "Morning ...".to_string(),
        active_seconds: 420,
        stiffness_before: Some(6),
        stiffness_after: Some(3),
        note: Some("left hip tight".to_string()),
        painful_steps: vec!["Bird-dog".to_string()],
        ..SessionRecord::new("morning", "full", times, 6)
    }
}

/// A session with only the required keys, numbered by `active_seconds`.
pub fn numbered_session(n: u64) -> Record {
    let times = (
        at("2026-11-21T21:00:00-05:00"),
        at("2026-11-21T21:05:00-05:00"),
    );
    Record::Session(SessionRecord {
        title: "Evening decompression".to_string(),
        active_seconds: n,
        completed: false,
        steps_done: 2,
        ..SessionRecord::new("evening", "short", times, 5)
    })
}

/// A done session like [`numbered_session`], starting at `started` (RFC 3339), 5 minutes long.
pub fn done_session(started: &str) -> Record {
    let Record::Session(mut session) = numbered_session(300) else {
        unreachable!()
    };
    session.completed = true;
    session.started = at(started);
    session.ended = session.started + chrono::Duration::minutes(5);
    Record::Session(session)
}

pub fn example_checkin() -> CheckinRecord {
    CheckinRecord {
        at: at("2026-11-22T07:00:00+01:00"),
        stiffness: 4,
        note: Some(String::new()),
    }
}

pub fn example_rest() -> RestRecord {
    RestRecord {
        date: "2026-11-23".parse().unwrap(),
        reason: Some("flare".to_string()),
    }
}

/// A skipped desk prompt, as the README shows it.
pub fn example_desk() -> DeskRecord {
    DeskRecord {
        at: at("2026-11-30T10:47:12+01:00"),
        event: DeskEvent::Skipped,
        offered: Some(at("2026-11-30T10:45:00+01:00")),
    }
}

/// The `active_seconds` of every session, in file order.
pub fn numbers(records: &[Record]) -> Vec<u64> {
    records
        .iter()
        .filter_map(Record::as_session)
        .map(|s| s.active_seconds)
        .collect()
}

/// A fresh folder with a journal path two folders down (neither exists yet).
pub fn scratch() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(dir.path().join("data/poised/journal.toml"));
    (dir, journal)
}

/// A scratch folder in memory when the machine has one (`/dev/shm`), for tests that append
/// thousands of records: they check what survives a killed process, which does not depend on
/// how long the disk takes to flush.
pub fn scratch_in_memory() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let builder = tempfile::Builder::new();
    if shm.is_dir() {
        builder.tempdir_in(shm)
    } else {
        builder.tempdir()
    }
    .unwrap()
}

pub fn write(path: &Path, text: &str) -> PathBuf {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    path.to_path_buf()
}

/// Runs the real binary with `POISED_HOME` set on the child process only.
/// What a command that succeeded printed; its stderr when it failed.
pub fn stdout(output: &Output) -> &str {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::str::from_utf8(&output.stdout).unwrap()
}

pub fn poised(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_poised"))
        .args(args)
        .env("POISED_HOME", home)
        .output()
        .unwrap()
}
