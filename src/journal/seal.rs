//! Records that prove they are whole (journal format 2): each record poised appends carries
//! a random `id` after its header and ends with an integrity line, `crc = "…"`, the CRC-32 of
//! the record's bytes before that line. A record cut anywhere, or changed, no longer matches
//! and is skipped as damaged, so no cut can read as a different value.
//!
//! A person who writes or edits a record by hand puts `by_hand = true` in place of the
//! integrity line; poised never writes that key. Records without an `id` are format 1 and read
//! as they always were.

use std::fmt::Write as _;

/// The key of the integrity line.
pub const CRC_KEY: &str = "crc";

/// A new random record id: 16 hex digits (64 random bits).
#[must_use]
pub fn new_id() -> String {
    let mut bytes = [0_u8; 8];
    if getrandom::fill(&mut bytes).is_err() {
        // No system randomness: the time and process still make a collision unlikely.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let low = u64::try_from(nanos & u128::from(u64::MAX)).unwrap_or(0);
        bytes = (low ^ u64::from(std::process::id()).rotate_left(40)).to_le_bytes();
    }
    bytes.iter().fold(String::with_capacity(16), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// `text` (a record's table, ending with a newline) followed by its integrity line.
#[must_use]
pub fn seal(text: &str) -> String {
    format!("{text}{CRC_KEY} = \"{}\"\n", crc_of(text.as_bytes()))
}

/// The integrity value of some bytes, as written in the integrity line.
#[must_use]
pub fn crc_of(bytes: &[u8]) -> String {
    format!("{:08x}", crc32fast::hash(bytes))
}

/// Checks the integrity line whose value starts at byte `at` of `chunk` and says `value`: it
/// must be the last line of the record and match the bytes before it. `Err` says what is
/// wrong, in plain words.
pub fn check(chunk: &str, at: usize, value: &str) -> Result<(), &'static str> {
    let line_start = chunk[..at].rfind('\n').map_or(0, |i| i + 1);
    let after = chunk[at..].find('\n').map_or(chunk.len(), |i| at + i + 1);
    let last = chunk[after..]
        .lines()
        .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'));
    if !last {
        return Err("the integrity line `crc` must be the record's last line");
    }
    if crc_of(&chunk.as_bytes()[..line_start]) != value {
        return Err(
            "its integrity line `crc` does not match its text: it was cut short while being saved \
             or changed since. If you changed it by hand, replace the `crc` line with \
             `by_hand = true`",
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_record_checks_and_any_change_does_not() {
        let text = seal("[[checkin]]\nid = \"0123456789abcdef\"\nstiffness = 10\n");
        let at = text.find("crc = \"").unwrap() + 6;
        let value = &text[at + 1..at + 9];
        assert_eq!(check(&text, at, value), Ok(()));
        let changed = text.replace("= 10", "= 1 ");
        assert!(check(&changed, at, value).is_err());
        let later = format!("{text}note = \"x\"\n");
        assert!(check(&later, at, value).is_err());
        assert_eq!(check(&format!("{text}\n# done\n\n"), at, value), Ok(()));
    }

    #[test]
    fn ids_are_sixteen_hex_digits_and_differ() {
        let (a, b) = (new_id(), new_id());
        assert_eq!(a.len(), 16);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
