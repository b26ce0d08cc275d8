//! A "this hurts" mark: which step, which side, and what the person chose to do about it.

/// What was done after `!`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PainChoice {
    /// Carried on more gently: a smaller range, fewer reps.
    Gentler,
    /// Skipped the step.
    Skipped,
    /// Ended the session.
    Ended,
}

impl PainChoice {
    /// The word in the journal.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Gentler => "gentler",
            Self::Skipped => "skipped",
            Self::Ended => "ended",
        }
    }

    /// Reads the journal's word.
    #[must_use]
    pub fn parse(word: &str) -> Option<Self> {
        [Self::Gentler, Self::Skipped, Self::Ended]
            .into_iter()
            .find(|c| c.as_str() == word)
    }

    /// How a person reads it: "carried on gently".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Gentler => "carried on gently",
            Self::Skipped => "skipped",
            Self::Ended => "ended the session",
        }
    }
}

/// One `!` during a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PainMark {
    /// The step it was about; `None` when `!` was pressed while getting ready and not said to
    /// be about the coming step.
    pub step: Option<String>,
    /// "left" or "right", for a per-side step.
    pub side: Option<String>,
    pub choice: PainChoice,
}

impl PainMark {
    /// "Bird-dog (left side): carried on gently".
    #[must_use]
    pub fn describe(&self) -> String {
        let step = self.step.as_deref().unwrap_or("while getting ready");
        let side = self
            .side
            .as_deref()
            .map(|s| format!(" ({s} side)"))
            .unwrap_or_default();
        format!("{step}{side}: {}", self.choice.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_read_back_the_word_they_write() {
        for choice in [PainChoice::Gentler, PainChoice::Skipped, PainChoice::Ended] {
            assert_eq!(PainChoice::parse(choice.as_str()), Some(choice));
        }
        assert_eq!(PainChoice::parse("other"), None);
    }

    #[test]
    fn a_mark_reads_as_a_sentence() {
        let mark = PainMark {
            step: Some("Bird-dog".into()),
            side: Some("left".into()),
            choice: PainChoice::Gentler,
        };
        assert_eq!(mark.describe(), "Bird-dog (left side): carried on gently");
    }
}
