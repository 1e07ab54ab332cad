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
echo "== import: time and throughput per fixture and for 20,000 events"
cargo run --release -q -p atlas-import --example import_throughput
echo "== scale: 20,000 sessions and 250 countries, without a window"
cargo run --release -q -p atlas-import --example scale
echo "== scale in the real window: 20,000 sessions imported through the Import button"
synthetic="$(mktemp --suffix=.xml)"
cargo run --release -q -p atlas-import --example synthetic -- 20000 "$synthetic"
xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" node bench/scale.mjs "$synthetic"
rm -f "$synthetic"
echo "== country brief: PDF against writing the same words to a text file"
cargo run --release -q -p atlas-brief --example brief_timing PAK COD USA
echo "== sizes"
du -sb ui ui/vendor/* | sort -k2
for f in target/release/bundle/deb/*.deb; do [ -f "$f" ] && printf '%s: %s bytes\n' "$f" "$(stat -c %s "$f")"; done
