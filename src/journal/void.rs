//! Taking a record back without rewriting the journal: `poised undo` appends a small
//! `[[void]]` record that names the record it takes back, and every reader leaves that record
//! out. The journal stays append-only; a void never touches the record it names, which may
//! even be in another machine's file.
//!
//! A record is named by its key: its `id` (format 2), or for a record written before ids,
//! `content-` and a hash of its text as poised writes it, the identity that already tells
//! copies of one record apart from two records in a journal folder.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset};

use super::encode::record_toml;
use super::record::Record;

/// The start of the key of a record written before ids.
const CONTENT: &str = "content-";

/// `[[void]]`: the record named `record` is taken back, since `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoidRecord {
    /// When it was taken back.
    pub at: DateTime<FixedOffset>,
    /// The key of the record taken back ([`record_key`]).
    pub record: String,
}

/// The key that names a record: its `id`, or for a record without one, a hash of its text.
#[must_use]
pub fn record_key(record: &Record, id: Option<&str>) -> String {
    id.map_or_else(|| content_key(record), str::to_string)
}

fn content_key(record: &Record) -> String {
    format!("{CONTENT}{:016x}", fnv1a(record_toml(record).as_bytes()))
}

/// Whether `key` is one poised writes: 16 hex digits (an id), or `content-` and 16 more.
#[must_use]
pub fn is_key(key: &str) -> bool {
    let hex = key.strip_prefix(CONTENT).unwrap_or(key);
    hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

/// FNV-1a, 64 bits: a stable hash of a record's text (not a guard against attacks).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A record as saved, with the key that names it (its id), so it can be taken back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub record: Record,
    pub key: String,
}

/// The records taken back: the keys the voids name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TakenBack {
    keys: HashSet<String>,
    /// Some key names a record without an id, so such records need their hash worked out.
    by_content: bool,
}

impl TakenBack {
    /// The records these voids take back.
    pub fn of<'a>(keys: impl IntoIterator<Item = &'a str>) -> Self {
        let keys: HashSet<String> = keys.into_iter().map(str::to_string).collect();
        let by_content = keys.iter().any(|k| k.starts_with(CONTENT));
        Self { keys, by_content }
    }

    /// Whether the record with this `id` (or none) was taken back.
    #[must_use]
    pub fn contains(&self, record: &Record, id: Option<&str>) -> bool {
        match id {
            _ if self.keys.is_empty() => false,
            Some(id) => self.keys.contains(id),
            None => self.by_content && self.keys.contains(&content_key(record)),
        }
    }

    /// Whether a record of this key was taken back.
    #[must_use]
    pub fn contains_key(&self, key: &str) -> bool {
        self.keys.contains(key)
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The keys in order, so that two equal sets give the same text.
    #[must_use]
    pub fn sorted(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self.keys.iter().map(String::as_str).collect();
        keys.sort_unstable();
        keys
    }
}

/// Every record of a journal with its key, and the voids: what the readers that show or
/// take back single records need (`log`, `export`, `undo`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    pub records: Vec<Record>,
    /// Each record's key, in the order of `records`.
    pub keys: Vec<String>,
    pub voids: Vec<VoidRecord>,
    /// In a journal folder, the keys of this machine's own file in the order they were
    /// appended (the records are in time order there); empty for a single file.
    pub own: Vec<String>,
}

impl Ledger {
    /// The records with their ids (`None`: a record without one), and the voids.
    #[must_use]
    pub fn new(records: Vec<Record>, ids: &[Option<String>], voids: Vec<VoidRecord>) -> Self {
        let keys = records
            .iter()
            .enumerate()
            .map(|(i, r)| record_key(r, ids.get(i).and_then(Option::as_deref)))
            .collect();
        Self {
            records,
            keys,
            voids,
            own: Vec::new(),
        }
    }

    /// The records taken back.
    #[must_use]
    pub fn taken_back(&self) -> TakenBack {
        TakenBack::of(self.voids.iter().map(|v| v.record.as_str()))
    }

    /// Each record with whether it was taken back, in order.
    #[must_use]
    pub fn entries(&self) -> Vec<(&Record, bool)> {
        let taken = self.taken_back();
        let keys = self.keys.iter().map(|k| taken.contains_key(k));
        self.records.iter().zip(keys).collect()
    }

    /// The records that count: all but those taken back, in order.
    #[must_use]
    pub fn counted(self) -> Vec<Record> {
        let taken = self.taken_back();
        self.records
            .into_iter()
            .zip(&self.keys)
            .filter(|(_, key)| !taken.contains_key(key))
            .map(|(record, _)| record)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::RestRecord;

    fn rest(day: u32) -> Record {
        Record::Rest(RestRecord {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            reason: None,
        })
    }

    #[test]
    fn keys_are_ids_or_the_hash_of_the_text() {
        let key = record_key(&rest(1), None);
        assert!(key.starts_with("content-") && is_key(&key), "{key}");
        assert_ne!(key, record_key(&rest(2), None));
        assert_eq!(
            record_key(&rest(1), Some("0123456789abcdef")),
            "0123456789abcdef"
        );
        assert!(!is_key("0123") && !is_key("content-xyz") && !is_key("a b"));
    }

    #[test]
    fn a_void_reads_back_as_written_and_a_bad_one_is_named() {
        let void = VoidRecord {
            at: DateTime::parse_from_rfc3339("2026-11-30T08:00:00+01:00").unwrap(),
            record: "content-00000000000000aa".into(),
        };
        let text = format!(
            "{}\n{}",
            crate::journal::FORMAT_LINE,
            crate::journal::sealed_void(&void, "0123456789abcdef")
        );
        let parsed = crate::journal::parse(std::path::Path::new("j.toml"), text.as_bytes());
        assert_eq!((parsed.records.len(), parsed.voids), (0, vec![void]));
        assert!(parsed.warnings.is_empty());
        let bad = "[[void]]\nat = 2026-11-30T08:00:00+01:00\nrecord = \"yesterday\"\n";
        let parsed = crate::journal::parse(std::path::Path::new("j.toml"), bad.as_bytes());
        assert!(parsed.voids.is_empty());
        let warning = parsed.warnings[0].to_string();
        assert!(
            warning.contains("`record` must be the id of the record taken back"),
            "{warning}"
        );
        assert!(crate::journal::parse::voids_in(bad.as_bytes()).is_empty());
    }

    #[test]
    fn taken_back_records_are_left_out_by_id_or_by_content() {
        let ids = [Some("00000000000000aa".to_string()), None, None];
        let ledger = Ledger::new(
            vec![rest(1), rest(2), rest(3)],
            &ids,
            vec![
                VoidRecord {
                    at: DateTime::parse_from_rfc3339("2026-11-30T08:00:00+01:00").unwrap(),
                    record: "00000000000000aa".into(),
                },
                VoidRecord {
                    at: DateTime::parse_from_rfc3339("2026-11-30T08:01:00+01:00").unwrap(),
                    record: record_key(&rest(3), None),
                },
            ],
        );
        let flags: Vec<bool> = ledger.entries().iter().map(|(_, v)| *v).collect();
        assert_eq!(flags, [true, false, true]);
        assert_eq!(ledger.counted(), [rest(2)]);
    }
}
