//! The timing engine's specification, through its public API, in virtual time.
//!
//! Times are literal: `now` is a `Duration` since an imaginary monotonic origin, and no
//! test sleeps. The routine most tests play is `three_steps()`; its plan is spelled out
//! there and checked in `timeline::a_routine_is_laid_out_as_exact_offsets`.

mod breathing;
mod builder;
mod clock;
mod controls;
mod timeline;
mod versions;
mod work;

use std::time::Duration;

use builder::{StepKeys, reps, routine, timed};
use poised::routine::{Routine, Variant};
use poised::session::{Player, Snapshot, Timeline};

#[must_use]
pub fn s(secs: u64) -> Duration {
    Duration::from_secs(secs)
}

#[must_use]
pub fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// 0-5 get ready, 5-35 "Breathe" (30 s, calm), 35-45 rest;
/// 45-50 get ready, 50-70 "Tilt" left (4 reps of 2 s effort + 3 s release), 70-75 switch,
/// 75-95 "Tilt" right; 95-115 "Settle" (20 s, no get-ready). Total 115 s.
/// "Breathe" and "Settle" are essential: the short version is 45 + 20 = 65 s.
#[must_use]
pub fn three_steps() -> Routine {
    routine([
        timed("Breathe", 30).rest(10).essential(),
        reps("Tilt", 4, 2, 3).per_side(),
        timed("Settle", 20).get_ready(0).essential(),
    ])
}

/// A player of the full `routine`, started at instant 0.
#[must_use]
pub fn start(routine: &Routine) -> Player {
    Player::new(Timeline::new(routine, Variant::Full), Duration::ZERO)
}

/// Plays on like a live loop: an update at every whole second after `from`, then at `to`.
pub fn live(player: &mut Player, from: Duration, to: Duration) {
    let mut now = from + s(1);
    while now < to {
        player.update(now);
        now += s(1);
    }
    player.update(to);
}

/// Starts `three_steps()` and plays it live until `to`; returns the snapshot there.
#[must_use]
pub fn played_until(to: Duration) -> (Player, Snapshot) {
    let mut player = start(&three_steps());
    live(&mut player, Duration::ZERO, to);
    let snapshot = player.snapshot(to);
    (player, snapshot)
}
