#!/usr/bin/env bash
# Builds the Linux release bundles (.deb and .rpm) offline with the Tauri
# bundler. Windows (NSIS, MSI), macOS (dmg) and AppImage are configured in
# tauri.conf.json for release machines: they download tools at build time.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
npx tauri build --bundles deb,rpm
for f in target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm; do
  printf '%s  %s bytes\n' "$f" "$(stat -c %s "$f")"
done
