//! Nothing lost: a writer killed at any moment loses no acknowledged record and leaves a
//! readable journal; writers in parallel do not mix their records; files are private.
//!
//! The writers are this test binary run again with `POISED_TEST_WRITER` set (see
//! [`writer_process`]), so they run the library's real append path in separate processes.
#![allow(clippy::unwrap_used)] // helpers of tests unwrap like the tests themselves

mod journal_support;

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Instant, SystemTime};

use journal_support::{numbered_session, numbers, scratch, scratch_in_memory};
use poised::journal::{Journal, Record};

const WRITER: &str = "POISED_TEST_WRITER";

/// Not a test of its own: in a child process started by the tests below, appends numbered
/// sessions (`first`, `first + 1`, ...) and prints `ack N` once the append of N returned.
#[test]
fn writer_process() {
    let Ok(spec) = std::env::var(WRITER) else {
        return;
    };
    let mut parts = spec.splitn(3, ':');
    let first: u64 = parts.next().unwrap().parse().unwrap();
    let count: u64 = parts.next().unwrap().parse().unwrap();
    let journal = Journal::new(parts.next().unwrap());
    for n in first..first + count {
        journal.append(&numbered_session(n)).unwrap();
        println!("ack {n}");
    }
}

fn start_writer(path: &Path, first: u64, count: u64) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "writer_process",
            "--exact",
            "--nocapture",
            "--test-threads=1",
            "-q",
        ])
        .env(WRITER, format!("{first}:{count}:{}", path.display()))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A writer's output lines.
type Output = std::io::Lines<BufReader<std::process::ChildStdout>>;

/// The numbers a writer acknowledged, read from its output until `stop` says to stop.
fn acks(output: &mut Output, mut stop: impl FnMut(u64) -> bool) -> Vec<u64> {
    let mut acked = Vec::new();
    for line in output {
        let Some(n) = line
            .unwrap()
            .strip_prefix("ack ")
            .map(|n| n.parse().unwrap())
        else {
            continue;
        };
        acked.push(n);
        if stop(n) {
            break;
        }
    }
    acked
}

/// A small pseudo-random generator, seeded from `POISED_TEST_SEED` or the clock; failures name
/// the seed so they can be replayed.
struct Random(u64);

impl Random {
    fn next_below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

#[test]
fn a_writer_killed_at_random_moments_loses_no_acknowledged_record() {
    let clock = || {
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    };
    let seed = std::env::var("POISED_TEST_SEED")
        .map_or_else(|_| clock() as u64 | 1, |s| s.parse().unwrap());
    let mut random = Random(seed);
    for round in 0..20 {
        let dir = scratch_in_memory();
        let path = dir.path().join("journal.toml");
        let kill_after = random.next_below(1_000);
        let mut child = start_writer(&path, 0, 1_000);
        let mut output = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut acked = acks(&mut output, |n| n >= kill_after);
        let spin = Instant::now();
        let pause = random.next_below(300);
        while spin.elapsed().as_micros() < u128::from(pause) {}
        child.kill().unwrap();
        acked.extend(acks(&mut output, |_| false));
        child.wait().unwrap();

        let parsed = Journal::new(&path).read().unwrap();
        let read = numbers(&parsed.records);
        let last_acked = acked.last().copied().unwrap_or(0);
        let context =
            format!("round {round}, seed {seed}: acked up to {last_acked}, read {read:?}");
        assert_eq!(
            read,
            (0..read.len() as u64).collect::<Vec<_>>(),
            "{context}"
        );
        let unacknowledged = (read.len() as u64).checked_sub(last_acked + 1);
        assert!(matches!(unacknowledged, Some(0 | 1)), "{context}");
        // The kill may tear the record being written; only that unacknowledged tail may be
        // skipped, with one warning, and only when it is the one after the last acked.
        match parsed.warnings.as_slice() {
            [] => {}
            [torn] => {
                assert_eq!(unacknowledged, Some(0), "{context}: {torn}");
                let lines = std::fs::read_to_string(&path).unwrap().lines().count() as u64;
                assert!(
                    torn.line <= lines && torn.line + 20 > lines,
                    "{context}: {torn}"
                );
            }
            many => panic!("{context}: more than the torn tail was damaged: {many:?}"),
        }
    }
}

#[test]
fn two_writers_at_once_leave_every_record_intact() {
    let dir = scratch_in_memory();
    let path = dir.path().join("poised/journal.toml");
    let mut writers = [
        start_writer(&path, 0, 500),
        start_writer(&path, 10_000, 500),
    ];
    for writer in &mut writers {
        assert!(writer.wait().unwrap().success());
    }
    let parsed = Journal::new(&path).read().unwrap();
    assert_eq!(parsed.warnings, []);
    let read = numbers(&parsed.records);
    assert_eq!(read.len(), 1_000);
    let first: Vec<u64> = read.iter().copied().filter(|n| *n < 10_000).collect();
    let second: Vec<u64> = read.iter().copied().filter(|n| *n >= 10_000).collect();
    assert_eq!(first, (0..500).collect::<Vec<_>>());
    assert_eq!(second, (10_000..10_500).collect::<Vec<_>>());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("format = 2\n\n[[session]]\n"));
    assert_eq!(text.matches("format = 2").count(), 1);
}

#[test]
fn the_journal_is_private_to_its_owner() {
    let (dir, journal) = scratch();
    journal.append(&numbered_session(1)).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(journal.path()), 0o600);
    assert_eq!(mode(journal.path().parent().unwrap()), 0o700);
    assert_eq!(mode(&dir.path().join("data")), 0o700);
}

#[test]
fn appending_never_changes_the_permissions_a_person_chose() {
    let (_dir, journal) = scratch();
    journal.append(&numbered_session(1)).unwrap();
    std::fs::set_permissions(journal.path(), std::fs::Permissions::from_mode(0o640)).unwrap();
    journal
        .append(&Record::Rest(journal_support::example_rest()))
        .unwrap();
    assert_eq!(
        std::fs::metadata(journal.path())
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o640
    );
    assert_eq!(journal.read().unwrap().records.len(), 2);
}
