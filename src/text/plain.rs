//! TOML errors in plain words: serde and the TOML parser speak of `i64`, maps and sequences;
//! a person needs the key, what it should be, and what to write instead.

/// A parse error of `text` as one sentence that names the key and says what to do.
#[must_use]
pub fn toml_message(text: &str, error: &toml::de::Error) -> String {
    let raw = error.message().trim_end().replace('\n', "; ");
    let key = error.span().and_then(|s| {
        let key = key_at(text, s.start)?;
        // A missing key is reported at its table: a header, or the whole file.
        let in_header = text
            .get(s.start..)
            .is_some_and(|rest| rest.trim_start().starts_with('['));
        (!raw.starts_with("missing field") || in_header).then_some(key)
    });
    // A text that is valid TOML failed on a value: its message is not a syntax error.
    let syntax = text.parse::<toml::Table>().is_err();
    plain(&raw, &key.unwrap_or_default(), syntax)
}

/// The key a byte offset belongs to: the key before the nearest `=` on its line, or a table
/// header's name (`[[step]]` gives `step`).
#[must_use]
pub fn key_at(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..end];
    let before = line.get(..offset - start)?;
    let header = line.trim_start().strip_prefix('[');
    let key_end = before
        .rfind('=')
        .or_else(|| header.is_none().then(|| line.find('=')).flatten());
    let name: &str = match (key_end, header) {
        (Some(i), _) => last_key(&line[..i]),
        (None, Some(h)) => h.trim_start_matches('[').split(']').next().unwrap_or(""),
        (None, None) => return None,
    };
    Some(name.trim().trim_matches('"').to_string()).filter(|k| !k.is_empty())
}

/// The last bare key of `text` (`breathing = { inhale` gives `inhale`).
fn last_key(text: &str) -> &str {
    let text = text.trim_end();
    let start = text
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '"' | '.')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

fn plain(raw: &str, key: &str, syntax: bool) -> String {
    if let Some((found, expected)) = type_mismatch(raw) {
        return mismatch(key, &found, &expected);
    }
    if let Some(field) = between(raw, "missing field `", "`") {
        let example = example(field);
        return match key {
            "step" => format!("this step has no `{field}`: add a line like {field} = {example}"),
            "" => format!(
                "`{field}` is missing: add a line like {field} = {example} at the top of the file"
            ),
            table => format!("[{table}] has no `{field}`: add a line like {field} = {example}"),
        };
    }
    if let Some(field) = between(raw, "unknown field `", "`") {
        let known = raw.split_once("expected").map_or("", |(_, k)| k);
        let known = known.trim().trim_start_matches("one of ").replace('`', "");
        return format!(
            "`{field}` is not a key poised knows here: check its spelling (the keys here are {known})"
        );
    }
    if raw.starts_with("duplicate key") {
        return format!("`{key}` is set twice: keep one of the two lines");
    }
    if !syntax {
        // A message of poised's own (from a value's reader), already in plain words.
        return raw.to_string();
    }
    format!("this line is not valid TOML ({raw}): check its quotes, brackets and `=`")
}

/// `invalid type: floating point `2.5`, expected i64` as ("2.5", "a whole number").
fn type_mismatch(raw: &str) -> Option<(String, String)> {
    let rest = raw
        .strip_prefix("invalid type: ")
        .or_else(|| raw.strip_prefix("invalid value: "))?;
    let (found, expected) = rest.split_once(", expected ")?;
    let found = match between(found, "`", "`") {
        Some(value) => value.to_string(),
        None => match found {
            "map" => "a table".to_string(),
            "sequence" => "a list".to_string(),
            _ => found.strip_prefix("string ").unwrap_or(found).to_string(),
        },
    };
    let expected = match expected {
        "i64" | "u64" | "i32" | "u32" | "u16" | "u8" | "usize" => "a whole number",
        "a boolean" => "true or false",
        "a string" => "text in quotes",
        "a sequence" => "a list in brackets",
        other => other,
    };
    Some((found, expected.to_string()))
}

fn mismatch(key: &str, found: &str, expected: &str) -> String {
    match (found, expected) {
        ("a table", "a list in brackets") if !key.is_empty() => {
            format!("use [[{key}]] (two brackets) for each {key}")
        }
        (_, "a list in brackets") => {
            format!("{key} is a list in brackets, like {key} = [\"desk\", \"seated\"]")
        }
        (_, "text in quotes") => {
            format!("{key} must be text in quotes, like {key} = \"...\", not {found}")
        }
        (_, "a whole number") => {
            format!("{key} must be a whole number, not {found}: write it like {key} = 2")
        }
        (_, "true or false") => {
            format!("{key} must be true or false, not {found}: write {key} = true or {key} = false")
        }
        _ => format!("{key} must be {expected}, not {found}: write it like {key} = 30"),
    }
}

fn example(field: &str) -> &'static str {
    match field {
        "inhale" | "exhale" => "4",
        "effort" | "release" => "2",
        _ => "\"...\"",
    }
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let rest = text.split_once(open)?.1;
    Some(rest.split_once(close).map_or(rest, |(inner, _)| inner))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_found_before_the_value_or_in_the_header() {
        let text = "title = 3\n[step]\nbreathing = { inhale = \"x\" }\nseconds = 20\n";
        assert_eq!(key_at(text, 8).as_deref(), Some("title"));
        assert_eq!(key_at(text, 10).as_deref(), Some("step"));
        assert_eq!(key_at(text, 40).as_deref(), Some("inhale"));
        assert_eq!(key_at(text, 46).as_deref(), Some("seconds"));
    }

    #[test]
    fn a_key_next_to_wide_characters_is_found() {
        // Found by the property tests: a multi-byte character before the key.
        assert_eq!(key_at("é�x = 1", 9).as_deref(), Some("x"));
        assert_eq!(key_at("day]_.at\u{fffd} = 1", 14), None);
    }

    #[test]
    fn serde_words_become_plain_words() {
        let cases = [
            (
                "invalid type: floating point `2.5`, expected i64",
                "reps",
                "reps must be a whole number, not 2.5: write it like reps = 2",
            ),
            (
                "invalid type: map, expected a sequence",
                "step",
                "use [[step]] (two brackets) for each step",
            ),
            (
                "invalid type: string \"yes\", expected a boolean",
                "per_side",
                "per_side must be true or false, not \"yes\": write per_side = true or per_side = false",
            ),
            (
                "missing field `cue`",
                "step",
                "this step has no `cue`: add a line like cue = \"...\"",
            ),
        ];
        for (raw, key, expected) in cases {
            assert_eq!(plain(raw, key, false), expected);
        }
    }
}
