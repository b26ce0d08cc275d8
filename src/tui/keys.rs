//! The terminal's input bytes as key presses and pastes.
//!
//! poised reads the terminal itself instead of through crossterm's reader, which spins on
//! end-of-file (crossterm issue #793) and leaves keys queued behind a large paste until the
//! next key arrives (crossterm PR #1057). Every byte read is decoded at once; a sequence cut
//! by the end of a read waits for the rest. Only the keys poised uses are told apart; other
//! sequences (function keys, focus, mouse) are dropped whole.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const ESC: u8 = 0x1b;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// A key press or a bracketed paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    Key(KeyEvent),
    Paste(String),
}

/// Turns bytes into keys, keeping a sequence cut by the end of a read for the next one.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
    /// Inside a bracketed paste: the text so far.
    paste: Option<Vec<u8>>,
}

/// What the front of the pending bytes holds.
enum Token {
    Typed(Option<Typed>, usize),
    PasteStart,
    /// The rest of a sequence has not arrived yet.
    Incomplete,
}

impl Decoder {
    /// Decodes one read. `more_waiting` says the read filled its buffer, so a lone Esc at
    /// the end may be the start of a sequence rather than the Esc key.
    pub fn feed(&mut self, bytes: &[u8], more_waiting: bool) -> Vec<Typed> {
        self.pending.extend_from_slice(bytes);
        let mut out = Vec::new();
        let mut at = 0;
        loop {
            if let Some(paste) = &mut self.paste {
                let rest = &self.pending[at..];
                let Some(end) = find(rest, PASTE_END) else {
                    // Keep a possible start of the end marker for the next read.
                    let keep = rest.len().min(PASTE_END.len() - 1);
                    paste.extend_from_slice(&rest[..rest.len() - keep]);
                    at = self.pending.len() - keep;
                    break;
                };
                paste.extend_from_slice(&rest[..end]);
                let text = String::from_utf8_lossy(paste).into_owned();
                out.push(Typed::Paste(text));
                self.paste = None;
                at += end + PASTE_END.len();
                continue;
            }
            let rest = &self.pending[at..];
            if rest.is_empty() {
                break;
            }
            match token(rest) {
                Token::Typed(typed, used) => {
                    out.extend(typed);
                    at += used;
                }
                Token::PasteStart => {
                    self.paste = Some(Vec::new());
                    at += PASTE_START.len();
                }
                Token::Incomplete if rest == [ESC] && !more_waiting => {
                    out.push(Typed::Key(plain(KeyCode::Esc)));
                    at += 1;
                }
                Token::Incomplete => break,
            }
        }
        self.pending.drain(..at);
        out
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn plain(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn key(code: KeyCode, used: usize) -> Token {
    Token::Typed(Some(Typed::Key(plain(code))), used)
}

/// The token at the front of `bytes` (never empty).
fn token(bytes: &[u8]) -> Token {
    match bytes[0] {
        ESC => escape(bytes),
        b'\r' | b'\n' => key(KeyCode::Enter, 1),
        b'\t' => key(KeyCode::Tab, 1),
        0x7f | 0x08 => key(KeyCode::Backspace, 1),
        c @ 0x01..=0x1a => {
            let letter = char::from(c - 1 + b'a');
            let ctrl = KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL);
            Token::Typed(Some(Typed::Key(ctrl)), 1)
        }
        0x00..=0x1f => Token::Typed(None, 1),
        _ => utf8(bytes),
    }
}

/// One character, or `Incomplete` when its last bytes have not arrived yet.
fn utf8(bytes: &[u8]) -> Token {
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Token::Typed(None, 1),
    };
    let Some(encoded) = bytes.get(..len) else {
        return Token::Incomplete;
    };
    match std::str::from_utf8(encoded)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => key(KeyCode::Char(c), len),
        None => Token::Typed(None, 1),
    }
}

/// A sequence that starts with Esc: CSI (`Esc [`), SS3 (`Esc O`), Esc Esc, or Alt and a key.
fn escape(bytes: &[u8]) -> Token {
    match bytes.get(1) {
        None => Token::Incomplete,
        Some(b'[') => csi(bytes),
        Some(b'O') => match bytes.get(2) {
            None => Token::Incomplete,
            Some(&last) => Token::Typed(cursor_key(last).map(|c| Typed::Key(plain(c))), 3),
        },
        Some(&ESC) => key(KeyCode::Esc, 1),
        // Alt and a key reads as the key.
        Some(_) => match token(&bytes[1..]) {
            Token::Typed(typed, used) => Token::Typed(typed, used + 1),
            other => other,
        },
    }
}

