//! The app in desk mode: desk keys become answers, resets play in the usual player, and
//! every way out of a session comes back to the desk.

use super::{App, Screen};
use crate::desk::Answer;
use crate::journal::SessionRecord;
use crate::routine::Variant;
use crate::tui::desk_mode::DeskMode;
use crate::tui::keymap::Action;
use crate::tui::protocol::{Effect, Now};

impl App {
    /// Opens on the desk screen; sessions ask how stiff the back is only when the desk's
    /// `rate` is on.
    #[must_use]
    pub fn with_desk(mut self, mode: DeskMode) -> Self {
        self.settings.ask_ratings = mode.rate();
        self.desk = Some(Box::new(mode));
        self.screen = Screen::Desk;
        self
    }

    pub(super) fn update_desk(&mut self, action: Action, now: &Now) -> (Screen, Vec<Effect>) {
        let Some(mode) = self.desk.as_mut() else {
            return (Screen::Home, Vec::new());
        };
        match action {
            Action::StartFull | Action::Transition => {
                match mode.start(action == Action::Transition, now) {
                    Ok((routine, effects)) => (self.starting(routine, Variant::Full, now), effects),
                    Err(message) => {
                        self.message = Some(message);
                        (Screen::Desk, Vec::new())
                    }
                }
            }
            Action::Snooze => (Screen::Desk, mode.answer(Answer::Snoozed, now)),
            Action::SkipReset => (Screen::Desk, mode.answer(Answer::Skipped, now)),
            Action::Quit | Action::EndNow => {
                self.quit = true;
                (Screen::Desk, mode.close(now))
            }
            _ => (Screen::Desk, Vec::new()),
        }
    }

    /// Where a session ends in desk mode: back to the countdown, which learns how it went
    /// (`None`: backed out before it began). `None` outside desk mode.
    pub(super) fn back_to_desk(&mut self, session: Option<&SessionRecord>) -> Option<Screen> {
        let mode = self.desk.as_mut()?;
        mode.session_ended(session);
        Some(Screen::Desk)
    }
}
