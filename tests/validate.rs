//! `poised validate` and `poised list`: every defect is reported where it is, and a broken
//! user routine never hides the others.

mod common;

use common::{Home, fixture, stderr, stdout};

/// Each fixture has exactly one defect, at this line and column, with a message containing this.
const DEFECTS: &[(&str, &str, &str)] = &[
    ("syntax-error.toml", "9:8", "expected `]`"),
    ("zero-seconds.toml", "8:11", "0 seconds is out of range"),
    (
        "negative-seconds.toml",
        "8:11",
        "-5 seconds is out of range",
    ),
    (
        "both-reps-and-seconds.toml",
        "9:8",
        "either `seconds` or `reps`, not both",
    ),
    (
        "neither-reps-nor-seconds.toml",
        "6:8",
        "neither `seconds` nor `reps`",
    ),
    (
        "unknown-preset.toml",
        "4:13",
        "unknown breathing preset `fast`",
    ),
    ("no-steps.toml", "1:1", "at least one step"),
    (
        "duplicate-step-name.toml",
        "11:8",
        "a step named `A` already exists",
    ),
    ("unknown-key.toml", "8:1", "unknown field `secods`"),
    ("reps-without-release.toml", "8:8", "needs `release`"),
    ("phase-out-of-range.toml", "4:9", "phase 7 does not exist"),
    (
        "sides-without-per-side.toml",
        "9:9",
        "`sides` goes with `per_side = true`",
    ),
    ("one-side.toml", "10:9", "`sides` needs two texts"),
    (
        "first-side-unknown.toml",
        "10:14",
        "`first_side` is \"left\" or \"right\", not \"up\"",
    ),
    (
        "short-not-shorter.toml",
        "11:18",
        "fewer reps than the full one (4)",
    ),
    (
        "short-reps-on-timed.toml",
        "9:18",
        "shorten it with `short = { seconds = N }`",
    ),
    (
        "hold-with-seconds.toml",
        "9:8",
        "`effort`, `hold` and `release` go with `reps`",
    ),
    (
        "easier-zero-release.toml",
        "14:11",
        "0 seconds is out of range",
    ),
    ("easier-unknown-key.toml", "11:1", "unknown field `name`"),
    ("empty-detail.toml", "9:10", "this must not be empty"),
];

