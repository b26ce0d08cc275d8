//! The easier version of a step through the app, as the loop drives it: offered after a
//! painful mark with the reason, the usual version on one key, and offered again until three
//! finished sessions in a row go without a mark.

mod common;

use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, NaiveDate};
use poised::progress::easier::Offer;
use poised::routine::load::load_file;
use poised::tui::app::{App, Msg, Now, Settings, Voice};
use poised::tui::keymap::{Action, Context};
use poised::tui::theme::Theme;

const QUIET: Settings = Settings {
    bell: false,
    reduced_motion: false,
    ask_ratings: false,
    voice: Voice::Off,
};

const USUAL_CUE: &str = "reach the named leg back";
const EASIER_CUE: &str = "slide the named leg back";

fn at(secs: u64) -> Now {
    let start = DateTime::parse_from_rfc3339("2026-11-29T07:00:00+01:00").unwrap();
    Now {
        mono: Duration::from_secs(secs),
        local: start + Duration::from_secs(secs),
    }
}

/// Home with the "keys" routine (every-key.toml: Bird-dog has an easier version), whose
/// Bird-dog was marked painful on 28 Nov.
fn app() -> App {
    let routine = load_file(&common::fixture("valid/every-key.toml")).unwrap();
    let offer = Offer {
        step: "Bird-dog".into(),
        marked_on: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        clean_since: 0,
    };
    let easier = HashMap::from([(routine.id.clone(), vec![offer])]);
    App::new(vec![routine], QUIET, Theme::plain()).with_easier(easier)
}

fn screen(app: &App, now: &Now) -> String {
    common::draw(app, now, 100, 24)
}

/// Starts the routine at `from` and plays it to its end and past the summary; returns the
/// screen at the start and when it ended.
fn session(app: &mut App, from: u64, keys: &[(u64, Action)]) -> (String, u64) {
    app.update(Action::StartFull, &at(from));
    assert_eq!(app.context(), Context::Player);
    let start = screen(app, &at(from));
    let mut t = from;
    while app.context() == Context::Player {
        for (_, action) in keys.iter().filter(|(k, _)| *k == t - from) {
            app.update(*action, &at(t));
        }
        t += 1;
        app.update(Msg::Tick, &at(t));
    }
    assert_eq!(app.context(), Context::Summary);
    app.update(Action::Quit, &at(t));
    assert_eq!(app.context(), Context::Home);
    (start, t)
}

#[test]
fn a_marked_step_is_played_easier_with_the_reason_and_the_usual_version_is_one_key_away() {
    let mut app = app();
    app.update(Action::StartFull, &at(0));
    let first = screen(&app, &at(0));
    assert!(
        first.contains("Bird-dog, easier: marked painful on 28 Nov · u: the usual version"),
        "{first}"
    );
    assert!(first.contains(EASIER_CUE), "{first}");
    // The easier Bird-dog has no hold: 6 + 2 × 24 + 4 + 6 + 20 = 84 s.
    assert!(first.contains("1:24 left"), "{first}");
    app.update(Msg::Tick, &at(1));
    app.update(Action::Usual, &at(2));
    let usual = screen(&app, &at(2));
    assert!(usual.contains("Bird-dog: the usual version."), "{usual}");
    assert!(usual.contains(USUAL_CUE), "{usual}");
    assert!(!usual.contains(EASIER_CUE), "{usual}");
    // Back to the start of the step, now 100 s long in all.
    assert!(usual.contains("1:40 left"), "{usual}");
}

#[test]
fn the_offer_lasts_until_three_finished_sessions_go_without_a_mark() {
    let mut app = app();
    let (start, end) = session(&mut app, 0, &[]);
    assert!(start.contains(EASIER_CUE), "first: {start}");
    let marked = [(8, Action::Painful), (8, Action::Skip)];
    let (start, end) = session(&mut app, end + 10, &marked);
    assert!(start.contains(EASIER_CUE), "second: {start}");
    // Marked again in the second session: three more clean sessions are needed.
    let mut from = end + 10;
    for n in 0..3 {
        let (start, end) = session(&mut app, from, &[]);
        assert!(start.contains(EASIER_CUE), "clean session {n}: {start}");
        assert!(
            start.contains("marked painful on 29 Nov"),
            "clean session {n}: {start}"
        );
        from = end + 10;
    }
    let (start, _) = session(&mut app, from, &[]);
    assert!(
        start.contains(USUAL_CUE),
        "after three clean sessions: {start}"
    );
    assert!(!start.contains("easier"), "{start}");
}
