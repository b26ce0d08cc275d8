//! The help overlay: every key of the screen underneath, from the same table that dispatches them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::safety;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;

/// Draws the keys of `context` in a box over the screen, then the help's own keys. The
/// not-medical-advice line stays at every size: when room runs short, keys give way to "…".
pub fn render(frame: &mut Frame, area: Rect, context: Context, theme: Theme) {
    let mut keys = keymap::help(context);
    for key in keymap::help(Context::Help) {
        if !keys.iter().any(|(name, _)| *name == key.0) {
            keys.push(key);
        }
    }
    let key_width = keys.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let inner_width = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(key, does)| {
            let does = ellipsize(does, inner_width.saturating_sub(key_width + 2));
            Line::from(vec![
                Span::styled(format!("{key:>key_width$}  "), theme.heading()),
                Span::styled(does, theme.text()),
            ])
        })
        .collect();
    let room = usize::from(area.height.saturating_sub(4));
    if lines.len() > room {
        lines.truncate(room.saturating_sub(1));
        lines.push(Line::styled("…", theme.muted()));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        ellipsize(safety::NOT_ADVICE, inner_width),
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

/// `text` cut to `width` characters, ending in "…" when anything was cut.
fn ellipsize(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{kept}…")
}
