//! The app's state and its one update function: an action and the time go in, the state
//! changes, and effects (a bell, a record to save) come out for the loop to carry out.

use std::time::Duration;

use ratatui::Frame;

use super::answer::{Answer, answer};
use super::keymap::{Action, Context};
use super::live_session::LiveSession;
pub use super::protocol::{Effect, Now, Sound, Voice};
use super::screens::home::Home;
use super::screens::rating::Rating;
use super::screens::summary::Summary;
use super::screens::{help, home, message, note, player, progress, rating, summary};
use super::theme::Theme;
use super::widgets::pacer;
use crate::journal::{CheckinRecord, Record, note_or_none};
use crate::progress::ProgressModel;
use crate::routine::{Routine, Variant};
use crate::session::PlayState;
use crate::text::sanitize;

const ASK_BEFORE: &str = "How stiff is your back right now?";
const ASK_AFTER: &str = "How stiff is your back now, after the session?";
/// Said when the voice is asked for and no speech program is found.
pub const NO_VOICE: &str =
    "No speech program found: install espeak-ng, or set `voice` in config.toml.";
const ASK_MORNING: &str = "How does your back feel this morning?";

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

/// The screen in front.
#[derive(Debug)]
enum Screen {
    Home,
    CheckIn(Rating),
    Before(Box<Routine>, Variant, Rating),
    Player(Box<LiveSession>),
    After(Box<LiveSession>, Rating),
    Note(Box<LiveSession>, String),
    Summary(Summary),
    Progress(Box<ProgressModel>),
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
    /// A message shown over any screen until the next key, such as a failed save.
    message: Option<String>,
    /// Set when poised should leave.
    pub quit: bool,
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
            message: None,
            quit: false,
        }
    }

    /// Opens with the morning check-in question in front of Home.
    #[must_use]
    pub fn with_morning_checkin(mut self) -> Self {
        self.screen = Screen::CheckIn(Rating::default());
        self
    }

    /// An app that plays one routine at once and leaves after its summary (`poised run`).
    #[must_use]
    pub fn run_routine(mut self, routine: &Routine, variant: Variant, now: &Now) -> Self {
        self.exit_after_summary = true;
        self.start(routine.clone(), variant, now);
        self
    }

    /// Shows why a record could not be saved; a session's screens give way to Home.
    pub fn save_failed(&mut self, message: String) {
        self.message = Some(message);
        self.exit_after_summary = false;
        self.screen = Screen::Home;
    }

    /// Opens the progress screen with a freshly computed picture.
    pub fn show_progress(&mut self, model: ProgressModel) {
        self.screen = Screen::Progress(Box::new(model));
    }

    /// The speech program is missing or failed: the voice goes off, the session goes on,
    /// and a line says why.
    pub fn voice_failed(&mut self, why: String, now: &Now) {
        self.settings.voice = Voice::Unavailable;
        match &mut self.screen {
            Screen::Player(session) => session.notify(why, now.mono),
            _ => self.message = Some(why),
        }
    }

    /// Closes the message, if one is shown; says whether one was, so the screen changed.
    pub fn dismiss_message(&mut self) -> bool {
        self.message.take().is_some()
    }

    /// Shows a one-off message, such as a confirmation.
    pub fn notify(&mut self, message: String) {
        self.message = Some(message);
    }

    /// Which key table applies now.
    #[must_use]
    pub fn context(&self) -> Context {
        if self.help_open {
            return Context::Help;
        }
        self.screen_context()
    }

    fn screen_context(&self) -> Context {
        match &self.screen {
            Screen::Home => Context::Home,
            Screen::Player(s) if s.confirm_end => Context::ConfirmEnd,
            Screen::Player(_) => Context::Player,
            Screen::CheckIn(_) | Screen::Before(..) | Screen::After(..) => Context::Rating,
            Screen::Note(..) => Context::Note,
            Screen::Summary(_) => Context::Summary,
            Screen::Progress(_) => Context::Progress,
        }
    }

    /// Applies one action at `now`.
    pub fn update(&mut self, action: Action, now: &Now) -> Vec<Effect> {
        if self.message.take().is_some() && action != Action::EndNow {
            return Vec::new();
        }
        if action == Action::Help && self.context() != Context::Note {
            self.help_open = !self.help_open;
            if let Screen::Player(session) = &mut self.screen {
                if self.help_open {
                    session.hold(now.mono);
                } else {
                    session.release(now.mono);
                }
                return session.tick(now.mono, self.settings.sound());
            }
            return Vec::new();
        }
        if self.help_open && action != Action::EndNow {
            return Vec::new();
        }
        self.help_open = false;
        let asking = matches!(self.context(), Context::Rating | Context::Note);
        if asking && action == Action::EndNow {
            self.quit = true;
        }
        let screen = std::mem::replace(&mut self.screen, Screen::Home);
        let (screen, effects) = self.next_screen(screen, action, now);
        self.screen = screen;
        let mut effects = effects;
        effects.extend(self.after_session_turn(now));
        effects
    }

    /// The screen that follows `screen` after `action`, and what to do about it.
    fn next_screen(&mut self, screen: Screen, action: Action, now: &Now) -> (Screen, Vec<Effect>) {
        match screen {
            Screen::Home => self.update_home(action, now),
            Screen::Progress(model) => match action {
                Action::Quit => (Screen::Home, Vec::new()),
                Action::EndNow => {
                    self.quit = true;
                    (Screen::Home, Vec::new())
                }
                _ => (Screen::Progress(model), Vec::new()),
            },
            Screen::CheckIn(rating) => match answer(rating, action) {
                Answer::Open(r) => (Screen::CheckIn(r), Vec::new()),
                Answer::Given(value) => (Screen::Home, vec![Effect::Save(checkin(value, now))]),
                Answer::Skipped | Answer::Cancelled => (Screen::Home, Vec::new()),
            },
            Screen::Before(routine, variant, rating) => match answer(rating, action) {
                Answer::Cancelled => (self.leave_summary(), Vec::new()),
                Answer::Open(r) => (Screen::Before(routine, variant, r), Vec::new()),
                Answer::Given(value) => {
                    (self.player(&routine, variant, Some(value), now), Vec::new())
                }
                Answer::Skipped => (self.player(&routine, variant, None, now), Vec::new()),
            },
            Screen::Player(mut session) if action == Action::ToggleVoice => {
                let effects = self.toggle_voice(&mut session, now);
                (Screen::Player(session), effects)
            }
            Screen::Player(mut session) => {
                let effects = session.update(action, now.mono, self.settings.sound());
                (Screen::Player(session), effects)
            }
            Screen::After(mut session, rating) => match answer(rating, action) {
                Answer::Open(r) => (Screen::After(session, r), Vec::new()),
                Answer::Cancelled if action == Action::EndNow => self.conclude(&session, None),
                Answer::Given(value) => {
                    session.stiffness_after = Some(value);
                    (Screen::Note(session, String::new()), Vec::new())
                }
                Answer::Skipped | Answer::Cancelled => {
                    (Screen::Note(session, String::new()), Vec::new())
                }
            },
            Screen::Note(session, mut text) => match action {
                Action::Type(c) => {
                    note::push(&mut text, c);
                    (Screen::Note(session, text), Vec::new())
                }
                Action::Backspace => {
                    text.pop();
                    (Screen::Note(session, text), Vec::new())
                }
                Action::Confirm => self.conclude(&session, Some(text)),
                Action::SkipQuestion | Action::EndNow => self.conclude(&session, None),
                _ => (Screen::Note(session, text), Vec::new()),
            },
            Screen::Summary(s) => match action {
                Action::Quit | Action::EndNow => (self.leave_summary(), Vec::new()),
                _ => (Screen::Summary(s), Vec::new()),
            },
        }
    }

    /// Lets time pass: the session advances, rings its bell, and ends when its time is up.
    pub fn tick(&mut self, now: &Now) -> Vec<Effect> {
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

    /// `v`: speaks from the current moment on, or stops speaking.
    fn toggle_voice(&mut self, session: &mut LiveSession, now: &Now) -> Vec<Effect> {
        match self.settings.voice {
            Voice::Unavailable => {
                session.notify(NO_VOICE.to_string(), now.mono);
                Vec::new()
            }
            Voice::On => {
                self.settings.voice = Voice::Off;
                vec![Effect::Hush]
            }
            Voice::Off => {
                self.settings.voice = Voice::On;
                session.say_again();
                session.tick(now.mono, self.settings.sound())
            }
        }
    }

    fn update_home(&mut self, action: Action, now: &Now) -> (Screen, Vec<Effect>) {
        let count = self.home.choices(&self.routines).len();
        match action {
            Action::Up => self.home.move_by(-1, count),
            Action::Down => self.home.move_by(1, count),
            Action::Minutes(n) => self.home.filter(n, &self.routines),
            Action::Scroll(lines) => self.home.scroll_details(lines),
            Action::StartFull | Action::StartShort => {
                let choices = self.home.choices(&self.routines);
                if let Some(choice) = choices.get(self.home.selected) {
                    if action == Action::StartShort && !choice.routine.has_short() {
                        let title = sanitize(&choice.routine.title);
                        self.message = Some(format!(
                            "{title} has no short version (no step is marked essential). Enter plays it in full."
                        ));
                        return (Screen::Home, Vec::new());
                    }
                    let variant = match action {
                        Action::StartShort => Variant::Short,
                        _ => choice.variant,
                    };
                    let routine = choice.routine.clone();
                    return (self.starting(routine, variant, now), Vec::new());
                }
            }
            Action::Progress => return (Screen::Home, vec![Effect::LoadProgress]),
            Action::Rest => return (Screen::Home, vec![Effect::RecordRest]),
            Action::Quit | Action::EndNow => self.quit = true,
            _ => {}
        }
        (Screen::Home, Vec::new())
    }

    fn start(&mut self, routine: Routine, variant: Variant, now: &Now) {
        self.screen = self.starting(routine, variant, now);
    }

    /// The first screen of a session: the stiffness question, or straight to the player.
    fn starting(&self, routine: Routine, variant: Variant, now: &Now) -> Screen {
        if self.settings.ask_ratings {
            Screen::Before(Box::new(routine), variant, Rating::default())
        } else {
            self.player(&routine, variant, None, now)
        }
    }

    fn player(&self, routine: &Routine, variant: Variant, before: Option<u8>, now: &Now) -> Screen {
        let mut session = LiveSession::new(routine, variant, now);
        session.stiffness_before = before;
        Screen::Player(Box::new(session))
    }

    /// Once the session has finished: the after-question, or straight to the summary.
    fn after_session_turn(&mut self, now: &Now) -> Vec<Effect> {
        let Screen::Player(session) = &mut self.screen else {
            return Vec::new();
        };
        if session.player.snapshot(now.mono).state != PlayState::Finished {
            return Vec::new();
        }
        session.ended(now);
        self.help_open = false;
        let Screen::Player(session) = std::mem::replace(&mut self.screen, Screen::Home) else {
            return Vec::new();
        };
        if self.settings.ask_ratings && !session.hurried {
            self.screen = Screen::After(session, Rating::default());
            return Vec::new();
        }
        let (screen, effects) = self.conclude(&session, None);
        self.screen = screen;
        effects
    }

    /// The summary, and the session's record to save.
    fn conclude(&self, session: &LiveSession, note: Option<String>) -> (Screen, Vec<Effect>) {
        let record = session.record(note.as_deref().and_then(note_or_none));
        let summary = session.summary(self.exit_after_summary);
        (
            Screen::Summary(summary),
            vec![Effect::Save(Record::Session(record))],
        )
    }

    fn leave_summary(&mut self) -> Screen {
        if self.exit_after_summary {
            self.quit = true;
        }
        Screen::Home
    }

    /// Draws the whole app; reads nothing but the state and `now`.
    pub fn render(&self, frame: &mut Frame, now: &Now) {
        let area = frame.area();
        if message::too_small(area) {
            message::render_too_small(frame, area, self.theme);
            return;
        }
        let theme = self.theme;
        match &self.screen {
            Screen::Home => home::render(frame, area, &self.home, &self.routines, theme),
            Screen::CheckIn(r) => rating::render(frame, area, ASK_MORNING, *r, theme),
            Screen::Before(_, _, r) => rating::render(frame, area, ASK_BEFORE, *r, theme),
            Screen::After(_, r) => rating::render(frame, area, ASK_AFTER, *r, theme),
            Screen::Note(_, text) => note::render(frame, area, text, theme),
            Screen::Player(session) => {
                let snap = session.player.snapshot(now.mono);
                let voice = self.settings.voice == Voice::On;
                let overlay = session.overlay(self.settings.reduced_motion, voice);
                player::render(
                    frame,
                    area,
                    session.player.timeline(),
                    &snap,
                    overlay,
                    theme,
                );
            }
            Screen::Summary(s) => summary::render(frame, area, s, theme),
            Screen::Progress(model) => progress::render(frame, area, model, theme),
        }
        if self.help_open {
            help::render(frame, area, self.screen_context(), theme);
        }
        if let Some(message) = &self.message {
            message::render_message(frame, area, message, theme);
        }
    }
}

fn checkin(stiffness: u8, now: &Now) -> Record {
    Record::Checkin(CheckinRecord {
        at: now.local,
        stiffness,
        note: None,
    })
}