#[test]
fn each_defect_is_reported_as_path_line_column_message() {
    let home = Home::new();
    for (file, position, message) in DEFECTS {
        let path = fixture(&format!("invalid/{file}"));
        let out = home.run(&["validate", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{file} should fail");
        let err = stderr(&out);
        let expected = format!("{}:{position}: ", path.display());
        assert_eq!(
            err.lines().count(),
            1,
            "{file}: one problem expected, got:\n{err}"
        );
        assert!(
            err.starts_with(&expected),
            "{file}: expected `{expected}...`, got:\n{err}"
        );
        assert!(
            err.contains(message),
            "{file}: expected `{message}` in:\n{err}"
        );
    }
}

#[test]
fn a_valid_file_passes_with_its_totals() {
    let path = fixture("valid/desk-stretch.toml");
    let out = Home::new().run(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Full: 3+20 + 3+(20*2+5)+2 = 73 s; short: only the essential reps step, 3+20 = 23 s.
    assert!(
        stdout(&out).contains("ok, 1:13, short 0:23"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn every_step_key_validates_with_its_totals() {
    let path = fixture("valid/every-key.toml");
    let out = Home::new().run(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "no warning expected");
    // Full: 6 + (4 reps of 3+2+3 s, twice, and a 4 s switch) + 6 + 20 = 100 s; short: the
    // same steps with 2 reps and 10 s: 6 + 36 + 6 + 10 = 58 s.
    assert!(
        stdout(&out).contains("ok, 1:40, short 0:58"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_cue_too_long_for_its_get_ready_is_a_warning_not_an_error() {
    let path = fixture("warning/long-cue.toml");
    let out = Home::new().run(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("ok, 0:23"), "{}", stdout(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    let expected = format!("warning: {}:8:7: this cue has 24 words", path.display());
    assert!(err.starts_with(&expected), "{err}");
    assert!(err.contains("keep the cue to 12 words or fewer"), "{err}");
}

#[test]
fn validate_without_files_checks_every_loadable_routine() {
    let home = Home::new();
    home.add_routine(
        "mine.toml",
        &std::fs::read_to_string(fixture("valid/desk-stretch.toml")).unwrap(),
    );
    let out = home.run(&["validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for id in ["morning", "office", "travel", "evening", "reset", "mine"] {
        assert!(
            text.contains(&format!("{id}.toml: ok")),
            "{id} missing from:\n{text}"
        );
    }
}

#[test]
fn a_broken_user_routine_leaves_the_others_listed_with_one_warning() {
    let home = Home::new();
    home.add_routine(
        "mine.toml",
        &std::fs::read_to_string(fixture("valid/desk-stretch.toml")).unwrap(),
    );
    home.add_routine(
        "broken.toml",
        &std::fs::read_to_string(fixture("invalid/zero-seconds.toml")).unwrap(),
    );
    let out = home.run(&["list"]);
    assert_eq!(out.status.code(), Some(0));
    let listed = stdout(&out);
    assert!(listed.lines().any(|l| l.starts_with("mine ")), "{listed}");
    assert!(
        listed.lines().any(|l| l.starts_with("morning ")),
        "{listed}"
    );
    assert!(!listed.contains("broken"), "{listed}");
    let warnings = stderr(&out);
    assert_eq!(warnings.lines().count(), 1, "{warnings}");
    assert!(warnings.contains("broken.toml:8:11:"), "{warnings}");
}

#[test]
fn a_user_file_with_a_built_in_name_replaces_it() {
    let home = Home::new();
    home.add_routine(
        "reset.toml",
        &std::fs::read_to_string(fixture("valid/desk-stretch.toml")).unwrap(),
    );
    let listed = stdout(&home.run(&["list"]));
    let reset_rows: Vec<&str> = listed
        .lines()
        .filter(|l| l.starts_with("reset "))
        .map(str::trim)
        .collect();
    assert_eq!(reset_rows.len(), 1);
    assert!(reset_rows[0].ends_with("Desk stretch"), "{reset_rows:?}");
}

#[test]
fn list_has_a_header_and_wardrobe_order() {
    let home = Home::new();
    home.add_routine(
        "aaa.toml",
        &std::fs::read_to_string(fixture("valid/desk-stretch.toml"))
            .unwrap()
            .replace("\"office\"", "\"zen\""),
    );
    let out = home.run(&["list"]);
    let text = stdout(&out);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        ["NAME", "WARDROBE", "TIME", "STEPS", "SHORT", "TITLE"]
    );
    let wardrobes: Vec<&str> = lines
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    let rank = |w: &str| {
        ["morning", "office", "travel", "evening"]
            .iter()
            .position(|x| *x == w)
            .unwrap_or(4)
    };
    assert!(
        wardrobes.windows(2).all(|p| rank(p[0]) <= rank(p[1])),
        "{wardrobes:?}"
    );
    assert_eq!(wardrobes.last(), Some(&"zen"));
}

#[test]
fn the_annotated_example_of_the_format_validates_with_its_documented_totals() {
    let readme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("routines/README.md"),
    )
    .unwrap();
    let start = readme.find("```toml\n# after-drive.toml").unwrap() + "```toml\n".len();
    let length = readme[start..].find("```\n").unwrap();
    let home = Home::new();
    home.add_routine("after-drive.toml", &readme[start..start + length]);
    let out = home.run(&["validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "no warning expected");
    assert!(
        stdout(&out).contains("after-drive.toml: ok, 2:34, short 1:12"),
        "{}",
        stdout(&out)
    );
}
