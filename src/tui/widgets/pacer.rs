//! The breathing pacer: a bar that fills while breathing in, stays while holding and empties
//! while breathing out, with the phase's word and seconds left beneath it. The bar fills a
//! fixed, muted track from its left end, so each step writes one run of cells per row; it grows
//! with the room it is given, up to eight rows and a track sixteen cells wide for each row.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::session::{BreathPhase, BreathState, display_secs};
use crate::tui::theme::Theme;

/// How many sizes the bar can take; bounds the animation to a few frames a second.
pub const LEVELS: u32 = 16;
/// Never animate faster than this, whatever the breathing pattern.
pub const MIN_FRAME: Duration = Duration::from_millis(100);
/// The most rows the bar takes, on a large screen.
pub const MAX_ROWS: u16 = 8;
/// The track's width for each row of the bar, so it keeps its shape as it grows beyond
/// three rows (and stays 48 cells wide at most in three rows or fewer).
const CELLS_PER_ROW: u16 = 16;

/// The pacer for one moment of a breath.
#[derive(Debug, Clone, PartialEq)]
pub struct Pacer<'a> {
    pub breath: &'a BreathState,
    /// Words and seconds only, no moving bar.
    pub reduced_motion: bool,
    pub theme: Theme,
}

/// How full the lungs are, as a bar level from 0 to `LEVELS`. A level changes at each
/// whole sixteenth of the phase, so whenever that falls on a whole second (as every fourth
/// does in a four-second breath) the bar and the seconds change in the same frame.
#[must_use]
pub fn level(breath: &BreathState) -> u32 {
    // progress is within 0..=1, so the product fits easily.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let steps = (breath.progress.clamp(0.0, 1.0) * f64::from(LEVELS)).floor() as u32;
    match breath.phase {
        BreathPhase::Inhale => steps,
        BreathPhase::Hold => LEVELS,
        BreathPhase::Exhale => LEVELS - steps,
        BreathPhase::HoldAfter => 0,
    }
}

/// Time until the bar's level next changes while it moves (in or out), never under `MIN_FRAME`.
#[must_use]
pub fn until_next_level(breath: &BreathState) -> Option<Duration> {
    if !matches!(breath.phase, BreathPhase::Inhale | BreathPhase::Exhale) || breath.progress >= 1.0
    {
        return None;
    }
    let per_progress = breath.remaining.as_secs_f64() / (1.0 - breath.progress);
    let step = 1.0 / f64::from(LEVELS);
    let next_boundary = ((breath.progress / step).floor() + 1.0) * step;
    let wait = (next_boundary - breath.progress).max(0.0) * per_progress;
    Some(Duration::from_secs_f64(wait).max(MIN_FRAME))
}

impl Widget for Pacer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let words = format!(
            "{} · {}",
            self.breath.phase.label(),
            display_secs(self.breath.remaining)
        );
        let mut lines = Vec::new();
        if !self.reduced_motion {
            let rows = area.height.saturating_sub(1).clamp(1, MAX_ROWS);
            // Two columns of margin each side, when there is room for them.
            let room = if area.width > 4 {
                area.width - 4
            } else {
                area.width
            };
            let track = room.min(CELLS_PER_ROW * rows.max(3));
            let bar = bar(level(self.breath), track, self.theme);
            for _ in 0..rows {
                lines.push(bar.clone());
            }
        }
        lines.push(Line::styled(words, self.theme.title()));
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .render(area, buf);
    }
}

