//! Handlers that open the interactive app: `poised` (Home) and `poised run NAME`.

use std::collections::HashMap;
use std::process::ExitCode;

use chrono::{Local, NaiveTime};

use super::routines::{load_library, pick};
use crate::config::Config;
use crate::journal::days::{History, ritual_date};
use crate::journal::progress::{self, ProgressModel};
use crate::journal::{Journal, Record, morning_checkin_due};
use crate::paths::Paths;
use crate::tui::Storage;
use crate::tui::app::{App, Now, Settings};
use crate::tui::clock::{Clock, time_scale};
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
        day_starts_at: config.day_starts_at,
    };
    let theme = Theme::from_env(std::env::var("NO_COLOR").ok());
    let clock = Clock::new(time_scale(std::env::var("POISED_TIME_SCALE").ok()));
    let mut app = App::new(library.routines.clone(), settings, theme);
    if routine.is_none() && checkin_due(&Journal::new(&paths.journal)) {
        app = app.with_morning_checkin();
    }
    if let Some(id) = routine {
        let Some((found, variant)) = pick(&library, id, flags.short) else {
            return ExitCode::FAILURE;
        };
        app = app.run_routine(found, variant, &crate::tui::now(&clock));
    }
    let mut storage = JournalStorage {
        journal: Journal::new(&paths.journal),
        day_start: config.day_starts_at,
        wardrobes: library
            .routines
            .iter()
            .map(|r| (r.id.clone(), r.wardrobe.clone()))
            .collect(),
    };
    match crate::tui::run(app, clock, &mut storage) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("poised: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Whether to open with the morning check-in; damaged records are reported as warnings.
fn checkin_due(journal: &Journal) -> bool {
    let Ok(parsed) = journal.read() else {
        return false;
    };
    for warning in &parsed.warnings {
        eprintln!("warning: {warning}");
    }
    morning_checkin_due(&parsed.records, Local::now().date_naive())
}

/// The app's records go to the journal file; a failure becomes a message that keeps the record.
struct JournalStorage {
    journal: Journal,
    day_start: NaiveTime,
    /// Routine id to wardrobe, for the progress screen.
    wardrobes: HashMap<String, String>,
}

impl Storage for JournalStorage {
    fn save(&mut self, record: &Record) -> Result<(), String> {
        self.journal.append(record).map_err(|e| {
            format!(
                "{e}\nThis record was not saved; keep it by copying it into the journal later:\n{}",
                e.unsaved_record()
            )
        })
    }

    fn progress(&mut self, now: &Now) -> Result<ProgressModel, String> {
        let parsed = self.journal.read().map_err(|e| e.to_string())?;
        let history = History::from_records(&parsed.records, self.day_start);
        let today = ritual_date(now.local, self.day_start);
        let wardrobe_of = |id: &str| self.wardrobes.get(id).map(String::as_str);
        let mut model = progress::build(
            &history,
            &parsed.records,
            today,
            self.day_start,
            wardrobe_of,
        );
        model.warnings = parsed.warnings.iter().map(ToString::to_string).collect();
        Ok(model)
    }
}
