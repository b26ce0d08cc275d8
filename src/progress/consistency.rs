//! The consistency score: a 0-100 habit strength that rewards regularity over weeks.
//!
//! It is an exponentially weighted average of the days since the first kept day, updated
//! once per day with the weight `DAILY_KEEP` = 0.5^(1/14), so a day's influence halves every
//! 14 days:
//!
//! - a ritual day:   `s = s * DAILY_KEEP + (1 - DAILY_KEEP)`
//! - a missed day:   `s = s * DAILY_KEEP`
//! - an honoured rest day, or a single missed day between two kept days: `s` is unchanged
//! - today, while it has no session yet: not counted (the day is not over)
//!
//! The score is `round(100 * s)`, starting from 0 before the first kept day. Fourteen ritual
//! days in a row from the start give 50, twenty-eight give 75; one missed day between two
//! ritual days costs nothing; two missed days in a row from 100 cost about 9 points.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::streak::Kept;

/// The days over which one day's weight halves.
pub const HALF_LIFE_DAYS: f64 = 14.0;

/// The consistency score as of `today`, from the kept days of `streak::kept_days`.
#[must_use]
pub fn consistency(kept: &BTreeMap<NaiveDate, Kept>, today: NaiveDate) -> u8 {
    let Some((&first, _)) = kept.first_key_value() else {
        return 0;
    };
    let keep = 0.5_f64.powf(1.0 / HALF_LIFE_DAYS);
    let mut score = 0.0;
    for date in first.iter_days().take_while(|d| *d <= today) {
        match kept.get(&date) {
            Some(Kept::Ritual) => score = score * keep + (1.0 - keep),
            Some(Kept::Rest) => {}
            None if date == today || is_lone_miss(kept, date, today) => {}
            None => score *= keep,
        }
    }
    // The score lies in 0..=1, so the cast cannot overflow.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let percent = (score * 100.0).round() as u8;
    percent
}

/// A missed day whose neighbours on both sides are kept (the day after already past).
fn is_lone_miss(kept: &BTreeMap<NaiveDate, Kept>, date: NaiveDate, today: NaiveDate) -> bool {
    let before = date.pred_opt().is_some_and(|d| kept.contains_key(&d));
    let after = date
        .succ_opt()
        .is_some_and(|d| d <= today && kept.contains_key(&d));
    before && after
}
