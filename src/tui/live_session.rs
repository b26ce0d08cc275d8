//! A session being played: the engine's player plus what the interface adds around it
//! A session being played: the engine's player plus what the interface adds around it
//! (the end question, the "this hurts" dialog, a notice, the marks, the steps played in their
//! easier version, when to ring the bell).

mod hurt;
mod record;

use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use super::keymap::Action;
use super::protocol::{Effect, Now, Sound};
use super::screens::hurt::Hurt;
use super::screens::player::Overlay;
use super::screens::summary::SessionSummary;
use crate::journal::PainMark;
use crate::progress::easier::Offer;
use crate::routine::{Routine, Variant};
use crate::session::{Outcome, PlayState, Player, SegmentKind, Snapshot, Speech, Timeline, speech};
use crate::text::sanitize;

/// The session on screen.
#[derive(Debug)]
pub struct LiveSession {
    pub player: Player,
    /// "End session? (y/n)" is open.
    pub confirm_end: bool,
    /// A one-line notice and the step it belongs to; it goes when that step is left.
    notice: Option<(String, usize)>,
    /// The "this hurts" dialog is open.
    pub hurt: Option<Hurt>,
    /// Names of the steps marked as hurting, for the journal's `painful_steps`.
    pub painful: Vec<String>,
    /// Every `!` with its side and choice.
    pub marks: Vec<PainMark>,
    pub started: DateTime<FixedOffset>,
    pub stiffness_before: Option<u8>,
    pub stiffness_after: Option<u8>,
    /// Ended with Ctrl-C: no more questions.
    pub hurried: bool,
    /// Ended before its end, by the person (`q` `y` or Ctrl-C).
    pub(super) ended_early: bool,
    /// Paused by [`LiveSession::hold`], not by the person.
    held: bool,
    /// When it ended, and the time spent playing by then.
    pub(super) ended: Option<(DateTime<FixedOffset>, Duration)>,
    /// The segment last seen, to ring the bell once as each one begins.
    announced: usize,
    /// The moment last heard, to speak each change once; `None`: say the next moment whole.
    heard: Option<Snapshot>,
    /// A learning run: twice the get-ready, and the whole detail on screen.
    pub learn: bool,
    /// The routine as chosen (slower for a learning run), to play a step's usual version
    /// instead of its easier one.
    routine: Routine,
    /// The steps played in their easier version, and why.
    eased: Vec<Offer>,
}

/// `routine` with every get-ready twice as long, for a learning run.
fn slower(routine: &Routine) -> Routine {
    let mut slower = routine.clone();
    for step in &mut slower.steps {
        step.get_ready *= 2;
    }
    slower
}

impl LiveSession {
    /// Starts playing `routine` at `now`, with the steps `offers` names in their easier
    /// version (those that have one); a learning run (`learn`) doubles every get-ready.
    #[must_use]
    pub fn new(
        routine: &Routine,
        variant: Variant,
        offers: &[Offer],
        now: &Now,
        learn: bool,
    ) -> Self {
        let routine = if learn {
            slower(routine)
        } else {
            routine.clone()
        };
        let eased: Vec<Offer> = offers
            .iter()
            .filter(|o| {
                routine
                    .steps_for(variant)
                    .any(|s| s.name == o.step && s.easier.is_some())
            })
            .cloned()
            .collect();
        let timeline = Timeline::with_easier(&routine, variant, &names(&eased));
        let player = Player::new(timeline, now.mono);
        let mut session = Self {
            learn,
            player,
            confirm_end: false,
            notice: None,
            hurt: None,
            painful: Vec::new(),
            marks: Vec::new(),
            started: now.local,
            stiffness_before: None,
            stiffness_after: None,
            hurried: false,
            ended_early: false,
            held: false,
            ended: None,
            announced: 0,
            heard: None,
            routine,
            eased,
        };
        session.notice = session.easier_notice(0);
        session
    }

    /// Applies a player key.
    pub fn update(&mut self, action: Action, now: Duration, sound: Sound) -> Vec<Effect> {
        self.player.update(now);
        if self.hurt.is_some() {
            if action == Action::EndNow {
                self.hurt = None;
                self.held = false;
            } else {
                self.update_hurt(action, now);
                return self.announce(now, sound);
            }
        }
        let p = &mut self.player;
        if self.confirm_end {
            self.confirm_end = false;
            if action == Action::Yes {
                self.ended_early = true;
                p.finish(now);
            } else {
                self.release(now);
            }
            return self.announce(now, sound);
        }
        match action {
            Action::TogglePause => p.toggle_pause(now),
            Action::Skip => p.skip(now),
            Action::Back => p.back(now),
            Action::Restart => p.restart_step(now),
            Action::AskEnd => {
                self.confirm_end = true;
                self.hold(now);
            }
            Action::EndNow => {
                self.hurried = true;
                self.ended_early = true;
                p.finish(now);
            }
            Action::Painful => self.open_hurt(now),
            Action::Usual => self.take_usual(now),
            _ => {}
        }
        self.announce(now, sound)
    }

    /// Stops the clock while something covers the player (help, the end question); the
    /// session goes on from the same moment when it is gone.
    pub fn hold(&mut self, now: Duration) {
        let snap = self.player.snapshot(now);
        if snap.state == PlayState::Playing {
            self.player.pause(now);
            self.held = true;
        }
    }

    /// Resumes a session that [`LiveSession::hold`] paused; one paused by the person stays paused.
    pub fn release(&mut self, now: Duration) {
        if std::mem::take(&mut self.held) {
            self.player.resume(now);
        }
    }

