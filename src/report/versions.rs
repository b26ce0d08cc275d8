//! The routines as they were done: the versions of each routine's file played in the period,
//! and what changed from one to the next, worked out from the plans the sessions recorded
//! (the old file itself is gone).
//!
//! Two versions are compared by a plan of each in the same variant (the latest session's, the
//! full version's when both were played in full). Steps are matched by name; a step removed and
//! one added in the same place count as renamed. A step played in its easier version on either
//! side is compared by name only, since its amount is the easier version's.

use super::input::Input;
use super::model::{RoutineDone, RoutineStep, StepChange, VersionChange, VersionUse};
use crate::journal::StepPlayed;
use crate::journal::record::{Record, SessionRecord};
use crate::routine::Variant;

/// The latest recorded plan of a run of sessions, in each variant.
#[derive(Default)]
struct Plans<'a> {
    full: Option<&'a [StepPlayed]>,
    short: Option<&'a [StepPlayed]>,
}

impl<'a> Plans<'a> {
    fn add(&mut self, session: &'a SessionRecord) {
        if session.steps.is_empty() {
            return;
        }
        let slot = if session.variant == Variant::Short.as_str() {
            &mut self.short
        } else {
            &mut self.full
        };
        *slot = Some(&session.steps);
    }

    /// What changed from `self` (the earlier version) to `next`.
    fn change_to(&self, next: &Plans) -> VersionChange {
        let none = self.full.is_none() && self.short.is_none();
        if none || (next.full.is_none() && next.short.is_none()) {
            return VersionChange::NotRecorded;
        }
        match (self.full.zip(next.full), self.short.zip(next.short)) {
            (Some((a, b)), _) | (None, Some((a, b))) => VersionChange::Steps(changes(a, b)),
            (None, None) => VersionChange::OtherVariant,
        }
    }
}

/// The routines played in the period, in the order first played, with the versions of
/// their files played, what changed between them, and their steps now.
#[must_use]
pub fn routines_done(input: &Input) -> Vec<RoutineDone> {
    let mut done: Vec<(RoutineDone, Vec<Plans>)> = Vec::new();
    for (date, session) in input.sessions() {
        let index = if let Some(i) = done.iter().position(|(d, _)| d.routine == session.routine) {
            i
        } else {
            done.push((routine_now(input, session), Vec::new()));
            done.len() - 1
        };
        let (routine, plans) = &mut done[index];
        match routine.versions.last_mut() {
            Some(run) if run.version == session.routine_version => {
                run.last = date;
                run.sessions += 1;
            }
            _ => {
                routine.versions.push(VersionUse {
                    version: session.routine_version.clone(),
                    first: date,
                    last: date,
                    sessions: 1,
                    change: VersionChange::First,
                });
                plans.push(Plans::default());
            }
        }
        if let Some(plan) = plans.last_mut() {
            plan.add(session);
        }
    }
    done.into_iter()
        .map(|(mut routine, plans)| {
            let before = before_period(input, &routine.routine);
            if let (Some((version, earlier)), Some(first), Some(plan)) =
                (before, routine.versions.first_mut(), plans.first())
                && version != first.version
            {
                first.change = earlier.change_to(plan);
            }
            for (i, pair) in plans.windows(2).enumerate() {
                routine.versions[i + 1].change = pair[0].change_to(&pair[1]);
            }
            routine
        })
        .collect()
}

/// The version of `routine` last played in the weeks before the period, and its plans, so a
/// file changed as the period began is compared too.
fn before_period<'a>(input: &'a Input, routine: &str) -> Option<(Option<String>, Plans<'a>)> {
    let eve = input.period.since.pred_opt()?;
    let earlier: Vec<&SessionRecord> = input
        .between(input.period.look_back(), eve)
        .iter()
        .filter_map(Record::as_session)
        .filter(|s| s.routine == routine)
        .collect();
    let version = &earlier.last()?.routine_version;
    let run = earlier
        .iter()
        .rposition(|s| s.routine_version != *version)
        .map_or(0, |i| i + 1);
    let mut plans = Plans::default();
    for session in &earlier[run..] {
        plans.add(session);
    }
    Some((version.clone(), plans))
}

/// The changes from plan `a` to plan `b`: steps removed, renamed and added, then amounts
/// changed, then a new order.
fn changes(a: &[StepPlayed], b: &[StepPlayed]) -> Vec<StepChange> {
    let pairs = matched(a, b);
    let mut out: Vec<StepChange> = pairs.iter().filter_map(|p| presence(*p)).collect();
    out.extend(pairs.iter().filter_map(|p| amount(*p)));
    let kept = |plan: &[StepPlayed], other: &[StepPlayed]| -> Vec<String> {
        plan.iter()
            .filter(|s| other.iter().any(|o| o.name == s.name))
            .map(|s| s.name.clone())
            .collect()
    };
    if kept(a, b) != kept(b, a) {
        out.push(StepChange::Reordered);
    }
    out
}

