//! The derived summary cache beside the journal, and `load`, the one way the CLI and the TUI
//! get the progress picture.
//!
//! The cache holds the day tallies of the last two years, the ledger of the days before them
//! (see [`super::ledger`]: the streaks, the consistency score, the last day played, the latest
//! mornings, folded day by day), and the records of the last 8 weeks, for the journal up to
//! the start of its last record (`covered`): so reading it costs the same at any length of
//! history. A record dated before those two years makes the summary be built again. In a
//! journal folder, each file's cache keeps every day, as days folded apart cannot be added
//! up. A load checks that the journal still holds those bytes (see [`store`]: in constant time
//! unless asked for a [`Check::Full`]), then reads only the bytes from `covered` on: the
//! records appended since and the last one, which is never cached, so a record caught
//! half-written by a concurrent append is read again next time. Whatever does not match (deleted, corrupt, tampered,
//! another day start, an edited journal) is rebuilt from the journal, which stays the single
//! source of truth. Failing to write the cache is never an error. Records taken back by
//! `poised undo` are left out of every figure (see [`files`]).

mod doubt;
mod files;
mod fingerprint;
mod format;
mod past;
mod scan;
mod store;

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use super::days::ritual_date;
use super::model::{ProgressModel, RoutineFacts, build};
use super::trends::{CHART_DAYS, window_start};
use crate::journal::ReadError;
use crate::journal::folder::{FileKind, read_union};
use crate::paths::Paths;

pub use scan::{Place, Summary};
pub use store::Check;

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
    summarize_journal_for(paths, (day_start, today), check, true)
}

/// [`summarize_journal_checked`] for what needs only the days and the warnings (`poised
/// streak`, `poised log`): its `recent` records may be missing, left in a current cache.
pub fn summarize_history(
    paths: &Paths,
    day_start: NaiveTime,
    today: NaiveDate,
    check: Check,
) -> Result<Summary, ReadError> {
    summarize_journal_for(paths, (day_start, today), check, false)
}

fn summarize_journal_for(
    paths: &Paths,
    (day_start, today): (NaiveTime, NaiveDate),
    check: Check,
    records: bool,
) -> Result<Summary, ReadError> {
    let Some(dir) = &paths.journal_dir else {
        let files = [(paths.journal.clone(), paths.journal_cache())];
        return files::summarize_files(&files, day_start, today, check, records);
    };
    let files = paths.journal_files().map_err(|e| ReadError::io(dir, e))?;
    if files.iter().any(|f| f.kind > FileKind::Machine) {
        let (records, warnings) = read_union(&files)?.into_placed();
        let warnings = warnings.iter().map(ToString::to_string).collect();
        let placed = records
            .into_iter()
            .map(|(record, file, spot)| {
                let path = &files[file].path;
                (record, Place { path, spot })
            })
            .collect();
        return Ok(Summary::of_records(placed, warnings, day_start, today));
    }
    // The caches are derived: without their folder everything still reads, only slower.
    let _ = std::fs::create_dir_all(paths.file_caches());
    let files: Vec<_> = files
        .iter()
        .map(|file| (file.path.clone(), paths.file_cache(&file.path)))
        .collect();
    files::summarize_files(&files, day_start, today, check, true)
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
    let files = [(journal.to_path_buf(), cache.to_path_buf())];
    files::summarize_files(&files, day_start, today, check, true)
}
