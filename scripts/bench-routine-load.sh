#!/usr/bin/env bash
# Times loading a routine file at the sizes the limits allow: in the library
# (examples/routine_load_speed.rs: the thread's CPU time and the wall time, median and slowest
# of 50 runs; it exits 1 when a CPU median is 50 ms or more) and through the binary (`poised
# validate FILE`, wall time per run, process start-up included).
#
#   scripts/bench-routine-load.sh [RUNS]
set -euo pipefail

runs="${1:-20}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release --quiet --bin poised --example routine_load_speed
poised="$root/target/release/poised"

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
export POISED_HOME="$dir/home"

echo "in the library:"
status=0
"$root/target/release/examples/routine_load_speed" --write "$dir" || status=1
echo
echo "poised validate FILE, $runs runs each:"
for file in "$dir"/*.toml; do
    start="$(date +%s%N)"
    for _ in $(seq "$runs"); do
        "$poised" validate "$file" > /dev/null 2>&1 || true
    done
    end="$(date +%s%N)"
    lines="$("$poised" validate "$file" 2>&1 | wc -l || true)"
    printf '%s: %d bytes, %d output lines, %.1f ms a run\n' "$(basename "$file")" \
        "$(wc -c < "$file")" "$lines" "$(echo "($end - $start) / $runs / 1000000" | bc -l)"
done
exit "$status"
