//! The cache file's text: a few header lines, the ledger of the days long past, one line per
//! day of the last two years, then the recent records exactly as the journal writes them.
//!
//! ```text
//! poised progress cache 5 5d0c9e1f3a7b2c44     a checksum of everything after this line
//! journal 3842113 18251 9f3c2a7d1e0b4c55       bytes covered, lines covered, running hash
//! file 2049 1311 3842577 1764300000 120 0      device, inode, size, mtime (s, ns), racy
//! end 77aa01c3b9d2e460                         hash of the last 4 KiB before `covered`
//! day_start 03:00
//! window 2026-09-27                            records dated from here on follow below
//! skips 0000000000000000                       the records taken back that the tallies leave out
//! since 2024-11-17                             days from here on follow one by one ("-": all)
//! kept 2024-11-16 ritual 12 40 3fe4cc...       the folded days: last kept day, what it was,
//!                                              its run, the best run, the consistency value
//! played 2024-11-16                            the last day played before `since` ("-": none)
//! honoured 2024-11-12 2024-11-14               the rest days honoured in its last week
//! morning 9 2                                  the latest mornings before `since`: sum count
//! warning journal.toml line 12: ...            zero or more, as the journal reader said them
//! void 3f9c2a7d1e0b4c55                        zero or more: records this file takes back
//! day 2026-11-21 2 1 0 0 4 1                   full short partial rest checkin_sum checkin_count
//! routine morning                              every routine a session was recorded of
//! records
//! [[session]]
//! ...
//! ```
//! Anything that does not read back exactly, or whose checksum does not match, makes the whole
//! cache invalid, and it is rebuilt.

use std::fmt::Write as _;

use chrono::{NaiveDate, NaiveTime};

use super::doubt::Doubt;
use super::fingerprint::fingerprint;
use super::past;
use crate::journal::parse::Position;
use crate::journal::void::is_key;
use crate::progress::days::{DayTally, History};

const MAGIC: &str = "poised progress cache 5 ";
const RECORDS: &str = "records\n";

/// What the journal file was when the cache was written: what cannot change silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    pub device: u64,
    pub inode: u64,
    pub size: u64,
    /// Modification time: seconds and nanoseconds since 1970.
    pub modified: (i64, u32),
    /// The file was modified too shortly before the cache was written for the time to tell
    /// a later edit at the same size apart: check it whole next time.
    pub racy: bool,
}

/// Everything the cache remembers, except the recent records' text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// How far into the journal the summary goes.
    pub covered: Position,
    /// The running fingerprint state of the covered bytes.
    pub state: u64,
    pub stamp: Stamp,
    /// The fingerprint of the last bytes before `covered` (at most [`super::store::END`]).
    pub end: u64,
    pub day_start: NaiveTime,
    /// Every record dated on or after this day is among the recent records.
    pub window: NaiveDate,
    /// Which records taken back the tallies leave out (see `Summary::skips`).
    pub skips: u64,
    /// The journal reader's warnings for the covered part, shown again on each load.
    pub warnings: Vec<String>,
    /// The keys of the records the covered part takes back.
    pub voids: Vec<String>,
}

