//! `poised run NAME --plain`: a session without the alternate screen or any drawing, told as
//! one line of plain text per change that matters, so that a screen reader, a braille display
//! or a log can follow it. Keys (Space, n, p, r, v, q) are read in raw mode when there is a
//! terminal; nothing but the lines is written, and never an escape sequence.

use std::io::{self, IsTerminal, Write};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use crossterm::terminal::{disable_raw_mode, enable_raw_mode};

use super::World;
use super::event::{self, Incoming};
use super::keymap::Action;
use super::live_session::LiveSession;
use super::protocol::{Effect, Sound};
use crate::clock::Clock;
use crate::journal::Record;
use crate::session::{PlayState, Snapshot, narration};

/// Raw mode for as long as it lives, when stdin is a terminal; left on every way out.
struct RawMode(bool);

impl RawMode {
    fn enter() -> Self {
        Self(io::stdin().is_terminal() && enable_raw_mode().is_ok())
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        if self.0 {
            let _ = disable_raw_mode();
        }
    }
}

/// The state of a plain session besides the session itself.
struct Teller {
    out: io::Stdout,
    /// "\r\n" in raw mode, where a bare newline would not return the carriage.
    newline: &'static str,
    voice: bool,
    heard: Option<Snapshot>,
}

/// Plays `session` to its end (or until it is ended), saves its record, and returns the
/// signal that ended it, if one did. `voice`: the cues were asked to be spoken.
pub fn run(
    mut session: LiveSession,
    clock: Clock,
    world: &mut World,
    voice: bool,
) -> io::Result<Option<i32>> {
    let inputs = event::spawn()?;
    let raw = RawMode::enter();
    let mut teller = Teller {
        out: io::stdout(),
        newline: if raw.0 && io::stdout().is_terminal() {
            "\r\n"
        } else {
            "\n"
        },
        voice: voice && world.speaker.available(),
        heard: None,
    };
    if voice && !teller.voice {
        teller.line(crate::tui::app::NO_VOICE);
    }
    let mut ended_by = None;
    'session: loop {
        let t = clock.now();
        let effects = session.tick(t.mono, teller.sound());
        teller.carry_out(effects, world);
        teller.tell(&session, &t);
        if session.player.snapshot(t.mono).state == PlayState::Finished {
            break;
        }
        let wait = session
            .player
            .next_change(t.mono)
            .map(|deadline| clock.real_wait_until(deadline));
        for input in inputs.wait(wait) {
            let now = clock.now();
            let action = match input {
                Incoming::Key(key) => key_action(key),
                Incoming::Interrupt => Some(Action::EndNow),
                Incoming::Stop(signal) => {
                    ended_by = Some(signal);
                    session.stop(&now);
                    teller.tell(&session, &now);
                    break 'session;
                }
                Incoming::ChildExited => {
                    if let Some(why) = world.speaker.reap() {
                        teller.voice = false;
                        teller.line(&why);
                    }
                    None
                }
                // Without a terminal to read, the session plays on untouched.
                Incoming::Closed | Incoming::Resize | Incoming::Paste(_) => None,
            };
            match action {
                Some(Action::ToggleVoice) => teller.toggle_voice(&mut session, world),
                Some(action) => {
                    let effects = session.update(action, now.mono, teller.sound());
                    teller.carry_out(effects, world);
                }
                None => {}
            }
        }
    }
    drop(raw);
    let now = clock.now();
    session.note_end(&now);
    world.speaker.hush();
    // A record that cannot be saved is printed by the caller, with the record to keep.
    let _ = world.storage.save(&Record::Session(session.record(None)));
    Ok(ended_by)
}

/// The keys of a plain session; q ends it at once, as there is no screen to ask on.
fn key_action(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return (key.code == KeyCode::Char('c')).then_some(Action::EndNow);
    }
    match key.code {
        KeyCode::Char(' ') => Some(Action::TogglePause),
        KeyCode::Char('n') | KeyCode::Right => Some(Action::Skip),
        KeyCode::Char('p') | KeyCode::Left => Some(Action::Back),
        KeyCode::Char('r') => Some(Action::Restart),
        KeyCode::Char('v') => Some(Action::ToggleVoice),
        KeyCode::Char('q') | KeyCode::Esc => Some(Action::EndNow),
        _ => None,
    }
}

impl Teller {
    fn sound(&self) -> Sound {
        Sound {
            bell: false,
            voice: self.voice,
        }
    }

    fn line(&mut self, text: &str) {
        // Nowhere to write is no reason to stop a session.
        let _ = write!(self.out, "{text}{}", self.newline).and_then(|()| self.out.flush());
    }

    /// Writes what changed since the moment last told.
    fn tell(&mut self, session: &LiveSession, now: &crate::clock::Now) {
        let snap = session.player.snapshot(now.mono);
        for line in narration(session.player.timeline(), self.heard.as_ref(), &snap) {
            self.line(&line);
        }
        self.heard = Some(snap);
    }

    fn carry_out(&mut self, effects: Vec<Effect>, world: &mut World) {
        for effect in effects {
            let failed = match effect {
                Effect::Speak(text) => world.speaker.say(&text).err(),
                Effect::Hush => {
                    world.speaker.hush();
                    None
                }
                _ => None,
            };
            if let Some(why) = failed {
                self.voice = false;
                self.line(&why);
            }
        }
    }

    fn toggle_voice(&mut self, session: &mut LiveSession, world: &mut World) {
        if !world.speaker.available() {
            self.line(crate::tui::app::NO_VOICE);
            return;
        }
        self.voice = !self.voice;
        if self.voice {
            session.say_again();
        } else {
            world.speaker.hush();
        }
        self.line(if self.voice {
            "Voice on."
        } else {
            "Voice off."
        });
    }
}
