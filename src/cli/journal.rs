//! Handlers for the journal commands: `checkin`, `log` and `export`.
//!
//! Warnings about damaged records go to stderr, results to stdout. When a record cannot be
//! saved, the message and the record's TOML both go to stderr, and the exit status is 1.

use std::process::ExitCode;

use super::output::{print, print_saved};
use super::{not_saved, warn};
use crate::clock::Clock;
use crate::config::Config;
use crate::journal::export::Chosen;
use crate::journal::{self, CheckinRecord, Journal, Parsed, Record, log_line, note_or_none};
use crate::paths::Paths;
use crate::progress::{self, Check};

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
    /// Check every byte of the journal against the summary cache, not only its end.
    #[arg(long)]
    pub verify: bool,
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

/// `poised journal ...`.
#[derive(Debug, Clone, Copy, clap::Subcommand)]
pub enum JournalAction {
    /// List every damaged record with its lines and what is wrong; changes nothing.
    Check,
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
        Ok(()) => print_saved(&format!("recorded  {}\n", log_line(&record)), "check-in"),
        Err(error) => {
            eprint!("poised: {}", not_saved("check-in", &error));
            ExitCode::FAILURE
        }
    }
}

/// Prints the newest records first, one line each.
///
/// The records are read from the end of the journal; the warnings about damaged records
/// anywhere in it come from the summary cache that `poised streak` keeps, so neither grows
/// with the journal's length.
pub fn log(paths: &Paths, clock: &Clock, args: &LogArgs) -> ExitCode {
    let check = if args.verify {
        Check::Full
    } else {
        Check::Quick
    };
    let warnings = Config::load(&paths.config)
        .map_err(|e| e.to_string())
        .and_then(|config| {
            progress::warnings(paths, config.day_starts_at, clock.local(), check)
                .map_err(|e| e.to_string())
        });
    let records = warnings.and_then(|warnings| {
        warnings.iter().for_each(warn);
        let journal = Journal::new(&paths.journal);
        journal.read_last(args.limit).map_err(|e| e.to_string())
    });
    let records = match records {
        Ok(records) => records,
        Err(message) => {
            eprintln!("poised: {message}");
            return ExitCode::FAILURE;
        }
    };
    if records.is_empty() {
        return print(&format!("no records yet in {}\n", paths.journal.display()));
    }
    let lines: String = records.iter().rev().map(|r| log_line(r) + "\n").collect();
    print(&lines)
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
    print(&text)
}

/// `poised journal check`: every damaged record on stdout, one line each, then how many;
/// status 1 when there is any. The journal is only read.
pub fn check(paths: &Paths) -> ExitCode {
    let parsed = match Journal::new(&paths.journal).read() {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("poised: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut text: String = parsed.warnings.iter().map(|w| format!("{w}\n")).collect();
    let records = parsed.records.len();
    text.push_str(&match parsed.warnings.len() {
        0 => format!(
            "{}: {records} records, none damaged\n",
            paths.journal.display()
        ),
        n => format!(
            "{}: {records} records read, {n} damaged\n",
            paths.journal.display()
        ),
    });
    let printed = print(&text);
    if parsed.warnings.is_empty() {
        printed
    } else {
        ExitCode::FAILURE
    }
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
