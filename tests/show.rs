//! `poised show` prints a routine's timeline; unknown names list the known ones.

mod common;

use common::{Home, fixture, stderr, stdout};

#[test]
fn show_prints_every_segment_with_offsets_sides_and_the_total() {
    let home = Home::new();
    home.add_routine(
        "desk.toml",
        &std::fs::read_to_string(fixture("valid/desk-stretch.toml")).unwrap(),
    );
    let out = home.run(&["show", "desk"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    let starts: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    assert_eq!(
        starts,
        [
            "0:00", "0:03", "0:23", "0:26", "0:46", "0:51", "1:11", "total"
        ]
    );
    assert!(
        text.contains("5 reps: out 2s on effort, in 2s on release"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("Seat twist") && l.contains(" left ")),
        "{text}"
    );
    assert!(text.lines().any(|l| l.contains("switch sides")), "{text}");
    assert!(text.contains("in 3s · out 5s"), "{text}");
    assert!(text.ends_with("total 1:13\n"), "{text}");
}

#[test]
fn show_short_plays_only_the_essential_steps() {
    let home = Home::new();
    home.add_routine(
        "desk.toml",
        &std::fs::read_to_string(fixture("valid/desk-stretch.toml")).unwrap(),
    );
    let text = stdout(&home.run(&["show", "desk", "--short"]));
    assert!(!text.contains("Seat twist"), "{text}");
    assert!(text.ends_with("total 0:23\n"), "{text}");
}

#[test]
fn an_unknown_name_lists_the_known_ones_and_fails() {
    for command in [["show", "nope"], ["run", "nope"]] {
        let out = Home::new().run(&command);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains("no routine named `nope`"), "{err}");
        assert!(
            err.contains("morning, office, travel, evening, capacity, reset"),
            "{err}"
        );
    }
}
