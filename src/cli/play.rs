//! Handlers that open the interactive app: `poised` (Home) and `poised run NAME`.

use std::process::ExitCode;

use super::routines::{load_library, pick};
use crate::config::Config;
use crate::paths::Paths;
use crate::tui::app::{App, Settings};
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
    };
    let theme = Theme::from_env(std::env::var("NO_COLOR").ok());
    let clock = Clock::new(time_scale(std::env::var("POISED_TIME_SCALE").ok()));
    let mut app = App::new(library.routines.clone(), settings, theme);
    if let Some(id) = routine {
        let Some((found, variant)) = pick(&library, id, flags.short) else {
            return ExitCode::FAILURE;
        };
        app = app.run_routine(found, variant, &crate::tui::now(&clock));
    }
    match crate::tui::run(app, clock) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("poised: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}
