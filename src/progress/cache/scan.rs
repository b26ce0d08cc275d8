//! The summary being brought up to date: journal bytes read in segments, each record added
//! to its day's tally and, when recent, kept whole.

use std::path::Path;

use chrono::{NaiveDate, NaiveTime};

use super::fingerprint::Fingerprint;
use crate::journal::parse::{Parsed, Position, parse_from};
use crate::journal::record::Record;
use crate::progress::days::{History, record_date};

/// Bytes parsed at a time when reading a long journal, so its records are never all in memory.
const SEGMENT: usize = 256 * 1024;
/// Below this many bytes per thread, reading on more threads is not worth starting them.
const PARALLEL_PART: usize = 512 * 1024;
/// The most threads a rebuild uses.
const MAX_THREADS: usize = 4;

/// The day tallies and recent records of the journal up to `covered`, with its fingerprint.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The journal position the tallies go up to.
    pub covered: Position,
    /// The fingerprint of the journal's bytes before `covered`.
    pub fingerprint: Fingerprint,
    pub day_start: NaiveTime,
    /// Every record dated on or after this day is in `recent`.
    pub window: NaiveDate,
    pub history: History,
    pub recent: Vec<Record>,
    /// The journal reader's warnings, as printed.
    pub warnings: Vec<String>,
}

impl Summary {
    /// The summary of an empty journal.
    #[must_use]
    pub fn empty(day_start: NaiveTime, window: NaiveDate) -> Self {
        Self {
            covered: Position::START,
            fingerprint: Fingerprint::default(),
            day_start,
            window,
            history: History::default(),
            recent: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Adds the journal's bytes that start at `covered`, and moves `covered` past them.
    ///
    /// A long run of bytes (a rebuild) is cut at record headers and read on every core.
    pub fn scan(&mut self, journal: &Path, bytes: &[u8]) {
        self.scan_in_parts(journal, bytes, PARALLEL_PART);
    }

    fn scan_in_parts(&mut self, journal: &Path, bytes: &[u8], min_part: usize) {
        if bytes.len() <= min_part {
            self.fingerprint.update(bytes);
            self.read_segments(journal, bytes);
            return;
        }
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let part = (bytes.len() / threads.clamp(1, MAX_THREADS)).max(min_part);
        std::thread::scope(|scope| {
            let mut handles = Vec::new();
            let mut start = self.covered;
            for piece in segments(bytes, part) {
                let mut sub = Self {
                    covered: start,
                    ..Self::empty(self.day_start, self.window)
                };
                start = Position {
                    offset: start.offset + piece.len() as u64,
                    line: start.line + piece.iter().filter(|b| **b == b'\n').count() as u64,
                };
                handles.push(scope.spawn(move || {
                    sub.read_segments(journal, piece);
                    sub
                }));
            }
            self.fingerprint.update(bytes);
            for handle in handles {
                let sub = handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                self.history.merge(sub.history);
                self.recent.extend(sub.recent);
                self.warnings.extend(sub.warnings);
                self.covered = sub.covered;
            }
        });
    }

    /// Reads bytes segment by segment, so their records are never all in memory at once.
    fn read_segments(&mut self, journal: &Path, bytes: &[u8]) {
        for segment in segments(bytes, SEGMENT) {
            let parsed = parse_from(journal, segment, self.covered);
            self.covered = parsed.end;
            self.absorb(parsed);
        }
    }

    /// Adds bytes that start at `covered` without moving it: they are not cached.
    pub fn scan_uncached(&mut self, journal: &Path, bytes: &[u8]) {
        let parsed = parse_from(journal, bytes, self.covered);
        self.absorb(parsed);
    }

    /// Drops the recent records dated before a later window; true when the window moved.
    pub fn prune(&mut self, window: NaiveDate) -> bool {
        if window <= self.window {
            return false;
        }
        let day_start = self.day_start;
        self.recent.retain(|r| record_date(r, day_start) >= window);
        self.window = window;
        true
    }

    fn absorb(&mut self, parsed: Parsed) {
        self.warnings
            .extend(parsed.warnings.iter().map(ToString::to_string));
        for record in parsed.records {
            self.history.add(&record, self.day_start);
            if record_date(&record, self.day_start) >= self.window {
                self.recent.push(record);
            }
        }
    }
}

/// Splits bytes before the start of their last line that begins with `[` (the last record's
/// header): the records before it are settled, the last one may still be being written.
#[must_use]
pub fn split_last_record(bytes: &[u8]) -> (&[u8], &[u8]) {
    let cut = header_starts(bytes).next_back().unwrap_or(0);
    bytes.split_at(cut)
}

/// Cuts bytes into pieces of about `size` bytes, each ending just before a header line.
fn segments(bytes: &[u8], size: usize) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = header_starts(rest)
            .find(|&at| at >= size)
            .unwrap_or(rest.len());
        let (piece, after) = rest.split_at(cut);
        rest = after;
        Some(piece)
    })
}

/// The offsets of every line that begins with `[`, in order (never offset 0).
fn header_starts(bytes: &[u8]) -> impl DoubleEndedIterator<Item = usize> + '_ {
    bytes
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| pair == b"\n[")
        .map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{FORMAT_LINE, parse};

    #[test]
    fn reading_in_parallel_parts_equals_reading_at_once() {
        let mut text = String::from(FORMAT_LINE);
        for day in 1..=28 {
            text.push_str(&format!(
                "\n[[checkin]]\nat = 2026-02-{day:02}T07:00:00+01:00\nstiffness = 4\n"
            ));
            if day == 13 {
                text.push_str("\n[[session]]\nroutine = \"broken\n");
            }
        }
        let path = Path::new("journal.toml");
        let day_start = NaiveTime::from_hms_opt(3, 0, 0).unwrap();
        let window = NaiveDate::from_ymd_opt(2026, 2, 10).unwrap();
        let mut whole = Summary::empty(day_start, window);
        whole.scan_in_parts(path, text.as_bytes(), usize::MAX);
        let mut parts = Summary::empty(day_start, window);
        parts.scan_in_parts(path, text.as_bytes(), 100);
        assert_eq!(parts, whole);
        assert_eq!(whole.history.days.len(), 28);
        assert_eq!(whole.recent.len(), 19);
        let reference = parse(path, text.as_bytes());
        let warnings: Vec<String> = reference.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(whole.warnings, warnings);
        assert_eq!(whole.covered, reference.end);
    }
}
