//! The shape of a chunk as TOML gives it: the table its header names and each key with the
//! value found and its place, so [`super::decode`] can say in plain words what is wrong and
//! where.
//!
//! The `toml` crate's own parser (`toml_parser`) turns the chunk into events. A plain chunk (a
//! header, then `key = value` lines whose values are text, whole numbers, booleans, datetimes,
//! arrays and inline tables with plain keys) is built straight from those events: what every
//! record poised writes looks like, and a cold read of years of history is mostly this. Any
//! other chunk (a dotted key, a repeated key, a decimal number, a syntax error) is read by
//! `toml`'s document reader, through serde, which applies TOML's every rule and words the
//! errors. Both give the same [`RawChunk`]; the decoder's tests hold them to plain `toml` on
//! every cut of a record and thousands of edits.
//!
//! To add a key to a record: one line in [`super::decode`] (its rule) and one in
//! [`super::encode`]. `id`, `crc` and `by_hand` are in every record ([`super::seal`]).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use toml::value::{Array, Datetime, Table};
use toml::{Spanned, Value};
use toml_parser::decoder::ScalarKind;
use toml_parser::lexer::Token;
use toml_parser::parser::{Event, EventKind, RecursionGuard, ValidateWhitespace};
use toml_parser::{ParseError, Source};

/// One key of a record: absent, or the value found with its byte range in the chunk.
pub(super) type Field = Option<Spanned<Value>>;

/// A chunk's keys in the order found, each once.
#[derive(Debug, Default)]
pub(super) struct Keys<'a>(Vec<(Cow<'a, str>, Spanned<Value>)>);

impl<'a> Keys<'a> {
    /// Takes a key's value out, so each rule reads it once.
    pub(super) fn take(&mut self, key: &str) -> Field {
        let at = self.0.iter().position(|(name, _)| name == key)?;
        Some(self.0.swap_remove(at).1)
    }

    pub(super) fn get(&self, key: &str) -> Option<&Spanned<Value>> {
        self.0.iter().find(|(name, _)| name == key).map(|(_, v)| v)
    }

    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// Adds a key, or gives `None` when it is there already (TOML forbids that).
    fn insert(&mut self, key: Cow<'a, str>, value: Spanned<Value>) -> Option<()> {
        (self.get(&key).is_none()).then(|| self.0.push((key, value)))
    }
}

/// What a chunk holds.
#[derive(Debug)]
pub(super) enum RawChunk<'a> {
    /// Keys before any header: the `format = 2` line and whatever sits beside it.
    Loose(Keys<'a>),
    /// A header and what its table held: the array a `[[name]]` header makes (one table, as
    /// the split puts every header in a chunk of its own), or a plain table (`[name]`).
    Table(Cow<'a, str>, Entries<Keys<'a>>),
}

/// What a table name held: the array a `[[name]]` header makes, or a plain table
/// (`[name]`, a mistake worth naming).
#[derive(Debug)]
pub(super) enum Entries<T> {
    Array(Vec<T>),
    Table,
}

/// Reads chunks, keeping the parser's buffers from one chunk to the next.
#[derive(Default)]
pub(super) struct Reader {
    tokens: Vec<Token>,
    events: Vec<Event>,
}

impl Reader {
    /// Reads one chunk of text. `Err` is TOML's own account of why it is not TOML.
    pub(super) fn read<'a>(&mut self, text: &'a str) -> Result<RawChunk<'a>, toml::de::Error> {
        self.plain(text).map_or_else(|| by_document(text), Ok)
    }

    /// A plain chunk, straight from the parser's events; `None` for anything else.
    fn plain<'a>(&mut self, text: &'a str) -> Option<RawChunk<'a>> {
        let source = Source::new(text);
        self.tokens.clear();
        self.tokens.extend(source.lex());
        self.events.clear();
        let mut error: Option<ParseError> = None;
        let mut checked = ValidateWhitespace::new(&mut self.events, source);
        let mut receiver = RecursionGuard::new(&mut checked, NESTING);
        toml_parser::parser::parse_document(&self.tokens, &mut receiver, &mut error);
        if error.is_some() {
            return None;
        }
        let mut walk = Walk {
            source,
            events: self.events.iter().filter(|e| !is_trivia(e)).peekable(),
            error: None,
        };
        let chunk = walk.chunk()?;
        walk.error.is_none().then_some(chunk)
    }
}

