//! The vocabulary of the update protocol, shared by the app, its live session and the loop:
//! the time an update sees, the messages that go in, and the effects that come out.

use crossterm::event::KeyEvent;

use super::keymap::Action;
use super::screens::home::Today;
use crate::journal::Record;
pub use crate::journal::Saved;
use crate::progress::ProgressModel;

pub use crate::clock::Now;

/// Everything that can change the app: keys, time passing, and the results of effects.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A key press, read through the key table of the screen in front.
    Key(KeyEvent),
    /// What a key asks for, already read (tests, and signals that stand for a key).
    Action(Action),
    /// Text pasted into the terminal at once.
    Paste(String),
    /// Time passed.
    Tick,
    /// A record was saved, with its key (to take it back).
    Saved(Box<Saved>),
    /// A record could not be saved: why, with the record's text to keep.
    NotSaved(String),
    /// What recording a rest day came to, and the rest day saved, if one was.
    Rested(String, Option<Box<Saved>>),
    /// The progress picture, worked out.
    Progress(Box<ProgressModel>),
    /// Home's line about today, worked out.
    Today(Today),
    /// A one-off notice, such as a rest day recorded or why progress could not be shown.
    Notice(String),
    /// The speech program is missing or failed (why, in one line): the voice goes off.
    VoiceFailed(String),
    /// The terminal is going away (closed, hung up, or poised was asked to stop): a session
    /// that has started is recorded as it stands, and the app quits.
    Hangup,
}

impl From<Action> for Msg {
    fn from(action: Action) -> Self {
        Self::Action(action)
    }
}

/// Whether cues are spoken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// No speech program to speak with.
    Unavailable,
    Off,
    On,
}

/// The sounds a session makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sound {
    pub bell: bool,
    pub voice: bool,
}

/// What the loop must do after an update; each result comes back as a [`Msg`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Bell,
    /// Say this aloud, ending what is still being said; a failure comes back as
    /// [`Msg::VoiceFailed`].
    Speak(String),
    /// Stop speaking (a pause, an early end, the voice turned off).
    Hush,
    /// Write these bytes to the terminal: a desktop notification's escape sequences.
    Notify(Vec<u8>),
    /// Append to the journal; a failure comes back as [`Msg::NotSaved`].
    Save(Box<Record>),
    /// Work out the progress picture: [`Msg::Progress`], or [`Msg::Notice`] saying why not.
    LoadProgress,
    /// Record today as a rest day: [`Msg::Rested`] says what happened.
    RecordRest,
    /// Take back a record just made: [`Msg::Notice`] says what happened.
    Undo(Box<Saved>),
    /// Work out Home's line about today: [`Msg::Today`] (nothing when the journal cannot
    /// be read, and Home shows no line).
    LoadToday,
    /// "Before you start" was read on the first run: remember it, so it is not shown again.
    SafetySeen,
}

impl Effect {
    /// The record to save, if this is a save.
    #[must_use]
    pub fn saved(&self) -> Option<&Record> {
        match self {
            Self::Save(record) => Some(record),
            _ => None,
        }
    }
}
