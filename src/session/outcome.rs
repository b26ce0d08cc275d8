//! The done rule: when a session counts as done (a ritual day for the streak).
//!
//! A session is **done** when it was played to its end and at least half of its planned work
//! time was played rather than skipped; **partly done** when it reached its end with less;
//! **ended early** when it was stopped before its end.

use std::time::Duration;

/// The share of the planned work time that must be played: one half (49% is not enough,
/// 50% is).
pub const DONE_SHARE_PERCENT: u64 = 50;

/// How a session ended, as the summary and `poised log` say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    PartlyDone,
    EndedEarly,
}

impl Outcome {
    /// Applies the rule. A plan with no work at all is done when played to its end.
    #[must_use]
    pub fn of(reached_end: bool, played: Duration, planned: Duration) -> Self {
        if !reached_end {
            return Self::EndedEarly;
        }
        let enough =
            played.as_millis() * 100 >= planned.as_millis() * u128::from(DONE_SHARE_PERCENT);
        if enough { Self::Done } else { Self::PartlyDone }
    }

    /// The words for it: "done", "partly done", "ended early".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::PartlyDone => "partly done",
            Self::EndedEarly => "ended early",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn half_the_work_played_to_the_end_is_done() {
        assert_eq!(Outcome::of(true, s(51), s(100)), Outcome::Done);
        assert_eq!(Outcome::of(true, s(50), s(100)), Outcome::Done);
        assert_eq!(Outcome::of(true, s(49), s(100)), Outcome::PartlyDone);
        assert_eq!(Outcome::of(false, s(100), s(100)), Outcome::EndedEarly);
        assert_eq!(Outcome::of(true, s(0), s(0)), Outcome::Done);
    }
}