/// How deep arrays and tables may nest, as `toml` limits it.
const NESTING: u32 = 80;

fn is_trivia(event: &Event) -> bool {
    matches!(
        event.kind(),
        EventKind::Whitespace | EventKind::Comment | EventKind::Newline
    )
}

/// The parser's events of a chunk, without blanks and comments, read in order.
struct Walk<'i, I: Iterator> {
    source: Source<'i>,
    events: std::iter::Peekable<I>,
    /// An error the decoding of a key or value reported.
    error: Option<ParseError>,
}

impl<'i, 'e, I: Iterator<Item = &'e Event>> Walk<'i, I> {
    fn chunk(&mut self) -> Option<RawChunk<'i>> {
        let opens_table = |e: &&Event| {
            matches!(
                e.kind(),
                EventKind::ArrayTableOpen | EventKind::StdTableOpen
            )
        };
        let header = match self.events.next_if(opens_table) {
            Some(open) => Some(self.header(open)?),
            None => None,
        };
        let mut keys = Keys::default();
        while let Some(event) = self.events.next() {
            let (key, value) = self.key_value(event)?;
            keys.insert(key, value)?;
        }
        Some(match header {
            None => RawChunk::Loose(keys),
            Some((name, true)) => RawChunk::Table(name, Entries::Array(vec![keys])),
            Some((name, false)) => RawChunk::Table(name, Entries::Table),
        })
    }

    /// `[[name]]` (true) or `[name]` (false), with a plain name.
    fn header(&mut self, open: &Event) -> Option<(Cow<'i, str>, bool)> {
        let event = self.events.next()?;
        let name = self.key(event)?;
        let close = self.events.next()?.kind();
        match (open.kind(), close) {
            (EventKind::ArrayTableOpen, EventKind::ArrayTableClose) => Some((name, true)),
            (EventKind::StdTableOpen, EventKind::StdTableClose) => Some((name, false)),
            _ => None,
        }
    }

    /// `key = value`, starting at the key's event.
    fn key_value(&mut self, key: &Event) -> Option<(Cow<'i, str>, Spanned<Value>)> {
        let key = self.key(key)?;
        if self.events.next()?.kind() != EventKind::KeyValSep {
            return None;
        }
        let event = self.events.next()?;
        Some((key, self.value(event)?))
    }

    fn key(&mut self, event: &Event) -> Option<Cow<'i, str>> {
        if event.kind() != EventKind::SimpleKey {
            return None;
        }
        let mut key = Cow::Borrowed("");
        self.source
            .get(event)?
            .decode_key(&mut key, &mut self.error);
        Some(key)
    }

    fn value(&mut self, event: &Event) -> Option<Spanned<Value>> {
        let start = event.span().start();
        let (value, end) = match event.kind() {
            EventKind::Scalar => (self.scalar(event)?, event.span().end()),
            EventKind::ArrayOpen => self.array()?,
            EventKind::InlineTableOpen => self.inline_table()?,
            _ => return None,
        };
        Some(Spanned::new(start..end, value))
    }

    /// Text, a whole number, a boolean or a datetime; a decimal number is left to `toml`.
    fn scalar(&mut self, event: &Event) -> Option<Value> {
        let mut decoded = Cow::Borrowed("");
        let kind = self
            .source
            .get(event)?
            .decode_scalar(&mut decoded, &mut self.error);
        match kind {
            ScalarKind::String => Some(Value::String(decoded.into_owned())),
            ScalarKind::Boolean(b) => Some(Value::Boolean(b)),
            ScalarKind::DateTime => decoded.parse::<Datetime>().ok().map(Value::Datetime),
            ScalarKind::Integer(radix) => i64::from_str_radix(&decoded, radix.value())
                .ok()
                .map(Value::Integer),
            ScalarKind::Float => None,
        }
    }

    /// The values up to the closing `]`, and where it ends.
    fn array(&mut self) -> Option<(Value, usize)> {
        let mut items = Array::new();
        loop {
            let event = self.events.next()?;
            match event.kind() {
                EventKind::ArrayClose => return Some((Value::Array(items), event.span().end())),
                EventKind::ValueSep => {}
                _ => items.push(self.value(event)?.into_inner()),
            }
        }
    }

    /// The keys up to the closing `}`, and where it ends.
    fn inline_table(&mut self) -> Option<(Value, usize)> {
        let mut table = Table::new();
        loop {
            let event = self.events.next()?;
            match event.kind() {
                EventKind::InlineTableClose => {
                    return Some((Value::Table(table), event.span().end()));
                }
                EventKind::ValueSep => {}
                _ => {
                    let (key, value) = self.key_value(event)?;
                    if table.insert(key.into_owned(), value.into_inner()).is_some() {
                        return None;
                    }
                }
            }
        }
    }
}

