//! Text measured as a terminal shows it: wide (East Asian, emoji) characters take two
//! columns, combining marks none, so a table or a layout never breaks on them.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns `text` takes in a terminal.
#[must_use]
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` padded with spaces on the right to `columns` (never cut).
#[must_use]
pub fn pad(text: &str, columns: usize) -> String {
    let fill = columns.saturating_sub(width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// `text` cut to at most `columns`, ending in `…` when anything was cut.
#[must_use]
pub fn fit(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > columns {
            break;
        }
        used += w;
        out.push(c);
    }
    if columns > 0 {
        out.push('…');
    }
    out
}

/// The end of `text` that fits in `columns`, for a line being typed whose end must show.
#[must_use]
pub fn tail(text: &str, columns: usize) -> String {
    let mut used = 0;
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| {
            used += c.width().unwrap_or(0);
            used <= columns
        })
        .last()
        .map_or(text.len(), |(i, _)| i);
    text[start..].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_and_combining_characters_are_measured_as_shown() {
        assert_eq!(width("猫"), 2);
        assert_eq!(width("🐈"), 2);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(pad("猫", 4), "猫  ");
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_by_columns() {
        assert_eq!(fit("morning", 10), "morning");
        assert_eq!(fit("morning", 5), "morn…");
        assert_eq!(fit("猫猫猫", 4), "猫…");
        assert_eq!(fit("abc", 1), "…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn tail_keeps_the_end_that_fits() {
        assert_eq!(tail("morning", 3), "ing");
        assert_eq!(tail("猫猫猫", 5), "猫猫");
        assert_eq!(tail("ab", 5), "ab");
        assert_eq!(tail("ab", 0), "");
    }
}
