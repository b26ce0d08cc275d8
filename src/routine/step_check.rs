//! Checks one `[[step]]` table and builds its [`Step`]: the work it asks for, its words, its
//! sides, its short-version amount and its easier version.

use std::ops::Range;
use std::time::Duration;

use toml::Spanned;

use super::format::{RawEasier, RawShort, RawStep, WorkKeys};
use super::limits::text_message;
use super::model::Breathing;
use super::step::{DEFAULT_SIDES, Side, Step, Work};
use super::validate::{MAX_REPS, Problem, breathing, optional_seconds, seconds, text_field};

/// What a step takes from its routine when it does not say.
#[derive(Debug, Clone, Copy)]
pub(super) struct Defaults {
    pub breathing: Breathing,
    pub get_ready: Duration,
}

pub(super) fn step(s: &RawStep, defaults: Defaults, problems: &mut Vec<Problem>) -> Step {
    text_field(&s.name, "name", problems);
    text_field(&s.cue, "cue", problems);
    let work = work(s.work_keys(), s.name.span(), problems);
    let short = s.short.as_ref().and_then(|x| short(x, &work, problems));
    sides_need_per_side(s, problems);
    let mut step = Step {
        name: s.name.get_ref().clone(),
        cue: s.cue.get_ref().clone(),
        detail: optional_text(s.detail.as_ref(), "detail", problems),
        say: optional_text(s.say.as_ref(), "say", problems),
        work,
        breathing: s
            .breathing
            .as_ref()
            .map_or(defaults.breathing, |b| breathing(b, problems)),
        per_side: s.per_side,
        sides: sides(s.sides.as_ref(), problems),
        first_side: first_side(s.first_side.as_ref(), problems),
        essential: s.essential || short.is_some(),
        short,
        get_ready: s.get_ready.as_ref().map_or(defaults.get_ready, |g| {
            seconds(g, "get_ready", true, problems)
        }),
        rest: optional_seconds(s.rest.as_ref(), "rest", 0.0, problems),
        easier: None,
        eased: false,
    };
    step.easier = s
        .easier
        .as_ref()
        .map(|e| Box::new(easier(e, s, &step, problems)));
    step
}

/// The easier version: its own words and any work keys it gives; the rest is the step's.
fn easier(raw: &Spanned<RawEasier>, s: &RawStep, step: &Step, problems: &mut Vec<Problem>) -> Step {
    let e = raw.get_ref();
    text_field(&e.cue, "cue", problems);
    Step {
        cue: e.cue.get_ref().clone(),
        detail: optional_text(e.detail.as_ref(), "detail", problems),
        say: optional_text(e.say.as_ref(), "say", problems),
        work: work(e.work_keys(s.work_keys()), raw.span(), problems),
        per_side: e.per_side.unwrap_or(step.per_side),
        short: None,
        easier: None,
        eased: true,
        ..step.clone()
    }
}

/// The work a step asks for, from its keys; `anchor` is where to point when keys are missing.
fn work(keys: WorkKeys, anchor: Range<usize>, problems: &mut Vec<Problem>) -> Work {
    match (keys.seconds, keys.reps) {
        (Some(_), Some(reps)) => {
            problems.push(Problem::at(
                reps,
                "a step has either `seconds` or `reps`, not both: remove one",
            ));
            Work::Timed(Duration::ZERO)
        }
        (None, None) => {
            problems.push(Problem {
                span: anchor,
                message: "this step has neither `seconds` nor `reps`: add `seconds = 30`, or `reps = 8` with `effort` and `release`".into(),
            });
            Work::Timed(Duration::ZERO)
        }
        (Some(duration), None) => {
            for stray in [keys.effort, keys.hold, keys.release].into_iter().flatten() {
                problems.push(Problem::at(stray, "`effort`, `hold` and `release` go with `reps`: remove this or use `reps` instead of `seconds`"));
            }
            Work::Timed(seconds(duration, "seconds", false, problems))
        }
        (None, Some(reps)) => rep_work(keys, reps, problems),
    }
}

fn rep_work(keys: WorkKeys, reps: &Spanned<i64>, problems: &mut Vec<Problem>) -> Work {
    let count = *reps.get_ref();
    if !(1..=MAX_REPS).contains(&count) {
        problems.push(Problem::at(
            reps,
            format!("reps must be a whole number from 1 to {MAX_REPS}"),
        ));
    }
    let count = u32::try_from(count.clamp(0, MAX_REPS)).unwrap_or(0);
    let mut part = |value: Option<&Spanned<_>>, key: &str| {
        if let Some(v) = value {
            return seconds(v, key, false, problems);
        }
        problems.push(Problem::at(reps, format!("a step with `reps` needs `{key}`: the seconds of {key} in each rep, for example `{key} = 2`")));
        Duration::ZERO
    };
    let effort = part(keys.effort, "effort");
    let release = part(keys.release, "release");
    let hold = keys
        .hold
        .map_or(Duration::ZERO, |h| seconds(h, "hold", true, problems));
    Work::Reps {
        count,
        effort,
        hold,
        release,
    }
}

