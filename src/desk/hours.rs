//! When resets are offered: the working hours of a day (`"09:00-18:00"`) and the working
//! days of the week (`["mon", ..., "fri"]`), read in the local time of the moment asked about.

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveTime, TimeDelta, Weekday};

/// The working hours of a day; `end` of `None` means midnight (`24:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    pub start: NaiveTime,
    pub end: Option<NaiveTime>,
}

impl Default for Hours {
    fn default() -> Self {
        Self {
            start: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
            end: NaiveTime::from_hms_opt(18, 0, 0),
        }
    }
}

impl Hours {
    /// Reads `"HH:MM-HH:MM"`; the end may be `24:00` and must come after the start.
    pub fn parse(text: &str) -> Result<Self, String> {
        let fail = || {
            format!(
                "`{}` is not a span of working hours; write it as \"HH:MM-HH:MM\", for example \"09:00-18:00\" (the end after the start, at most \"24:00\")",
                crate::text::sanitize(text)
            )
        };
        let (from, to) = text.split_once('-').ok_or_else(fail)?;
        let start = NaiveTime::parse_from_str(from.trim(), "%H:%M").map_err(|_| fail())?;
        let end = match to.trim() {
            "24:00" => None,
            to => Some(NaiveTime::parse_from_str(to, "%H:%M").map_err(|_| fail())?),
        };
        if end.is_some_and(|end| end <= start) {
            return Err(fail());
        }
        Ok(Self { start, end })
    }
}

/// The working days of the week, as a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkDays(u8);

impl Default for WorkDays {
    fn default() -> Self {
        Self::of(&[
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ])
    }
}

impl WorkDays {
    /// The set of the given days.
    #[must_use]
    pub fn of(days: &[Weekday]) -> Self {
        Self(
            days.iter()
                .fold(0, |set, d| set | 1 << d.num_days_from_monday()),
        )
    }

    /// Reads day names such as `"mon"` or `"Monday"`; an empty list is a mistake.
    pub fn parse(names: &[String]) -> Result<Self, String> {
        let days: Result<Vec<Weekday>, String> = names
            .iter()
            .map(|name| {
                name.trim().parse::<Weekday>().map_err(|_| {
                    format!(
                        "`{}` is not a day of the week; write days as \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\" or \"sun\"",
                        crate::text::sanitize(name)
                    )
                })
            })
            .collect();
        let days = days?;
        if days.is_empty() {
            return Err("`days` is empty; name at least one day, such as [\"mon\"]".to_string());
        }
        Ok(Self::of(&days))
    }

    #[must_use]
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & 1 << day.num_days_from_monday() != 0
    }
}

/// Working hours on working days: when the desk offers resets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Workweek {
    pub hours: Hours,
    pub days: WorkDays,
}

/// Whether a moment falls in working time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Working time, which began at `since` and ends at `until`.
    Open {
        since: DateTime<FixedOffset>,
        until: DateTime<FixedOffset>,
    },
    /// Outside working time, until the next working day's hours begin.
    Closed { until: DateTime<FixedOffset> },
}

impl Workweek {
    /// The working window `now` is in, or when the next one opens. Times are read in the
    /// offset of `now`, so a change of time zone moves the hours with the person.
    #[must_use]
    pub fn window(&self, now: DateTime<FixedOffset>) -> Window {
        for ahead in 0..=7 {
            let Some(day) = now.date_naive().checked_add_days(Days::new(ahead)) else {
                break;
            };
            if !self.days.contains(day.weekday()) {
                continue;
            }
            // A fixed offset maps every local time to exactly one moment.
            let at = |time: NaiveTime| {
                let local = day.and_time(time);
                DateTime::from_naive_utc_and_offset(local - offset_delta(now), *now.offset())
            };
            let since = at(self.hours.start);
            let until = self
                .hours
                .end
                .map_or_else(|| at(NaiveTime::MIN) + TimeDelta::days(1), at);
            if now < since {
                return Window::Closed { until: since };
            }
            if now < until {
                return Window::Open { since, until };
            }
        }
        // No working day in the coming week cannot happen (`days` is never empty); wait a day.
        Window::Closed {
            until: now + TimeDelta::days(1),
        }
    }
}

fn offset_delta(now: DateTime<FixedOffset>) -> TimeDelta {
    TimeDelta::seconds(i64::from(now.offset().local_minus_utc()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn inside_the_hours_of_a_weekday_the_window_is_open() {
        // 2026-11-30 is a Monday.
        let window = Workweek::default().window(at("2026-11-30T10:00:00+01:00"));
        assert_eq!(
            window,
            Window::Open {
                since: at("2026-11-30T09:00:00+01:00"),
                until: at("2026-11-30T18:00:00+01:00"),
            }
        );
    }

    #[test]
    fn friday_evening_waits_until_monday_morning() {
        let window = Workweek::default().window(at("2026-12-04T18:30:00+01:00"));
        assert_eq!(
            window,
            Window::Closed {
                until: at("2026-12-07T09:00:00+01:00")
            }
        );
    }

    #[test]
    fn the_whole_day_can_be_working_time() {
        let week = Workweek {
            hours: Hours::parse("00:00-24:00").unwrap(),
            days: WorkDays::parse(&["sat".into(), "Sunday".into()]).unwrap(),
        };
        let window = week.window(at("2026-12-05T23:59:00+00:00"));
        assert!(
            matches!(window, Window::Open { until, .. } if until == at("2026-12-06T00:00:00+00:00"))
        );
    }

    #[test]
    fn bad_hours_and_days_say_how_to_write_them() {
        for bad in ["9-5", "18:00-09:00", "09:00", "09:00-25:00"] {
            assert!(
                Hours::parse(bad).unwrap_err().contains("HH:MM-HH:MM"),
                "{bad}"
            );
        }
        assert!(
            WorkDays::parse(&["funday".into()])
                .unwrap_err()
                .contains("\"mon\"")
        );
        assert!(WorkDays::parse(&[]).is_err());
    }
}
