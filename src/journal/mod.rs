//! The journal: what was done and how the back felt, stored locally and never lost.

pub mod consistency;
pub mod days;
pub mod hints;
pub mod progress;
pub mod record;
pub mod streak;
pub mod trends;

#[cfg(test)]
mod tests;

pub use record::{CheckinRecord, Record, RestRecord, SessionRecord};
