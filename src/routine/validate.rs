//! Turns a routine file's text into a validated [`Routine`], or into every problem found,
//! each pointing at the place in the file that needs fixing.

use std::collections::HashSet;
use std::ops::Range;
use std::time::Duration;

use toml::Spanned;

use super::format::{RawBreathing, RawRoutine, RawStep, Seconds};
use super::limits::{self, seconds_message, seconds_ok, text_message};
use super::model::{Breathing, Phase, Routine, secs};
use super::presets;
use super::readable;
use super::step_check::{self, Defaults};
use crate::text::plain::toml_message;

/// The most repetitions one step may ask for.
pub(super) const MAX_REPS: i64 = 1000;
const DEFAULT_GET_READY: f64 = 5.0;
const DEFAULT_SWITCH_SIDES: f64 = 5.0;

/// One problem in a routine file: where it is (a byte range of the text) and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Problem {
    pub span: Range<usize>,
    pub message: String,
}

impl Problem {
    pub(super) fn at<T>(value: &Spanned<T>, message: impl Into<String>) -> Self {
        Self {
            span: value.span(),
            message: message.into(),
        }
    }
}

/// A routine that passed its checks, and what it would still be good to change.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub routine: Routine,
    /// Problems that do not stop the routine from playing, such as a cue too long to read
    /// in its get-ready.
    pub warnings: Vec<Problem>,
}

/// Parses and checks a routine; `id` is its name on the command line (the file stem).
pub fn parse_routine(id: &str, text: &str) -> Result<Routine, Vec<Problem>> {
    check_routine(id, text).map(|checked| checked.routine)
}

/// Parses and checks a routine, keeping the warnings too.
pub fn check_routine(id: &str, text: &str) -> Result<Checked, Vec<Problem>> {
    let raw: RawRoutine = toml::from_str(text).map_err(|e| {
        vec![Problem {
            span: e.span().unwrap_or(0..0),
            message: toml_message(text, &e),
        }]
    })?;
    let mut problems = Vec::new();
    let mut routine = build(id, &raw, &mut problems);
    routine.version = super::model::version_of(text);
    if problems.is_empty() {
        let warnings = readable::warnings(&raw, &routine);
        Ok(Checked { routine, warnings })
    } else {
        // An easier version inherits its step's keys, so a problem there can be found twice.
        let mut seen = HashSet::with_capacity(problems.len());
        problems.retain(|p| seen.insert(p.clone()));
        Err(problems)
    }
}

/// Whether a routine id is usable on the command line: lowercase letters, digits and `-`.
#[must_use]
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn build(id: &str, raw: &RawRoutine, problems: &mut Vec<Problem>) -> Routine {
    if !is_valid_id(id) {
        problems.push(Problem {
            span: 0..0,
            message: format!(
                "the file name `{id}` cannot be a routine name: rename the file to lowercase letters, digits and `-`, ending in .toml"
            ),
        });
    }
    for (field, key) in [
        (&raw.title, "title"),
        (&raw.wardrobe, "wardrobe"),
        (&raw.summary, "summary"),
    ] {
        text_field(field, key, problems);
    }
    for tag in &raw.setting {
        problems.extend(text_message("a setting", tag).map(|message| Problem {
            span: 0..0,
            message,
        }));
    }
    if raw.summary.get_ref().contains('\n') {
        problems.push(Problem::at(&raw.summary, "the summary must be one line"));
    }
    let breathing = match &raw.breathing {
        Some(b) => breathing(b, problems),
        None => presets::preset(presets::DEFAULT_PRESET).unwrap_or_else(fallback_breathing),
    };
    let get_ready = optional_seconds(
        raw.get_ready.as_ref(),
        "get_ready",
        DEFAULT_GET_READY,
        problems,
    );
    let switch_sides = optional_seconds(
        raw.switch_sides.as_ref(),
        "switch_sides",
        DEFAULT_SWITCH_SIDES,
        problems,
    );
    if raw.step.is_empty() {
        problems.push(Problem {
            span: 0..0,
            message: "a routine needs at least one step: add a [[step]] table with a name, a cue and `seconds` or `reps`".into(),
        });
    }
    duplicate_names(&raw.step, problems);
    let defaults = Defaults {
        breathing,
        get_ready,
    };
    let steps = raw
        .step
        .iter()
        .map(|s| step_check::step(s.get_ref(), defaults, problems))
        .collect();
    let routine = Routine {
        id: id.to_string(),
        title: raw.title.get_ref().clone(),
        wardrobe: raw.wardrobe.get_ref().clone(),
        summary: raw.summary.get_ref().clone(),
        setting: raw.setting.clone(),
        phase: raw.phase.as_ref().and_then(|p| phase(p, problems)),
        breathing,
        switch_sides,
        steps,
        version: String::new(),
    };
    limits::check_totals(&raw.step, &routine, problems);
    routine
}

