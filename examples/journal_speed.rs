//! Measures how fast poised reads a ten-year journal (four sessions and one check-in a day),
//! record by record through its one decoder,
//! next to a plain `toml::from_str` of the same text.
//!
//! `cargo run --release --example journal_speed [-- --years N --rounds N --no-baseline]`

use std::error::Error;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Days, FixedOffset, TimeZone};
use poised::journal::{
    CheckinRecord, FORMAT_LINE, Position, Record, SessionRecord, parse, parse_from, record_toml,
};

fn main() -> Result<(), Box<dyn Error>> {
    let years = arg("--years").unwrap_or(10);
    let rounds = arg("--rounds").unwrap_or(5);
    let text = journal(years)?;
    println!(
        "{years} years: {} records, {} bytes",
        5 * 365 * years,
        text.len()
    );

    if !std::env::args().any(|a| a == "--no-baseline") {
        toml::from_str::<toml::Table>(&text)?;
        let toml_time = best(rounds, || toml::from_str::<toml::Table>(&text).is_ok());
        println!("toml::from_str, whole file:   {toml_time:?}");
    }
    let ours = best(rounds, || parse(Path::new("journal.toml"), text.as_bytes()));
    println!("poised parse, whole file:     {ours:?}");

    let last_day = text.rfind("[[checkin]]").unwrap_or(0);
    let from = Position {
        offset: last_day as u64,
        line: 1,
    };
    let tail = best(rounds, || {
        parse_from(
            Path::new("journal.toml"),
            &text.as_bytes()[last_day..],
            from,
        )
    });
    println!("poised parse_from, last day:  {tail:?}");
    Ok(())
}

fn arg(name: &str) -> Option<usize> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1)?.parse().ok())
}

/// The fastest of `rounds` runs.
fn best<T>(rounds: usize, mut run: impl FnMut() -> T) -> Duration {
    let mut fastest = Duration::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        std::hint::black_box(run());
        fastest = fastest.min(start.elapsed());
    }
    fastest
}

/// A journal with varied routines, some partial sessions, notes and two UTC offsets.
fn journal(years: usize) -> Result<String, Box<dyn Error>> {
    let mut text = String::from(FORMAT_LINE);
    let first = FixedOffset::east_opt(3600)
        .ok_or("offset")?
        .with_ymd_and_hms(2016, 1, 1, 7, 0, 0)
        .single()
        .ok_or("date")?;
    for day in 0..365 * years {
        let morning = first
            .checked_add_days(Days::new(day as u64))
            .ok_or("date")?;
        let offset = FixedOffset::east_opt(if day % 365 > 90 && day % 365 < 300 {
            7200
        } else {
            3600
        })
        .ok_or("offset")?;
        let morning = morning.with_timezone(&offset);
        push(
            &mut text,
            &Record::Checkin(CheckinRecord {
                at: morning,
                stiffness: (day % 7) as u8,
                note: None,
            }),
        );
        for (k, routine) in ["morning", "reset", "reset", "evening"]
            .into_iter()
            .enumerate()
        {
            push(
                &mut text,
                &Record::Session(session(
                    routine,
                    morning + chrono::Duration::hours(3 * k as i64 + 1),
                    day + k,
                )),
            );
        }
    }
    Ok(text)
}

fn session(routine: &str, started: DateTime<FixedOffset>, n: usize) -> SessionRecord {
    let completed = !n.is_multiple_of(9);
    let variant = if n.is_multiple_of(4) { "short" } else { "full" };
    let times = (started, started + chrono::Duration::seconds(430));
    SessionRecord {
        title: format!("{routine} sequence"),
        active_seconds: 420,
        completed,
        steps_done: if completed { 6 } else { 3 },
        stiffness_before: Some((n % 11) as u8),
        stiffness_after: (!n.is_multiple_of(3)).then_some(3),
        note: n
            .is_multiple_of(5)
            .then(|| "left hip tight, \"better\" after bridges".to_string()),
        painful_steps: if n.is_multiple_of(13) {
            vec!["Bird-dog".to_string()]
        } else {
            Vec::new()
        },
        ..SessionRecord::new(routine, variant, times, 6)
    }
}

fn push(text: &mut String, record: &Record) {
    text.push('\n');
    text.push_str(&record_toml(record));
}
