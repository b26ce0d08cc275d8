//! The fast reader: chunks in the exact form poised writes, read line by line.
//!
//! It accepts only a strict subset of TOML (bare keys, one `key = value` per line, basic
//! strings with the common escapes, decimal integers, booleans, `YYYY-MM-DDTHH:MM:SS+HH:MM`
//! datetimes, dates, one-line arrays of strings, comments) and gives up on anything else, so
//! the full TOML parser decides every chunk it does not fully understand. Giving up is never
//! an error here.

use std::borrow::Cow;

use chrono::{FixedOffset, NaiveDate, NaiveTime};

use super::value::{Field, Value};

/// A chunk read by the fast reader: its table name (`None` before the first header) and fields.
pub(super) struct FastTable<'a> {
    pub name: Option<&'a str>,
    pub fields: Vec<Field<'a>>,
}

/// Reads a chunk, or returns `None` when it holds anything outside the strict subset.
pub(super) fn read_chunk(chunk: &str) -> Option<FastTable<'_>> {
    let mut lines = Lines {
        text: chunk,
        pos: 0,
    };
    let mut name = None;
    if chunk.starts_with('[') {
        let header = lines.next()?.1;
        name = Some(
            header
                .strip_prefix("[[")?
                .strip_suffix("]]")
                .filter(|n| is_bare_key(n))?,
        );
    }
    let mut fields: Vec<Field<'_>> = Vec::with_capacity(16);
    for (start, line) in lines {
        let body = line.trim_start_matches([' ', '\t']);
        if body.is_empty() || body.starts_with('#') {
            comment_ok(body)?;
            continue;
        }
        let field = read_field(body, start + (line.len() - body.len()))?;
        if fields.iter().any(|f| f.key == field.key) {
            return None;
        }
        fields.push(field);
    }
    Some(FastTable { name, fields })
}

/// The lines of a chunk with their byte offsets, without `\n` or `\r\n`.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.pos..).filter(|r| !r.is_empty())?;
        let start = self.pos;
        let len = rest.find('\n').unwrap_or(rest.len());
        self.pos += (len + 1).min(rest.len());
        let line = &rest[..len];
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    }
}

fn read_field(line: &str, start: usize) -> Option<Field<'_>> {
    let key_len = line.find(|c: char| !is_key_char(c))?;
    let (key, rest) = line.split_at(key_len);
    let rest = rest.trim_start_matches([' ', '\t']).strip_prefix('=')?;
    let value_text = rest.trim_start_matches([' ', '\t']);
    let at = start + (line.len() - value_text.len());
    let (value, tail) = read_value(value_text)?;
    comment_ok(tail.trim_start_matches([' ', '\t']))?;
    (!key.is_empty()).then_some(Field {
        key: Cow::Borrowed(key),
        value,
        at,
    })
}

/// Accepts an empty rest of line or a comment without control characters.
fn comment_ok(rest: &str) -> Option<()> {
    let is_comment = rest.is_empty() || rest.starts_with('#');
    (is_comment && !rest.chars().any(|c| c != '\t' && c.is_control())).then_some(())
}

fn read_value(text: &str) -> Option<(Value<'_>, &str)> {
    match text.as_bytes().first()? {
        b'"' => read_string(text).map(|(s, rest)| (Value::Str(s), rest)),
        b'[' => read_strings(text),
        b't' => text
            .strip_prefix("true")
            .map(|rest| (Value::Bool(true), rest)),
        b'f' => text
            .strip_prefix("false")
            .map(|rest| (Value::Bool(false), rest)),
        _ if text.len() >= 10 && text.as_bytes().get(4) == Some(&b'-') => read_datetime(text),
        _ => read_integer(text),
    }
}

/// A decimal integer without underscores, leading zeros or a fraction.
fn read_integer(text: &str) -> Option<(Value<'_>, &str)> {
    let digits_from = usize::from(text.starts_with(['+', '-']));
    let len = text
        .find(|c: char| !c.is_ascii_digit() && c != '+' && c != '-')
        .unwrap_or(text.len());
    let digits = text.get(digits_from..len)?;
    let well_formed = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    let rest = &text[len..];
    let ends = rest.is_empty() || rest.starts_with([' ', '\t', '#']);
    (well_formed && ends).then(|| text[..len].parse().ok().map(|n| (Value::Int(n), rest)))?
}

fn read_datetime(text: &str) -> Option<(Value<'_>, &str)> {
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(number(text, 0, 4)?).ok()?,
        number(text, 5, 2)?,
        number(text, 8, 2)?,
    )
    .filter(|_| text.as_bytes().get(7) == Some(&b'-'))?;
    let Some(time_text) = text[10..].strip_prefix('T') else {
        return value_end(&text[10..]).map(|rest| (Value::Date(date), rest));
    };
    let (time, rest) = read_time(time_text)?;
    let (offset, rest) = read_offset(rest)?;
    let at = date.and_time(time).and_local_timezone(offset).single()?;
    value_end(rest).map(|rest| (Value::DateTime(at), rest))
}

