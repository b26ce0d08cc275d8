//! The desk's events read from journal records: sessions (any session ends an interval; a
//! completed reset or transition counts as a reset done) and the desk's own records.

use super::schedule::Event;
use super::settings::DeskSettings;
use crate::journal::Record;

/// The events among `records` that bear on the desk.
#[must_use]
pub fn events(records: &[Record], settings: &DeskSettings) -> Vec<Event> {
    records
        .iter()
        .filter_map(|record| match record {
            Record::Session(s) => Some(Event::Session {
                ended: s.ended,
                reset: s.completed && settings.is_reset(&s.routine),
            }),
            _ => None,
        })
        .collect()
}
