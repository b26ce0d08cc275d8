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
        .take_while(|l| !l.is_empty())
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
    assert!(text.contains("\ntotal 1:13\n"), "{text}");
    assert!(
        text.ends_with(
            "\nSeat twist\n  sides: left side, then right side\n  cue: Turn gently to each side.\n"
        ),
        "{text}"
    );
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
    assert!(text.contains("\ntotal 0:23\n"), "{text}");
}

fn every_key() -> Home {
    let home = Home::new();
    home.add_routine(
        "keys.toml",
        &std::fs::read_to_string(fixture("valid/every-key.toml")).unwrap(),
    );
    home
}

/// The table's rows (start, length, segment, side, breathing), without the header.
fn table(text: &str) -> Vec<&str> {
    text.lines()
        .skip(2)
        .take_while(|l| !l.starts_with("total"))
        .collect()
}

#[test]
fn show_prints_holds_the_first_side_and_each_steps_cue_detail_and_sides() {
    let home = every_key();
    let out = home.run(&["show", "keys"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let rows = table(&text);
    assert!(
        rows[1].contains("Bird-dog") && rows[1].contains(" right "),
        "{text}"
    );
    assert!(
        rows[3].contains("Bird-dog") && rows[3].contains(" left "),
        "{text}"
    );
    assert!(
        rows[1].contains("4 reps: out 3s on effort, hold 2s, in 3s on release"),
        "{text}"
    );
    assert!(text.contains("\ntotal 1:40\n"), "{text}");
    assert!(
        text.contains(
            "\nBird-dog\n  sides: right leg back, then left leg back\n  cue: Breathing out, reach"
        ),
        "{text}"
    );
    assert!(
        text.contains("  detail: Hands under shoulders, knees under hips.\n"),
        "{text}"
    );
}

#[test]
fn show_short_plays_the_fewer_reps_and_seconds_of_the_short_version() {
    let text = stdout(&every_key().run(&["show", "keys", "--short"]));
    let rows = table(&text);
    assert!(rows[1].starts_with("0:06    0:16"), "{text}");
    assert!(
        rows[1].contains("2 reps: out 3s on effort, hold 2s"),
        "{text}"
    );
    assert!(rows.iter().any(|r| r.starts_with("0:48    0:10")), "{text}");
    assert!(text.contains("\ntotal 0:58\n"), "{text}");
}

#[test]
fn show_easier_prints_the_routine_with_that_step_eased() {
    let out = every_key().run(&["show", "keys", "--easier", "Rest on the back"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Every key (full, Rest on the back easier)\n"),
        "{text}"
    );
    // The easier version is timed 10 s instead of 20 s: 100 - 10 = 90 s.
    assert!(text.contains("\ntotal 1:30\n"), "{text}");
    assert!(
        text.contains("\nRest on the back, easier\n  cue: Lie back with a pillow under the knees"),
        "{text}"
    );
    let bird_dog = stdout(&every_key().run(&["show", "keys", "--easier", "Bird-dog"]));
    assert!(
        bird_dog.contains("4 reps: out 3s on effort, in 3s on release"),
        "{bird_dog}"
    );
    assert!(
        bird_dog.contains("  detail: Leave the arms on the floor.\n"),
        "{bird_dog}"
    );
}

#[test]
fn show_easier_names_the_steps_that_have_one_when_asked_for_another() {
    let out = Home::new().run(&["show", "morning", "--easier", "Pelvic tilts"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("\"Pelvic tilts\" has no easier version"),
        "{err}"
    );
    assert!(err.contains("\"Bird-dog\""), "{err}");
    let out = Home::new().run(&["show", "morning", "--easier", "Nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("has no step named \"Nope\""),
        "{}",
        stderr(&out)
    );
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
