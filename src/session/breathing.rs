//! Breathing guidance inside a work segment: which phase of the pattern (or which rep and
//! which half of it) a moment falls in, how far through it, and how long it has left.
//!
//! Timed work cycles the step's pattern from the segment's start; a phase of length zero
//! (a hold of 0) is never entered. Rep work follows the reps instead: breathe out through
//! the effort, hold the position (breathing easily) if the rep has a hold, and breathe in on
//! the release.

use std::time::Duration;

use super::countdown::{rem, whole};
use crate::routine::{Breathing, Step, Work};

/// One phase of a breath, in the order a cycle goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreathPhase {
    Inhale,
    Hold,
    Exhale,
    HoldAfter,
}

impl BreathPhase {
    /// Every phase in cycle order.
    pub const ALL: [BreathPhase; 4] = [Self::Inhale, Self::Hold, Self::Exhale, Self::HoldAfter];

    /// The words a person sees for the phase.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Inhale => "Breathe in",
            Self::Hold | Self::HoldAfter => "Hold",
            Self::Exhale => "Breathe out",
        }
    }

    /// How long this phase lasts in a pattern.
    #[must_use]
    pub fn length(self, pattern: &Breathing) -> Duration {
        match self {
            Self::Inhale => pattern.inhale,
            Self::Hold => pattern.hold,
            Self::Exhale => pattern.exhale,
            Self::HoldAfter => pattern.hold_after,
        }
    }
}

/// Where the breath is at a moment, so a pacer can be drawn and its label counted down.
#[derive(Debug, Clone, PartialEq)]
pub struct BreathState {
    pub phase: BreathPhase,
    /// Time since the phase started.
    pub elapsed: Duration,
    /// The phase's full length in the pattern or the rep.
    pub length: Duration,
    /// Time until the phase ends, or until the work segment ends if that comes first.
    pub remaining: Duration,
}

impl BreathState {
    /// How far through the phase, from 0 at its start towards 1 at its full length (1 for a
    /// phase of no length).
    #[must_use]
    pub fn progress(&self) -> f64 {
        if self.length.is_zero() {
            1.0
        } else {
            self.elapsed.as_secs_f64() / self.length.as_secs_f64()
        }
    }
}

/// The parts of one rep, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepPart {
    /// The effort, breathing out.
    Effort,
    /// The position held, breathing easily.
    Hold,
    /// The way back, breathing in.
    Release,
}

impl RepPart {
    /// What the screen says for the part: "effort, breathe out".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            RepPart::Effort => "effort, breathe out",
            RepPart::Hold => "hold, breathe easily",
            RepPart::Release => "release, breathe in",
        }
    }
}

/// Which repetition a rep step is in, so the screen can say "rep 3 of 8".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepState {
    /// 1-based.
    pub current: u32,
    pub count: u32,
    pub part: RepPart,
}

/// The breathing and rep guidance at one moment of a work segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Beat {
    pub breath: BreathState,
    /// Present only for rep steps.
    pub rep: Option<RepState>,
}

/// The guidance `at` into a work segment of `len` for `step` (`at` < `len`).
#[must_use]
pub fn beat(step: &Step, len: Duration, at: Duration) -> Beat {
    let left = len.saturating_sub(at);
    match step.work {
        Work::Timed(_) => Beat {
            breath: paced(&step.breathing, left, at),
            rep: None,
        },
        Work::Reps {
            count,
            effort,
            hold,
            release,
        } => counted(count, [effort, hold, release], left, at),
    }
}

/// Timed work: the pattern cycles from the segment's start.
fn paced(pattern: &Breathing, left: Duration, at: Duration) -> BreathState {
    let within = rem(at, pattern.cycle());
    let mut begin = Duration::ZERO;
    for phase in BreathPhase::ALL {
        let length = phase.length(pattern);
        // A zero-length phase never holds `within`, so it is skipped.
        if within < begin + length {
            return state(phase, length, within - begin, left);
        }
        begin += length;
    }
    // Unreachable for a valid pattern (`within` < cycle); the end of a cycle is its last phase.
    state(
        BreathPhase::HoldAfter,
        pattern.hold_after,
        pattern.hold_after,
        left,
    )
}

/// Rep work: each rep is an effort (breathe out), a hold if it has one (shown as a hold
/// after the breath out), then a release (breathe in).
fn counted(count: u32, parts: [Duration; 3], left: Duration, at: Duration) -> Beat {
    let period: Duration = parts.iter().sum();
    let done = u32::try_from(whole(at, period)).unwrap_or(u32::MAX);
    let mut within = rem(at, period);
    let named = [
        (RepPart::Effort, BreathPhase::Exhale),
        (RepPart::Hold, BreathPhase::HoldAfter),
        (RepPart::Release, BreathPhase::Inhale),
    ];
    let mut current = (RepPart::Release, BreathPhase::Inhale, parts[2]);
    for ((part, phase), length) in named.into_iter().zip(parts) {
        if within < length {
            current = (part, phase, length);
            break;
        }
        within = within.saturating_sub(length);
    }
    let (part, phase, length) = current;
    let rep = RepState {
        current: done.saturating_add(1).min(count),
        count,
        part,
    };
    Beat {
        breath: state(phase, length, within.min(length), left),
        rep: Some(rep),
    }
}

