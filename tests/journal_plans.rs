//! The plan a session records (`steps`, with `easier = true` on the steps played in their
//! easier version) and its marks, through the binary: `poised log` names the eased steps, and
//! `poised export` carries both in JSON and TOML. Sessions recorded before them show nothing.
#![allow(clippy::unwrap_used)] // helpers of tests unwrap like the tests themselves

mod journal_support;

use journal_support::{at, example_session, poised, stdout};
use poised::journal::{Journal, Record};

/// A home whose journal holds a session with its plan (Bird-dog eased) and a mark, then one
/// recorded the next day without them.
fn with_plan() -> tempfile::TempDir {
    use poised::journal::{Amount, PainChoice, PainMark, StepPlayed};
    let home = tempfile::tempdir().unwrap();
    let journal = Journal::new(home.path().join("journal.toml"));
    let step = |name: &str, amount, easier| StepPlayed {
        name: name.to_string(),
        amount,
        per_side: easier,
        easier,
    };
    let mut session = example_session();
    session.steps = vec![
        step("Cat-camel", Amount::Reps(8), false),
        step("Bird-dog", Amount::Seconds(30), true),
    ];
    session.marks = vec![PainMark {
        step: Some("Bird-dog".into()),
        side: Some("left".into()),
        choice: PainChoice::Gentler,
    }];
    journal.append(&Record::Session(session)).unwrap();
    let mut older_kind = example_session();
    older_kind.started = at("2026-11-22T07:00:00+01:00");
    older_kind.ended = at("2026-11-22T07:07:00+01:00");
    journal.append(&Record::Session(older_kind)).unwrap();
    home
}

#[test]
fn log_names_the_steps_played_in_their_easier_version() {
    let home = with_plan();
    let log = stdout(&poised(home.path(), &["log"])).to_string();
    assert!(
        log.ends_with(
            "done 6/6  stiffness 6 -> 3  hurt: Bird-dog  easier: Bird-dog  \"left hip tight\"\n"
        ),
        "{log}"
    );
    assert!(!log.lines().next().unwrap().contains("easier"), "{log}");
}

#[test]
fn export_carries_the_marks_and_the_plan_in_json_and_toml() {
    let home = with_plan();
    let text = stdout(&poised(home.path(), &["export", "--format", "json"])).to_string();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0]["marks"],
        serde_json::json!([{ "step": "Bird-dog", "side": "left", "choice": "gentler" }])
    );
    assert_eq!(
        lines[0]["steps"],
        serde_json::json!([
            { "name": "Cat-camel", "reps": 8 },
            { "name": "Bird-dog", "seconds": 30, "per_side": true, "easier": true }
        ])
    );
    assert!(lines[1].get("marks").is_none() && lines[1].get("steps").is_none());
    let toml = stdout(&poised(home.path(), &["export", "--format", "toml"])).to_string();
    assert!(
        toml.contains(
            "steps = [{ name = \"Cat-camel\", reps = 8 }, \
             { name = \"Bird-dog\", seconds = 30, per_side = true, easier = true }]\n"
        ),
        "{toml}"
    );
}
