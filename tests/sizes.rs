//! Every screen at the declared minimum (40x12), the usual 80x24 and a large 160x48, and at
//! 1x1: nothing panics, nothing is cut without "…", and help keeps its not-medical-advice line.

mod common;

use std::time::Duration;

use chrono::DateTime;
use common::draw;
use poised::routine::Variant;
use poised::routine::load::Library;
use poised::tui::app::{App, Msg, Now, Settings, Voice};
use poised::tui::keymap::Action;
use poised::tui::screens::help::DISCLAIMER;
use poised::tui::theme::Theme;

const SIZES: [(u16, u16); 3] = [(40, 12), (80, 24), (160, 48)];

const SETTINGS: Settings = Settings {
    bell: false,
    reduced_motion: false,
    ask_ratings: false,
    voice: Voice::Off,
};

fn at(ms: u64) -> Now {
    let start = DateTime::parse_from_rfc3339("2026-11-21T07:00:00+01:00").unwrap();
    Now {
        mono: Duration::from_millis(ms),
        local: start + Duration::from_millis(ms),
    }
}

fn home() -> App {
    let routines = Library::load(std::path::Path::new("/nonexistent")).routines;
    App::new(routines, SETTINGS, Theme::plain())
}

/// The built-in morning routine, played to `secs`: 0:20 is the timed "Waking breaths", 0:50
/// the counted "Pelvic tilts", 3:27 the get-ready of the per-side "Open book", 3:40 its left
/// side, 4:15 the switch.
fn morning_at(secs: u64) -> (App, Now) {
    let app = home();
    let routines = Library::load(std::path::Path::new("/nonexistent")).routines;
    let morning = routines.iter().find(|r| r.id == "morning").unwrap();
    let mut app = app.run_routine(morning, Variant::Full, &at(0));
    for t in 1..=secs {
        app.update(Msg::Tick, &at(t * 1000));
    }
    (app, at(secs * 1000))
}

fn screens() -> Vec<(&'static str, App, Now)> {
    let mut list = vec![("home", home(), at(0))];
    for (name, secs) in [
        ("player_timed", 20),
        ("player_counted", 50),
        ("player_get_ready_per_side", 207),
        ("player_per_side", 220),
        ("player_switch", 255),
    ] {
        let (app, now) = morning_at(secs);
        list.push((name, app, now));
    }
    let (mut help, now) = morning_at(20);
    help.update(Action::Help, &now);
    list.push(("help", help, now));
    let (mut summary, now) = morning_at(100);
    summary.update(Action::EndNow, &now);
    list.push(("summary", summary, now));
    list
}

#[test]
fn every_screen_at_every_size() {
    for (name, app, now) in screens() {
        for (width, height) in SIZES {
            let screen = draw(&app, &now, width, height);
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen);
        }
    }
}

#[test]
fn every_screen_survives_1x1() {
    for (name, app, now) in screens() {
        let screen = draw(&app, &now, 1, 1);
        assert_eq!(screen.lines().count(), 1, "{name}");
    }
}

#[test]
fn help_keeps_its_disclaimer_at_40x12_on_every_screen() {
    let tail = "stop if a movement hurts.";
    assert!(DISCLAIMER.ends_with(tail));
    for (name, mut app, now) in screens() {
        if name != "help" {
            app.update(Action::Help, &now);
        }
        let screen = draw(&app, &now, 40, 12);
        let words: String = screen
            .lines()
            .map(|l| l.trim_matches(|c: char| c == '"' || c == '│' || c == ' '))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            words.contains("poised gives no medical"),
            "{name}:\n{screen}"
        );
        assert!(words.contains(tail), "{name}:\n{screen}");
    }
}

#[test]
fn the_per_side_get_ready_names_the_side_and_shows_what_is_coming() {
    let (app, now) = morning_at(207);
    let screen = draw(&app, &now, 80, 24);
    assert!(screen.contains("Get ready: Open book"), "{screen}");
    assert!(
        screen.contains("5 reps each side · out 4 s on the effort, in 4 s"),
        "{screen}"
    );
}
