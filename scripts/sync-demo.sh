#!/usr/bin/env bash
# Two machines, one history, through a real sync engine: starts two Syncthing instances on
# 127.0.0.1 only (no discovery, relays, NAT traversal, usage reports or upgrade checks),
# shares one folder between them, records sessions, check-ins and a rest day on both
# "machines" with the release binary, makes a sync conflict on purpose, checks that a morning
# question answered on one machine is not asked on the other, waits for each sync to settle,
# and checks that both machines show the same export and the same streak, with every record
# written counted once. See README.md, "Several machines".
#
# Usage: scripts/sync-demo.sh [--keep]   (--keep leaves the demo folder for a look)
# Needs: syncthing (Debian: apt-get install syncthing), curl, jq, python3.
# Exits 0 when the two machines agree, 1 when they do not, 2 when a tool is missing.
# Not run by `cargo test`: CI has no Syncthing.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in syncthing curl jq python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "sync-demo: $tool is not installed; on Debian or Ubuntu: sudo apt-get install $tool" >&2
        exit 2
    fi
done

KEEP=${1:-}
DEMO=$(mktemp -d "${TMPDIR:-/tmp}/poised-sync-demo.XXXXXX")
POISED=$PWD/target/release/poised
DRIVE=$PWD/scripts/sync-demo-session.py
PORT=$((20000 + RANDOM % 20000))
FOLDER=poised-journal
PIDS=()

cleanup() {
    local status=$?
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [[ $status -ne 0 || $KEEP == --keep ]]; then
        echo "sync-demo: the demo folder is kept: $DEMO" >&2
    else
        rm -rf "$DEMO"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '\n== %s\n' "$*"; }
fail() {
    echo "sync-demo: FAILED: $*" >&2
    exit 1
}

cargo build --release --quiet --bin poised

# ---- Syncthing: two homes, one folder, loopback only --------------------------------------

# Each machine: its Syncthing home, its synced folder, its POISED_HOME (local state, never
# synced) and an "old" POISED_HOME whose journal.toml is a link into the synced folder, the
# way people synced poised's single file before the journal folder existed.
declare -A ID KEY GUI LISTEN
MACHINES=(laptop desktop)
n=0
for m in "${MACHINES[@]}"; do
    mkdir -p "$DEMO/$m/Sync/journal" "$DEMO/$m/poised" "$DEMO/$m/old-poised"
    touch "$DEMO/$m/Sync/journal/.stfolder"
    ln -s "$DEMO/$m/Sync/journal/journal.toml" "$DEMO/$m/old-poised/journal.toml"
    syncthing generate --home="$DEMO/$m/syncthing" --no-default-folder >"$DEMO/$m/generate.log" 2>&1
    ID[$m]=$(syncthing serve --home="$DEMO/$m/syncthing" --device-id)
    KEY[$m]=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
    GUI[$m]=127.0.0.1:$((PORT + n))
    LISTEN[$m]=tcp://127.0.0.1:$((PORT + 10 + n))
    n=$((n + 1))
done

write_config() {
    local m=$1 version
    version=$(grep -o 'configuration version="[0-9]*"' "$DEMO/$m/syncthing/config.xml")
    {
        echo "<$version>"
        echo "  <folder id=\"$FOLDER\" label=\"poised journal\" path=\"$DEMO/$m/Sync/journal\" type=\"sendreceive\" rescanIntervalS=\"3600\" fsWatcherEnabled=\"true\" fsWatcherDelayS=\"1\">"
        for other in "${MACHINES[@]}"; do
            echo "    <device id=\"${ID[$other]}\"></device>"
        done
        echo "    <minDiskFree unit=\"%\">0</minDiskFree>"
        # Left out, this would be 0: no conflict copies, the losing version dropped.
        echo "    <maxConflicts>10</maxConflicts>"
        echo "  </folder>"
        for other in "${MACHINES[@]}"; do
            echo "  <device id=\"${ID[$other]}\" name=\"$other\" compression=\"metadata\" introducer=\"false\">"
            echo "    <address>${LISTEN[$other]}</address>"
            echo "  </device>"
        done
        cat <<EOF
  <gui enabled="true" tls="false">
    <address>${GUI[$m]}</address>
    <apikey>${KEY[$m]}</apikey>
  </gui>
  <options>
    <listenAddress>${LISTEN[$m]}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <stunKeepaliveStartS>0</stunKeepaliveStartS>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <startBrowser>false</startBrowser>
    <announceLANAddresses>false</announceLANAddresses>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
  </options>
</configuration>
EOF
    } >"$DEMO/$m/syncthing/config.xml"
}

