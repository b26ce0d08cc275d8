//! `poised run NAME --plain` through the binary: one plain line per change, the record saved,
//! and not a single escape sequence when stdout is not a terminal.

mod common;

use std::process::{Command, Stdio};

use common::{Home, fixture};

fn run_plain(home: &Home) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_poised"))
        .args(["run", "desk-stretch", "--plain"])
        .env("POISED_HOME", home.path())
        .env("POISED_TIME_SCALE", "25")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("run poised")
}

#[test]
fn plain_lines_tell_the_session_and_the_record_is_saved() {
    let home = Home::new();
    let desk = std::fs::read_to_string(fixture("valid/desk-stretch.toml")).unwrap();
    home.add_routine("desk-stretch.toml", &desk);
    let output = run_plain(&home);
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "Step 1 of 2: Seated tilt. Get ready, 3 s.",
            "  Rock the pelvis gently.",
            "  5 reps · out 2 s on the effort, in 2 s",
            "Begin: Seated tilt, 20 s.",
            "rep 1 of 5: effort, breathe out",
        ]
    );
    for line in [
        "Step 2 of 2: Seat twist, left side. Get ready, 3 s.",
        "Switch sides: right side, 5 s.",
        "Begin: Seat twist, right side, 20 s.",
        "0:10 left.",
    ] {
        assert!(lines.contains(&line), "{line} in:\n{text}");
    }
    assert_eq!(lines.last(), Some(&"Session complete."));
    assert!(
        !text.bytes().any(|b| b.is_ascii_control() && b != b'\n'),
        "no escape sequence, no bell, no carriage return:\n{text:?}"
    );
    assert!(
        output.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&output.stderr)
    );
    let log = home.run(&["log"]);
    assert!(common::stdout(&log).contains("desk-stretch"), "{log:?}");
}
