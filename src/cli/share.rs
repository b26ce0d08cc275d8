//! Writing and sharing routines: `poised new` starts a file from a template or a copy, and
//! `poised add` checks a file (or standard input) and copies it into the routines folder.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::out::{err, out, say};
use super::routines::{not_found, timing};
use crate::paths::Paths;
use crate::routine::load::{self, TEMPLATE, is_builtin, parse_text, read_limited, read_text};
use crate::routine::validate::is_valid_id;

/// `poised new NAME [--from ROUTINE] [--edit]`.
pub fn new(paths: &Paths, name: &str, from: Option<&str>, edit: bool) -> ExitCode {
    if !is_valid_id(name) {
        say(&format!(
            "`{name}` cannot be a routine name: use lowercase letters, digits and `-`, like my-morning"
        ));
        return ExitCode::FAILURE;
    }
    let text = match from {
        None => TEMPLATE.to_string(),
        Some(id) => match load::source(&paths.routines, id) {
            Some(Ok(text)) => text,
            Some(Err(why)) => return fail(&format!("cannot read the routine `{id}`: {why}")),
            None => return not_found(paths, id),
        },
    };
    let path = match write(&paths.routines, name, &text, false) {
        Ok(path) => path,
        Err(why) => return fail(&why),
    };
    let replaces = if is_builtin(name) {
        format!("; it replaces the built-in `{name}` routine")
    } else {
        String::new()
    };
    out(&format!(
        "wrote {}{replaces}\ncheck it with: poised validate {}\n",
        path.display(),
        path.display()
    ));
    if edit {
        open_editor(&path)
    } else {
        ExitCode::SUCCESS
    }
}

/// `poised add FILE [--force]`, or `poised add -` for standard input.
pub fn add(paths: &Paths, file: &Path, force: bool) -> ExitCode {
    let from_stdin = file.as_os_str() == "-";
    let (shown, text) = if from_stdin {
        (PathBuf::from("<stdin>"), read_text(std::io::stdin().lock()))
    } else {
        (file.to_path_buf(), read_limited(file))
    };
    let text = match text {
        Ok(text) => text,
        Err(why) => return fail(&format!("{}:1:1: {why}", shown.display())),
    };
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned());
    let id = match stem.filter(|_| !from_stdin) {
        Some(stem) => stem,
        None => name_from_title(&text),
    };
    let routine = match parse_text(&shown, &id, &text) {
        Ok(routine) => routine,
        Err(problems) => {
            for p in problems {
                err(&format!("{p}\n"));
            }
            say("nothing was added: fix the problems above and try again");
            return ExitCode::FAILURE;
        }
    };
    if let Some(clash) = clash(paths, &id).filter(|_| !force) {
        return fail(&format!("{clash}: add --force to replace it"));
    }
    match write(&paths.routines, &id, &text, force) {
        Ok(path) => out(&format!(
            "added `{id}` ({}) as {}\n",
            timing(&routine),
            path.display()
        )),
        Err(why) => fail(&why),
    }
}

/// The routine that adding `id` would replace, in words.
fn clash(paths: &Paths, id: &str) -> Option<String> {
    let path = paths.routines.join(format!("{id}.toml"));
    if std::fs::symlink_metadata(&path).is_ok() {
        Some(format!(
            "you already have a routine `{id}` ({})",
            path.display()
        ))
    } else if is_builtin(id) {
        Some(format!(
            "`{id}` is the name of a built-in routine, which this would replace"
        ))
    } else {
        None
    }
}

/// A routine name for text without a file name (standard input): its title in lowercase
/// words joined by `-`.
fn name_from_title(text: &str) -> String {
    let title = toml::from_str::<toml::Table>(text)
        .ok()
        .and_then(|t| t.get("title").and_then(|v| v.as_str().map(str::to_string)))
        .unwrap_or_default();
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "my-routine".to_string()
    } else {
        words.join("-")
    }
}

/// Writes `dir/id.toml`; without `replace`, refuses a file that exists. A replacement is
/// written beside the old file and renamed over it, so the old one survives a failure.
fn write(dir: &Path, id: &str, text: &str, replace: bool) -> Result<PathBuf, String> {
    let path = dir.join(format!("{id}.toml"));
    let why = |e: std::io::Error| {
        format!(
            "cannot write {} ({}): check the folder",
            path.display(),
            e.kind()
        )
    };
    std::fs::create_dir_all(dir).map_err(why)?;
    if replace {
        let temporary = dir.join(format!(".{id}.toml.new"));
        std::fs::write(&temporary, text).map_err(why)?;
        std::fs::rename(&temporary, &path).map_err(why)?;
        return Ok(path);
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "{} already exists, and poised does not overwrite it: choose another name, or edit that file",
                path.display()
            ),
            _ => why(e),
        })?;
    file.write_all(text.as_bytes()).map_err(why)?;
    Ok(path)
}

/// Opens `$VISUAL` or `$EDITOR` on the new file.
fn open_editor(path: &Path) -> ExitCode {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|key| std::env::var(key).ok().filter(|v| !v.trim().is_empty()));
    let Some(editor) = editor else {
        return fail(
            "--edit needs $VISUAL or $EDITOR set to your editor, like EDITOR=nano; open the file yourself",
        );
    };
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or_default();
    match std::process::Command::new(program)
        .args(words)
        .arg(path)
        .status()
    {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => fail(&format!(
            "{editor} ended with an error; the file is kept at {}",
            path.display()
        )),
        Err(e) => fail(&format!(
            "cannot start `{editor}` ({}): check $VISUAL or $EDITOR",
            e.kind()
        )),
    }
}

fn fail(message: &str) -> ExitCode {
    say(message);
    ExitCode::FAILURE
}
