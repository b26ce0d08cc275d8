//! `poised show NAME [--short] [--easier STEP]`: a routine's timeline as text, segment by
//! segment, then each step's cue, detail and sides.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use super::out::out;
use super::out::say;
use super::routines::{load_library, not_found, pick};
use crate::paths::Paths;
use crate::routine::load;
use crate::routine::{Breathing, Routine, Variant, Work};
use crate::session::{Segment, SegmentKind, Timeline};
use crate::text::{pad, sanitize};

/// Prints the timeline of a routine, or the known names when there is no such routine;
/// with `easier`, the routine with that step in its easier version.
pub fn show(paths: &Paths, name: &str, short: bool, easier: Option<&str>) -> ExitCode {
    let library = load_library(paths);
    let Some((routine, variant)) = pick(&library, name, short) else {
        return ExitCode::FAILURE;
    };
    let eased: Vec<String> = easier.map(String::from).into_iter().collect();
    if let Some(Err(why)) = easier.map(|step| check_easier(routine, variant, step)) {
        say(&why);
        return ExitCode::FAILURE;
    }
    let timeline = Timeline::with_easier(routine, variant, &eased);
    out(&format!(
        "{}{}",
        timeline_text(&timeline),
        steps_text(&timeline)
    ))
}

/// `poised show NAME --toml`: the routine's file as it is (sanitised), built-ins included.
pub fn source(paths: &Paths, name: &str) -> ExitCode {
    match load::source(&paths.routines, name) {
        Some(Ok(text)) => out(&text),
        Some(Err(why)) => {
            say(&format!("cannot read the routine `{name}`: {why}"));
            ExitCode::FAILURE
        }
        None => not_found(paths, name),
    }
}

/// Why `--easier STEP` cannot be shown, if it cannot: no such step in the version played,
/// or no easier version of it.
fn check_easier(routine: &Routine, variant: Variant, name: &str) -> Result<(), String> {
    let with_easier: Vec<String> = routine
        .steps_for(variant)
        .filter(|s| s.easier.is_some())
        .map(|s| format!("\"{}\"", sanitize(&s.name)))
        .collect();
    let known = if with_easier.is_empty() {
        format!("no step of `{}` has one", routine.id)
    } else {
        format!("the steps with one: {}", with_easier.join(", "))
    };
    match routine.steps_for(variant).find(|s| s.name == name) {
        Some(step) if step.easier.is_some() => Ok(()),
        Some(_) => Err(format!(
            "the step \"{}\" has no easier version; {known}",
            sanitize(name)
        )),
        None => Err(format!(
            "`{}` ({}) has no step named \"{}\"; {known}",
            routine.id,
            variant.as_str(),
            sanitize(name)
        )),
    }
}

/// The table `poised show` prints: start, length, what, side and breathing of every segment.
#[must_use]
pub fn timeline_text(timeline: &Timeline) -> String {
    let eased: Vec<String> = timeline
        .steps
        .iter()
        .filter(|s| s.eased)
        .map(|s| format!(", {} easier", sanitize(&s.name)))
        .collect();
    let mut out = format!(
        "{} ({}{})\n",
        sanitize(&timeline.title),
        timeline.variant.as_str(),
        eased.concat()
    );
    let _ = writeln!(
        out,
        "{:<7} {:<7} {:<34} {:<6} BREATHING",
        "START", "LENGTH", "SEGMENT", "SIDE"
    );
    for segment in &timeline.segments {
        let step = &timeline.steps[segment.step];
        let side = segment.side.map_or("-", |s| s.label());
        let _ = writeln!(
            out,
            "{:<7} {:<7} {} {:<6} {}",
            clock(segment.start),
            clock(segment.len),
            // Padded by display width, so a wide or combining name keeps the columns.
            pad(&what(segment, &sanitize(&step.name)), 34),
            side,
            breathing(segment, &step.work, &step.breathing),
        );
    }
    let _ = writeln!(out, "total {}", clock(timeline.total));
    out
}

/// Each step's words: its name, the sides of a per-side step, the short cue and the detail.
#[must_use]
pub fn steps_text(timeline: &Timeline) -> String {
    let mut out = String::new();
    for step in &timeline.steps {
        let easier = if step.eased { ", easier" } else { "" };
        let _ = writeln!(out, "\n{}{easier}", sanitize(&step.name));
        if step.per_side {
            let [first, second] = step
                .side_order()
                .map(|side| sanitize(step.side_label(side)));
            let _ = writeln!(out, "  sides: {first}, then {second}");
        }
        let _ = writeln!(out, "  cue: {}", sanitize(&step.cue));
        if let Some(detail) = &step.detail {
            let _ = writeln!(out, "  detail: {}", sanitize(detail));
        }
    }
    out
}

fn what(segment: &Segment, name: &str) -> String {
    match segment.kind {
        SegmentKind::GetReady => format!("get ready: {name}"),
        SegmentKind::Work => name.to_string(),
        SegmentKind::Switch => "switch sides".to_string(),
        SegmentKind::Rest => "rest".to_string(),
    }
}

fn breathing(segment: &Segment, work: &Work, pattern: &Breathing) -> String {
    if segment.kind != SegmentKind::Work {
        return "-".to_string();
    }
    match work {
        Work::Reps {
            count,
            effort,
            hold,
            release,
        } => {
            let held = if hold.is_zero() {
                String::new()
            } else {
                format!(", hold {}", secs(*hold))
            };
            format!(
                "{count} reps: out {} on effort{held}, in {} on release",
                secs(*effort),
                secs(*release)
            )
        }
        Work::Timed(_) => {
            let phases = [
                ("in", pattern.inhale),
                ("hold", pattern.hold),
                ("out", pattern.exhale),
                ("hold", pattern.hold_after),
            ];
            let named: Vec<String> = phases
                .iter()
                .filter(|(_, d)| !d.is_zero())
                .map(|(name, d)| format!("{name} {}", secs(*d)))
                .collect();
            named.join(" · ")
        }
    }
}

/// `m:ss`, with tenths when the time is not a whole second (`0:05.5`).
fn clock(d: Duration) -> String {
    let (whole, tenth) = whole_and_tenth(d);
    with_tenth(format!("{}:{:02}", whole / 60, whole % 60), tenth)
}

/// Seconds for breathing phases: `4s`, `5.5s`.
fn secs(d: Duration) -> String {
    let (whole, tenth) = whole_and_tenth(d);
    with_tenth(whole.to_string(), tenth) + "s"
}

fn whole_and_tenth(d: Duration) -> (u128, u128) {
    let tenths = d.as_millis() / 100;
    (tenths / 10, tenths % 10)
}

fn with_tenth(base: String, tenth: u128) -> String {
    if tenth == 0 {
        base
    } else {
        format!("{base}.{tenth}")
    }
}