# The REST API of machine $1: api laptop GET /rest/system/status
api() {
    local m=$1 method=$2 path=$3
    shift 3
    curl -sS --fail --max-time 30 -X "$method" -H "X-API-Key: ${KEY[$m]}" "$@" "http://${GUI[$m]}$path"
}

other_of() { [[ $1 == laptop ]] && echo desktop || echo laptop; }

say "starting two Syncthing instances on 127.0.0.1 (ports $PORT-$((PORT + 11)))"
for m in "${MACHINES[@]}"; do
    write_config "$m"
    STNORESTART=1 STNOUPGRADE=1 syncthing serve --home="$DEMO/$m/syncthing" --no-browser \
        --no-restart --no-upgrade >"$DEMO/$m/syncthing.log" 2>&1 &
    PIDS+=($!)
done

# Waits up to $2 seconds for the command "$3..." to succeed; says what was awaited ($1).
wait_until() {
    local what=$1 limit=$2 start=$SECONDS
    shift 2
    until "$@"; do
        ((SECONDS - start < limit)) || fail "$what did not happen within $limit seconds (logs in $DEMO/*/syncthing.log)"
        sleep 0.5
    done
}

connected() {
    local m other
    for m in "${MACHINES[@]}"; do
        other=$(other_of "$m")
        [[ $(api "$m" GET /rest/system/connections 2>/dev/null | jq -r ".connections[\"${ID[$other]}\"].connected") == true ]] || return 1
    done
}
wait_until "the two instances connecting" 60 connected
for m in "${MACHINES[@]}"; do
    [[ $(api "$m" GET "/rest/config/folders/$FOLDER" | jq .maxConflicts) == 10 ]] ||
        fail "Syncthing on the $m did not take the folder's settings"
    api "$m" GET /rest/config/options | jq -e '[.globalAnnounceEnabled, .localAnnounceEnabled,
        .relaysEnabled, .natEnabled, .crashReportingEnabled, .urAccepted >= 0,
        .autoUpgradeIntervalH > 0] | all(. == false)' >/dev/null ||
        fail "Syncthing on the $m would reach beyond 127.0.0.1"
done
echo "connected: laptop ${ID[laptop]:0:7}, desktop ${ID[desktop]:0:7}"

# The same files with the same bytes on both sides (hidden files, Syncthing's own and its
# temporary files among them, left out).
listing() {
    (cd "$DEMO/$1/Sync/journal" && find . -mindepth 1 -name '.*' -prune -o -type f -print0 | sort -z | xargs -0r sha256sum)
}

idle_and_complete() {
    local m other
    for m in "${MACHINES[@]}"; do
        other=$(other_of "$m")
        [[ $(api "$m" GET "/rest/db/status?folder=$FOLDER" | jq -r '"\(.state) \(.needTotalItems)"') == "idle 0" ]] || return 1
        [[ $(api "$m" GET "/rest/db/completion?folder=$FOLDER&device=${ID[$other]}" | jq -r .completion) == 100 ]] || return 1
    done
    [[ $(listing laptop) == "$(listing desktop)" ]]
}

# Settled: both folders scanned, idle, nothing needed by either side, the same bytes on
# disk, and still so a second later.
settled() { idle_and_complete && sleep 1 && idle_and_complete; }

sync_and_wait() {
    local m start=$SECONDS
    for m in "${MACHINES[@]}"; do api "$m" POST "/rest/db/scan?folder=$FOLDER" >/dev/null; done
    wait_until "the sync settling" 120 settled
    echo "synced in $((SECONDS - start)) s: $(listing laptop | wc -l) files on each side"
}

