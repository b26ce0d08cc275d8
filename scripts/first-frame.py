#!/usr/bin/env python3
"""Times poised from start to the first frame of its progress screen, in a pseudo-terminal.

    scripts/first-frame.py POISED_BINARY [RUNS] [--cold]

POISED_HOME comes from the environment; with --cold its journal.cache is deleted before each
run, so the summary cache is rebuilt. Home is made to open as on any day after the first: the
"Before you start" note marked as read and today's morning check-in as asked (two small files
of the local state), so that nothing covers Home. Each run starts poised at 80x24, types `g`
at once (Home opens Progress), and stops the clock when the calendar's title ("N weeks, today
lit") is drawn; then it types `q` twice and waits for poised to end. Prints the median and the
fastest run in ms, and the peak memory of the slowest-memory run when /usr/bin/time is there.
A run that does not reach the progress screen within 5 s ends poised (its whole process
group, so no poised is left behind under /usr/bin/time) and stops the script.
"""
import datetime, fcntl, os, pty, select, signal, struct, subprocess, sys, tempfile, termios, time

MARKER = b"weeks, today lit"


def end(child):
    """Ends the child's process group (poised and /usr/bin/time) and reaps the child."""
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    child.wait()


def nothing_covers_home(home):
    """Marks the safety note as read and today's check-in as asked, as after a first day."""
    with open(os.path.join(home, "safety-seen"), "w") as f:
        f.write("")
    with open(os.path.join(home, "checkin-asked"), "w") as f:
        f.write(datetime.date.today().isoformat())


def one_run(binary):
    """Milliseconds to the progress screen, and the peak RSS in KB (or None)."""
    stats = tempfile.NamedTemporaryFile(delete=False)
    command = [binary]
    if os.path.exists("/usr/bin/time"):
        command = ["/usr/bin/time", "-f", "%M", "-o", stats.name, binary]
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env,
                             start_new_session=True)
    os.close(slave)
    os.write(master, b"g")
    seen, elapsed = b"", None
    while elapsed is None:
        ready, _, _ = select.select([master], [], [], 5)
        if not ready:
            end(child)
            raise SystemExit("poised showed no progress screen within 5 s:\n" + seen.decode(errors="replace"))
        seen += os.read(master, 65536)
        if MARKER in seen:
            elapsed = (time.perf_counter() - start) * 1000
    os.write(master, b"qq")
    deadline = time.time() + 5
    while child.poll() is None and time.time() < deadline:
        if select.select([master], [], [], 0.1)[0]:
            try:
                os.read(master, 65536)
            except OSError:
                break
    try:
        child.wait(timeout=5)
    except subprocess.TimeoutExpired:
        end(child)
        raise SystemExit("poised did not end within 5 s of q q")
    os.close(master)
    with open(stats.name) as f:
        text = f.read().strip()
    os.unlink(stats.name)
    return elapsed, int(text.splitlines()[-1]) if text else None


def main():
    args = [a for a in sys.argv[1:] if a != "--cold"]
    cold = "--cold" in sys.argv
    binary = args[0]
    runs = int(args[1]) if len(args) > 1 else 20
    home = os.environ["POISED_HOME"]
    nothing_covers_home(home)
    cache = os.path.join(home, "journal.cache")
    results = []
    for _ in range(runs):
        if cold and os.path.exists(cache):
            os.unlink(cache)
        results.append(one_run(binary))
    times = sorted(t for t, _ in results)
    peaks = [kb for _, kb in results if kb is not None]
    peak = f", peak memory {max(peaks)} KB" if peaks else ""
    print(f"{runs} runs: median {times[len(times) // 2]:.1f} ms, fastest {times[0]:.1f} ms{peak}")


main()
