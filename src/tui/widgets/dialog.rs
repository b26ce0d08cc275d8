//! A dialog box over a screen: a titled border in the middle of the area, its lines wrapped
//! inside, and the keys it offers as `key  what it does` lines.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

use super::centered;
use crate::tui::theme::Theme;

/// Draws `lines` in a box titled `title`, `width` wide and as tall as the lines plus
/// `spare_rows` (for the border and the lines that wrap), clearing what is under it.
pub fn dialog(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'_>>,
    (width, spare_rows): (u16, usize),
    theme: Theme,
) {
    let height = u16::try_from(lines.len() + spare_rows).unwrap_or(u16::MAX);
    let box_area = centered(area, width, height);
    frame.render_widget(Clear, box_area);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(theme.border())
        .title_style(theme.title())
        .padding(Padding::horizontal(1));
    let body = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(body, box_area);
}

/// One choice of a dialog: its key right-aligned in `key_width` columns, then what it does.
#[must_use]
pub fn choice(key: &str, does: &str, key_width: usize, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{key:>key_width$}  "), theme.heading()),
        Span::styled(does.to_string(), theme.text()),
    ])
}
