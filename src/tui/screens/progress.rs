//! Progress: streaks and consistency, the calendar of the last weeks, stiffness over the
//! chart's days, the wardrobes used lately, and the hints with the numbers behind them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Wrap};

use crate::progress::hints::DISCLAIMER;
use crate::progress::trends::StiffnessPoint;
use crate::progress::trends::{CHART_DAYS, RECENT_DAYS};
use crate::progress::{CALENDAR_WEEKS, ProgressModel};
use crate::text::sanitize;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::heatmap::{self, Heatmap};

/// Draws the progress screen; wider terminals get wider calendar cells and a taller chart.
pub fn render(frame: &mut Frame, area: Rect, model: &ProgressModel, theme: Theme) {
    let wide = area.width >= 120;
    let top_height = if area.height >= 40 { 16 } else { 11 };
    let [head, top, wardrobes, hints, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(top_height),
        Constraint::Length(2),
        Constraint::Min(2),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(headline(model, theme)), head);
    let cell_width = if wide { 2 } else { 1 };
    let weeks = u16::try_from(CALENDAR_WEEKS).unwrap_or(u16::MAX);
    let calendar_width = 4 + weeks * cell_width + 2;
    let [calendar, chart] =
        Layout::horizontal([Constraint::Length(calendar_width), Constraint::Min(20)]).areas(top);
    render_calendar(frame, calendar, model, cell_width, theme);
    render_chart(frame, chart, model, theme);
    frame.render_widget(
        Paragraph::new(usage(model))
            .style(theme.text())
            .wrap(Wrap { trim: true }),
        wardrobes,
    );
    render_hints(frame, hints, model, theme);
    let keys = DISCLAIMER;
    frame.render_widget(Paragraph::new(keys).style(theme.muted()), footer);
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
    let block = Block::bordered()
        .title(format!(" {CALENDAR_WEEKS} weeks, today lit "))
        .border_style(theme.border())
        .title_style(theme.title());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [map, legend] = Layout::vertical([Constraint::Length(7), Constraint::Min(0)]).areas(inner);
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

fn points(series: &[StiffnessPoint]) -> Vec<(f64, f64)> {
    series.iter().map(|p| (p.x, f64::from(p.value))).collect()
}

fn render_chart(frame: &mut Frame, area: Rect, model: &ProgressModel, theme: Theme) {
    let s = &model.stiffness;
    let (before, after, mornings) = (points(&s.before), points(&s.after), points(&s.mornings));
    let datasets = vec![
        Dataset::default()
            .name("before")
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(theme.heading())
            .data(&before),
        Dataset::default()
            .name("after")
            .marker(Marker::Bar)
            .graph_type(GraphType::Scatter)
            .style(theme.good())
            .data(&after),
        Dataset::default()
            .name("mornings")
            .marker(Marker::Block)
            .graph_type(GraphType::Scatter)
            .style(theme.pacer())
            .data(&mornings),
    ];
    let middle = s.start + chrono::Days::new(CHART_DAYS / 2);
    let labels = [s.start, middle].map(|d| d.format("%d %b").to_string());
    let x_axis = Axis::default()
        .bounds([
            0.0,
            f64::from(u32::try_from(CHART_DAYS).unwrap_or(u32::MAX)),
        ])
        .labels([labels[0].clone(), labels[1].clone(), "today".to_string()])
        .style(theme.muted());
    let top = crate::journal::STIFFNESS_MAX;
    let y_axis = Axis::default()
        .bounds([0.0, f64::from(top)])
        .labels(["0".to_string(), (top / 2).to_string(), top.to_string()])
        .style(theme.muted());
    let block = Block::bordered()
        .title(" Stiffness: • before ▄ after █ morning ")
        .border_style(theme.border())
        .title_style(theme.title());
    let empty = before.is_empty() && after.is_empty() && mornings.is_empty();
    if empty {
        let text = "No ratings yet. Rate your stiffness before and after a session, or check in in the morning, and they appear here.";
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.muted())
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    let chart = Chart::new(datasets)
        .hidden_legend_constraints((Constraint::Length(0), Constraint::Length(0)))
        .block(block)
        .x_axis(x_axis)
        .y_axis(y_axis);
    frame.render_widget(chart, area);
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

fn render_hints(frame: &mut Frame, area: Rect, model: &ProgressModel, theme: Theme) {
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
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
