//! Handlers for the journal commands: `checkin`, `log` and `export`.
//!
//! Warnings about damaged records go to stderr, results to stdout. When a record cannot be
//! saved, the message and the record's TOML both go to stderr, and the exit status is 1.

use std::process::ExitCode;

use super::not_saved;
use super::out::{err, out, say, warn};
use crate::clock::Clock;
use crate::journal::export::Chosen;
use crate::journal::{self, CheckinRecord, Journal, Parsed, Record, log_line, note_or_none};
use crate::paths::Paths;

/// `poised checkin N [--note TEXT]`.
#[derive(Debug, clap::Args)]
pub struct CheckinArgs {
    /// How stiff your back feels, from 0 (not at all) to 10 (the worst you know).
    #[arg(value_parser = stiffness)]
    pub stiffness: u8,
    /// A few words to keep with it (one line, up to 1,000 characters).
    #[arg(long)]
    pub note: Option<String>,
}

/// `poised log [--limit N]`.
#[derive(Debug, clap::Args)]
pub struct LogArgs {
    /// How many records to show, newest first.
    #[arg(long, default_value_t = 20, value_parser = count)]
    pub limit: usize,
}

/// `poised export [--format csv|toml] [--checkins | --desk]`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Export the morning check-ins instead of the sessions.
    #[arg(long)]
    pub checkins: bool,
    /// Export desk mode's records (the desk opening, each answer to a prompt) instead.
    #[arg(long, conflicts_with = "checkins")]
    pub desk: bool,
}

/// The forms `poised export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Toml,
}

/// A stiffness rating from the command line, refused in plain words.
fn stiffness(text: &str) -> Result<u8, String> {
    text.trim()
        .parse()
        .ok()
        .filter(|n| *n <= 10)
        .ok_or_else(|| format!("checkin takes a whole number from 0 to 10, not {text}"))
}

/// A count of records, refused in plain words.
fn count(text: &str) -> Result<usize, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("--limit takes a whole number, like --limit 50, not {text}"))
}

/// Records a morning check-in now, in local time, and prints what was recorded.
pub fn checkin(paths: &Paths, clock: &Clock, args: &CheckinArgs) -> ExitCode {
    let at = clock.local();
    let note = args.note.as_deref().and_then(note_or_none);
    let record = Record::Checkin(CheckinRecord {
        at,
        stiffness: args.stiffness,
        note,
    });
    match Journal::new(&paths.journal).append(&record) {
        Ok(()) => out(&format!("recorded  {}\n", log_line(&record))),
        Err(error) => {
            err(&format!("poised: {}", not_saved("check-in", &error)));
            ExitCode::FAILURE
        }
    }
}

/// Prints the newest records first, one line each.
pub fn log(paths: &Paths, args: &LogArgs) -> ExitCode {
    let Some(parsed) = read(paths) else {
        return ExitCode::FAILURE;
    };
    if parsed.records.is_empty() {
        return out(&format!("no records yet in {}\n", paths.journal.display()));
    }
    let lines: String = parsed
        .records
        .iter()
        .rev()
        .take(args.limit)
        .map(|r| log_line(r) + "\n")
        .collect();
    out(&lines)
}

/// Prints every session (or check-in) as CSV or TOML.
pub fn export(paths: &Paths, args: &ExportArgs) -> ExitCode {
    let Some(parsed) = read(paths) else {
        return ExitCode::FAILURE;
    };
    let chosen = match (args.checkins, args.desk) {
        (true, _) => Chosen::Checkins,
        (_, true) => Chosen::Desk,
        _ => Chosen::Sessions,
    };
    let records = &parsed.records;
    let text = match (args.format, chosen) {
        (ExportFormat::Csv, Chosen::Sessions) => journal::export::sessions_csv(records),
        (ExportFormat::Csv, Chosen::Checkins) => journal::export::checkins_csv(records),
        (ExportFormat::Csv, Chosen::Desk) => journal::export::desk_csv(records),
        (ExportFormat::Toml, chosen) => journal::export::records_toml(records, chosen),
    };
    out(&text)
}

/// Reads the journal, printing its warnings; `None` (after saying why) when it cannot be read.
fn read(paths: &Paths) -> Option<Parsed> {
    match Journal::new(&paths.journal).read() {
        Ok(parsed) => {
            for warning in &parsed.warnings {
                warn(warning);
            }
            Some(parsed)
        }
        Err(error) => {
            say(&error.to_string());
            None
        }
    }
}
