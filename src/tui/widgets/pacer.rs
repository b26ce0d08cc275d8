//! The breathing pacer: a bar that fills while breathing in, stays while holding and empties
//! while breathing out, with the phase's word and seconds left beneath it. The bar fills a
//! fixed, muted track from its left end, so each step writes one run of cells per row; it grows
//! with the room it is given, up to eight rows and a track sixteen cells wide for each row.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::session::{BreathPhase, BreathState, display_secs};
use crate::tui::theme::Theme;

/// How many sizes the bar can take.
pub const LEVELS: u32 = 16;
/// The bar moves on the half seconds of a phase, no more often: a three-second breath still
/// fills in six steps, and when a phase starts on a whole second (as every phase of a whole
/// number of seconds does) every other step comes with the countdown's next second, in one
/// frame. At most two frames a second, whatever the breathing pattern.
pub const STEP: Duration = Duration::from_millis(500);
/// A phase this long or longer moves its bar on whole seconds only, with the countdown: still
/// six steps or more.
pub const SLOW_PHASE: Duration = Duration::from_secs(6);

/// How often the bar of a phase of `length` moves: every `STEP`, or every second in a phase
/// of `SLOW_PHASE` or more.
fn step_of(length: Duration) -> Duration {
    if length >= SLOW_PHASE {
        Duration::from_secs(1)
    } else {
        STEP
    }
}
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

/// How full the lungs are, as a bar level from 0 to `LEVELS`: the phase's progress as of its
/// last whole step (see `step_of`).
#[must_use]
pub fn level(breath: &BreathState) -> u32 {
    let steps = steps_at(breath, breath.elapsed);
    match breath.phase {
        BreathPhase::Inhale => steps,
        BreathPhase::Hold => LEVELS,
        BreathPhase::Exhale => LEVELS - steps,
        BreathPhase::HoldAfter => 0,
    }
}

/// The sixteenths of `breath`'s phase passed by its last whole step before `elapsed`.
fn steps_at(breath: &BreathState, elapsed: Duration) -> u32 {
    let Some(length) = nanos(breath.length).filter(|&n| n > 0) else {
        return LEVELS;
    };
    let step = nanos(step_of(breath.length)).unwrap_or(1);
    let shown = nanos(elapsed).unwrap_or(u64::MAX) / step * step;
    let sixteenths = u128::from(shown) * u128::from(LEVELS) / u128::from(length);
    u32::try_from(sixteenths).map_or(LEVELS, |s| s.min(LEVELS))
}

fn nanos(d: Duration) -> Option<u64> {
    u64::try_from(d.as_nanos()).ok()
}

/// Time until the bar's level next changes while it moves (in or out): the first whole
/// step of the phase at which another sixteenth has passed. `None` when the phase ends
/// first (its end is a change the session announces itself).
#[must_use]
pub fn until_next_level(breath: &BreathState) -> Option<Duration> {
    if !matches!(breath.phase, BreathPhase::Inhale | BreathPhase::Exhale) {
        return None;
    }
    let now = steps_at(breath, breath.elapsed);
    let length = nanos(breath.length)?;
    let step = nanos(step_of(breath.length))?;
    // The moment the next sixteenth is reached, rounded up to a whole step.
    let boundary = (u128::from(length) * u128::from(now + 1)).div_ceil(u128::from(LEVELS));
    let at = u64::try_from(boundary.div_ceil(u128::from(step)) * u128::from(step)).ok()?;
    let at = Duration::from_nanos(at);
    (now < LEVELS && at < breath.length).then(|| at.saturating_sub(breath.elapsed))
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
        let mut words_area = area;
        if !self.reduced_motion {
            let rows = area.height.saturating_sub(1).clamp(1, MAX_ROWS);
            // Two columns of margin each side, when there is room for them.
            let room = if area.width > 4 {
                area.width - 4
            } else {
                area.width
            };
            let track = room.min(CELLS_PER_ROW * rows.max(3));
            for y in area.y..area.y + rows {
                self.bar(buf, Rect::new(area.x, y, area.width, 1), track);
            }
            words_area = Rect {
                y: area.y + rows,
                height: area.height - rows,
                ..area
            };
        }
        Paragraph::new(Line::styled(words, self.theme.title()))
            .alignment(Alignment::Center)
            .render(words_area, buf);
    }
}

