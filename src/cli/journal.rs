//! Handlers for the journal commands: `checkin`, `log` and `export`.
//!
//! Warnings about damaged records go to stderr, results to stdout. When a record cannot be
//! saved, the message and the record's TOML both go to stderr, and the exit status is 1.

use std::io::{self, Write};
use std::process::ExitCode;

use super::dates::DateRange;
use super::{not_saved, warn};
use crate::clock::Clock;
use crate::config::Config;
use crate::journal::export::{self, Kind};
use crate::journal::{CheckinRecord, Journal, Parsed, Record, log_line, note_or_none};
use crate::paths::Paths;
use crate::progress::days::record_date;

/// `poised checkin N [--note TEXT]`.
#[derive(Debug, clap::Args)]
pub struct CheckinArgs {
    /// How stiff your back feels, from 0 (not at all) to 10 (the worst you know).
    #[arg(value_parser = clap::value_parser!(u8).range(0..=10))]
    pub stiffness: u8,
    /// A few words to keep with it (one line, up to 1,000 characters).
    #[arg(long)]
    pub note: Option<String>,
}

/// `poised log [--limit N]`.
#[derive(Debug, clap::Args)]
pub struct LogArgs {
    /// How many records to show, newest first.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

/// `poised export [--format csv|toml|json] [--checkins | --rest | --desk] [--since DATE]
/// [--until DATE]`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Export the morning check-ins instead of the sessions.
    #[arg(long, conflicts_with = "rest")]
    pub checkins: bool,
    /// Export the rest days instead of the sessions.
    #[arg(long, conflicts_with = "desk")]
    pub rest: bool,
    /// Export desk mode's records (the desk opening, each answer to a prompt) instead.
    #[arg(long, conflicts_with = "checkins")]
    pub desk: bool,
    #[command(flatten)]
    pub range: DateRange,
}

/// The forms `poised export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Toml,
    /// JSON Lines: one record per line.
    Json,
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
        Ok(()) => print_out(&format!("recorded  {}\n", log_line(&record))),
        Err(error) => {
            eprint!("poised: {}", not_saved("check-in", &error));
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
        return print_out(&format!("no records yet in {}\n", paths.journal.display()));
    }
    let lines: String = parsed
        .records
        .iter()
        .rev()
        .take(args.limit)
        .map(|r| log_line(r) + "\n")
        .collect();
    print_out(&lines)
}

/// Prints the chosen records within the chosen days as CSV, TOML or JSON Lines.
pub fn export(paths: &Paths, args: &ExportArgs) -> ExitCode {
    if let Err(message) = args.range.check() {
        eprintln!("poised: {message}");
        return ExitCode::FAILURE;
    }
    let config = match Config::load(&paths.config) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("poised: {error}");
            return ExitCode::FAILURE;
        }
    };
    let Some(mut parsed) = read(paths) else {
        return ExitCode::FAILURE;
    };
    parsed
        .records
        .retain(|r| args.range.contains(record_date(r, config.day_starts_at)));
    let kind = match (args.checkins, args.rest, args.desk) {
        (true, _, _) => Kind::Checkins,
        (_, true, _) => Kind::Rest,
        (_, _, true) => Kind::Desk,
        _ => Kind::Sessions,
    };
    let text = match args.format {
        ExportFormat::Csv => export::records_csv(&parsed.records, kind),
        ExportFormat::Toml => export::records_toml(&parsed.records, kind),
        ExportFormat::Json => export::records_json_lines(&parsed.records, kind),
    };
    print_out(&text)
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
            eprintln!("poised: {error}");
            None
        }
    }
}

/// Writes to stdout; a closed pipe (`poised log | head`) is not an error.
fn print_out(text: &str) -> ExitCode {
    match io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("poised: could not write the output: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
