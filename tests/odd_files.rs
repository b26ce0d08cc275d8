//! A routines folder that holds more than routine files, or is not a folder at all: poised
//! skips what it cannot read with one warning each, never opens a pipe or a device, and lists
//! the rest.

mod common;

use std::process::Output;
use std::sync::mpsc;
use std::time::Duration;

use common::{Home, fixture, stderr, stdout};

/// Runs `poised ARGS`, failing the test (instead of hanging) if it does not finish promptly:
/// a FIFO that was opened would block forever.
fn run_promptly(home: &Home, args: &[&str]) -> Output {
    let child = home
        .command(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run poised");
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    if let Ok(output) = rx.recv_timeout(Duration::from_secs(10)) {
        return output.expect("poised's output");
    }
    let _ = std::process::Command::new("kill")
        .arg(pid.to_string())
        .status();
    panic!("poised {args:?} did not finish: it read something it should have skipped");
}

#[test]
fn a_fifo_a_link_to_dev_zero_and_a_folder_are_skipped_with_a_warning_each() {
    let home = Home::new();
    home.add_routine(
        "mine.toml",
        &std::fs::read_to_string(fixture("valid/desk-stretch.toml")).unwrap(),
    );
    let routines = home.path().join("routines");
    nix::unistd::mkfifo(&routines.join("pipe.toml"), nix::sys::stat::Mode::S_IRWXU).unwrap();
    std::os::unix::fs::symlink("/dev/zero", routines.join("zero.toml")).unwrap();
    std::fs::create_dir(routines.join("folder.toml")).unwrap();
    for args in [&["list"][..], &["validate"]] {
        let out = run_promptly(&home, args);
        let err = stderr(&out);
        for name in [
            "pipe.toml:1:1: this is not a regular file",
            "zero.toml:1:1: this is not a regular file",
            "folder.toml:1:1: this is a folder",
        ] {
            assert!(err.contains(name), "{args:?}: {name} in:\n{err}");
        }
    }
    let listed = stdout(&run_promptly(&home, &["list"]));
    assert!(listed.lines().any(|l| l.starts_with("mine ")), "{listed}");
    let out = run_promptly(
        &home,
        &["validate", routines.join("zero.toml").to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_routines_folder_that_is_a_file_leaves_the_built_in_routines() {
    let home = Home::new();
    std::fs::write(home.path().join("routines"), "not a folder").unwrap();
    let out = home.run(&["list"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains(
            "this is a file, where poised keeps the folder of your routines: move it away"
        ),
        "{err}"
    );
    assert!(stdout(&out).lines().any(|l| l.starts_with("morning ")));
    let out = home.run(&["new", "mine"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
}

#[test]
fn an_unreadable_routine_is_named_and_the_others_load() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let path = home.add_routine(
        "locked.toml",
        &std::fs::read_to_string(fixture("valid/desk-stretch.toml")).unwrap(),
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root, where permissions do not stop a read: nothing to test.
        return;
    }
    let out = home.run(&["list"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("locked.toml:1:1: cannot read this file (permission denied)"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
    assert!(stdout(&out).lines().any(|l| l.starts_with("morning ")));
}

#[test]
fn a_routine_of_the_largest_size_is_read_and_one_byte_more_is_refused() {
    let home = Home::new();
    let base = std::fs::read_to_string(fixture("valid/desk-stretch.toml")).unwrap();
    let limit = usize::try_from(poised::routine::limits::MAX_FILE_BYTES).unwrap();
    let padded = |len: usize| format!("{base}{}\n", "#".repeat(len - base.len() - 1));
    home.add_routine("edge.toml", &padded(limit));
    home.add_routine("over.toml", &padded(limit + 1));
    let out = home.run(&["list"]);
    let err = stderr(&out);
    assert!(
        stdout(&out).lines().any(|l| l.starts_with("edge ")),
        "{}",
        stdout(&out)
    );
    assert!(
        err.contains("over.toml:1:1: a routine file can be at most 256 KiB"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}
