//! `poised export`: sessions, check-ins, rest days or desk records as CSV (RFC 4180 quoting, RFC 3339
//! times, empty cells for absent values), as journal TOML, or as JSON Lines (one record per
//! line, absent values left out).
//!
//! The CSV is safe to open in a spreadsheet: every cell is sanitised, and a cell that starts
//! with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet
//! shows it as text instead of running it as a formula.

use crate::text::sanitize;
use serde_json::{Map, Value, json};

use super::encode::{FORMAT_LINE, datetime_text, record_toml};
use super::mark::PainMark;
use super::played::{Amount, StepPlayed};
use super::record::{CheckinRecord, DeskRecord, Record, RestRecord, SessionRecord};

/// The header line of the sessions CSV.
pub const SESSIONS_CSV_HEADER: &str = "started,ended,routine,variant,completed,steps_done,steps_total,\
                                       active_seconds,stiffness_before,stiffness_after,note,\
                                       painful_steps";

/// The header line of the check-ins CSV.
pub const CHECKINS_CSV_HEADER: &str = "at,stiffness,note";

/// The header line of the rest days CSV.
pub const REST_CSV_HEADER: &str = "date,reason";

/// The header line of the desk records' CSV.
pub const DESK_CSV_HEADER: &str = "at,event,offered";

/// Which records an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Sessions,
    Checkins,
    Rest,
    /// Desk mode's records: the desk opening and each answer to a prompt.
    Desk,
}

impl Kind {
    fn wants(self, record: &Record) -> bool {
        matches!(
            (self, record),
            (Kind::Sessions, Record::Session(_))
                | (Kind::Checkins, Record::Checkin(_))
                | (Kind::Rest, Record::Rest(_))
                | (Kind::Desk, Record::Desk(_))
        )
    }
}

/// The records of a kind, oldest first, as CSV with its header; lines end with `\n`.
#[must_use]
pub fn records_csv(records: &[Record], kind: Kind) -> String {
    let header = match kind {
        Kind::Sessions => SESSIONS_CSV_HEADER,
        Kind::Checkins => CHECKINS_CSV_HEADER,
        Kind::Rest => REST_CSV_HEADER,
        Kind::Desk => DESK_CSV_HEADER,
    };
    csv(
        header,
        records
            .iter()
            .filter(|r| kind.wants(r))
            .map(|record| match record {
                Record::Session(s) => session_row(s),
                Record::Checkin(c) => checkin_row(c),
                Record::Rest(r) => rest_row(r),
                Record::Desk(d) => desk_row(d),
            }),
    )
}

/// The records of a kind as a journal file of their own (`format = 1`, then the tables).
#[must_use]
pub fn records_toml(records: &[Record], kind: Kind) -> String {
    let mut out = String::from(FORMAT_LINE);
    for record in records.iter().filter(|r| kind.wants(r)) {
        out.push('\n');
        out.push_str(&record_toml(record));
    }
    out
}

/// The records of a kind as JSON Lines: one object per line, with a `"record"` key naming
/// its kind ("session", "checkin", "rest") and the journal's keys.
#[must_use]
pub fn records_json_lines(records: &[Record], kind: Kind) -> String {
    let mut out = String::new();
    for record in records.iter().filter(|r| kind.wants(r)) {
        out.push_str(&record_json(record).to_string());
        out.push('\n');
    }
    out
}

/// One record as a JSON object; optional values are left out when absent.
#[must_use]
pub fn record_json(record: &Record) -> Value {
    let mut object = Map::new();
    let mut put = |key: &str, value: Value| {
        if !value.is_null() {
            object.insert(key.to_string(), value);
        }
    };
    match record {
        Record::Session(s) => {
            put("record", json!("session"));
            put("routine", json!(s.routine));
            put("title", json!(s.title));
            put("variant", json!(s.variant));
            put("started", json!(datetime_text(&s.started)));
            put("ended", json!(datetime_text(&s.ended)));
            put("active_seconds", json!(s.active_seconds));
            put("completed", json!(s.completed));
            put("steps_done", json!(s.steps_done));
            put("steps_total", json!(s.steps_total));
            put("stiffness_before", json!(s.stiffness_before));
            put("stiffness_after", json!(s.stiffness_after));
            put("note", json!(s.note));
            put("painful_steps", json!(s.painful_steps));
            put("marks", marks_json(&s.marks));
            put("routine_version", json!(s.routine_version));
            put("steps", steps_json(&s.steps));
        }
        Record::Checkin(c) => {
            put("record", json!("checkin"));
            put("at", json!(datetime_text(&c.at)));
            put("stiffness", json!(c.stiffness));
            put("note", json!(c.note));
        }
        Record::Rest(r) => {
            put("record", json!("rest"));
            put("date", json!(r.date.to_string()));
            put("reason", json!(r.reason));
        }
        Record::Desk(d) => {
            put("record", json!("desk"));
            put("at", json!(datetime_text(&d.at)));
            put("event", json!(d.event.as_str()));
            put("offered", json!(d.offered.as_ref().map(datetime_text)));
        }
    }
    Value::Object(object)
}

