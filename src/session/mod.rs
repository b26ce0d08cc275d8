//! The pure timing engine: a routine becomes a timeline, and a player walks it on an
//! injected monotonic clock. Nothing here knows about terminals or the real clock.
