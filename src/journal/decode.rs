//! Decoding one chunk: TOML into the raw types of [`super::raw`] (serde, the `toml` crate),
//! then the record rules: which keys are required, their types and ranges. A chunk yields a
//! record, nothing, or one [`Damage`]. Unknown keys are ignored, so later versions can add
//! fields.

use toml::Value;

use super::encode::FORMAT;
use super::raw::{
    Entries, Field, RawCheckin, RawDesk, RawLoose, RawRest, RawSession, RawTables, RawVoid,
};
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
    /// A record, and the byte offset in the chunk of the value that dates it (`started`,
    /// `at` or `date`), to name its place in a warning about that date.
    Record(Box<Record>, usize),
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

/// Decodes one chunk of the journal.
pub(super) fn read(bytes: &[u8]) -> Result<Content, Damage> {
    let text = std::str::from_utf8(bytes).map_err(|e| Damage {
        at: Some(e.valid_up_to()),
        message: "this is not UTF-8 text".to_string(),
    })?;
    if !text.trim_start().starts_with('[') {
        return toml::from_str::<RawLoose>(text)
            .map(|keys| loose(&keys))
            .map_err(syntax);
    }
    let tables: RawTables = toml::from_str(text).map_err(syntax)?;
    let (record, dated) = if let Some(entries) = tables.session {
        let raw = one("session", entries)?;
        sealed(text, "session", &raw.id, &raw.crc, &raw.by_hand)?;
        let dated = start_of(&raw.started);
        (session(raw)?, dated)
    } else if let Some(entries) = tables.checkin {
        let raw = one("checkin", entries)?;
        sealed(text, "checkin", &raw.id, &raw.crc, &raw.by_hand)?;
        let dated = start_of(&raw.at);
        (checkin(raw)?, dated)
    } else if let Some(entries) = tables.rest {
        let raw = one("rest", entries)?;
        sealed(text, "rest", &raw.id, &raw.crc, &raw.by_hand)?;
        let dated = start_of(&raw.date);
        (rest(raw)?, dated)
    } else if let Some(entries) = tables.desk {
        let raw = one("desk", entries)?;
        sealed(text, "desk", &raw.id, &raw.crc, &raw.by_hand)?;
        let dated = start_of(&raw.at);
        (desk(raw)?, dated)
    } else if let Some(entries) = tables.void {
        let raw = one("void", entries)?;
        sealed(text, "void", &raw.id, &raw.crc, &raw.by_hand)?;
        return void(raw).map(Content::Void);
    } else {
        return Ok(Content::Nothing);
    };
    Ok(Content::Record(Box::new(record), dated))
}

/// Where a field's value starts in the chunk (0 when it is missing: the record then fails).
fn start_of(field: &Field) -> usize {
    field.as_ref().map_or(0, |f| f.span().start)
}

fn syntax(e: toml::de::Error) -> Damage {
    Damage {
        at: e.span().map(|s| s.start),
        message: e.message().to_string(),
    }
}

