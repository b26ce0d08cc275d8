//! The command line: clap definitions and the dispatch to each command's handler.
//!
//! Handlers live in `cli/`, one file per family of commands; each returns an `ExitCode`
//! and prints its own errors, so `main.rs` stays a few lines long.

mod dates;
mod desk;
mod journal;
mod out;
mod play;
mod progress;
mod report;
mod routines;
mod share;
mod shell;
mod show;
mod undo;
mod voice;

pub use shell::complete_if_asked;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use clap_complete::engine::ArgValueCandidates;

use crate::clock::Clock;
use crate::journal::AppendError;
use crate::paths::Paths;

/// A terminal companion for a daily back-care ritual.
#[derive(Debug, Parser)]
#[command(name = "poised", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Say on stderr when the summary cache was not used and why (it is then built again).
    #[arg(long, global = true)]
    pub verbose: bool,
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
        #[arg(add = ArgValueCandidates::new(shell::routine_names))]
        name: String,
        /// The short version (only the essential steps).
        #[arg(long, conflicts_with = "toml")]
        short: bool,
        /// Show this step (by its name) in its easier version.
        #[arg(long, value_name = "STEP", conflicts_with = "toml")]
        easier: Option<String>,
        /// Print the routine's file instead (built-in routines too), to read or copy.
        #[arg(long)]
        toml: bool,
    },
    /// Start a routine file of your own in the routines folder, from a template or a copy.
    New {
        /// The new routine's name: lowercase letters, digits and `-`.
        name: String,
        /// Start from a copy of this routine (a built-in one or your own).
        #[arg(long, value_name = "ROUTINE", add = ArgValueCandidates::new(shell::routine_names))]
        from: Option<String>,
        /// Open the new file in $VISUAL or $EDITOR.
        #[arg(long)]
        edit: bool,
    },
    /// Check a routine file and copy it into the routines folder (`-` reads standard input).
    Add {
        /// The routine file, or `-` for standard input (a routine pasted from an email).
        file: std::path::PathBuf,
        /// Replace a routine of the same name (yours or a built-in one).
        #[arg(long)]
        force: bool,
    },
    /// Play a routine now: a guided session with a breathing pacer.
    Run {
        /// The routine's name, as shown by `poised list`.
        #[arg(add = ArgValueCandidates::new(shell::routine_names))]
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
        /// Speak the cues (the `voice` program of config.toml, or the first one found).
        #[arg(long)]
        voice: bool,
        /// Plain lines of text, one per change, for screen readers and logs (no screen drawn).
        #[arg(long)]
        plain: bool,
        /// A learning run for the first times: twice the get-ready, every detail on screen.
        #[arg(long)]
        learn: bool,
    },
    /// Print where poised keeps its config, routines and journal.
    Paths,
    /// Print the manual page (roff); see the README for where to install it.
    Man,
    /// Print a shell completion script: routine names complete too.
    Completions {
        /// bash, zsh or fish.
        shell: clap_complete::Shell,
    },
    /// Record how your back feels this morning, from 0 (not stiff) to 10.
    Checkin(journal::CheckinArgs),
    /// Show the newest journal records, one line each.
    Log(journal::LogArgs),
    /// Take back the newest record (or the one at --at TIME): a record that says so is
    /// appended, and the journal is never rewritten.
    Undo(undo::UndoArgs),
    /// Print sessions (or check-ins, or rest days) as CSV, TOML or JSON Lines.
    Export(journal::ExportArgs),
    /// Write a record of a period (the last 4 weeks by default) to hand to a clinician.
    Report(report::ReportArgs),
    /// Print the streak in one line, for a shell prompt.
    Streak {
        /// Check every byte of the journal against the summary cache, not only its end.
        #[arg(long)]
        verify: bool,
    },
    /// Print "Before you start": when to check with a clinician, and when to get urgent help.
    Safety,
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
    out::set_verbose(cli.verbose);
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
            name, toml: true, ..
        } => show::source(paths, &name),
        Command::Show {
            name,
            short,
            easier,
            ..
        } => show::show(paths, &name, short, easier.as_deref()),
        Command::New { name, from, edit } => share::new(paths, &name, from.as_deref(), edit),
        Command::Add { file, force } => share::add(paths, &file, force),
        Command::Man => shell::man(),
        Command::Run {
            name,
            short,
            no_rate,
            quiet,
            reduced_motion,
            voice,
            plain,
            learn,
        } => play::open(
            paths,
            clock,
            Some(&name),
            play::RunFlags {
                short,
                no_rate,
                quiet,
                reduced_motion,
                voice,
                plain,
                learn,
            },
        ),
        Command::Validate { files } => routines::validate(paths, &files),
        Command::Paths => routines::paths(paths),
        Command::Safety => routines::safety(),
        Command::Completions { shell } => shell::completions(shell),
        Command::Checkin(args) => journal::checkin(paths, clock, &args),
        Command::Log(args) => journal::log(paths, clock, &args),
        Command::Undo(args) => undo::undo(paths, clock, &args),
        Command::Export(args) => journal::export(paths, &args),
        Command::Report(args) => report::report(paths, clock, &args),
        Command::Journal { command } => journal::journal(paths, command),
        Command::Streak { verify } => progress::streak(paths, clock, verify),
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
        .config
        .journal_dir;
    paths
        .clone()
        .settle(configured.as_deref())
        .map_err(|e| format!("cannot name this machine for the journal folder: {e}"))
}

/// The one wording of a record that could not be saved: why, then the record to keep.
/// `what` names the record: "session", "check-in", "rest day".
pub(crate) fn not_saved(what: &str, error: &AppendError) -> String {
    format!(
        "{error}\npoised: this {what} was not saved; here it is, to keep:\n\n{}",
        error.unsaved_record()
    )
}
