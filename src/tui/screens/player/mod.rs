//! The player: the step and its cue, a large countdown, the side, reps, the breathing pacer,
//! overall progress and what comes next. Drawn from one engine snapshot; holds no timing.

use std::rc::Rc;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Widget};

use crate::routine::Step;
use crate::session::{PlayState, SegmentKind, Snapshot, Timeline, display_secs, preview};
use crate::text::{fit, mss, nearest_second, sanitize, width};
use crate::tui::keymap::{self, Action, Context};
use crate::tui::screens::message;
use crate::tui::theme::Theme;
use crate::tui::widgets::countdown::{self, Countdown};
use crate::tui::widgets::cue::{Cue, CueCache, CueText};
use crate::tui::widgets::pacer::{self, Pacer};

mod moved;

pub use moved::Moved;

const SWITCH: &str = "Change sides and settle into the same position on the other side.";
const REST: &str = "Rest and breathe easily.";

/// What the player shows besides the engine's snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overlay<'a> {
    /// "End session? (y/n)" is open.
    pub confirm_end: bool,
    pub reduced_motion: bool,
    /// The cues are spoken.
    pub voice: bool,
    /// A learning run: the whole detail is shown, the countdown shrinking for it.
    pub learn: bool,
    /// A one-line notice, such as a step marked as painful.
    pub notice: Option<&'a str>,
}

/// The areas of the player's parts, top to bottom.
struct Parts {
    header: Rect,
    heading: Rect,
    cue: Rect,
    clock: Rect,
    middle: Rect,
    footer: Rect,
}

/// Rows of the reps line and the pacer (three rows of bar and its words), but on a large
/// screen.
const USUAL_MIDDLE: u16 = 5;

/// The heights of the player's parts. The short cue is never the part that loses room: the
/// large pacer and countdown shrink to their usual size, the countdown to one line, then the
/// blank under the heading, the pacer and the footer's notice row go, before the cue's last
/// line is marked as cut.
struct Rows {
    heading: u16,
    clock: u16,
    middle: u16,
    footer: u16,
}

impl Rows {
    fn fit(area: Rect, cue: u16) -> Self {
        let large = area.width >= 120 && area.height >= 40;
        let clock = if large {
            countdown::LARGE_HEIGHT
        } else {
            countdown::HEIGHT
        };
        let mut rows = Self {
            heading: 2,
            clock: clock + 1,
            // The reps line, the pacer's bar and its words.
            middle: if large {
                pacer::MAX_ROWS + 2
            } else {
                USUAL_MIDDLE
            },
            footer: 3,
        };
        let shrinks: [fn(&mut Self); 6] = [
            |r| r.middle = r.middle.min(USUAL_MIDDLE),
            |r| r.clock = r.clock.min(countdown::HEIGHT + 1),
            |r| r.clock = 1,
            |r| r.heading = 1,
            |r| r.middle = 2,
            |r| r.footer = 2,
        ];
        for shrink in shrinks {
            if rows.free(area) >= cue {
                break;
            }
            shrink(&mut rows);
        }
        rows
    }

    /// Rows left for the cue and its detail.
    fn free(&self, area: Rect) -> u16 {
        area.height
            .saturating_sub(1 + self.heading + self.clock + self.middle + self.footer)
    }
}

/// Everything one frame of the player is drawn from, so each part takes only its area.
pub struct Player<'a> {
    pub timeline: &'a Timeline,
    pub snap: &'a Snapshot,
    pub overlay: Overlay<'a>,
    pub theme: Theme,
    /// Keeps the cue's last wrap.
    pub cues: &'a CueCache,
}

