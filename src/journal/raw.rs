//! The shape of a chunk as TOML gives it, derived with serde: one raw type per record kind,
//! each key kept as the TOML value found, with its place, so [`super::decode`] can say in
//! plain words what is wrong and where.
//!
//! To add a key to a record: one line in its raw type here, one in [`super::decode`] (its
//! rule), one in [`super::encode`]. `id`, `crc` and `by_hand` are in every record
//! ([`super::seal`]).

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

/// One key of a record: absent, or the value found with its byte range in the chunk.
pub(super) type Field = Option<Spanned<toml::Value>>;

/// `[[session]]`: one played session.
#[derive(Deserialize)]
pub(super) struct RawSession {
    /// Format 2: the record's id, its integrity line, or the mark of a hand-written record.
    pub id: Field,
    pub crc: Field,
    pub by_hand: Field,
    pub routine: Field,
    pub title: Field,
    pub variant: Field,
    pub started: Field,
    pub ended: Field,
    pub active_seconds: Field,
    pub completed: Field,
    pub steps_done: Field,
    pub steps_total: Field,
    pub stiffness_before: Field,
    pub stiffness_after: Field,
    pub note: Field,
    pub painful_steps: Field,
    pub marks: Field,
    pub work_seconds: Field,
    pub work_seconds_planned: Field,
    pub reached_end: Field,
    pub skipped_steps: Field,
    pub learn: Field,
    pub routine_version: Field,
}

/// `[[checkin]]`: a morning check-in.
#[derive(Deserialize)]
pub(super) struct RawCheckin {
    /// Format 2: the record's id, its integrity line, or the mark of a hand-written record.
    pub id: Field,
    pub crc: Field,
    pub by_hand: Field,
    pub at: Field,
    pub stiffness: Field,
    pub note: Field,
}

/// `[[rest]]`: a rest day.
#[derive(Deserialize)]
pub(super) struct RawRest {
    /// Format 2: the record's id, its integrity line, or the mark of a hand-written record.
    pub id: Field,
    pub crc: Field,
    pub by_hand: Field,
    pub date: Field,
    pub reason: Field,
}

/// `[[desk]]`: desk mode opened, or a prompt answered.
#[derive(Deserialize)]
pub(super) struct RawDesk {
    /// Format 2: the record's id, its integrity line, or the mark of a hand-written record.
    pub id: Field,
    pub crc: Field,
    pub by_hand: Field,
    pub at: Field,
    pub event: Field,
    pub offered: Field,
}

/// `[[void]]`: a record taken back by `poised undo`.
#[derive(Deserialize)]
pub(super) struct RawVoid {
    /// Format 2: the record's id, its integrity line, or the mark of a hand-written record.
    pub id: Field,
    pub crc: Field,
    pub by_hand: Field,
    pub at: Field,
    pub record: Field,
}

/// A chunk that starts with a table header: at most one of the tables poised knows (the
/// split puts every header in a chunk of its own); other tables are ignored.
#[derive(Deserialize)]
pub(super) struct RawTables {
    pub session: Option<Entries<RawSession>>,
    pub checkin: Option<Entries<RawCheckin>>,
    pub rest: Option<Entries<RawRest>>,
    pub desk: Option<Entries<RawDesk>>,
    pub void: Option<Entries<RawVoid>>,
}

/// What a known table name held: the array a `[[name]]` header makes, or a plain table
/// (`[name]`, a mistake worth naming).
pub(super) enum Entries<T> {
    Array(Vec<T>),
    Table,
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

/// The bytes before the first header: loose keys, of which only `format` means something.
pub(super) type RawLoose = std::collections::BTreeMap<String, Spanned<toml::Value>>;
