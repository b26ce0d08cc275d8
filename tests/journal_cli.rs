//! `poised checkin`, `poised log` and `poised export`, run as the real binary with
//! `POISED_HOME` pointing at a prepared journal.
#![allow(clippy::unwrap_used)] // helpers of tests unwrap like the tests themselves

mod journal_support;

use journal_support::{at, example_checkin, example_rest, example_session, poised, stdout};
use poised::journal::{CheckinRecord, Journal, Record, SessionRecord, parse};
use std::path::Path;

fn partial_session() -> SessionRecord {
    let times = (
        at("2026-11-22T21:00:00-05:00"),
        at("2026-11-22T21:05:00-05:00"),
    );
    SessionRecord {
        title: "Evening decompression".to_string(),
        completed: false,
        steps_done: 2,
        stiffness_before: Some(5),
        note: Some("tight, \"very\" tight".to_string()),
        ..SessionRecord::new("evening", "short", times, 5)
    }
}

/// A home folder whose journal holds two sessions, two check-ins and a rest day.
fn prepared() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let journal = Journal::new(home.path().join("journal.toml"));
    let later = CheckinRecord {
        at: at("2026-11-23T07:10:00+01:00"),
        stiffness: 2,
        note: Some("better".to_string()),
    };
    let records = [
        Record::Session(example_session()),
        Record::Checkin(example_checkin()),
        Record::Session(partial_session()),
        Record::Rest(example_rest()),
        Record::Checkin(later),
    ];
    for record in &records {
        journal.append(record).unwrap();
    }
    home
}

const LOG: &str = "\
2026-11-23 07:10  check-in  stiffness 2  \"better\"
2026-11-23        rest day  \"flare\"
2026-11-22 21:00  evening (short)  ended early 2/5  stiffness 5 -> -  \"tight, \"very\" tight\"
2026-11-22 07:00  check-in  stiffness 4
2026-11-21 07:02  morning (full)  done 6/6  stiffness 6 -> 3  hurt: Bird-dog  \"left hip tight\"
";

#[test]
fn log_shows_the_newest_records_first_one_line_each() {
    let home = prepared();
    assert_eq!(stdout(&poised(home.path(), &["log"])), LOG);
}

#[test]
fn log_shows_at_most_limit_records() {
    let home = prepared();
    let two: String = LOG.lines().take(2).map(|l| format!("{l}\n")).collect();
    assert_eq!(stdout(&poised(home.path(), &["log", "--limit", "2"])), two);
}

#[test]
fn log_of_an_empty_journal_says_so() {
    let home = tempfile::tempdir().unwrap();
    let expected = format!(
        "no records yet in {}\n",
        home.path().join("journal.toml").display()
    );
    assert_eq!(stdout(&poised(home.path(), &["log"])), expected);
    assert!(!home.path().join("journal.toml").exists());
}

#[test]
fn export_writes_sessions_as_csv_with_the_documented_header() {
    let home = prepared();
    assert_eq!(
        stdout(&poised(home.path(), &["export"])),
        "started,ended,routine,variant,completed,steps_done,steps_total,active_seconds,\
         stiffness_before,stiffness_after,note,painful_steps\n\
         2026-11-21T07:02:11+01:00,2026-11-21T07:09:13+01:00,morning,full,true,6,6,420,6,3,\
         left hip tight,Bird-dog\n\
         2026-11-22T21:00:00-05:00,2026-11-22T21:05:00-05:00,evening,short,false,2,5,300,5,,\
         \"tight, \"\"very\"\" tight\",\n"
    );
}

#[test]
fn export_writes_checkins_as_csv() {
    let home = prepared();
    assert_eq!(
        stdout(&poised(
            home.path(),
            &["export", "--checkins", "--format", "csv"]
        )),
        "at,stiffness,note\n2026-11-22T07:00:00+01:00,4,\n2026-11-23T07:10:00+01:00,2,better\n"
    );
}

#[test]
fn export_as_toml_is_a_journal_of_the_chosen_records() {
    let home = prepared();
    let sessions = parse(
        Path::new("-"),
        poised(home.path(), &["export", "--format", "toml"])
            .stdout
            .as_slice(),
    );
    assert_eq!(
        sessions.records,
        [
            Record::Session(example_session()),
            Record::Session(partial_session())
        ]
    );
    let checkins = parse(
        Path::new("-"),
        poised(home.path(), &["export", "--format", "toml", "--checkins"])
            .stdout
            .as_slice(),
    );
    assert_eq!(checkins.records.len(), 2);
    assert!(checkins.records.iter().all(|r| r.as_checkin().is_some()));
}

