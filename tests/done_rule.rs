//! The done rule through the app's update function with an injected clock: a session counts
//! (`completed = true`) only when played to its end with at least half of its work played.
//! "Two holds" plans 200 s of work: "First" 3-103 s, then 3 s to get ready, "Second" 106-206 s.

mod common;

use common::at;

use poised::journal::SessionRecord;
use poised::routine::Variant;
use poised::routine::load::parse_text;
use poised::tui::app::{App, Effect, Msg, Settings, Voice};
use poised::tui::keymap::Action;
use poised::tui::theme::Theme;

const TWO_HOLDS: &str = r#"
title = "Two holds"
wardrobe = "office"
summary = "Two holds, for tests."
get_ready = 3

[[step]]
name = "First"
cue = "Hold."
seconds = 100

[[step]]
name = "Second"
cue = "Hold again."
seconds = 100
"#;

fn two_holds() -> App {
    let routine = parse_text(
        std::path::Path::new("two-holds.toml"),
        "two-holds",
        TWO_HOLDS,
    )
    .unwrap();
    let settings = Settings {
        bell: false,
        reduced_motion: false,
        ask_ratings: false,
        voice: Voice::Off,
    };
    App::new(vec![], settings, Theme::plain()).run_routine(&routine, Variant::Full, &at(0))
}

fn play(app: &mut App, from: u64, to: u64) -> Vec<Effect> {
    (from + 1..=to)
        .flat_map(|t| app.update(Msg::Tick, &at(t)))
        .collect()
}

fn session_of(effects: &[Effect]) -> SessionRecord {
    effects
        .iter()
        .find_map(|e| e.saved()?.as_session().cloned())
        .expect("a session record")
}

fn summary(app: &App) -> String {
    common::draw(app, &at(0), 100, 24)
}

#[test]
fn skipping_every_step_is_played_to_the_end_but_not_done() {
    let mut app = two_holds();
    app.update(Action::Skip, &at(1));
    let record = session_of(&app.update(Action::Skip, &at(2)));
    assert!(!record.completed, "nothing played: no ritual day");
    assert!(summary(&app).contains("Session partly done"));
}

#[test]
fn forty_nine_percent_of_the_work_is_partly_done() {
    let mut app = two_holds();
    play(&mut app, 0, 101);
    app.update(Action::Skip, &at(101));
    let record = session_of(&app.update(Action::Skip, &at(101)));
    assert!(!record.completed, "98 of 200 s");
}

#[test]
fn fifty_one_percent_of_the_work_is_done() {
    let mut app = two_holds();
    play(&mut app, 0, 108);
    let record = session_of(&app.update(Action::Skip, &at(108)));
    assert!(record.completed, "100 + 2 of 200 s");
    assert!(summary(&app).contains("Session complete: done"));
}

#[test]
fn all_the_work_but_ended_before_the_end_is_ended_early() {
    let mut app = two_holds();
    play(&mut app, 0, 205);
    app.update(Action::AskEnd, &at(205));
    let record = session_of(&app.update(Action::Yes, &at(205)));
    assert!(!record.completed, "199 of 200 s, but not to the end");
    assert!(summary(&app).contains("Session ended early"));
}