/// The marks as the journal writes them, or nothing when there are none.
fn marks_json(marks: &[PainMark]) -> Value {
    let each = marks.iter().map(|m| {
        let mut mark = json!({ "choice": m.choice.as_str() });
        for (key, value) in [("step", &m.step), ("side", &m.side)] {
            if let Some(value) = value {
                mark[key] = json!(value);
            }
        }
        mark
    });
    non_empty(each.collect())
}

/// The plan as the journal writes it, or nothing when it was not recorded.
fn steps_json(steps: &[StepPlayed]) -> Value {
    let each = steps.iter().map(|s| {
        let mut step = json!({ "name": s.name });
        match s.amount {
            Amount::Seconds(n) => step["seconds"] = json!(n),
            Amount::Reps(n) => step["reps"] = json!(n),
        }
        for (key, on) in [("per_side", s.per_side), ("easier", s.easier)] {
            if on {
                step[key] = json!(true);
            }
        }
        step
    });
    non_empty(each.collect())
}

fn non_empty(items: Vec<Value>) -> Value {
    if items.is_empty() {
        Value::Null
    } else {
        Value::Array(items)
    }
}

fn session_row(s: &SessionRecord) -> Vec<String> {
    vec![
        datetime_text(&s.started),
        datetime_text(&s.ended),
        s.routine.clone(),
        s.variant.clone(),
        s.completed.to_string(),
        s.steps_done.to_string(),
        s.steps_total.to_string(),
        s.active_seconds.to_string(),
        optional(s.stiffness_before),
        optional(s.stiffness_after),
        s.note.clone().unwrap_or_default(),
        s.painful_steps.join("; "),
    ]
}

fn checkin_row(c: &CheckinRecord) -> Vec<String> {
    vec![
        datetime_text(&c.at),
        c.stiffness.to_string(),
        c.note.clone().unwrap_or_default(),
    ]
}

fn rest_row(r: &RestRecord) -> Vec<String> {
    vec![r.date.to_string(), r.reason.clone().unwrap_or_default()]
}

fn desk_row(d: &DeskRecord) -> Vec<String> {
    vec![
        datetime_text(&d.at),
        d.event.as_str().to_string(),
        d.offered.as_ref().map(datetime_text).unwrap_or_default(),
    ]
}

fn optional(value: Option<u8>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn csv(header: &str, rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = format!("{header}\n");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| csv_cell(&safe_cell(cell))).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// A cell as text, never a formula: sanitised, and `'` before a leading `=`, `+`, `-`, `@`,
/// tab or carriage return.
#[must_use]
pub fn safe_cell(text: &str) -> String {
    let guard = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let clean = sanitize(text);
    if guard { format!("'{clean}") } else { clean }
}

/// RFC 4180: a cell holding a comma, a quote or a line break is quoted, quotes doubled.
#[must_use]
pub fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_cells_stay_as_they_are() {
        assert_eq!(csv_cell("left hip tight"), "left hip tight");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(csv_cell("hip, knee"), "\"hip, knee\"");
        assert_eq!(csv_cell("a \"good\" day"), "\"a \"\"good\"\" day\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn a_cell_that_could_be_a_formula_is_text() {
        for formula in ["=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(safe_cell(formula).starts_with('\''), "{formula:?}");
        }
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("left hip, 3"), "left hip, 3");
        assert_eq!(safe_cell("a\u{1b}]0;x\u{7}b\u{202e}"), "ab");
    }
}
