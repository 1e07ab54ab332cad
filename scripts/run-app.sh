#!/usr/bin/env bash
# Builds Minerals Atlas (release, assets embedded) and opens it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
cargo build --release --bin minerals-atlas
exec ./target/release/minerals-atlas "$@"
