//! Handlers for the routine commands: list, validate and paths, and how a command finds the
//! routine it names (with "did you mean" and the file that does not load).

use std::path::PathBuf;
use std::process::ExitCode;

use super::out::{err, out, say, warn};
use crate::journal::folder::FileKind;
use crate::paths::Paths;
use crate::routine::load::{self, Library};
use crate::routine::{Routine, Variant};
use crate::text::{mss, pad, sanitize, width};

/// Loads every routine, printing one warning line per user file that could not be loaded.
pub fn load_library(paths: &Paths) -> Library {
    let library = Library::load(&paths.routines);
    for warning in &library.warnings {
        warn(warning);
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
    let mut text = String::new();
    for (path, result) in results {
        match result {
            Ok(valid) => {
                // `validate` speaks the compiler's form: `warning: PATH:LINE:COLUMN: ...`.
                for w in &valid.warnings {
                    warn(w);
                }
                text.push_str(&format!(
                    "{}: ok, {}\n",
                    path.display(),
                    timing(&valid.routine)
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
    let printed = out(&text);
    if failed { ExitCode::FAILURE } else { printed }
}

/// `poised paths`: the places poised uses, one per line; with a journal folder, the folder,
/// this machine's file and every other file read from it.
pub fn paths(paths: &Paths) -> ExitCode {
    let mut text = format!(
        "config: {}\nroutines: {}\n",
        paths.config.display(),
        paths.routines.display()
    );
    let Some(dir) = &paths.journal_dir else {
        text.push_str(&format!("journal: {}\n", paths.journal.display()));
        return out(&text);
    };
    text.push_str(&format!("journal folder: {}\n", dir.display()));
    text.push_str(&format!("journal: {}\n", paths.journal.display()));
    match paths.journal_files() {
        Ok(files) => {
            for file in files.iter().filter(|f| f.kind != FileKind::Own) {
                text.push_str(&format!("reads: {}\n", file.path.display()));
            }
        }
        Err(e) => say(&format!("cannot list {}: {e}", dir.display())),
    }
    text.push_str(&format!("local state: {}\n", paths.state.display()));
    out(&text)
}

/// `poised safety`: "Before you start", the same text the app shows on the first run.
pub fn safety() -> ExitCode {
    out(&(crate::safety::text_lines().join("\n") + "\n"))
}

/// A routine's times, as `validate` and `add` print them: `7:00, short 3:00`.
#[must_use]
pub fn timing(routine: &Routine) -> String {
    let full = mss(routine.total(Variant::Full));
    if routine.has_short() {
        format!("{full}, short {}", mss(routine.total(Variant::Short)))
    } else {
        full
    }
}

/// Finds the routine a command names, in the version asked for; prints why not when it can't.
pub fn pick<'a>(library: &'a Library, name: &str, short: bool) -> Option<(&'a Routine, Variant)> {
    let Some(routine) = library.get(name) else {
        explain_missing(library, name);
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

/// Says why there is no routine `name` (after loading the library) and fails.
pub fn not_found(paths: &Paths, name: &str) -> ExitCode {
    explain_missing(&Library::load(&paths.routines), name);
    ExitCode::FAILURE
}

/// Why there is no routine `name`: its file does not load (naming the file and its first
/// problem), or a near miss ("did you mean"), or else the names there are.
fn explain_missing(library: &Library, name: &str) {
    let broken = library
        .warnings
        .iter()
        .find(|w| w.path.file_stem().is_some_and(|stem| stem == name));
    if let Some(problem) = broken {
        say(&format!(
            "the routine `{name}` does not load: {problem}\nFix it, then check it with: poised validate {}",
            problem.path.display()
        ));
        return;
    }
    match near_miss(library, name) {
        Some(near) => say(&format!(
            "there is no routine named `{name}`; did you mean `{near}`? (poised list shows them all)"
        )),
        None => say(&format!(
            "there is no routine named `{name}`; the routines are: {}",
            library.ids().join(", ")
        )),
    }
}

/// The known name closest to `name`, when it is close enough to be a slip.
fn near_miss<'a>(library: &'a Library, name: &str) -> Option<&'a str> {
    let name = name.to_lowercase();
    library
        .ids()
        .into_iter()
        .map(|id| (strsim::normalized_damerau_levenshtein(&name, id), id))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id)
}
