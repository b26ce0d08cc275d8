//! Progress: streaks and consistency, the calendar, stiffness over 8 weeks, the
//! wardrobes used lately, and the hints with the numbers behind them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::progress::ProgressModel;
use crate::progress::hints::DISCLAIMER;
use crate::progress::trends::RECENT_DAYS;
use crate::text::sanitize;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::heatmap::{self, Heatmap};
use crate::tui::widgets::stiffness::StiffnessChart;

/// The calendar pane's share of the width; the chart takes the rest.
const CALENDAR_PERCENT: u16 = 45;
/// Rows the calendar pane needs: its frame, the month names, seven weekdays, the legend.
const CALENDAR_ROWS: u16 = 2 + 8 + 2;

/// Draws the progress screen: the hints box takes the rows its text needs, the calendar and
/// the chart share the rest (side by side, or the calendar above the chart when there is
/// height for both); wider terminals get wider calendar cells.
pub fn render(frame: &mut Frame, area: Rect, model: &ProgressModel, theme: Theme) {
    let hints = hints(model, theme);
    let fixed = 2 + 2 + 1;
    let most = area.height.saturating_sub(fixed + CALENDAR_ROWS).max(3);
    let needed = u16::try_from(hints.line_count(area.width)).unwrap_or(u16::MAX);
    let [head, top, wardrobes, hints_area, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(2),
        Constraint::Length(needed.min(most)),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(headline(model, theme)), head);
    let cell_width = if area.width >= 120 { 2 } else { 1 };
    let [calendar, chart] = if top.height >= 2 * CALENDAR_ROWS {
        Layout::vertical([Constraint::Length(CALENDAR_ROWS), Constraint::Min(0)]).areas(top)
    } else {
        Layout::horizontal([Constraint::Percentage(CALENDAR_PERCENT), Constraint::Min(0)])
            .areas(top)
    };
    render_calendar(frame, calendar, model, cell_width, theme);
    frame.render_widget(
        StiffnessChart {
            series: &model.stiffness,
            block: Block::bordered()
                .title(" Stiffness, weekly means ")
                .border_style(theme.border())
                .title_style(theme.title()),
            theme,
        },
        chart,
    );
    frame.render_widget(
        Paragraph::new(usage(model))
            .style(theme.text())
            .wrap(Wrap { trim: true }),
        wardrobes,
    );
    frame.render_widget(hints, hints_area);
    frame.render_widget(Paragraph::new(DISCLAIMER).style(theme.muted()), footer);
}

fn headline(model: &ProgressModel, theme: Theme) -> Vec<Line<'static>> {
    let s = &model.streaks;
    let days = if s.current == 1 { "day" } else { "days" };
    vec![
        Line::from(vec![
            Span::styled(format!("Streak {} {days}", s.current), theme.good()),
            Span::styled(
                format!(
                    "  ·  best {}  ·  {} of the last 7 days  ·  consistency {}/100",
                    s.best, model.last_7, model.consistency
                ),
                theme.text(),
            ),
        ]),
        Line::default(),
    ]
}

fn render_calendar(
    frame: &mut Frame,
    area: Rect,
    model: &ProgressModel,
    cell_width: u16,
    theme: Theme,
) {
    let weeks = heatmap::weeks_that_fit(area.width.saturating_sub(2), cell_width)
        .min(model.calendar.weeks.len());
    let block = Block::bordered()
        .title(format!(" {weeks} weeks, today lit "))
        .border_style(theme.border())
        .title_style(theme.title());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [map, legend] = Layout::vertical([Constraint::Length(8), Constraint::Min(0)]).areas(inner);
    frame.render_widget(
        Heatmap {
            calendar: &model.calendar,
            cell_width,
            theme,
        },
        map,
    );
    let legend_text = heatmap::legend();
    frame.render_widget(
        Paragraph::new(legend_text)
            .style(theme.muted())
            .wrap(Wrap { trim: true }),
        legend,
    );
}

fn usage(model: &ProgressModel) -> String {
    let counts: Vec<String> = model
        .wardrobes
        .iter()
        .map(|w| format!("{} {}", sanitize(&w.wardrobe), w.sessions))
        .collect();
    let used = if counts.is_empty() {
        "no sessions".to_string()
    } else {
        counts.join(" · ")
    };
    let change = model.change.map_or_else(
        || "No session rated before and after yet".to_string(),
        |c| {
            format!(
                "Stiffness changes by {:+.1} across a session (mean of {})",
                c.mean, c.sessions
            )
        },
    );
    format!("Last {RECENT_DAYS} days: {used}. {change}.")
}

/// The hints and any warnings, in their box.
fn hints(model: &ProgressModel, theme: Theme) -> Paragraph<'static> {
    let mut lines: Vec<Line> = model
        .hints
        .iter()
        .map(|h| Line::styled(format!("• {h}"), theme.text()))
        .collect();
    for warning in &model.warnings {
        lines.push(Line::styled(sanitize(warning), theme.alert()));
    }
    let block = Block::bordered()
        .title(" Hints ")
        .title_bottom(format!(
            " {} ",
            keymap::footer(Context::Progress, |_, _| None)
        ))
        .border_style(theme.border())
        .title_style(theme.title());
    Paragraph::new(lines).block(block).wrap(Wrap { trim: true })
}
