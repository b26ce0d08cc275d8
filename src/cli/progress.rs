//! Handlers for the progress commands: `poised streak` and `poised rest`.

use std::process::ExitCode;

use chrono::NaiveDate;

use super::{not_saved, warn};
use crate::clock::Clock;
use crate::config::Config;
use crate::paths::Paths;
use crate::progress;
use crate::progress::rest::{RestEffect, RestError, Rested, record_rest};

/// `poised streak`: one line, fit for a shell prompt.
pub fn streak(paths: &Paths, clock: &Clock) -> ExitCode {
    let line = config(paths).and_then(|config| {
        let model = progress::load(paths, config.day_starts_at, clock.local(), |_| None)
            .map_err(|e| e.to_string())?;
        for warning in &model.warnings {
            warn(warning);
        }
        Ok(model.streak_line())
    });
    finish(line)
}

/// `poised rest [--reason TEXT]`: records today as a rest day, once, and says what it means
/// for the streak.
pub fn rest(paths: &Paths, clock: &Clock, reason: Option<&str>) -> ExitCode {
    let said = config(paths).and_then(|config| {
        record_rest(paths, config.day_starts_at, clock.local(), reason)
            .map(|rested| rest_line(&rested))
            .map_err(|e| rest_error(&e))
    });
    finish(said)
}

/// What a rest day came to, in one line.
#[must_use]
pub fn rest_line(rested: &Rested) -> String {
    match rested {
        Rested::Already(date) => format!("{} is already a rest day", day(*date)),
        Rested::Recorded {
            date,
            reason,
            effect,
        } => {
            let why = reason
                .as_ref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            let effect = match effect {
                RestEffect::SessionDone => "today already counts: a session is done".to_string(),
                RestEffect::Keeps(0) => "no streak to keep yet".to_string(),
                RestEffect::Keeps(1) => "your streak of 1 day stays alive".to_string(),
                RestEffect::Keeps(n) => format!("your streak of {n} days stays alive"),
                RestEffect::TooMany => {
                    "it is the third rest day within 7 days, so it does not keep the streak alive"
                        .to_string()
                }
            };
            format!("rest day recorded for {}{why} · {effect}", day(*date))
        }
    }
}

/// Why no rest day was recorded; a rest day that was not saved comes with its record.
#[must_use]
pub fn rest_error(error: &RestError) -> String {
    match error {
        RestError::Read(e) => e.to_string(),
        RestError::NotSaved(e) => not_saved("rest day", e),
    }
}

fn day(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

pub(super) fn config(paths: &Paths) -> Result<Config, String> {
    Config::load(&paths.config).map_err(|e| e.to_string())
}

/// Prints the line, or the error on stderr with a failing status.
pub(super) fn finish(line: Result<String, String>) -> ExitCode {
    match line {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("poised: {message}");
            ExitCode::FAILURE
        }
    }
}
