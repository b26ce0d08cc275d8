//! `poised report`: the record of a period as one HTML (or Markdown) file.
//!
//! The edge: reads the clock, the config, the journal (through the summary cache when the
//! cached weeks hold every record the period needs) and the routines, then hands the pure
//! `report::build` its input and writes what the renderer returns.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::out::{out, say};

use chrono::NaiveDate;

use super::dates::DateRange;
use super::routines::load_library;
use crate::clock::Clock;
use crate::config::Config;
use crate::journal::Record;
use crate::paths::Paths;
use crate::progress::cache::summarize_journal;
use crate::progress::days::{History, record_date, ritual_date};
use crate::report::{self, Input, Period};

/// `poised report [--weeks N] [--since DATE] [--until DATE] [--format html|md] [--out FILE]`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// How many weeks the report covers, ending with --until (ignored with --since).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=5000))]
    pub weeks: u32,
    #[command(flatten)]
    pub range: DateRange,
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// The file to write; `-` writes to stdout. Default: poised-report-SINCE-to-UNTIL.html
    /// (or .md) in the current folder.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// The forms a report can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Html,
    Md,
}

/// Writes the report and prints where.
pub fn report(paths: &Paths, clock: &Clock, args: &ReportArgs) -> ExitCode {
    match write_report(paths, args, clock.local()) {
        Ok(Some(path)) => out(&format!("report written to {}\n", path.display())),
        Ok(None) => ExitCode::SUCCESS,
        Err(message) => {
            say(&message);
            ExitCode::FAILURE
        }
    }
}

fn write_report(
    paths: &Paths,
    args: &ReportArgs,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Option<PathBuf>, String> {
    args.range.check()?;
    let config = Config::load(&paths.config).config;
    let today = ritual_date(now, config.day_starts_at);
    let period = period(args, today)?;
    let (history, records) = read(paths, &config, period, today)?;
    let library = load_library(paths);
    let input = Input::new(
        period,
        config.day_starts_at,
        &history,
        &library.routines,
        &config.desk,
        &records,
    );
    let report = report::build(&input);
    let text = match args.format {
        ReportFormat::Html => report::html::render(&report),
        ReportFormat::Md => report::markdown::render(&report),
    };
    let path = match &args.out {
        Some(path) if path == Path::new("-") => {
            return write_stdout(&text).map(|()| None);
        }
        Some(path) => path.clone(),
        None => default_path(period, args.format),
    };
    std::fs::write(&path, text).map_err(|e| {
        format!(
            "could not write the report to {}: {e}; choose another file with --out",
            path.display()
        )
    })?;
    Ok(Some(std::path::absolute(&path).unwrap_or(path)))
}

/// The period the arguments ask for, ending today unless --until says otherwise.
fn period(args: &ReportArgs, today: NaiveDate) -> Result<Period, String> {
    let until = args.range.until.unwrap_or(today);
    match args.range.since {
        Some(since) => Period::new(since, until).ok_or_else(|| {
            format!("--since {since} comes after {until}; give a first day on or before it")
        }),
        None => Ok(Period::weeks_ending(until, args.weeks)),
    }
}

/// The day tallies of the whole journal and the records around the period: from the cache
/// when its recent weeks reach back far enough, else from the whole journal (the cache keeps
/// only the last two years day by day).
fn read(
    paths: &Paths,
    config: &Config,
    period: Period,
    today: NaiveDate,
) -> Result<(History, Vec<Record>), String> {
    let day_start = config.day_starts_at;
    let summary = summarize_journal(paths, day_start, today).map_err(|e| e.to_string())?;
    super::out::told(&summary.warnings, &summary.notices);
    if period.look_back() >= summary.window {
        return Ok((summary.history, summary.recent));
    }
    // The whole journal, whose warnings the summary's already said (with those about the
    // records it held back, dated after tomorrow, which are left out here too). The days are
    // counted again from these records, since the summary's history folds the long past.
    let mut records = super::journal::read_quietly(paths).map_err(|e| e.to_string())?;
    records.retain(|r| record_date(r, day_start) <= summary.horizon);
    Ok((History::from_records(&records, day_start), records))
}

fn default_path(period: Period, format: ReportFormat) -> PathBuf {
    let extension = match format {
        ReportFormat::Html => "html",
        ReportFormat::Md => "md",
    };
    PathBuf::from(format!(
        "poised-report-{}-to-{}.{extension}",
        period.since, period.until
    ))
}

fn write_stdout(text: &str) -> Result<(), String> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("could not write the report: {e}"))
        }
        _ => Ok(()),
    }
}
