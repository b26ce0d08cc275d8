//! The interval between resets, written as people write it: `45m`, `90s`, `1h`, `1h30m`.

use std::fmt;
use std::time::Duration;

/// The shortest interval `poised desk` accepts.
pub const SHORTEST: Duration = Duration::from_secs(10);
/// The longest interval `poised desk` accepts.
pub const LONGEST: Duration = Duration::from_secs(4 * 3600);
/// The interval when none is given.
pub const DEFAULT: Every = Every(Duration::from_secs(45 * 60));

/// How long to wait between resets, from 10 seconds to 4 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Every(Duration);

/// Why a written interval was not understood; says which forms are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not an interval poised understands; write it as 45m, 90s, 1h or 1h30m (hours h, minutes m, seconds s), from 10s to 4h"
)]
pub struct EveryError(pub String);

impl Every {
    /// Reads `45m`, `90s`, `1h`, `1h30m` and the like, within 10 s and 4 h.
    pub fn parse(text: &str) -> Result<Self, EveryError> {
        let fail = || EveryError(crate::text::sanitize(text));
        let mut seconds: u64 = 0;
        let mut digits = String::new();
        let mut last_unit = 0;
        for c in text.trim().chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            let (rank, scale) = match c {
                'h' => (3, 3600),
                'm' => (2, 60),
                's' => (1, 1),
                _ => return Err(fail()),
            };
            // Each unit once, largest first: `30m1h` and `1h1h` are mistakes.
            if digits.is_empty() || (last_unit != 0 && rank >= last_unit) {
                return Err(fail());
            }
            let n: u64 = digits.parse().map_err(|_| fail())?;
            seconds = n
                .checked_mul(scale)
                .and_then(|s| seconds.checked_add(s))
                .ok_or_else(fail)?;
            digits.clear();
            last_unit = rank;
        }
        let duration = Duration::from_secs(seconds);
        if !digits.is_empty() || last_unit == 0 || !(SHORTEST..=LONGEST).contains(&duration) {
            return Err(fail());
        }
        Ok(Self(duration))
    }

    /// The interval as a duration.
    #[must_use]
    pub fn duration(self) -> Duration {
        self.0
    }

    /// The interval as a signed chrono duration, for arithmetic on wall-clock times.
    #[must_use]
    pub fn span(self) -> chrono::TimeDelta {
        chrono::TimeDelta::from_std(self.0).unwrap_or(chrono::TimeDelta::MAX)
    }
}

impl fmt::Display for Every {
    /// Written back in the shortest form it reads as: `1h30m`, `45m`, `90s` as `1m30s`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.0.as_secs();
        let parts = [
            (total / 3600, 'h'),
            (total / 60 % 60, 'm'),
            (total % 60, 's'),
        ];
        for (n, unit) in parts {
            if n > 0 {
                write!(f, "{n}{unit}")?;
            }
        }
        Ok(())
    }
}

impl<'de> serde::Deserialize<'de> for Every {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(text: &str) -> u64 {
        Every::parse(text).unwrap().duration().as_secs()
    }

    #[test]
    fn the_documented_forms_read() {
        assert_eq!(secs("45m"), 2700);
        assert_eq!(secs("90s"), 90);
        assert_eq!(secs("1h"), 3600);
        assert_eq!(secs("1h30m"), 5400);
        assert_eq!(secs("10s"), 10);
        assert_eq!(secs("4h"), 14_400);
    }

    #[test]
    fn outside_the_bounds_or_malformed_is_refused_with_the_forms() {
        for bad in [
            "9s",
            "4h1s",
            "45",
            "m",
            "",
            "1.5h",
            "30m1h",
            "1h1h",
            "45 m",
            "-5m",
            "99999999999999999999h",
        ] {
            let err = Every::parse(bad).unwrap_err().to_string();
            assert!(err.contains("45m, 90s, 1h or 1h30m"), "{bad}: {err}");
        }
    }

    #[test]
    fn written_back_in_its_shortest_form() {
        assert_eq!(Every::parse("90s").unwrap().to_string(), "1m30s");
        assert_eq!(Every::parse("1h30m").unwrap().to_string(), "1h30m");
        assert_eq!(DEFAULT.to_string(), "45m");
    }
}
