//! Measures what poised costs while `poised run morning` plays, while it is paused, while
//! Home sits idle, and while `poised desk` counts down to the next reset: CPU time as a share of one core, bytes written to the terminal per second,
//! wake-ups per second and peak memory. poised runs in an 80x24 pseudo-terminal (the harness
//! of `tests/pty`) and is read from `/proc`. `scripts/perf-session.sh` builds and runs it:
//!
//! `perf_session POISED_BINARY [SECONDS_PER_PHASE]`

mod proc;
#[allow(dead_code)]
#[path = "../../tests/pty/term.rs"]
mod term;

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use proc::{peak_kib, sample};
use term::Tui;

/// Not counted: the end of the frame that starts a phase, until poised's threads sleep again.
const SETTLE: Duration = Duration::from_secs(1);

/// One phase's figures, per second of real time where it is a rate.
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
            "playing" => {
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let Some(Ok(program)) = args.get(1).map(fs::canonicalize) else {
        eprintln!("usage: perf_session POISED_BINARY [SECONDS_PER_PHASE]");
        return ExitCode::FAILURE;
    };
    let seconds = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(30);
    let window = Duration::from_secs(seconds);
    let home = tempfile::tempdir().expect("a temporary POISED_HOME");
    let [playing, paused] = session_phases(&program, home.path(), window);
    let phases = [
        playing,
        paused,
        home_phase(&program, home.path(), window),
        desk_phase(&program, home.path(), window.max(DESK_WINDOW)),
    ];
    print_table(&phases);
    if phases.iter().all(Figures::within_budget) {
        println!("All budgets met.");
        ExitCode::SUCCESS
    } else {
        println!("A budget was missed.");
        ExitCode::FAILURE
    }
}

/// `poised run morning` from its first frame, then paused with Space.
fn session_phases(program: &Path, home: &Path, window: Duration) -> [Figures; 2] {
    let mut tui = Tui::start(program, home, &["run", "morning", "--no-rate"], 1);
    tui.wait_for_text("Get ready");
    let playing = measure(&mut tui, "playing", window);
    tui.press(" ");
    tui.wait_for_text("Paused");
    let paused = measure(&mut tui, "paused", window);
    tui.press("\x03");
    tui.wait_for_text("Session ended early");
    tui.press("q");
    drop(tui.exit());
    [playing, paused]
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
