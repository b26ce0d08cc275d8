//! `poised desk` in the pseudo-terminal, with its clock 20 times faster: the countdown, the
//! prompt with the bell and the notification's bytes, the reset played on Enter, the
//! countdown again, and the reset in `poised log`.

use super::common::{self, Home};
use super::{quits_cleanly, start};

/// Every hour of every day is working time, so the test runs on any date.
const ALWAYS: &str = "[desk]\nhours = \"00:00-24:00\"\ndays = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\n";

#[test]
fn the_desk_prompts_rings_notifies_plays_the_reset_and_counts_down_again() {
    let home = Home::new();
    std::fs::write(home.path().join("config.toml"), ALWAYS).expect("config");
    let mut tui = start(home.path(), &["desk", "--every", "10s"], 20);
    tui.wait_for_text("Next reset in");
    tui.wait_for_text("Time for a reset");
    tui.press("\r");
    tui.wait_until_gone("Time for a reset");
    tui.wait_for_text("Today: 1 of 1 reset done");
    assert!(tui.text().contains("Next reset in"), "{}", tui.text());
    tui.press("q");
    let exit = quits_cleanly(tui);
    let raw = String::from_utf8_lossy(&exit.raw);
    let notification = raw
        .find("\x1b]777;notify;poised;Time for a reset")
        .expect("the OSC 777 notification");
    assert!(
        raw[..notification].contains('\x07'),
        "the bell rings with the prompt"
    );
    assert!(
        raw.contains("\x1b]9;Time for a reset"),
        "the OSC 9 notification"
    );

    let log = common::stdout(&home.run(&["log"]));
    assert!(
        log.lines()
            .any(|l| l.contains("reset (full)") && l.contains("done")),
        "{log}"
    );
}

/// A mark made before the ritual day begins is dated with the day before, in the same run:
/// with the day starting at 13:00, `POISED_NOW`'s 12:00 on Sat 21 Nov belongs to Fri 20 Nov.
#[test]
fn a_mark_before_the_day_starts_is_dated_with_the_ritual_day_in_the_same_run() {
    let home = Home::new();
    let config = format!("day_starts_at = \"13:00\"\n{ALWAYS}routine = \"every-key\"\n");
    std::fs::write(home.path().join("config.toml"), config).expect("config");
    let keys = std::fs::read_to_string(common::fixture("valid/every-key.toml")).expect("fixture");
    home.add_routine("every-key.toml", &keys);
    let mut tui = start(home.path(), &["desk", "--every", "10s"], 20);
    tui.wait_for_text("Time for a reset");
    tui.press("\r");
    tui.wait_until_gone("Time for a reset");
    // While Bird-dog gets ready: this hurts, about the coming step, skip it.
    tui.press("!");
    tui.press("c");
    tui.press("s");
    tui.wait_for_text("Time for a reset");
    tui.press("\r");
    tui.wait_for_text("Bird-dog, easier: marked painful on 20 Nov");
    tui.press("\x03");
    tui.press("q");
    quits_cleanly(tui);
}
