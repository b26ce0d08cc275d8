//! The person's settings from `config.toml`: all optional, with defaults that need no file.
//!
//! A value that cannot be used never stops poised: it becomes a warning that names
//! `PATH:LINE:COLUMN`, says what to write, and which default is used instead.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use serde::Deserialize;
use toml::{Spanned, Value};

use crate::text::{line_column, plain::toml_message};

/// The settings poised knows, for messages.
const KEYS: &[&str] = &[
    "bell",
    "reduced_motion",
    "day_starts_at",
    "journal_dir",
    "voice",
    "theme",
    "desk",
];

use crate::desk::DeskSettings;
use crate::voice::VoiceSetting;

/// Settings read from `config.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Ring the terminal bell at each step change and side switch.
    pub bell: bool,
    /// Show the breathing pacer as words and seconds only, with no animation.
    pub reduced_motion: bool,
    /// When a new day begins for streaks ("HH:MM"): a session at 00:30 counts for the day before.
    pub day_starts_at: NaiveTime,
    /// Speak the cues: "off", "auto", or a speech program's command line.
    pub voice: VoiceSetting,
    /// The colours: for a "dark" or a "light" background, or "auto" to ask the terminal.
    pub theme: ThemeSetting,
    /// A folder to keep the journal in, one file per machine, for a sync tool to carry
    /// between machines; relative to this file's folder.
    pub journal_dir: Option<PathBuf>,
    /// Desk mode: resets through the working day (`[desk]`).
    pub desk: DeskSettings,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            bell: true,
            reduced_motion: false,
            day_starts_at: NaiveTime::from_hms_opt(3, 0, 0).unwrap_or(NaiveTime::MIN),
            voice: VoiceSetting::Off,
            theme: ThemeSetting::Auto,
            journal_dir: None,
            desk: DeskSettings::default(),
        }
    }
}

/// The settings to use, and a warning for each value that was left at its default.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loaded {
    pub config: Config,
    pub warnings: Vec<String>,
}

impl Config {
    /// Reads the config file; a missing file means all defaults, an unreadable one too
    /// (with a warning).
    #[must_use]
    pub fn load(path: &Path) -> Loaded {
        match crate::files::read_text(path, crate::files::CONFIG_MAX) {
            Ok(text) => Self::parse(path, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Loaded::default(),
            Err(e) => Loaded {
                config: Self::default(),
                warnings: vec![format!(
                    "{}: cannot read the config file ({e}); using the defaults",
                    path.display(),
                )],
            },
        }
    }

    /// Reads settings from `text` (the contents of `path`), each bad value a warning.
    #[must_use]
    pub fn parse(path: &Path, text: &str) -> Loaded {
        let mut loaded = Loaded::default();
        let at = |offset: usize, message: String| {
            let (line, column) = line_column(text, offset);
            format!("{}:{line}:{column}: {message}", path.display())
        };
        let table: BTreeMap<Spanned<String>, Spanned<Value>> = match toml::from_str(text) {
            Ok(table) => table,
            Err(e) => {
                let offset = e.span().map_or(0, |s| s.start);
                let message = format!("{}; using the defaults", toml_message(text, &e));
                loaded.warnings.push(at(offset, message));
                return loaded;
            }
        };
        let mut problems = Vec::new();
        for (key, value) in &table {
            if key.get_ref() == "desk" {
                match desk(text) {
                    Ok(desk) => loaded.config.desk = desk,
                    Err(problem) => problems.push(problem),
                }
                continue;
            }
            if let Err(message) = loaded.config.set(key.get_ref(), value.get_ref()) {
                let offset = if KEYS.contains(&key.get_ref().as_str()) {
                    value.span().start
                } else {
                    key.span().start
                };
                problems.push((offset, message));
            }
        }
        problems.sort();
        loaded.warnings = problems.into_iter().map(|(o, m)| at(o, m)).collect();
        loaded
    }

    /// Sets one top-level key, or says why not (and which default stays).
    fn set(&mut self, key: &str, value: &Value) -> Result<(), String> {
        let default = Self::default();
        match (key, value) {
            ("bell", Value::Boolean(b)) => self.bell = *b,
            ("reduced_motion", Value::Boolean(b)) => self.reduced_motion = *b,
            ("day_starts_at", Value::String(s)) => {
                self.day_starts_at = NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| {
                    format!("day_starts_at is a time of day as \"HH:MM\", like \"03:00\", not \"{s}\"; using the default, \"03:00\"")
                })?;
            }
            ("voice", _) => {
                self.voice = VoiceSetting::deserialize(value.clone())
                    .map_err(|e| format!("{}; using the default, \"off\"", e.message()))?;
            }
            ("theme", _) => {
                self.theme = ThemeSetting::deserialize(value.clone())
                    .map_err(|e| format!("{}; using the default, \"auto\"", e.message()))?;
            }
            ("journal_dir", Value::String(dir)) if !dir.is_empty() => {
                self.journal_dir = Some(PathBuf::from(dir));
            }
            ("journal_dir", _) => {
                return Err(format!(
                    "journal_dir is a folder in quotes, like \"~/Sync/poised\", not {value}; the journal stays in one file"
                ));
            }
            ("day_starts_at", _) => {
                return Err(format!(
                    "day_starts_at is a time in quotes, like \"03:00\", not {value}; using the default, \"03:00\""
                ));
            }
            ("bell" | "reduced_motion", _) => {
                let used = if key == "bell" {
                    default.bell
                } else {
                    default.reduced_motion
                };
                return Err(format!(
                    "{key} is true or false (without quotes), not {value}; using the default, {used}"
                ));
            }
            _ => {
                return Err(format!(
                    "`{key}` is not a setting poised knows: check its spelling (the settings are {}); ignored",
                    KEYS.join(", ")
                ));
            }
        }
        Ok(())
    }
}

