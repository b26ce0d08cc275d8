//! What a session says aloud, and when: a pure function of two moments of the engine, the one
//! last heard and the one now. The interface speaks what it returns; nothing here runs a
//! process or reads a clock.
//!
//! Said: at get-ready, the step's name, the side and the short cue (or the step's own `say`);
//! at work start, "begin"; each rep's effort and release as "out" and "in" (and "hold" for a
//! hold inside a rep), or the pacer's phases ("in", "hold", "out") for timed work; "switch sides" with the side; "last five seconds" of timed work;
//! "session complete". What falls on one moment is said as one utterance, since a new one
//! ends the one before.

use std::time::Duration;

use super::breathing::BreathPhase;
use super::snapshot::{PlayState, Snapshot};
use super::timeline::{SegmentKind, Timeline};
use crate::routine::{Step, Work};

/// What the voice should do after a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speech {
    /// Say this, ending whatever is still being said.
    Say(String),
    /// Stop speaking: the session paused or ended early.
    Hush,
}

/// Timed work says so when this much is left.
const LAST_FEW: Duration = Duration::from_secs(5);

/// What to say going from `before` (the moment last heard; `None` at the start) to `after`.
#[must_use]
pub fn speech(timeline: &Timeline, before: Option<&Snapshot>, after: &Snapshot) -> Option<Speech> {
    let was = before.map(|b| b.state);
    match after.state {
        PlayState::Finished if was == Some(PlayState::Finished) => None,
        PlayState::Finished if after.remaining.is_zero() => {
            Some(Speech::Say("session complete".to_string()))
        }
        PlayState::Finished => Some(Speech::Hush),
        PlayState::Paused => (was == Some(PlayState::Playing)).then_some(Speech::Hush),
        PlayState::Playing => {
            // Back from a pause, everything about the moment is said again.
            let before = before.filter(|b| b.state == PlayState::Playing);
            let words = words(timeline, before, after);
            let words: Vec<&str> = words.iter().map(|w| w.trim_end_matches('.')).collect();
            (!words.is_empty()).then(|| Speech::Say(words.join(", ")))
        }
    }
}

/// The words for a playing moment, in the order they are said.
fn words(timeline: &Timeline, before: Option<&Snapshot>, after: &Snapshot) -> Vec<String> {
    let Some(step) = timeline.steps.get(after.segment.step) else {
        return Vec::new();
    };
    let side = after.side_label(timeline);
    // A jump back (restart, back) lands on a moment that is said again.
    let before = before.filter(|b| b.elapsed <= after.elapsed);
    let new_segment = before.is_none_or(|b| b.segment_index != after.segment_index);
    let new_step = before.is_none_or(|b| b.segment.step != after.segment.step);
    let mut said = Vec::new();
    if new_segment {
        match after.segment.kind {
            SegmentKind::GetReady => said.push(get_ready_words(step, side)),
            SegmentKind::Work => {
                if new_step {
                    said.push(get_ready_words(step, side));
                }
                said.push("begin".to_string());
            }
            SegmentKind::Switch => {
                said.push(format!("switch sides, {}", side.unwrap_or_default()));
            }
            SegmentKind::Rest => {}
        }
    }
    let beat = beat_word(after);
    if beat.is_some() && (new_segment || beat != before.and_then(beat_word)) {
        said.extend(beat.map(|(word, _)| word.to_string()));
    }
    let timed = matches!(step.work, Work::Timed(_));
    let crossed = before.is_some_and(|b| {
        !new_segment && b.segment_remaining > LAST_FEW && after.segment_remaining <= LAST_FEW
    });
    if timed && after.segment.kind == SegmentKind::Work && crossed {
        said.push("last five seconds".to_string());
    }
    said
}

/// What is said as a step's get-ready begins: its own `say`, or its name, the side coming up
/// for a per-side step ("Open book, left arm on top") and its short cue.
fn get_ready_words(step: &Step, side: Option<&str>) -> String {
    if let Some(say) = &step.say {
        return say.clone();
    }
    let name = match side {
        Some(side) => format!("{}, {side}", step.name),
        None => step.name.clone(),
    };
    let cue = step.cue.trim();
    if cue.is_empty() {
        name
    } else {
        format!("{name}. {cue}")
    }
}

/// The breath word of a work moment, with what identifies its half or phase.
fn beat_word(snap: &Snapshot) -> Option<(&'static str, (BreathPhase, u32))> {
    let breath = snap.breath.as_ref()?;
    let rep = snap.rep.map_or(0, |r| r.current);
    let word = match breath.phase {
        BreathPhase::Inhale => "in",
        BreathPhase::Hold | BreathPhase::HoldAfter => "hold",
        BreathPhase::Exhale => "out",
    };
    Some((word, (breath.phase, rep)))
}

#[cfg(test)]
mod tests;
