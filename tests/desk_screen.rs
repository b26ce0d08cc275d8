//! Desk mode through the app's update function with an injected clock: the countdown, the
//! prompt with its bell and notification, a reset played to its end and back, snoozes and
//! skips against the budget; and each state of the screen at 80x24 and 40x12.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveTime};
use poised::desk::{Desk, DeskSettings};
use poised::journal::{DeskEvent, DeskRecord, Record};
use poised::routine::load::Library;
use poised::tui::app::{App, Effect, Msg, Now, Settings, Voice};
use poised::tui::desk_mode::{DeskMode, Signals};
use poised::tui::keymap::{Action, Context};
use poised::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Monday 2026-11-30, 10:00, plus `secs`.
fn at(secs: u64) -> Now {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-11-30T10:00:00+01:00").unwrap();
    Now {
        mono: Duration::from_secs(secs),
        local: start + Duration::from_secs(secs),
    }
}

fn desk_app(start: &Now) -> App {
    let library = Library::load(std::path::Path::new("/nonexistent"));
    let settings = DeskSettings::default();
    let day_start = NaiveTime::from_hms_opt(3, 0, 0).unwrap();
    let opened = Desk::open(settings.schedule(), day_start, Vec::new(), start.local);
    let reset = library.get("reset").unwrap().clone();
    let transition = library.get("office").cloned();
    let signals = Signals {
        bell: true,
        notify: true,
        tmux: false,
    };
    let mode = DeskMode::new(opened, settings, reset, transition, signals);
    let settings = Settings {
        bell: true,
        reduced_motion: false,
        ask_ratings: true,
        voice: Voice::Off,
    };
    App::new(library.routines, settings, Theme::plain()).with_desk(mode)
}

fn draw(app: &App, now: &Now, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.render(frame, now)).unwrap();
    terminal.backend().to_string()
}

fn snapshot_both(name: &str, app: &App, now: &Now) {
    insta::assert_snapshot!(format!("{name}_80x24"), draw(app, now, 80, 24));
    insta::assert_snapshot!(format!("{name}_40x12"), draw(app, now, 40, 12));
}

/// Ticks once a second up to `to`, as the loop would, collecting the effects.
fn run_until(app: &mut App, from: u64, to: u64) -> Vec<Effect> {
    (from + 1..=to)
        .flat_map(|t| app.update(Msg::Tick, &at(t)))
        .collect()
}

/// Ticks a second at a time from `from` until a prompt opens; its time.
fn until_prompt(app: &mut App, from: u64) -> u64 {
    (from + 1..from + 5 * 3600)
        .find(|&t| app.update(Msg::Tick, &at(t)).contains(&Effect::Bell))
        .expect("a prompt within five hours")
}

const DUE: u64 = 45 * 60;

#[test]
fn the_countdown_shows_minutes_and_wakes_once_a_minute() {
    let app = desk_app(&at(0));
    assert_eq!(app.context(), Context::Desk);
    snapshot_both("desk_waiting", &app, &at(7 * 60 + 20));
    // 37 min 40 s left shows "38 min"; the next change is 40 s away.
    assert_eq!(
        app.deadline(&at(7 * 60 + 20)),
        Some(Duration::from_secs(7 * 60 + 20 + 40))
    );
    assert!(draw(&app, &at(DUE - 42), 80, 24).contains("Next reset in 42 s"));
    assert_eq!(
        app.deadline(&at(DUE - 42)),
        Some(Duration::from_secs(DUE - 41))
    );
}

