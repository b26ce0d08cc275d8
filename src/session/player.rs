//! The player: a state machine that walks a timeline on an injected monotonic clock.
//!
//! `now` is any monotonic instant expressed as a `Duration` (the interface passes the time
//! since it started). The position is never counted in ticks: it is the offset at the
//! last anchor (start, pause, resume, jump) plus the time since that anchor while playing.

use std::time::Duration;

use super::snapshot::{PlayState, Snapshot};
use super::timeline::{SegmentKind, Timeline};

/// A longer silence between two calls while playing means the machine slept or the process
/// was stopped: the session pauses at the moment it was last seen instead of jumping ahead.
pub const MAX_GAP: Duration = Duration::from_secs(10);

/// Within this much of a step's start, "back" goes to the previous step instead.
pub const BACK_WINDOW: Duration = Duration::from_secs(2);

/// A session being played. Every method takes the current monotonic `now`.
#[derive(Debug, Clone)]
pub struct Player {
    timeline: Timeline,
    state: PlayState,
    /// When and where the position was last fixed.
    anchor_at: Duration,
    anchor_offset: Duration,
    /// Time played before the anchor.
    played: Duration,
    /// The latest `now` any mutating call saw, for the gap rule.
    last_seen: Duration,
    /// The position at that call, so work ends played through can be counted.
    seen_offset: Duration,
    /// Per step: its work was played through to its end.
    done: Vec<bool>,
    /// Per segment: how much of its work was played (never more than its length).
    work_played: Vec<Duration>,
}

/// The player's state and position at some `now`, with the gap rule applied.
struct Position {
    state: PlayState,
    offset: Duration,
    active: Duration,
}

impl Player {
    /// Starts playing `timeline` from offset 0 at `now`. An empty timeline is finished at once.
    #[must_use]
    pub fn new(timeline: Timeline, now: Duration) -> Self {
        let state = if timeline.total.is_zero() {
            PlayState::Finished
        } else {
            PlayState::Playing
        };
        let done = vec![false; timeline.steps.len()];
        let work_played = vec![Duration::ZERO; timeline.segments.len()];
        Self {
            timeline,
            state,
            anchor_at: now,
            anchor_offset: Duration::ZERO,
            played: Duration::ZERO,
            last_seen: now,
            seen_offset: Duration::ZERO,
            done,
            work_played,
        }
    }

    /// Brings the player up to `now`: call on every loop turn. Pauses at the last seen
    /// moment after a gap longer than `MAX_GAP`; becomes `Finished` at the end.
    pub fn update(&mut self, now: Duration) {
        let clock = self.clock(now);
        if self.state == PlayState::Playing {
            self.mark_done(self.seen_offset, clock.offset);
        }
        if clock.state != self.state {
            self.anchor(clock.state, clock.offset, clock.active, now);
        }
        self.seen_offset = clock.offset;
        self.last_seen = self.last_seen.max(now);
    }

    /// Pauses when playing, resumes when paused.
    pub fn toggle_pause(&mut self, now: Duration) {
        self.update(now);
        match self.state {
            PlayState::Playing => self.pause(now),
            PlayState::Paused => self.resume(now),
            PlayState::Finished => {}
        }
    }

    /// Freezes the position; paused time never counts.
    pub fn pause(&mut self, now: Duration) {
        self.update(now);
        if self.state == PlayState::Playing {
            self.anchor(PlayState::Paused, self.seen_offset, self.active(now), now);
        }
    }

    /// Plays on from where the session was paused.
    pub fn resume(&mut self, now: Duration) {
        self.update(now);
        if self.state == PlayState::Paused {
            self.anchor(PlayState::Playing, self.anchor_offset, self.played, now);
        }
    }

    /// Jumps to the start of the next step (its get-ready). On the last step, ends the
    /// session where it is, as `finish` does. Keeps playing or paused as it was.
    pub fn skip(&mut self, now: Duration) {
        self.update(now);
        let Some(step) = self.current_step() else {
            return;
        };
        if step + 1 < self.timeline.steps.len() {
            self.jump(self.timeline.step_start(step + 1), now);
        } else {
            self.finish(now);
        }
    }

    /// Jumps to the start of the current step, or of the previous one when less than
    /// `BACK_WINDOW` of the current step has passed (exactly 2 s in stays on this step).
    pub fn back(&mut self, now: Duration) {
        self.update(now);
        let Some(step) = self.current_step() else {
            return;
        };
        let start = self.timeline.step_start(step);
        let target = if self.seen_offset - start < BACK_WINDOW && step > 0 {
            self.timeline.step_start(step - 1)
        } else {
            start
        };
        self.jump(target, now);
    }

    /// Jumps to the start of the current step, however far into it the session is.
    pub fn restart_step(&mut self, now: Duration) {
        self.update(now);
        if let Some(step) = self.current_step() {
            self.jump(self.timeline.step_start(step), now);
        }
    }

    /// Goes on with another plan of the same routine, from the start of the current step:
    /// for a plan that differs from that step on, such as the step's usual version instead of
    /// its easier one. Keeps the time played, the steps done and whether it is paused.
    pub fn replan(&mut self, timeline: Timeline, now: Duration) {
        self.update(now);
        let Some(step) = self.current_step() else {
            return;
        };
        self.timeline = timeline;
        self.done.resize(self.timeline.steps.len(), false);
        // Only this step changes, and it starts again: the work before it keeps its place.
        self.work_played
            .resize(self.timeline.segments.len(), Duration::ZERO);
        self.jump(self.timeline.step_start(step), now);
    }

