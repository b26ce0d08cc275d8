#!/usr/bin/env bash
# Measures `poised status` and `poised due` (and `poised streak`, for scale) on a synthetic
# journal of many years (default 10), with the summary cache up to date: whole-process wall
# time (fastest and median of 50 runs) and CPU time (mean). Twice: the plain synthetic
# journal, and one with desk mode's records on every weekday (--desk). Needs python3.
#
#   scripts/bench-status.sh [YEARS]
set -euo pipefail

years="${1:-10}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release --quiet --bin poised --example synth_journal
poised="$root/target/release/poised"
synth="$root/target/release/examples/synth_journal"

home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export POISED_HOME="$home"
# A Friday morning in working hours, the day after the journal's last day.
export POISED_NOW="2026-11-20T10:30:00+01:00"

cat > "$home/time.py" <<'PYTHON'
import resource, subprocess, sys, time
poised, runs = sys.argv[1], 50
for args in (["streak"], ["status"], ["status", "--json"], ["due"]):
    walls = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([poised] + args, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / runs
    walls.sort()
    print(f"  {' '.join(args):14} wall fastest {walls[0] * 1000:6.2f} ms, median "
          f"{walls[runs // 2] * 1000:6.2f} ms; CPU mean {cpu * 1000:6.2f} ms")
PYTHON

for variant in plain desk; do
    flag=""
    [[ "$variant" == desk ]] && flag="--desk"
    "$synth" --years "$years" --end 2026-11-19 $flag > "$home/journal.toml"
    rm -f "$home/journal.cache"
    "$poised" status > /dev/null
    echo "journal ($variant): $years years, $(wc -c < "$home/journal.toml") bytes," \
        "$(grep -c '^\[\[' "$home/journal.toml") records; cache up to date"
    echo "  poised status says: $("$poised" status)"
    python3 "$home/time.py" "$poised"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
