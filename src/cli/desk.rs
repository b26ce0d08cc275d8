//! Handlers for desk mode: `poised desk` (the app on its desk screen), and `poised status`
//! and `poised due`, which read only the journal and the config, so they work whether or
//! not a desk is running.

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};

use super::out::{out, say};
use super::progress::{finish, load_config};
use crate::clock::Clock;
use crate::config::Config;
use crate::desk::records::events;
use crate::desk::{Every, Status, Tally, due};
use crate::paths::Paths;
use crate::progress::{self, ProgressModel};

/// `poised desk [--every DURATION] [--routine NAME]`.
#[derive(Debug, clap::Args)]
pub struct DeskArgs {
    /// Time between resets: 45m, 90s, 1h or 1h30m (10s to 4h; default 45m or `[desk] every`).
    #[arg(long, value_name = "DURATION", value_parser = every)]
    pub every: Option<Every>,
    /// The routine each prompt offers (default `reset` or `[desk] routine`).
    #[arg(long, value_name = "NAME")]
    pub routine: Option<String>,
}

/// `poised status [--json]`.
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// The same fields as one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// `poised due [--routine NAME]`.
#[derive(Debug, clap::Args)]
pub struct DueArgs {
    /// Ask about this routine only.
    #[arg(long, value_name = "NAME")]
    pub routine: Option<String>,
}

fn every(text: &str) -> Result<Every, String> {
    Every::parse(text).map_err(|e| e.to_string())
}

/// `poised status`: `reset in 12m · 4/6 today · streak 9`.
pub fn status(paths: &Paths, clock: &Clock, args: &StatusArgs) -> ExitCode {
    let now = clock.local();
    finish(today(paths, now).map(|(config, model)| {
        let status = desk_status(&config, &model, now);
        if args.json {
            status.json()
        } else {
            status.line()
        }
    }))
}

/// `poised due`: what is due, exit 0; nothing due, exit 1.
pub fn due(paths: &Paths, clock: &Clock, args: &DueArgs) -> ExitCode {
    let now = clock.local();
    match today(paths, now) {
        Ok((config, model)) => {
            let lines = due::due(
                &config.desk,
                &model.today_records,
                now,
                args.routine.as_deref(),
            );
            for line in &lines {
                out(&format!("{line}\n"));
            }
            if lines.is_empty() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(message) => {
            say(&message);
            ExitCode::from(2)
        }
    }
}

/// The config and the progress picture as of `now`, warnings printed.
fn today(paths: &Paths, now: DateTime<FixedOffset>) -> Result<(Config, ProgressModel), String> {
    let config = load_config(paths);
    let model =
        progress::load(paths, config.day_starts_at, now, |_| None).map_err(|e| e.to_string())?;
    super::out::told(&model.warnings, &model.notices);
    Ok((config, model))
}

/// The desk's status from the journal's picture and the config.
#[must_use]
pub fn desk_status(config: &Config, model: &ProgressModel, now: DateTime<FixedOffset>) -> Status {
    let settings = &config.desk;
    let events = events(&model.today_records, settings);
    Status {
        now,
        next: settings.schedule().next(&events, now),
        tally: Tally::of(&events),
        budget: settings.budget,
        streak: model.streaks.current,
    }
}
