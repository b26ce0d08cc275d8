//! Reading a damaged journal: every intact record counts, each damaged one is skipped with one
//! warning that names the file and line, the file is never changed by reading, and the next
//! append starts on a fresh line so it cannot merge with a broken tail.
#![allow(clippy::unwrap_used)] // helpers of tests unwrap like the tests themselves

mod journal_support;

use std::fs;
use std::path::Path;

use journal_support::{example_checkin, numbered_session, numbers, scratch_in_memory, write};
use poised::journal::{
    Journal, Parsed, Position, ReadError, Record, parse, record_toml, sealed_toml,
};

/// A journal of `n` numbered sessions, appended the normal way (in memory: the tests below
/// make hundreds of journals, and what they check does not depend on the disk).
fn journal_of(n: u64) -> (tempfile::TempDir, Journal) {
    let dir = scratch_in_memory();
    let journal = Journal::new(dir.path().join("journal.toml"));
    for i in 0..n {
        journal.append(&numbered_session(i)).unwrap();
    }
    (dir, journal)
}

fn bytes(journal: &Journal) -> Vec<u8> {
    fs::read(journal.path()).unwrap()
}

fn append_raw(journal: &Journal, tail: &[u8]) {
    let mut all = bytes(journal);
    all.extend_from_slice(tail);
    fs::write(journal.path(), all).unwrap();
}

/// After a damaged tail: the next append keeps every earlier byte, starts on its own line and
/// is read back after the earlier records.
fn assert_next_append_is_clean(journal: &Journal, before: &[u8], earlier: &[u64]) {
    journal.append(&numbered_session(999)).unwrap();
    let after = bytes(journal);
    assert_eq!(
        &after[..before.len()],
        before,
        "an append changed earlier bytes"
    );
    let added = String::from_utf8_lossy(&after[before.len()..]).into_owned();
    let fresh_line = if before.ends_with(b"\n") {
        "\n[[session]]\n"
    } else {
        "\n\n[[session]]\n"
    };
    assert!(added.starts_with(fresh_line), "{added:?}");
    let parsed = journal.read().unwrap();
    assert_eq!(numbers(&parsed.records), [earlier, &[999]].concat());
    assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
}

#[test]
fn a_record_cut_anywhere_by_a_crash_is_skipped_and_the_rest_count() {
    let record = sealed_toml(&numbered_session(3), "5eed5eed5eed5eed");
    for cut in 1..record.trim_end().len() {
        let (_dir, journal) = journal_of(3);
        append_raw(&journal, format!("\n{}", &record[..cut]).as_bytes());
        let before = bytes(&journal);
        let parsed = journal.read().unwrap();
        assert_eq!(bytes(&journal), before, "reading changed the file");
        assert_eq!(
            numbers(&parsed.records),
            [0, 1, 2],
            "cut at {cut}: {:?}",
            &record[..cut]
        );
        assert_eq!(parsed.warnings.len(), 1, "cut at {cut}");
        assert!(parsed.warnings[0].line >= 33, "{}", parsed.warnings[0]);
        assert_next_append_is_clean(&journal, &before, &[0, 1, 2]);
    }
}

#[test]
fn garbage_at_the_end_is_named_by_line_and_the_rest_count() {
    let (_dir, journal) = journal_of(2);
    append_raw(&journal, b"\n[[session]]\nroutine = \"mor\xff\x00ning");
    let before = bytes(&journal);
    let parsed = journal.read().unwrap();
    assert_eq!(bytes(&journal), before);
    assert_eq!(numbers(&parsed.records), [0, 1]);
    let warning = &parsed.warnings[0];
    assert_eq!((warning.line, warning.column), (30, Some(15)));
    assert_eq!(
        warning.to_string(),
        format!(
            "{} line 30, column 15: skipped the damaged record on lines 29-30: this is not UTF-8 text. \
             The file is unchanged; fix or delete those lines to count the record again",
            journal.path().display()
        )
    );
    assert_next_append_is_clean(&journal, &before, &[0, 1]);
}