impl Pacer<'_> {
    /// One row of the bar: a track `track` cells wide, centred in `row`, filled from its left
    /// end to the breath's level, the rest of it muted. Written cell by cell: the bar is all
    /// that changes in most frames of a session.
    fn bar(&self, buf: &mut Buffer, row: Rect, track: u16) {
        let filled = u16::try_from(u32::from(track) * level(self.breath) / LEVELS).unwrap_or(0);
        // Where a centred line of `track` cells starts, as a paragraph would put it.
        let start = row.x + (row.width / 2).saturating_sub(track / 2);
        for x in start..start + track {
            let (symbol, style) = if x - start < filled {
                ("█", self.theme.pacer())
            } else {
                ("░", self.theme.muted())
            };
            buf[(x, row.y)].set_symbol(symbol).set_style(style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A breath `elapsed_ms` into a phase of `length_ms`.
    fn breath(phase: BreathPhase, elapsed_ms: u64, length_ms: u64) -> BreathState {
        BreathState {
            phase,
            elapsed: Duration::from_millis(elapsed_ms),
            length: Duration::from_millis(length_ms),
            remaining: Duration::from_millis(length_ms - elapsed_ms),
        }
    }

    #[test]
    fn the_bar_fills_in_holds_full_and_empties_out_on_whole_half_seconds() {
        assert_eq!(level(&breath(BreathPhase::Inhale, 0, 4000)), 0);
        assert_eq!(level(&breath(BreathPhase::Inhale, 499, 4000)), 0);
        assert_eq!(level(&breath(BreathPhase::Inhale, 500, 4000)), 2);
        assert_eq!(level(&breath(BreathPhase::Inhale, 2400, 4000)), LEVELS / 2);
        assert_eq!(level(&breath(BreathPhase::Exhale, 0, 6000)), LEVELS);
        // Six seconds or more: whole seconds only.
        assert_eq!(level(&breath(BreathPhase::Exhale, 999, 6000)), LEVELS);
        assert_eq!(level(&breath(BreathPhase::Exhale, 1000, 6000)), LEVELS - 2);
        assert_eq!(level(&breath(BreathPhase::Hold, 300, 1000)), LEVELS);
        assert_eq!(
            level(&breath(BreathPhase::Exhale, 1000, 4000)),
            LEVELS * 3 / 4
        );
        assert_eq!(level(&breath(BreathPhase::HoldAfter, 900, 1000)), 0);
    }

    #[test]
    fn holds_never_ask_for_frames() {
        assert_eq!(
            until_next_level(&breath(BreathPhase::Hold, 500, 2000)),
            None
        );
        assert_eq!(
            until_next_level(&breath(BreathPhase::HoldAfter, 500, 2000)),
            None
        );
    }

    #[test]
    fn the_next_frame_is_the_next_half_second_that_changes_the_level() {
        let wait = |phase, elapsed, length| {
            until_next_level(&breath(phase, elapsed, length)).map(|d| d.as_millis())
        };
        assert_eq!(wait(BreathPhase::Inhale, 0, 4000), Some(500));
        // Woken a millisecond late, the next step still lands on the half second.
        assert_eq!(wait(BreathPhase::Inhale, 1001, 4000), Some(499));
        // A 16 s inhale changes its level once a second: the half seconds between ask for
        // nothing.
        assert_eq!(wait(BreathPhase::Inhale, 0, 16_000), Some(1000));
        assert_eq!(wait(BreathPhase::Exhale, 2000, 16_000), Some(1000));
        // A 1 s exhale steps once, halfway; its end is the session's own change.
        assert_eq!(wait(BreathPhase::Exhale, 0, 1000), Some(500));
        assert_eq!(wait(BreathPhase::Exhale, 500, 1000), None);
    }

    #[test]
    fn a_calm_breath_moves_in_on_half_seconds_and_out_on_whole_seconds() {
        // In for 4 s, out for 6 s: the frames the bar asks for in each, as the loop would
        // wake.
        let frames = |phase, length| {
            let mut frames = Vec::new();
            let mut at = 0;
            let mut shown = level(&breath(phase, 0, length));
            while let Some(wait) = until_next_level(&breath(phase, at, length)) {
                at += u64::try_from(wait.as_millis()).unwrap();
                let next = level(&breath(phase, at, length));
                assert_ne!(next, shown, "a frame at {at} ms changes the bar");
                shown = next;
                frames.push(at);
            }
            frames
        };
        assert_eq!(
            frames(BreathPhase::Inhale, 4000),
            [500, 1000, 1500, 2000, 2500, 3000, 3500]
        );
        assert_eq!(
            frames(BreathPhase::Exhale, 6000),
            [1000, 2000, 3000, 4000, 5000]
        );
    }

    #[test]
    fn in_little_room_the_pacer_draws_what_fits() {
        let state = breath(BreathPhase::Inhale, 2000, 4000);
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
        let state = breath(BreathPhase::Inhale, 2000, 4000);
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
        let state = breath(BreathPhase::Exhale, 2500, 5000);
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
