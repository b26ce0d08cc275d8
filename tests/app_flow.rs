//! A session through the app's update function, as the loop drives it: questions before and
//! after, the note, painful steps, and the record handed to the journal.

mod common;

use std::time::Duration;

use chrono::DateTime;
use poised::journal::Record;
use poised::routine::Variant;
use poised::routine::load::load_file;
use poised::tui::app::{App, Effect, Msg, Now, Settings, Voice};
use poised::tui::keymap::{Action, Context};
use poised::tui::theme::Theme;

const ASKING: Settings = Settings {
    bell: false,
    reduced_motion: false,
    ask_ratings: true,
    voice: Voice::Off,
};

fn at(secs: u64) -> Now {
    let start = DateTime::parse_from_rfc3339("2026-11-21T07:00:00+01:00").unwrap();
    Now {
        mono: Duration::from_secs(secs),
        local: start + Duration::from_secs(secs),
    }
}

fn app(settings: Settings) -> App {
    let routine = load_file(&common::fixture("valid/desk-stretch.toml")).unwrap();
    App::new(vec![routine.clone()], settings, Theme::plain()).run_routine(
        &routine,
        Variant::Full,
        &at(0),
    )
}

fn screen(app: &App, now: &Now) -> String {
    common::draw(app, now, 80, 24)
}

/// Ticks once a second from `from` to `to`, collecting effects.
fn play(app: &mut App, from: u64, to: u64) -> Vec<Effect> {
    (from + 1..=to)
        .flat_map(|t| app.update(Msg::Tick, &at(t)))
        .collect()
}

fn saved_session(effects: &[Effect]) -> poised::journal::SessionRecord {
    let sessions: Vec<_> = effects
        .iter()
        .filter_map(|e| e.saved()?.as_session().cloned())
        .collect();
    assert_eq!(sessions.len(), 1, "exactly one session record: {effects:?}");
    sessions[0].clone()
}

#[test]
fn a_rated_session_with_a_note_and_a_painful_step_is_recorded_whole() {
    let mut app = app(ASKING);
    assert_eq!(app.context(), Context::Rating);
    insta::assert_snapshot!("rating_before", screen(&app, &at(0)));
    app.update(Action::Digit(6), &at(0));
    app.update(Action::Confirm, &at(0));
    assert_eq!(app.context(), Context::Player);
    play(&mut app, 0, 5);
    app.update(Action::Painful, &at(5));
    app.update(Action::Skip, &at(5));
    assert!(screen(&app, &at(5)).contains("Skipped \"Seated tilt\""));
    play(&mut app, 5, 80);
    assert_eq!(
        app.context(),
        Context::Rating,
        "asked again after the session"
    );
    // The question after starts from the answer before: 6, then 7, 6, 5.
    app.update(Action::More, &at(80));
    app.update(Action::Less, &at(80));
    app.update(Action::Less, &at(80));
    app.update(Action::Confirm, &at(80));
    assert_eq!(app.context(), Context::Note);
    for c in "left hip tight".chars() {
        app.update(Action::Type(c), &at(81));
    }
    let effects = app.update(Action::Confirm, &at(82));
    let record = saved_session(&effects);
    assert_eq!(record.routine, "desk-stretch");
    assert_eq!(record.variant, "full");
    assert_eq!(
        (record.stiffness_before, record.stiffness_after),
        (Some(6), Some(5))
    );
    assert_eq!(record.note.as_deref(), Some("left hip tight"));
    assert_eq!(record.painful_steps, ["Seated tilt"]);
    let file = std::fs::read_to_string(common::fixture("valid/desk-stretch.toml")).unwrap();
    assert_eq!(
        record.routine_version,
        Some(poised::routine::model::version_of(&file)),
        "the version of the routine file played"
    );
    assert!(
        record.completed,
        "played to the end, though one step was skipped"
    );
    assert_eq!((record.steps_done, record.steps_total), (1, 2));
    assert_eq!(record.started, at(0).local);
    let summary = screen(&app, &at(82));
    assert!(summary.contains("Stiffness    6 -> 5"), "{summary}");
    assert!(summary.contains("Seated tilt: skipped"), "{summary}");
    insta::assert_snapshot!("summary_with_stiffness", summary);
}

#[test]
fn ending_early_is_recorded_as_not_completed() {
    let mut app = app(ASKING);
    app.update(Action::SkipQuestion, &at(0));
    play(&mut app, 0, 10);
    app.update(Action::AskEnd, &at(10));
    app.update(Action::Yes, &at(10));
    app.update(Action::SkipQuestion, &at(10));
    let record = saved_session(&app.update(Action::SkipQuestion, &at(10)));
    assert!(!record.completed);
    assert_eq!(record.stiffness_before, None);
    assert_eq!(record.note, None);
    assert_eq!(record.active_seconds, 10);
}

