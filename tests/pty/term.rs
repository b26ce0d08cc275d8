//! The real `poised` binary in an 80x24 pseudo-terminal, with vt100 as the screen. Tests type
//! keys and read the screen as a person would. Nothing here sleeps: every wait reads the
//! terminal's output until a condition holds or a deadline passes, so no test can hang.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::sys::termios::{LocalFlags, Termios};
use nix::unistd::Pid;
use portable_pty::{
    Child, ChildKiller, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty, native_pty_system,
};

pub const ROWS: u16 = 24;
pub const COLS: u16 = 80;
/// How long a test waits for what the app should do at once before failing: generous, since
/// a machine shared with builds can stall a process for seconds; passing tests never wait it.
pub const PROMPTLY: Duration = Duration::from_secs(20);
/// The time every poised started here is told it is (`POISED_NOW`): midday, Saturday
/// 21 November 2026, so nothing depends on the real date.
pub const NOW: &str = "2026-11-21T12:00:00+01:00";
/// What crossterm writes at the end of every frame (synchronized output ends).
const FRAME_END: &[u8] = b"\x1b[?2026l";

/// A running `poised` and everything it has written so far.
pub struct Tui {
    screen: vt100::Parser,
    raw: Vec<u8>,
    output: Receiver<Vec<u8>>,
    exit: Receiver<ExitStatus>,
    keyboard: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    /// Held open until poised has exited, so the terminal's modes can be read as it left them.
    slave: Option<Box<dyn SlavePty + Send>>,
    killer: Box<dyn ChildKiller + Send + Sync>,
    /// poised's process id, for signals and `/proc`.
    pub pid: u32,
    /// The terminal's modes before poised started.
    pub initial_modes: Termios,
    exited: bool,
}

/// How poised left: its status, every byte it wrote and the terminal's state afterwards.
pub struct Exit {
    pub status: ExitStatus,
    pub raw: Vec<u8>,
    pub screen: vt100::Screen,
    pub modes: Termios,
}

impl Tui {
    /// Starts `program ARGS` (a `poised` binary) with `POISED_HOME=home`, on the fixed date
    /// [`NOW`], with its session clock `scale` times faster.
    pub fn start(program: &Path, home: &Path, args: &[&str], scale: u32) -> Self {
        let pair = native_pty_system()
            .openpty(size(ROWS, COLS))
            .expect("open a pty");
        let initial_modes = pair.master.get_termios().expect("read the pty's modes");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.cwd(home);
        command.env("POISED_HOME", home);
        command.env("POISED_TIME_SCALE", scale.to_string());
        command.env("POISED_NOW", NOW);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(command).expect("start poised");
        let pid = child.process_id().expect("poised's pid");
        let killer = child.clone_killer();
        let reader = pair.master.try_clone_reader().expect("pty reader");
        Self {
            screen: vt100::Parser::new(ROWS, COLS, 0),
            raw: Vec::new(),
            output: read_in_background(reader),
            exit: wait_in_background(child),
            keyboard: pair.master.take_writer().expect("pty writer"),
            master: pair.master,
            slave: Some(pair.slave),
            killer,
            pid,
            initial_modes,
            exited: false,
        }
    }

    /// The screen's text, rows joined by newlines.
    pub fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Types `keys` (raw bytes: " " is Space, "\x03" is Ctrl-C).
    pub fn press(&mut self, keys: &str) {
        self.keyboard.write_all(keys.as_bytes()).expect("type");
        self.keyboard.flush().expect("type");
    }

