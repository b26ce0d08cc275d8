//! Everything that can wake the event loop, merged into one channel: key presses and pastes
//! read from the terminal, resizes and other signals (SIGCHLD among them, when a speech process exits), so the loop can block without polling.
//!
//! The terminal is read here, a whole read at a time (see `keys`): the end of input or an
//! error on it is reported once as [`Incoming::Closed`], and the reader stops.
//!
//! A speech process that exits while the loop will wake within a second anyway (a session
//! playing) is collected at that wake-up rather than waking the loop itself: one wake-up
//! less for every utterance.

use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

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

/// The loop's inputs: the channel the reader threads feed, and the note of a speech process
/// that exited without waking the loop.
pub struct Inputs {
    channel: Receiver<Incoming>,
    children: Arc<Children>,
}

/// Shared between the loop and the signal thread.
#[derive(Default)]
struct Children {
    /// A child process exited and is not collected yet.
    exited: AtomicBool,
    /// The loop will wake within [`COLLECT_WITHIN`] anyway: an exit need not wake it.
    waking_soon: AtomicBool,
}

/// How soon the loop must wake anyway for an exited speech process to wait for it.
const COLLECT_WITHIN: Duration = Duration::from_secs(1);

impl Inputs {
    /// Waits up to `wait` (`None`: until something comes) and gives everything that came,
    /// in order, with at most one [`Incoming::ChildExited`] at the end.
    #[must_use]
    pub fn wait(&self, wait: Option<Duration>) -> Vec<Incoming> {
        let soon = wait.is_some_and(|w| w <= COLLECT_WITHIN);
        self.children.waking_soon.store(soon, Ordering::SeqCst);
        // An exit noted while the loop was busy: collect it now, without sleeping first.
        let wait = if self.children.exited.load(Ordering::SeqCst) {
            Some(Duration::ZERO)
        } else {
            wait
        };
        let first = match wait {
            Some(wait) => match self.channel.recv_timeout(wait) {
                Ok(input) => Some(input),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => Some(Incoming::Closed),
            },
            None => Some(self.channel.recv().unwrap_or(Incoming::Closed)),
        };
        let mut inputs: Vec<Incoming> = first
            .into_iter()
            .chain(self.channel.try_iter())
            .filter(|input| *input != Incoming::ChildExited)
            .collect();
        if self.children.exited.swap(false, Ordering::SeqCst) {
            inputs.push(Incoming::ChildExited);
        }
        inputs
    }
}

/// Starts the reader threads and returns what they feed.
pub fn spawn() -> std::io::Result<Inputs> {
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new(
        STOPPING
            .iter()
            .chain(&INTERRUPTING)
            .chain(&[SIGWINCH, SIGCHLD]),
    )?;
    let children = Arc::new(Children::default());
    let noted = Arc::clone(&children);
    let signal_tx = tx.clone();
    thread::spawn(move || {
        for signal in signals.forever() {
            let incoming = if signal == SIGWINCH {
                Incoming::Resize
            } else if signal == SIGCHLD {
                noted.exited.store(true, Ordering::SeqCst);
                if noted.waking_soon.load(Ordering::SeqCst) {
                    continue;
                }
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
    Ok(Inputs {
        channel: rx,
        children,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> (Inputs, Sender<Incoming>) {
        let (tx, rx) = mpsc::channel();
        let inputs = Inputs {
            channel: rx,
            children: Arc::new(Children::default()),
        };
        (inputs, tx)
    }

    #[test]
    fn an_exit_noted_while_busy_is_collected_without_waiting() {
        let (inputs, tx) = inputs();
        inputs.children.exited.store(true, Ordering::SeqCst);
        // A wait of an hour comes back at once: the exit is already there. (Were it to
        // sleep, the answer would not come in time and the test would fail.)
        let (answer, answered) = mpsc::channel();
        thread::spawn(move || {
            let got = inputs.wait(Some(Duration::from_secs(3600)));
            let _ = answer.send((got, inputs.children.exited.load(Ordering::SeqCst)));
        });
        let (got, still_noted) = answered.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(got, [Incoming::ChildExited]);
        assert!(!still_noted);
        drop(tx);
    }

    #[test]
    fn exits_collected_already_are_not_reported_twice() {
        let (inputs, tx) = inputs();
        tx.send(Incoming::Resize).unwrap();
        tx.send(Incoming::ChildExited).unwrap();
        tx.send(Incoming::Interrupt).unwrap();
        assert_eq!(inputs.wait(None), [Incoming::Resize, Incoming::Interrupt]);
        inputs.children.exited.store(true, Ordering::SeqCst);
        tx.send(Incoming::ChildExited).unwrap();
        tx.send(Incoming::ChildExited).unwrap();
        assert_eq!(inputs.wait(None), [Incoming::ChildExited]);
    }

    #[test]
    fn only_a_wake_up_within_a_second_lets_exits_wait_for_it() {
        let (inputs, tx) = inputs();
        let soon = |inputs: &Inputs| inputs.children.waking_soon.load(Ordering::SeqCst);
        tx.send(Incoming::Resize).unwrap();
        assert_eq!(
            inputs.wait(Some(Duration::from_millis(400))),
            [Incoming::Resize]
        );
        assert!(soon(&inputs));
        tx.send(Incoming::Resize).unwrap();
        assert_eq!(
            inputs.wait(Some(Duration::from_secs(5))),
            [Incoming::Resize]
        );
        assert!(!soon(&inputs));
        tx.send(Incoming::Resize).unwrap();
        assert_eq!(inputs.wait(None), [Incoming::Resize]);
        assert!(!soon(&inputs));
    }
}
