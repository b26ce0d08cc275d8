//! The interactive app: state and update (`app`), the event loop (here), key tables,
//! the theme, one file per screen and one per widget.
//!
//! The loop sleeps until the next visible change or an input, hands every pending input to
//! the app's `update`, carries out the effects it returns (feeding their results back in as
//! messages), then draws once, only when the view changed.

pub mod answer;
pub mod app;
pub mod background;
pub mod desk_mode;
pub mod event;
pub mod keymap;
pub mod keys;
pub mod live_session;
pub mod notify;
pub mod plain;
pub mod protocol;
pub mod screens;
pub mod terminal;
pub mod theme;
pub mod widgets;

use std::collections::VecDeque;
use std::io::{self, Write};

use crate::clock::Clock;
use crate::journal::Record;
use crate::progress::ProgressModel;
use app::{App, View};
use event::{Incoming, Inputs};
use keymap::Action;
use protocol::{Effect, Msg, Now, Saved};

use crate::voice::Speaker;

/// Where the app's records go. The app only asks; the caller decides how (the journal file).
pub trait Storage {
    /// Saves a record and gives its key (to take it back), or says in plain words why not,
    /// with the record's text to keep.
    fn save(&mut self, record: &Record) -> Result<String, String>;
    /// The progress picture as of `now`, or why it cannot be had.
    fn progress(&mut self, now: &Now) -> Result<ProgressModel, String>;
    /// Records the day of `now` as a rest day; says what it did (with the rest day saved,
    /// if one was), or why it could not.
    fn rest(&mut self, now: &Now) -> Result<(String, Option<Saved>), String>;
    /// Takes back a record (appends its void); says what it did, or why it could not, with
    /// the void's text to keep.
    fn undo(&mut self, saved: &Saved, now: &Now) -> Result<String, String>;
    /// Remembers that "Before you start" was read; a failure only means it is shown again.
    fn safety_seen(&mut self);
}

/// What the loop acts on outside the app: where records go, and the voice.
pub struct World<'a> {
    pub storage: &'a mut dyn Storage,
    pub speaker: Speaker,
}

/// Runs the app until it quits, restoring the terminal on every way out. Returns the signal
/// that ended it, if one did, so the process can exit as signalled programs do. Every speech
/// process ends as this returns or unwinds: the speaker is dropped here.
pub fn run(mut app: App, clock: Clock, mut world: World) -> io::Result<Option<i32>> {
    let inputs = event::spawn()?;
    let mut painter = terminal::Painter::new(terminal::enter()?);
    perform(vec![Effect::LoadToday], &mut app, &mut world, &clock);
    let result = event_loop(&mut painter, &mut app, clock, &inputs, &mut world);
    if result.is_err() {
        // The terminal failed under the app: keep the session, as if it had been closed.
        let effects = app.update(Msg::Hangup, &clock.now());
        perform(effects, &mut app, &mut world, &clock);
    }
    terminal::leave(painter.into_terminal());
    result
}

/// Shows `view`, drawn at `now`, where the screen shows `drawn`: nothing when they are
/// equal, only the player's moving parts when nothing else changed, else the whole screen.
pub fn paint<W: Write>(
    painter: &mut terminal::Painter<W>,
    app: &App,
    drawn: Option<&View>,
    view: &View,
    now: &Now,
) -> io::Result<()> {
    match drawn {
        Some(drawn) if drawn == view => Ok(()),
        Some(drawn) => match drawn.moved(view) {
            Some(parts) => painter.redraw(|buffer| app.render_moved(buffer, now, parts)),
            None => painter.draw(|frame| app.render(frame, now)),
        },
        None => painter.draw(|frame| app.render(frame, now)),
    }
}

fn event_loop(
    painter: &mut terminal::Painter<io::Stdout>,
    app: &mut App,
    clock: Clock,
    inputs: &Inputs,
    world: &mut World,
) -> io::Result<Option<i32>> {
    let mut drawn: Option<View> = None;
    let mut ended_by = None;
    loop {
        let t = clock.now();
        let effects = app.update(Msg::Tick, &t);
        perform(effects, app, world, &clock);
        if app.quit {
            return Ok(ended_by);
        }
        let view = app.view(&t);
        paint(painter, app, drawn.as_ref(), &view, &t)?;
        drawn = Some(view);
        let wait = app
            .deadline(&t)
            .map(|deadline| clock.real_wait_until(deadline));
        // Handle everything already waiting before drawing once.
        for input in inputs.wait(wait) {
            let msg = match input {
                Incoming::Key(key) => Msg::Key(key),
                Incoming::Paste(text) => Msg::Paste(text),
                Incoming::Resize => {
                    painter.resize()?;
                    drawn = None;
                    continue;
                }
                Incoming::Interrupt => Msg::Action(Action::EndNow),
                Incoming::Stop(signal) => {
                    ended_by = Some(signal);
                    Msg::Hangup
                }
                Incoming::Closed => {
                    ended_by = Some(event::HANGUP);
                    Msg::Hangup
                }
                Incoming::ChildExited => match world.speaker.reap() {
                    Some(why) => Msg::VoiceFailed(why),
                    None => continue,
                },
            };
            let effects = app.update(msg, &clock.now());
            perform(effects, app, world, &clock);
            if app.quit {
                return Ok(ended_by);
            }
        }
    }
}

/// Carries out effects in order; each result goes back through `update`, and whatever that
/// asks for is carried out in turn.
fn perform(effects: Vec<Effect>, app: &mut App, world: &mut World, clock: &Clock) {
    let mut queue = VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        if let Some(msg) = carry_out(effect, world, clock) {
            queue.extend(app.update(msg, &clock.now()));
        }
    }
}

/// One effect, and the message that reports its result, if any.
fn carry_out(effect: Effect, world: &mut World, clock: &Clock) -> Option<Msg> {
    let storage = &mut *world.storage;
    match effect {
        Effect::Speak(text) => world.speaker.say(&text).err().map(Msg::VoiceFailed),
        Effect::Hush => {
            world.speaker.hush();
            None
        }
        Effect::Bell => {
            // A bell that cannot ring is no reason to stop a session.
            let mut out = io::stdout();
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
            None
        }
        Effect::Notify(bytes) => {
            // Nor is a notification that cannot be shown.
            let mut out = io::stdout();
            let _ = out.write_all(&bytes).and_then(|()| out.flush());
            None
        }
        Effect::Save(record) => Some(match storage.save(&record) {
            Ok(key) => Msg::Saved(Box::new(Saved {
                record: *record,
                key,
            })),
            Err(message) => Msg::NotSaved(message),
        }),
        Effect::LoadToday => storage
            .progress(&clock.now())
            .ok()
            .map(|model| Msg::Today(screens::home::Today::of(&model))),
        Effect::LoadProgress => Some(match storage.progress(&clock.now()) {
            Ok(model) => Msg::Progress(Box::new(model)),
            Err(message) => Msg::Notice(message),
        }),
        Effect::RecordRest => Some(match storage.rest(&clock.now()) {
            Ok((notice, saved)) => Msg::Rested(notice, saved.map(Box::new)),
            Err(message) => Msg::Rested(message, None),
        }),
        Effect::Undo(saved) => match storage.undo(&saved, &clock.now()) {
            Ok(message) | Err(message) => Some(Msg::Notice(message)),
        },
        Effect::SafetySeen => {
            storage.safety_seen();
            None
        }
    }
}
