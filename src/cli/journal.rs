//! Handlers for the journal commands: `checkin`, `log` and `export`.
//!
//! Warnings about damaged records go to stderr, results to stdout. When a record cannot be
//! saved, the message and the record's TOML both go to stderr, and the exit status is 1.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::dates::DateRange;
use super::not_saved;
use super::out::{err, out, out_saved, say, warn};
use crate::clock::Clock;
use crate::config::Config;
use crate::journal::export::{self, Kind};
use crate::journal::folder::{Union, own_file_name, read_union};
use crate::journal::relocate::copy_journal;
use crate::journal::{
    CheckinRecord, Journal, Keyed, Parsed, ReadError, Record, Warning, log_line, note_or_none,
};
use crate::paths::Paths;
use crate::progress::Check;
use crate::progress::cache::summarize_history;
use crate::progress::days::{record_date, ritual_date};

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
    /// Check every byte of the journal against the summary cache, not only its end.
    #[arg(long)]
    pub verify: bool,
    /// Show the records taken back with `poised undo` too, marked as taken back.
    #[arg(long)]
    pub all: bool,
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
    /// List every damaged record with its lines and what is wrong; changes nothing.
    Check,
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
        JournalCommand::Check => check(paths),
        JournalCommand::Move { dir } => move_journal(paths, &dir),
    }
}

/// `poised journal move DIR`: copies the single journal into DIR as this machine's file and
/// says how to start using the folder.
fn move_journal(paths: &Paths, dir: &Path) -> ExitCode {
    let device = match crate::device::device_name(&paths.state) {
        Ok(device) => device,
        Err(e) => {
            say(&format!(
                "cannot name this machine for the journal folder: {e}"
            ));
            return ExitCode::FAILURE;
        }
    };
    let from = paths.single_journal();
    let to = dir.join(own_file_name(&device));
    match copy_journal(&from, &to) {
        Ok(moved) => {
            let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
            out(&format!(
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
            say(&error.to_string());
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

/// A stiffness rating from the command line, refused in plain words.
fn stiffness(text: &str) -> Result<u8, String> {
    text.trim()
        .parse()
        .ok()
        .filter(|n| *n <= crate::journal::STIFFNESS_MAX)
        .ok_or_else(|| {
            format!(
                "checkin takes a whole number from 0 to {}, not {text}",
                crate::journal::STIFFNESS_MAX
            )
        })
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
        Ok(_) => out_saved(&format!("recorded  {}\n", log_line(&record)), "check-in"),
        Err(error) => {
            err(&format!("poised: {}", not_saved("check-in", &error)));
            ExitCode::FAILURE
        }
    }
}

/// Prints the newest records first, one line each; with `--all`, the records taken back
/// too, marked.
///
/// The warnings (damaged records, records dated after tomorrow) come from the summary cache
/// that `poised streak` keeps, as every progress command says them; the records are read
/// from the end of the journal, so neither grows with its length. A journal folder is read
/// whole, as the union of its files.
pub fn log(paths: &Paths, clock: &Clock, args: &LogArgs) -> ExitCode {
    let entries = tell(paths, clock, args.verify).and_then(|()| {
        if paths.journal_dir.is_some() {
            every_entry(paths, args.all)
        } else {
            Journal::new(&paths.journal)
                .read_last(args.limit, args.all)
                .map_err(|e| e.to_string())
        }
    });
    let mut entries = match entries {
        Ok(entries) => entries,
        Err(message) => {
            say(&message);
            return ExitCode::FAILURE;
        }
    };
    if entries.is_empty() {
        return out(&format!("no records yet in {}\n", paths.journal.display()));
    }
    let newest = entries.split_off(entries.len().saturating_sub(args.limit));
    let lines: String = newest
        .iter()
        .rev()
        .map(|(record, voided)| {
            let mark = if *voided { "  [taken back]" } else { "" };
            format!("{}{mark}\n", log_line(record))
        })
        .collect();
    out(&lines)
}

/// Says what the summary of the journal has to say: its warnings, and its notices under
/// `--verbose`; `verify` checks its cache against every byte of the journal.
fn tell(paths: &Paths, clock: &Clock, verify: bool) -> Result<(), String> {
    let check = if verify { Check::Full } else { Check::Quick };
    let config = Config::load(&paths.config).config;
    let today = ritual_date(clock.local(), config.day_starts_at);
    let summary =
        summarize_history(paths, config.day_starts_at, today, check).map_err(|e| e.to_string())?;
    super::out::told(&summary.warnings, &summary.notices);
    Ok(())
}

/// Every record of the journal folder in time order, with whether it was taken back (those
/// only with `all`); its warnings are the summary's, said already.
fn every_entry(paths: &Paths, all: bool) -> Result<Vec<(Record, bool)>, String> {
    let (keyed, _) = keyed(paths).map_err(|e| e.to_string())?;
    let entries = keyed.entries().into_iter();
    let shown = entries.filter(|(_, voided)| all || !voided);
    Ok(shown.map(|(r, voided)| (r.clone(), voided)).collect())
}

/// Prints the chosen records within the chosen days as CSV, TOML or JSON Lines.
pub fn export(paths: &Paths, args: &ExportArgs) -> ExitCode {
    if let Err(message) = args.range.check() {
        say(&message);
        return ExitCode::FAILURE;
    }
    let config = Config::load(&paths.config).config;
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
    out(&text)
}

/// `poised journal check`: every damaged record on stdout, one line each, then how many;
/// status 1 when there is any. The journal is only read.
fn check(paths: &Paths) -> ExitCode {
    let parsed = match Journal::new(&paths.journal).read() {
        Ok(parsed) => parsed,
        Err(error) => {
            say(&error.to_string());
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
    let printed = out(&text);
    if parsed.warnings.is_empty() {
        printed
    } else {
        ExitCode::FAILURE
    }
}

/// Reads the journal, printing its warnings; `None` (after saying why) when it cannot be read.
fn read(paths: &Paths) -> Option<Vec<Record>> {
    match read_all(paths) {
        Ok(records) => Some(records),
        Err(error) => {
            say(&error.to_string());
            None
        }
    }
}

/// Every record of the journal that counts (all but those taken back), wherever it is kept
/// (one file, or a folder's union), with its warnings printed.
pub(super) fn read_all(paths: &Paths) -> Result<Vec<Record>, ReadError> {
    read_keyed(paths).map(Keyed::counted)
}

/// [`read_all`] for a reader that has already said the journal's warnings (through the
/// summary, as `poised report` does).
pub(super) fn read_quietly(paths: &Paths) -> Result<Vec<Record>, ReadError> {
    keyed(paths).map(|(keyed, _)| keyed.counted())
}

/// Every record of the journal with its key, and the voids, wherever it is kept, with its
/// warnings printed: in file order for one file, in time order for a folder.
pub(super) fn read_keyed(paths: &Paths) -> Result<Keyed, ReadError> {
    let (keyed, warnings) = keyed(paths)?;
    for warning in &warnings {
        warn(warning);
    }
    Ok(keyed)
}

/// [`read_keyed`], with the warnings to say.
fn keyed(paths: &Paths) -> Result<(Keyed, Vec<Warning>), ReadError> {
    match &paths.journal_dir {
        None => Journal::new(&paths.journal).read().map(Parsed::into_keyed),
        Some(dir) => paths
            .journal_files()
            .map_err(|e| ReadError::io(dir, e))
            .and_then(|files| read_union(&files))
            .map(Union::into_keyed),
    }
}
