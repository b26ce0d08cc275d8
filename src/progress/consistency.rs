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

use super::streak::Kept;

/// The days over which one day's weight halves.
pub const HALF_LIFE_DAYS: f64 = 14.0;

/// The weight a day keeps the score with: 0.5^(1/14).
fn daily_keep() -> f64 {
    0.5_f64.powf(1.0 / HALF_LIFE_DAYS)
}

/// The running value after a kept day, from the value after the kept day before it and the
/// days missed between them (`None` for the first kept day). A single missed day between two
/// kept days costs nothing.
#[must_use]
pub fn kept_day(score: f64, missed: Option<u32>, kept: Kept) -> f64 {
    let keep = daily_keep();
    let score = match missed {
        Some(1) | None => score,
        Some(days) => after_misses(score, days),
    };
    match kept {
        Kept::Ritual => score * keep + (1.0 - keep),
        Kept::Rest => score,
    }
}

/// The running value after `days` missed days in a row, one day at a time.
#[must_use]
pub fn after_misses(mut score: f64, days: u32) -> f64 {
    let keep = daily_keep();
    for _ in 0..days {
        if score == 0.0 {
            break;
        }
        score *= keep;
    }
    score
}

/// The score, 0 to 100, of a running value.
#[must_use]
pub fn percent(score: f64) -> u8 {
    // The value lies in 0..=1, so the cast cannot overflow.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let percent = (score.clamp(0.0, 1.0) * 100.0).round() as u8;
    percent
}
