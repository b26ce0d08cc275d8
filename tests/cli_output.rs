//! Output that fails politely, for every command that prints: a closed pipe ends the command
//! quietly with status 0; a full stdout (`/dev/full`) is a message and status 1, never a
//! panic; a command that saved a record and then could not print says it was saved, with
//! status 0, so a retry never saves twice.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-11-21T20:00:00+01:00";

const PRINTING: &[&[&str]] = &[
    &["list"],
    &["show", "morning"],
    &["paths"],
    &["completions", "bash"],
    &["streak"],
    &["log"],
    &["export"],
    &["validate"],
];

fn run(home: &Path, args: &[&str], stdout: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_poised"))
        .args(args)
        .env("POISED_HOME", home)
        .env("POISED_NOW", NOW)
        .stdout(stdout)
        .output()
        .unwrap()
}

/// A home with a journal of one check-in, so every command has something to print.
fn home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["checkin", "4"], Stdio::null());
    assert!(out.status.success());
    home
}

/// A pipe whose reading end is already closed.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Stdio::from(writer)
}

#[test]
fn a_closed_pipe_ends_every_printing_command_quietly() {
    let home = home();
    for args in PRINTING {
        let out = run(home.path(), args, closed_pipe());
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

#[test]
fn a_full_stdout_is_an_error_with_status_1_and_no_panic() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let home = home();
    for args in PRINTING {
        let full = File::options().write(true).open("/dev/full").unwrap();
        let out = run(home.path(), args, Stdio::from(full));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("poised: could not write the output: "),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_record_saved_but_not_printed_says_saved_and_succeeds() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let home = home();
    for (args, what) in [
        (&["checkin", "5"][..], "check-in"),
        (&["rest"][..], "rest day"),
    ] {
        let full = File::options().write(true).open("/dev/full").unwrap();
        let out = run(home.path(), args, Stdio::from(full));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&format!("the {what} was saved")),
            "{stderr}"
        );
    }
    let log = run(home.path(), &["log"], Stdio::piped());
    let log = String::from_utf8_lossy(&log.stdout);
    assert_eq!(log.lines().count(), 3, "{log}");
}
