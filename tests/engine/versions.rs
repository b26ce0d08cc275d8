//! The versions of a step a session can play: a hold inside each rep, the side played first
//! and what each side means, the short version's fewer reps or seconds, and the easier
//! version in place of the usual one.

use std::time::Duration;

use poised::routine::{Side, Step, Variant, Work};
use poised::session::{BreathPhase, Player, RepPart, SegmentKind, Snapshot, Timeline};

use super::builder::{StepKeys, reps, routine, timed};
use super::{live, s};

/// What a session of `timeline` shows `secs` after it starts, played live.
fn at(timeline: &Timeline, secs: u64) -> Snapshot {
    let mut player = Player::new(timeline.clone(), Duration::ZERO);
    live(&mut player, Duration::ZERO, s(secs));
    player.snapshot(s(secs))
}

/// 3 reps of 2 s effort, 4 s hold, 2 s release: 24 s, after a 5 s get-ready.
fn held() -> Step {
    let work = Work::Reps {
        count: 3,
        effort: s(2),
        hold: s(4),
        release: s(2),
    };
    Step {
        work,
        ..reps("Bridge hold", 3, 2, 2)
    }
}

#[test]
fn a_hold_inside_each_rep_is_played_and_counted_in_the_total() {
    let routine = routine([held()]);
    assert_eq!(routine.total(Variant::Full), s(29));
    let timeline = Timeline::new(&routine, Variant::Full);
    let at = |t: u64| {
        let snap = at(&timeline, t);
        let rep = snap.rep.map(|r| (r.current, r.part));
        (rep, snap.breath.map(|b| (b.phase, b.remaining)))
    };
    assert_eq!(
        at(5),
        (
            Some((1, RepPart::Effort)),
            Some((BreathPhase::Exhale, s(2)))
        )
    );
    assert_eq!(
        at(7),
        (
            Some((1, RepPart::Hold)),
            Some((BreathPhase::HoldAfter, s(4)))
        )
    );
    assert_eq!(
        at(11),
        (
            Some((1, RepPart::Release)),
            Some((BreathPhase::Inhale, s(2)))
        )
    );
    assert_eq!(
        at(13),
        (
            Some((2, RepPart::Effort)),
            Some((BreathPhase::Exhale, s(2)))
        )
    );
    assert_eq!(at(28).0, Some((3, RepPart::Release)));
}

#[test]
fn the_first_side_plays_first_and_each_side_is_named_from_the_get_ready() {
    let open_book = Step {
        first_side: Side::Right,
        sides: ["left arm on top".into(), "right arm on top".into()],
        ..timed("Open book", 10).per_side()
    };
    let timeline = Timeline::new(&routine([open_book]), Variant::Full);
    // 0-5 get ready, 5-15 right, 15-20 switch, 20-30 left.
    let seen = [0, 5, 15, 20].map(|t| {
        let snap = at(&timeline, t);
        let label = snap.side_label(&timeline).map(str::to_string);
        (snap.segment.kind, snap.side, label)
    });
    let right = Some("right arm on top".to_string());
    let left = Some("left arm on top".to_string());
    assert_eq!(
        seen,
        [
            (SegmentKind::GetReady, Some(Side::Right), right.clone()),
            (SegmentKind::Work, Some(Side::Right), right.clone()),
            (SegmentKind::Switch, Some(Side::Left), left.clone()),
            (SegmentKind::Work, Some(Side::Left), left),
        ]
    );
}

#[test]
fn a_step_without_sides_names_none_and_the_default_words_are_left_and_right_side() {
    let timeline = Timeline::new(&routine([timed("Breathe", 10)]), Variant::Full);
    let snap = at(&timeline, 6);
    assert_eq!(snap.side, None);
    let tilt = reps("Tilt", 2, 1, 1).per_side();
    assert_eq!(tilt.side_label(Side::Left), "left side");
    assert_eq!(tilt.side_label(Side::Right), "right side");
}

#[test]
fn the_short_version_plays_a_shortened_step_with_fewer_reps_or_seconds() {
    let tilts = Step {
        short: Some(Work::reps(2, s(2), s(3))),
        ..reps("Tilt", 4, 2, 3).essential()
    };
    let breathe = Step {
        short: Some(Work::Timed(s(10))),
        ..timed("Breathe", 30).essential()
    };
    let routine = routine([tilts, breathe, timed("Walk", 20)]);
    // Full: 5 + 20 + 5 + 30 + 5 + 20; short: 5 + 10 + 5 + 10.
    assert_eq!(routine.total(Variant::Full), s(85));
    assert_eq!(routine.total(Variant::Short), s(30));
    let short = Timeline::new(&routine, Variant::Short);
    assert_eq!(short.total, s(30));
    let works: Vec<Duration> = short.steps.iter().map(|x| x.work.duration()).collect();
    assert_eq!(works, [s(10), s(10)]);
    assert_eq!(
        at(&short, 14).rep.map(|r| (r.current, r.count)),
        Some((2, 2))
    );
}

#[test]
fn the_easier_version_replaces_the_step_only_when_asked_for() {
    let easier = Step {
        cue: "Slide the leg back only.".into(),
        eased: true,
        ..timed("Bird-dog", 20)
    };
    let bird_dog = Step {
        easier: Some(Box::new(easier)),
        ..reps("Bird-dog", 5, 3, 3)
    };
    let routine = routine([timed("Breathe", 10), bird_dog]);
    let usual = Timeline::new(&routine, Variant::Full);
    assert_eq!(usual.total, s(50));
    assert!(usual.steps.iter().all(|x| !x.eased));
    let eased = Timeline::with_easier(&routine, Variant::Full, &["Bird-dog".to_string()]);
    assert_eq!(eased.total, s(40));
    assert_eq!(eased.steps[1].name, "Bird-dog");
    assert!(eased.steps[1].eased);
    assert_eq!(eased.steps[1].cue, "Slide the leg back only.");
    let no_easier = Timeline::with_easier(&routine, Variant::Full, &["Breathe".to_string()]);
    assert_eq!(no_easier, usual);
}

#[test]
fn replanning_restarts_the_current_step_in_the_new_plan_and_keeps_the_time_played() {
    let easier = Step {
        eased: true,
        ..timed("Bird-dog", 10)
    };
    let bird_dog = Step {
        easier: Some(Box::new(easier)),
        ..timed("Bird-dog", 30)
    };
    let routine = routine([timed("Breathe", 10).essential(), bird_dog]);
    let eased = Timeline::with_easier(&routine, Variant::Full, &["Bird-dog".to_string()]);
    let mut player = Player::new(eased, Duration::ZERO);
    // 0-15 Breathe; 15-20 get ready for the easier Bird-dog; at 22 take the usual one.
    live(&mut player, Duration::ZERO, s(22));
    assert_eq!(player.steps_done(), 1);
    player.replan(Timeline::new(&routine, Variant::Full), s(22));
    let snap = player.snapshot(s(22));
    assert_eq!(
        (snap.segment.step, snap.segment.kind),
        (1, SegmentKind::GetReady)
    );
    assert_eq!(snap.remaining, s(35));
    assert_eq!(player.active(s(22)), s(22));
    assert_eq!(player.steps_done(), 1);
    assert!(!player.timeline().steps[1].eased);
}