fn state(phase: BreathPhase, length: Duration, elapsed: Duration, left: Duration) -> BreathState {
    BreathState {
        phase,
        elapsed,
        length,
        remaining: length.saturating_sub(elapsed).min(left),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{ms, reps, s, step};
    use super::*;
    use BreathPhase::{Exhale, Hold, HoldAfter, Inhale};

    fn timed(secs: u64, pattern: Breathing) -> Step {
        Step {
            breathing: pattern,
            ..step(Work::Timed(s(secs)))
        }
    }

    fn phase_at(step: &Step, at: Duration) -> (BreathPhase, Duration) {
        let b = beat(step, step.work.duration(), at).breath;
        (b.phase, b.remaining)
    }

    #[test]
    fn a_phase_starts_exactly_at_its_boundary() {
        let calm = timed(60, Breathing::from_secs(4.0, 0.0, 6.0, 0.0));
        assert_eq!(phase_at(&calm, Duration::ZERO), (Inhale, s(4)));
        assert_eq!(phase_at(&calm, ms(3999)), (Inhale, ms(1)));
        assert_eq!(phase_at(&calm, s(4)), (Exhale, s(6)));
        assert_eq!(phase_at(&calm, ms(4001)), (Exhale, ms(5999)));
        assert_eq!(phase_at(&calm, ms(9999)), (Exhale, ms(1)));
        assert_eq!(phase_at(&calm, s(10)), (Inhale, s(4)));
    }

    #[test]
    fn every_phase_of_box_breathing_is_visited_in_order() {
        let boxed = timed(60, Breathing::from_secs(4.0, 4.0, 4.0, 4.0));
        let phases: Vec<_> = [0, 4, 8, 12, 16].map(|t| phase_at(&boxed, s(t)).0).into();
        assert_eq!(phases, vec![Inhale, Hold, Exhale, HoldAfter, Inhale]);
    }

    #[test]
    fn a_hold_of_zero_is_never_entered() {
        let pattern = timed(60, Breathing::from_secs(4.0, 0.0, 8.0, 2.0));
        assert_eq!(phase_at(&pattern, ms(3999)).0, Inhale);
        assert_eq!(phase_at(&pattern, s(4)).0, Exhale);
        assert_eq!(phase_at(&pattern, s(12)).0, HoldAfter);
        let four_seven_eight = timed(60, Breathing::from_secs(4.0, 7.0, 8.0, 0.0));
        assert_eq!(phase_at(&four_seven_eight, ms(18_999)).0, Exhale);
        assert_eq!(phase_at(&four_seven_eight, s(19)).0, Inhale);
    }

    #[test]
    fn progress_runs_through_the_phase_and_remaining_stops_at_the_segment_end() {
        let short = timed(7, Breathing::from_secs(4.0, 0.0, 6.0, 0.0));
        let b = beat(&short, s(7), s(5)).breath;
        assert_eq!(b.phase, Exhale);
        assert!((b.progress() - 1.0 / 6.0).abs() < 1e-9);
        assert_eq!(b.remaining, s(2));
    }

    #[test]
    fn reps_breathe_out_on_effort_and_in_on_release() {
        let three = step(reps(3, 2, 3));
        let at = |t| beat(&three, s(15), t);
        let rep = |current, part| {
            Some(RepState {
                current,
                count: 3,
                part,
            })
        };
        assert_eq!(at(Duration::ZERO).rep, rep(1, RepPart::Effort));
        assert_eq!(at(Duration::ZERO).breath.phase, Exhale);
        assert_eq!(at(ms(1999)).rep, rep(1, RepPart::Effort));
        assert_eq!(at(s(2)).rep, rep(1, RepPart::Release));
        assert_eq!(at(s(2)).breath.phase, Inhale);
        assert_eq!(at(s(2)).breath.remaining, s(3));
        assert_eq!(at(ms(4999)).rep, rep(1, RepPart::Release));
        assert_eq!(at(s(5)).rep, rep(2, RepPart::Effort));
        assert_eq!(at(ms(14_999)).rep, rep(3, RepPart::Release));
    }

    #[test]
    fn a_hold_inside_a_rep_comes_between_the_effort_and_the_release() {
        let held = step(Work::Reps {
            count: 2,
            effort: s(2),
            hold: s(3),
            release: s(2),
        });
        let at = |t| beat(&held, s(14), t);
        let part = |t| at(t).rep.map(|r| (r.current, r.part));
        assert_eq!(part(ms(1999)), Some((1, RepPart::Effort)));
        assert_eq!(part(s(2)), Some((1, RepPart::Hold)));
        assert_eq!(at(s(2)).breath.phase, HoldAfter);
        assert_eq!(at(s(2)).breath.remaining, s(3));
        assert_eq!(part(ms(4999)), Some((1, RepPart::Hold)));
        assert_eq!(part(s(5)), Some((1, RepPart::Release)));
        assert_eq!(at(s(5)).breath.phase, Inhale);
        assert_eq!(part(s(7)), Some((2, RepPart::Effort)));
        assert_eq!(part(ms(13_999)), Some((2, RepPart::Release)));
        assert_eq!(RepPart::Hold.label(), "hold, breathe easily");
    }

    #[test]
    fn timed_work_has_no_rep() {
        let calm = timed(60, Breathing::from_secs(4.0, 0.0, 6.0, 0.0));
        assert_eq!(beat(&calm, s(60), s(1)).rep, None);
    }

    #[test]
    fn labels_say_what_to_do() {
        let labels = BreathPhase::ALL.map(BreathPhase::label);
        assert_eq!(labels, ["Breathe in", "Hold", "Breathe out", "Hold"]);
    }
}
