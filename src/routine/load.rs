//! Finding routines: the built-in wardrobes embedded in the binary, plus the person's own
//! files, where a same-named file replaces a built-in one and a broken file never stops poised.

use std::fmt;
use std::path::{Path, PathBuf};

use super::model::Routine;
use super::validate::{Problem, check_routine};
use crate::text::line_column;

/// The built-in routines, embedded so poised works from any folder.
pub const BUILTIN: &[(&str, &str)] = &[
    ("morning", include_str!("../../routines/morning.toml")),
    ("office", include_str!("../../routines/office.toml")),
    ("travel", include_str!("../../routines/travel.toml")),
    ("evening", include_str!("../../routines/evening.toml")),
    ("reset", include_str!("../../routines/reset.toml")),
    ("capacity", include_str!("../../routines/capacity.toml")),
];

/// The wardrobes listed first, in this order; any other wardrobe follows alphabetically.
pub const WARDROBE_ORDER: &[&str] = &["morning", "office", "travel", "evening"];

/// One problem in one file, shown as `PATH:LINE:COLUMN: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (path, line, column) = (self.path.display(), self.line, self.column);
        write!(f, "{path}:{line}:{column}: {}", self.message)
    }
}

/// Every routine poised can play, and a warning for each user file that could not be loaded.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub routines: Vec<Routine>,
    pub warnings: Vec<Diagnostic>,
}

impl Library {
    /// Loads the built-ins, then the `.toml` files of `user_dir` (a missing folder is fine);
    /// each file that fails gives one warning, its first problem.
    #[must_use]
    pub fn load(user_dir: &Path) -> Self {
        let mut library = Self::default();
        for (_, checked) in check_all(user_dir) {
            match checked {
                Ok(valid) => library.insert(valid.routine),
                Err(d) => library.warnings.extend(d.into_iter().take(1)),
            }
        }
        library.routines.sort_by_key(order_key);
        library
    }

    /// A routine by its id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Routine> {
        self.routines.iter().find(|r| r.id == id)
    }

    /// The ids, in display order, for "did you mean" lists.
    #[must_use]
    pub fn ids(&self) -> Vec<&str> {
        self.routines.iter().map(|r| r.id.as_str()).collect()
    }

    fn insert(&mut self, routine: Routine) {
        match self.routines.iter_mut().find(|r| r.id == routine.id) {
            Some(existing) => *existing = routine,
            None => self.routines.push(routine),
        }
    }
}

/// How built-in routines are named in messages.
#[must_use]
pub fn builtin_path(id: &str) -> PathBuf {
    PathBuf::from(format!("<built-in>/{id}.toml"))
}

/// A routine that loaded, with what would still be good to change in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Valid {
    pub routine: Routine,
    pub warnings: Vec<Diagnostic>,
}

/// A file and what checking it found.
pub type Checked = (PathBuf, Result<Valid, Vec<Diagnostic>>);

/// Every routine file poised would load, each checked on its own: the built-ins first, then
/// the user's files in name order (so a user file replaces a built-in of the same name).
/// Both `Library::load` and `poised validate` walk this one list.
#[must_use]
pub fn check_all(user_dir: &Path) -> Vec<Checked> {
    let builtins = BUILTIN.iter().map(|(id, text)| {
        let path = builtin_path(id);
        let checked = check_text(&path, id, text);
        (path, checked)
    });
    let user = match user_files(user_dir) {
        Ok(files) => files
            .into_iter()
            .map(|p| (p.clone(), check_file(&p)))
            .collect(),
        Err(folder) => vec![(user_dir.to_path_buf(), Err(vec![folder]))],
    };
    builtins.chain(user).collect()
}

/// Reads and checks one routine file; its id is the file name without `.toml`.
pub fn load_file(path: &Path) -> Result<Routine, Vec<Diagnostic>> {
    check_file(path).map(|valid| valid.routine)
}

/// Reads and checks one routine file, keeping the warnings.
pub fn check_file(path: &Path) -> Result<Valid, Vec<Diagnostic>> {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![Diagnostic {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!(
                "cannot read this file ({e}): check that it exists and is readable UTF-8 text"
            ),
        }]
    })?;
    check_text(path, &id, &text)
}

/// Checks routine text that came from `path`, turning byte spans into lines and columns.
pub fn parse_text(path: &Path, id: &str, text: &str) -> Result<Routine, Vec<Diagnostic>> {
    check_text(path, id, text).map(|valid| valid.routine)
}

/// Checks routine text that came from `path`, keeping the warnings.
pub fn check_text(path: &Path, id: &str, text: &str) -> Result<Valid, Vec<Diagnostic>> {
    let located = |problems: Vec<Problem>| -> Vec<Diagnostic> {
        problems
            .into_iter()
            .map(|p| diagnostic(path, text, p))
            .collect()
    };
    check_routine(id, text)
        .map(|checked| Valid {
            routine: checked.routine,
            warnings: located(checked.warnings),
        })
        .map_err(located)
}

fn diagnostic(path: &Path, text: &str, problem: Problem) -> Diagnostic {
    let (line, column) = line_column(text, problem.span.start);
    Diagnostic {
        path: path.to_path_buf(),
        line,
        column,
        message: problem.message,
    }
}

/// The `.toml` files of the user's routines folder, sorted so loading is deterministic;
/// a missing folder has none.
fn user_files(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Diagnostic {
                path: dir.to_path_buf(),
                line: 1,
                column: 1,
                message: format!(
                    "cannot read the routines folder ({e}); only built-in routines are available"
                ),
            });
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

fn order_key(routine: &Routine) -> (usize, String, String) {
    let rank = WARDROBE_ORDER
        .iter()
        .position(|w| *w == routine.wardrobe)
        .unwrap_or(WARDROBE_ORDER.len());
    (rank, routine.wardrobe.clone(), routine.id.clone())
}
