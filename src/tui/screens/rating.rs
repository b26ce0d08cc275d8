//! The 0-10 stiffness question, asked before and after a session and on a morning check-in.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;

/// The highest rating: the worst stiffness the person knows.
pub use crate::journal::STIFFNESS_MAX as MAX;

/// A rating being chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rating {
    pub value: u8,
}

impl Default for Rating {
    fn default() -> Self {
        Self { value: MAX / 2 }
    }
}

impl Rating {
    /// One less, not below 0.
    pub fn less(&mut self) {
        self.value = self.value.saturating_sub(1);
    }

    /// One more, not above 10 (so 10 is Right from 9).
    pub fn more(&mut self) {
        self.value = (self.value + 1).min(MAX);
    }

    /// A digit typed directly.
    pub fn set(&mut self, digit: u8) {
        self.value = digit.min(MAX);
    }
}

/// Draws the question with the scale, the chosen value marked.
pub fn render(frame: &mut Frame, area: Rect, question: &str, rating: Rating, theme: Theme) {
    let scale: Vec<Span> = (0..=MAX)
        .map(|n| {
            let style = if n == rating.value {
                theme.selected()
            } else {
                theme.muted()
            };
            Span::styled(format!(" {n} "), style)
        })
        .collect();
    let lines = vec![
        Line::styled(question.to_string(), theme.title()),
        Line::default(),
        Line::from(scale),
        Line::styled(
            "0 none                      10 the worst you know",
            theme.muted(),
        ),
        Line::default(),
        Line::styled(format!("Your answer: {}", rating.value), theme.heading()),
        Line::default(),
        Line::styled(keymap::footer(Context::Rating, |_, _| None), theme.muted()),
    ];
    let box_area = centered(area, 56, 10);
    let block = Block::bordered().border_style(theme.border());
    let body = Paragraph::new(lines)
        .block(block)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: false });
    frame.render_widget(body, box_area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_is_right_from_nine_and_the_scale_is_bounded() {
        let mut r = Rating::default();
        r.set(9);
        r.more();
        assert_eq!(r.value, 10);
        r.more();
        assert_eq!(r.value, 10);
        r.set(0);
        r.less();
        assert_eq!(r.value, 0);
    }
}
