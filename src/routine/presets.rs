//! The named breathing patterns a routine can refer to instead of spelling out the phases.

use super::model::Breathing;

/// Every preset as (name, inhale, hold, exhale, hold after), in seconds.
pub const PRESETS: &[(&str, [f64; 4])] = &[
    ("calm", [4.0, 0.0, 6.0, 0.0]),
    ("box", [4.0, 4.0, 4.0, 4.0]),
    ("coherent", [5.5, 0.0, 5.5, 0.0]),
    ("4-7-8", [4.0, 7.0, 8.0, 0.0]),
];

/// The preset used when a routine names none: a longer breath out than in.
pub const DEFAULT_PRESET: &str = "calm";

/// Looks a preset up by name.
#[must_use]
pub fn preset(name: &str) -> Option<Breathing> {
    PRESETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, [i, h, e, a])| Breathing::from_secs(*i, *h, *e, *a))
}

/// The preset names, for error messages: `"calm", "box", ...`.
#[must_use]
pub fn names() -> String {
    PRESETS
        .iter()
        .map(|(n, _)| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn coherent_keeps_its_half_seconds() {
        let b = preset("coherent").unwrap();
        assert_eq!(b.inhale, Duration::from_millis(5500));
        assert_eq!(b.cycle(), Duration::from_secs(11));
    }

    #[test]
    fn unknown_presets_are_none() {
        assert!(preset("fast").is_none());
        assert!(names().contains("\"4-7-8\""));
    }
}