/// The bar for a level: a track `track` cells wide, filled from its left end, the rest of it
/// muted.
fn bar(level: u32, track: u16, theme: Theme) -> Line<'static> {
    let filled = usize::try_from(u32::from(track) * level.min(LEVELS) / LEVELS).unwrap_or(0);
    let rest = usize::from(track).saturating_sub(filled);
    Line::from(vec![
        Span::styled("█".repeat(filled), theme.pacer()),
        Span::styled("░".repeat(rest), theme.muted()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breath(phase: BreathPhase, progress: f64, remaining_ms: u64) -> BreathState {
        BreathState {
            phase,
            progress,
            remaining: Duration::from_millis(remaining_ms),
        }
    }

    #[test]
    fn the_bar_fills_in_holds_full_and_empties_out() {
        assert_eq!(level(&breath(BreathPhase::Inhale, 0.0, 4000)), 0);
        assert_eq!(level(&breath(BreathPhase::Inhale, 0.06, 3760)), 0);
        assert_eq!(level(&breath(BreathPhase::Inhale, 0.5, 2000)), LEVELS / 2);
        assert_eq!(level(&breath(BreathPhase::Exhale, 0.0, 4000)), LEVELS);
        assert_eq!(level(&breath(BreathPhase::Hold, 0.3, 2000)), LEVELS);
        assert_eq!(
            level(&breath(BreathPhase::Exhale, 0.25, 3000)),
            LEVELS * 3 / 4
        );
        assert_eq!(level(&breath(BreathPhase::HoldAfter, 0.9, 100)), 0);
    }

    #[test]
    fn holds_never_ask_for_frames() {
        assert_eq!(
            until_next_level(&breath(BreathPhase::Hold, 0.5, 2000)),
            None
        );
        assert_eq!(
            until_next_level(&breath(BreathPhase::HoldAfter, 0.5, 2000)),
            None
        );
    }

    #[test]
    fn the_next_frame_is_when_the_level_changes_but_not_sooner_than_100ms() {
        // A 16 s inhale: one level per second, on the whole seconds.
        let wait = until_next_level(&breath(BreathPhase::Inhale, 0.0, 16_000)).unwrap();
        assert_eq!(wait.as_millis(), 1000);
        let wait = until_next_level(&breath(BreathPhase::Inhale, 0.125, 14_000)).unwrap();
        assert_eq!(wait.as_millis(), 1000);
        // A fast 1 s exhale would change every 62.5 ms: capped at 100 ms.
        let wait = until_next_level(&breath(BreathPhase::Exhale, 0.0, 1000)).unwrap();
        assert_eq!(wait, MIN_FRAME);
    }

    #[test]
    fn in_little_room_the_pacer_draws_what_fits() {
        let state = breath(BreathPhase::Inhale, 0.5, 2000);
        let pacer = Pacer {
            breath: &state,
            reduced_motion: false,
            theme: Theme::plain(),
        };
        let mut buf = Buffer::empty(Rect::ZERO);
        pacer.clone().render(Rect::ZERO, &mut buf);
        assert_eq!(buf, Buffer::empty(Rect::ZERO));
        let mut buf = Buffer::empty(Rect::new(0, 0, 1, 1));
        pacer.render(buf.area, &mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "░");
    }

    #[test]
    fn the_bar_fills_its_track_from_the_left_and_grows_with_the_room() {
        let state = breath(BreathPhase::Inhale, 0.5, 2000);
        let draw = |width, height| {
            let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
            Pacer {
                breath: &state,
                reduced_motion: false,
                theme: Theme::plain(),
            }
            .render(buf.area, &mut buf);
            buf
        };
        // Two rows: a track of 36 cells (all that fits), half full, centred in 40.
        let row = format!("  {}{}  ", "█".repeat(18), "░".repeat(18));
        let words = format!("{:^40}", "Breathe in · 2");
        let small = draw(40, 3);
        let text = |y| (0..40).map(|x| small[(x, y)].symbol()).collect::<String>();
        assert_eq!([text(0), text(1), text(2)], [row.clone(), row, words]);
        // Much room: eight rows at most, 128 cells wide.
        let big = draw(160, 12);
        let filled = |y| (0..160).filter(|&x| big[(x, y)].symbol() == "█").count();
        assert_eq!((0..8).map(filled).collect::<Vec<_>>(), [64; 8]);
        assert_eq!(filled(8), 0);
        assert_eq!(big[(16, 0)].symbol(), "█");
    }

    #[test]
    fn reduced_motion_shows_words_and_seconds_only() {
        let state = breath(BreathPhase::Exhale, 0.5, 2500);
        let pacer = Pacer {
            breath: &state,
            reduced_motion: true,
            theme: Theme::plain(),
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 2));
        pacer.render(buf.area, &mut buf);
        let rows: Vec<String> = (0..2)
            .map(|y| (0..20).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        assert_eq!(rows, ["   Breathe out · 3  ", "                    "]);
    }
}
