//! The derived summary cache beside the journal, and `load`, the one way the CLI and the TUI
//! get the progress picture.
//!
//! The cache holds the day tallies of the last two years, the ledger of the days before them
//! (see [`super::ledger`]: the streaks, the consistency score, the last day played, the latest
//! mornings, folded day by day), and the records of the last 8 weeks, for the journal up to
//! the start of its last record (`covered`): so reading it costs the same at any length of
//! history. A record dated before those two years makes the summary be built again. A load checks that the
//! journal still holds those bytes (see [`store`]: in constant time unless asked for a
//! [`Check::Full`]), then reads only the bytes from `covered` on: the records appended since
//! and the last one, which is never cached, so a record caught half-written by a concurrent
//! append is read again next time. Whatever does not match (deleted, corrupt, tampered,
//! another day start, an edited journal) is rebuilt from the journal, which stays the single
//! source of truth. Failing to write the cache is never an error.

mod doubt;
mod fingerprint;
mod format;
mod scan;
mod store;

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use super::days::{DAILY_DAYS, ritual_date};
use super::model::{ProgressModel, RoutineFacts, build};
use super::trends::{CHART_DAYS, window_start};
use crate::journal::ReadError;
use crate::journal::Record;
use crate::journal::folder::{FileKind, read_union};
use crate::journal::split::starts_record;
use crate::paths::Paths;

use doubt::{Doubt, notice};
pub use scan::Summary;
pub use store::Check;
use store::{Bounds, Cached};

/// Loads the progress picture as of `now` (the local time with its offset) for the config's
/// `day_starts_at`: the journal read through the cache, then `progress::build`.
/// `facts_of` says what is known of a routine id (its wardrobe and phase).
///
/// A missing journal gives the empty picture; only a journal that cannot be read at all is
/// an error. The cache is brought up to date on the way.
pub fn load<'w>(
    paths: &Paths,
    day_start: NaiveTime,
    now: DateTime<FixedOffset>,
    facts_of: impl Fn(&str) -> Option<RoutineFacts<'w>>,
) -> Result<ProgressModel, ReadError> {
    load_checked(paths, day_start, now, Check::Quick, facts_of)
}

/// [`load`], checking the cache against the journal as `check` says (`--verify`: every byte).
pub fn load_checked<'w>(
    paths: &Paths,
    day_start: NaiveTime,
    now: DateTime<FixedOffset>,
    check: Check,
    facts_of: impl Fn(&str) -> Option<RoutineFacts<'w>>,
) -> Result<ProgressModel, ReadError> {
    let today = ritual_date(now, day_start);
    let summary = summarize_journal_checked(paths, day_start, today, check)?;
    let mut model = build(
        &summary.history,
        &summary.recent,
        today,
        day_start,
        facts_of,
    );
    model.warnings = summary.warnings;
    model.notices = summary.notices;
    Ok(model)
}

/// The summary of the journal as of `today`, wherever it is kept: the one file through the
/// cache, or a journal folder as the union of its files.
///
/// In a folder, each machine's file is summarised through a cache of its own, and the
/// summaries added up: a record is written once, to one machine's file, so no record is in
/// two of them. Conflict copies and an old `journal.toml` do repeat records, so while one of
/// them is in the folder every file is read whole and each record counted once.
pub fn summarize_journal(
    paths: &Paths,
    day_start: NaiveTime,
    today: NaiveDate,
) -> Result<Summary, ReadError> {
    summarize_journal_checked(paths, day_start, today, Check::Quick)
}

/// [`summarize_journal`], checking each cache as `check` says.
pub fn summarize_journal_checked(
    paths: &Paths,
    day_start: NaiveTime,
    today: NaiveDate,
    check: Check,
) -> Result<Summary, ReadError> {
    let Some(dir) = &paths.journal_dir else {
        let cache = paths.journal_cache();
        return summarize_checked(&paths.journal, &cache, day_start, today, check);
    };
    let files = paths.journal_files().map_err(|e| ReadError::io(dir, e))?;
    let window = window_start(today, CHART_DAYS);
    if files.iter().any(|f| f.kind > FileKind::Machine) {
        let (records, warnings) = read_union(&files)?.into_records();
        let warnings = warnings.iter().map(ToString::to_string).collect();
        return Ok(Summary::of_records(records, warnings, day_start, window));
    }
    let mut total = Summary::empty(day_start, window);
    // The caches are derived: without their folder everything still reads, only slower.
    let _ = std::fs::create_dir_all(paths.file_caches());
    // Days folded apart cannot be added up: each file's cache keeps every day.
    let bounds = Bounds {
        today,
        day_start,
        window,
        fold: None,
    };
    for file in &files {
        let cache = paths.file_cache(&file.path);
        total.add_up(summarize_file(&file.path, &cache, bounds, check)?);
    }
    total.recent.sort_by_key(Record::moment);
    Ok(total)
}

