//! The report as Markdown, for pasting into an email: the same sections as the HTML, the
//! calendar and the figures as tables. Text from the journal is escaped so it stays text.

use std::fmt::Write as _;

use chrono::Datelike;

use super::NOT_A_DIAGNOSIS;
use super::chart::caption;
use super::model::Report;
use super::words::{self, Table};

/// The whole Markdown document.
#[must_use]
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let mut put = |text: String| {
        out.push_str(&text);
        out.push_str("\n\n");
    };
    put("# Back-care record".to_string());
    put(format!("**{}**", words::period(report)));
    put(format!(
        "Routines done: {}",
        escape(&words::routines_done(report))
    ));
    put(format!("> {NOT_A_DIAGNOSIS}"));
    put("## Adherence".to_string());
    put(calendar(report));
    put(words::day_counts(report));
    put("### Sessions per week".to_string());
    put(table(&words::weeks_table(report)));
    put("### Sessions per routine".to_string());
    put(table_or(&words::routines_table(report), "No sessions."));
    if !report.adherence.desk.is_empty() {
        put("### Desk resets".to_string());
        put(words::DESK_RESETS.to_string());
        put(table(&words::desk_table(report)));
    }
    put("## Stiffness".to_string());
    put(caption(report.period).replace(" Faint marks: each day's mean.", ""));
    put(table(&words::stiffness_table(report)));
    for line in words::stiffness_lines(report) {
        put(line);
    }
    put("## Pain marks".to_string());
    put(table_or(
        &words::pain_table(report),
        "No step was marked painful.",
    ));
    put("## Notes".to_string());
    put(table_or(&words::notes_table(report), "No notes."));
    put("## Rest days".to_string());
    put(table_or(&words::rest_table(report), "No rest days."));
    put("## Routines as done".to_string());
    put(words::ROUTINE_VERSIONS.to_string());
    for routine in &report.routines {
        put(format!("### {}", escape(&routine.title)));
        put(table(&words::versions_table(routine)));
        put(table_or(&words::steps_table(routine), words::ROUTINE_GONE));
    }
    put("## Hints that applied".to_string());
    put(table_or(&words::hints_table(report), "No hint applied."));
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// One row per week: ✓ done, ½ partly done, R rest day, · none; blank outside the period.
fn calendar(report: &Report) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for day in &report.adherence.days {
        let weekday = day.date.weekday().num_days_from_monday() as usize;
        if rows.is_empty() || weekday == 0 {
            let monday = day.date - chrono::Days::new(weekday as u64);
            let mut row = vec![words::date(monday)];
            row.resize(weekday + 1, String::new());
            rows.push(row);
        }
        if let Some(row) = rows.last_mut() {
            row.push(day.state.mark().to_string());
        }
    }
    for row in &mut rows {
        row.resize(8, String::new());
    }
    let legend = "✓ done, ½ partly done, R rest day, · none";
    let head = vec!["week of", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    format!("{}\n\n{legend}", table(&Table { head, rows }))
}

fn table_or(t: &Table, empty: &str) -> String {
    if t.rows.is_empty() {
        empty.to_string()
    } else {
        table(t)
    }
}

/// A GitHub-style table: a header row, a rule, then one line per row.
fn table(t: &Table) -> String {
    let mut out = format!("| {} |\n", t.head.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(t.head.len()));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| escape(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.truncate(out.trim_end().len());
    out
}

/// Backslash-escapes the characters that would make Markdown (or HTML inside it) of text,
/// and turns line breaks into spaces so a cell stays on its row.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
