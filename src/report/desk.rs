//! Desk resets in the period, week by week: the prompts offered and how each was answered,
//! and the resets done, as desk mode tallies each day ([`crate::desk::Tally`]). Only days with
//! a `[[desk]]` record count, so a reset played from Home on a day without the desk is not a
//! desk reset.

use chrono::Days;

use super::input::Input;
use super::model::DeskWeek;
use crate::desk::records::events;
use crate::desk::{Mark, Tally};
use crate::journal::Record;

/// Every week of the period with its desk tallies; empty when the desk was not used.
#[must_use]
pub fn desk_weeks(input: &Input) -> Vec<DeskWeek> {
    let weeks: Vec<DeskWeek> = input
        .period
        .mondays()
        .into_iter()
        .map(|monday| {
            let week = monday..monday + Days::new(7);
            let days = input.period.days().filter(|d| week.contains(d));
            days.fold(
                DeskWeek {
                    monday,
                    ..DeskWeek::default()
                },
                |sum, day| add(sum, input.between(day, day), input),
            )
        })
        .collect();
    if weeks.iter().all(|w| w.days == 0) {
        return Vec::new();
    }
    weeks
}

/// `week` with one more day's records added, when the desk was used that day.
fn add(mut week: DeskWeek, records: &[Record], input: &Input) -> DeskWeek {
    if !records.iter().any(|r| r.as_desk().is_some()) {
        return week;
    }
    let tally = Tally::of(&events(records, input.desk));
    week.days += 1;
    week.offered += tally.offered;
    week.done += tally.done;
    week.snoozed += tally.snoozed;
    week.skipped += tally.skipped;
    let missed = tally.marks.iter().filter(|m| **m == Mark::Missed).count();
    week.missed += u32::try_from(missed).unwrap_or(u32::MAX);
    week
}
