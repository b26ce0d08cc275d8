//! The one rule for free text in the journal: a single line of at most 1,000 characters.
//!
//! Every writer passes notes (and rest reasons) through [`sanitize_note`], so the file never
//! holds a line break or a terminal escape that a person did not see when typing.

use crate::text::sanitize;

/// The longest note kept, in characters.
pub const NOTE_MAX_CHARS: usize = 1_000;

/// Makes free text fit the journal: [`sanitize`] (line breaks and tabs become spaces, escape
/// sequences and other controls are dropped), surrounding spaces are trimmed, and the rest is
/// cut to [`NOTE_MAX_CHARS`] characters.
#[must_use]
pub fn sanitize_note(text: &str) -> String {
    sanitize(text)
        .trim()
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
    fn an_empty_note_is_no_note() {
        assert_eq!(note_or_none(" \n\u{7} "), None);
        assert_eq!(note_or_none(" ok "), Some("ok".to_string()));
    }
}
