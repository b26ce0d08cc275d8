//! A routine played in one variant, laid out as segments with exact offsets: the plan
//! every screen is drawn from. Built once; never changes while a session runs.

use std::time::Duration;

use super::breathing::{Beat, beat};
use super::countdown::until_tick;
use crate::routine::{Routine, Side, Step, Variant};

/// What a stretch of the timeline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// The transition before a step: read the cue, get into position.
    GetReady,
    /// The step itself (one side of it, for a per-side step).
    Work,
    /// Between the left and the right half of a per-side step.
    Switch,
    /// The rest after a step.
    Rest,
}

/// One stretch of the timeline. Segments never have zero length: a get-ready, switch or
/// rest of 0 s is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub kind: SegmentKind,
    /// Index into `Timeline::steps` of the step this segment belongs to.
    pub step: usize,
    /// `Some` only for the work halves of a per-side step.
    pub side: Option<Side>,
    /// Offset from the start of the session.
    pub start: Duration,
    pub len: Duration,
}

impl Segment {
    /// The offset at which the segment ends (the next one starts).
    #[must_use]
    pub fn end(&self) -> Duration {
        self.start + self.len
    }
}

/// A routine in one variant, as contiguous segments from offset 0 to `total`.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub routine_id: String,
    /// The routine file's version (see `routine::model::version_of`), empty when unknown.
    pub routine_version: String,
    pub title: String,
    pub variant: Variant,
    /// The steps played in this variant, in order.
    pub steps: Vec<Step>,
    /// Ordered, contiguous, each of non-zero length.
    pub segments: Vec<Segment>,
    /// Equals `Routine::total(variant)`.
    pub total: Duration,
}

impl Timeline {
    /// Lays out `routine` in `variant`. A variant without steps (the short version of a
    /// routine with no essential step) gives an empty timeline of total 0.
    #[must_use]
    pub fn new(routine: &Routine, variant: Variant) -> Self {
        Self::with_easier(routine, variant, &[])
    }

    /// Lays out `routine` in `variant`, playing the easier version of the steps named in
    /// `easier` (those that have one).
    #[must_use]
    pub fn with_easier(routine: &Routine, variant: Variant, easier: &[String]) -> Self {
        let steps = routine.played_steps(variant, easier);
        let mut segments = Vec::new();
        let mut at = Duration::ZERO;
        for (index, step) in steps.iter().enumerate() {
            for (kind, side, len) in parts(step, routine.switch_sides) {
                if !len.is_zero() {
                    segments.push(Segment {
                        kind,
                        step: index,
                        side,
                        start: at,
                        len,
                    });
                    at += len;
                }
            }
        }
        Self {
            routine_id: routine.id.clone(),
            routine_version: routine.version.clone(),
            title: routine.title.clone(),
            variant,
            steps,
            segments,
            total: at,
        }
    }

    /// The index of the segment playing at `offset` (a segment holds its start, not its
    /// end); `None` at or after the total.
    #[must_use]
    pub fn segment_at(&self, offset: Duration) -> Option<usize> {
        let index = self.segments.partition_point(|s| s.end() <= offset);
        (index < self.segments.len()).then_some(index)
    }

    /// Where a step begins: the start of its first segment (its get-ready, if it has one).
    /// For `step == steps.len()`, the total.
    #[must_use]
    pub fn step_start(&self, step: usize) -> Duration {
        let first = self.segments.partition_point(|s| s.step < step);
        self.segments.get(first).map_or(self.total, |s| s.start)
    }

    /// The side a segment is about: the side worked in a work segment, the side coming up
    /// in the get-ready and the switch of a per-side step; `None` otherwise.
    #[must_use]
    pub fn side_of(&self, segment: &Segment) -> Option<Side> {
        let step = self.steps.get(segment.step)?;
        if !step.per_side {
            return None;
        }
        let [first, second] = step.side_order();
        match segment.kind {
            SegmentKind::GetReady => Some(first),
            SegmentKind::Work => segment.side,
            SegmentKind::Switch => Some(second),
            SegmentKind::Rest => None,
        }
    }

    /// Where a step's work ends: the end of its last work segment (the right half, for a
    /// per-side step). Playing through this offset is what makes a step done.
    #[must_use]
    pub fn work_end(&self, step: usize) -> Option<Duration> {
        self.segments
            .iter()
            .filter(|s| s.step == step && s.kind == SegmentKind::Work)
            .map(Segment::end)
            .next_back()
    }

    /// The work time planned: every work segment, both halves of a per-side step.
    #[must_use]
    pub fn work_total(&self) -> Duration {
        self.segments
            .iter()
            .filter(|s| s.kind == SegmentKind::Work)
            .map(|s| s.len)
            .sum()
    }