    /// Lets time pass.
    pub fn tick(&mut self, now: Duration, sound: Sound) -> Vec<Effect> {
        self.player.update(now);
        self.announce(now, sound)
    }

    /// Says the current moment whole at the next turn, as when the voice is turned on.
    pub fn say_again(&mut self) {
        self.heard = None;
    }

    /// Shows a one-line notice until the step is left.
    pub fn notify(&mut self, text: String, now: Duration) {
        self.notice = Some((text, self.player.snapshot(now).segment.step));
    }

    /// Speaks what changed since the moment last heard, when the voice is on, and rings
    /// the bell for the moments to start moving.
    fn announce(&mut self, now: Duration, sound: Sound) -> Vec<Effect> {
        let snap = self.player.snapshot(now);
        let said = speech(self.player.timeline(), self.heard.as_ref(), &snap);
        let mut effects: Vec<Effect> = said
            .filter(|_| sound.voice)
            .map(|s| match s {
                Speech::Say(text) => Effect::Speak(text),
                Speech::Hush => Effect::Hush,
            })
            .into_iter()
            .collect();
        effects.extend(self.ring(&snap, sound.bell));
        self.heard = Some(snap);
        effects
    }

    /// Plays the current step's usual version instead of its easier one, from its start.
    fn take_usual(&mut self, now: Duration) {
        let step = self.player.snapshot(now).segment.step;
        let timeline = self.player.timeline();
        let Some(name) = timeline
            .steps
            .get(step)
            .filter(|s| s.eased)
            .map(|s| s.name.clone())
        else {
            return;
        };
        self.eased.retain(|o| o.step != name);
        let variant = timeline.variant;
        let usual = Timeline::with_easier(&self.routine, variant, &names(&self.eased));
        self.player.replan(usual, now);
        let text = format!("{}: the usual version.", sanitize(&name));
        self.notice = Some((text, step));
    }

    /// Why a step is played in its easier version, and the key for the usual one.
    fn easier_notice(&self, step: usize) -> Option<(String, usize)> {
        let played = self.player.timeline().steps.get(step).filter(|s| s.eased)?;
        let offer = self.eased.iter().find(|o| o.step == played.name)?;
        let text = format!("{} · u: the usual version", sanitize(&offer.to_string()));
        Some((text, step))
    }

    /// Rings the bell as a step's work begins (each side's, for a per-side step) and as the
    /// switch between sides begins: the moments to start moving, eyes closed or not.
    fn ring(&mut self, snap: &Snapshot, bell: bool) -> Vec<Effect> {
        if snap.segment_index == self.announced || snap.state == PlayState::Finished {
            return Vec::new();
        }
        self.announced = snap.segment_index;
        if self
            .notice
            .as_ref()
            .is_some_and(|(_, step)| *step != snap.segment.step)
        {
            self.notice = None;
        }
        if self.notice.is_none() {
            self.notice = self.easier_notice(snap.segment.step);
        }
        let cue = matches!(snap.segment.kind, SegmentKind::Work | SegmentKind::Switch);
        if bell && cue {
            vec![Effect::Bell]
        } else {
            Vec::new()
        }
    }

    /// What the player screen draws besides the snapshot.
    #[must_use]
    pub fn overlay(&self, reduced_motion: bool, voice: bool) -> Overlay<'_> {
        Overlay {
            confirm_end: self.confirm_end,
            reduced_motion,
            voice,
            learn: self.learn,
            notice: self.notice.as_ref().map(|(text, _)| text.as_str()),
        }
    }

    /// Ends the session now, before its end, as when the terminal goes away; the moment is
    /// noted for the record.
    pub fn stop(&mut self, now: &Now) {
        if self.player.snapshot(now.mono).state != PlayState::Finished {
            self.ended_early = true;
            self.player.finish(now.mono);
        }
        self.note_end(now);
    }

    /// Notes when the session ended, for the record; later calls keep the first moment.
    pub fn note_end(&mut self, now: &Now) {
        if self.ended.is_none() {
            self.ended = Some((now.local, self.player.active(now.mono)));
        }
    }

    /// Whether any of the work was played (not only get-ready, rests or skips).
    #[must_use]
    pub fn played_any_work(&self) -> bool {
        !self.player.work_played().is_zero()
    }

    /// Done, partly done or ended early, by the done rule.
    #[must_use]
    pub fn outcome(&self) -> Outcome {
        let planned = self.player.timeline().work_total();
        Outcome::of(!self.ended_early, self.player.work_played(), planned)
    }

    /// The marked steps that have an easier version not played yet.
    fn easier_next(&self) -> Vec<String> {
        let steps = &self.player.timeline().steps;
        self.painful
            .iter()
            .filter(|name| steps.iter().any(|s| &s.name == *name && s.easier.is_some()))
            .cloned()
            .collect()
    }

    pub(super) fn steps(&self) -> (u32, u32) {
        let total = u32::try_from(self.player.timeline().steps.len()).unwrap_or(u32::MAX);
        (self.player.steps_done(), total)
    }

    /// What the summary shows.
    #[must_use]
    pub fn summary(&self, exits: bool) -> SessionSummary {
        let (steps_done, steps_total) = self.steps();
        SessionSummary {
            title: self.player.timeline().title.clone(),
            outcome: self.outcome(),
            steps_done,
            steps_total,
            active: self.ended.map_or(Duration::ZERO, |(_, active)| active),
            stiffness_before: self.stiffness_before,
            stiffness_after: self.stiffness_after,
            marks: self.marks.clone(),
            easier_next: self.easier_next(),
            exits,
        }
    }
}

/// The names of the steps offered eased.
fn names(offers: &[Offer]) -> Vec<String> {
    offers.iter().map(|o| o.step.clone()).collect()
}
