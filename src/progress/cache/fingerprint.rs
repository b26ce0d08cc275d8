//! A fast fingerprint of the journal's bytes, so the cache can tell whether the part of the
//! journal it summarises is still exactly what it read.
//!
//! Not cryptographic: it guards against edits, not attacks. Each 8-byte word goes through
//! steps that are each a bijection of the state (rotate, xor with the word, multiply by an
//! odd constant), so changing any single word always changes the result; the length is
//! folded in at the end. It can be continued, so the cache extends it over appended bytes,
//! and resumed from its state and the last few bytes, so continuing never rereads the past.

use std::io::{self, Read};

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;
const BLOCK: usize = 64 * 1024;

/// The running fingerprint of a byte stream.
#[derive(Debug, Clone, Default)]
pub struct Fingerprint {
    state: u64,
    pending: [u8; 8],
    pending_len: usize,
    len: u64,
}

impl Fingerprint {
    /// Hashes the first `len` bytes of a reader, in blocks, without holding them in memory.
    /// Fails with `UnexpectedEof` when the reader holds fewer.
    pub fn of_reader(reader: &mut impl Read, len: u64) -> io::Result<Self> {
        let mut fingerprint = Self::default();
        let mut buffer = vec![0_u8; BLOCK];
        let mut left = len;
        while left > 0 {
            let take = usize::try_from(left).map_or(BLOCK, |l| l.min(BLOCK));
            reader.read_exact(&mut buffer[..take])?;
            fingerprint.update(&buffer[..take]);
            left -= take as u64;
        }
        Ok(fingerprint)
    }

    /// The fingerprint of `len` bytes whose running state was `state` (from [`Self::state`])
    /// and whose last bytes end with `tail`, as if they had all been hashed again.
    #[must_use]
    pub fn resume(state: u64, len: u64, tail: &[u8]) -> Option<Self> {
        let pending_len = usize::try_from(len % 8).ok()?;
        let pending_bytes = tail.get(tail.len().checked_sub(pending_len)?..)?;
        let mut pending = [0_u8; 8];
        pending[..pending_len].copy_from_slice(pending_bytes);
        Some(Self {
            state,
            pending,
            pending_len,
            len,
        })
    }

    /// The running state over the whole 8-byte words so far, to [`Self::resume`] from.
    #[must_use]
    pub fn state(&self) -> u64 {
        self.state
    }

    /// How many bytes were hashed.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Continues over more bytes.
    pub fn update(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        if self.pending_len > 0 {
            let take = (8 - self.pending_len).min(bytes.len());
            self.pending[self.pending_len..self.pending_len + take].copy_from_slice(&bytes[..take]);
            self.pending_len += take;
            bytes = &bytes[take..];
            if self.pending_len < 8 {
                return;
            }
            self.state = step(self.state, u64::from_le_bytes(self.pending));
            self.pending_len = 0;
        }
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut word_bytes = [0_u8; 8];
            word_bytes.copy_from_slice(word);
            self.state = step(self.state, u64::from_le_bytes(word_bytes));
        }
        let rest = words.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.pending_len = rest.len();
    }

    /// The fingerprint of everything so far.
    #[must_use]
    pub fn value(&self) -> u64 {
        let mut last = [0_u8; 8];
        last[..self.pending_len].copy_from_slice(&self.pending[..self.pending_len]);
        step(step(self.state, u64::from_le_bytes(last)), self.len)
    }
}

impl PartialEq for Fingerprint {
    fn eq(&self, other: &Self) -> bool {
        (self.state, self.len) == (other.state, other.len)
            && self.pending[..self.pending_len] == other.pending[..other.pending_len]
    }
}

impl Eq for Fingerprint {}

/// The fingerprint of some bytes at once.
#[must_use]
pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut running = Fingerprint::default();
    running.update(bytes);
    running.value()
}

fn step(state: u64, word: u64) -> u64 {
    (state.rotate_left(23) ^ word).wrapping_mul(MULTIPLIER)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(bytes: &[u8]) -> u64 {
        Fingerprint::of_reader(&mut &bytes[..], bytes.len() as u64)
            .unwrap()
            .value()
    }

    #[test]
    fn any_single_byte_change_changes_the_fingerprint() {
        let text: Vec<u8> = (0..200_000_u32).map(|i| (i % 251) as u8).collect();
        let base = of(&text);
        for at in [0, 7, 8, 65_535, 65_536, 131_075, 199_999] {
            let mut edited = text.clone();
            edited[at] ^= 0x20;
            assert_ne!(of(&edited), base, "at {at}");
        }
        assert_ne!(of(&text[..199_999]), base);
        assert_ne!(of(&[0, 0]), of(&[0]));
    }

    #[test]
    fn continuing_gives_the_same_as_hashing_at_once() {
        let text: Vec<u8> = (0..1000_u32).map(|i| (i * 7 % 256) as u8).collect();
        for cut in [0, 1, 5, 8, 13, 999, 1000] {
            let mut running = Fingerprint::of_reader(&mut &text[..], cut as u64).unwrap();
            for piece in text[cut..].chunks(3) {
                running.update(piece);
            }
            assert_eq!(running.value(), of(&text), "cut at {cut}");
        }
    }

    #[test]
    fn resuming_from_the_state_and_the_last_bytes_continues_alike() {
        let text: Vec<u8> = (0..1000_u32).map(|i| (i * 13 % 256) as u8).collect();
        for cut in [0_usize, 3, 8, 13, 999] {
            let before = Fingerprint::of_reader(&mut &text[..], cut as u64).unwrap();
            let tail = &text[cut.saturating_sub(20)..cut];
            let mut resumed = Fingerprint::resume(before.state(), cut as u64, tail).unwrap();
            assert_eq!(resumed.value(), before.value(), "cut at {cut}");
            resumed.update(&text[cut..]);
            assert_eq!(resumed.value(), of(&text), "cut at {cut}");
        }
        assert!(Fingerprint::resume(0, 7, b"abc").is_none());
    }

    #[test]
    fn a_short_reader_fails() {
        let text = b"format = 1\n";
        assert!(Fingerprint::of_reader(&mut &text[..], 999).is_err());
    }
}
