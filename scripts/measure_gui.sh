#!/usr/bin/env bash
# Measures the desktop app on a virtual X screen (Xvfb): time from start to
# the first frame, idle CPU over 30 s and resident memory on a 1920x1080
# screen, then "Scan screen pressed (Ctrl+Shift+S) -> secret shown" in the
# real demo window on 1920x1080 and 3840x2160 screens (scripts/measure_scan.py,
# SCANS rounds each, default 7). Uses the release build. Prints one line per
# figure. `measure_gui.sh scan` measures the scans only.
# Needs: xvfb, xdotool (./dev.sh test installs them), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
bin="${CARGO_TARGET_DIR:-target}/release/totp-burner"
work=$(mktemp -d)
xvfb=""
app=""
cleanup() {
    if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; fi
    if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_RUNTIME_DIR="$work" XDG_CONFIG_HOME="$work"
unset WAYLAND_DISPLAY

start_xvfb() { # $1 = WIDTHxHEIGHT
    rm -f "$work/display"
    Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp -noreset 3>"$work/display" 2>/dev/null &
    xvfb=$!
    for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
    export DISPLAY=":$(cat "$work/display")"
}

stop_xvfb() {
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
    xvfb=""
}

start_app() { # $1 = event log, rest = app arguments
    local log=$1; shift
    TOTP_BURNER_EVENT_LOG="$log" "$bin" "$@" >/dev/null 2>&1 &
    app=$!
    for _ in $(seq 300); do grep -q "first frame" "$log" 2>/dev/null && break; sleep 0.1; done
}

stop_app() {
    kill "$app"
    wait "$app" 2>/dev/null || true
    app=""
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() { # $1 = label, rest = app arguments
    local label=$1; shift
    local log="$work/$label.log"
    start_app "$log" "$@"
    echo "$label: $(grep "first frame" "$log")"
    sleep 3
    local hz t0 t1
    hz=$(getconf CLK_TCK)
    t0=$(cpu_ticks "$app")
    sleep 30
    t1=$(cpu_ticks "$app")
    echo "$label: idle CPU over 30 s: $(awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN { printf "%.2f %%", (b - a) / hz / 30 * 100 }')"
    echo "$label: resident memory: $(awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' "/proc/$app/status")"
    stop_app
}

scan_latency() { # $1 = WIDTHxHEIGHT
    start_xvfb "$1"
    local log="$work/scan-$1.log"
    start_app "$log" gui --demo
    sleep 2
    python3 scripts/measure_scan.py "demo $1" "$log" "${SCANS:-7}"
    stop_app
    stop_xvfb
}

if [ "${1:-}" != scan ]; then
    start_xvfb 1920x1080
    measure readers gui
    measure demo gui --demo
    stop_xvfb
fi
scan_latency 1920x1080
scan_latency 3840x2160
