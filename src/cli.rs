//! The command line: clap definitions and the dispatch to each command's handler.
//!
//! Handlers live in `cli/`, one file per family of commands; each returns an `ExitCode`
//! and prints its own errors, so `main.rs` stays a few lines long.

mod dates;
mod desk;
mod journal;
mod play;
mod progress;
mod report;
mod routines;
mod show;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::clock::Clock;
use crate::journal::AppendError;
use crate::paths::Paths;

/// A terminal companion for a daily back-care ritual.
#[derive(Debug, Parser)]
#[command(name = "poised", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Every subcommand; with none, poised opens the home screen.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every routine: built-in wardrobes and your own.
    List,
    /// Check routine files and report each problem as PATH:LINE:COLUMN: message.
    Validate {
        /// Files to check; with none, every routine poised would load.
        files: Vec<std::path::PathBuf>,
    },
    /// Print a routine's timeline (every segment with its start, length, side and breathing),
    /// then each step's cue and detail.
    Show {
        /// The routine's name, as shown by `poised list`.
        name: String,
        /// The short version (only the essential steps).
        #[arg(long)]
        short: bool,
        /// Show this step (by its name) in its easier version.
        #[arg(long, value_name = "STEP")]
        easier: Option<String>,
    },
    /// Play a routine now: a guided session with a breathing pacer.
    Run {
        /// The routine's name, as shown by `poised list`.
        name: String,
        /// Play the short version (only the essential steps).
        #[arg(long)]
        short: bool,
        /// Do not ask how stiff your back is before and after.
        #[arg(long)]
        no_rate: bool,
        /// No terminal bell at step changes.
        #[arg(long)]
        quiet: bool,
        /// Show the breathing pacer as words and seconds only, without animation.
        #[arg(long)]
        reduced_motion: bool,
    },
    /// Print where poised keeps its config, routines and journal.
    Paths,
    /// Print a shell completion script.
    Completions {
        /// bash, zsh or fish.
        shell: clap_complete::Shell,
    },
    /// Record how your back feels this morning, from 0 (not stiff) to 10.
    Checkin(journal::CheckinArgs),
    /// Show the newest journal records, one line each.
    Log(journal::LogArgs),
    /// Print sessions (or check-ins, or rest days) as CSV, TOML or JSON Lines.
    Export(journal::ExportArgs),
    /// Write a record of a period (the last 4 weeks by default) to hand to a clinician.
    Report(report::ReportArgs),
    /// Print the streak in one line, for a shell prompt.
    Streak,
    /// Look after the journal file itself.
    Journal {
        #[command(subcommand)]
        command: journal::JournalCommand,
    },
    /// Record today as a rest day: it keeps the streak alive (at most 2 in any 7 days).
    Rest {
        /// Why, in a few words (for example "flare").
        #[arg(long)]
        reason: Option<String>,
    },
    /// Desk mode: a short reset prompted through the working day.
    Desk(desk::DeskArgs),
    /// One line for a status bar: the next reset, today's resets, the streak.
    Status(desk::StatusArgs),
    /// Exit 0 and print what is due (a reset, or the morning routine); exit 1 if nothing is.
    Due(desk::DueArgs),
}

/// Runs the parsed command line with the given paths and clock.
#[must_use]
pub fn run(cli: Cli, paths: &Paths, clock: &Clock) -> ExitCode {
    let paths = match settle_journal(paths) {
        Ok(paths) => paths,
        Err(error) => {
            eprintln!("poised: {error}");
            return ExitCode::FAILURE;
        }
    };
    let paths = &paths;
    let Some(command) = cli.command else {
        return play::open(paths, clock, None, play::RunFlags::default());
    };
    match command {
        Command::List => routines::list(paths),
        Command::Show {
            name,
            short,
            easier,
        } => show::show(paths, &name, short, easier.as_deref()),
        Command::Run {
            name,
            short,
            no_rate,
            quiet,
            reduced_motion,
        } => play::open(
            paths,
            clock,
            Some(&name),
            play::RunFlags {
                short,
                no_rate,
                quiet,
                reduced_motion,
            },
        ),
        Command::Validate { files } => routines::validate(paths, &files),
        Command::Paths => routines::paths(paths),
        Command::Completions { shell } => routines::completions(shell),
        Command::Checkin(args) => journal::checkin(paths, clock, &args),
        Command::Log(args) => journal::log(paths, &args),
        Command::Export(args) => journal::export(paths, &args),
        Command::Report(args) => report::report(paths, clock, &args),
        Command::Journal { command } => journal::journal(paths, command),
        Command::Streak => progress::streak(paths, clock),
        Command::Rest { reason } => progress::rest(paths, clock, reason.as_deref()),
        Command::Desk(args) => play::desk(paths, clock, &args),
        Command::Status(args) => desk::status(paths, clock, &args),
        Command::Due(args) => desk::due(paths, clock, &args),
    }
}

/// Where the journal is, once config.toml's `journal_dir` is known. A config that cannot be
/// read leaves the journal where it was: the command itself reports the config.
fn settle_journal(paths: &Paths) -> Result<Paths, String> {
    let configured = crate::config::Config::load(&paths.config)
        .ok()
        .and_then(|config| config.journal_dir);
    paths
        .clone()
        .settle(configured.as_deref())
        .map_err(|e| format!("cannot name this machine for the journal folder: {e}"))
}

/// A warning on stderr, in the one form every command uses. A stderr that cannot be written
/// (a closed terminal) is no reason to fail.
pub(crate) fn warn(warning: impl std::fmt::Display) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "poised: warning: {warning}");
}

/// The one wording of a record that could not be saved: why, then the record to keep.
/// `what` names the record: "session", "check-in", "rest day".
pub(crate) fn not_saved(what: &str, error: &AppendError) -> String {
    format!(
        "{error}\npoised: this {what} was not saved; here it is, to keep:\n\n{}",
        error.unsaved_record()
    )
}
