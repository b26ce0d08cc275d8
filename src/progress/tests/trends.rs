use std::collections::HashMap;

use super::fixtures::*;
use crate::journal::Record;
use crate::progress::days::History;
use crate::progress::trends::{
    StiffnessPoint, morning_trend, stiffness_change, stiffness_series, wardrobe_counts,
    weekly_means,
};

fn mornings(first: &str, values: &[u8]) -> Vec<Record> {
    let first = date(first);
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            checkin(
                &format!("{}T07:00:00+01:00", first + chrono::Days::new(i as u64)),
                *v,
            )
        })
        .collect()
}

#[test]
fn the_morning_trend_compares_the_last_seven_check_in_days_with_the_seven_before() {
    let mut values = vec![9; 5];
    values.extend([5; 7]);
    values.extend([3; 7]);
    let history = History::from_records(&mornings("2026-11-01", &values), three_am());
    let trend = morning_trend(&history, date("2026-11-30")).unwrap();
    assert_eq!((trend.before, trend.recent), (5.0, 3.0));
    // Check-ins after today do not count.
    let trend = morning_trend(&history, date("2026-11-15")).unwrap();
    assert_eq!((trend.before, trend.recent), (51.0 / 7.0, 29.0 / 7.0));
}

#[test]
fn the_morning_trend_needs_two_check_in_days() {
    let history = History::from_records(&mornings("2026-11-01", &[4]), three_am());
    assert_eq!(morning_trend(&history, date("2026-11-30")), None);
    let history = History::from_records(&mornings("2026-11-01", &[6, 4, 2]), three_am());
    let trend = morning_trend(&history, date("2026-11-30")).unwrap();
    assert_eq!((trend.before, trend.recent), (6.0, 3.0));
}

#[test]
fn the_chart_places_ratings_in_days_from_its_first_day_start() {
    let records = [
        rated("2026-11-21T09:00:00+01:00", 6, 3),
        checkin("2026-11-21T07:00:00+01:00", 5),
        rated("2026-09-01T09:00:00+01:00", 1, 1),
    ];
    let series = stiffness_series(&records, date("2026-11-21"), three_am());
    assert_eq!(series.start, date("2026-09-27"));
    assert_eq!(series.before, vec![StiffnessPoint { x: 55.25, value: 6 }]);
    assert_eq!(series.after.len(), 1);
    assert!((series.after[0].x - (55.25 + 7.0 / 1440.0)).abs() < 1e-9);
    assert_eq!(
        series.mornings,
        vec![StiffnessPoint {
            x: 55.0 + 4.0 / 24.0,
            value: 5
        }]
    );
}

#[test]
fn wardrobes_are_counted_over_28_days_most_used_first() {
    let mut records = vec![
        done("2026-11-21T07:00:00+01:00"),
        done("2026-11-20T07:00:00+01:00"),
    ];
    let mut desk = session("2026-11-19T12:00:00+01:00", "short", false);
    desk.routine = "desk-reset".into();
    records.push(Record::Session(desk));
    let mut gone = session("2026-11-18T12:00:00+01:00", "full", true);
    gone.routine = "deleted".into();
    records.push(Record::Session(gone));
    records.push(done("2026-10-20T07:00:00+01:00"));
    let map = HashMap::from([("morning", "morning"), ("desk-reset", "office")]);
    let counts = wardrobe_counts(&records, date("2026-11-21"), three_am(), |id| {
        map.get(id).copied()
    });
    let pairs: Vec<(&str, u32)> = counts
        .iter()
        .map(|c| (c.wardrobe.as_str(), c.sessions))
        .collect();
    assert_eq!(pairs, [("morning", 2), ("office", 1), ("other", 1)]);
}

#[test]
fn the_stiffness_change_is_the_mean_of_after_minus_before() {
    let mean = stiffness_change([(6, 3), (4, 4), (2, 3)].into_iter())
        .unwrap()
        .mean;
    assert!((mean - -2.0 / 3.0).abs() < 1e-12, "{mean}");
    assert_eq!(stiffness_change(std::iter::empty()), None);
}

#[test]
fn weekly_means_average_each_seven_days_from_the_start_at_the_middle_of_the_week() {
    let point = |x: f64, value: u8| StiffnessPoint { x, value };
    let points = [
        point(0.3, 6),
        point(6.9, 3),
        point(7.0, 5),
        point(20.5, 2),
        point(20.9, 3),
    ];
    assert_eq!(
        weekly_means(&points),
        [(3.5, 4.5), (10.5, 5.0), (17.5, 2.5)]
    );
    assert!(weekly_means(&[]).is_empty());
}
