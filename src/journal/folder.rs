//! A journal kept as a folder that a file sync tool carries between machines.
//!
//! Sync tools never merge the contents of a file, so each machine appends only to its own
//! `journal-<device>.toml`. Reading takes the union of every machine's file, the conflict
//! copies that sync tools make and an old single `journal.toml`, counting a record once
//! however many files hold it.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use super::error::ReadError;
use super::parse::{Parsed, Spot, Warning};
use super::record::Record;
use super::store::Journal;
use super::void::{Keyed, TakenBack, VoidRecord};

/// The name of an old single journal, read too when it sits in the folder.
pub const SINGLE_FILE: &str = "journal.toml";

/// What a file in the journal folder is to this machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    /// This machine's file: the only one poised appends to.
    Own,
    /// Another machine's file, read and never written.
    Machine,
    /// A journal from before the folder, `journal.toml`.
    Single,
    /// A copy a sync tool made when two versions of one file met.
    ConflictCopy,
}

/// One file of the journal folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalFile {
    pub path: PathBuf,
    pub kind: FileKind,
}

/// The file name a machine appends to.
#[must_use]
pub fn own_file_name(device: &str) -> String {
    format!("journal-{device}.toml")
}

/// What a file name in the journal folder is, or `None` for a file poised does not read
/// (hidden files and the sync tools' temporary files among them).
#[must_use]
#[allow(
    clippy::case_sensitive_file_extension_comparisons,
    reason = "poised writes these names itself, in lower case, and the sync tools keep them"
)]
pub fn classify(name: &str, own: &str) -> Option<FileKind> {
    if name.starts_with('.') || !name.starts_with("journal") {
        return None;
    }
    if is_conflict_copy(name) {
        return Some(FileKind::ConflictCopy);
    }
    if name == own {
        Some(FileKind::Own)
    } else if name == SINGLE_FILE {
        Some(FileKind::Single)
    } else if name.starts_with("journal-") && name.ends_with(".toml") {
        Some(FileKind::Machine)
    } else {
        None
    }
}

/// Syncthing's `name.sync-conflict-DATE-TIME-ID.toml`, Dropbox's and Nextcloud's
/// `name (… conflicted copy …).toml`, and the `.orig` that merge tools leave.
#[allow(
    clippy::case_sensitive_file_extension_comparisons,
    reason = "poised writes these names itself, in lower case, and the sync tools keep them"
)]
fn is_conflict_copy(name: &str) -> bool {
    name.contains(".sync-conflict-")
        || (name.contains("conflicted copy") && name.ends_with(".toml"))
        || name.ends_with(".toml.orig")
}

/// Every journal file in `dir`, this machine's first, then the others by name. A folder
/// that does not exist yet holds none.
pub fn journal_files(dir: &Path, own: &str) -> io::Result<Vec<JournalFile>> {
    let entries = match std::fs::read_dir(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        entries => entries?,
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let Some(kind) = name.to_str().and_then(|name| classify(name, own)) else {
            continue;
        };
        if entry.file_type()?.is_file() {
            files.push(JournalFile {
                path: entry.path(),
                kind,
            });
        }
    }
    files.sort_by(|a, b| (a.kind, &a.path).cmp(&(b.kind, &b.path)));
    Ok(files)
}

/// The records of several files taken together: each record once (known by its key, see
/// [`super::void::record_key`]: its id, or the content of a record written before ids), in
/// time order, and the voids of every file.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Union {
    records: Vec<Record>,
    keys: Vec<String>,
    /// Each record's file (its index among those added) and where its date is there.
    spots: Vec<(usize, Spot)>,
    /// How many files were added.
    files: usize,
    voids: Vec<VoidRecord>,
    warnings: Vec<Warning>,
    seen: HashSet<String>,
    /// The keys of this machine's own file, in the order they were appended.
    own: Vec<String>,
}

