//! The progress picture: everything the progress screen and `poised streak` show, computed
//! from the day tallies of the whole history and the records of the last few weeks.
//!
//! `build` is pure (today is an argument); `load` (in `cache`) feeds it from the journal
//! through the summary cache, and is the one entry point for the CLI and the TUI.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::{NaiveDate, NaiveTime};

use super::calendar::{Calendar, calendar};
use super::days::{History, record_date};
use super::hints::{Hint, hints};
use super::lately::{Lately, lately};
use super::streak::{Streaks, days_done_in_last};
use super::trends::{
    MorningTrend, RECENT_DAYS, StiffnessChange, StiffnessSeries, WardrobeCount, morning_trend,
    rated, recent_sessions, stiffness_change, stiffness_series, wardrobe_counts,
};
use crate::journal::record::Record;

/// What the read model knows of a routine, by its id: its wardrobe (for the usage counts)
/// and its phase (for the hint to progress).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoutineFacts<'a> {
    pub wardrobe: &'a str,
    /// 1 to 4, when the routine says.
    pub phase: Option<u8>,
}

/// Everything the progress screen draws, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressModel {
    pub today: NaiveDate,
    pub streaks: Streaks,
    /// Ritual days among the last 7.
    pub last_7: u32,
    /// 0 to 100; see `journal::consistency`.
    pub consistency: u8,
    pub mornings: Option<MorningTrend>,
    pub calendar: Calendar,
    /// Ratings over the last 8 weeks.
    pub stiffness: StiffnessSeries,
    /// Sessions per wardrobe over the last 28 days.
    pub wardrobes: Vec<WardrobeCount>,
    /// Mean change of stiffness across a session over the last 28 days.
    pub change: Option<StiffnessChange>,
    pub hints: Vec<Hint>,
    /// Today's check-in and the usual morning, for the app.
    pub lately: Lately,
    /// The records dated today, for desk mode's tally.
    pub today_records: Vec<Record>,
    /// Damaged records skipped while reading the journal, one message each (file and line).
    pub warnings: Vec<String>,
    /// Why a summary cache was not used, for `--verbose`.
    pub notices: Vec<String>,
    /// The id of every routine the journal holds a session of, so Home can suggest a
    /// learning run beside the others.
    pub played: BTreeSet<String>,
}

/// Builds the model as of `today`. `recent` must hold every record dated within the last
/// 8 weeks (older ones are ignored); `facts_of` says what is known of a routine id.
#[must_use]
pub fn build<'w>(
    history: &History,
    recent: &[Record],
    today: NaiveDate,
    day_start: NaiveTime,
    facts_of: impl Fn(&str) -> Option<RoutineFacts<'w>>,
) -> ProgressModel {
    let standing = history.standing(today);
    let phase_of = |id: &str| facts_of(id).and_then(|f| f.phase);
    ProgressModel {
        today,
        streaks: standing.streaks,
        last_7: days_done_in_last(history, today, 7),
        consistency: standing.consistency,
        mornings: morning_trend(history, today),
        calendar: calendar(history, today),
        stiffness: stiffness_series(recent, today, day_start),
        wardrobes: wardrobe_counts(recent, today, day_start, |id| {
            facts_of(id).map(|f| f.wardrobe)
        }),
        change: stiffness_change(rated(recent_sessions(
            recent,
            today,
            RECENT_DAYS,
            day_start,
        ))),
        lately: lately(history, recent, today, day_start),
        hints: hints(history, recent, today, day_start, &phase_of),
        today_records: recent
            .iter()
            .filter(|r| record_date(r, day_start) == today)
            .cloned()
            .collect(),
        warnings: Vec::new(),
        notices: Vec::new(),
        played: history.routines.clone(),
    }
}

impl ProgressModel {
    /// The one line of `poised streak`:
    /// `streak 3 days · best 12 · 5 of last 7 days · consistency 71 · mornings 5 -> 3`.
    #[must_use]
    pub fn streak_line(&self) -> String {
        StreakFigures {
            streaks: self.streaks,
            last_7: self.last_7,
            consistency: self.consistency,
            mornings: self.mornings,
        }
        .line()
    }
}

/// What `poised streak` shows: figures of the day tallies alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StreakFigures {
    pub streaks: Streaks,
    pub last_7: u32,
    pub consistency: u8,
    pub mornings: Option<MorningTrend>,
}

impl StreakFigures {
    /// The figures as of `today`, as [`build`] gives them.
    #[must_use]
    pub fn of(history: &History, today: NaiveDate) -> Self {
        let standing = history.standing(today);
        Self {
            streaks: standing.streaks,
            last_7: days_done_in_last(history, today, 7),
            consistency: standing.consistency,
            mornings: morning_trend(history, today),
        }
    }

    /// The one line; see [`ProgressModel::streak_line`].
    #[must_use]
    pub fn line(&self) -> String {
        let days = if self.streaks.current == 1 {
            "day"
        } else {
            "days"
        };
        let mut line = format!(
            "streak {} {days} · best {} · {} of last 7 days · consistency {}",
            self.streaks.current, self.streaks.best, self.last_7, self.consistency
        );
        if let Some(trend) = self.mornings {
            let _ = write!(
                line,
                " · mornings {} -> {}",
                trend.before.round(),
                trend.recent.round()
            );
        }
        line
    }
}