/// `HH:MM:SS` with an optional fraction of 1 to 9 digits.
fn read_time(text: &str) -> Option<(NaiveTime, &str)> {
    let colons = text.as_bytes().get(2) == Some(&b':') && text.as_bytes().get(5) == Some(&b':');
    let (hour, minute, second) = (
        number(text, 0, 2)?,
        number(text, 3, 2)?,
        number(text, 6, 2)?,
    );
    let mut rest = text.get(8..)?;
    let mut nanos = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let len = fraction
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(fraction.len());
        let digits = u32::try_from(len).ok().filter(|n| (1..=9).contains(n))?;
        nanos = fraction[..len].parse::<u32>().ok()? * 10u32.pow(9 - digits);
        rest = &fraction[len..];
    }
    let in_range = colons && second < 60;
    in_range
        .then(|| NaiveTime::from_hms_nano_opt(hour, minute, second, nanos).map(|t| (t, rest)))?
}

/// `Z` or `+HH:MM` / `-HH:MM`.
fn read_offset(text: &str) -> Option<(FixedOffset, &str)> {
    if let Some(rest) = text.strip_prefix('Z') {
        return FixedOffset::east_opt(0).map(|o| (o, rest));
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (hours, minutes) = (number(text, 1, 2)?, number(text, 4, 2)?);
    let valid = text.as_bytes().get(3) == Some(&b':') && hours < 24 && minutes < 60;
    let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()? * sign;
    valid.then(|| FixedOffset::east_opt(seconds).map(|o| (o, &text[6..])))?
}

/// The ASCII digits at `text[from..from + len]`, all of them digits.
fn number(text: &str, from: usize, len: usize) -> Option<u32> {
    let digits = text.get(from..from + len)?;
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse().ok())?
}

/// The rest after a value when the value really ended there.
fn value_end(rest: &str) -> Option<&str> {
    (rest.is_empty() || rest.starts_with([' ', '\t', '#'])).then_some(rest)
}

/// A one-line array of basic strings, as in `["Bird-dog", "Bridge"]`.
fn read_strings(text: &str) -> Option<(Value<'_>, &str)> {
    let mut rest = text.strip_prefix('[')?.trim_start_matches([' ', '\t']);
    let mut items = Vec::new();
    loop {
        if let Some(after) = rest.strip_prefix(']') {
            return Some((Value::Strings(items), after));
        }
        let (item, after) = read_string(rest)?;
        items.push(item);
        rest = after.trim_start_matches([' ', '\t']);
        if let Some(after) = rest.strip_prefix(',') {
            rest = after.trim_start_matches([' ', '\t']);
        } else if !rest.starts_with(']') {
            return None;
        }
    }
}

/// A basic string, borrowed when it has no escapes.
fn read_string(text: &str) -> Option<(Cow<'_, str>, &str)> {
    let body = text.strip_prefix('"').filter(|b| !b.starts_with("\"\""))?;
    let end = body.find(['"', '\\']).unwrap_or(body.len());
    if body.as_bytes().get(end) == Some(&b'"') && !has_bare_control(&body[..end]) {
        return Some((Cow::Borrowed(&body[..end]), &body[end + 1..]));
    }
    read_escaped(body).map(|(s, rest)| (Cow::Owned(s), rest))
}

fn read_escaped(body: &str) -> Option<(String, &str)> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &body[i + 1..])),
            '\\' => out.push(unescape(&mut chars)?),
            c if is_bare_control(c) => return None,
            c => out.push(c),
        }
    }
    None
}

fn unescape(chars: &mut std::str::CharIndices<'_>) -> Option<char> {
    let hex_len = match chars.next()?.1 {
        'b' => return Some('\u{8}'),
        't' => return Some('\t'),
        'n' => return Some('\n'),
        'f' => return Some('\u{c}'),
        'r' => return Some('\r'),
        '"' => return Some('"'),
        '\\' => return Some('\\'),
        'u' => 4,
        'U' => 8,
        _ => return None,
    };
    let hex: String = chars.take(hex_len).map(|(_, c)| c).collect();
    let valid = hex.len() == hex_len && hex.bytes().all(|b| b.is_ascii_hexdigit());
    valid.then(|| u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32))?
}

fn has_bare_control(text: &str) -> bool {
    text.chars().any(is_bare_control)
}

/// Control characters TOML does not allow unescaped in a basic string (tab is allowed).
fn is_bare_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

fn is_bare_key(name: &str) -> bool {
    !name.is_empty() && name.chars().all(is_key_char)
}

#[cfg(test)]
mod tests {
    use toml::de::DeTable;

    use super::*;
    use crate::journal::chunk::fields_of;

