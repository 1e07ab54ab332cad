#!/usr/bin/env bash
# Runs every importer fuzz target for SECONDS each (default 20), seeded
# with the shared fixtures and the generated hostile corpus (non-ASCII
# text, BOMs, UTF-16, entity-heavy text, extreme dates: tests/hostile/
# corpus.mjs), and stored_state with real and broken library.json and
# user-data.json states (the fuzz_seeds example); all in a scratch corpus,
# never in the project. cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the
# stable toolchain provide them. A crash leaves its input in
# fuzz/artifacts/<target>/ and fails the script.
#
#   scripts/fuzz.sh            # the short run the test command does
#   scripts/fuzz.sh 1800       # the longer run (30 minutes per target)
#   FUZZ_JOBS=2 scripts/fuzz.sh 1800   # two targets at a time
#   FUZZ_TARGETS="ical stored_state" scripts/fuzz.sh 60   # some targets only
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
all_targets=(frab_xml schedule_json ical any_input stored_state channel_input)
for t in "${all_targets[@]}"; do mkdir -p "$scratch/$t"; done
# FUZZ_TARGETS="ical any_input" runs some of them (default: all).
read -r -a targets <<< "${FUZZ_TARGETS:-${all_targets[*]}}"
cp "$fixtures"/*.xml "$scratch/frab_xml/"
cp "$fixtures"/*.json "$scratch/schedule_json/"
cp "$fixtures"/*.ics "$scratch/ical/"
cp "$fixtures"/*.xml "$fixtures"/*.json "$fixtures"/*.ics "$scratch/any_input/"
node tests/hostile/corpus.mjs "$scratch/hostile" >/dev/null
# Seeds past the fuzzers' input limit would only be cut: keep the small ones.
find "$scratch/hostile" -type f -size -256k | while read -r f; do
  case "$f" in
    *.xml) cp "$f" "$scratch/frab_xml/" ;;
    *.json) cp "$f" "$scratch/schedule_json/" ;;
    *.ics) cp "$f" "$scratch/ical/" ;;
  esac
  cp "$f" "$scratch/any_input/"
done
cargo run --quiet --release -p atlas-import --example fuzz_seeds -- "$scratch/stored_state" >/dev/null
# The channel's inputs: an index, a signature, a key file.
printf '%s' '{"format":"minerals-atlas-pack-index","pack_version":3,"date":"2026-12-07","file":"pack-3.json","size":5232,"sha256":"0000000000000000000000000000000000000000000000000000000000000000","min_app_version":"0.1.0","summary":"PMIF 2026 outcomes"}' > "$scratch/channel_input/index.json"
printf 'untrusted comment: signature\nRUR91bY99IpsFAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntrusted comment: minerals-atlas pack 3 2026-12-07 pack-3.json\nAAAA\n' > "$scratch/channel_input/pack.minisig"
cp src-tauri/channel/minerals-atlas.pub "$scratch/channel_input/key.pub"
(cd fuzz && cargo fuzz build --release --sanitizer none) >/dev/null
# FUZZ_JOBS targets run at once (default 1); each writes its own log.
jobs="${FUZZ_JOBS:-1}"
run_target() {
  local target="$1"
  (cd fuzz && cargo fuzz run --release --sanitizer none "$target" "$scratch/$target" -- \
      -max_total_time="$seconds" -max_len=262144 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$scratch/$target.log" 2>&1) || true
}
running=0
for target in "${targets[@]}"; do
  if (( running >= jobs )); then
    wait -n || true
    running=$((running - 1))
  fi
  echo "fuzz: $target for ${seconds}s"
  run_target "$target" &
  running=$((running + 1))
done
wait
failed=0
for target in "${targets[@]}"; do
  echo "fuzz: $target"
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|artifact_prefix|Test unit written)" "$scratch/$target.log" || true
  if [ -n "$(ls -A "fuzz/artifacts/$target" 2>/dev/null)" ]; then
    echo "fuzz: $target found a failing input in fuzz/artifacts/$target" >&2
    failed=1
  elif ! grep -q "^stat::number_of_executed_units" "$scratch/$target.log"; then
    # A target that did not run is a failure, not a pass.
    echo "fuzz: $target did not run; the end of its log:" >&2
    tail -20 "$scratch/$target.log" >&2
    failed=1
  fi
done
exit "$failed"
