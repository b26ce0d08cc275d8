//! Everything that can wake the event loop, merged into one channel: key presses, pastes and
//! resizes from the terminal, and signals, so the loop can block without polling.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crossterm::event::{self, Event, KeyEvent, KeyEventKind};
use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};
use signal_hook::iterator::Signals;

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
}

/// Starts the reader threads and returns the channel they feed.
pub fn spawn() -> std::io::Result<Receiver<Incoming>> {
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new(STOPPING.iter().chain(&INTERRUPTING))?;
    let signal_tx = tx.clone();
    thread::spawn(move || {
        for signal in signals.forever() {
            let incoming = if INTERRUPTING.contains(&signal) {
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

fn read_terminal(tx: &Sender<Incoming>) {
    loop {
        let input = match event::read() {
            // Only presses: terminals that report releases would otherwise act twice.
            Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => Incoming::Key(key),
            Ok(Event::Paste(text)) => Incoming::Paste(text),
            Ok(Event::Resize(..)) => Incoming::Resize,
            Ok(_) => continue,
            Err(_) => Incoming::Closed,
        };
        let stop = input == Incoming::Closed;
        if tx.send(input).is_err() || stop {
            return;
        }
    }
}