#[test]
fn export_rest_writes_the_rest_days_in_each_format() {
    let home = prepared();
    assert_eq!(
        stdout(&poised(home.path(), &["export", "--rest"])),
        "date,reason\n2026-11-23,flare\n"
    );
    let toml = poised(home.path(), &["export", "--rest", "--format", "toml"]);
    assert_eq!(
        parse(Path::new("-"), toml.stdout.as_slice()).records,
        [Record::Rest(example_rest())]
    );
    assert_eq!(
        stdout(&poised(
            home.path(),
            &["export", "--rest", "--format", "json"]
        )),
        "{\"record\":\"rest\",\"date\":\"2026-11-23\",\"reason\":\"flare\"}\n"
    );
    let both = poised(home.path(), &["export", "--rest", "--checkins"]);
    assert_eq!(both.status.code(), Some(2), "one kind at a time");
}

#[test]
fn export_since_and_until_keep_the_days_between_both_included() {
    let home = prepared();
    let csv = |args: &[&str]| {
        let mut all = vec!["export", "--checkins"];
        all.extend(args);
        stdout(&poised(home.path(), &all)).lines().count() - 1
    };
    assert_eq!(csv(&[]), 2);
    assert_eq!(csv(&["--since", "2026-11-23"]), 1);
    assert_eq!(csv(&["--until", "2026-11-22"]), 1);
    assert_eq!(csv(&["--since", "2026-11-22", "--until", "2026-11-22"]), 1);
    assert_eq!(csv(&["--since", "2026-11-24"]), 0);
    // The session at 21:00 in -05:00 counts for its own local day, 22 November.
    let sessions = stdout(&poised(
        home.path(),
        &["export", "--since", "2026-11-22", "--format", "json"],
    ))
    .to_string();
    assert_eq!(sessions.lines().count(), 1, "{sessions}");
    let backwards = poised(
        home.path(),
        &["export", "--since", "2026-11-23", "--until", "2026-11-22"],
    );
    assert!(!backwards.status.success());
    assert!(String::from_utf8_lossy(&backwards.stderr).contains("comes after --until"));
}

#[test]
fn export_json_writes_one_record_per_line_with_its_painful_steps() {
    let home = prepared();
    let text = stdout(&poised(home.path(), &["export", "--format", "json"])).to_string();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["record"], "session");
    assert_eq!(lines[0]["started"], "2026-11-21T07:02:11+01:00");
    assert_eq!(lines[0]["painful_steps"], serde_json::json!(["Bird-dog"]));
    assert_eq!(lines[0]["stiffness_after"], 3);
    assert_eq!(lines[1]["note"], "tight, \"very\" tight");
    assert!(
        lines[1].get("stiffness_after").is_none(),
        "absent values left out"
    );
    let checkins = stdout(&poised(
        home.path(),
        &["export", "--checkins", "--format", "json"],
    ))
    .to_string();
    assert_eq!(
        checkins.lines().next(),
        Some(
            "{\"record\":\"checkin\",\"at\":\"2026-11-22T07:00:00+01:00\",\"stiffness\":4,\"note\":\"\"}"
        )
    );
}

#[test]
fn export_toml_keeps_the_painful_steps() {
    let home = prepared();
    let toml = stdout(&poised(home.path(), &["export", "--format", "toml"])).to_string();
    assert!(toml.contains("painful_steps = [\"Bird-dog\"]"), "{toml}");
}

#[test]
fn checkin_records_now_and_prints_what_it_recorded() {
    let home = tempfile::tempdir().unwrap();
    let printed = stdout(&poised(
        home.path(),
        &["checkin", "4", "--note", "stiff\non waking"],
    ))
    .to_string();
    let line = printed.strip_prefix("recorded  ").unwrap();
    assert!(
        line.ends_with("  check-in  stiffness 4  \"stiff on waking\"\n"),
        "{printed}"
    );
    assert_eq!(stdout(&poised(home.path(), &["log"])), line);
    let parsed = Journal::new(home.path().join("journal.toml"))
        .read()
        .unwrap();
    let checkin = parsed.records[0].as_checkin().unwrap();
    assert_eq!(
        (checkin.stiffness, checkin.note.as_deref()),
        (4, Some("stiff on waking"))
    );
    assert_eq!(checkin.at.timestamp_subsec_nanos(), 0);
}

