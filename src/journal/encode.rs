//! The TOML text of one record, exactly as it is appended to the journal.
//!
//! One function, [`record_toml`], renders every record; it is also what poised prints when a
//! record could not be saved, so the person can keep it. Keys come in a fixed order, optional
//! keys are left out when absent, datetimes are bare TOML offset datetimes and strings are
//! basic strings, so the same record always gives the same bytes.

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};

use super::mark::PainMark;
use super::note::sanitize_note;
use super::record::{CheckinRecord, DeskRecord, Record, RestRecord, SessionRecord};
use super::seal::seal;
use super::void::VoidRecord;

/// The journal format this version writes; it reads format 1 too.
pub const FORMAT: i64 = 2;

/// The first line of every new journal file: `format = ` [`FORMAT`].
pub const FORMAT_LINE: &str = "format = 2\n";

/// Renders a record as its TOML table, header first, ending with a newline.
#[must_use]
pub fn record_toml(record: &Record) -> String {
    let mut out = Lines::default();
    match record {
        Record::Session(s) => session(&mut out, s),
        Record::Checkin(c) => checkin(&mut out, c),
        Record::Rest(r) => rest(&mut out, r),
        Record::Desk(d) => desk(&mut out, d),
    }
    out.0
}

fn session(out: &mut Lines, s: &SessionRecord) {
    out.header("session");
    out.string("routine", &s.routine);
    out.string("title", &s.title);
    out.string("variant", &s.variant);
    out.datetime("started", &s.started);
    out.datetime("ended", &s.ended);
    out.plain("active_seconds", s.active_seconds);
    out.plain("completed", s.completed);
    out.plain("steps_done", s.steps_done);
    out.plain("steps_total", s.steps_total);
    if let Some(before) = s.stiffness_before {
        out.plain("stiffness_before", before);
    }
    if let Some(after) = s.stiffness_after {
        out.plain("stiffness_after", after);
    }
    out.note("note", s.note.as_deref());
    if !s.painful_steps.is_empty() {
        out.strings("painful_steps", &s.painful_steps);
    }
    if let Some(played) = &s.played {
        out.plain("work_seconds", played.work_seconds);
        out.plain("work_seconds_planned", played.work_seconds_planned);
        out.plain("reached_end", played.reached_end);
        if !played.skipped_steps.is_empty() {
            out.strings("skipped_steps", &played.skipped_steps);
        }
    }
    if !s.marks.is_empty() {
        let marks: Vec<String> = s.marks.iter().map(mark).collect();
        out.plain("marks", format_args!("[{}]", marks.join(", ")));
    }
    if s.learn {
        out.plain("learn", true);
    }
    if let Some(version) = &s.routine_version {
        out.string("routine_version", version);
    }
}

/// One mark as an inline table: `{ step = "Bird-dog", side = "left", choice = "gentler" }`.
fn mark(m: &PainMark) -> String {
    let step = m.step.as_deref().map(|s| format!("step = {}, ", quoted(s)));
    let side = m.side.as_deref().map(|s| format!("side = {}, ", quoted(s)));
    format!(
        "{{ {}{}choice = {} }}",
        step.unwrap_or_default(),
        side.unwrap_or_default(),
        quoted(m.choice.as_str())
    )
}

fn checkin(out: &mut Lines, c: &CheckinRecord) {
    out.header("checkin");
    out.datetime("at", &c.at);
    out.plain("stiffness", c.stiffness);
    out.note("note", c.note.as_deref());
}

fn rest(out: &mut Lines, r: &RestRecord) {
    out.header("rest");
    out.date("date", r.date);
    out.note("reason", r.reason.as_deref());
}

fn desk(out: &mut Lines, d: &DeskRecord) {
    out.header("desk");
    out.datetime("at", &d.at);
    out.string("event", d.event.as_str());
    if let Some(offered) = &d.offered {
        out.datetime("offered", offered);
    }
}

/// Renders a record as poised appends it (format 2): `id` after the header, the integrity
/// line at the end. This is also the text shown to keep when it could not be saved.
#[must_use]
pub fn sealed_toml(record: &Record, id: &str) -> String {
    sealed(&record_toml(record), id)
}

/// Renders a void as poised appends it, sealed like every record.
#[must_use]
pub fn sealed_void(void: &VoidRecord, id: &str) -> String {
    let mut out = Lines::default();
    out.header("void");
    out.datetime("at", &void.at);
    out.string("record", &void.record);
    sealed(&out.0, id)
}

/// A table's text with `id` after its header and the integrity line at its end.
fn sealed(body: &str, id: &str) -> String {
    let (header, fields) = body.split_once('\n').unwrap_or((body, ""));
    seal(&format!("{header}\nid = {}\n{fields}", quoted(id)))
}

/// A TOML datetime as poised writes it: `2026-11-21T07:02:11+01:00`, with a fraction of a
/// second only when there is one.
#[must_use]
pub fn datetime_text(at: &DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// A TOML basic string: quoted, with `"`, `\` and control characters escaped.
#[must_use]
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The growing text of one table; writing to a `String` cannot fail.
#[derive(Default)]
struct Lines(String);

impl Lines {
    fn header(&mut self, name: &str) {
        let _ = writeln!(self.0, "[[{name}]]");
    }

    fn plain(&mut self, key: &str, value: impl std::fmt::Display) {
        let _ = writeln!(self.0, "{key} = {value}");
    }

    fn string(&mut self, key: &str, value: &str) {
        self.plain(key, quoted(value));
    }

    fn note(&mut self, key: &str, value: Option<&str>) {
        if let Some(note) = value {
            self.string(key, &sanitize_note(note));
        }
    }

    fn datetime(&mut self, key: &str, value: &DateTime<FixedOffset>) {
        self.plain(key, datetime_text(value));
    }

    fn date(&mut self, key: &str, value: NaiveDate) {
        self.plain(key, value.format("%Y-%m-%d"));
    }

    fn strings(&mut self, key: &str, values: &[String]) {
        let items: Vec<String> = values.iter().map(|v| quoted(v)).collect();
        self.plain(key, format_args!("[{}]", items.join(", ")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_line_names_the_format() {
        assert_eq!(FORMAT_LINE, format!("format = {FORMAT}\n"));
    }
}
