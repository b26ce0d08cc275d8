//! Everything that can wake the event loop, merged into one channel: key presses and pastes
//! read from the terminal, resizes and other signals (SIGCHLD among them, when a speech process exits), so the loop can block without polling.
//!
//! The terminal is read here, a whole read at a time (see `keys`): the end of input or an
//! error on it is reported once as [`Incoming::Closed`], and the reader stops.

use std::io::Read;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crossterm::event::KeyEvent;
use signal_hook::consts::{
    SIGALRM, SIGCHLD, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGWINCH,
};
use signal_hook::iterator::Signals;

use super::keys::{Decoder, Typed};

/// The signal the terminal's going away counts as.
pub const HANGUP: i32 = SIGHUP;

/// Signals that end poised: the session is recorded, the terminal restored, and poised exits
/// as a program ended by the signal would.
const STOPPING: [i32; 5] = [SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM];
/// Signals that do what Ctrl-C does.
const INTERRUPTING: [i32; 2] = [SIGINT, SIGQUIT];

/// Something the app reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    Key(KeyEvent),
    Paste(String),
    Resize,
    /// SIGINT or SIGQUIT from outside: what Ctrl-C does.
    Interrupt,
    /// A signal that ends poised (the number).
    Stop(i32),
    /// The terminal can no longer be read.
    Closed,
    /// A child process (an utterance) exited: collect it.
    ChildExited,
}

/// Starts the reader threads and returns the channel they feed.
pub fn spawn() -> std::io::Result<Receiver<Incoming>> {
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new(
        STOPPING
            .iter()
            .chain(&INTERRUPTING)
            .chain(&[SIGWINCH, SIGCHLD]),
    )?;
    let signal_tx = tx.clone();
    thread::spawn(move || {
        for signal in signals.forever() {
            let incoming = if signal == SIGWINCH {
                Incoming::Resize
            } else if signal == SIGCHLD {
                Incoming::ChildExited
            } else if INTERRUPTING.contains(&signal) {
                Incoming::Interrupt
            } else {
                Incoming::Stop(signal)
            };
            if signal_tx.send(incoming).is_err() {
                return;
            }
        }
    });
    thread::spawn(move || read_terminal(&tx));
    Ok(rx)
}

/// Reads the terminal (standard input) until it ends, sending each key and paste at once.
fn read_terminal(tx: &Sender<Incoming>) {
    let mut stdin = std::io::stdin().lock();
    // As large as stdin's own buffer, so each read goes straight to the terminal and a full
    // buffer really means more is waiting.
    let mut buf = [0u8; 8192];
    let mut decoder = Decoder::default();
    loop {
        let n = match stdin.read(&mut buf) {
            Ok(0) => 0,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => 0,
        };
        if n == 0 {
            let _ = tx.send(Incoming::Closed);
            return;
        }
        for typed in decoder.feed(&buf[..n], n == buf.len()) {
            let incoming = match typed {
                Typed::Key(key) => Incoming::Key(key),
                Typed::Paste(text) => Incoming::Paste(text),
            };
            if tx.send(incoming).is_err() {
                return;
            }
        }
    }
}