    /// The fields the full TOML parser finds in a chunk with one `[[name]]` header or none.
    fn by_toml(chunk: &str) -> Option<Vec<Field<'_>>> {
        let table = DeTable::parse(chunk).ok()?.into_inner();
        let inner = match table.iter().next() {
            Some((_, value)) if chunk.starts_with('[') => match value.get_ref() {
                toml::de::DeValue::Array(items) => items[0].get_ref().as_table()?.clone(),
                _ => return None,
            },
            _ => table.clone(),
        };
        Some(fields_of(&inner))
    }

    /// Whenever the fast reader accepts a chunk, it finds exactly what the TOML parser finds.
    fn agrees(chunk: &str) -> bool {
        let Some(fast) = read_chunk(chunk) else {
            return false;
        };
        let mut fast = fast.fields;
        let mut slow = by_toml(chunk)
            .unwrap_or_else(|| panic!("fast reader accepted invalid TOML: {chunk:?}"));
        fast.sort_by(|a, b| a.key.cmp(&b.key));
        slow.sort_by(|a, b| a.key.cmp(&b.key));
        assert_eq!(fast, slow, "{chunk:?}");
        true
    }

    #[test]
    fn reads_what_poised_writes_as_toml_does() {
        let chunk = "[[session]]\nroutine = \"morning\"\ntitle = \"Morning \\\"wake\\\" \\\\ up\"\n\
                     started = 2026-11-21T07:02:11+01:00\nended = 2026-11-21T07:09:13.25-03:30\n\
                     at = 2026-11-21T07:09:13Z\nactive_seconds = 420\ncompleted = true\nx = false\n\
                     stiffness_before = 0\nneg = -3\npainful_steps = [\"Bird-dog\", \"Cat \\u00e9\"]\n\
                     empty = []\nnote = \"tab\\there é ✓\"\ndate = 2026-02-28\n\n";
        assert!(agrees(chunk));
    }

    /// Thousands of small edits of a canonical chunk (one character replaced, inserted or
    /// removed): whatever the fast reader accepts, the TOML parser reads the same way.
    #[test]
    fn never_accepts_what_toml_reads_differently() {
        let base = "[[session]]\nroutine = \"morning\"\nnote = \"a \\\"b\\\" \\u00e9\"\n\
                    started = 2026-11-21T07:02:11.5+01:00\ndate = 2026-02-28\nn = -42\n\
                    ok = true\nsteps = [\"a\", \"b\"]\n# done\n";
        let alphabet: Vec<char> = "\"\\ \t\n\r#=[],.-+:_TZz0129aefntuxU'{}é\u{7}\u{7f}"
            .chars()
            .collect();
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound as u64) as usize
        };
        let base: Vec<char> = base.chars().collect();
        for _ in 0..20_000 {
            let mut chars = base.clone();
            let at = next(chars.len());
            match next(3) {
                0 => chars[at] = alphabet[next(alphabet.len())],
                1 => chars.insert(at, alphabet[next(alphabet.len())]),
                _ => drop(chars.remove(at)),
            }
            agrees(&chars.into_iter().collect::<String>());
        }
    }

    #[test]
    fn reads_comments_blank_lines_and_crlf_as_toml_does() {
        assert!(agrees(
            "format = 1\r\n# a comment\r\n\r\n  note = \"x\" # why\n\t\n"
        ));
        assert!(agrees(
            "[[checkin]]\nstiffness   =   4 # after coffee\nnote=\"\"\n"
        ));
        assert!(agrees("[[rest]]\npainful_steps = [ \"a\" , \"b\", ]\n"));
    }

    #[test]
    fn gives_up_on_everything_outside_the_strict_subset() {
        let others = [
            "[[session]] # c\n",
            "[session]\n",
            "[[session]]\na.b = 1\n",
            "[[session]]\n\"routine\" = \"m\"\n",
            "[[session]]\nroutine = 'literal'\n",
            "[[session]]\nroutine = \"\"\"multi\"\"\"\n",
            "[[session]]\nn = 1_000\n",
            "[[session]]\nn = 0x1F\n",
            "[[session]]\nn = 007\n",
            "[[session]]\nn = 1.5\n",
            "[[session]]\nn = 1e5\n",
            "[[session]]\nn = inf\n",
            "[[session]]\nat = 2026-11-21 07:02:11+01:00\n",
            "[[session]]\nat = 2026-11-21T07:02:11\n",
            "[[session]]\nat = 2026-11-21t07:02:11z\n",
            "[[session]]\nat = 2026-11-21T07:02:60Z\n",
            "[[session]]\nat = 2026-02-30T07:02:11Z\n",
            "[[session]]\nat = 2026-11-21T07:02Z\n",
            "[[session]]\nat = 07:02:11\n",
            "[[session]]\ns = \"\\e\"\n",
            "[[session]]\ns = \"\\x41\"\n",
            "[[session]]\ns = \"\\ud800\"\n",
            "[[session]]\nlist = [\n\"a\"]\n",
            "[[session]]\nlist = [1, 2]\n",
            "[[session]]\nt = { a = 1 }\n",
            "[[session]]\nroutine = \"a\"\nroutine = \"b\"\n",
            "[[session]]\nroutine\n",
            "[[session]]\n= 1\n",
            "[[session]]\nroutine = \"unterminated\n",
            "[[session]]\nroutine = \"a\" b\n",
            "[[session]]\nroutine = \"bell\u{7}\"\n",
            "[[session]]\n# bell\u{7}\n",
            "\u{feff}format = 1\n",
        ];
        for chunk in others {
            assert!(
                !agrees(chunk),
                "fast reader should leave {chunk:?} to the TOML parser"
            );
        }
    }
}
