//! The journal: what was done and how the back felt, stored locally and never lost.

pub mod record;

pub use record::{CheckinRecord, Record, RestRecord, SessionRecord};
