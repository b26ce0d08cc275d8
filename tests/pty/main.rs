//! The real binary in a pseudo-terminal, checked as a person sees it: a session starts,
//! pauses with its countdown standing still, resumes, skips, ends early on `q` `y`, and every
//! way out (quit, Ctrl-C, SIGTERM, SIGHUP) leaves the terminal as it was found. `signals`
//! sends every common signal at each moment of a session and pastes into the note; `closed`
//! closes the terminal under poised without a signal; `desk` runs `poised desk`; `undo` takes
//! back a rest day from Home.

mod closed;
#[path = "../common/mod.rs"]
mod common;
mod desk;
mod hostile;
mod signals;
mod term;
mod undo;
mod voice;

use std::path::Path;
use std::time::Duration;

use common::{Home, fixture};
use nix::sys::signal::Signal;
use term::{Exit, Tui};

/// Two long holds: no step ends by itself while a test plays with the keys.
const TWO_HOLDS: &str = r#"
title = "Two holds"
wardrobe = "office"
summary = "Two long holds, for tests."
get_ready = 3

[[step]]
name = "First hold"
cue = "Stay still."
seconds = 600

[[step]]
name = "Second hold"
cue = "Stay still again."
seconds = 600
"#;

/// How long the tests watch a paused session: at 20x, six seconds of session time.
const WATCH: Duration = Duration::from_millis(300);

/// Starts the `poised` built for these tests.
fn start(home: &Path, args: &[&str], scale: u32) -> Tui {
    Tui::start(Path::new(env!("CARGO_BIN_EXE_poised")), home, args, scale)
}

fn home_with_routines() -> Home {
    let home = Home::new();
    home.add_routine("two-holds.toml", TWO_HOLDS);
    let desk = std::fs::read_to_string(fixture("valid/desk-stretch.toml")).expect("fixture");
    home.add_routine("desk-stretch.toml", &desk);
    home
}

/// The session's time left, from the gauge ("1:12 left").
fn time_left(tui: &Tui) -> String {
    tui.text()
        .lines()
        .find(|line| line.trim_end().ends_with(" left"))
        .and_then(|line| {
            line.split_whitespace()
                .rev()
                .nth(1)
                .map(|t| format!("{t} left"))
        })
        .unwrap_or_default()
}

/// Whether `restore` was written after the last `set` (and at all).
fn restored_after(raw: &[u8], set: &[u8], restore: &[u8]) -> bool {
    let last = |needle: &[u8]| raw.windows(needle.len()).rposition(|w| w == needle);
    match (last(set), last(restore)) {
        (Some(s), Some(r)) => r > s,
        (None, Some(_)) => true,
        _ => false,
    }
}

/// Ctrl-C in the player: the summary at once, with no question; `q` then leaves.
fn end_at_once(tui: &mut Tui) {
    tui.press("\x03");
    tui.wait_for_text("Session ended early");
    assert!(!tui.text().contains("End session?"));
    tui.press("q");
}

/// Waits for poised to exit with status 0, having left the terminal as it found it.
fn quits_cleanly(tui: Tui) -> Exit {
    let exit = left_cleanly(tui);
    assert!(exit.status.success(), "exit status: {:?}", exit.status);
    exit
}

/// Waits for poised to exit: the alternate screen left, the cursor shown, and raw mode off
/// (the terminal's modes exactly as they were before poised started).
fn left_cleanly(tui: Tui) -> Exit {
    let modes = tui.initial_modes.clone();
    let exit = tui.exit();
    assert!(
        restored_after(&exit.raw, b"\x1b[?1049h", b"\x1b[?1049l"),
        "the alternate screen was not left last"
    );
    assert!(
        restored_after(&exit.raw, b"\x1b[?25l", b"\x1b[?25h"),
        "the cursor was not shown last"
    );
    assert!(
        !exit.screen.alternate_screen(),
        "still on the alternate screen"
    );
    assert!(!exit.screen.hide_cursor(), "the cursor is still hidden");
    assert!(
        !exit.screen.bracketed_paste(),
        "bracketed paste is still on"
    );
    assert_eq!(
        exit.modes, modes,
        "the terminal's modes (raw mode) were not restored"
    );
    exit
}

