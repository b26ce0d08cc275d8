//! The cache file's text: a few header lines, one line per day of history, then the recent
//! records exactly as the journal writes them.
//!
//! ```text
//! poised progress cache 1
//! journal 3842113 18251 9f3c2a7d1e0b4c55    bytes covered, lines covered, fingerprint
//! day_start 03:00
//! window 2026-09-27                          records dated from here on follow below
//! warning journal.toml line 12: ...          zero or more, as the journal reader said them
//! day 2026-11-21 2 1 0 0 4 1                 full short partial rest checkin_sum checkin_count
//! records
//! [[session]]
//! ...
//! ```
//! Anything that does not read back exactly makes the whole cache invalid, and it is rebuilt.

use std::fmt::Write as _;

use chrono::{NaiveDate, NaiveTime};

use crate::journal::days::{DayTally, History};
use crate::journal::parse::Position;

const MAGIC: &str = "poised progress cache 1";
const RECORDS: &str = "records\n";

/// Everything the cache remembers, except the recent records' text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// How far into the journal the summary goes.
    pub covered: Position,
    /// The fingerprint of the covered bytes.
    pub fingerprint: u64,
    pub day_start: NaiveTime,
    /// Every record dated on or after this day is among the recent records.
    pub window: NaiveDate,
    /// The journal reader's warnings for the covered part, shown again on each load.
    pub warnings: Vec<String>,
}

/// Writes the header and the day tallies; the caller appends the records' TOML after.
pub fn encode(header: &Header, history: &History) -> String {
    let mut out = String::with_capacity(32 * (history.days.len() + 8));
    let _ = writeln!(out, "{MAGIC}");
    let _ = writeln!(
        out,
        "journal {} {} {:016x}",
        header.covered.offset, header.covered.line, header.fingerprint
    );
    let _ = writeln!(out, "day_start {}", header.day_start.format("%H:%M"));
    let _ = writeln!(out, "window {}", header.window);
    for warning in &header.warnings {
        let _ = writeln!(out, "warning {}", warning.replace('\n', " "));
    }
    for (date, t) in &history.days {
        let _ = writeln!(
            out,
            "day {date} {} {} {} {} {} {}",
            t.full,
            t.short,
            t.partial,
            u8::from(t.rest),
            t.checkin_sum,
            t.checkin_count
        );
    }
    out.push_str(RECORDS);
    out
}

/// Reads a cache's text back: the header, the tallies, and the records' bytes still to parse.
pub fn decode(text: &[u8]) -> Option<(Header, History, &[u8])> {
    let split = find(text, RECORDS.as_bytes())?;
    let head = std::str::from_utf8(&text[..split]).ok()?;
    let records = &text[split + RECORDS.len()..];
    let mut lines = head.lines();
    (lines.next()? == MAGIC).then_some(())?;
    let mut journal = lines.next()?.strip_prefix("journal ")?.split(' ');
    let offset = journal.next()?.parse().ok()?;
    let line = journal.next()?.parse().ok()?;
    let fingerprint = u64::from_str_radix(journal.next()?, 16).ok()?;
    let day_start =
        NaiveTime::parse_from_str(lines.next()?.strip_prefix("day_start ")?, "%H:%M").ok()?;
    let window = lines.next()?.strip_prefix("window ")?.parse().ok()?;
    let mut header = Header {
        covered: Position { offset, line },
        fingerprint,
        day_start,
        window,
        warnings: Vec::new(),
    };
    let mut history = History::default();
    for line in lines {
        if let Some(warning) = line.strip_prefix("warning ") {
            header.warnings.push(warning.to_string());
        } else {
            let (date, tally) = day(line.strip_prefix("day ")?)?;
            history.days.insert(date, tally);
        }
    }
    Some((header, history, records))
}

fn day(text: &str) -> Option<(NaiveDate, DayTally)> {
    let mut fields = text.split(' ');
    let date = fields.next()?.parse().ok()?;
    let mut number = || fields.next()?.parse::<u32>().ok();
    let tally = DayTally {
        full: u16::try_from(number()?).ok()?,
        short: u16::try_from(number()?).ok()?,
        partial: u16::try_from(number()?).ok()?,
        rest: match number()? {
            0 => false,
            1 => true,
            _ => return None,
        },
        checkin_sum: number()?,
        checkin_count: u16::try_from(number()?).ok()?,
    };
    fields.next().is_none().then_some((date, tally))
}

/// Where the records part starts: the first line that is exactly `records`.
fn find(text: &[u8], line: &[u8]) -> Option<usize> {
    let mut start = 0;
    while start < text.len() {
        if text[start..].starts_with(line) {
            return Some(start);
        }
        start += text[start..].iter().position(|b| *b == b'\n')? + 1;
    }
    None
}
