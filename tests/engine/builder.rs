//! Routines built in Rust for the engine's specification, read like a routine file:
//! `routine([timed("Breathe", 30).get_ready(0), reps("Tilt", 4, 2, 3).per_side()])`.

use std::time::Duration;

use poised::routine::{Breathing, Routine, Step, Work};

/// Calm breathing: 4 s in, 6 s out.
pub const CALM: [f64; 4] = [4.0, 0.0, 6.0, 0.0];

/// A routine with calm breathing and a 5 s switch between sides.
pub fn routine(steps: impl IntoIterator<Item = Step>) -> Routine {
    Routine {
        id: String::from("spec"),
        title: String::from("Specification"),
        wardrobe: String::from("morning"),
        summary: String::from("Built by the engine tests."),
        setting: Vec::new(),
        phase: None,
        breathing: pattern(CALM),
        switch_sides: Duration::from_secs(5),
        steps: steps.into_iter().collect(),
        version: String::new(),
    }
}

/// A timed step of `secs`, with the defaults of the format: 5 s get-ready, no rest.
pub fn timed(name: &str, secs: u64) -> Step {
    step(name, Work::Timed(Duration::from_secs(secs)))
}

/// `count` reps of `effort` then `release` seconds, with the format's defaults.
pub fn reps(name: &str, count: u32, effort: u64, release: u64) -> Step {
    let work = Work::reps(
        count,
        Duration::from_secs(effort),
        Duration::from_secs(release),
    );
    step(name, work)
}

fn step(name: &str, work: Work) -> Step {
    Step {
        cue: format!("Do {name}."),
        get_ready: Duration::from_secs(5),
        ..Step::new(name, work, pattern(CALM))
    }
}

fn pattern([inhale, hold, exhale, hold_after]: [f64; 4]) -> Breathing {
    Breathing::from_secs(inhale, hold, exhale, hold_after)
}

/// The optional keys of a step, as chained calls.
pub trait StepKeys {
    fn get_ready(self, secs: u64) -> Self;
    fn rest(self, secs: u64) -> Self;
    fn per_side(self) -> Self;
    fn essential(self) -> Self;
    fn breathing(self, seconds: [f64; 4]) -> Self;
}

impl StepKeys for Step {
    fn get_ready(self, secs: u64) -> Self {
        let get_ready = Duration::from_secs(secs);
        Step { get_ready, ..self }
    }

    fn rest(self, secs: u64) -> Self {
        let rest = Duration::from_secs(secs);
        Step { rest, ..self }
    }

    fn per_side(self) -> Self {
        Step {
            per_side: true,
            ..self
        }
    }

    fn essential(self) -> Self {
        Step {
            essential: true,
            ..self
        }
    }

    fn breathing(self, seconds: [f64; 4]) -> Self {
        let breathing = pattern(seconds);
        Step { breathing, ..self }
    }
}
