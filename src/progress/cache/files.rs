//! Summarising the journal's files through their caches, in two steps, because a void in one
//! file can take back a record in another (a journal folder) or earlier in the same file:
//! first every file's voids, from its cache and the bytes after it; then every file's
//! records, leaving out those taken back.
//!
//! A cache remembers which records taken back its tallies leave out (`skips`). When that is
//! no longer the set taken back (someone ran `poised undo`, here or on another machine), the
//! cache is rebuilt from its journal file: a void is rare, and a rebuild is always right.

use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};

use super::doubt::{Doubt, notice};
use super::format::Stamp;
use super::scan::{self, Summary, skips_of};
use super::store::{self, Bounds, Cached, Check};
use crate::journal::ReadError;
use crate::journal::Record;
use crate::journal::parse::voids_in;
use crate::journal::split::starts_record;
use crate::journal::void::TakenBack;
use crate::progress::days::DAILY_DAYS;

/// Summarises each journal file (with its cache) as of `today`, leaving out the records
/// that any of them takes back, and adds the summaries up: records are never in two of
/// these files. One file's summary is returned as it is, its days long past folded; days
/// folded apart cannot be added up, so several files keep every day.
pub fn summarize_files(
    files: &[(PathBuf, PathBuf)],
    day_start: NaiveTime,
    today: NaiveDate,
    check: Check,
    records: bool,
) -> Result<Summary, ReadError> {
    let window = super::window_start(today, super::CHART_DAYS);
    let bounds = Bounds {
        today,
        day_start,
        window,
        fold: (files.len() == 1).then(|| super::window_start(today, DAILY_DAYS)),
        records: records || files.len() > 1,
    };
    let mut opened = Vec::with_capacity(files.len());
    for (journal, cache) in files {
        if let Some(file) = Opened::open(journal, cache, bounds, check)? {
            opened.push(file);
        }
    }
    let taken = TakenBack::of(opened.iter().flat_map(Opened::voids));
    let several = opened.len() > 1;
    let mut summaries = opened.into_iter().map(|file| file.finish(&taken));
    let Some(mut total) = summaries.next().transpose()? else {
        return Ok(Summary::empty(day_start, today));
    };
    for summary in summaries {
        total.add_up(summary?);
    }
    if several {
        total.recent.sort_by_key(Record::moment);
    }
    Ok(total)
}

/// One journal file, its cache read and the bytes after it, before any record is counted.
struct Opened {
    journal: PathBuf,
    cache: PathBuf,
    file: File,
    /// The cached summary, or an empty one to add the whole file to.
    summary: Summary,
    /// The journal as the cache last saw it, when a cache was read.
    was: Option<Stamp>,
    /// `summary` came from the cache.
    was_cached: bool,
    /// The journal's bytes after what `summary` covers.
    tail: Vec<u8>,
    /// The keys that `tail` takes back.
    tail_voids: Vec<String>,
    bounds: Bounds,
    /// Why the cache was not used, when it was there.
    doubt: Option<Doubt>,
}

impl Opened {
    /// Reads the cache and the bytes after it; `None` when the journal file does not exist.
    fn open(
        journal: &Path,
        cache: &Path,
        bounds: Bounds,
        check: Check,
    ) -> Result<Option<Self>, ReadError> {
        let read_error = |source| ReadError::io(journal, source);
        let Some(mut file) = store::open_journal(journal).map_err(read_error)? else {
            return Ok(None);
        };
        let (cached, was, mut doubt) =
            match store::read_cache(cache, &file, bounds, check).map_err(read_error)? {
                Cached::Found(summary, stamp) => (Some(*summary), Some(stamp), None),
                Cached::Missing => (None, None, None),
                Cached::SetAside(doubt) => (None, None, Some(doubt)),
            };
        let from_cache = cached.is_some();
        let (summary, tail, was_cached) =
            resume(&mut file, cached, bounds.day_start, bounds.today).map_err(read_error)?;
        if from_cache && !was_cached {
            doubt = Some(Doubt::EditedWhereItStops);
        }
        let tail_voids = voids_in(&tail).into_iter().map(|v| v.record).collect();
        Ok(Some(Self {
            journal: journal.to_path_buf(),
            cache: cache.to_path_buf(),
            file,
            summary,
            was,
            was_cached,
            tail,
            tail_voids,
            bounds,
            doubt,
        }))
    }

    /// The keys of every record this file takes back.
    fn voids(&self) -> impl Iterator<Item = &str> {
        let cached = self.summary.voids.iter();
        cached.chain(&self.tail_voids).map(String::as_str)
    }

