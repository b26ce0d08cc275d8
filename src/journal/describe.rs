//! Records in words: the one-line form `poised log` prints, and the stiffness change
//! ("6 -> 3") that it and the session summary show.

use super::note::{NOTE_MAX_CHARS, one_line};
use super::record::{CheckinRecord, DeskRecord, Record, RestRecord, SessionRecord};
use crate::text::fit;

/// `6 -> 3`, with `-` for a rating that was skipped; `None` when both were.
#[must_use]
pub fn rating_change(before: Option<u8>, after: Option<u8>) -> Option<String> {
    let rating = |r: Option<u8>| r.map_or_else(|| "-".to_string(), |r| r.to_string());
    (before.is_some() || after.is_some())
        .then(|| format!("{} -> {}", rating(before), rating(after)))
}

/// `stiffness 6 -> 3`, as `poised log` shows it; `None` when both ratings were skipped.
fn stiffness_part(before: Option<u8>, after: Option<u8>) -> Option<String> {
    rating_change(before, after).map(|change| format!("stiffness {change}"))
}

/// One line for a record: local date and time as recorded, then what it holds.
///
/// `2026-11-21 07:02  morning (full)  done 6/6  stiffness 6 -> 3  easier: Bird-dog  "left hip"`
#[must_use]
pub fn log_line(record: &Record) -> String {
    let parts = match record {
        Record::Session(s) => session_parts(s),
        Record::Checkin(c) => checkin_parts(c),
        Record::Rest(r) => rest_parts(r),
        Record::Desk(d) => desk_parts(d),
    };
    parts.into_iter().flatten().collect::<Vec<_>>().join("  ")
}

fn session_parts(s: &SessionRecord) -> Vec<Option<String>> {
    let progress = format!("{} {}/{}", s.outcome_label(), s.steps_done, s.steps_total);
    let hurt =
        (!s.painful_steps.is_empty()).then(|| format!("hurt: {}", s.painful_steps.join(", ")));
    let eased: Vec<&str> = s
        .steps
        .iter()
        .filter(|step| step.easier)
        .map(|step| step.name.as_str())
        .collect();
    let easier = (!eased.is_empty()).then(|| format!("easier: {}", eased.join(", ")));
    vec![
        Some(s.started.format("%Y-%m-%d %H:%M").to_string()),
        Some(format!("{} ({})", s.routine, s.variant)),
        Some(progress),
        stiffness_part(s.stiffness_before, s.stiffness_after),
        hurt,
        easier,
        quoted_note(s.note.as_deref()),
    ]
}

fn checkin_parts(c: &CheckinRecord) -> Vec<Option<String>> {
    vec![
        Some(c.at.format("%Y-%m-%d %H:%M").to_string()),
        Some("check-in".to_string()),
        Some(format!("stiffness {}", c.stiffness)),
        quoted_note(c.note.as_deref()),
    ]
}

fn desk_parts(d: &DeskRecord) -> Vec<Option<String>> {
    vec![
        Some(d.at.format("%Y-%m-%d %H:%M").to_string()),
        Some(format!("desk {}", d.event.as_str())),
        d.offered
            .map(|o| format!("prompt of {}", o.format("%H:%M"))),
    ]
}

fn rest_parts(r: &RestRecord) -> Vec<Option<String>> {
    vec![
        Some(format!("{:<16}", r.date.format("%Y-%m-%d"))),
        Some("rest day".to_string()),
        quoted_note(r.reason.as_deref()),
    ]
}

/// A note in quotes, cleaned again because a hand-edited journal may hold anything; a note
/// longer than a person can type ends with "…" at that length.
fn quoted_note(note: Option<&str>) -> Option<String> {
    note.map(|n| fit(&one_line(n), NOTE_MAX_CHARS))
        .filter(|n| !n.is_empty())
        .map(|n| format!("\"{n}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stiffness_change_shows_both_ratings() {
        assert_eq!(
            stiffness_part(Some(6), Some(3)).as_deref(),
            Some("stiffness 6 -> 3")
        );
    }

    #[test]
    fn a_skipped_rating_shows_as_a_dash() {
        assert_eq!(
            stiffness_part(None, Some(3)).as_deref(),
            Some("stiffness - -> 3")
        );
        assert_eq!(
            stiffness_part(Some(6), None).as_deref(),
            Some("stiffness 6 -> -")
        );
        assert_eq!(stiffness_part(None, None), None);
    }

    #[test]
    fn a_note_longer_than_a_person_types_ends_with_an_ellipsis() {
        let long = "a".repeat(5_000);
        let quoted = quoted_note(Some(&long)).unwrap();
        assert_eq!(quoted.chars().count(), NOTE_MAX_CHARS + 2);
        assert!(quoted.ends_with("a…\""), "{quoted}");
        assert_eq!(quoted_note(Some("ok")).as_deref(), Some("\"ok\""));
    }
}
