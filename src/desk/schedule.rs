//! When the next reset is due, from the day's events and the time.
//!
//! Due times follow the wall clock: the interval counts from the latest of the working
//! hours' start, the desk's opening, the end of a session and a skipped prompt, so a
//! laptop that slept past several due times finds one reset due on waking, not one per
//! missed interval. Events are instants with their own offsets: a change of time zone or
//! daylight-saving time moves nothing already recorded.

use chrono::{DateTime, FixedOffset, TimeDelta};

use super::every::Every;
use super::hours::{Window, Workweek};

/// How long `z` puts a prompt off.
pub const SNOOZE: TimeDelta = TimeDelta::minutes(10);

/// How a prompt was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Enter: the reset routine was started.
    Reset,
    /// `t`: the transition routine was started.
    Transition,
    /// `z`: asked again in ten minutes.
    Snoozed,
    /// `s`: not this one.
    Skipped,
    /// The desk was closed while the prompt was open.
    Missed,
}

/// What happened that bears on the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The desk was opened: the first interval counts from here.
    Opened { at: DateTime<FixedOffset> },
    /// A prompt first shown at `offered` (its identity), answered at `at`.
    Prompt {
        offered: DateTime<FixedOffset>,
        at: DateTime<FixedOffset>,
        answer: Answer,
    },
    /// A session ended; `reset` when it was a completed reset or transition routine.
    Session {
        ended: DateTime<FixedOffset>,
        reset: bool,
    },
}

impl Event {
    /// When it happened.
    #[must_use]
    pub fn at(&self) -> DateTime<FixedOffset> {
        match *self {
            Self::Opened { at } | Self::Prompt { at, .. } => at,
            Self::Session { ended, .. } => ended,
        }
    }
}

/// What the desk is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// The next reset is due at this moment.
    At(DateTime<FixedOffset>),
    /// A reset has been due since `since`; `offered` is when its prompt was first shown, if
    /// it was (a snoozed or missed prompt comes back as the same prompt).
    Due {
        since: DateTime<FixedOffset>,
        offered: Option<DateTime<FixedOffset>>,
    },
    /// Outside working time, or no reset left before the hours end: quiet until then.
    Resting { until: DateTime<FixedOffset> },
}

/// The desk's rhythm: how often, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub every: Every,
    pub week: Workweek,
}

impl Schedule {
    /// What is next at `now`, given the events so far (any order; only those since the
    /// working hours began count).
    #[must_use]
    pub fn next(&self, events: &[Event], now: DateTime<FixedOffset>) -> Next {
        let (since, until) = match self.week.window(now) {
            Window::Closed { until } => return Next::Resting { until },
            Window::Open { since, until } => (since, until),
        };
        let mut events: Vec<&Event> = events.iter().filter(|e| e.at() >= since).collect();
        events.sort_by_key(|e| e.at());
        let mut anchor = since;
        let mut pending = None;
        for event in events {
            match *event {
                Event::Opened { at } => anchor = anchor.max(at),
                Event::Session { ended, .. } => {
                    anchor = anchor.max(ended);
                    pending = None;
                }
                Event::Prompt {
                    offered,
                    at,
                    answer,
                } => match answer {
                    Answer::Snoozed => pending = Some((at + SNOOZE, offered)),
                    Answer::Missed => pending = Some((offered, offered)),
                    Answer::Reset | Answer::Transition | Answer::Skipped => {
                        anchor = anchor.max(at);
                        pending = None;
                    }
                },
            }
        }
        let (due, offered) = match pending {
            Some((due, offered)) => (due, Some(offered)),
            None => (anchor + self.every.span(), None),
        };
        if due >= until {
            return Next::Resting {
                until: self.reopens_after(until),
            };
        }
        if due <= now {
            Next::Due {
                since: due,
                offered,
            }
        } else {
            Next::At(due)
        }
    }

    /// When working time begins again after the moment `closed` at which it ended.
    fn reopens_after(&self, closed: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        match self.week.window(closed) {
            Window::Closed { until } => until,
            Window::Open { since, .. } => since,
        }
    }
}
