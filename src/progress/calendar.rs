//! The calendar: one cell per day, weekdays as rows and weeks as columns; two years of it,
//! of which the screen shows as many of the latest weeks as fit.

use chrono::{Datelike, Days, NaiveDate};

use crate::progress::days::{DayTally, History};

/// Weeks the calendar holds, the current one included.
pub const CALENDAR_WEEKS: u64 = 104;

/// What a day of the calendar shows; each has its own mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// Nothing recorded.
    Empty,
    /// Only sessions ended early.
    Partial,
    /// Completed sessions, all of the short version.
    Short,
    /// At least one completed full session.
    Full,
    /// A rest day without a completed session.
    Rest,
    /// After today: not drawn as missed.
    Future,
}

/// One cell of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDay {
    pub date: NaiveDate,
    /// Completed sessions that day, for the shade.
    pub sessions: u16,
    pub kind: DayKind,
}

/// The last [`CALENDAR_WEEKS`] weeks, each week Monday first; the last week holds today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub weeks: Vec<[CalendarDay; 7]>,
    pub today: NaiveDate,
}

/// Lays out the calendar ending with today's week.
#[must_use]
pub fn calendar(history: &History, today: NaiveDate) -> Calendar {
    let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let first = monday - Days::new(7 * (CALENDAR_WEEKS - 1));
    let weeks: Vec<[CalendarDay; 7]> = (0..CALENDAR_WEEKS)
        .map(|w| {
            std::array::from_fn(|d| {
                let date = first + Days::new(7 * w + d as u64);
                cell(date, history.day(date), today)
            })
        })
        .collect();
    Calendar { weeks, today }
}

fn cell(date: NaiveDate, tally: DayTally, today: NaiveDate) -> CalendarDay {
    let kind = if date > today {
        DayKind::Future
    } else if tally.full > 0 {
        DayKind::Full
    } else if tally.short > 0 {
        DayKind::Short
    } else if tally.rest {
        DayKind::Rest
    } else if tally.partial > 0 {
        DayKind::Partial
    } else {
        DayKind::Empty
    };
    let sessions = if date > today { 0 } else { tally.completed() };
    CalendarDay {
        date,
        sessions,
        kind,
    }
}
