//! Handlers that open the interactive app: `poised` (Home), `poised run NAME` and
//! `poised desk`.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::os::unix::fs::DirBuilderExt;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::desk::DeskArgs;
use super::not_saved;
use super::out::say;
use super::progress::{load_config, rest_error, rest_line};
use super::routines::{load_library, pick};
use super::voice;
use crate::clock::Clock;
use crate::config::Config;
use crate::desk::Desk;
use crate::desk::records::events;
use crate::journal::{Journal, Record, RestRecord, VoidRecord, log_line};
use crate::paths::Paths;
use crate::progress::cache::{Summary, summarize_journal};
use crate::progress::days::ritual_date;
use crate::progress::easier::offers_from;
use crate::progress::lately::lately;
use crate::progress::rest::{Rested, record_rest};
use crate::progress::{self, ProgressModel, RoutineFacts, morning_checkin_due};
use crate::routine::Phase;
use crate::routine::load::Library;
use crate::tui::app::{App, NO_VOICE, Now, Saved, Settings, Voice};
use crate::tui::background;
use crate::tui::desk_mode::{DeskMode, Signals};
use crate::tui::live_session::LiveSession;
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
    /// Plain lines of text instead of the screen.
    pub plain: bool,
    /// A learning run: twice the get-ready, and every detail shown.
    pub learn: bool,
}

/// Opens Home, or plays `routine` directly when one is named.
pub fn open(paths: &Paths, clock: &Clock, routine: Option<&str>, flags: RunFlags) -> ExitCode {
    let (config, library) = prepare(paths);
    let settings = Settings {
        bell: config.bell && !flags.quiet,
        reduced_motion: config.reduced_motion || flags.reduced_motion,
        ask_ratings: !flags.no_rate,
        voice: Voice::Off,
    };
    let asked = flags.voice || config.voice.on();
    let (voice, speaker) = voice::speaker(&config, asked);
    let today = ritual_date(clock.local(), config.day_starts_at);
    let summary = summarize_journal(paths, config.day_starts_at, today).ok();
    let offers = |id: &str| {
        summary.as_ref().map_or_else(Vec::new, |s| {
            offers_from(&s.recent, id, today, config.day_starts_at)
        })
    };
    let picked = match routine.map(|id| pick(&library, id, flags.short)) {
        Some(None) => return ExitCode::FAILURE,
        Some(Some(found)) => Some(found),
        None => None,
    };
    if let (true, Some((found, variant))) = (flags.plain, picked) {
        let offered = offers(&found.id);
        let session = LiveSession::new(found, variant, &offered, &clock.now(), flags.learn);
        let mut storage = JournalStorage::new(paths, &config, &library);
        let mut world = World {
            storage: &mut storage,
            speaker,
        };
        let outcome = crate::tui::plain::run(session, *clock, &mut world, asked);
        drop(world);
        return finish(outcome, &storage);
    }
    if !interactive() {
        return ExitCode::FAILURE;
    }
    let mut app = app(&library, Settings { voice, ..settings }, &config);
    if voice == Voice::Unavailable && asked {
        app = app.with_message(NO_VOICE.to_string());
    }
    if let Some(summary) = &summary {
        let lately = lately(
            &summary.history,
            &summary.recent,
            today,
            config.day_starts_at,
        );
        app = app.with_mornings(lately.checkin_today, lately.usual_morning);
        let easier = library
            .routines
            .iter()
            .map(|r| (r.id.clone(), offers(&r.id)));
        app = app.with_easier(easier.collect());
    }
    if let Some((found, variant)) = picked {
        app = app
            .learning(flags.learn)
            .run_routine(found, variant, &clock.now());
    }
    if first_run(paths) {
        app = app.with_first_run(&clock.now());
    }
    // Only now that the question can be shown is it remembered as asked, so that a skip
    // is not asked again at every start.
    if routine.is_none() && morning_question_due(paths, summary.as_ref(), &config, today) {
        let _ = std::fs::write(paths.checkin_asked(), today.to_string());
        app = app.with_morning_checkin();
    }
    play(paths, &config, &library, app, clock, speaker)
}

/// `poised desk`: the app on its desk screen, prompting a reset through the working day.
pub fn desk(paths: &Paths, clock: &Clock, args: &DeskArgs) -> ExitCode {
    let (mut config, library) = prepare(paths);
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
            super::out::told(&model.warnings, &model.notices);
            model.today_records
        }
        Err(e) => {
            say(&e.to_string());
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
        voice: Voice::Off,
    };
    let app = app(&library, app_settings, &config).with_desk(mode);
    play(paths, &config, &library, app, clock, Speaker::new(None))
}

