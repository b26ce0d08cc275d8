//! Handlers for the progress commands: `poised streak` and `poised rest`.

use std::process::ExitCode;

use chrono::NaiveDate;

use super::not_saved;
use super::out::{out, out_saved, say, told, warn};
use crate::clock::Clock;
use crate::config::Config;
use crate::paths::Paths;
use crate::progress::cache::summarize_history;
use crate::progress::days::ritual_date;
use crate::progress::rest::{RestEffect, RestError, Rested, record_rest};
use crate::progress::{Check, StreakFigures};

/// `poised streak`: one line, fit for a shell prompt.
pub fn streak(paths: &Paths, clock: &Clock, verify: bool) -> ExitCode {
    let config = load_config(paths);
    let check = if verify { Check::Full } else { Check::Quick };
    let day_start = config.day_starts_at;
    let today = ritual_date(clock.local(), day_start);
    // The days alone make the line: a current cache's recent records stay undecoded.
    let line = summarize_history(paths, day_start, today, check).map(|summary| {
        told(&summary.warnings, &summary.notices);
        StreakFigures::of(&summary.history, today).line()
    });
    finish(line.map_err(|e| e.to_string()))
}

/// `poised rest [--reason TEXT]`: records today as a rest day, once, and says what it means
/// for the streak.
pub fn rest(paths: &Paths, clock: &Clock, reason: Option<&str>) -> ExitCode {
    let config = load_config(paths);
    let when = (config.day_starts_at, clock.local());
    match record_rest(paths, when, reason, told) {
        Ok(rested @ Rested::Recorded { .. }) => {
            out_saved(&format!("{}\n", rest_line(&rested)), "rest day")
        }
        other => finish(
            other
                .map(|rested| rest_line(&rested))
                .map_err(|e| rest_error(&e)),
        ),
    }
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
            ..
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

/// Reads the settings, printing a warning for each value left at its default.
pub fn load_config(paths: &Paths) -> Config {
    let loaded = Config::load(&paths.config);
    for warning in &loaded.warnings {
        warn(warning);
    }
    loaded.config
}

/// Prints the line, or the error on stderr with a failing status.
pub(super) fn finish(line: Result<String, String>) -> ExitCode {
    match line {
        Ok(line) => out(&format!("{line}\n")),
        Err(message) => {
            say(&message);
            ExitCode::FAILURE
        }
    }
}
