//! Handlers for the progress commands: `poised streak` and `poised rest`.
//!
//! This is the edge that reads the real clock; everything below it takes `now` as data.

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::out::{out, say, warn};
use crate::config::Config;
use crate::journal::{Journal, Record, RestRecord, note_or_none};
use crate::paths::Paths;
use crate::progress;
use crate::progress::cache::summarize;
use crate::progress::days::{History, ritual_date};
use crate::progress::streak::{Kept, kept_days, streaks};

/// `poised streak`: one line, fit for a shell prompt.
pub fn streak(paths: &Paths) -> ExitCode {
    let config = load_config(paths);
    let line = progress::load(paths, config.day_starts_at, now(), |_| None).map(|model| {
        for warning in &model.warnings {
            say(&warning.to_string());
        }
        model.streak_line()
    });
    finish(line.map_err(|e| e.to_string()))
}

/// `poised rest [--reason TEXT]`: records today as a rest day, once, and says what it means
/// for the streak.
pub fn rest(paths: &Paths, reason: Option<&str>) -> ExitCode {
    finish(record_rest(paths, &load_config(paths), now(), reason))
}

/// Records the day of `now` as a rest day, once, and says what it means for the streak;
/// the app's rest key goes through here too.
pub fn record_rest(
    paths: &Paths,
    config: &Config,
    now: DateTime<FixedOffset>,
    reason: Option<&str>,
) -> Result<String, String> {
    let day_start = config.day_starts_at;
    let today = ritual_date(now, day_start);
    let mut summary = summarize(&paths.journal, &paths.journal_cache(), day_start, today)
        .map_err(|e| e.to_string())?;
    if summary.history.day(today).rest {
        return Ok(format!("{} is already a rest day", day(today)));
    }
    let record = Record::Rest(RestRecord {
        date: today,
        reason: reason.and_then(note_or_none),
    });
    Journal::new(&paths.journal).append(&record).map_err(|e| {
        format!(
            "{e}\nThe rest day that was not saved, to keep:\n{}",
            e.unsaved_record()
        )
    })?;
    summary.history.add(&record, day_start);
    let why = reason
        .and_then(note_or_none)
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    let effect = effect(&summary.history, today);
    Ok(format!(
        "rest day recorded for {}{why} · {effect}",
        day(today)
    ))
}

/// What today's rest day does for the streak.
fn effect(history: &History, today: NaiveDate) -> String {
    let kept = kept_days(history);
    match kept.get(&today) {
        Some(Kept::Ritual) => "today already counts: a session is done".to_string(),
        Some(Kept::Rest) => match streaks(&kept, today).current {
            0 => "no streak to keep yet".to_string(),
            1 => "your streak of 1 day stays alive".to_string(),
            n => format!("your streak of {n} days stays alive"),
        },
        None => "it is the third rest day within 7 days, so it does not keep the streak alive"
            .to_string(),
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
fn finish(line: Result<String, String>) -> ExitCode {
    match line {
        Ok(line) => out(&format!("{line}\n")),
        Err(message) => {
            say(&message);
            ExitCode::FAILURE
        }
    }
}

/// The one reading of the real clock for these commands: local time with its offset.
fn now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}
