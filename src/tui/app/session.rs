//! A session's first and last moments in the app: the question before, the player, the
//! question after, and the record it leaves, including when the terminal goes away.

use super::App;
use super::screen::Screen;
use crate::journal::{Record, note_or_none};
use crate::progress::days::ritual_date;
use crate::progress::easier::{self, PastSession};
use crate::routine::{Routine, Variant};
use crate::session::PlayState;
use crate::tui::live_session::LiveSession;
use crate::tui::protocol::{Effect, Now};
use crate::tui::screens::rating::Rating;

/// A morning check-in this recent answers the question before a session.
pub const CHECKIN_REUSE: chrono::Duration = chrono::Duration::minutes(30);

impl App {
    /// The first screen of a session: the stiffness question, or straight to the player.
    /// A morning check-in answered in the last [`CHECKIN_REUSE`] answers the question in
    /// advance (one key confirms).
    pub(super) fn starting(&mut self, routine: Routine, variant: Variant, now: &Now) -> Screen {
        if self.settings.ask_ratings {
            let recent = self
                .last_checkin
                .filter(|(at, _)| now.local >= *at && now.local - *at <= CHECKIN_REUSE);
            let rating = recent.map_or_else(Rating::default, |(at, value)| {
                Rating::from_checkin(value, at.time())
            });
            Screen::Before(Box::new(routine), variant, rating)
        } else {
            self.begin(Box::new(routine), variant, None, now)
        }
    }

    pub(super) fn player(
        &self,
        routine: &Routine,
        variant: Variant,
        before: Option<u8>,
        now: &Now,
    ) -> Screen {
        let offers = self.easier.get(&routine.id).map_or(&[][..], Vec::as_slice);
        let mut session = LiveSession::new(routine, variant, offers, now, self.learning);
        session.stiffness_before = before;
        Screen::Player(Box::new(session))
    }

    /// Once the session has finished: the after-question, or straight to the summary. A
    /// session ended with Ctrl-C, or before any of its work was played (during the first
    /// get-ready, or every step skipped), asks nothing after: there is no "after" to rate, and
    /// the summary says how little was done.
    pub(super) fn after_session_turn(&mut self, now: &Now) -> Vec<Effect> {
        let Screen::Player(session) = &mut self.screen else {
            return Vec::new();
        };
        if session.player.snapshot(now.mono).state != PlayState::Finished {
            return Vec::new();
        }
        session.note_end(now);
        self.help_open = false;
        let Screen::Player(session) = std::mem::replace(&mut self.screen, Screen::Home) else {
            return Vec::new();
        };
        if self.settings.ask_ratings && !session.hurried && session.played_any_work() {
            let rating = Rating::starting_at(session.stiffness_before);
            self.screen = Screen::After(session, rating);
            return Vec::new();
        }
        let (screen, effects) = self.conclude(&session, None);
        self.screen = screen;
        effects
    }

    /// The summary (in desk mode, the desk), and the session's record to save; the next
    /// session of the routine offers easier versions as this one leaves them.
    pub(super) fn conclude(
        &mut self,
        session: &LiveSession,
        note: Option<&str>,
    ) -> (Screen, Vec<Effect>) {
        let record = session.record(note.and_then(note_or_none));
        let offers = self.easier.entry(record.routine.clone()).or_default();
        let past = PastSession {
            date: ritual_date(record.started, self.day_start),
            completed: record.completed,
            painful: &record.painful_steps,
        };
        easier::played(offers, &past);
        let screen = self
            .back_to_desk(Some(&record))
            .unwrap_or_else(|| Screen::Summary(session.summary(self.exit_after_summary)));
        (
            screen,
            vec![
                Effect::Save(Box::new(Record::Session(record))),
                Effect::LoadToday,
            ],
        )
    }

    /// The terminal is going away: a session that has started is recorded as it stands
    /// (ratings and the note typed so far), and the app quits.
    pub(super) fn hang_up(&mut self, now: &Now) -> Vec<Effect> {
        self.quit = true;
        match std::mem::replace(&mut self.screen, Screen::Home) {
            Screen::Player(mut session) => {
                session.stop(now);
                self.conclude(&session, None).1
            }
            Screen::After(session, _) => self.conclude(&session, None).1,
            Screen::Note(session, text) => self.conclude(&session, Some(&text)).1,
            Screen::Desk => self.desk.as_mut().map(|d| d.close(now)).unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}
