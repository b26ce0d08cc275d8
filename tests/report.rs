//! `poised report` through the real binary on the prepared journal of `report_support`:
//! the document's form (well-formed, self-contained, escaped), the header, adherence,
//! stiffness, the Markdown tables and the command's arguments. The pain marks, the
//! routines' versions, the hints and the desk are in `report_entries.rs`.

mod journal_support;
mod report_support;

use journal_support::poised;
use report_support::{PERIOD, home, report, row, rows, section_text, text};
use scraper::{Html, Selector};

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

#[test]
fn the_calendar_names_each_month_over_the_week_holding_its_first_day() {
    let home = home();
    let months = |since: &str, until: &str| {
        let args = ["report", "--out", "-", "--since", since, "--until", until];
        let output = poised(home.path(), &args);
        assert!(output.status.success(), "{output:?}");
        let doc = Html::parse_document(&String::from_utf8(output.stdout).unwrap());
        let th = Selector::parse("table.calendar thead th").unwrap();
        doc.select(&th).skip(1).map(text).collect::<Vec<_>>()
    };
    // From a Wednesday: the first week holds 28 Oct to Sun 1 Nov, the last Mon 30 Nov to 3 Dec.
    assert_eq!(
        months("2026-10-28", "2026-12-03"),
        ["Nov", "", "", "", "", "Dec"]
    );
    // From mid-month: the first week is named for its own month, the next for the 1st it holds.
    assert_eq!(months("2026-11-25", "2026-12-10"), ["Nov", "Dec", ""]);
}
