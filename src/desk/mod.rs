//! Desk mode: short resets through the working day. The interval (`every`), working hours and
//! days, the schedule that says when a reset is due, the day's tally with its snooze and skip
//! budget, and the running desk's state.
//!
//! Everything here is pure: the time is an argument, so the rules are tested with literal
//! times. The screen lives in `tui::screens::desk`, the commands in `cli`.

pub mod due;
pub mod every;
pub mod hours;
pub mod records;
pub mod schedule;
pub mod settings;
pub mod state;
pub mod status;
pub mod tally;

#[cfg(test)]
mod tests;

pub use every::Every;
pub use hours::{Hours, WorkDays, Workweek};
pub use schedule::{Answer, Event, Next, SNOOZE, Schedule};
pub use settings::DeskSettings;
pub use state::{Desk, Phase};
pub use status::Status;
pub use tally::{DEFAULT_BUDGET, Mark, Tally};
