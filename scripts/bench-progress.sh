#!/usr/bin/env bash
# Measures `poised streak` on a synthetic journal of many years (default 10): whole-process
# time and peak memory, cold (no cache), warm (cache up to date) and after one day appended.
# Uses hyperfine when installed (apt-get install -y hyperfine), else a timing loop.
# Then, with python3, the time from starting `poised` to the first frame of its progress
# screen (scripts/first-frame.py, in a pseudo-terminal), warm and cold.
#
#   scripts/bench-progress.sh [YEARS]
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

# The journal up to today, and the same without today's records (cut before its check-in),
# whose cache then sees one day appended.
"$synth" --years "$years" > "$home/after.toml"
last_day="$(grep -b '^\[\[checkin\]\]' "$home/after.toml" | tail -1 | cut -d: -f1)"
head -c "$last_day" "$home/after.toml" > "$home/before.toml"
cp "$home/before.toml" "$home/journal.toml"
"$poised" streak > /dev/null
cp "$home/journal.cache" "$home/before.cache"
cp "$home/after.toml" "$home/journal.toml"
cat > "$home/appended.sh" <<SCRIPT
#!/bin/sh
cp "$home/after.toml" "$home/journal.toml"
cp "$home/before.cache" "$home/journal.cache"
SCRIPT
chmod +x "$home/appended.sh"

echo "journal: $years years, $(wc -c < "$home/journal.toml") bytes, $(grep -c '^\[\[' "$home/journal.toml") records"
echo "poised streak: $("$poised" streak)"
echo

# Peak resident memory, the largest of 5 runs, in KB.
peak() {
    local prepare="$1" most=0 kb
    for _ in 1 2 3 4 5; do
        $prepare
        kb="$( { /usr/bin/time -f '%M' "$poised" streak > /dev/null; } 2>&1 )"
        (( kb > most )) && most="$kb"
    done
    echo "$most"
}
cold_prepare="rm -f $home/journal.cache"
appended_prepare="$home/appended.sh"
warm_prepare="true"

if command -v hyperfine > /dev/null; then
    hyperfine -N --warmup 3 --runs 30 \
        --prepare "$cold_prepare" -n cold "$poised streak" \
        --prepare "$appended_prepare" -n "one day appended" "$poised streak" \
        --prepare "$warm_prepare" -n warm "$poised streak"
else
    for case in cold appended warm; do
        prepare_var="${case}_prepare"
        total=0
        for _ in $(seq 30); do
            ${!prepare_var}
            start=$(date +%s%N)
            "$poised" streak > /dev/null
            total=$(( total + $(date +%s%N) - start ))
        done
        echo "$case: mean $(( total / 30 / 1000 )) µs over 30 runs"
    done
fi
echo
echo "peak memory (max RSS of 5 runs): cold $(peak "$cold_prepare") KB," \
    "one day appended $(peak "$appended_prepare") KB, warm $(peak "$warm_prepare") KB"
echo "cache: $(wc -c < "$home/journal.cache") bytes"

if command -v python3 > /dev/null; then
    echo
    echo "first frame of the progress screen (poised, then g), warm: $(scripts/first-frame.py "$poised" 20)"
    echo "first frame of the progress screen, cold (no cache): $(scripts/first-frame.py "$poised" 10 --cold)"
fi
