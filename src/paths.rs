//! Where poised keeps its files, resolved once from the environment.

use std::path::{Path, PathBuf};

use crate::journal::folder::{JournalFile, journal_files, own_file_name};

/// The environment variable that puts every file of poised in one folder.
pub const HOME_VAR: &str = "POISED_HOME";

/// The environment variable that keeps the journal in a (synced) folder, one file per
/// machine; it wins over `journal_dir` in config.toml.
pub const JOURNAL_DIR_VAR: &str = "POISED_JOURNAL_DIR";

/// The places poised reads and writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config: PathBuf,
    pub routines: PathBuf,
    /// The journal file this machine appends to.
    pub journal: PathBuf,
    /// poised's local state: the derived files (the summary cache, the check-in marker) and
    /// this machine's name. Never inside a synced folder, so machines never fight over it.
    pub state: PathBuf,
    /// The folder of per-machine journal files, when the journal is kept in one.
    pub journal_dir: Option<PathBuf>,
}

impl Paths {
    /// Resolves every path from an environment lookup, so tests can pass their own
    /// environment instead of mutating the process's.
    ///
    /// `POISED_HOME` wins; otherwise the platform's config and data folders for "poised".
    /// Returns `None` only when neither is set nor a home folder can be found.
    pub fn resolve(env: impl Fn(&str) -> Option<String>) -> Option<Self> {
        let journal_dir = env(JOURNAL_DIR_VAR)
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from);
        if let Some(home) = env(HOME_VAR).filter(|h| !h.is_empty()) {
            return Some(Self {
                journal_dir,
                ..Self::in_folder(PathBuf::from(home))
            });
        }
        let dirs = directories::ProjectDirs::from("", "", "poised")?;
        Some(Self {
            config: dirs.config_dir().join("config.toml"),
            routines: dirs.config_dir().join("routines"),
            journal: dirs.data_dir().join("journal.toml"),
            state: dirs.data_dir().to_path_buf(),
            journal_dir,
        })
    }

    /// Settles where the journal is: the folder `POISED_JOURNAL_DIR` named, else the one
    /// config.toml names (`configured`, relative to the config's folder or to `~`), else the
    /// one file.
    /// A folder needs this machine's name, made once in the local state.
    pub fn settle(self, configured: Option<&Path>) -> std::io::Result<Self> {
        let config_folder = self.config.parent().unwrap_or(Path::new("."));
        let dir = match (&self.journal_dir, configured) {
            (Some(dir), _) => dir.clone(),
            (None, Some(dir)) => match dir.strip_prefix("~") {
                Ok(in_home) => directories::BaseDirs::new()
                    .map_or_else(|| dir.to_path_buf(), |b| b.home_dir().join(in_home)),
                Err(_) => config_folder.join(dir),
            },
            (None, None) => return Ok(self),
        };
        let device = crate::device::device_name(&self.state)?;
        Ok(self.with_journal_dir(dir, &device))
    }

    /// Keeps the journal in `dir`, where this machine (named `device`) appends to its own
    /// file and reads everyone's.
    #[must_use]
    pub fn with_journal_dir(self, dir: PathBuf, device: &str) -> Self {
        Self {
            journal: dir.join(own_file_name(device)),
            journal_dir: Some(dir),
            ..self
        }
    }

    /// Every journal file to read: the one file, or every file of the journal folder.
    pub fn journal_files(&self) -> std::io::Result<Vec<JournalFile>> {
        let Some(dir) = &self.journal_dir else {
            return Ok(vec![JournalFile {
                path: self.journal.clone(),
                kind: crate::journal::folder::FileKind::Own,
            }]);
        };
        let own = self
            .journal
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        journal_files(dir, &own)
    }

    /// Every file in one folder, as with `POISED_HOME`.
    #[must_use]
    pub fn in_folder(home: impl AsRef<std::path::Path>) -> Self {
        let home = home.as_ref();
        Self {
            config: home.join("config.toml"),
            routines: home.join("routines"),
            journal: home.join("journal.toml"),
            state: home.to_path_buf(),
            journal_dir: None,
        }
    }

    /// Where a journal kept as one file lives (the file `poised journal move` copies).
    #[must_use]
    pub fn single_journal(&self) -> PathBuf {
        self.state.join(crate::journal::folder::SINGLE_FILE)
    }

    /// The marker that says "Before you start" was read on the first run, in the local state
    /// (safe to delete: it is shown once more).
    #[must_use]
    pub fn safety_seen(&self) -> PathBuf {
        self.state.join("safety-seen")
    }

    /// The date the morning check-in was last offered, in the local state (safe to delete).
    #[must_use]
    pub fn checkin_asked(&self) -> PathBuf {
        self.state.join("checkin-asked")
    }

    /// The folder of the summary caches of a journal folder's files, in the local state.
    #[must_use]
    pub fn file_caches(&self) -> PathBuf {
        self.state.join("caches")
    }

    /// The summary cache of one file of a journal folder.
    #[must_use]
    pub fn file_cache(&self, file: &Path) -> PathBuf {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        self.file_caches().join(format!("{name}.cache"))
    }

    /// The summary cache, in the local state (derived, safe to delete).
    #[must_use]
    pub fn journal_cache(&self) -> PathBuf {
        self.state.join("journal.cache")
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
