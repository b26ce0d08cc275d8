//! The screen in front, and where each key leads from it.

use super::App;
use crate::progress::ProgressModel;
use crate::routine::{Routine, Variant};
use crate::text::sanitize;
use crate::tui::answer::{Answer, answer};
use crate::tui::keymap::{Action, Context};
use crate::tui::live_session::LiveSession;
use crate::tui::protocol::{Effect, Now};
use crate::tui::screens::calm::Calm;
use crate::tui::screens::home::Home;
use crate::tui::screens::note;
use crate::tui::screens::rating::Rating;
use crate::tui::screens::summary::SessionSummary;

/// The screen in front.
#[derive(Debug)]
pub(super) enum Screen {
    Home,
    CheckIn(Rating),
    Before(Box<Routine>, Variant, Rating),
    /// The calm note: much stiffer than usual; the rating before, if given.
    Calm(Box<Routine>, Variant, Option<u8>, Calm),
    Player(Box<LiveSession>),
    After(Box<LiveSession>, Rating),
    Note(Box<LiveSession>, String),
    Summary(SessionSummary),
    Progress(Box<ProgressModel>),
    /// Desk mode's countdown or prompt; its state is `App::desk`.
    Desk,
}

impl Screen {
    /// Which key table the screen reads keys with; Home's depends on its question.
    pub(super) fn context(&self, home: &Home) -> Context {
        match self {
            Self::Home if home.confirm_rest => Context::ConfirmRest,
            Self::Home if home.undo.as_ref().is_some_and(|u| u.asking) => Context::ConfirmUndo,
            Self::Home => Context::Home,
            Self::Player(s) if s.confirm_end => Context::ConfirmEnd,
            Self::Player(s) if s.hurt.is_some() => Context::Hurt,
            Self::Player(_) => Context::Player,
            Self::CheckIn(_) | Self::Before(..) | Self::After(..) => Context::Rating,
            Self::Calm(..) => Context::Calm,
            Self::Note(..) => Context::Note,
            Self::Summary(_) => Context::Summary,
            Self::Progress(_) => Context::Progress,
            Self::Desk => Context::Desk,
        }
    }
}

impl App {
    /// The screen that follows `screen` after `action`, and what to do about it.
    pub(super) fn next_screen(
        &mut self,
        screen: Screen,
        action: Action,
        now: &Now,
    ) -> (Screen, Vec<Effect>) {
        let stay = |screen| (screen, Vec::new());
        match screen {
            Screen::Home => self.update_home(action, now),
            Screen::Desk => self.update_desk(action, now),
            Screen::Progress(model) => match action {
                Action::Quit => stay(Screen::Home),
                Action::EndNow => {
                    self.quit = true;
                    stay(Screen::Home)
                }
                _ => stay(Screen::Progress(model)),
            },
            Screen::CheckIn(rating) => match answer(rating, action, now.mono) {
                Answer::Open(r) => stay(Screen::CheckIn(r)),
                Answer::Given(value) => {
                    self.last_checkin = Some((now.local, value));
                    (
                        Screen::Home,
                        vec![Effect::Save(Box::new(checkin(value, now)))],
                    )
                }
                Answer::Skipped | Answer::Cancelled => stay(Screen::Home),
            },
            Screen::Before(routine, variant, rating) => match answer(rating, action, now.mono) {
                Answer::Cancelled => stay(self.leave_summary()),
                Answer::Open(r) => stay(Screen::Before(routine, variant, r)),
                Answer::Given(value) => stay(self.begin(routine, variant, Some(value), now)),
                Answer::Skipped => stay(self.begin(routine, variant, None, now)),
            },
            Screen::Calm(routine, variant, before, calm) => {
                self.update_calm(routine, variant, before, calm, action, now)
            }
            Screen::Player(mut session) if action == Action::ToggleVoice => {
                let effects = self.toggle_voice(&mut session, now);
                (Screen::Player(session), effects)
            }
            Screen::Player(mut session) => {
                let effects = session.update(action, now.mono, self.settings.sound());
                (Screen::Player(session), effects)
            }
            Screen::After(mut session, rating) => match answer(rating, action, now.mono) {
                Answer::Open(r) => stay(Screen::After(session, r)),
                Answer::Cancelled if action == Action::EndNow => self.conclude(&session, None),
                Answer::Given(value) => {
                    session.stiffness_after = Some(value);
                    stay(Screen::Note(session, String::new()))
                }
                Answer::Skipped | Answer::Cancelled => stay(Screen::Note(session, String::new())),
            },
            Screen::Note(session, mut text) => match action {
                Action::Type(c) => {
                    note::push(&mut text, c);
                    stay(Screen::Note(session, text))
                }
                Action::Backspace => {
                    text.pop();
                    stay(Screen::Note(session, text))
                }
                Action::Confirm => self.conclude(&session, Some(&text)),
                Action::SkipQuestion | Action::EndNow => self.conclude(&session, None),
                _ => stay(Screen::Note(session, text)),
            },
            Screen::Summary(s) => match action {
                Action::Quit | Action::EndNow => stay(self.leave_summary()),
                _ => stay(Screen::Summary(s)),
            },
        }
    }

