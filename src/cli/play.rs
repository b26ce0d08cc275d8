//! Handlers that open the interactive app: `poised` (Home), `poised run NAME` and
//! `poised desk`.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use chrono::NaiveDate;

use super::desk::DeskArgs;
use super::progress::{rest_error, rest_line};
use super::routines::{load_library, pick};
use super::{not_saved, warn};
use crate::clock::Clock;
use crate::config::Config;
use crate::desk::Desk;
use crate::desk::records::events;
use crate::journal::{Journal, Record};
use crate::paths::Paths;
use crate::progress::cache::{Summary, summarize_journal};
use crate::progress::days::ritual_date;
use crate::progress::easier::offers_from;
use crate::progress::rest::record_rest;
use crate::progress::{self, ProgressModel, RoutineFacts, morning_checkin_due};
use crate::routine::Phase;
use crate::routine::load::Library;
use crate::tui::Storage;
use crate::tui::app::{App, Now, Settings};
use crate::tui::desk_mode::{DeskMode, Signals};
use crate::tui::theme::Theme;

/// Options of `poised run` that shape the session.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunFlags {
    pub short: bool,
    pub no_rate: bool,
    pub quiet: bool,
    pub reduced_motion: bool,
}

/// Opens Home, or plays `routine` directly when one is named.
pub fn open(paths: &Paths, clock: &Clock, routine: Option<&str>, flags: RunFlags) -> ExitCode {
    let Some((config, library)) = prepare(paths) else {
        return ExitCode::FAILURE;
    };
    let settings = Settings {
        bell: config.bell && !flags.quiet,
        reduced_motion: config.reduced_motion || flags.reduced_motion,
        ask_ratings: !flags.no_rate,
    };
    let today = ritual_date(clock.local(), config.day_starts_at);
    let summary = summarize_journal(paths, config.day_starts_at, today).ok();
    let mut app = app(&library, settings);
    if let Some(summary) = &summary {
        let day_start = config.day_starts_at;
        let easier = library.routines.iter().map(|r| {
            let offers = offers_from(&summary.recent, &r.id, today, day_start);
            (r.id.clone(), offers)
        });
        app = app.with_easier(easier.collect());
    }
    if let Some(id) = routine {
        let Some((found, variant)) = pick(&library, id, flags.short) else {
            return ExitCode::FAILURE;
        };
        app = app.run_routine(found, variant, &clock.now());
    }
    if !interactive() {
        return ExitCode::FAILURE;
    }
    // Only now that the question can be shown is it remembered as asked, so that a skip
    // is not asked again at every start.
    if routine.is_none() && morning_question_due(paths, summary.as_ref(), &config, today) {
        let _ = std::fs::write(paths.checkin_asked(), today.to_string());
        app = app.with_morning_checkin();
    }
    play(paths, &config, &library, app, clock)
}

/// `poised desk`: the app on its desk screen, prompting a reset through the working day.
pub fn desk(paths: &Paths, clock: &Clock, args: &DeskArgs) -> ExitCode {
    let Some((mut config, library)) = prepare(paths) else {
        return ExitCode::FAILURE;
    };
    if let Some(every) = args.every {
        config.desk.every = every;
    }
    if let Some(routine) = &args.routine {
        config.desk.routine.clone_from(routine);
    }
    let Some((reset, _)) = pick(&library, &config.desk.routine, false) else {
        return ExitCode::FAILURE;
    };
    let now = clock.now();
    let day_start = config.day_starts_at;
    let today = match progress::load(paths, day_start, now.local, |_| None) {
        Ok(model) => {
            for warning in &model.warnings {
                warn(warning);
            }
            model.today_records
        }
        Err(e) => {
            say(&format!("poised: {e}"));
            return ExitCode::FAILURE;
        }
    };
    if !interactive() {
        return ExitCode::FAILURE;
    }
    let settings = config.desk.clone();
    let opened = Desk::open(
        settings.schedule(),
        day_start,
        events(&today, &settings),
        now.local,
    );
    let signals = Signals {
        bell: config.bell,
        notify: settings.notify,
        tmux: std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()),
    };
    let transition = library.get(&settings.transition).cloned();
    let mode = DeskMode::new(opened, settings, reset.clone(), transition, signals);
    let app_settings = Settings {
        bell: config.bell,
        reduced_motion: config.reduced_motion,
        ask_ratings: false,
    };
    let app = app(&library, app_settings).with_desk(mode);
    play(paths, &config, &library, app, clock)
}

/// The config and the routines, with every problem printed; `None` when the config is bad.
fn prepare(paths: &Paths) -> Option<(Config, Library)> {
    match Config::load(&paths.config) {
        Ok(config) => Some((config, load_library(paths))),
        Err(e) => {
            say(&format!("poised: {e}"));
            None
        }
    }
}