/// Any chunk, through `toml`'s document reader.
fn by_document(text: &str) -> Result<RawChunk<'static>, toml::de::Error> {
    if !text.trim_start().starts_with('[') {
        let keys: BTreeMap<String, Spanned<Value>> = toml::from_str(text)?;
        return Ok(RawChunk::Loose(owned(keys)));
    }
    let tables: BTreeMap<String, Entries<BTreeMap<String, Spanned<Value>>>> = toml::from_str(text)?;
    let Some((name, entries)) = tables.into_iter().next() else {
        return Ok(RawChunk::Loose(Keys::default()));
    };
    let entries = match entries {
        Entries::Array(items) => Entries::Array(items.into_iter().map(owned).collect()),
        Entries::Table => Entries::Table,
    };
    Ok(RawChunk::Table(Cow::Owned(name), entries))
}

fn owned(keys: BTreeMap<String, Spanned<Value>>) -> Keys<'static> {
    Keys(keys.into_iter().map(|(k, v)| (Cow::Owned(k), v)).collect())
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EntriesVisitor(PhantomData))
    }
}

struct EntriesVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
    type Value = Entries<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(1);
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Entries::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Entries::Table)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Header and keys sorted by name, each with its value and where it starts.
    type Shape = (Option<(String, bool)>, Vec<(String, Value, usize)>);

    fn shape(chunk: RawChunk) -> Shape {
        let (header, keys) = match chunk {
            RawChunk::Loose(keys) => (None, keys),
            RawChunk::Table(name, Entries::Table) => {
                (Some((name.into_owned(), false)), Keys::default())
            }
            RawChunk::Table(name, Entries::Array(mut items)) => {
                assert_eq!(items.len(), 1, "one table per chunk");
                (
                    Some((name.into_owned(), true)),
                    items.pop().unwrap_or_default(),
                )
            }
        };
        let mut keys: Vec<_> = keys
            .0
            .into_iter()
            .map(|(key, value)| {
                let start = value.span().start;
                (key.into_owned(), value.into_inner(), start)
            })
            .collect();
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        (header, keys)
    }

    /// Wherever the walk of events reads a chunk, `toml`'s document reader reads the same
    /// header, keys, values and places.
    pub(in crate::journal) fn walk_agrees_with_document(text: &str) {
        if let Some(walked) = Reader::default().plain(text) {
            let read = by_document(text)
                .unwrap_or_else(|e| panic!("the walk read {text:?}, toml rejects it: {e}"));
            assert_eq!(shape(walked), shape(read), "{text:?}");
        }
    }

    /// What poised writes takes the walk, not the slower reader.
    pub(in crate::journal) fn is_walked(text: &str) -> bool {
        Reader::default().plain(text).is_some()
    }
}
