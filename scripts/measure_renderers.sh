#!/usr/bin/env bash
# Measures the desktop app with each of its renderers (wgpu, glow) on a
# virtual X screen (Xvfb, Mesa's software drivers): time from start to the
# first frame, idle CPU over 20 s, and resident memory once idle, in demo
# mode. Release build. Prints one line per renderer (figures in README).
# Needs: xvfb (./dev.sh test installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet --bin totp-burner
bin="$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')/release/totp-burner"
work=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb=$!
app=""
trap 'if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; fi; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")" XDG_RUNTIME_DIR="$work" XDG_CONFIG_HOME="$work"
unset WAYLAND_DISPLAY
hz=$(getconf CLK_TCK)
for renderer in wgpu glow; do
    log="$work/$renderer.log"
    TOTP_BURNER_EVENT_LOG="$log" "$bin" gui --demo --renderer "$renderer" >/dev/null 2>&1 &
    app=$!
    for _ in $(seq 300); do grep -q "first frame" "$log" 2>/dev/null && break; sleep 0.1; done
    first=$(grep -o "first frame [0-9]* ms" "$log")
    sleep 3
    t0=$(awk '{print $14 + $15}' "/proc/$app/stat")
    sleep 20
    t1=$(awk '{print $14 + $15}' "/proc/$app/stat")
    cpu=$(awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN { printf "%.2f %%", (b - a) / hz / 20 * 100 }')
    rss=$(awk '/VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$app/status")
    echo "$renderer: $first after start, idle CPU $cpu (20 s), resident memory $rss"
    kill "$app"
    wait "$app" 2>/dev/null || true
    app=""
done