/// `Esc [ parameters final`: the cursor keys, Home/End, PgUp/PgDn, Delete, and a paste's start.
fn csi(bytes: &[u8]) -> Token {
    let Some(end) = bytes[2..].iter().position(|b| (0x40..=0x7e).contains(b)) else {
        return Token::Incomplete;
    };
    let used = end + 3;
    let params = &bytes[2..used - 1];
    let last = bytes[used - 1];
    if &bytes[..used] == PASTE_START {
        return Token::PasteStart;
    }
    let code = match (last, params) {
        (b'~', b"1" | b"7") => Some(KeyCode::Home),
        (b'~', b"4" | b"8") => Some(KeyCode::End),
        (b'~', b"3") => Some(KeyCode::Delete),
        (b'~', b"5") => Some(KeyCode::PageUp),
        (b'~', b"6") => Some(KeyCode::PageDown),
        (b'Z', _) => Some(KeyCode::BackTab),
        (_, p) if !p.contains(&b'<') && !p.contains(&b'?') => cursor_key(last),
        _ => None,
    };
    Token::Typed(code.map(|c| Typed::Key(plain(c))), used)
}

fn cursor_key(last: u8) -> Option<KeyCode> {
    match last {
        b'A' => Some(KeyCode::Up),
        b'B' => Some(KeyCode::Down),
        b'C' => Some(KeyCode::Right),
        b'D' => Some(KeyCode::Left),
        b'H' => Some(KeyCode::Home),
        b'F' => Some(KeyCode::End),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(typed: &[Typed]) -> Vec<KeyCode> {
        typed
            .iter()
            .filter_map(|t| match t {
                Typed::Key(k) => Some(k.code),
                Typed::Paste(_) => None,
            })
            .collect()
    }

    #[test]
    fn keys_poised_uses_are_told_apart() {
        let mut d = Decoder::default();
        let typed = d.feed(b"q\r\x1b[A\x1bOB\x1b[6~\x7f\x1b[1;5C\x1b[M\xc3\xa9", false);
        assert_eq!(
            codes(&typed),
            [
                KeyCode::Char('q'),
                KeyCode::Enter,
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::PageDown,
                KeyCode::Backspace,
                KeyCode::Right,
                KeyCode::Char('é'),
            ]
        );
        let ctrl_c = d.feed(b"\x03", false);
        assert_eq!(
            ctrl_c,
            [Typed::Key(KeyEvent::new(
                KeyCode::Char('c'),
                KeyModifiers::CONTROL
            ))]
        );
    }

    #[test]
    fn a_lone_esc_is_the_key_unless_more_is_waiting() {
        let mut d = Decoder::default();
        assert_eq!(codes(&d.feed(b"\x1b", false)), [KeyCode::Esc]);
        assert!(d.feed(b"\x1b", true).is_empty(), "perhaps a sequence");
        assert_eq!(codes(&d.feed(b"[D", false)), [KeyCode::Left]);
        assert_eq!(
            codes(&d.feed(b"\x1b\x1b", false)),
            [KeyCode::Esc, KeyCode::Esc]
        );
    }

    #[test]
    fn a_sequence_or_character_cut_by_a_read_waits_for_its_rest() {
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b[5", false).is_empty());
        assert_eq!(codes(&d.feed(b"~", false)), [KeyCode::PageUp]);
        assert!(d.feed(b"\xe2\x82", false).is_empty());
        assert_eq!(codes(&d.feed(b"\xac", false)), [KeyCode::Char('€')]);
    }

    #[test]
    fn a_bracketed_paste_is_one_text_whatever_the_reads_and_keys_after_it_follow() {
        let mut d = Decoder::default();
        let mut typed = d.feed(b"\x1b[200~left q", true);
        typed.extend(d.feed(b"\rhip\x1b[2", true));
        typed.extend(d.feed(b"01~\r", false));
        assert_eq!(
            typed,
            [
                Typed::Paste("left q\rhip".into()),
                Typed::Key(plain(KeyCode::Enter)),
            ]
        );
    }
}
