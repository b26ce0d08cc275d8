//! The journal file on disk: appending one record at a time, durably, and reading it back.
//!
//! An append never rewrites or truncates: it opens the file with `O_APPEND`, takes an
//! exclusive advisory lock, starts on a fresh line if the file ends in a broken tail, writes
//! the record in one write and fsyncs. Reading takes a shared lock, so it never sees half a
//! record, and never changes the file.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::encode::{FORMAT_LINE, record_toml};
use super::error::{AppendError, AppendStep, ReadError};
use super::parse::{Parsed, Position, parse_from};
use super::record::Record;

/// The journal file at one path. Cheap to create; every call opens the file anew, so several
/// processes can share it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    path: PathBuf,
}

impl Journal {
    /// The journal at `path` (from `Paths::journal`); nothing is touched until used.
    #[must_use]
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves one record at the end of the journal, creating the file (0600, starting with
    /// `format = 1`) and its folder (0700) when missing. On error nothing was saved for sure,
    /// and the error carries the record's TOML.
    pub fn append(&self, record: &Record) -> Result<(), AppendError> {
        let text = record_toml(record);
        self.append_text(&text)
            .map_err(|(step, source)| AppendError::new(&self.path, step, source, text))
    }

    /// Reads every record; a missing file is an empty journal.
    pub fn read(&self) -> Result<Parsed, ReadError> {
        self.read_from(Position::START)
    }

    /// Reads the records from `from` (the `end` of an earlier read) onwards. Fails with
    /// [`ReadError::Shrunk`] when the file is now shorter, that is, it was edited.
    pub fn read_from(&self, from: Position) -> Result<Parsed, ReadError> {
        let bytes = self
            .bytes_from(from.offset)
            .map_err(|e| ReadError::io(&self.path, e))?;
        match bytes {
            Ok(bytes) => Ok(parse_from(&self.path, &bytes, from)),
            Err(len) => Err(ReadError::Shrunk {
                path: self.path.clone(),
                len,
                offset: from.offset,
            }),
        }
    }

    /// The bytes from `offset` to the end, or the file's length when it is shorter than that.
    fn bytes_from(&self, offset: u64) -> io::Result<Result<Vec<u8>, u64>> {
        let mut file = match File::open(&self.path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(if offset == 0 { Ok(Vec::new()) } else { Err(0) });
            }
            opened => opened?,
        };
        if file.metadata()?.is_dir() {
            return Err(io::ErrorKind::IsADirectory.into());
        }
        // Without the lock (a file system that has none) a half-written record is only
        // reported as damaged, so reading goes on.
        let _ = file.lock_shared();
        let len = file.metadata()?.len();
        if len < offset {
            return Ok(Err(len));
        }
        file.seek(SeekFrom::Start(offset))?;
        let mut bytes = Vec::with_capacity(usize::try_from(len - offset).unwrap_or(0));
        file.read_to_end(&mut bytes)?;
        Ok(Ok(bytes))
    }

    fn append_text(&self, text: &str) -> Result<(), (AppendStep, io::Error)> {
        let (file, created) = self.open_for_append()?;
        file.lock().map_err(|e| (AppendStep::Lock, e))?;
        let written = write_locked(&file, text);
        // Closing the file releases the lock too; unlocking first only makes it prompt.
        let _ = file.unlock();
        written?;
        if created {
            sync_folder(&self.path);
        }
        Ok(())
    }

    /// Opens the journal for appending, creating it and its folder when missing; tells
    /// whether this call created the file.
    fn open_for_append(&self) -> Result<(File, bool), (AppendStep, io::Error)> {
        let open = || OpenOptions::new().read(true).append(true).open(&self.path);
        match open() {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            opened => {
                return opened
                    .map(|f| (f, false))
                    .map_err(|e| (AppendStep::Open, e));
            }
        }
        if let Some(folder) = self.path.parent().filter(|p| !p.as_os_str().is_empty()) {
            let mut builder = DirBuilder::new();
            builder.recursive(true).mode(0o700);
            builder
                .create(folder)
                .map_err(|e| (AppendStep::Folder, e))?;
        }
        let created = OpenOptions::new()
            .read(true)
            .append(true)
            .create_new(true)
            .mode(0o600)
            .open(&self.path);
        match created {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => open().map(|f| (f, false)),
            created => created.map(|f| (f, true)),
        }
        .map_err(|e| (AppendStep::Open, e))
    }
}

/// Writes the record under the lock: after the format line in an empty file, after a line
/// break when the file ends in a broken tail, always after a blank line.
fn write_locked(file: &File, text: &str) -> Result<(), (AppendStep, io::Error)> {
    let write = |e| (AppendStep::Write, e);
    let len = file.metadata().map_err(write)?.len();
    let mut bytes = String::with_capacity(FORMAT_LINE.len() + text.len() + 2);
    if len == 0 {
        bytes.push_str(FORMAT_LINE);
    } else if last_byte(file, len).map_err(write)? != b'\n' {
        bytes.push('\n');
    }
    bytes.push('\n');
    bytes.push_str(text);
    let mut writer = file;
    writer.write_all(bytes.as_bytes()).map_err(write)?;
    file.sync_all().map_err(|e| (AppendStep::Sync, e))
}

fn last_byte(file: &File, len: u64) -> io::Result<u8> {
    let mut byte = [0];
    file.read_exact_at(&mut byte, len - 1)?;
    Ok(byte[0])
}

/// Makes a new file's name durable. The record itself is already on disk, so a failure here
/// is not reported: reporting it would invite saving the record twice.
pub(super) fn sync_folder(path: &Path) {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = File::open(folder).and_then(|f| f.sync_all());
    }
}
