//! Only regular files are read: a FIFO or a link to `/dev/zero` in the place of the journal,
//! the config, the cache or a routine is named, never waited on or read without end.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

/// Runs poised; a run still going after 20 s (it would be waiting on a pipe) fails the test.
fn run(home: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_poised"))
        .args(args)
        .env("POISED_HOME", home)
        .env("POISED_NOW", "2026-11-21T20:00:00+01:00")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("poised {args:?} hangs");
        }
        std::thread::yield_now();
    }
    child.wait_with_output().unwrap()
}

fn refused(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");
    stderr
}

#[test]
fn a_fifo_or_a_device_at_the_journal_is_named() {
    let home = tempfile::tempdir().unwrap();
    mkfifo(&home.path().join("journal.toml"));
    for args in [
        &["log"][..],
        &["streak"],
        &["export"],
        &["journal", "check"],
        &["checkin", "3"],
    ] {
        refused(&run(home.path(), args));
    }
    let home = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", home.path().join("journal.toml")).unwrap();
    refused(&run(home.path(), &["streak"]));
}

#[test]
fn a_fifo_at_the_config_or_a_routine_is_named() {
    let home = tempfile::tempdir().unwrap();
    mkfifo(&home.path().join("config.toml"));
    // A config that cannot be read is a warning, and poised goes on with the defaults.
    let streak = run(home.path(), &["streak"]);
    let said = String::from_utf8_lossy(&streak.stderr);
    assert!(streak.status.success(), "{said}");
    assert!(
        said.contains("not a regular file") && said.contains("using the defaults"),
        "{said}"
    );
    let fifo = home.path().join("some.toml");
    mkfifo(&fifo);
    refused(&run(home.path(), &["validate", fifo.to_str().unwrap()]));
}

#[test]
fn a_fifo_at_the_cache_is_passed_over() {
    let home = tempfile::tempdir().unwrap();
    assert!(run(home.path(), &["checkin", "4"]).status.success());
    mkfifo(&home.path().join("journal.cache"));
    let out = run(home.path(), &["streak"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
