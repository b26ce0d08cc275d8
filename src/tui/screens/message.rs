//! Messages drawn over any screen: the request for a larger terminal, and one-off notices
//! such as a failed save, shown until the next key.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::text::{fit, sanitize_lines, width};
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;

/// The end of a yes/no question.
const YES_NO: &str = " (y/n)";

/// Below this size the screens cannot be laid out; poised asks for more room instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Whether `area` is too small for any screen.
#[must_use]
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Asks for a larger terminal, in whatever room there is.
pub fn render_too_small(frame: &mut Frame, area: Rect, theme: Theme) {
    let text = format!("Please enlarge the terminal to at least {MIN_WIDTH}x{MIN_HEIGHT}.");
    let paragraph = Paragraph::new(text)
        .style(theme.alert())
        .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area);
}

/// A yes/no question in a small box in the middle: "End session? (y/n)". A question too
/// long for the screen gives way before its "(y/n)".
pub fn render_question(frame: &mut Frame, area: Rect, question: &str, theme: Theme) {
    let room = usize::from(area.width.saturating_sub(4));
    let question = match question.strip_suffix(YES_NO) {
        Some(head) => fit(head, room.saturating_sub(YES_NO.len())) + YES_NO,
        None => fit(question, room),
    };
    let width = u16::try_from(width(&question) + 6).unwrap_or(u16::MAX);
    let box_area = centered(area, width.max(30), 3);
    frame.render_widget(Clear, box_area);
    let question = Paragraph::new(question)
        .alignment(Alignment::Center)
        .style(theme.alert())
        .block(Block::bordered().border_style(theme.border()));
    frame.render_widget(question, box_area);
}

/// A message over the bottom of the screen, until the next key.
pub fn render_message(frame: &mut Frame, area: Rect, message: &str, theme: Theme) {
    let text = format!("{}\n(press any key)", sanitize_lines(message));
    let lines = u16::try_from(rows(&text, area.width) + 1).unwrap_or(u16::MAX);
    let [_, bottom] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(lines.min(area.height)),
    ])
    .areas(area);
    frame.render_widget(Clear, bottom);
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.alert())
            .wrap(Wrap { trim: false }),
        bottom,
    );
}

/// The rows `text` takes once its long lines wrap at `columns` (a word wrap may need a few
/// more, which the spare row above the message absorbs).
fn rows(text: &str, columns: u16) -> usize {
    let columns = usize::from(columns.max(1));
    text.lines()
        .map(|line| width(line).div_ceil(columns).max(1))
        .sum()
}
