//! The voice through the real binary: `voice` in config.toml names a small script that
//! appends each utterance with a timestamp to a file, records its process id, and keeps
//! "speaking" (sleeps) until it is ended.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::term::PROMPTLY;
use super::{home_with_routines, quits_cleanly, start};

/// Writes the speaking script into `home` and points config.toml at it.
fn install_voice(home: &Path) -> (PathBuf, PathBuf) {
    let said = home.join("said.txt");
    let pids = home.join("pids.txt");
    let script = home.join("speak");
    let body = format!(
        "#!/bin/sh\necho \"$(date +%s.%N) $1\" >> '{}'\necho $$ >> '{}'\nexec sleep 30\n",
        said.display(),
        pids.display()
    );
    std::fs::write(&script, body).expect("write the script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let config = format!("voice = \"{}\"\n", script.display());
    std::fs::write(home.join("config.toml"), config).expect("write config.toml");
    (said, pids)
}

/// The utterances so far, oldest first, as (timestamp, text).
fn utterances(said: &Path) -> Vec<(f64, String)> {
    let text = std::fs::read_to_string(said).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let (at, words) = line.split_once(' ')?;
            Some((at.parse().ok()?, words.to_string()))
        })
        .collect()
}

/// Speech processes still present in the process table (running, or exited uncollected).
fn alive(pids: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(pids).unwrap_or_default();
    text.lines()
        .filter(|pid| Path::new(&format!("/proc/{pid}")).exists())
        .map(str::to_string)
        .collect()
}

/// Reads the terminal until `done` holds, failing after `PROMPTLY`.
fn until(tui: &mut super::term::Tui, what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + PROMPTLY;
    while !done() {
        assert!(Instant::now() < deadline, "no {what} within {PROMPTLY:?}");
        tui.watch(Duration::from_millis(10));
    }
}

#[test]
fn utterances_arrive_in_order_a_pause_stops_speaking_and_quitting_leaves_no_process() {
    let home = home_with_routines();
    let (said, pids) = install_voice(home.path());
    // 3 s get-ready, then reps of 2 s out, 2 s in: a change every 200 ms at 10x.
    let mut tui = start(
        home.path(),
        &["run", "desk-stretch", "--no-rate", "--quiet"],
        10,
    );
    until(&mut tui, "fourth utterance", || {
        utterances(&said).len() >= 4
    });
    let heard = utterances(&said);
    let words: Vec<&str> = heard.iter().map(|(_, w)| w.as_str()).collect();
    // On a loaded machine the first turn may come after the get-ready: then the step's words
    // and "begin" are said as one utterance.
    assert!(
        words[0].starts_with("Seated tilt. Rock the pelvis gently"),
        "{words:?}"
    );
    let begin = words
        .iter()
        .position(|w| w.ends_with("begin, out"))
        .unwrap();
    assert!(begin <= 1, "{words:?}");
    let breaths: Vec<&str> = words[begin + 1..].iter().take(2).copied().collect();
    assert_eq!(breaths, ["in", "out"], "{words:?}");
    assert!(heard.windows(2).all(|w| w[0].0 <= w[1].0), "{heard:?}");
    assert!(tui.text().contains("voice on"));

    tui.press(" ");
    tui.wait_for_text("Paused");
    until(&mut tui, "silence after the pause", || {
        alive(&pids).is_empty()
    });
    let count = utterances(&said).len();
    tui.watch(Duration::from_millis(300));
    assert_eq!(
        utterances(&said).len(),
        count,
        "nothing is said while paused"
    );

    tui.press(" ");
    until(&mut tui, "speech after resuming", || {
        utterances(&said).len() > count
    });
    tui.press("q");
    tui.wait_for_text("End session?");
    tui.press("y");
    tui.wait_for_text("Session ended early");
    tui.press("q");
    quits_cleanly(tui);
    assert_eq!(alive(&pids), Vec::<String>::new(), "no speech process left");
}

#[test]
fn a_missing_speech_program_turns_the_voice_off_and_the_session_goes_on() {
    let home = home_with_routines();
    std::fs::write(
        home.path().join("config.toml"),
        "voice = \"/nonexistent/espeak-ng -s 150\"\n",
    )
    .expect("write config.toml");
    let mut tui = start(
        home.path(),
        &["run", "desk-stretch", "--no-rate", "--quiet"],
        20,
    );
    tui.wait_for_text("Voice is off: cannot start `/nonexistent/espeak-ng`");
    tui.wait_for_text("rep 2 of 5");
    assert!(!tui.text().contains("voice on"));
    tui.press("\x03");
    tui.wait_for_text("Session ended early");
    tui.press("q");
    quits_cleanly(tui);
}

#[test]
fn plain_mode_reads_keys_in_raw_mode_speaks_and_restores_the_terminal() {
    let home = home_with_routines();
    let (said, pids) = install_voice(home.path());
    let mut tui = start(home.path(), &["run", "desk-stretch", "--plain"], 20);
    let told = |t: &super::term::Tui, line: &str| t.text().contains(line);
    tui.wait_for("the first rep", |t| {
        told(t, "rep 1 of 5: effort, breathe out")
    });
    assert!(tui.raw_mode(), "keys are read one by one");
    until(&mut tui, "the first utterances", || {
        utterances(&said).len() >= 2
    });
    tui.press(" ");
    tui.wait_for("the pause", |t| told(t, "Paused. Space to resume."));
    until(&mut tui, "silence", || alive(&pids).is_empty());
    tui.press("q");
    tui.wait_for("the end", |t| told(t, "Session ended early."));
    let modes = tui.initial_modes.clone();
    let exit = tui.exit();
    assert!(exit.status.success());
    assert_eq!(exit.modes, modes, "raw mode left");
    assert!(
        !exit.raw.contains(&0x1b),
        "no escape sequence in plain mode"
    );
    assert_eq!(alive(&pids), Vec::<String>::new());
}
