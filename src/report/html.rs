//! The report as one self-contained HTML file: inline CSS (with print rules: A4 and Letter,
//! a page break between sections), inline SVG, no script, nothing fetched. Every text from
//! the journal or a routine file goes through maud, which escapes it.

use chrono::Datelike;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::NOT_A_DIAGNOSIS;
use super::chart;
use super::model::{DayCell, DayState, Report};
use super::words::{self, Table};

const STYLE: &str = include_str!("report.css");
/// Weeks in one block of the calendar, so long periods wrap instead of running off the page.
const CALENDAR_BLOCK_WEEKS: usize = 26;
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The whole HTML document.
#[must_use]
pub fn render(report: &Report) -> String {
    let period = words::period(report);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Back-care record, " (period) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { "Back-care record" }
                    p.period { (period) }
                    p { "Routines done: " (words::routines_done(report)) }
                    p.disclaimer { (NOT_A_DIAGNOSIS) }
                }
                (adherence(report))
                (stiffness(report))
                (section("pain", "Pain marks", &words::pain_table(report), "No step was marked painful."))
                (section("notes", "Notes", &words::notes_table(report), "No notes."))
                (section("rest", "Rest days", &words::rest_table(report), "No rest days."))
                (routines(report))
                (section("hints", "Hints that applied", &words::hints_table(report), "No hint applied."))
            }
        }
    }
    .into_string()
}

fn adherence(report: &Report) -> Markup {
    html! {
        section #adherence {
            h2 { "Adherence" }
            @for block in report.adherence.days.chunks(7 * CALENDAR_BLOCK_WEEKS) {
                (calendar(block))
            }
            p.legend {
                @for state in [DayState::Done, DayState::Partly, DayState::Rest, DayState::None] {
                    span class=(class(state)) { (state.mark()) } " " (state.word()) " "
                }
            }
            p { (words::day_counts(report)) }
            h3 { "Sessions per week" }
            (table(&words::weeks_table(report)))
            h3 { "Sessions per routine" }
            (table_or(&words::routines_table(report), "No sessions."))
            @if !report.adherence.desk.is_empty() {
                h3 { "Desk resets" }
                p { (words::DESK_RESETS) }
                (table(&words::desk_table(report)))
            }
        }
    }
}

/// Weekdays as rows, weeks as columns, a month's name over the week its 1st falls in.
fn calendar(days: &[DayCell]) -> Markup {
    let Some(first) = days.first() else {
        return html! {};
    };
    let lead = first.date.weekday().num_days_from_monday() as usize;
    let mut cells: Vec<Option<&DayCell>> = vec![None; lead];
    cells.extend(days.iter().map(Some));
    cells.resize(cells.len().div_ceil(7) * 7, None);
    let weeks: Vec<&[Option<&DayCell>]> = cells.chunks(7).collect();
    html! {
        table.calendar {
            thead { tr {
                th {}
                @for week in &weeks {
                    th { (month_label(week, first.date)) }
                }
            } }
            tbody {
                @for (row, name) in WEEKDAYS.iter().enumerate() {
                    tr {
                        th { (name) }
                        @for week in &weeks {
                            @match week[row] {
                                Some(day) => td class=(class(day.state)) title=(day_title(*day)) { (day.state.mark()) },
                                None => td.out {},
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The short name of the month whose 1st the week holds; the period's first week, when it
/// holds no 1st, is named for its own month. A first week that holds a 1st (28 Oct to
/// Sun 1 Nov) is named for the month that begins in it.
fn month_label(week: &[Option<&DayCell>], first: chrono::NaiveDate) -> String {
    let mut days = week.iter().flatten();
    let named = days.clone().find(|d| d.date.day() == 1);
    named
        .or_else(|| days.next().filter(|d| d.date == first))
        .map(|d| d.date.format("%b").to_string())
        .unwrap_or_default()
}

fn day_title(day: DayCell) -> String {
    let sessions = match day.sessions {
        0 => String::new(),
        1 => ", 1 session".to_string(),
        n => format!(", {n} sessions"),
    };
    format!("{}: {}{sessions}", words::date(day.date), day.state.word())
}

fn class(state: DayState) -> &'static str {
    match state {
        DayState::Done => "done",
        DayState::Partly => "partly",
        DayState::Rest => "rest",
        DayState::None => "none",
    }
}

fn stiffness(report: &Report) -> Markup {
    html! {
        section #stiffness {
            h2 { "Stiffness" }
            figure {
                (chart::stiffness_chart(report.period, &report.stiffness))
                figcaption { (chart::caption(report.period)) }
            }
            @for line in words::stiffness_lines(report) { p { (line) } }
            h3 { "Weekly means" }
            (table(&words::stiffness_table(report)))
        }
    }
}

fn routines(report: &Report) -> Markup {
    html! {
        section #routines {
            h2 { "Routines as done" }
            p { (words::ROUTINE_VERSIONS) }
            @if report.routines.is_empty() { p { "No sessions." } }
            @for routine in &report.routines {
                h3 { (routine.title) }
                (table(&words::versions_table(routine)))
                (table_or(&words::steps_table(routine), words::ROUTINE_GONE))
            }
        }
    }
}

fn section(id: &str, heading: &str, rows: &Table, empty: &str) -> Markup {
    html! {
        section id=(id) {
            h2 { (heading) }
            (table_or(rows, empty))
        }
    }
}

fn table_or(rows: &Table, empty: &str) -> Markup {
    if rows.rows.is_empty() {
        html! { p { (empty) } }
    } else {
        table(rows)
    }
}

fn table(t: &Table) -> Markup {
    html! {
        table {
            thead { tr { @for h in &t.head { th { (h) } } } }
            tbody {
                @for row in &t.rows {
                    tr { @for cell in row { td { (cell) } } }
                }
            }
        }
    }
}