#[test]
fn a_tail_of_any_text_without_a_header_leaves_the_records_before_it() {
    let (_dir, journal) = journal_of(2);
    append_raw(&journal, b"this is not toml at all");
    let before = bytes(&journal);
    let parsed = journal.read().unwrap();
    assert_eq!(numbers(&parsed.records), [0]);
    assert_eq!(parsed.warnings[0].line, 28);
    assert_next_append_is_clean(&journal, &before, &[0]);
}

/// A journal where the middle record has one hand-edit mistake.
fn with_mistake(line: &str, replacement: &str) -> Parsed {
    let records: String = (0..3)
        .map(|i| format!("\n{}", record_toml(&numbered_session(i))))
        .collect();
    let middle = records.match_indices("[[session]]").nth(1).unwrap().0;
    let (head, tail) = records.split_at(middle);
    let text = format!("format = 1\n{head}{}", tail.replacen(line, replacement, 1));
    parse(Path::new("/home/u/journal.toml"), text.as_bytes())
}

/// Makes one hand-edit mistake in the middle record (lines 14-23) and checks that only that
/// record is skipped, with one warning at `place` (line, column) that `says` something.
fn assert_mistake(line: &str, replacement: &str, place: (u64, Option<u64>), says: &str) {
    let parsed = with_mistake(line, replacement);
    assert_eq!(numbers(&parsed.records), [0, 2], "{replacement}");
    assert_eq!(parsed.warnings.len(), 1, "{replacement}");
    let warning = &parsed.warnings[0];
    assert_eq!(
        (warning.line, warning.column),
        place,
        "{replacement}: {warning}"
    );
    assert!(warning.message.contains(says), "{replacement}: {warning}");
    assert!(
        warning
            .message
            .starts_with("skipped the damaged record on lines 14-"),
        "{warning}"
    );
    assert!(
        warning
            .to_string()
            .starts_with("/home/u/journal.toml line "),
        "{warning}"
    );
}

#[test]
fn a_hand_edit_mistake_skips_only_that_record_and_names_its_line() {
    assert_mistake(
        "steps_done = 2",
        "steps_done = two",
        (22, Some(14)),
        "invalid",
    );
    let negative = "`steps_done` must be a whole number from 0 up, not -2";
    assert_mistake(
        "steps_done = 2",
        "steps_done = -2",
        (22, Some(14)),
        negative,
    );
    let decimal = "must be a whole number from 0 up, not a decimal";
    assert_mistake(
        "active_seconds = 1",
        "active_seconds = 1.5",
        (20, Some(18)),
        decimal,
    );
    assert_mistake(
        "routine = \"evening\"",
        "routine = \"evening",
        (15, Some(19)),
        "invalid",
    );
    assert_mistake(
        "routine = \"evening\"",
        "routine = evening",
        (15, Some(11)),
        "string values must be quoted",
    );
    assert_mistake(
        "completed = false",
        "completed = no",
        (21, Some(13)),
        "invalid",
    );
    let missing = "[[session]] lacks `completed`, which must be true or false";
    assert_mistake("completed = false", "", (14, None), missing);
    let twice = "steps_total = 5\nsteps_total = 6";
    assert_mistake("steps_total = 5", twice, (24, Some(1)), "duplicate key");
    let single = "a record starts with [[session]], in double brackets, not [session]";
    assert_mistake("[[session]]", "[session]", (14, None), single);
}

#[test]
fn datetimes_must_be_real_and_carry_their_utc_offset() {
    let started = "started = 2026-11-21T21:00:00-05:00";
    assert_mistake(
        started,
        "started = 2026-11-21T21:00:00",
        (18, Some(11)),
        "UTC offset",
    );
    assert_mistake(
        started,
        "started = 2026-02-30T21:00:00-05:00",
        (18, Some(11)),
        "",
    );
    assert_mistake(
        started,
        "started = \"2026-11-21T21:00:00-05:00\"",
        (18, Some(11)),
        "not text",
    );
}

#[test]
fn a_session_that_ends_before_it_starts_is_damaged() {
    assert_mistake(
        "ended = 2026-11-21T21:05:00-05:00",
        "ended = 2026-11-21T20:59:59-05:00",
        (19, Some(9)),
        "`ended` is before `started`, which cannot be",
    );
}

