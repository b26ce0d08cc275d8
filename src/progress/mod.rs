//! The read model: what the journal's records add up to. Ritual days, streaks, consistency,
//! stiffness trends, the calendar, hints, the morning check-in rule, the rest-day use case,
//! and the summary cache that keeps them quick to read.
//!
//! Everything here is pure but [`cache`], which reads the journal, and [`rest`], which
//! appends a rest day to it.
//! The CLI and the TUI get the whole picture through [`load`].

pub mod cache;
pub mod calendar;
mod checkin;
pub mod consistency;
pub mod days;
pub mod easier;
pub mod flare;
pub mod hints;
pub mod lately;
pub mod ledger;
pub mod model;
pub mod rest;
pub mod streak;
pub mod trends;

#[cfg(test)]
mod tests;

pub use cache::{Check, load, load_checked};
pub use calendar::{CALENDAR_WEEKS, Calendar, CalendarDay, DayKind};
pub use checkin::morning_checkin_due;
pub use model::{ProgressModel, RoutineFacts, StreakFigures, build};
