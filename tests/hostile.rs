//! Text that tries to drive the terminal (escape sequences, C1 controls, bidirectional
//! overrides) in a routine, a routine's file name and the journal never reaches the output
//! of `list`, `show`, `validate`, `log` or `export`.

mod common;

use common::{Home, fixture, stderr, stdout};

/// Bytes and characters that must never be printed from a file's text.
const FORBIDDEN: &[&str] = &[
    "\u{1b}", "\u{7}", "\u{7f}", "\u{85}", "\u{9b}", "\u{9c}", "\u{9d}", "\u{202d}", "\u{202e}",
    "\u{2066}", "\u{2067}", "\u{2069}",
];

/// The payloads of the sequences: gone whole where text is shown. (A TOML file that is
/// printed as a file keeps them as harmless `\u001b` text.)
const PAYLOADS: &[&str] = &["pwned", "aGVsbG8"];

fn assert_clean(what: &str, text: &str) {
    for bad in FORBIDDEN {
        assert!(!text.contains(bad), "{what} printed {bad:?}:\n{text:?}");
    }
}

fn assert_shown_clean(what: &str, text: &str) {
    assert_clean(what, text);
    for bad in PAYLOADS {
        assert!(!text.contains(bad), "{what} printed {bad:?}:\n{text:?}");
    }
}

fn evil_home() -> Home {
    let home = Home::new();
    let text = std::fs::read_to_string(fixture("hostile/evil.toml")).unwrap();
    home.add_routine("evil.toml", &text);
    home
}

#[test]
fn list_and_show_print_the_words_without_the_controls() {
    let home = evil_home();
    for args in [&["list"][..], &["show", "evil"]] {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_shown_clean(&format!("{args:?}"), &stdout(&out));
        assert_shown_clean(&format!("{args:?} stderr"), &stderr(&out));
    }
    assert_clean(
        "show --toml",
        &stdout(&home.run(&["show", "evil", "--toml"])),
    );
    let listed = stdout(&home.run(&["list"]));
    assert!(listed.contains("Evil title"), "{listed}");
    let shown = stdout(&home.run(&["show", "evil"]));
    assert!(shown.contains("Step one"), "{shown}");
}

#[test]
fn validate_messages_and_file_names_are_clean() {
    let home = evil_home();
    let text = std::fs::read_to_string(fixture("hostile/evil.toml"))
        .unwrap()
        .replace("Step two\\u202d", "Step\\u001b[2J one\\u009d0;pwned\\u009c");
    home.add_routine("twice\u{1b}]0;pwned\u{7}\u{202e}.toml", &text);
    let out = home.run(&["validate"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("already exists"), "{err}");
    assert_shown_clean("validate", &err);
    assert_shown_clean("validate", &stdout(&out));
    assert_shown_clean("list warnings", &stderr(&home.run(&["list"])));
}

const EVIL_JOURNAL: &str = r#"format = 1

[[session]]
routine = "evil\u001b]0;pwned\u0007"
title = "Title\u202e"
variant = "full"
started = 2026-11-21T07:02:11+01:00
ended = 2026-11-21T07:09:13+01:00
active_seconds = 420
completed = true
steps_done = 2
steps_total = 2
note = "=HYPERLINK(\"x\")\u001b[2J\u009b31m\u2066"
painful_steps = ["Step\u001b]52;c;aGVsbG8=\u0007"]

[[checkin]]
at = 2026-11-22T07:00:00+01:00
stiffness = 4
note = "-1\u001b]0;pwned\u0007\u202e"
"#;

#[test]
fn log_and_export_print_journal_text_without_the_controls() {
    let home = Home::new();
    std::fs::write(home.path().join("journal.toml"), EVIL_JOURNAL).unwrap();
    for (args, shown) in [
        (&["log"][..], true),
        (&["export"], true),
        (&["export", "--checkins"], true),
        (&["export", "--format", "toml"], false),
        (&["export", "--format", "toml", "--checkins"], false),
    ] {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let check = if shown {
            assert_shown_clean
        } else {
            assert_clean
        };
        check(&format!("{args:?}"), &stdout(&out));
        check(&format!("{args:?} stderr"), &stderr(&out));
    }
    let csv = stdout(&home.run(&["export"]));
    // The note, then the painful steps column.
    assert!(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{csv}");
    let checkins = stdout(&home.run(&["export", "--checkins"]));
    assert!(checkins.ends_with(",4,'-1\n"), "{checkins}");
}

/// The rest of `line` from display column `column` on.
fn from_column(line: &str, column: usize) -> &str {
    let mut used = 0;
    for (i, c) in line.char_indices() {
        if used >= column {
            return &line[i..];
        }
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    ""
}

#[test]
fn wide_and_combining_characters_keep_the_columns_of_list_and_show() {
    let home = Home::new();
    let text = std::fs::read_to_string(fixture("valid/desk-stretch.toml"))
        .unwrap()
        .replace("Desk stretch", "机の ストレッチ 🧘")
        .replace("Seated tilt", "骨盆を傾ける")
        .replace("Seat twist", "Sea\u{301}t twist");
    home.add_routine("wide.toml", &text);
    let listed = stdout(&home.run(&["list"]));
    let header = listed.lines().next().unwrap();
    let title = unicode_width::UnicodeWidthStr::width(&header[..header.find("TITLE").unwrap()]);
    let row = listed.lines().find(|l| l.starts_with("wide ")).unwrap();
    assert!(from_column(row, title).starts_with("机の"), "{listed}");

    let shown = stdout(&home.run(&["show", "wide"]));
    let header = shown.lines().find(|l| l.starts_with("START")).unwrap();
    let side = header.find("SIDE").unwrap();
    let rows: Vec<&str> = shown
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|l| l.contains("骨盆") || l.contains("twist"))
        .collect();
    assert!(rows.len() >= 4, "{shown}");
    for row in rows {
        let rest = from_column(row, side);
        assert!(
            ["-", "left", "right"].iter().any(|s| rest.starts_with(s)),
            "{row:?} in:\n{shown}"
        );
    }
}
