//! The desk's events to and from journal records. Sessions are read (any session ends an
//! interval; a completed reset or transition counts as a reset done); the desk's own
//! `[[desk]]` records are read and written: one when the desk opens and one per answer to a
//! prompt, with the time the prompt was first shown.

use super::schedule::{Answer, Event};
use super::settings::DeskSettings;
use crate::journal::{DeskEvent, DeskRecord, Record};

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
            Record::Desk(d) => Some(event(d)),
            _ => None,
        })
        .collect()
}

/// The desk event a `[[desk]]` record holds; an answer without its prompt's time is the
/// prompt of that moment.
fn event(d: &DeskRecord) -> Event {
    let answer = match d.event {
        DeskEvent::Opened => return Event::Opened { at: d.at },
        DeskEvent::Reset => Answer::Reset,
        DeskEvent::Transition => Answer::Transition,
        DeskEvent::Snoozed => Answer::Snoozed,
        DeskEvent::Skipped => Answer::Skipped,
        DeskEvent::Missed => Answer::Missed,
    };
    Event::Prompt {
        offered: d.offered.unwrap_or(d.at),
        at: d.at,
        answer,
    }
}

/// The record that keeps a desk event; `None` for sessions, which keep their own.
#[must_use]
pub fn record(event: &Event) -> Option<Record> {
    let (at, event, offered) = match *event {
        Event::Opened { at } => (at, DeskEvent::Opened, None),
        Event::Prompt {
            offered,
            at,
            answer,
        } => {
            let event = match answer {
                Answer::Reset => DeskEvent::Reset,
                Answer::Transition => DeskEvent::Transition,
                Answer::Snoozed => DeskEvent::Snoozed,
                Answer::Skipped => DeskEvent::Skipped,
                Answer::Missed => DeskEvent::Missed,
            };
            (at, event, Some(offered))
        }
        Event::Session { .. } => return None,
    };
    Some(Record::Desk(DeskRecord { at, event, offered }))
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;

    #[test]
    fn every_desk_event_reads_back_from_its_record() {
        let at = DateTime::parse_from_rfc3339("2026-11-30T10:47:00+01:00").unwrap();
        let offered = DateTime::parse_from_rfc3339("2026-11-30T10:45:00+01:00").unwrap();
        let settings = DeskSettings::default();
        let mut written = vec![Event::Opened { at }];
        for answer in [
            Answer::Reset,
            Answer::Transition,
            Answer::Snoozed,
            Answer::Skipped,
            Answer::Missed,
        ] {
            written.push(Event::Prompt {
                offered,
                at,
                answer,
            });
        }
        let records: Vec<Record> = written.iter().filter_map(record).collect();
        assert_eq!(events(&records, &settings), written);
    }
}
