//! The voice a session starts with: the speech program of config.toml, or the first one found
//! on PATH, so that `v` can turn the voice on even when it starts off.

use crate::config::Config;
use crate::tui::app::Voice;
use crate::voice::Speaker;

/// Whether the cues are spoken from the start (`asked`: by `--voice` or config.toml), and the
/// speaker that can speak them.
pub fn speaker(config: &Config, asked: bool) -> (Voice, Speaker) {
    let command = config.voice.command(std::env::var_os("PATH").as_deref());
    let speaker = Speaker::new(command);
    let voice = match (speaker.available(), asked) {
        (false, _) => Voice::Unavailable,
        (true, true) => Voice::On,
        (true, false) => Voice::Off,
    };
    (voice, speaker)
}
