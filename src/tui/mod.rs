//! The interactive app: state and update (`app`), the event loop (here), key tables,
//! the theme, one file per screen and one per widget.
//!
//! The loop sleeps until the next visible change or an input, handles every pending input,
//! then draws once, only when something changed.

pub mod answer;
pub mod app;
pub mod clock;
pub mod event;
pub mod keymap;
pub mod live_session;
pub mod protocol;
pub mod screens;
pub mod terminal;
pub mod theme;
pub mod widgets;

use std::io::{self, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError};

use chrono::{Local, SubsecRound};

use crate::journal::Record;
use crate::progress::ProgressModel;
use app::App;
use clock::Clock;
use event::Input;
use protocol::{Effect, Now};

use crate::voice::Speaker;

/// Where the app's records go. The app only asks; the caller decides how (the journal file).
pub trait Storage {
    /// Saves a record, or says in plain words why not, with the record's text to keep.
    fn save(&mut self, record: &Record) -> Result<(), String>;
    /// The progress picture as of `now`, or why it cannot be had.
    fn progress(&mut self, now: &Now) -> Result<ProgressModel, String>;
    /// Records the day of `now` as a rest day; says what it did, or why it could not.
    fn rest(&mut self, now: &Now) -> Result<String, String>;
}

/// What the loop does outside the app: records, and the voice.
pub struct World<'a> {
    pub storage: &'a mut dyn Storage,
    pub speaker: Speaker,
}

/// Runs the app until it quits, restoring the terminal on every way out. Returns the signal
/// that ended it, if one did, so the process can exit as signalled programs do. Every speech
/// process is ended as the app leaves, by any way (the speaker is dropped here).
pub fn run(app: App, clock: Clock, mut world: World) -> io::Result<Option<i32>> {
    let inputs = event::spawn()?;
    let mut terminal = terminal::enter()?;
    let result = event_loop(&mut terminal, app, clock, &inputs, &mut world);
    terminal::leave();
    result
}

/// Reads the clock: the only place the app learns the time.
#[must_use]
pub fn now(clock: &Clock) -> Now {
    Now {
        mono: clock.now(),
        local: Local::now().fixed_offset().trunc_subsecs(0),
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut app: App,
    clock: Clock,
    inputs: &Receiver<Input>,
    world: &mut World,
) -> io::Result<Option<i32>> {
    let mut dirty = true;
    loop {
        let t = now(&clock);
        let effects = app.tick(&t);
        dirty |= !effects.is_empty();
        perform(effects, &mut app, world, &clock)?;
        if app.quit {
            return Ok(None);
        }
        if dirty {
            terminal::draw(terminal, |frame| app.render(frame, &t))?;
            dirty = false;
        }
        let first = match app.deadline(&t) {
            Some(deadline) => match inputs.recv_timeout(clock.real_wait_until(deadline)) {
                Ok(input) => Some(input),
                Err(RecvTimeoutError::Timeout) => {
                    dirty = true;
                    None
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(None),
            },
            None => match inputs.recv() {
                Ok(input) => Some(input),
                Err(_) => return Ok(None),
            },
        };
        // Handle everything already waiting before drawing once. A key that means nothing
        // here draws nothing, unless it closes a message.
        for input in first.into_iter().chain(inputs.try_iter()) {
            let t = now(&clock);
            match input {
                Input::Signal(signal) => return Ok(Some(signal)),
                Input::Closed => return Ok(None),
                Input::ChildExited => {
                    if let Some(why) = world.speaker.reap() {
                        app.voice_failed(why, &t);
                        dirty = true;
                    }
                }
                Input::Resize => {
                    terminal.autoresize()?;
                    dirty = true;
                }
                Input::Key(key) => {
                    let Some(action) = keymap::action(app.context(), key) else {
                        // Any key closes a message, even one with no meaning here.
                        dirty |= app.dismiss_message();
                        continue;
                    };
                    let effects = app.update(action, &t);
                    perform(effects, &mut app, world, &clock)?;
                    dirty = true;
                }
            }
        }
    }
}

fn perform(
    effects: Vec<Effect>,
    app: &mut App,
    world: &mut World,
    clock: &Clock,
) -> io::Result<()> {
    let storage = &mut *world.storage;
    for effect in effects {
        match effect {
            Effect::Bell => {
                let mut out = io::stdout();
                out.write_all(b"\x07")?;
                out.flush()?;
            }
            Effect::Speak(text) => {
                if let Err(why) = world.speaker.say(&text) {
                    app.voice_failed(why, &now(clock));
                }
            }
            Effect::Hush => world.speaker.hush(),
            Effect::Save(record) => {
                if let Err(message) = storage.save(&record) {
                    app.save_failed(message);
                }
            }
            Effect::LoadProgress => match storage.progress(&now(clock)) {
                Ok(model) => app.show_progress(model),
                Err(message) => app.notify(message),
            },
            Effect::RecordRest => match storage.rest(&now(clock)) {
                Ok(message) | Err(message) => app.notify(message),
            },
        }
    }
    Ok(())
}
