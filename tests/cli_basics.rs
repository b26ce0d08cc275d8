//! The small commands: where files live, shell completions, help and bad arguments.

mod common;

use common::{Home, fixture, stderr, stdout};

#[test]
fn paths_puts_everything_in_poised_home() {
    let home = Home::new();
    let out = home.run(&["paths"]);
    let p = home.path().display();
    let expected =
        format!("config: {p}/config.toml\nroutines: {p}/routines\njournal: {p}/journal.toml\n");
    assert_eq!(stdout(&out), expected);
}

#[test]
fn completions_are_printed_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -o nospace -o bashdefault -F"),
        ("zsh", "#compdef poised"),
        ("fish", "complete --keep-order --exclusive --command poised"),
    ] {
        let out = Home::new().run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(
            script.contains("COMPLETE="),
            "{shell} asks poised: {script}"
        );
    }
}

#[test]
fn completion_offers_routine_names_from_the_routines_folder() {
    let home = Home::new();
    home.add_routine(
        "after-drive.toml",
        &std::fs::read_to_string(fixture("valid/desk-stretch.toml")).unwrap(),
    );
    for words in [
        &["poised", "run", ""][..],
        &["poised", "show", ""][..],
        &["poised", "new", "x", "--from", ""][..],
    ] {
        let out = home.run_with_env(&[&["--"][..], words].concat(), &[("COMPLETE", "fish")]);
        let names = stdout(&out);
        for name in ["morning", "reset", "after-drive"] {
            assert!(
                names.lines().any(|l| l.starts_with(name)),
                "{words:?}: {names}"
            );
        }
    }
    let out = home.run_with_env(&["--", "poised", "run", "aft"], &[("COMPLETE", "fish")]);
    assert_eq!(stdout(&out), "after-drive\tDesk stretch\n");
}

#[test]
fn man_prints_a_manual_page_of_every_command() {
    let out = Home::new().run(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(page.contains(".TH poised 1"), "{page}");
    for command in ["validate", "new", "add", "completions", "streak"] {
        assert!(
            page.contains(command),
            "{command} missing from the man page"
        );
    }
}

#[test]
fn a_bad_argument_says_what_is_wrong_and_fails() {
    let out = Home::new().run(&["checkin", "11"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("11"), "{}", stderr(&out));
    let out = Home::new().run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Each config fixture has one bad value: a warning at this place saying what to write and
/// which default is used; poised goes on.
const CONFIG_DEFECTS: &[(&str, &str, &str)] = &[
    (
        "bell-yes.toml",
        "1:8",
        "bell is true or false (without quotes), not \"yes\"; using the default, true",
    ),
    (
        "day-start-without-quotes.toml",
        "2:17",
        "day_starts_at is a time in quotes, like \"03:00\"",
    ),
    (
        "day-start-not-hh-mm.toml",
        "1:17",
        "like \"03:00\", not \"3am\"; using the default, \"03:00\"",
    ),
    (
        "unknown-key.toml",
        "2:1",
        "`bel` is not a setting poised knows: check its spelling",
    ),
    (
        "not-toml.toml",
        "1:8",
        "check its quotes, brackets and `=`; using the defaults",
    ),
    (
        "reduced-motion-number.toml",
        "1:18",
        "reduced_motion is true or false (without quotes), not 1; using the default, false",
    ),
];

#[test]
fn a_bad_config_value_is_a_warning_with_its_place_and_the_default() {
    for (file, position, message) in CONFIG_DEFECTS {
        let home = Home::new();
        let text = std::fs::read_to_string(fixture(&format!("config/{file}"))).unwrap();
        std::fs::write(home.path().join("config.toml"), text).unwrap();
        let out = home.run(&["streak"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{file}: {err}");
        let expected = format!(
            "poised: warning: {}/config.toml:{position}: ",
            home.path().display()
        );
        assert!(
            err.starts_with(&expected),
            "{file}: expected `{expected}` in:\n{err}"
        );
        assert!(
            err.contains(message),
            "{file}: expected `{message}` in:\n{err}"
        );
        assert!(
            stdout(&out).starts_with("streak 0 days"),
            "{file}: {}",
            stdout(&out)
        );
    }
}

#[test]
fn a_bad_number_on_the_command_line_is_refused_in_plain_words() {
    let home = Home::new();
    for (args, message) in [
        (
            &["checkin", "3.5"][..],
            "checkin takes a whole number from 0 to 10, not 3.5",
        ),
        (
            &["checkin", "11"][..],
            "checkin takes a whole number from 0 to 10, not 11",
        ),
        (
            &["log", "--limit", "x"][..],
            "--limit takes a whole number, like --limit 50, not x",
        ),
    ] {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(!err.contains("invalid digit"), "{err}");
    }
}
