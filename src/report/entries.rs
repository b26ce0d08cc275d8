//! The report's lists: notes and rest days.

use super::input::Input;
use super::model::{Note, RestDay};
use crate::journal::record::Record;

/// Every note of the period, in date order.
#[must_use]
pub fn notes(input: &Input) -> Vec<Note> {
    input
        .dated()
        .filter_map(|(_, record)| match record {
            Record::Session(s) => Some(Note {
                at: s.started.naive_local(),
                with: s.title.clone(),
                text: s.note.clone()?,
            }),
            Record::Checkin(c) => Some(Note {
                at: c.at.naive_local(),
                with: "morning check-in".to_string(),
                text: c.note.clone()?,
            }),
            Record::Rest(_) | Record::Desk(_) => None,
        })
        .collect()
}

/// Every rest day of the period with its reason, in date order.
#[must_use]
pub fn rest_days(input: &Input) -> Vec<RestDay> {
    input
        .dated()
        .filter_map(|(_, r)| {
            if let Record::Rest(rest) = r {
                Some(rest)
            } else {
                None
            }
        })
        .map(|r| RestDay {
            date: r.date,
            reason: r.reason.clone(),
        })
        .collect()
}
