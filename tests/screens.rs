//! Every screen as a person sees it, drawn with ratatui's `TestBackend` at fixed sizes and
//! compared with reviewed snapshots (`cargo insta review` after an intended change).

mod common;

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use common::draw;
use poised::routine::load::{Library, load_file};
use poised::routine::{Routine, Variant};
use poised::session::{BreathPhase, BreathState};
use poised::tui::app::{App, Msg, Now, Settings, Voice};
use poised::tui::keymap::Action;
use poised::tui::theme::Theme;
use poised::tui::widgets::pacer::Pacer;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const SETTINGS: Settings = Settings {
    bell: true,
    reduced_motion: false,
    ask_ratings: false,
    voice: Voice::Off,
};

fn at(ms: u64) -> Now {
    let local: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-11-21T07:00:00+01:00").unwrap();
    Now {
        mono: Duration::from_millis(ms),
        local: local + Duration::from_millis(ms),
    }
}

/// The test routine: 3 s get ready, 5 reps of 2+2 s; then 3 s, 20 s left, 5 s switch, 20 s right, 2 s rest.
fn desk_stretch() -> Routine {
    load_file(&common::fixture("valid/desk-stretch.toml")).unwrap()
}

fn builtins() -> Vec<Routine> {
    Library::load(std::path::Path::new("/nonexistent")).routines
}

/// The app playing the test routine, advanced to `ms` after the start.
fn playing(settings: Settings, ms: u64) -> (App, Now) {
    let app = App::new(builtins(), settings, Theme::plain()).run_routine(
        &desk_stretch(),
        Variant::Full,
        &at(0),
    );
    advance(app, ms)
}

fn advance(mut app: App, ms: u64) -> (App, Now) {
    // Walk the clock forward as the loop would, never leaving a gap the engine takes for a sleep.
    let mut t = 0;
    while t < ms {
        t = (t + 1000).min(ms);
        app.update(Msg::Tick, &at(t));
    }
    (app, at(ms))
}

#[test]
fn home_lists_routines_by_wardrobe_with_details() {
    let app = App::new(builtins(), SETTINGS, Theme::plain());
    insta::assert_snapshot!(draw(&app, &at(0), 80, 24));
}

