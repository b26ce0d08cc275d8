//! The ledger's fold against the rules read plainly over every day (the reference below):
//! folded at any day, or not at all, every figure comes out the same.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use crate::progress::days::{DayTally, History};
use crate::progress::streak::{Kept, REST_DAYS_PER_WEEK, Streaks};
use crate::progress::trends::morning_trend;

/// Every day that keeps a streak alive, the rule read plainly.
fn kept_days(history: &History) -> BTreeMap<NaiveDate, Kept> {
    let mut kept = BTreeMap::new();
    let mut honoured: Vec<NaiveDate> = Vec::new();
    for (&date, tally) in &history.days {
        if tally.is_ritual() {
            kept.insert(date, Kept::Ritual);
        } else if tally.rest {
            let week_start = date - Days::new(6);
            let recent = honoured.iter().rev().take_while(|d| **d >= week_start);
            if recent.count() < REST_DAYS_PER_WEEK {
                honoured.push(date);
                kept.insert(date, Kept::Rest);
            }
        }
    }
    kept
}

/// The streaks and the consistency score, walking every calendar day.
fn reference(history: &History, today: NaiveDate) -> (Streaks, u8) {
    let kept = kept_days(history);
    let mut current = 0;
    let mut day = if kept.contains_key(&today) {
        today
    } else {
        today.pred_opt().unwrap()
    };
    while let Some(mark) = kept.get(&day) {
        current += u32::from(*mark == Kept::Ritual);
        day = day.pred_opt().unwrap();
    }
    let (mut best, mut run, mut previous) = (0, 0, None::<NaiveDate>);
    for (&date, mark) in &kept {
        if previous.and_then(|d| d.succ_opt()) != Some(date) {
            run = 0;
        }
        run += u32::from(*mark == Kept::Ritual);
        best = best.max(run);
        previous = Some(date);
    }
    let keep = 0.5_f64.powf(1.0 / 14.0);
    let mut score = 0.0;
    if let Some((&first, _)) = kept.first_key_value() {
        for date in first.iter_days().take_while(|d| *d <= today) {
            let lone = || {
                kept.contains_key(&date.pred_opt().unwrap())
                    && date
                        .succ_opt()
                        .is_some_and(|d| d <= today && kept.contains_key(&d))
            };
            match kept.get(&date) {
                Some(Kept::Ritual) => score = score * keep + (1.0 - keep),
                Some(Kept::Rest) => {}
                None if date == today || lone() => {}
                None => score *= keep,
            }
        }
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let percent = (score * 100.0).round() as u8;
    (
        Streaks {
            current,
            best: best.max(current),
        },
        percent,
    )
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
}

/// A history from one code per day: 0 nothing, 1 a ritual day, 2 a rest day, 3 a session
/// ended early, 4 a check-in only, 5 a ritual day with a check-in.
fn history(codes: &[u8]) -> History {
    let mut history = History::default();
    for (i, code) in codes.iter().enumerate() {
        let tally = match code {
            1 => DayTally {
                full: 1,
                ..DayTally::default()
            },
            2 => DayTally {
                rest: true,
                ..DayTally::default()
            },
            3 => DayTally {
                partial: 1,
                ..DayTally::default()
            },
            4 => DayTally {
                checkin_sum: u32::from(*code),
                checkin_count: 1,
                ..DayTally::default()
            },
            5 => DayTally {
                short: 1,
                checkin_sum: 7,
                checkin_count: 2,
                ..DayTally::default()
            },
            _ => continue,
        };
        history.days.insert(start() + Days::new(i as u64), tally);
    }
    history
}

proptest! {
    #[test]
    fn folded_anywhere_every_figure_is_as_read_plainly(
        codes in prop::collection::vec(prop::sample::select(vec![0_u8, 0, 1, 1, 1, 2, 2, 3, 4, 5]), 0..120),
        fold in 0_u64..130,
        after in 0_u64..20,
    ) {
        let whole = history(&codes);
        let fold_day = start() + Days::new(fold);
        let today = fold_day + Days::new(after);
        let mut folded = whole.clone();
        folded.fold_before(fold_day);
        let (streaks, consistency) = reference(&whole, today);
        for h in [&whole, &folded] {
            let standing = h.standing(today);
            prop_assert_eq!(standing.streaks, streaks);
            prop_assert_eq!(standing.consistency, consistency);
            prop_assert_eq!(standing.today, kept_days(&whole).get(&today).copied());
            prop_assert_eq!(h.last_played(today), whole.last_played(today));
            prop_assert_eq!(morning_trend(h, today), morning_trend(&whole, today));
        }
    }
}
