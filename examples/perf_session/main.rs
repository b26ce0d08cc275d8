//! Measures what poised costs while `poised run morning` plays, while it is paused, while
//! Home sits idle, and while `poised desk` counts down to the next reset: CPU time as a share of one core, bytes written to the terminal per second,
//! wake-ups per second and peak memory. poised runs in an 80x24 pseudo-terminal (the harness
//! of `tests/pty`) and is read from `/proc`. `scripts/perf-session.sh` builds and runs it:
//!
//! Then, side by side in the same run, three interleaved windows each of `poised run morning`
//! and of a reference program that the issue measured poised against (porsmo's plain
//! stopwatch, `porsmo stopwatch`, found on PATH; `cargo install porsmo` puts it there), so
//! the ratio between the two holds whatever else the machine is doing at the time.
//!
//! `perf_session POISED_BINARY [SECONDS_PER_PHASE] [ratio]`   (`ratio`: the side by side only)

mod proc;
#[allow(dead_code)]
#[path = "../../tests/pty/term.rs"]
mod term;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use proc::{peak_kib, sample};
use term::Tui;

/// Not counted: the end of the frame that starts a phase, until poised's threads sleep again.
const SETTLE: Duration = Duration::from_secs(1);

/// One phase's figures, per second of real time where it is a rate.
#[derive(Clone)]
struct Figures {
    name: &'static str,
    seconds: f64,
    /// Share of one core, in percent, from utime + stime.
    cpu_percent: f64,
    /// The same from the scheduler's exact run time, where the kernel publishes it.
    run_percent: Option<f64>,
    bytes: usize,
    wakeups: f64,
    preemptions: f64,
    peak_kib: u64,
}

impl Figures {
    fn bytes_per_second(&self) -> f64 {
        self.bytes as f64 / self.seconds
    }

    /// Playing: under 0.3% of a core, 1 KB/s and 8 MB. Paused and Home: no output, no
    /// wake-ups. The desk: at most one wake-up a minute and under 100 bytes a minute.
    fn within_budget(&self) -> bool {
        match self.name {
            "playing" | "voice" => {
                self.cpu_percent < 0.3 && self.bytes_per_second() < 1000.0 && self.peak_kib < 8192
            }
            "desk" => {
                self.bytes_per_second() * 60.0 < 100.0
                    && (self.wakeups + self.preemptions) * 60.0 <= 1.0 + 1e-9
            }
            _ => self.bytes == 0 && self.wakeups == 0.0 && self.preemptions == 0.0,
        }
    }
}

/// A temporary `POISED_HOME` where "Before you start" was already read, so it covers nothing.
fn past_first_run() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("a temporary POISED_HOME");
    fs::write(home.path().join("safety-seen"), "read\n").expect("write the marker");
    home
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let Some(Ok(program)) = args.get(1).map(fs::canonicalize) else {
        eprintln!("usage: perf_session POISED_BINARY [SECONDS_PER_PHASE]");
        return ExitCode::FAILURE;
    };
    let seconds = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(30);
    let window = Duration::from_secs(seconds);
    let home = past_first_run();
    match args.get(3).map(String::as_str) {
        Some("ratio") => {
            side_by_side(&program, home.path(), window, Speech::Off);
            return ExitCode::SUCCESS;
        }
        Some("voice-ratio") => {
            side_by_side(&program, home.path(), window, Speech::On);
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let [playing, paused] = session_phases(&program, home.path(), window);
    let (voice, delays) = voice_phase(&program, window);
    let phases = [
        playing,
        paused,
        home_phase(&program, home.path(), window),
        voice,
        desk_phase(&program, home.path(), window.max(DESK_WINDOW)),
    ];
    print_table(&phases);
    print_delays(&delays);
    side_by_side(&program, home.path(), window, Speech::Off);
    if phases.iter().all(Figures::within_budget) {
        println!("All budgets met.");
        ExitCode::SUCCESS
    } else {
        println!("A budget was missed.");
        ExitCode::FAILURE
    }
}

/// `poised run morning`, at its first frame.
fn start_session(program: &Path, home: &Path) -> Tui {
    let mut tui = Tui::start(program, home, &["run", "morning", "--no-rate"], 1);
    tui.wait_for_text("Get ready");
    tui
}

/// Ends a session with Ctrl-C, then leaves its summary.
fn end_session(mut tui: Tui) {
    tui.press("\x03");
    tui.wait_for_text("Session ended early");
    tui.press("q");
    drop(tui.exit());
}

/// `poised run morning` from its first frame, then paused with Space.
fn session_phases(program: &Path, home: &Path, window: Duration) -> [Figures; 2] {
    let mut tui = start_session(program, home);
    let playing = measure(&mut tui, "playing", window);
    tui.press(" ");
    tui.wait_for_text("Paused");
    let paused = measure(&mut tui, "paused", window);
    end_session(tui);
    [playing, paused]
}

/// `poised run morning` speaking its cues through a script that notes when each utterance's
/// process started (then "speaks" until ended). Returns the figures and, for each utterance,
/// how far past its whole second it started.
fn voice_phase(program: &Path, window: Duration) -> (Figures, Vec<f64>) {
    let home = speaking_home();
    let mut tui = start_session(program, home.path());
    let figures = measure(&mut tui, "voice", window);
    end_session(tui);
    let text = fs::read_to_string(home.path().join(SAID)).unwrap_or_default();
    // The first utterance comes with the first frame, after start-up: not a phase change.
    let started: Vec<f64> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.trim().parse().ok())
        .collect();
    (figures, past_the_second(&started))
}

