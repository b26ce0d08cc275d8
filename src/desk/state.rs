//! The desk as it runs: the day's events, the prompt that is open, and the reset being
//! played. Time comes in as an argument; what to record goes out as events.

use chrono::{DateTime, FixedOffset, NaiveTime};

use super::schedule::{Answer, Event, Next, Schedule};
use super::tally::Tally;
use crate::progress::days::ritual_date;

/// What the desk is doing at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Counting down, or resting outside working time.
    Waiting(Next),
    /// `Time for a reset`, shown since `offered`.
    Prompt { offered: DateTime<FixedOffset> },
    /// A reset (or the transition) is playing.
    Playing,
}

/// The running desk.
#[derive(Debug, Clone)]
pub struct Desk {
    schedule: Schedule,
    day_start: NaiveTime,
    events: Vec<Event>,
    prompt: Option<DateTime<FixedOffset>>,
    playing: bool,
}

impl Desk {
    /// A desk opened at `now`, after the day's `events` so far; the opening is one more event,
    /// returned to be recorded.
    #[must_use]
    pub fn open(
        schedule: Schedule,
        day_start: NaiveTime,
        mut events: Vec<Event>,
        now: DateTime<FixedOffset>,
    ) -> (Self, Event) {
        let opened = Event::Opened { at: now };
        events.push(opened);
        let desk = Self {
            schedule,
            day_start,
            events,
            prompt: None,
            playing: false,
        };
        (desk, opened)
    }

    /// Lets time pass; true when a prompt has just opened (ring and notify once).
    pub fn tick(&mut self, now: DateTime<FixedOffset>) -> bool {
        if self.prompt.is_some() || self.playing {
            return false;
        }
        let Next::Due { offered, .. } = self.schedule.next(&self.events, now) else {
            return false;
        };
        self.prompt = Some(offered.unwrap_or(now));
        true
    }

    /// Answers the open prompt; the event to record, or `None` when no prompt is open.
    pub fn answer(&mut self, answer: Answer, now: DateTime<FixedOffset>) -> Option<Event> {
        let offered = self.prompt.take()?;
        let event = Event::Prompt {
            offered,
            at: now,
            answer,
        };
        self.events.push(event);
        Some(event)
    }

    /// A reset (or the transition) begins: the answer to the open prompt, recorded, or none
    /// when it is played before it is due.
    pub fn start(&mut self, answer: Answer, now: DateTime<FixedOffset>) -> Option<Event> {
        let event = self.answer(answer, now);
        self.playing = true;
        event
    }

    /// The reset was backed out of before it began; the countdown goes on.
    pub fn cancelled(&mut self) {
        self.playing = false;
    }

    /// A session ended (from a prompt or not); `reset` when it was a completed reset.
    pub fn session_ended(&mut self, ended: DateTime<FixedOffset>, reset: bool) {
        self.events.push(Event::Session { ended, reset });
        self.playing = false;
    }

    /// Closing the desk: a prompt still open is recorded as missed.
    pub fn close(&mut self, now: DateTime<FixedOffset>) -> Option<Event> {
        self.answer(Answer::Missed, now)
    }

    /// What the desk is doing at `now`.
    #[must_use]
    pub fn phase(&self, now: DateTime<FixedOffset>) -> Phase {
        match (self.playing, self.prompt) {
            (true, _) => Phase::Playing,
            (false, Some(offered)) => Phase::Prompt { offered },
            (false, None) => Phase::Waiting(self.schedule.next(&self.events, now)),
        }
    }

    /// The day of `now` so far.
    #[must_use]
    pub fn tally(&self, now: DateTime<FixedOffset>) -> Tally {
        let today = ritual_date(now, self.day_start);
        let events: Vec<Event> = self
            .events
            .iter()
            .copied()
            .filter(|e| ritual_date(e.at(), self.day_start) == today)
            .collect();
        Tally::of(&events)
    }
}
