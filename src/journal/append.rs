//! One append that lands whole or leaves no trace. Under the lock: remember the length,
//! write, fsync; on any failure, truncate back to the remembered length and fsync again, and
//! only then report the record as not saved. When even that fails, the error says so: the
//! journal may end in a partial record, which readers skip (format 2 records prove they are
//! whole).
//!
//! The file operations go through [`Target`], so tests can fail a write after any number of
//! bytes or cut the power before what was not synced.

use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::FileExt;

use super::encode::FORMAT_LINE;
use super::error::AppendStep;

/// What an append does to the journal file.
pub trait Target {
    /// The file's length now.
    fn size(&mut self) -> io::Result<u64>;
    /// The byte at `at`.
    fn byte_at(&mut self, at: u64) -> io::Result<u8>;
    /// Writes `bytes` at the end.
    fn write(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Makes what was written durable (fsync).
    fn sync(&mut self) -> io::Result<()>;
    /// Cuts the file back to `len` bytes.
    fn truncate(&mut self, len: u64) -> io::Result<()>;
    /// Makes a new file's name durable: fsync of every folder this append created, and of
    /// the one that holds the file.
    fn sync_folders(&mut self);
}

/// Why an append failed, and whether the file was put back as it was.
#[derive(Debug)]
pub struct Failure {
    pub step: AppendStep,
    pub source: io::Error,
    /// The file is byte for byte as before the append.
    pub rolled_back: bool,
}

/// Appends `text` (one record) under the lock the caller holds: after the format line in an
/// empty file, after a line break when the file ends in a broken tail, always after a blank
/// line. `created`: this append created the file, so its folders are synced too.
pub fn append(target: &mut impl Target, text: &str, created: bool) -> Result<(), Failure> {
    let fail = |step| {
        move |source| Failure {
            step,
            source,
            rolled_back: true,
        }
    };
    let len = target.size().map_err(fail(AppendStep::Write))?;
    let mut bytes = String::with_capacity(FORMAT_LINE.len() + text.len() + 2);
    if len == 0 {
        bytes.push_str(FORMAT_LINE);
    } else if target.byte_at(len - 1).map_err(fail(AppendStep::Write))? != b'\n' {
        bytes.push('\n');
    }
    bytes.push('\n');
    bytes.push_str(text);
    let landed = target
        .write(bytes.as_bytes())
        .map_err(|e| (AppendStep::Write, e))
        .and_then(|()| target.sync().map_err(|e| (AppendStep::Sync, e)));
    if let Err((step, source)) = landed {
        let rolled_back = target.truncate(len).and_then(|()| target.sync()).is_ok();
        return Err(Failure {
            step,
            source,
            rolled_back,
        });
    }
    if created {
        // The record is on disk; failing to make its name durable is not reported, since
        // reporting it would invite saving the record twice.
        target.sync_folders();
    }
    Ok(())
}

/// The real journal file, opened for appending, with the folders to sync when it is new.
pub struct Disk<'a> {
    pub file: &'a File,
    /// The folder that holds the file, then every folder this append created.
    pub folders: Vec<std::path::PathBuf>,
}

impl Target for Disk<'_> {
    fn size(&mut self) -> io::Result<u64> {
        Ok(self.file.metadata()?.len())
    }

    fn byte_at(&mut self, at: u64) -> io::Result<u8> {
        let mut byte = [0];
        self.file.read_exact_at(&mut byte, at)?;
        Ok(byte[0])
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut writer = self.file;
        writer.write_all(bytes)
    }

    fn sync(&mut self) -> io::Result<()> {
        self.file.sync_all()
    }

    fn truncate(&mut self, len: u64) -> io::Result<()> {
        self.file.set_len(len)
    }

    fn sync_folders(&mut self) {
        for folder in &self.folders {
            let _ = File::open(folder).and_then(|f| f.sync_all());
        }
    }
}
