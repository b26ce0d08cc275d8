//! What `poised status` and `poised due` say: the next reset, the day's resets against the
//! prompts offered, and the streak, as one short line or one JSON object.

use chrono::{DateTime, FixedOffset, TimeDelta};

use super::schedule::Next;
use super::tally::Tally;

/// The desk's state at a moment, worked out from the journal and the config alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub now: DateTime<FixedOffset>,
    pub next: Next,
    pub tally: Tally,
    pub budget: u32,
    /// Current streak in days.
    pub streak: u32,
}

impl Status {
    /// `reset in 12m · 4/6 today · streak 9`.
    #[must_use]
    pub fn line(&self) -> String {
        format!(
            "{} · {}/{} today · streak {}",
            self.next_words(),
            self.tally.done,
            self.tally.offered.max(self.tally.done),
            self.streak
        )
    }

    /// The first part of the line: `reset in 12m`, `reset due`, `resting until 09:00`.
    #[must_use]
    pub fn next_words(&self) -> String {
        match self.next {
            Next::At(at) => format!("reset in {}", short_span(at - self.now)),
            Next::Due { .. } => "reset due".to_string(),
            Next::Resting { until } => format!("resting until {}", clock_time(self.now, until)),
        }
    }

    /// The same fields as one JSON object.
    #[must_use]
    pub fn json(&self) -> String {
        let (state, at) = match self.next {
            Next::At(at) => ("waiting", at),
            Next::Due { since, .. } => ("due", since),
            Next::Resting { until } => ("resting", until),
        };
        let seconds = (at - self.now).num_seconds().max(0);
        format!(
            concat!(
                "{{\"state\":\"{}\",\"at\":\"{}\",\"in_seconds\":{},\"done\":{},\"offered\":{},",
                "\"snoozed\":{},\"skipped\":{},\"budget_left\":{},\"streak\":{},\"line\":\"{}\"}}"
            ),
            state,
            at.to_rfc3339(),
            seconds,
            self.tally.done,
            self.tally.offered.max(self.tally.done),
            self.tally.snoozed,
            self.tally.skipped,
            self.tally.budget_left(self.budget),
            self.streak,
            self.line()
        )
    }
}

/// A wait in whole minutes, rounded up (`12m`, `1h05m`); under a minute in seconds (`40s`).
#[must_use]
pub fn short_span(span: TimeDelta) -> String {
    let seconds = span.num_seconds().max(0);
    if seconds < 60 {
        return format!("{seconds}s");
    }
    let minutes = (seconds + 59) / 60;
    if minutes < 60 {
        format!("{minutes}m")
    } else {
        format!("{}h{:02}m", minutes / 60, minutes % 60)
    }
}

/// `09:00` when `at` is today, `Mon 09:00` when it is another day.
#[must_use]
pub fn clock_time(now: DateTime<FixedOffset>, at: DateTime<FixedOffset>) -> String {
    let at = at.with_timezone(now.offset());
    if at.date_naive() == now.date_naive() {
        at.format("%H:%M").to_string()
    } else {
        at.format("%a %H:%M").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn status(next: Next) -> Status {
        Status {
            now: at("2026-11-30T10:00:00+01:00"),
            next,
            tally: Tally {
                done: 4,
                offered: 6,
                snoozed: 1,
                skipped: 1,
                marks: Vec::new(),
            },
            budget: 3,
            streak: 9,
        }
    }

    #[test]
    fn the_line_reads_as_the_issue_shows_it() {
        let s = status(Next::At(at("2026-11-30T10:11:30+01:00")));
        assert_eq!(s.line(), "reset in 12m · 4/6 today · streak 9");
        let s = status(Next::Resting {
            until: at("2026-12-01T09:00:00+01:00"),
        });
        assert_eq!(s.line(), "resting until Tue 09:00 · 4/6 today · streak 9");
    }

    #[test]
    fn json_has_the_same_fields() {
        let s = status(Next::Due {
            since: at("2026-11-30T09:45:00+01:00"),
            offered: None,
        });
        assert_eq!(
            s.json(),
            "{\"state\":\"due\",\"at\":\"2026-11-30T09:45:00+01:00\",\"in_seconds\":0,\"done\":4,\"offered\":6,\"snoozed\":1,\"skipped\":1,\"budget_left\":1,\"streak\":9,\"line\":\"reset due · 4/6 today · streak 9\"}"
        );
    }

    #[test]
    fn spans_round_up_to_the_minute() {
        assert_eq!(short_span(TimeDelta::seconds(40)), "40s");
        assert_eq!(short_span(TimeDelta::seconds(61)), "2m");
        assert_eq!(short_span(TimeDelta::minutes(65)), "1h05m");
    }
}