    /// Ends the session where it is (early, or at the end).
    pub fn finish(&mut self, now: Duration) {
        self.update(now);
        if self.state != PlayState::Finished {
            let offset = self.seen_offset;
            self.anchor(PlayState::Finished, offset, self.active(now), now);
        }
    }

    /// What to draw at `now`. Call `update(now)` first so the gap rule and the end stick.
    #[must_use]
    pub fn snapshot(&self, now: Duration) -> Snapshot {
        let clock = self.clock(now);
        Snapshot::at(&self.timeline, clock.state, clock.offset)
    }

    /// The instant at which anything shown next changes, always later than `now`; `None`
    /// when paused or finished, since nothing changes until input.
    #[must_use]
    pub fn next_change(&self, now: Duration) -> Option<Duration> {
        let clock = self.clock(now);
        if clock.state != PlayState::Playing {
            return None;
        }
        self.timeline.until_change(clock.offset).map(|d| now + d)
    }

    /// Time spent playing: paused time, gaps and skipped stretches are not in it.
    #[must_use]
    pub fn active(&self, now: Duration) -> Duration {
        self.clock(now).active
    }

    /// How many steps had their work played through to its end (for a per-side step, the end
    /// of its right half) by playing, as of the last call that took `now`. Jumping over a
    /// work end (skip, back, finish) does not count it; a step counts once however often
    /// it is played.
    #[must_use]
    pub fn steps_done(&self) -> u32 {
        let count = self.done.iter().filter(|&&d| d).count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    /// Work time played rather than skipped. A stretch of work counts at most its length,
    /// however often it is played, so going back never makes up for steps skipped.
    #[must_use]
    pub fn work_played(&self) -> Duration {
        self.work_played.iter().sum()
    }

    /// The steps passed without their work played through to its end (skipped, or left with
    /// `!`), as of the last call that took `now`. Steps not reached are not among them,
    /// unless the session went `to_the_end` (skipping the last step ends it there).
    #[must_use]
    pub fn skipped_steps(&self, to_the_end: bool) -> Vec<usize> {
        let at = if to_the_end {
            self.timeline.total
        } else {
            self.position()
        };
        (0..self.timeline.steps.len())
            .filter(|&step| {
                !self.done[step] && self.timeline.work_end(step).is_some_and(|end| end <= at)
            })
            .collect()
    }

    /// The position as of the last call: where it stopped, once finished.
    fn position(&self) -> Duration {
        if self.state == PlayState::Playing {
            self.seen_offset
        } else {
            self.anchor_offset
        }
    }

    /// The plan being played.
    #[must_use]
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// State and position at `now`, without changing anything.
    fn clock(&self, now: Duration) -> Position {
        if self.state != PlayState::Playing {
            return Position {
                state: self.state,
                offset: self.anchor_offset,
                active: self.played,
            };
        }
        let asleep = now.saturating_sub(self.last_seen) > MAX_GAP;
        let seen = if asleep { self.last_seen } else { now };
        let ran = seen.saturating_sub(self.anchor_at);
        let left = self.timeline.total - self.anchor_offset;
        let (state, ran) = match (ran >= left, asleep) {
            (true, _) => (PlayState::Finished, left),
            (false, true) => (PlayState::Paused, ran),
            (false, false) => (PlayState::Playing, ran),
        };
        Position {
            state,
            offset: self.anchor_offset + ran,
            active: self.played + ran,
        }
    }

    /// Fixes the position: from here on, time counts from `now` (if playing).
    fn anchor(&mut self, state: PlayState, offset: Duration, played: Duration, now: Duration) {
        self.state = state;
        self.anchor_offset = offset;
        self.played = played;
        self.anchor_at = now;
        self.seen_offset = offset;
    }

    /// Moves the position without playing the stretch between (nothing there counts as done).
    fn jump(&mut self, offset: Duration, now: Duration) {
        if self.state != PlayState::Finished {
            self.anchor(self.state, offset, self.active(now), now);
        }
    }

    /// The step at the current position; `None` once finished.
    fn current_step(&self) -> Option<usize> {
        if self.state == PlayState::Finished {
            return None;
        }
        let index = self.timeline.segment_at(self.seen_offset)?;
        self.timeline.segments.get(index).map(|s| s.step)
    }

    /// Marks the steps whose work ends in `(from, to]`: played through to the end; and
    /// counts the work played in between.
    fn mark_done(&mut self, from: Duration, to: Duration) {
        for (segment, played) in self.timeline.segments.iter().zip(&mut self.work_played) {
            if segment.kind == SegmentKind::Work {
                let overlap = to
                    .min(segment.end())
                    .saturating_sub(from.max(segment.start));
                *played = (*played + overlap).min(segment.len);
            }
        }
        for (step, done) in self.done.iter_mut().enumerate() {
            if let Some(end) = self.timeline.work_end(step) {
                *done |= from < end && end <= to;
            }
        }
    }
}
