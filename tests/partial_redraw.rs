//! Redrawing only what moves in the player (its countdown, pacer and progress) over the frame
//! drawn before gives exactly the frame a whole redraw gives, and changes no row outside the
//! areas it reports (the only rows the painter compares and sends): for a counted, a timed
//! and a per-side step, at three sizes, at every frame the session asks for.

mod common;

use std::time::Duration;

use poised::routine::Work;
use poised::routine::load::load_file;
use poised::routine::{Routine, Variant};
use poised::session::{SegmentKind, Timeline};
use poised::tui::app::{App, Msg, Now, Settings, Voice};
use poised::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const SETTINGS: Settings = Settings {
    bell: false,
    reduced_motion: false,
    ask_ratings: false,
    voice: Voice::Off,
};

/// A counted step, then a timed one per side (desk-stretch); a counted one per side with a
/// hold, then a timed one (every-key).
fn routines() -> [Routine; 2] {
    ["valid/desk-stretch.toml", "valid/every-key.toml"]
        .map(|name| load_file(&common::fixture(name)).unwrap())
}

/// The whole frame at `now`, drawn from nothing.
fn whole(app: &App, now: &Now, area: Rect) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal.draw(|frame| app.render(frame, now)).unwrap();
    terminal.backend().buffer().clone()
}

fn rows_outside(buf: &Buffer, areas: &[Rect]) -> Vec<(u16, Vec<String>)> {
    (0..buf.area.height)
        .filter(|&y| !areas.iter().any(|a| a.top() <= y && y < a.bottom()))
        .map(|y| {
            let row = (0..buf.area.width)
                .map(|x| format!("{:?}", buf[(x, y)]))
                .collect();
            (y, row)
        })
        .collect()
}

/// Plays `routine` through as the loop does, checking every redraw of what moved; gives
/// the kinds of step whose work was redrawn so.
fn play_checking_redraws(routine: &Routine, area: Rect, theme: Theme) -> Vec<&'static str> {
    let timeline = Timeline::new(routine, Variant::Full);
    let mut now = common::at_ms(0);
    let mut app = App::new(Vec::new(), SETTINGS, theme).run_routine(routine, Variant::Full, &now);
    app.update(Msg::Tick, &now);
    let mut drawn = app.view(&now);
    let mut shown = whole(&app, &now, area);
    let mut kinds = Vec::new();
    while let Some(deadline) = app.deadline(&now) {
        now = common::at_ms(
            u64::try_from((deadline + Duration::from_millis(1)).as_millis()).unwrap(),
        );
        app.update(Msg::Tick, &now);
        let view = app.view(&now);
        let expected = whole(&app, &now, area);
        if let Some(moved) = drawn.moved(&view) {
            let mut redrawn = shown.clone();
            let areas = app.render_moved(&mut redrawn, &now, moved);
            let at = format!("{}x{} at {:?}", area.width, area.height, now.mono);
            assert_eq!(redrawn, expected, "{at}");
            assert_eq!(
                rows_outside(&redrawn, &areas),
                rows_outside(&shown, &areas),
                "{at}: a row outside {areas:?} changed"
            );
            let segment = &timeline.segments[timeline.segment_at(now.mono).unwrap()];
            if segment.kind == SegmentKind::Work {
                let step = &routine.steps[segment.step];
                let counted = matches!(step.work, Work::Reps { .. });
                kinds.push(match (counted, step.per_side) {
                    (true, false) => "counted",
                    (true, true) => "counted per side",
                    (false, false) => "timed",
                    (false, true) => "timed per side",
                });
            }
        }
        shown = expected;
        drawn = view;
    }
    kinds.dedup();
    kinds
}

#[test]
fn redrawing_what_moved_gives_the_whole_frame_at_every_size() {
    let [desk_stretch, every_key] = routines();
    let coloured = Theme::from_env(None);
    for (width, height) in [(40, 12), (80, 24), (160, 48)] {
        let area = Rect::new(0, 0, width, height);
        let kinds = play_checking_redraws(&desk_stretch, area, coloured);
        assert_eq!(kinds, ["counted", "timed per side"], "{width}x{height}");
        let kinds = play_checking_redraws(&every_key, area, coloured);
        assert_eq!(kinds, ["counted per side", "timed"], "{width}x{height}");
    }
}

#[test]
fn without_colour_too() {
    let [desk_stretch, _] = routines();
    let kinds = play_checking_redraws(&desk_stretch, Rect::new(0, 0, 40, 12), Theme::plain());
    assert_eq!(kinds, ["counted", "timed per side"]);
}
