//! Everything that can wake the event loop, merged into one channel: key presses and resizes
//! from the terminal, SIGTERM/SIGHUP, and SIGCHLD when a speech process exits, so the loop
//! can block without polling.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crossterm::event::{self, Event, KeyEvent, KeyEventKind};
use signal_hook::consts::{SIGCHLD, SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

/// An input the app reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Resize,
    /// SIGTERM or SIGHUP (the number): leave the loop normally so the terminal is restored.
    Signal(i32),
    /// A child process (an utterance) exited: collect it.
    ChildExited,
    /// The terminal can no longer be read.
    Closed,
}

/// Starts the reader threads and returns the channel they feed.
pub fn spawn() -> std::io::Result<Receiver<Input>> {
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGCHLD])?;
    let signal_tx = tx.clone();
    thread::spawn(move || {
        for signal in signals.forever() {
            let input = match signal {
                SIGCHLD => Input::ChildExited,
                other => Input::Signal(other),
            };
            let last = input != Input::ChildExited;
            if signal_tx.send(input).is_err() || last {
                return;
            }
        }
    });
    thread::spawn(move || read_terminal(&tx));
    Ok(rx)
}

fn read_terminal(tx: &Sender<Input>) {
    loop {
        let input = match event::read() {
            // Only presses: terminals that report releases would otherwise act twice.
            Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => Input::Key(key),
            Ok(Event::Resize(..)) => Input::Resize,
            Ok(_) => continue,
            Err(_) => Input::Closed,
        };
        let stop = input == Input::Closed;
        if tx.send(input).is_err() || stop {
            return;
        }
    }
}
