//! The small commands: where files live, shell completions, help and bad arguments.

mod common;

use common::{Home, stderr, stdout};

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
        ("bash", "complete -F"),
        ("zsh", "#compdef poised"),
        ("fish", "complete -c poised"),
    ] {
        let out = Home::new().run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(
            script.contains("validate") && script.contains("streak"),
            "{shell} knows the subcommands"
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

#[test]
fn a_bad_config_names_its_line_and_column() {
    let home = Home::new();
    std::fs::write(
        home.path().join("config.toml"),
        "bell = true\nday_starts_at = \"3am\"\n",
    )
    .unwrap();
    let out = home.run(&["run", "reset"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("config.toml:2:"), "{err}");
    assert!(err.contains("HH:MM"), "{err}");
}
