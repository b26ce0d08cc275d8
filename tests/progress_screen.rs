//! The progress screen drawn from a prepared two-year history, at 80x24 and at 160x48.

mod common;

use std::path::Path;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveTime};
use poised::journal::{CheckinRecord, Record, RestRecord, SessionRecord};
use poised::progress::days::{History, record_date};
use poised::progress::{ProgressModel, RoutineFacts, build};
use poised::routine::load::Library;
use poised::tui::app::{App, Msg, Now, Settings};
use poised::tui::keymap::Action;
use poised::tui::screens::home::Today;
use poised::tui::theme::Theme;

const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
const DAY_START: NaiveTime = NaiveTime::from_hms_opt(3, 0, 0).unwrap();

fn local(date: NaiveDate, hour: u32) -> DateTime<FixedOffset> {
    date.and_hms_opt(hour, 0, 0)
        .unwrap()
        .and_local_timezone(FixedOffset::east_opt(3600).unwrap())
        .unwrap()
}

fn session(date: NaiveDate, routine: &str, variant: &str, ratings: (u8, u8)) -> Record {
    let at = local(date, 7);
    Record::Session(SessionRecord {
        active_seconds: 420,
        stiffness_before: Some(ratings.0),
        stiffness_after: Some(ratings.1),
        ..SessionRecord::new(routine, variant, (at, at), 6)
    })
}

/// Two years of practice: a morning session most days (every fourth a short one), an office
/// session every third day, a session ended early every eleventh day, a rest day every
/// ninth, ten days off two months ago, morning check-ins easing from 7 to 3, and today not
/// done yet.
fn journal() -> Vec<Record> {
    let mut records = Vec::new();
    for back in 1..=730u64 {
        let date = TODAY - Days::new(back);
        if back % 9 == 0 || (60..70).contains(&back) {
            if back % 9 == 0 {
                records.push(Record::Rest(RestRecord {
                    date,
                    reason: Some("flare".into()),
                }));
            }
            continue;
        }
        let variant = if back % 4 == 0 { "short" } else { "full" };
        let before = u8::try_from(3 + back / 200 + back % 2).unwrap();
        if back % 11 == 0 {
            let mut partial = session(date, "morning", variant, (before, before));
            if let Record::Session(s) = &mut partial {
                s.completed = false;
            }
            records.push(partial);
        } else {
            records.push(session(date, "morning", variant, (before, before - 2)));
        }
        if back % 3 == 0 {
            records.push(session(date, "office", "full", (4, 3)));
        }
        let morning = u8::try_from(3 + back / 180 + back % 3 / 2).unwrap();
        records.push(Record::Checkin(CheckinRecord {
            at: local(date, 6),
            stiffness: morning,
            note: None,
        }));
    }
    records
}

fn model(records: &[Record]) -> ProgressModel {
    let history = History::from_records(records, DAY_START);
    let facts = |id: &str| {
        let wardrobe = ["morning", "office"].into_iter().find(|w| *w == id)?;
        Some(RoutineFacts {
            wardrobe,
            phase: None,
        })
    };
    build(&history, records, TODAY, DAY_START, facts)
}

fn now() -> Now {
    Now {
        mono: std::time::Duration::ZERO,
        local: local(TODAY, 8),
    }
}

fn draw(width: u16, height: u16) -> String {
    let mut app = App::new(Vec::new(), Settings::default(), Theme::plain());
    app.update(Msg::Progress(Box::new(model(&journal()))), &now());
    common::draw(&app, &now(), width, height)
}

/// Home's last three lines (today, the footer, then the not-advice line) with today worked out from `records`.
fn home_today(records: &[Record], width: u16) -> String {
    let mut app = App::new(Vec::new(), Settings::default(), Theme::plain());
    app.update(Msg::Today(Today::of(&model(records))), &now());
    let screen = common::draw(&app, &now(), width, 24);
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len() - 3..].join("\n")
}

#[test]
fn home_says_whether_today_is_done_with_the_streak_and_the_top_hint() {
    let mut records = journal();
    let not_yet = home_today(&records, 80);
    assert!(
        not_yet.contains("Today: not done yet · streak 9 days · Ready for"),
        "{not_yet}"
    );
    assert!(not_yet.contains("…\"\n"), "cut with an ellipsis: {not_yet}");
    insta::assert_snapshot!("home_today_not_done", not_yet);
    records.push(session(TODAY, "morning", "full", (4, 2)));
    let done = home_today(&records, 160);
    assert!(done.contains("Today: done · streak 10 days"), "{done}");
    insta::assert_snapshot!("home_today_done", done);
    let a_week_ago = TODAY - Days::new(7);
    records.retain(|r| record_date(r, DAY_START) < a_week_ago);
    let back = home_today(&records, 160);
    assert!(back.contains("Welcome back: no session for"), "{back}");
}

#[test]
fn progress_at_80x24() {
    let screen = draw(80, 24);
    assert!(screen.contains("Streak 9 days"), "{screen}");
    assert!(screen.contains("not medical advice"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn progress_at_160x48_is_richer() {
    let screen = draw(160, 48);
    assert!(
        screen.contains("• before") && screen.contains("▄ after") && screen.contains("█ waking"),
        "the chart says what its marks mean: {screen}"
    );
    insta::assert_snapshot!(screen);
}

/// Home with the built-in routines at 80x24.
fn home_with_routines(app: &App) -> String {
    common::draw(app, &now(), 80, 24)
}

#[test]
fn home_suggests_a_learning_run_beside_the_routines_the_journal_has_never_seen() {
    let routines = Library::load(Path::new("/nonexistent")).routines;
    let settings = Settings {
        ask_ratings: false,
        ..Settings::default()
    };
    let mut app = App::new(routines, settings, Theme::plain());
    let unread = home_with_routines(&app);
    assert!(
        !unread.contains("· new"),
        "nothing before the journal is read: {unread}"
    );
    // The journal holds sessions of the morning and office routines only.
    app.update(Msg::Today(Today::of(&model(&journal()))), &now());
    let screen = home_with_routines(&app);
    for played in ["Morning mobility", "Desk break"] {
        assert!(!screen.contains(&format!("{played} · new")), "{screen}");
    }
    for never in ["Travel unstiffener", "Evening unwind", "Between meetings"] {
        assert!(screen.contains(&format!("{never} · new")), "{screen}");
    }
    assert!(!screen.contains("New to you"), "{screen}");
    for _ in 0..2 {
        app.update(Msg::Action(Action::Down), &now());
    }
    let travel = home_with_routines(&app);
    assert!(travel.contains("│New to you: l plays it as a"), "{travel}");
    insta::assert_snapshot!("home_suggests_learning_a_new_routine", travel);
    app.update(Msg::Action(Action::StartLearn), &now());
    let playing = common::draw(&app, &now(), 80, 24);
    assert!(
        playing.contains("Travel unstiffener · full · learning"),
        "{playing}"
    );
}