# Every socket the Syncthing processes hold is on 127.0.0.1 (listeners and connections alike);
# prints any other and fails.
loopback_only() {
    local pid pids others
    pids=$({
        printf '%s\n' "${PIDS[@]}"
        for pid in "${PIDS[@]}"; do pgrep -P "$pid" || true; done
    } | paste -sd'|')
    others=$(ss -tunapH 2>/dev/null | grep -E "pid=($pids)," | awk '$5 !~ /^127\.0\.0\.1:/ || $6 !~ /^(127\.0\.0\.1:|0\.0\.0\.0:\*|\*:\*)/' || true)
    [[ -z $others ]] || fail "Syncthing holds a socket beyond 127.0.0.1: $others"
}

pause_link() {
    local m
    for m in "${MACHINES[@]}"; do api "$m" POST "/rest/system/pause?device=${ID[$(other_of "$m")]}" >/dev/null; done
    wait_until "the link going down" 30 disconnected
}
disconnected() { ! api laptop GET /rest/system/connections | jq -e ".connections[\"${ID[desktop]}\"].connected" >/dev/null; }

resume_link() {
    local m
    for m in "${MACHINES[@]}"; do
        api "$m" POST "/rest/db/scan?folder=$FOLDER" >/dev/null
        api "$m" POST "/rest/system/resume?device=${ID[$(other_of "$m")]}" >/dev/null
    done
    wait_until "the two instances reconnecting" 60 connected
}

# ---- poised on both machines ----------------------------------------------------------------

# What was written: one line per record, "kind note", every note unique.
WRITTEN=$DEMO/written.txt
: >"$WRITTEN"

# poised on machine $1 at time $2 with the layout $3 (old: the single synced file; new: the
# journal folder).
on() {
    local m=$1 at=$2 layout=$3
    shift 3
    local home=$DEMO/$m/poised
    [[ $layout == old ]] && home=$DEMO/$m/old-poised
    local dir=()
    # The desktop names the folder with the variable, the laptop in its config.toml.
    [[ $layout == new && $m == desktop ]] && dir=(POISED_JOURNAL_DIR="$DEMO/$m/Sync/journal")
    env POISED_HOME="$home" POISED_NOW="$at" POISED_TIME_SCALE=120 NO_COLOR=1 "${dir[@]}" "$@"
}

session() { # machine time layout routine before after note
    on "$1" "$2" "$3" python3 "$DRIVE" "$POISED" "$4" "$5" "$6" "$7" >/dev/null
    echo "session $7" >>"$WRITTEN"
    echo "$1: session  $2  $4  \"$7\""
}
checkin() { # machine time layout stiffness note
    on "$1" "$2" "$3" "$POISED" checkin "$4" --note "$5" >/dev/null
    echo "checkin $5" >>"$WRITTEN"
    echo "$1: check-in $2  $4  \"$5\""
}

say "the old way: each machine appends to one synced journal.toml"
# The laptop made the file; the desktop's link points at it once it has synced (poised does
# not create a journal through a dangling link).
(umask 077 && echo 'format = 1' >"$DEMO/laptop/Sync/journal/journal.toml")
checkin laptop 2026-11-23T06:55:00+01:00 old 5 "laptop mon check-in"
session laptop 2026-11-23T07:00:00+01:00 old morning 5 3 "laptop mon morning"
sync_and_wait
session desktop 2026-11-23T12:30:00+01:00 old office 4 2 "desktop mon office"
sync_and_wait

say "a conflict on purpose: the link paused, both machines append to journal.toml"
pause_link
session laptop 2026-11-24T07:05:00+01:00 old morning 6 3 "laptop tue morning"
session desktop 2026-11-24T12:40:00+01:00 old office 4 3 "desktop tue office"
resume_link
sync_and_wait
loopback_only
conflicts=$(find "$DEMO/laptop/Sync/journal" -name '*.sync-conflict-*' | wc -l)
[[ $conflicts -ge 1 ]] || fail "Syncthing made no conflict copy of journal.toml"
echo "Syncthing kept one version as journal.toml and the other as a conflict copy:"
(cd "$DEMO/laptop/Sync/journal" && ls)

say "the journal folder: each machine appends to its own file"
printf 'journal_dir = "%s"\n' "$DEMO/laptop/Sync/journal" >"$DEMO/laptop/poised/config.toml"
checkin laptop 2026-11-25T07:00:00+01:00 new 4 "laptop wed check-in"
checkin desktop 2026-11-25T07:00:00+01:00 new 4 "desktop wed check-in"
session laptop 2026-11-25T07:10:00+01:00 new morning 4 2 "laptop wed morning"
session desktop 2026-11-25T07:10:00+01:00 new reset 4 2 "desktop wed reset"
sync_and_wait

