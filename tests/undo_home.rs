//! Taking back from Home what was just recorded in the app, through the update function:
//! `u undo` shows after a check-in, a session or a rest day until the next key on Home; `u`
//! asks, `y` takes it back through one effect, and anything else keeps the record.

mod common;

use common::{at, draw};
use poised::journal::{CheckinRecord, Record, RestRecord, Saved};
use poised::routine::load::load_file;
use poised::tui::app::{App, Effect, Msg, Settings};
use poised::tui::keymap::{Action, Context};
use poised::tui::theme::Theme;

fn home() -> App {
    let routine = load_file(&common::fixture("valid/desk-stretch.toml")).unwrap();
    App::new(vec![routine], Settings::default(), Theme::plain())
}

fn saved(record: Record) -> Msg {
    Msg::Saved(Box::new(Saved {
        record,
        key: "0123456789abcdef".into(),
    }))
}

fn checkin() -> Record {
    Record::Checkin(CheckinRecord {
        at: at(0).local,
        stiffness: 4,
        note: None,
    })
}

fn footer(app: &App) -> String {
    let screen = draw(app, &at(1), 80, 24);
    let line = screen.lines().find(|l| l.contains("Enter start"));
    line.unwrap_or_default().to_string()
}

#[test]
fn a_check_in_answered_on_home_can_be_taken_back_after_asking() {
    let mut app = home().with_morning_checkin();
    let effects = app.update(Action::Digit(4), &at(0));
    assert!(effects.is_empty());
    let effects = app.update(Action::Confirm, &at(0));
    assert!(
        matches!(effects.as_slice(), [Effect::Save(_)]),
        "{effects:?}"
    );
    assert!(!footer(&app).contains("u undo"), "not before it is saved");
    app.update(saved(checkin()), &at(0));
    assert_eq!(app.context(), Context::Home);
    assert!(footer(&app).contains("u undo"), "{}", footer(&app));
    assert!(app.update(Action::Undo, &at(1)).is_empty());
    assert_eq!(app.context(), Context::ConfirmUndo);
    let screen = draw(&app, &at(1), 80, 24);
    assert!(
        screen.contains("Take back the check-in of 07:00? (y/n)"),
        "{screen}"
    );
    insta::assert_snapshot!("home_undo_question", screen);
    let effects = app.update(Action::Yes, &at(2));
    let Some(Effect::Undo(undone)) = effects.first() else {
        panic!("the void is appended through one effect: {effects:?}");
    };
    assert_eq!(undone.key, "0123456789abcdef");
    assert_eq!(undone.record, checkin());
    assert!(
        effects.contains(&Effect::LoadToday),
        "Home's line is worked out again"
    );
    assert_eq!(app.context(), Context::Home);
    assert!(!footer(&app).contains("u undo"), "one undo per record");
}

#[test]
fn the_offer_lasts_until_the_next_key_on_home() {
    let mut app = home();
    app.update(saved(checkin()), &at(0));
    insta::assert_snapshot!("home_offers_undo", draw(&app, &at(0), 80, 24));
    // The help and a message do not end it: they are not keys for Home.
    app.update(Action::Help, &at(1));
    app.update(Action::Help, &at(1));
    assert!(footer(&app).contains("u undo"));
    app.update(Msg::Notice("saved".into()), &at(1));
    app.update(Action::Down, &at(1));
    assert!(
        footer(&app).contains("u undo"),
        "the key closed the message only"
    );
    app.update(Action::Down, &at(2));
    assert!(!footer(&app).contains("u undo"));
    assert!(
        app.update(Action::Undo, &at(3)).is_empty(),
        "nothing to take back"
    );
    assert_eq!(app.context(), Context::Home);
}

#[test]
fn any_answer_but_yes_keeps_the_record() {
    let mut app = home();
    app.update(saved(checkin()), &at(0));
    app.update(Action::Undo, &at(1));
    assert!(app.update(Action::No, &at(1)).is_empty());
    assert_eq!(app.context(), Context::Home);
    assert!(!footer(&app).contains("u undo"));
}

#[test]
fn a_rest_day_recorded_on_home_can_be_taken_back() {
    let mut app = home();
    app.update(Action::Rest, &at(0));
    let effects = app.update(Action::Yes, &at(0));
    assert_eq!(effects, [Effect::RecordRest, Effect::LoadToday]);
    let rest = Record::Rest(RestRecord {
        date: at(0).local.date_naive(),
        reason: None,
    });
    let recorded = Saved {
        record: rest,
        key: "00000000000000ff".into(),
    };
    app.update(
        Msg::Rested("rest day recorded".into(), Some(Box::new(recorded.clone()))),
        &at(0),
    );
    app.update(Action::Down, &at(1)); // closes the notice
    app.update(Action::Undo, &at(1));
    let screen = draw(&app, &at(1), 80, 24);
    assert!(
        screen.contains("Take back the rest day of Sat 21 Nov? (y/n)"),
        "{screen}"
    );
    let effects = app.update(Action::Yes, &at(2));
    assert_eq!(effects[0], Effect::Undo(Box::new(recorded)));
}

#[test]
fn desk_records_are_not_offered() {
    let mut app = home();
    let desk = Record::Desk(poised::journal::DeskRecord {
        at: at(0).local,
        event: poised::journal::DeskEvent::Opened,
        offered: None,
    });
    app.update(saved(desk), &at(0));
    assert!(!footer(&app).contains("u undo"));
}

#[test]
fn the_question_fits_the_smallest_screen_with_an_ellipsis() {
    let mut app = home();
    app.update(saved(checkin()), &at(0));
    app.update(Action::Undo, &at(1));
    let screen = draw(&app, &at(1), 40, 12);
    assert!(
        screen.contains("Take back the check-in of 07:… (y/n)"),
        "{screen}"
    );
}

#[test]
fn taking_back_a_session_keeps_the_routine_that_was_selected() {
    let load = |name: &str| load_file(&common::fixture(&format!("valid/{name}.toml"))).unwrap();
    let quiet = Settings {
        ask_ratings: false,
        ..Settings::default()
    };
    let mut app = App::new(
        vec![load("desk-stretch"), load("every-key")],
        quiet,
        Theme::plain(),
    );
    let details = |app: &App| draw(app, &at(30), 80, 24).contains("A step of each kind");
    app.update(Action::Down, &at(0));
    assert!(details(&app), "the second routine is selected");
    app.update(Action::StartFull, &at(0));
    app.update(Action::AskEnd, &at(20));
    let effects = app.update(Action::Yes, &at(20));
    let Some(Effect::Save(record)) = effects.first() else {
        panic!("the session is saved: {effects:?}");
    };
    app.update(Action::Quit, &at(21));
    app.update(saved(*record.clone()), &at(21));
    app.update(Action::Undo, &at(22));
    let effects = app.update(Action::Yes, &at(22));
    assert!(
        matches!(effects.first(), Some(Effect::Undo(_))),
        "{effects:?}"
    );
    app.update(Msg::Notice("Took back: the session".into()), &at(22));
    app.update(Action::Down, &at(23)); // closes the notice
    assert!(details(&app), "still the second routine after the undo");
    app.update(Action::Up, &at(24));
    assert!(!details(&app), "and Up from there is the first");
}
