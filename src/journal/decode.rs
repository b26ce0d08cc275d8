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
mod tests;
