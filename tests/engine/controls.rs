//! Pause, resume, skip, back, restart and finish: where each leaves the position and the
//! time counted as active. Positions refer to the plan in `three_steps()`.

use poised::session::{PlayState, SegmentKind};

use crate::{live, played_until, s};

#[test]
fn pause_freezes_the_position_and_paused_time_never_counts() {
    let (mut player, _) = played_until(s(12));
    player.pause(s(12));
    let paused = player.snapshot(s(100));
    assert_eq!(paused.state, PlayState::Paused);
    assert_eq!(paused.elapsed, s(12));
    assert_eq!(player.active(s(100)), s(12));
    player.resume(s(100));
    live(&mut player, s(100), s(103));
    assert_eq!(player.snapshot(s(103)).elapsed, s(15));
    assert_eq!(player.active(s(103)), s(15));
}

#[test]
fn toggling_twice_plays_on_from_the_same_place() {
    let (mut player, _) = played_until(s(7));
    player.toggle_pause(s(7));
    assert_eq!(player.snapshot(s(9)).state, PlayState::Paused);
    player.toggle_pause(s(9));
    assert_eq!(player.snapshot(s(10)).state, PlayState::Playing);
    assert_eq!(player.snapshot(s(10)).elapsed, s(8));
}

#[test]
fn skip_goes_to_the_get_ready_of_the_next_step() {
    let (mut player, _) = played_until(s(12));
    player.skip(s(12));
    let after = player.snapshot(s(12));
    assert_eq!(after.elapsed, s(45));
    assert_eq!(
        (after.segment.kind, after.step_number),
        (SegmentKind::GetReady, 2)
    );
    live(&mut player, s(12), s(14));
    assert_eq!(player.snapshot(s(14)).elapsed, s(47));
    assert_eq!(player.active(s(14)), s(14));
}

#[test]
fn skip_during_a_rest_goes_to_the_next_step() {
    let (mut player, _) = played_until(s(40));
    player.skip(s(40));
    assert_eq!(player.snapshot(s(40)).elapsed, s(45));
}

#[test]
fn skip_while_paused_moves_but_stays_paused() {
    let (mut player, _) = played_until(s(12));
    player.pause(s(12));
    player.skip(s(20));
    let after = player.snapshot(s(30));
    assert_eq!((after.state, after.elapsed), (PlayState::Paused, s(45)));
}

#[test]
fn skip_on_the_last_step_finishes_where_it_is() {
    let (mut player, _) = played_until(s(100));
    player.skip(s(100));
    let after = player.snapshot(s(200));
    assert_eq!((after.state, after.elapsed), (PlayState::Finished, s(100)));
    assert_eq!(player.active(s(200)), s(100));
}

#[test]
fn back_goes_to_the_start_of_the_current_step() {
    let (mut player, _) = played_until(s(52));
    player.back(s(52));
    assert_eq!(player.snapshot(s(52)).elapsed, s(45));
}

#[test]
fn back_within_the_first_two_seconds_goes_to_the_previous_step() {
    let (mut player, _) = played_until(s(46));
    player.back(s(46));
    assert_eq!(player.snapshot(s(46)).elapsed, s(0));
    // "Settle" has no get-ready: its step starts with its work, at 95 s.
    let (mut player, _) = played_until(crate::ms(96_999));
    player.back(crate::ms(96_999));
    assert_eq!(player.snapshot(crate::ms(96_999)).elapsed, s(45));
}

#[test]
fn back_exactly_two_seconds_in_stays_on_the_current_step() {
    let (mut player, _) = played_until(s(47));
    player.back(s(47));
    assert_eq!(player.snapshot(s(47)).elapsed, s(45));
}

#[test]
fn back_twice_quickly_walks_back_step_by_step() {
    let (mut player, _) = played_until(s(100));
    player.back(s(100));
    assert_eq!(player.snapshot(s(100)).elapsed, s(95));
    player.back(s(101));
    assert_eq!(player.snapshot(s(101)).elapsed, s(45));
}

#[test]
fn back_on_the_first_step_goes_to_its_start() {
    let (mut player, _) = played_until(s(1));
    player.back(s(1));
    assert_eq!(player.snapshot(s(1)).elapsed, s(0));
}

#[test]
fn restart_goes_to_the_start_of_the_current_step_however_early() {
    let (mut player, _) = played_until(s(46));
    player.restart_step(s(46));
    assert_eq!(player.snapshot(s(46)).elapsed, s(45));
    let (mut player, _) = played_until(s(90));
    player.restart_step(s(90));
    assert_eq!(player.snapshot(s(90)).elapsed, s(45));
    assert_eq!(player.active(s(90)), s(90));
}

#[test]
fn finish_ends_early_and_nothing_moves_after() {
    let (mut player, _) = played_until(s(60));
    player.finish(s(60));
    let done = player.snapshot(s(500));
    assert_eq!((done.state, done.elapsed), (PlayState::Finished, s(60)));
    assert_eq!(done.breath, None);
    assert_eq!(player.next_change(s(500)), None);
    assert_eq!(player.active(s(500)), s(60));
    for control in [poised::session::Player::skip, poised::session::Player::back] {
        control(&mut player, s(501));
    }
    player.toggle_pause(s(502));
    assert_eq!(player.snapshot(s(503)), done);
}

#[test]
fn a_step_is_done_when_its_work_is_played_to_its_end() {
    let (player, _) = played_until(s(35));
    assert_eq!(player.steps_done(), 1);
    // "Tilt" is done only when its right half ends, at 95 s.
    let (player, _) = played_until(crate::ms(94_999));
    assert_eq!(player.steps_done(), 1);
    let (player, _) = played_until(s(95));
    assert_eq!(player.steps_done(), 2);
    let (player, _) = played_until(s(115));
    assert_eq!(player.steps_done(), 3);
}

#[test]
fn a_skipped_step_is_not_done_and_a_replayed_one_counts_once() {
    let (mut player, _) = played_until(s(50));
    player.skip(s(50));
    live(&mut player, s(50), s(60));
    assert_eq!(player.snapshot(s(60)).elapsed, s(105));
    assert_eq!(player.steps_done(), 1);
    player.back(s(60));
    player.back(s(60));
    assert_eq!(player.snapshot(s(60)).elapsed, s(45));
    live(&mut player, s(60), s(130));
    assert_eq!(player.snapshot(s(130)).state, PlayState::Finished);
    assert_eq!(player.steps_done(), 3);
}
