//! Helpers shared by the binary tests: run `poised` in a private `POISED_HOME`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary home for poised's files, removed when dropped.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a user routine into `$POISED_HOME/routines/`.
    pub fn add_routine(&self, file_name: &str, text: &str) -> PathBuf {
        let dir = self.path().join("routines");
        std::fs::create_dir_all(&dir).expect("routines dir");
        let path = dir.join(file_name);
        std::fs::write(&path, text).expect("write routine");
        path
    }

    /// Runs `poised ARGS` with this home and returns its output.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_poised"))
            .args(args)
            .env("POISED_HOME", self.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("run poised")
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The path of a file under `tests/fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

/// The app drawn at `width` x `height` on ratatui's `TestBackend`, as text.
pub fn draw(
    app: &poised::tui::app::App,
    now: &poised::clock::Now,
    width: u16,
    height: u16,
) -> String {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).expect("a test terminal");
    terminal.draw(|frame| app.render(frame, now)).expect("draw");
    terminal.backend().to_string()
}
