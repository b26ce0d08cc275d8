//! Handlers that open the interactive app: `poised` (Home) and `poised run NAME`.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::process::ExitCode;

use chrono::Local;

use super::progress::record_rest;
use super::routines::{load_library, pick};
use crate::config::Config;
use crate::journal::{Journal, Record};
use crate::paths::Paths;
use crate::progress::cache::summarize;
use crate::progress::days::ritual_date;
use crate::progress::{self, ProgressModel, morning_checkin_due};
use crate::tui::app::{App, NO_VOICE, Now, Settings, Voice};
use crate::tui::clock::{Clock, time_scale};
use crate::tui::theme::Theme;
use crate::tui::{Storage, World};
use crate::voice::Speaker;

/// Options of `poised run` that shape the session.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunFlags {
    pub short: bool,
    pub no_rate: bool,
    pub quiet: bool,
    pub reduced_motion: bool,
    /// Speak the cues for this run.
    pub voice: bool,
}

/// Opens Home, or plays `routine` directly when one is named.
pub fn open(paths: &Paths, routine: Option<&str>, flags: RunFlags) -> ExitCode {
    let config = match Config::load(&paths.config) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("poised: {e}");
            return ExitCode::FAILURE;
        }
    };
    let library = load_library(paths);
    let settings = Settings {
        bell: config.bell && !flags.quiet,
        reduced_motion: config.reduced_motion || flags.reduced_motion,
        ask_ratings: !flags.no_rate,
        voice: Voice::Off,
    };
    let (voice, speaker) = voice(&config, flags.voice);
    let theme = Theme::from_env(std::env::var("NO_COLOR").ok());
    let clock = Clock::new(time_scale(std::env::var("POISED_TIME_SCALE").ok()));
    let mut app = App::new(
        library.routines.clone(),
        Settings { voice, ..settings },
        theme,
    );
    if voice == Voice::Unavailable && (flags.voice || config.voice.on()) {
        app.notify(NO_VOICE.to_string());
    }
    if !library.warnings.is_empty() {
        let lines: Vec<String> = library.warnings.iter().map(ToString::to_string).collect();
        app.notify(format!(
            "Some of your routines could not be loaded:\n{}",
            lines.join("\n")
        ));
    }
    if routine.is_none() && checkin_due(paths, &config) {
        app = app.with_morning_checkin();
    }
    if let Some(id) = routine {
        let Some((found, variant)) = pick(&library, id, flags.short) else {
            return ExitCode::FAILURE;
        };
        app = app.run_routine(found, variant, &crate::tui::now(&clock));
    }
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        eprintln!(
            "poised: the app needs an interactive terminal; run it from a terminal, or use a command such as `poised list` (see `poised --help`)"
        );
        return ExitCode::FAILURE;
    }
    let mut storage = JournalStorage {
        paths,
        config: &config,
        wardrobes: library
            .routines
            .iter()
            .map(|r| (r.id.clone(), r.wardrobe.clone()))
            .collect(),
        unsaved: Vec::new(),
    };
    let world = World {
        storage: &mut storage,
        speaker,
    };
    let outcome = crate::tui::run(app, clock, world);
    // Shown again once the terminal is back, so a record that could not be saved can be kept.
    for message in &storage.unsaved {
        eprintln!("poised: {message}");
    }
    match outcome {
        Ok(None) if storage.unsaved.is_empty() => ExitCode::SUCCESS,
        Ok(None) => ExitCode::FAILURE,
        // As a shell reports a program ended by a signal: 128 + its number.
        Ok(Some(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        Err(e) => {
            eprintln!("poised: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Whether the cues are spoken from the start, and the speaker that can speak them (the first
/// program found on PATH, unless `voice` names one), so `v` can turn the voice on later.
fn voice(config: &Config, asked: bool) -> (Voice, Speaker) {
    let command = config.voice.command(std::env::var_os("PATH").as_deref());
    let speaker = Speaker::new(command);
    let voice = match (speaker.available(), asked || config.voice.on()) {
        (false, _) => Voice::Unavailable,
        (true, true) => Voice::On,
        (true, false) => Voice::Off,
    };
    (voice, speaker)
}

/// Whether to open with the morning check-in: only on the first start of a day that follows a
/// day with a session. Read through the summary cache so that a long history does not slow
/// the start; damaged records are reported as warnings.
fn checkin_due(paths: &Paths, config: &Config) -> bool {
    let now = Local::now().fixed_offset();
    let today = ritual_date(now, config.day_starts_at);
    let Ok(summary) = summarize(
        &paths.journal,
        &paths.journal_cache(),
        config.day_starts_at,
        today,
    ) else {
        return false;
    };
    for warning in &summary.warnings {
        eprintln!("warning: {warning}");
    }
    if !morning_checkin_due(&summary.recent, today, config.day_starts_at) {
        return false;
    }
    // Remember that today's question was asked, so a skip is not asked again at every start.
    let marker = paths.checkin_asked();
    let stamp = today.to_string();
    if std::fs::read_to_string(&marker).is_ok_and(|asked| asked.trim() == stamp) {
        return false;
    }
    let _ = std::fs::write(&marker, stamp);
    true
}

/// The app's records go to the journal file; a failure becomes a message that keeps the record.
struct JournalStorage<'a> {
    paths: &'a Paths,
    config: &'a Config,
    /// Routine id to wardrobe, for the progress screen.
    wardrobes: HashMap<String, String>,
    /// Why each failed save failed, with the record's text, to print after the app.
    unsaved: Vec<String>,
}

impl Storage for JournalStorage<'_> {
    fn save(&mut self, record: &Record) -> Result<(), String> {
        let saved = Journal::new(&self.paths.journal).append(record).map_err(|e| {
            format!(
                "{e}\nThis record was not saved; keep it by copying it into the journal later:\n{}",
                e.unsaved_record()
            )
        });
        if let Err(message) = &saved {
            self.unsaved.push(message.clone());
        }
        saved
    }

    fn progress(&mut self, now: &Now) -> Result<ProgressModel, String> {
        let wardrobe_of = |id: &str| self.wardrobes.get(id).map(String::as_str);
        progress::load(
            self.paths,
            self.config.day_starts_at,
            now.local,
            wardrobe_of,
        )
        .map_err(|e| e.to_string())
    }

    fn rest(&mut self, now: &Now) -> Result<String, String> {
        record_rest(self.paths, self.config, now.local, None)
    }
}
