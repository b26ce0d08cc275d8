//! `poised journal move`: a single journal copied into a journal folder as this machine's
//! file. The copy is read back and compared before it takes its name, and the original is
//! left where it is until the person removes it (reading a folder that still holds it counts
//! nothing twice).

use std::fs::{DirBuilder, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::error::ReadError;
use super::store::{Journal, sync_folder};

/// What a move did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub to: PathBuf,
    pub records: usize,
}

/// Why a move did not happen; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    #[error("there is no journal at {0} to move")]
    NothingToMove(PathBuf),
    #[error(
        "{0} already exists, so this machine already keeps its journal there; nothing was copied"
    )]
    AlreadyThere(PathBuf),
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{path}: could not write the copy: {source}; nothing was moved")]
    Write { path: PathBuf, source: io::Error },
    #[error(
        "{0}: the copy did not read back the same as the original; it was removed and nothing was moved"
    )]
    Differs(PathBuf),
}

/// Copies the journal at `from` to `to` (this machine's file in the folder), creating the
/// folder (0700) when missing. The bytes go to a hidden temporary name first, are fsynced and
/// read back; only a copy that reads the same records takes the name `to`, which it never
/// replaces.
pub fn copy_journal(from: &Path, to: &Path) -> Result<Moved, MoveError> {
    if !from.exists() {
        return Err(MoveError::NothingToMove(from.to_path_buf()));
    }
    let original = Journal::new(from).read()?;
    if to.exists() {
        return Err(MoveError::AlreadyThere(to.to_path_buf()));
    }
    let bytes = std::fs::read(from).map_err(|e| ReadError::io(from, e))?;
    let temporary = temporary_name(to);
    let write_error = |source| MoveError::Write {
        path: to.to_path_buf(),
        source,
    };
    write_new(&temporary, &bytes).map_err(write_error)?;
    let copy = Journal::new(&temporary).read();
    let same = copy.is_ok_and(|copy| copy.records == original.records);
    if !same {
        let _ = std::fs::remove_file(&temporary);
        return Err(MoveError::Differs(to.to_path_buf()));
    }
    // A hard link never replaces an existing file, unlike a rename.
    let linked = std::fs::hard_link(&temporary, to);
    let _ = std::fs::remove_file(&temporary);
    linked.map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => MoveError::AlreadyThere(to.to_path_buf()),
        _ => write_error(e),
    })?;
    sync_folder(to);
    Ok(Moved {
        to: to.to_path_buf(),
        records: original.records.len(),
    })
}

fn temporary_name(to: &Path) -> PathBuf {
    let name = to.file_name().map(|n| n.to_string_lossy().into_owned());
    to.with_file_name(format!(".{}.moving", name.unwrap_or_default()))
}

/// Writes `bytes` to a new owner-only file and fsyncs it, creating its folder when missing.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(folder)?;
    }
    let _ = std::fs::remove_file(path);
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
