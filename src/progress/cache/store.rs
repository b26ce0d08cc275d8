//! The cache's file: reading it back only when it still matches the journal, and writing it
//! atomically (a temporary file renamed over it), never failing the caller.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use chrono::{NaiveDate, NaiveTime};

use super::fingerprint::Fingerprint;
use super::format::{self, Header};
use super::scan::Summary;
use crate::journal::{parse, record_toml};

/// Opens the journal for reading under a shared lock (so no append is half-way through);
/// `None` when there is none yet.
pub fn open_journal(path: &Path) -> io::Result<Option<File>> {
    match File::open(path) {
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

/// The cached summary, when the cache exists, reads back whole, was made with the same day
/// start and a window that still covers `window`, and its fingerprint matches the journal.
/// Only a failure to read the journal itself is an error.
pub fn read_cache(
    path: &Path,
    journal: &mut File,
    day_start: NaiveTime,
    window: NaiveDate,
) -> io::Result<Option<Summary>> {
    let Ok(text) = std::fs::read(path) else {
        return Ok(None);
    };
    let Some((header, history, records)) = format::decode(&text) else {
        return Ok(None);
    };
    if header.day_start != day_start || header.window > window {
        return Ok(None);
    }
    if journal.metadata()?.len() < header.covered.offset {
        return Ok(None);
    }
    journal.seek(SeekFrom::Start(0))?;
    let fingerprint = Fingerprint::of_reader(journal, header.covered.offset)?;
    let parsed = parse(path, records);
    if fingerprint.value() != header.fingerprint || !parsed.warnings.is_empty() {
        return Ok(None);
    }
    Ok(Some(Summary {
        covered: header.covered,
        fingerprint,
        day_start,
        window: header.window,
        history,
        recent: parsed.records,
        warnings: header.warnings,
    }))
}

/// Writes the summary as the cache; any failure leaves the old cache or none, which is fine.
pub fn write_cache(path: &Path, summary: &Summary) {
    let header = Header {
        covered: summary.covered,
        fingerprint: summary.fingerprint.value(),
        day_start: summary.day_start,
        window: summary.window,
        warnings: summary.warnings.clone(),
    };
    let mut text = format::encode(&header, &summary.history);
    for record in &summary.recent {
        text.push_str(&record_toml(record));
    }
    let temporary = path.with_extension(format!("cache.{}.tmp", std::process::id()));
    let written =
        write_private(&temporary, text.as_bytes()).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
}

/// Writes a new file readable by its owner only: the cache holds recent notes.
fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(bytes)
}