#[test]
fn ending_during_the_first_get_ready_asks_nothing_after_and_records_it_ended_early() {
    let mut app = app(ASKING);
    app.update(Action::Digit(6), &at(0));
    app.update(Action::Confirm, &at(0));
    play(&mut app, 0, 2);
    let end = common::at_ms(2_600);
    app.update(Action::AskEnd, &end);
    let record = saved_session(&app.update(Action::Yes, &end));
    assert_eq!(app.context(), Context::Summary, "no question about after");
    assert!(!record.completed);
    assert_eq!((record.steps_done, record.stiffness_before), (0, Some(6)));
    assert_eq!(record.stiffness_after, None);
    let summary = screen(&app, &end);
    assert!(summary.contains("ended early: 0 of 2 steps"), "{summary}");
    assert!(summary.contains("Time spent   0:03"), "{summary}");
    assert_eq!(record.active_seconds, 3, "the time the summary shows");
}

#[test]
fn ctrl_c_ends_at_once_without_questions_and_still_records() {
    let mut app = app(ASKING);
    app.update(Action::Digit(4), &at(0));
    app.update(Action::Confirm, &at(0));
    play(&mut app, 0, 3);
    let record = saved_session(&app.update(Action::EndNow, &at(3)));
    assert!(!record.completed);
    assert_eq!(record.stiffness_before, Some(4));
    assert_eq!(app.context(), Context::Summary);
}

#[test]
fn no_rate_asks_nothing_but_records_the_session() {
    let mut app = app(Settings {
        ask_ratings: false,
        ..ASKING
    });
    assert_eq!(app.context(), Context::Player);
    let record = saved_session(&play(&mut app, 0, 80));
    assert!(record.completed);
    assert_eq!((record.steps_done, record.steps_total), (2, 2));
    assert_eq!(app.context(), Context::Summary);
}

#[test]
fn a_failed_save_returns_home_with_the_message() {
    let mut app = app(Settings {
        ask_ratings: false,
        ..ASKING
    });
    play(&mut app, 0, 80);
    app.update(
        Msg::NotSaved("could not save to the journal /x: read-only\n[[session]]".into()),
        &at(80),
    );
    assert_eq!(app.context(), Context::Home);
    let shown = screen(&app, &at(80));
    assert!(
        shown.contains("could not save to the journal /x"),
        "{shown}"
    );
    assert!(shown.contains("[[session]]"), "{shown}");
    app.update(Action::Down, &at(81));
    assert!(
        !screen(&app, &at(81)).contains("could not save"),
        "any key dismisses it"
    );
    assert!(!app.quit, "the app stays open after the failure");
}

#[test]
fn the_morning_checkin_records_a_checkin() {
    let routine = load_file(&common::fixture("valid/desk-stretch.toml")).unwrap();
    let mut app = App::new(vec![routine], ASKING, Theme::plain()).with_morning_checkin();
    assert!(screen(&app, &at(0)).contains("How does your back feel this morning?"));
    app.update(Action::Digit(3), &at(0));
    let effects = app.update(Action::Confirm, &at(0));
    let [effect] = effects.as_slice() else {
        panic!("expected one check-in, got {effects:?}");
    };
    let c = effect
        .saved()
        .and_then(Record::as_checkin)
        .expect("a check-in");
    assert_eq!((c.stiffness, c.at), (3, at(0).local));
    assert_eq!(app.context(), Context::Home);
}

#[test]
fn the_bell_rings_as_work_begins_and_at_each_side_switch_unless_quiet() {
    let count = |settings| {
        let mut app = app(Settings {
            ask_ratings: false,
            ..settings
        });
        play(&mut app, 0, 80)
            .iter()
            .filter(|e| **e == Effect::Bell)
            .count()
    };
    // Step 1's reps begin, step 2's left half, the switch, the right half: four bells.
    assert_eq!(
        count(Settings {
            bell: true,
            ..ASKING
        }),
        4
    );
    assert_eq!(
        count(Settings {
            bell: false,
            ..ASKING
        }),
        0
    );
}

#[test]
fn home_keys_ask_for_progress_and_rest_days() {
    let mut app = App::new(Vec::new(), ASKING, Theme::plain());
    assert_eq!(app.update(Action::Progress, &at(0)), [Effect::LoadProgress]);
    assert_eq!(app.update(Action::Rest, &at(0)), [], "R asks first");
    assert_eq!(app.context(), Context::ConfirmRest);
    assert!(screen(&app, &at(0)).contains("Record today as a rest day? (y/n)"));
    assert_eq!(app.update(Action::No, &at(0)), [], "any other key: no");
    assert_eq!(app.context(), Context::Home);
    app.update(Action::Rest, &at(0));
    assert_eq!(
        app.update(Action::Yes, &at(0)),
        [Effect::RecordRest, Effect::LoadToday]
    );
    app.update(
        Msg::Notice("rest day recorded for Sat 21 Nov 2026".into()),
        &at(0),
    );
    assert!(screen(&app, &at(0)).contains("rest day recorded"));
}