/// `theme` in config.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeSetting {
    /// Ask the terminal for its background colour; dark if it does not say.
    #[default]
    Auto,
    Dark,
    Light,
}

impl<'de> Deserialize<'de> for ThemeSetting {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        match text.as_str() {
            "auto" => Ok(Self::Auto),
            "dark" => Ok(Self::Dark),
            "light" => Ok(Self::Light),
            _ => Err(serde::de::Error::custom(format!(
                "`theme` is \"{text}\"; write \"auto\", \"dark\" or \"light\""
            ))),
        }
    }
}

/// The `[desk]` table, read with its own types so its errors keep their places.
fn desk(text: &str) -> Result<DeskSettings, (usize, String)> {
    #[derive(serde::Deserialize)]
    struct DeskOnly {
        #[serde(default)]
        desk: DeskSettings,
    }
    toml::from_str::<DeskOnly>(text)
        .map(|d| d.desk)
        .map_err(|e| {
            let message = format!(
                "{}; using the default desk settings",
                toml_message(text, &e)
            );
            (e.span().map_or(0, |s| s.start), message)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Loaded {
        Config::parse(Path::new("config.toml"), text)
    }

    #[test]
    fn missing_keys_take_defaults() {
        let loaded = parse("bell = false");
        assert!(!loaded.config.bell);
        assert!(loaded.warnings.is_empty());
        assert_eq!(
            loaded.config.day_starts_at,
            NaiveTime::from_hms_opt(3, 0, 0).unwrap()
        );
    }

    #[test]
    fn day_start_must_be_hh_mm() {
        let loaded = parse("day_starts_at = \"3am\"");
        assert_eq!(loaded.config, Config::default());
        assert!(loaded.warnings[0].contains("like \"03:00\""));
        let config = parse("day_starts_at = \"05:30\"").config;
        assert_eq!(
            config.day_starts_at,
            NaiveTime::from_hms_opt(5, 30, 0).unwrap()
        );
    }

    #[test]
    fn a_bad_value_is_a_warning_with_its_place_and_the_default() {
        let loaded =
            parse("bell = \"yes\"\nreduced_motion = true\nday_starts_at = 03:00\nbel = false\n");
        assert!(loaded.config.bell);
        assert!(loaded.config.reduced_motion);
        assert_eq!(
            loaded.warnings,
            [
                "config.toml:1:8: bell is true or false (without quotes), not \"yes\"; using the default, true",
                "config.toml:3:17: day_starts_at is a time in quotes, like \"03:00\", not 03:00; using the default, \"03:00\"",
                "config.toml:4:1: `bel` is not a setting poised knows: check its spelling (the settings are bell, reduced_motion, day_starts_at, journal_dir, voice, theme, desk); ignored",
            ]
        );
    }

    #[test]
    fn a_file_that_is_not_toml_keeps_every_default() {
        let loaded = parse("bell = = true");
        assert_eq!(loaded.config, Config::default());
        assert!(
            loaded.warnings[0].starts_with("config.toml:1:"),
            "{:?}",
            loaded.warnings
        );
        assert!(loaded.warnings[0].ends_with("using the defaults"));
    }

    #[test]
    fn a_bad_desk_value_is_a_warning_with_its_place() {
        let loaded = parse("bell = false\n[desk]\nevery = \"5h\"\n");
        assert!(!loaded.config.bell);
        assert_eq!(loaded.config.desk, DeskSettings::default());
        assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
        assert!(
            loaded.warnings[0].starts_with("config.toml:3:9: "),
            "{:?}",
            loaded.warnings
        );
        assert!(
            loaded.warnings[0].contains("from 10s to 4h"),
            "{:?}",
            loaded.warnings
        );
        assert!(loaded.warnings[0].ends_with("using the default desk settings"));
    }
}
