//! The stiffness chart: weekly means of the before, after and waking ratings as lines, each
//! with its own mark at every week (so the lines read without colour) and a legend, the
//! daily ratings faint behind them while there are few enough not to smear, and dates on
//! the time axis.

use chrono::Days;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::widgets::{
    Axis, Block, Chart, Dataset, GraphType, LegendPosition, Paragraph, Widget, Wrap,
};

use crate::progress::trends::{CHART_DAYS, StiffnessPoint, StiffnessSeries, weekly_means};
use crate::tui::theme::Theme;

const EMPTY: &str = "No ratings yet. Rate your stiffness before and after a session, or check in \
                     in the morning, and they appear here.";
/// Width from which the time axis carries five dates instead of three.
const WIDE: u16 = 70;

/// The chart of a progress model's stiffness series, inside `block`.
#[derive(Debug, Clone)]
pub struct StiffnessChart<'a> {
    pub series: &'a StiffnessSeries,
    pub block: Block<'a>,
    pub theme: Theme,
}

/// One line: its legend name (mark included), mark and style.
struct Line<'a> {
    name: &'static str,
    marker: Marker,
    style: Style,
    points: &'a [StiffnessPoint],
}

impl StiffnessChart<'_> {
    fn lines(&self) -> [Line<'_>; 3] {
        let s = self.series;
        [
            Line {
                name: "• before",
                marker: Marker::Dot,
                style: self.theme.heading(),
                points: &s.before,
            },
            Line {
                name: "▄ after",
                marker: Marker::Bar,
                style: self.theme.good(),
                points: &s.after,
            },
            Line {
                name: "█ waking",
                marker: Marker::Block,
                style: self.theme.pacer(),
                points: &s.mornings,
            },
        ]
    }

    fn x_axis(&self, width: u16) -> Axis<'static> {
        let count: u64 = if width >= WIDE { 5 } else { 3 };
        let labels: Vec<String> = (0..count)
            .map(|i| {
                let day = (CHART_DAYS - 1) * i / (count - 1);
                (self.series.start + Days::new(day))
                    .format("%-d %b")
                    .to_string()
            })
            .collect();
        #[allow(clippy::cast_precision_loss)]
        let end = CHART_DAYS as f64;
        Axis::default()
            .bounds([0.0, end])
            .labels(labels)
            .style(self.theme.muted())
    }
}

fn daily(points: &[StiffnessPoint]) -> Vec<(f64, f64)> {
    points.iter().map(|p| (p.x, f64::from(p.value))).collect()
}

impl Widget for StiffnessChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = self.lines();
        if lines.iter().all(|l| l.points.is_empty()) {
            Paragraph::new(EMPTY)
                .style(self.theme.muted())
                .wrap(Wrap { trim: true })
                .block(self.block.clone())
                .render(area, buf);
            return;
        }
        let weekly: Vec<Vec<(f64, f64)>> = lines.iter().map(|l| weekly_means(l.points)).collect();
        let plot_width = usize::from(area.width.saturating_sub(8));
        let few = lines.iter().map(|l| l.points.len()).sum::<usize>() <= plot_width;
        let faint: Vec<Vec<(f64, f64)>> = if few {
            lines.iter().map(|l| daily(l.points)).collect()
        } else {
            Vec::new()
        };
        let mut datasets: Vec<Dataset> = faint
            .iter()
            .map(|points| {
                Dataset::default()
                    .marker(Marker::Braille)
                    .graph_type(GraphType::Scatter)
                    .style(self.theme.muted())
                    .data(points)
            })
            .collect();
        for (line, points) in lines.iter().zip(&weekly) {
            datasets.push(
                Dataset::default()
                    .marker(Marker::Braille)
                    .graph_type(GraphType::Line)
                    .style(line.style)
                    .data(points),
            );
            datasets.push(
                Dataset::default()
                    .name(line.name)
                    .marker(line.marker)
                    .graph_type(GraphType::Scatter)
                    .style(line.style)
                    .data(points),
            );
        }
        let y_axis = Axis::default()
            .bounds([0.0, 10.0])
            .labels(["0", "5", "10"])
            .style(self.theme.muted());
        Chart::new(datasets)
            .block(self.block.clone())
            .x_axis(self.x_axis(area.width))
            .y_axis(y_axis)
            .legend_position(Some(LegendPosition::TopRight))
            .hidden_legend_constraints((Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)))
            .render(area, buf);
    }
}
