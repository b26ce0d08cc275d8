//! The values a record's keys can hold, whichever parser read them.
//!
//! Both the fast line reader and the full TOML parser produce [`Field`]s, so the rules that
//! turn fields into records exist once.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use toml::de::DeValue;
use toml::value::{Datetime, Offset};

/// One TOML value, reduced to the kinds a record uses.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value<'a> {
    Int(i64),
    Bool(bool),
    Str(Cow<'a, str>),
    DateTime(DateTime<FixedOffset>),
    Date(NaiveDate),
    Strings(Vec<Cow<'a, str>>),
    /// Anything else, by its TOML type name, kept only to say what was found.
    Other(&'static str),
}

/// A key and its value, with the byte offset of the value inside its chunk.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Field<'a> {
    pub key: Cow<'a, str>,
    pub value: Value<'a>,
    pub at: usize,
}

impl<'a> Value<'a> {
    /// Converts a value from the full TOML parser.
    pub fn from_toml(value: &DeValue<'a>) -> Self {
        match value {
            DeValue::String(s) => Value::Str(s.clone()),
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .map_or(Value::Other("a very large integer"), Value::Int),
            DeValue::Boolean(b) => Value::Bool(*b),
            DeValue::Datetime(d) => from_datetime(d),
            DeValue::Array(items) => items
                .iter()
                .map(|item| match item.get_ref() {
                    DeValue::String(s) => Some(s.clone()),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()
                .map_or(Value::Other("an array of mixed values"), Value::Strings),
            DeValue::Float(_) => Value::Other("a decimal number"),
            DeValue::Table(_) => Value::Other("a table"),
        }
    }
}

fn from_datetime(d: &Datetime) -> Value<'static> {
    let date = d.date.and_then(|date| {
        NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
    });
    let time = d.time.map(|t| {
        NaiveTime::from_hms_nano_opt(
            u32::from(t.hour),
            u32::from(t.minute),
            u32::from(t.second.unwrap_or(0)),
            t.nanosecond.unwrap_or(0),
        )
    });
    let offset = d.offset.map(|o| match o {
        Offset::Z => FixedOffset::east_opt(0),
        Offset::Custom { minutes } => FixedOffset::east_opt(i32::from(minutes) * 60),
    });
    match (date, time, offset) {
        (Some(date), Some(Some(time)), Some(Some(offset))) => date
            .and_time(time)
            .and_local_timezone(offset)
            .single()
            .map_or(Value::Other("an invalid datetime"), Value::DateTime),
        (Some(date), None, None) => Value::Date(date),
        (Some(_), Some(_), None) => Value::Other("a datetime without UTC offset"),
        (None, Some(_), None) => Value::Other("a time without a date"),
        _ => Value::Other("an invalid datetime"),
    }
}