/// Whether the app can run here; says why not when it cannot.
fn interactive() -> bool {
    let yes = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if !yes {
        say(
            "poised: the app needs an interactive terminal; run it from a terminal, or use a command such as `poised list` (see `poised --help`)",
        );
    }
    yes
}

/// The app over the library, with a message naming routines that failed to load.
fn app(library: &Library, settings: Settings) -> App {
    let theme = Theme::from_env(std::env::var("NO_COLOR").ok());
    let app = App::new(library.routines.clone(), settings, theme);
    if library.warnings.is_empty() {
        return app;
    }
    let lines: Vec<String> = library.warnings.iter().map(ToString::to_string).collect();
    app.with_message(format!(
        "Some of your routines could not be loaded:\n{}",
        lines.join("\n")
    ))
}

/// Runs the app in the terminal, saving to the journal; the exit status says how it went.
fn play(paths: &Paths, config: &Config, library: &Library, app: App, clock: &Clock) -> ExitCode {
    let mut storage = JournalStorage {
        paths,
        config,
        facts: library
            .routines
            .iter()
            .map(|r| {
                (
                    r.id.clone(),
                    (r.wardrobe.clone(), r.phase.map(Phase::number)),
                )
            })
            .collect(),
        unsaved: Vec::new(),
    };
    let outcome = crate::tui::run(app, *clock, &mut storage);
    // Shown again once the terminal is back, so a record that could not be saved can be kept.
    for message in &storage.unsaved {
        say(&format!("poised: {message}"));
    }
    match outcome {
        Ok(None) if storage.unsaved.is_empty() => ExitCode::SUCCESS,
        Ok(None) => ExitCode::FAILURE,
        // As a shell reports a program ended by a signal: 128 + its number.
        Ok(Some(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        Err(e) => {
            say(&format!("poised: the terminal failed: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Writes a line to stderr; a stderr that is gone (the terminal closed) is not worth an abort.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Whether to open with the morning check-in: only on the first start of a day that follows
/// a day with a session, and not if it was asked already today. Read through the summary
/// cache so that a long history does not slow the start; damaged records are reported as
/// warnings. Writes nothing.
fn morning_question_due(
    paths: &Paths,
    summary: Option<&Summary>,
    config: &Config,
    today: NaiveDate,
) -> bool {
    let Some(summary) = summary else {
        return false;
    };
    for warning in &summary.warnings {
        warn(warning);
    }
    morning_checkin_due(&summary.recent, today, config.day_starts_at) && !asked(paths, today)
}

/// Whether the morning question was asked already on `today`.
fn asked(paths: &Paths, today: NaiveDate) -> bool {
    std::fs::read_to_string(paths.checkin_asked())
        .is_ok_and(|asked| asked.trim() == today.to_string())
}

/// The name a record goes by in messages.
fn what(record: &Record) -> &'static str {
    match record {
        Record::Session(_) => "session",
        Record::Checkin(_) => "check-in",
        Record::Rest(_) => "rest day",
        Record::Desk(_) => "desk prompt",
    }
}

/// The app's records go to the journal file; a failure becomes a message that keeps the record,
/// and is printed again after the app.
struct JournalStorage<'a> {
    paths: &'a Paths,
    config: &'a Config,
    /// Routine id to wardrobe and phase, for the progress screen.
    facts: HashMap<String, (String, Option<u8>)>,
    /// Why each failed save failed, with the record's text, to print after the app.
    unsaved: Vec<String>,
}

impl Storage for JournalStorage<'_> {
    fn save(&mut self, record: &Record) -> Result<(), String> {
        let saved = Journal::new(&self.paths.journal)
            .append(record)
            .map_err(|e| not_saved(what(record), &e));
        if let Err(message) = &saved {
            self.unsaved.push(message.clone());
        }
        saved
    }

    fn progress(&mut self, now: &Now) -> Result<ProgressModel, String> {
        let facts_of = |id: &str| {
            self.facts.get(id).map(|(wardrobe, phase)| RoutineFacts {
                wardrobe,
                phase: *phase,
            })
        };
        progress::load(self.paths, self.config.day_starts_at, now.local, facts_of)
            .map_err(|e| e.to_string())
    }

    fn rest(&mut self, now: &Now) -> Result<String, String> {
        let rested = record_rest(self.paths, self.config.day_starts_at, now.local, None);
        rested.map(|r| rest_line(&r)).map_err(|e| {
            let message = rest_error(&e);
            if matches!(e, crate::progress::rest::RestError::NotSaved(_)) {
                self.unsaved.push(message.clone());
            }
            message
        })
    }
}
