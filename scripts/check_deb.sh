#!/usr/bin/env bash
# Proves the Debian package: lintian (errors and warnings fail; the
# overrides are in packaging/linux/lintian-overrides, each with its
# reason), then a clean Debian 12 root made with mmdebstrap gets the .deb
# through apt (pcscd and libpcsclite1 come in through its Depends, not by
# hand), and inside it: `totp-burner --version`, `totp-burner readers`
# without and with a running pcscd, every man page and completion file,
# the desktop entry (desktop-file-validate), the metainfo (appstreamcli),
# and that apt can resolve every Recommends.
#   scripts/check_deb.sh PATH.deb
# Needs root (or sudo), mmdebstrap, lintian, desktop-file-utils, appstream
# and Debian's mirror.
set -euo pipefail

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
fail() { echo "check_deb: $*" >&2; exit 1; }

# Runs inside mmdebstrap's customize hook: $1 is the new root (with /dev,
# /proc and /sys mounted), $2 the package's version.
inside() {
    local root=$1 version=$2 out pid
    log "in the clean root: totp-burner --version"
    out=$(chroot "$root" totp-burner --version)
    echo "$out"
    [ "$out" = "totp-burner $version" ] || fail "--version printed '$out', expected 'totp-burner $version'"
    chroot "$root" dpkg-query -W -f='${Package} ${Version} ${Status}\n' pcscd libpcsclite1 totp-burner
    [ "$(chroot "$root" dpkg-query -W -f='${Status}' pcscd)" = "install ok installed" ] || fail "pcscd was not installed with the package"

    log "in the clean root: totp-burner readers, no pcscd running"
    if out=$(chroot "$root" totp-burner readers 2>&1); then fail "readers succeeded without pcscd: $out"; fi
    echo "$out"
    grep -q "smart-card service is not running" <<<"$out" || fail "readers without pcscd did not say so plainly"

    log "in the clean root: totp-burner readers, with the package's pcscd"
    local args=(--foreground)
    chroot "$root" pcscd --help 2>&1 | grep -q -- --disable-polkit && args+=(--disable-polkit)
    chroot "$root" pcscd "${args[@]}" >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 50); do [ -S "$root/run/pcscd/pcscd.comm" ] && break; sleep 0.1; done
    out=$(chroot "$root" totp-burner readers 2>&1) || { kill "$pid"; wait "$pid" || true; fail "readers failed with pcscd running: $out"; }
    kill "$pid"
    wait "$pid" || true
    echo "$out"
    grep -q "No reader is connected" <<<"$out" || fail "readers with pcscd and no reader: '$out'"

    log "in the clean root: man pages, completions, desktop entry, metainfo, icons"
    local sub
    for sub in "" -gui -info -burn -sync-time -code -scan -readers -batch -records -records-list -records-export -emulate; do
        [ -s "$root/usr/share/man/man1/totp-burner$sub.1.gz" ] || fail "no man page totp-burner$sub.1.gz"
    done
    zcat "$root/usr/share/man/man1/totp-burner-burn.1.gz" | grep -qF -- '\-\-secret' || fail "the burn man page lacks --secret"
    local lang
    for lang in de fr; do
        for sub in "" -burn -records-list; do
            [ -s "$root/usr/share/man/$lang/man1/totp-burner$sub.1.gz" ] || fail "no $lang man page totp-burner$sub.1.gz"
        done
    done
    zcat "$root/usr/share/man/de/man1/totp-burner-burn.1.gz" | grep -qF 'Einen Geheimschlüssel in den Token brennen' || fail "the German burn man page is not German"
    [ -s "$root/usr/share/bash-completion/completions/totp-burner" ] || fail "no bash completion"
    [ -s "$root/usr/share/zsh/vendor-completions/_totp-burner" ] || fail "no zsh completion"
    [ -s "$root/usr/share/fish/vendor_completions.d/totp-burner.fish" ] || fail "no fish completion"
    desktop-file-validate "$root"/usr/share/applications/io.github.totpburner.TotpBurner.desktop
    appstreamcli validate --no-net "$root"/usr/share/metainfo/io.github.totpburner.TotpBurner.metainfo.xml
    [ -s "$root/usr/share/icons/hicolor/scalable/apps/io.github.totpburner.TotpBurner.svg" ] || fail "no scalable icon"
    [ -s "$root/usr/share/icons/hicolor/256x256/apps/io.github.totpburner.TotpBurner.png" ] || fail "no 256 px icon"

    log "in the clean root: apt resolves every Recommends (simulated)"
    local recommends
    recommends=$(chroot "$root" dpkg-query -W -f='${Recommends}' totp-burner | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/ //g' | grep .)
    # shellcheck disable=SC2086
    chroot "$root" apt-get install --simulate --no-install-recommends -q $recommends >/dev/null || fail "apt cannot install the Recommends: $recommends"
    echo "all $(wc -w <<<"$recommends") Recommends resolvable"
}

if [ "${1:-}" = --inside ]; then
    inside "$2" "$3"
    exit
fi

deb=$(realpath "$1")
version=$(dpkg-deb -f "$deb" Version)
version=${version%-*}

log "lintian $(basename "$deb")"
lintian -I --fail-on error,warning "$deb"

log "a clean Debian 12 root (mmdebstrap), the package installed through apt"
work=$(mktemp -d /tmp/totp-burner-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
self=$(realpath "$0")
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
"${as_root[@]}" mmdebstrap --quiet --variant=apt --mode=root bookworm "$work/root" \
    --customize-hook="copy-in '$deb' /tmp" \
    --customize-hook="chroot \"\$1\" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/$(basename "$deb") >/dev/null" \
    --customize-hook="'$self' --inside \"\$1\" '$version'"
"${as_root[@]}" rm -rf "$work/root"
log "the .deb installs into a clean Debian 12 and runs"
