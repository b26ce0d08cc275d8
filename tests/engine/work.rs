//! Work played and steps skipped: what the done rule reads. `three_steps()` plans 90 s of
//! work: "Breathe" 5-35, "Tilt" 50-70 and 75-95, "Settle" 95-115.

use crate::{live, played_until, s, start, three_steps};

#[test]
fn the_plan_counts_both_halves_of_a_per_side_step() {
    let player = start(&three_steps());
    assert_eq!(player.timeline().work_total(), s(90));
}

#[test]
fn played_through_every_second_of_work_counts_and_nothing_is_skipped() {
    let (player, _) = played_until(s(115));
    assert_eq!(player.work_played(), s(90));
    assert!(player.skipped_steps(true).is_empty());
    assert_eq!(player.steps_done(), 3);
}

#[test]
fn a_skipped_step_counts_only_what_was_played_of_it() {
    let (mut player, _) = played_until(s(12));
    player.skip(s(12));
    live(&mut player, s(12), s(82));
    assert_eq!(player.work_played(), s(7 + 60));
    assert_eq!(player.skipped_steps(true), [0]);
}

#[test]
fn going_back_never_counts_a_stretch_twice() {
    let (mut player, _) = played_until(s(20));
    player.restart_step(s(20));
    live(&mut player, s(20), s(50));
    assert_eq!(player.work_played(), s(30));
}

#[test]
fn ending_early_leaves_steps_not_reached_out_of_the_skipped() {
    let (mut player, _) = played_until(s(60));
    player.finish(s(60));
    assert_eq!(player.work_played(), s(40));
    assert!(player.skipped_steps(false).is_empty());
    assert_eq!(
        player.skipped_steps(true),
        [1, 2],
        "as if it had gone on to the end"
    );
}

#[test]
fn skipping_the_last_step_ends_the_session_with_it_skipped() {
    let (mut player, _) = played_until(s(100));
    player.skip(s(100));
    assert_eq!(player.work_played(), s(30 + 40 + 5));
    assert_eq!(player.skipped_steps(true), [2]);
}
