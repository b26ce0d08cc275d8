//! The output boundary of every command: all that a command prints goes through [`out`] or
//! [`err`], which pass it through the one sanitiser, so text from a routine, the journal or
//! the config never carries an escape sequence or a bidirectional control to a terminal or a
//! pipe.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::text::sanitize_lines;

/// Writes `text` to stdout; a closed pipe (`poised log | head`) is not an error.
pub fn out(text: &str) -> ExitCode {
    match io::stdout()
        .lock()
        .write_all(sanitize_lines(text).as_bytes())
    {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            err(&format!("poised: could not write the output: {e}\n"));
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

/// Writes `text` to stderr (where messages and warnings go).
pub fn err(text: &str) {
    let _ = io::stderr()
        .lock()
        .write_all(sanitize_lines(text).as_bytes());
}

/// One line of `text` on stderr, after `poised: `.
pub fn say(text: &str) {
    err(&format!("poised: {text}\n"));
}

/// A warning on stderr, in the one form every command uses. A stderr that cannot be written
/// (a closed terminal) is no reason to fail.
pub fn warn(warning: impl std::fmt::Display) {
    err(&format!("poised: warning: {warning}\n"));
}
