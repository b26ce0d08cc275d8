//! Which steps the next session of a routine plays in their easier version.
//!
//! The rule: a step marked painful (`!`) in a session of a routine is offered in its easier
//! version in the sessions of that routine that follow, until [`CLEAN_SESSIONS`] finished
//! sessions in a row have gone by without a mark on it. A new mark starts the count again.
//! Only marks from the last [`LOOK_BACK_DAYS`] days count, so an old mark is forgotten even
//! when the routine was not played since. A session ended early neither counts as clean nor
//! breaks the run; a mark in it counts. A session of the short version counts like any other.
//!
//! The rule is pure: today and the sessions are arguments, so it is tested with literal dates.

use std::fmt;

use chrono::{NaiveDate, NaiveTime};

use super::days::ritual_date;
use super::trends::recent_sessions;
use crate::journal::record::Record;

/// Finished sessions in a row without a mark on a step before its usual version comes back.
pub const CLEAN_SESSIONS: u32 = 3;
/// How far back a mark still counts, in days, today included.
pub const LOOK_BACK_DAYS: u64 = 28;

/// One past session of a routine, as the rule sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PastSession<'a> {
    /// The ritual day it counts for.
    pub date: NaiveDate,
    /// Played to its end.
    pub completed: bool,
    /// The names of the steps marked painful in it.
    pub painful: &'a [String],
}

/// A step to play in its easier version, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub step: String,
    /// The day of the latest mark.
    pub marked_on: NaiveDate,
    /// Finished sessions without a mark since then (fewer than [`CLEAN_SESSIONS`]).
    pub clean_since: u32,
}

impl fmt::Display for Offer {
    /// The line that says why: "Bird-dog, easier: marked painful on 28 Nov".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = self.marked_on.format("%-d %b");
        write!(f, "{}, easier: marked painful on {day}", self.step)
    }
}

/// The steps to offer eased, by step name, from the sessions of one routine in the order
/// they were played (oldest first), as of `today`.
#[must_use]
pub fn offers(sessions: &[PastSession], today: NaiveDate) -> Vec<Offer> {
    let since = today - chrono::Days::new(LOOK_BACK_DAYS.saturating_sub(1));
    let mut open = Vec::new();
    for session in sessions
        .iter()
        .filter(|s| (since..=today).contains(&s.date))
    {
        played(&mut open, session);
    }
    open.sort_by(|a, b| a.step.cmp(&b.step));
    open
}

/// Brings the offers of a routine up to date with one more session of it.
pub fn played(open: &mut Vec<Offer>, session: &PastSession) {
    for offer in open.iter_mut() {
        let marked = session.painful.contains(&offer.step);
        offer.clean_since += u32::from(session.completed && !marked);
    }
    open.retain(|offer| {
        offer.clean_since < CLEAN_SESSIONS && !session.painful.contains(&offer.step)
    });
    open.extend(session.painful.iter().map(|step| Offer {
        step: step.clone(),
        marked_on: session.date,
        clean_since: 0,
    }));
}

/// The offers for `routine` from the journal's recent records (which must hold at least the
/// last [`LOOK_BACK_DAYS`] days), as of `today`.
#[must_use]
pub fn offers_from(
    recent: &[Record],
    routine: &str,
    today: NaiveDate,
    day_start: NaiveTime,
) -> Vec<Offer> {
    let mut played: Vec<_> = recent_sessions(recent, today, LOOK_BACK_DAYS, day_start)
        .filter(|s| s.routine == routine)
        .collect();
    played.sort_by_key(|s| s.started);
    let sessions: Vec<PastSession> = played
        .iter()
        .map(|s| PastSession {
            date: ritual_date(s.started, day_start),
            completed: s.completed,
            painful: &s.painful_steps,
        })
        .collect();
    offers(&sessions, today)
}
