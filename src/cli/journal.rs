//! Handlers for the journal commands: `checkin`, `log` and `export`.
//!
//! Warnings about damaged records go to stderr, results to stdout. When a record cannot be
//! saved, the message and the record's TOML both go to stderr, and the exit status is 1.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::dates::DateRange;
use super::{not_saved, warn};
use crate::clock::Clock;
use crate::config::Config;
use crate::journal::export::{self, Kind};
use crate::journal::folder::{Union, own_file_name, read_union};
use crate::journal::relocate::copy_journal;
use crate::journal::{CheckinRecord, Journal, ReadError, Record, log_line, note_or_none};
use crate::paths::Paths;
use crate::progress::days::record_date;

/// `poised checkin N [--note TEXT]`.
#[derive(Debug, clap::Args)]
pub struct CheckinArgs {
    /// How stiff your back feels, from 0 (not at all) to 10 (the worst you know).
    #[arg(value_parser = clap::value_parser!(u8).range(0..=i64::from(crate::journal::STIFFNESS_MAX)))]
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

/// `poised journal ...`: commands about the journal file itself.
#[derive(Debug, clap::Subcommand)]
pub enum JournalCommand {
    /// Copy the journal into a folder (inside a synced folder) as this machine's file, so that
    /// several machines can share one history; the original is left in place.
    Move {
        /// The folder to keep the journal in, for example ~/Sync/poised.
        dir: PathBuf,
    },
}

/// Runs a `poised journal` command.
pub fn journal(paths: &Paths, command: JournalCommand) -> ExitCode {
    match command {
        JournalCommand::Move { dir } => move_journal(paths, &dir),
    }
}

/// `poised journal move DIR`: copies the single journal into DIR as this machine's file and
/// says how to start using the folder.
fn move_journal(paths: &Paths, dir: &Path) -> ExitCode {
    let device = match crate::device::device_name(&paths.state) {
        Ok(device) => device,
        Err(e) => {
            eprintln!("poised: cannot name this machine for the journal folder: {e}");
            return ExitCode::FAILURE;
        }
    };
    let from = paths.single_journal();
    let to = dir.join(own_file_name(&device));
    match copy_journal(&from, &to) {
        Ok(moved) => {
            let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
            print_out(&format!(
                "copied {} to {} and read {} back\n\
                 the original stays at {}; remove it once poised reads from the folder\n\
                 to use the folder, add this line to {}:\n  journal_dir = {}\n\
                 or set {}={}\n",
                records(moved.records),
                moved.to.display(),
                if moved.records == 1 { "it" } else { "them" },
                from.display(),
                paths.config.display(),
                toml::Value::from(dir.display().to_string()),
                crate::paths::JOURNAL_DIR_VAR,
                dir.display(),
            ))
        }
        Err(error) => {
            eprintln!("poised: {error}");
            ExitCode::FAILURE
        }
    }
}

/// "1 record", "12 records".
fn records(count: usize) -> String {
    if count == 1 {
        "1 record".to_string()
    } else {
        format!("{count} records")
    }
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
    let Some(records) = read(paths) else {
        return ExitCode::FAILURE;
    };
    if records.is_empty() {
        return print_out(&format!("no records yet in {}\n", paths.journal.display()));
    }
    let lines: String = records
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
    let Some(mut records) = read(paths) else {
        return ExitCode::FAILURE;
    };
    records.retain(|r| args.range.contains(record_date(r, config.day_starts_at)));
    let kind = match (args.checkins, args.rest, args.desk) {
        (true, _, _) => Kind::Checkins,
        (_, true, _) => Kind::Rest,
        (_, _, true) => Kind::Desk,
        _ => Kind::Sessions,
    };
    let text = match args.format {
        ExportFormat::Csv => export::records_csv(&records, kind),
        ExportFormat::Toml => export::records_toml(&records, kind),
        ExportFormat::Json => export::records_json_lines(&records, kind),
    };
    print_out(&text)
}

/// Reads the journal, printing its warnings; `None` (after saying why) when it cannot be read.
fn read(paths: &Paths) -> Option<Vec<Record>> {
    match read_all(paths) {
        Ok(records) => Some(records),
        Err(error) => {
            eprintln!("poised: {error}");
            None
        }
    }
}

/// Every record of the journal, wherever it is kept (one file, or a folder's union), with
/// its warnings printed.
pub(super) fn read_all(paths: &Paths) -> Result<Vec<Record>, ReadError> {
    let (records, warnings) = match &paths.journal_dir {
        None => Journal::new(&paths.journal)
            .read()
            .map(|parsed| (parsed.records, parsed.warnings)),
        Some(dir) => paths
            .journal_files()
            .map_err(|e| ReadError::io(dir, e))
            .and_then(|files| read_union(&files))
            .map(Union::into_records),
    }?;
    for warning in &warnings {
        warn(warning);
    }
    Ok(records)
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
