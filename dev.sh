#!/usr/bin/env bash
# totp-burner developer entry point. Two commands, both self-installing:
#   ./dev.sh demo   run the app against the built-in virtual token
#                   (the window in demo mode; the CLI demo without a desktop)
#   ./dev.sh test   format check, clippy -D warnings, and every test (with a
#                   throw-away PostgreSQL server, pcscd and chronyd of its own)
#   ./dev.sh bench  benchmarks (figures in README.md), zxing-cpp beside our QR decoder
#   ./dev.sh measure-gui [scan]  the real window on Xvfb: start-up, idle CPU, memory, scan latency
#   ./dev.sh check-windows   compile-check the Windows build (WinSCard, xcap)
#   ./dev.sh package [DIR]   release .deb, MSI and portable zip into DIR (default dist/)
#   ./dev.sh measure-renderers  first frame, idle CPU and memory per renderer
#   ./dev.sh fuzz [SECONDS]  fuzz every target for SECONDS (default 60; nightly, cargo-fuzz)
set -euo pipefail
cd "$(dirname "$0")"

# The built binary (cargo's CARGO_TARGET_DIR is honoured: a shared or
# per-user target folder works too).
BIN="${CARGO_TARGET_DIR:-target}/debug/totp-burner"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages the build and the tests need: pcsc-lite to build and
# link against, and a real pcscd with the vsmartcard-vpcd virtual readers.
# libclang-dev for the webcam bindings (nokhwa/v4l2), xvfb for the screen
# capture and window tests, Mesa (software Vulkan/GL) for the app's wgpu
# renderer and kittest snapshots, imagemagick/xdotool to drive and
# photograph the real window. chrony and faketime serve local time servers
# (one 120 s ahead) for the PC clock check tests. The packages: the
# Windows cross build (mingw: linker, resource compiler) run under Wine,
# wixl/msitools for the MSI, zip; cargo-deb's dpkg-shlibdeps (dpkg-dev),
# lintian, mmdebstrap for a clean Debian root, and the desktop entry and
# metainfo validators. postgresql (its server programs: the tests make a
# cluster of their own, the package's own one is not used) and openssl for
# the throw-away PostgreSQL server of the database tests, TLS from its own CA.
SYSTEM_PACKAGES=(pkg-config libpcsclite-dev pcscd vsmartcard-vpcd libclang-dev xvfb
    mesa-vulkan-drivers libgl1-mesa-dri libegl1 libxkbcommon-x11-0 imagemagick xdotool
    chrony faketime xclip postgresql openssl
    gcc-mingw-w64-x86-64 wine wine64 wixl msitools zip
    dpkg-dev lintian mmdebstrap desktop-file-utils appstream)

WINDOWS=x86_64-pc-windows-gnu

