//! The `[desk]` table of `config.toml`: every key optional.
//!
//! ```toml
//! [desk]
//! every = "45m"
//! routine = "reset"
//! transition = "office"
//! hours = "09:00-18:00"
//! days = ["mon", "tue", "wed", "thu", "fri"]
//! notify = true
//! rate = false
//! budget = 3
//! ```

use serde::{Deserialize, Deserializer};

use super::every::{self, Every};
use super::hours::{Hours, WorkDays, Workweek};
use super::schedule::Schedule;
use super::tally::DEFAULT_BUDGET;

/// Desk mode's settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DeskSettings {
    /// Time between resets.
    pub every: Every,
    /// The routine a prompt offers.
    pub routine: String,
    /// The routine `t` offers instead, for a longer break.
    pub transition: String,
    #[serde(deserialize_with = "hours")]
    pub hours: Hours,
    #[serde(deserialize_with = "days")]
    pub days: WorkDays,
    /// Send a desktop notification through the terminal with each prompt.
    pub notify: bool,
    /// Ask how stiff the back is before and after each reset.
    pub rate: bool,
    /// Snoozes and skips a day before they show as over the budget.
    pub budget: u32,
}

impl Default for DeskSettings {
    fn default() -> Self {
        Self {
            every: every::DEFAULT,
            routine: "reset".to_string(),
            transition: "office".to_string(),
            hours: Hours::default(),
            days: WorkDays::default(),
            notify: true,
            rate: false,
            budget: DEFAULT_BUDGET,
        }
    }
}

impl DeskSettings {
    /// The rhythm these settings describe.
    #[must_use]
    pub fn schedule(&self) -> Schedule {
        Schedule {
            every: self.every,
            week: Workweek {
                hours: self.hours,
                days: self.days,
            },
        }
    }

    /// Whether a routine id is one of the desk's resets (the reset or the transition).
    #[must_use]
    pub fn is_reset(&self, routine: &str) -> bool {
        routine == self.routine || routine == self.transition
    }
}

fn hours<'de, D: Deserializer<'de>>(d: D) -> Result<Hours, D::Error> {
    Hours::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
}

fn days<'de, D: Deserializer<'de>>(d: D) -> Result<WorkDays, D::Error> {
    WorkDays::parse(&Vec::<String>::deserialize(d)?).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_optional() {
        let settings: DeskSettings = toml::from_str("every = \"1h30m\"").unwrap();
        assert_eq!(settings.every, Every::parse("90m").unwrap());
        assert_eq!(settings.routine, "reset");
        assert!(settings.notify && !settings.rate);
    }

    #[test]
    fn bad_values_say_what_is_accepted() {
        let err = toml::from_str::<DeskSettings>("every = \"5s\"").unwrap_err();
        assert!(err.message().contains("45m, 90s, 1h or 1h30m"), "{err}");
        let err = toml::from_str::<DeskSettings>("days = [\"someday\"]").unwrap_err();
        assert!(err.message().contains("\"mon\""), "{err}");
        assert!(toml::from_str::<DeskSettings>("strict = true").is_err());
    }
}
