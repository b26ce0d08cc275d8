//! Where a record starts, defined once, and cutting the journal's bytes into chunks, one per
//! record, so each is read on its own and a damaged record cannot take its neighbours down
//! with it.
//!
//! A record starts at every line whose first character other than spaces and tabs is `[` (a
//! table header); the bytes before the first header form a chunk of their own (the
//! `format = 1` line).

/// A slice of the input with where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Chunk<'a> {
    pub bytes: &'a [u8],
    /// Byte offset of the chunk inside the input.
    pub offset: usize,
    /// Number of line breaks before the chunk inside the input.
    pub lines_before: u64,
}

/// The chunks of `bytes` in order, and the number of line breaks in all of `bytes`.
pub(super) fn chunks(bytes: &[u8]) -> (Vec<Chunk<'_>>, u64) {
    let mut chunks = Vec::new();
    let (mut start, mut lines_before) = (0, 0);
    for end in record_starts(bytes).chain(std::iter::once(bytes.len())) {
        if end > start {
            chunks.push(Chunk {
                bytes: &bytes[start..end],
                offset: start,
                lines_before,
            });
            lines_before += line_breaks(&bytes[start..end]);
            start = end;
        }
    }
    (chunks, lines_before)
}

fn line_breaks(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// Whether a line (the bytes from its start) starts a record: the one definition.
#[must_use]
pub fn starts_record(line: &[u8]) -> bool {
    line.iter().find(|&&b| !is_indent(b)) == Some(&b'[')
}

fn is_indent(byte: u8) -> bool {
    byte == b' ' || byte == b'\t'
}

/// The offsets of every line after the first that starts a record, in order. Found from the
/// brackets, which are far fewer than the lines: a bracket starts a record when only spaces
/// and tabs stand between it and the start of its line.
pub fn record_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'[', bytes).filter_map(|at| {
        let line = memchr::memrchr(b'\n', &bytes[..at])? + 1;
        bytes[line..at]
            .iter()
            .all(|&b| is_indent(b))
            .then_some(line)
    })
}

/// The offset of the last line after the first that starts a record, reading from the end.
#[must_use]
pub fn last_record_start(bytes: &[u8]) -> Option<usize> {
    let mut end = bytes.len();
    while let Some(newline) = memchr::memrchr(b'\n', &bytes[..end]) {
        if starts_record(&bytes[newline + 1..]) {
            return Some(newline + 1);
        }
        end = newline;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<(&str, u64)> {
        let (chunks, _) = chunks(input.as_bytes());
        chunks
            .iter()
            .map(|c| (std::str::from_utf8(c.bytes).unwrap(), c.lines_before))
            .collect()
    }

    #[test]
    fn each_header_starts_a_chunk() {
        let input = "format = 1\n\n[[checkin]]\nstiffness = 4\n\n  [[rest]]\ndate = 2026-11-21\n";
        assert_eq!(
            texts(input),
            [
                ("format = 1\n\n", 0),
                ("[[checkin]]\nstiffness = 4\n\n", 2),
                ("  [[rest]]\ndate = 2026-11-21\n", 5)
            ]
        );
    }

    #[test]
    fn a_tail_without_line_break_is_a_chunk() {
        assert_eq!(texts("[[checkin]]\nstiff"), [("[[checkin]]\nstiff", 0)]);
        assert_eq!(chunks(b"a\nb\nc").1, 2);
    }

    #[test]
    fn brackets_inside_a_line_do_not_split() {
        assert_eq!(texts("[[session]]\npainful_steps = [\"a\"]\n").len(), 1);
    }

    #[test]
    fn record_starts_are_found_forwards_and_from_the_end_alike() {
        let input = b"format = 1\n[[a]]\nx = 1\n \t[b]\ny = [1]\n";
        assert_eq!(record_starts(input).collect::<Vec<_>>(), [11, 23]);
        assert_eq!(last_record_start(input), Some(23));
        assert_eq!(last_record_start(b"[[a]]\nx = 1\n"), None);
    }

    #[test]
    fn nothing_gives_no_chunks() {
        assert!(texts("").is_empty());
    }
}
