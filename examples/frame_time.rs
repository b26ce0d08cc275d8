//! Where the time of one frame goes while `poised run morning` plays: the app's update, its
//! view (and the comparison that decides whether to draw), the render into ratatui's buffer,
//! the diff against the last frame, the encoding of the changed cells as escape sequences,
//! and the write to a terminal. The whole morning routine is played on a simulated clock, one
//! frame at each moment the app asks to be woken, as the event loop does; frames go through
//! `tui::terminal::send` into a real pseudo-terminal whose other end is read and thrown away.
//! `scripts/frame-time.sh` builds and runs it:
//!
//! `frame_time [COLUMNSxROWS] [ROUNDS]`   (default 80x24, 5 rounds)

use std::cell::Cell;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant};

use chrono::DateTime;
use nix::pty::{Winsize, openpty};
use poised::routine::Variant;
use poised::routine::load::Library;
use poised::tui::app::{App, Msg, Now, Settings, View, Voice};
use poised::tui::terminal;
use poised::tui::theme::Theme;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const SETTINGS: Settings = Settings {
    bell: false,
    reduced_motion: false,
    ask_ratings: false,
    voice: Voice::Off,
};

/// The parts of one frame, in the order the loop does them.
const PARTS: [&str; 6] = ["update", "view", "render", "diff", "encode", "write"];

/// Time spent in writes, and the bytes written, so far.
#[derive(Default)]
struct Written {
    spent: Cell<Duration>,
    bytes: Cell<usize>,
}

/// A terminal's input end that notes how long its writes take.
struct TimedWriter {
    file: File,
    written: Rc<Written>,
}

impl Write for TimedWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let start = Instant::now();
        let written = self.file.write(buf);
        let w = &self.written;
        w.spent.set(w.spent.get() + start.elapsed());
        w.bytes.set(w.bytes.get() + *written.as_ref().unwrap_or(&0));
        written
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// One round's figures: every drawn frame's parts, in microseconds.
struct Round {
    frames: Vec<[f64; 6]>,
    /// Frames drawn whose cells were all as before: drawn for nothing.
    unchanged: usize,
    wakeups: usize,
    session: Duration,
    bytes: usize,
}

fn at(mono: Duration) -> Now {
    let start = DateTime::parse_from_rfc3339("2026-11-21T07:00:00+01:00").expect("a date");
    Now {
        mono,
        local: start + mono,
    }
}

/// A pseudo-terminal of `area`'s size: the end poised writes to, and a thread reading the
/// other end as a terminal would.
fn pty(area: Rect) -> File {
    let size = Winsize {
        ws_row: area.height,
        ws_col: area.width,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let pair = openpty(&size, None).expect("a pseudo-terminal");
    let mut screen = File::from(pair.master);
    std::thread::spawn(move || {
        let mut sink = [0; 16384];
        while screen.read(&mut sink).is_ok_and(|n| n > 0) {}
    });
    File::from(pair.slave)
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Plays the morning routine through, drawing as the event loop does, and times each part.
fn round(area: Rect) -> Round {
    let routines = Library::load(Path::new("/nonexistent")).routines;
    let morning = routines
        .iter()
        .find(|r| r.id == "morning")
        .expect("morning");
    let theme = Theme::from_env(None);
    let mut app = App::new(routines.clone(), SETTINGS, theme).run_routine(
        morning,
        Variant::Full,
        &at(Duration::ZERO),
    );
    let written = Rc::new(Written::default());
    let writer = TimedWriter {
        file: pty(area),
        written: Rc::clone(&written),
    };
    let options = TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    let mut term = Terminal::with_options(CrosstermBackend::new(writer), options).expect("term");
    let mut drawn: Option<View> = None;
    let mut last = Buffer::empty(area);
    let mut now = at(Duration::ZERO);
    let mut round = Round {
        frames: Vec::new(),
        unchanged: 0,
        wakeups: 0,
        session: Duration::ZERO,
        bytes: 0,
    };
    loop {
        let mut parts = [0.0; 6];
        let start = Instant::now();
        app.update(Msg::Tick, &now);
        parts[0] = micros(start.elapsed());
        let start = Instant::now();
        let view = app.view(&now);
        let changed = drawn.as_ref() != Some(&view);
        parts[1] = micros(start.elapsed());
        round.wakeups += 1;
        if changed {
            let start = Instant::now();
            app.render(&mut term.get_frame(), &now);
            parts[2] = micros(start.elapsed());
            // The diff alone, on copies; `send` diffs again as it encodes.
            let current = term.current_buffer_mut().clone();
            let start = Instant::now();
            let cells = std::hint::black_box(last.diff(&current)).len();
            parts[3] = micros(start.elapsed());
            round.unchanged += usize::from(cells == 0);
            last = current;
            let written_before = written.spent.get();
            let start = Instant::now();
            terminal::send(&mut term).expect("write a frame");
            let sent = start.elapsed();
            let write = written.spent.get() - written_before;
            parts[5] = micros(write);
            parts[4] = (micros(sent) - parts[5] - parts[3]).max(0.0);
            round.frames.push(parts);
            drawn = Some(view);
        }
        let Some(deadline) = app.deadline(&now) else {
            break;
        };
        round.session = deadline;
        // The loop wakes a millisecond after the deadline (`Clock::real_wait_until`).
        now = at(deadline + Duration::from_millis(1));
    }
    round.bytes = written.bytes.get();
    round
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (width, height) = args
        .get(1)
        .and_then(|s| s.split_once('x'))
        .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
        .unwrap_or((80, 24));
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let area = Rect::new(0, 0, width, height);
    println!("poised run morning at {width}x{height}, simulated clock, {rounds} rounds");
    let results: Vec<Round> = (0..rounds).map(|_| round(area)).collect();
    let first = &results[0];
    let seconds = first.session.as_secs_f64();
    println!(
        "per round: {} frames in {seconds:.0} s of session ({:.2}/s), {} wake-ups, {} frames \
         that changed no cell, {} bytes written ({:.0} bytes/s)",
        first.frames.len(),
        first.frames.len() as f64 / seconds,
        first.wakeups,
        first.unchanged,
        first.bytes,
        first.bytes as f64 / seconds
    );
    println!("median µs per drawn frame, [lowest-highest] of the rounds' medians:");
    let mut totals = Vec::new();
    for (i, part) in PARTS.iter().enumerate() {
        let mut medians: Vec<f64> = results
            .iter()
            .map(|r| median(&mut r.frames.iter().map(|f| f[i]).collect::<Vec<_>>()))
            .collect();
        let mid = median(&mut medians);
        println!(
            "  {part:<7} {mid:>8.1}  [{:.1}-{:.1}]",
            medians[0],
            medians[medians.len() - 1]
        );
    }
    for r in &results {
        totals.push(median(
            &mut r.frames.iter().map(|f| f.iter().sum()).collect::<Vec<_>>(),
        ));
    }
    let mid = median(&mut totals);
    println!(
        "  {:<7} {mid:>8.1}  [{:.1}-{:.1}]",
        "frame",
        totals[0],
        totals[totals.len() - 1]
    );
}
