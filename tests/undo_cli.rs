//! `poised undo` through the real binary: a session, a check-in and a rest day taken back,
//! after which streak, log, export and the summary cache (warm and cold) all agree; `--at`,
//! `log --all`, and the plain refusals. The journal is only ever appended to.

mod common;

use common::{Home, stderr, stdout};
use poised::journal::{CheckinRecord, Journal, Record, SessionRecord, record_toml};

/// Midday on Saturday 21 November 2026.
const NOW: &str = "2026-11-21T12:00:00+01:00";

fn run(home: &Home, args: &[&str]) -> std::process::Output {
    home.run_with_env(args, &[("POISED_NOW", NOW)])
}

fn out(home: &Home, args: &[&str]) -> String {
    let output = run(home, args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output)
}

fn at(text: &str) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(text).unwrap()
}

fn session(day: u32) -> Record {
    let started = at(&format!("2026-11-{day}T08:00:00+01:00"));
    Record::Session(SessionRecord {
        routine: "morning".into(),
        title: "Morning".into(),
        variant: "full".into(),
        started,
        ended: started + chrono::Duration::minutes(7),
        active_seconds: 420,
        completed: true,
        steps_done: 6,
        steps_total: 6,
        stiffness_before: Some(5),
        stiffness_after: Some(3),
        note: None,
        painful_steps: Vec::new(),
        marks: Vec::new(),
        played: None,
        learn: false,
        routine_version: None,
    })
}

/// Sessions on the 19th, 20th and 21st, and a check-in at 07:00 on the 21st.
fn three_days(home: &Home) -> Journal {
    let journal = Journal::new(home.path().join("journal.toml"));
    for day in [19, 20] {
        journal.append(&session(day)).unwrap();
    }
    let checkin = Record::Checkin(CheckinRecord {
        at: at("2026-11-21T07:00:00+01:00"),
        stiffness: 6,
        note: Some("stiff hips".into()),
    });
    journal.append(&checkin).unwrap();
    journal.append(&session(21)).unwrap();
    journal
}

/// The streak line with the cache warm, then rebuilt from nothing, then checked byte for
/// byte: all three the same.
fn streak_everywhere(home: &Home) -> String {
    let warm = out(home, &["streak"]);
    std::fs::remove_file(home.path().join("journal.cache")).unwrap();
    let cold = out(home, &["streak"]);
    let verified = out(home, &["streak", "--verify"]);
    assert_eq!(
        (&warm, &verified),
        (&cold, &cold),
        "warm, cold and verified"
    );
    cold
}

#[test]
fn a_session_a_check_in_and_a_rest_day_taken_back_leave_every_reader() {
    let home = Home::new();
    three_days(&home);
    let before = streak_everywhere(&home);
    assert!(before.starts_with("streak 3 days"), "{before}");
    let journal = || std::fs::read(home.path().join("journal.toml")).unwrap();
    let written = journal();
    // The newest record: today's session. The cache is warm when it is taken back.
    let undone = out(&home, &["undo", "--yes"]);
    assert_eq!(
        undone,
        "took back  2026-11-21 08:00  morning (full)  done 6/6  stiffness 5 -> 3\n"
    );
    assert!(journal().starts_with(&written), "only appended to");
    let after = streak_everywhere(&home);
    assert!(
        after.starts_with("streak 2 days"),
        "yesterday still counts: {after}"
    );
    assert_eq!(out(&home, &["log"]).lines().count(), 3);
    assert_eq!(
        out(&home, &["export"]).lines().count(),
        3,
        "a header and two sessions"
    );
    for format in ["toml", "json"] {
        let exported = out(&home, &["export", "--format", format]);
        assert!(
            !exported.contains("2026-11-21T08:00:00"),
            "{format}: {exported}"
        );
    }
    let report = ["report", "--format", "md", "--out", "-"];
    assert!(out(&home, &report).contains("morning check-in"));
    // The check-in, by its time as log shows it.
    assert!(
        out(&home, &["undo", "--at", "07:00", "--yes"])
            .starts_with("took back  2026-11-21 07:00  check-in  stiffness 6  \"stiff hips\"")
    );
    assert_eq!(
        out(&home, &["export", "--checkins"]).lines().count(),
        1,
        "the header only"
    );
    streak_everywhere(&home);
    assert!(
        !out(&home, &report).contains("morning check-in"),
        "nor the report"
    );
    // A rest day: recorded, taken back by its day, and then it can be recorded again.
    assert!(out(&home, &["rest"]).starts_with("rest day recorded"));
    assert!(out(&home, &["undo", "--at", "2026-11-21", "--yes"]).contains("rest day"));
    assert_eq!(out(&home, &["export", "--rest"]).lines().count(), 1);
    assert!(
        out(&home, &["rest"]).starts_with("rest day recorded"),
        "not already one"
    );
    let all = out(&home, &["log", "--all"]);
    let marked: Vec<&str> = all
        .lines()
        .filter(|l| l.ends_with("  [taken back]"))
        .collect();
    assert_eq!(marked.len(), 3, "{all}");
    assert!(
        !all.contains("void"),
        "the voids themselves are no entries: {all}"
    );
    assert_eq!(all.lines().count(), 6, "{all}");
}