#[test]
fn help_and_the_end_question_stop_the_clock_and_give_it_back() {
    let mut app = app(Settings {
        ask_ratings: false,
        ..ASKING
    });
    play(&mut app, 0, 10);
    app.update(Action::Help, &at(10));
    play(&mut app, 10, 40);
    app.update(Action::Help, &at(40));
    let resumed = screen(&app, &at(40));
    assert!(!resumed.contains("Paused"), "{resumed}");
    assert!(
        resumed.contains("1:03 left"),
        "30 s under help did not count: {resumed}"
    );
    app.update(Action::AskEnd, &at(40));
    play(&mut app, 40, 60);
    app.update(Action::No, &at(60));
    assert!(screen(&app, &at(60)).contains("1:03 left"));
}

#[test]
fn a_person_s_own_pause_survives_help() {
    let mut app = app(Settings {
        ask_ratings: false,
        ..ASKING
    });
    app.update(Action::TogglePause, &at(5));
    app.update(Action::Help, &at(6));
    app.update(Action::Help, &at(7));
    assert!(screen(&app, &at(20)).contains("Paused"));
}

#[test]
fn backing_out_of_the_first_question_records_nothing() {
    let mut esc = app(ASKING);
    assert!(esc.update(Action::Quit, &at(0)).is_empty());
    assert!(esc.quit, "a `poised run` session leaves when backed out of");
    let mut ctrl_c = app(ASKING);
    assert!(ctrl_c.update(Action::EndNow, &at(0)).is_empty());
    assert!(ctrl_c.quit);
}

#[test]
fn ctrl_c_after_the_session_saves_it_and_quits() {
    let mut app = app(ASKING);
    app.update(Action::SkipQuestion, &at(0));
    play(&mut app, 0, 80);
    assert_eq!(app.context(), Context::Rating);
    let record = saved_session(&app.update(Action::EndNow, &at(80)));
    assert!(record.completed);
    assert!(app.quit);
}

#[test]
fn a_key_that_changes_nothing_leaves_the_view_as_it_was_so_nothing_is_drawn() {
    let routine = load_file(&common::fixture("valid/desk-stretch.toml")).unwrap();
    let mut app = App::new(vec![routine.clone(), routine], ASKING, Theme::plain());
    let first = app.view(&at(0));
    app.update(Action::Up, &at(0));
    assert_eq!(
        app.view(&at(0)),
        first,
        "Up on the first row changes nothing"
    );
    app.update(Action::Down, &at(0));
    assert_ne!(app.view(&at(0)), first, "Down moves the selection");
}

#[test]
fn any_key_closes_a_message_even_one_with_no_meaning_on_the_screen() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = App::new(Vec::new(), ASKING, Theme::plain());
    let quiet = app.view(&at(0));
    app.update(Msg::Notice("rest day recorded".into()), &at(0));
    assert_ne!(app.view(&at(0)), quiet);
    let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    assert!(app.update(Msg::Key(x), &at(0)).is_empty());
    assert_eq!(app.view(&at(0)), quiet, "the message is gone");
    assert!(!app.quit);
}

#[test]
fn a_hangup_records_a_started_session_as_it_stands_and_quits() {
    let mut playing = app(ASKING);
    playing.update(Action::Digit(7), &at(0));
    playing.update(Action::Confirm, &at(0));
    play(&mut playing, 0, 20);
    let record = saved_session(&playing.update(Msg::Hangup, &at(20)));
    assert!(playing.quit);
    assert!(!record.completed, "ended before its end");
    assert_eq!(record.stiffness_before, Some(7));
    assert_eq!(record.active_seconds, 20);

    let mut at_note = app_at_the_note();
    for c in "stiff".chars() {
        at_note.update(Action::Type(c), &at(81));
    }
    let record = saved_session(&at_note.update(Msg::Hangup, &at(82)));
    assert!(record.completed);
    assert_eq!(
        record.note.as_deref(),
        Some("stiff"),
        "the note typed so far"
    );

    let mut before = app(ASKING);
    assert!(
        before.update(Msg::Hangup, &at(0)).is_empty(),
        "nothing started"
    );
    assert!(before.quit);
}

#[test]
fn a_paste_goes_into_the_note_and_nowhere_else() {
    let mut home = App::new(Vec::new(), ASKING, Theme::plain());
    home.update(Msg::Paste("q".into()), &at(0));
    assert!(!home.quit, "a pasted q is not a key");
    let mut note = app_at_the_note();
    note.update(Msg::Paste("left hip\ttight".into()), &at(81));
    let record = saved_session(&note.update(Action::Confirm, &at(82)));
    assert_eq!(record.note.as_deref(), Some("left hiptight"));
}

/// A played session with the after-question answered: the note is open.
fn app_at_the_note() -> App {
    let mut app = app(ASKING);
    app.update(Action::SkipQuestion, &at(0));
    play(&mut app, 0, 80);
    app.update(Action::Digit(3), &at(80));
    app.update(Action::Confirm, &at(80));
    assert_eq!(app.context(), Context::Note);
    app
}
