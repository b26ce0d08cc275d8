//! Redrawing only what moves in the player while a session plays (the countdown, the reps
//! line and pacer, the session's progress), over the frame drawn before, so that a frame in
//! which only the pacer stepped costs a few rows instead of the whole screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use super::{Player, footer_rows, middle_rows};
use crate::session::{BreathPhase, BreathState, Snapshot, display_secs};
use crate::text::nearest_second;
use crate::tui::widgets::pacer;

/// Which of the player's moving parts changed between two snapshots of the same moment of
/// a session (the same segment, state and steps); `None` when anything else changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    /// The countdown's seconds.
    pub clock: bool,
    /// The reps line.
    pub reps: bool,
    /// The pacer's bar or words.
    pub pacer: bool,
    /// The session's progress bar and its time left, which move together.
    pub gauge: bool,
}

impl Moved {
    /// What moved from `drawn` to `next`, if only moving parts did.
    #[must_use]
    pub fn between(drawn: &Snapshot, next: &Snapshot) -> Option<Self> {
        let still = |s: &Snapshot| {
            (
                s.state,
                s.segment_index,
                s.segment,
                s.side,
                s.step_number,
                s.step_count,
                s.next_step,
            )
        };
        (still(drawn) == still(next)).then(|| Self {
            clock: display_secs(drawn.segment_remaining) != display_secs(next.segment_remaining),
            reps: drawn.rep != next.rep,
            pacer: shown(drawn.breath.as_ref()) != shown(next.breath.as_ref()),
            gauge: nearest_second(drawn.remaining) != nearest_second(next.remaining),
        })
    }
}

/// What the pacer shows of a breath: its words, seconds and bar.
fn shown(breath: Option<&BreathState>) -> Option<(BreathPhase, u64, u32)> {
    breath.map(|b| (b.phase, display_secs(b.remaining), pacer::level(b)))
}

impl Player<'_> {
    /// Draws only the parts that `moved` over the player drawn before (with the same
    /// overlay), and gives their areas.
    pub fn render_moved(&self, buf: &mut Buffer, moved: Moved) -> Vec<Rect> {
        let (parts, _) = self.layout(buf.area);
        let gauge = footer_rows(parts.footer, self.overlay.notice.is_some())[1];
        let [reps, pacer] = middle_rows(parts.middle);
        let mut drawn = Vec::new();
        let mut draw = |area: Rect, part: &dyn Fn(&mut Buffer, Rect)| {
            if !area.is_empty() {
                Clear.render(area, buf);
                part(buf, area);
                drawn.push(area);
            }
        };
        if moved.clock {
            draw(parts.clock, &|b, a| self.countdown(b, a));
        }
        if moved.reps {
            draw(reps, &|b, a| self.reps(b, a));
        }
        if moved.pacer {
            draw(pacer, &|b, a| self.pacer(b, a));
        }
        if moved.gauge {
            draw(gauge, &|b, a| self.gauge(b, a));
        }
        drawn
    }
}
