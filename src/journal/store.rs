//! The journal file on disk: appending one record at a time, durably, and reading it back.
//!
//! An append never rewrites or truncates: it opens the file with `O_APPEND`, takes an
//! exclusive advisory lock, starts on a fresh line if the file ends in a broken tail, writes
//! the record in one write and fsyncs. Reading takes a shared lock, so it never sees half a
//! record, and never changes the file.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::os::unix::fs::{DirBuilderExt, FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::append::{self, Disk, Failure};
use super::encode::{sealed_toml, sealed_void};
use super::error::{AppendError, AppendStep, ReadError};
use super::parse::{Parsed, Position, parse_from};
use super::record::Record;
use super::seal::new_id;
use super::split::record_starts;
use super::void::VoidRecord;
use crate::files::{JOURNAL_MAX, open_regular, regular};

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
    /// the format line) and its folder (0700) when missing, and gives the record's new id.
    /// On error nothing was saved for sure, and the error carries the record's TOML.
    pub fn append(&self, record: &Record) -> Result<String, AppendError> {
        let id = new_id();
        self.append_sealed(sealed_toml(record, &id)).map(|()| id)
    }

    /// Saves a void (a record taken back) the same way, and gives its id.
    pub fn append_void(&self, void: &VoidRecord) -> Result<String, AppendError> {
        let id = new_id();
        self.append_sealed(sealed_void(void, &id)).map(|()| id)
    }

    fn append_sealed(&self, text: String) -> Result<(), AppendError> {
        self.append_text(&text)
            .map_err(|failure| AppendError::new(&self.path, failure, text))
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

    /// The newest `n` records that count (with `all`, also those taken back), each with
    /// whether it was taken back, read from the end of the file: the time does not grow with
    /// the journal's length. A void always follows the record it takes back, so the end
    /// holds the voids of every record read. Damaged records among them are skipped; naming
    /// them with their lines is the whole read's job.
    pub fn read_last(&self, n: usize, all: bool) -> Result<Vec<(Record, bool)>, ReadError> {
        let read_error = |e| ReadError::io(&self.path, e);
        let file = match open_regular(&self.path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            opened => opened.map_err(read_error)?,
        };
        let _ = file.lock_shared();
        let len = file.metadata().map_err(read_error)?.len();
        let mut size = TAIL;
        loop {
            let from = len.saturating_sub(size);
            let mut bytes = vec![0; usize::try_from(len - from).unwrap_or(0)];
            file.read_exact_at(&mut bytes, from).map_err(read_error)?;
            // A slice that does not start the file may start mid-record: skip to a record.
            let start = if from == 0 {
                0
            } else {
                record_starts(&bytes).next().unwrap_or(bytes.len())
            };
            let (ledger, _) =
                parse_from(&self.path, &bytes[start..], Position::START).into_ledger();
            let mut entries: Vec<(Record, bool)> = ledger
                .entries()
                .into_iter()
                .filter(|(_, voided)| all || !voided)
                .map(|(record, voided)| (record.clone(), voided))
                .collect();
            if entries.len() >= n || from == 0 {
                return Ok(entries.split_off(entries.len().saturating_sub(n)));
            }
            size = size.saturating_mul(4);
        }
    }

    /// The bytes from `offset` to the end, or the file's length when it is shorter than that.
    fn bytes_from(&self, offset: u64) -> io::Result<Result<Vec<u8>, u64>> {
        let mut file = match open_regular(&self.path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(if offset == 0 { Ok(Vec::new()) } else { Err(0) });
            }
            opened => opened?,
        };
        // Without the lock (a file system that has none) a half-written record is only
        // reported as damaged, so reading goes on.
        let _ = file.lock_shared();
        let len = file.metadata()?.len();
        if len < offset {
            return Ok(Err(len));
        }
        if len - offset > JOURNAL_MAX {
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                format!("it is larger than {JOURNAL_MAX} bytes, more than poised reads"),
            ));
        }
        file.seek(SeekFrom::Start(offset))?;
        let mut bytes = Vec::with_capacity(usize::try_from(len - offset).unwrap_or(0));
        file.read_to_end(&mut bytes)?;
        Ok(Ok(bytes))
    }

    fn append_text(&self, text: &str) -> Result<(), Failure> {
        let nothing_written = |step| {
            move |source| Failure {
                step,
                source,
                rolled_back: true,
            }
        };
        let (file, created) = self
            .open_for_append()
            .map_err(|(step, e)| nothing_written(step)(e))?;
        file.lock().map_err(nothing_written(AppendStep::Lock))?;
        let mut disk = Disk {
            file: &file,
            folders: created,
        };
        let created = !disk.folders.is_empty();
        let written = append::append(&mut disk, text, created);
        // Closing the file releases the lock too; unlocking first only makes it prompt.
        let _ = file.unlock();
        written
    }

    /// Opens the journal for appending, creating it and its folder when missing; gives the
    /// folders to sync when this call created the file (none when it existed).
    fn open_for_append(&self) -> Result<(File, Vec<PathBuf>), (AppendStep, io::Error)> {
        let open = || {
            let file = OpenOptions::new()
                .read(true)
                .append(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(&self.path)?;
            regular(file)
        };
        match open() {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            opened => {
                return opened
                    .map(|f| (f, Vec::new()))
                    .map_err(|e| (AppendStep::Open, e));
            }
        }
        let mut folders = Vec::new();
        if let Some(folder) = self.path.parent().filter(|p| !p.as_os_str().is_empty()) {
            // The folder, and up to the first one that exists: each holds a new name.
            let mut at = Some(folder);
            while let Some(dir) = at {
                folders.push(dir.to_path_buf());
                if dir.exists() {
                    break;
                }
                at = dir.parent().filter(|p| !p.as_os_str().is_empty());
            }
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
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => open().map(|f| (f, Vec::new())),
            created => created.map(|f| (f, folders)),
        }
        .map_err(|e| (AppendStep::Open, e))
    }
}

/// How many bytes from the end [`Journal::read_last`] reads first: about 70 records.
const TAIL: u64 = 16 * 1024;

/// Makes a new file's name durable: an fsync of the folder that holds it.
pub(super) fn sync_folder(path: &Path) {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = File::open(folder).and_then(|f| f.sync_all());
    }
}
