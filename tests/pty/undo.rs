//! Taking back from Home what was just recorded, in a real terminal: `R` `y` records a rest
//! day, `u` `y` takes it back through the journal; and a rest day that cannot be saved is
//! printed after poised leaves the screen, with exit status 1.

use std::os::unix::fs::symlink;

use super::{home_with_routines, left_cleanly, quits_cleanly, start};

#[test]
fn a_rest_day_recorded_on_home_is_taken_back_with_u() {
    let home = home_with_routines();
    let mut tui = start(home.path(), &[], 1);
    tui.wait_for_text("Desk stretch");
    assert!(!tui.text().contains("u undo"), "nothing to take back yet");
    tui.press("R");
    tui.wait_for_text("Record today as a rest day? (y/n)");
    tui.press("y");
    tui.wait_for_text("rest day recorded");
    tui.press("x");
    tui.wait_until_gone("rest day recorded");
    assert!(tui.text().contains("u undo"), "{}", tui.text());
    tui.press("u");
    tui.wait_for_text("Take back the rest day of");
    tui.press("y");
    tui.wait_for_text("Took back:");
    tui.press("x");
    tui.wait_until_gone("Took back:");
    assert!(!tui.text().contains("u undo"));
    tui.press("q");
    quits_cleanly(tui);
    let journal = std::fs::read_to_string(home.path().join("journal.toml")).unwrap();
    assert!(
        journal.contains("[[rest]]") && journal.contains("[[void]]"),
        "{journal}"
    );
    let log = home.run_with_env(&["log", "--all"], &[("POISED_NOW", super::term::NOW)]);
    let log = String::from_utf8(log.stdout).unwrap();
    assert!(log.contains("rest day  [taken back]"), "{log}");
}

#[test]
fn a_rest_day_that_cannot_be_saved_is_printed_after_the_screen_and_fails_the_run() {
    let home = home_with_routines();
    // The journal is a link to a folder that does not exist: it reads as empty, and no
    // record can be appended to it.
    symlink(
        home.path().join("gone/journal.toml"),
        home.path().join("journal.toml"),
    )
    .unwrap();
    let mut tui = start(home.path(), &[], 1);
    tui.wait_for_text("Desk stretch");
    tui.press("R");
    tui.wait_for_text("Record today as a rest day? (y/n)");
    tui.press("y");
    tui.wait_for_text("not saved");
    tui.press("x");
    tui.wait_until_gone("not saved");
    assert!(
        !tui.text().contains("u undo"),
        "nothing was recorded to take back"
    );
    tui.press("q");
    let exit = left_cleanly(tui);
    assert_eq!(exit.status.exit_code(), 1);
    let after = exit.screen.contents();
    assert!(after.contains("this rest day was not saved"), "{after}");
    assert!(after.contains("[[rest]]"), "the record, to keep: {after}");
}

#[test]
fn poised_undo_on_a_terminal_shows_the_record_and_asks_first() {
    let home = home_with_routines();
    let checkin = home.run_with_env(&["checkin", "6"], &[("POISED_NOW", super::term::NOW)]);
    assert!(checkin.status.success());
    let journal = || std::fs::read_to_string(home.path().join("journal.toml")).unwrap();
    let written = journal();
    // Anything but y keeps it.
    let mut tui = start(home.path(), &["undo"], 1);
    shown(
        &mut tui,
        "take back  2026-11-21 12:00  check-in  stiffness 6",
    );
    shown(&mut tui, "Take it back? (y/N)");
    tui.press("\r");
    shown(&mut tui, "kept it: nothing was taken back");
    assert!(tui.exit().status.success());
    assert_eq!(journal(), written);
    let mut tui = start(home.path(), &["undo"], 1);
    shown(&mut tui, "Take it back? (y/N)");
    tui.press("y\r");
    shown(
        &mut tui,
        "took back  2026-11-21 12:00  check-in  stiffness 6",
    );
    assert!(tui.exit().status.success());
    assert!(journal().starts_with(&written) && journal().contains("[[void]]"));
}

/// Waits for plain lines (no frames: `poised undo` draws no screen).
fn shown(tui: &mut super::term::Tui, text: &str) {
    tui.wait_for(text, |t| t.text().contains(text));
}
