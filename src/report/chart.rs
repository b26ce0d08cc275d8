//! The stiffness chart as inline SVG: weekly means as three lines, told apart by dash and
//! marker as well as colour, with each day's means as faint marks behind them.
//!
//! A small writer of our own rather than a charting crate: the chart is three polylines,
//! some marks, a grid and a legend, and writing them through maud keeps every attribute
//! escaped and the SVG inside the one HTML file.

use chrono::{Days, NaiveDate};
use maud::{Markup, html};

use super::input::Period;
use super::model::{Stiffness, WeekMeans};
use super::words;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 40.0;
/// Beyond this many days the daily marks would smear; only the weekly lines are drawn.
pub const DAILY_MARKS_UP_TO: i64 = 182;
/// The most date labels on the axis.
const LABELS: usize = 8;
/// The width a date label takes on the axis ("26 Oct 2026"), with a gap.
const LABEL_WIDTH: f64 = 80.0;

/// One line of the chart: which rating, and how it is drawn.
struct Series {
    name: &'static str,
    class: &'static str,
    value: fn(&WeekMeans) -> Option<f64>,
}

const SERIES: [Series; 3] = [
    Series {
        name: "before a session",
        class: "before",
        value: |w| w.before,
    },
    Series {
        name: "after a session",
        class: "after",
        value: |w| w.after,
    },
    Series {
        name: "on waking",
        class: "morning",
        value: |w| w.morning,
    },
];

/// The chart of a period's stiffness.
#[must_use]
pub fn stiffness_chart(period: Period, stiffness: &Stiffness) -> Markup {
    let scale = Scale::new(period);
    let daily = (period.until - period.since).num_days() <= DAILY_MARKS_UP_TO;
    html! {
        svg.chart viewBox=(format!("0 0 {WIDTH} {HEIGHT}"))
            role="img" aria-label="Stiffness, weekly means" {
            (grid(&scale))
            @if daily {
                @for series in &SERIES {
                    g class=(format!("daily {}", series.class)) {
                        @for day in &stiffness.days {
                            @if let Some(v) = (series.value)(day) {
                                (mark(series.class, scale.x(day.monday), y(v), 2.5))
                            }
                        }
                    }
                }
            }
            @for series in &SERIES {
                (line(&scale, series, &stiffness.weeks))
            }
            (legend())
        }
    }
}

/// Where dates and ratings fall on the chart.
struct Scale {
    period: Period,
    days: f64,
}

impl Scale {
    fn new(period: Period) -> Self {
        #[allow(clippy::cast_precision_loss)]
        let days = ((period.until - period.since).num_days().max(1)) as f64;
        Self { period, days }
    }

    fn x(&self, date: NaiveDate) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let offset = (date - self.period.since).num_days() as f64;
        LEFT + offset.clamp(0.0, self.days) / self.days * (WIDTH - LEFT - RIGHT)
    }

    /// The middle of a week, kept within the period.
    fn week_x(&self, monday: NaiveDate) -> f64 {
        let middle = (monday + Days::new(3)).clamp(self.period.since, self.period.until);
        self.x(middle)
    }
}

/// Where a rating (0 to 10) falls on the chart.
fn y(rating: f64) -> f64 {
    TOP + (10.0 - rating) / 10.0 * (HEIGHT - TOP - BOTTOM)
}

fn grid(scale: &Scale) -> Markup {
    let mondays = scale.period.mondays();
    let stride = mondays.len().div_ceil(LABELS).max(1);
    let bottom = y(0.0);
    html! {
        g.grid {
            @for v in (0..=10).step_by(2) {
                line x1=(LEFT) x2=(WIDTH - RIGHT) y1=(y(f64::from(v))) y2=(y(f64::from(v))) {}
                text x=(LEFT - 6.0) y=(y(f64::from(v)) + 4.0) text-anchor="end" { (v) }
            }
            @for (x, label) in axis_dates(scale, &mondays, stride) {
                line x1=(x) x2=(x) y1=(TOP) y2=(bottom) {}
                @if let Some(label) = label {
                    text x=(x) y=(bottom + 16.0) text-anchor="middle" { (label) }
                }
            }
        }
    }
}

/// Where each strided Monday (the first one clamped to the period's start) falls on the
/// axis, with its date label unless it would print over the label before it (a period that
/// starts on a Sunday puts its first two marks a day apart).
fn axis_dates(scale: &Scale, mondays: &[NaiveDate], stride: usize) -> Vec<(f64, Option<String>)> {
    let mut last_label: Option<f64> = None;
    mondays
        .iter()
        .step_by(stride)
        .map(|monday| {
            let date = (*monday).max(scale.period.since);
            let x = scale.x(date);
            let room = last_label.is_none_or(|last| x - last >= LABEL_WIDTH);
            room.then(|| last_label = Some(x));
            (x, room.then(|| date.format("%-d %b %Y").to_string()))
        })
        .collect()
}

fn line(scale: &Scale, series: &Series, weeks: &[WeekMeans]) -> Markup {
    let points: Vec<(f64, f64)> = weeks
        .iter()
        .filter_map(|w| Some((scale.week_x(w.monday), y((series.value)(w)?))))
        .collect();
    let path: Vec<String> = points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    html! {
        g class=(format!("weekly {}", series.class)) {
            polyline points=(path.join(" ")) {}
            @for (x, y) in &points { (mark(series.class, *x, *y, 4.5)) }
        }
    }
}

/// A circle, a square or a triangle, by series, so the lines read without colour.
fn mark(class: &str, x: f64, y: f64, r: f64) -> Markup {
    match class {
        "before" => html! { circle cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r=(r) {} },
        "after" => html! {
            rect x=(format!("{:.1}", x - r)) y=(format!("{:.1}", y - r)) width=(2.0 * r) height=(2.0 * r) {}
        },
        _ => html! {
            polygon points=(format!("{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", x, y - r, x - r, y + r, x + r, y + r)) {}
        },
    }
}

fn legend() -> Markup {
    html! {
        g.legend {
            @for (i, series) in SERIES.iter().enumerate() {
                @let x = LEFT + 8.0 + 170.0 * f64::from(u8::try_from(i).unwrap_or(0));
                g class=(format!("weekly {}", series.class)) {
                    polyline points=(format!("{x},14 {},14", x + 28.0)) {}
                    (mark(series.class, x + 14.0, 14.0, 4.5))
                }
                text x=(x + 34.0) y="18" { (series.name) }
            }
        }
    }
}

/// The caption under the chart.
#[must_use]
pub fn caption(period: Period) -> String {
    let faint = if (period.until - period.since).num_days() <= DAILY_MARKS_UP_TO {
        " Faint marks: each day's mean."
    } else {
        " Daily values are left out over periods this long."
    };
    format!(
        "Stiffness from 0 (none) to 10, weekly means from {} to {}.{faint}",
        words::date(period.since),
        words::date(period.until)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_that_starts_on_a_sunday_labels_its_first_day_and_skips_the_monday_after() {
        let since = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
        let period = Period {
            since,
            until: since + Days::new(27),
        };
        let scale = Scale::new(period);
        let dates = axis_dates(&scale, &period.mondays(), 1);
        assert_eq!(dates.len(), 5, "a line for each week");
        let labelled: Vec<(f64, String)> = dates
            .into_iter()
            .filter_map(|(x, label)| Some((x, label?)))
            .collect();
        assert_eq!(labelled[0].1, "25 Oct 2026");
        assert_eq!(labelled[1].1, "2 Nov 2026");
        assert!(labelled.windows(2).all(|w| w[1].0 - w[0].0 >= LABEL_WIDTH));
    }
}