#[test]
fn a_session_pauses_with_the_countdown_frozen_resumes_skips_and_ends_early() {
    let home = home_with_routines();
    let mut tui = start(
        home.path(),
        &["run", "two-holds", "--no-rate", "--quiet"],
        20,
    );
    tui.wait_for_text("First hold");
    tui.wait_for_text("step 1 of 2");
    assert!(tui.raw_mode(), "the session runs in raw mode");
    // Past "Get ready", with the pacer animating: the hardest moment to stand still.
    tui.wait_for_text("Breathe");

    tui.press(" ");
    tui.wait_for_text("Paused");
    let paused = tui.text();
    let written = tui.watch(WATCH);
    assert_eq!(written, 0, "a paused session writes nothing");
    assert_eq!(
        tui.text(),
        paused,
        "the countdown stands still while paused"
    );

    tui.press(" ");
    tui.wait_until_gone("Paused");
    let resumed_at = time_left(&tui);
    tui.wait_for("the countdown to move again", |t| {
        time_left(t) != resumed_at
    });

    tui.press("n");
    tui.wait_for_text("step 2 of 2");
    assert!(tui.text().contains("Second hold"));

    tui.press("q");
    tui.wait_for_text("End session? (y/n)");
    tui.press("y");
    tui.wait_for_text("Session ended early");
    tui.press("q");

    let exit = quits_cleanly(tui);
    assert!(!exit.raw.contains(&0x07), "--quiet rings no bell");
}

#[test]
fn a_session_left_alone_plays_to_the_end_and_rings_at_each_change() {
    let home = home_with_routines();
    // 73 s of session in under a second.
    let mut tui = start(home.path(), &["run", "desk-stretch", "--no-rate"], 100);
    tui.wait_for_text("Session complete");
    tui.press("q");
    let exit = quits_cleanly(tui);
    let bells = exit.raw.iter().filter(|&&b| b == 0x07).count();
    assert!(
        bells >= 2,
        "a bell at the step change and the side switch, got {bells}"
    );
}

#[test]
fn the_first_run_shows_before_you_start_once() {
    let home = Home::first_run();
    home.add_routine("two-holds.toml", TWO_HOLDS);
    let mut tui = start(home.path(), &[], 1);
    tui.wait_for_text("Before you start");
    tui.press("\r");
    tui.wait_until_gone("Before you start");
    tui.wait_for_text("Two holds");
    tui.press("q");
    quits_cleanly(tui);
    assert!(
        home.path().join("safety-seen").exists(),
        "reading it is remembered"
    );

    let mut tui = start(home.path(), &[], 1);
    tui.wait_for_text("Two holds");
    assert!(!tui.text().contains("Before you start"), "{}", tui.text());
    tui.press("q");
    quits_cleanly(tui);
}

#[test]
fn ctrl_c_ends_the_session_at_once_without_asking() {
    let home = home_with_routines();
    let mut tui = start(home.path(), &["run", "two-holds", "--no-rate"], 1);
    tui.wait_for_text("First hold");
    end_at_once(&mut tui);
    quits_cleanly(tui);
}

