//! The breathing pacer: a bar that fills while breathing in, stays while holding and empties
//! while breathing out, with the phase's word and seconds left beneath it.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::session::{BreathPhase, BreathState, display_secs};
use crate::tui::theme::Theme;

/// How many sizes the bar can take; bounds the animation to a few frames a second.
pub const LEVELS: u32 = 16;
/// Never animate faster than this, whatever the breathing pattern.
pub const MIN_FRAME: Duration = Duration::from_millis(100);

/// The pacer for one moment of a breath.
#[derive(Debug, Clone, PartialEq)]
pub struct Pacer<'a> {
    pub breath: &'a BreathState,
    /// Words and seconds only, no moving bar.
    pub reduced_motion: bool,
    pub theme: Theme,
}

/// How full the lungs are, as a bar level from 0 to `LEVELS`.
#[must_use]
pub fn level(breath: &BreathState) -> u32 {
    let fullness = match breath.phase {
        BreathPhase::Inhale => breath.progress,
        BreathPhase::Hold => 1.0,
        BreathPhase::Exhale => 1.0 - breath.progress,
        BreathPhase::HoldAfter => 0.0,
    };
    // fullness is within 0..=1, so the product fits easily.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let level = (fullness.clamp(0.0, 1.0) * f64::from(LEVELS)).round() as u32;
    level
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
    // The level is rounded, so it changes halfway between two whole levels.
    let next_boundary = ((breath.progress / step - 0.5).floor() + 1.5) * step;
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
            let bar = bar(level(self.breath), area.width.saturating_sub(4));
            let rows = area.height.saturating_sub(1).clamp(1, 3);
            for _ in 0..rows {
                lines.push(Line::styled(bar.clone(), self.theme.pacer()));
            }
        }
        lines.push(Line::styled(words, self.theme.title()));
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .render(area, buf);
    }
}

/// The bar for a level within `max_width` cells; an empty breath shows a single dot.
fn bar(level: u32, max_width: u16) -> String {
    let cells = u32::from(max_width.min(48)) * level / LEVELS;
    if cells == 0 {
        "·".to_string()
    } else {
        "█".repeat(usize::try_from(cells).unwrap_or(0))
    }
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
        assert_eq!(level(&breath(BreathPhase::Inhale, 0.5, 2000)), LEVELS / 2);
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
        // A 16 s inhale: one level per second; at progress 0 the level turns 1 at 0.5 s.
        let wait = until_next_level(&breath(BreathPhase::Inhale, 0.0, 16_000)).unwrap();
        assert_eq!(wait.as_millis(), 500);
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
        assert_eq!(buf, Buffer::with_lines(["·"]));
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
