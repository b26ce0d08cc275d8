//! Trends over recent weeks: the stiffness series for the chart, the morning trend, sessions
//! per wardrobe and the average change of stiffness across a session.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveTime};

use super::days::{History, ritual_date};
use crate::journal::record::{Record, SessionRecord};

/// The days the stiffness chart covers (8 weeks, today included).
pub const CHART_DAYS: u64 = 56;
/// The days over which wardrobes and the stiffness change are counted.
pub const RECENT_DAYS: u64 = 28;
/// Check-in days on each side of the morning trend.
pub const MORNING_DAYS: usize = 7;

/// The first day of a window of `days` days ending today.
#[must_use]
pub fn window_start(today: NaiveDate, days: u64) -> NaiveDate {
    today - Days::new(days.saturating_sub(1))
}

/// One rating placed on the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StiffnessPoint {
    /// Days since the start of the chart's first day (its day start), fractions included.
    pub x: f64,
    /// 0 to 10.
    pub value: u8,
}

/// The three lines of the stiffness chart, each sorted by `x`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StiffnessSeries {
    /// The chart's first day; `x` = 0 at its day start.
    pub start: NaiveDate,
    pub before: Vec<StiffnessPoint>,
    pub after: Vec<StiffnessPoint>,
    pub mornings: Vec<StiffnessPoint>,
}

/// Days in each mean of [`weekly_means`].
pub const WEEK_DAYS: f64 = 7.0;

/// The mean of each 7-day stretch of a line, counted from the chart's start, placed at the
/// middle of its week: `(x, mean)`, weeks without a rating left out.
#[must_use]
pub fn weekly_means(points: &[StiffnessPoint]) -> Vec<(f64, f64)> {
    let mut weeks: BTreeMap<i64, (u32, u32)> = BTreeMap::new();
    for p in points {
        #[allow(clippy::cast_possible_truncation)]
        let week = (p.x / WEEK_DAYS).floor() as i64;
        let slot = weeks.entry(week).or_default();
        slot.0 += u32::from(p.value);
        slot.1 += 1;
    }
    weeks
        .into_iter()
        .map(|(week, (sum, n))| {
            #[allow(clippy::cast_precision_loss)]
            let middle = (week as f64 + 0.5) * WEEK_DAYS;
            (middle, f64::from(sum) / f64::from(n))
        })
        .collect()
}

/// Places every rating of the last 8 weeks on the chart.
#[must_use]
pub fn stiffness_series(
    recent: &[Record],
    today: NaiveDate,
    day_start: NaiveTime,
) -> StiffnessSeries {
    let start = window_start(today, CHART_DAYS);
    let origin = start.and_time(day_start);
    let place = |at: DateTime<FixedOffset>, value: u8| {
        let seconds = (at.naive_local() - origin).num_seconds();
        #[allow(clippy::cast_precision_loss)]
        let x = seconds as f64 / 86_400.0;
        StiffnessPoint { x, value }
    };
    let in_chart =
        |at: DateTime<FixedOffset>| (start..=today).contains(&ritual_date(at, day_start));
    let mut series = StiffnessSeries {
        start,
        ..StiffnessSeries::default()
    };
    for record in recent {
        match record {
            Record::Session(s) if in_chart(s.started) => {
                series
                    .before
                    .extend(s.stiffness_before.map(|v| place(s.started, v)));
                series
                    .after
                    .extend(s.stiffness_after.map(|v| place(s.ended, v)));
            }
            Record::Checkin(c) if in_chart(c.at) => series.mornings.push(place(c.at, c.stiffness)),
            _ => {}
        }
    }
    for line in [&mut series.before, &mut series.after, &mut series.mornings] {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    series
}

/// The sessions dated within the `days` days ending today, in journal order.
pub fn recent_sessions(
    recent: &[Record],
    today: NaiveDate,
    days: u64,
    day_start: NaiveTime,
) -> impl Iterator<Item = &SessionRecord> {
    let start = window_start(today, days);
    recent.iter().filter_map(move |r| match r {
        Record::Session(s) if (start..=today).contains(&ritual_date(s.started, day_start)) => {
            Some(s)
        }
        _ => None,
    })
}

/// How many sessions (finished or not) one wardrobe had in the last 28 days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WardrobeCount {
    /// The wardrobe's name, or "other" for routines no longer known.
    pub wardrobe: String,
    pub sessions: u32,
}

/// Sessions per wardrobe in the last 28 days, most used first.
#[must_use]
pub fn wardrobe_counts<'w>(
    recent: &[Record],
    today: NaiveDate,
    day_start: NaiveTime,
    wardrobe_of: impl Fn(&str) -> Option<&'w str>,
) -> Vec<WardrobeCount> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for session in recent_sessions(recent, today, RECENT_DAYS, day_start) {
        *counts
            .entry(wardrobe_of(&session.routine).unwrap_or("other"))
            .or_default() += 1;
    }
    let mut list: Vec<WardrobeCount> = counts
        .into_iter()
        .map(|(w, sessions)| WardrobeCount {
            wardrobe: w.to_string(),
            sessions,
        })
        .collect();
    list.sort_by(|a, b| {
        b.sessions
            .cmp(&a.sessions)
            .then_with(|| a.wardrobe.cmp(&b.wardrobe))
    });
    list
}

/// The mean of `after - before` over sessions rated both times; negative means looser.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StiffnessChange {
    pub mean: f64,
    /// How many sessions the mean is taken over.
    pub sessions: u32,
}

/// The average change of stiffness over `(before, after)` ratings.
#[must_use]
pub fn stiffness_change(sessions: impl Iterator<Item = (u8, u8)>) -> Option<StiffnessChange> {
    let (sum, count) = sessions.fold((0_i32, 0_u32), |(sum, n), (before, after)| {
        (sum + i32::from(after) - i32::from(before), n + 1)
    });
    (count > 0).then(|| StiffnessChange {
        mean: f64::from(sum) / f64::from(count),
        sessions: count,
    })
}

/// The ratings `(before, after)` of the sessions that have both, in the given order.
pub fn rated<'a>(
    sessions: impl Iterator<Item = &'a SessionRecord>,
) -> impl Iterator<Item = (u8, u8)> {
    sessions.filter_map(|s| Some((s.stiffness_before?, s.stiffness_after?)))
}

/// Morning stiffness then and now, for `poised streak` (`mornings 5 -> 3`).
///
/// Each check-in day counts once, with the mean of its check-ins. Of the latest 14 such days
/// up to today, `before` is the mean of the older half and `recent` of the newer half (7 and 7
/// once there are 14; with an odd number the newer half has one more). Needs 2 days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MorningTrend {
    pub before: f64,
    pub recent: f64,
}

/// The morning trend as of `today`, when at least two days have check-ins.
#[must_use]
pub fn morning_trend(history: &History, today: NaiveDate) -> Option<MorningTrend> {
    let mut latest: Vec<f64> = history
        .mornings_back(today)
        .take(2 * MORNING_DAYS)
        .collect();
    if latest.len() < 2 {
        return None;
    }
    latest.reverse();
    let (before, recent) = latest.split_at(latest.len() / 2);
    Some(MorningTrend {
        before: mean(before),
        recent: mean(recent),
    })
}

/// The arithmetic mean of a non-empty slice (0 for an empty one).
#[must_use]
pub fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let n = values.len() as f64;
    values.iter().sum::<f64>() / n
}
