//! Taking back, from Home, the record just made in the app: a session, a check-in or a rest
//! day. Home shows `u undo` until the next key; `u` asks, and `y` appends the void through
//! [`Effect::Undo`].

use super::{App, Effect};
use crate::journal::{Record, Saved};
use crate::tui::keymap::Action;
use crate::tui::screens::home::Undo;

impl App {
    /// Offers to take back a record the app just saved, when it is one a person makes (not
    /// desk mode's prompts, nor anything saved in desk mode).
    pub(super) fn offer_undo(&mut self, saved: Box<Saved>) {
        let made = matches!(
            saved.record,
            Record::Session(_) | Record::Checkin(_) | Record::Rest(_)
        );
        if made && self.desk.is_none() {
            self.home.undo = Some(Undo {
                saved: *saved,
                asking: false,
            });
        }
    }

    /// A key on Home while a record can be taken back: `u` asks, `y` then takes it back;
    /// any other key ends the offer and, unless it answered the question, does what it
    /// does (`None`).
    pub(super) fn update_undo(&mut self, action: Action) -> Option<Vec<Effect>> {
        let undo = self.home.undo.take()?;
        if !undo.asking {
            if action == Action::Undo {
                self.home.undo = Some(Undo {
                    asking: true,
                    ..undo
                });
                return Some(Vec::new());
            }
            return None;
        }
        Some(match action {
            Action::Yes => {
                if let Record::Checkin(c) = &undo.saved.record
                    && self.last_checkin.is_some_and(|(at, _)| at == c.at)
                {
                    self.last_checkin = None;
                }
                vec![Effect::Undo(Box::new(undo.saved)), Effect::LoadToday]
            }
            Action::EndNow => {
                self.quit = true;
                Vec::new()
            }
            _ => Vec::new(),
        })
    }
}
