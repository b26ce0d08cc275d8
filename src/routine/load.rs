//! Finding routines: the built-in wardrobes embedded in the binary, plus the person's own
//! files, where a same-named file replaces a built-in one and a broken file never stops poised.

use std::fmt;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use super::limits::MAX_FILE_BYTES;
use super::model::Routine;
use super::validate::{Problem, check_routine};
use crate::text::LineStarts;

/// The built-in routines, embedded so poised works from any folder.
pub const BUILTIN: &[(&str, &str)] = &[
    ("morning", include_str!("../../routines/morning.toml")),
    ("office", include_str!("../../routines/office.toml")),
    ("travel", include_str!("../../routines/travel.toml")),
    ("evening", include_str!("../../routines/evening.toml")),
    ("reset", include_str!("../../routines/reset.toml")),
    ("capacity", include_str!("../../routines/capacity.toml")),
];

/// The annotated routine that `poised new` starts from.
pub const TEMPLATE: &str = include_str!("template.toml");

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

/// The text of routine `id`: the user's file when there is one (even one that does not
/// load), else the built-in one; `None` when neither exists.
#[must_use]
pub fn source(user_dir: &Path, id: &str) -> Option<Result<String, String>> {
    let path = user_dir.join(format!("{id}.toml"));
    if std::fs::symlink_metadata(&path).is_ok() {
        return Some(read_limited(&path));
    }
    BUILTIN
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, text)| Ok((*text).to_string()))
}

/// Whether `id` names a built-in routine.
#[must_use]
pub fn is_builtin(id: &str) -> bool {
    BUILTIN.iter().any(|(name, _)| *name == id)
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
///
/// Only a regular file of at most [`MAX_FILE_BYTES`] is read: a folder, a FIFO or a device
/// (a link to `/dev/zero`) is refused before it is opened, and a large file before it is parsed.
pub fn check_file(path: &Path) -> Result<Valid, Vec<Diagnostic>> {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = read_limited(path).map_err(|message| vec![at_start(path, message)])?;
    check_text(path, &id, &text)
}

/// The text of a routine file, or why it cannot be read, in plain words.
pub fn read_limited(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        ErrorKind::NotFound => "there is no such file: check the name and the folder".to_string(),
        _ => format!(
            "cannot read this file ({}): check that you may read it",
            plain_io(&e)
        ),
    })?;
    if meta.is_dir() {
        return Err(format!(
            "this is a folder, not a routine file: to check the routines in it, run poised validate {shown}/*.toml"
        ));
    }
    if !meta.is_file() {
        return Err("this is not a regular file (a pipe, a device or a socket), so poised does not read it: put a routine file here instead".to_string());
    }
    let file = std::fs::File::open(path).map_err(|e| {
        format!(
            "cannot read this file ({}): check that you may read it",
            plain_io(&e)
        )
    })?;
    read_text(file)
}

/// Reads at most [`MAX_FILE_BYTES`] from `source` (a file or standard input) as UTF-8.
pub fn read_text(source: impl Read) -> Result<String, String> {
    let mut bytes = Vec::new();
    source
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it ({}): try again", plain_io(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "a routine file can be at most {} KiB and this one is larger: is it the right file?",
            MAX_FILE_BYTES / 1024
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "this is not UTF-8 text (a byte that is not text at byte {}): save it as UTF-8 text",
            e.utf8_error().valid_up_to()
        )
    })
}

/// An I/O error's own words, without Rust's `(os error N)`.
fn plain_io(e: &std::io::Error) -> String {
    let text = e.to_string();
    text.split(" (os error")
        .next()
        .unwrap_or(&text)
        .to_lowercase()
}

fn at_start(path: &Path, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message,
    }
}

/// Checks routine text that came from `path`, turning byte spans into lines and columns.
pub fn parse_text(path: &Path, id: &str, text: &str) -> Result<Routine, Vec<Diagnostic>> {
    check_text(path, id, text).map(|valid| valid.routine)
}

/// Checks routine text that came from `path`, keeping the warnings.
pub fn check_text(path: &Path, id: &str, text: &str) -> Result<Valid, Vec<Diagnostic>> {
    let located = |problems: Vec<Problem>| -> Vec<Diagnostic> {
        let lines = LineStarts::new(text);
        problems
            .into_iter()
            .map(|p| diagnostic(path, &lines, p))
            .collect()
    };
    check_routine(id, text)
        .map(|checked| Valid {
            routine: checked.routine,
            warnings: located(checked.warnings),
        })
        .map_err(located)
}

fn diagnostic(path: &Path, lines: &LineStarts, problem: Problem) -> Diagnostic {
    let (line, column) = lines.locate(problem.span.start);
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
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            let why = if dir.is_file() {
                "this is a file, where poised keeps the folder of your routines: move it away"
                    .to_string()
            } else {
                format!("cannot read the routines folder ({})", plain_io(&e))
            };
            return Err(at_start(
                dir,
                format!("{why}; only built-in routines are available"),
            ));
        }
    };
    // Every `.toml` entry, whatever it is: one that is not a regular file gets a warning.
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
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
