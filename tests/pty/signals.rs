//! Signals from outside at each moment of a session (playing, the question after it, the
//! note), a large paste into the note, and every one of them leaving the terminal's modes
//! exactly as they were and the session in the journal.

use nix::sys::signal::Signal;

use super::common::Home;
use super::term::Tui;
use super::{home_with_routines, left_cleanly, quits_cleanly, start};

/// Where in a session the signal arrives.
#[derive(Debug, Clone, Copy)]
enum Moment {
    Playing,
    AfterQuestion,
    Note,
}

/// A session rated 6 before, brought to `moment` (at the note, "tight" typed but not sent).
fn session_at(moment: Moment) -> (Home, Tui) {
    let home = home_with_routines();
    let mut tui = start(home.path(), &["run", "two-holds", "--quiet"], 20);
    tui.wait_for_text("How stiff is your back right now?");
    tui.press("6\r");
    tui.wait_for_text("First hold");
    if let Moment::Playing = moment {
        return (home, tui);
    }
    // Once some work is played (a session with none asks nothing after), skipping both
    // steps plays the session to its end, at any machine's speed.
    tui.wait_for("the first hold's work", |t| {
        t.text().contains("First hold") && !t.text().contains("Get ready")
    });
    tui.press("nn");
    tui.wait_for_text("after the session?");
    match moment {
        Moment::Playing | Moment::AfterQuestion => {}
        Moment::Note => {
            tui.press("3\r");
            tui.wait_for_text("Anything to note?");
            tui.press("tight");
            tui.wait_for_text("tight_");
        }
    }
    (home, tui)
}

/// The journal's one session record, as text.
fn recorded_session(home: &Home) -> String {
    let journal = std::fs::read_to_string(home.path().join("journal.toml")).unwrap_or_default();
    assert_eq!(journal.matches("[[session]]").count(), 1, "{journal}");
    journal
}

fn check_recorded(home: &Home, moment: Moment, note_kept: bool) {
    let record = recorded_session(home);
    assert!(record.contains("stiffness_before = 6"), "{record}");
    match moment {
        Moment::Playing => assert!(record.contains("completed = false"), "{record}"),
        // Both steps were skipped: the end was reached, but the done rule says partly done.
        Moment::AfterQuestion => assert!(record.contains("reached_end = true"), "{record}"),
        Moment::Note => {
            assert!(record.contains("stiffness_after = 3"), "{record}");
            assert_eq!(record.contains("note = \"tight\""), note_kept, "{record}");
        }
    }
}

/// TERM, HUP and the other ending signals: the session as it stands, the terminal as it was,
/// and the exit status of a program ended by the signal.
fn ends_and_records(moment: Moment, signal: Signal) {
    let (home, tui) = session_at(moment);
    tui.signal(signal);
    let exit = left_cleanly(tui);
    assert_eq!(
        exit.status.exit_code(),
        128 + signal as u32,
        "{signal} at {moment:?}"
    );
    check_recorded(&home, moment, true);
}

/// INT and QUIT from outside do what Ctrl-C does: the session ends at once (the summary,
/// then `q`), or, at a question, it is saved and poised quits.
fn interrupts_like_ctrl_c(moment: Moment, signal: Signal) {
    let (home, mut tui) = session_at(moment);
    tui.signal(signal);
    if let Moment::Playing = moment {
        tui.wait_for_text("Session ended early");
        tui.press("q");
    }
    quits_cleanly(tui);
    check_recorded(&home, moment, false);
}

#[test]
fn a_signal_while_playing_records_the_session_and_restores_the_terminal() {
    for signal in [
        Signal::SIGHUP,
        Signal::SIGTERM,
        Signal::SIGUSR1,
        Signal::SIGUSR2,
    ] {
        ends_and_records(Moment::Playing, signal);
    }
    ends_and_records(Moment::Playing, Signal::SIGALRM);
    for signal in [Signal::SIGINT, Signal::SIGQUIT] {
        interrupts_like_ctrl_c(Moment::Playing, signal);
    }
}

#[test]
fn a_signal_at_the_question_after_records_the_session_and_restores_the_terminal() {
    for signal in [Signal::SIGHUP, Signal::SIGTERM] {
        ends_and_records(Moment::AfterQuestion, signal);
    }
    for signal in [Signal::SIGINT, Signal::SIGQUIT] {
        interrupts_like_ctrl_c(Moment::AfterQuestion, signal);
    }
}

#[test]
fn a_signal_at_the_note_records_the_session_and_restores_the_terminal() {
    for signal in [Signal::SIGHUP, Signal::SIGTERM] {
        ends_and_records(Moment::Note, signal);
    }
    for signal in [Signal::SIGINT, Signal::SIGQUIT] {
        interrupts_like_ctrl_c(Moment::Note, signal);
    }
}

/// 10,000 characters pasted into the note, then Enter in the same breath: the Enter is
/// handled without another key, bracketed or not.
#[test]
fn keys_behind_a_large_paste_are_handled_without_another_key() {
    let long = "a".repeat(10_000);
    for paste in [format!("\x1b[200~{long}\x1b[201~\r"), format!("{long}\r")] {
        let (home, mut tui) = session_at(Moment::Note);
        tui.press(&paste);
        tui.wait_for_text("Session partly done");
        tui.press("q");
        quits_cleanly(tui);
        let record = recorded_session(&home);
        let note = record
            .lines()
            .find_map(|l| l.strip_prefix("note = \""))
            .unwrap_or_default();
        assert!(note.starts_with("tightaaa"), "{note}");
        assert_eq!(note.trim_end_matches('"').chars().count(), 1_000);
    }
}