/// The shorter work of the short version: fewer seconds for a timed step, fewer reps for a
/// counted one.
fn short(raw: &Spanned<RawShort>, work: &Work, problems: &mut Vec<Problem>) -> Option<Work> {
    let s = raw.get_ref();
    match (work, s.seconds.as_ref(), s.reps.as_ref()) {
        (Work::Timed(full), Some(value), None) => {
            let shorter = seconds(value, "seconds", false, problems);
            if shorter >= *full {
                let full = full.as_secs_f64();
                problems.push(Problem::at(value, format!("the short version plays this step for fewer seconds than the full one: use less than {full}")));
            }
            Some(Work::Timed(shorter))
        }
        (Work::Reps { count, .. }, None, Some(reps)) => {
            let full = i64::from(*count);
            let fewer = *reps.get_ref();
            if !(1..full).contains(&fewer) {
                problems.push(Problem::at(reps, format!("the short version plays fewer reps than the full one ({full}): use a whole number from 1 to {}", full - 1)));
            }
            // `full` is 0 when `reps` itself was refused; the problem is already reported.
            let fewer = u32::try_from(fewer.clamp(1, full.max(1))).unwrap_or(1);
            let mut shorter = work.clone();
            if let Work::Reps { count, .. } = &mut shorter {
                *count = fewer;
            }
            Some(shorter)
        }
        (Work::Timed(_), _, Some(reps)) => {
            problems.push(Problem::at(reps, "this step is timed: shorten it with `short = { seconds = N }`, fewer seconds than the full version"));
            None
        }
        (Work::Reps { .. }, Some(value), _) => {
            problems.push(Problem::at(value, "this step is counted: shorten it with `short = { reps = N }`, fewer reps than the full version"));
            None
        }
        (_, None, None) => {
            problems.push(Problem::at(raw, "`short` says what the short version plays: `short = { seconds = N }` for a timed step, `short = { reps = N }` for a counted one"));
            None
        }
    }
}

/// `sides` and `first_side` mean something only when the step, or its easier version, is
/// played per side.
fn sides_need_per_side(s: &RawStep, problems: &mut Vec<Problem>) {
    let easier_per_side = s
        .easier
        .as_ref()
        .is_some_and(|e| e.get_ref().per_side == Some(true));
    if s.per_side || easier_per_side {
        return;
    }
    if let Some(sides) = &s.sides {
        problems.push(Problem::at(
            sides,
            "`sides` goes with `per_side = true`: add that, or remove `sides`",
        ));
    }
    if let Some(first) = &s.first_side {
        problems.push(Problem::at(
            first,
            "`first_side` goes with `per_side = true`: add that, or remove `first_side`",
        ));
    }
}

fn sides(value: Option<&Spanned<Vec<String>>>, problems: &mut Vec<Problem>) -> [String; 2] {
    let default = || DEFAULT_SIDES.map(String::from);
    let Some(value) = value else {
        return default();
    };
    for side in value.get_ref() {
        problems.extend(text_message("a side", side).map(|m| Problem::at(value, m)));
    }
    match value.get_ref().as_slice() {
        [left, right] if !left.trim().is_empty() && !right.trim().is_empty() => {
            [left.clone(), right.clone()]
        }
        _ => {
            problems.push(Problem::at(value, "`sides` needs two texts, what the left and then the right side mean for this step: for example `sides = [\"left arm on top\", \"right arm on top\"]`"));
            default()
        }
    }
}

fn first_side(value: Option<&Spanned<String>>, problems: &mut Vec<Problem>) -> Side {
    match value.map(|v| (v, v.get_ref().as_str())) {
        None | Some((_, "left")) => Side::Left,
        Some((_, "right")) => Side::Right,
        Some((v, other)) => {
            problems.push(Problem::at(
                v,
                format!("`first_side` is \"left\" or \"right\", not \"{other}\": write first_side = \"left\" or first_side = \"right\""),
            ));
            Side::Left
        }
    }
}

/// An optional text: absent is fine, present must not be empty.
fn optional_text(
    value: Option<&Spanned<String>>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    value.map(|v| {
        text_field(v, key, problems);
        v.get_ref().clone()
    })
}
