//! The app's state and its one door: `update` takes a message (a key, time passing, the result
//! of an effect) and the time, changes the state, and returns effects (a bell, a record to
//! save) for the loop to carry out. The screens' transitions live in `screen`, the start and
//! end of a session in `session`, and what is drawn in `view`.

mod desk;
mod overlays;
mod screen;
mod session;
mod stiff;
mod undo;
mod view;
mod voice;

use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveTime};

use super::desk_mode::DeskMode;
use super::keymap::{self, Action, Context};
pub use super::protocol::{Effect, Msg, Now, Saved, Sound, Voice};
use super::screens::home::{Home, Today};
use super::screens::rating::Rating;
use super::screens::safety::Safety;
use super::theme::Theme;
use super::widgets::cue::CueCache;
use super::widgets::pacer;
use crate::config::Config;
use crate::progress::easier::Offer;
use crate::routine::{Routine, Variant};
use crate::session::PlayState;
use screen::Screen;
pub use view::View;
pub use voice::NO_VOICE;

/// Preferences that shape a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub bell: bool,
    pub reduced_motion: bool,
    /// Ask how stiff the back is before and after a session.
    pub ask_ratings: bool,
    pub voice: Voice,
}

impl Settings {
    fn sound(self) -> Sound {
        Sound {
            bell: self.bell,
            voice: self.voice == Voice::On,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            bell: true,
            reduced_motion: false,
            ask_ratings: true,
            voice: Voice::Off,
        }
    }
}

/// All of poised's interactive state.
#[derive(Debug)]
pub struct App {
    routines: Vec<Routine>,
    settings: Settings,
    theme: Theme,
    /// Started by `poised run`: the summary leaves poised instead of returning Home.
    exit_after_summary: bool,
    screen: Screen,
    home: Home,
    help_open: bool,
    /// "Before you start" is open over the screen.
    safety: Option<Safety>,
    /// Today's newest morning check-in: when, and the rating.
    last_checkin: Option<(DateTime<FixedOffset>, u8)>,
    /// The usual morning rating (the median of the 14 days before today), when known.
    usual_morning: Option<f64>,
    /// The calm note was shown for this morning's check-in; once is enough.
    morning_noted: bool,
    /// The next session is a learning run (`--learn`, or `l` on Home).
    learning: bool,
    /// Desk mode: sessions start from and return to the desk.
    desk: Option<Box<DeskMode>>,
    /// A message shown over any screen until the next key, such as a failed save.
    message: Option<String>,
    /// Set when poised should leave.
    pub quit: bool,
    /// By routine id: the steps its next session plays in their easier version, and why.
    easier: HashMap<String, Vec<Offer>>,
    /// When a ritual day begins (`day_starts_at`), to date the marks of this run's sessions.
    day_start: NaiveTime,
    /// The player's cue as last wrapped, so a frame in which it did not change wraps nothing.
    cues: CueCache,
}

impl App {
    /// An app on Home.
    #[must_use]
    pub fn new(routines: Vec<Routine>, settings: Settings, theme: Theme) -> Self {
        Self {
            routines,
            settings,
            theme,
            exit_after_summary: false,
            screen: Screen::Home,
            home: Home::default(),
            help_open: false,
            safety: None,
            last_checkin: None,
            usual_morning: None,
            morning_noted: false,
            learning: false,
            desk: None,
            message: None,
            quit: false,
            easier: HashMap::new(),
            day_start: Config::default().day_starts_at,
            cues: CueCache::default(),
        }
    }

    /// Opens with "Before you start" in front: the first run. Closing it records that it was read.
    #[must_use]
    pub fn with_first_run(mut self, now: &Now) -> Self {
        self.safety = Some(Safety {
            scroll: 0,
            first_run: true,
        });
        self.hold_session(true, now);
        self
    }

    /// Knows today's newest morning check-in, so a session soon after it need not ask again,
    /// and the usual morning, so a much stiffer one is answered before a session.
    #[must_use]
    pub fn with_mornings(
        mut self,
        today: Option<(DateTime<FixedOffset>, u8)>,
        usual: Option<f64>,
    ) -> Self {
        self.last_checkin = today;
        self.usual_morning = usual;
        self
    }

    /// Knows, by routine id, which steps the next sessions offer in their easier version
    /// (worked out from the journal: see `progress::easier`).
    #[must_use]
    pub fn with_easier(mut self, easier: HashMap<String, Vec<Offer>>) -> Self {
        self.easier = easier;
        self
    }

    /// Knows when a ritual day begins (`day_starts_at`; 03:00 unless told), so a mark made
    /// after midnight and before it is dated with the day before, as the journal dates it.
    #[must_use]
    pub fn with_day_start(mut self, day_start: NaiveTime) -> Self {
        self.day_start = day_start;
        self
    }