impl Player<'_> {
    /// Draws the whole player.
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let (parts, cue) = self.layout(area);
        let buf = frame.buffer_mut();
        self.header(buf, parts.header);
        self.heading(buf, parts.heading);
        Cue {
            text: &cue,
            theme: self.theme,
        }
        .render(parts.cue, buf);
        self.countdown(buf, parts.clock);
        self.middle(buf, parts.middle);
        self.footer(buf, parts.footer);
        if self.overlay.confirm_end {
            message::render_question(frame, area, "End session? (y/n)", self.theme);
        }
    }

    /// Where each part goes in `area`, and the cue wrapped for its width.
    fn layout(&self, area: Rect) -> (Parts, Rc<CueText>) {
        let cue = self.cue_text(area.width);
        let needed = if self.overlay.learn {
            cue.rows()
        } else {
            cue.cue_rows()
        };
        let rows = Rows::fit(area, needed);
        let [header, heading, cue_area, clock, middle, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(rows.heading),
            Constraint::Min(0),
            Constraint::Length(rows.clock),
            Constraint::Length(rows.middle),
            Constraint::Length(rows.footer),
        ])
        .areas(area);
        let parts = Parts {
            header,
            heading,
            cue: cue_area,
            clock,
            middle,
            footer,
        };
        (parts, cue)
    }

    fn step(&self) -> Option<&Step> {
        self.timeline.steps.get(self.snap.segment.step)
    }

    fn header(&self, buf: &mut Buffer, area: Rect) {
        let (timeline, theme) = (self.timeline, self.theme);
        let learning = if self.overlay.learn {
            " · learning"
        } else {
            ""
        };
        let left = format!(
            "{} · {}{learning}",
            sanitize(&timeline.title),
            timeline.variant.as_str()
        );
        let right = format!("step {} of {}", self.snap.step_number, self.snap.step_count);
        let columns = u16::try_from(width(&right)).unwrap_or(u16::MAX);
        let [l, r] =
            Layout::horizontal([Constraint::Min(1), Constraint::Length(columns)]).areas(area);
        let left = fit(&left, usize::from(l.width));
        Paragraph::new(left).style(theme.muted()).render(l, buf);
        Paragraph::new(right).style(theme.muted()).render(r, buf);
    }

    /// The step's name, or what the moment is for: "Get ready", "Switch sides", "Rest".
    fn heading(&self, buf: &mut Buffer, area: Rect) {
        let theme = self.theme;
        let name = self.step().map(|s| sanitize(&s.name)).unwrap_or_default();
        let mut spans = match self.snap.segment.kind {
            SegmentKind::GetReady => vec![
                Span::styled("Get ready: ", theme.heading()),
                Span::styled(name, theme.title()),
            ],
            SegmentKind::Switch => vec![Span::styled("Switch sides", theme.heading())],
            SegmentKind::Rest => vec![Span::styled("Rest", theme.heading())],
            SegmentKind::Work => vec![Span::styled(name, theme.title())],
        };
        if self.step().is_some_and(|s| s.eased) && self.snap.segment.kind != SegmentKind::Rest {
            spans.push(Span::styled(" · easier version", theme.muted()));
        }
        if let Some(side) = self.side_label() {
            spans.push(Span::styled(format!("  {side}"), theme.heading()));
        }
        Paragraph::new(Line::from(spans)).render(area, buf);
    }

    /// The side in words ("Left arm on top") while working it, and what comes next in the
    /// switch.
    fn side_label(&self) -> Option<String> {
        let label = sanitize(self.snap.side_label(self.timeline)?);
        let mut chars = label.chars();
        let first = chars.next()?.to_uppercase();
        let label = format!("{first}{}", chars.as_str());
        match self.snap.segment.kind {
            SegmentKind::Work | SegmentKind::GetReady => Some(label),
            SegmentKind::Switch => Some(format!("{label} next")),
            SegmentKind::Rest => None,
        }
    }

    /// The words under the heading, wrapped for `width`: the step's short cue and detail,
    /// or what to do in a switch or a rest.
    fn cue_text(&self, width: u16) -> Rc<CueText> {
        let (cue, detail) = match self.snap.segment.kind {
            SegmentKind::Switch => (SWITCH, None),
            SegmentKind::Rest => (REST, None),
            _ => self
                .step()
                .map_or(("", None), |s| (s.cue.as_str(), s.detail.as_deref())),
        };
        self.cues.get(cue, detail, width)
    }

    fn countdown(&self, buf: &mut Buffer, area: Rect) {
        let secs = display_secs(self.snap.segment_remaining);
        let text = format!("{}:{:02}", secs / 60, secs % 60);
        let style = self.theme.countdown();
        Countdown { text, style }.render(area, buf);
    }

    /// Reps and the pacer, or "Paused" in their place.
    fn middle(&self, buf: &mut Buffer, area: Rect) {
        let [reps, pacer] = middle_rows(area);
        if self.snap.state == PlayState::Paused {
            let paused = Paragraph::new("Paused · Space to resume")
                .style(self.theme.alert())
                .alignment(Alignment::Center);
            paused.render(reps, buf);
            return;
        }
        self.reps(buf, reps);
        self.pacer(buf, pacer);
    }

    /// The rep and its part, or what the step coming up asks for while getting ready.
    fn reps(&self, buf: &mut Buffer, area: Rect) {
        let (snap, theme) = (self.snap, self.theme);
        if snap.segment.kind == SegmentKind::GetReady {
            let coming = self.step().map(preview).unwrap_or_default();
            let line = Paragraph::new(fit(&sanitize(&coming), usize::from(area.width)))
                .style(theme.heading())
                .alignment(Alignment::Center);
            line.render(area, buf);
        }
        if let Some(rep) = snap.rep {
            let text = format!(
                "rep {} of {} · {}",
                rep.current,
                rep.count,
                rep.part.label()
            );
            let line = Paragraph::new(text)
                .style(theme.heading())
                .alignment(Alignment::Center);
            line.render(area, buf);
        }
    }

    fn pacer(&self, buf: &mut Buffer, area: Rect) {
        if let Some(breath) = &self.snap.breath {
            Pacer {
                breath,
                reduced_motion: self.overlay.reduced_motion,
                theme: self.theme,
            }
            .render(area, buf);
        }
    }

    /// A notice, the session's progress with the time left, and what comes next.
    fn footer(&self, buf: &mut Buffer, area: Rect) {
        let [notice, gauge, next] = footer_rows(area, self.overlay.notice.is_some());
        if let Some(text) = self.overlay.notice {
            let line = fit(&sanitize(text), usize::from(notice.width));
            Paragraph::new(line)
                .style(self.theme.alert())
                .render(notice, buf);
        }
        self.gauge(buf, gauge);
        self.next(buf, next);
    }

    /// The session's progress and its time left.
    fn gauge(&self, buf: &mut Buffer, area: Rect) {
        let (snap, theme) = (self.snap, self.theme);
        // The bar moves with its time left, on the same whole seconds.
        let total = self.timeline.total.as_secs_f64().max(0.001);
        #[allow(clippy::cast_precision_loss)]
        let left = nearest_second(snap.remaining) as f64;
        let ratio = (1.0 - left / total).clamp(0.0, 1.0);
        let voice = if self.overlay.voice {
            " · voice on"
        } else {
            ""
        };
        let label = format!(" {} left{voice}", mss(snap.remaining));
        let label_width = u16::try_from(width(&label)).unwrap_or(u16::MAX);
        let [bar, left] =
            Layout::horizontal([Constraint::Min(1), Constraint::Length(label_width)]).areas(area);
        let bar_widget = LineGauge::default()
            .ratio(ratio)
            .filled_style(theme.gauge())
            .unfilled_style(theme.muted())
            .filled_symbol("█")
            .unfilled_symbol("░")
            .label("");
        bar_widget.render(bar, buf);
        Paragraph::new(label).style(theme.text()).render(left, buf);
    }

    /// What comes next, and the keys that fit beside it.
    fn next(&self, buf: &mut Buffer, next: Rect) {
        let (snap, theme) = (self.snap, self.theme);
        let next_name = snap
            .next_step
            .and_then(|i| self.timeline.steps.get(i))
            .map_or_else(|| "the end".to_string(), |s| sanitize(&s.name));
        let coming = format!("Next: {next_name}");
        let room = usize::from(next.width);
        // The keys give way to the next step's name, which ends with "…" if it is cut: the
        // fewest that fit beside it, or none.
        // Paused, Space resumes: the footer says so.
        let paused = snap.state == PlayState::Paused;
        let resume = |action, key: &str| {
            (paused && action == Action::TogglePause).then(|| format!("{key} resume"))
        };
        let keys = keymap::fit_footer(
            &keymap::footer(Context::Player, resume),
            room.saturating_sub(width(&coming) + 3),
        );
        let line = if !keys.is_empty() && !keys.ends_with('…') {
            Line::from(vec![
                Span::styled(coming, theme.text()),
                Span::styled(format!("   {keys}"), theme.muted()),
            ])
        } else {
            Line::styled(fit(&coming, room), theme.text())
        };
        Paragraph::new(line).render(next, buf);
    }
}

/// The reps line's row and the pacer's rows.
fn middle_rows(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area)
}

/// The footer's notice, gauge and next-step rows. Short of room, a notice takes the gauge's
/// row for as long as it shows.
fn footer_rows(area: Rect, notice: bool) -> [Rect; 3] {
    if area.height >= 3 {
        Layout::vertical([Constraint::Length(1); 3]).areas(area)
    } else if notice {
        let [notice, next] = Layout::vertical([Constraint::Length(1); 2]).areas(area);
        [notice, Rect::default(), next]
    } else {
        let [gauge, next] = Layout::vertical([Constraint::Length(1); 2]).areas(area);
        [Rect::default(), gauge, next]
    }
}
