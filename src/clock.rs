//! The one place poised reads the time. Everything else receives it as a value: the session
//! engine a monotonic `Duration`, the journal a local time with its offset.
//!
//! Two variables make the binary testable: `POISED_NOW` (an RFC 3339 time with its offset)
//! fixes the wall clock's starting point, and `POISED_TIME_SCALE` runs session time faster.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Local, SubsecRound};

/// The time, read once per loop turn: monotonic for the session, local for the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub mono: Duration,
    pub local: DateTime<FixedOffset>,
}

/// poised's clock: session time since the start, and the local time of day.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    start: Instant,
    /// Session time runs this many times faster than real time (1 for people).
    scale: u32,
    /// The wall clock's reading at `start`, when fixed by `POISED_NOW`.
    fixed: Option<DateTime<FixedOffset>>,
    /// The real wall clock's reading at `start`.
    started: DateTime<FixedOffset>,
}

impl Clock {
    /// The real clock, with session time `scale` times faster (1 for people).
    #[must_use]
    pub fn new(scale: u32) -> Self {
        Self {
            start: Instant::now(),
            scale: scale.max(1),
            fixed: None,
            started: Local::now().fixed_offset(),
        }
    }

    /// The clock the environment asks for: `POISED_NOW` and `POISED_TIME_SCALE` through
    /// `lookup`; says what to do when `POISED_NOW` is not a time.
    pub fn from_env(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let mut clock = Self::new(time_scale(lookup("POISED_TIME_SCALE")));
        if let Some(value) = lookup("POISED_NOW").filter(|v| !v.trim().is_empty()) {
            let fixed = DateTime::parse_from_rfc3339(value.trim()).map_err(|_| {
                format!(
                    "POISED_NOW is `{value}`, which is not a time with its offset such as \
                     2026-11-21T07:00:00+01:00; set it to one, or unset it to use the real clock"
                )
            })?;
            clock.fixed = Some(fixed);
        }
        Ok(clock)
    }

    /// Session time now.
    #[must_use]
    pub fn mono(&self) -> Duration {
        self.start.elapsed() * self.scale
    }

    /// The local time with its offset, to the second: the real one, or `POISED_NOW` plus the
    /// time since poised started. With `POISED_TIME_SCALE`, the wall clock runs as fast as
    /// session time, so desk mode's due times come as fast as a session's steps.
    #[must_use]
    pub fn local(&self) -> DateTime<FixedOffset> {
        let local = match (self.fixed, self.scale) {
            (None, 1) => Local::now().fixed_offset(),
            (fixed, _) => fixed.unwrap_or(self.started) + self.mono(),
        };
        local.trunc_subsecs(0)
    }

    /// Both readings at once.
    #[must_use]
    pub fn now(&self) -> Now {
        Now {
            mono: self.mono(),
            local: self.local(),
        }
    }

    /// How long to wait in real time until session time has surely reached `deadline`
    /// (a millisecond late rather than early, so one wake-up suffices).
    #[must_use]
    pub fn real_wait_until(&self, deadline: Duration) -> Duration {
        deadline.saturating_sub(self.mono()) / self.scale + Duration::from_millis(1)
    }
}

/// Reads `POISED_TIME_SCALE` (a whole number, default 1); tests use it to run sessions fast.
fn time_scale(value: Option<String>) -> u32 {
    value
        .and_then(|v| v.trim().parse().ok())
        .filter(|n: &u32| *n >= 1)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_scale_defaults_to_one() {
        assert_eq!(time_scale(None), 1);
        assert_eq!(time_scale(Some("abc".into())), 1);
        assert_eq!(time_scale(Some("0".into())), 1);
        assert_eq!(time_scale(Some("20".into())), 20);
    }

    #[test]
    fn poised_now_fixes_the_wall_clock_and_a_bad_value_says_what_to_do() {
        let env = |now: &'static str| move |key: &str| (key == "POISED_NOW").then(|| now.into());
        let clock = Clock::from_env(env("2026-11-21T07:00:00+01:00")).unwrap();
        let local = clock.local();
        assert_eq!(local.offset().local_minus_utc(), 3600);
        let since = local - DateTime::parse_from_rfc3339("2026-11-21T07:00:00+01:00").unwrap();
        assert!((0..5).contains(&since.num_seconds()), "{since}");
        let error = Clock::from_env(env("tomorrow")).unwrap_err();
        assert!(error.contains("POISED_NOW is `tomorrow`"), "{error}");
        assert!(error.contains("2026-11-21T07:00:00+01:00"), "{error}");
    }
}
