//! What a session shows at one moment, computed from the timeline and a position: the
//! player screen is drawn from it, and the app compares it to know whether to draw.

use std::time::Duration;

use super::breathing::{BreathState, RepState};
use super::timeline::{Segment, SegmentKind, Timeline};
use crate::routine::Side;

/// Whether the session is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlayState {
    Playing,
    Paused,
    /// Played to the end, or ended early. Nothing changes any more.
    Finished,
}

/// Everything a screen needs to draw a session at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub state: PlayState,
    /// Index into `Timeline::segments`; the last segment once the end is reached.
    pub segment_index: usize,
    pub segment: Segment,
    pub segment_elapsed: Duration,
    pub segment_remaining: Duration,
    /// Position in the session (paused time and skipped stretches are not in it).
    pub elapsed: Duration,
    /// Planned time left from the position to the end.
    pub remaining: Duration,
    /// Present in work segments, unless finished.
    pub breath: Option<BreathState>,
    /// Present in the work segments of rep steps, unless finished.
    pub rep: Option<RepState>,
    /// The side this moment is about in a per-side step: the one worked, or the one coming
    /// up (in the get-ready and the switch). [`Snapshot::side_label`] gives its words.
    pub side: Option<Side>,
    /// 1-based number of the current step.
    pub step_number: usize,
    pub step_count: usize,
    /// Index into `Timeline::steps` of the step after the current one, if any.
    pub next_step: Option<usize>,
}

/// Stands in for a segment when a timeline has none (a variant without steps).
const NO_SEGMENT: Segment = Segment {
    kind: SegmentKind::GetReady,
    step: 0,
    side: None,
    start: Duration::ZERO,
    len: Duration::ZERO,
};

impl Snapshot {
    /// The view of `timeline` at `offset` (clamped to the total) in `state`.
    #[must_use]
    pub fn at(timeline: &Timeline, state: PlayState, offset: Duration) -> Self {
        let offset = offset.min(timeline.total);
        let last = timeline.segments.len().saturating_sub(1);
        let segment_index = timeline.segment_at(offset).unwrap_or(last);
        let segment = timeline
            .segments
            .get(segment_index)
            .copied()
            .unwrap_or(NO_SEGMENT);
        let segment_elapsed = offset.saturating_sub(segment.start).min(segment.len);
        let beat = match state {
            PlayState::Finished => None,
            _ => timeline.beat(segment_index, segment_elapsed),
        };
        let (breath, rep) = beat.map_or((None, None), |b| (Some(b.breath), b.rep));
        let step_count = timeline.steps.len();
        Self {
            state,
            segment_index,
            segment,
            segment_elapsed,
            segment_remaining: segment.len - segment_elapsed,
            elapsed: offset,
            remaining: timeline.total - offset,
            breath,
            rep,
            side: timeline.side_of(&segment),
            step_number: (segment.step + 1).min(step_count),
            step_count,
            next_step: Some(segment.step + 1).filter(|&n| n < step_count),
        }
    }

    /// What the side means for the current step, such as "left arm on top".
    #[must_use]
    pub fn side_label<'a>(&self, timeline: &'a Timeline) -> Option<&'a str> {
        let step = timeline.steps.get(self.segment.step)?;
        self.side.map(|side| step.side_label(side))
    }
}
