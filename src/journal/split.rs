//! Cutting the journal's bytes into chunks, one per record, so each is read on its own and a
//! damaged record cannot take its neighbours down with it.
//!
//! A chunk starts at every line whose first non-blank character is `[` (a table header); the
//! bytes before the first header form a chunk of their own (the `format = 1` line).

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
    let (mut pos, mut line) = (0, 0);
    while pos < bytes.len() {
        if pos > start && starts_header(&bytes[pos..]) {
            chunks.push(Chunk {
                bytes: &bytes[start..pos],
                offset: start,
                lines_before: start_line,
            });
            (start, start_line) = (pos, line);
        }
        match bytes[pos..].iter().position(|&b| b == b'\n') {
            Some(len) => (pos, line) = (pos + len + 1, line + 1),
            None => pos = bytes.len(),
        }
    }
    if start < bytes.len() {
        chunks.push(Chunk {
            bytes: &bytes[start..],
            offset: start,
            lines_before: start_line,
        });
    }
    (chunks, line)
}

fn starts_header(line: &[u8]) -> bool {
    line.iter().find(|&&b| b != b' ' && b != b'\t') == Some(&b'[')
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
    fn nothing_gives_no_chunks() {
        assert!(texts("").is_empty());
    }
}
