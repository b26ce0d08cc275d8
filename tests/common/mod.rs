//! Helpers shared by the binary tests: run `poised` in a private `POISED_HOME`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary home for poised's files, removed when dropped.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    /// A home where "Before you start" was already read, as for anyone past the first run.
    pub fn new() -> Self {
        let home = Self::first_run();
        std::fs::write(home.path().join("safety-seen"), "read\n").expect("marker");
        home
    }

    /// A home with nothing in it: poised has never run here.
    pub fn first_run() -> Self {
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
        self.run_with_env(args, &[])
    }

    /// Runs `poised ARGS` with this home and more environment variables.
    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        self.command(args)
            .envs(env.iter().copied())
            .output()
            .expect("run poised")
    }

    /// `poised ARGS` in this home, ready to run.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_poised"));
        command
            .args(args)
            .env("POISED_HOME", self.path())
            .env("NO_COLOR", "1");
        command
    }

    /// Runs `poised ARGS` with `input` on standard input.
    pub fn run_with_input(&self, args: &[&str], input: &str) -> Output {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run poised");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input.as_bytes()).expect("write stdin");
        drop(stdin);
        child.wait_with_output().expect("wait for poised")
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

/// The injected time `ms` milliseconds after 07:00 on Sat 21 Nov 2026 (+01:00): monotonic
/// for the session, local for the journal.
pub fn at_ms(ms: u64) -> poised::clock::Now {
    let start = chrono::DateTime::parse_from_rfc3339("2026-11-21T07:00:00+01:00").expect("a date");
    let since = std::time::Duration::from_millis(ms);
    poised::clock::Now {
        mono: since,
        local: start + since,
    }
}

/// [`at_ms`] in whole seconds.
pub fn at(secs: u64) -> poised::clock::Now {
    at_ms(secs * 1000)
}