/// The config and the routines, with every problem printed; `None` when the config is bad.
fn prepare(paths: &Paths) -> (Config, Library) {
    (load_config(paths), load_library(paths))
}

/// Whether the app can run here; says why not when it cannot.
fn interactive() -> bool {
    let yes = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if !yes {
        say(
            "the app needs an interactive terminal; run it from a terminal, or use a command such as `poised list` (see `poised --help`)",
        );
    }
    yes
}

/// The app over the library, with a message naming routines that failed to load.
fn app(library: &Library, settings: Settings, config: &Config) -> App {
    let theme = Theme::from_env(std::env::var("NO_COLOR").ok());
    let theme = theme.on(background::resolve(config.theme, theme.colored()));
    let app =
        App::new(library.routines.clone(), settings, theme).with_day_start(config.day_starts_at);
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
fn play(
    paths: &Paths,
    config: &Config,
    library: &Library,
    app: App,
    clock: &Clock,
    speaker: Speaker,
) -> ExitCode {
    let mut storage = JournalStorage::new(paths, config, library);
    let world = World {
        storage: &mut storage,
        speaker,
    };
    let outcome = crate::tui::run(app, *clock, world);
    finish(outcome, &storage)
}

/// The exit status of a session, printing again any record that could not be saved, now that
/// the terminal is back, so it can be kept.
fn finish(outcome: std::io::Result<Option<i32>>, storage: &JournalStorage) -> ExitCode {
    for message in &storage.unsaved {
        say(message);
    }
    match outcome {
        Ok(None) if storage.unsaved.is_empty() => ExitCode::SUCCESS,
        Ok(None) => ExitCode::FAILURE,
        // As a shell reports a program ended by a signal: 128 + its number.
        Ok(Some(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        Err(e) => {
            say(&format!("the terminal failed: {e}"));
            ExitCode::FAILURE
        }
    }
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
    super::out::told(&summary.warnings, &summary.notices);
    morning_checkin_due(&summary.recent, today, config.day_starts_at) && !asked(paths, today)
}

/// The first run: no journal yet, and "Before you start" never read.
fn first_run(paths: &Paths) -> bool {
    !paths.journal.exists() && !paths.safety_seen().exists()
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

impl<'a> JournalStorage<'a> {
    fn new(paths: &'a Paths, config: &'a Config, library: &Library) -> Self {
        let facts = library.routines.iter().map(|r| {
            let facts = (r.wardrobe.clone(), r.phase.map(Phase::number));
            (r.id.clone(), facts)
        });
        Self {
            paths,
            config,
            facts: facts.collect(),
            unsaved: Vec::new(),
        }
    }
}

impl Storage for JournalStorage<'_> {
    fn save(&mut self, record: &Record) -> Result<String, String> {
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

    fn rest(&mut self, now: &Now) -> Result<(String, Option<Saved>), String> {
        // The app has its own way to show what the journal says (Home's line, the progress
        // screen); nothing may print over the screen.
        let when = (self.config.day_starts_at, now.local);
        let rested = record_rest(self.paths, when, None, |_, _| {});
        let saved = |rested: &Rested| match rested {
            Rested::Recorded {
                date, reason, id, ..
            } => Some(Saved {
                record: Record::Rest(RestRecord {
                    date: *date,
                    reason: reason.clone(),
                }),
                key: id.clone(),
            }),
            Rested::Already(_) => None,
        };
        rested.map(|r| (rest_line(&r), saved(&r))).map_err(|e| {
            let message = rest_error(&e);
            if matches!(e, crate::progress::rest::RestError::NotSaved(_)) {
                self.unsaved.push(message.clone());
            }
            message
        })
    }

    fn undo(&mut self, saved: &Saved, now: &Now) -> Result<String, String> {
        let void = VoidRecord {
            at: now.local,
            record: saved.key.clone(),
        };
        let line = log_line(&saved.record);
        match Journal::new(&self.paths.journal).append_void(&void) {
            Ok(_) => Ok(format!("Took back: {line}")),
            Err(e) => {
                let message = not_saved("undo", &e);
                self.unsaved.push(message.clone());
                Err(message)
            }
        }
    }

    fn safety_seen(&mut self) {
        // The folder may not exist before the first record; without the marker the screen is
        // only shown once more, so a failure here is not worth interrupting anyone for.
        let marker = self.paths.safety_seen();
        if let Some(folder) = marker.parent() {
            let _ = std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(folder);
        }
        let _ = std::fs::write(marker, "read\n");
    }
}
