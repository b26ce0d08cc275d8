//! The vocabulary of the update protocol, shared by the app, its live session and the loop:
//! the time an update sees, and the effects it asks the loop to carry out.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::journal::Record;

/// The time, read once per loop turn: monotonic for the session, local for the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub mono: Duration,
    pub local: DateTime<FixedOffset>,
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

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Bell,
    /// Say this aloud, ending what is still being said; if it cannot be said, the loop
    /// calls [`App::voice_failed`].
    Speak(String),
    /// Stop speaking (a pause, an early end, the voice turned off).
    Hush,
    /// Append to the journal; on failure the loop calls [`App::save_failed`].
    Save(Record),
    /// Work out the progress picture; the loop answers with [`App::show_progress`].
    LoadProgress,
    /// Record today as a rest day; the loop answers with [`App::notify`].
    RecordRest,
}