ensure_system_packages() {
    local missing=()
    for p in "${SYSTEM_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing system packages: ${missing[*]}"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

ensure_rust() {
    if ! command -v cargo >/dev/null 2>&1; then
        if [ -x "$HOME/.cargo/bin/cargo" ]; then
            export PATH="$HOME/.cargo/bin:$PATH"
        else
            log "installing the Rust toolchain (rustup)"
            curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
            export PATH="$HOME/.cargo/bin:$PATH"
        fi
    fi
    if command -v rustup >/dev/null 2>&1; then
        cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
        cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
    fi
}

PCSCD_PID=""

stop_pcscd() {
    if [ -n "$PCSCD_PID" ]; then
        log "stopping the pcscd we started (pid $PCSCD_PID)"
        kill "$PCSCD_PID" 2>/dev/null || true
        wait "$PCSCD_PID" 2>/dev/null || true
        PCSCD_PID=""
    fi
}

# A pcscd that lists the virtual readers: use a running one, or start our
# own (and stop exactly that process on exit).
ensure_pcscd() {
    local bin=$BIN
    if "$bin" readers 2>/dev/null | grep -q "Virtual PCD"; then
        log "using the pcscd already running"
        return
    fi
    if [ -S /run/pcscd/pcscd.comm ] && "$bin" readers >/dev/null 2>&1; then
        echo "A pcscd is running without the vpcd virtual readers (started before vsmartcard-vpcd was installed?)." >&2
        echo "Restart it (e.g. 'sudo systemctl restart pcscd') and run ./dev.sh test again." >&2
        exit 1
    fi
    log "starting pcscd"
    local args=(--foreground)
    pcscd --help 2>&1 | grep -q -- --disable-polkit && args+=(--disable-polkit)
    if [ "$(id -u)" -eq 0 ]; then
        pcscd "${args[@]}" >/tmp/totp-burner-pcscd.log 2>&1 &
    else
        sudo pcscd "${args[@]}" >/tmp/totp-burner-pcscd.log 2>&1 &
    fi
    PCSCD_PID=$!
    trap cleanup EXIT
    for _ in $(seq 50); do
        "$bin" readers 2>/dev/null | grep -q "Virtual PCD" && return
        sleep 0.1
    done
    echo "pcscd did not come up with the virtual readers; its log:" >&2
    cat /tmp/totp-burner-pcscd.log >&2
    exit 1
}

# Two local time servers for tests/ntp.rs: chronyd serving a clock 120 s
# ahead (under faketime) and one in step with this PC, on 127.0.0.1 ports
# picked from our PID (parallel runs do not meet). Exactly these are
# stopped: each chronyd by the PID in its pidfile (under faketime that is a
# child of the PID we started), then the PIDs we started are reaped.
NTP_DIR=""
NTP_PIDS=()
NTP_SHIFTED=""
NTP_IN_SYNC=""

stop_ntp_servers() {
    local pid f
    for f in "${NTP_DIR:-/nonexistent}"/*.pid; do
        if [ -s "$f" ]; then kill "$(cat "$f")" 2>/dev/null || true; fi
    done
    # faketime exits once it has reaped its chronyd; give it 2 s, then kill.
    for pid in "${NTP_PIDS[@]}"; do
        for _ in $(seq 20); do
            [ -r "/proc/$pid/stat" ] && [ "$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null)" != Z ] || break
            sleep 0.1
        done
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    NTP_PIDS=()
    if [ -n "$NTP_DIR" ]; then rm -rf "$NTP_DIR"; fi
    NTP_DIR=""
}

# start_ntp_server NAME PORT [FAKETIME-OFFSET]: start it, wait (5 s at most)
# until it answers an SNTP request.
start_ntp_server() {
    local name=$1 port=$2 shift_by=${3:-} conf="$NTP_DIR/$1.conf" pidfile="$NTP_DIR/$1.pid"
    printf '%s\n' "local stratum 1" "allow 127.0.0.1" "bindaddress 127.0.0.1" "port $port" \
        "cmdport 0" "pidfile $pidfile" >"$conf"
    local cmd=(chronyd -d -x -f "$conf")
    if [ "$(id -u)" -eq 0 ]; then cmd+=(-u root); fi
    if [ -n "$shift_by" ]; then cmd=(faketime -f "$shift_by" "${cmd[@]}"); fi
    "${cmd[@]}" >"$NTP_DIR/$name.log" 2>&1 &
    NTP_PIDS+=("$!")
    for _ in $(seq 50); do
        if [ -s "$pidfile" ] && exec 3<>"/dev/udp/127.0.0.1/$port"; then
            cat "$NTP_DIR/request" >&3
            if read -r -t 0.1 -N 1 -u 3 _ 2>/dev/null; then
                exec 3<&-
                return
            fi
            exec 3<&-
        fi
        sleep 0.1
    done
    echo "chronyd ($name, port $port) did not answer; its log:" >&2
    cat "$NTP_DIR/$name.log" >&2
    exit 1
}

start_ntp_servers() {
    NTP_DIR=$(mktemp -d /tmp/totp-burner-ntp.XXXXXX)
    trap cleanup EXIT
    # One SNTP client request (version 4, mode 3), 48 bytes sent in one write.
    { printf '\043'; head -c 47 /dev/zero; } >"$NTP_DIR/request"
    local port=$((20000 + ($$ % 10000) * 2))
    start_ntp_server shifted "$port" +120s
    start_ntp_server in-sync "$((port + 1))"
    NTP_SHIFTED="127.0.0.1:$port"
    NTP_IN_SYNC="127.0.0.1:$((port + 1))"
}

# A throw-away PostgreSQL cluster for the tests against a real server: made
# by initdb in a temp folder, SCRAM passwords only (no trust), TLS with a
# certificate from a CA of its own (sslmode=verify-full works), listening on
# 127.0.0.1 at a port picked from our PID (the next free one: parallel runs
# do not meet) and on a socket in that folder. initdb and the server refuse
# to run as root, so as root they run as the `postgres` system user of the
# postgresql package. Exactly this cluster is stopped (pg_ctl on its data
# folder) and its folder removed. The settings live in its postgresql.conf,
# so a test's own `pg_ctl -D DATA -l LOG -w start` brings back the same server.
PG_DIR=""
PG_CTL=""
PG_AS=()

# The server programs of the newest PostgreSQL installed (Debian keeps them
# out of PATH, one folder per major version).
pg_bin_dir() {
    printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1
}

# pg_as CMD...: CMD as the server's user, from its own folder (the user
# may not be allowed into the checkout).
pg_as() { (cd "$PG_DIR" && "${PG_AS[@]}" "$@"); }

# Nothing listening on 127.0.0.1:PORT (a connection is refused).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_postgres() {
    if [ -n "$PG_DIR" ]; then
        # A test may have stopped it already; fast (disconnect the
        # sessions) first, immediate if that fails.
        if [ -f "$PG_DIR/data/postmaster.pid" ]; then
            log "stopping the PostgreSQL we started (data $PG_DIR/data)"
            pg_as "$PG_CTL" -D "$PG_DIR/data" -m fast -w -s stop ||
                pg_as "$PG_CTL" -D "$PG_DIR/data" -m immediate -w -s stop || true
        fi
        rm -rf "$PG_DIR"
        PG_DIR=""
        unset TOTP_BURNER_TEST_PG TOTP_BURNER_TEST_PG_PASSWORD TOTP_BURNER_TEST_PG_CA \
            TOTP_BURNER_TEST_PG_SOCKET TOTP_BURNER_TEST_PG_PORT TOTP_BURNER_TEST_PG_DATA \
            TOTP_BURNER_TEST_PG_CTL TOTP_BURNER_TEST_PG_AS TOTP_BURNER_TEST_PG_LOG
    fi
}

start_postgres() {
    local t0=${EPOCHREALTIME/[.,]/} bin port password
    bin=$(pg_bin_dir)
    if [ ! -x "$bin/initdb" ]; then
        echo "PostgreSQL's server programs (/usr/lib/postgresql/*/bin) are not installed: apt-get install postgresql" >&2
        exit 1
    fi
    PG_CTL="$bin/pg_ctl"
    PG_AS=()
    if [ "$(id -u)" -eq 0 ]; then PG_AS=(runuser -u postgres --); fi
    PG_DIR=$(mktemp -d /tmp/totp-burner-pg.XXXXXX)
    trap cleanup EXIT
    local data="$PG_DIR/data" sock="$PG_DIR/socket" pwfile="$PG_DIR/pwfile" pglog="$PG_DIR/postgres.log"
    # Anyone may read the CA certificate; the data, the socket and the
    # server's key are the server user's alone (0700/0600, or it refuses).
    chmod 0755 "$PG_DIR"
    mkdir -m 0700 "$data" "$sock"
    password=$(openssl rand -hex 16)
    (umask 077 && printf '%s\n' "$password" >"$pwfile")
    : >"$pglog"
    if [ ${#PG_AS[@]} -gt 0 ]; then chown postgres: "$data" "$sock" "$pwfile" "$pglog"; fi
    if ! pg_as "$bin/initdb" -D "$data" -U postgres --auth-local=scram-sha-256 --auth-host=scram-sha-256 \
        --pwfile="$pwfile" --no-locale --encoding=UTF8 --no-instructions >"$PG_DIR/initdb.log" 2>&1; then
        echo "initdb failed; its output:" >&2
        cat "$PG_DIR/initdb.log" >&2
        exit 1
    fi
    rm -f "$pwfile"
    # Passwords (SCRAM) for every connection; initdb's file also lets
    # replication connections in, which no test needs.
    printf '%-8s%-9s%-9s%-16s%s\n' "# TYPE" DATABASE USER ADDRESS METHOD \
        local all all "" scram-sha-256 \
        host all all 127.0.0.1/32 scram-sha-256 \
        host all all ::1/128 scram-sha-256 >"$data/pg_hba.conf"
    # The CA and the server's certificate from it (EC P-256: milliseconds),
    # valid for localhost and 127.0.0.1.
    if ! {
        openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 7 \
            -subj "/CN=totp-burner throw-away test CA" -keyout "$PG_DIR/ca.key" -out "$PG_DIR/ca.crt" \
            -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign &&
            openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=localhost \
                -keyout "$PG_DIR/server.key" |
            openssl x509 -req -CA "$PG_DIR/ca.crt" -CAkey "$PG_DIR/ca.key" -days 7 -out "$PG_DIR/server.crt" \
                -extfile <(printf '%s\n' basicConstraints=critical,CA:FALSE keyUsage=critical,digitalSignature \
                    extendedKeyUsage=serverAuth subjectAltName=DNS:localhost,IP:127.0.0.1)
    } >"$PG_DIR/openssl.log" 2>&1; then
        echo "openssl could not make the test certificates:" >&2
        cat "$PG_DIR/openssl.log" >&2
        exit 1
    fi
    chmod 0644 "$PG_DIR/ca.crt" "$PG_DIR/server.crt"
    chmod 0600 "$PG_DIR/ca.key" "$PG_DIR/server.key"
    if [ ${#PG_AS[@]} -gt 0 ]; then chown postgres: "$PG_DIR/server.key"; fi
    port=$((20000 + $$ % 10000))
    for _ in $(seq 100); do
        port_free "$port" && break
        port=$((port < 29999 ? port + 1 : 20000))
    done
    # Durability settings stay the defaults (fsync on): the tests see a
    # server as it runs in production.
    cat >>"$data/postgresql.conf" <<EOF

# totp-burner test cluster (dev.sh)
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
max_connections = 100
password_encryption = 'scram-sha-256'
ssl = on
ssl_cert_file = '$PG_DIR/server.crt'
ssl_key_file = '$PG_DIR/server.key'
EOF
    if ! pg_as "$PG_CTL" -D "$data" -l "$pglog" -w -s start; then
        echo "PostgreSQL did not start; its log:" >&2
        cat "$pglog" >&2
        exit 1
    fi
    # Over TCP with the certificate checked (verify-full) and the password:
    # the way the tests connect works, or we stop here.
    local conn="host=127.0.0.1 port=$port user=postgres dbname=postgres sslmode=verify-full sslrootcert=$PG_DIR/ca.crt"
    PGPASSWORD=$password "$bin/createdb" --maintenance-db="$conn" totp_burner_test
    export TOTP_BURNER_TEST_PG="postgresql://postgres@127.0.0.1:$port/totp_burner_test"
    export TOTP_BURNER_TEST_PG_PASSWORD=$password
    export TOTP_BURNER_TEST_PG_CA="$PG_DIR/ca.crt"
    export TOTP_BURNER_TEST_PG_SOCKET=$sock
    export TOTP_BURNER_TEST_PG_PORT=$port
    export TOTP_BURNER_TEST_PG_DATA=$data
    export TOTP_BURNER_TEST_PG_CTL=$PG_CTL
    export TOTP_BURNER_TEST_PG_AS="${PG_AS[*]}"
    export TOTP_BURNER_TEST_PG_LOG=$pglog
    local ms=$(((${EPOCHREALTIME/[.,]/} - t0) / 1000)) major=${bin%/bin}
    log "PostgreSQL ${major##*/} on 127.0.0.1:$port (socket $sock; SCRAM, TLS) up in $((ms / 1000)).$(printf '%02d' $((ms % 1000 / 10))) s"
}

# One X screen and one Wine prefix for the Windows tier (the tests share
# both, one at a time); the prefix's wineserver and Xvfb are stopped by
# their PIDs / prefix, and the prefix removed.
WINE_DIR=""
XVFB_PID=""
WINE_DISPLAY=""

start_wine() {
    WINE_DIR=$(mktemp -d /tmp/totp-burner-wine.XXXXXX)
    trap cleanup EXIT
    scripts/wine/prefix.sh "$WINE_DIR/prefix"
    Xvfb -displayfd 3 -screen 0 2560x1440x24 -nolisten tcp 3>"$WINE_DIR/display" 2>/dev/null &
    XVFB_PID=$!
    for _ in $(seq 100); do [ -s "$WINE_DIR/display" ] && break; sleep 0.1; done
    WINE_DISPLAY=":$(cat "$WINE_DIR/display")"
}

stop_wine() {
    if [ -n "$WINE_DIR" ]; then
        WINEPREFIX="$WINE_DIR/prefix" wineserver -k 2>/dev/null || true
        rm -rf "$WINE_DIR"
        WINE_DIR=""
    fi
    if [ -n "$XVFB_PID" ]; then
        kill "$XVFB_PID" 2>/dev/null || true
        wait "$XVFB_PID" 2>/dev/null || true
        XVFB_PID=""
    fi
}

# Stops everything this script started.
cleanup() {
    stop_ntp_servers
    stop_pcscd
    stop_postgres
    stop_wine
}

# Cargo's output folder (CARGO_TARGET_DIR or ./target).
target_dir() { cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/'; }

# "N passed" summed over the "test result:" lines of a cargo test log.
passed_in() { awk '/^test result:/ { n += $4 } END { print n + 0 }' "$1"; }

# The Windows tier: cross-build every test for Windows and run each binary
# that needs no pcscd under Wine on an X screen (cargo's runner), build the
# MSI and zip from that build, then drive the Windows exes under Wine from
# tests/windows_wine.rs (scan --screen, the real window, PC/SC, the MSI
# install). Line tables are left out of the Windows build (half the link
# time and disk; a panic under Wine still names the test).
cmd_test_windows() {
    local out=$1 logs
    rustup target list --installed | grep -qx "$WINDOWS" || rustup target add "$WINDOWS"
    export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="-C debuginfo=0"
    log "Windows build: every test cross-compiled for $WINDOWS"
    cargo test --locked --target "$WINDOWS" --tests --features test-hooks --no-run
    start_wine
    logs=$WINE_DIR
    log "the Windows test binaries under Wine (prefix $WINE_DIR/prefix, Xvfb $WINE_DISPLAY)"
    WINEPREFIX="$WINE_DIR/prefix" WINEDEBUG=-all DISPLAY="$WINE_DISPLAY" \
        CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine \
        cargo test --locked --target "$WINDOWS" --tests --features test-hooks 2>&1 | tee "$logs/windows.log"
    local bin_dir
    bin_dir="$(target_dir)/$WINDOWS/debug"
    log "the MSI and the portable zip from this build"
    scripts/package_windows.sh "$bin_dir" "$out"
    log "the Windows build driven under Wine: scan --screen, the real window, PC/SC, MSI install"
    WINEPREFIX="$WINE_DIR/prefix" DISPLAY="$WINE_DISPLAY" TOTP_BURNER_WINDOWS_BIN_DIR="$bin_dir" \
        TOTP_BURNER_WINDOWS_MSI="$(ls "$out"/totp-burner-*-x64.msi)" \
        cargo test --locked --all-features --test windows_wine 2>&1 | tee "$logs/windows_wine.log"
    log "under Wine: $(passed_in "$logs/windows.log") tests of the Windows test binaries passed, and $(passed_in "$logs/windows_wine.log") tests drove the Windows exes and MSI"
    stop_wine
}

cmd_test() {
    ensure_system_packages
    ensure_rust
    log "cargo fmt --check"
    cargo fmt --all -- --check
    log "cargo clippy -D warnings"
    cargo clippy --all-targets --all-features --locked -- -D warnings
    log "cargo deny: licences, banned crates, sources"
    command -v cargo-deny >/dev/null 2>&1 || cargo install --locked cargo-deny
    cargo fetch --locked --quiet # every platform's crates (the build fetches Linux's only)
    cargo deny --offline check bans licenses sources
    start_postgres
    log "cargo test"
    cargo test --locked --features test-hooks
    log "screen capture tests under Xvfb"
    # The feature-gated suites share one build (--all-features, as clippy).
    cargo test --locked --all-features --test screen_xvfb
    log "records store tests on both backends: the SQLite file and the PostgreSQL server"
    cargo test --locked --all-features --test records_store --test records_outage --test records_race --test station_loop --test station_outage --test gui_store
    log "PC/SC tests through pcscd and the vpcd virtual readers"
    ensure_pcscd
    cargo test --locked --all-features --test pcsc -- --test-threads=1
    cargo test --locked --all-features --test pcsc_station -- --test-threads=1
    cargo test --locked --all-features --test pcsc_fleet -- --test-threads=1
    cargo test --locked --all-features --test pcsc_handout -- --test-threads=1
    cargo test --locked --all-features --test pcsc_gui_batch -- --test-threads=1
    cargo test --locked --all-features --test pcsc_wrong_card -- --test-threads=1
    cargo test --locked --all-features --test pcsc_window
    stop_pcscd
    stop_postgres
    log "PC clock check tests against local chronyd time servers"
    start_ntp_servers
    TOTP_BURNER_TEST_NTP_SHIFTED="$NTP_SHIFTED" TOTP_BURNER_TEST_NTP_IN_SYNC="$NTP_IN_SYNC" \
        cargo test --locked --all-features --test ntp
    stop_ntp_servers
    local t=$SECONDS pkg_dir
    pkg_dir=$(mktemp -d /tmp/totp-burner-packages.XXXXXX)
    log "the Debian package (from this debug build): lintian, then installed into a clean Debian 12"
    scripts/check_deb.sh "$(scripts/package_linux.sh dev "$pkg_dir")"
    log "Debian package checks took $((SECONDS - t)) s"
    t=$SECONDS
    cmd_test_windows "$pkg_dir"
    log "the Windows tier took $((SECONDS - t)) s"
    rm -rf "$pkg_dir"
}

# Release packages for technicians: the .deb, the MSI and the portable zip
# in one folder.
cmd_package() {
    local out=${1:-dist}
    ensure_system_packages
    ensure_rust
    rustup target list --installed | grep -qx "$WINDOWS" || rustup target add "$WINDOWS"
    mkdir -p "$out"
    log "the Debian package (release build)"
    scripts/package_linux.sh release "$out"
    log "the Windows build (release) and its MSI and zip"
    cargo build --locked --release --target "$WINDOWS" --bins
    scripts/package_windows.sh "$(target_dir)/$WINDOWS/release" "$out"
    log "packages in $out:"
    ls -l "$out"
}

# zxing-cpp (C++), through its Python package in a venv of our own, for the
# side-by-side table of benches/capture.rs. Sets ZXING_PYTHON.
ensure_zxing_venv() {
    local venv="${XDG_CACHE_HOME:-$HOME/.cache}/totp-burner/zxing-venv"
    if ! "$venv/bin/python" -c "import zxingcpp, numpy, PIL" 2>/dev/null; then
        log "making a Python venv with zxing-cpp for the comparison ($venv)"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet "zxing-cpp==3.1.1" numpy pillow
    fi
    export ZXING_PYTHON="$venv/bin/python"
}

cmd_bench() {
    SYSTEM_PACKAGES+=(python3-venv valgrind)
    ensure_system_packages
    ensure_rust
    ensure_zxing_venv
    cargo build --locked --quiet
    cargo bench --locked --no-run --quiet
    ensure_pcscd
    log "benchmark: full burn through pcscd and the vpcd virtual reader"
    cargo bench --locked --bench burn_pcsc
    stop_pcscd
    start_postgres
    log "benchmark: the records per token and per claim, SQLite file and PostgreSQL (loopback, +5 ms)"
    cargo bench --locked --bench records
    stop_postgres
    # The same CPUs for ours and zxing-cpp alike: the last two (a scan
    # converts large screens to gray on two cores; zxing-cpp's decode uses one).
    local n cpus
    n=$(nproc)
    cpus=$((n - 1))
    [ "$n" -ge 2 ] && cpus="$((n - 2)),$((n - 1))"
    log "benchmark: QR capture on the fixtures, ours beside zxing-cpp, pinned to CPUs $cpus"
    BENCH_CALLGRIND="${BENCH_CALLGRIND:-1}" taskset -c "$cpus" cargo bench --locked --bench capture
}

# Coverage-guided fuzzing: every target in fuzz/ runs SECONDS on its
# corpus; afterwards each corpus is minimised again (cargo fuzz cmin) so the
# committed one stays small. Crashes land in fuzz/artifacts/<target>/
# (commit them: tests/fuzz_corpora.rs replays them on stable). The build
# goes to FUZZ_TARGET_DIR (default fuzz/target).
cmd_fuzz() {
    local seconds="${1:-60}" failed=()
    ensure_system_packages
    ensure_rust
    rustup run nightly rustc --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
    command -v cargo-fuzz >/dev/null 2>&1 || cargo install --locked cargo-fuzz
    local dir="${FUZZ_TARGET_DIR:-fuzz/target}"
    log "building the fuzz targets (nightly, address sanitizer)"
    cargo +nightly fuzz build --target-dir "$dir"
    for t in $(cargo +nightly fuzz list); do
        log "fuzzing $t for ${seconds} s"
        mkdir -p "fuzz/corpus/$t"
        if ! cargo +nightly fuzz run --target-dir "$dir" "$t" -- \
            -max_total_time="$seconds" -timeout=20 -print_final_stats=1; then
            failed+=("$t")
        fi
        cargo +nightly fuzz cmin --target-dir "$dir" "$t" >/dev/null 2>&1 || true
    done
    if [ ${#failed[@]} -gt 0 ]; then
        echo "crashes found in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
        exit 1
    fi
}

EMULATE_PID=""
stop_demo() {
    [ -n "$EMULATE_PID" ] && kill "$EMULATE_PID" 2>/dev/null || true
    cleanup
}

cmd_demo() {
    ensure_system_packages
    ensure_rust
    cargo build --locked --quiet
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        log "opening the app with its built-in virtual token (demo mode)"
        exec "$BIN" gui --demo
    fi
    log "no desktop (DISPLAY/WAYLAND_DISPLAY) here: running the command-line demo through pcscd instead"
    cmd_demo_cli
}

cmd_demo_cli() {
    local bin=$BIN
    ensure_pcscd
    trap stop_demo EXIT
    log "laying a virtual token (an OTPC-P2-i whose clock drifted 3 s) on the virtual reader"
    "$bin" emulate --vpcd --clock-offset -3 2>/dev/null >/dev/null &
    EMULATE_PID=$!
    sleep 1.5
    "$bin" readers
    echo
    "$bin" info
    echo
    log "burning the demo secret JBSWY3DPEHPK3PXP into it, through pcscd"
    "$bin" burn --secret JBSWY3DPEHPK3PXP
    echo
    log "the same secret computed without a token: the codes must match"
    "$bin" code --secret JBSWY3DPEHPK3PXP
    echo
    log "a wrong QR code (Microsoft Authenticator push registration), explained"
    "$bin" burn --secret 'phonefactor://activate_account?code=123456789' || true
}

case "${1:-}" in
    test) shift; cmd_test "$@" ;;
    demo) shift; cmd_demo "$@" ;;
    demo-cli) shift; ensure_system_packages; ensure_rust; cargo build --locked --quiet; cmd_demo_cli "$@" ;;
    check-windows) shift; ensure_rust
        rustup target add x86_64-pc-windows-gnu
        SYSTEM_PACKAGES=(gcc-mingw-w64-x86-64); ensure_system_packages
        cargo check --locked --target x86_64-pc-windows-gnu --all-targets ;;
    measure-gui) shift; ensure_system_packages; ensure_rust; scripts/measure_gui.sh "$@" ;;
    measure-renderers) shift; ensure_system_packages; ensure_rust; scripts/measure_renderers.sh ;;
    package) shift; cmd_package "$@" ;;
    bench) shift; cmd_bench "$@" ;;
    fuzz) shift; cmd_fuzz "$@" ;;
    *)
        echo "usage: ./dev.sh demo | ./dev.sh test" >&2
        exit 2
        ;;
esac
