//! `poised report`: a record of a period that the person can hand to a clinician.
//!
//! [`build`] turns the journal's records into a [`Report`] (pure: no files, no clock, no
//! terminal); [`html`] and [`markdown`] render it. The HTML is one self-contained file:
//! inline CSS with print rules, inline SVG charts, no script and nothing fetched.

mod adherence;
mod chart;
mod desk;
mod entries;
pub mod html;
mod input;
pub mod markdown;
mod model;
mod pain;
mod stiffness;
mod suggestions;
mod versions;
mod words;

pub use input::{Input, Period};
pub use model::{
    Adherence, DayCell, DayState, DeskWeek, EasierAfter, HintSpan, NextMorning, Note, PainMark,
    Report, RestDay, RoutineCount, RoutineDone, RoutineStep, StepChange, Stiffness, VersionChange,
    VersionUse, WeekCount, WeekMeans,
};

/// The line every report carries, in both formats.
pub const NOT_A_DIAGNOSIS: &str = "This is a record kept by the person it describes, from their \
own entries in poised. It is not a diagnosis and not medical advice.";

/// Builds the report of `input.period` from the records around it.
#[must_use]
pub fn build(input: &Input) -> Report {
    Report {
        period: input.period,
        routines_done: adherence::routine_counts(input),
        adherence: adherence::adherence(input),
        stiffness: stiffness::stiffness(input),
        pain: pain::pain_marks(input),
        notes: entries::notes(input),
        rest_days: entries::rest_days(input),
        routines: versions::routines_done(input),
        hints: suggestions::hint_spans(input),
    }
}
