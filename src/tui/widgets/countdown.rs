//! The large m:ss countdown, drawn in a five-row block font when there is room for it, twice
//! that size on a large screen (readable from across a room), and as plain text otherwise.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// Rows of the block font.
pub const HEIGHT: u16 = 5;
/// Rows of the block font drawn at twice the size.
pub const LARGE_HEIGHT: u16 = HEIGHT * 2;

/// Each glyph as five rows of three cells; `#` is filled.
const GLYPHS: [(char, [&str; 5]); 11] = [
    ('0', ["###", "# #", "# #", "# #", "###"]),
    ('1', ["  #", "  #", "  #", "  #", "  #"]),
    ('2', ["###", "  #", "###", "#  ", "###"]),
    ('3', ["###", "  #", "###", "  #", "###"]),
    ('4', ["# #", "# #", "###", "  #", "  #"]),
    ('5', ["###", "#  ", "###", "  #", "###"]),
    ('6', ["###", "#  ", "###", "# #", "###"]),
    ('7', ["###", "  #", "  #", "  #", "  #"]),
    ('8', ["###", "# #", "###", "# #", "###"]),
    ('9', ["###", "# #", "###", "  #", "###"]),
    (':', ["   ", " # ", "   ", " # ", "   "]),
];

/// A countdown showing `text` (such as "2:05").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Countdown {
    pub text: String,
    pub style: Style,
}

impl Countdown {
    /// The cells the block font needs: three per glyph and one between glyphs.
    #[must_use]
    pub fn big_width(&self) -> u16 {
        let glyphs = u16::try_from(self.text.chars().count()).unwrap_or(u16::MAX);
        glyphs.saturating_mul(4).saturating_sub(1)
    }

    /// The block font with each cell drawn `scale` x `scale`.
    fn big_lines(&self, scale: usize) -> Vec<Line<'static>> {
        let gap = " ".repeat(scale);
        (0..usize::from(HEIGHT) * scale)
            .map(|row| {
                let cells: Vec<String> = self
                    .text
                    .chars()
                    .filter_map(|c| GLYPHS.iter().find(|(g, _)| *g == c))
                    .map(|(_, rows)| {
                        rows[row / scale]
                            .chars()
                            .map(|c| if c == '#' { "█" } else { " " }.repeat(scale))
                            .collect()
                    })
                    .collect();
                Line::styled(cells.join(&gap), self.style)
            })
            .collect()
    }
}

impl Widget for Countdown {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let large = area.height >= LARGE_HEIGHT && area.width >= self.big_width() * 2;
        let lines = if large {
            self.big_lines(2)
        } else if area.height >= HEIGHT && area.width >= self.big_width() {
            self.big_lines(1)
        } else {
            vec![Line::styled(fitted(&self.text, area.width), self.style)]
        };
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .render(area, buf);
    }
}

/// `text`, or as much as fits in `width` cells with an ellipsis to say it was cut.
fn fitted(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_digits_when_there_is_room() {
        let countdown = Countdown {
            text: "1:0".into(),
            style: Style::new(),
        };
        assert_eq!(countdown.big_width(), 11);
        let mut buf = Buffer::empty(Rect::new(0, 0, 11, 5));
        countdown.render(buf.area, &mut buf);
        let picture = [
            "  #     ###",
            "  #  #  # #",
            "  #     # #",
            "  #  #  # #",
            "  #     ###",
        ];
        assert_eq!(
            buf,
            Buffer::with_lines(picture.map(|row| row.replace('#', "█")))
        );
    }

    #[test]
    fn twice_the_size_when_there_is_room_for_it() {
        let countdown = Countdown {
            text: "1".into(),
            style: Style::new(),
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 10));
        countdown.render(buf.area, &mut buf);
        let row = "    ██";
        assert_eq!(buf, Buffer::with_lines([row; 10]));
    }

    #[test]
    fn plain_text_when_too_small_down_to_nothing() {
        let drawn = |w, h| {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            Countdown {
                text: "0:45".into(),
                style: Style::new(),
            }
            .render(buf.area, &mut buf);
            buf
        };
        assert_eq!(drawn(6, 1), Buffer::with_lines([" 0:45 "]));
        assert_eq!(drawn(3, 1), Buffer::with_lines(["0:…"]));
        assert_eq!(drawn(1, 1), Buffer::with_lines(["…"]));
        assert_eq!(drawn(0, 0), Buffer::empty(Rect::ZERO));
    }
}
