//! The 0-10 questions record what was meant: no answer until one is chosen, `1` `0` for 10,
//! the question after a session starting from the answer before it, a fresh morning check-in
//! answering the question before a session, and the calm note when the back is much stiffer
//! than usual. Driven through the app's update function with an injected clock.

mod common;

use common::{at, at_ms};

use poised::routine::load::load_file;
use poised::tui::app::{App, Effect, Msg, Settings};
use poised::tui::keymap::{Action, Context};
use poised::tui::theme::Theme;

fn home() -> App {
    let routine = load_file(&common::fixture("valid/desk-stretch.toml")).unwrap();
    App::new(vec![routine], Settings::default(), Theme::plain())
}

fn screen(app: &App) -> String {
    common::draw(app, &at(0), 80, 24)
}

fn before_question() -> App {
    let mut app = home();
    app.update(Action::StartFull, &at(0));
    assert_eq!(app.context(), Context::Rating);
    app
}

/// Ends the session on the screen with Ctrl-C and reads the rating before from its record.
fn stiffness_before(app: &mut App, until: u64) -> Option<u8> {
    assert_eq!(app.context(), Context::Player);
    app.update(Msg::Tick, &at(until));
    let effects = app.update(Action::EndNow, &at(until));
    effects
        .iter()
        .find_map(|e| e.saved()?.as_session())?
        .stiffness_before
}

#[test]
fn no_number_is_chosen_until_one_is_pressed() {
    let mut app = before_question();
    assert!(screen(&app).contains("Your answer: -"));
    assert!(app.update(Action::Confirm, &at(0)).is_empty());
    assert_eq!(
        app.context(),
        Context::Rating,
        "Enter alone answers nothing"
    );
    assert!(screen(&app).contains("Choose a number, or s to skip"));
    app.update(Action::Digit(3), &at(0));
    assert!(screen(&app).contains("Your answer: 3"));
    app.update(Action::Confirm, &at(0));
    assert_eq!(app.context(), Context::Player);
}

#[test]
fn one_then_zero_within_a_second_means_ten() {
    let mut app = before_question();
    app.update(Action::Digit(1), &at_ms(0));
    app.update(Action::Digit(0), &at_ms(900));
    assert!(screen(&app).contains("Your answer: 10"));
    let mut slow = before_question();
    slow.update(Action::Digit(1), &at_ms(0));
    slow.update(Action::Digit(0), &at_ms(1_000));
    assert!(screen(&slow).contains("Your answer: 0"));
}

#[test]
fn the_question_after_starts_from_the_answer_before() {
    let mut app = before_question();
    app.update(Action::Digit(6), &at(0));
    app.update(Action::Confirm, &at(0));
    for t in 1..=80 {
        app.update(Msg::Tick, &at(t));
    }
    assert_eq!(app.context(), Context::Rating);
    assert!(screen(&app).contains("Your answer: 6"), "{}", screen(&app));
}

#[test]
fn a_checkin_in_the_last_half_hour_answers_the_question_before() {
    let checked = at(0).local;
    let mut app = home().with_mornings(Some((checked, 4)), None);
    app.update(Action::StartFull, &at(30 * 60));
    let shown = screen(&app);
    assert!(shown.contains("4 from your 07:00 check-in"), "{shown}");
    app.update(Action::Confirm, &at(30 * 60));
    assert_eq!(stiffness_before(&mut app, 30 * 60 + 5), Some(4));

    let mut later = home().with_mornings(Some((checked, 4)), None);
    later.update(Action::StartFull, &at(30 * 60 + 1));
    assert!(screen(&later).contains("Your answer: -"));
}

#[test]
fn a_checkin_answered_on_home_is_reused_at_once() {
    let mut app = home().with_morning_checkin();
    app.update(Action::Digit(5), &at(0));
    app.update(Action::Confirm, &at(0));
    app.update(Action::StartFull, &at(60));
    assert!(screen(&app).contains("5 from your 07:00 check-in"));
}

#[test]
fn eight_or_more_before_a_session_offers_a_gentler_choice() {
    let mut app = before_question();
    app.update(Action::Digit(8), &at(0));
    app.update(Action::Confirm, &at(0));
    assert_eq!(app.context(), Context::Calm);
    let note = screen(&app);
    insta::assert_snapshot!("calm_note_high_before", note);
    assert!(note.contains("new or severe"), "{note}");

    let mut short = before_question();
    short.update(Action::Digit(9), &at(0));
    short.update(Action::Confirm, &at(0));
    short.update(Action::StartShort, &at(1));
    assert_eq!(short.context(), Context::Player);
    assert!(screen(&short).contains("short"));

    let mut rest = before_question();
    rest.update(Action::Digit(9), &at(0));
    rest.update(Action::Confirm, &at(0));
    assert_eq!(
        rest.update(Action::Rest, &at(1)),
        [Effect::RecordRest, Effect::LoadToday]
    );
    assert_eq!(rest.context(), Context::Home);

    let mut carry_on = before_question();
    carry_on.update(Action::Digit(8), &at(0));
    carry_on.update(Action::Confirm, &at(0));
    carry_on.update(Action::Confirm, &at(1));
    assert_eq!(stiffness_before(&mut carry_on, 5), Some(8));
}

#[test]
fn seven_before_a_session_starts_it_at_once() {
    let mut app = before_question();
    app.update(Action::Digit(7), &at(0));
    app.update(Action::Confirm, &at(0));
    assert_eq!(app.context(), Context::Player);
}

#[test]
fn a_morning_three_above_the_usual_is_answered_once() {
    let mut app = home().with_mornings(Some((at(0).local, 6)), Some(3.0));
    app.update(Action::StartFull, &at(7200));
    app.update(Action::Digit(5), &at(7200));
    app.update(Action::Confirm, &at(7200));
    assert_eq!(app.context(), Context::Calm);
    assert!(screen(&app).contains("well above your usual 3"));
    app.update(Action::Quit, &at(7201));
    assert_eq!(app.context(), Context::Home);
    app.update(Action::StartFull, &at(7202));
    app.update(Action::Digit(5), &at(7202));
    app.update(Action::Confirm, &at(7202));
    assert_eq!(app.context(), Context::Player, "said once a morning");

    let mut two_above = home().with_mornings(Some((at(0).local, 5)), Some(3.0));
    two_above.update(Action::StartFull, &at(7200));
    two_above.update(Action::SkipQuestion, &at(7200));
    assert_eq!(two_above.context(), Context::Player);
}