/// Format 2: a record with an `id` ends with an integrity line that matches its text, or is
/// marked `by_hand = true`; an integrity line is checked wherever it is.
fn sealed(
    chunk: &str,
    table: &'static str,
    id: &Field,
    crc: &Field,
    by_hand: &Field,
) -> Result<(), Damage> {
    let r = Rules { table };
    r.optional("id", id.clone(), text)?;
    let by_hand = r.optional("by_hand", by_hand.clone(), Value::as_bool)?;
    if let Some(crc) = crc {
        let value = crc.get_ref().as_str().ok_or_else(|| wrong("crc", crc))?;
        return seal::check(chunk, crc.span().start, value).map_err(|message| Damage {
            at: Some(crc.span().start),
            message: message.to_string(),
        });
    }
    if id.is_some() && by_hand != Some(true) {
        return Err(Damage {
            at: None,
            message: "it has an `id` but no integrity line `crc` at its end, so it was cut short \
                      while being saved; if you wrote it by hand, add `by_hand = true`"
                .to_string(),
        });
    }
    Ok(())
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

fn session(raw: RawSession) -> Result<Record, Damage> {
    let r = Rules { table: "session" };
    let ended_at = raw.ended.as_ref().map(|e| e.span().start);
    let session = session_fields(&r, raw)?;
    if session.ended < session.started {
        return Err(Damage {
            at: ended_at,
            message: "`ended` is before `started`, which cannot be".to_string(),
        });
    }
    Ok(Record::Session(session))
}

fn session_fields(r: &Rules, raw: RawSession) -> Result<SessionRecord, Damage> {
    let played = played(r, &raw)?;
    Ok(SessionRecord {
        routine: r.required("routine", raw.routine, text)?,
        title: r.required("title", raw.title, text)?,
        variant: r.required("variant", raw.variant, text)?,
        started: r.required("started", raw.started, datetime)?,
        ended: r.required("ended", raw.ended, datetime)?,
        active_seconds: r.required("active_seconds", raw.active_seconds, number)?,
        completed: r.required("completed", raw.completed, Value::as_bool)?,
        steps_done: r.required("steps_done", raw.steps_done, number)?,
        steps_total: r.required("steps_total", raw.steps_total, number)?,
        stiffness_before: r.optional("stiffness_before", raw.stiffness_before, stiffness)?,
        stiffness_after: r.optional("stiffness_after", raw.stiffness_after, stiffness)?,
        note: r.optional("note", raw.note, text)?,
        painful_steps: r
            .optional("painful_steps", raw.painful_steps, strings)?
            .unwrap_or_default(),
        marks: r.optional("marks", raw.marks, marks)?.unwrap_or_default(),
        played,
        routine_version: r.optional("routine_version", raw.routine_version, text)?,
        steps: r.optional("steps", raw.steps, steps)?.unwrap_or_default(),
        learn: r
            .optional("learn", raw.learn, Value::as_bool)?
            .unwrap_or_default(),
    })
}

/// The done rule's keys, present together in records written since the rule.
fn played(r: &Rules, raw: &RawSession) -> Result<Option<Box<WorkPlayed>>, Damage> {
    let seconds = r.optional("work_seconds", raw.work_seconds.clone(), number)?;
    let planned = r.optional(
        "work_seconds_planned",
        raw.work_seconds_planned.clone(),
        number,
    )?;
    let reached_end = r.optional("reached_end", raw.reached_end.clone(), Value::as_bool)?;
    let skipped = r.optional("skipped_steps", raw.skipped_steps.clone(), strings)?;
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

fn checkin(raw: RawCheckin) -> Result<Record, Damage> {
    let r = Rules { table: "checkin" };
    Ok(Record::Checkin(CheckinRecord {
        at: r.required("at", raw.at, datetime)?,
        stiffness: r.required("stiffness", raw.stiffness, stiffness)?,
        note: r.optional("note", raw.note, text)?,
    }))
}

fn rest(raw: RawRest) -> Result<Record, Damage> {
    let r = Rules { table: "rest" };
    Ok(Record::Rest(RestRecord {
        date: r.required("date", raw.date, date)?,
        reason: r.optional("reason", raw.reason, text)?,
    }))
}

fn desk(raw: RawDesk) -> Result<Record, Damage> {
    let r = Rules { table: "desk" };
    Ok(Record::Desk(DeskRecord {
        at: r.required("at", raw.at, datetime)?,
        event: r.required("event", raw.event, |v| DeskEvent::parse(v.as_str()?))?,
        offered: r.optional("offered", raw.offered, datetime)?,
    }))
}

fn void(raw: RawVoid) -> Result<VoidRecord, Damage> {
    let r = Rules { table: "void" };
    Ok(VoidRecord {
        at: r.required("at", raw.at, datetime)?,
        record: r.required("record", raw.record, |v| {
            v.as_str().filter(|k| is_key(k)).map(str::to_string)
        })?,
    })
}

/// Keys outside a table: only `format` means something, and it should be 1 or [`FORMAT`].
fn loose(keys: &RawLoose) -> Content {
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
    use crate::journal::record_toml;

    /// The one decoder against a plain `toml` parse of the same chunk: whatever `toml` rejects
    /// is damage; whatever the decoder accepts, `toml` reads with the same value for every key
    /// the record writes back.
    fn agrees_with_toml(chunk: &str) {
        let ours = read(chunk.as_bytes());
        let plain = toml::from_str::<toml::Table>(chunk);
        let Ok(Content::Record(record, _)) = ours else {
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

    #[test]
    fn the_canonical_chunk_reads_as_toml_reads_it() {
        assert!(matches!(
            read(CANONICAL.as_bytes()),
            Ok(Content::Record(..))
        ));
        agrees_with_toml(CANONICAL);
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
                assert!(matches!(read, Ok(Content::Record(r, _)) if *r == checkin));
            }
        }
        let by_hand = record_toml(&checkin).replacen('\n', "\nby_hand = true\n", 1);
        let read = read(by_hand.as_bytes());
        assert!(
            matches!(&read, Ok(Content::Record(r, _)) if **r == checkin),
            "{read:?}"
        );
    }

    #[test]
    fn every_cut_of_a_chunk_agrees_with_toml() {
        for cut in 0..=CANONICAL.len() {
            if CANONICAL.is_char_boundary(cut) {
                agrees_with_toml(&CANONICAL[..cut]);
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
        let base: Vec<char> = CANONICAL.chars().collect();
        for _ in 0..4_000 {
            let mut chars = base.clone();
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
