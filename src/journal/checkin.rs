//! When to ask for the morning check-in: the next-day signal after a day with a session.

use chrono::{NaiveDate, NaiveTime};

use super::Record;
use super::days::record_date;

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
    use crate::journal::{CheckinRecord, SessionRecord};
    use chrono::DateTime;

    fn at(text: &str) -> DateTime<chrono::FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn session(started: &str) -> Record {
        Record::Session(SessionRecord {
            routine: "morning".into(),
            title: "Morning".into(),
            variant: "full".into(),
            started: at(started),
            ended: at(started),
            active_seconds: 420,
            completed: true,
            steps_done: 6,
            steps_total: 6,
            stiffness_before: None,
            stiffness_after: None,
            note: None,
            painful_steps: Vec::new(),
        })
    }

    fn checkin(when: &str) -> Record {
        Record::Checkin(CheckinRecord {
            at: at(when),
            stiffness: 3,
            note: None,
        })
    }

    const MIDNIGHT: NaiveTime = NaiveTime::MIN;
    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();

    #[test]
    fn asked_the_morning_after_a_session() {
        assert!(morning_checkin_due(
            &[session("2026-11-20T07:00:00+01:00")],
            TODAY,
            MIDNIGHT
        ));
    }

    #[test]
    fn not_asked_without_a_session_yesterday() {
        assert!(!morning_checkin_due(&[], TODAY, MIDNIGHT));
        assert!(!morning_checkin_due(
            &[session("2026-11-19T07:00:00+01:00")],
            TODAY,
            MIDNIGHT
        ));
    }

    #[test]
    fn not_asked_twice_or_after_todays_session() {
        let yesterday = session("2026-11-20T07:00:00+01:00");
        assert!(!morning_checkin_due(
            &[yesterday.clone(), checkin("2026-11-21T06:50:00+01:00")],
            TODAY,
            MIDNIGHT
        ));
        assert!(!morning_checkin_due(
            &[yesterday, session("2026-11-21T07:00:00+01:00")],
            TODAY,
            MIDNIGHT
        ));
    }
}
