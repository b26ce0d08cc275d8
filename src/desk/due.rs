//! What `poised due` reports: a reset when the desk's schedule says one is due, and the
//! morning routine while today has no finished session of it.

use chrono::{DateTime, FixedOffset};

use super::records::events;
use super::schedule::Next;
use super::settings::DeskSettings;
use super::status::clock_time;
use crate::journal::Record;
use crate::text::sanitize;

/// The routine `poised due` reminds of once a day, until a session of it is finished.
pub const MORNING: &str = "morning";

/// One line per routine that is due at `now`, given today's records; empty when none is.
/// With `only`, just that routine: the desk's reset and transition follow the schedule,
/// any other routine is due until a session of it is finished today.
#[must_use]
pub fn due(
    settings: &DeskSettings,
    today: &[Record],
    now: DateTime<FixedOffset>,
    only: Option<&str>,
) -> Vec<String> {
    let mut lines = Vec::new();
    let resets = only.is_none_or(|name| settings.is_reset(name));
    let next = settings.schedule().next(&events(today, settings), now);
    if let (true, Next::Due { since, .. }) = (resets, next) {
        let routine = only.unwrap_or(&settings.routine);
        lines.push(format!(
            "{}: a reset is due (since {})",
            sanitize(routine),
            clock_time(now, since)
        ));
    }
    let daily = match only {
        None => Some(MORNING),
        Some(name) if !resets => Some(name),
        Some(_) => None,
    };
    if let Some(name) = daily.filter(|name| !done_today(today, name)) {
        lines.push(format!("{}: not done today", sanitize(name)));
    }
    lines
}

fn done_today(today: &[Record], routine: &str) -> bool {
    today
        .iter()
        .filter_map(Record::as_session)
        .any(|s| s.completed && s.routine == routine)
}
