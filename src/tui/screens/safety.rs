//! "Before you start": who should check with a clinician first and when to get urgent care,
//! shown on the first run and from the help at any time. Scrolls when the terminal is small,
//! and says so, so nothing is cut without a sign.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

use crate::safety;
use crate::tui::theme::Theme;
use crate::tui::widgets::{centered, wrap_words};

/// The screen's state: how far it is scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Safety {
    pub scroll: u16,
    /// Shown on the first run: closing it records that it was read.
    pub first_run: bool,
}

impl Safety {
    /// Scrolls by `delta` lines; the render keeps it within the text.
    pub fn scroll_by(&mut self, delta: i16) {
        self.scroll = self.scroll.saturating_add_signed(delta).min(40);
    }
}

/// Draws the text in a box over the screen.
pub fn render(frame: &mut Frame, area: Rect, state: Safety, theme: Theme) {
    let box_area = centered(area, 76, 22);
    frame.render_widget(Clear, box_area);
    let block = Block::bordered()
        .title(format!(" {} ", safety::TITLE))
        .border_style(theme.border())
        .title_style(theme.title())
        .padding(Padding::horizontal(1));
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let width = usize::from(inner.width.max(1));
    let height = usize::from(inner.height);
    let mut lines: Vec<Line> = Vec::new();
    for (i, text) in safety::text_lines().iter().enumerate().skip(2) {
        let style = if text.ends_with(':') || i + 1 == safety::text_lines().len() {
            theme.heading()
        } else {
            theme.text()
        };
        let indent = if text.starts_with("- ") { "  " } else { "" };
        for part in wrap_words(text, width, indent) {
            lines.push(Line::styled(part, style));
        }
    }
    let footer = Line::styled("Enter to continue", theme.muted());
    let room = height.saturating_sub(1);
    let last_start = lines.len().saturating_sub(room);
    let start = usize::from(state.scroll).min(last_start);
    let more = start < last_start;
    let shown = if more { room.saturating_sub(1) } else { room };
    let mut visible: Vec<Line> = lines.into_iter().skip(start).take(shown).collect();
    if more {
        visible.push(Line::styled("… more below: Down or j", theme.muted()));
    }
    visible.push(footer);
    frame.render_widget(Paragraph::new(visible), inner);
}
