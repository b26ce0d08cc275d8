use super::fixtures::*;
use crate::journal::Record;
use crate::progress::days::History;

fn score(records: &[Record], today: &str) -> u8 {
    let history = History::from_records(records, three_am());
    history.standing(date(today)).consistency
}

#[test]
fn an_empty_journal_scores_zero() {
    assert_eq!(score(&[], "2026-11-21"), 0);
}

#[test]
fn one_ritual_day_scores_five() {
    // 1 - 0.5^(1/14) = 0.0483
    assert_eq!(score(&daily("2026-11-21", 1), "2026-11-21"), 5);
}

#[test]
fn fourteen_days_give_half_and_twenty_eight_three_quarters() {
    assert_eq!(score(&daily("2026-11-01", 14), "2026-11-14"), 50);
    assert_eq!(score(&daily("2026-11-01", 28), "2026-11-28"), 75);
}

#[test]
fn today_not_done_yet_costs_nothing() {
    assert_eq!(score(&daily("2026-11-01", 14), "2026-11-15"), 50);
}

#[test]
fn a_single_missed_day_is_forgiven() {
    let mut records = daily("2026-11-01", 14);
    records.extend(daily("2026-11-16", 1));
    // 14 days give 0.5; the 15th is forgiven; the 16th: 0.5 * k + (1 - k) = 0.5242.
    assert_eq!(score(&records, "2026-11-16"), 52);
}

#[test]
fn two_missed_days_each_cost_and_rest_days_are_neutral() {
    let mut records = daily("2026-11-01", 14);
    records.extend(daily("2026-11-17", 1));
    // 0.5 * k^2 = 0.4529, then a ritual day: 0.4529 * k + 0.0483 = 0.4793.
    assert_eq!(score(&records, "2026-11-17"), 48);
    let mut rested = daily("2026-11-01", 14);
    rested.extend([rest("2026-11-15"), rest("2026-11-16")]);
    rested.extend(daily("2026-11-17", 1));
    assert_eq!(score(&rested, "2026-11-17"), 52);
}

#[test]
fn a_missed_yesterday_is_not_forgiven_until_today_is_done() {
    let records = daily("2026-11-01", 14);
    // Yesterday (the 15th) missed and today not done: 0.5 * k = 0.4758.
    assert_eq!(score(&records, "2026-11-16"), 48);
}

#[test]
fn a_long_absence_fades_the_score() {
    let records = daily("2026-01-01", 100);
    assert_eq!(score(&records, "2026-04-10"), 99);
    // 35 missed days later (today pending): 0.993 * 0.5^(35/14) = 0.1755.
    assert_eq!(score(&records, "2026-05-16"), 18);
}
