//! The journal's TOML form: what poised writes, byte for byte, and what it reads.
#![allow(clippy::unwrap_used)] // helpers of tests unwrap like the tests themselves

mod journal_support;

use std::path::Path;

use journal_support::{
    at, example_checkin, example_desk, example_rest, example_session, numbered_session, scratch,
};
use poised::journal::seal::crc_of;
use poised::journal::{CheckinRecord, Record, parse, record_toml, sealed_toml};

fn read(text: &str) -> poised::journal::Parsed {
    parse(Path::new("journal.toml"), text.as_bytes())
}

#[test]
fn a_session_is_written_exactly_as_the_format_documents() {
    assert_eq!(
        record_toml(&Record::Session(example_session())),
        "[[session]]\n\
         routine = \"morning\"\n\
         title = \"Morning ...\"\n\
         variant = \"full\"\n\
         started = 2026-11-21T07:02:11+01:00\n\
         ended = 2026-11-21T07:09:13+01:00\n\
         active_seconds = 420\n\
         completed = true\n\
         steps_done = 6\n\
         steps_total = 6\n\
         stiffness_before = 6\n\
         stiffness_after = 3\n\
         note = \"left hip tight\"\n\
         painful_steps = [\"Bird-dog\"]\n"
    );
}

#[test]
fn the_routine_version_is_written_last_and_reads_back() {
    let session = poised::journal::SessionRecord {
        routine_version: Some("95f8514b".to_string()),
        ..example_session()
    };
    let text = record_toml(&Record::Session(session.clone()));
    assert!(
        text.ends_with("painful_steps = [\"Bird-dog\"]\nroutine_version = \"95f8514b\"\n"),
        "{text}"
    );
    let parsed = read(&format!("format = 1\n\n{text}"));
    assert_eq!(parsed.records, [Record::Session(session)]);
}

#[test]
fn a_checkin_and_a_rest_day_are_written_exactly_as_the_format_documents() {
    assert_eq!(
        record_toml(&Record::Checkin(example_checkin())),
        "[[checkin]]\nat = 2026-11-22T07:00:00+01:00\nstiffness = 4\nnote = \"\"\n"
    );
    assert_eq!(
        record_toml(&Record::Rest(example_rest())),
        "[[rest]]\ndate = 2026-11-23\nreason = \"flare\"\n"
    );
}

#[test]
fn a_desk_prompt_is_written_exactly_as_the_format_documents() {
    assert_eq!(
        record_toml(&Record::Desk(example_desk())),
        "[[desk]]\nat = 2026-11-30T10:47:12+01:00\nevent = \"skipped\"\noffered = 2026-11-30T10:45:00+01:00\n"
    );
}

#[test]
fn a_desk_record_with_an_unknown_event_is_skipped_with_what_to_write() {
    let parsed = read("format = 1\n[[desk]]\nat = 2026-11-30T10:47:12+01:00\nevent = \"napped\"\n");
    assert_eq!(parsed.records, []);
    let warning = parsed.warnings[0].to_string();
    assert!(warning.contains("line 4"), "{warning}");
    assert!(warning.contains("\"opened\", \"reset\""), "{warning}");
}

#[test]
fn absent_optional_keys_are_left_out() {
    let text = record_toml(&numbered_session(7));
    for key in [
        "stiffness_before",
        "stiffness_after",
        "note",
        "painful_steps",
    ] {
        assert!(!text.contains(key), "{key} in {text}");
    }
    let checkin = CheckinRecord {
        at: at("2026-11-22T07:00:00Z"),
        stiffness: 0,
        note: None,
    };
    assert_eq!(
        record_toml(&Record::Checkin(checkin)),
        "[[checkin]]\nat = 2026-11-22T07:00:00+00:00\nstiffness = 0\n"
    );
}

#[test]
fn text_is_escaped_so_any_title_reads_back() {
    let mut session = example_session();
    session.title = "Hips \"open\" \\ back\u{7}, ünïcødé ✓".to_string();
    let text = record_toml(&Record::Session(session.clone()));
    assert!(
        text.contains("title = \"Hips \\\"open\\\" \\\\ back\\u0007, ünïcødé ✓\"\n"),
        "{text}"
    );
    assert_eq!(read(&text).records, [Record::Session(session)]);
}

