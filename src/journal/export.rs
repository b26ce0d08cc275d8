//! `poised export`: sessions, check-ins or desk prompts as CSV (RFC 4180 quoting, RFC 3339 times, empty
//! cells for absent values) or as journal TOML.

use super::encode::{FORMAT_LINE, datetime_text, record_toml};
use super::record::{CheckinRecord, DeskRecord, Record, SessionRecord};

/// The header line of the sessions CSV.
pub const SESSIONS_CSV_HEADER: &str = "started,ended,routine,variant,completed,steps_done,steps_total,\
                                       active_seconds,stiffness_before,stiffness_after,note";

/// The header line of the check-ins CSV.
pub const CHECKINS_CSV_HEADER: &str = "at,stiffness,note";

/// The header line of the desk records' CSV.
pub const DESK_CSV_HEADER: &str = "at,event,offered";

/// Which records an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    Sessions,
    Checkins,
    /// Desk mode's records: the desk opening and each answer to a prompt.
    Desk,
}

impl Chosen {
    fn holds(self, record: &Record) -> bool {
        matches!(
            (self, record),
            (Self::Sessions, Record::Session(_))
                | (Self::Checkins, Record::Checkin(_))
                | (Self::Desk, Record::Desk(_))
        )
    }
}

/// Every desk record, oldest first, as CSV with its header; lines end with `\n`.
#[must_use]
pub fn desk_csv(records: &[Record]) -> String {
    csv(
        DESK_CSV_HEADER,
        records.iter().filter_map(Record::as_desk).map(desk_row),
    )
}

/// Every session, oldest first, as CSV with its header; lines end with `\n`.
#[must_use]
pub fn sessions_csv(records: &[Record]) -> String {
    csv(
        SESSIONS_CSV_HEADER,
        records
            .iter()
            .filter_map(Record::as_session)
            .map(session_row),
    )
}

/// Every check-in, oldest first, as CSV with its header; lines end with `\n`.
#[must_use]
pub fn checkins_csv(records: &[Record]) -> String {
    csv(
        CHECKINS_CSV_HEADER,
        records
            .iter()
            .filter_map(Record::as_checkin)
            .map(checkin_row),
    )
}

/// The chosen records as a journal file of their own (`format = 1`, then the tables).
#[must_use]
pub fn records_toml(records: &[Record], chosen: Chosen) -> String {
    let mut out = String::from(FORMAT_LINE);
    for record in records.iter().filter(|r| chosen.holds(r)) {
        out.push('\n');
        out.push_str(&record_toml(record));
    }
    out
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
    ]
}

fn checkin_row(c: &CheckinRecord) -> Vec<String> {
    vec![
        datetime_text(&c.at),
        c.stiffness.to_string(),
        c.note.clone().unwrap_or_default(),
    ]
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
        let cells: Vec<String> = row.iter().map(|cell| csv_cell(cell)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
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
}
