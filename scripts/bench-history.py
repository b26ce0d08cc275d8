#!/usr/bin/env python3
"""Times poised on synthetic journals of 1, 10, 30 and 100 years, for one or two builds side
by side: `poised streak` cold (no cache) and warm (cache current), `poised log` (warm) and
`poised export`. Prints a Markdown table of medians, in milliseconds of CPU time (user +
system, from getrusage), which a machine busy with other work inflates far less than wall time.

    scripts/bench-history.py AFTER_POISED [BEFORE_POISED ...] [--names after,before,...]
                             [--years 1,10,30,100] [--runs 15]

AFTER_POISED and BEFORE_POISED are release binaries (build the "before" ones from older
commits in a scratch copy), measured one after the other on each journal; `--names` labels
them in the table (by default "after", "before", "before 2", ...). The journals come from `target/release/examples/synth_journal`
(`cargo build --release --example synth_journal`), ending on 2026-11-21, and every run sees
POISED_NOW=2026-11-21T20:00:00+01:00, so the figures do not depend on the day they are taken.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYNTH = os.environ.get("SYNTH_JOURNAL") or os.path.join(ROOT, "target", "release", "examples", "synth_journal")
NOW = "2026-11-21T20:00:00+01:00"


def arg(name, default):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


def run_once(poised, home, args, prepare=None):
    if prepare:
        prepare()
    env = dict(os.environ, POISED_HOME=home, POISED_NOW=NOW)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([poised, *args], env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu * 1000


def median(poised, home, args, runs, prepare=None):
    run_once(poised, home, args, prepare)  # warm the page cache
    return statistics.median(run_once(poised, home, args, prepare) for _ in range(runs))


def measure(poised, journal, runs):
    home = tempfile.mkdtemp()
    try:
        shutil.copy(journal, os.path.join(home, "journal.toml"))
        cache = os.path.join(home, "journal.cache")

        def drop_cache():
            if os.path.exists(cache):
                os.remove(cache)

        slow = max(3, runs // 3)
        cold = median(poised, home, ["streak"], slow, drop_cache)
        # As if the journal was last written an hour ago: a cache written within two seconds
        # of the journal is checked whole once (see the README), which is not the warm case.
        an_hour_ago = time.time() - 3600
        os.utime(os.path.join(home, "journal.toml"), (an_hour_ago, an_hour_ago))
        run_once(poised, home, ["streak"])
        warm = median(poised, home, ["streak"], runs)
        log = median(poised, home, ["log"], runs)
        export = median(poised, home, ["export"], slow)
        return cold, warm, log, export
    finally:
        shutil.rmtree(home)


def main():
    builds = [a for a in sys.argv[1:] if not a.startswith("--") and os.path.isfile(a)]
    years = [int(y) for y in arg("--years", "1,10,30,100").split(",")]
    runs = int(arg("--runs", "15"))
    default = ["after", "before"] + [f"before {i}" for i in range(2, len(builds))]
    names = arg("--names", ",".join(default[: len(builds)])).split(",")
    print("| years | MB | build | streak cold | streak warm | log | export |")
    print("|---|---|---|---|---|---|---|")
    for y in years:
        journal = tempfile.mktemp(suffix=".toml")
        with open(journal, "w") as out:
            subprocess.run([SYNTH, "--years", str(y), "--end", "2026-11-21"], stdout=out, check=True)
        mb = os.path.getsize(journal) / 1e6
        for name, poised in zip(names, builds):
            cold, warm, log, export = measure(poised, journal, runs)
            print(f"| {y} | {mb:.1f} | {name} | {cold:.1f} | {warm:.1f} | {log:.1f} | {export:.1f} |",
                  flush=True)
        os.remove(journal)


if __name__ == "__main__":
    main()