#[test]
fn notes_are_written_as_one_clean_line() {
    let mut session = example_session();
    session.note = Some("sore\nafter\u{1b}[31m bridges\t".to_string());
    assert!(record_toml(&Record::Session(session)).contains("note = \"sore after bridges\"\n"));
}

#[test]
fn every_kind_of_record_reads_back_as_it_was_written() {
    let mut precise = example_session();
    precise.started = at("2026-03-29T01:59:59.250-09:30");
    let records = [
        Record::Session(example_session()),
        Record::Session(precise),
        numbered_session(1),
        Record::Checkin(example_checkin()),
        Record::Rest(example_rest()),
        Record::Desk(example_desk()),
    ];
    let text: String = records
        .iter()
        .map(|r| format!("\n{}", record_toml(r)))
        .collect();
    let parsed = read(&format!("format = 1\n{text}"));
    assert_eq!(parsed.warnings, []);
    assert_eq!(parsed.records, records);
}

#[test]
fn the_documented_example_with_its_comments_reads() {
    let text = r#"format = 1

[[session]]
routine = "morning"
title = "Morning ..."
variant = "full"                      # "full" or "short"
started = 2026-11-21T07:02:11+01:00   # local time with its UTC offset
ended = 2026-11-21T07:09:13+01:00
active_seconds = 420                  # paused time excluded
completed = true
steps_done = 6
steps_total = 6
stiffness_before = 6                  # optional, 0-10
stiffness_after = 3                   # optional, 0-10
note = "left hip tight"               # optional
painful_steps = ["Bird-dog"]          # optional

[[checkin]]
at = 2026-11-22T07:00:00+01:00
stiffness = 4
note = ""                             # optional
"#;
    let parsed = read(text);
    assert_eq!(parsed.warnings, []);
    assert_eq!(
        parsed.records,
        [
            Record::Session(example_session()),
            Record::Checkin(example_checkin())
        ]
    );
}

#[test]
fn hand_written_toml_in_other_forms_reads_the_same() {
    let text = "format = 1\n\
                [[checkin]] # typed by hand\n\
                'at' = 2026-11-22 07:00:00+01:00\n\
                stiffness = 0x4\n\
                note = ''\n\
                [[rest]]\n\
                date = 2026-11-23\n\
                reason = \"\"\"flare\"\"\"\n";
    let parsed = read(text);
    assert_eq!(parsed.warnings, []);
    assert_eq!(
        parsed.records,
        [
            Record::Checkin(example_checkin()),
            Record::Rest(example_rest())
        ]
    );
}

#[test]
fn keys_and_records_this_version_does_not_know_are_ignored() {
    let text = "format = 1\nmade_by = \"poised 2\"\n\
                [[checkin]]\nat = 2026-11-22T07:00:00+01:00\nstiffness = 4\nnote = \"\"\nmood = \"good\"\n\
                weather = { temp = 3.5 }\nsleep_hours = 7.5\n\
                [[mood]]\nscore = 3\n";
    let parsed = read(text);
    assert_eq!(parsed.warnings, []);
    assert_eq!(parsed.records, [Record::Checkin(example_checkin())]);
}

