//! Every screen at the declared minimum (40x12), the usual 80x24 and a large 160x48, and at
//! 1x1: nothing panics, nothing is cut without "…", and help keeps its not-medical-advice line.

mod common;

use std::time::Duration;

use chrono::DateTime;
use common::draw;
use poised::routine::load::Library;
use poised::routine::{Routine, Step, Variant, Work};
use poised::session::{Segment, SegmentKind, Timeline};
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

fn morning() -> Routine {
    let routines = Library::load(std::path::Path::new("/nonexistent")).routines;
    routines.into_iter().find(|r| r.id == "morning").unwrap()
}

/// The built-in morning routine, played to `secs`.
fn morning_at(secs: u64) -> (App, Now) {
    let mut app = home().run_routine(&morning(), Variant::Full, &at(0));
    for t in 1..=secs {
        app.update(Msg::Tick, &at(t * 1000));
    }
    (app, at(secs * 1000))
}

/// Two seconds into the first segment of the morning routine that `wanted` picks.
fn moment(wanted: impl Fn(&Segment, &Step) -> bool) -> u64 {
    let timeline = Timeline::new(&morning(), Variant::Full);
    let segment = timeline
        .segments
        .iter()
        .find(|s| wanted(s, &timeline.steps[s.step]))
        .unwrap();
    segment.start.as_secs() + 2
}

fn screens() -> Vec<(&'static str, App, Now)> {
    let work = |s: &Segment| s.kind == SegmentKind::Work;
    let timed = |s: &Step| matches!(s.work, Work::Timed(_));
    let moments = [
        ("player_timed", moment(|s, step| work(s) && timed(step))),
        (
            "player_counted",
            moment(|s, step| work(s) && !timed(step) && !step.per_side),
        ),
        (
            "player_get_ready_per_side",
            moment(|s, step| s.kind == SegmentKind::GetReady && step.per_side),
        ),
        (
            "player_per_side",
            moment(|s, step| work(s) && step.per_side),
        ),
        (
            "player_switch",
            moment(|s, _| s.kind == SegmentKind::Switch),
        ),
    ];
    let mut list = vec![("home", home(), at(0))];
    for (name, secs) in moments {
        let (app, now) = morning_at(secs);
        list.push((name, app, now));
    }
    let (mut help, now) = morning_at(moments[0].1);
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
    let (name, app, now) = screens().swap_remove(3);
    assert_eq!(name, "player_get_ready_per_side");
    let screen = draw(&app, &now, 80, 24);
    assert!(screen.contains("Get ready: Open book"), "{screen}");
    assert!(screen.contains("Left arm on top"), "{screen}");
    let coming = "4 reps each side · out 4 s on the effort, in 4 s";
    assert!(screen.contains(coming), "{screen}");
}
