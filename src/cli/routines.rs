//! Handlers for the routine commands: list, validate, show, paths, completions.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::CommandFactory;

use super::Cli;
use super::out::{err, out, say, warn};
use crate::paths::Paths;
use crate::routine::load::{self, Library};
use crate::routine::{Routine, Variant};
use crate::text::{mss, pad, sanitize, width};

/// Loads every routine, printing one warning line per user file that could not be loaded.
pub fn load_library(paths: &Paths) -> Library {
    let library = Library::load(&paths.routines);
    for warning in &library.warnings {
        warn(&warning.to_string());
    }
    library
}

/// `poised list`: a header, then one row per routine in wardrobe order.
pub fn list(paths: &Paths) -> ExitCode {
    let library = load_library(paths);
    out(&list_table(&library.routines))
}

/// The table `poised list` prints, columns padded to their widest cell.
#[must_use]
pub fn list_table(routines: &[Routine]) -> String {
    let header = ["NAME", "WARDROBE", "TIME", "STEPS", "SHORT", "TITLE"].map(String::from);
    let rows: Vec<[String; 6]> = routines
        .iter()
        .map(|r| {
            let short = if r.has_short() {
                mss(r.total(Variant::Short))
            } else {
                "-".into()
            };
            [
                r.id.clone(),
                sanitize(&r.wardrobe),
                mss(r.total(Variant::Full)),
                r.steps.len().to_string(),
                short,
                sanitize(&r.title),
            ]
        })
        .collect();
    let mut widths = header.clone().map(|h| width(&h));
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    std::iter::once(&header)
        .chain(&rows)
        .map(|row| {
            let cells: Vec<String> = row.iter().zip(widths).map(|(c, w)| pad(c, w)).collect();
            format!("{}\n", cells.join("  ").trim_end())
        })
        .collect()
}

/// `poised validate [FILE...]`: every problem as `PATH:LINE:COLUMN: message`; exit 1 if any.
pub fn validate(paths: &Paths, files: &[PathBuf]) -> ExitCode {
    let results: Vec<load::Checked> = if files.is_empty() {
        load::check_all(&paths.routines)
    } else {
        files
            .iter()
            .map(|f| (f.clone(), load::load_file(f)))
            .collect()
    };
    let mut failed = false;
    for (path, result) in results {
        match result {
            Ok(r) => {
                let short = if r.has_short() {
                    format!(", short {}", mss(r.total(Variant::Short)))
                } else {
                    String::new()
                };
                out(&format!(
                    "{}: ok, {}{short}\n",
                    path.display(),
                    mss(r.total(Variant::Full))
                ));
            }
            Err(problems) => {
                failed = true;
                for p in problems {
                    err(&format!("{p}\n"));
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `poised paths`: the three places poised uses, one per line.
pub fn paths(paths: &Paths) -> ExitCode {
    out(&format!(
        "config: {}\nroutines: {}\njournal: {}\n",
        paths.config.display(),
        paths.routines.display(),
        paths.journal.display()
    ))
}

/// `poised completions SHELL`: a completion script on stdout.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    clap_complete::generate(shell, &mut Cli::command(), "poised", &mut std::io::stdout());
    ExitCode::SUCCESS
}

/// Finds the routine a command names, in the version asked for; prints why not when it can't.
pub fn pick<'a>(library: &'a Library, name: &str, short: bool) -> Option<(&'a Routine, Variant)> {
    let Some(routine) = library.get(name) else {
        say(&format!("there is no routine named `{name}`."));
        err(&format!("Known routines: {}\n", library.ids().join(", ")));
        return None;
    };
    if short && !routine.has_short() {
        say(&format!(
            "`{name}` has no short version (no step is marked essential); leave out --short"
        ));
        return None;
    }
    let variant = if short { Variant::Short } else { Variant::Full };
    Some((routine, variant))
}
