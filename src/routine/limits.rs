//! The limits a routine file must keep, so a shared file can neither hang poised nor ask for
//! something no one could follow: its size, its steps, its texts and its times.

use std::ops::Range;
use std::time::Duration;

use toml::Spanned;

use super::Variant;
use super::format::RawStep;
use super::model::Routine;
use super::validate::Problem;

/// The largest routine file read, in bytes; a larger one is refused before it is parsed.
pub const MAX_FILE_BYTES: u64 = 256 * 1024;
/// The most steps a routine may have.
pub const MAX_STEPS: usize = 100;
/// The longest text (a title, a cue, a step's name, a setting), in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// The longest a step may take, get ready, both sides and rest included.
pub const MAX_STEP: Duration = Duration::from_secs(30 * 60);
/// The longest a whole routine may take.
pub const MAX_ROUTINE: Duration = Duration::from_secs(2 * 60 * 60);

/// The forms of seconds accepted, for messages.
pub const SECONDS_FORMS: &str = "a whole number like 30, or with one decimal like 2.5";

/// Whether a number of seconds is usable: at least 1 (or exactly 0 where a pause may be
/// left out), whole or with one decimal, and within one step's limit.
#[must_use]
pub fn seconds_ok(x: f64, zero_ok: bool) -> bool {
    if zero_ok && x == 0.0 {
        return true;
    }
    let tenths = x * 10.0;
    x.is_finite()
        && x >= 1.0
        && x <= MAX_STEP.as_secs_f64()
        && (tenths - tenths.round()).abs() < 1e-6
}

/// Why `x` is not usable for `key`, and what to write instead.
#[must_use]
pub fn seconds_message(key: &str, x: f64, zero_ok: bool) -> String {
    let lowest = if zero_ok {
        "0, or at least 1"
    } else {
        "at least 1"
    };
    let most = MAX_STEP.as_secs();
    let x = as_written(x);
    format!("{key} is {x} here: write {lowest} and at most {most} seconds, as {SECONDS_FORMS}")
}

/// A number as short as it can be written: `30`, `0.0004`, `1e-300` (never 300 zeros).
fn as_written(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x}")
    } else {
        format!("{x:?}")
    }
}

/// A text of at most [`MAX_TEXT_CHARS`] characters; `None` when it keeps the limit.
#[must_use]
pub fn text_message(key: &str, text: &str) -> Option<String> {
    let chars = text.chars().count();
    (chars > MAX_TEXT_CHARS)
        .then(|| format!("{key} has {chars} characters; the most is {MAX_TEXT_CHARS}: shorten it"))
}

/// The limits on the whole: the number of steps, each step's time and the routine's time.
pub fn check_totals(
    raw_steps: &[Spanned<RawStep>],
    routine: &Routine,
    problems: &mut Vec<Problem>,
) {
    if let Some(extra) = raw_steps.get(MAX_STEPS) {
        problems.push(Problem {
            span: name_span(extra),
            message: format!(
                "a routine has at most {MAX_STEPS} steps and this is step {}: split the routine in two",
                MAX_STEPS + 1
            ),
        });
    }
    for (raw, step) in raw_steps.iter().zip(&routine.steps) {
        let total = step.total(&step.work, routine.switch_sides);
        if total > MAX_STEP {
            problems.push(Problem {
                span: name_span(raw),
                message: format!(
                    "this step takes {}; a step can take at most 30 minutes: use fewer reps or seconds",
                    hms(total)
                ),
            });
        }
    }
    let total = routine.total(Variant::Full);
    if total > MAX_ROUTINE {
        problems.push(Problem {
            span: 0..0,
            message: format!(
                "this routine takes {}; a routine can take at most 2 hours: split it in two",
                hms(total)
            ),
        });
    }
}

fn name_span(step: &Spanned<RawStep>) -> Range<usize> {
    step.get_ref().name.span()
}

/// `1:05:00` or `31:40`.
fn hms(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_at_least_one_whole_or_with_one_decimal() {
        for ok in [1.0, 2.5, 30.0, 1800.0] {
            assert!(seconds_ok(ok, false), "{ok}");
        }
        for bad in [
            0.0,
            0.5,
            0.0004,
            2.25,
            -5.0,
            1800.5,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert!(!seconds_ok(bad, false), "{bad}");
        }
        assert!(seconds_ok(0.0, true));
        assert!(!seconds_ok(0.5, true));
    }

    #[test]
    fn long_texts_are_named_with_their_length() {
        assert_eq!(text_message("cue", "short"), None);
        let long = "é".repeat(MAX_TEXT_CHARS + 1);
        assert!(
            text_message("cue", &long)
                .unwrap()
                .contains("cue has 2001 characters")
        );
    }
}
