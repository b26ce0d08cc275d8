#!/usr/bin/env bash
# kill -9 during appends of records with 2 MB notes, many times (default 300): a writer
# process appends such records to a journal in /dev/shm and is killed after a random number
# of acknowledgements, half the time at a random moment and half the time once the file is
# seen to hold part of the next record. After each kill the journal must hold every
# acknowledged record whole, may hold one more whole record, skips at most the record being
# cut (one warning) and never counts it, and the next append lands whole. Prints the counts.
#
#   scripts/kill-large-appends.sh [KILLS]     (POISED_TEST_SEED=N replays a run)
set -euo pipefail

kills="${1:-300}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
POISED_TEST_KILLS="$kills" cargo test --release --test journal_durability \
    kills_during_appends_of_2_mb_notes -- --nocapture 2>&1 | grep -E '^(kill -9|test result)'
