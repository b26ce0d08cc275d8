//! Handlers for the progress commands: `poised streak` and `poised rest`.
//!
//! This is the edge that reads the real clock; everything below it takes `now` as data.

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};

use crate::config::Config;
use crate::journal::progress::{self, ProgressModel};
use crate::paths::Paths;

/// `poised streak`: one line, fit for a shell prompt.
pub fn streak(paths: &Paths) -> ExitCode {
    match model(paths, now()) {
        Ok(model) => {
            println!("{}", model.streak_line());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("poised: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The progress picture with its warnings printed on stderr, or the message to print.
fn model(paths: &Paths, now: DateTime<FixedOffset>) -> Result<ProgressModel, String> {
    let config = Config::load(&paths.config).map_err(|e| e.to_string())?;
    let model = progress::load(paths, &config, now, |_| None).map_err(|e| e.to_string())?;
    for warning in &model.warnings {
        eprintln!("poised: {warning}");
    }
    Ok(model)
}

/// The one reading of the real clock for these commands: local time with its offset.
fn now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}