pub(super) fn text_field(field: &Spanned<String>, key: &str, problems: &mut Vec<Problem>) {
    if field.get_ref().trim().is_empty() {
        problems.push(Problem::at(
            field,
            format!("{key} must not be empty: write a few words between the quotes"),
        ));
    }
    problems.extend(text_message(key, field.get_ref()).map(|m| Problem::at(field, m)));
}

fn phase(value: &Spanned<i64>, problems: &mut Vec<Problem>) -> Option<Phase> {
    match *value.get_ref() {
        1 => Some(Phase::Reassurance),
        2 => Some(Phase::Capacity),
        3 => Some(Phase::Integration),
        4 => Some(Phase::Performance),
        n => {
            problems.push(Problem::at(
                value,
                format!("phase {n} does not exist: use 1, 2, 3 or 4"),
            ));
            None
        }
    }
}

pub(super) fn breathing(raw: &Spanned<RawBreathing>, problems: &mut Vec<Problem>) -> Breathing {
    match raw.get_ref() {
        RawBreathing::Preset(name) => presets::preset(name).unwrap_or_else(|| {
            problems.push(Problem::at(raw, format!("unknown breathing preset `{name}`: use one of {}, or a table {{ inhale = 4, hold = 0, exhale = 6, hold_after = 0 }}", presets::names())));
            fallback_breathing()
        }),
        RawBreathing::Custom(p) => {
            let before = problems.len();
            let inhale = seconds(&p.inhale, "inhale", false, problems);
            let hold = optional_seconds(p.hold.as_ref(), "hold", 0.0, problems);
            let exhale = seconds(&p.exhale, "exhale", false, problems);
            let hold_after = optional_seconds(p.hold_after.as_ref(), "hold_after", 0.0, problems);
            if problems.len() > before {
                return fallback_breathing();
            }
            Breathing {
                inhale,
                hold,
                exhale,
                hold_after,
            }
        }
    }
}

/// A placeholder used only while collecting problems; never reaches a valid routine.
fn fallback_breathing() -> Breathing {
    Breathing::from_secs(4.0, 0.0, 6.0, 0.0)
}

pub(super) fn optional_seconds(
    value: Option<&Spanned<Seconds>>,
    key: &str,
    default: f64,
    problems: &mut Vec<Problem>,
) -> Duration {
    value.map_or_else(|| secs(default), |v| seconds(v, key, true, problems))
}

pub(super) fn seconds(
    value: &Spanned<Seconds>,
    key: &str,
    zero_ok: bool,
    problems: &mut Vec<Problem>,
) -> Duration {
    let x = value.get_ref().0;
    if seconds_ok(x, zero_ok) {
        return secs(x);
    }
    problems.push(Problem::at(value, seconds_message(key, x, zero_ok)));
    Duration::ZERO
}

/// Every step named like an earlier one; linear in the number of steps.
fn duplicate_names(steps: &[Spanned<RawStep>], problems: &mut Vec<Problem>) {
    let mut seen = HashSet::with_capacity(steps.len());
    for s in steps {
        let name = s.get_ref().name.get_ref();
        if !seen.insert(name.as_str()) {
            problems.push(Problem::at(
                &s.get_ref().name,
                format!("a step named `{name}` already exists: give each step its own name"),
            ));
        }
    }
}
