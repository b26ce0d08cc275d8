//! The one sanitiser: every text that came from a file or from a person passes through
//! [`clean`] before it reaches a terminal, a pipe or a file another program opens.
//!
//! Escape sequences of every kind (CSI, OSC, DCS, SOS, PM, APC and the short ESC forms, in
//! their 7-bit and 8-bit spellings) are removed whole; other C0 and C1 controls and DEL are
//! dropped, tabs and line breaks become spaces (or stay, for line breaks where they are meant),
//! and the bidirectional controls that can make a line read differently from what it is
//! (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C) never pass.

use std::iter::Peekable;
use std::str::Chars;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// The 8-bit string terminator.
const ST: char = '\u{9c}';

/// Cleans `text`; `keep_newlines` keeps `\n` (a message of several lines), otherwise every
/// line break becomes a space.
#[must_use]
pub fn clean(text: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\r' if keep_newlines && chars.peek() == Some(&'\n') => {}
            '\t' | '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            ESC => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The invisible characters that reorder text: embeddings, overrides, isolates and marks.
#[must_use]
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// After an ESC: the rest of whichever sequence it starts.
fn skip_escape(chars: &mut Peekable<Chars>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // ESC, intermediates (space to `/`), then one final character.
        Some(' '..='/') => {
            while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
            chars.next_if(|c| matches!(c, '0'..='~'));
        }
        _ => {}
    }
}

/// A control sequence: parameters and intermediates (space to `?`), then a final `@` to `~`.
fn skip_csi(chars: &mut Peekable<Chars>) {
    while chars.next_if(|c| matches!(c, ' '..='?')).is_some() {}
    chars.next_if(|c| matches!(c, '@'..='~'));
}

/// A string sequence (OSC, DCS, ...) up to BEL, ESC `\` or ST; unterminated, it runs to the end.
fn skip_string(chars: &mut Peekable<Chars>) {
    while let Some(c) = chars.next() {
        match c {
            BEL | ST => return,
            ESC => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::clean;

    fn one_line(text: &str) -> String {
        clean(text, false)
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        assert_eq!(one_line("a\u{1b}[2Jb\u{1b}[1;31mc\u{9b}0md"), "abcd");
    }

    #[test]
    fn osc_sequences_are_removed_with_either_terminator() {
        assert_eq!(one_line("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(one_line("a\u{1b}]52;c;aGk=\u{1b}\\b"), "ab");
        assert_eq!(one_line("a\u{9d}8;;http://x\u{9c}b"), "ab");
        assert_eq!(one_line("a\u{1b}]0;never ends"), "a");
    }

    #[test]
    fn dcs_apc_and_short_escapes_are_removed() {
        assert_eq!(
            one_line("a\u{1b}Pq#0\u{1b}\\b\u{1b}_x\u{7}c\u{1b}(Bd\u{1b}ce\u{1b}"),
            "abcde"
        );
    }

    #[test]
    fn controls_and_del_are_dropped_and_tabs_become_spaces() {
        assert_eq!(one_line("a\u{7}\u{0}\u{7f}\u{85}b\tc\u{8}d"), "a b cd");
    }

    #[test]
    fn bidi_controls_never_pass() {
        assert_eq!(
            one_line("abc\u{202e}fed\u{202c}\u{2066}x\u{2069}\u{200e}\u{200f}"),
            "abcfedx"
        );
    }

    #[test]
    fn line_breaks_stay_only_where_they_are_meant() {
        assert_eq!(one_line("a\nb\r\nc"), "a b  c");
        assert_eq!(clean("a\nb\r\nc\n", true), "a\nb\nc\n");
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        let text = "Cat–cow · 猫 🐈 é [2J ok";
        assert_eq!(one_line(text), text);
    }
}
