//! What a step asks for, in one line, for the get-ready: the reps or the time, per side or
//! not, and the breathing ("8 reps · out 3 s on the effort, in 3 s").

use std::time::Duration;

use crate::routine::{Breathing, Step, Work};

/// The line shown while getting ready for `step`.
#[must_use]
pub fn preview(step: &Step) -> String {
    let each = if step.per_side { " each side" } else { "" };
    match &step.work {
        Work::Reps {
            count,
            effort,
            hold,
            release,
        } => {
            let reps = if *count == 1 { "rep" } else { "reps" };
            let mut breath = vec![format!("out {} on the effort", secs(*effort))];
            if !hold.is_zero() {
                breath.push(format!("hold {}", secs(*hold)));
            }
            breath.push(format!("in {}", secs(*release)));
            format!("{count} {reps}{each} · {}", breath.join(", "))
        }
        Work::Timed(length) => {
            format!("{}{each} · {}", secs(*length), pattern(&step.breathing))
        }
    }
}

/// A breathing pattern in words: "in 4 s, hold 2 s, out 6 s".
fn pattern(b: &Breathing) -> String {
    [
        ("in", b.inhale),
        ("hold", b.hold),
        ("out", b.exhale),
        ("hold", b.hold_after),
    ]
    .iter()
    .filter(|(_, d)| !d.is_zero())
    .map(|(word, d)| format!("{word} {}", secs(*d)))
    .collect::<Vec<_>>()
    .join(", ")
}

/// Seconds as a person reads them: "3 s", "1.5 s", "1 min 30 s".
fn secs(d: Duration) -> String {
    let ms = d.as_millis();
    if ms >= 60_000 && ms.is_multiple_of(1000) {
        let (m, s) = (ms / 60_000, ms / 1000 % 60);
        return if s == 0 {
            format!("{m} min")
        } else {
            format!("{m} min {s} s")
        };
    }
    let text = format!("{:.1}", d.as_secs_f64());
    format!("{} s", text.trim_end_matches(".0"))
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{reps, s, step};
    use super::*;

    #[test]
    fn counted_work_says_the_reps_and_the_breath_of_each_half() {
        assert_eq!(
            preview(&step(reps(8, 3, 3))),
            "8 reps · out 3 s on the effort, in 3 s"
        );
        let held = step(Work::Reps {
            count: 1,
            effort: s(2),
            hold: Duration::from_millis(1500),
            release: s(2),
        });
        assert_eq!(
            preview(&held),
            "1 rep · out 2 s on the effort, hold 1.5 s, in 2 s"
        );
    }

    #[test]
    fn timed_work_says_its_length_per_side_and_the_pattern() {
        let twist = Step {
            per_side: true,
            ..step(Work::Timed(s(90)))
        };
        assert_eq!(preview(&twist), "1 min 30 s each side · in 4 s, out 6 s");
        assert_eq!(preview(&step(Work::Timed(s(45)))), "45 s · in 4 s, out 6 s");
    }
}
