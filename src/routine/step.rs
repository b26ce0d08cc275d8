//! One movement of a routine, validated: what it asks for (its work), the words shown and
//! spoken for it, its sides, and the versions of it a session may play instead (shorter in
//! the short version, easier after it was marked painful).

use std::time::Duration;

use super::model::{Breathing, Variant};

/// What a step asks for: a timed hold or flow, or a counted set of repetitions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Work {
    /// Held or flowed for this long (per side when the step is per side), paced by breathing.
    Timed(Duration),
    /// `count` repetitions, each `effort` (breathing out), then `hold` (the position held,
    /// breathing easily; often zero), then `release` (breathing in).
    Reps {
        count: u32,
        effort: Duration,
        hold: Duration,
        release: Duration,
    },
}

impl Work {
    /// Counted work without a hold inside each rep.
    #[must_use]
    pub fn reps(count: u32, effort: Duration, release: Duration) -> Self {
        Work::Reps {
            count,
            effort,
            hold: Duration::ZERO,
            release,
        }
    }

    /// The time the work takes for one side.
    #[must_use]
    pub fn duration(&self) -> Duration {
        match self {
            Work::Timed(d) => *d,
            Work::Reps {
                count,
                effort,
                hold,
                release,
            } => (*effort + *hold + *release) * *count,
        }
    }
}

/// Which half of a per-side step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// The word written in routine files and shown on screen: "left" or "right".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    /// The other side.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// What a person is told about each side when a step's file says nothing.
pub const DEFAULT_SIDES: [&str; 2] = ["left side", "right side"];

/// One movement of a routine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub name: String,
    /// What to do while moving, short enough to read during the get-ready; it carries the
    /// step's limit of comfort, so it is the part always on screen.
    pub cue: String,
    /// Set-up and fine points, for reading before or between sessions.
    pub detail: Option<String>,
    /// Spoken at the get-ready instead of the default words, when voice is on.
    pub say: Option<String>,
    pub work: Work,
    /// The breathing that paces this step (the step's own, or the routine's).
    pub breathing: Breathing,
    /// Played for one side, then the other, with a switch between.
    pub per_side: bool,
    /// What each side means for this step, left then right: "left arm on top".
    pub sides: [String; 2],
    /// The side played first.
    pub first_side: Side,
    /// Part of the routine's short version.
    pub essential: bool,
    /// The shorter work the short version plays, if it shortens this step.
    pub short: Option<Work>,
    /// The "get ready" transition before the step.
    pub get_ready: Duration,
    /// Rest after the step.
    pub rest: Duration,
    /// The easier version of this step, offered after it was marked painful.
    pub easier: Option<Box<Step>>,
    /// This is the easier version of the step of the same name.
    pub eased: bool,
}

impl Step {
    /// A step with the format's defaults: no cue, the given breathing, one side, no
    /// get-ready, no rest, in the full version only.
    #[must_use]
    pub fn new(name: &str, work: Work, breathing: Breathing) -> Self {
        Self {
            name: name.to_string(),
            cue: String::new(),
            detail: None,
            say: None,
            work,
            breathing,
            per_side: false,
            sides: DEFAULT_SIDES.map(String::from),
            first_side: Side::Left,
            essential: false,
            short: None,
            get_ready: Duration::ZERO,
            rest: Duration::ZERO,
            easier: None,
            eased: false,
        }
    }

    /// The work played in a variant: the short version's, if it shortens this step.
    #[must_use]
    pub fn work_in(&self, variant: Variant) -> &Work {
        match (variant, &self.short) {
            (Variant::Short, Some(short)) => short,
            _ => &self.work,
        }
    }

    /// This step as the variant plays it (its short work in the short version).
    #[must_use]
    pub fn in_variant(&self, variant: Variant) -> Step {
        Step {
            work: self.work_in(variant).clone(),
            short: None,
            ..self.clone()
        }
    }

    /// What a side means for this step, such as "left arm on top".
    #[must_use]
    pub fn side_label(&self, side: Side) -> &str {
        match side {
            Side::Left => &self.sides[0],
            Side::Right => &self.sides[1],
        }
    }

    /// The sides in playing order.
    #[must_use]
    pub fn side_order(&self) -> [Side; 2] {
        [self.first_side, self.first_side.other()]
    }

    /// How much the step asks for in a variant, as people read it: "10 reps", "0:30",
    /// "0:30 each side".
    #[must_use]
    pub fn amount_in(&self, variant: Variant) -> String {
        let amount = match self.work_in(variant) {
            Work::Timed(d) => crate::text::mss(*d),
            Work::Reps { count, .. } => format!("{count} reps"),
        };
        let sides = if self.per_side { " each side" } else { "" };
        format!("{amount}{sides}")
    }

    /// The step's share of a session when it plays `work`: get ready, the work (twice and a
    /// switch when per side), rest.
    #[must_use]
    pub fn total(&self, work: &Work, switch_sides: Duration) -> Duration {
        let body = if self.per_side {
            work.duration() * 2 + switch_sides
        } else {
            work.duration()
        };
        self.get_ready + body + self.rest
    }
}
