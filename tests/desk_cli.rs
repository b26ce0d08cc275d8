//! `poised status` and `poised due` through the real binary, on prepared journals at a fixed
//! time (`POISED_NOW`): Monday 30 November 2026, 10:00 at UTC+1, unless a test says otherwise.

use std::path::Path;
use std::process::{Command, Output};

const MONDAY_10: &str = "2026-11-30T10:00:00+01:00";

fn poised(home: &Path, now: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_poised"))
        .args(args)
        .env("POISED_HOME", home)
        .env("POISED_NOW", now)
        .env_remove("POISED_TIME_SCALE")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A journal holding one completed session per (routine, start, end).
fn journal(home: &Path, sessions: &[(&str, &str, &str)]) {
    let mut text = String::from("format = 1\n");
    for (routine, started, ended) in sessions {
        text.push_str(&format!(
            "\n[[session]]\nroutine = \"{routine}\"\ntitle = \"{routine}\"\nvariant = \"full\"\nstarted = {started}\nended = {ended}\nactive_seconds = 60\ncompleted = true\nsteps_done = 3\nsteps_total = 3\n"
        ));
    }
    std::fs::write(home.join("journal.toml"), text).unwrap();
}

#[test]
fn with_nothing_done_since_nine_a_reset_and_the_morning_routine_are_due() {
    let home = tempfile::tempdir().unwrap();
    let status = poised(home.path(), MONDAY_10, &["status"]);
    assert!(status.status.success());
    assert_eq!(stdout(&status), "reset due · 0/0 today · streak 0\n");
    let due = poised(home.path(), MONDAY_10, &["due"]);
    assert_eq!(due.status.code(), Some(0));
    assert_eq!(
        stdout(&due),
        "reset: a reset is due (since 09:45)\nmorning: not done today\n"
    );
}

#[test]
fn after_a_reset_the_next_counts_from_its_end_and_nothing_is_due() {
    let home = tempfile::tempdir().unwrap();
    journal(
        home.path(),
        &[
            (
                "morning",
                "2026-11-29T07:00:00+01:00",
                "2026-11-29T07:07:00+01:00",
            ),
            (
                "morning",
                "2026-11-30T07:00:00+01:00",
                "2026-11-30T07:07:00+01:00",
            ),
            (
                "reset",
                "2026-11-30T09:49:00+01:00",
                "2026-11-30T09:50:00+01:00",
            ),
        ],
    );
    let status = poised(home.path(), MONDAY_10, &["status"]);
    assert_eq!(stdout(&status), "reset in 35m · 1/1 today · streak 2\n");
    let due = poised(home.path(), MONDAY_10, &["due"]);
    assert_eq!(due.status.code(), Some(1));
    assert_eq!(stdout(&due), "");
    let json = poised(home.path(), MONDAY_10, &["status", "--json"]);
    assert_eq!(
        stdout(&json),
        "{\"state\":\"waiting\",\"at\":\"2026-11-30T10:35:00+01:00\",\"in_seconds\":2100,\"done\":1,\"offered\":1,\"snoozed\":0,\"skipped\":0,\"budget_left\":3,\"streak\":2,\"line\":\"reset in 35m · 1/1 today · streak 2\"}\n"
    );
}

#[test]
fn on_a_saturday_it_rests_until_monday_but_the_morning_routine_is_still_due() {
    let home = tempfile::tempdir().unwrap();
    let saturday = "2026-12-05T10:00:00+01:00";
    let status = poised(home.path(), saturday, &["status"]);
    assert_eq!(
        stdout(&status),
        "resting until Mon 09:00 · 0/0 today · streak 0\n"
    );
    assert_eq!(
        poised(home.path(), saturday, &["due", "--routine", "reset"])
            .status
            .code(),
        Some(1)
    );
    let morning = poised(home.path(), saturday, &["due", "--routine", "morning"]);
    assert_eq!(morning.status.code(), Some(0));
    assert_eq!(stdout(&morning), "morning: not done today\n");
}

#[test]
fn desk_settings_shape_the_schedule() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("config.toml"),
        "[desk]\nevery = \"1h30m\"\nhours = \"08:00-12:00\"\ndays = [\"mon\"]\n",
    )
    .unwrap();
    let status = poised(home.path(), "2026-11-30T08:10:00+01:00", &["status"]);
    assert_eq!(stdout(&status), "reset in 1h20m · 0/0 today · streak 0\n");
    let status = poised(home.path(), "2026-11-30T11:00:00+01:00", &["status"]);
    assert_eq!(stdout(&status), "reset due · 0/0 today · streak 0\n");
}

