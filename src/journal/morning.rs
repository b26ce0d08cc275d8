//! The next-day signal: whether Home should ask how the back feels this morning.

use chrono::NaiveDate;

use super::record::Record;

/// True when a session was played on the day before `today` and no check-in was recorded on
/// `today` yet (dates as the records' own local time). The app asks at most once per start;
/// answering records a check-in, so it is not asked again that day.
#[must_use]
pub fn checkin_due(records: &[Record], today: NaiveDate) -> bool {
    let Some(yesterday) = today.pred_opt() else {
        return false;
    };
    let mut played_yesterday = false;
    for record in records {
        match record {
            Record::Checkin(c) if c.at.date_naive() == today => return false,
            Record::Session(s) if s.started.date_naive() == yesterday => played_yesterday = true,
            _ => {}
        }
    }
    played_yesterday
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::journal::record::{CheckinRecord, SessionRecord};

    fn session(started: &str) -> Record {
        let started = DateTime::parse_from_rfc3339(started).unwrap();
        Record::Session(SessionRecord {
            routine: "evening".to_string(),
            title: "Evening".to_string(),
            variant: "full".to_string(),
            started,
            ended: started,
            active_seconds: 300,
            completed: true,
            steps_done: 5,
            steps_total: 5,
            stiffness_before: None,
            stiffness_after: None,
            note: None,
            painful_steps: Vec::new(),
        })
    }

    fn checkin(at: &str) -> Record {
        let at = DateTime::parse_from_rfc3339(at).unwrap();
        Record::Checkin(CheckinRecord {
            at,
            stiffness: 3,
            note: None,
        })
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn due_the_morning_after_a_session() {
        assert!(checkin_due(
            &[session("2026-11-21T21:00:00+01:00")],
            day("2026-11-22")
        ));
    }

    #[test]
    fn not_due_once_answered_today() {
        let records = [
            session("2026-11-21T21:00:00+01:00"),
            checkin("2026-11-22T07:00:00+01:00"),
        ];
        assert!(!checkin_due(&records, day("2026-11-22")));
    }

    #[test]
    fn not_due_without_a_session_the_day_before() {
        assert!(!checkin_due(&[], day("2026-11-22")));
        assert!(!checkin_due(
            &[session("2026-11-20T21:00:00+01:00")],
            day("2026-11-22")
        ));
        assert!(!checkin_due(
            &[session("2026-11-22T06:00:00+01:00")],
            day("2026-11-22")
        ));
    }

    #[test]
    fn the_day_is_the_one_in_the_recorded_offset() {
        // 23:30 in New York is already the next day in UTC; it still counts for the 21st.
        assert!(checkin_due(
            &[session("2026-11-21T23:30:00-05:00")],
            day("2026-11-22")
        ));
    }
}