#[test]
fn a_due_reset_rings_notifies_once_and_plays_back_to_the_countdown() {
    let mut app = desk_app(&at(0));
    let effects = run_until(&mut app, 0, DUE + 5);
    assert_eq!(effects.len(), 3, "{effects:?}");
    assert!(
        matches!(effects[0].saved(), Some(Record::Desk(d)) if d.event == DeskEvent::Opened),
        "the opening is recorded: {effects:?}"
    );
    assert_eq!(effects[1], Effect::Bell);
    let Effect::Notify(bytes) = &effects[2] else {
        panic!("{effects:?}")
    };
    assert!(String::from_utf8_lossy(bytes).contains("\x1b]777;notify;poised;Time for a reset"));
    snapshot_both("desk_prompt", &app, &at(DUE + 5));
    // The open prompt changes only by a key: the desk looks at the clock once a minute.
    assert_eq!(
        app.deadline(&at(DUE + 5)),
        Some(Duration::from_secs(DUE + 65))
    );

    let answered = app.update(Action::StartFull, &at(DUE + 10));
    assert_eq!(
        answered,
        vec![Effect::Save(Box::new(Record::Desk(DeskRecord {
            at: at(DUE + 10).local,
            event: DeskEvent::Reset,
            offered: Some(at(DUE).local),
        })))]
    );
    assert_eq!(app.context(), Context::Player);
    let effects = run_until(&mut app, DUE + 10, DUE + 10 + 120);
    let session = effects
        .iter()
        .find_map(|e| e.saved()?.as_session().cloned())
        .expect("the reset is recorded");
    assert_eq!(session.routine, "reset");
    assert!(session.completed);
    assert_eq!(
        session.stiffness_before, None,
        "no questions unless rate = true"
    );
    assert_eq!(app.context(), Context::Desk);
    let screen = draw(&app, &at(DUE + 130), 80, 24);
    assert!(screen.contains("Today: 1 of 1 reset done"), "{screen}");
    assert!(screen.contains("Next reset in 4"), "{screen}");
}

#[test]
fn snoozes_and_skips_come_from_the_budget_and_over_it_show_honestly() {
    let mut app = desk_app(&at(0));
    let mut t = 0;
    // Snoozed and then skipped, skipped, skipped: four from a budget of three.
    for action in [
        Action::Snooze,
        Action::SkipReset,
        Action::SkipReset,
        Action::SkipReset,
    ] {
        t = until_prompt(&mut app, t);
        app.update(action, &at(t));
    }
    let screen = draw(&app, &at(t), 80, 24);
    assert!(
        screen.contains("Snoozed 1 and skipped 3 today: 1 over the budget of 3"),
        "{screen}"
    );
    assert!(screen.contains("Today: 0 of 3 resets done"), "{screen}");
    assert!(screen.contains("×××"), "{screen}");
    // Spent, the keys still work, and each answer is recorded.
    let offered = until_prompt(&mut app, t);
    t = offered + 3;
    assert_eq!(
        app.update(Action::Snooze, &at(t)),
        vec![Effect::Save(Box::new(Record::Desk(DeskRecord {
            at: at(t).local,
            event: DeskEvent::Snoozed,
            offered: Some(at(offered).local),
        })))]
    );
    assert!(draw(&app, &at(t), 80, 24).contains("Next reset in 10 min"));
    snapshot_both("desk_over_budget", &app, &at(t));
}

#[test]
fn outside_working_hours_it_rests_and_says_until_when() {
    let app = desk_app(&at(8 * 3600));
    snapshot_both("desk_resting", &app, &at(8 * 3600 + 60));
}

#[test]
fn the_last_minute_counts_seconds_and_help_lists_the_desk_keys() {
    let mut app = desk_app(&at(0));
    snapshot_both("desk_last_minute", &app, &at(DUE - 42));
    app.update(Action::Help, &at(DUE - 40));
    snapshot_both("desk_help", &app, &at(DUE - 40));
}

#[test]
fn quitting_with_the_prompt_open_leaves_it_recorded_as_missed() {
    let mut app = desk_app(&at(0));
    run_until(&mut app, 0, DUE);
    let effects = app.update(Action::Quit, &at(DUE + 1));
    assert!(app.quit);
    assert!(
        effects.len() == 1
            && matches!(effects[0].saved(), Some(Record::Desk(d)) if d.event == DeskEvent::Missed),
        "{effects:?}"
    );
}

#[test]
fn a_tiny_terminal_asks_for_room_instead_of_the_desk() {
    let app = desk_app(&at(0));
    assert_eq!(draw(&app, &at(60), 1, 1), "\"P\"\n");
    assert!(draw(&app, &at(60), 39, 12).contains("Please enlarge"));
}