    /// The breathing (and rep) guidance `at` into segment `index`; `None` outside work.
    #[must_use]
    pub fn beat(&self, index: usize, at: Duration) -> Option<Beat> {
        let segment = self.segments.get(index)?;
        let step = self.steps.get(segment.step)?;
        (segment.kind == SegmentKind::Work).then(|| beat(step, segment.len, at))
    }

    /// How long after `offset` anything a countdown or the pacer shows next changes: the
    /// segment, its whole-second countdown, the overall whole-second remaining, the breath
    /// phase or its whole-second remaining, the rep or its half. `None` at or after the end.
    #[must_use]
    pub fn until_change(&self, offset: Duration) -> Option<Duration> {
        let index = self.segment_at(offset)?;
        let segment = self.segments.get(index)?;
        let breath = self
            .beat(index, offset - segment.start)
            .map(|b| b.breath.remaining);
        // Phase, rep and segment ends are each a countdown reaching zero, so the earliest
        // whole-second tick among these countdowns is the earliest change of any kind.
        [
            Some(segment.end() - offset),
            Some(self.total - offset),
            breath,
        ]
        .into_iter()
        .flatten()
        .filter_map(until_tick)
        .min()
    }
}

/// The planned parts of one step, zero lengths included.
fn parts(step: &Step, switch_sides: Duration) -> Vec<(SegmentKind, Option<Side>, Duration)> {
    let work = step.work.duration();
    let mut parts = vec![(SegmentKind::GetReady, None, step.get_ready)];
    if step.per_side {
        let [first, second] = step.side_order();
        parts.push((SegmentKind::Work, Some(first), work));
        parts.push((SegmentKind::Switch, None, switch_sides));
        parts.push((SegmentKind::Work, Some(second), work));
    } else {
        parts.push((SegmentKind::Work, None, work));
    }
    parts.push((SegmentKind::Rest, None, step.rest));
    parts
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{ms, reps, s, step, timeline};
    use super::*;
    use crate::routine::Work;

    /// Step 0: 5 s get-ready, 30 s timed, 10 s rest. Step 1: per side, 4 reps of 2+3 s,
    /// 5 s get-ready, no rest.
    fn two_steps() -> Vec<Step> {
        let first = Step {
            get_ready: s(5),
            rest: s(10),
            ..step(Work::Timed(s(30)))
        };
        let second = Step {
            get_ready: s(5),
            per_side: true,
            ..step(reps(4, 2, 3))
        };
        vec![first, second]
    }

    #[test]
    fn steps_start_at_their_first_segment_and_are_done_at_their_last_work() {
        let t = timeline(two_steps());
        assert_eq!(t.step_start(0), Duration::ZERO);
        assert_eq!(t.step_start(1), s(45));
        assert_eq!(t.step_start(2), s(95));
        assert_eq!(t.work_end(0), Some(s(35)));
        assert_eq!(t.work_end(1), Some(s(95)));
        assert_eq!(t.work_end(2), None);
    }

    #[test]
    fn the_next_change_is_the_nearest_whole_second_of_any_countdown() {
        let t = timeline(two_steps());
        // In a get-ready every countdown is on whole seconds: the next second.
        assert_eq!(t.until_change(Duration::ZERO), Some(s(1)));
        assert_eq!(t.until_change(ms(4500)), Some(ms(500)));
        assert_eq!(t.until_change(ms(8999)), Some(ms(1)));
        assert_eq!(t.until_change(ms(94_999)), Some(ms(1)));
        assert_eq!(t.until_change(s(95)), None);
    }

    #[test]
    fn a_breath_phase_ending_between_whole_seconds_is_a_change() {
        let slow = Step {
            breathing: crate::routine::Breathing::from_secs(4.5, 0.0, 6.0, 0.0),
            ..step(Work::Timed(s(30)))
        };
        let t = timeline(vec![slow]);
        // The inhale ends at 4.5 s; the segment's countdown ticks only at 5 s.
        assert_eq!(t.until_change(s(4)), Some(ms(500)));
        assert_eq!(t.until_change(ms(4500)), Some(ms(500)));
    }

    #[test]
    fn breathing_is_only_given_in_work() {
        let t = timeline(two_steps());
        assert!(t.beat(0, Duration::ZERO).is_none());
        assert!(t.beat(1, Duration::ZERO).is_some());
        assert!(t.beat(5, Duration::ZERO).is_none());
        assert!(t.beat(7, Duration::ZERO).is_none());
    }
}
