//! The 0-10 stiffness question, asked before and after a session and on a morning check-in.

use std::time::Duration;

use chrono::NaiveTime;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;

/// The highest rating: the worst stiffness the person knows.
pub use crate::journal::STIFFNESS_MAX as MAX;

/// `1` then `0` typed within this long means 10.
pub const TEN_WITHIN: Duration = Duration::from_secs(1);

/// A rating being chosen. It starts with no answer, so an Enter pressed by accident records
/// nothing, and nothing suggests a number to anchor on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rating {
    pub value: Option<u8>,
    /// The last digit typed and when, so `1` `0` can mean 10.
    typed: Option<(u8, Duration)>,
    /// Enter was pressed with no answer: say what to do.
    pub prompted: bool,
    /// The answer was taken from the morning check-in given at this time.
    pub from_checkin: Option<NaiveTime>,
}

impl Rating {
    /// A question that starts from an earlier answer (after a session: the one before it).
    #[must_use]
    pub fn starting_at(value: Option<u8>) -> Self {
        Self {
            value,
            ..Self::default()
        }
    }

    /// A question answered in advance by a morning check-in, one key to confirm.
    #[must_use]
    pub fn from_checkin(value: u8, at: NaiveTime) -> Self {
        Self {
            value: Some(value.min(MAX)),
            from_checkin: Some(at),
            ..Self::default()
        }
    }

    /// One less, not below 0; from no answer, 0.
    pub fn less(&mut self) {
        self.value = Some(self.value.map_or(0, |v| v.saturating_sub(1)));
        self.touched();
    }

    /// One more, not above 10 (so 10 is Right from 9); from no answer, 0.
    pub fn more(&mut self) {
        self.value = Some(self.value.map_or(0, |v| (v + 1).min(MAX)));
        self.touched();
    }

    /// A digit typed at `now`: `1` then `0` within [`TEN_WITHIN`] means 10.
    pub fn type_digit(&mut self, digit: u8, now: Duration) {
        let ten = digit == 0
            && self
                .typed
                .is_some_and(|(last, at)| last == 1 && now.saturating_sub(at) < TEN_WITHIN);
        self.value = Some(if ten { MAX } else { digit.min(MAX) });
        self.touched();
        self.typed = (!ten).then_some((digit, now));
    }

    fn touched(&mut self) {
        self.typed = None;
        self.prompted = false;
        self.from_checkin = None;
    }
}

/// Draws the question with the scale, the chosen value marked.
pub fn render(frame: &mut Frame, area: Rect, question: &str, rating: Rating, theme: Theme) {
    let scale: Vec<Span> = (0..=MAX)
        .map(|n| {
            let style = if Some(n) == rating.value {
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
        answer_line(rating, theme),
        Line::default(),
        Line::styled(keymap::footer(Context::Rating, |_, _| None), theme.muted()),
    ];
    // Two rows to spare, for lines that wrap in a narrow terminal.
    let box_area = centered(area, 56, 12);
    let block = Block::bordered().border_style(theme.border());
    let body = Paragraph::new(lines)
        .block(block)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: false });
    frame.render_widget(body, box_area);
}

fn answer_line(rating: Rating, theme: Theme) -> Line<'static> {
    match (rating.value, rating.from_checkin, rating.prompted) {
        (Some(v), Some(at), _) => Line::styled(
            format!(
                "{v} from your {} check-in · Enter keeps it",
                at.format("%H:%M")
            ),
            theme.heading(),
        ),
        (Some(v), None, _) => Line::styled(format!("Your answer: {v}"), theme.heading()),
        (None, _, true) => Line::styled("Choose a number, or s to skip", theme.alert()),
        (None, _, false) => Line::styled("Your answer: -", theme.muted()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_is_right_from_nine_and_the_scale_is_bounded() {
        let mut r = Rating::default();
        r.type_digit(9, Duration::ZERO);
        r.more();
        assert_eq!(r.value, Some(10));
        r.more();
        assert_eq!(r.value, Some(10));
        r.type_digit(0, Duration::ZERO);
        r.less();
        assert_eq!(r.value, Some(0));
    }

    #[test]
    fn one_then_zero_within_a_second_is_ten_and_later_is_zero() {
        let mut r = Rating::default();
        r.type_digit(1, Duration::from_millis(100));
        r.type_digit(0, Duration::from_millis(1_099));
        assert_eq!(r.value, Some(10));
        let mut r = Rating::default();
        r.type_digit(1, Duration::from_millis(100));
        r.type_digit(0, Duration::from_millis(1_100));
        assert_eq!(r.value, Some(0));
    }

    #[test]
    fn ten_then_zero_is_zero_not_ten_again() {
        let mut r = Rating::default();
        r.type_digit(1, Duration::ZERO);
        r.type_digit(0, Duration::ZERO);
        r.type_digit(0, Duration::ZERO);
        assert_eq!(r.value, Some(0));
    }

    #[test]
    fn arrows_from_no_answer_start_at_zero() {
        let mut r = Rating::default();
        r.more();
        assert_eq!(r.value, Some(0));
    }
}