/// The whole cache: the header, the day tallies and the records' text, with its checksum.
pub fn encode(header: &Header, history: &History, records: &str) -> String {
    let mut out = String::with_capacity(32 * (history.days.len() + 8) + records.len());
    let h = header;
    let s = &h.stamp;
    let _ = writeln!(
        out,
        "journal {} {} {:016x}",
        h.covered.offset, h.covered.line, h.state
    );
    let _ = writeln!(
        out,
        "file {} {} {} {} {} {}",
        s.device,
        s.inode,
        s.size,
        s.modified.0,
        s.modified.1,
        u8::from(s.racy)
    );
    let _ = writeln!(out, "end {:016x}", h.end);
    let _ = writeln!(out, "day_start {}", h.day_start.format("%H:%M"));
    let _ = writeln!(out, "window {}", h.window);
    let _ = writeln!(out, "skips {:016x}", h.skips);
    past::write(&mut out, history);
    for warning in &h.warnings {
        let _ = writeln!(out, "warning {}", escape(warning));
    }
    for key in &h.voids {
        let _ = writeln!(out, "void {key}");
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
    for routine in &history.routines {
        let _ = writeln!(out, "routine {}", escape(routine));
    }
    out.push_str(RECORDS);
    out.push_str(records);
    format!("{MAGIC}{:016x}\n{out}", fingerprint(out.as_bytes()))
}

/// Reads a cache's text back: the header, the tallies, and the records' bytes still to parse.
pub fn decode(text: &[u8]) -> Result<(Header, History, &[u8]), Doubt> {
    let first = text.iter().position(|b| *b == b'\n').unwrap_or(text.len());
    let Some(checksum) = text[..first].strip_prefix(MAGIC.as_bytes()) else {
        let older = text.starts_with(&MAGIC.as_bytes()[..MAGIC.len() - 2]);
        return Err(if older {
            Doubt::OtherVersion
        } else {
            Doubt::Malformed
        });
    };
    let body = text.get(first + 1..).unwrap_or_default();
    let checksum = std::str::from_utf8(checksum).ok();
    if checksum.and_then(|c| u64::from_str_radix(c, 16).ok()) != Some(fingerprint(body)) {
        return Err(Doubt::Checksum);
    }
    decode_body(body).ok_or(Doubt::Malformed)
}

fn decode_body(body: &[u8]) -> Option<(Header, History, &[u8])> {
    let split = find(body, RECORDS.as_bytes())?;
    let head = std::str::from_utf8(&body[..split]).ok()?;
    let records = &body[split + RECORDS.len()..];
    let mut lines = head.lines();
    let mut journal = lines.next()?.strip_prefix("journal ")?.split(' ');
    let covered = Position {
        offset: journal.next()?.parse().ok()?,
        line: journal.next()?.parse().ok()?,
    };
    let state = u64::from_str_radix(journal.next()?, 16).ok()?;
    let stamp = stamp(lines.next()?.strip_prefix("file ")?)?;
    let end = u64::from_str_radix(lines.next()?.strip_prefix("end ")?, 16).ok()?;
    let day_start =
        NaiveTime::parse_from_str(lines.next()?.strip_prefix("day_start ")?, "%H:%M").ok()?;
    let window = lines.next()?.strip_prefix("window ")?.parse().ok()?;
    let skips = u64::from_str_radix(lines.next()?.strip_prefix("skips ")?, 16).ok()?;
    let mut header = Header {
        covered,
        state,
        stamp,
        end,
        day_start,
        window,
        skips,
        warnings: Vec::new(),
        voids: Vec::new(),
    };
    let mut history = past::read(&mut lines)?;
    for line in lines {
        if let Some(warning) = line.strip_prefix("warning ") {
            header.warnings.push(unescape(warning)?);
        } else if let Some(routine) = line.strip_prefix("routine ") {
            history.routines.insert(unescape(routine)?);
        } else if let Some(key) = line.strip_prefix("void ") {
            is_key(key).then_some(())?;
            header.voids.push(key.to_string());
        } else if let Some(morning) = line.strip_prefix("morning ") {
            let (sum, count) = morning.split_once(' ')?;
            history
                .past
                .mornings
                .push((sum.parse().ok()?, count.parse().ok()?));
        } else {
            let (date, tally) = day(line.strip_prefix("day ")?)?;
            history.days.insert(date, tally);
        }
    }
    Some((header, history, records))
}

fn stamp(text: &str) -> Option<Stamp> {
    let mut fields = text.split(' ');
    let mut next = || fields.next();
    let stamp = Stamp {
        device: next()?.parse().ok()?,
        inode: next()?.parse().ok()?,
        size: next()?.parse().ok()?,
        modified: (next()?.parse().ok()?, next()?.parse().ok()?),
        racy: match next()? {
            "0" => false,
            "1" => true,
            _ => return None,
        },
    };
    next().is_none().then_some(stamp)
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
    use crate::progress::ledger::Ledger;
    use crate::progress::streak::Kept;

    fn header() -> Header {
        Header {
            covered: Position {
                offset: 4242,
                line: 99,
            },
            state: 0x0123_4567_89ab_cdef,
            stamp: Stamp {
                device: 2049,
                inode: 77,
                size: 5000,
                modified: (1_764_300_000, 999_999_999),
                racy: true,
            },
            end: 0xfeed,
            day_start: NaiveTime::from_hms_opt(5, 30, 0).unwrap(),
            window: NaiveDate::from_ymd_opt(2026, 9, 27).unwrap(),
            skips: 0x77,
            warnings: vec!["journal.toml line 3: two\nlines with a \\ backslash".into()],
            voids: vec!["0123456789abcdef".into(), "content-0123456789abcdef".into()],
        }
    }

    #[test]
    fn a_header_and_tallies_read_back_exactly() {
        let header = header();
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
        let day = |d| NaiveDate::from_ymd_opt(2015, 12, d).unwrap();
        history.since = Some(day(31));
        history.past = Ledger {
            last_kept: Some((day(30), Kept::Rest)),
            run: 3,
            best: 40,
            honoured: vec![day(27), day(30)],
            score: 0.123_456_789,
            last_played: Some(day(29)),
            mornings: vec![(9, 2), (4, 1)],
        };
        history
            .routines
            .extend(["morning".into(), "my \\ odd\nid".into()]);
        let text = encode(&header, &history, "[[rest]]\ndate = 2026-11-21\n");
        let (back, back_history, records) = decode(text.as_bytes()).unwrap();
        assert_eq!((back, back_history), (header, history));
        assert_eq!(records, b"[[rest]]\ndate = 2026-11-21\n");
    }

    #[test]
    fn any_edit_or_anything_unexpected_is_rejected() {
        let good = encode(&header(), &History::default(), "");
        assert!(decode(good.as_bytes()).is_ok());
        let body = &good[good.find('\n').unwrap() + 1..];
        let resealed =
            |body: String| format!("{MAGIC}{:016x}\n{body}", fingerprint(body.as_bytes()));
        for bad in [
            good.replace("cache 5", "cache 4"),
            resealed(body.replace("void 0123456789abcdef", "void 0123")),
            good.replace("5000", "5001"),
            resealed(body.replace("records\n", "")),
            resealed(body.replace("window", "day 2026-01-01 1 0 0 2 0 0\nwindow")),
            resealed(body.replace("records", "day 2026-01-01 1 0 0 1 0 0 7\nrecords")),
            resealed(body.replace("records", "warning bad \\x escape\nrecords")),
            resealed(body.replace("records", "routine bad \\x escape\nrecords")),
            resealed(body.replace("05:30", "3am")),
            resealed(body.replace(" 1\nend", " 2\nend")),
            resealed(body.replace("kept - -", "kept - ritual")),
            resealed(body.replace("honoured", "honouredx")),
            resealed(body.replace("records", "morning 3\nrecords")),
            resealed(body.replace("since -", "since 2026-13-01")),
        ] {
            assert!(decode(bad.as_bytes()).is_err(), "{bad}");
        }
    }
}
