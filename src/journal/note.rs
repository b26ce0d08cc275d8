//! The rules for free text in the journal: the file keeps a note (or a rest reason) as one
//! line without controls, and what a person types is at most 1,000 characters.
//!
//! The encoder passes every note through [`one_line`], so the file never holds a line break
//! or a terminal escape that a person did not see when typing; what a person types comes in
//! through [`note_or_none`], which also keeps it to [`NOTE_MAX_CHARS`]. A longer note written
//! by hand (or by a test of very large records) is kept whole.

use crate::text::sanitize;

/// The longest note a person types, in characters.
pub const NOTE_MAX_CHARS: usize = 1_000;

/// Makes free text fit the journal: [`sanitize`] (line breaks and tabs become spaces, escape
/// sequences and other controls are dropped) and surrounding spaces trimmed, at any length.
#[must_use]
pub fn one_line(text: &str) -> String {
    sanitize(text).trim().to_string()
}

/// [`one_line`], cut to [`NOTE_MAX_CHARS`] characters: a note as a person may type it.
#[must_use]
pub fn sanitize_note(text: &str) -> String {
    one_line(text)
        .chars()
        .take(NOTE_MAX_CHARS)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// A typed note: `None` when nothing is left after [`sanitize_note`], so an empty answer to
/// "Anything to note?" leaves the key out of the record.
#[must_use]
pub fn note_or_none(text: &str) -> Option<String> {
    Some(sanitize_note(text)).filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_and_tabs_become_spaces() {
        assert_eq!(
            sanitize_note("left hip\ntight\tafter\r\nbridges"),
            "left hip tight after  bridges"
        );
    }

    #[test]
    fn other_control_characters_are_dropped() {
        assert_eq!(
            sanitize_note("a\u{1b}[2Jb\u{7}c\u{0}\u{7f}\u{9b}0md"),
            "abcd"
        );
    }

    #[test]
    fn surrounding_spaces_are_trimmed() {
        assert_eq!(sanitize_note("  \n sore  \t"), "sore");
    }

    #[test]
    fn long_notes_are_cut_at_one_thousand_characters() {
        let long = "é".repeat(1_500);
        assert_eq!(sanitize_note(&long).chars().count(), NOTE_MAX_CHARS);
    }

    #[test]
    fn the_journal_keeps_a_long_note_whole_on_one_line() {
        let long = format!("{}\n{}", "a".repeat(3_000), "b".repeat(3_000));
        assert_eq!(one_line(&long).chars().count(), 6_001);
        assert!(!one_line(&long).contains('\n'));
    }

    #[test]
    fn an_empty_note_is_no_note() {
        assert_eq!(note_or_none(" \n\u{7} "), None);
        assert_eq!(note_or_none(" ok "), Some("ok".to_string()));
    }
}
