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

use super::format::Stamp;
use super::scan::{self, Summary, skips_of};
use super::store::{self, Check};
use crate::journal::ReadError;
use crate::journal::Record;
use crate::journal::parse::voids_in;
use crate::journal::split::starts_record;
use crate::journal::void::TakenBack;

/// Summarises each journal file (with its cache) as of `today`, leaving out the records
/// that any of them takes back, and adds the summaries up: records are never in two of
/// these files. One file's summary is returned as it is.
pub fn summarize_files(
    files: &[(PathBuf, PathBuf)],
    day_start: NaiveTime,
    today: NaiveDate,
    check: Check,
) -> Result<Summary, ReadError> {
    let window = super::window_start(today, super::CHART_DAYS);
    let mut opened = Vec::with_capacity(files.len());
    for (journal, cache) in files {
        if let Some(file) = Opened::open(journal, cache, (today, day_start), window, check)? {
            opened.push(file);
        }
    }
    let taken = TakenBack::of(opened.iter().flat_map(Opened::voids));
    let several = opened.len() > 1;
    let mut summaries = opened.into_iter().map(|file| file.finish(&taken));
    let Some(mut total) = summaries.next().transpose()? else {
        return Ok(Summary::empty(day_start, window));
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
    window: NaiveDate,
}

impl Opened {
    /// Reads the cache and the bytes after it; `None` when the journal file does not exist.
    fn open(
        journal: &Path,
        cache: &Path,
        today: (NaiveDate, NaiveTime),
        window: NaiveDate,
        check: Check,
    ) -> Result<Option<Self>, ReadError> {
        let read_error = |source| ReadError::io(journal, source);
        let Some(mut file) = store::open_journal(journal).map_err(read_error)? else {
            return Ok(None);
        };
        let cached = store::read_cache(cache, &file, today, window, check).map_err(read_error)?;
        let was = cached.as_ref().map(|(_, stamp)| *stamp);
        let (summary, tail, was_cached) = resume(
            &mut file,
            cached.map(|(summary, _)| summary),
            today.1,
            window,
        )
        .map_err(read_error)?;
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
            window,
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
        let read_error = |source| ReadError::io(&self.journal, source);
        let skips = skips_of(taken);
        if self.was_cached && self.summary.skips != skips {
            self.summary = Summary::empty(self.summary.day_start, self.window);
            self.tail = store::read_from(&mut self.file, 0).map_err(read_error)?;
            self.was_cached = false;
        }
        self.summary.skips = skips;
        let stamp = store::stamp(&self.file).map_err(read_error)?;
        let (settled, last) = scan::split_last_record(&self.tail);
        self.summary.scan(&self.journal, settled, taken);
        let window_moved = self.summary.prune(self.window);
        let moved_on = window_moved || !settled.is_empty() || self.was != Some(stamp);
        if moved_on || !self.was_cached {
            let end =
                store::end_bytes(&self.file, self.summary.covered.offset).map_err(read_error)?;
            store::write_cache(&self.cache, &self.summary, stamp, &end);
        }
        self.summary.scan_uncached(&self.journal, last, taken);
        Ok(self.summary)
    }
}

/// Where reading starts: after the cached part when the journal's bytes there still begin a
/// record (else the last cached record was edited), otherwise from the start.
fn resume(
    file: &mut File,
    cached: Option<Summary>,
    day_start: NaiveTime,
    window: NaiveDate,
) -> std::io::Result<(Summary, Vec<u8>, bool)> {
    if let Some(summary) = cached {
        let tail = store::read_from(file, summary.covered.offset)?;
        if summary.covered.offset == 0 || tail.is_empty() || starts_record(&tail) {
            return Ok((summary, tail, true));
        }
    }
    Ok((
        Summary::empty(day_start, window),
        store::read_from(file, 0)?,
        false,
    ))
}