fn signal_restores_the_terminal(signal: Signal) {
    let home = home_with_routines();
    let mut tui = start(home.path(), &["run", "desk-stretch", "--no-rate"], 1);
    tui.wait_for_text("Seated tilt");
    assert!(tui.raw_mode());
    tui.signal(signal);
    let exit = left_cleanly(tui);
    assert_eq!(
        exit.status.signal(),
        None,
        "poised handles {signal} and exits by itself"
    );
    assert_eq!(
        exit.status.exit_code(),
        128 + signal as u32,
        "exits as a program ended by {signal}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal(Signal::SIGTERM);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal(Signal::SIGHUP);
}

#[test]
fn home_shows_the_wardrobes_and_help_and_quits_on_q() {
    let home = home_with_routines();
    let mut tui = start(home.path(), &[], 1);
    tui.wait_for_text("MORNING");
    for wardrobe in [
        "OFFICE",
        "TRAVEL",
        "EVENING",
        "Morning mobility",
        "Desk stretch",
    ] {
        assert!(tui.text().contains(wardrobe), "{wardrobe} on Home");
    }
    assert_eq!(tui.watch(WATCH), 0, "Home writes nothing while idle");
    tui.press("x");
    assert_eq!(tui.watch(WATCH), 0, "a key that does nothing draws nothing");
    tui.press("k");
    assert_eq!(
        tui.watch(WATCH),
        0,
        "Up on the first row changes nothing, so draws nothing"
    );

    tui.press("?");
    tui.wait_for_text("start the full version");
    tui.press("?");
    tui.wait_until_gone("start the full version");
    // A key with no meaning on Home still closes a message.
    tui.press("R");
    tui.wait_for_text("Record today as a rest day? (y/n)");
    tui.press("y");
    tui.wait_for_text("rest day recorded");
    tui.press("x");
    tui.wait_until_gone("rest day recorded");
    tui.press("q");
    quits_cleanly(tui);
}

#[test]
fn a_tiny_terminal_asks_for_room_survives_1x1_and_the_player_comes_back_when_it_grows() {
    let home = home_with_routines();
    let mut tui = start(home.path(), &["run", "two-holds", "--no-rate"], 1);
    tui.wait_for_text("First hold");
    tui.resize(10, 30);
    tui.wait_for_text("Please enlarge");
    tui.resize(1, 1);
    tui.wait_for_new_frame();
    assert_eq!(tui.text(), "P", "the start of \"Please enlarge\" at 1x1");
    tui.resize(term::ROWS, term::COLS);
    tui.wait_for_text("First hold");
    end_at_once(&mut tui);
    quits_cleanly(tui);
}

#[test]
fn a_rated_session_with_a_note_shows_in_log_and_export() {
    let home = home_with_routines();
    let mut tui = start(home.path(), &["run", "desk-stretch", "--quiet"], 20);
    tui.wait_for_text("How stiff is your back right now?");
    tui.press("6\r");
    tui.wait_for_text("Seated tilt");
    tui.wait_for_text("How stiff is your back now, after the session?");
    tui.press("3\r");
    tui.wait_for_text("Anything to note?");
    tui.press("left hip tight\r");
    tui.wait_for_text("Session complete");
    assert!(tui.text().contains("Stiffness    6 -> 3"), "{}", tui.text());
    tui.press("q");
    quits_cleanly(tui);

    let log = common::stdout(&home.run(&["log"]));
    let line = log
        .lines()
        .find(|l| l.contains("desk-stretch"))
        .unwrap_or_default();
    assert!(line.contains("6 -> 3"), "{log}");
    assert!(line.contains("left hip tight"), "{log}");
    let csv = common::stdout(&home.run(&["export"]));
    let row = csv.lines().nth(1).unwrap_or_default();
    assert!(row.contains(",desk-stretch,full,true,2,2,"), "{csv}");
    assert!(row.ends_with(",6,3,left hip tight,"), "{csv}");
}

#[test]
fn the_morning_checkin_is_asked_on_the_first_start_after_a_session_day_only() {
    let home = home_with_routines();
    // The day before `term::NOW`.
    let started = "2026-11-20T12:00:00+01:00";
    let journal = format!(
        "format = 1\n\n[[session]]\nroutine = \"desk-stretch\"\ntitle = \"Desk stretch\"\nvariant = \"full\"\nstarted = {started}\nended = {started}\nactive_seconds = 73\ncompleted = true\nsteps_done = 2\nsteps_total = 2\n"
    );
    std::fs::write(home.path().join("journal.toml"), journal).expect("journal");
    let mut tui = start(home.path(), &[], 1);
    tui.wait_for_text("How does your back feel this morning?");
    tui.press("s");
    tui.wait_for_text("Desk stretch");
    tui.press("q");
    quits_cleanly(tui);

    let mut again = start(home.path(), &[], 1);
    again.wait_for_text("Desk stretch");
    assert!(
        !again.text().contains("this morning"),
        "asked only once a day"
    );
    again.press("q");
    quits_cleanly(again);
    let asked = std::fs::read_to_string(home.path().join("checkin-asked")).expect("marker");
    assert_eq!(asked, "2026-11-21", "remembered for the day of POISED_NOW");
}

#[test]
fn a_record_that_cannot_be_saved_is_shown_and_printed_after_the_app() {
    let home = home_with_routines();
    std::fs::create_dir(home.path().join("journal.toml")).expect("a folder where the journal goes");
    let mut tui = start(
        home.path(),
        &["run", "two-holds", "--no-rate", "--quiet"],
        1,
    );
    tui.wait_for_text("First hold");
    tui.press("\x03");
    tui.wait_for_text("could not save");
    tui.press("q");
    tui.wait_until_gone("could not save");
    tui.press("q");
    let exit = left_cleanly(tui);
    assert!(!exit.status.success(), "a lost record fails the run");
    let after = String::from_utf8_lossy(&exit.raw);
    let tail = &after[after.rfind("\u{1b}[?1049l").unwrap_or(0)..];
    assert!(
        tail.contains("[[session]]"),
        "the record is printed after the app: {tail}"
    );
    assert!(tail.contains("routine = \"two-holds\""), "{tail}");
}
