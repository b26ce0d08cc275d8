//! Where the time of one frame goes while `poised run morning` plays: the app's update, its
//! view (and the comparison that decides whether to draw), the render into ratatui's buffer
//! (the whole screen, or only the player's moving parts over the last frame, as the loop
//! decides), the diff against the last frame with the encoding of the changed cells as escape
//! sequences ("send"), and the write to a terminal. The whole morning routine is played on a
//! simulated clock, one frame at each moment the app asks to be woken, as the event loop
//! does; frames go through `tui::terminal::Painter`, buffered as standard output is, into a
//! real pseudo-terminal whose other end is read and thrown away.
//! `scripts/frame-time.sh` builds and runs it:
//!
//! `frame_time [COLUMNSxROWS] [ROUNDS]`   (default 80x24, 5 rounds)

use std::cell::Cell;
use std::fs::File;
use std::io::{self, LineWriter, Read, Write};
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant};

use chrono::DateTime;
use nix::pty::{Winsize, openpty};
use poised::routine::Variant;
use poised::routine::load::Library;
use poised::tui::app::{App, Msg, Now, Settings, View, Voice};
use poised::tui::terminal::Painter;
use poised::tui::theme::Theme;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const SETTINGS: Settings = Settings {
    bell: false,
    reduced_motion: false,
    ask_ratings: false,
    voice: Voice::Off,
};

/// The parts of one frame, in the order the loop does them.
const PARTS: [&str; 5] = ["update", "view", "render", "send", "write"];

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
    frames: Vec<[f64; 5]>,
    /// Frames that redrew only the player's moving parts.
    partial: usize,
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
    // Standard output's buffering, so a frame is one write as in poised.
    let backend = CrosstermBackend::new(LineWriter::new(writer));
    let mut painter = Painter::new(Terminal::with_options(backend, options).expect("term"));
    let mut drawn: Option<View> = None;
    let mut now = at(Duration::ZERO);
    let mut round = Round {
        frames: Vec::new(),
        partial: 0,
        unchanged: 0,
        wakeups: 0,
        session: Duration::ZERO,
        bytes: 0,
    };
    loop {
        let mut parts = [0.0; 5];
        let start = Instant::now();
        app.update(Msg::Tick, &now);
        parts[0] = micros(start.elapsed());
        let start = Instant::now();
        let view = app.view(&now);
        let changed = drawn.as_ref() != Some(&view);
        parts[1] = micros(start.elapsed());
        round.wakeups += 1;
        if changed {
            let rendering = Cell::new(Duration::ZERO);
            let timed = |f: &mut dyn FnMut()| {
                let start = Instant::now();
                f();
                rendering.set(start.elapsed());
            };
            let (spent, bytes) = (written.spent.get(), written.bytes.get());
            let start = Instant::now();
            match drawn.as_ref().and_then(|d| d.moved(&view)) {
                Some(moved) => {
                    round.partial += 1;
                    painter.redraw(|buf| {
                        let mut areas = Vec::new();
                        timed(&mut || areas = app.render_moved(buf, &now, moved));
                        areas
                    })
                }
                None => painter.draw(|frame| timed(&mut || app.render(frame, &now))),
            }
            .expect("write a frame");
            let total = start.elapsed();
            parts[2] = micros(rendering.get());
            parts[4] = micros(written.spent.get() - spent);
            parts[3] = (micros(total) - parts[2] - parts[4]).max(0.0);
            round.unchanged += usize::from(written.bytes.get() == bytes);
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
        "per round: {} frames in {seconds:.0} s of session ({:.2}/s), {} of them only the \
         moving parts, {} wake-ups, {} frames that changed no cell, {} bytes written \
         ({:.0} bytes/s)",
        first.frames.len(),
        first.frames.len() as f64 / seconds,
        first.partial,
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
