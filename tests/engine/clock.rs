//! Time itself: the countdown display, the gap rule, and `next_change`, which lets the
//! interface sleep until something shown changes. A whole session is played in virtual
//! time by jumping from one `next_change` to the next.

use std::time::Duration;

use poised::routine::load::{BUILTIN, builtin_path, parse_text};
use poised::routine::{Routine, Variant};
use poised::session::display_secs;
use poised::session::{BreathPhase, PlayState, Player, RepState, Snapshot, Timeline};

use crate::{live, ms, played_until, s, start, three_steps};

#[test]
fn countdowns_show_whole_seconds_rounded_up() {
    assert_eq!(display_secs(s(5)), 5);
    assert_eq!(display_secs(ms(4_001)), 5);
    assert_eq!(display_secs(ms(4_000)), 4);
    assert_eq!(display_secs(ms(1)), 1);
    assert_eq!(display_secs(Duration::from_nanos(1)), 1);
    assert_eq!(display_secs(s(0)), 0);
}

#[test]
fn a_gap_of_more_than_ten_seconds_pauses_where_the_session_was_last_seen() {
    let (mut player, last_seen) = played_until(s(12));
    player.update(ms(22_001));
    let after = player.snapshot(ms(22_001));
    assert_eq!(after.state, PlayState::Paused);
    assert_eq!(after.elapsed, s(12));
    assert_eq!(
        Snapshot {
            state: PlayState::Playing,
            ..after
        },
        last_seen
    );
    assert_eq!(player.active(s(60)), s(12));
    player.resume(s(60));
    live(&mut player, s(60), s(61));
    assert_eq!(player.snapshot(s(61)).elapsed, s(13));
}

#[test]
fn a_gap_of_exactly_ten_seconds_plays_on() {
    let (mut player, _) = played_until(s(12));
    player.update(s(22));
    let after = player.snapshot(s(22));
    assert_eq!((after.state, after.elapsed), (PlayState::Playing, s(22)));
}

#[test]
fn a_gap_while_paused_changes_nothing() {
    let (mut player, _) = played_until(s(12));
    player.pause(s(12));
    player.update(s(3_600));
    player.resume(s(3_600));
    player.update(s(3_601));
    assert_eq!(player.snapshot(s(3_601)).elapsed, s(13));
}

#[test]
fn next_change_is_later_than_now_while_playing_and_none_otherwise() {
    let (mut player, _) = played_until(ms(8_500));
    assert_eq!(player.next_change(ms(8_500)), Some(s(9)));
    player.pause(ms(8_500));
    assert_eq!(player.next_change(ms(8_500)), None);
    player.finish(s(9));
    assert_eq!(player.next_change(s(9)), None);
}

/// What a screen shows: whole seconds for countdowns, phases and reps, no raw times.
type Shown = (
    usize,
    u64,
    u64,
    Option<(BreathPhase, u64)>,
    Option<RepState>,
    PlayState,
);

fn shown(snapshot: &Snapshot) -> Shown {
    let breath = snapshot.breath.as_ref();
    (
        snapshot.segment_index,
        display_secs(snapshot.segment_remaining),
        display_secs(snapshot.remaining),
        breath.map(|b| (b.phase, display_secs(b.remaining))),
        snapshot.rep,
        snapshot.state,
    )
}

/// Plays `player` from `now` by jumping to each `next_change`, checking that nothing
/// shown changes before it and that something does at it. Returns the instant it finished,
/// and the segments seen, in order.
fn play_in_virtual_time(player: &mut Player, mut now: Duration) -> (Duration, Vec<usize>) {
    let mut seen = vec![player.snapshot(now).segment_index];
    while let Some(next) = player.next_change(now) {
        assert!(next > now, "next change {next:?} is not after {now:?}");
        let before = shown(&player.snapshot(now));
        assert_eq!(
            shown(&player.snapshot(next - Duration::from_nanos(1))),
            before
        );
        player.update(next);
        let after = player.snapshot(next);
        assert_ne!(shown(&after), before, "nothing changed at {next:?}");
        if seen.last() != Some(&after.segment_index) {
            seen.push(after.segment_index);
        }
        now = next;
    }
    (now, seen)
}

