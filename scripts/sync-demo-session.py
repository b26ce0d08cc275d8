#!/usr/bin/env python3
"""Plays one poised session in a pseudo-terminal, as a person would, for scripts/sync-demo.sh.

Usage: sync-demo-session.py POISED ROUTINE BEFORE AFTER NOTE

Runs `POISED run ROUTINE` (the environment carries POISED_HOME, POISED_NOW and
POISED_TIME_SCALE), answers the stiffness questions with BEFORE and AFTER, types NOTE,
waits for the summary and leaves with `q`. Exits 1 with the screen's last words when a
question never comes.
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
    poised, routine, before, after, note = sys.argv[1:6]
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execv(poised, [poised, "run", routine, "--quiet"])
    seen = b""

    def wait_for(text):
        nonlocal seen
        want = re.sub(r"\s+", "", text)
        deadline = time.monotonic() + WAIT_SECONDS
        while want not in squeeze(seen):
            left = deadline - time.monotonic()
            if left <= 0:
                sys.exit(f"sync-demo: `{text}` never appeared; the screen ended with: {squeeze(seen)[-300:]}")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    sys.exit(f"sync-demo: poised left before `{text}` appeared")
        seen = b""

    def press(keys):
        os.write(fd, keys.encode())

    wait_for("right now?")
    press(f"{before}\r")
    wait_for("after the session?")
    press(f"{after}\r")
    wait_for("Anything to note?")
    press(f"{note}\r")
    wait_for("Session complete")
    press("q")
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
