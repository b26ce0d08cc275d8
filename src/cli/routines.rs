//! Handlers for the routine commands: list, validate, show, paths, completions.

use std::process::ExitCode;

use clap::CommandFactory;

use super::Cli;
use crate::paths::Paths;

/// `poised paths`: the three places poised uses, one per line.
pub fn paths(paths: &Paths) -> ExitCode {
    println!("config: {}", paths.config.display());
    println!("routines: {}", paths.routines.display());
    println!("journal: {}", paths.journal.display());
    ExitCode::SUCCESS
}

/// `poised completions SHELL`: a completion script on stdout.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    clap_complete::generate(shell, &mut Cli::command(), "poised", &mut std::io::stdout());
    ExitCode::SUCCESS
}
