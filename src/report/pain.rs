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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::journal::parse;

    /// A session of 2026-11-`day` whose record holds `steps` (a TOML line, or nothing).
    fn session(day: u32, steps: &str) -> (NaiveDate, SessionRecord) {
        let text = format!(
            "[[session]]\nroutine = \"morning\"\ntitle = \"Morning\"\nvariant = \"full\"\n\
             started = 2026-11-{day:02}T07:00:00+01:00\nended = 2026-11-{day:02}T07:07:00+01:00\n\
             active_seconds = 420\ncompleted = true\nsteps_done = 1\nsteps_total = 1\n{steps}"
        );
        let parsed = parse(Path::new("journal.toml"), text.as_bytes());
        let record = parsed.records[0].as_session().cloned().unwrap_or_else(|| {
            panic!("{text}: {:?}", parsed.warnings);
        });
        (record.started.date_naive(), record)
    }

    fn after(step: Option<&str>, later: &[&(NaiveDate, SessionRecord)]) -> EasierAfter {
        let dated: Vec<Dated> = later.iter().map(|(d, r)| (*d, r)).collect();
        easier_after(step, &dated)
    }

    #[test]
    fn the_easier_version_afterwards_is_told_from_the_later_sessions() {
        let old = session(3, "");
        let usual = session(4, "steps = [{ name = \"Bridges\", reps = 8 }]\n");
        let eased = session(
            5,
            "steps = [{ name = \"Bridges\", reps = 6, easier = true }]\n",
        );
        assert_eq!(after(Some("Bridges"), &[]), EasierAfter::NoLaterSession);
        assert_eq!(after(Some("Bridges"), &[&old]), EasierAfter::NotRecorded);
        assert_eq!(
            after(Some("Bridges"), &[&old, &usual]),
            EasierAfter::NotUsed
        );
        assert_eq!(
            after(Some("Bridges"), &[&usual, &eased]),
            EasierAfter::Used(eased.0)
        );
        assert_eq!(after(None, &[&eased]), EasierAfter::NotRecorded);
    }
}
