//! The summary being brought up to date: journal bytes read in segments, each record added
//! to its day's tally and, when recent, kept whole; days long past folded into the history's
//! ledger; records taken back are left out, and records dated after tomorrow held back with
//! a warning.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime};

use super::fingerprint::Fingerprint;
use crate::journal::parse::{Parsed, Position, Spot, Warning, parse_from};
use crate::journal::record::Record;
use crate::journal::split::{last_record_start, record_starts};
use crate::journal::void::TakenBack;
use crate::progress::days::{History, horizon, record_date};
use crate::progress::trends::{CHART_DAYS, window_start};

/// Bytes parsed at a time when reading a long journal, so its records are never all in memory.
const SEGMENT: usize = 256 * 1024;

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
    /// The recent records as a cache holds them, not decoded yet: `recent` lacks them until
    /// [`Summary::decode_pending`].
    pub pending: Option<Vec<u8>>,
    /// The journal reader's warnings, as printed.
    pub warnings: Vec<String>,
    /// The keys of the records that this part of the journal takes back (its `[[void]]`
    /// records), wherever those records are.
    pub voids: BTreeSet<String>,
    /// Which records the tallies leave out: [`skips_of`] the records taken back anywhere
    /// in the journal (a folder: in any file) when they were added up.
    pub skips: u64,
    /// Records dated after this day are held back (see [`horizon`]); tomorrow as of the day
    /// the summary is read for.
    pub horizon: NaiveDate,
    /// How many records were held back. A summary that holds any back is never cached, so
    /// they are read again, and count, once their day comes.
    pub held_back: usize,
    /// A record dated in the folded past was read: only a summary built again counts it.
    pub late: bool,
    /// Why a cache was not used, one line each, for `--verbose`.
    pub notices: Vec<String>,
}

impl Summary {
    /// The summary of an empty journal, read for `today` (see [`window_start`] and
    /// [`horizon`]).
    #[must_use]
    pub fn empty(day_start: NaiveTime, today: NaiveDate) -> Self {
        Self {
            covered: Position::START,
            fingerprint: Fingerprint::default(),
            day_start,
            window: window_start(today, CHART_DAYS),
            history: History::default(),
            recent: Vec::new(),
            pending: None,
            warnings: Vec::new(),
            voids: BTreeSet::new(),
            skips: 0,
            horizon: horizon(today),
            held_back: 0,
            late: false,
            notices: Vec::new(),
        }
    }

    /// The summary of records read elsewhere (the union of a journal folder), not cached.
    #[must_use]
    pub fn of_records(
        records: Vec<(Record, Place)>,
        warnings: Vec<String>,
        day_start: NaiveTime,
        today: NaiveDate,
    ) -> Self {
        let mut summary = Self::empty(day_start, today);
        summary.warnings = warnings;
        for (record, place) in records {
            summary.add(record, &place);
        }
        summary
    }

    /// Adds the summary of another machine's file, which shares no record with this one.
    pub fn add_up(&mut self, other: Self) {
        self.history.merge(other.history);
        self.recent.extend(other.recent);
        self.warnings.extend(other.warnings);
        self.voids.extend(other.voids);
        self.held_back += other.held_back;
        self.notices.extend(other.notices);
    }

    /// Adds the journal's bytes that start at `covered`, and moves `covered` past them,
    /// segment by segment, so their records are never all in memory at once. The records
    /// in `taken` are left out.
    pub fn scan(&mut self, journal: &Path, bytes: &[u8], taken: &TakenBack) {
        self.fingerprint.update(bytes);
        for segment in segments(bytes, SEGMENT) {
            let parsed = parse_from(journal, segment, self.covered);
            self.covered = parsed.end;
            self.voids
                .extend(parsed.voids.iter().map(|v| v.record.clone()));
            self.absorb(journal, parsed, taken);
        }
    }

    /// Adds bytes that start at `covered` without moving it: they are not cached.
    pub fn scan_uncached(&mut self, journal: &Path, bytes: &[u8], taken: &TakenBack) {
        let parsed = parse_from(journal, bytes, self.covered);
        self.absorb(journal, parsed, taken);
    }

    /// Decodes the recent records the cache held, before those added since; false when they
    /// do not read back (the cache is then not to be trusted). `cache` names them in warnings.
    pub fn decode_pending(&mut self, cache: &Path) -> bool {
        let Some(bytes) = self.pending.take() else {
            return true;
        };
        let parsed = crate::journal::parse(cache, &bytes);
        let added = std::mem::replace(&mut self.recent, parsed.records);
        self.recent.extend(added);
        parsed.warnings.is_empty()
    }

