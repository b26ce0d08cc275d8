//! The rest-day use case: record the day of `now` as a rest day, once, and say what it does
//! for the streak. The CLI's `poised rest` and the app's `R` both come here.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use super::cache::summarize_journal;
use super::days::{History, ritual_date};
use super::streak::Kept;
use crate::journal::{AppendError, Journal, ReadError, Record, RestRecord, note_or_none};
use crate::paths::Paths;

/// What recording a rest day came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rested {
    /// Recorded for `date`, with what it does for the streak.
    Recorded {
        date: NaiveDate,
        reason: Option<String>,
        effect: RestEffect,
        /// The new record's id, to take it back.
        id: String,
    },
    /// `date` was a rest day already; nothing was written.
    Already(NaiveDate),
}

/// What a rest day does for the streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestEffect {
    /// A session is done today; the day counts anyway.
    SessionDone,
    /// It keeps the current streak alive (0: there is none yet).
    Keeps(u32),
    /// The third rest day within 7 days keeps nothing.
    TooMany,
}

/// Why no rest day was recorded.
#[derive(Debug, thiserror::Error)]
pub enum RestError {
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The rest day could not be appended; the record is kept for the person.
    #[error(transparent)]
    NotSaved(Box<AppendError>),
}

/// Records the day of `now` as a rest day unless it is one already. `told` hears what
/// reading the journal had to say (its warnings, then the notices for `--verbose`) before
/// anything is written.
pub fn record_rest(
    paths: &Paths,
    (day_start, now): (NaiveTime, DateTime<FixedOffset>),
    reason: Option<&str>,
    told: impl FnOnce(&[String], &[String]),
) -> Result<Rested, RestError> {
    let today = ritual_date(now, day_start);
    let mut summary = summarize_journal(paths, day_start, today)?;
    told(&summary.warnings, &summary.notices);
    if summary.history.day(today).rest {
        return Ok(Rested::Already(today));
    }
    let reason = reason.and_then(note_or_none);
    let record = Record::Rest(RestRecord {
        date: today,
        reason: reason.clone(),
    });
    let id = Journal::new(&paths.journal)
        .append(&record)
        .map_err(|e| RestError::NotSaved(Box::new(e)))?;
    // Today is never folded: the history keeps its last two years day by day.
    let _ = summary.history.add(&record, day_start);
    Ok(Rested::Recorded {
        date: today,
        reason,
        effect: effect(&summary.history, today),
        id,
    })
}

fn effect(history: &History, today: NaiveDate) -> RestEffect {
    let standing = history.standing(today);
    match standing.today {
        Some(Kept::Ritual) => RestEffect::SessionDone,
        Some(Kept::Rest) => RestEffect::Keeps(standing.streaks.current),
        None => RestEffect::TooMany,
    }
}
