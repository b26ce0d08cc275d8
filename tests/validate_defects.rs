//! `poised validate` on the one-defect fixtures: every defect is reported at its path, line and
//! column, in plain words with what to do. (Valid files, `poised list` and the limits:
//! `validate.rs`.)

mod common;

use common::{Home, fixture, stderr};

/// Each fixture has exactly one defect, at this line and column, with a message containing
/// the first text, and advice (what to do) containing the second.
const DEFECTS: &[(&str, &str, &str, &str)] = &[
    (
        "syntax-error.toml",
        "9:8",
        "expected `]`",
        "check its quotes, brackets",
    ),
    (
        "zero-seconds.toml",
        "8:11",
        "seconds is 0 here",
        "write at least 1",
    ),
    (
        "negative-seconds.toml",
        "8:11",
        "seconds is -5 here",
        "write at least 1",
    ),
    (
        "seconds-below-one.toml",
        "8:11",
        "seconds is 0.0004 here",
        "with one decimal like 2.5",
    ),
    (
        "seconds-two-decimals.toml",
        "8:11",
        "seconds is 2.25 here",
        "with one decimal like 2.5",
    ),
    (
        "seconds-in-quotes.toml",
        "8:11",
        "without quotes",
        "write it like seconds = 30",
    ),
    (
        "breath-below-one.toml",
        "9:24",
        "inhale is 0.5 here",
        "write at least 1",
    ),
    (
        "breath-hold-tiny.toml",
        "9:34",
        "hold is 0.0001 here",
        "write 0, or at least 1",
    ),
    (
        "rep-hold-tiny.toml",
        "10:8",
        "hold is 1e-300 here",
        "write 0, or at least 1",
    ),
    (
        "get-ready-tiny.toml",
        "4:13",
        "get_ready is 0.05 here",
        "write 0, or at least 1",
    ),
    (
        "both-reps-and-seconds.toml",
        "9:8",
        "either `seconds` or `reps`, not both",
        "remove one",
    ),
    (
        "neither-reps-nor-seconds.toml",
        "6:8",
        "neither `seconds` nor `reps`",
        "add `seconds = 30`",
    ),
    (
        "unknown-preset.toml",
        "4:13",
        "unknown breathing preset `fast`",
        "use one of",
    ),
    (
        "no-steps.toml",
        "1:1",
        "at least one step",
        "add a [[step]] table",
    ),
    (
        "duplicate-step-name.toml",
        "11:8",
        "a step named `A` already exists",
        "give each step",
    ),
    (
        "unknown-key.toml",
        "8:1",
        "`secods` is not a key",
        "check its spelling",
    ),
    (
        "breathing-key-typo.toml",
        "5:27",
        "`exale` is not a key",
        "check its spelling",
    ),
    (
        "reps-without-release.toml",
        "8:8",
        "needs `release`",
        "for example `release = 2`",
    ),
    (
        "phase-out-of-range.toml",
        "4:9",
        "phase 7 does not exist",
        "use 1, 2, 3 or 4",
    ),
    (
        "reps-fraction.toml",
        "8:8",
        "reps must be a whole number, not 2.5",
        "write it like reps = 2",
    ),
    (
        "single-bracket-step.toml",
        "5:1",
        "use [[step]] (two brackets) for each step",
        "use [[step]]",
    ),
    (
        "missing-cue.toml",
        "5:1",
        "this step has no `cue`",
        "add a line like cue =",
    ),
    (
        "missing-title.toml",
        "1:1",
        "`title` is missing",
        "add a line like title =",
    ),
    (
        "empty-title.toml",
        "1:9",
        "title must not be empty",
        "write a few words",
    ),
    (
        "title-not-text.toml",
        "1:9",
        "title must be text in quotes",
        "like title = \"...\"",
    ),
    (
        "per-side-yes.toml",
        "9:12",
        "per_side must be true or false, not \"yes\"",
        "write per_side = true",
    ),
    (
        "duplicate-key.toml",
        "9:1",
        "`seconds` is set twice",
        "keep one",
    ),
    (
        "setting-not-a-list.toml",
        "5:11",
        "setting is a list in brackets",
        "like setting = [",
    ),
    (
        "cue-too-long.toml",
        "7:7",
        "cue has 2001 characters; the most is 2000",
        "shorten it",
    ),
    (
        "step-too-long.toml",
        "6:8",
        "this step takes 1:06:50; a step can take at most 30 minutes",
        "use fewer reps",
    ),
    (
        "routine-too-long.toml",
        "1:1",
        "this routine takes 2:05:25; a routine can take at most 2 hours",
        "split it in two",
    ),
    (
        "too-many-steps.toml",
        "506:8",
        "at most 100 steps and this is step 101",
        "split the routine",
    ),
    (
        "sides-without-per-side.toml",
        "9:9",
        "`sides` goes with `per_side = true`",
        "add that, or remove `sides`",
    ),
    (
        "one-side.toml",
        "10:9",
        "`sides` needs two texts",
        "for example `sides = [",
    ),
    (
        "first-side-unknown.toml",
        "10:14",
        "`first_side` is \"left\" or \"right\", not \"up\"",
        "write first_side = \"left\"",
    ),
    (
        "short-not-shorter.toml",
        "11:18",
        "fewer reps than the full one (4)",
        "use a whole number from 1 to 3",
    ),
    (
        "short-reps-on-timed.toml",
        "9:18",
        "this step is timed",
        "shorten it with `short = { seconds = N }`",
    ),
    (
        "hold-with-seconds.toml",
        "9:8",
        "`effort`, `hold` and `release` go with `reps`",
        "remove this",
    ),
    (
        "easier-zero-release.toml",
        "14:11",
        "release is 0 here",
        "write at least 1",
    ),
    (
        "easier-unknown-key.toml",
        "11:1",
        "`name` is not a key poised knows here",
        "check its spelling",
    ),
    (
        "empty-detail.toml",
        "9:10",
        "detail must not be empty",
        "write a few words",
    ),
];

#[test]
fn each_defect_is_reported_as_path_line_column_message() {
    let home = Home::new();
    for (file, position, message, advice) in DEFECTS {
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
        assert!(
            err.contains(advice),
            "{file}: expected advice `{advice}` in:\n{err}"
        );
    }
}

#[test]
fn every_invalid_fixture_is_in_the_table() {
    let dir = fixture("invalid");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            DEFECTS.iter().any(|(f, ..)| *f == name),
            "{name} has no row in DEFECTS"
        );
    }
}

#[test]
fn no_message_speaks_rust_or_serde() {
    let home = Home::new();
    for (file, ..) in DEFECTS {
        let path = fixture(&format!("invalid/{file}"));
        let err = stderr(&home.run(&["validate", path.to_str().unwrap()]));
        for word in [
            "i64",
            "u8",
            "invalid type",
            "sequence",
            "map,",
            "serde",
            "os error",
            "field `",
        ] {
            assert!(!err.contains(word), "{file}: `{word}` in:\n{err}");
        }
    }
}
