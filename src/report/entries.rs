//! The report's lists: pain marks, notes, rest days and the routines as they were done.
//!
//! Today's journal records painful steps by name only; [`marks`] is the one place that turns
//! a session into pain marks, so richer records (side, choice) only change it.

use chrono::NaiveDate;

use super::input::Input;
use super::model::{Note, PainMark, RestDay, RoutineDone, RoutineStep, VersionUse};
use crate::journal::record::{Record, SessionRecord};
use crate::routine::Variant;

/// Every step marked painful in the period, in date order.
#[must_use]
pub fn pain_marks(input: &Input) -> Vec<PainMark> {
    input
        .sessions()
        .flat_map(|(date, s)| marks(date, s))
        .collect()
}

/// The pain marks one session of `date` holds.
fn marks(date: NaiveDate, session: &SessionRecord) -> impl Iterator<Item = PainMark> + '_ {
    session.painful_steps.iter().map(move |step| PainMark {
        date,
        routine: session.title.clone(),
        step: step.clone(),
        side: None,
        chosen: None,
        easier_after: None,
    })
}

/// Every note of the period, in date order.
#[must_use]
pub fn notes(input: &Input) -> Vec<Note> {
    input
        .dated()
        .filter_map(|(_, record)| match record {
            Record::Session(s) => Some(Note {
                at: s.started.naive_local(),
                with: s.title.clone(),
                text: s.note.clone()?,
            }),
            Record::Checkin(c) => Some(Note {
                at: c.at.naive_local(),
                with: "morning check-in".to_string(),
                text: c.note.clone()?,
            }),
            Record::Rest(_) | Record::Desk(_) => None,
        })
        .collect()
}

/// Every rest day of the period with its reason, in date order.
#[must_use]
pub fn rest_days(input: &Input) -> Vec<RestDay> {
    input
        .dated()
        .filter_map(|(_, r)| {
            if let Record::Rest(rest) = r {
                Some(rest)
            } else {
                None
            }
        })
        .map(|r| RestDay {
            date: r.date,
            reason: r.reason.clone(),
        })
        .collect()
}

/// The routines played in the period, in the order first played, with the versions of
/// their files played and their steps now.
#[must_use]
pub fn routines_done(input: &Input) -> Vec<RoutineDone> {
    let mut done: Vec<RoutineDone> = Vec::new();
    for (date, session) in input.sessions() {
        let index = if let Some(index) = done.iter().position(|d| d.routine == session.routine) {
            index
        } else {
            done.push(routine_now(input, session));
            done.len() - 1
        };
        let versions = &mut done[index].versions;
        match versions.last_mut() {
            Some(run) if run.version == session.routine_version => {
                run.last = date;
                run.sessions += 1;
            }
            _ => versions.push(VersionUse {
                version: session.routine_version.clone(),
                first: date,
                last: date,
                sessions: 1,
            }),
        }
    }
    done
}

/// A routine as its file is now, before any session is counted.
fn routine_now(input: &Input, session: &SessionRecord) -> RoutineDone {
    let now = input.routine(&session.routine);
    let steps = now.map_or_else(Vec::new, |r| {
        r.steps
            .iter()
            .map(|s| RoutineStep {
                name: s.name.clone(),
                amount: s.amount_in(Variant::Full),
                essential: s.essential,
            })
            .collect()
    });
    RoutineDone {
        routine: session.routine.clone(),
        title: session.title.clone(),
        steps,
        versions: Vec::new(),
        current: now.map(|r| r.version.clone()),
    }
}
