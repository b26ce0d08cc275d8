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

use crate::journal::parse::Position;
use crate::progress::days::{DayTally, History};

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
        let _ = writeln!(out, "warning {}", escape(warning));
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
            header.warnings.push(unescape(warning)?);
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

/// Keeps a warning on one line: `\` and line breaks written as `\\` and `\n`.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\n', "\\n")
}

fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            '\\' => out.push('\\'),
            _ => return None,
        }
    }
    Some(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_and_tallies_read_back_exactly() {
        let header = Header {
            covered: Position {
                offset: 4242,
                line: 99,
            },
            fingerprint: 0x0123_4567_89ab_cdef,
            day_start: NaiveTime::from_hms_opt(5, 30, 0).unwrap(),
            window: NaiveDate::from_ymd_opt(2026, 9, 27).unwrap(),
            warnings: vec!["journal.toml line 3: two\nlines with a \\ backslash".into()],
        };
        let mut history = History::default();
        let tally = DayTally {
            full: 2,
            short: 1,
            partial: 3,
            rest: true,
            checkin_sum: 9,
            checkin_count: 2,
        };
        history.days.insert(header.window, tally);
        history.days.insert(
            NaiveDate::from_ymd_opt(2016, 1, 1).unwrap(),
            DayTally::default(),
        );
        let mut text = encode(&header, &history);
        text.push_str("[[rest]]\ndate = 2026-11-21\n");
        let (back, back_history, records) = decode(text.as_bytes()).unwrap();
        assert_eq!((back, back_history), (header, history));
        assert_eq!(records, b"[[rest]]\ndate = 2026-11-21\n");
    }

    #[test]
    fn anything_unexpected_is_rejected() {
        let good = "poised progress cache 1\njournal 1 1 ff\nday_start 03:00\nwindow 2026-01-01\nrecords\n";
        assert!(decode(good.as_bytes()).is_some());
        for bad in [
            good.replace("cache 1", "cache 2"),
            good.replace("records\n", ""),
            good.replace("window", "day 2026-01-01 1 0 0 2 0 0\nwindow"),
            good.replace("records", "day 2026-01-01 1 0 0 2 0 0\nrecords"),
            good.replace("records", "day 2026-01-01 1 0 0 1 0 0 7\nrecords"),
            good.replace("records", "warning bad \\x escape\nrecords"),
            good.replace("03:00", "3am"),
        ] {
            assert!(decode(bad.as_bytes()).is_none(), "{bad}");
        }
    }
}
