//! What a day of desk resets adds up to: resets done against prompts offered, the snooze
//! and skip budget, and the day's pattern as a row of marks.

use super::schedule::{Answer, Event};

/// Snoozes and skips a day allows before the screen counts them as over the budget.
pub const DEFAULT_BUDGET: u32 = 3;

/// How one prompt (or one reset done unprompted) ended, in the order they came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A reset played to its end.
    Done,
    /// A reset started but ended early.
    Stopped,
    /// Skipped.
    Skipped,
    /// Snoozed, and not yet answered otherwise.
    Snoozed,
    /// Left unanswered when the desk closed.
    Missed,
}

impl Mark {
    /// The mark's glyph in the day's row.
    #[must_use]
    pub fn glyph(self) -> char {
        match self {
            Self::Done => '●',
            Self::Stopped => '◐',
            Self::Skipped => '×',
            Self::Snoozed => 'z',
            Self::Missed => '○',
        }
    }
}

/// The day so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Reset or transition routines played to their end.
    pub done: u32,
    /// Prompts shown (a snoozed prompt that comes back is still one).
    pub offered: u32,
    pub snoozed: u32,
    pub skipped: u32,
    pub marks: Vec<Mark>,
}

impl Tally {
    /// Adds up the events of one day (any order).
    #[must_use]
    pub fn of(events: &[Event]) -> Self {
        let mut events = events.to_vec();
        events.sort_by_key(Event::at);
        let mut tally = Self::default();
        let mut prompts = Vec::new();
        // Whether the last mark is a reset started from a prompt, waiting for its session.
        let mut started = false;
        for event in events {
            match event {
                Event::Opened { .. } => {}
                Event::Prompt {
                    offered, answer, ..
                } => {
                    let mark = match answer {
                        Answer::Reset | Answer::Transition => Mark::Stopped,
                        Answer::Snoozed => Mark::Snoozed,
                        Answer::Skipped => Mark::Skipped,
                        Answer::Missed => Mark::Missed,
                    };
                    tally.count(answer);
                    if prompts.last() == Some(&offered) {
                        tally.marks.pop();
                    } else {
                        prompts.push(offered);
                    }
                    tally.marks.push(mark);
                    started = mark == Mark::Stopped;
                }
                Event::Session { reset, .. } => {
                    if reset {
                        tally.done += 1;
                        if started {
                            tally.marks.pop();
                        }
                        tally.marks.push(Mark::Done);
                    }
                    started = false;
                }
            }
        }
        tally.offered = u32::try_from(prompts.len()).unwrap_or(u32::MAX);
        tally
    }

    fn count(&mut self, answer: Answer) {
        match answer {
            Answer::Snoozed => self.snoozed += 1,
            Answer::Skipped => self.skipped += 1,
            _ => {}
        }
    }

    /// Snoozes and skips used today.
    #[must_use]
    pub fn spent(&self) -> u32 {
        self.snoozed + self.skipped
    }

    /// What is left of a daily budget of snoozes and skips.
    #[must_use]
    pub fn budget_left(&self, budget: u32) -> u32 {
        budget.saturating_sub(self.spent())
    }

    /// The day's pattern as a row of glyphs.
    #[must_use]
    pub fn pattern(&self) -> String {
        self.marks.iter().map(|m| m.glyph()).collect()
    }
}
