//! The 0-10 questions as a small state machine: where a question stands after a key.

use std::time::Duration;

use super::keymap::Action;
use super::screens::rating::Rating;

/// Where a 0-10 question stands after a key.
pub enum Answer {
    Open(Rating),
    Given(u8),
    Skipped,
    /// Esc or Ctrl-C: back out (before a session, nothing starts and nothing is recorded).
    Cancelled,
}

/// Applies a key at `now` to a question: a new value, an answer, a skip, or backing out.
/// Enter with no answer gives none: it says to choose a number or skip.
#[must_use]
pub fn answer(mut rating: Rating, action: Action, now: Duration) -> Answer {
    match action {
        Action::Less => rating.less(),
        Action::More => rating.more(),
        Action::Digit(d) => rating.type_digit(d, now),
        Action::Confirm => match rating.value {
            Some(value) => return Answer::Given(value),
            None => rating.prompted = true,
        },
        Action::SkipQuestion => return Answer::Skipped,
        Action::Quit | Action::EndNow => return Answer::Cancelled,
        _ => {}
    }
    Answer::Open(rating)
}
