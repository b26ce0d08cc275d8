//! The plan: segments with exact offsets, per-side halves, totals, variants.

use poised::routine::Variant;
use poised::session::{PlayState, Player, Segment, SegmentKind, Side, Timeline};

use crate::builder::{StepKeys, routine, timed};
use crate::{ms, s, three_steps};

fn plan(timeline: &Timeline) -> Vec<(SegmentKind, &str, Option<Side>, u64, u64)> {
    let row = |x: &Segment| {
        let name = timeline.steps[x.step].name.as_str();
        (x.kind, name, x.side, x.start.as_secs(), x.len.as_secs())
    };
    timeline.segments.iter().map(row).collect()
}

#[test]
fn a_routine_is_laid_out_as_exact_offsets() {
    use SegmentKind::{GetReady, Rest, Switch, Work};
    let timeline = Timeline::new(&three_steps(), Variant::Full);
    let expected = vec![
        (GetReady, "Breathe", None, 0, 5),
        (Work, "Breathe", None, 5, 30),
        (Rest, "Breathe", None, 35, 10),
        (GetReady, "Tilt", None, 45, 5),
        (Work, "Tilt", Some(Side::Left), 50, 20),
        (Switch, "Tilt", None, 70, 5),
        (Work, "Tilt", Some(Side::Right), 75, 20),
        (Work, "Settle", None, 95, 20),
    ];
    assert_eq!(plan(&timeline), expected);
    assert_eq!(timeline.total, s(115));
}

#[test]
fn the_total_equals_the_routine_total_in_both_variants() {
    let routine = three_steps();
    for variant in [Variant::Full, Variant::Short] {
        let timeline = Timeline::new(&routine, variant);
        assert_eq!(timeline.total, routine.total(variant), "{variant:?}");
        let last = timeline.segments.last().expect("segments");
        assert_eq!(last.start + last.len, timeline.total);
    }
}

#[test]
fn the_short_version_plays_only_the_essential_steps_in_order() {
    let short = Timeline::new(&three_steps(), Variant::Short);
    let names: Vec<_> = short.steps.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Breathe", "Settle"]);
    assert_eq!(short.variant, Variant::Short);
    assert_eq!(short.total, s(65));
    let settle = short.segments.last().expect("segments");
    assert_eq!((settle.step, settle.start), (1, s(45)));
}

#[test]
fn segments_follow_each_other_without_gaps_or_overlaps() {
    let timeline = Timeline::new(&three_steps(), Variant::Full);
    for pair in timeline.segments.windows(2) {
        assert_eq!(pair[0].start + pair[0].len, pair[1].start);
    }
}

#[test]
fn a_segment_starts_exactly_at_its_offset() {
    let timeline = Timeline::new(&three_steps(), Variant::Full);
    assert_eq!(timeline.segment_at(ms(49_999)), Some(3));
    assert_eq!(timeline.segment_at(s(50)), Some(4));
    assert_eq!(timeline.segment_at(ms(50_001)), Some(4));
    assert_eq!(timeline.segment_at(ms(114_999)), Some(7));
    assert_eq!(timeline.segment_at(s(115)), None);
}

#[test]
fn both_halves_of_a_per_side_step_last_the_whole_work() {
    let timeline = Timeline::new(&three_steps(), Variant::Full);
    let halves: Vec<_> = timeline
        .segments
        .iter()
        .filter(|x| x.side.is_some())
        .collect();
    assert_eq!(halves.len(), 2);
    assert!(halves.iter().all(|x| x.len == s(20)));
}

#[test]
fn a_switch_of_zero_seconds_leaves_the_halves_touching() {
    let mut routine = routine([timed("Open book", 10).per_side().get_ready(0)]);
    routine.switch_sides = s(0);
    let timeline = Timeline::new(&routine, Variant::Full);
    let sides: Vec<_> = timeline
        .segments
        .iter()
        .map(|x| (x.side, x.start))
        .collect();
    assert_eq!(
        sides,
        [(Some(Side::Left), s(0)), (Some(Side::Right), s(10))]
    );
}

#[test]
fn a_variant_without_steps_is_empty_and_finished_at_once() {
    let routine = routine([timed("Only", 10)]);
    let timeline = Timeline::new(&routine, Variant::Short);
    assert!(timeline.segments.is_empty());
    assert_eq!(timeline.total, s(0));
    let player = Player::new(timeline, s(3));
    assert_eq!(player.snapshot(s(3)).state, PlayState::Finished);
    assert_eq!(player.next_change(s(3)), None);
}