say "the link paused again: both machines record, no conflict this time"
pause_link
session laptop 2026-11-26T07:00:00+01:00 new morning 3 2 "laptop thu morning"
checkin desktop 2026-11-26T08:00:00+01:00 new 3 "desktop thu check-in"
session desktop 2026-11-26T13:00:00+01:00 new office 3 1 "desktop thu office"
resume_link
sync_and_wait
[[ $(find "$DEMO/laptop/Sync/journal" -name 'journal-*sync-conflict*' | wc -l) -eq 0 ]] ||
    fail "a machine's own file got a conflict copy"

say "the morning question: answered on the laptop, not asked again on the desktop"
on laptop 2026-11-27T07:00:00+01:00 new python3 "$DRIVE" "$POISED" --home asked 4 >/dev/null
echo "checkin (no note)" >>"$WRITTEN"
echo "laptop: Home asked how the back feels this morning; answered 4"
sync_and_wait
on desktop 2026-11-27T08:30:00+01:00 new python3 "$DRIVE" "$POISED" --home not-asked >/dev/null
echo "desktop: Home did not ask again"
on desktop 2026-11-27T09:00:00+01:00 new "$POISED" rest --reason "travel day" >/dev/null
echo "desktop: rest day 2026-11-27"
sync_and_wait

loopback_only
echo "every socket the two Syncthing processes hold is on 127.0.0.1"

# ---- the check --------------------------------------------------------------------------------

say "what each machine reads"
on laptop 2026-11-27T20:00:00+01:00 new "$POISED" paths
RESULT=0
for m in "${MACHINES[@]}"; do
    # Records sorted so that the order of the files does not matter, one line each.
    for kind in sessions checkins; do
        flag=()
        [[ $kind == checkins ]] && flag=(--checkins)
        on "$m" 2026-11-27T20:00:00+01:00 new "$POISED" export --format toml "${flag[@]}" 2>"$DEMO/$m/warnings.txt" |
            awk '/^\[\[/ { if (r) print r; r = $0; next } /^format/ || /^$/ { next } { r = r " | " $0 } END { if (r) print r }' |
            sort >"$DEMO/$m/$kind.txt"
        on "$m" 2026-11-27T20:00:00+01:00 new "$POISED" export "${flag[@]}" | tail -n +2 | sort >"$DEMO/$m/$kind.csv"
    done
    on "$m" 2026-11-27T20:00:00+01:00 new "$POISED" streak >"$DEMO/$m/streak.txt"
    # Every record written, found once by its note; nothing else.
    for kind in session checkin; do
        sed -e 's/.*note = "\([^"]*\)".*/\1/' -e t -e 's/.*/(no note)/' "$DEMO/$m/${kind}s.txt" | sed "s/^/$kind /"
    done >"$DEMO/$m/read.txt"
    if ! diff <(sort "$WRITTEN") <(sort "$DEMO/$m/read.txt") >"$DEMO/$m/diff.txt"; then
        echo "$m: the records read differ from those written (< lost, > extra):" >&2
        cat "$DEMO/$m/diff.txt" >&2
        RESULT=1
    fi
    printf '%-8s %s sessions, %s check-ins read (of %s and %s written); %s\n' "$m" \
        "$(wc -l <"$DEMO/$m/sessions.txt")" "$(wc -l <"$DEMO/$m/checkins.txt")" \
        "$(grep -c '^session' "$WRITTEN")" "$(grep -c '^checkin' "$WRITTEN")" "$(cat "$DEMO/$m/streak.txt")"
done
for file in sessions.txt checkins.txt sessions.csv checkins.csv streak.txt; do
    if ! cmp -s "$DEMO/laptop/$file" "$DEMO/desktop/$file"; then
        echo "the two machines differ in $file:" >&2
        diff "$DEMO/laptop/$file" "$DEMO/desktop/$file" >&2 || true
        RESULT=1
    fi
done
[[ $RESULT -eq 0 ]] || fail "the two machines do not agree"
say "PASS: both machines show the same $(wc -l <"$DEMO/laptop/sessions.txt") sessions and $(wc -l <"$DEMO/laptop/checkins.txt") check-ins, each written record once, and the same streak"
