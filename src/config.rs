//! The person's settings from `config.toml`: all optional, with defaults that need no file.

use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use serde::Deserialize;

use crate::desk::DeskSettings;

/// Settings read from `config.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Ring the terminal bell at each step change and side switch.
    pub bell: bool,
    /// Show the breathing pacer as words and seconds only, with no animation.
    pub reduced_motion: bool,
    /// When a new day begins for streaks ("HH:MM"): a session at 00:30 counts for the day before.
    #[serde(with = "hh_mm")]
    pub day_starts_at: NaiveTime,
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
            journal_dir: None,
            desk: DeskSettings::default(),
        }
    }
}

/// Why `config.toml` could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read the config file: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}\n  fix the setting or remove it to use the default")]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

impl Config {
    /// Reads the config file; a missing file means all defaults.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        toml::from_str(&text).map_err(|e| {
            let (line, column) = crate::text::line_column(&text, e.span().map_or(0, |s| s.start));
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().to_string(),
            }
        })
    }
}

mod hh_mm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(&text, "%H:%M").map_err(|_| {
            serde::de::Error::custom(format!(
                "`{text}` is not a time of day; write it as \"HH:MM\", for example \"03:00\""
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_take_defaults() {
        let config: Config = toml::from_str("bell = false").unwrap();
        assert!(!config.bell);
        assert_eq!(
            config.day_starts_at,
            NaiveTime::from_hms_opt(3, 0, 0).unwrap()
        );
    }

    #[test]
    fn day_start_must_be_hh_mm() {
        assert!(toml::from_str::<Config>("day_starts_at = \"3am\"").is_err());
        let config: Config = toml::from_str("day_starts_at = \"05:30\"").unwrap();
        assert_eq!(
            config.day_starts_at,
            NaiveTime::from_hms_opt(5, 30, 0).unwrap()
        );
    }

    #[test]
    fn a_bad_desk_value_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[desk]\nevery = \"5h\"\n").unwrap();
        let err = Config::load(&path).unwrap_err().to_string();
        assert!(err.contains("config.toml:2:9:"), "{err}");
        assert!(err.contains("from 10s to 4h"), "{err}");
    }

    #[test]
    fn a_bad_file_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "bell = true\nbel = false\n").unwrap();
        let err = Config::load(&path).unwrap_err().to_string();
        assert!(err.contains("config.toml:2:1:"), "{err}");
    }
}
