//! Reading a journal's bytes with recovery: every intact record counts, every damaged one is
//! skipped with one [`Warning`] naming the file and line.
//!
//! [`parse_from`] reads bytes that start at a known [`Position`] of the file, so a caller that
//! remembers where it stopped can read only what was appended since.

use std::fmt;
use std::path::{Path, PathBuf};

use super::decode::{self, Content, Damage, Loose};
use super::raw::Reader;
use super::record::Record;
use super::split::{Chunk, chunks};
use super::void::{Keyed, VoidRecord};

/// A place in the journal file: a byte offset and the 1-based line that starts there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Position {
    pub offset: u64,
    pub line: u64,
}

impl Position {
    /// The beginning of the file.
    pub const START: Self = Self { offset: 0, line: 1 };
}

impl Default for Position {
    fn default() -> Self {
        Self::START
    }
}

/// What reading found: the records in file order, a warning per damaged part, and where the
/// bytes ended (the position to resume from once more records are appended).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    pub records: Vec<Record>,
    /// Each record's `id` (format 2), in the order of `records`; `None` for older records.
    pub ids: Vec<Option<String>>,
    /// Where each record's date is (`started`, `at` or `date`), in the order of `records`.
    pub dates: Vec<Spot>,
    /// The records taken back by `[[void]]` records, in file order.
    pub voids: Vec<VoidRecord>,
    pub warnings: Vec<Warning>,
    pub end: Position,
}

/// A 1-based line and column in a journal file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub line: u64,
    pub column: u64,
}

/// A part of the journal that was skipped, so the person can find and fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    /// 1-based line of the problem.
    pub line: u64,
    /// 1-based column, when the problem has a precise place.
    pub column: Option<u64>,
    /// The whole sentence, without the place.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}", self.path.display(), self.line)?;
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Reads a whole journal file's bytes.
#[must_use]
pub fn parse(path: &Path, bytes: &[u8]) -> Parsed {
    parse_from(path, bytes, Position::START)
}

/// Reads `bytes`, which are the file's bytes from `from` onwards. `path` only names the file
/// in warnings. Reading from the end of an earlier [`Parsed`] gives exactly the records
/// appended since.
#[must_use]
pub fn parse_from(path: &Path, bytes: &[u8], from: Position) -> Parsed {
    let (chunks, line_breaks) = chunks(bytes);
    let mut parsed = Parsed {
        records: Vec::with_capacity(chunks.len()),
        ids: Vec::with_capacity(chunks.len()),
        dates: Vec::with_capacity(chunks.len()),
        voids: Vec::new(),
        warnings: Vec::new(),
        end: Position {
            offset: from.offset + bytes.len() as u64,
            line: from.line + line_breaks,
        },
    };
    let mut reader = Reader::default();
    for chunk in chunks {
        let place = Place { path, chunk, from };
        match decode::read(&mut reader, chunk.bytes) {
            Ok(Content::Record(record, id, dated)) => {
                parsed.records.push(*record);
                parsed.ids.push(id);
                parsed.dates.push(place.spot(dated));
            }
            Ok(Content::Void(void)) => parsed.voids.push(void),
            Ok(Content::Loose(loose)) => parsed.warnings.extend(place.loose(loose)),
            Ok(Content::Nothing) => {}
            Err(damage) => parsed.warnings.push(place.damaged(damage)),
        }
    }
    parsed
}

impl Parsed {
    /// The records with their keys and the voids, leaving the warnings and the end.
    #[must_use]
    pub fn into_keyed(self) -> (Keyed, Vec<Warning>) {
        let keyed = Keyed::new(self.records, &self.ids, self.voids);
        (keyed, self.warnings)
    }
}

/// The voids among `bytes` (whole records of a journal), found without reading the other
/// records: what a reader must know before it counts any record. Damaged ones are left out,
/// quietly: reading the records names them.
#[must_use]
pub fn voids_in(bytes: &[u8]) -> Vec<VoidRecord> {
    let mut reader = Reader::default();
    chunks(bytes)
        .0
        .into_iter()
        .filter(|chunk| {
            let header = chunk.bytes.trim_ascii_start().split(|b| *b == b'\n').next();
            header.is_some_and(|h| h.starts_with(b"[") && h.windows(4).any(|w| w == b"void"))
        })
        .filter_map(|chunk| match decode::read(&mut reader, chunk.bytes) {
            Ok(Content::Void(void)) => Some(void),
            _ => None,
        })
        .collect()
}

/// A chunk with what is needed to name places in it.
struct Place<'a> {
    path: &'a Path,
    chunk: Chunk<'a>,
    from: Position,
}

impl Place<'_> {
    /// Keys outside any record belong at the top of the file (`format = 1`); anywhere else
    /// they are a mistake worth naming. A `format` this version does not read is named too.
    fn loose(&self, loose: Loose) -> Option<Warning> {
        if let Some((at, message)) = loose.format_notice {
            return Some(self.warning(Some(at), message));
        }
        let stray = loose.keys > 0 && self.from.offset + self.chunk.offset as u64 > 0;
        stray.then(|| {
            self.damaged(Damage {
                at: None,
                message: "these keys are outside any record".into(),
            })
        })
    }

    fn damaged(&self, damage: Damage) -> Warning {
        let (first, last) = self.lines();
        let is_record = self.chunk.bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
        let (what, then) = if is_record {
            ("the damaged record on lines", " to count the record again")
        } else {
            ("lines", "")
        };
        let message = format!(
            "skipped {what} {first}-{last}: {}. The file is unchanged; fix or delete those \
             lines{then}",
            damage.message
        );
        self.warning(damage.at, message)
    }

    /// A byte offset in the chunk as a line and column of the file.
    fn spot(&self, at: usize) -> Spot {
        let (line, column) = line_and_column(self.chunk.bytes, at);
        Spot {
            line: self.line_of(line),
            column,
        }
    }

    fn warning(&self, at: Option<usize>, message: String) -> Warning {
        let (line, column) = match at {
            Some(at) => {
                let (line, column) = line_and_column(self.chunk.bytes, at);
                (line, Some(column))
            }
            None => (self.first_content_line(), None),
        };
        Warning {
            path: self.path.to_path_buf(),
            line: self.line_of(line),
            column,
            message,
        }
    }

    /// First and last lines of the chunk that hold anything but blanks, in the file.
    fn lines(&self) -> (u64, u64) {
        let text = self.chunk.bytes;
        let end = text
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
        (
            self.line_of(self.first_content_line()),
            self.line_of(line_and_column(text, end).0),
        )
    }

    fn first_content_line(&self) -> u64 {
        let text = self.chunk.bytes;
        let start = text
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
        line_and_column(text, start).0
    }

    /// A 0-based line inside the chunk as a 1-based line of the file.
    fn line_of(&self, line_in_chunk: u64) -> u64 {
        self.from.line + self.chunk.lines_before + line_in_chunk
    }
}

/// The 0-based line and 1-based column (in characters) of a byte offset. Every record's
/// date comes through here, so the line breaks are found with `memchr`.
fn line_and_column(text: &[u8], at: usize) -> (u64, u64) {
    let before = &text[..at.min(text.len())];
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let line = memchr::memchr_iter(b'\n', before).count() as u64;
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count() as u64
        + 1;
    (line, column)
}
