//! The validated, in-memory shape of a routine: what the engine and the screens consume.
//!
//! Every value here has passed validation, so consumers never re-check durations or counts.

use std::time::Duration;

use super::step::Step;

/// How one breath is paced: the four phases of a breathing cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Breathing {
    pub inhale: Duration,
    pub hold: Duration,
    pub exhale: Duration,
    pub hold_after: Duration,
}

impl Breathing {
    /// Builds a pattern from seconds (fractions allowed), rounded to whole milliseconds.
    #[must_use]
    pub fn from_secs(inhale: f64, hold: f64, exhale: f64, hold_after: f64) -> Self {
        Self {
            inhale: secs(inhale),
            hold: secs(hold),
            exhale: secs(exhale),
            hold_after: secs(hold_after),
        }
    }

    /// The length of one whole cycle.
    #[must_use]
    pub fn cycle(&self) -> Duration {
        self.inhale + self.hold + self.exhale + self.hold_after
    }
}

/// Converts non-negative seconds to a `Duration` rounded to the millisecond, so that
/// every offset in a timeline is an exact integer number of milliseconds.
#[must_use]
pub fn secs(seconds: f64) -> Duration {
    // Validation guarantees a finite, non-negative, bounded value; the cast is exact enough.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Duration::from_millis((seconds * 1000.0).round() as u64)
}

/// The rehabilitation phase a routine is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Reassurance = 1,
    Capacity = 2,
    Integration = 3,
    Performance = 4,
}

impl Phase {
    /// The phase's number (1 to 4) as written in routine files.
    #[must_use]
    pub fn number(self) -> u8 {
        self as u8
    }

    /// A short label for people, such as "capacity building".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Phase::Reassurance => "reassurance and reconnection",
            Phase::Capacity => "capacity building",
            Phase::Integration => "integration into real life",
            Phase::Performance => "performance and protection",
        }
    }
}

/// A whole routine, ready to be turned into a timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routine {
    /// The id used on the command line: the file name without `.toml`.
    pub id: String,
    pub title: String,
    pub wardrobe: String,
    pub summary: String,
    pub setting: Vec<String>,
    pub phase: Option<Phase>,
    /// The routine's default breathing pattern.
    pub breathing: Breathing,
    /// The cue shown while switching sides in per-side steps lasts this long.
    pub switch_sides: Duration,
    pub steps: Vec<Step>,
    /// Which text of the routine file this is: a short hash of it (see [`version_of`]),
    /// recorded with each session so a report can tell when the file changed.
    pub version: String,
}

/// The version of a routine file's text: 8 hex digits of its FNV-1a hash. Stable across
/// builds and platforms; not cryptographic (it tells edits apart, it does not resist them).
#[must_use]
pub fn version_of(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{:08x}", (hash ^ (hash >> 32)) & 0xffff_ffff)
}

/// Which version of a routine to play.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Variant {
    #[default]
    Full,
    /// Only the steps marked `essential`.
    Short,
}

impl Variant {
    /// The word used in the journal and on screen: "full" or "short".
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Variant::Full => "full",
            Variant::Short => "short",
        }
    }
}

impl Routine {
    /// The steps played in a variant, in order, as written (see [`Step::work_in`] for what
    /// the short version plays of each).
    pub fn steps_for(&self, variant: Variant) -> impl Iterator<Item = &Step> {
        self.steps
            .iter()
            .filter(move |s| variant == Variant::Full || s.essential)
    }

    /// The steps a session plays: the variant's steps, shortened for the short version, with
    /// the steps named in `easier` replaced by their easier version when they have one.
    #[must_use]
    pub fn played_steps(&self, variant: Variant, easier: &[String]) -> Vec<Step> {
        self.steps_for(variant)
            .map(|step| match &step.easier {
                Some(eased) if easier.contains(&step.name) => (**eased).clone(),
                _ => step.in_variant(variant),
            })
            .collect()
    }

    /// Whether a short version exists (at least one step is essential).
    #[must_use]
    pub fn has_short(&self) -> bool {
        self.steps.iter().any(|s| s.essential)
    }

    /// The total time of a variant, transitions, switches and rests included.
    #[must_use]
    pub fn total(&self, variant: Variant) -> Duration {
        self.steps_for(variant)
            .map(|s| s.total(s.work_in(variant), self.switch_sides))
            .sum()
    }
}