    /// Pasted text goes into the note, as if typed; elsewhere a paste means nothing, so that
    /// pasted letters can never act as keys.
    pub(super) fn paste(&mut self, text: &str) {
        if let Screen::Note(_, note) = &mut self.screen {
            for c in text.chars() {
                note::push(note, c);
            }
        }
    }

    fn update_home(&mut self, action: Action, now: &Now) -> (Screen, Vec<Effect>) {
        if let Some(effects) = self.update_undo(action) {
            return (Screen::Home, effects);
        }
        if std::mem::take(&mut self.home.confirm_rest) {
            let effects = match action {
                Action::Yes => vec![Effect::RecordRest, Effect::LoadToday],
                Action::EndNow => {
                    self.quit = true;
                    Vec::new()
                }
                _ => Vec::new(),
            };
            return (Screen::Home, effects);
        }
        let count = self.home.choices(&self.routines).len();
        match action {
            Action::Up => self.home.move_by(-1, count),
            Action::Down => self.home.move_by(1, count),
            Action::Minutes(n) => self.home.filter(n, &self.routines),
            Action::Scroll(lines) => self.home.scroll_details(lines),
            Action::StartFull | Action::StartShort | Action::StartLearn => {
                self.learning = action == Action::StartLearn;
                if let Some(screen) = self.start_chosen(action == Action::StartShort, now) {
                    return (screen, Vec::new());
                }
            }
            Action::Progress => return (Screen::Home, vec![Effect::LoadProgress]),
            Action::Rest => self.home.confirm_rest = true,
            Action::Quit | Action::EndNow => self.quit = true,
            _ => {}
        }
        (Screen::Home, Vec::new())
    }

    /// The selected routine's first screen, or `None` (with a message when it has no short
    /// version and `short` was asked for).
    fn start_chosen(&mut self, short: bool, now: &Now) -> Option<Screen> {
        let choices = self.home.choices(&self.routines);
        let choice = choices.get(self.home.selected)?;
        if short && !choice.routine.has_short() {
            let title = sanitize(&choice.routine.title);
            self.message = Some(format!(
                "{title} has no short version (no step is marked essential). Enter plays it in full."
            ));
            return None;
        }
        let variant = if short {
            Variant::Short
        } else {
            choice.variant
        };
        let routine = choice.routine.clone();
        Some(self.starting(routine, variant, now))
    }

    pub(super) fn leave_summary(&mut self) -> Screen {
        if let Some(desk) = self.back_to_desk(None) {
            return desk;
        }
        if self.exit_after_summary {
            self.quit = true;
        }
        Screen::Home
    }
}

fn checkin(stiffness: u8, now: &Now) -> crate::journal::Record {
    crate::journal::Record::Checkin(crate::journal::CheckinRecord {
        at: now.local,
        stiffness,
        note: None,
    })
}
