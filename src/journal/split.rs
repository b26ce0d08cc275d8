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
    let (mut start, mut start_line) = (0, 0);
    let mut line = 0;
    for (pos, is_start) in lines(bytes) {
        if pos > start && is_start {
            chunks.push(Chunk {
                bytes: &bytes[start..pos],
                offset: start,
                lines_before: start_line,
            });
            (start, start_line) = (pos, line);
        }
        line += 1;
    }
    let breaks = if bytes.ends_with(b"\n") {
        line
    } else {
        line.saturating_sub(1)
    };
    if start < bytes.len() {
        chunks.push(Chunk {
            bytes: &bytes[start..],
            offset: start,
            lines_before: start_line,
        });
    }
    (chunks, breaks)
}

/// Whether a line (the bytes from its start) starts a record: the one definition.
#[must_use]
pub fn starts_record(line: &[u8]) -> bool {
    line.iter().find(|&&b| b != b' ' && b != b'\t') == Some(&b'[')
}

/// The offsets of every line after the first that starts a record, in order.
pub fn record_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    lines(bytes).filter_map(|(pos, is_start)| (pos > 0 && is_start).then_some(pos))
}

/// The offset of the last line after the first that starts a record, reading from the end.
#[must_use]
pub fn last_record_start(bytes: &[u8]) -> Option<usize> {
    let mut end = bytes.len();
    while let Some(newline) = bytes[..end].iter().rposition(|&b| b == b'\n') {
        if starts_record(&bytes[newline + 1..]) {
            return Some(newline + 1);
        }
        end = newline;
    }
    None
}

/// Every line's start offset, and whether it starts a record.
fn lines(bytes: &[u8]) -> impl Iterator<Item = (usize, bool)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        pos = bytes[pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |len| pos + len + 1);
        Some((start, starts_record(&bytes[start..])))
    })
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