/// Where the speech script notes the time each utterance's process started.
const SAID: &str = "said.txt";

/// A home past the first run whose `voice` is a script that notes when it was started in
/// [`SAID`], then "speaks" (sleeps) until it is ended.
fn speaking_home() -> tempfile::TempDir {
    let home = past_first_run();
    let log = home.path().join(SAID);
    let script = home.path().join("speak");
    let body = format!(
        "#!/bin/sh\ndate +%s.%N >> '{}'\nexec sleep 2\n",
        log.display()
    );
    fs::write(&script, body).expect("write the script");
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).expect("chmod");
    let config = format!("voice = \"{}\"\n", script.display());
    fs::write(home.path().join("config.toml"), config).expect("write config.toml");
    home
}

/// Every change in the morning routine falls on a whole second of session time, so each
/// utterance's delay is its start's fraction of a second, less the smallest such fraction
/// (the fastest utterance, whose own delay, at least the loop's 1 ms margin, is unknown).
fn past_the_second(started: &[f64]) -> Vec<f64> {
    let fractions: Vec<f64> = started.iter().map(|t| t.fract()).collect();
    let Some(first) = fractions.first() else {
        return Vec::new();
    };
    // Unwrap around the second so that 0.999 and 0.001 are 2 ms apart.
    let unwrapped: Vec<f64> = fractions
        .iter()
        .map(|f| {
            f - first
                + if f - first < -0.5 {
                    1.0
                } else if f - first > 0.5 {
                    -1.0
                } else {
                    0.0
                }
        })
        .collect();
    let least = unwrapped.iter().copied().fold(f64::INFINITY, f64::min);
    unwrapped.iter().map(|u| (u - least) * 1000.0).collect()
}

fn print_delays(delays: &[f64]) {
    let mut sorted = delays.to_vec();
    sorted.sort_by(f64::total_cmp);
    let Some(max) = sorted.last() else {
        println!("voice: no utterance was started");
        return;
    };
    let median = sorted[sorted.len() / 2];
    println!(
        "voice: {} utterances; phase change to speech process, beyond the fastest: median {median:.1} ms, max {max:.1} ms",
        sorted.len()
    );
}

/// Windows of the reference program and of `poised run morning`, one after the other.
const ROUNDS: usize = 3;

/// `porsmo` on PATH, the reference the issue names.
fn reference() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("porsmo"))
        .find(|p| p.is_file())
}

/// `porsmo stopwatch` counting, from its first frame.
fn reference_window(porsmo: &Path, home: &Path, window: Duration) -> Figures {
    let mut tui = Tui::start(porsmo, home, &["stopwatch"], 1);
    // porsmo draws without synchronized output: its text is enough.
    tui.wait_for("the stopwatch", |t| t.text().contains("Stopwatch"));
    let figures = measure(&mut tui, "porsmo", window);
    tui.press("q");
    drop(tui.exit());
    figures
}

/// Whether poised speaks its cues in a side by side.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Speech {
    Off,
    On,
}

/// `poised run morning` from its first frame, then ended; speaking, in a home of its own.
fn playing_window(program: &Path, home: &Path, window: Duration, speech: Speech) -> Figures {
    let speaking = (speech == Speech::On).then(speaking_home);
    let home = speaking.as_ref().map_or(home, |h| h.path());
    let mut tui = start_session(program, home);
    let figures = measure(&mut tui, "poised", window);
    end_session(tui);
    figures
}

