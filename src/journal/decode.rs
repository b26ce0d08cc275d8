//! Decoding one chunk: TOML into the raw types of [`super::raw`] (serde, the `toml` crate),
//! then the record rules: which keys are required, their types and ranges. A chunk yields a
//! record, nothing, or one [`Damage`]. Unknown keys are ignored, so later versions can add
//! fields.

use toml::Value;

use super::encode::FORMAT;
use super::raw::{Entries, Keys, RawChunk, Reader};
use super::record::{
    CheckinRecord, DeskEvent, DeskRecord, Record, RestRecord, SessionRecord, WorkPlayed,
};
use super::rules::{Rules, date, datetime, marks, number, steps, stiffness, strings, text, wrong};
use super::seal;
use super::void::{VoidRecord, is_key};

/// The highest stiffness rating.
pub const STIFFNESS_MAX: u8 = 10;

/// What a chunk held.
#[derive(Debug, PartialEq)]
pub(super) enum Content {
    /// A record, its `id` (format 2), and the byte offset in the chunk of the value that
    /// dates it (`started`, `at` or `date`), to name its place in a warning about that date.
    Record(Box<Record>, Option<String>, usize),
    /// A record taken back (`[[void]]`).
    Void(VoidRecord),
    /// Keys outside any table: the `format = 1` line and whatever sits beside it.
    Loose(Loose),
    /// Blank lines, comments, or a table this version does not know.
    Nothing,
}

/// Keys outside any table: how many, and a notice when `format` is not one this version reads.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Loose {
    pub keys: usize,
    /// The byte offset of the `format` value and what to say about it.
    pub format_notice: Option<(usize, String)>,
}

/// Why a chunk was skipped: a message and, when known, the byte offset inside the chunk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Damage {
    pub at: Option<usize>,
    pub message: String,
}

/// Decodes one chunk of the journal; `reader` keeps its buffers for the next.
pub(super) fn read(reader: &mut Reader, bytes: &[u8]) -> Result<Content, Damage> {
    let text = std::str::from_utf8(bytes).map_err(|e| Damage {
        at: Some(e.valid_up_to()),
        message: "this is not UTF-8 text".to_string(),
    })?;
    let (name, entries) = match reader.read(text).map_err(syntax)? {
        RawChunk::Loose(keys) => return Ok(loose(&keys)),
        RawChunk::Table(name, entries) => (name, entries),
    };
    let Some(table) = TABLES.iter().copied().find(|t| *t == name) else {
        return Ok(Content::Nothing);
    };
    let mut keys = one(table, entries)?;
    let id = sealed(text, table, &mut keys)?;
    let date_key = match table {
        "session" => "started",
        "rest" => "date",
        _ => "at",
    };
    // 0 when it is missing: the record is then refused below.
    let dated = keys.get(date_key).map_or(0, |value| value.span().start);
    let record = match table {
        "session" => session(keys)?,
        "checkin" => checkin(keys)?,
        "rest" => rest(keys)?,
        "desk" => desk(keys)?,
        _ => return void(keys).map(Content::Void),
    };
    Ok(Content::Record(Box::new(record), id, dated))
}

/// The tables poised knows; other tables are ignored, so later versions can add some.
const TABLES: [&str; 5] = ["session", "checkin", "rest", "desk", "void"];

fn syntax(e: toml::de::Error) -> Damage {
    Damage {
        at: e.span().map(|s| s.start),
        message: e.message().to_string(),
    }
}

/// Format 2: a record with an `id` ends with an integrity line that matches its text, or is
/// marked `by_hand = true`; an integrity line is checked wherever it is. Gives the `id`.
fn sealed(chunk: &str, table: &'static str, keys: &mut Keys) -> Result<Option<String>, Damage> {
    let r = Rules { table };
    let id = r.optional("id", keys.take("id"), text)?;
    let by_hand = r.optional("by_hand", keys.take("by_hand"), Value::as_bool)?;
    if let Some(crc) = keys.take("crc") {
        let value = crc.get_ref().as_str().ok_or_else(|| wrong("crc", &crc))?;
        seal::check(chunk, crc.span().start, value).map_err(|message| Damage {
            at: Some(crc.span().start),
            message: message.to_string(),
        })?;
        return Ok(id);
    }
    if id.is_some() && by_hand != Some(true) {
        return Err(Damage {
            at: None,
            message: "it has an `id` but no integrity line `crc` at its end, so it was cut short \
                      while being saved; if you wrote it by hand, add `by_hand = true`"
                .to_string(),
        });
    }
    Ok(id)
}

