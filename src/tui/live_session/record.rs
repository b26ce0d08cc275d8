//! The record a session leaves in the journal: what was played against the plan, the marks,
//! and the plan itself step by step (with the steps played in their easier version).

use std::time::Duration;

use super::LiveSession;
use crate::journal::{Amount, SessionRecord, StepPlayed, WorkPlayed};
use crate::routine::Work;
use crate::session::Outcome;
use crate::text::nearest_second;

impl LiveSession {
    /// The journal's record of this session.
    #[must_use]
    pub fn record(&self, note: Option<String>) -> SessionRecord {
        let timeline = self.player.timeline();
        let (ended, active) = self.ended.unwrap_or((self.started, Duration::ZERO));
        let (steps_done, steps_total) = self.steps();
        SessionRecord {
            routine: timeline.routine_id.clone(),
            title: timeline.title.clone(),
            variant: timeline.variant.as_str().to_string(),
            started: self.started,
            ended,
            active_seconds: nearest_second(active),
            completed: self.outcome() == Outcome::Done,
            steps_done,
            steps_total,
            stiffness_before: self.stiffness_before,
            stiffness_after: self.stiffness_after,
            note,
            painful_steps: self.painful.clone(),
            marks: self.marks.clone(),
            played: Some(Box::new(self.work_played())),
            learn: self.learn,
            routine_version: Some(timeline.routine_version.clone()).filter(|v| !v.is_empty()),
            steps: timeline.steps.iter().map(planned).collect(),
        }
    }

    /// The work played against the plan, and the steps skipped, for the done rule.
    pub(super) fn work_played(&self) -> WorkPlayed {
        let timeline = self.player.timeline();
        let reached_end = !self.ended_early;
        let skipped_steps = self
            .player
            .skipped_steps(reached_end)
            .into_iter()
            .filter_map(|i| timeline.steps.get(i).map(|s| s.name.clone()))
            .collect();
        WorkPlayed {
            work_seconds: self.player.work_played().as_secs(),
            work_seconds_planned: timeline.work_total().as_secs(),
            reached_end,
            skipped_steps,
        }
    }
}

/// A step of the plan as the record keeps it.
fn planned(step: &crate::routine::Step) -> StepPlayed {
    let amount = match &step.work {
        Work::Timed(d) => Amount::Seconds(d.as_secs() + u64::from(d.subsec_millis() >= 500)),
        Work::Reps { count, .. } => Amount::Reps(*count),
    };
    StepPlayed {
        name: step.name.clone(),
        amount,
        per_side: step.per_side,
        easier: step.eased,
    }
}
