//! The voice in the app: `v` turns it on and off in the player, and a speech program that is
//! missing or fails turns it off with one line, while the session goes on.

use super::App;
use super::screen::Screen;
use crate::tui::live_session::LiveSession;
use crate::tui::protocol::{Effect, Now, Voice};

/// Said when the voice is asked for and no speech program is found.
pub const NO_VOICE: &str =
    "No speech program found: install espeak-ng, or set `voice` in config.toml.";

impl App {
    /// `v`: speaks from the current moment on (said whole), or stops speaking.
    pub(super) fn toggle_voice(&mut self, session: &mut LiveSession, now: &Now) -> Vec<Effect> {
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

    /// The voice goes off for good; the player shows why as its notice, any other screen as
    /// a message.
    pub(super) fn voice_failed(&mut self, why: String, now: &Now) {
        self.settings.voice = Voice::Unavailable;
        match &mut self.screen {
            Screen::Player(session) => session.notify(why, now.mono),
            _ => self.message = Some(why),
        }
    }

    /// Whether the cues are spoken now.
    pub(super) fn speaking(&self) -> bool {
        self.settings.voice == Voice::On
    }
}
