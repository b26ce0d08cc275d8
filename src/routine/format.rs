//! The routine file as written: serde shapes that mirror the TOML, with spans kept on every
//! value a semantic check may need to point at. `routines/README.md` documents this format.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

/// The top level of a routine file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRoutine {
    pub title: Spanned<String>,
    pub wardrobe: Spanned<String>,
    pub summary: Spanned<String>,
    #[serde(default)]
    pub setting: Vec<String>,
    pub phase: Option<Spanned<i64>>,
    pub breathing: Option<Spanned<RawBreathing>>,
    pub get_ready: Option<Spanned<Seconds>>,
    pub switch_sides: Option<Spanned<Seconds>>,
    #[serde(default)]
    pub step: Vec<Spanned<RawStep>>,
}

/// One `[[step]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub name: Spanned<String>,
    pub cue: Spanned<String>,
    pub detail: Option<Spanned<String>>,
    pub say: Option<Spanned<String>>,
    pub seconds: Option<Spanned<Seconds>>,
    pub reps: Option<Spanned<i64>>,
    pub effort: Option<Spanned<Seconds>>,
    pub hold: Option<Spanned<Seconds>>,
    pub release: Option<Spanned<Seconds>>,
    pub breathing: Option<Spanned<RawBreathing>>,
    #[serde(default)]
    pub per_side: bool,
    pub sides: Option<Spanned<Vec<String>>>,
    pub first_side: Option<Spanned<String>>,
    #[serde(default)]
    pub essential: bool,
    pub short: Option<Spanned<RawShort>>,
    pub get_ready: Option<Spanned<Seconds>>,
    pub rest: Option<Spanned<Seconds>>,
    pub easier: Option<Spanned<RawEasier>>,
}

/// A step's `short` table: what the short version plays instead of the full work.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShort {
    pub seconds: Option<Spanned<Seconds>>,
    pub reps: Option<Spanned<i64>>,
}

/// A step's `easier` table: its easier version. Work keys left out are the step's own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEasier {
    pub cue: Spanned<String>,
    pub detail: Option<Spanned<String>>,
    pub say: Option<Spanned<String>>,
    pub seconds: Option<Spanned<Seconds>>,
    pub reps: Option<Spanned<i64>>,
    pub effort: Option<Spanned<Seconds>>,
    pub hold: Option<Spanned<Seconds>>,
    pub release: Option<Spanned<Seconds>>,
    pub per_side: Option<bool>,
}

/// The keys that say how much work a step asks for, borrowed from a step or its easier
/// version, so both are checked by the same code.
#[derive(Debug, Clone, Copy)]
pub struct WorkKeys<'a> {
    pub seconds: Option<&'a Spanned<Seconds>>,
    pub reps: Option<&'a Spanned<i64>>,
    pub effort: Option<&'a Spanned<Seconds>>,
    pub hold: Option<&'a Spanned<Seconds>>,
    pub release: Option<&'a Spanned<Seconds>>,
}

impl RawStep {
    /// This step's work keys.
    #[must_use]
    pub fn work_keys(&self) -> WorkKeys<'_> {
        WorkKeys {
            seconds: self.seconds.as_ref(),
            reps: self.reps.as_ref(),
            effort: self.effort.as_ref(),
            hold: self.hold.as_ref(),
            release: self.release.as_ref(),
        }
    }
}

impl RawEasier {
    /// The easier version's work keys: its own, and where it sets neither `seconds` nor
    /// `reps`, the step's for the rest. Setting `seconds` leaves the step's reps behind;
    /// setting `reps` keeps the step's effort, hold and release unless it gives its own.
    #[must_use]
    pub fn work_keys<'a>(&'a self, step: WorkKeys<'a>) -> WorkKeys<'a> {
        if self.seconds.is_some() {
            return WorkKeys {
                seconds: self.seconds.as_ref(),
                reps: self.reps.as_ref(),
                effort: self.effort.as_ref(),
                hold: self.hold.as_ref(),
                release: self.release.as_ref(),
            };
        }
        WorkKeys {
            seconds: if self.reps.is_some() {
                None
            } else {
                step.seconds
            },
            reps: self.reps.as_ref().or(step.reps),
            effort: self.effort.as_ref().or(step.effort),
            hold: self.hold.as_ref().or(step.hold),
            release: self.release.as_ref().or(step.release),
        }
    }
}

/// A breathing pattern: a preset's name or the four phases spelled out.
#[derive(Debug)]
pub enum RawBreathing {
    Preset(String),
    Custom(RawPattern),
}

impl<'de> Deserialize<'de> for RawBreathing {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BreathingVisitor;
        impl<'de> Visitor<'de> for BreathingVisitor {
            type Value = RawBreathing;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a preset name (\"calm\", \"box\", \"coherent\", \"4-7-8\") or a table { inhale, hold, exhale, hold_after }")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<RawBreathing, E> {
                Ok(RawBreathing::Preset(name.to_string()))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<RawBreathing, A::Error> {
                RawPattern::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawBreathing::Custom)
            }
        }
        deserializer.deserialize_any(BreathingVisitor)
    }
}

/// The four phases of a custom breathing pattern, in seconds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPattern {
    pub inhale: Spanned<Seconds>,
    pub hold: Option<Spanned<Seconds>>,
    pub exhale: Spanned<Seconds>,
    pub hold_after: Option<Spanned<Seconds>>,
}

/// Seconds as written: a whole number or a fraction.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Seconds(pub f64);

impl<'de> Deserialize<'de> for Seconds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SecondsVisitor;
        impl Visitor<'_> for SecondsVisitor {
            type Value = Seconds;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number of seconds without quotes, like 30 or 2.5")
            }
            #[allow(clippy::cast_precision_loss)]
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Seconds, E> {
                Ok(Seconds(n as f64))
            }
            #[allow(clippy::cast_precision_loss)]
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Seconds, E> {
                Ok(Seconds(n as f64))
            }
            fn visit_f64<E: de::Error>(self, x: f64) -> Result<Seconds, E> {
                Ok(Seconds(x))
            }
        }
        deserializer.deserialize_any(SecondsVisitor)
    }
}
