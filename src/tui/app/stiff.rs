//! Starting a session when the back is much stiffer than usual: a rating of 8 or more before
//! it, or this morning's check-in well above the usual, first shows the calm note and offers
//! the short version, a rest day, or carrying on as planned.

use super::{App, Effect, Now, Screen};
use crate::progress::flare::{high_before, morning_well_above};
use crate::routine::{Routine, Variant};
use crate::tui::keymap::Action;
use crate::tui::screens::calm::Calm;

impl App {
    /// The session's first screen once the rating before it is known: the calm note when the
    /// numbers call for it, otherwise the player.
    pub(super) fn begin(
        &mut self,
        routine: Box<Routine>,
        variant: Variant,
        before: Option<u8>,
        now: &Now,
    ) -> Screen {
        match self.calm_reason(&routine, variant, before) {
            Some(calm) => {
                self.morning_noted |= calm.morning.is_some();
                Screen::Calm(routine, variant, before, calm)
            }
            None => self.player(&routine, variant, before, now),
        }
    }

    fn calm_reason(&self, routine: &Routine, variant: Variant, before: Option<u8>) -> Option<Calm> {
        let high = before.filter(|v| high_before(*v));
        let morning = self
            .last_checkin
            .filter(|_| !self.morning_noted)
            .and_then(|(_, v)| {
                let usual = self.usual_morning?;
                morning_well_above(f64::from(v), Some(usual)).then_some((v, usual))
            });
        if high.is_none() && morning.is_none() {
            return None;
        }
        let short = (variant == Variant::Full && routine.has_short())
            .then(|| routine.total(Variant::Short));
        Some(Calm {
            before: high,
            morning,
            short,
        })
    }

    /// A choice on the calm note.
    pub(super) fn update_calm(
        &mut self,
        routine: Box<Routine>,
        variant: Variant,
        before: Option<u8>,
        calm: Calm,
        action: Action,
        now: &Now,
    ) -> (Screen, Vec<Effect>) {
        match action {
            Action::StartShort if calm.short.is_some() => (
                self.player(&routine, Variant::Short, before, now),
                Vec::new(),
            ),
            Action::Confirm => (self.player(&routine, variant, before, now), Vec::new()),
            Action::Rest => (
                self.leave_summary(),
                vec![Effect::RecordRest, Effect::LoadToday],
            ),
            Action::Quit | Action::EndNow => (self.leave_summary(), Vec::new()),
            _ => (Screen::Calm(routine, variant, before, calm), Vec::new()),
        }
    }
}
