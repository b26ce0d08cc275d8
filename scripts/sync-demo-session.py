#!/usr/bin/env python3
"""Plays one poised session in a pseudo-terminal, as a person would, for scripts/sync-demo.sh.

Usage: sync-demo-session.py POISED ROUTINE BEFORE AFTER NOTE
       sync-demo-session.py POISED --home asked|not-asked [ANSWER]

Runs `POISED run ROUTINE` (the environment carries POISED_HOME, POISED_NOW and
POISED_TIME_SCALE), answers the stiffness questions with BEFORE and AFTER, types NOTE,
waits for the summary and leaves with `q`. With `--home`, opens Home and checks whether the
morning check-in question comes first (answering it with ANSWER) or not at all. Exits 1 with
the screen's last words when what it waits for never comes.
"""

import fcntl
import os
import pty
import re
import select
import struct
import sys
import termios
import time

ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
WAIT_SECONDS = 60


def squeeze(raw):
    """The text the terminal shows, without escapes or blanks, so a frame drawn in pieces
    still reads as one string."""
    return re.sub(rb"\s+", b"", ESCAPES.sub(b"", raw)).decode("utf-8", "replace")


def main():
    poised, routine = sys.argv[1:3]
    args = [poised] if routine == "--home" else [poised, "run", routine, "--quiet"]
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execv(poised, args)
    seen = b""
    everything = b""

    def wait_for(text):
        nonlocal seen, everything
        want = re.sub(r"\s+", "", text)
        deadline = time.monotonic() + WAIT_SECONDS
        while want not in squeeze(seen):
            left = deadline - time.monotonic()
            if left <= 0:
                sys.exit(f"sync-demo: `{text}` never appeared; the screen ended with: {squeeze(seen)[-300:]}")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                try:
                    read = os.read(fd, 65536)
                    seen += read
                    everything += read
                except OSError:
                    sys.exit(f"sync-demo: poised left before `{text}` appeared")
        seen = b""

    def press(keys):
        os.write(fd, keys.encode())

    if routine == "--home":
        if sys.argv[3] == "asked":
            wait_for("How does your back feel this morning?")
            press(f"{sys.argv[4]}\r")
        wait_for("Morning mobility")
        if sys.argv[3] == "not-asked" and "thismorning?" in squeeze(everything):
            sys.exit("sync-demo: Home asked the morning question again")
    else:
        wait_for("right now?")
        press(f"{sys.argv[3]}\r")
        wait_for("after the session?")
        press(f"{sys.argv[4]}\r")
        wait_for("Anything to note?")
        press(f"{sys.argv[5]}\r")
        wait_for("Session complete")
    press("q")
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
