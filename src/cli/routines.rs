//! Handlers for the routine commands: list, validate, show, paths, completions.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::CommandFactory;

use super::Cli;
use crate::journal::folder::FileKind;
use crate::paths::Paths;
use crate::routine::load::{self, Library};
use crate::routine::{Routine, Variant};
use crate::text::{mss, sanitize};

/// Loads every routine, printing one warning line per user file that could not be loaded.
pub fn load_library(paths: &Paths) -> Library {
    let library = Library::load(&paths.routines);
    for warning in &library.warnings {
        super::warn(sanitize(&warning.to_string()));
    }
    library
}

/// `poised list`: a header, then one row per routine in wardrobe order.
pub fn list(paths: &Paths) -> ExitCode {
    let library = load_library(paths);
    print!("{}", list_table(&library.routines));
    ExitCode::SUCCESS
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
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    std::iter::once(&header)
        .chain(&rows)
        .fold(String::new(), |mut out, row| {
            let cells: Vec<String> = row
                .iter()
                .zip(widths)
                .map(|(c, w)| format!("{c:<w$}"))
                .collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
            out
        })
}

/// `poised validate [FILE...]`: every problem as `PATH:LINE:COLUMN: message`, exit 1 if any;
/// warnings as `warning: PATH:LINE:COLUMN: message`, which leave the exit status alone.
pub fn validate(paths: &Paths, files: &[PathBuf]) -> ExitCode {
    let results: Vec<load::Checked> = if files.is_empty() {
        load::check_all(&paths.routines)
    } else {
        files
            .iter()
            .map(|f| (f.clone(), load::check_file(f)))
            .collect()
    };
    let mut failed = false;
    let mut out = std::io::stdout().lock();
    for (path, result) in results {
        match result {
            Ok(valid) => {
                // `validate` speaks the compiler's form: `warning: PATH:LINE:COLUMN: ...`.
                for w in &valid.warnings {
                    eprintln!("warning: {}", sanitize(&w.to_string()));
                }
                let r = valid.routine;
                let short = if r.has_short() {
                    format!(", short {}", mss(r.total(Variant::Short)))
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "{}: ok, {}{short}",
                    path.display(),
                    mss(r.total(Variant::Full))
                );
            }
            Err(problems) => {
                failed = true;
                for p in problems {
                    eprintln!("{}", sanitize(&p.to_string()));
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

/// `poised paths`: the places poised uses, one per line; with a journal folder, the folder,
/// this machine's file and every other file read from it.
pub fn paths(paths: &Paths) -> ExitCode {
    println!("config: {}", paths.config.display());
    println!("routines: {}", paths.routines.display());
    let Some(dir) = &paths.journal_dir else {
        println!("journal: {}", paths.journal.display());
        return ExitCode::SUCCESS;
    };
    println!("journal folder: {}", dir.display());
    println!("journal: {}", paths.journal.display());
    match paths.journal_files() {
        Ok(files) => {
            for file in files.iter().filter(|f| f.kind != FileKind::Own) {
                println!("reads: {}", file.path.display());
            }
        }
        Err(e) => eprintln!("poised: cannot list {}: {e}", dir.display()),
    }
    println!("local state: {}", paths.state.display());
    ExitCode::SUCCESS
}

/// `poised completions SHELL`: a completion script on stdout.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    clap_complete::generate(shell, &mut Cli::command(), "poised", &mut std::io::stdout());
    ExitCode::SUCCESS
}

/// Finds the routine a command names, in the version asked for; prints why not when it can't.
pub fn pick<'a>(library: &'a Library, name: &str, short: bool) -> Option<(&'a Routine, Variant)> {
    let Some(routine) = library.get(name) else {
        eprintln!("poised: there is no routine named `{name}`.");
        eprintln!("Known routines: {}", library.ids().join(", "));
        return None;
    };
    if short && !routine.has_short() {
        eprintln!(
            "poised: `{name}` has no short version (no step is marked essential); leave out --short"
        );
        return None;
    }
    let variant = if short { Variant::Short } else { Variant::Full };
    Some((routine, variant))
}
