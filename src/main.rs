use std::process::ExitCode;

use clap::Parser;
use poised::cli::{Cli, run};
use poised::clock::Clock;
use poised::paths::Paths;

fn main() -> ExitCode {
    poised::cli::complete_if_asked();
    let cli = Cli::parse();
    let Some(paths) = Paths::resolve(|key| std::env::var(key).ok()) else {
        eprintln!(
            "poised: cannot find a home folder; set POISED_HOME to a folder for poised's files"
        );
        return ExitCode::FAILURE;
    };
    let clock = match Clock::from_env(|key| std::env::var(key).ok()) {
        Ok(clock) => clock,
        Err(message) => {
            eprintln!("poised: {message}");
            return ExitCode::FAILURE;
        }
    };
    run(cli, &paths, &clock)
}
