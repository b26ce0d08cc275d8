//! Small text helpers shared by every module that reports positions or shows file text:
//! the one sanitiser ([`sanitize`]) and display widths ([`width`]).

pub mod plain;
mod sanitize;
pub mod width;

pub use sanitize::is_bidi_control;
pub use width::{fit, pad, tail, width};

/// The 1-based line and column (in characters) of a byte offset, for `PATH:LINE:COLUMN` messages.
#[must_use]
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineStarts::new(text).locate(offset)
}

/// Where each line of a text starts, found once, so that naming the places of many problems
/// in one file takes time linear in its size.
pub struct LineStarts<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineStarts<'a> {
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let breaks = text.match_indices('\n').map(|(i, _)| i + 1);
        Self {
            text,
            starts: std::iter::once(0).chain(breaks).collect(),
        }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    #[must_use]
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

/// Makes text from a file or a person safe to print on one line: escape sequences, control
/// characters and bidirectional controls are removed, tabs and line breaks become spaces.
/// Every output boundary (the TUI and plain command output) goes through this or
/// [`sanitize_lines`].
#[must_use]
pub fn sanitize(text: &str) -> String {
    sanitize::clean(text, false)
}

/// Like [`sanitize`], but keeps line breaks, for messages and output of several lines.
#[must_use]
pub fn sanitize_lines(text: &str) -> String {
    sanitize::clean(text, true)
}

/// `line` marked as cut: it ends with "…", within `width` columns.
#[must_use]
pub fn mark_cut(line: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let line = line.trim_end();
    if line.width() < width {
        return format!("{line}…");
    }
    fit(&format!("{line}…"), width)
}

/// `text` wrapped at word boundaries into lines of at most `width` columns; a word longer
/// than a line is split. Line breaks in `text` are kept.
#[must_use]
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let needed = line.width() + usize::from(!line.is_empty()) + word.width();
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut rest = word;
            while rest.width() > width {
                let head = fit(rest, width + 1);
                let head = head.trim_end_matches('…');
                let split = head
                    .len()
                    .max(rest.chars().next().map_or(1, char::len_utf8));
                lines.push(rest[..split].to_string());
                rest = &rest[split..];
            }
            line.push_str(rest);
        }
        lines.push(line);
    }
    lines
}

/// A duration in whole seconds, rounded to the nearest one, as every screen shows it.
#[must_use]
pub fn nearest_second(d: std::time::Duration) -> u64 {
    u64::try_from((d.as_millis() + 500) / 1000).unwrap_or(u64::MAX)
}

/// A duration as `m:ss`, rounded to the nearest second (`7:00`, `0:45`, `12:05`).
#[must_use]
pub fn mss(d: std::time::Duration) -> String {
    let total = nearest_second(d);
    format!("{}:{:02}", total / 60, total % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole_and_splits_only_words_too_long() {
        assert_eq!(
            wrap("go only as far as stays comfortable", 12),
            ["go only as", "far as stays", "comfortable"]
        );
        assert_eq!(wrap("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(wrap("one\ntwo", 10), ["one", "two"]);
        assert_eq!(mark_cut("far as", 12), "far as…");
        assert_eq!(mark_cut("far as stays", 12), "far as stay…");
    }

    #[test]
    fn a_cut_line_ends_with_the_ellipsis() {
        assert_eq!(
            fit("go only as far as stays comfortable", 12),
            "go only as …"
        );
        assert_eq!(fit("fits", 4), "fits");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit("cut", 1), "…");
        assert_eq!(fit("cut", 0), "");
    }

    #[test]
    fn line_column_counts_from_one() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 7), (2, 4));
        assert_eq!(line_column(text, 8), (3, 1));
        assert_eq!(line_column(text, 999), (3, 2));
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_only_when_needed() {
        assert_eq!(fit("streak 3", 8), "streak 3");
        assert_eq!(fit("streak 3", 7), "streak…");
        assert_eq!(fit("streak", 1), "…");
        assert_eq!(fit("streak", 0), "");
    }

    #[test]
    fn mss_pads_seconds() {
        use std::time::Duration;
        assert_eq!(mss(Duration::from_secs(420)), "7:00");
        assert_eq!(mss(Duration::from_millis(45_400)), "0:45");
        assert_eq!(mss(Duration::from_secs(725)), "12:05");
    }

    #[test]
    fn sanitize_removes_escape_sequences() {
        assert_eq!(sanitize("a\u{1b}[2Jb\tc\u{9b}0md"), "ab cd");
        assert_eq!(sanitize_lines("a\u{202e}\nb\n"), "a\nb\n");
    }
}
