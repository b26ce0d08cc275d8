//! What a session about to start needs from the days before: today's morning check-in (to
//! answer the question before a session, or to call for the calm note) and the usual morning.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use super::days::{History, ritual_date};
use super::flare::usual_morning;
use crate::journal::record::Record;

/// The recent past, as the app starts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lately {
    /// Today's newest morning check-in: when, and the rating.
    pub checkin_today: Option<(DateTime<FixedOffset>, u8)>,
    /// The median morning of the 14 days before today (see [`usual_morning`]).
    pub usual_morning: Option<f64>,
}

/// Works out [`Lately`] as of `today`; `recent` must hold today's records.
#[must_use]
pub fn lately(
    history: &History,
    recent: &[Record],
    today: NaiveDate,
    day_start: NaiveTime,
) -> Lately {
    let checkin_today = recent
        .iter()
        .filter_map(Record::as_checkin)
        .filter(|c| ritual_date(c.at, day_start) == today)
        .max_by_key(|c| c.at)
        .map(|c| (c.at, c.stiffness));
    Lately {
        checkin_today,
        usual_morning: usual_morning(history, today),
    }
}
