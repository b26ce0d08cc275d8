//! Routines: the file format, the built-in wardrobes, loading and validation.

pub mod model;

pub use model::{Breathing, Phase, Routine, Step, Variant, Work};
