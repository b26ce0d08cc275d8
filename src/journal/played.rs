//! The steps a session planned, as its record keeps them: each step's name and how much it
//! asked for, and whether it was played in its easier version. Two versions of a routine file
//! can be compared from these alone, after the old file is gone.

use std::fmt;
use std::time::Duration;

/// How much a step asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// A timed hold or flow, in whole seconds (per side for a per-side step).
    Seconds(u64),
    /// Counted repetitions (per side for a per-side step).
    Reps(u32),
}

/// One step of a session's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepPlayed {
    pub name: String,
    pub amount: Amount,
    /// Played for one side, then the other.
    pub per_side: bool,
    /// Played in its easier version (after a painful mark).
    pub easier: bool,
}

impl fmt::Display for Amount {
    /// "8 reps", "1 rep", "0:30".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Seconds(s) => f.write_str(&crate::text::mss(Duration::from_secs(*s))),
            Self::Reps(1) => f.write_str("1 rep"),
            Self::Reps(n) => write!(f, "{n} reps"),
        }
    }
}

impl StepPlayed {
    /// How much it asked for as people read it: "8 reps", "0:30 each side".
    #[must_use]
    pub fn amount_text(&self) -> String {
        let sides = if self.per_side { " each side" } else { "" };
        format!("{}{sides}", self.amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_people_say_them() {
        let step = |amount, per_side| StepPlayed {
            name: "Bird-dog".into(),
            amount,
            per_side,
            easier: false,
        };
        assert_eq!(step(Amount::Reps(8), false).amount_text(), "8 reps");
        assert_eq!(step(Amount::Reps(1), false).amount_text(), "1 rep");
        assert_eq!(
            step(Amount::Seconds(30), true).amount_text(),
            "0:30 each side"
        );
    }
}
