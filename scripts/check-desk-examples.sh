#!/usr/bin/env bash
# Runs the README's desk-mode examples as written: the systemd user timer and service
# (checked by systemd-analyze, and the service's command run with a stand-in notify-send), and
# the tmux status-right line (a tmux server with that config, a client attached in a
# pseudo-terminal, and the status line read back). Needs tmux, systemd-analyze and script(1).
#
#   scripts/check-desk-examples.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --quiet --bin poised
work="$(mktemp -d)"
trap 'tmux -L poised-check kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home"
ln -s "$root/target/debug/poised" "$work/bin/poised"
printf '#!/bin/sh\necho "$*" >> %s/notified\n' "$work" > "$work/bin/notify-send"
chmod +x "$work/bin/notify-send"
export PATH="$work/bin:$PATH" POISED_HOME="$work/home"

# The README's fenced blocks: the `tmux` one, and the `ini` ones by their first-line comment.
block() { awk -v want="$1" '/^```/{ if (inside) exit; if ($0 == "```" want) inside = 1; next } inside' README.md; }
ini() { awk -v name="$1" '/^```ini/{ grab = 0; inside = 1; next } /^```/{ inside = 0 } inside && $0 == "# " name { grab = 1; next } grab && inside' README.md; }
ini poised-due.service > "$work/poised-due.service"
ini poised-due.timer > "$work/poised-due.timer"
block tmux > "$work/tmux.conf"

echo "systemd: verifying the units"
(cd "$work" && systemd-analyze verify ./poised-due.timer ./poised-due.service)
calendar="$(sed -n 's/^OnCalendar=//p' "$work/poised-due.timer")"
systemd-analyze calendar "$calendar" > /dev/null
command="$(sed -n "s/^ExecStart=\/bin\/sh -c '\(.*\)'$/\1/p" "$work/poised-due.service")"
POISED_NOW=2026-11-30T10:00:00+01:00 /bin/sh -c "$command"
POISED_NOW=2026-11-30T09:10:00+01:00 /bin/sh -c "$command"
notified="$(cat "$work/notified")"
[[ "$notified" == "poised reset: a reset is due (since 09:45)" ]] || {
    echo "expected one notification at 10:00 and none at 09:10, got: $notified"
    exit 1
}
echo "systemd: the service notifies when a reset is due, and only then"

echo "tmux: reading the status line"
export POISED_NOW=2026-11-30T10:00:00+01:00
tmux -L poised-check -f "$work/tmux.conf" new-session -d -x 120 -y 10 'sleep 60'
(sleep 2; tmux -L poised-check kill-server) &
TERM=xterm timeout 10 script -q -c "stty cols 120 rows 10; tmux -L poised-check attach" /dev/null \
    > "$work/attached" 2>&1 || true
if grep -aq "reset due · 0/0 today · streak 0" "$work/attached"; then
    echo "tmux: the status line shows 'reset due · 0/0 today · streak 0'"
else
    echo "tmux: the status line did not show poised status"
    exit 1
fi