#[test]
fn a_record_from_before_ids_is_taken_back_by_its_content() {
    let home = Home::new();
    let text = format!(
        "format = 1\n\n{}\n{}",
        record_toml(&session(20)),
        record_toml(&session(21))
    );
    std::fs::write(home.path().join("journal.toml"), text).unwrap();
    assert!(out(&home, &["streak"]).starts_with("streak 2 days"));
    out(&home, &["undo", "--at", "2026-11-20 08:00", "--yes"]);
    let journal = std::fs::read_to_string(home.path().join("journal.toml")).unwrap();
    assert!(journal.contains("record = \"content-"), "{journal}");
    assert!(streak_everywhere(&home).starts_with("streak 1 day "));
    assert_eq!(out(&home, &["log"]).lines().count(), 1);
}

#[test]
fn undo_says_plainly_what_it_cannot_do() {
    let home = Home::new();
    let empty = run(&home, &["undo", "--yes"]);
    assert!(!empty.status.success());
    assert!(
        stderr(&empty).contains("nothing to take back"),
        "{}",
        stderr(&empty)
    );
    three_days(&home);
    let written = std::fs::read(home.path().join("journal.toml")).unwrap();
    // Without a terminal to ask on, and without --yes, nothing happens.
    let unasked = home.run_with_input(&["undo"], "y\n");
    assert!(!unasked.status.success());
    assert!(
        stderr(&unasked).contains("add --yes"),
        "{}",
        stderr(&unasked)
    );
    assert_eq!(
        std::fs::read(home.path().join("journal.toml")).unwrap(),
        written
    );
    let nothing = run(&home, &["undo", "--at", "2026-11-21 09:30", "--yes"]);
    assert!(stderr(&nothing).contains("no record at 2026-11-21 09:30; `poised log --all`"));
    let wrong = run(&home, &["undo", "--at", "half past seven", "--yes"]);
    assert!(
        stderr(&wrong).contains("--at takes a time as `poised log` shows it: 2026-11-21 07:02")
    );
    let several = run(&home, &["undo", "--at", "2026-11-21", "--yes"]);
    let message = stderr(&several);
    assert!(
        message.contains("several records at 2026-11-21:"),
        "{message}"
    );
    assert!(
        message.contains("(--at \"2026-11-21 07:00:00\")"),
        "{message}"
    );
    assert!(!several.status.success());
    // Taken back once, then again: it says so. The undo's own time is no record.
    out(&home, &["undo", "--at", "07:00", "--yes"]);
    let again = out(&home, &["undo", "--at", "07:00", "--yes"]);
    assert!(
        again.starts_with("already taken back: 2026-11-21 07:00  check-in"),
        "{again}"
    );
    let of_undo = run(&home, &["undo", "--at", "12:00", "--yes"]);
    assert!(
        stderr(&of_undo).contains("an undo cannot be taken back"),
        "{}",
        stderr(&of_undo)
    );
    assert!(stderr(&of_undo).contains("it took back 2026-11-21 07:00  check-in"));
}
