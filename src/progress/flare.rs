//! Stiffness well above the usual: the numbers behind the calm note before a session and the
//! hint beside the others. A rating of 8 or more before a session, or a morning 3 or more
//! above the median of the 14 days before it.

use chrono::NaiveDate;

use super::days::History;
use super::hints::MIN_MORNINGS;
use super::trends::window_start;

/// A rating before a session at or above this gets the calm note.
pub const HIGH_BEFORE: u8 = 8;
/// A morning this much above the usual gets it too.
pub const ABOVE_USUAL_BY: f64 = 3.0;
/// The usual morning is the median of this many days before today.
pub const USUAL_DAYS: u64 = 14;

/// The median of the days' morning ratings among the [`USUAL_DAYS`] days before `today`
/// (today left out, so a bad morning does not raise its own baseline); `None` with fewer than
/// [`MIN_MORNINGS`] such days, as for the hints' morning comparison.
#[must_use]
pub fn usual_morning(history: &History, today: NaiveDate) -> Option<f64> {
    let start = window_start(today, USUAL_DAYS + 1);
    let mut mornings: Vec<f64> = history
        .days
        .range(start..today)
        .filter_map(|(_, tally)| tally.morning())
        .collect();
    if mornings.len() < MIN_MORNINGS {
        return None;
    }
    mornings.sort_by(f64::total_cmp);
    let mid = mornings.len() / 2;
    Some(if mornings.len().is_multiple_of(2) {
        f64::midpoint(mornings[mid - 1], mornings[mid])
    } else {
        mornings[mid]
    })
}

/// Whether a morning rating is well above the usual one.
#[must_use]
pub fn morning_well_above(morning: f64, usual: Option<f64>) -> bool {
    usual.is_some_and(|usual| morning >= usual + ABOVE_USUAL_BY)
}

/// Whether a rating before a session is high enough for the calm note.
#[must_use]
pub fn high_before(rating: u8) -> bool {
    rating >= HIGH_BEFORE
}

#[cfg(test)]
mod tests {
    use chrono::{Days, NaiveTime};

    use super::*;
    use crate::journal::{CheckinRecord, Record};

    fn history(today: NaiveDate, mornings: &[(u64, u8)]) -> History {
        let records: Vec<Record> = mornings
            .iter()
            .map(|&(days_ago, stiffness)| {
                let date = today - Days::new(days_ago);
                Record::Checkin(CheckinRecord {
                    at: date.and_hms_opt(7, 0, 0).unwrap().and_utc().fixed_offset(),
                    stiffness,
                    note: None,
                })
            })
            .collect();
        History::from_records(&records, NaiveTime::MIN)
    }

    #[test]
    fn the_usual_is_the_median_of_the_fourteen_days_before_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let h = history(today, &[(0, 9), (1, 2), (2, 3), (3, 8), (14, 4), (15, 10)]);
        // Today (9) and 15 days ago (10) are outside; 2, 3, 4, 8 remain.
        assert_eq!(usual_morning(&h, today), Some(3.5));
        assert!(morning_well_above(6.5, Some(3.5)));
        assert!(!morning_well_above(6.4, Some(3.5)));
        assert!(!morning_well_above(10.0, None));
    }

    #[test]
    fn eight_before_a_session_is_high_and_seven_is_not() {
        assert!(high_before(8));
        assert!(!high_before(7));
    }
}