    /// Drops the recent records dated before a later window, and folds the days before
    /// `fold` (when given); true when either moved.
    pub fn prune(&mut self, window: NaiveDate, fold: Option<NaiveDate>) -> bool {
        let folded = fold.is_some_and(|fold| self.history.fold_before(fold));
        if window <= self.window {
            return folded;
        }
        let day_start = self.day_start;
        self.recent.retain(|r| record_date(r, day_start) >= window);
        self.window = window;
        true
    }

    fn absorb(&mut self, journal: &Path, parsed: Parsed, taken: &TakenBack) {
        self.warnings
            .extend(parsed.warnings.iter().map(ToString::to_string));
        let placed = parsed
            .records
            .into_iter()
            .zip(&parsed.ids)
            .zip(parsed.dates);
        for ((record, id), spot) in placed {
            if !taken.contains(&record, id.as_deref()) {
                self.add(
                    record,
                    &Place {
                        path: journal,
                        spot,
                    },
                );
            }
        }
    }

    /// The one place a record joins the days, unless it is dated after the horizon: then it
    /// is held back, with a warning naming where it is.
    fn add(&mut self, record: Record, place: &Place) {
        let date = record_date(&record, self.day_start);
        if date > self.horizon {
            self.held_back += 1;
            self.warnings
                .push(ahead(&record, date, self.horizon, place));
            return;
        }
        self.late |= !self.history.add(&record, self.day_start);
        if date >= self.window {
            self.recent.push(record);
        }
    }
}

/// What a summary's `skips` says for a set of records taken back: 0 for none, else a
/// fingerprint of their keys.
#[must_use]
pub fn skips_of(taken: &TakenBack) -> u64 {
    if taken.is_empty() {
        return 0;
    }
    super::fingerprint::fingerprint(taken.sorted().join("\n").as_bytes())
}

/// Where a record's date is, for a warning about it: its file, line and column.
pub struct Place<'a> {
    pub path: &'a Path,
    pub spot: Spot,
}

/// The warning for a record dated after the horizon.
fn ahead(record: &Record, date: NaiveDate, horizon: NaiveDate, place: &Place) -> String {
    let what = match record {
        Record::Session(_) => "a session",
        Record::Checkin(_) => "a check-in",
        Record::Rest(_) => "a rest day",
        Record::Desk(_) => "a desk record",
    };
    let today = horizon.pred_opt().unwrap_or(horizon);
    let warning = Warning {
        path: place.path.to_path_buf(),
        line: place.spot.line,
        column: Some(place.spot.column),
        message: format!(
            "{what} dated {date}, more than a day after today ({today}): it is not counted \
             until its day comes. If its date is wrong, fix it in the file"
        ),
    };
    warning.to_string()
}

/// Splits bytes before the start of their last record: the records before it are settled,
/// the last one may still be being written.
#[must_use]
pub fn split_last_record(bytes: &[u8]) -> (&[u8], &[u8]) {
    bytes.split_at(last_record_start(bytes).unwrap_or(0))
}

/// Cuts bytes into pieces of about `size` bytes, each ending just before a record starts.
fn segments(bytes: &[u8], size: usize) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = record_starts(rest)
            .find(|&at| at >= size)
            .unwrap_or(rest.len());
        let (piece, after) = rest.split_at(cut);
        rest = after;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{FORMAT_LINE, parse};

    #[test]
    fn reading_in_segments_equals_reading_at_once() {
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
        let today = NaiveDate::from_ymd_opt(2026, 4, 6).unwrap();
        let mut whole = Summary::empty(day_start, today);
        assert_eq!(whole.window, NaiveDate::from_ymd_opt(2026, 2, 10).unwrap());
        whole.scan(path, text.as_bytes(), &TakenBack::default());
        let mut parts = Summary::empty(day_start, today);
        for segment in segments(text.as_bytes(), 100) {
            parts.scan(path, segment, &TakenBack::default());
        }
        assert_eq!(parts.fingerprint.value(), whole.fingerprint.value());
        assert_eq!(parts, whole);
        assert_eq!(whole.history.days.len(), 28);
        assert_eq!(whole.recent.len(), 19);
        let reference = parse(path, text.as_bytes());
        let warnings: Vec<String> = reference.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(whole.warnings, warnings);
        assert_eq!(whole.covered, reference.end);
    }
}