#[test]
fn a_bad_setting_or_interval_says_what_is_accepted() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("config.toml"), "[desk]\nhours = \"9-5\"\n").unwrap();
    // A bad value is a warning: the desk goes on with its default settings.
    let due = poised(home.path(), MONDAY_10, &["due"]);
    assert_ne!(due.status.code(), Some(2), "the default settings are used");
    let err = String::from_utf8_lossy(&due.stderr);
    assert!(err.contains("config.toml:2:9:"), "{err}");
    assert!(err.contains("\"HH:MM-HH:MM\""), "{err}");
    assert!(err.contains("using the default desk settings"), "{err}");
    let desk = poised(home.path(), MONDAY_10, &["desk", "--every", "5s"]);
    assert_eq!(desk.status.code(), Some(2));
    let err = String::from_utf8_lossy(&desk.stderr);
    assert!(err.contains("45m, 90s, 1h or 1h30m"), "{err}");
}

#[test]
fn the_desks_records_count_offered_snoozed_and_skipped_prompts() {
    let home = tempfile::tempdir().unwrap();
    let desk = |at: &str, event: &str, offered: &str| {
        format!(
            "\n[[desk]]\nat = 2026-11-30T{at}:00+01:00\nevent = \"{event}\"\noffered = 2026-11-30T{offered}:00+01:00\n"
        )
    };
    let text = format!(
        "format = 1\n\n[[desk]]\nat = 2026-11-30T09:10:00+01:00\nevent = \"opened\"\n{}{}",
        desk("09:56", "skipped", "09:55"),
        desk("10:42", "snoozed", "10:41"),
    );
    std::fs::write(home.path().join("journal.toml"), text).unwrap();
    let at_10_45 = "2026-11-30T10:45:00+01:00";
    assert_eq!(
        stdout(&poised(home.path(), at_10_45, &["status"])),
        "reset in 7m · 0/2 today · streak 0\n"
    );
    let json = stdout(&poised(home.path(), at_10_45, &["status", "--json"]));
    assert!(
        json.contains("\"snoozed\":1,\"skipped\":1,\"budget_left\":1"),
        "{json}"
    );
    let not_yet = poised(home.path(), at_10_45, &["due", "--routine", "reset"]);
    assert_eq!(not_yet.status.code(), Some(1));
    let snooze_over = poised(
        home.path(),
        "2026-11-30T10:53:00+01:00",
        &["due", "--routine", "reset"],
    );
    assert_eq!(
        stdout(&snooze_over),
        "reset: a reset is due (since 10:52)\n"
    );
    let log = stdout(&poised(home.path(), at_10_45, &["log"]));
    assert!(
        log.contains("2026-11-30 09:56  desk skipped  prompt of 09:55"),
        "{log}"
    );
    let csv = stdout(&poised(home.path(), at_10_45, &["export", "--desk"]));
    assert_eq!(
        csv,
        "at,event,offered\n\
         2026-11-30T09:10:00+01:00,opened,\n\
         2026-11-30T09:56:00+01:00,skipped,2026-11-30T09:55:00+01:00\n\
         2026-11-30T10:42:00+01:00,snoozed,2026-11-30T10:41:00+01:00\n"
    );
    let sessions = stdout(&poised(home.path(), at_10_45, &["export"]));
    assert_eq!(
        sessions.lines().count(),
        1,
        "no desk record among the sessions: {sessions}"
    );
}
