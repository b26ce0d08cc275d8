//! The command line: clap definitions and the dispatch to each command's handler.
//!
//! Handlers live in `cli/`, one file per family of commands; each returns an `ExitCode`
//! and prints its own errors, so `main.rs` stays a few lines long.

mod progress;
mod routines;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
    /// Print where poised keeps its config, routines and journal.
    Paths,
    /// Print a shell completion script.
    Completions {
        /// bash, zsh or fish.
        shell: clap_complete::Shell,
    },
    /// Print the streak in one line, for a shell prompt.
    Streak,
    /// Record today as a rest day: it keeps the streak alive (at most 2 in any 7 days).
    Rest {
        /// Why, in a few words (for example "flare").
        #[arg(long)]
        reason: Option<String>,
    },
}

/// Runs the parsed command line with the given paths.
#[must_use]
pub fn run(cli: Cli, paths: &Paths) -> ExitCode {
    let Some(command) = cli.command else {
        return routines::paths(paths);
    };
    match command {
        Command::Paths => routines::paths(paths),
        Command::Completions { shell } => routines::completions(shell),
        Command::Streak => progress::streak(paths),
        Command::Rest { reason } => progress::rest(paths, reason.as_deref()),
    }
}
