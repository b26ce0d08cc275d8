//! The 0-10 questions as a small state machine: where a question stands after a key.

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

/// Applies a key to a question: a new value, an answer, a skip, or backing out.
#[must_use]
pub fn answer(mut rating: Rating, action: Action) -> Answer {
    match action {
        Action::Less => rating.less(),
        Action::More => rating.more(),
        Action::Digit(d) => rating.set(d),
        Action::Confirm => return Answer::Given(rating.value),
        Action::SkipQuestion => return Answer::Skipped,
        Action::Quit | Action::EndNow => return Answer::Cancelled,
        _ => {}
    }
    Answer::Open(rating)
}
