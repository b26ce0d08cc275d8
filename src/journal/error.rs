//! What can go wrong when the journal is written or read, in plain words that name the path
//! and say what to do. A failed write keeps the record's TOML so it can be shown and kept.

use std::io;
use std::path::{Path, PathBuf};

use super::append::Failure;

/// The part of an append that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppendStep {
    /// Creating the journal's folder.
    Folder,
    /// Opening or creating the file.
    Open,
    /// Taking the advisory lock.
    Lock,
    /// Writing the record.
    Write,
    /// Flushing it to the disk.
    Sync,
}

/// A record that could not be saved. Its message names the path and what to do; it keeps the
/// record's TOML text ([`AppendError::unsaved_record`]) so the person does not lose it.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct AppendError {
    message: String,
    path: PathBuf,
    step: AppendStep,
    record: String,
    #[source]
    source: io::Error,
}

impl AppendError {
    pub(super) fn new(path: &Path, failure: Failure, record: String) -> Self {
        let Failure {
            step,
            source,
            rolled_back,
        } = failure;
        let (reason, advice) = plain_words(&source);
        let mut message = match (step, path.parent()) {
            (AppendStep::Folder, Some(folder)) => {
                format!(
                    "could not create the journal's folder {}: {reason}; {advice}",
                    folder.display()
                )
            }
            _ => format!(
                "could not save to the journal {}: {reason}; {advice}",
                path.display()
            ),
        };
        if !rolled_back {
            message.push_str(". The journal may end in a partial record; poised will skip it");
        }
        Self {
            message,
            path: path.to_path_buf(),
            step,
            record,
            source,
        }
    }

    /// The journal file that could not be written.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Which part of the append failed.
    #[must_use]
    pub fn step(&self) -> AppendStep {
        self.step
    }

    /// The record as the TOML it would have been saved as, for the person to keep.
    #[must_use]
    pub fn unsaved_record(&self) -> &str {
        &self.record
    }
}

/// The journal could not be read. Damaged records are not errors but warnings
/// ([`crate::journal::Warning`]); this is for a file that cannot be opened or read at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("could not read the journal {}: {reason}; {advice}", path.display())]
    Io {
        path: PathBuf,
        reason: String,
        advice: &'static str,
        #[source]
        source: io::Error,
    },
    /// The file is now shorter than a position read before: it was edited, not appended to.
    #[error(
        "the journal {} has {len} bytes, fewer than the {offset} read before, so it was edited; \
         read it again from the start",
        path.display()
    )]
    Shrunk {
        path: PathBuf,
        len: u64,
        offset: u64,
    },
}

impl ReadError {
    pub(crate) fn io(path: &Path, source: io::Error) -> Self {
        let (reason, advice) = plain_words(&source);
        Self::Io {
            path: path.to_path_buf(),
            reason,
            advice,
            source,
        }
    }
}

/// What an I/O error means for the person, and what they can do about it.
fn plain_words(error: &io::Error) -> (String, &'static str) {
    use io::ErrorKind as K;
    let (reason, advice) = match error.kind() {
        K::PermissionDenied => (
            "permission denied",
            "make it and its folder writable for you (chmod u+rw), or set POISED_HOME to a folder you own",
        ),
        K::ReadOnlyFilesystem => (
            "the disk is read-only",
            "make it writable, or set POISED_HOME to a folder on a writable disk",
        ),
        K::StorageFull | K::QuotaExceeded => ("the disk is full", "free some space and try again"),
        K::IsADirectory => (
            "it is a folder, not a file",
            "move or rename that folder so poised can keep its journal there",
        ),
        K::NotADirectory => (
            "part of that path is a file, not a folder",
            "move that file away, or set POISED_HOME to another folder",
        ),
        _ => return (error.to_string(), "check the path and try again"),
    };
    (reason.to_string(), advice)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(kind: io::ErrorKind, step: AppendStep) -> String {
        let failure = Failure {
            step,
            source: kind.into(),
            rolled_back: true,
        };
        AppendError::new(
            Path::new("/home/u/poised/journal.toml"),
            failure,
            String::new(),
        )
        .to_string()
    }

    #[test]
    fn a_read_only_disk_is_named_with_what_to_do() {
        assert_eq!(
            message(io::ErrorKind::ReadOnlyFilesystem, AppendStep::Open),
            "could not save to the journal /home/u/poised/journal.toml: the disk is read-only; \
             make it writable, or set POISED_HOME to a folder on a writable disk"
        );
    }

    #[test]
    fn a_missing_permission_is_named_with_what_to_do() {
        let text = message(io::ErrorKind::PermissionDenied, AppendStep::Open);
        assert!(
            text.contains("journal.toml: permission denied; make it"),
            "{text}"
        );
    }

    #[test]
    fn a_folder_that_cannot_be_created_is_named() {
        let text = message(io::ErrorKind::PermissionDenied, AppendStep::Folder);
        assert!(
            text.starts_with("could not create the journal's folder /home/u/poised: permission"),
            "{text}"
        );
    }

    #[test]
    fn a_full_disk_is_named() {
        assert!(
            message(io::ErrorKind::StorageFull, AppendStep::Write)
                .contains(": the disk is full; free")
        );
    }
}
