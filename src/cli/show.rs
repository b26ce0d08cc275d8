//! `poised show NAME [--short]`: a routine's timeline as text, segment by segment.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use super::routines::{load_library, pick};
use crate::paths::Paths;
use crate::routine::{Breathing, Routine, Variant, Work};
use crate::session::{Segment, SegmentKind, Timeline};
use crate::text::sanitize;

/// Prints the timeline of a routine, or the known names when there is no such routine.
pub fn show(paths: &Paths, name: &str, short: bool) -> ExitCode {
    let library = load_library(paths);
    let Some((routine, variant)) = pick(&library, name, short) else {
        return ExitCode::FAILURE;
    };
    print!("{}", timeline_text(routine, variant));
    ExitCode::SUCCESS
}

/// The table `poised show` prints: start, length, what, side and breathing of every segment.
#[must_use]
pub fn timeline_text(routine: &Routine, variant: Variant) -> String {
    let timeline = Timeline::new(routine, variant);
    let mut out = format!("{} ({})\n", sanitize(&routine.title), variant.as_str());
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
            "{:<7} {:<7} {:<34} {:<6} {}",
            clock(segment.start),
            clock(segment.len),
            what(segment, &sanitize(&step.name)),
            side,
            breathing(segment, &step.work, &step.breathing),
        );
    }
    let _ = writeln!(out, "total {}", clock(timeline.total));
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