#[test]
fn stiffness_must_be_from_zero_to_ten() {
    let text =
        record_toml(&Record::Checkin(example_checkin())).replace("stiffness = 4", "stiffness = 11");
    let parsed = parse(Path::new("j"), text.as_bytes());
    assert_eq!(parsed.records, []);
    assert!(
        parsed.warnings[0]
            .message
            .contains("`stiffness` must be a whole number from 0 to 10, not 11")
    );
}

#[test]
fn reading_from_where_a_read_ended_gives_exactly_the_records_appended_since() {
    let (_dir, journal) = journal_of(3);
    let first = journal.read().unwrap();
    journal.append(&numbered_session(3)).unwrap();
    journal.append(&Record::Checkin(example_checkin())).unwrap();
    let since = journal.read_from(first.end).unwrap();
    assert_eq!(since.records[1..], [Record::Checkin(example_checkin())]);
    assert_eq!(numbers(&since.records), [3]);
    let whole = journal.read().unwrap();
    assert_eq!(since.end, whole.end);
    assert_eq!([first.records, since.records].concat(), whole.records);
}

#[test]
fn resumed_reading_names_the_same_lines_as_a_whole_read() {
    let (_dir, journal) = journal_of(2);
    let first = journal.read().unwrap();
    append_raw(&journal, b"\n[[checkin]]\nat = yesterday\n");
    let since = journal.read_from(first.end).unwrap();
    let whole = journal.read().unwrap();
    assert_eq!(since.warnings, whole.warnings);
    assert_eq!(since.warnings[0].line, 30);
}

#[test]
fn reading_from_beyond_the_end_of_an_edited_file_says_it_was_edited() {
    let (_dir, journal) = journal_of(2);
    let end = journal.read().unwrap().end;
    write(journal.path(), "format = 1\n");
    let error = journal.read_from(end).unwrap_err();
    assert!(
        matches!(error, ReadError::Shrunk { len: 11, .. }),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("so it was edited; read it again from the start")
    );
    assert!(journal.read_from(Position::START).is_ok());
}

#[test]
fn a_damaged_first_line_is_named_and_the_records_still_count() {
    let text = format!(
        "format = = 1\n\n{}",
        record_toml(&Record::Checkin(example_checkin()))
    );
    let parsed = parse(Path::new("j"), text.as_bytes());
    assert_eq!(parsed.records, [Record::Checkin(example_checkin())]);
    assert_eq!(
        (parsed.warnings[0].line, parsed.warnings[0].column),
        (1, Some(10))
    );
    assert!(
        parsed.warnings[0]
            .message
            .starts_with("skipped lines 1-1: ")
    );
    assert!(
        parsed.warnings[0]
            .message
            .ends_with("fix or delete those lines")
    );
}

#[test]
fn keys_appended_outside_any_record_are_named_when_read_on_their_own() {
    let (_dir, journal) = journal_of(1);
    let first = journal.read().unwrap();
    append_raw(&journal, b"stiffness = 3\n");
    let since = journal.read_from(first.end).unwrap();
    assert_eq!(since.records, []);
    assert_eq!(since.warnings.len(), 1);
    assert_eq!(
        (since.warnings[0].line, since.warnings[0].column),
        (15, None)
    );
    assert!(
        since.warnings[0]
            .message
            .starts_with("skipped lines 15-15: these keys are outside any record.")
    );
}

#[test]
fn any_bytes_at_all_are_read_without_a_panic() {
    let records: String = (0..4)
        .map(|i| format!("\n{}", record_toml(&numbered_session(i))))
        .collect();
    let base = format!("format = 1\n{records}").into_bytes();
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    let mut next = |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    for _ in 0..3_000 {
        let mut bytes = base.clone();
        for _ in 0..=next(4) {
            let at = next(bytes.len());
            match next(3) {
                0 => bytes[at] = next(256) as u8,
                1 => bytes.insert(at, b"[\"\\\n=#\xc3"[next(7)]),
                _ => bytes.truncate(at.max(1)),
            }
        }
        let parsed = parse(Path::new("j"), &bytes);
        // At most one record or one warning per chunk: per header line, plus the first lines.
        let headers = bytes
            .split(|b| *b == b'\n')
            .filter(|l| l.trim_ascii_start().starts_with(b"["))
            .count();
        assert!(parsed.records.len() + parsed.warnings.len() <= headers + 1);
    }
}
