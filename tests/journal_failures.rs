//! When the journal cannot be written or read: a message in plain words that names the path
//! and says what to do, the unsaved record kept as its TOML, no panic, and for the command
//! line exit status 1 with the record printed on stderr.
#![allow(clippy::unwrap_used)] // helpers of tests unwrap like the tests themselves

mod journal_support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

use journal_support::{example_checkin, poised, scratch, write};
use poised::journal::{AppendError, AppendStep, Journal, Record, parse};

fn failed_append(journal: &Journal) -> AppendError {
    let record = Record::Checkin(example_checkin());
    let error = journal.append(&record).unwrap_err();
    // The record to keep is the sealed one that was to be appended: pasted back, it reads.
    let parsed = parse(Path::new("kept"), error.unsaved_record().as_bytes());
    assert_eq!((parsed.records, parsed.warnings), (vec![record], vec![]));
    assert_eq!(error.path(), journal.path());
    error
}

#[test]
fn a_journal_path_that_is_a_folder_is_named_and_nothing_is_lost() {
    let (_dir, journal) = scratch();
    fs::create_dir_all(journal.path()).unwrap();
    let error = failed_append(&journal);
    assert_eq!(
        error.to_string(),
        format!(
            "could not save to the journal {}: it is a folder, not a file; \
             move or rename that folder so poised can keep its journal there",
            journal.path().display()
        )
    );
    let read = journal.read().unwrap_err().to_string();
    assert!(read.starts_with(&format!(
        "could not read the journal {}: it is a folder",
        journal.path().display()
    )));
}

#[test]
fn a_file_where_the_folder_should_be_is_named() {
    let (dir, _) = scratch();
    let home = write(&dir.path().join("home"), "not a folder");
    let journal = Journal::new(home.join("journal.toml"));
    let error = failed_append(&journal);
    assert_eq!(error.step(), AppendStep::Open);
    assert!(
        error
            .to_string()
            .contains(": part of that path is a file, not a folder; move that file away")
    );
}

#[test]
fn a_device_in_the_journals_place_is_named_and_never_written() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let (dir, _) = scratch();
    let path = dir.path().join("journal.toml");
    std::os::unix::fs::symlink("/dev/full", &path).unwrap();
    let error = failed_append(&Journal::new(&path));
    assert_eq!(error.step(), AppendStep::Open);
    assert!(
        error
            .to_string()
            .contains(": it is not a regular file but a device or a pipe;"),
        "{error}"
    );
}

/// True when this process can write into a read-only folder (root can), which makes the
/// read-only cases impossible to provoke.
fn ignores_permissions(dir: &Path) -> bool {
    let probe = dir.join("probe");
    fs::create_dir(&probe).unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o500)).unwrap();
    let writable = fs::write(probe.join("file"), "").is_ok();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o700)).unwrap();
    writable
}

/// Runs `poised checkin 5` with `POISED_HOME` set, as the unprivileged `nobody` when this
/// test runs as root (root writes anywhere, so it could not meet a read-only folder).
fn checkin_as_a_plain_user(home: &Path, as_root: bool) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_poised"));
    command.args(["checkin", "5"]).env("POISED_HOME", home);
    if as_root {
        command.uid(65534).gid(65534);
    }
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("\nstiffness = 5\ncrc = \""), "{stderr}");
    stderr
}

#[test]
fn a_read_only_folder_fails_a_checkin_with_its_message() {
    let (dir, _) = scratch();
    let as_root = ignores_permissions(dir.path());
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let home = dir.path().join("home");
    fs::create_dir(&home).unwrap();
    fs::set_permissions(&home, fs::Permissions::from_mode(0o555)).unwrap();

    let stderr = checkin_as_a_plain_user(&home, as_root);
    let journal = home.join("journal.toml");
    let says = format!(
        "poised: could not save to the journal {}: permission denied; make it",
        journal.display()
    );
    assert!(stderr.starts_with(&says), "{stderr}");

    let stderr = checkin_as_a_plain_user(&home.join("poised"), as_root);
    let says = format!(
        "poised: could not create the journal's folder {}: permission denied",
        home.join("poised").display()
    );
    assert!(stderr.starts_with(&says), "{stderr}");
}

#[test]
fn a_checkin_that_cannot_be_saved_is_printed_on_stderr_with_exit_status_1() {
    let (dir, _) = scratch();
    let home = write(&dir.path().join("home"), "not a folder");
    let output = poised(&home, &["checkin", "3", "--note", "woke up stiff"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(output.stdout, b"");
    let stderr = String::from_utf8(output.stderr).unwrap();
    let journal = home.join("journal.toml");
    assert!(
        stderr.starts_with(&format!(
            "poised: could not save to the journal {}: ",
            journal.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains(
        "poised: this check-in was not saved; here it is, to keep:\n\n[[checkin]]\nid = "
    ));
    assert!(
        stderr.contains("\nstiffness = 3\nnote = \"woke up stiff\"\ncrc = \""),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn a_journal_that_cannot_be_read_fails_log_and_export_with_exit_status_1() {
    let (dir, _) = scratch();
    let home = dir.path().join("home");
    fs::create_dir_all(home.join("journal.toml")).unwrap();
    for args in [
        &["log"][..],
        &["export"],
        &["export", "--format", "toml", "--checkins"],
    ] {
        let output = poised(&home, args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(output.stdout, b"", "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.starts_with("poised: could not read the journal "),
            "{stderr}"
        );
        assert!(stderr.contains("it is a folder, not a file"), "{stderr}");
    }
}
