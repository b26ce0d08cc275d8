//! The `voice` setting of config.toml: "off", "auto", or a command line.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

/// The programs "auto" looks for on PATH, in this order.
pub const AUTO_PROGRAMS: [&str; 4] = ["spd-say", "espeak-ng", "espeak", "say"];

/// How cues are spoken.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum VoiceSetting {
    /// Silent (the default); `--voice` or `v` can still turn on the first program found.
    #[default]
    Off,
    /// The first of [`AUTO_PROGRAMS`] found on PATH.
    Auto,
    /// A program and its arguments, separated by spaces; the text is given last.
    Command(Vec<String>),
}

impl VoiceSetting {
    /// The command to speak with: this one, or for "off" and "auto" the first program found
    /// on `path` (the PATH variable).
    #[must_use]
    pub fn command(&self, path: Option<&OsStr>) -> Option<Vec<String>> {
        match self {
            Self::Command(words) => Some(words.clone()),
            Self::Off | Self::Auto => AUTO_PROGRAMS
                .iter()
                .find(|name| find_program(name, path).is_some())
                .map(|name| vec![(*name).to_string()]),
        }
    }

    /// Whether cues are spoken from the start.
    #[must_use]
    pub fn on(&self) -> bool {
        *self != Self::Off
    }
}

impl<'de> Deserialize<'de> for VoiceSetting {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        match text.trim() {
            "off" => Ok(Self::Off),
            "auto" => Ok(Self::Auto),
            "" => Err(serde::de::Error::custom(
                "`voice` is empty; write \"off\", \"auto\", or a speech program such as \"espeak-ng -s 150\"",
            )),
            _ => Ok(Self::Command(words)),
        }
    }
}

/// Where `name` is found on `path` as an executable file, if it is.
#[must_use]
pub fn find_program(name: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    std::env::split_paths(path?)
        .map(|dir| dir.join(name))
        .find(|candidate| executable(candidate))
}

fn executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
