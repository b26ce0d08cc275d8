//! The help overlay: every key of the screen underneath, from the same table that dispatches
//! them, and the line that poised gives no medical advice, which is kept at every size: when
//! the room runs short the keys give way (the last one shown ends with "…"), never that line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::text::{fit, mark_cut, wrap};
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;

/// Shown under the keys of every screen.
pub const DISCLAIMER: &str = "poised gives no medical advice; stop if a movement hurts.";

/// Draws the keys of `context` in a box over the screen, then the help's own keys. The
/// disclaimer stays at every size: when room runs short, keys give way to "…".
pub fn render(frame: &mut Frame, area: Rect, context: Context, theme: Theme) {
    let mut keys = keymap::help(context);
    for key in keymap::help(Context::Help) {
        if !keys.iter().any(|(name, _)| *name == key.0) {
            keys.push(key);
        }
    }
    let key_width = keys.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let rows: Vec<String> = keys
        .iter()
        .map(|(key, does)| format!("{key:>key_width$}  {does}"))
        .collect();
    let widest = rows.iter().map(String::as_str).chain([DISCLAIMER]);
    let widest = widest.map(|r| r.chars().count()).max().unwrap_or(0);
    let inner = usize::from(area.width.saturating_sub(4)).min(widest);
    let disclaimer = wrap(DISCLAIMER, inner);
    let room = usize::from(area.height.saturating_sub(2));
    let key_room = room.saturating_sub(disclaimer.len() + 1);
    let mut lines: Vec<Line> = rows
        .iter()
        .take(key_room)
        .enumerate()
        .map(|(i, row)| {
            let cut = i + 1 == key_room && rows.len() > key_room;
            let text = if cut {
                mark_cut(row, inner)
            } else {
                fit(row, inner)
            };
            key_line(&text, key_width, theme)
        })
        .collect();
    if key_room > 0 {
        lines.push(Line::default());
    }
    lines.extend(
        disclaimer
            .into_iter()
            .map(|l| Line::styled(l, theme.muted())),
    );
    let width = u16::try_from(inner + 4).unwrap_or(u16::MAX);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let box_area = centered(area, width, height);
    frame.render_widget(Clear, box_area);
    let block = Block::bordered()
        .title(" Keys ")
        .border_style(theme.border())
        .title_style(theme.title());
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}

/// One key's row: the key in the heading style, what it does as text.
fn key_line(row: &str, key_width: usize, theme: Theme) -> Line<'static> {
    let split = row
        .char_indices()
        .nth(key_width + 2)
        .map_or(row.len(), |(i, _)| i);
    let (key, does) = row.split_at(split);
    Line::from(vec![
        Span::styled(key.to_string(), theme.heading()),
        Span::styled(does.to_string(), theme.text()),
    ])
}