/// Three interleaved windows of poised and of the reference; prints each and the ratios.
fn side_by_side(program: &Path, home: &Path, window: Duration, speech: Speech) {
    let Some(porsmo) = reference() else {
        println!("reference: porsmo is not on PATH (cargo install porsmo), so no ratio");
        return;
    };
    let mut rounds = Vec::new();
    for _ in 0..ROUNDS {
        let reference = reference_window(&porsmo, home, window);
        rounds.push((playing_window(program, home, window, speech), reference));
    }
    let voice = if speech == Speech::On {
        ", poised speaking"
    } else {
        ""
    };
    println!("\nside by side with porsmo's stopwatch, {ROUNDS} interleaved windows{voice}:");
    let all: Vec<Figures> = rounds
        .iter()
        .flat_map(|(p, r)| [p.clone(), r.clone()])
        .collect();
    print_table(&all);
    let exact = |f: &Figures| f.run_percent.unwrap_or(f.cpu_percent);
    let ratios = |of: &dyn Fn(&Figures) -> f64| -> Vec<f64> {
        let mut r: Vec<f64> = rounds.iter().map(|(p, q)| of(p) / of(q)).collect();
        r.sort_by(f64::total_cmp);
        r
    };
    for (what, r) in [
        ("CPU (exact)", ratios(&exact)),
        ("bytes/s", ratios(&Figures::bytes_per_second)),
        ("wake-ups/s", ratios(&|f: &Figures| f.wakeups)),
    ] {
        println!(
            "poised / porsmo, {what}: median {:.2} [{:.2}-{:.2}]",
            r[r.len() / 2],
            r[0],
            r[r.len() - 1]
        );
    }
}

/// `poised` on Home, untouched.
fn home_phase(program: &Path, home: &Path, window: Duration) -> Figures {
    let mut tui = Tui::start(program, home, &[], 1);
    tui.wait_for_text("MORNING");
    let idle = measure(&mut tui, "home", window);
    tui.press("q");
    drop(tui.exit());
    idle
}

/// The desk redraws once a minute: watch it for a few minutes at least.
const DESK_WINDOW: Duration = Duration::from_secs(180);

/// `poised desk` counting down (every hour of every day is working time, a reset every 4 h).
fn desk_phase(program: &Path, home: &Path, window: Duration) -> Figures {
    let all_week = "[desk]\nhours = \"00:00-24:00\"\ndays = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\n";
    fs::write(home.join("config.toml"), all_week).expect("write config.toml");
    let mut tui = Tui::start(program, home, &["desk", "--every", "4h"], 1);
    tui.wait_for_text("Next reset in");
    let desk = measure(&mut tui, "desk", window);
    tui.press("q");
    drop(tui.exit());
    desk
}

/// Lets poised settle, then watches it for `window`: its output, and `/proc` before and after.
fn measure(tui: &mut Tui, name: &'static str, window: Duration) -> Figures {
    tui.watch(SETTLE);
    let pid = tui.pid;
    let before = sample(pid);
    let bytes = tui.watch(window);
    let after = sample(pid);
    let seconds = (after.at - before.at).as_secs_f64();
    let percent = |busy: f64| 100.0 * busy / seconds;
    Figures {
        name,
        seconds,
        cpu_percent: percent(after.cpu - before.cpu),
        run_percent: after
            .run_time
            .zip(before.run_time)
            .map(|(a, b)| percent(a - b)),
        bytes,
        wakeups: (after.voluntary - before.voluntary) as f64 / seconds,
        preemptions: (after.involuntary - before.involuntary) as f64 / seconds,
        peak_kib: peak_kib(pid),
    }
}

fn print_table(phases: &[Figures]) {
    println!(
        "{:<8} {:>7} {:>6} {:>8} {:>7} {:>8} {:>9} {:>12} {:>8}",
        "phase",
        "seconds",
        "CPU %",
        "exact %",
        "bytes",
        "bytes/s",
        "wake-ups/s",
        "preempted/s",
        "peak MB"
    );
    for f in phases {
        let exact = f.run_percent.map_or("-".to_string(), |p| format!("{p:.3}"));
        println!(
            "{:<8} {:>7.1} {:>6.2} {:>8} {:>7} {:>8.1} {:>9.2} {:>12.2} {:>8.1}",
            f.name,
            f.seconds,
            f.cpu_percent,
            exact,
            f.bytes,
            f.bytes_per_second(),
            f.wakeups,
            f.preemptions,
            f.peak_kib as f64 / 1024.0,
        );
    }
    println!("CPU %: utime+stime (10 ms steps); exact %: the scheduler's run time of all threads");
    println!("wake-ups: voluntary context switches; preempted: involuntary ones; MB = 1024 KiB");
}
