//! The journal: the durable log of what was done and how the back felt, stored locally and
//! never lost. What the records add up to (streaks, trends, hints) is the read model in
//! [`crate::progress`].
//!
//! Records are TOML tables appended to one file ([`encode`]); reading cuts the file into
//! one chunk per record and reads each on its own ([`parse`]), so one damaged
//! record never hides the others.

pub mod append;
mod decode;
pub mod describe;
pub mod encode;
mod error;
pub mod export;
pub mod folder;
pub mod mark;
pub mod note;
pub mod parse;
mod raw;
pub mod record;
pub mod relocate;
mod rules;
pub mod seal;
pub mod split;
mod store;
pub mod undo;
pub mod void;

pub use decode::STIFFNESS_MAX;
pub use describe::{log_line, rating_change};
pub use encode::{FORMAT, FORMAT_LINE, record_toml, sealed_toml, sealed_void};
pub use error::{AppendError, AppendStep, ReadError};
pub use mark::{PainChoice, PainMark};
pub use note::{NOTE_MAX_CHARS, note_or_none, sanitize_note};
pub use parse::{Parsed, Position, Warning, parse, parse_from};
pub use record::{
    CheckinRecord, DeskEvent, DeskRecord, Record, RestRecord, SessionRecord, WorkPlayed,
};
pub use store::Journal;
pub use void::{Ledger, Saved, TakenBack, VoidRecord, record_key};
