//! Writes a realistic synthetic journal to stdout, for measuring poised on years of history.
//!
//! `cargo run --release --example synth_journal -- --years 10 [--end 2026-11-21] [--seed 7] [--desk] [--plans]`
//!
//! Each day: a morning check-in, then four sessions (morning, two desk resets, evening),
//! about one in five a short version, about one in twenty ended early, ratings before and
//! after, a note now and then, a rare painful step. Offsets follow European daylight saving
//! (+01:00 / +02:00) with a week of travel (-05:00 or +09:00) every three months or so.
//! With `--desk`, each weekday also has desk mode's records: the desk opening at 09:00 and
//! eight prompts, most answered with a reset, some snoozed or skipped.
//! With `--plans`, sessions also record their plans (`steps`) and each `!` as a mark with its
//! side and choice; a marked step is played in its easier version in the next three sessions
//! of its routine, and each routine file is edited every two weeks (amounts change, a step
//! comes and goes), as the source notes advise.
//! The output depends only on the arguments (the default end is today).

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveTime, TimeZone, Weekday};
use poised::journal::{
    Amount, CheckinRecord, DeskEvent, DeskRecord, FORMAT_LINE, PainChoice, PainMark, Record,
    SessionRecord, StepPlayed, record_toml,
};
use poised::routine::model::version_of;

/// `SplitMix64`: a small, well-mixed deterministic generator (no crate needed).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// id, title, wardrobe time (minutes after midnight), full steps, short steps, minutes.
const ROUTINES: [(&str, &str, u32, u32, u32, i64); 4] = [
    ("morning", "Morning wake-up", 7 * 60, 6, 3, 7),
    ("desk-reset", "Desk reset", 11 * 60, 4, 2, 4),
    ("standing-break", "Standing break", 15 * 60, 5, 2, 4),
    ("evening", "Evening unwind", 21 * 60 + 30, 6, 3, 5),
];
const STEPS: [&str; 6] = [
    "Cat-camel",
    "Pelvic tilt",
    "Bridge",
    "Bird-dog",
    "Open book",
    "Child's pose",
];
const NOTES: [&str; 4] = [
    "left hip tight",
    "slept badly",
    "felt good",
    "long drive yesterday",
];

/// With `--plans`: by routine, the step played easier and how many sessions are left.
type Eased = Option<HashMap<&'static str, (String, u32)>>;

fn main() -> io::Result<()> {
    let (years, end, seed, desk, plans) = arguments();
    let mut eased: Eased = plans.then(HashMap::new);
    let mut rng = Rng(seed);
    let first = end - Days::new(365 * years);
    let mut out = BufWriter::new(io::stdout().lock());
    out.write_all(FORMAT_LINE.as_bytes())?;
    let mut trip: Option<(NaiveDate, i32)> = None;
    for date in first.iter_days().take_while(|d| *d <= end) {
        if trip.is_none_or(|(until, _)| date > until) && rng.chance(1) {
            let offset = if rng.chance(50) { -5 * 3600 } else { 9 * 3600 };
            trip = Some((date + Days::new(7), offset));
        }
        let offset = match trip {
            Some((until, offset)) if date <= until => offset,
            _ => home_offset(date),
        };
        let mut records = day(
            &mut rng,
            date,
            offset,
            (date - first).num_days(),
            &mut eased,
        );
        if desk && date.weekday().num_days_from_monday() < 5 {
            records.extend(desk_day(&mut rng, date, offset));
        }
        for record in records {
            out.write_all(b"\n")?;
            out.write_all(record_toml(&record).as_bytes())?;
        }
    }
    out.flush()
}

fn arguments() -> (u64, NaiveDate, u64, bool, bool) {
    let mut desk = false;
    let mut plans = false;
    let mut years = 10;
    let mut end = chrono::Local::now().date_naive();
    let mut seed = 7;
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| {
            desk |= a == "--desk";
            plans |= a == "--plans";
            a != "--desk" && a != "--plans"
        })
        .collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).map_or("", String::as_str);
        match pair[0].as_str() {
            "--years" => years = value.parse().expect("--years takes a whole number"),
            "--end" => end = value.parse().expect("--end takes a date, YYYY-MM-DD"),
            "--seed" => seed = value.parse().expect("--seed takes a whole number"),
            other => panic!("unknown argument {other}; use --years N, --end YYYY-MM-DD, --seed N"),
        }
    }
    (years, end, seed, desk, plans)
}

/// A weekday at the desk: opened at 09:00, then a prompt every 45 minutes, answered.
fn desk_day(rng: &mut Rng, date: NaiveDate, offset: i32) -> Vec<Record> {
    let at = |minutes| local(date, offset, minutes);
    let record = |at, event, offered| Record::Desk(DeskRecord { at, event, offered });
    let mut records = vec![record(at(9 * 60), DeskEvent::Opened, None)];
    for prompt in 1..=8 {
        let offered = at(9 * 60 + prompt * 45);
        let event = match rng.below(10) {
            0 => DeskEvent::Skipped,
            1 => DeskEvent::Snoozed,
            _ => DeskEvent::Reset,
        };
        records.push(record(
            offered + chrono::Duration::minutes(1),
            event,
            Some(offered),
        ));
    }
    records
}

