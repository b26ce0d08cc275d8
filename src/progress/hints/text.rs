//! The words of each hint: plain, non-medical, with the numbers that triggered it.

use std::fmt;

use chrono::NaiveDate;

use super::Hint;

/// The one line the progress screen shows beside the hints.
pub const DISCLAIMER: &str = "Suggestions worked out from your own entries, not medical advice.";

/// Added to the hint to progress when only phase-1 routines were played lately.
const NEXT_PHASE: &str = " One such step is the capacity routine (`poised run capacity`, phase 2): \
     holds and one side at a time, in place of a morning now and then.";

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Hint::Progress {
                only_phase_one,
                days_done,
                mornings_before,
                mornings_recent,
                change,
            } => {
                write!(
                    f,
                    "Ready for a small step up: {days_done} of the last 7 days done, mornings \
                     {mornings_before:.1} -> {mornings_recent:.1} over two weeks, sessions change \
                     stiffness by {change:+.1} on average. Change one thing only (a few more reps, \
                     a little more range or load), then see how your back feels over the next day or two."
                )?;
                if *only_phase_one {
                    f.write_str(NEXT_PHASE)?;
                }
                Ok(())
            }
            Hint::MorningRose {
                session_day,
                before,
                morning,
            } => write!(
                f,
                "Hold for now: the morning after {} your back was stiffer ({before:.0} -> {morning:.0}). \
                 Stay at this level or use the short version for a few days.",
                day(*session_day)
            ),
            Hint::StifferAfter { sessions: [a, b] } => write!(
                f,
                "Hold for now: your last two sessions left you stiffer than before ({} -> {}, {} -> {}). \
                 Stay at this level or use the short version for a few days.",
                a.0, a.1, b.0, b.1
            ),
            Hint::Painful { step, times, last } if *times >= 2 => write!(
                f,
                "\"{step}\" hurt {times} times in the last 14 days (last on {}). Leave it out or make \
                 it smaller, and consider asking a clinician about it.",
                day(*last)
            ),
            Hint::Painful { step, last, .. } => write!(
                f,
                "Hold for now: you marked \"{step}\" as hurting on {}. Leave it out or make it \
                 smaller next time.",
                day(*last)
            ),
            Hint::ComeBack { days, last } => write!(
                f,
                "Welcome back: no session for {days} days (the last on {}). Start again gently \
                 with a short version.",
                day(*last)
            ),
            Hint::Nothing => write!(f, "Nothing to suggest right now: carry on as you are."),
        }
    }
}

/// A date as people read it: "Fri 20 Nov".
fn day(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}
