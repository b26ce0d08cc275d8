//! The app against hostile input: a routine whose texts try to drive the terminal, a routines
//! folder full of things that are not routine files, a journal that is a folder, a terminal
//! that reports no size, and ten thousand keys at once.

use super::common::{Home, fixture};
use super::{quits_cleanly, start};

/// Sequences and characters from the hostile routine that must never reach the terminal.
const FORBIDDEN: &[&[u8]] = &[
    b"\x1b]", // OSC: the title, the clipboard
    b"pwned", // the payloads, gone whole
    b"aGVsbG8",
    b"\x1b[2J",          // clear screen (ratatui never clears once drawing has begun)
    "\u{9b}".as_bytes(), // 8-bit CSI, OSC and ST
    "\u{9d}".as_bytes(),
    "\u{9c}".as_bytes(),
    "\u{202e}".as_bytes(), // bidi overrides and isolates
    "\u{202d}".as_bytes(),
    "\u{2066}".as_bytes(),
    "\u{2067}".as_bytes(),
    "\u{2069}".as_bytes(),
    b"\x7f",
];

/// poised's own question to the terminal about its background colour (`theme = "auto"`),
/// the one OSC it may write: it asks, and sets nothing.
const BACKGROUND_QUERY: &[u8] = b"\x1b]11;?\x1b\\";

fn assert_no_forbidden(raw: &[u8]) {
    let mut rest = raw.to_vec();
    while let Some(at) = rest
        .windows(BACKGROUND_QUERY.len())
        .position(|w| w == BACKGROUND_QUERY)
    {
        rest.drain(at..at + BACKGROUND_QUERY.len());
    }
    let raw = &rest[..];
    for bad in FORBIDDEN {
        let found = raw.windows(bad.len()).position(|w| w == *bad);
        assert!(
            found.is_none(),
            "poised wrote {:?}",
            String::from_utf8_lossy(bad)
        );
    }
}

fn evil_home() -> Home {
    let home = Home::new();
    let text = std::fs::read_to_string(fixture("hostile/evil.toml")).expect("fixture");
    home.add_routine("evil.toml", &text);
    home
}

#[test]
fn a_hostile_routine_shows_its_words_and_never_drives_the_terminal() {
    let home = evil_home();
    let mut tui = start(home.path(), &[], 1);
    tui.wait_for_text("EVIL");
    // Down to the hostile routine, so its steps and cues show too.
    for _ in 0..12 {
        if tui.text().contains("Step one") {
            break;
        }
        tui.press("j");
        tui.wait_for_new_frame();
    }
    tui.wait_for_text("Step one");
    tui.press("\r");
    tui.wait_for_text("How stiff");
    tui.press("s");
    tui.wait_for_text("Evil title");
    tui.press("\x03");
    tui.wait_for_text("Session ended early");
    tui.press("q");
    tui.wait_for_text("MORNING");
    tui.press("q");
    let exit = quits_cleanly(tui);
    assert_no_forbidden(&exit.raw);
}

#[test]
fn the_app_opens_beside_a_fifo_a_link_to_dev_zero_and_a_journal_that_is_a_folder() {
    let home = evil_home();
    let routines = home.path().join("routines");
    let fifo = routines.join("pipe.toml");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).expect("mkfifo");
    std::os::unix::fs::symlink("/dev/zero", routines.join("zero.toml")).expect("symlink");
    std::fs::create_dir(routines.join("folder.toml")).expect("folder");
    std::fs::create_dir(home.path().join("journal.toml")).expect("journal folder");
    let mut tui = start(home.path(), &[], 1);
    tui.wait_for_text("could not be loaded");
    let text = tui.text();
    for name in ["pipe.toml", "zero.toml", "folder.toml"] {
        assert!(text.contains(name), "{name} is named:\n{text}");
    }
    tui.press("x");
    tui.wait_for_text("MORNING");
    tui.press("g");
    tui.wait_for_text("journal.toml");
    tui.press("x");
    tui.press("q");
    quits_cleanly(tui);
}

#[test]
fn a_terminal_of_no_size_and_ten_thousand_keys_at_once_are_survived() {
    let home = evil_home();
    let mut tui = start(home.path(), &[], 1);
    tui.wait_for_text("MORNING");
    tui.report_no_size();
    tui.press("j");
    tui.resize(super::term::ROWS, super::term::COLS);
    tui.wait_for_text("MORNING");
    // Ten thousand moves up and down at once: drained, drawn once, still answering.
    tui.press(&"jk".repeat(5_000));
    tui.press("?");
    tui.wait_for_text("start the full version");
    tui.press("?");
    tui.press("q");
    quits_cleanly(tui);
}
