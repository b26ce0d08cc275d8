//! An append lands whole or leaves no trace: a disk that fills after any number of bytes, and
//! a power cut that loses whatever was not synced, through the append's injected file.

use std::io;

use poised::journal::append::{Target, append};
use poised::journal::{parse, sealed_toml};

mod journal_support;
use journal_support::numbered_session;

/// A file in memory: what was written, how much of it is durable, and whether its name is.
#[derive(Default, Clone)]
struct Memory {
    bytes: Vec<u8>,
    synced: usize,
    name_synced: bool,
    /// The disk is full after this many more bytes.
    room: Option<usize>,
    /// Truncating fails too (a disk gone read-only).
    stuck: bool,
}

impl Target for Memory {
    fn size(&mut self) -> io::Result<u64> {
        Ok(self.bytes.len() as u64)
    }

    fn byte_at(&mut self, at: u64) -> io::Result<u8> {
        Ok(self.bytes[usize::try_from(at).unwrap()])
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        let fits = self.room.map_or(bytes.len(), |room| room.min(bytes.len()));
        self.bytes.extend_from_slice(&bytes[..fits]);
        if let Some(room) = &mut self.room {
            *room -= fits;
        }
        if fits < bytes.len() {
            return Err(io::ErrorKind::StorageFull.into());
        }
        Ok(())
    }

    fn sync(&mut self) -> io::Result<()> {
        self.synced = self.bytes.len();
        Ok(())
    }

    fn truncate(&mut self, len: u64) -> io::Result<()> {
        if self.stuck {
            return Err(io::ErrorKind::ReadOnlyFilesystem.into());
        }
        self.bytes.truncate(usize::try_from(len).unwrap());
        self.synced = self.synced.min(self.bytes.len());
        Ok(())
    }

    fn sync_folders(&mut self) {
        self.name_synced = true;
    }
}

impl Memory {
    /// What survives a power cut: nothing of a file whose name was never synced, else the
    /// synced bytes.
    fn after_power_cut(&self, created: bool) -> Vec<u8> {
        if created && !self.name_synced {
            return Vec::new();
        }
        self.bytes[..self.synced].to_vec()
    }
}

fn record(n: u64) -> String {
    sealed_toml(&numbered_session(n), &format!("{n:016x}"))
}

/// A journal of two records, all durable.
fn two_records() -> Memory {
    let mut file = Memory::default();
    append(&mut file, &record(0), true).unwrap();
    append(&mut file, &record(1), false).unwrap();
    file
}

#[test]
fn a_disk_that_fills_at_any_byte_leaves_the_journal_as_it_was() {
    let base = two_records();
    let text = record(2);
    for room in 0..=text.len() + 2 {
        let mut file = Memory {
            room: Some(room),
            ..base.clone()
        };
        let saved = append(&mut file, &text, false);
        // "Not saved" is said exactly when the journal is byte for byte as before.
        assert_eq!(saved.is_err(), file.bytes == base.bytes, "room for {room}");
        if let Err(failure) = saved {
            assert!(failure.rolled_back);
        }
        file.room = None;
        append(&mut file, &record(3), false).unwrap();
        let parsed = parse(std::path::Path::new("j"), &file.bytes);
        assert_eq!(parsed.warnings, [], "room for {room}");
        let expected = if room > text.len() { 4 } else { 3 };
        assert_eq!(parsed.records.len(), expected, "room for {room}");
    }
}

#[test]
fn when_even_the_rollback_fails_the_partial_record_is_named_and_skipped() {
    let base = two_records();
    let mut file = Memory {
        room: Some(100),
        stuck: true,
        ..base
    };
    let failure = append(&mut file, &record(2), false).unwrap_err();
    assert!(!failure.rolled_back);
    let parsed = parse(std::path::Path::new("j"), &file.bytes);
    assert_eq!(parsed.records.len(), 2);
    assert_eq!(parsed.warnings.len(), 1);
}

#[test]
fn an_acknowledged_append_survives_a_power_cut() {
    let mut file = Memory::default();
    append(&mut file, &record(0), true).unwrap();
    let durable = file.after_power_cut(true);
    assert_eq!(parse(std::path::Path::new("j"), &durable).records.len(), 1);
    append(&mut file, &record(1), false).unwrap();
    let durable = file.after_power_cut(true);
    assert_eq!(parse(std::path::Path::new("j"), &durable).records.len(), 2);
}
