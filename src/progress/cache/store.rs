//! The cache's file: reading it back only when it still matches the journal, and writing it
//! atomically (a temporary file renamed over it, then the folder synced), never failing the
//! caller.
//!
//! Matching is checked by what cannot change silently: the journal file's identity, its size
//! and modification time, and a hash of the last [`END`] bytes the cache covers. An append
//! leaves all of them as they were; an edit changes the size (caught by the hash), or the
//! time at the same size (then the covered bytes are hashed whole). [`Check::Full`] hashes
//! them whole every time.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{FileExt, MetadataExt};
use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::{Days, NaiveDate, NaiveTime};

use super::fingerprint::{Fingerprint, fingerprint};
use super::format::{self, Header, Stamp};
use super::scan::Summary;
use crate::journal::parse;
use crate::progress::days::History;

/// How many bytes before the end of what the cache covers are hashed on every load.
pub const END: u64 = 4096;
/// The largest cache poised reads: a hundred years of days and eight weeks of long notes.
const CACHE_MAX: u64 = 64 << 20;
/// A journal modified this shortly before the cache was written may be edited again within
/// the same tick of the file system's clock, unseen: such a cache is checked whole next time.
const RACY: Duration = Duration::from_secs(2);

/// A temporary cache this old was left by a rebuild that was killed, not one under way.
const LEFTOVER: Duration = Duration::from_secs(60);

/// How much to trust a cache that looks current.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Check {
    /// Identity, size, time and the hash of the last bytes covered (constant time).
    #[default]
    Quick,
    /// Also every byte covered (`--verify`).
    Full,
}

/// Opens the journal for reading under a shared lock (so no append is half-way through);
/// `None` when there is none yet.
pub fn open_journal(path: &Path) -> io::Result<Option<File>> {
    match crate::files::open_regular(path) {
        Ok(file) => {
            // Without locks (some file systems) a half-written record is still never cached:
            // the last record is always read again.
            let _ = file.lock_shared();
            Ok(Some(file))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The journal's bytes from `offset` to its end.
pub fn read_from(file: &mut File, offset: u64) -> io::Result<Vec<u8>> {
    file.seek(SeekFrom::Start(offset))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// What the journal file is now.
pub fn stamp(journal: &File) -> io::Result<Stamp> {
    let meta = journal.metadata()?;
    let modified = (meta.mtime(), u32::try_from(meta.mtime_nsec()).unwrap_or(0));
    let since = meta
        .modified()
        .ok()
        .and_then(|at| SystemTime::now().duration_since(at).ok());
    Ok(Stamp {
        device: meta.dev(),
        inode: meta.ino(),
        size: meta.len(),
        modified,
        racy: since.is_none_or(|since| since < RACY),
    })
}

/// The cached summary, when the cache exists, reads back whole, was made with the same day
/// start and a window that still covers `window`, holds only days that can be, and matches
/// the journal. Only a failure to read the journal itself is an error.
pub fn read_cache(
    path: &Path,
    journal: &File,
    today: (NaiveDate, NaiveTime),
    window: NaiveDate,
    check: Check,
) -> io::Result<Option<(Summary, Stamp)>> {
    let Ok(text) = crate::files::read_regular(path, CACHE_MAX) else {
        return Ok(None);
    };
    let Some((header, history, records)) = format::decode(&text) else {
        return Ok(None);
    };
    let (today, day_start) = today;
    let fits = header.day_start == day_start && header.window <= window;
    if !fits || !plausible(&history, today) {
        return Ok(None);
    }
    let Some(fingerprint) = matches(&header, journal, check)? else {
        return Ok(None);
    };
    let parsed = parse(path, records);
    if !parsed.warnings.is_empty() {
        return Ok(None);
    }
    let summary = Summary {
        covered: header.covered,
        fingerprint,
        day_start,
        window: header.window,
        history,
        recent: parsed.records,
        warnings: header.warnings,
        voids: header.voids.into_iter().collect(),
        skips: header.skips,
    };
    Ok(Some((summary, header.stamp)))
}

/// Days from 1900 to tomorrow, each with check-ins of 0 to 10: anything else is not a
/// summary of any journal poised would count.
fn plausible(history: &History, today: NaiveDate) -> bool {
    let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
    let last = today.checked_add_days(Days::new(1)).unwrap_or(today);
    history.days.iter().all(|(date, t)| {
        (first..=last).contains(date)
            && t.checkin_sum
                <= u32::from(t.checkin_count) * u32::from(crate::journal::STIFFNESS_MAX)
    })
}

/// The running fingerprint of the covered bytes when the journal still holds them unchanged.
fn matches(header: &Header, journal: &File, check: Check) -> io::Result<Option<Fingerprint>> {
    let now = stamp(journal)?;
    let was = header.stamp;
    let covered = header.covered.offset;
    if (now.device, now.inode) != (was.device, was.inode) || now.size < covered {
        return Ok(None);
    }
    let end = end_bytes(journal, covered)?;
    if fingerprint(&end) != header.end {
        return Ok(None);
    }
    let edited_in_place = now.size == was.size && now.modified != was.modified;
    let whole = check == Check::Full || was.racy || edited_in_place || now.size < was.size;
    if whole {
        let mut reader = journal;
        reader.seek(SeekFrom::Start(0))?;
        let all = Fingerprint::of_reader(&mut reader, covered)?;
        if all.state() != header.state {
            return Ok(None);
        }
    }
    Ok(Fingerprint::resume(header.state, covered, &end))
}

/// The last [`END`] bytes before `covered`, which the cache hashes.
pub fn end_bytes(journal: &File, covered: u64) -> io::Result<Vec<u8>> {
    let from = covered.saturating_sub(END);
    let mut end = vec![0; usize::try_from(covered - from).unwrap_or(0)];
    journal.read_exact_at(&mut end, from)?;
    Ok(end)
}

/// Writes the summary as the cache; any failure leaves the old cache or none, which is fine.
/// `journal` is the journal file as it was read, `end` the last bytes before `covered`.
pub fn write_cache(path: &Path, summary: &Summary, journal: Stamp, end: &[u8]) {
    let header = Header {
        covered: summary.covered,
        state: summary.fingerprint.state(),
        stamp: journal,
        end: fingerprint(end),
        day_start: summary.day_start,
        window: summary.window,
        skips: summary.skips,
        warnings: summary.warnings.clone(),
        voids: summary.voids.iter().cloned().collect(),
    };
    let records: String = summary
        .recent
        .iter()
        .map(crate::journal::record_toml)
        .collect();
    let text = format::encode(&header, &summary.history, &records);
    remove_leftovers(path);
    let temporary = path.with_extension(format!("cache.{}.tmp", std::process::id()));
    let written =
        write_private(&temporary, text.as_bytes()).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    } else if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = File::open(folder).and_then(|f| f.sync_all());
    }
}

/// Removes temporary caches that a killed rebuild left behind (`journal.cache.PID.tmp`).
fn remove_leftovers(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!("{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    }) else {
        return;
    };
    let old = |entry: &std::fs::DirEntry| {
        let modified = entry.metadata().and_then(|m| m.modified());
        modified.is_ok_and(|at| at.elapsed().is_ok_and(|age| age > LEFTOVER))
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let temporary = Path::new(&name).extension().is_some_and(|e| e == "tmp");
        if name.starts_with(&prefix) && temporary && old(&entry) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes a new file readable by its owner only (the cache holds recent notes), durably.
fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
