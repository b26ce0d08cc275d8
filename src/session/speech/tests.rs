use std::time::Duration;

use super::super::fixture::{reps, s, step, timeline};
use super::super::player::Player;
use super::*;
use crate::routine::{Step, Work};

/// Plays `steps` as the loop does, waking at every change, and lists what is said when
/// (in whole seconds), until the end or `until`.
fn heard(steps: Vec<Step>, until: Duration) -> Vec<(u64, String)> {
    let timeline = timeline(steps);
    let mut player = Player::new(timeline.clone(), Duration::ZERO);
    let mut now = Duration::ZERO;
    let mut before: Option<Snapshot> = None;
    let mut said = Vec::new();
    loop {
        player.update(now);
        let snap = player.snapshot(now);
        if let Some(Speech::Say(text)) = speech(&timeline, before.as_ref(), &snap) {
            said.push((now.as_secs(), text));
        }
        before = Some(snap);
        match player.next_change(now) {
            Some(next) if next <= until => now = next,
            _ => return said,
        }
    }
}

fn named(name: &str, cue: &str, get_ready: u64, work: Work) -> Step {
    Step {
        name: name.to_string(),
        cue: cue.to_string(),
        get_ready: s(get_ready),
        ..step(work)
    }
}

fn lines(said: &[(u64, String)]) -> Vec<(u64, &str)> {
    said.iter().map(|(t, w)| (*t, w.as_str())).collect()
}

#[test]
fn a_timed_step_is_named_begun_paced_and_counted_down() {
    let hold = named("Child's pose", "Sink back.", 3, Work::Timed(s(12)));
    let said = heard(vec![hold], s(60));
    assert_eq!(
        lines(&said),
        vec![
            (0, "Child's pose. Sink back"),
            (3, "begin, in"),
            (7, "out"),
            (10, "last five seconds"),
            (13, "in"),
            (15, "session complete"),
        ]
    );
}

#[test]
fn a_counted_step_says_out_on_the_effort_and_in_on_the_release() {
    let tilt = named("Pelvic tilt", "Flatten the back.", 2, reps(2, 3, 2));
    let said = heard(vec![tilt], s(60));
    assert_eq!(
        lines(&said),
        vec![
            (0, "Pelvic tilt. Flatten the back"),
            (2, "begin, out"),
            (5, "in"),
            (7, "out"),
            (10, "in"),
            (12, "session complete"),
        ]
    );
}

#[test]
fn a_per_side_step_names_the_side_at_get_ready_and_at_the_switch() {
    let book = Step {
        per_side: true,
        ..named("Open book", "", 2, reps(1, 2, 2))
    };
    let said = heard(vec![book], s(60));
    assert_eq!(
        lines(&said),
        vec![
            (0, "Open book, left side"),
            (2, "begin, out"),
            (4, "in"),
            (6, "switch sides, right side"),
            (11, "begin, out"),
            (13, "in"),
            (15, "session complete"),
        ]
    );
}

#[test]
fn a_step_without_get_ready_is_named_as_its_work_begins() {
    let said = heard(
        vec![named("Breathe", "Slowly.", 0, Work::Timed(s(3)))],
        s(1),
    );
    assert_eq!(lines(&said), vec![(0, "Breathe. Slowly, begin, in")]);
}

#[test]
fn a_pause_hushes_and_a_resume_says_the_moment_again() {
    let t = timeline(vec![named("Hold", "Still.", 2, Work::Timed(s(20)))]);
    let mut player = Player::new(t.clone(), Duration::ZERO);
    player.update(s(3));
    let playing = player.snapshot(s(3));
    player.pause(s(3));
    let paused = player.snapshot(s(3));
    assert_eq!(speech(&t, Some(&playing), &paused), Some(Speech::Hush));
    assert_eq!(speech(&t, Some(&paused), &paused), None);
    player.resume(s(9));
    let resumed = player.snapshot(s(9));
    assert_eq!(
        speech(&t, Some(&paused), &resumed),
        Some(Speech::Say("Hold. Still, begin, in".to_string()))
    );
}

#[test]
fn ending_early_hushes_and_says_nothing_more() {
    let t = timeline(vec![named("Hold", "Still.", 2, Work::Timed(s(20)))]);
    let mut player = Player::new(t.clone(), Duration::ZERO);
    player.update(s(3));
    let playing = player.snapshot(s(3));
    player.finish(s(3));
    let ended = player.snapshot(s(3));
    assert_eq!(speech(&t, Some(&playing), &ended), Some(Speech::Hush));
    assert_eq!(speech(&t, Some(&ended), &ended), None);
}

#[test]
fn restarting_a_step_says_its_get_ready_again() {
    let t = timeline(vec![named("Hold", "Still.", 4, Work::Timed(s(20)))]);
    let mut player = Player::new(t.clone(), Duration::ZERO);
    player.update(s(3));
    let before = player.snapshot(s(3));
    player.restart_step(s(3));
    let after = player.snapshot(s(3));
    assert_eq!(
        speech(&t, Some(&before), &after),
        Some(Speech::Say("Hold. Still".to_string()))
    );
}

#[test]
fn a_step_s_own_sides_and_say_replace_the_default_words() {
    let book = Step {
        per_side: true,
        sides: ["left arm on top".into(), "right arm on top".into()],
        first_side: crate::routine::Side::Right,
        ..named("Open book", "", 2, reps(1, 2, 2))
    };
    let said = heard(vec![book.clone()], s(7));
    assert_eq!(said[0].1, "Open book, right arm on top");
    assert_eq!(said[3].1, "switch sides, left arm on top");
    let own = Step {
        say: Some("Roll to your side".into()),
        ..book
    };
    assert_eq!(heard(vec![own], s(1))[0].1, "Roll to your side");
}