/// A step of the earlier plan and its step in the later one.
type Pair<'p> = (Option<&'p StepPlayed>, Option<&'p StepPlayed>);

/// Each step of `a` with its step in `b` (the same name, or a new name in the same place),
/// then the steps of `b` left over.
fn matched<'p>(a: &'p [StepPlayed], b: &'p [StepPlayed]) -> Vec<Pair<'p>> {
    let in_a = |name: &str| a.iter().any(|s| s.name == name);
    let mut pairs: Vec<Pair> = a
        .iter()
        .enumerate()
        .map(|(place, old)| {
            let same = b.iter().find(|new| new.name == old.name);
            let renamed = || b.get(place).filter(|new| !in_a(&new.name));
            (Some(old), same.or_else(renamed))
        })
        .collect();
    let taken: Vec<&str> = pairs
        .iter()
        .filter_map(|(_, new)| new.map(|n| n.name.as_str()))
        .collect();
    let left = b.iter().filter(|new| !taken.contains(&new.name.as_str()));
    pairs.extend(left.map(|new| (None, Some(new))));
    pairs
}

/// A step removed, added or renamed.
fn presence((old, new): Pair) -> Option<StepChange> {
    match (old, new) {
        (Some(old), None) => Some(StepChange::Removed {
            name: old.name.clone(),
            amount: old.amount_text(),
        }),
        (None, Some(new)) => Some(StepChange::Added {
            name: new.name.clone(),
            amount: new.amount_text(),
        }),
        (Some(old), Some(new)) if old.name != new.name => Some(StepChange::Renamed {
            from: old.name.clone(),
            to: new.name.clone(),
        }),
        _ => None,
    }
}

/// New seconds or reps for a step kept, unless one side played its easier version.
fn amount((old, new): Pair) -> Option<StepChange> {
    let (old, new) = old.zip(new)?;
    let (from, to) = (old.amount_text(), new.amount_text());
    (old.easier == new.easier && from != to).then(|| StepChange::Amount {
        name: new.name.clone(),
        from,
        to,
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Amount;

    fn step(name: &str, reps: u32) -> StepPlayed {
        StepPlayed {
            name: name.to_string(),
            amount: Amount::Reps(reps),
            per_side: false,
            easier: false,
        }
    }

    #[test]
    fn added_removed_renamed_and_amounts_are_told_apart() {
        let a = [
            step("Cat-camel", 8),
            step("Bridges", 10),
            step("Knee rolls", 6),
        ];
        let b = [
            step("Cat and camel", 8),
            step("Bridges", 12),
            step("Clamshells", 10),
            step("Knee rolls", 6),
        ];
        assert_eq!(
            changes(&a, &b),
            [
                StepChange::Renamed {
                    from: "Cat-camel".into(),
                    to: "Cat and camel".into()
                },
                StepChange::Added {
                    name: "Clamshells".into(),
                    amount: "10 reps".into()
                },
                StepChange::Amount {
                    name: "Bridges".into(),
                    from: "10 reps".into(),
                    to: "12 reps".into()
                },
            ]
        );
    }

    #[test]
    fn plans_not_recorded_or_of_other_variants_are_not_compared() {
        fn plans<'a>(full: Option<&'a [StepPlayed]>, short: Option<&'a [StepPlayed]>) -> Plans<'a> {
            Plans { full, short }
        }
        let full = &[step("Bridges", 10)][..];
        let short = &[step("Bridges", 5)][..];
        let none = plans(None, None);
        assert_eq!(
            none.change_to(&plans(Some(full), None)),
            VersionChange::NotRecorded
        );
        assert_eq!(
            plans(Some(full), None).change_to(&plans(None, Some(short))),
            VersionChange::OtherVariant
        );
        assert_eq!(
            plans(Some(full), Some(short)).change_to(&plans(None, Some(short))),
            VersionChange::Steps(Vec::new())
        );
    }

    #[test]
    fn an_easier_step_is_compared_by_name_only_and_order_counts() {
        let mut eased = step("Bridges", 6);
        eased.easier = true;
        let a = [step("Cat-camel", 8), step("Bridges", 10)];
        assert_eq!(changes(&a, &[step("Cat-camel", 8), eased]), []);
        assert_eq!(
            changes(&a, &[step("Bridges", 10), step("Cat-camel", 8)]),
            [StepChange::Reordered]
        );
        assert_eq!(
            changes(&a, &[step("Cat-camel", 8)]),
            [StepChange::Removed {
                name: "Bridges".into(),
                amount: "10 reps".into()
            }]
        );
    }
}
