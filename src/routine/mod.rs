//! Routines: the file format, the built-in wardrobes, loading and validation.
//!
//! Text becomes a [`Routine`] only through [`validate`], so everything downstream can trust it.

mod format;
pub mod limits;
pub mod load;
pub mod model;
pub mod presets;
pub mod readable;
pub mod step;
mod step_check;
pub mod validate;

pub use load::{Diagnostic, Library};
pub use model::{Breathing, Phase, Routine, Variant};
pub use step::{Side, Step, Work};
