#!/usr/bin/env bash
# Measures `poised status` and `poised due` on a synthetic journal of many years (default 10),
# with the summary cache up to date: whole-process time, mean of 50 runs. Twice: the plain
# synthetic journal, and one with desk mode's records on every weekday (--desk).
# Uses hyperfine when installed, else a timing loop.
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
# A Friday morning in working hours, on the journal's last day.
export POISED_NOW="2026-11-20T10:30:00+01:00"

mean_ms() {
    if command -v hyperfine > /dev/null; then
        hyperfine -N --warmup 3 --runs 50 --export-json "$home/h.json" "$*" > /dev/null
        python3 -c "import json; print(f\"{json.load(open('$home/h.json'))['results'][0]['mean'] * 1000:.2f}\")"
    else
        local total=0 start
        for _ in $(seq 50); do
            start=$(date +%s%N)
            "$@" > /dev/null || true
            total=$(( total + $(date +%s%N) - start ))
        done
        echo "$(( total / 50 / 1000 )) µs" | awk '{printf "%.2f\n", $1 / 1000}'
    fi
}

for variant in plain desk; do
    flag=""
    [[ "$variant" == desk ]] && flag="--desk"
    "$synth" --years "$years" --end 2026-11-20 $flag > "$home/journal.toml"
    rm -f "$home/journal.cache"
    "$poised" status > /dev/null
    echo "journal ($variant): $years years, $(wc -c < "$home/journal.toml") bytes, $(grep -c '^\[\[' "$home/journal.toml") records"
    echo "  poised status: $("$poised" status)"
    echo "  poised status        mean $(mean_ms "$poised" status) ms (cache up to date)"
    echo "  poised status --json mean $(mean_ms "$poised" status --json) ms"
    echo "  poised due           mean $(mean_ms "$poised" due) ms"
done
