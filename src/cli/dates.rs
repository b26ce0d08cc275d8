//! `--since` and `--until`, shared by `poised report` and `poised export`.

use chrono::NaiveDate;

/// A range of days on the command line, both ends included.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct DateRange {
    /// The first day to include, as YYYY-MM-DD.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub since: Option<NaiveDate>,
    /// The last day to include, as YYYY-MM-DD.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub until: Option<NaiveDate>,
}

impl DateRange {
    /// Whether a day is within the range.
    #[must_use]
    pub fn contains(self, date: NaiveDate) -> bool {
        self.since.is_none_or(|s| date >= s) && self.until.is_none_or(|u| date <= u)
    }

    /// An error message when `--since` comes after `--until`.
    pub fn check(self) -> Result<(), String> {
        match (self.since, self.until) {
            (Some(since), Some(until)) if since > until => Err(format!(
                "--since {since} comes after --until {until}; give a first day on or before the last"
            )),
            _ => Ok(()),
        }
    }
}

/// A calendar date as YYYY-MM-DD, with a message in plain words when it is not one.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        format!("`{text}` is not a date; write it as YYYY-MM-DD, for example 2026-11-02")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_year_month_day() {
        assert_eq!(
            parse_date("2026-11-02"),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap())
        );
        assert!(parse_date("2/11/2026").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("2026-02-30").is_err());
    }

    #[test]
    fn a_range_includes_both_ends() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let range = DateRange {
            since: Some(day(2)),
            until: Some(day(4)),
        };
        assert!(range.contains(day(2)) && range.contains(day(4)));
        assert!(!range.contains(day(1)) && !range.contains(day(5)));
        assert!(DateRange::default().contains(day(1)));
        let backwards = DateRange {
            since: Some(day(4)),
            until: Some(day(2)),
        };
        assert!(backwards.check().unwrap_err().contains("--since"));
    }
}
