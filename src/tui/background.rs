//! Asks the terminal for its background colour (OSC 11), for `theme = "auto"`. The question is
//! followed by a device-attributes query that every terminal answers, so a terminal that does
//! not know OSC 11 costs no wait; one that answers nothing at all costs the short timeout.
//! Runs before the app reads keys, so no reply can be taken for a key press.

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::time::{Duration, Instant};

use crossterm::terminal::{disable_raw_mode, enable_raw_mode};
use rustix::event::{PollFd, PollFlags, Timespec, poll};

use super::theme::Background;
use crate::config::ThemeSetting;

/// How long to wait for a terminal that answers nothing.
pub const TIMEOUT: Duration = Duration::from_millis(100);

/// The background to draw for: as configured, or for "auto" the terminal's answer (dark when
/// it gives none). Only an interactive terminal with colours on is asked.
#[must_use]
pub fn resolve(setting: ThemeSetting, colored: bool) -> Background {
    let asking = colored && io::stdin().is_terminal() && io::stdout().is_terminal();
    match setting {
        ThemeSetting::Light => Background::Light,
        ThemeSetting::Auto if asking => query(TIMEOUT).unwrap_or_default(),
        ThemeSetting::Dark | ThemeSetting::Auto => Background::Dark,
    }
}

/// The background of the terminal on /dev/tty, if it says; `None` without a reply in time.
#[must_use]
pub fn query(timeout: Duration) -> Option<Background> {
    let mut tty = File::options()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    enable_raw_mode().ok()?;
    let reply = ask(&mut tty, timeout);
    let _ = disable_raw_mode();
    parse(&reply?)
}

/// Sends the two questions and reads until the device attributes come back.
fn ask(tty: &mut File, timeout: Duration) -> Option<Vec<u8>> {
    tty.write_all(b"\x1b]11;?\x1b\\\x1b[c").ok()?;
    tty.flush().ok()?;
    let deadline = Instant::now() + timeout;
    let mut reply = Vec::new();
    let mut buf = [0u8; 256];
    // The device attributes reply ends the answer: ESC [ ? ... c.
    while !answered(&reply) {
        let left = deadline.checked_duration_since(Instant::now())?;
        let wait = Timespec::try_from(left).ok()?;
        let mut fds = [PollFd::new(&*tty, PollFlags::IN)];
        if poll(&mut fds, Some(&wait)).ok()? == 0 {
            return None;
        }
        let n = tty.read(&mut buf).ok()?;
        reply.extend_from_slice(&buf[..n]);
    }
    Some(reply)
}

fn answered(reply: &[u8]) -> bool {
    reply
        .windows(3)
        .rposition(|w| w == b"\x1b[?")
        .is_some_and(|at| reply[at..].contains(&b'c'))
}

/// The background in an OSC 11 reply ("\x1b]11;rgb:RRRR/GGGG/BBBB" ending in BEL or ST):
/// light when its luminance is over a half.
#[must_use]
pub fn parse(reply: &[u8]) -> Option<Background> {
    let text = String::from_utf8_lossy(reply);
    let start = text.find("]11;rgb:")? + "]11;rgb:".len();
    let channels: Vec<f64> = text[start..]
        .split(['/', '\x07', '\x1b'])
        .take(3)
        .map(channel)
        .collect::<Option<_>>()?;
    let [r, g, b] = channels[..] else {
        return None;
    };
    let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    Some(if luminance > 0.5 {
        Background::Light
    } else {
        Background::Dark
    })
}

/// One channel of 1 to 4 hex digits, as a fraction of its largest value.
fn channel(hex: &str) -> Option<f64> {
    if hex.is_empty() || hex.len() > 4 {
        return None;
    }
    let value = u32::from_str_radix(hex, 16).ok()?;
    let max = (1u32 << (4 * hex.len())) - 1;
    Some(f64::from(value) / f64::from(max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_give_the_background() {
        let white = b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;c";
        assert_eq!(parse(white), Some(Background::Light));
        let solarized = b"\x1b]11;rgb:0000/2b2b/3636\x07";
        assert_eq!(parse(solarized), Some(Background::Dark));
        assert_eq!(parse(b"\x1b]11;rgb:fd/f6/e3\x07"), Some(Background::Light));
        assert_eq!(parse(b"\x1b[?62;c"), None, "no OSC 11: only the attributes");
        assert_eq!(parse(b"\x1b]11;rgb:zz/00/00\x07"), None);
    }

    #[test]
    fn the_device_attributes_end_the_reply() {
        assert!(answered(b"\x1b]11;rgb:0/0/0\x07\x1b[?1;2c"));
        assert!(!answered(b"\x1b]11;rgb:0/0/0\x07\x1b[?1;2"));
    }
}
