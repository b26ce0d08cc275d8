#!/usr/bin/env bash
# Where the time of one frame goes while `poised run morning` plays: update, view, render,
# send (diff and encode) and write, as medians over the whole routine on a simulated clock, with the
# range of the rounds' medians. See README.md, "Performance".
#
# Usage: scripts/frame-time.sh [COLUMNSxROWS] [ROUNDS]   (default 80x24, 5 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example frame_time
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
exec target/release/examples/frame_time "${1:-80x24}" "${2:-5}"
