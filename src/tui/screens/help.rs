//! The help overlay: every key of the screen underneath, from the same table that dispatches them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;

/// Draws the keys of `context` in a box over the screen.
pub fn render(frame: &mut Frame, area: Rect, context: Context, theme: Theme) {
    let keys = keymap::help(context);
    let key_width = keys.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(key, does)| {
            Line::from(vec![
                Span::styled(format!("{key:>key_width$}  "), theme.heading()),
                Span::styled(*does, theme.text()),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(
        "poised gives no medical advice; stop if a movement hurts.",
        theme.muted(),
    ));
    let width =
        u16::try_from(lines.iter().map(Line::width).max().unwrap_or(0) + 4).unwrap_or(u16::MAX);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let box_area = centered(area, width, height);
    frame.render_widget(Clear, box_area);
    let block = Block::bordered()
        .title(" Keys ")
        .border_style(theme.border())
        .title_style(theme.title());
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