#[test]
fn home_with_a_time_filter_shows_only_what_fits() {
    let mut app = App::new(builtins(), SETTINGS, Theme::plain());
    app.update(Action::Minutes(3), &at(0));
    let screen = draw(&app, &at(0), 80, 24);
    assert!(screen.contains("fits in 3 min"));
    assert!(
        !screen.contains("Evening unwind"),
        "its short 3:07 does not fit in 3 minutes"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn get_ready_shows_the_coming_step_and_its_countdown() {
    let (app, now) = playing(SETTINGS, 1000);
    let screen = draw(&app, &now, 80, 24);
    assert!(screen.contains("Get ready: Seated tilt"));
    insta::assert_snapshot!(screen);
}

#[test]
fn a_rep_step_counts_reps_and_ties_breath_to_effort() {
    let (app, now) = playing(SETTINGS, 8000);
    let screen = draw(&app, &now, 80, 24);
    assert!(
        screen.contains("rep 2 of 5 · effort, breathe out"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn a_per_side_step_names_the_side() {
    let (app, now) = playing(SETTINGS, 30_000);
    let screen = draw(&app, &now, 80, 24);
    assert!(screen.contains("Left side"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn the_switch_between_sides_says_what_comes() {
    let (app, now) = playing(SETTINGS, 47_000);
    let screen = draw(&app, &now, 80, 24);
    assert!(screen.contains("Switch sides"), "{screen}");
    assert!(screen.contains("Right side next"), "{screen}");
}

#[test]
fn a_timed_step_shows_countdown_pacer_and_next() {
    let (app, now) = playing(SETTINGS, 55_000);
    let screen = draw(&app, &now, 80, 24);
    assert!(screen.contains("Right side"), "{screen}");
    assert!(screen.contains("Next: the end"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn paused_freezes_the_countdown_and_says_so() {
    let (mut app, now) = playing(SETTINGS, 30_000);
    app.update(Action::TogglePause, &now);
    let later = at(45_000);
    app.update(Msg::Tick, &later);
    let screen = draw(&app, &later, 80, 24);
    assert!(screen.contains("Paused"));
    assert_eq!(
        screen,
        draw(&app, &at(44_000), 80, 24),
        "nothing moves while paused"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn quitting_asks_first() {
    let (mut app, now) = playing(SETTINGS, 30_000);
    app.update(Action::AskEnd, &now);
    let screen = draw(&app, &now, 80, 24);
    assert!(screen.contains("End session? (y/n)"));
    insta::assert_snapshot!(screen);
}

#[test]
fn the_summary_tells_how_far_the_session_got() {
    let (mut app, now) = playing(SETTINGS, 30_000);
    app.update(Action::AskEnd, &now);
    app.update(Action::Yes, &now);
    let screen = draw(&app, &now, 80, 24);
    assert!(
        screen.contains("Session ended early: 1 of 2 steps done"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn a_finished_session_is_complete() {
    let (app, now) = playing(SETTINGS, 80_000);
    let screen = draw(&app, &now, 80, 24);
    assert!(screen.contains("Session complete"), "{screen}");
    assert!(screen.contains("Steps done   2 of 2"), "{screen}");
}

#[test]
fn help_lists_the_player_keys() {
    let (mut app, now) = playing(SETTINGS, 30_000);
    app.update(Action::Help, &now);
    let screen = draw(&app, &now, 80, 24);
    assert!(screen.contains("pause or resume"));
    insta::assert_snapshot!(screen);
}

#[test]
fn reduced_motion_shows_words_without_the_bar() {
    let settings = Settings {
        reduced_motion: true,
        ..SETTINGS
    };
    let (app, now) = playing(settings, 30_000);
    let screen = draw(&app, &now, 80, 24);
    assert!(screen.contains("Breathe"), "{screen}");
    let bar_rows = screen
        .lines()
        .filter(|l| l.contains("████████") && !l.contains("left"));
    assert_eq!(bar_rows.count(), 0, "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_tiny_terminal_asks_for_room_and_never_panics() {
    let (app, now) = playing(SETTINGS, 30_000);
    insta::assert_snapshot!(draw(&app, &now, 30, 8));
    let home = App::new(builtins(), SETTINGS, Theme::plain());
    for app in [&app, &home] {
        assert_eq!(
            draw(app, &now, 1, 1),
            "\"P\"\n",
            "as much of \"Please\" as fits"
        );
        assert_eq!(draw(app, &now, 2, 1), "\"Pl\"\n");
        for (w, h) in [(1, 3), (39, 11)] {
            let screen = draw(app, &now, w, h);
            assert!(screen.starts_with("\"P"), "{w}x{h}: {screen}");
        }
        for (w, h) in [(40, 12), (41, 13)] {
            let screen = draw(app, &now, w, h);
            assert!(!screen.contains("enlarge"), "{w}x{h} is enough: {screen}");
        }
    }
}

#[test]
fn the_pacer_in_each_phase() {
    // Half in, held, a quarter out, held after: each with 3 s to go on its label.
    let phases = [
        (BreathPhase::Inhale, 2500, 5000),
        (BreathPhase::Hold, 1000, 3400),
        (BreathPhase::Exhale, 1000, 4000),
        (BreathPhase::HoldAfter, 1000, 3400),
    ];
    let drawn: Vec<String> = phases
        .iter()
        .map(|&(phase, elapsed, length)| {
            let (elapsed, length) = (
                Duration::from_millis(elapsed),
                Duration::from_millis(length),
            );
            let breath = BreathState {
                phase,
                elapsed,
                length,
                remaining: length - elapsed,
            };
            let mut buf = Buffer::empty(Rect::new(0, 0, 36, 4));
            Pacer {
                breath: &breath,
                reduced_motion: false,
                theme: Theme::plain(),
            }
            .render(buf.area, &mut buf);
            buffer_text(&buf)
        })
        .collect();
    insta::assert_snapshot!(drawn.join("\n----\n"));
}

fn buffer_text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_hold_inside_a_rep_is_shown_with_the_side_in_the_steps_words() {
    let routine = load_file(&common::fixture("valid/every-key.toml")).unwrap();
    let app =
        App::new(builtins(), SETTINGS, Theme::plain()).run_routine(&routine, Variant::Full, &at(0));
    // 6 s get ready, then the right side first: 3 s effort, 2 s hold, 3 s release.
    let (app, now) = advance(app, 10_000);
    let screen = draw(&app, &now, 80, 24);
    assert!(
        screen.contains("rep 1 of 4 · hold, breathe easily"),
        "{screen}"
    );
    assert!(screen.contains("Bird-dog  Right leg back"), "{screen}");
    assert!(screen.contains("Hold"), "{screen}");
    insta::assert_snapshot!(screen);
}
