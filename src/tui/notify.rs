//! A desktop notification through the terminal: OSC 777 (rxvt, foot, Ghostty, `WezTerm` and
//! others) and OSC 9 (iTerm2, Windows Terminal, kitty), wrapped in tmux's passthrough when
//! poised runs inside tmux, so the escape reaches the terminal outside.

use crate::text::sanitize;

/// The notification's title.
const TITLE: &str = "poised";

/// The bytes that ask the terminal to show `body` as a desktop notification.
#[must_use]
pub fn notification(body: &str, tmux: bool) -> Vec<u8> {
    // `;` separates OSC 777's fields; control characters would end the sequence early.
    let body = sanitize(body).replace(';', ",");
    [
        format!("\x1b]777;notify;{TITLE};{body}\x1b\\"),
        format!("\x1b]9;{body}\x1b\\"),
    ]
    .iter()
    .flat_map(|sequence| passthrough(sequence, tmux).into_bytes())
    .collect()
}

/// tmux forwards a sequence to the outer terminal when it is wrapped in `ESC P tmux; ... ESC \`
/// with every escape inside doubled (it also needs `set -g allow-passthrough on`).
fn passthrough(sequence: &str, tmux: bool) -> String {
    if tmux {
        format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"))
    } else {
        sequence.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_sequences_carry_the_text() {
        let bytes = String::from_utf8(notification("Time for a reset", false)).unwrap();
        assert_eq!(
            bytes,
            "\x1b]777;notify;poised;Time for a reset\x1b\\\x1b]9;Time for a reset\x1b\\"
        );
    }

    #[test]
    fn inside_tmux_each_is_wrapped_with_its_escapes_doubled() {
        let bytes = String::from_utf8(notification("Reset", true)).unwrap();
        assert_eq!(
            bytes,
            "\x1bPtmux;\x1b\x1b]777;notify;poised;Reset\x1b\x1b\\\x1b\\\x1bPtmux;\x1b\x1b]9;Reset\x1b\x1b\\\x1b\\"
        );
    }

    #[test]
    fn text_cannot_end_the_sequence() {
        let bytes = String::from_utf8(notification("a\x07b;c\x1b", false)).unwrap();
        assert!(
            bytes.starts_with("\x1b]777;notify;poised;ab,c\x1b\\"),
            "{bytes:?}"
        );
    }
}
