//! The calendar heatmap: weekdays as rows, weeks as columns, each day shaded by its sessions,
//! with its own mark for rest days, short-version days and partial days, and today highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::progress::{Calendar, CalendarDay, DayKind};
use crate::tui::theme::Theme;

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/// Full days by completed sessions: one, two, three, four or more.
const SHADES: [char; 4] = ['░', '▒', '▓', '█'];

/// The heatmap of a calendar; `cell_width` 1 or 2 characters per day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heatmap<'a> {
    pub calendar: &'a Calendar,
    pub cell_width: u16,
    pub theme: Theme,
}

/// The character a day is drawn with.
#[must_use]
pub fn mark(day: &CalendarDay) -> char {
    match day.kind {
        DayKind::Empty => '·',
        DayKind::Future => ' ',
        DayKind::Partial => '-',
        DayKind::Rest => 'r',
        DayKind::Short => 's',
        DayKind::Full => SHADES[usize::from(day.sessions.clamp(1, 4)) - 1],
    }
}

/// The legend under the heatmap, in the same marks.
#[must_use]
pub fn legend() -> String {
    let shades: String = SHADES.iter().collect();
    format!("{shades} 1-4+ · s short · r rest\n- partial · none")
}

impl Widget for Heatmap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let cell = usize::from(self.cell_width.max(1));
        let room = usize::from(area.width.saturating_sub(4)) / cell;
        let skip = self.calendar.weeks.len().saturating_sub(room);
        let lines: Vec<Line> = (0..7)
            .map(|weekday| {
                let mut spans = vec![Span::styled(
                    format!("{} ", WEEKDAYS[weekday]),
                    self.theme.muted(),
                )];
                for week in &self.calendar.weeks[skip..] {
                    let day = &week[weekday];
                    let text = format!("{:<cell$}", mark(day));
                    let style = if day.date == self.calendar.today {
                        self.theme.selected()
                    } else {
                        self.theme.gauge()
                    };
                    spans.push(Span::styled(text, style));
                }
                Line::from(spans)
            })
            .collect();
        Paragraph::new(lines).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(kind: DayKind, sessions: u16) -> CalendarDay {
        let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        CalendarDay {
            date,
            sessions,
            kind,
        }
    }

    #[test]
    fn each_kind_of_day_has_its_own_mark_and_full_days_shade_by_count() {
        let marks: Vec<char> = [
            day(DayKind::Empty, 0),
            day(DayKind::Partial, 0),
            day(DayKind::Short, 1),
            day(DayKind::Rest, 0),
            day(DayKind::Full, 1),
            day(DayKind::Full, 3),
            day(DayKind::Full, 9),
        ]
        .iter()
        .map(mark)
        .collect();
        assert_eq!(marks, ['·', '-', 's', 'r', '░', '▓', '█']);
    }

    #[test]
    fn in_little_room_it_draws_what_fits() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let calendar = Calendar {
            weeks: vec![[day(DayKind::Full, 2); 7]],
            today,
        };
        let drawn = |w, h| {
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            Heatmap {
                calendar: &calendar,
                cell_width: 2,
                theme: Theme::plain(),
            }
            .render(area, &mut buf);
            buf
        };
        assert_eq!(drawn(0, 0), Buffer::empty(Rect::ZERO));
        assert_eq!(drawn(1, 1), Buffer::with_lines(["M"]));
        assert_eq!(drawn(3, 2), Buffer::with_lines(["Mon", "Tue"]));
    }
}
