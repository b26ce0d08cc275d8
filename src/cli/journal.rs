//! Handlers for the journal commands: `checkin`, `log` and `export`.
//!
//! Warnings about damaged records go to stderr, results to stdout. When a record cannot be
//! saved, the message and the record's TOML both go to stderr, and the exit status is 1.

use std::io::{self, Write};
use std::process::ExitCode;

use super::{not_saved, warn};
use crate::clock::Clock;
use crate::journal::{self, CheckinRecord, Journal, Parsed, Record, log_line, note_or_none};
use crate::paths::Paths;

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

/// `poised export [--format csv|toml] [--checkins]`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Export the morning check-ins instead of the sessions.
    #[arg(long)]
    pub checkins: bool,
}

/// The forms `poised export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Toml,
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

/// Prints every session (or check-in) as CSV or TOML.
pub fn export(paths: &Paths, args: &ExportArgs) -> ExitCode {
    let Some(parsed) = read(paths) else {
        return ExitCode::FAILURE;
    };
    let text = match (args.format, args.checkins) {
        (ExportFormat::Csv, false) => journal::export::sessions_csv(&parsed.records),
        (ExportFormat::Csv, true) => journal::export::checkins_csv(&parsed.records),
        (ExportFormat::Toml, checkins) => journal::export::records_toml(&parsed.records, checkins),
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
