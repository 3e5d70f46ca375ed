#!/usr/bin/env bash
# Makes a Wine prefix for running the Windows build on Linux:
#   scripts/wine/prefix.sh DIR
# A fresh 64-bit prefix in DIR (no Mono/Gecko prompts), plus the
# bcryptprimitives.dll shim (processprng.c) in its system32: Wine 8 lacks
# that DLL and every Rust exe imports ProcessPrng from it. Use the prefix
# with WINEPREFIX=DIR WINEDEBUG=-all wine PROGRAM.exe.
set -euo pipefail
prefix=$1
here=$(cd "$(dirname "$0")" && pwd)
export WINEPREFIX=$prefix WINEDEBUG=-all WINEARCH=win64 WINEDLLOVERRIDES="mscoree,mshtml="
mkdir -p "$prefix"
wineboot --init >/dev/null 2>&1
wineserver --wait
x86_64-w64-mingw32-gcc -shared -O2 -Wall -o "$prefix/drive_c/windows/system32/bcryptprimitives.dll" \
    "$here/processprng.c" "$here/processprng.def" -ladvapi32