    /// Opens with the morning check-in question in front of Home.
    #[must_use]
    pub fn with_morning_checkin(mut self) -> Self {
        self.screen = Screen::CheckIn(Rating::default());
        self
    }

    /// Opens with a message in front, such as routines that could not be loaded.
    #[must_use]
    pub fn with_message(mut self, message: String) -> Self {
        self.message = Some(message);
        self
    }

    /// Makes the session started next a learning run, or not.
    #[must_use]
    pub fn learning(mut self, learn: bool) -> Self {
        self.learning = learn;
        self
    }

    /// An app that plays one routine at once and leaves after its summary (`poised run`).
    #[must_use]
    pub fn run_routine(mut self, routine: &Routine, variant: Variant, now: &Now) -> Self {
        self.exit_after_summary = true;
        self.screen = self.starting(routine.clone(), variant, now);
        self
    }

    /// Which key table applies now.
    #[must_use]
    pub fn context(&self) -> Context {
        if self.safety.is_some() {
            return Context::Safety;
        }
        if self.help_open {
            return Context::Help;
        }
        self.screen_context()
    }

    fn screen_context(&self) -> Context {
        self.screen.context(&self.home)
    }

    /// The one way in: applies `msg` at `now` and returns what the loop must do.
    pub fn update(&mut self, msg: impl Into<Msg>, now: &Now) -> Vec<Effect> {
        match msg.into() {
            Msg::Key(key) => {
                if let Some(action) = keymap::action(self.context(), key) {
                    self.act(action, now)
                } else {
                    // A key with no meaning here still closes a message.
                    self.message = None;
                    Vec::new()
                }
            }
            Msg::Action(action) => self.act(action, now),
            Msg::Paste(text) => {
                self.paste(&text);
                Vec::new()
            }
            Msg::Tick => self.tick(now),
            Msg::Saved(saved) => {
                self.offer_undo(saved);
                Vec::new()
            }
            Msg::Rested(notice, saved) => {
                self.message = Some(notice);
                if let Some(saved) = saved {
                    self.offer_undo(saved);
                }
                Vec::new()
            }
            Msg::NotSaved(message) => {
                self.message = Some(message);
                self.exit_after_summary = false;
                self.screen = self.back_to_desk(None).unwrap_or(Screen::Home);
                Vec::new()
            }
            Msg::Progress(model) => {
                self.home.today = Some(Today::of(&model));
                self.screen = Screen::Progress(model);
                Vec::new()
            }
            Msg::Today(today) => {
                self.home.today = Some(today);
                Vec::new()
            }
            Msg::Notice(message) => {
                self.message = Some(message);
                Vec::new()
            }
            Msg::VoiceFailed(why) => {
                self.voice_failed(why, now);
                Vec::new()
            }
            Msg::Hangup => self.hang_up(now),
        }
    }

    /// Applies one action: any key closes a message first (and does nothing else, but for
    /// Ctrl-C); the help and "Before you start" take keys while they are open.
    fn act(&mut self, action: Action, now: &Now) -> Vec<Effect> {
        if self.message.take().is_some() && action != Action::EndNow {
            return Vec::new();
        }
        if let Some(effects) = self.update_overlays(action, now) {
            return effects;
        }
        let asking = matches!(self.context(), Context::Rating | Context::Note);
        if asking && action == Action::EndNow {
            self.quit = true;
        }
        let screen = std::mem::replace(&mut self.screen, Screen::Home);
        let (screen, mut effects) = self.next_screen(screen, action, now);
        self.screen = screen;
        effects.extend(self.after_session_turn(now));
        effects
    }

    /// Lets time pass: the session advances, rings its bell, and ends when its time is up.
    fn tick(&mut self, now: &Now) -> Vec<Effect> {
        if let (Screen::Desk, Some(mode)) = (&self.screen, self.desk.as_mut()) {
            return mode.tick(now);
        }
        let Screen::Player(session) = &mut self.screen else {
            return Vec::new();
        };
        let mut effects = session.tick(now.mono, self.settings.sound());
        effects.extend(self.after_session_turn(now));
        effects
    }

    /// The next moment at which anything on screen changes; `None` when nothing will until a key.
    #[must_use]
    pub fn deadline(&self, now: &Now) -> Option<Duration> {
        if let (Screen::Desk, Some(mode)) = (&self.screen, &self.desk) {
            return Some(mode.deadline(now));
        }
        let Screen::Player(session) = &self.screen else {
            return None;
        };
        let engine = session.player.next_change(now.mono);
        let snap = session.player.snapshot(now.mono);
        let animating = !self.settings.reduced_motion && snap.state == PlayState::Playing;
        let pacer = snap
            .breath
            .as_ref()
            .filter(|_| animating)
            .and_then(pacer::until_next_level)
            .map(|wait| now.mono + wait);
        [engine, pacer].into_iter().flatten().min()
    }
}
