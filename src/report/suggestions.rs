//! The hints that applied during the period: the progress screen's rules run as of each day,
//! consecutive days of the same hint joined into one span.

use std::mem::discriminant;

use chrono::Days;

use super::input::Input;
use super::model::HintSpan;
use crate::progress::hints::{Hint, hints};

/// Each hint that applied, with the first and last day it applied and its numbers on the
/// first; ordered by first day. "Nothing to suggest" is left out.
#[must_use]
pub fn hint_spans(input: &Input) -> Vec<HintSpan> {
    let mut spans: Vec<HintSpan> = Vec::new();
    let phase_of = |id: &str| input.routine(id).and_then(|r| r.phase).map(|p| p.number());
    for date in input.period.days() {
        let window = input.between(date - Days::new(super::input::LOOK_BACK_DAYS - 1), date);
        for hint in hints(input.history, window, date, input.day_start, &phase_of) {
            if hint == Hint::Nothing {
                continue;
            }
            let yesterday = date - Days::new(1);
            match spans
                .iter_mut()
                .rev()
                .find(|s| s.last == yesterday && same(&s.hint, &hint))
            {
                Some(span) => span.last = date,
                None => spans.push(HintSpan {
                    first: date,
                    last: date,
                    hint,
                }),
            }
        }
    }
    spans.sort_by_key(|s| s.first);
    spans
}

/// The same hint on two days: the same rule, and for a painful step the same step.
fn same(a: &Hint, b: &Hint) -> bool {
    match (a, b) {
        (Hint::Painful { step: x, .. }, Hint::Painful { step: y, .. }) => x == y,
        _ => discriminant(a) == discriminant(b),
    }
}