#[test]
fn a_new_journal_starts_with_the_format_line_and_has_one_sealed_record_per_table() {
    let (_dir, journal) = scratch();
    journal.append(&Record::Checkin(example_checkin())).unwrap();
    journal.append(&Record::Rest(example_rest())).unwrap();
    let text = std::fs::read_to_string(journal.path()).unwrap();
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("id = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert_eq!(ids.len(), 2);
    let checkin = sealed_toml(&Record::Checkin(example_checkin()), ids[0]);
    let rest = sealed_toml(&Record::Rest(example_rest()), ids[1]);
    assert_eq!(text, format!("format = 2\n\n{checkin}\n{rest}"));
    assert!(checkin.starts_with("[[checkin]]\nid = \""), "{checkin}");
    assert!(checkin.ends_with(&format!(
        "note = \"\"\ncrc = \"{}\"\n",
        crc_of(checkin.rsplit_once("crc").unwrap().0.as_bytes())
    )));
    assert_eq!(journal.read().unwrap().records.len(), 2);
}

#[test]
fn a_journal_of_a_newer_format_is_read_with_a_warning() {
    let text = format!(
        "format = 3\n\n{}",
        record_toml(&Record::Rest(example_rest()))
    );
    let parsed = read(&text);
    assert_eq!(parsed.records, [Record::Rest(example_rest())]);
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(
        (parsed.warnings[0].line, parsed.warnings[0].column),
        (1, Some(10))
    );
    assert!(
        parsed.warnings[0].message.contains("format = 3"),
        "{}",
        parsed.warnings[0]
    );
}

#[test]
fn format_one_and_format_two_records_read_side_by_side() {
    let old = record_toml(&Record::Checkin(example_checkin()));
    let new = sealed_toml(&Record::Rest(example_rest()), "00ff00ff00ff00ff");
    let parsed = read(&format!("format = 1\n\n{old}\n{new}"));
    assert_eq!(parsed.warnings, []);
    assert_eq!(parsed.records.len(), 2);
}

#[test]
fn an_empty_or_missing_journal_has_no_records() {
    assert_eq!(read("").records, []);
    assert_eq!(read("format = 1\n").records, []);
    let (_dir, journal) = scratch();
    let parsed = journal.read().unwrap();
    assert_eq!((parsed.records.len(), parsed.warnings.len()), (0, 0));
    assert!(!journal.path().exists(), "reading created the file");
}

#[test]
fn a_learning_run_is_written_as_learn_true_and_reads_back() {
    let mut learning = example_session();
    learning.learn = true;
    let text = record_toml(&Record::Session(learning.clone()));
    assert!(
        text.contains("painful_steps = [\"Bird-dog\"]\nlearn = true\n"),
        "{text}"
    );
    let parsed = read(&format!("format = 1\n{text}"));
    assert_eq!(parsed.records, [Record::Session(learning)]);
    assert!(!record_toml(&Record::Session(example_session())).contains("learn"));
}

#[test]
fn the_readmes_sealed_example_reads_whole() {
    let readme = include_str!("../README.md");
    let block = readme
        .split("<!-- sealed example")
        .nth(1)
        .and_then(|rest| rest.split("```toml\n").nth(1))
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let parsed = read(&format!("format = 2\n\n{block}"));
    assert_eq!(parsed.warnings, []);
    assert_eq!(parsed.records.len(), 2);
    let cut = block.replacen("stiffness = 4", "stiffness = 5", 1);
    assert_eq!(read(&cut).records.len(), 1);
}

#[test]
fn the_plan_is_written_step_by_step_with_the_easier_ones_and_reads_back() {
    use poised::journal::{Amount, StepPlayed};
    let step = |name: &str, amount, per_side, easier| StepPlayed {
        name: name.to_string(),
        amount,
        per_side,
        easier,
    };
    let mut session = example_session();
    session.steps = vec![
        step("Cat-camel", Amount::Reps(8), false, false),
        step("Bird-dog", Amount::Reps(6), true, true),
        step("Child's pose", Amount::Seconds(45), false, false),
    ];
    let text = record_toml(&Record::Session(session.clone()));
    assert!(
        text.ends_with(
            "steps = [{ name = \"Cat-camel\", reps = 8 }, \
             { name = \"Bird-dog\", reps = 6, per_side = true, easier = true }, \
             { name = \"Child's pose\", seconds = 45 }]\n"
        ),
        "{text}"
    );
    let parsed = read(&format!("format = 1\n{text}"));
    assert_eq!(parsed.warnings, []);
    assert_eq!(parsed.records, [Record::Session(session)]);
    // Records from before the plan was kept read with an empty one.
    let old = record_toml(&Record::Session(example_session()));
    assert!(!old.contains("\nsteps ="), "{old}");
    let parsed = read(&format!("format = 1\n{old}"));
    assert_eq!(parsed.records, [Record::Session(example_session())]);
}

#[test]
fn a_plan_step_without_reps_or_seconds_is_skipped_with_what_to_write() {
    let text = record_toml(&Record::Session(example_session()));
    let parsed = read(&format!(
        "format = 1\n{text}steps = [{{ name = \"Bird-dog\", easier = true }}]\n"
    ));
    assert_eq!(parsed.records, []);
    let warning = parsed.warnings[0].to_string();
    assert!(
        warning.contains("`steps` must be a list like [{ name = \"Bird-dog\", reps = 6"),
        "{warning}"
    );
    assert!(warning.contains("either reps or seconds"), "{warning}");
}
