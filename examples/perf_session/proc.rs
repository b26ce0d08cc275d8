//! What Linux's `/proc` says about a running process: CPU time, context switches, peak memory.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// A process's counters at one moment.
pub struct Sample {
    pub at: Instant,
    /// utime + stime from `/proc/PID/stat` (every thread, live or gone), in seconds; the
    /// kernel reports it in clock ticks, so it moves in steps of 10 ms.
    pub cpu: f64,
    /// The scheduler's exact run time summed over the live threads, in seconds, from
    /// `/proc/PID/task/*/sched`; `None` where the kernel does not publish it.
    pub run_time: Option<f64>,
    /// Times a thread went to sleep (each one is followed by a wake-up).
    pub voluntary: u64,
    /// Times a thread was preempted, mostly by the terminal reading what poised wrote.
    pub involuntary: u64,
}

/// Reads the counters of process `pid` now.
pub fn sample(pid: u32) -> Sample {
    let proc_dir = format!("/proc/{pid}");
    let tasks: Vec<_> = fs::read_dir(format!("{proc_dir}/task"))
        .map(|dir| dir.flatten().map(|task| task.path()).collect())
        .unwrap_or_default();
    let sum = |file: &str, key: &str| -> Option<f64> {
        tasks
            .iter()
            .map(|task| number_after(&task.join(file), key))
            .sum()
    };
    Sample {
        at: Instant::now(),
        cpu: cpu_ticks(&proc_dir) as f64 / clock_ticks_per_second(),
        run_time: sum("sched", "se.sum_exec_runtime").map(|ms| ms / 1000.0),
        voluntary: sum("status", "voluntary_ctxt_switches:").unwrap_or(0.0) as u64,
        involuntary: sum("status", "nonvoluntary_ctxt_switches:").unwrap_or(0.0) as u64,
    }
}

/// The most resident memory process `pid` has used (`VmHWM`), in KiB.
pub fn peak_kib(pid: u32) -> u64 {
    number_after(Path::new(&format!("/proc/{pid}/status")), "VmHWM:").unwrap_or(0.0) as u64
}

/// utime + stime: fields 14 and 15 of `/proc/PID/stat`, counted after the command name
/// (which may hold spaces) from field 3.
fn cpu_ticks(proc_dir: &str) -> u64 {
    let stat = fs::read_to_string(format!("{proc_dir}/stat")).unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<u64> = after_name
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    fields.get(11).unwrap_or(&0) + fields.get(12).unwrap_or(&0)
}

/// The number after `key` (and an optional `:`) on a line of a `/proc` file.
fn number_after(path: &Path, key: &str) -> Option<f64> {
    let text = fs::read_to_string(path).ok()?;
    text.lines()
        .find_map(|line| line.strip_prefix(key))
        .map(|rest| rest.trim_start_matches([' ', '\t', ':']))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

fn clock_ticks_per_second() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|out| String::from_utf8_lossy(&out.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}
