//! Speaking aloud through a speech program: which program (`voice` in config.toml), and the
//! one utterance being spoken. Knows processes, not terminals or sessions.
//!
//! Each utterance is a child process that the loop never waits on; a new one ends the one
//! before, [`Speaker::hush`] ends it, and [`Speaker::reap`] collects every one that has
//! exited (the loop calls it when a child exits), so none is left as a zombie. Dropping the
//! speaker ends and collects them all, on every way out of the app.

mod setting;

use std::process::{Child, Command, Stdio};

pub use setting::{AUTO_PROGRAMS, VoiceSetting, find_program};

/// Runs the speech program, one utterance at a time.
#[derive(Debug, Default)]
pub struct Speaker {
    /// The program and its arguments; the text goes last. `None`: nothing to speak with.
    command: Option<Vec<String>>,
    /// The utterance being spoken, if its process may still run.
    speaking: Option<Child>,
    /// Processes ended by poised and not yet collected.
    ending: Vec<Child>,
}

impl Speaker {
    /// A speaker for `command` (program first); `None` or an empty one speaks nothing.
    #[must_use]
    pub fn new(command: Option<Vec<String>>) -> Self {
        Self {
            command: command.filter(|c| !c.is_empty()),
            speaking: None,
            ending: Vec::new(),
        }
    }

    /// Whether there is a program to speak with.
    #[must_use]
    pub fn available(&self) -> bool {
        self.command.is_some()
    }

    /// Starts saying `text`, ending what is still being said. On failure the speaker gives
    /// up its program and says why in one line.
    pub fn say(&mut self, text: &str) -> Result<(), String> {
        self.hush();
        let Some(command) = &self.command else {
            return Ok(());
        };
        let program = command[0].clone();
        let child = Command::new(&program)
            .args(&command[1..])
            .arg(text)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match child {
            Ok(child) => {
                self.speaking = Some(child);
                Ok(())
            }
            Err(e) => Err(self.give_up(&format!("cannot start `{program}` ({})", why(&e)))),
        }
    }

    /// Ends the utterance being spoken, if any, without waiting for it.
    pub fn hush(&mut self) {
        if let Some(mut child) = self.speaking.take() {
            let _ = child.kill();
            self.ending.push(child);
        }
        self.reap_ended();
    }

    /// Collects every speech process that has exited. An utterance that failed on its own
    /// turns the voice off: the one-line reason is returned.
    pub fn reap(&mut self) -> Option<String> {
        self.reap_ended();
        let status = self.speaking.as_mut().and_then(|c| c.try_wait().ok())??;
        self.speaking = None;
        let program = self.command.as_ref().map(|c| c[0].clone())?;
        (!status.success()).then(|| self.give_up(&format!("`{program}` failed")))
    }

    /// How many speech processes have not been collected yet.
    #[must_use]
    pub fn running(&self) -> usize {
        self.ending.len() + usize::from(self.speaking.is_some())
    }

    fn reap_ended(&mut self) {
        self.ending.retain_mut(|c| matches!(c.try_wait(), Ok(None)));
    }

    fn give_up(&mut self, why: &str) -> String {
        self.command = None;
        format!("Voice is off: {why}; see `voice` in config.toml.")
    }
}

/// Why a program could not start, in plain words.
fn why(error: &std::io::Error) -> &'static str {
    match error.kind() {
        std::io::ErrorKind::NotFound => "not found",
        std::io::ErrorKind::PermissionDenied => "not allowed to run",
        _ => "it would not start",
    }
}

impl Drop for Speaker {
    /// Ends every utterance and waits for each process, so none outlives poised.
    fn drop(&mut self) {
        self.hush();
        for mut child in self.ending.drain(..) {
            let _ = child.wait();
        }
    }
}

#[cfg(test)]
mod tests;
