//! Property tests of everything that reads a file a person may have edited or received: the
//! routine loader, the config loader and the journal reader. Arbitrary bytes and mutated
//! valid files give problems or records, never a panic, and never take long.
//!
//! `cargo test --test properties` runs a few thousand cases. For a long campaign, raise the
//! count: `PROPTEST_CASES=200000 cargo test --release --test properties`.

use std::path::Path;
use std::time::Duration;

use nix::time::{ClockId, clock_gettime};

use proptest::prelude::*;

use poised::config::Config;
use poised::journal;
use poised::routine::load::{BUILTIN, parse_text};

/// The most any one read may take; the inputs here are far smaller than the 256 KiB limit,
/// so this bounds the cost per byte with room for a loaded machine.
const SLOW: Duration = Duration::from_millis(100);

const JOURNAL: &str = r#"format = 1

[[session]]
routine = "morning"
title = "Morning mobility"
variant = "full"
started = 2026-11-21T07:02:11+01:00
ended = 2026-11-21T07:09:13+01:00
active_seconds = 420
completed = true
steps_done = 6
steps_total = 6
stiffness_before = 6
stiffness_after = 3
note = "left hip tight"
painful_steps = ["Bird-dog"]

[[checkin]]
at = 2026-11-22T07:00:00+01:00
stiffness = 4

[[rest]]
date = 2026-11-23
reason = "flare"
"#;

const CONFIG: &str = "bell = true\nreduced_motion = false\nday_starts_at = \"03:00\"\n";

/// The cases per property: 1,500 in `cargo test`, or `PROPTEST_CASES` for a long campaign.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_500)
}

/// One change to a valid file: a byte replaced, removed or inserted, or a slice repeated.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, u8),
    Remove(usize),
    Insert(usize, u8),
    Repeat(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let interesting = prop_oneof![
        any::<u8>(),
        Just(b'['),
        Just(b']'),
        Just(b'"'),
        Just(b'='),
        Just(b'\n'),
        Just(b'.'),
        Just(b'-'),
        Just(0x1b),
    ];
    prop_oneof![
        (any::<usize>(), interesting.clone()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        any::<usize>().prop_map(Mutation::Remove),
        (any::<usize>(), interesting).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1..64usize).prop_map(|(i, n)| Mutation::Repeat(i, n)),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        let at = |i: usize, len: usize| if len == 0 { 0 } else { i % len };
        match *m {
            Mutation::Replace(i, b) if !bytes.is_empty() => {
                let i = at(i, bytes.len());
                bytes[i] = b;
            }
            Mutation::Remove(i) if !bytes.is_empty() => {
                bytes.remove(at(i, bytes.len()));
            }
            Mutation::Insert(i, b) => bytes.insert(at(i, bytes.len() + 1), b),
            Mutation::Repeat(i, n) if !bytes.is_empty() => {
                let start = at(i, bytes.len());
                let end = (start + n).min(bytes.len());
                let slice = bytes[start..end].to_vec();
                bytes.splice(start..start, slice);
            }
            _ => {}
        }
    }
    bytes
}

fn routine_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<Vec<u8>>().prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        ".*",
        (0..BUILTIN.len(), prop::collection::vec(mutation(), 1..8))
            .prop_map(|(i, m)| { String::from_utf8_lossy(&mutate(BUILTIN[i].1, &m)).into_owned() }),
    ]
}

/// Runs `f`, failing if it used more than [`SLOW`] of this thread's CPU time (not the wall
/// clock, which a loaded machine stretches at random).
fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let cpu = || Duration::from(clock_gettime(ClockId::CLOCK_THREAD_CPUTIME_ID).expect("cpu time"));
    let started = cpu();
    let result = f();
    let took = cpu() - started;
    assert!(took < SLOW, "{what} took {took:?} of CPU time");
    result
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn the_routine_loader_never_panics(text in routine_text()) {
        let checked = timed("a routine", || parse_text(Path::new("r.toml"), "r", &text));
        if let Err(problems) = checked {
            prop_assert!(!problems.is_empty());
            for p in problems {
                prop_assert!(p.line >= 1 && p.column >= 1);
                prop_assert!(!p.message.is_empty());
            }
        }
    }

    #[test]
    fn the_config_loader_never_panics_and_always_gives_settings(
        bytes in prop_oneof![
            any::<Vec<u8>>(),
            prop::collection::vec(mutation(), 1..8).prop_map(|m| mutate(CONFIG, &m)),
        ]
    ) {
        let text = String::from_utf8_lossy(&bytes);
        let loaded = timed("a config", || Config::parse(Path::new("config.toml"), &text));
        for warning in &loaded.warnings {
            prop_assert!(warning.starts_with("config.toml:"), "{}", warning);
        }
    }

    #[test]
    fn the_journal_reader_never_panics(
        bytes in prop_oneof![
            any::<Vec<u8>>(),
            prop::collection::vec(mutation(), 1..8).prop_map(|m| mutate(JOURNAL, &m)),
        ]
    ) {
        let parsed = timed("a journal", || journal::parse(Path::new("journal.toml"), &bytes));
        // Every record comes from a `[[table]]` header in the bytes.
        let headers = bytes.windows(2).filter(|w| w == b"[[").count();
        prop_assert!(parsed.records.len() <= headers);
    }
}

#[test]
fn a_routine_file_of_the_largest_size_is_read_within_the_budget() {
    let limit = usize::try_from(poised::routine::limits::MAX_FILE_BYTES).unwrap();
    let mut text = BUILTIN[0].1.to_string();
    while text.len() + 64 < limit {
        text.push_str("# a comment line that pads the file to its largest size ......\n");
    }
    let checked = timed("a 256 KiB routine", || {
        parse_text(Path::new("r.toml"), "r", &text)
    });
    assert!(checked.is_ok());
    let broken = text.replace("[[step]]", "[step]");
    assert!(
        timed("a broken 256 KiB routine", || parse_text(
            Path::new("r.toml"),
            "r",
            &broken
        ))
        .is_err()
    );
}

#[test]
fn unmutated_files_read_whole() {
    for (id, text) in BUILTIN {
        assert!(parse_text(Path::new("r.toml"), id, text).is_ok(), "{id}");
    }
    assert!(
        Config::parse(Path::new("config.toml"), CONFIG)
            .warnings
            .is_empty()
    );
    let parsed = journal::parse(Path::new("journal.toml"), JOURNAL.as_bytes());
    assert_eq!(parsed.records.len(), 3);
    assert!(parsed.warnings.is_empty());
}
