//! The prepared two-week journal of the report tests
//! (`tests/fixtures/report/journal.toml`), every figure checked against values worked out by
//! hand from that file:
//!
//! | day | check-in | sessions (before -> after) | |
//! |---|---|---|---|
//! | Sat 31 Oct | | morning 9 -> 9 | before the period |
//! | Mon 2 Nov | 6 | morning 6 -> 4, note | done |
//! | Tue 3 Nov | 5 | morning 5 -> 3, "Bridges" painful (by name only) | done |
//! | Wed 4 Nov | 6 | | none |
//! | Thu 5 Nov | 3 | morning short 4 -> 4, Bridges played easier | done |
//! | Fri 6 Nov | | rest, "flare \| sore" | rest day |
//! | Sat 7 Nov | | morning ended early, 5 -> –, "Knee rolls" marked (right, ended) | partly done |
//! | Mon 9 Nov | 3 | morning 4 -> 2; Desk reset 3 -> 3, "Bridges" (left, gentler) and "Cat-camel" (skipped) marked; desk: 3 prompts | done |
//! | Tue 10 Nov | 4 | | none |
//! | Mon 16 Nov | 2 | | after the period |
//!
//! The morning sessions of 2 and 3 Nov record routine version `aaaa1111`, the later ones
//! `bbbb2222`, which the tests replace with the version of the built-in file as it is now.
//! The sessions from 3 Nov on record their steps; between the two versions Cat-camel was
//! renamed, Clamshells added, and Bridges and Knee rolls lengthened.

#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

use poised::routine::model::version_of;
use scraper::{ElementRef, Html, Selector};

use crate::journal_support::poised;

pub const PERIOD: [&str; 4] = ["--since", "2026-11-02", "--until", "2026-11-15"];

/// The version of the built-in morning routine's file as it is now.
pub fn morning_now() -> String {
    version_of(include_str!("../../routines/morning.toml"))
}

/// A home whose journal is the fixture; the morning sessions from 5 Nov on played the
/// built-in morning routine as its file is now, the two before an older version.
pub fn home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let journal = std::fs::read_to_string("tests/fixtures/report/journal.toml").unwrap();
    std::fs::write(
        home.path().join("journal.toml"),
        journal.replace("bbbb2222", &morning_now()),
    )
    .unwrap();
    home
}

pub fn report(home: &Path, format: &str) -> String {
    let mut args = vec!["report", "--format", format, "--out", "-"];
    args.extend(PERIOD);
    let output = poised(home, &args);
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

pub fn text(element: ElementRef) -> String {
    element.text().collect::<String>().trim().to_string()
}

/// The rows of the `n`th table (from 0) of a section, as cell texts.
pub fn rows(doc: &Html, section: &str, n: usize) -> Vec<Vec<String>> {
    let tables = Selector::parse(&format!("#{section} table")).unwrap();
    let tr = Selector::parse("tbody tr").unwrap();
    let td = Selector::parse("td").unwrap();
    let table = doc.select(&tables).nth(n).expect("the table");
    table
        .select(&tr)
        .map(|row| row.select(&td).map(text).collect())
        .collect()
}

pub fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(ToString::to_string).collect()
}

pub fn section_text(doc: &Html, section: &str) -> String {
    let selector = Selector::parse(section).unwrap();
    doc.select(&selector)
        .map(text)
        .collect::<Vec<_>>()
        .join("\n")
}
