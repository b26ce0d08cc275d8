//! The calendar heatmap: a row of month names, then weekdays as rows and weeks as columns,
//! as many of the latest weeks as fit. Each kind of day has its own mark (so it reads
//! without colour), done days are solid and never faint, "none" is muted, today highlighted.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::progress::{Calendar, CalendarDay, DayKind};
use crate::tui::theme::Theme;

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/// The width of the weekday names and the space after them.
const LABEL_WIDTH: usize = 4;
/// Done days of the full version by completed sessions: one, two, three or more.
const SHADES: [char; 3] = ['▆', '▇', '█'];

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
        DayKind::Partial => '▁',
        DayKind::Rest => 'r',
        DayKind::Short => '▄',
        DayKind::Full => SHADES[usize::from(day.sessions.clamp(1, 3)) - 1],
    }
}

/// The legend under the heatmap, in the same marks.
#[must_use]
pub fn legend() -> String {
    let shades: String = SHADES.iter().collect();
    format!("{shades} done (1-3+) · ▄ short · ▁ partly · r rest · · none")
}

/// How many weeks fit in `width` columns.
#[must_use]
pub fn weeks_that_fit(width: u16, cell_width: u16) -> usize {
    usize::from(width).saturating_sub(LABEL_WIDTH) / usize::from(cell_width.max(1))
}

impl Heatmap<'_> {
    fn style(&self, day: CalendarDay) -> Style {
        if day.date == self.calendar.today {
            return self.theme.selected();
        }
        match day.kind {
            DayKind::Full | DayKind::Short => self.theme.gauge(),
            DayKind::Partial => self.theme.partly(),
            DayKind::Rest => self.theme.rest_day(),
            DayKind::Empty | DayKind::Future => self.theme.muted(),
        }
    }

    /// Month names over the week that holds the 1st (and over the first week shown), each
    /// only where it does not run into the next.
    fn months(&self, weeks: &[[CalendarDay; 7]], cell: usize) -> Line<'static> {
        let mut row = vec![' '; LABEL_WIDTH + weeks.len() * cell];
        let mut free_from = 0;
        for (i, week) in weeks.iter().enumerate() {
            let starts_month = week.iter().any(|d| d.date.day() == 1);
            let at = LABEL_WIDTH + i * cell;
            if (starts_month || i == 0) && at >= free_from {
                let name = week[6].date.format("%b").to_string();
                for (j, c) in name.chars().enumerate() {
                    if let Some(slot) = row.get_mut(at + j) {
                        *slot = c;
                    }
                }
                free_from = at + name.len() + 1;
            }
        }
        Line::styled(row.into_iter().collect::<String>(), self.theme.muted())
    }
}

impl Widget for Heatmap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let cell = usize::from(self.cell_width.max(1));
        let room = weeks_that_fit(area.width, self.cell_width);
        let skip = self.calendar.weeks.len().saturating_sub(room);
        let weeks = &self.calendar.weeks[skip..];
        let mut lines = vec![self.months(weeks, cell)];
        lines.extend((0..7).map(|weekday| {
            let mut spans = vec![Span::styled(
                format!("{} ", WEEKDAYS[weekday]),
                self.theme.muted(),
            )];
            spans.extend(weeks.iter().map(|week| {
                let day = &week[weekday];
                Span::styled(format!("{:<cell$}", mark(day)), self.style(*day))
            }));
            Line::from(spans)
        }));
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
    fn each_kind_of_day_has_its_own_mark_and_one_session_is_already_solid() {
        let marks: Vec<char> = [
            day(DayKind::Empty, 0),
            day(DayKind::Partial, 0),
            day(DayKind::Short, 1),
            day(DayKind::Rest, 0),
            day(DayKind::Full, 1),
            day(DayKind::Full, 2),
            day(DayKind::Full, 9),
        ]
        .iter()
        .map(mark)
        .collect();
        assert_eq!(marks, ['·', '▁', '▄', 'r', '▆', '▇', '█']);
    }

    /// Three weeks from Mon 26 Oct 2026: the 1st of November falls in the first week.
    fn calendar() -> Calendar {
        let first = NaiveDate::from_ymd_opt(2026, 10, 26).unwrap();
        let weeks = (0..3)
            .map(|w| {
                std::array::from_fn(|d| CalendarDay {
                    date: first + chrono::Days::new(7 * w + d as u64),
                    sessions: 1,
                    kind: DayKind::Full,
                })
            })
            .collect();
        Calendar {
            weeks,
            today: NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
        }
    }

    fn draw(width: u16, height: u16) -> Buffer {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        Heatmap {
            calendar: &calendar(),
            cell_width: 2,
            theme: Theme::plain(),
        }
        .render(area, &mut buf);
        buf
    }

    #[test]
    fn it_shows_month_names_and_the_latest_weeks_that_fit() {
        let buf = draw(10, 3);
        let mut expected = Buffer::with_lines(["    Nov   ", "Mon ▆ ▆ ▆ ", "Tue ▆ ▆ ▆ "]);
        expected.set_style(Rect::new(0, 0, 10, 3), Style::reset());
        let mut plain = buf.clone();
        plain.set_style(Rect::new(0, 0, 10, 3), Style::reset());
        assert_eq!(plain, expected);
        let narrow = draw(8, 2);
        let mut narrow_plain = narrow.clone();
        narrow_plain.set_style(Rect::new(0, 0, 8, 2), Style::reset());
        let mut expected = Buffer::with_lines(["    Nov ", "Mon ▆ ▆ "]);
        expected.set_style(Rect::new(0, 0, 8, 2), Style::reset());
        assert_eq!(narrow_plain, expected, "the two latest weeks");
    }

    #[test]
    fn at_1x1_it_draws_the_first_cell_of_the_month_row() {
        let buf = draw(1, 1);
        assert_eq!(buf[(0, 0)].symbol(), " ");
        assert_eq!(draw(0, 0).area.area(), 0);
    }
}
