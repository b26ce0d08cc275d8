//! A session as plain lines of text, for `poised run --plain` (screen readers, braille
//! displays, logs): one line per change that matters (the step, the side, each rep's half or
//! breath phase, the time left every 10 s, a pause), from two moments of the engine.

use super::countdown::display_secs;
use super::preview::preview;
use super::snapshot::{PlayState, Snapshot};
use super::timeline::{SegmentKind, Timeline};
use crate::routine::Step;
use crate::text::sanitize;

/// The lines that tell what changed from `before` (`None` at the start) to `after`.
#[must_use]
pub fn narration(timeline: &Timeline, before: Option<&Snapshot>, after: &Snapshot) -> Vec<String> {
    let was = before.map(|b| b.state);
    match after.state {
        PlayState::Finished if was == Some(PlayState::Finished) => Vec::new(),
        PlayState::Finished if after.remaining.is_zero() => vec!["Session complete.".into()],
        PlayState::Finished => vec!["Session ended early.".into()],
        PlayState::Paused if was == Some(PlayState::Playing) => {
            vec!["Paused. Space to resume.".into()]
        }
        PlayState::Paused => Vec::new(),
        PlayState::Playing => {
            let resumed = was == Some(PlayState::Paused);
            let mut lines = Vec::new();
            if resumed {
                lines.push("Resumed.".to_string());
            }
            lines.extend(playing(timeline, before, after));
            lines
        }
    }
}

fn playing(timeline: &Timeline, before: Option<&Snapshot>, after: &Snapshot) -> Vec<String> {
    let Some(step) = timeline.steps.get(after.segment.step) else {
        return Vec::new();
    };
    let before = before.filter(|b| b.elapsed <= after.elapsed);
    let new_segment = before.is_none_or(|b| b.segment_index != after.segment_index);
    let new_step = before.is_none_or(|b| b.segment.step != after.segment.step);
    let side = after.side_label(timeline).map(sanitize);
    let name = sanitize(&step.name);
    let named = match &side {
        Some(side) => format!("{name}, {side}"),
        None => name,
    };
    let secs = display_secs(after.segment_remaining);
    let mut lines = Vec::new();
    if new_segment {
        match after.segment.kind {
            SegmentKind::GetReady => {
                let ready = format!(" Get ready, {secs} s.");
                lines.extend(introduce(step, after, &named, &ready));
            }
            SegmentKind::Work => {
                if new_step {
                    lines.extend(introduce(step, after, &named, ""));
                }
                lines.push(format!("Begin: {named}, {secs} s."));
            }
            SegmentKind::Switch => {
                lines.push(format!(
                    "Switch sides: {}, {secs} s.",
                    side.unwrap_or_default()
                ));
            }
            SegmentKind::Rest => lines.push(format!("Rest, {secs} s.")),
        }
    }
    lines.extend(beat(before.filter(|_| !new_segment), after));
    let ten = secs > 0 && secs.is_multiple_of(10);
    if !new_segment && ten && before.is_some_and(|b| display_secs(b.segment_remaining) != secs) {
        lines.push(format!("{}:{:02} left.", secs / 60, secs % 60));
    }
    lines
}

/// A step as it comes up: its number and name (with the side), its cue, what it asks for.
fn introduce(step: &Step, at: &Snapshot, named: &str, then: &str) -> [String; 3] {
    let (n, of) = (at.step_number, at.step_count);
    [
        format!("Step {n} of {of}: {named}.{then}"),
        format!("  {}", sanitize(&step.cue)),
        format!("  {}", preview(step)),
    ]
}

/// The rep's half or the breath phase, when it changed.
fn beat(before: Option<&Snapshot>, after: &Snapshot) -> Option<String> {
    let line = |s: &Snapshot| -> Option<String> {
        match (s.rep, &s.breath) {
            (Some(rep), _) => Some(format!(
                "rep {} of {}: {}",
                rep.current,
                rep.count,
                rep.part.label()
            )),
            (None, Some(breath)) => Some(breath.phase.label().to_string()),
            (None, None) => None,
        }
    };
    let now = line(after)?;
    let changed = before.is_none_or(|b| {
        line(b).as_ref() != Some(&now)
            || b.breath.as_ref().map(|x| x.phase) != after.breath.as_ref().map(|x| x.phase)
    });
    changed.then_some(now)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::super::fixture::{reps, s, step, timeline};
    use super::super::player::Player;
    use super::*;
    use crate::routine::Work;

    fn told(steps: Vec<Step>) -> Vec<String> {
        let t = timeline(steps);
        let mut player = Player::new(t.clone(), Duration::ZERO);
        let (mut now, mut before, mut lines) = (Duration::ZERO, None::<Snapshot>, Vec::new());
        loop {
            player.update(now);
            let snap = player.snapshot(now);
            lines.extend(narration(&t, before.as_ref(), &snap));
            before = Some(snap);
            match player.next_change(now) {
                Some(next) => now = next,
                None => return lines,
            }
        }
    }

    #[test]
    fn a_counted_per_side_step_is_told_line_by_line() {
        let book = Step {
            name: "Open book".into(),
            cue: "Turn the chest.".into(),
            per_side: true,
            get_ready: s(2),
            ..step(reps(1, 2, 2))
        };
        assert_eq!(
            told(vec![book]),
            [
                "Step 1 of 1: Open book, left side. Get ready, 2 s.",
                "  Turn the chest.",
                "  1 rep each side · out 2 s on the effort, in 2 s",
                "Begin: Open book, left side, 4 s.",
                "rep 1 of 1: effort, breathe out",
                "rep 1 of 1: release, breathe in",
                "Switch sides: right side, 5 s.",
                "Begin: Open book, right side, 4 s.",
                "rep 1 of 1: effort, breathe out",
                "rep 1 of 1: release, breathe in",
                "Session complete.",
            ]
        );
    }

    #[test]
    fn timed_work_tells_each_breath_and_the_time_left_every_ten_seconds() {
        let hold = Step {
            name: "Hold".into(),
            ..step(Work::Timed(s(20)))
        };
        let lines = told(vec![hold]);
        assert_eq!(lines[0], "Step 1 of 1: Hold.");
        assert_eq!(lines[3], "Begin: Hold, 20 s.");
        assert_eq!(
            lines[4..8],
            ["Breathe in", "Breathe out", "Breathe in", "0:10 left."]
        );
        assert_eq!(lines.last().map(String::as_str), Some("Session complete."));
    }
}
