//! Machines that share a journal folder through a sync tool, for the tests of several
//! machines: each has its own home (local state) and its own copy of the synced folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use poised::journal::folder::read_union;
use poised::journal::{Journal, Record, record_toml};
use poised::paths::Paths;

/// One machine: its own home (local state) and its own copy of the synced folder.
pub struct Machine {
    /// The local state; the synced folder is inside it, so both live as long as the machine.
    home: tempfile::TempDir,
    pub synced: PathBuf,
    pub paths: Paths,
}

impl Machine {
    pub fn new(device: &str) -> Self {
        let home = tempfile::tempdir().unwrap();
        // The name the binary keeps in the local state, so it appends to the same file.
        std::fs::write(home.path().join("device"), format!("{device}\n")).unwrap();
        let synced = home.path().join("Sync/poised");
        let paths = Paths::in_folder(home.path()).with_journal_dir(synced.clone(), device);
        Self {
            home,
            synced,
            paths,
        }
    }

    pub fn append(&self, record: &Record) {
        Journal::new(&self.paths.journal).append(record).unwrap();
    }

    /// What this machine reads: each record as poised writes it, and how many times.
    pub fn read(&self) -> Vec<String> {
        let files = self.paths.journal_files().unwrap();
        let (records, _warnings) = read_union(&files).unwrap().into_records();
        records.iter().map(record_toml).collect()
    }

    pub fn own_file(&self) -> &Path {
        &self.paths.journal
    }

    /// Runs the real binary on this machine at `now`, its journal in the synced folder.
    pub fn run(&self, now: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_poised"))
            .args(args)
            .env("POISED_HOME", self.home.path())
            .env("POISED_JOURNAL_DIR", &self.synced)
            .env("POISED_NOW", now)
            .output()
            .unwrap()
    }
}

/// How a sync tool delivers a file.
pub enum Delivery {
    Whole,
    /// Only the first bytes have arrived.
    Part(usize),
}

/// Copies `from`'s own file into `to`'s folder, as a sync tool does.
pub fn sync(from: &Machine, to: &Machine, delivery: Delivery) {
    let bytes = std::fs::read(from.own_file()).unwrap();
    let bytes = match delivery {
        Delivery::Whole => &bytes[..],
        Delivery::Part(n) => &bytes[..n.min(bytes.len())],
    };
    std::fs::create_dir_all(&to.synced).unwrap();
    let name = from.own_file().file_name().unwrap();
    std::fs::write(to.synced.join(name), bytes).unwrap();
}