/// The summary of the whole journal as of `today`: from the cache when it still matches,
/// updated with what was appended, and written back when it moved on.
pub fn summarize(
    journal: &Path,
    cache: &Path,
    day_start: NaiveTime,
    today: NaiveDate,
) -> Result<Summary, ReadError> {
    summarize_checked(journal, cache, day_start, today, Check::Quick)
}

/// [`summarize`], checking the cache against the journal as `check` says.
pub fn summarize_checked(
    journal: &Path,
    cache: &Path,
    day_start: NaiveTime,
    today: NaiveDate,
    check: Check,
) -> Result<Summary, ReadError> {
    let bounds = Bounds {
        today,
        day_start,
        window: window_start(today, CHART_DAYS),
        fold: Some(window_start(today, DAILY_DAYS)),
    };
    summarize_file(journal, cache, bounds, check)
}

/// The summary of one journal file within `bounds`, through its cache.
fn summarize_file(
    journal: &Path,
    cache: &Path,
    bounds: Bounds,
    check: Check,
) -> Result<Summary, ReadError> {
    let read_error = |source| ReadError::io(journal, source);
    let Some(mut file) = store::open_journal(journal).map_err(read_error)? else {
        return Ok(Summary::empty(bounds.day_start, bounds.window));
    };
    let (cached, was, mut doubt) =
        match store::read_cache(cache, &file, bounds, check).map_err(read_error)? {
            Cached::Found(summary, stamp) => (Some(*summary), Some(stamp), None),
            Cached::Missing => (None, None, None),
            Cached::SetAside(doubt) => (None, None, Some(doubt)),
        };
    let from_cache = cached.is_some();
    let (mut summary, mut tail, mut was_cached) =
        resume(&mut file, cached, bounds).map_err(read_error)?;
    if from_cache && !was_cached {
        doubt = Some(Doubt::EditedWhereItStops);
    }
    let mut last = scan_settled(&mut summary, journal, &tail);
    if summary.late {
        // A record dated among the folded days: every day is counted again.
        doubt = Some(Doubt::OldRecordAdded);
        summary = Summary::empty(bounds.day_start, bounds.window);
        tail = store::read_from(&mut file, 0).map_err(read_error)?;
        was_cached = false;
        last = scan_settled(&mut summary, journal, &tail);
    }
    summary
        .notices
        .extend(doubt.map(|doubt| notice(cache, doubt)));
    let stamp = store::stamp(&file).map_err(read_error)?;
    let pruned = summary.prune(bounds.window, bounds.fold);
    let moved_on = pruned || last > 0 || was != Some(stamp);
    if moved_on || !was_cached {
        let end = store::end_bytes(&file, summary.covered.offset).map_err(read_error)?;
        store::write_cache(cache, &summary, stamp, &end);
    }
    summary.scan_uncached(journal, &tail[last..]);
    if summary.late {
        // The last record, never cached, is dated among the folded days: count every day
        // without folding, until a record after it settles it into the cache.
        let mut whole = Summary::empty(bounds.day_start, bounds.window);
        let all = store::read_from(&mut file, 0).map_err(read_error)?;
        let last = scan_settled(&mut whole, journal, &all);
        whole.scan_uncached(journal, &all[last..]);
        whole.prune(bounds.window, None);
        whole.notices = summary.notices;
        return Ok(whole);
    }
    Ok(summary)
}

/// Adds the records before the last one in `tail`; returns where the last one starts.
fn scan_settled(summary: &mut Summary, journal: &Path, tail: &[u8]) -> usize {
    let (settled, _) = scan::split_last_record(tail);
    summary.scan(journal, settled);
    settled.len()
}

/// Where reading starts: after the cached part when the journal's bytes there still begin a
/// record (else the last cached record was edited), otherwise from the start.
fn resume(
    file: &mut std::fs::File,
    cached: Option<Summary>,
    bounds: Bounds,
) -> std::io::Result<(Summary, Vec<u8>, bool)> {
    if let Some(summary) = cached {
        let tail = store::read_from(file, summary.covered.offset)?;
        if summary.covered.offset == 0 || tail.is_empty() || starts_record(&tail) {
            return Ok((summary, tail, true));
        }
    }
    Ok((
        Summary::empty(bounds.day_start, bounds.window),
        store::read_from(file, 0)?,
        false,
    ))
}
