//! "This hurts" in a session: `!` holds the session and opens the dialog; the choice is
//! carried out and recorded as a mark (the step, the side, the choice).

use std::time::Duration;

use super::LiveSession;
use crate::journal::{PainChoice, PainMark};
use crate::session::SegmentKind;
use crate::tui::keymap::Action;
use crate::tui::screens::hurt::Hurt;

impl LiveSession {
    /// Opens the dialog about the step at `now`: the one playing, or the one getting ready.
    pub(super) fn open_hurt(&mut self, now: Duration) {
        let snap = self.player.snapshot(now);
        let Some(step) = self.player.timeline().steps.get(snap.segment.step) else {
            return;
        };
        let current = match (snap.segment.kind, snap.segment.side) {
            (SegmentKind::Work, Some(side)) => side,
            // Getting ready the first side comes next; between the halves it was just played.
            _ => step.first_side,
        };
        let side = step.per_side.then_some(current);
        self.hurt = Some(Hurt {
            step: snap.segment.step,
            step_name: step.name.clone(),
            side,
            getting_ready: snap.segment.kind == SegmentKind::GetReady,
            confirmed: false,
        });
        self.hold(now);
    }

    /// A key while the dialog is open.
    pub(super) fn update_hurt(&mut self, action: Action, now: Duration) {
        let Some(hurt) = &mut self.hurt else {
            return;
        };
        let choice = match action {
            Action::PickSide(side) if hurt.side.is_some() => {
                hurt.side = Some(side);
                return;
            }
            Action::AboutStep if hurt.getting_ready => {
                hurt.confirmed = !hurt.confirmed;
                return;
            }
            Action::Gently => PainChoice::Gentler,
            Action::Skip => PainChoice::Skipped,
            Action::EndSession => PainChoice::Ended,
            Action::Quit => {
                self.hurt = None;
                self.release(now);
                return;
            }
            _ => return,
        };
        if let Some(hurt) = self.hurt.take() {
            self.carry_out(&hurt, choice, now);
            self.mark(&hurt, choice);
        }
    }

    fn carry_out(&mut self, hurt: &Hurt, choice: PainChoice, now: Duration) {
        self.release(now);
        match choice {
            PainChoice::Gentler => {
                let text = "Go gently: a smaller range, fewer reps, and stop if it hurts again.";
                self.notice = Some((text.to_string(), hurt.step));
            }
            PainChoice::Skipped => {
                self.player.skip(now);
                let shown_on = self.player.snapshot(now).segment.step;
                let text = format!("Skipped \"{}\". Go gently.", hurt.step_name);
                self.notice = Some((text, shown_on));
            }
            PainChoice::Ended => {
                self.ended_early = true;
                self.player.finish(now);
            }
        }
    }

    fn mark(&mut self, hurt: &Hurt, choice: PainChoice) {
        let step = hurt.names_step().then(|| hurt.step_name.clone());
        if let Some(name) = &step
            && !self.painful.contains(name)
        {
            self.painful.push(name.clone());
        }
        self.marks.push(PainMark {
            step,
            side: hurt.side.map(|s| s.label().to_string()),
            choice,
        });
    }
}