fn plays_to_plan(routine: &Routine, variant: Variant) {
    let timeline = Timeline::new(routine, variant);
    let (total, segments) = (timeline.total, timeline.segments.len());
    let mut player = Player::new(timeline, s(1_000));
    let (end, seen) = play_in_virtual_time(&mut player, s(1_000));
    let label = format!("{} {variant:?}", routine.id);
    assert_eq!(player.snapshot(end).state, PlayState::Finished, "{label}");
    assert!((end - s(1_000)).abs_diff(total) <= ms(1), "{label}");
    assert_eq!(player.active(end + s(60)), total, "{label}");
    assert_eq!(seen, (0..segments).collect::<Vec<_>>(), "{label}");
    let steps = player.timeline().steps.len();
    assert_eq!(player.steps_done() as usize, steps, "{label}");
}

#[test]
fn a_whole_session_in_virtual_time_visits_every_segment_and_ends_on_plan() {
    plays_to_plan(&three_steps(), Variant::Full);
    plays_to_plan(&three_steps(), Variant::Short);
}

#[test]
fn every_built_in_routine_plays_to_plan_in_virtual_time() {
    for (id, text) in BUILTIN {
        let routine = parse_text(&builtin_path(id), id, text).expect("built-in routine");
        plays_to_plan(&routine, Variant::Full);
        if routine.has_short() {
            plays_to_plan(&routine, Variant::Short);
        }
    }
}

#[test]
fn fractional_breathing_still_changes_on_exact_instants() {
    use crate::builder::{StepKeys, routine, timed};
    let coherent = [5.5, 0.0, 5.5, 0.0];
    let routine = routine([timed("Coherent", 33).breathing(coherent).rest(3)]);
    plays_to_plan(&routine, Variant::Full);
    let mut player = start(&routine);
    live(&mut player, s(0), ms(10_500));
    assert_eq!(
        player.snapshot(ms(10_500)).breath.map(|b| b.phase),
        Some(BreathPhase::Exhale)
    );
}

#[test]
fn a_control_after_a_gap_acts_on_the_paused_session() {
    let (mut player, _) = played_until(s(12));
    player.toggle_pause(s(40));
    let after = player.snapshot(s(41));
    assert_eq!((after.state, after.elapsed), (PlayState::Playing, s(13)));
    assert_eq!(player.active(s(41)), s(13));
}

#[test]
fn the_snapshot_tells_the_step_what_comes_next_and_the_countdowns() {
    let (_, at_start) = played_until(ms(1));
    assert_eq!((at_start.step_number, at_start.step_count), (1, 3));
    assert_eq!(at_start.next_step, Some(1));
    assert_eq!(display_secs(at_start.segment_remaining), 5);
    assert_eq!(display_secs(at_start.remaining), 115);
    let (_, last_second) = played_until(ms(4_001));
    assert_eq!(display_secs(last_second.segment_remaining), 1);
    let (_, in_rest) = played_until(s(40));
    assert_eq!((in_rest.step_number, in_rest.next_step), (1, Some(1)));
    let (_, on_last) = played_until(s(100));
    assert_eq!((on_last.step_number, on_last.next_step), (3, None));
    assert_eq!(
        (on_last.segment_elapsed, on_last.segment_remaining),
        (s(5), s(15))
    );
    let (_, at_end) = played_until(s(115));
    assert_eq!(at_end.state, PlayState::Finished);
    assert_eq!(
        (
            at_end.segment_index,
            at_end.segment_remaining,
            at_end.remaining
        ),
        (7, s(0), s(0))
    );
}
