//! Writing a command's result to stdout, politely: a closed pipe (`poised show long | head -3`)
//! ends the command quietly with status 0, the reader having taken what it wanted; any other
//! failure (stdout on a full disk, `/dev/full`) is an error on stderr with status 1, never a
//! panic. After a record was saved, a failure to print says so and keeps status 0, so that a
//! script that retries on failure never saves the record twice.

use std::io::{self, Write};
use std::process::ExitCode;

/// Writes `text` to stdout and flushes it.
pub fn print(text: &str) -> ExitCode {
    match write(text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "poised: could not write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `text`, which says that `what` was saved; when it cannot be written, says on stderr
/// that the record was saved all the same, and succeeds.
pub fn print_saved(text: &str, what: &str) -> ExitCode {
    if let Err(e) = write(text)
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(
            io::stderr(),
            "poised: the {what} was saved, but the output could not be written: {e}"
        );
    }
    ExitCode::SUCCESS
}

fn write(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}
