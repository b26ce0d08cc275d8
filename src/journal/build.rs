//! The rules that turn a table's fields into a record: which keys are required, their types
//! and ranges. Unknown keys are ignored, so later versions can add fields.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset};

use super::record::{CheckinRecord, Record, RestRecord, SessionRecord};
use super::value::{Field, Value};

/// The highest stiffness rating.
pub const STIFFNESS_MAX: u8 = 10;

/// Why a table is not a valid record, and where inside its chunk (`None`: the table as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Problem {
    pub at: Option<usize>,
    pub message: String,
}

/// Builds the record a table names, `Ok(None)` for a table this version does not know.
pub(super) fn build(name: &str, fields: &[Field<'_>]) -> Result<Option<Record>, Problem> {
    let fields = Fields {
        list: fields,
        table: name,
    };
    let record = match name {
        "session" => Record::Session(session(&fields)?),
        "checkin" => Record::Checkin(checkin(&fields)?),
        "rest" => Record::Rest(RestRecord {
            date: fields.date("date")?,
            reason: fields.opt_str("reason")?,
        }),
        _ => return Ok(None),
    };
    Ok(Some(record))
}

fn session(f: &Fields<'_, '_>) -> Result<SessionRecord, Problem> {
    Ok(SessionRecord {
        routine: f.string("routine")?,
        title: f.string("title")?,
        variant: f.string("variant")?,
        started: f.datetime("started")?,
        ended: f.datetime("ended")?,
        active_seconds: f.number("active_seconds")?,
        completed: f.boolean("completed")?,
        steps_done: f.number("steps_done")?,
        steps_total: f.number("steps_total")?,
        stiffness_before: f.opt_stiffness("stiffness_before")?,
        stiffness_after: f.opt_stiffness("stiffness_after")?,
        note: f.opt_str("note")?,
        painful_steps: f.opt_strings("painful_steps")?,
    })
}

fn checkin(f: &Fields<'_, '_>) -> Result<CheckinRecord, Problem> {
    Ok(CheckinRecord {
        at: f.datetime("at")?,
        stiffness: f.required("stiffness", stiffness)?,
        note: f.opt_str("note")?,
    })
}

fn stiffness(value: &Value<'_>) -> Option<u8> {
    match value {
        Value::Int(n) => u8::try_from(*n).ok().filter(|n| *n <= STIFFNESS_MAX),
        _ => None,
    }
}

/// The fields of one table, looked up by key, with errors that name the key.
struct Fields<'f, 'a> {
    list: &'f [Field<'a>],
    table: &'f str,
}

impl Fields<'_, '_> {
    fn optional<T>(
        &self,
        key: &str,
        convert: impl Fn(&Value<'_>) -> Option<T>,
    ) -> Result<Option<T>, Problem> {
        let Some(field) = self.list.iter().find(|f| f.key == key) else {
            return Ok(None);
        };
        convert(&field.value).map(Some).ok_or_else(|| Problem {
            at: Some(field.at),
            message: format!(
                "`{key}` must be {}, not {}",
                expected(key),
                found(&field.value)
            ),
        })
    }

    fn required<T>(
        &self,
        key: &str,
        convert: impl Fn(&Value<'_>) -> Option<T>,
    ) -> Result<T, Problem> {
        self.optional(key, convert)?.ok_or_else(|| Problem {
            at: None,
            message: format!(
                "[[{}]] lacks `{key}`, which must be {}",
                self.table,
                expected(key)
            ),
        })
    }

    fn string(&self, key: &str) -> Result<String, Problem> {
        self.required(key, text)
    }

    fn opt_str(&self, key: &str) -> Result<Option<String>, Problem> {
        self.optional(key, text)
    }

    fn datetime(&self, key: &str) -> Result<DateTime<FixedOffset>, Problem> {
        self.required(key, |v| {
            if let Value::DateTime(at) = v {
                Some(*at)
            } else {
                None
            }
        })
    }

    fn date(&self, key: &str) -> Result<chrono::NaiveDate, Problem> {
        self.required(key, |v| {
            if let Value::Date(d) = v {
                Some(*d)
            } else {
                None
            }
        })
    }

    fn boolean(&self, key: &str) -> Result<bool, Problem> {
        self.required(key, |v| {
            if let Value::Bool(b) = v {
                Some(*b)
            } else {
                None
            }
        })
    }

    /// A whole number that fits `T` (so never negative for the unsigned counts).
    fn number<T: TryFrom<i64>>(&self, key: &str) -> Result<T, Problem> {
        self.required(key, |v| match v {
            Value::Int(n) => T::try_from(*n).ok(),
            _ => None,
        })
    }

    fn opt_stiffness(&self, key: &str) -> Result<Option<u8>, Problem> {
        self.optional(key, stiffness)
    }

    #[allow(clippy::redundant_closure_for_method_calls)] // file being rewritten (issue 8)
    fn opt_strings(&self, key: &str) -> Result<Vec<String>, Problem> {
        let list = self.optional(key, |v| match v {
            Value::Strings(items) => Some(items.iter().map(|s| s.to_string()).collect()),
            _ => None,
        })?;
        Ok(list.unwrap_or_default())
    }
}

fn text(value: &Value<'_>) -> Option<String> {
    match value {
        Value::Str(s) => Some(Cow::to_string(s)),
        _ => None,
    }
}

/// What a key must hold, in the words of the journal's documentation.
fn expected(key: &str) -> &'static str {
    match key {
        "started" | "ended" | "at" => {
            "a date and time with its UTC offset, like 2026-11-21T07:02:11+01:00"
        }
        "date" => "a date, like 2026-11-21",
        "completed" => "true or false",
        "stiffness" | "stiffness_before" | "stiffness_after" => "a whole number from 0 to 10",
        "active_seconds" | "steps_done" | "steps_total" => "a whole number from 0 up",
        "painful_steps" => "a list of step names in quotes",
        _ => "text in double quotes",
    }
}

/// What was found instead, in plain words.
fn found(value: &Value<'_>) -> String {
    match value {
        Value::Int(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Str(_) => "text".to_string(),
        Value::DateTime(_) => "a date and time".to_string(),
        Value::Date(_) => "a date".to_string(),
        Value::Strings(_) => "a list".to_string(),
        Value::Other(kind) => (*kind).to_string(),
    }
}
