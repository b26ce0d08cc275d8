//! The voice through the app's update function: what the loop is asked to say, and when it
//! is asked to stop, for a session of the desk-stretch fixture (3 s get-ready, 5 reps of
//! 2 + 2 s, then a per-side timed twist).

mod common;

use std::time::Duration;

use chrono::DateTime;
use poised::routine::Variant;
use poised::routine::load::load_file;
use poised::tui::app::{App, Effect, Msg, Now, Settings, Voice};
use poised::tui::keymap::Action;
use poised::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn at(secs: u64) -> Now {
    let start = DateTime::parse_from_rfc3339("2026-11-21T07:00:00+01:00").unwrap();
    Now {
        mono: Duration::from_secs(secs),
        local: start + Duration::from_secs(secs),
    }
}

fn app(voice: Voice) -> (App, Vec<Effect>) {
    let routine = load_file(&common::fixture("valid/desk-stretch.toml")).unwrap();
    let settings = Settings {
        bell: false,
        reduced_motion: false,
        ask_ratings: false,
        voice,
    };
    let mut app = App::new(vec![routine.clone()], settings, Theme::plain()).run_routine(
        &routine,
        Variant::Full,
        &at(0),
    );
    let first = app.update(Msg::Tick, &at(0));
    (app, first)
}

fn said(effects: &[Effect]) -> Vec<&str> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Speak(text) => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn screen(app: &App, now: &Now) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| app.render(f, now)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_loop_is_asked_to_say_each_change_once() {
    let (mut app, first) = app(Voice::On);
    assert_eq!(said(&first), ["Seated tilt. Rock the pelvis gently"]);
    let mut heard = Vec::new();
    for t in 1..=7 {
        heard.extend(app.update(Msg::Tick, &at(t)));
    }
    assert_eq!(said(&heard), ["begin, out", "in", "out"]);
    assert!(screen(&app, &at(6)).contains("voice on"));
}

#[test]
fn a_pause_and_help_hush_and_nothing_is_said_with_the_voice_off() {
    let (mut app, first) = app(Voice::On);
    assert!(!first.is_empty());
    assert_eq!(app.update(Action::TogglePause, &at(1)), [Effect::Hush]);
    assert_eq!(
        said(&app.update(Action::TogglePause, &at(2))),
        ["Seated tilt. Rock the pelvis gently"]
    );
    assert_eq!(app.update(Action::Help, &at(2)), [Effect::Hush]);
    let (mut quiet, first) = self::app(Voice::Off);
    assert!(first.is_empty());
    assert!(
        (1..=20)
            .flat_map(|t| quiet.update(Msg::Tick, &at(t)))
            .next()
            .is_none()
    );
    assert!(!screen(&quiet, &at(20)).contains("voice on"));
}

#[test]
fn v_turns_the_voice_off_and_on_again_from_the_current_moment() {
    let (mut app, _) = app(Voice::On);
    app.update(Msg::Tick, &at(4));
    assert_eq!(app.update(Action::ToggleVoice, &at(4)), [Effect::Hush]);
    assert!(app.update(Msg::Tick, &at(5)).is_empty());
    let again = app.update(Action::ToggleVoice, &at(6));
    assert_eq!(
        said(&again),
        ["Seated tilt. Rock the pelvis gently, begin, in"]
    );
}

#[test]
fn a_failed_voice_says_why_in_one_line_and_the_session_goes_on() {
    let (mut app, _) = app(Voice::On);
    let why = "Voice is off: cannot start `espeak-ng`.".to_string();
    assert!(app.update(Msg::VoiceFailed(why), &at(1)).is_empty());
    assert!(
        app.update(Msg::Tick, &at(3)).is_empty(),
        "nothing more is said"
    );
    assert!(screen(&app, &at(3)).contains("Voice is off: cannot start"));
    let notice = app.update(Action::ToggleVoice, &at(3));
    assert!(notice.is_empty());
    assert!(screen(&app, &at(3)).contains("No speech program found"));
}

#[test]
fn a_learning_run_doubles_the_get_ready_shows_every_detail_and_is_recorded() {
    let routine = load_file(&common::fixture("valid/desk-stretch.toml")).unwrap();
    let settings = Settings {
        bell: false,
        reduced_motion: false,
        ask_ratings: false,
        voice: Voice::Off,
    };
    let mut app = App::new(vec![routine.clone()], settings, Theme::plain())
        .learning(true)
        .run_routine(&routine, Variant::Full, &at(0));
    app.update(Msg::Tick, &at(5));
    let screen = screen(&app, &at(5));
    assert!(
        screen.contains("Desk stretch · full · learning"),
        "{screen}"
    );
    assert!(
        screen.contains("Get ready: Seated tilt"),
        "6 s of get-ready, not 3:\n{screen}"
    );
    let effects = app.update(Action::EndNow, &at(7));
    let saved = effects.iter().find_map(|e| match e.saved() {
        Some(poised::journal::Record::Session(s)) => Some(s.clone()),
        _ => None,
    });
    assert!(saved.unwrap().learn);
}
