//! The output boundary of every command: all that a command prints goes through [`out`] or
//! [`err`], which pass it through the one sanitiser, so text from a routine, the journal or
//! the config never carries an escape sequence or a bidirectional control to a terminal or a
//! pipe.
//!
//! Output fails politely: a closed pipe (`poised show long | head -3`) ends the command
//! quietly with status 0, the reader having taken what it wanted; any other failure (stdout
//! on a full disk, `/dev/full`) is an error on stderr with status 1, never a panic. After a
//! record was saved, a failure to print says so and keeps status 0, so that a script that
//! retries on failure never saves the record twice.

use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::text::sanitize_lines;

/// Writes `text` to stdout and flushes it.
pub fn out(text: &str) -> ExitCode {
    match write(text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("could not write the output: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Writes `text`, which says that `what` was saved; when it cannot be written, says on stderr
/// that the record was saved all the same, and succeeds.
pub fn out_saved(text: &str, what: &str) -> ExitCode {
    if let Err(e) = write(text)
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        say(&format!(
            "the {what} was saved, but the output could not be written: {e}"
        ));
    }
    ExitCode::SUCCESS
}

fn write(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(sanitize_lines(text).as_bytes())?;
    stdout.flush()
}

/// Writes `text` to stderr (where messages and warnings go). A stderr that cannot be written
/// (a closed terminal) is no reason to fail.
pub fn err(text: &str) {
    let _ = io::stderr()
        .lock()
        .write_all(sanitize_lines(text).as_bytes());
}

/// Whether `--verbose` was given: set once, from the command line, before any command runs.
static VERBOSE: AtomicBool = AtomicBool::new(false);

/// Turns on the lines that only `--verbose` prints.
pub fn set_verbose(on: bool) {
    VERBOSE.store(on, Ordering::Relaxed);
}

/// Lines said only under `--verbose` (why a cache was rebuilt), each after `poised: `.
pub fn notices(lines: &[String]) {
    if VERBOSE.load(Ordering::Relaxed) {
        for line in lines {
            say(line);
        }
    }
}

/// What reading the journal had to say, in the same way for every command: each warning,
/// then (under `--verbose`) each notice.
pub fn told(warnings: &[String], lines: &[String]) {
    warnings.iter().for_each(warn);
    notices(lines);
}

/// One line of `text` on stderr, after `poised: `.
pub fn say(text: &str) {
    err(&format!("poised: {text}\n"));
}

/// A warning on stderr, in the one form every command uses.
pub fn warn(warning: impl std::fmt::Display) {
    err(&format!("poised: warning: {warning}\n"));
}
