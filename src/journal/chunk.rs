//! Reading one chunk: the fast reader first, the full TOML parser when the fast reader gives up,
//! then the record rules. A chunk yields a record, nothing, or one [`Damage`].

use toml::de::{DeTable, DeValue};

use super::build::{Problem, build};
use super::encode::FORMAT;
use super::fast;
use super::record::Record;
use super::value::{Field, Value};

/// What a chunk held.
#[derive(Debug, PartialEq)]
pub(super) enum Content {
    Record(Record),
    /// Keys outside any table: the `format = 1` line and whatever sits beside it.
    Loose(Loose),
    /// Blank lines, comments, or a table this version does not know.
    Nothing,
}

/// Keys outside any table: how many, and a notice when `format` is not one this version reads.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Loose {
    pub keys: usize,
    /// The byte offset of the `format` value and what to say about it.
    pub format_notice: Option<(usize, String)>,
}

/// Why a chunk was skipped: a message and, when known, the byte offset inside the chunk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Damage {
    pub at: Option<usize>,
    pub message: String,
}

impl From<Problem> for Damage {
    fn from(p: Problem) -> Self {
        Self {
            at: p.at,
            message: p.message,
        }
    }
}

/// Reads one chunk of the journal.
pub(super) fn read(bytes: &[u8]) -> Result<Content, Damage> {
    let text = std::str::from_utf8(bytes).map_err(|e| Damage {
        at: Some(e.valid_up_to()),
        message: "this is not UTF-8 text".to_string(),
    })?;
    if let Some(table) = fast::read_chunk(text) {
        return content(table.name, &table.fields);
    }
    let table = DeTable::parse(text).map_err(|e| Damage {
        at: e.span().map(|s| s.start),
        message: e.message().to_string(),
    })?;
    let table = table.get_ref();
    let Some((name, value)) = table
        .iter()
        .next()
        .filter(|_| text.trim_start().starts_with('['))
    else {
        return content(None, &fields_of(table));
    };
    match value.get_ref() {
        DeValue::Array(items) if items.len() == 1 => match items[0].get_ref() {
            DeValue::Table(inner) => content(Some(name.get_ref()), &fields_of(inner)),
            _ => content(Some(name.get_ref()), &[]),
        },
        _ if is_known(name.get_ref()) => Err(Damage {
            at: None,
            message: format!(
                "a record starts with [[{0}]], in double brackets, not [{0}]",
                name.get_ref()
            ),
        }),
        _ => Ok(Content::Nothing),
    }
}

fn content(name: Option<&str>, fields: &[Field<'_>]) -> Result<Content, Damage> {
    let Some(name) = name else {
        return Ok(loose(fields));
    };
    Ok(build(name, fields)?.map_or(Content::Nothing, Content::Record))
}

/// Keys outside a table: only `format` means something, and it should be 1.
fn loose(fields: &[Field<'_>]) -> Content {
    let format_notice = fields
        .iter()
        .find(|f| f.key == "format" && f.value != Value::Int(FORMAT))
        .map(|field| {
            let message = format!(
                "this journal says `format = {}`, but this poised reads format {FORMAT}; \
                 records may be missing or misread until poised is updated",
                field_text(&field.value)
            );
            (field.at, message)
        });
    Content::Loose(Loose {
        keys: fields.len(),
        format_notice,
    })
}

fn field_text(value: &Value<'_>) -> String {
    match value {
        Value::Int(n) => n.to_string(),
        Value::Str(s) => format!("\"{s}\""),
        _ => "...".to_string(),
    }
}

pub(super) fn fields_of<'a>(table: &DeTable<'a>) -> Vec<Field<'a>> {
    table
        .iter()
        .map(|(key, value)| Field {
            key: key.get_ref().clone(),
            value: Value::from_toml(value.get_ref()),
            at: value.span().start,
        })
        .collect()
}

fn is_known(name: &str) -> bool {
    matches!(name, "session" | "checkin" | "rest")
}
