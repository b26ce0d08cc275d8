#!/usr/bin/env bash
# Renders the sample report shown in the README: `poised report` (the last 4 weeks) on a
# one-year synthetic journal (examples/synth_journal.rs, with desk mode's records and the
# sessions' plans and marks) ending 2026-11-29, then headless
# Chromium (Debian's `chromium` package: apt-get install chromium) turns the HTML into a PNG.
# Chromium runs with a fresh profile and without network features; the report fetches nothing.
#
#   scripts/report-sample.sh [OUT.png]      (default: docs/report-sample.png)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$root/docs/report-sample.png}")"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "report-sample.sh needs Chromium: apt-get install chromium" >&2
    exit 1
fi
cd "$root"
cargo build --release --quiet --bin poised --example synth_journal

home="$(mktemp -d)"
profile="$(mktemp -d)"
trap 'rm -rf "$home" "$profile"' EXIT
# The synthetic journal's desk resets are `desk-reset` and `standing-break`.
printf '[desk]\nroutine = "desk-reset"\ntransition = "standing-break"\n' > "$home/config.toml"
target/release/examples/synth_journal --years 1 --end 2026-11-29 --desk --plans > "$home/journal.toml"
POISED_HOME="$home" POISED_NOW=2026-11-29T20:00:00+01:00 \
    target/release/poised report --out "$home/report.html"

"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1000,2300 \
    --screenshot="$out" "file://$home/report.html" 2> "$home/chromium.log" \
    || { cat "$home/chromium.log" >&2; exit 1; }
echo "sample report: $out"
