//! Small text helpers shared by every module that reports positions or shows file text.

/// The 1-based line and column (in characters) of a byte offset, for `PATH:LINE:COLUMN` messages.
#[must_use]
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Makes text from a file safe to print: control characters (escape sequences among them)
/// become spaces, so a routine or note can never drive the terminal.
#[must_use]
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Like [`sanitize`], but keeps line breaks, for messages of several lines.
#[must_use]
pub fn sanitize_lines(text: &str) -> String {
    text.lines().map(sanitize).collect::<Vec<_>>().join("\n")
}

/// Text cut to `width` characters, ending with "…" when something was cut.
#[must_use]
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    if width > 0 {
        cut.push('…');
    }
    cut
}

/// A duration as `m:ss`, rounded to the nearest second (`7:00`, `0:45`, `12:05`).
#[must_use]
pub fn mss(d: std::time::Duration) -> String {
    let total = (d.as_millis() + 500) / 1000;
    format!("{}:{:02}", total / 60, total % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(sanitize("a\u{1b}[2Jb\tc\u{9b}d"), "a [2Jb c d");
    }
}
