#!/usr/bin/env bash
# totp-burner developer entry point. Two commands, both self-installing:
#   ./dev.sh demo   run the app against the built-in virtual token
#   ./dev.sh test   format check, clippy -D warnings, and every test
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages the build and the tests need (none yet for the
# foundation; the PC/SC and GUI work adds theirs here).
SYSTEM_PACKAGES=()

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

cmd_test() {
    ensure_system_packages
    ensure_rust
    log "cargo fmt --check"
    cargo fmt --all -- --check
    log "cargo clippy -D warnings"
    cargo clippy --all-targets --locked -- -D warnings
    log "cargo test"
    cargo test --locked
}

cmd_demo() {
    ensure_system_packages
    ensure_rust
    cargo build --locked --quiet
    local bin=target/debug/totp-burner
    log "the built-in virtual token (an OTPC-P2-i whose clock drifted 3 s)"
    "$bin" info --emulator
    echo
    log "burning the demo secret JBSWY3DPEHPK3PXP into it"
    "$bin" burn --emulator --secret JBSWY3DPEHPK3PXP
    echo
    log "the same secret computed without a token: the codes must match"
    "$bin" code --secret JBSWY3DPEHPK3PXP
    echo
    log "a wrong QR code (Microsoft Authenticator push registration), explained"
    "$bin" burn --emulator --secret 'phonefactor://activate_account?code=123456789' || true
}

case "${1:-}" in
    test) shift; cmd_test "$@" ;;
    demo) shift; cmd_demo "$@" ;;
    *)
        echo "usage: ./dev.sh demo | ./dev.sh test" >&2
        exit 2
        ;;
esac
