//! The pain marks of the period: each `!` with its step, side and choice (older records: the
//! painful steps by name), and whether a later session of the routine played the step in its
//! easier version.

use chrono::NaiveDate;

use super::input::Input;
use super::model::{EasierAfter, PainMark};
use crate::journal::record::SessionRecord;

/// A session with its ritual day.
type Dated<'a> = (NaiveDate, &'a SessionRecord);

/// Every pain mark of the period, in date order.
#[must_use]
pub fn pain_marks(input: &Input) -> Vec<PainMark> {
    let sessions: Vec<Dated> = input.sessions().collect();
    sessions
        .iter()
        .enumerate()
        .flat_map(|(i, (date, session))| {
            let mut marks = marks(*date, session);
            // Only sessions with marks look at the later ones, so a long period stays linear.
            if !marks.is_empty() {
                let later: Vec<Dated> = sessions[i + 1..]
                    .iter()
                    .filter(|(_, s)| s.routine == session.routine && s.started > session.started)
                    .copied()
                    .collect();
                for mark in &mut marks {
                    mark.easier_after = easier_after(mark.step.as_deref(), &later);
                }
            }
            marks
        })
        .collect()
}

/// The marks one session of `date` holds: its `marks`, or in records from before them, its
/// painful steps by name.
fn marks(date: NaiveDate, session: &SessionRecord) -> Vec<PainMark> {
    let mark = |step: Option<String>| PainMark {
        date,
        routine: session.title.clone(),
        step,
        side: None,
        chosen: None,
        easier_after: EasierAfter::NotRecorded,
    };
    if session.marks.is_empty() {
        return session
            .painful_steps
            .iter()
            .map(|step| mark(Some(step.clone())))
            .collect();
    }
    session
        .marks
        .iter()
        .map(|m| PainMark {
            side: m.side.clone(),
            chosen: Some(m.choice),
            ..mark(m.step.clone())
        })
        .collect()
}

/// What the `later` sessions of the routine say about `step`'s easier version.
fn easier_after(step: Option<&str>, later: &[Dated]) -> EasierAfter {
    let Some(step) = step else {
        return EasierAfter::NotRecorded;
    };
    let eased = later
        .iter()
        .find(|(_, s)| s.steps.iter().any(|p| p.name == step && p.easier));
    if let Some((date, _)) = eased {
        return EasierAfter::Used(*date);
    }
    if later.is_empty() {
        EasierAfter::NoLaterSession
    } else if later.iter().any(|(_, s)| !s.steps.is_empty()) {
        EasierAfter::NotUsed
    } else {
        EasierAfter::NotRecorded
    }
}
