//! The "this hurts" dialog through the app's update function with an injected clock: each
//! way out of it (carry on gently, skip, end, never mind), on a counted step, a timed step, a
//! per-side step and while getting ready, and the marks it leaves in the record.

mod common;

use common::at;

use poised::journal::{PainChoice, PainMark, SessionRecord};
use poised::routine::Variant;
use poised::routine::load::{load_file, parse_text};
use poised::session::Side;
use poised::tui::app::{App, Effect, Msg, Now, Settings, Voice};
use poised::tui::keymap::{Action, Context};
use poised::tui::theme::Theme;

const PLAIN: Settings = Settings {
    bell: false,
    reduced_motion: false,
    ask_ratings: false,
    voice: Voice::Off,
};

/// 3 s to get ready, then 30 s of one timed hold.
const ONE_HOLD: &str = r#"
title = "One hold"
wardrobe = "office"
summary = "One hold, for tests."
get_ready = 3

[[step]]
name = "Wall sit"
cue = "Slide down the wall a little."
seconds = 30
"#;

/// Desk stretch: 3 s get ready, "Seated tilt" 5 reps of 2+2 s (to 23 s); 3 s get ready,
/// "Seat twist" 20 s left (26-46 s), 5 s switch, 20 s right (51-71 s), 2 s rest.
fn desk() -> App {
    let routine = load_file(&common::fixture("valid/desk-stretch.toml")).unwrap();
    App::new(vec![], PLAIN, Theme::plain()).run_routine(&routine, Variant::Full, &at(0))
}

fn one_hold() -> App {
    let path = std::path::Path::new("one-hold.toml");
    let routine = parse_text(path, "one-hold", ONE_HOLD).unwrap();
    App::new(vec![], PLAIN, Theme::plain()).run_routine(&routine, Variant::Full, &at(0))
}

fn play(app: &mut App, from: u64, to: u64) -> Vec<Effect> {
    (from + 1..=to)
        .flat_map(|t| app.update(Msg::Tick, &at(t)))
        .collect()
}

fn screen(app: &App, now: &Now) -> String {
    common::draw(app, now, 80, 24)
}

fn session_of(effects: &[Effect]) -> SessionRecord {
    effects
        .iter()
        .find_map(|e| e.saved()?.as_session().cloned())
        .expect("a session record")
}

fn mark(step: Option<&str>, side: Option<&str>, choice: PainChoice) -> PainMark {
    PainMark {
        step: step.map(str::to_string),
        side: side.map(str::to_string),
        choice,
    }
}

#[test]
fn the_dialog_holds_the_session_and_names_the_leg_symptoms() {
    let mut app = one_hold();
    play(&mut app, 0, 10);
    app.update(Action::Painful, &at(10));
    assert_eq!(app.context(), Context::Hurt);
    let shown = screen(&app, &at(10));
    insta::assert_snapshot!("hurt_dialog_timed", shown);
    assert!(shown.contains("pins and needles"), "{shown}");
    play(&mut app, 10, 40);
    assert_eq!(app.context(), Context::Hurt, "the clock stood still");
    app.update(Action::Gently, &at(40));
    assert!(
        screen(&app, &at(40)).contains("0:23"),
        "resumes where it was"
    );
}

#[test]
fn carrying_on_gently_resumes_the_timed_step_and_records_the_choice() {
    let mut app = one_hold();
    play(&mut app, 0, 10);
    app.update(Action::Painful, &at(10));
    app.update(Action::Gently, &at(12));
    assert_eq!(app.context(), Context::Player);
    assert!(screen(&app, &at(12)).contains("Go gently"));
    let record = session_of(&play(&mut app, 12, 40));
    assert_eq!(record.painful_steps, ["Wall sit"]);
    assert_eq!(
        record.marks,
        [mark(Some("Wall sit"), None, PainChoice::Gentler)]
    );
}

