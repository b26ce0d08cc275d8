//! Desk mode inside the app: the running desk, the routines its prompts offer, and the
//! bell and notification of each prompt. The app turns desk keys into calls here and plays
//! the routine returned in its usual player.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, TimeDelta};

use super::notify::notification;
use super::protocol::{Effect, Now};
use super::screens::desk::DeskView;
use crate::desk::records::record;
use crate::desk::{Answer, Desk, DeskSettings, Event, Next, Phase};
use crate::journal::SessionRecord;
use crate::routine::{Routine, Variant};
use crate::text::sanitize;

/// What the prompt says, on screen and in the notification.
pub const PROMPT: &str = "Time for a reset";
/// The longest the desk sleeps without looking at the wall clock, so that it notices a
/// laptop's sleep or a new day within a minute.
const LONGEST_WAIT: Duration = Duration::from_secs(60);

/// How the desk reaches the person when a reset is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signals {
    pub bell: bool,
    pub notify: bool,
    /// Inside tmux: wrap notifications for its passthrough.
    pub tmux: bool,
}

/// The desk with the routines it offers.
#[derive(Debug, Clone)]
pub struct DeskMode {
    desk: Desk,
    settings: DeskSettings,
    reset: Routine,
    transition: Option<Routine>,
    signals: Signals,
    /// The desk's opening, saved on the first tick.
    opened: Option<Event>,
}

impl DeskMode {
    /// The desk as opened by [`Desk::open`], with the opening event to record.
    #[must_use]
    pub fn new(
        (desk, opened): (Desk, Event),
        settings: DeskSettings,
        reset: Routine,
        transition: Option<Routine>,
        signals: Signals,
    ) -> Self {
        Self {
            desk,
            settings,
            reset,
            transition,
            signals,
            opened: Some(opened),
        }
    }

    /// Lets time pass: when a reset falls due, the bell and the notification, once.
    pub fn tick(&mut self, now: &Now) -> Vec<Effect> {
        let mut effects = saved(self.opened.take());
        if !self.desk.tick(now.local) {
            return effects;
        }
        if self.signals.bell {
            effects.push(Effect::Bell);
        }
        if self.signals.notify {
            let body = format!("{PROMPT}: {}", sanitize(&self.reset.title));
            effects.push(Effect::Notify(notification(&body, self.signals.tmux)));
        }
        effects
    }

    /// Enter (or `t` for the transition): the routine to play, answering the prompt if one
    /// is open; a reset can also be played before it is due. Says why not when the
    /// transition routine does not exist.
    pub fn start(&mut self, transition: bool, now: &Now) -> Result<(Routine, Vec<Effect>), String> {
        let (routine, answer) = if transition {
            let routine = self.transition.clone().ok_or_else(|| {
                format!(
                    "There is no routine named `{}` for the transition; set `transition` under [desk] in config.toml to one that `poised list` shows.",
                    sanitize(&self.settings.transition)
                )
            })?;
            (routine, Answer::Transition)
        } else {
            (self.reset.clone(), Answer::Reset)
        };
        let event = self.desk.start(answer, now.local);
        Ok((routine, saved(event)))
    }

    /// `z` or `s`: what to record, if a prompt was open.
    pub fn answer(&mut self, answer: Answer, now: &Now) -> Vec<Effect> {
        saved(self.desk.answer(answer, now.local))
    }

    /// Leaving desk mode: a prompt still open is recorded as missed.
    pub fn close(&mut self, now: &Now) -> Vec<Effect> {
        saved(self.desk.close(now.local))
    }

    /// A session played from the desk ended (recorded, finished or not), or never began.
    pub fn session_ended(&mut self, session: Option<&SessionRecord>) {
        match session {
            Some(s) => self
                .desk
                .session_ended(s.ended, s.completed && self.settings.is_reset(&s.routine)),
            None => self.desk.cancelled(),
        }
    }

    /// Whether the sessions the desk starts ask how stiff the back is.
    #[must_use]
    pub fn rate(&self) -> bool {
        self.settings.rate
    }

    /// When the screen next changes: the countdown's next minute (each second in the last
    /// one), at most a minute away; an open prompt changes only by a key, so once a minute.
    #[must_use]
    pub fn deadline(&self, now: &Now) -> Duration {
        let wait = match self.desk.phase(now.local) {
            Phase::Waiting(Next::At(due)) => until_change(due - now.local),
            Phase::Waiting(Next::Resting { until }) => {
                (until - now.local).to_std().unwrap_or_default()
            }
            Phase::Prompt { .. } | Phase::Playing => LONGEST_WAIT,
            Phase::Waiting(Next::Due { .. }) => Duration::ZERO,
        };
        now.mono + wait.clamp(Duration::from_secs(1), LONGEST_WAIT)
    }

    /// What the desk screen shows at `now`.
    #[must_use]
    pub fn view(&self, now: DateTime<FixedOffset>) -> DeskView {
        DeskView::new(
            self.desk.phase(now),
            self.desk.tally(now),
            &self.settings,
            offer(&self.reset),
            self.transition.as_ref().map(offer),
            now,
        )
    }
}

/// The wait until the countdown shows another number: whole minutes round up, so the
/// text changes as each minute passes; in the last minute, each second.
fn until_change(left: TimeDelta) -> Duration {
    let seconds = left.num_seconds().max(0);
    let wait = if seconds > 60 {
        (seconds - 1) % 60 + 1
    } else {
        1
    };
    Duration::from_secs(u64::try_from(wait).unwrap_or(60))
}

/// A routine as the desk offers it: `Between meetings (1:00)`.
fn offer(routine: &Routine) -> String {
    format!(
        "{} ({})",
        sanitize(&routine.title),
        crate::text::mss(routine.total(Variant::Full))
    )
}

/// Saving a desk event, if there is one.
fn saved(event: Option<Event>) -> Vec<Effect> {
    event
        .as_ref()
        .and_then(record)
        .map(Effect::Save)
        .into_iter()
        .collect()
}
