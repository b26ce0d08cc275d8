//! The rules a record's values follow: which type and range each key takes, and in a
//! damaged record's message, what was expected and what was found instead.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use toml::value::{Datetime, Offset};
use toml::{Spanned, Value};

use super::decode::{Damage, STIFFNESS_MAX};
use super::raw::Field;

/// The rules of one table: errors name the key, say what it must hold and what was found.
pub(super) struct Rules {
    pub table: &'static str,
}

impl Rules {
    #[allow(clippy::unused_self)] // a method, so each rule reads `self.optional(...)`
    pub(super) fn optional<T>(
        &self,
        key: &str,
        field: Field,
        convert: impl Fn(&Value) -> Option<T>,
    ) -> Result<Option<T>, Damage> {
        let Some(field) = field else {
            return Ok(None);
        };
        convert(field.get_ref())
            .map(Some)
            .ok_or_else(|| wrong(key, &field))
    }

    pub(super) fn required<T>(
        &self,
        key: &str,
        field: Field,
        convert: impl Fn(&Value) -> Option<T>,
    ) -> Result<T, Damage> {
        self.optional(key, field, convert)?.ok_or_else(|| Damage {
            at: None,
            message: format!(
                "[[{}]] lacks `{key}`, which must be {}",
                self.table,
                expected(key)
            ),
        })
    }
}

pub(super) fn wrong(key: &str, field: &Spanned<Value>) -> Damage {
    Damage {
        at: Some(field.span().start),
        message: format!(
            "`{key}` must be {}, not {}",
            expected(key),
            found(field.get_ref())
        ),
    }
}

pub(super) fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_string)
}

/// A whole number that fits `T` (so never negative for the unsigned counts).
pub(super) fn number<T: TryFrom<i64>>(value: &Value) -> Option<T> {
    T::try_from(value.as_integer()?).ok()
}

pub(super) fn stiffness(value: &Value) -> Option<u8> {
    number(value).filter(|n| *n <= STIFFNESS_MAX)
}

pub(super) fn strings(value: &Value) -> Option<Vec<String>> {
    value.as_array()?.iter().map(text).collect()
}

pub(super) fn datetime(value: &Value) -> Option<DateTime<FixedOffset>> {
    match when(value.as_datetime()?)? {
        When::DateTime(at) => Some(at),
        When::Date(_) => None,
    }
}

pub(super) fn date(value: &Value) -> Option<NaiveDate> {
    match when(value.as_datetime()?)? {
        When::Date(d) => Some(d),
        When::DateTime(_) => None,
    }
}

/// The two kinds of TOML datetime a record uses.
enum When {
    DateTime(DateTime<FixedOffset>),
    Date(NaiveDate),
}

fn when(d: &Datetime) -> Option<When> {
    let date = d.date.map(|date| {
        NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
    });
    match (date, d.time, d.offset) {
        (Some(date), None, None) => date.map(When::Date),
        (Some(date), Some(t), Some(offset)) => {
            let time = NaiveTime::from_hms_nano_opt(
                u32::from(t.hour),
                u32::from(t.minute),
                u32::from(t.second.unwrap_or(0)),
                t.nanosecond.unwrap_or(0),
            )?;
            let minutes = match offset {
                Offset::Z => 0,
                Offset::Custom { minutes } => i32::from(minutes),
            };
            let offset = FixedOffset::east_opt(minutes * 60)?;
            let at = date?.and_time(time).and_local_timezone(offset).single()?;
            Some(When::DateTime(at))
        }
        _ => None,
    }
}

/// What a key must hold, in the words of the journal's documentation.
fn expected(key: &str) -> &'static str {
    match key {
        "started" | "ended" | "at" | "offered" => {
            "a date and time with its UTC offset, like 2026-11-21T07:02:11+01:00"
        }
        "date" => "a date, like 2026-11-21",
        "completed" | "learn" | "by_hand" => "true or false",
        "stiffness" | "stiffness_before" | "stiffness_after" => "a whole number from 0 to 10",
        "active_seconds"
        | "steps_done"
        | "steps_total"
        | "work_seconds"
        | "work_seconds_planned" => "a whole number from 0 up",
        "painful_steps" | "skipped_steps" => "a list of step names in quotes",
        "marks" => {
            "a list like [{ step = \"Bird-dog\", side = \"left\", choice = \"gentler\" }], \
             with side \"left\" or \"right\" and choice \"gentler\", \"skipped\" or \"ended\""
        }
        "record" => "the id of the record taken back, 16 hex digits (or `content-` and 16)",
        "event" => {
            "one of \"opened\", \"reset\", \"transition\", \"snoozed\", \"skipped\", \"missed\""
        }
        _ => "text in double quotes",
    }
}

/// What was found instead, in plain words.
fn found(value: &Value) -> String {
    match value {
        Value::Integer(n) => n.to_string(),
        Value::Boolean(b) => b.to_string(),
        Value::String(_) => "text".to_string(),
        Value::Float(_) => "a decimal number".to_string(),
        Value::Datetime(d) => match (d.date, d.time, d.offset) {
            (Some(_), None, None) => "a date",
            (Some(_), Some(_), None) => "a datetime without UTC offset",
            (None, Some(_), None) => "a time without a date",
            (Some(_), Some(_), Some(_)) => "a date and time",
            _ => "an invalid datetime",
        }
        .to_string(),
        Value::Array(items) if items.iter().all(|v| v.is_str()) => "a list".to_string(),
        Value::Array(_) => "an array of mixed values".to_string(),
        Value::Table(_) => "a table".to_string(),
    }
}