#[test]
fn skipping_a_counted_step_moves_to_the_next_one() {
    let mut app = desk();
    play(&mut app, 0, 8);
    app.update(Action::Painful, &at(8));
    app.update(Action::Skip, &at(8));
    let shown = screen(&app, &at(8));
    assert!(shown.contains("Seat twist"), "{shown}");
    let record = session_of(&play(&mut app, 8, 80));
    assert_eq!(
        record.marks,
        [mark(Some("Seated tilt"), None, PainChoice::Skipped)]
    );
}

#[test]
fn a_per_side_step_records_the_side_chosen() {
    let mut app = desk();
    play(&mut app, 0, 55);
    app.update(Action::Painful, &at(55));
    let shown = screen(&app, &at(55));
    assert!(shown.contains("Side:"), "{shown}");
    app.update(Action::PickSide(Side::Left), &at(55));
    let record = session_of(&app.update(Action::EndSession, &at(56)));
    assert!(!record.completed, "ended from the dialog");
    assert_eq!(
        record.marks,
        [mark(Some("Seat twist"), Some("left"), PainChoice::Ended)]
    );
}

#[test]
fn the_current_side_is_preselected() {
    let mut app = desk();
    play(&mut app, 0, 55);
    app.update(Action::Painful, &at(55));
    app.update(Action::Gently, &at(55));
    let record = session_of(&play(&mut app, 55, 80));
    assert_eq!(record.marks[0].side.as_deref(), Some("right"));
}

#[test]
fn while_getting_ready_the_mark_names_the_coming_step_only_if_confirmed() {
    let mut app = desk();
    play(&mut app, 0, 24);
    app.update(Action::Painful, &at(24));
    let shown = screen(&app, &at(24));
    assert!(shown.contains("It is about \"Seat twist\""), "{shown}");
    app.update(Action::Gently, &at(24));
    app.update(Action::Painful, &at(25));
    app.update(Action::AboutStep, &at(25));
    app.update(Action::Gently, &at(25));
    let record = session_of(&play(&mut app, 25, 80));
    assert_eq!(
        record.marks,
        [
            mark(None, Some("left"), PainChoice::Gentler),
            mark(Some("Seat twist"), Some("left"), PainChoice::Gentler),
        ]
    );
    assert_eq!(record.painful_steps, ["Seat twist"]);
}

#[test]
fn never_mind_marks_nothing_and_plays_on() {
    let mut app = one_hold();
    play(&mut app, 0, 10);
    app.update(Action::Painful, &at(10));
    app.update(Action::Quit, &at(11));
    assert_eq!(app.context(), Context::Player);
    let record = session_of(&play(&mut app, 11, 40));
    assert!(record.marks.is_empty());
    assert!(record.painful_steps.is_empty());
}

/// 3 s to get ready, "Bridge" 3 reps of 2+2 s (3-15 s), with an easier version of 1 rep.
const WITH_EASIER: &str = r#"
title = "Bridges"
wardrobe = "office"
summary = "Bridges, for tests."
get_ready = 3

[[step]]
name = "Bridge"
cue = "Lift the hips."
reps = 3
effort = 2
release = 2

[step.easier]
cue = "Lift the hips a little."
reps = 1
"#;

fn bridges() -> poised::routine::Routine {
    parse_text(std::path::Path::new("bridges.toml"), "bridges", WITH_EASIER).unwrap()
}

#[test]
fn a_marked_step_with_an_easier_version_is_played_easier_next_time() {
    let routine = bridges();
    let mut app = App::new(vec![routine.clone()], PLAIN, Theme::plain());
    app.update(Action::StartFull, &at(0));
    play(&mut app, 0, 5);
    app.update(Action::Painful, &at(5));
    app.update(Action::Gently, &at(5));
    play(&mut app, 5, 20);
    let summary = screen(&app, &at(20));
    assert!(
        summary.contains("Next time poised plays the easier version of Bridge."),
        "{summary}"
    );
    app.update(Action::Quit, &at(21));
    app.update(Action::StartFull, &at(22));
    play(&mut app, 22, 26);
    let shown = screen(&app, &at(26));
    assert!(shown.contains("Bridge · easier version"), "{shown}");
    assert!(shown.contains("rep 1 of 1"), "{shown}");
}
