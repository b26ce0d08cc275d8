//! The one place that reads the real clock. Everything else receives `now` as a value.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Local, TimeDelta};

/// Monotonic time since the app started, optionally running faster for tests, and the
/// wall clock.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    start: Instant,
    /// The wall clock when the app started.
    start_local: DateTime<FixedOffset>,
    scale: u32,
}

impl Clock {
    /// A clock that runs `scale` times faster than real time (1 for people).
    #[must_use]
    pub fn new(scale: u32) -> Self {
        Self {
            start: Instant::now(),
            start_local: Local::now().fixed_offset(),
            scale: scale.max(1),
        }
    }

    /// The local time with its offset. Faster than real time, it runs from the start at the
    /// clock's pace, so the desk's due times come as fast as a session's steps.
    #[must_use]
    pub fn local(&self) -> DateTime<FixedOffset> {
        if self.scale == 1 {
            return Local::now().fixed_offset();
        }
        self.start_local + TimeDelta::from_std(self.now()).unwrap_or(TimeDelta::MAX)
    }

    /// Session time now.
    #[must_use]
    pub fn now(&self) -> Duration {
        self.start.elapsed() * self.scale
    }

    /// How long to wait in real time until session time has surely reached `deadline`
    /// (a millisecond late rather than early, so one wake-up suffices).
    #[must_use]
    pub fn real_wait_until(&self, deadline: Duration) -> Duration {
        deadline.saturating_sub(self.now()) / self.scale + Duration::from_millis(1)
    }
}

/// Reads `POISED_TIME_SCALE` (a whole number, default 1); tests use it to run sessions fast.
#[must_use]
pub fn time_scale(value: Option<String>) -> u32 {
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
}
