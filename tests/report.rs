//! `poised report` through the real binary on a prepared two-week journal
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

mod journal_support;

use std::path::Path;

use journal_support::poised;
use poised::routine::model::version_of;
use scraper::{ElementRef, Html, Selector};

const PERIOD: [&str; 4] = ["--since", "2026-11-02", "--until", "2026-11-15"];

/// The version of the built-in morning routine's file as it is now.
fn morning_now() -> String {
    version_of(include_str!("../routines/morning.toml"))
}

/// A home whose journal is the fixture; the morning sessions from 5 Nov on played the
/// built-in morning routine as its file is now, the two before an older version.
fn home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let journal = std::fs::read_to_string("tests/fixtures/report/journal.toml").unwrap();
    std::fs::write(
        home.path().join("journal.toml"),
        journal.replace("bbbb2222", &morning_now()),
    )
    .unwrap();
    home
}

fn report(home: &Path, format: &str) -> String {
    let mut args = vec!["report", "--format", format, "--out", "-"];
    args.extend(PERIOD);
    let output = poised(home, &args);
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn text(element: ElementRef) -> String {
    element.text().collect::<String>().trim().to_string()
}

/// The rows of the `n`th table (from 0) of a section, as cell texts.
fn rows(doc: &Html, section: &str, n: usize) -> Vec<Vec<String>> {
    let tables = Selector::parse(&format!("#{section} table")).unwrap();
    let tr = Selector::parse("tbody tr").unwrap();
    let td = Selector::parse("td").unwrap();
    let table = doc.select(&tables).nth(n).expect("the table");
    table
        .select(&tr)
        .map(|row| row.select(&td).map(text).collect())
        .collect()
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(ToString::to_string).collect()
}

fn section_text(doc: &Html, section: &str) -> String {
    let selector = Selector::parse(section).unwrap();
    doc.select(&selector)
        .map(text)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_html_report_is_well_formed_self_contained_and_escaped() {
    let home = home();
    let html = report(home.path(), "html");
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "parse errors: {:?}", doc.errors);
    let any = |css: &str| doc.select(&Selector::parse(css).unwrap()).count();
    assert_eq!(any("script"), 0);
    assert_eq!(any("[src], link, iframe, object, embed, img"), 0);
    assert!(
        !html.contains("http") && !html.contains("url("),
        "nothing fetched"
    );
    let notes = rows(&doc, "notes", 0);
    assert_eq!(
        notes,
        [row(&[
            "Mon 2 Nov 2026 07:30",
            "Morning mobility",
            "tight <script>alert(1)</script> & \"co\" | *bold*"
        ])],
        "the note comes out as text"
    );
    assert!(html.contains("tight &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"));
}

#[test]
fn the_header_names_the_period_the_routines_and_that_it_is_no_diagnosis() {
    let home = home();
    let doc = Html::parse_document(&report(home.path(), "html"));
    let header = section_text(&doc, "header");
    assert!(
        header.contains("Mon 2 Nov 2026 to Sun 15 Nov 2026 (14 days)"),
        "{header}"
    );
    assert!(
        header.contains("Routines done: Morning mobility (5), Desk reset (1)"),
        "{header}"
    );
    assert!(header.contains("not a diagnosis"), "{header}");
}

#[test]
fn adherence_counts_days_weeks_and_routines() {
    let home = home();
    let doc = Html::parse_document(&report(home.path(), "html"));
    let section = section_text(&doc, "#adherence");
    assert!(
        section.contains("done 4 · partly done 1 · rest day 1 · none 8 (of 14 days)"),
        "{section}"
    );
    let cell = |title: &str| {
        let selector = Selector::parse(&format!("td[title=\"{title}\"]")).unwrap();
        let cell = doc.select(&selector).next().expect(title);
        (cell.value().attr("class").unwrap().to_string(), text(cell))
    };
    assert_eq!(
        cell("Mon 2 Nov 2026: done, 1 session"),
        ("done".into(), "✓".into())
    );
    assert_eq!(
        cell("Mon 9 Nov 2026: done, 2 sessions"),
        ("done".into(), "✓".into())
    );
    assert_eq!(
        cell("Fri 6 Nov 2026: rest day"),
        ("rest".into(), "R".into())
    );
    assert_eq!(
        cell("Sat 7 Nov 2026: partly done"),
        ("partly".into(), "½".into())
    );
    assert_eq!(cell("Wed 4 Nov 2026: none"), ("none".into(), "·".into()));
    // The calendar is table 0; then sessions per week, then per routine.
    assert_eq!(
        rows(&doc, "adherence", 1),
        [
            row(&["Mon 2 Nov 2026", "3", "3", "1"]),
            row(&["Mon 9 Nov 2026", "1", "2", "0"])
        ]
    );
    assert_eq!(
        rows(&doc, "adherence", 2),
        [
            row(&["Morning mobility", "3", "1", "1"]),
            row(&["Desk reset", "1", "0", "0"])
        ]
    );
}

#[test]
fn desk_resets_are_summed_per_week_when_the_desk_was_used() {
    let home = home();
    let doc = Html::parse_document(&report(home.path(), "html"));
    let section = section_text(&doc, "#adherence");
    assert!(section.contains("Desk resets"), "{section}");
    // 9 Nov: the 09:45 prompt snoozed, then a reset started from it (one prompt); the 10:45
    // prompt skipped; the 11:45 prompt missed; the office session (the desk's transition
    // routine) played to its end.
    assert_eq!(
        rows(&doc, "adherence", 3),
        [
            row(&["Mon 2 Nov 2026", "0", "0", "0", "0", "0", "0"]),
            row(&["Mon 9 Nov 2026", "1", "3", "1", "1", "1", "1"]),
        ]
    );
    let md = report(home.path(), "md");
    assert!(md.contains("### Desk resets"), "{md}");
    assert!(
        md.contains("| Mon 9 Nov 2026 | 1 | 3 | 1 | 1 | 1 | 1 |"),
        "{md}"
    );
}

#[test]
fn without_desk_records_the_report_says_nothing_of_the_desk() {
    let home = home();
    let mut args = vec!["report", "--format", "md", "--out", "-"];
    args.extend(["--since", "2026-11-02", "--until", "2026-11-08"]);
    let md = String::from_utf8(poised(home.path(), &args).stdout).unwrap();
    assert!(md.contains("## Adherence"), "{md}");
    assert!(!md.contains("Desk resets"), "{md}");
}

#[test]
fn stiffness_has_weekly_means_the_change_across_a_session_and_next_mornings() {
    let home = home();
    let doc = Html::parse_document(&report(home.path(), "html"));
    // Week 1: before (6+5+4+5)/4, after (4+3+4)/3, waking (6+5+6+3)/4.
    // Week 2: before (4+3)/2, after (2+3)/2, waking (3+4)/2.
    assert_eq!(
        rows(&doc, "stiffness", 0),
        [
            row(&["Mon 2 Nov 2026", "5.0", "3.7", "5.0"]),
            row(&["Mon 9 Nov 2026", "3.5", "2.5", "3.5"])
        ]
    );
    let section = section_text(&doc, "#stiffness");
    // (-2 -2 +0 -2 +0) / 5; the session ended early has no "after".
    assert!(
        section.contains("stiffness changed by -1.2 on average (5 rated sessions)"),
        "{section}"
    );
    // Session days with a check-in on the next day: 2 Nov 6->5, 3 Nov 5->6, 9 Nov 3->4.
    assert!(
        section.contains(
            "After days with a session, the next morning changed by +0.3 on average (3 days)"
        ),
        "{section}"
    );
    // Other days: 4 Nov 6->3.
    assert!(
        section.contains(
            "After days without a session, the next morning changed by -3.0 on average (1 day)"
        ),
        "{section}"
    );
    let lines = Selector::parse("#stiffness svg g.weekly polyline").unwrap();
    assert_eq!(
        doc.select(&lines).count(),
        3 + 3,
        "three lines and their legend"
    );
}

#[test]
fn pain_marks_rest_days_routines_and_hints() {
    let home = home();
    let doc = Html::parse_document(&report(home.path(), "html"));
    let unknown = "not recorded";
    assert_eq!(
        rows(&doc, "pain", 0),
        [
            // Recorded before the marks: the step's name only; the short session of 5 Nov
            // played Bridges in its easier version.
            row(&[
                "Tue 3 Nov 2026",
                "Morning mobility",
                "Bridges",
                unknown,
                unknown,
                "used from Thu 5 Nov 2026"
            ]),
            // The session of 9 Nov recorded its steps, Knee rolls as usual.
            row(&[
                "Sat 7 Nov 2026",
                "Morning mobility",
                "Knee rolls",
                "right",
                "ended the session",
                "not used"
            ]),
            row(&[
                "Mon 9 Nov 2026",
                "Desk reset",
                "Bridges",
                "left",
                "carried on gently",
                "no later session"
            ]),
            row(&[
                "Mon 9 Nov 2026",
                "Desk reset",
                "Cat-camel",
                "–",
                "skipped",
                "no later session"
            ]),
        ]
    );
    assert_eq!(
        rows(&doc, "rest", 0),
        [row(&["Fri 6 Nov 2026", "flare | sore"])]
    );
    let routines = section_text(&doc, "#routines");
    assert!(routines.contains("Morning mobility") && routines.contains("Bridges"));
    // Morning: two sessions of an older file, then three of the file as it is now, compared
    // by the full sessions' plans of 3 Nov and 9 Nov.
    assert_eq!(
        rows(&doc, "routines", 0),
        [
            row(&[
                "aaaa1111",
                "Mon 2 Nov 2026",
                "Tue 3 Nov 2026",
                "2",
                "first played in the period"
            ]),
            row(&[
                &format!("{} (the file now)", morning_now()),
                "Thu 5 Nov 2026",
                "Mon 9 Nov 2026",
                "3",
                "renamed Cat-camel to Cat and camel; added Clamshells (10 reps each side); \
                 Bridges: 10 reps → 12 reps; Knee rolls: 0:30 → 0:45"
            ]),
        ]
    );
    // The desk reset's session was recorded without a version.
    assert_eq!(
        rows(&doc, "routines", 2),
        [row(&[
            "not recorded",
            "Mon 9 Nov 2026",
            "Mon 9 Nov 2026",
            "1",
            "first played in the period"
        ])]
    );
    let hints = rows(&doc, "hints", 0);
    let spans: Vec<(&str, &str)> = hints
        .iter()
        .map(|h| (h[0].as_str(), h[1].as_str()))
        .collect();
    assert_eq!(
        spans,
        [
            ("Tue 3 Nov 2026", "Sun 15 Nov 2026"),
            ("Sat 7 Nov 2026", "Sun 15 Nov 2026"),
            ("Mon 9 Nov 2026", "Sun 15 Nov 2026"),
            ("Fri 13 Nov 2026", "Sun 15 Nov 2026"),
        ],
        "{hints:?}"
    );
    assert!(hints[0][2].contains("\"Bridges\""), "{hints:?}");
    assert!(hints[1][2].contains("\"Knee rolls\""), "{hints:?}");
    assert!(hints[2][2].contains("\"Cat-camel\""), "{hints:?}");
    assert!(hints[3][2].contains("no session for 4 days"), "{hints:?}");
}

/// Counts the `|` that separate cells (a `\|` is text).
fn separators(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    count
}

#[test]
fn the_markdown_report_has_the_same_sections_and_well_formed_tables() {
    let home = home();
    let md = report(home.path(), "md");
    for heading in [
        "# Back-care record",
        "## Adherence",
        "## Stiffness",
        "## Pain marks",
        "## Notes",
        "## Rest days",
        "## Routines as done",
        "## Hints that applied",
    ] {
        assert!(md.lines().any(|l| l == heading), "{heading} in\n{md}");
    }
    let lines: Vec<&str> = md.lines().collect();
    let mut tables = 0;
    for (i, line) in lines.iter().enumerate() {
        let starts = line.starts_with('|') && (i == 0 || !lines[i - 1].starts_with('|'));
        if !starts {
            continue;
        }
        tables += 1;
        let columns = separators(line);
        assert!(lines[i + 1].starts_with("|---|"), "a rule under {line}");
        for row in lines[i..].iter().take_while(|l| l.starts_with('|')) {
            assert_eq!(separators(row), columns, "{row}\nin a table headed {line}");
            assert!(row.ends_with('|'), "{row}");
        }
    }
    assert!(tables >= 9, "{tables} tables in\n{md}");
    assert!(md.contains("| Mon 2 Nov 2026 | 5.0 | 3.7 | 5.0 |"), "{md}");
    assert!(md.contains("| Fri 6 Nov 2026 | flare \\| sore |"), "{md}");
    assert!(md.contains("tight \\<script\\>alert(1)\\</script\\> \\& \"co\" \\| \\*bold\\*"));
    assert!(md.contains("done 4 · partly done 1 · rest day 1 · none 8 (of 14 days)"));
}

#[test]
fn without_out_the_report_goes_to_a_file_whose_path_is_printed() {
    let home = home();
    let mut args = vec!["report"];
    args.extend(PERIOD);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_poised"))
        .args(&args)
        .env("POISED_HOME", home.path())
        .current_dir(home.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let path = stdout
        .trim()
        .strip_prefix("report written to ")
        .expect(&stdout);
    assert!(
        path.ends_with("poised-report-2026-11-02-to-2026-11-15.html"),
        "{path}"
    );
    assert!(
        std::fs::read_to_string(path)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn a_backwards_period_is_refused_in_plain_words() {
    let home = home();
    let output = poised(
        home.path(),
        &["report", "--since", "2026-11-15", "--until", "2026-11-02"],
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("--since 2026-11-15 comes after --until 2026-11-02"),
        "{stderr}"
    );
    let output = poised(home.path(), &["report", "--since", "2 Nov"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("write it as YYYY-MM-DD"), "{stderr}");
}
