//! The words a session uses for a step beyond its name: the short cue, what each side means,
//! which side comes first, and what to say aloud at get-ready. One home for each, so the
//! screens, the plain mode and the voice agree.

use super::timeline::Side;
use crate::routine::Step;

/// The short cue: what to do while moving, always shown and spoken.
#[must_use]
pub fn short_cue(step: &Step) -> &str {
    &step.cue
}

/// What a side means for this step, such as "left side".
#[must_use]
pub fn side_words(_step: &Step, side: Side) -> &'static str {
    match side {
        Side::Left => "left side",
        Side::Right => "right side",
    }
}

/// The side a per-side step begins with.
#[must_use]
pub fn first_side(_step: &Step) -> Side {
    Side::Left
}

/// The other side.
#[must_use]
pub fn other(side: Side) -> Side {
    match side {
        Side::Left => Side::Right,
        Side::Right => Side::Left,
    }
}

/// The step's name, with the first side for a per-side step: "Open book, left side".
#[must_use]
pub fn name_and_side(step: &Step) -> String {
    if step.per_side {
        format!("{}, {}", step.name, side_words(step, first_side(step)))
    } else {
        step.name.clone()
    }
}

/// What is said as a step's get-ready begins: its name, the side, and its short cue.
#[must_use]
pub fn get_ready_words(step: &Step) -> String {
    let cue = short_cue(step).trim();
    let name = name_and_side(step);
    if cue.is_empty() {
        name
    } else {
        format!("{name}. {cue}")
    }
}
