#!/usr/bin/env bash
# Builds the Windows installer and the portable zip from exes already
# cross-built for x86_64-pc-windows-gnu:
#   scripts/package_windows.sh BIN_DIR OUT_DIR
# BIN_DIR holds totp-burner.exe (console: the command line) and
# totp-burner-gui.exe (GUI subsystem: the app, for the shortcut). Writes
# OUT_DIR/totp-burner-VERSION-x64.msi (wixl from msitools, from
# packaging/windows/totp-burner.wxs) and
# OUT_DIR/totp-burner-VERSION-windows-x64.zip; prints both paths.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
mkdir -p "$2"
out=$(realpath "$2")
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
stage=$(mktemp -d /tmp/totp-burner-msi.XXXXXX)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/bin" "$stage/assets"
cp "$bin/totp-burner.exe" "$bin/totp-burner-gui.exe" "$stage/bin/"
# No debug information in what is shipped (a debug build, or the Rust
# standard library's own, would otherwise triple the size).
x86_64-w64-mingw32-strip --strip-debug "$stage/bin/"*.exe
cp README.md "$stage/"
cp assets/totp-burner.ico "$stage/assets/"

msi="$out/totp-burner-$version-x64.msi"
# wixl resolves sources relative to the working folder.
(cd "$stage" && wixl --arch x64 -D Toolset=wixl -D Version="$version" -D BinDir=bin -D AssetsDir=assets \
    -o "$msi" "$OLDPWD/packaging/windows/totp-burner.wxs")
# wixl 0.101 has no <Environment>: the row WiX writes for the .wxs's
# <Environment Name="PATH" Part="last" System="yes" Action="set"
# Permanent="no"> (append INSTALLDIR to the system PATH, remove it on
# uninstall), and the two standard actions that apply it.
msibuild "$msi" \
    -q "CREATE TABLE \`Environment\` (\`Environment\` CHAR(72) NOT NULL, \`Name\` CHAR(255) NOT NULL LOCALIZABLE, \`Value\` CHAR(255) LOCALIZABLE, \`Component_\` CHAR(72) NOT NULL PRIMARY KEY \`Environment\`)" \
    -q "INSERT INTO \`Environment\` (\`Environment\`, \`Name\`, \`Value\`, \`Component_\`) VALUES ('PathEntry', '=-*PATH', '[~];[INSTALLDIR]', 'Cli')" \
    -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('RemoveEnvironmentStrings', 3300)" \
    -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('WriteEnvironmentStrings', 5200)"
echo "$msi"

zip="$out/totp-burner-$version-windows-x64.zip"
rm -f "$zip"
mkdir -p "$stage/zip/totp-burner-$version"
cp "$stage/bin/"*.exe README.md "$stage/zip/totp-burner-$version/"
(cd "$stage/zip" && zip -q -r -X "$zip" "totp-burner-$version")
echo "$zip"
