//! The cache's lines for the days folded before `since`: `since` itself, then the ledger
//! (`kept`, `played`, `honoured`, and the `morning` lines, which [`super::format`] reads among
//! the other lines). See [`crate::progress::ledger`].

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::progress::days::History;
use crate::progress::ledger::Ledger;
use crate::progress::streak::Kept;

/// The fold of the days before `since`, and `since` itself.
pub fn write(out: &mut String, history: &History) {
    let past = &history.past;
    let _ = writeln!(out, "since {}", date_or_dash(history.since));
    let (last, kind) = match past.last_kept {
        Some((date, Kept::Ritual)) => (Some(date), "ritual"),
        Some((date, Kept::Rest)) => (Some(date), "rest"),
        None => (None, "-"),
    };
    let _ = writeln!(
        out,
        "kept {} {kind} {} {} {:016x}",
        date_or_dash(last),
        past.run,
        past.best,
        past.score.to_bits()
    );
    let _ = writeln!(out, "played {}", date_or_dash(past.last_played));
    out.push_str("honoured");
    for date in &past.honoured {
        let _ = write!(out, " {date}");
    }
    out.push('\n');
    for (sum, count) in &past.mornings {
        let _ = writeln!(out, "morning {sum} {count}");
    }
}

/// Reads what [`write`] wrote but the mornings, which follow among the other lines.
pub fn read<'a>(lines: &mut impl Iterator<Item = &'a str>) -> Option<History> {
    let since = dash_or_date(lines.next()?.strip_prefix("since ")?).ok()?;
    let mut kept = lines.next()?.strip_prefix("kept ")?.split(' ');
    let last = dash_or_date(kept.next()?).ok()?;
    let kind = match kept.next()? {
        "ritual" => Some(Kept::Ritual),
        "rest" => Some(Kept::Rest),
        _ => None,
    };
    let last_kept = match (last, kind) {
        (Some(date), Some(kind)) => Some((date, kind)),
        (None, None) => None,
        _ => return None,
    };
    let run = kept.next()?.parse().ok()?;
    let best = kept.next()?.parse().ok()?;
    let score = f64::from_bits(u64::from_str_radix(kept.next()?, 16).ok()?);
    let last_played = dash_or_date(lines.next()?.strip_prefix("played ")?).ok()?;
    let honoured = lines.next()?.strip_prefix("honoured")?;
    (honoured.is_empty() || honoured.starts_with(' ')).then_some(())?;
    let honoured = honoured.split(' ').skip(1).map(|d| d.parse().ok());
    let past = Ledger {
        last_kept,
        run,
        best,
        honoured: honoured.collect::<Option<_>>()?,
        score,
        last_played,
        mornings: Vec::new(),
    };
    kept.next().is_none().then_some(History {
        since,
        past,
        ..History::default()
    })
}

fn date_or_dash(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "-".to_string(), |d| d.to_string())
}

fn dash_or_date(text: &str) -> Result<Option<NaiveDate>, chrono::ParseError> {
    match text {
        "-" => Ok(None),
        _ => text.parse().map(Some),
    }
}
