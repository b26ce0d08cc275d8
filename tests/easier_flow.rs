//! The easier version of a step through the app, as the loop drives it: offered after a
//! painful mark with the reason, the usual version on one key, and offered again until three
//! finished sessions in a row go without a mark.

mod common;

use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, NaiveDate};
use poised::progress::easier::Offer;
use poised::routine::load::load_file;
use poised::tui::app::{App, Effect, Msg, Now, Settings, Voice};
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

/// Plays the routine from `from` to its summary with `keys`; returns the session record saved.
fn saved(app: &mut App, from: u64, keys: &[(u64, Action)]) -> poised::journal::SessionRecord {
    app.update(Action::StartFull, &at(from));
    let mut t = from;
    let mut records = Vec::new();
    while app.context() == Context::Player {
        for (_, action) in keys.iter().filter(|(k, _)| *k == t - from) {
            records.extend(app.update(*action, &at(t)));
        }
        t += 1;
        records.extend(app.update(Msg::Tick, &at(t)));
    }
    let mut sessions = records.into_iter().filter_map(|e| match e {
        Effect::Save(record) => record.as_session().cloned(),
        _ => None,
    });
    let record = sessions.next().expect("a session saved");
    assert!(sessions.next().is_none());
    app.update(Action::Quit, &at(t));
    record
}

fn eased(record: &poised::journal::SessionRecord) -> Vec<(&str, bool)> {
    record
        .steps
        .iter()
        .map(|s| (s.name.as_str(), s.easier))
        .collect()
}

#[test]
fn the_record_says_which_steps_were_played_in_their_easier_version() {
    let mut app = app();
    let record = saved(&mut app, 0, &[]);
    assert_eq!(
        eased(&record),
        [("Bird-dog", true), ("Rest on the back", false)]
    );
    // The easier Bird-dog's 4 reps each side, as the easier version plays them.
    assert_eq!(record.steps[0].amount_text(), "4 reps each side");
    assert_eq!(record.steps[1].amount_text(), "0:20");
    // The usual version on request: recorded as the usual one.
    let record = saved(&mut app, 200, &[(2, Action::Usual)]);
    assert_eq!(
        eased(&record),
        [("Bird-dog", false), ("Rest on the back", false)]
    );
}

/// The "keys" routine with no offer yet, whose ritual day begins at `day_start`.
fn fresh(day_start: &str) -> App {
    let routine = load_file(&common::fixture("valid/every-key.toml")).unwrap();
    let day_start = chrono::NaiveTime::parse_from_str(day_start, "%H:%M").unwrap();
    App::new(vec![routine], QUIET, Theme::plain()).with_day_start(day_start)
}

/// Marks Bird-dog painful in a session started at `local`, then starts the next one and
/// returns its screen.
fn marked_at(app: &mut App, local: &str) -> String {
    let start = DateTime::parse_from_rfc3339(local).unwrap();
    let now = |secs: u64| Now {
        mono: Duration::from_secs(secs),
        local: start + Duration::from_secs(secs),
    };
    app.update(Action::StartFull, &now(0));
    app.update(Msg::Tick, &now(8));
    app.update(Action::Painful, &now(8));
    app.update(Action::Skip, &now(8));
    let mut t = 8;
    while app.context() == Context::Player {
        t += 1;
        app.update(Msg::Tick, &now(t));
    }
    app.update(Action::Quit, &now(t));
    app.update(Action::StartFull, &now(t + 10));
    common::draw(app, &now(t + 10), 100, 24)
}

#[test]
fn a_mark_made_after_midnight_is_dated_with_the_ritual_day_it_belongs_to() {
    let before_the_day_starts = marked_at(&mut fresh("03:00"), "2026-11-30T02:59:00+01:00");
    assert!(
        before_the_day_starts.contains("Bird-dog, easier: marked painful on 29 Nov"),
        "{before_the_day_starts}"
    );
    let as_it_starts = marked_at(&mut fresh("03:00"), "2026-11-30T03:00:00+01:00");
    assert!(
        as_it_starts.contains("Bird-dog, easier: marked painful on 30 Nov"),
        "{as_it_starts}"
    );
    let midnight_start = marked_at(&mut fresh("00:00"), "2026-11-30T00:30:00+01:00");
    assert!(
        midnight_start.contains("Bird-dog, easier: marked painful on 30 Nov"),
        "{midnight_start}"
    );
}
