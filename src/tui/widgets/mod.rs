//! Widgets that screens compose: each draws one thing and holds no state.

pub mod countdown;
pub mod cue;
pub mod dialog;
pub mod heatmap;
pub mod pacer;
pub mod stiffness;

use ratatui::layout::Rect;

/// A `width` x `height` rectangle in the middle of `area`, shrunk to fit.
#[must_use]
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Splits `text` into lines of at most `width` characters at spaces; lines after the first
/// start with `indent`. A word longer than a line is cut into pieces, never dropped.
#[must_use]
pub fn wrap_words(text: &str, width: usize, indent: &str) -> Vec<String> {
    let width = width.max(indent.chars().count() + 1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let used = line.chars().count();
        let fits = used == 0 || used + 1 + word.chars().count() <= width;
        if !fits {
            lines.push(std::mem::replace(&mut line, indent.to_string()));
        }
        if !line.is_empty() && line != indent {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > width {
            let head: String = line.chars().take(width).collect();
            let tail: String = line.chars().skip(width).collect();
            lines.push(head);
            line = format!("{indent}{tail}");
        }
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap_words;

    #[test]
    fn wraps_at_spaces_and_indents_what_follows() {
        assert_eq!(
            wrap_words("- new trouble passing urine", 12, "  "),
            ["- new", "  trouble", "  passing", "  urine"]
        );
        assert_eq!(wrap_words("short", 12, "  "), ["short"]);
    }

    #[test]
    fn a_long_word_is_cut_not_lost() {
        assert_eq!(wrap_words("abcdefgh", 4, ""), ["abcd", "efgh"]);
    }
}
