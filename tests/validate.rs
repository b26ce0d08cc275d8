//! `poised validate` and `poised list`: every defect is reported where it is, and a broken
//! user routine never hides the others.

mod common;

use common::{Home, fixture, stderr, stdout};

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
    let expected = format!(
        "poised: warning: {}:8:7: this cue has 24 words",
        path.display()
    );
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
fn a_ten_megabyte_file_is_refused_before_it_is_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let line = "title = \"x\"\n".repeat(10 * 1024 * 1024 / 12);
    std::fs::write(&path, line).unwrap();
    let started = std::time::Instant::now();
    let result = poised::routine::load::load_file(&path);
    let took = started.elapsed();
    let problems = result.unwrap_err();
    assert!(
        problems[0].message.contains("at most 256 KiB"),
        "{problems:?}"
    );
    assert!(took.as_millis() < 100, "took {took:?}");
    let out = Home::new().run(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("huge.toml:1:1: a routine file can be at most 256 KiB"));
}

#[test]
fn a_folder_is_named_with_what_to_run_instead() {
    let home = Home::new();
    let dir = home.path().join("mine");
    std::fs::create_dir(&dir).unwrap();
    let out = home.run(&["validate", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("is a folder, not a routine file"), "{err}");
    assert!(
        err.contains(&format!("poised validate {}/*.toml", dir.display())),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
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

/// Found by the fuzzer: a short version of a step whose `reps` is 0 panicked.
#[test]
fn zero_reps_with_a_short_version_is_refused_without_a_crash() {
    let text = "title = \"T\"\nwardrobe = \"office\"\nsummary = \"S.\"\n\n[[step]]\nname = \"A\"\n\
                cue = \"c\"\nreps = 0\neffort = 2\nrelease = 2\nshort = { reps = 1 }\n";
    let problems = poised::routine::validate::parse_routine("t", text).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.message.starts_with("reps must be a whole number from 1")),
        "{problems:?}"
    );
}
