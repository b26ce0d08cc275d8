//! Whether a step's short cue can be read in the time it is given: its get-ready. A cue that
//! cannot is a warning, not an error, since the routine still plays.

use std::time::Duration;

use toml::Spanned;

use super::format::RawRoutine;
use super::model::Routine;
use super::step::Step;
use super::validate::Problem;

/// Words a person reads in a second while getting into position.
pub const WORDS_PER_SECOND: u32 = 4;

/// How long a text takes to read at [`WORDS_PER_SECOND`].
#[must_use]
pub fn reading_time(text: &str) -> Duration {
    let words = u32::try_from(text.split_whitespace().count()).unwrap_or(u32::MAX);
    Duration::from_millis(u64::from(words) * 1000 / u64::from(WORDS_PER_SECOND))
}

/// A warning for every cue (a step's or its easier version's) that takes longer to read than
/// its step's get-ready.
pub(super) fn warnings(raw: &RawRoutine, routine: &Routine) -> Vec<Problem> {
    let mut found = Vec::new();
    for (raw_step, step) in raw.step.iter().zip(&routine.steps) {
        let raw_step = raw_step.get_ref();
        found.extend(unreadable(&raw_step.cue, step));
        let easier = raw_step.easier.as_ref().zip(step.easier.as_deref());
        if let Some((raw_easier, easier)) = easier {
            found.extend(unreadable(&raw_easier.get_ref().cue, easier));
        }
    }
    found
}

fn unreadable(cue: &Spanned<String>, step: &Step) -> Option<Problem> {
    let needed = reading_time(&step.cue);
    let given = step.get_ready;
    if needed <= given {
        return None;
    }
    let words = step.cue.split_whitespace().count();
    let most = given.as_secs() * u64::from(WORDS_PER_SECOND);
    let get_ready = needed.as_secs_f64().ceil();
    Some(Problem::at(
        cue,
        format!(
            "this cue has {words} words, {:.1} s of reading at {WORDS_PER_SECOND} words a second, but the step gives {:.1} s to get ready: keep the cue to {most} words or fewer (set-up and fine points go in `detail`), or give the step `get_ready = {get_ready}`",
            needed.as_secs_f64(),
            given.as_secs_f64()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_words_take_a_second() {
        assert_eq!(reading_time("one two three four"), Duration::from_secs(1));
        assert_eq!(reading_time("  one   two "), Duration::from_millis(500));
        assert_eq!(reading_time(""), Duration::ZERO);
    }
}
