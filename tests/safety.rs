//! "Before you start": the first run, the help's way back to it, `poised safety`, and the
//! README's "When to get help", which all say the same thing.

mod common;

use common::at;

use poised::routine::load::Library;
use poised::tui::app::{App, Effect, Settings};
use poised::tui::keymap::{Action, Context};
use poised::tui::theme::Theme;

fn home() -> App {
    let routines = Library::load(std::path::Path::new("/nonexistent")).routines;
    App::new(routines, Settings::default(), Theme::plain())
}

fn draw(app: &App, width: u16, height: u16) -> String {
    common::draw(app, &at(0), width, height)
}

#[test]
fn the_first_run_shows_before_you_start_and_enter_records_it() {
    let mut app = home().with_first_run(&at(0));
    assert_eq!(app.context(), Context::Safety);
    insta::assert_snapshot!("before_you_start_80x24", draw(&app, 80, 24));
    insta::assert_snapshot!("before_you_start_40x12", draw(&app, 40, 12));
    let effects = app.update(Action::Quit, &at(1));
    assert_eq!(effects, [Effect::SafetySeen]);
    assert_eq!(app.context(), Context::Home);
}

#[test]
fn a_small_terminal_scrolls_to_the_end_of_the_text() {
    let mut app = home().with_first_run(&at(0));
    for _ in 0..10 {
        app.update(Action::Scroll(3), &at(0));
    }
    let screen = draw(&app, 40, 12);
    assert!(screen.contains("stop if a movement"), "{screen}");
    assert!(!screen.contains("more below"), "{screen}");
}

#[test]
fn help_opens_it_on_any_screen_and_closing_it_records_nothing() {
    let mut app = home();
    app.update(Action::Help, &at(0));
    assert!(draw(&app, 80, 24).contains("when to get help"));
    app.update(Action::ShowSafety, &at(0));
    assert!(draw(&app, 80, 24).contains("Before you start"));
    assert_eq!(app.update(Action::Quit, &at(0)), []);
    assert_eq!(app.context(), Context::Home);
}

#[test]
fn help_keeps_the_not_medical_advice_line_at_the_smallest_size() {
    let mut app = home();
    app.update(Action::Help, &at(0));
    let screen = draw(&app, 40, 12);
    assert!(
        screen.contains("poised gives no medical advice;"),
        "{screen}"
    );
    assert!(
        screen.contains('…'),
        "keys that do not fit give way: {screen}"
    );
}

#[test]
fn home_says_it_is_not_medical_advice() {
    assert!(draw(&home(), 80, 24).contains("poised is not medical advice."));
}

#[test]
fn poised_safety_prints_the_readme_section() {
    let home = common::Home::new();
    let out = home.run(&["safety"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Before you start\n"), "{text}");
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let body: String = text.lines().skip(2).map(|l| format!("{l}\n")).collect();
    assert!(
        readme.contains(&body),
        "README's \"When to get help\" must hold the same text as `poised safety`:\n{body}"
    );
}
