//! The terminal going away without a signal: poised's input is a pseudo-terminal that is not
//! its controlling terminal, and the other end is closed. poised must notice the end of input,
//! leave within a second and not spin (crossterm issue #793 read end-of-file forever).

use std::fs::File;
use std::io::Read;
use std::os::fd::AsFd;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use nix::poll::{PollFd, PollFlags, poll};
use nix::pty::{Winsize, openpty};
use nix::sys::wait::{Id, WaitPidFlag, waitid};

use super::common::Home;
use super::term::{COLS, NOW, ROWS};

/// Reads the terminal's output until `text` has been drawn, without ever blocking for long.
fn read_until(master: &mut File, text: &str) {
    let mut seen = Vec::new();
    let mut buf = [0u8; 8192];
    while !String::from_utf8_lossy(&seen).contains(text) {
        let mut fds = [PollFd::new(master.as_fd(), PollFlags::POLLIN)];
        let ready = poll(&mut fds, 5_000u16).expect("poll the terminal");
        assert!(ready > 0, "no `{text}` within 5 s");
        let n = master.read(&mut buf).expect("read the terminal");
        seen.extend_from_slice(&buf[..n]);
    }
}

/// CPU time used so far by process `pid` (user and system), from `/proc`.
fn cpu(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc stat");
    let fields: Vec<u64> = stat[stat.rfind(')').expect("stat") + 2..]
        .split(' ')
        .skip(11)
        .take(2)
        .map(|f| f.parse().expect("a tick count"))
        .collect();
    // Linux counts in ticks of 1/100 s.
    Duration::from_millis((fields[0] + fields[1]) * 10)
}

#[test]
fn a_closed_terminal_ends_poised_within_a_second_without_spinning() {
    let home = Home::new();
    let size = Winsize {
        ws_row: ROWS,
        ws_col: COLS,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let pty = openpty(&size, None).expect("open a pty");
    // openpty's descriptors are inherited by children; a copy that is not (Rust opens with
    // close-on-exec) is kept instead, so that dropping it really closes the terminal.
    let mut master = File::from(pty.master).try_clone().expect("master");
    let slave = File::from(pty.slave).try_clone().expect("slave");
    let mut child = Command::new(env!("CARGO_BIN_EXE_poised"))
        .env("POISED_HOME", home.path())
        .env("POISED_NOW", NOW)
        .env("TERM", "xterm-256color")
        .stdin(slave.try_clone().expect("slave"))
        .stdout(slave.try_clone().expect("slave"))
        .stderr(Stdio::from(slave))
        .spawn()
        .expect("start poised");
    let pid = child.id();
    read_until(&mut master, "MORNING");

    let before = cpu(pid);
    drop(master);
    let (tx, rx) = mpsc::channel();
    let id = nix::unistd::Pid::from_raw(i32::try_from(pid).expect("pid"));
    std::thread::spawn(move || {
        // Wait for the exit but leave the process to be read, so its CPU time can be.
        let _ = tx.send(waitid(
            Id::Pid(id),
            WaitPidFlag::WEXITED | WaitPidFlag::WNOWAIT,
        ));
    });
    let exited = rx.recv_timeout(Duration::from_secs(1));
    if exited.is_err() {
        let _ = child.kill();
        let _ = child.wait();
        panic!("poised was still running a second after its terminal closed");
    }
    let used = cpu(pid) - before;
    let status = child.wait().expect("reap poised");
    assert!(
        used < Duration::from_millis(50),
        "poised used {used:?} of CPU after its terminal closed"
    );
    assert!(
        !status.success(),
        "the end of input is not a normal quit: {status:?}"
    );
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        None,
        "poised exits by itself, never by an abort: {status:?}"
    );
}
