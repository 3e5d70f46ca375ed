#!/usr/bin/env bash
# Measures the desktop app on a virtual X screen (Xvfb): time from start to
# the first frame, idle CPU over 30 s, resident memory, and the time from
# pressing Scan screen (Ctrl+Shift+S) to the secret being shown on a
# 1920x1080 screen. Uses the release build. Prints one line per figure.
# Needs: xvfb, xdotool (./dev.sh test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
bin=target/release/totp-burner
work=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; [ -n "${app:-}" ] && kill $app 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")"
export XDG_RUNTIME_DIR="$work" XDG_CONFIG_HOME="$work"
unset WAYLAND_DISPLAY

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() { # $1 = label, rest = app arguments
    local label=$1; shift
    local log="$work/$label.log"
    TOTP_BURNER_EVENT_LOG="$log" "$bin" "$@" >/dev/null 2>&1 &
    app=$!
    for _ in $(seq 300); do grep -q "first frame" "$log" 2>/dev/null && break; sleep 0.1; done
    echo "$label: $(grep "first frame" "$log")"
    sleep 3
    local hz t0 t1
    hz=$(getconf CLK_TCK)
    t0=$(cpu_ticks $app)
    sleep 30
    t1=$(cpu_ticks $app)
    echo "$label: idle CPU over 30 s: $(awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN { printf "%.2f %%", (b - a) / hz / 30 * 100 }')"
    echo "$label: resident memory: $(awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' /proc/$app/status)"
    if [ "$label" = demo ]; then
        local w
        w=$(xdotool search --name "TOTP burner" | head -1)
        xdotool windowfocus --sync "$w"
        xdotool key ctrl+shift+s
        for _ in $(seq 100); do grep -q "scanned" "$log" && break; sleep 0.1; done
        echo "$label: Scan screen to secret shown: $(grep "scanned" "$log")"
    fi
    kill $app
    wait $app 2>/dev/null || true
    app=""
}

measure readers gui
measure demo gui --demo
