//! What covers a screen for a moment: the help and "Before you start". While either is open
//! a session waits, and keys go to the overlay.

use super::{App, Effect, Now, Screen};
use crate::tui::keymap::{Action, Context};
use crate::tui::screens::safety::Safety;

impl App {
    /// Handles `action` when an overlay takes it; `None` lets the screen underneath have it.
    pub(super) fn update_overlays(&mut self, action: Action, now: &Now) -> Option<Vec<Effect>> {
        if let Some(state) = &mut self.safety {
            return Some(match action {
                Action::Scroll(lines) => {
                    state.scroll_by(lines);
                    Vec::new()
                }
                Action::Quit | Action::EndNow => {
                    let first_run = state.first_run;
                    self.safety = None;
                    self.quit |= action == Action::EndNow;
                    let mut effects = self.hold_session(false, now);
                    if first_run {
                        effects.push(Effect::SafetySeen);
                    }
                    effects
                }
                _ => Vec::new(),
            });
        }
        if action == Action::Help && self.context() != Context::Note {
            self.help_open = !self.help_open;
            return Some(self.hold_session(self.help_open, now));
        }
        if self.help_open && action == Action::ShowSafety {
            self.help_open = false;
            self.safety = Some(Safety::default());
            return Some(Vec::new());
        }
        if self.help_open && action != Action::EndNow {
            return Some(Vec::new());
        }
        self.help_open = false;
        None
    }

    /// Stops (or lets go of) a session's clock, and its voice, while something covers it.
    pub(super) fn hold_session(&mut self, hold: bool, now: &Now) -> Vec<Effect> {
        let Screen::Player(session) = &mut self.screen else {
            return Vec::new();
        };
        if hold {
            session.hold(now.mono);
        } else {
            session.release(now.mono);
        }
        session.tick(now.mono, self.settings.sound())
    }
}