/// The one record a `[[name]]` chunk holds.
fn one<T>(name: &str, entries: Entries<T>) -> Result<T, Damage> {
    let single = match entries {
        Entries::Array(mut items) if items.len() == 1 => items.pop(),
        _ => None,
    };
    single.ok_or_else(|| Damage {
        at: None,
        message: format!("a record starts with [[{name}]], in double brackets, not [{name}]"),
    })
}

fn session(mut keys: Keys) -> Result<Record, Damage> {
    let r = Rules { table: "session" };
    let ended_at = keys.get("ended").map(|e| e.span().start);
    let session = session_fields(&r, &mut keys)?;
    if session.ended < session.started {
        return Err(Damage {
            at: ended_at,
            message: "`ended` is before `started`, which cannot be".to_string(),
        });
    }
    Ok(Record::Session(session))
}

fn session_fields(r: &Rules, keys: &mut Keys) -> Result<SessionRecord, Damage> {
    let played = played(r, keys)?;
    Ok(SessionRecord {
        routine: r.required("routine", keys.take("routine"), text)?,
        title: r.required("title", keys.take("title"), text)?,
        variant: r.required("variant", keys.take("variant"), text)?,
        started: r.required("started", keys.take("started"), datetime)?,
        ended: r.required("ended", keys.take("ended"), datetime)?,
        active_seconds: r.required("active_seconds", keys.take("active_seconds"), number)?,
        completed: r.required("completed", keys.take("completed"), Value::as_bool)?,
        steps_done: r.required("steps_done", keys.take("steps_done"), number)?,
        steps_total: r.required("steps_total", keys.take("steps_total"), number)?,
        stiffness_before: r.optional(
            "stiffness_before",
            keys.take("stiffness_before"),
            stiffness,
        )?,
        stiffness_after: r.optional("stiffness_after", keys.take("stiffness_after"), stiffness)?,
        note: r.optional("note", keys.take("note"), text)?,
        painful_steps: r
            .optional("painful_steps", keys.take("painful_steps"), strings)?
            .unwrap_or_default(),
        marks: r
            .optional("marks", keys.take("marks"), marks)?
            .unwrap_or_default(),
        played,
        routine_version: r.optional("routine_version", keys.take("routine_version"), text)?,
        steps: r
            .optional("steps", keys.take("steps"), steps)?
            .unwrap_or_default(),
        learn: r
            .optional("learn", keys.take("learn"), Value::as_bool)?
            .unwrap_or_default(),
    })
}

/// The done rule's keys, present together in records written since the rule.
fn played(r: &Rules, keys: &mut Keys) -> Result<Option<Box<WorkPlayed>>, Damage> {
    let seconds = r.optional("work_seconds", keys.take("work_seconds"), number)?;
    let planned = r.optional(
        "work_seconds_planned",
        keys.take("work_seconds_planned"),
        number,
    )?;
    let reached_end = r.optional("reached_end", keys.take("reached_end"), Value::as_bool)?;
    let skipped = r.optional("skipped_steps", keys.take("skipped_steps"), strings)?;
    Ok(seconds
        .zip(planned)
        .map(|(work_seconds, work_seconds_planned)| {
            Box::new(WorkPlayed {
                work_seconds,
                work_seconds_planned,
                reached_end: reached_end.unwrap_or(false),
                skipped_steps: skipped.unwrap_or_default(),
            })
        }))
}

fn checkin(mut keys: Keys) -> Result<Record, Damage> {
    let r = Rules { table: "checkin" };
    Ok(Record::Checkin(CheckinRecord {
        at: r.required("at", keys.take("at"), datetime)?,
        stiffness: r.required("stiffness", keys.take("stiffness"), stiffness)?,
        note: r.optional("note", keys.take("note"), text)?,
    }))
}

fn rest(mut keys: Keys) -> Result<Record, Damage> {
    let r = Rules { table: "rest" };
    Ok(Record::Rest(RestRecord {
        date: r.required("date", keys.take("date"), date)?,
        reason: r.optional("reason", keys.take("reason"), text)?,
    }))
}

