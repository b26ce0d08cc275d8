//! The rules behind each hint, one function each, over the same input.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, NaiveTime};

use super::Hint;
use crate::journal::record::{Record, SessionRecord};
use crate::progress::days::{History, ritual_date};
use crate::progress::streak::days_done_in_last;
use crate::progress::trends::{mean, rated, recent_sessions, stiffness_change, window_start};

/// Days without a session before "come back gently".
pub const COME_BACK_AFTER_DAYS: u32 = 4;
/// The window for painful steps, stiffer-after sessions and the progress checks.
pub const HOLD_DAYS: u64 = 14;
/// How far back a stiffer morning still matters.
pub const MORNING_ROSE_DAYS: u64 = 7;
/// A morning this much stiffer than the one before the session day says "hold".
pub const MORNING_ROSE_BY: f64 = 2.0;
/// Ritual days among the last 7 needed to progress.
pub const PROGRESS_DAYS_DONE: u32 = 5;
/// Morning stiffness may rise this little and still count as flat.
pub const FLAT_TOLERANCE: f64 = 0.5;
/// Check-in days needed in each half of the morning comparison.
pub const MIN_MORNINGS: usize = 3;
/// Rated sessions needed to judge how sessions leave the back.
pub const MIN_RATED: u32 = 3;

pub(super) struct Input<'a> {
    pub history: &'a History,
    pub recent: &'a [Record],
    pub today: NaiveDate,
    pub day_start: NaiveTime,
    pub phase_of: &'a dyn Fn(&str) -> Option<u8>,
}

impl Input<'_> {
    fn sessions(&self, days: u64) -> Vec<&SessionRecord> {
        let mut list: Vec<&SessionRecord> =
            recent_sessions(self.recent, self.today, days, self.day_start).collect();
        list.sort_by_key(|s| s.started);
        list
    }
}

pub(super) fn come_back(input: &Input) -> Option<Hint> {
    let last = input.history.last_played(input.today)?;
    let days = u32::try_from((input.today - last).num_days()).ok()?;
    (days >= COME_BACK_AFTER_DAYS).then_some(Hint::ComeBack { days, last })
}

pub(super) fn painful(input: &Input) -> Vec<Hint> {
    let mut steps: BTreeMap<&str, (u32, NaiveDate)> = BTreeMap::new();
    for session in input.sessions(HOLD_DAYS) {
        let date = ritual_date(session.started, input.day_start);
        for step in &session.painful_steps {
            let entry = steps.entry(step).or_insert((0, date));
            entry.0 += 1;
            entry.1 = entry.1.max(date);
        }
    }
    let mut marked: Vec<(&str, (u32, NaiveDate))> = steps.into_iter().collect();
    marked.sort_by_key(|(_, (_, last))| std::cmp::Reverse(*last));
    marked
        .into_iter()
        .map(|(step, (times, last))| Hint::Painful {
            step: step.to_string(),
            times,
            last,
        })
        .collect()
}

pub(super) fn morning_rose(input: &Input) -> Option<Hint> {
    let start = window_start(input.today, MORNING_ROSE_DAYS);
    let history = input.history;
    history
        .days
        .range(start..=input.today)
        .rev()
        .find_map(|(&date, tally)| {
            let morning = tally.morning()?;
            let session_day = date.pred_opt()?;
            if !history.day(session_day).played() {
                return None;
            }
            let before = history
                .day(session_day)
                .morning()
                .or_else(|| first_rating_on(input, session_day))?;
            (morning - before >= MORNING_ROSE_BY).then_some(Hint::MorningRose {
                session_day,
                before,
                morning,
            })
        })
}

/// The "before" rating of the first rated session of a day.
fn first_rating_on(input: &Input, date: NaiveDate) -> Option<f64> {
    input
        .sessions(HOLD_DAYS + MORNING_ROSE_DAYS)
        .into_iter()
        .filter(|s| ritual_date(s.started, input.day_start) == date)
        .find_map(|s| s.stiffness_before.map(f64::from))
}

pub(super) fn stiffer_after(input: &Input) -> Option<Hint> {
    let sessions = input.sessions(HOLD_DAYS);
    let pairs: Vec<(u8, u8)> = rated(sessions.into_iter()).collect();
    let [.., older, newer] = pairs.as_slice() else {
        return None;
    };
    (older.1 > older.0 && newer.1 > newer.0).then_some(Hint::StifferAfter {
        sessions: [*older, *newer],
    })
}

pub(super) fn progress(input: &Input) -> Option<Hint> {
    let days_done = days_done_in_last(input.history, input.today, 7);
    if days_done < PROGRESS_DAYS_DONE {
        return None;
    }
    let recent_start = window_start(input.today, HOLD_DAYS);
    let before_start = recent_start - Days::new(HOLD_DAYS);
    let mornings_recent = mornings(input.history, recent_start, input.today)?;
    let mornings_before = mornings(input.history, before_start, recent_start.pred_opt()?)?;
    let sessions = input.sessions(HOLD_DAYS);
    let change = stiffness_change(rated(sessions.iter().copied()))?;
    let only_phase_one = sessions
        .iter()
        .all(|s| (input.phase_of)(&s.routine) == Some(1));
    let flat = mornings_recent <= mornings_before + FLAT_TOLERANCE;
    (flat && change.sessions >= MIN_RATED && change.mean <= 0.0).then_some(Hint::Progress {
        only_phase_one,
        days_done,
        mornings_before,
        mornings_recent,
        change: change.mean,
    })
}

/// The mean morning rating over a span of days, when enough days have check-ins.
fn mornings(history: &History, from: NaiveDate, to: NaiveDate) -> Option<f64> {
    let values: Vec<f64> = history
        .days
        .range(from..=to)
        .filter_map(|(_, t)| t.morning())
        .collect();
    (values.len() >= MIN_MORNINGS).then(|| mean(&values))
}
