#!/usr/bin/env bash
# Runs every importer fuzz target for SECONDS each (default 20), seeded
# with the shared fixtures (copied to a scratch corpus, never into the
# project). cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the
# stable toolchain provide them. A crash leaves its input in
# fuzz/artifacts/<target>/ and fails the script.
#
#   scripts/fuzz.sh            # the short run the test command does
#   scripts/fuzz.sh 1800       # the longer run (30 minutes per target)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
fixtures="$(cd .. && pwd)/shared/fixtures"
if [ ! -d "$fixtures" ]; then
  echo "fuzz.sh: the shared fixtures are missing at $fixtures (CI puts ../shared beside the checkout)" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: cargo-fuzz is missing: cargo install cargo-fuzz --locked (scripts/setup.sh test does this)" >&2
  exit 1
fi
export RUSTC_BOOTSTRAP=1
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/frab_xml" "$scratch/schedule_json" "$scratch/ical" "$scratch/any_input"
cp "$fixtures"/*.xml "$scratch/frab_xml/"
cp "$fixtures"/*.json "$scratch/schedule_json/"
cp "$fixtures"/*.ics "$scratch/ical/"
cp "$fixtures"/*.xml "$fixtures"/*.json "$fixtures"/*.ics "$scratch/any_input/"
(cd fuzz && cargo fuzz build --release --sanitizer none) >/dev/null
for target in frab_xml schedule_json ical any_input; do
  echo "fuzz: $target for ${seconds}s"
  (cd fuzz && cargo fuzz run --release --sanitizer none "$target" "$scratch/$target" -- \
      -max_total_time="$seconds" -max_len=262144 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 2>&1) \
    | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|artifact_prefix|Test unit written)" || true
  if [ -n "$(ls -A "fuzz/artifacts/$target" 2>/dev/null)" ]; then
    echo "fuzz: $target found a failing input in fuzz/artifacts/$target" >&2
    exit 1
  fi
done
