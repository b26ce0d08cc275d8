//! What the shell and the manual need: completion scripts that complete routine names from
//! the routines folder at the moment you press Tab, and a man page from the same definitions.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{Bash, EnvCompleter, Fish, Zsh};
use clap_complete::{CompleteEnv, Shell};

use super::Cli;
use super::out::{out, say};
use crate::paths::Paths;
use crate::routine::Library;
use crate::text::sanitize;

/// The environment variable through which a completion script asks poised for candidates.
const COMPLETE_VAR: &str = "COMPLETE";

/// Answers a completion request from a shell (when `COMPLETE` is set) and exits; otherwise
/// returns at once. Called first thing in `main`.
pub fn complete_if_asked() {
    CompleteEnv::with_factory(Cli::command)
        .var(COMPLETE_VAR)
        .complete();
}

/// `poised completions SHELL`: the script that makes SHELL complete poised's commands,
/// flags and routine names (it asks poised, so new routines complete at once).
pub fn completions(shell: Shell) -> ExitCode {
    let mut script = Vec::new();
    let written = match shell {
        Shell::Bash => {
            Bash.write_registration(COMPLETE_VAR, "poised", "poised", "poised", &mut script)
        }
        Shell::Zsh => {
            Zsh.write_registration(COMPLETE_VAR, "poised", "poised", "poised", &mut script)
        }
        Shell::Fish => {
            Fish.write_registration(COMPLETE_VAR, "poised", "poised", "poised", &mut script)
        }
        other => {
            clap_complete::generate(other, &mut Cli::command(), "poised", &mut script);
            Ok(())
        }
    };
    match written {
        Ok(()) => out(&String::from_utf8_lossy(&script)),
        Err(e) => {
            say(&format!(
                "could not write the completion script ({})",
                e.kind()
            ));
            ExitCode::FAILURE
        }
    }
}

/// `poised man`: the manual page, in roff, from the command-line definitions.
pub fn man() -> ExitCode {
    let mut page = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut page) {
        Ok(()) => out(&String::from_utf8_lossy(&page)),
        Err(e) => {
            say(&format!("could not write the manual page ({})", e.kind()));
            ExitCode::FAILURE
        }
    }
}

/// The names of every routine poised can play, each with its title, for completion.
#[must_use]
pub fn routine_names() -> Vec<CompletionCandidate> {
    let Some(paths) = Paths::resolve(|key| std::env::var(key).ok()) else {
        return Vec::new();
    };
    Library::load(&paths.routines)
        .routines
        .iter()
        .map(|r| {
            CompletionCandidate::new(OsString::from(&r.id)).help(Some(sanitize(&r.title).into()))
        })
        .collect()
}
