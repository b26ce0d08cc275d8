//! When to ask for the morning check-in: the next-day signal after a day with a session.

use chrono::{NaiveDate, NaiveTime};

use super::days::record_date;
use crate::journal::Record;

/// Whether Home should ask how the back feels this morning: yesterday had a session, and
/// today has neither a check-in nor a session yet.
#[must_use]
pub fn morning_checkin_due(records: &[Record], today: NaiveDate, day_start: NaiveTime) -> bool {
    let Some(yesterday) = today.pred_opt() else {
        return false;
    };
    let mut session_yesterday = false;
    for record in records {
        let date = record_date(record, day_start);
        match record {
            Record::Session(_) if date == yesterday => session_yesterday = true,
            Record::Session(_) | Record::Checkin(_) if date == today => return false,
            _ => {}
        }
    }
    session_yesterday
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::tests::fixtures::{checkin, done};

    const MIDNIGHT: NaiveTime = NaiveTime::MIN;
    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();

    #[test]
    fn asked_the_morning_after_a_session() {
        assert!(morning_checkin_due(
            &[done("2026-11-20T07:00:00+01:00")],
            TODAY,
            MIDNIGHT
        ));
    }

    #[test]
    fn not_asked_without_a_session_yesterday() {
        assert!(!morning_checkin_due(&[], TODAY, MIDNIGHT));
        assert!(!morning_checkin_due(
            &[done("2026-11-19T07:00:00+01:00")],
            TODAY,
            MIDNIGHT
        ));
    }

    #[test]
    fn not_asked_twice_or_after_todays_session() {
        let yesterday = done("2026-11-20T07:00:00+01:00");
        assert!(!morning_checkin_due(
            &[yesterday.clone(), checkin("2026-11-21T06:50:00+01:00", 3)],
            TODAY,
            MIDNIGHT
        ));
        assert!(!morning_checkin_due(
            &[yesterday, done("2026-11-21T07:00:00+01:00")],
            TODAY,
            MIDNIGHT
        ));
    }
}
