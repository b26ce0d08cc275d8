//! What the pacer shows: breath phases at and around their boundaries, zero holds skipped,
//! reps with their effort and release halves. Positions refer to `three_steps()`.

use poised::session::{BreathPhase, RepPart, RepState, Snapshot};

use crate::builder::{StepKeys, routine, timed};
use crate::{live, ms, played_until, s, start};
use BreathPhase::{Exhale, Hold, HoldAfter, Inhale};

fn phase(snapshot: &Snapshot) -> Option<(BreathPhase, std::time::Duration)> {
    snapshot.breath.as_ref().map(|b| (b.phase, b.remaining))
}

fn phase_at(millis: u64) -> Option<(BreathPhase, std::time::Duration)> {
    phase(&played_until(ms(millis)).1)
}

fn rep_at(millis: u64) -> Option<RepState> {
    played_until(ms(millis)).1.rep
}

#[test]
fn breathing_starts_with_the_work_and_not_before() {
    assert_eq!(phase_at(4_999), None);
    assert_eq!(phase_at(5_000), Some((Inhale, s(4))));
}

#[test]
fn the_next_phase_begins_exactly_at_its_boundary() {
    // "Breathe" works from 5 s with calm breathing: in 5-9, out 9-15, in again at 15.
    assert_eq!(phase_at(8_999), Some((Inhale, ms(1))));
    assert_eq!(phase_at(9_000), Some((Exhale, s(6))));
    assert_eq!(phase_at(9_001), Some((Exhale, ms(5_999))));
    assert_eq!(phase_at(14_999), Some((Exhale, ms(1))));
    assert_eq!(phase_at(15_000), Some((Inhale, s(4))));
}

#[test]
fn progress_goes_from_zero_through_the_phase() {
    let progress = |millis| played_until(ms(millis)).1.breath.map(|b| b.progress());
    assert_eq!(progress(9_000), Some(0.0));
    assert_eq!(progress(12_000), Some(0.5));
}

#[test]
fn there_is_no_breathing_in_rests_get_readies_or_switches() {
    for secs in [35, 44, 45, 70, 74] {
        assert_eq!(phase_at(secs * 1000), None, "at {secs} s");
    }
}

#[test]
fn a_hold_of_zero_is_skipped() {
    let four_seven_eight = [4.0, 7.0, 8.0, 0.0];
    let routine = routine([timed("Relax", 60).get_ready(0).breathing(four_seven_eight)]);
    let mut player = start(&routine);
    let mut at = |secs| {
        live(&mut player, s(0), s(secs));
        phase(&player.snapshot(s(secs))).map(|(p, _)| p)
    };
    // in 0-4, hold 4-11, out 11-19, and in again at 19: no hold after the exhale.
    assert_eq!(at(4), Some(Hold));
    assert_eq!(at(11), Some(Exhale));
    assert_eq!(at(19), Some(Inhale));
}

#[test]
fn box_breathing_holds_after_the_exhale() {
    let routine = routine([timed("Box", 60)
        .get_ready(0)
        .breathing([4.0, 4.0, 4.0, 4.0])]);
    let mut player = start(&routine);
    live(&mut player, s(0), ms(12_000));
    assert_eq!(phase(&player.snapshot(s(12))), Some((HoldAfter, s(4))));
}

#[test]
fn each_side_starts_its_breathing_afresh() {
    // The right half of "Tilt" starts at 75 s with rep 1 of 4, breathing out.
    assert_eq!(phase_at(75_000), Some((Exhale, s(2))));
    let first = RepState {
        current: 1,
        count: 4,
        part: RepPart::Effort,
    };
    assert_eq!(rep_at(75_000), Some(first));
}

#[test]
fn reps_count_from_one_and_breathe_out_on_effort() {
    // "Tilt" left: from 50 s, 4 reps of 2 s effort then 3 s release.
    let rep = |current, effort: bool| {
        let part = if effort {
            RepPart::Effort
        } else {
            RepPart::Release
        };
        Some(RepState {
            current,
            count: 4,
            part,
        })
    };
    assert_eq!(rep_at(50_000), rep(1, true));
    assert_eq!(phase_at(50_000), Some((Exhale, s(2))));
    assert_eq!(rep_at(51_999), rep(1, true));
    assert_eq!(rep_at(52_000), rep(1, false));
    assert_eq!(phase_at(52_000), Some((Inhale, s(3))));
    assert_eq!(rep_at(54_999), rep(1, false));
    assert_eq!(rep_at(55_000), rep(2, true));
    assert_eq!(rep_at(69_999), rep(4, false));
    assert_eq!(rep_at(70_000), None);
}

#[test]
fn timed_steps_have_no_rep() {
    assert_eq!(rep_at(20_000), None);
}

#[test]
fn a_paused_pacer_stays_where_it_was() {
    let (mut player, at_pause) = played_until(s(12));
    player.pause(s(12));
    assert_eq!(player.snapshot(s(40)).breath, at_pause.breath);
}
