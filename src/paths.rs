//! Where poised keeps its files, resolved once from the environment.

use std::path::PathBuf;

/// The environment variable that puts every file of poised in one folder.
pub const HOME_VAR: &str = "POISED_HOME";

/// The three places poised reads and writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config: PathBuf,
    pub routines: PathBuf,
    pub journal: PathBuf,
}

impl Paths {
    /// Resolves every path from an environment lookup, so tests can pass their own
    /// environment instead of mutating the process's.
    ///
    /// `POISED_HOME` wins; otherwise the platform's config and data folders for "poised".
    /// Returns `None` only when neither is set nor a home folder can be found.
    pub fn resolve(env: impl Fn(&str) -> Option<String>) -> Option<Self> {
        if let Some(home) = env(HOME_VAR).filter(|h| !h.is_empty()) {
            return Some(Self::in_folder(PathBuf::from(home)));
        }
        let dirs = directories::ProjectDirs::from("", "", "poised")?;
        Some(Self {
            config: dirs.config_dir().join("config.toml"),
            routines: dirs.config_dir().join("routines"),
            journal: dirs.data_dir().join("journal.toml"),
        })
    }

    /// Every file in one folder, as with `POISED_HOME`.
    #[must_use]
    pub fn in_folder(home: impl AsRef<std::path::Path>) -> Self {
        let home = home.as_ref();
        Self {
            config: home.join("config.toml"),
            routines: home.join("routines"),
            journal: home.join("journal.toml"),
        }
    }

    /// The date the morning check-in was last offered, beside the journal (safe to delete).
    #[must_use]
    pub fn checkin_asked(&self) -> PathBuf {
        self.journal.with_file_name("checkin-asked")
    }

    /// The summary cache that sits beside the journal (derived, safe to delete).
    #[must_use]
    pub fn journal_cache(&self) -> PathBuf {
        self.journal.with_extension("cache")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poised_home_puts_everything_in_one_folder() {
        let paths = Paths::resolve(|k| (k == HOME_VAR).then(|| "/tmp/p".to_string())).unwrap();
        assert_eq!(paths.config, PathBuf::from("/tmp/p/config.toml"));
        assert_eq!(paths.routines, PathBuf::from("/tmp/p/routines"));
        assert_eq!(paths.journal, PathBuf::from("/tmp/p/journal.toml"));
    }

    #[test]
    fn without_poised_home_uses_platform_folders() {
        let paths = Paths::resolve(|k| (k == "HOME").then(|| "/home/u".to_string()));
        if let Some(paths) = paths {
            assert!(paths.config.ends_with("config.toml"));
            assert!(paths.journal.ends_with("journal.toml"));
            assert_ne!(paths.config.parent(), Some(std::path::Path::new("/tmp/p")));
        }
    }
}