impl Union {
    /// Adds one file's records, leaving out those already taken from another file; `own`:
    /// the file is this machine's.
    pub fn add(&mut self, mut parsed: Parsed, own: bool) {
        let file = self.files;
        self.files += 1;
        let dates = std::mem::take(&mut parsed.dates);
        let (keyed, warnings) = parsed.into_keyed();
        if own {
            self.own.extend(keyed.keys.iter().cloned());
        }
        let records = keyed.records.into_iter().zip(keyed.keys).zip(dates);
        for ((record, key), spot) in records {
            if self.seen.insert(key.clone()) {
                self.records.push(record);
                self.keys.push(key);
                self.spots.push((file, spot));
            }
        }
        self.voids.extend(keyed.voids);
        self.warnings.extend(warnings);
    }

    /// Every record with its key, in the order they happened (records of one moment keep file
    /// order), and the voids.
    #[must_use]
    pub fn into_keyed(mut self) -> (Keyed, Vec<Warning>) {
        let (records, keys) = self.in_time_order().map(|(r, k, _)| (r, k)).unzip();
        let keyed = Keyed {
            records,
            keys,
            voids: self.voids,
            own: self.own,
        };
        (keyed, self.warnings)
    }

    /// The records that count (all but those taken back), in the order they happened, each
    /// with its file (an index into the files as added) and where its date is there.
    #[must_use]
    pub fn into_placed(mut self) -> (Vec<(Record, usize, Spot)>, Vec<Warning>) {
        let taken = TakenBack::of(self.voids.iter().map(|v| v.record.as_str()));
        let counted = self
            .in_time_order()
            .filter(|(_, key, _)| !taken.contains_key(key))
            .map(|(record, _, (file, spot))| (record, file, spot))
            .collect();
        (counted, self.warnings)
    }

    /// The records that count (all but those taken back), in the order they happened.
    #[must_use]
    pub fn into_records(self) -> (Vec<Record>, Vec<Warning>) {
        let (placed, warnings) = self.into_placed();
        (
            placed.into_iter().map(|(record, ..)| record).collect(),
            warnings,
        )
    }

    /// Takes the records out with their keys and places, in the order they happened.
    fn in_time_order(&mut self) -> impl Iterator<Item = (Record, String, (usize, Spot))> {
        let records = std::mem::take(&mut self.records).into_iter();
        let keys = std::mem::take(&mut self.keys);
        let spots = std::mem::take(&mut self.spots);
        let mut placed: Vec<_> = records
            .zip(keys)
            .zip(spots)
            .map(|((record, key), spot)| (record, key, spot))
            .collect();
        placed.sort_by_key(|(record, _, _)| record.moment());
        placed.into_iter()
    }
}

/// Reads every file and takes their union. A file that disappears between listing and
/// reading (a sync tool replacing it) is read as empty; any other failure is an error.
pub fn read_union(files: &[JournalFile]) -> Result<Union, ReadError> {
    let mut union = Union::default();
    for file in files {
        union.add(Journal::new(&file.path).read()?, file.kind == FileKind::Own);
    }
    Ok(union)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: &str = "journal-laptop-3f2a.toml";

    #[test]
    fn names_are_sorted_into_what_they_are() {
        let cases = [
            (OWN, Some(FileKind::Own)),
            ("journal-desk-91c0.toml", Some(FileKind::Machine)),
            ("journal.toml", Some(FileKind::Single)),
            (
                "journal-desk-91c0.sync-conflict-20261130-081500-ABCDEF1.toml",
                Some(FileKind::ConflictCopy),
            ),
            (
                "journal-desk-91c0 (Sam's conflicted copy 2026-11-30).toml",
                Some(FileKind::ConflictCopy),
            ),
            (
                "journal-desk-91c0 (conflicted copy 2026-11-30 081500).toml",
                Some(FileKind::ConflictCopy),
            ),
            ("journal-desk-91c0.toml.orig", Some(FileKind::ConflictCopy)),
            (".syncthing.journal-desk-91c0.toml.tmp", None),
            ("journal.cache", None),
            ("notes.toml", None),
            ("journal-desk-91c0.toml~", None),
        ];
        for (name, kind) in cases {
            assert_eq!(classify(name, OWN), kind, "{name}");
        }
    }
}