#[test]
fn checkin_accepts_only_zero_to_ten() {
    let home = tempfile::tempdir().unwrap();
    let output = poised(home.path(), &["checkin", "11"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("checkin takes a whole number from 0 to 10, not 11")
    );
    assert!(!home.path().join("journal.toml").exists());
    stdout(&poised(home.path(), &["checkin", "0"]));
    stdout(&poised(home.path(), &["checkin", "10"]));
}

#[test]
fn damaged_records_are_warned_about_on_stderr_and_the_rest_still_listed() {
    let home = prepared();
    let path = home.path().join("journal.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n[[checkin]]\nat = 2026-11-24T07:00:00+01:00\nstiffness = \"low\"\n");
    std::fs::write(&path, text).unwrap();
    let output = poised(home.path(), &["log"]);
    assert_eq!(stdout(&output), LOG);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "poised: warning: {} line 57, column 13: skipped the damaged record on lines 55-57: ",
        path.display()
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// A journal written before the marks (only `painful_steps`) and one written after (the marks
/// and the done rule's keys), side by side: both read without a warning, and the log says
/// "partly done" only where the new keys say so.
#[test]
fn old_painful_steps_and_new_marks_read_side_by_side() {
    let home = tempfile::tempdir().unwrap();
    let text = "format = 1\n\n[[session]]\nroutine = \"morning\"\ntitle = \"Morning mobility\"\n\
variant = \"full\"\nstarted = 2026-11-21T07:02:11+01:00\nended = 2026-11-21T07:09:13+01:00\n\
active_seconds = 420\ncompleted = true\nsteps_done = 0\nsteps_total = 6\n\
painful_steps = [\"Bird-dog\"]\n\n[[session]]\nroutine = \"morning\"\ntitle = \"Morning mobility\"\n\
variant = \"full\"\nstarted = 2026-11-22T07:02:11+01:00\nended = 2026-11-22T07:09:13+01:00\n\
active_seconds = 420\ncompleted = false\nsteps_done = 1\nsteps_total = 6\n\
painful_steps = [\"Bird-dog\"]\nwork_seconds = 40\nwork_seconds_planned = 300\nreached_end = true\n\
skipped_steps = [\"Bird-dog\", \"Bridge\"]\n\
marks = [{ step = \"Bird-dog\", side = \"left\", choice = \"skipped\" }, { choice = \"gentler\" }]\n";
    std::fs::write(home.path().join("journal.toml"), text).unwrap();
    let output = poised(home.path(), &["log"]);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "no warnings");
    let log = stdout(&output);
    assert!(
        log.contains("2026-11-22 07:02  morning (full)  partly done 1/6"),
        "{log}"
    );
    assert!(
        log.contains("2026-11-21 07:02  morning (full)  done 0/6"),
        "old records keep their meaning: {log}"
    );
    let parsed = Journal::new(home.path().join("journal.toml"))
        .read()
        .unwrap();
    let new = parsed.records[1].as_session().unwrap();
    assert_eq!(new.marks.len(), 2);
    assert_eq!(new.marks[0].side.as_deref(), Some("left"));
    let played = new.played.as_ref().unwrap();
    assert_eq!(
        (played.work_seconds, played.work_seconds_planned),
        (40, 300)
    );
    assert_eq!(played.skipped_steps, ["Bird-dog", "Bridge"]);
    assert_eq!(parsed.records[0].as_session().unwrap().played, None);
}

#[test]
fn a_session_with_marks_and_work_played_reads_back_as_written() {
    let home = tempfile::tempdir().unwrap();
    let journal = Journal::new(home.path().join("journal.toml"));
    let session = SessionRecord {
        marks: vec![poised::journal::PainMark {
            step: Some("Side \"plank\"".to_string()),
            side: Some("right".to_string()),
            choice: poised::journal::PainChoice::Ended,
        }],
        played: Some(Box::new(poised::journal::WorkPlayed {
            work_seconds: 61,
            work_seconds_planned: 120,
            reached_end: false,
            skipped_steps: vec!["Bridge".to_string()],
        })),
        ..partial_session()
    };
    journal.append(&Record::Session(session.clone())).unwrap();
    let parsed = journal.read().unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(parsed.records, [Record::Session(session)]);
}

#[test]
fn journal_check_lists_each_damaged_record_and_changes_nothing() {
    let home = prepared();
    let path = home.path().join("journal.toml");
    let clean = poised(home.path(), &["journal", "check"]);
    assert_eq!(clean.status.code(), Some(0));
    assert!(stdout(&clean).ends_with(": 5 records, none damaged\n"));
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n[[checkin]]\nat = 2026-11-24T07:00:00+01:00\nstiffness = \"low\"\n");
    std::fs::write(&path, &text).unwrap();
    let output = poised(home.path(), &["journal", "check"]);
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("skipped the damaged record on lines 55-57: `stiffness` must be"),
        "{said}"
    );
    assert!(said.ends_with(": 5 records read, 1 damaged\n"), "{said}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}
