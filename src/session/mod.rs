//! The pure timing engine: a routine becomes a timeline, and a player walks it on an
//! injected monotonic clock. Nothing here knows about terminals or the real clock.
//!
//! Countdowns on screen show remaining time rounded UP to whole seconds
//! ([`display_secs`]); [`Player::next_change`] is exact about when any of them changes.

pub mod breathing;
pub mod countdown;
pub mod narration;
pub mod outcome;
pub mod player;
pub mod preview;
pub mod snapshot;
pub mod speech;
pub mod timeline;

pub use crate::routine::Side;
pub use breathing::{Beat, BreathPhase, BreathState, RepPart, RepState};
pub use countdown::{display_secs, until_tick};
pub use narration::narration;
pub use outcome::{DONE_SHARE_PERCENT, Outcome};
pub use player::{BACK_WINDOW, MAX_GAP, Player};
pub use preview::preview;
pub use snapshot::{PlayState, Snapshot};
pub use speech::{Speech, speech};
pub use timeline::{Segment, SegmentKind, Timeline};

#[cfg(test)]
mod fixture;
