#!/usr/bin/env bash
# Measures what poised costs while `poised run morning` plays in an 80x24 terminal, while it
# is paused, and while Home sits idle: CPU as a share of one core, bytes written to the
# terminal per second, wake-ups per second, peak memory. See README.md, "Performance".
#
# Then three interleaved windows each of poised playing and of porsmo's stopwatch (the
# reference the issue measured against; `cargo install porsmo`), with the ratios.
#
# Usage: scripts/perf-session.sh [SECONDS_PER_PHASE] [ratio|voice-ratio]   (default 30; `ratio`:
# only the side by side; `voice-ratio`: the same with poised speaking its cues)
# Exits 1 when a budget is missed. Linux only: it reads /proc.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin poised --example perf_session
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "machine: $(nproc) cores ($cpu), Linux $(uname -r); release build; 80x24 pty"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec target/release/examples/perf_session target/release/poised "${1:-30}" ${2:+"$2"}
