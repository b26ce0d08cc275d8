//! How long a routine file takes to load (read, parse, check, every problem placed by line and
//! column) at the sizes the limits allow:
//!
//! - a routine of 100 steps (the most a routine may have), every step key used;
//! - a 256 KiB file of 100 steps with long cues and details (the largest file read);
//! - a 256 KiB file of as many short steps as fit, all named alike: refused, with a problem
//!   for every step past the 100th and every repeated name (the case that was quadratic).
//!
//! `cargo run --release --example routine_load_speed [-- --rounds N --write DIR]`;
//! `scripts/bench-routine-load.sh` runs it and times `poised validate` on the same files.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nix::time::{ClockId, clock_gettime};
use poised::routine::limits::MAX_FILE_BYTES;
use poised::routine::load::check_text;

/// The budget for loading one routine file.
const BUDGET: Duration = Duration::from_millis(50);

const HEADER: &str = "title = \"Bench\"\nwardrobe = \"office\"\nsummary = \"A routine for timing.\"\nbreathing = { inhale = 4, hold = 1, exhale = 6 }\n";

fn main() -> Result<(), Box<dyn Error>> {
    let rounds: usize = arg("--rounds").map_or(Ok(50), |r| r.parse())?;
    let files = [
        ("steps-100", steps(100, 40, false)),
        ("long-texts-256k", long_texts()),
        ("many-steps-256k", many_steps()),
    ];
    let dir = arg("--write").map(PathBuf::from);
    let mut over = Vec::new();
    for (name, text) in &files {
        let path = Path::new(name).with_extension("toml");
        if let Some(dir) = &dir {
            std::fs::write(dir.join(&path), text)?;
        }
        let (mut cpu, mut wall) = (Vec::with_capacity(rounds), Vec::with_capacity(rounds));
        let mut problems = 0;
        for _ in 0..rounds {
            let (start, on_cpu) = (Instant::now(), cpu_time());
            problems = check_text(&path, name, text).err().map_or(0, |p| p.len());
            wall.push(start.elapsed());
            cpu.push(cpu_time().saturating_sub(on_cpu));
        }
        cpu.sort();
        wall.sort();
        println!(
            "{name}: {} bytes, {problems} problems; CPU median {:.2?}, slowest {:.2?}; \
             wall median {:.2?}, slowest {:.2?} ({rounds} runs)",
            text.len(),
            cpu[rounds / 2],
            cpu[rounds - 1],
            wall[rounds / 2],
            wall[rounds - 1],
        );
        if cpu[rounds / 2] >= BUDGET {
            over.push(*name);
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("over the {BUDGET:?} budget: {}", over.join(", ")).into())
    }
}

/// The time this thread has run on a CPU, so a busy machine does not count; zero where the
/// clock cannot be read.
fn cpu_time() -> Duration {
    clock_gettime(ClockId::CLOCK_THREAD_CPUTIME_ID).map_or(Duration::ZERO, Duration::from)
}

/// A routine of `count` steps, each with its own name (or all one name) and every key, 41 s
/// a step, so that 100 of them keep to the two hours a routine may take.
fn steps(count: usize, text_chars: usize, same_name: bool) -> String {
    let words = "Breathe out slowly and let the shoulders drop. ".repeat(text_chars / 47 + 1);
    let text = &words[..text_chars];
    let mut out = String::from(HEADER);
    for i in 0..count {
        let name = if same_name { 0 } else { i };
        out.push_str(&format!(
            "\n[[step]]\nname = \"Step {name}\"\ncue = \"{text}\"\ndetail = \"{text}\"\n\
             reps = 3\neffort = 2\nhold = 1\nrelease = 2\nper_side = true\nget_ready = 4\n\
             rest = 2\nessential = true\nshort = {{ reps = 2 }}\n"
        ));
    }
    out
}

/// 100 steps whose cues and details make the file just under 256 KiB.
fn long_texts() -> String {
    let room = usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX) - steps(100, 0, false).len();
    steps(100, room / 200 - 1, false)
}

/// As many short, alike steps as fit in 256 KiB.
fn many_steps() -> String {
    let one = steps(1, 10, true).len() - HEADER.len();
    let count = (usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX) - HEADER.len()) / one;
    steps(count, 10, true)
}

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}
