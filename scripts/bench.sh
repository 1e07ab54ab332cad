#!/usr/bin/env bash
# Benchmarks: builds the app and the hello-world baseline, then measures
# start-up (alternating runs, ratio against the baseline) under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
cargo build --release --bin minerals-atlas
(cd bench/baseline && cargo build --release --target-dir ../../target/baseline)
echo "== domain queries and parsing"
cargo run --release -q -p atlas-domain --example parse_time
echo "== start-up"
xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" node bench/startup.mjs "${RUNS:-10}"
echo "== search"
cargo run --release -q -p atlas-domain --example search_latency
echo "== interaction in the real window"
xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" node bench/interaction.mjs
