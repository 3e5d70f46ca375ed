#!/usr/bin/env bash
# Builds the Debian package with cargo-deb:
#   scripts/package_linux.sh PROFILE OUT_DIR
# PROFILE "release" builds the release binary (what `./dev.sh package`
# ships); "dev" packs the debug binary the tests already built (what
# `./dev.sh test` installs and checks: the same files and metadata, no
# second optimised build; cargo-deb warns that dev profiles are for tests).
# The man pages (every shipped language) and shell completions come from
# the clap definitions (examples/gen_docs/) into the build's gen-docs/ folder, where
# [package.metadata.deb] in Cargo.toml picks them up. Prints the .deb path.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=$1
out=$2
command -v cargo-deb >/dev/null 2>&1 || cargo install --locked cargo-deb
target_dir=$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')
profile_dir=$profile
profile_args=(--profile "$profile")
if [ "$profile" = dev ]; then
    profile_dir=debug
    # The binary as `./dev.sh test` built it (--all-features): no rebuild.
    cargo build --locked --quiet --all-features --bin totp-burner
else
    cargo build --locked --quiet --profile "$profile" --bin totp-burner
fi
docs="$target_dir/$profile_dir/gen-docs"
rm -rf "$docs"
if [ "$profile" = dev ]; then
    cargo run --locked --quiet --all-features --example gen_docs -- "$docs"
else
    cargo run --locked --quiet --profile "$profile" --example gen_docs -- "$docs"
fi
# cargo-deb compresses man pages it does not consider built; these are.
gzip -9n "$docs"/man/*.1 "$docs"/man/*/*.1
mkdir -p "$out"
cargo deb --no-build "${profile_args[@]}" --output "$out/" >&2
ls "$out"/totp-burner_*.deb
