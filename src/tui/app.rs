//! The app's state and its one update function: an action and the time go in, the state
//! changes, and effects (a bell, a record to save) come out for the loop to carry out.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use super::keymap::{Action, Context};
use super::live_session::LiveSession;
use super::screens::home::Home;
use super::screens::summary::Summary;
use super::screens::{help, home, player, summary};
use super::theme::Theme;
use super::widgets::pacer;
use crate::routine::{Routine, Variant};
use crate::session::PlayState;

/// Below this size the screens cannot be laid out; poised asks for more room instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// The time, read once per loop turn: monotonic for the session, local for the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub mono: Duration,
    pub local: DateTime<FixedOffset>,
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Bell,
}

/// Preferences that shape a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub bell: bool,
    pub reduced_motion: bool,
    /// Ask how stiff the back is before and after a session.
    pub ask_ratings: bool,
}

/// The screen in front.
#[derive(Debug)]
enum Screen {
    Home,
    Player(Box<LiveSession>),
    Summary(Summary),
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
            quit: false,
        }
    }

    /// An app that plays one routine at once and leaves after its summary (`poised run`).
    #[must_use]
    pub fn run_routine(mut self, routine: &Routine, variant: Variant, now: &Now) -> Self {
        self.exit_after_summary = true;
        self.start(routine.clone(), variant, now);
        self
    }

    /// Which key table applies now.
    #[must_use]
    pub fn context(&self) -> Context {
        if self.help_open {
            return Context::Help;
        }
        match &self.screen {
            Screen::Home => Context::Home,
            Screen::Player(s) if s.confirm_end => Context::ConfirmEnd,
            Screen::Player(_) => Context::Player,
            Screen::Summary(_) => Context::Summary,
        }
    }

    /// Applies one action at `now`.
    pub fn update(&mut self, action: Action, now: &Now) -> Vec<Effect> {
        if action == Action::Help {
            self.help_open = !self.help_open;
            return Vec::new();
        }
        if self.help_open && action != Action::EndNow {
            return Vec::new();
        }
        match &mut self.screen {
            Screen::Home => {
                self.update_home(action, now);
                Vec::new()
            }
            Screen::Player(session) => {
                let effects = session.update(action, now.mono, self.settings.bell);
                self.after_session_turn(now);
                effects
            }
            Screen::Summary(_) => {
                if matches!(action, Action::Quit | Action::EndNow) {
                    self.leave_summary();
                }
                Vec::new()
            }
        }
    }

    /// Lets time pass: the session advances, rings its bell, and ends when its time is up.
    pub fn tick(&mut self, now: &Now) -> Vec<Effect> {
        let Screen::Player(session) = &mut self.screen else {
            return Vec::new();
        };
        let effects = session.tick(now.mono, self.settings.bell);
        self.after_session_turn(now);
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

    fn update_home(&mut self, action: Action, now: &Now) {
        let count = self.home.choices(&self.routines).len();
        match action {
            Action::Up => self.home.move_by(-1, count),
            Action::Down => self.home.move_by(1, count),
            Action::Minutes(n) => self.home.filter(n, &self.routines),
            Action::StartFull | Action::StartShort => {
                let choices = self.home.choices(&self.routines);
                let Some(choice) = choices.get(self.home.selected) else {
                    return;
                };
                let variant = match action {
                    Action::StartShort if choice.routine.has_short() => Variant::Short,
                    _ => choice.variant,
                };
                let routine = choice.routine.clone();
                self.start(routine, variant, now);
            }
            Action::Quit | Action::EndNow => self.quit = true,
            _ => {}
        }
    }

    fn start(&mut self, routine: Routine, variant: Variant, now: &Now) {
        self.screen = Screen::Player(Box::new(LiveSession::new(&routine, variant, now)));
    }

    /// Moves on to the summary once the session has finished.
    fn after_session_turn(&mut self, now: &Now) {
        let Screen::Player(session) = &self.screen else {
            return;
        };
        if session.player.snapshot(now.mono).state == PlayState::Finished {
            let summary = session.summary(now.mono, self.exit_after_summary);
            self.help_open = false;
            self.screen = Screen::Summary(summary);
        }
    }

    fn leave_summary(&mut self) {
        if self.exit_after_summary {
            self.quit = true;
        } else {
            self.screen = Screen::Home;
        }
    }

    /// Draws the whole app; reads nothing but the state and `now`.
    pub fn render(&self, frame: &mut Frame, now: &Now) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            render_too_small(frame, area, self.theme);
            return;
        }
        match &self.screen {
            Screen::Home => home::render(frame, area, &self.home, &self.routines, self.theme),
            Screen::Player(session) => {
                let snap = session.player.snapshot(now.mono);
                player::render(
                    frame,
                    area,
                    session.player.timeline(),
                    &snap,
                    session.overlay(self.settings.reduced_motion),
                    self.theme,
                );
            }
            Screen::Summary(s) => summary::render(frame, area, s, self.theme),
        }
        if self.help_open {
            let underneath = match &self.screen {
                Screen::Home => Context::Home,
                Screen::Player(_) => Context::Player,
                Screen::Summary(_) => Context::Summary,
            };
            help::render(frame, area, underneath, self.theme);
        }
    }
}

fn render_too_small(frame: &mut Frame, area: Rect, theme: Theme) {
    let text = format!("Please enlarge the terminal to at least {MIN_WIDTH}x{MIN_HEIGHT}.");
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.alert())
            .wrap(Wrap { trim: true }),
        area,
    );
}
