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
/// sessions (`first`, `first + 1`, ...), each with a note of `note_bytes` bytes when that is
/// not 0, and prints `ack N` once the append of N returned.
#[test]
fn writer_process() {
    let Ok(spec) = std::env::var(WRITER) else {
        return;
    };
    let mut parts = spec.splitn(4, ':');
    let mut number = || -> u64 { parts.next().unwrap().parse().unwrap() };
    let (first, count, note_bytes) = (number(), number(), number());
    let journal = Journal::new(parts.next().unwrap());
    for n in first..first + count {
        journal.append(&session_with_note(n, note_bytes)).unwrap();
        println!("ack {n}");
    }
}

/// Session `n` with a note of `bytes` bytes that names it (none when `bytes` is 0).
fn session_with_note(n: u64, bytes: u64) -> Record {
    let mut record = numbered_session(n);
    if let (Record::Session(session), true) = (&mut record, bytes > 0) {
        session.note = Some(note_of(n, bytes));
    }
    record
}

fn note_of(n: u64, bytes: u64) -> String {
    let mut note = format!("record {n}: ");
    let pattern = "stretch slowly and breathe ";
    while note.len() < bytes as usize {
        note.push_str(pattern);
    }
    note.truncate(bytes as usize);
    note.trim_end().to_string()
}

fn start_writer(path: &Path, first: u64, count: u64, note_bytes: u64) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "writer_process",
            "--exact",
            "--nocapture",
            "--test-threads=1",
            "-q",
        ])
        .env(
            WRITER,
            format!("{first}:{count}:{note_bytes}:{}", path.display()),
        )
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
    fn seeded() -> (Self, u64) {
        let clock = || {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        };
        let seed = std::env::var("POISED_TEST_SEED")
            .map_or_else(|_| clock() as u64 | 1, |s| s.parse().unwrap());
        (Self(seed), seed)
    }

    fn next_below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

/// A kill -9 campaign: each round a writer appends records of `note_bytes`-byte notes and is
/// killed after a random number of acknowledgements (below `kill_after`) and a random
/// pause below the time one append takes, so kills land before, during and after writes.
struct Campaign {
    rounds: u64,
    note_bytes: u64,
    kill_after: u64,
}

/// What a campaign saw.
#[derive(Debug, Default)]
struct Tally {
    acked: u64,
    /// Rounds whose kill cut a record: it was skipped with one warning, never counted.
    torn: u64,
    /// Rounds whose kill came after the record was whole but before its acknowledgement.
    whole_unacked: u64,
}

impl Campaign {
    /// Runs the rounds; panics, naming the seed, if an acknowledged record is lost or
    /// changed, if a cut record counts, or if the next append after a kill does not land whole.
    fn run(&self) -> Tally {
        let (mut random, seed) = Random::seeded();
        let mut tally = Tally::default();
        // How long one append takes, from the gaps between acknowledgements seen so far.
        let mut gap_micros = 20_000;
        for round in 0..self.rounds {
            let dir = scratch_in_memory();
            let path = dir.path().join("journal.toml");
            let kill_after = random.next_below(self.kill_after);
            let mut child = start_writer(&path, 0, self.kill_after + 1, self.note_bytes);
            let mut output = BufReader::new(child.stdout.take().unwrap()).lines();
            let mut last = Instant::now();
            let mut acked = acks(&mut output, |n| {
                if n > 0 {
                    gap_micros = u64::midpoint(gap_micros, last.elapsed().as_micros() as u64);
                }
                last = Instant::now();
                n >= kill_after
            });
            if self.note_bytes > 0 && random.next_below(2) == 0 {
                // Half the rounds aim at the write itself: the kill comes once the file is
                // seen to hold a random part of the next record.
                let size = || std::fs::metadata(&path).map_or(0, |m| m.len());
                let target = size() + 1 + random.next_below(self.note_bytes);
                let spin = Instant::now();
                while size() < target && spin.elapsed().as_secs() < 5 {}
            } else {
                let pause = random.next_below(gap_micros);
                let spin = Instant::now();
                while spin.elapsed().as_micros() < u128::from(pause) {}
            }
            child.kill().unwrap();
            acked.extend(acks(&mut output, |_| false));
            child.wait().unwrap();
            let context = format!("round {round}, seed {seed}, acked {acked:?}");
            tally.acked += acked.len() as u64;
            self.check_round(&path, &acked, &mut tally, &context);
        }
        tally
    }