    /// The summary without the records in `taken`, from the cache when its tallies left out
    /// the same records, and the cache written back when it moved on.
    fn finish(mut self, taken: &TakenBack) -> Result<Summary, ReadError> {
        let skips = skips_of(taken);
        if self.was_cached && self.summary.skips != skips {
            self.start_over()?;
        }
        self.summary.skips = skips;
        let stamp = store::stamp(&self.file).map_err(|e| self.read_error(e))?;
        if (self.bounds.records || !self.current(stamp))
            && !self.summary.decode_pending(&self.cache)
        {
            self.doubt = Some(Doubt::RecordsUnreadable);
            self.start_over()?;
        }
        let mut last = scan_settled(&mut self.summary, &self.journal, &self.tail, taken);
        if self.summary.late {
            // A record dated among the folded days: every day is counted again.
            self.doubt = Some(Doubt::OldRecordAdded);
            self.start_over()?;
            last = scan_settled(&mut self.summary, &self.journal, &self.tail, taken);
        }
        let pruned = self.summary.prune(self.bounds.window, self.bounds.fold);
        let moved_on = pruned || last > 0 || self.was != Some(stamp);
        // Records held back are not in the tallies: caching those would leave them out for
        // good.
        if (moved_on || !self.was_cached) && self.summary.held_back == 0 {
            let covered = self.summary.covered.offset;
            let end = store::end_bytes(&self.file, covered).map_err(|e| self.read_error(e))?;
            store::write_cache(&self.cache, &self.summary, stamp, &end);
        }
        let notices = self.doubt.map(|doubt| notice(&self.cache, doubt));
        self.summary.notices.extend(notices);
        self.summary
            .scan_uncached(&self.journal, &self.tail[last..], taken);
        if self.summary.late {
            return self.unfolded(taken);
        }
        Ok(self.summary)
    }

    /// The cache is current: nothing settled since, the same journal file, the same window
    /// and fold, so it is not written again.
    fn current(&self, stamp: Stamp) -> bool {
        let (settled, _) = scan::split_last_record(&self.tail);
        self.was_cached
            && settled.is_empty()
            && self.was == Some(stamp)
            && self.summary.window == self.bounds.window
            && self.summary.history.since == self.bounds.fold
    }

    /// Reads the whole file again into an empty summary, which leaves out the same records
    /// taken back.
    fn start_over(&mut self) -> Result<(), ReadError> {
        let skips = self.summary.skips;
        self.summary = Summary::empty(self.summary.day_start, self.bounds.today);
        self.summary.skips = skips;
        self.tail = store::read_from(&mut self.file, 0).map_err(|e| self.read_error(e))?;
        self.was_cached = false;
        Ok(())
    }

    /// The whole file without folding: its last record, never cached, is dated among the
    /// folded days, until a record after it settles it into the cache.
    fn unfolded(mut self, taken: &TakenBack) -> Result<Summary, ReadError> {
        let notices = std::mem::take(&mut self.summary.notices);
        self.start_over()?;
        let last = scan_settled(&mut self.summary, &self.journal, &self.tail, taken);
        self.summary
            .scan_uncached(&self.journal, &self.tail[last..], taken);
        self.summary.prune(self.bounds.window, None);
        self.summary.notices = notices;
        Ok(self.summary)
    }

    fn read_error(&self, source: std::io::Error) -> ReadError {
        ReadError::io(&self.journal, source)
    }
}

/// Adds the records before the last one in `tail`; returns where the last one starts.
fn scan_settled(summary: &mut Summary, journal: &Path, tail: &[u8], taken: &TakenBack) -> usize {
    let (settled, _) = scan::split_last_record(tail);
    summary.scan(journal, settled, taken);
    settled.len()
}

/// Where reading starts: after the cached part when the journal's bytes there still begin a
/// record (else the last cached record was edited), otherwise from the start.
fn resume(
    file: &mut File,
    cached: Option<Summary>,
    day_start: NaiveTime,
    today: NaiveDate,
) -> std::io::Result<(Summary, Vec<u8>, bool)> {
    if let Some(summary) = cached {
        let tail = store::read_from(file, summary.covered.offset)?;
        if summary.covered.offset == 0 || tail.is_empty() || starts_record(&tail) {
            return Ok((summary, tail, true));
        }
    }
    Ok((
        Summary::empty(day_start, today),
        store::read_from(file, 0)?,
        false,
    ))
}