fn desk(mut keys: Keys) -> Result<Record, Damage> {
    let r = Rules { table: "desk" };
    Ok(Record::Desk(DeskRecord {
        at: r.required("at", keys.take("at"), datetime)?,
        event: r.required("event", keys.take("event"), |v| {
            DeskEvent::parse(v.as_str()?)
        })?,
        offered: r.optional("offered", keys.take("offered"), datetime)?,
    }))
}

fn void(mut keys: Keys) -> Result<VoidRecord, Damage> {
    let r = Rules { table: "void" };
    Ok(VoidRecord {
        at: r.required("at", keys.take("at"), datetime)?,
        record: r.required("record", keys.take("record"), |v| {
            v.as_str().filter(|k| is_key(k)).map(str::to_string)
        })?,
    })
}

/// Keys outside a table: only `format` means something, and it should be 1 or [`FORMAT`].
fn loose(keys: &Keys) -> Content {
    let format_notice = keys
        .get("format")
        .filter(|value| {
            let format = value.get_ref().as_integer();
            !format.is_some_and(|n| (1..=FORMAT).contains(&n))
        })
        .map(|value| {
            let shown = match value.get_ref() {
                Value::Integer(n) => n.to_string(),
                Value::String(s) => format!("\"{s}\""),
                _ => "...".to_string(),
            };
            let message = format!(
                "this journal says `format = {shown}`, but this poised reads format {FORMAT}; \
                 records may be missing or misread until poised is updated"
            );
            (value.span().start, message)
        });
    Content::Loose(Loose {
        keys: keys.len(),
        format_notice,
    })
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::journal::note::one_line;
    use crate::journal::raw;

    fn read(bytes: &[u8]) -> Result<Content, Damage> {
        super::read(&mut Reader::default(), bytes)
    }
    use crate::journal::record_toml;

    /// The one decoder against a plain `toml` parse of the same chunk: whatever `toml` rejects
    /// is damage; whatever the decoder accepts, `toml` reads with the same value for every key
    /// the record writes back.
    fn agrees_with_toml(chunk: &str) {
        raw::tests::walk_agrees_with_document(chunk);
        let ours = read(chunk.as_bytes());
        let plain = toml::from_str::<toml::Table>(chunk);
        let Ok(Content::Record(record, ..)) = ours else {
            assert!(plain.is_ok() || ours.is_err(), "toml rejects {chunk:?}");
            return;
        };
        let plain = plain.unwrap_or_else(|e| panic!("decoder accepted {chunk:?}: {e}"));
        let again = toml::from_str::<toml::Table>(&record_toml(&record)).unwrap();
        let name = again.keys().next().unwrap();
        let table = |t: &toml::Table| t[name].as_array().unwrap()[0].as_table().unwrap().clone();
        let (written, found) = (table(&again), table(&plain));
        for (key, value) in &written {
            assert!(
                same(key, value, &found[key]),
                "{chunk:?}: `{key}` {value} != {}",
                found[key]
            );
        }
    }

    fn same(key: &str, written: &Value, found: &Value) -> bool {
        match (written, found) {
            (Value::Datetime(a), Value::Datetime(b)) => {
                datetime(written) == datetime(found) && a.date == b.date
            }
            (Value::String(a), Value::String(b)) if key == "note" || key == "reason" => {
                *a == one_line(b)
            }
            _ => written == found,
        }
    }

    const CANONICAL: &str = "[[session]]\nroutine = \"morning\"\ntitle = \"A \\\"b\\\" \\u00e9\"\n\
        variant = \"full\"\nstarted = 2026-11-21T07:02:11.5+01:00\nended = 2026-11-21T07:09:13Z\n\
        active_seconds = 420\ncompleted = true\nsteps_done = 6\nsteps_total = 6\n\
        stiffness_before = 6\nstiffness_after = 3\nnote = \"hip\"\npainful_steps = [\"a\", \"b\"]\n# done\n";

    /// A record as poised appends it today: an id, the plan's steps, marks and an integrity
    /// line.
    fn sealed_session() -> String {
        seal::seal(
            "[[session]]\nid = \"0123456789abcdef\"\nroutine = \"morning\"\ntitle = \"Morning\"\n\
             variant = \"full\"\nstarted = 2026-11-21T07:02:11+01:00\nended = 2026-11-21T07:09:13+01:00\n\
             active_seconds = 420\ncompleted = false\nsteps_done = 5\nsteps_total = 6\n\
             work_seconds = 300\nwork_seconds_planned = 330\nreached_end = false\n\
             skipped_steps = [\"Cat-cow\"]\n\
             marks = [{ step = \"Bird-dog\", side = \"left\", choice = \"gentler\" }]\n\
             routine_version = \"071fd13b\"\n\
             steps = [{ name = \"Bird-dog\", reps = 6, per_side = true, easier = true }, \
             { name = \"Cat-cow\", seconds = 30 }]\n",
        )
    }

    #[test]
    fn the_canonical_chunks_read_as_toml_reads_them() {
        for chunk in [CANONICAL.to_string(), sealed_session()] {
            assert!(matches!(read(chunk.as_bytes()), Ok(Content::Record(..))));
            assert!(raw::tests::is_walked(&chunk), "{chunk}");
            agrees_with_toml(&chunk);
        }
    }

    /// A record poised appends (format 2) reads whole or not at all: no cut reads as a record,
    /// so `stiffness = 1` of `stiffness = 10` can never count.
    #[test]
    fn no_cut_of_a_sealed_record_reads_as_a_record() {
        let checkin = Record::Checkin(CheckinRecord {
            at: DateTime::parse_from_rfc3339("2026-11-22T07:00:00+01:00").unwrap(),
            stiffness: 10,
            note: Some("stiff".into()),
        });
        let sealed = crate::journal::sealed_toml(&checkin, "0123456789abcdef");
        let whole = sealed.trim_end().len();
        for cut in 0..sealed.len() {
            let read = read(&sealed.as_bytes()[..cut]);
            if cut < whole {
                assert!(
                    !matches!(read, Ok(Content::Record(..))),
                    "cut at {cut}: {read:?}"
                );
            } else {
                assert_eq!(
                    read,
                    Ok(Content::Record(
                        Box::new(checkin.clone()),
                        Some("0123456789abcdef".into()),
                        date_of(&sealed)
                    ))
                );
            }
        }
        let by_hand = record_toml(&checkin).replacen('\n', "\nby_hand = true\n", 1);
        assert_eq!(
            read(by_hand.as_bytes()),
            Ok(Content::Record(Box::new(checkin), None, date_of(&by_hand)))
        );
    }

    /// Where the check-in's date starts: what a warning about the date names.
    fn date_of(chunk: &str) -> usize {
        chunk.find("at = ").unwrap() + "at = ".len()
    }

    #[test]
    fn every_cut_of_a_chunk_agrees_with_toml() {
        for chunk in [CANONICAL.to_string(), sealed_session()] {
            for cut in 0..=chunk.len() {
                if chunk.is_char_boundary(cut) {
                    agrees_with_toml(&chunk[..cut]);
                }
            }
        }
    }

    /// Four thousand small edits of the canonical chunk (one character replaced, inserted or
    /// removed) decode as plain `toml` reads them.
    #[test]
    fn small_edits_agree_with_toml() {
        let alphabet: Vec<char> = "\"\\ \t\n\r#=[],.-+:_TZz0129aefntuxU'{}é\u{7}\u{7f}"
            .chars()
            .collect();
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % bound as u64).unwrap()
        };
        for (round, base) in [CANONICAL.to_string(), sealed_session()].iter().enumerate() {
            let base: Vec<char> = base.chars().collect();
            edit_each(&base, 4_000 - round * 2_000, &alphabet, &mut next);
        }
    }

    fn edit_each(
        base: &[char],
        times: usize,
        alphabet: &[char],
        next: &mut impl FnMut(usize) -> usize,
    ) {
        for _ in 0..times {
            let mut chars = base.to_vec();
            let at = next(chars.len());
            match next(3) {
                0 => chars[at] = alphabet[next(alphabet.len())],
                1 => chars.insert(at, alphabet[next(alphabet.len())]),
                _ => drop(chars.remove(at)),
            }
            agrees_with_toml(&chars.into_iter().collect::<String>());
        }
    }
}
