//! poised: a terminal companion for a daily back-care ritual.
//!
//! The library holds everything; `main.rs` only parses the command line and dispatches.
//! Dependencies point one way: `routine` <- `session` <- `tui`, and
//! `journal` <- `progress` <- `desk` <- `tui`, `cli`.

pub mod cli;
pub mod clock;
pub mod config;
pub mod desk;
pub mod device;
pub mod files;
pub mod journal;
pub mod paths;
pub mod progress;
pub mod report;
pub mod routine;
pub mod safety;
pub mod session;
pub mod text;
pub mod tui;
pub mod voice;