/// `minutes` after midnight on `date`, at the UTC offset `offset` (seconds).
fn local(date: NaiveDate, offset: i32, minutes: u32) -> DateTime<FixedOffset> {
    let zone = FixedOffset::east_opt(offset).expect("a valid offset");
    let time =
        NaiveTime::from_num_seconds_from_midnight_opt(minutes * 60, 0).expect("a time of day");
    zone.from_local_datetime(&date.and_time(time))
        .single()
        .expect("a fixed offset is unambiguous")
}

/// Central European time: +02:00 from the last Sunday of March to the last Sunday of October.
fn home_offset(date: NaiveDate) -> i32 {
    let last_sunday = |month: u32| {
        let first_next = NaiveDate::from_ymd_opt(date.year(), month + 1, 1).expect("a valid month");
        let mut day = first_next.pred_opt().expect("a valid date");
        while day.weekday() != Weekday::Sun {
            day = day.pred_opt().expect("a valid date");
        }
        day
    };
    if date >= last_sunday(3) && date < last_sunday(10) {
        7200
    } else {
        3600
    }
}

/// One day's records: the check-in, then the four sessions.
fn day(rng: &mut Rng, date: NaiveDate, offset: i32, age: i64, eased: &mut Eased) -> Vec<Record> {
    let at = |minutes| local(date, offset, minutes);
    // Stiffness eases over the years, from about 6 to about 3.
    let base = 6 - u8::try_from((age / 1200).min(3)).unwrap_or(3);
    let morning = (base + u8::try_from(rng.below(3)).unwrap_or(0)).saturating_sub(1);
    let mut records = vec![Record::Checkin(CheckinRecord {
        at: at(6 * 60 + 40 + u32::try_from(rng.below(20)).unwrap_or(0)),
        stiffness: morning,
        note: None,
    })];
    for (index, (id, title, minute, full, short, minutes)) in ROUTINES.into_iter().enumerate() {
        let start = at(minute + u32::try_from(rng.below(40)).unwrap_or(0));
        let is_short = rng.chance(20);
        let total = if is_short { short } else { full };
        let completed = !rng.chance(5);
        let before = base + u8::try_from(rng.below(3)).unwrap_or(0);
        let variant = if is_short { "short" } else { "full" };
        let ended = start + chrono::Duration::minutes(minutes) + chrono::Duration::seconds(25);
        records.push(Record::Session(SessionRecord {
            title: title.to_string(),
            active_seconds: u64::try_from(minutes * 60).unwrap_or(0),
            completed,
            steps_done: if completed { total } else { total / 2 },
            stiffness_before: Some(before),
            stiffness_after: Some(before.saturating_sub(u8::try_from(rng.below(3)).unwrap_or(0))),
            note: rng
                .chance(8)
                .then(|| NOTES[rng.below(4) as usize].to_string()),
            painful_steps: if rng.chance(if eased.is_some() { 3 } else { 1 }) {
                vec![STEPS[rng.below(6) as usize].to_string()]
            } else {
                Vec::new()
            },
            // Each routine file is edited every 150 days or so.
            routine_version: Some(version_of(&format!("{id} {}", age / 150))),
            ..SessionRecord::new(id, variant, (start, ended), total)
        }));
        if let (Some(eased), Some(Record::Session(session))) = (eased.as_mut(), records.last_mut())
        {
            let epoch = u32::try_from(age / 14).unwrap_or(0);
            let count = if is_short { short } else { full - epoch % 2 };
            with_plan(session, eased, index, count, epoch);
        }
    }
    records
}

/// Adds the plan and the marks to a session (`--plans`): `count` steps of the routine at
/// `index` as its file was in `epoch`, a marked step eased in the next three sessions.
fn with_plan(
    session: &mut SessionRecord,
    eased: &mut HashMap<&'static str, (String, u32)>,
    index: usize,
    count: u32,
    epoch: u32,
) {
    let id = ROUTINES[index].0;
    let playing = eased.get(id).map(|(step, _)| step.clone());
    session.routine_version = Some(version_of(&format!("{id} plan {epoch}")));
    session.steps = (0..count as usize)
        .map(|k| {
            let name = STEPS[(index + k) % STEPS.len()].to_string();
            let amount = if k % 2 == 0 {
                Amount::Reps(6 + 2 * (epoch % 2))
            } else {
                Amount::Seconds(30 + 15 * u64::from(epoch.is_multiple_of(3)))
            };
            StepPlayed {
                easier: playing.as_deref() == Some(name.as_str()),
                per_side: k % 3 == 1,
                name,
                amount,
            }
        })
        .collect();
    if let Some((_, left)) = eased.get_mut(id) {
        *left -= 1;
        if *left == 0 {
            eased.remove(id);
        }
    }
    let day = session.started.ordinal();
    session.marks = session
        .painful_steps
        .iter()
        .map(|step| PainMark {
            step: Some(step.clone()),
            side: day.is_multiple_of(2).then(|| {
                if day.is_multiple_of(4) {
                    "left"
                } else {
                    "right"
                }
                .into()
            }),
            choice: [PainChoice::Gentler, PainChoice::Skipped, PainChoice::Ended][day as usize % 3],
        })
        .collect();
    if let Some(step) = session.painful_steps.first() {
        eased.insert(id, (step.clone(), 3));
    }
}
