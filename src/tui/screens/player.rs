//! The player: the step and its cue, a large countdown, the side, reps, the breathing pacer,
//! overall progress and what comes next. Drawn from one engine snapshot; holds no timing.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, LineGauge, Paragraph, Wrap};

use crate::routine::Step;
use crate::session::{PlayState, SegmentKind, Snapshot, Timeline, display_secs};
use crate::text::{mss, sanitize};
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;
use crate::tui::widgets::countdown::{self, Countdown};
use crate::tui::widgets::pacer::Pacer;

/// What the player shows besides the engine's snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overlay<'a> {
    /// "End session? (y/n)" is open.
    pub confirm_end: bool,
    pub reduced_motion: bool,
    /// A one-line notice, such as a step marked as painful.
    pub notice: Option<&'a str>,
}

/// Draws the player for one snapshot.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    timeline: &Timeline,
    snap: &Snapshot,
    overlay: Overlay,
    theme: Theme,
) {
    let view = View {
        timeline,
        snap,
        overlay,
        theme,
    };
    let [header, heading, cue, clock, pacer, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(2),
        Constraint::Length(countdown::HEIGHT + 1),
        Constraint::Length(5),
        Constraint::Length(3),
    ])
    .areas(area);
    view.header(frame, header);
    view.heading(frame, heading);
    view.cue(frame, cue);
    view.countdown(frame, clock);
    view.middle(frame, pacer);
    view.footer(frame, footer);
    if overlay.confirm_end {
        render_question(frame, area, theme);
    }
}

/// Everything one frame of the player is drawn from, so each part takes only its area.
struct View<'a> {
    timeline: &'a Timeline,
    snap: &'a Snapshot,
    overlay: Overlay<'a>,
    theme: Theme,
}

impl View<'_> {
    fn step(&self) -> Option<&Step> {
        self.timeline.steps.get(self.snap.segment.step)
    }

    fn header(&self, frame: &mut Frame, area: Rect) {
        let (timeline, theme) = (self.timeline, self.theme);
        let left = format!(
            "{} · {}",
            sanitize(&timeline.title),
            timeline.variant.as_str()
        );
        let right = format!("step {} of {}", self.snap.step_number, self.snap.step_count);
        let width = u16::try_from(right.len()).unwrap_or(u16::MAX);
        let [l, r] =
            Layout::horizontal([Constraint::Min(1), Constraint::Length(width)]).areas(area);
        frame.render_widget(Paragraph::new(left).style(theme.muted()), l);
        frame.render_widget(Paragraph::new(right).style(theme.muted()), r);
    }

    /// The step's name, or what the moment is for: "Get ready", "Switch sides", "Rest".
    fn heading(&self, frame: &mut Frame, area: Rect) {
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
        if let Some(side) = self.side_label() {
            spans.push(Span::styled(format!("  {side}"), theme.heading()));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    /// The side in words ("Left arm on top") while working it, and what comes next in the
    /// switch.
    fn side_label(&self) -> Option<String> {
        let label = sanitize(self.snap.side_label(self.timeline)?);
        let mut chars = label.chars();
        let first = chars.next()?.to_uppercase();
        let label = format!("{first}{}", chars.as_str());
        match self.snap.segment.kind {
            SegmentKind::Work => Some(label),
            SegmentKind::Switch => Some(format!("{label} next")),
            _ => None,
        }
    }

    fn cue(&self, frame: &mut Frame, area: Rect) {
        let text = match self.snap.segment.kind {
            SegmentKind::Switch => {
                "Change sides and settle into the same position on the other side.".to_string()
            }
            SegmentKind::Rest => "Rest and breathe easily.".to_string(),
            _ => self.step().map(|s| sanitize(&s.cue)).unwrap_or_default(),
        };
        let cue = Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .style(self.theme.text());
        frame.render_widget(cue, area);
    }

    fn countdown(&self, frame: &mut Frame, area: Rect) {
        let secs = display_secs(self.snap.segment_remaining);
        let text = format!("{}:{:02}", secs / 60, secs % 60);
        let style = self.theme.countdown();
        frame.render_widget(Countdown { text, style }, area);
    }

    /// Reps and the pacer, or "Paused" in their place.
    fn middle(&self, frame: &mut Frame, area: Rect) {
        let (snap, theme) = (self.snap, self.theme);
        let [reps, pacer] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        if snap.state == PlayState::Paused {
            let paused = Paragraph::new("Paused · Space to resume")
                .style(theme.alert())
                .alignment(Alignment::Center);
            frame.render_widget(paused, reps);
            return;
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
            frame.render_widget(line, reps);
        }
        if let Some(breath) = &snap.breath {
            let reduced_motion = self.overlay.reduced_motion;
            frame.render_widget(
                Pacer {
                    breath,
                    reduced_motion,
                    theme,
                },
                pacer,
            );
        }
    }

    /// A notice, the session's progress with the time left, and what comes next.
    fn footer(&self, frame: &mut Frame, area: Rect) {
        let (snap, theme) = (self.snap, self.theme);
        let [notice, gauge, next] = Layout::vertical([Constraint::Length(1); 3]).areas(area);
        if let Some(text) = self.overlay.notice {
            frame.render_widget(Paragraph::new(sanitize(text)).style(theme.alert()), notice);
        }
        let total = self.timeline.total.as_secs_f64().max(0.001);
        let ratio = (snap.elapsed.as_secs_f64() / total).clamp(0.0, 1.0);
        let label = format!(" {} left", mss(snap.remaining));
        let label_width = u16::try_from(label.chars().count()).unwrap_or(u16::MAX);
        let [bar, left] =
            Layout::horizontal([Constraint::Min(1), Constraint::Length(label_width)]).areas(gauge);
        let bar_widget = LineGauge::default()
            .ratio(ratio)
            .filled_style(theme.gauge())
            .unfilled_style(theme.muted())
            .filled_symbol("█")
            .unfilled_symbol("░")
            .label("");
        frame.render_widget(bar_widget, bar);
        frame.render_widget(Paragraph::new(label).style(theme.text()), left);
        let next_name = snap
            .next_step
            .and_then(|i| self.timeline.steps.get(i))
            .map_or_else(|| "the end".to_string(), |s| sanitize(&s.name));
        let line = Line::from(vec![
            Span::styled(format!("Next: {next_name}"), theme.text()),
            Span::styled(
                format!("   {}", keymap::footer(Context::Player, |_, _| None)),
                theme.muted(),
            ),
        ]);
        frame.render_widget(Paragraph::new(line), next);
    }
}

fn render_question(frame: &mut Frame, area: Rect, theme: Theme) {
    let box_area = centered(area, 30, 3);
    frame.render_widget(Clear, box_area);
    let question = Paragraph::new("End session? (y/n)")
        .alignment(Alignment::Center)
        .style(theme.alert())
        .block(Block::bordered().border_style(theme.border()));
    frame.render_widget(question, box_area);
}
