//! The adherence section: the calendar of the period, sessions per week and per routine
//! (desk resets per week are in [`super::desk`]).

use std::collections::BTreeMap;

use super::input::Input;
use super::model::{Adherence, DayCell, DayState, RoutineCount, WeekCount};
use crate::progress::days::DayTally;

/// The calendar and the weekly counts of the period, from the day tallies.
#[must_use]
pub fn adherence(input: &Input) -> Adherence {
    let days: Vec<DayCell> = input
        .period
        .days()
        .map(|date| {
            let tally = input.history.day(date);
            DayCell {
                date,
                state: state(&tally),
                sessions: tally.completed(),
            }
        })
        .collect();
    let weeks = input
        .period
        .mondays()
        .into_iter()
        .map(|monday| {
            let week = monday..monday + chrono::Days::new(7);
            let tallies = input
                .period
                .days()
                .filter(|d| week.contains(d))
                .map(|d| input.history.day(d));
            tallies.fold(
                WeekCount {
                    monday,
                    sessions: 0,
                    partly: 0,
                    days_done: 0,
                },
                |mut count, t| {
                    count.sessions += u32::from(t.completed());
                    count.partly += u32::from(t.partial);
                    count.days_done += u32::from(t.is_ritual());
                    count
                },
            )
        })
        .collect();
    Adherence {
        days,
        weeks,
        desk: super::desk::desk_weeks(input),
    }
}

fn state(tally: &DayTally) -> DayState {
    if tally.is_ritual() {
        DayState::Done
    } else if tally.rest {
        DayState::Rest
    } else if tally.partial > 0 {
        DayState::Partly
    } else {
        DayState::None
    }
}

/// Sessions per routine in the period, most played first, then by name.
#[must_use]
pub fn routine_counts(input: &Input) -> Vec<RoutineCount> {
    let mut counts: BTreeMap<&str, RoutineCount> = BTreeMap::new();
    for (_, session) in input.sessions() {
        let count = counts
            .entry(&session.routine)
            .or_insert_with(|| RoutineCount {
                routine: session.routine.clone(),
                title: String::new(),
                full: 0,
                short: 0,
                partly: 0,
            });
        count.title.clone_from(&session.title);
        match (session.completed, session.variant.as_str()) {
            (false, _) => count.partly += 1,
            (true, "short") => count.short += 1,
            (true, _) => count.full += 1,
        }
    }
    let mut list: Vec<RoutineCount> = counts.into_values().collect();
    list.sort_by_key(|c| std::cmp::Reverse(c.full + c.short + c.partly));
    list
}
