#!/usr/bin/env bash
# Measures `poised report` on a synthetic journal of many years (default 10): the last four
# weeks with the cache up to date, and the whole history in one report, HTML and Markdown.
# Each figure is the mean of RUNS runs (default 20) of the release binary, writing to
# /dev/null, after one untimed run. Needs /usr/bin/time (apt-get install time) and bc.
#
#   scripts/bench-report.sh [YEARS] [RUNS]
set -euo pipefail

years="${1:-10}"
runs="${2:-20}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release --quiet --bin poised --example synth_journal
poised="$root/target/release/poised"

home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export POISED_HOME="$home"
export POISED_NOW="2026-11-29T20:00:00+01:00"
target/release/examples/synth_journal --years "$years" --end 2026-11-29 > "$home/journal.toml"
"$poised" streak > /dev/null   # brings the cache up to date
first="$(date -d "2026-11-29 - $((365 * years)) days" +%F)"
echo "journal: $years years, $(wc -c < "$home/journal.toml") bytes, $(grep -c '^\[\[' "$home/journal.toml") records"

# Mean wall and CPU (user + system) milliseconds of $runs runs of the given poised arguments.
# On a busy machine the wall time includes waiting for a core; the CPU time does not (it is
# counted in the kernel's ticks, so single runs read 0 or 10 ms).
measure() {
    "$poised" "$@" > /dev/null
    local wall=0 cpu=0 line
    for _ in $(seq "$runs"); do
        line="$( { /usr/bin/time -f "%e %U %S" "$poised" "$@" > /dev/null; } 2>&1 | tail -1)"
        wall="$(echo "$wall + $(echo "$line" | cut -d' ' -f1)" | bc)"
        cpu="$(echo "$cpu + $(echo "$line" | cut -d' ' -f2) + $(echo "$line" | cut -d' ' -f3)" | bc)"
    done
    echo "wall $(echo "scale=1; $wall * 1000 / $runs" | bc) ms, cpu $(echo "scale=1; $cpu * 1000 / $runs" | bc) ms"
}

echo "poised streak, for scale:  $(measure streak)"
echo "4 weeks, HTML:        $(measure report --out -)"
echo "4 weeks, Markdown:    $(measure report --format md --out -)"
echo "$years years, HTML:     $(measure report --since "$first" --out -)"
echo "$years years, Markdown: $(measure report --since "$first" --format md --out -)"
echo "size of the $years-year HTML: $("$poised" report --since "$first" --out - | wc -c) bytes"
