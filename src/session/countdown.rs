//! Whole-second countdowns: how a remaining time is shown, and how long until the shown
//! number changes. Also the exact integer arithmetic on `Duration`s the engine needs.

use std::time::Duration;

const NANOS_PER_SEC: u128 = 1_000_000_000;

/// The whole seconds a countdown shows for a remaining time: rounded UP, so the last
/// second of a segment shows 1 and 0 appears only when nothing remains. Every countdown
/// on screen uses this, so the engine knows exactly when any shown number changes.
#[must_use]
pub fn display_secs(remaining: Duration) -> u64 {
    remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0)
}

/// How long until the shown seconds of `remaining` drop by one (from `n` to `n - 1`, which
/// happens the moment `n - 1` whole seconds remain); `None` when nothing remains.
#[must_use]
pub fn until_tick(remaining: Duration) -> Option<Duration> {
    let shown = display_secs(remaining);
    let after = shown.checked_sub(1)?;
    Some(remaining - Duration::from_secs(after))
}

/// How many whole `period`s fit in `span` (zero when `period` is zero).
pub(crate) fn whole(span: Duration, period: Duration) -> u128 {
    span.as_nanos().checked_div(period.as_nanos()).unwrap_or(0)
}

/// What is left of `span` after taking out whole `period`s (`span` itself when `period` is zero).
pub(crate) fn rem(span: Duration, period: Duration) -> Duration {
    let left = span
        .as_nanos()
        .checked_rem(period.as_nanos())
        .unwrap_or(span.as_nanos());
    from_nanos(left)
}

fn from_nanos(nanos: u128) -> Duration {
    let secs = u64::try_from(nanos / NANOS_PER_SEC).unwrap_or(u64::MAX);
    // The remainder of a division by 10^9 always fits in a u32.
    #[allow(clippy::cast_possible_truncation)]
    Duration::new(secs, (nanos % NANOS_PER_SEC) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn tick_comes_when_the_next_whole_second_is_reached() {
        assert_eq!(until_tick(ms(3000)), Some(ms(1000)));
        assert_eq!(until_tick(ms(2500)), Some(ms(500)));
        assert_eq!(until_tick(ms(999)), Some(ms(999)));
        assert_eq!(until_tick(ms(1)), Some(ms(1)));
        assert_eq!(until_tick(ms(0)), None);
    }

    #[test]
    fn whole_periods_and_remainders_are_exact() {
        assert_eq!(whole(ms(10_500), ms(2000)), 5);
        assert_eq!(rem(ms(10_500), ms(2000)), ms(500));
        assert_eq!(
            rem(Duration::from_nanos(7), Duration::from_nanos(3)),
            Duration::from_nanos(1)
        );
        assert_eq!(whole(ms(5), Duration::ZERO), 0);
        assert_eq!(rem(ms(5), Duration::ZERO), ms(5));
    }
}
