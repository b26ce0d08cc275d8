//! Small hand-built routines for the engine's unit tests (the loader is not involved).

use std::time::Duration;

use crate::routine::{Breathing, Routine, Step, Variant, Work};

pub fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

pub fn s(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// A step with no get-ready, no rest, and calm breathing (4 in, 6 out).
pub fn step(work: Work) -> Step {
    Step::new("step", work, Breathing::from_secs(4.0, 0.0, 6.0, 0.0))
}

pub fn reps(count: u32, effort: u64, release: u64) -> Work {
    Work::reps(count, s(effort), s(release))
}

/// A routine with a 5 s switch between sides.
pub fn routine(steps: Vec<Step>) -> Routine {
    Routine {
        id: String::from("test"),
        title: String::from("Test"),
        wardrobe: String::from("morning"),
        summary: String::new(),
        setting: Vec::new(),
        phase: None,
        breathing: Breathing::from_secs(4.0, 0.0, 6.0, 0.0),
        switch_sides: s(5),
        steps,
        version: String::new(),
    }
}

pub fn timeline(steps: Vec<Step>) -> super::Timeline {
    super::Timeline::new(&routine(steps), Variant::Full)
}
