//! `poised report` through the real binary: the pain marks with their sides and choices and
//! the easier version afterwards, the versions of the routines and what changed, the hints, and
//! the desk resets per week, each against values worked out by hand from the journal of
//! `report_support`.

mod journal_support;
mod report_support;

use journal_support::poised;
use report_support::{home, morning_now, report, row, rows, section_text};
use scraper::Html;

/// The morning file as it is now, played from 5 to 9 Nov, against the older version of 3 Nov
/// (compared by the full sessions' plans of 3 and 9 Nov).
fn morning_now_row() -> Vec<String> {
    row(&[
        &format!("{} (the file now)", morning_now()),
        "Thu 5 Nov 2026",
        "Mon 9 Nov 2026",
        "3",
        "renamed Cat-camel to Cat and camel; added Clamshells (10 reps each side); \
         Bridges: 10 reps → 12 reps; Knee rolls: 0:30 → 0:45",
    ])
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
            morning_now_row(),
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

#[test]
fn a_file_changed_as_the_period_begins_is_compared_with_the_version_played_before_it() {
    let home = home();
    let args = [
        "report",
        "--format",
        "html",
        "--out",
        "-",
        "--since",
        "2026-11-05",
        "--until",
        "2026-11-15",
    ];
    let output = poised(home.path(), &args);
    let doc = Html::parse_document(&String::from_utf8(output.stdout).unwrap());
    // The morning file played on 2 and 3 Nov, before this period, is the older version.
    assert_eq!(rows(&doc, "routines", 0), [morning_now_row()]);
}