    fn check_round(&self, path: &Path, acked: &[u64], tally: &mut Tally, context: &str) {
        let parsed = Journal::new(path).read().unwrap();
        let read = self.intact(&parsed.records, context);
        let next = acked.last().map_or(0, |n| n + 1);
        let unacknowledged = (read.len() as u64).checked_sub(next);
        assert!(
            matches!(unacknowledged, Some(0 | 1)),
            "{context}: read {read:?}"
        );
        tally.whole_unacked += unacknowledged.unwrap_or(0);
        // The kill may tear the record being written; only that unacknowledged tail may be
        // skipped, with one warning, and only when it is the one after the last acked.
        match parsed.warnings.as_slice() {
            [] => {}
            [torn] => {
                assert_eq!(unacknowledged, Some(0), "{context}: {torn}");
                let lines = std::fs::read_to_string(path).unwrap().lines().count() as u64;
                assert!(
                    torn.line <= lines && torn.line + 20 > lines,
                    "{context}: {torn}"
                );
                tally.torn += 1;
            }
            many => panic!("{context}: more than the torn tail was damaged: {many:?}"),
        }
        // After the kill, the next append lands whole on a fresh line.
        let n = read.len() as u64;
        assert!(
            start_writer(path, n, 1, self.note_bytes)
                .wait()
                .unwrap()
                .success()
        );
        let again = Journal::new(path).read().unwrap();
        assert_eq!(
            self.intact(&again.records, context),
            (0..=n).collect::<Vec<_>>()
        );
        assert_eq!(again.warnings, parsed.warnings, "{context}");
    }

    /// The numbers of the records read, after checking that they are 0, 1, 2, ... and that
    /// each holds its whole note.
    fn intact(&self, records: &[Record], context: &str) -> Vec<u64> {
        let read = numbers(records);
        assert_eq!(
            read,
            (0..read.len() as u64).collect::<Vec<_>>(),
            "{context}"
        );
        for (n, record) in read
            .iter()
            .zip(records.iter().filter_map(Record::as_session))
        {
            let expected = (self.note_bytes > 0).then(|| note_of(*n, self.note_bytes));
            assert!(
                record.note == expected,
                "{context}: the note of record {n} changed"
            );
        }
        read
    }
}

#[test]
fn a_writer_killed_at_random_moments_loses_no_acknowledged_record() {
    let campaign = Campaign {
        rounds: 20,
        note_bytes: 0,
        kill_after: 1_000,
    };
    campaign.run();
}

/// Records of 2 MB notes take many pages to write, so a kill can cut one at a page boundary:
/// such a record never counts. `POISED_TEST_KILLS` sets the number of rounds (2 by default;
/// `scripts/kill-large-appends.sh` runs 300 and prints what it saw).
#[test]
fn kills_during_appends_of_2_mb_notes_lose_nothing_acknowledged_and_count_no_cut_record() {
    let rounds = std::env::var("POISED_TEST_KILLS").map_or(2, |n| n.parse().unwrap());
    let campaign = Campaign {
        rounds,
        note_bytes: 2 * 1024 * 1024,
        kill_after: 4,
    };
    let tally = campaign.run();
    eprintln!(
        "kill -9 during appends of 2 MB notes: {rounds} kills, {} acknowledged records all \
         intact, {} cut records skipped and never counted, {} whole records not yet \
         acknowledged",
        tally.acked, tally.torn, tally.whole_unacked
    );
}

#[test]
fn two_writers_at_once_leave_every_record_intact() {
    let dir = scratch_in_memory();
    let path = dir.path().join("poised/journal.toml");
    let mut writers = [
        start_writer(&path, 0, 500, 0),
        start_writer(&path, 10_000, 500, 0),
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