    /// Resizes the terminal, as a person dragging the window would.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.master
            .resize(size(rows, cols))
            .expect("resize the pty");
        self.screen.screen_mut().set_size(rows, cols);
    }

    /// Makes the terminal report a size of 0x0, as some terminals do while they start (the
    /// screen here keeps its size: there is nothing to show in no room).
    pub fn report_no_size(&mut self) {
        self.master.resize(size(0, 0)).expect("resize the pty");
    }

    /// Sends a signal to poised, as `kill` would.
    pub fn signal(&self, signal: Signal) {
        let pid = i32::try_from(self.pid).expect("pid fits");
        kill(Pid::from_raw(pid), signal).expect("send the signal");
    }

    /// Whether the terminal is in raw mode right now (no line editing).
    pub fn raw_mode(&self) -> bool {
        let modes = self.master.get_termios().expect("read the pty's modes");
        !modes.local_flags.contains(LocalFlags::ICANON)
    }

    /// Reads output until `done` holds, failing with the screen if it does not within `PROMPTLY`.
    pub fn wait_for(&mut self, what: &str, done: impl Fn(&Self) -> bool) {
        let deadline = Instant::now() + PROMPTLY;
        while !done(self) {
            match self.read_until(deadline) {
                Ok(()) => {}
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "no {what} within {PROMPTLY:?}; the screen:\n{}",
                        self.text()
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("poised left before {what}; the screen:\n{}", self.text())
                }
            }
        }
    }

    /// Waits until `text` is on screen and the frame that shows it is complete.
    pub fn wait_for_text(&mut self, text: &str) {
        self.wait_for(&format!("`{text}` on screen"), |t| {
            t.raw.ends_with(FRAME_END) && t.text().contains(text)
        });
    }

    /// Waits until a frame drawn from now on is complete.
    pub fn wait_for_new_frame(&mut self) {
        let seen = self.raw.len();
        self.wait_for("a new frame", |t| {
            t.raw.len() > seen && t.raw.ends_with(FRAME_END)
        });
    }

    /// Waits until `text` has gone from the screen and the frame is complete.
    pub fn wait_until_gone(&mut self, text: &str) {
        self.wait_for(&format!("`{text}` gone"), |t| {
            t.raw.ends_with(FRAME_END) && !t.text().contains(text)
        });
    }

    /// Reads output for `window` of real time and returns how many bytes arrived.
    pub fn watch(&mut self, window: Duration) -> usize {
        let before = self.raw.len();
        let deadline = Instant::now() + window;
        while self.read_until(deadline).is_ok() {}
        self.raw.len() - before
    }

    /// Waits for poised to exit, then reads what it left behind.
    pub fn exit(mut self) -> Exit {
        let Ok(status) = self.exit.recv_timeout(PROMPTLY) else {
            panic!("poised did not exit; the screen:\n{}", self.text())
        };
        self.exited = true;
        let modes = self.master.get_termios().expect("read the pty's modes");
        // The last slave closes: the reader sees the end once it has read everything.
        drop(self.slave.take());
        let deadline = Instant::now() + PROMPTLY;
        loop {
            match self.read_until(deadline) {
                Ok(()) => {}
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => panic!("the terminal stayed open after poised"),
            }
        }
        Exit {
            status,
            raw: std::mem::take(&mut self.raw),
            screen: self.screen.screen().clone(),
            modes,
        }
    }

    /// Reads one chunk of output, waiting at most until `deadline`.
    fn read_until(&mut self, deadline: Instant) -> Result<(), RecvTimeoutError> {
        let wait = deadline.saturating_duration_since(Instant::now());
        let bytes = self.output.recv_timeout(wait)?;
        self.feed(&bytes);
        Ok(())
    }

    fn feed(&mut self, bytes: &[u8]) {
        self.raw.extend_from_slice(bytes);
        self.screen.process(bytes);
    }
}

impl Drop for Tui {
    /// A failed test must not leave poised running.
    fn drop(&mut self) {
        if !self.exited {
            let _ = self.killer.kill();
        }
    }
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn read_in_background(mut reader: Box<dyn Read + Send>) -> Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            if tx.send(buf[..n].to_vec()).is_err() {
                return;
            }
        }
    });
    rx
}

fn wait_in_background(mut child: Box<dyn Child + Send + Sync>) -> Receiver<ExitStatus> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        if let Ok(status) = child.wait() {
            let _ = tx.send(status);
        }
    });
    rx
}
