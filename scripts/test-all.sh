#!/usr/bin/env bash
# Runs every test: Rust unit, integration and IPC tests; the dataset's
# freshness; the front end's pure modules; then the real-window journeys
# against the release build under Xvfb, through tauri-driver and WebKitWebDriver.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test

started=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - started ))s)"; }

step "cargo test (workspace, release profile: shares the build with the app)"
cargo test --release --workspace
if [[ $(id -u) -eq 0 ]]; then
  step "store fault tests that need root (a private tmpfs: full disk, read-only)"
  cargo test --release -p atlas-store --test store -- --ignored root_only::
elif [[ -n "${CI:-}" ]]; then
  echo "CI must run the store's fault tests (needs root)" >&2
  exit 1
else
  echo "(not root: the store's full-disk and read-only tests are reported as ignored; CI runs them)"
fi

step "lints: rustfmt and clippy, warnings are errors"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "front-end and tool unit tests"
node --test tests/ui/ tests/tools/

step "licences of every crate and npm package (offline)"
# The check reads every crate's manifest, for every platform in the lockfile:
# fetch them first (a build only downloads the host's), then check offline.
cargo fetch --locked --quiet
node scripts/check-licences.mjs

step "importer fuzz targets, a short run (scripts/fuzz.sh 1800 for a long one)"
scripts/fuzz.sh "${FUZZ_SECONDS:-15}"

step "release build and bundles (.deb, .rpm, offline): the binary the real-window tests drive is the one shipped"
# One build with the features the bundles use (custom-protocol); a separate
# plain cargo build would compile the Tauri stack a second time.
npx tauri build --bundles deb,rpm
for f in target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm; do
  printf 'bundle: %s  %s bytes\n' "$f" "$(stat -c %s "$f")"
done
# The .deb's budget (issue 15): 6.5 MiB with the brief and the update channel.
for f in target/release/bundle/deb/*.deb; do
  if (( $(stat -c %s "$f") > 6815744 )); then
    echo "$f is over the 6.5 MiB budget" >&2
    exit 1
  fi
done

step "the data channel's test build (a loopback mirror, a test CA and key from the environment; never bundled)"
cargo build --release --example channel_test_app --features custom-protocol
# The shipped binary has no way to trust anything but the built-in key and the system's roots.
if grep -q MINERALS_ATLAS_TEST_MIRRORS target/release/minerals-atlas; then
  echo "the shipped binary reads the test channel's settings" >&2
  exit 1
fi

step "hostile corpus through the real binary (exit 0 or 1 with a reason, bounded time, no panic)"
node tests/hostile/run-corpus.mjs target/release/minerals-atlas

step "work in proportion to the input (time ratios at n and 4n, not absolute times)"
cargo run --release --quiet -p atlas-import --example scaling

step "real-window tests under Xvfb, offline"
mkdir -p test-output
export MINERALS_ATLAS_SCREENSHOTS="${MINERALS_ATLAS_SCREENSHOTS:-$PWD/test-output/screenshots}"
e2e='xvfb-run --auto-servernum --server-args="-screen 0 1920x1080x24" node --test --test-concurrency=1 tests/e2e/'
if [[ $(id -u) -eq 0 ]] && unshare --net true 2>/dev/null; then
  # A network namespace with loopback only: the app must work with no network at all.
  echo "(in a network namespace with no interface but loopback)"
  unshare --net sh -c "ip link set lo up && $e2e"
elif [[ -n "${CI:-}" ]]; then
  echo "CI must prove the app works offline, but cannot create a network namespace (needs root)" >&2
  exit 1
else
  echo "(not root: running the real-window tests with the network; CI runs them offline)"
  sh -c "$e2e"
fi

step "the installed .deb"
if [[ $(id -u) -eq 0 ]]; then
  tests/installed/deb.sh target/release/bundle/deb/*.deb
elif [[ -n "${CI:-}" ]]; then
  echo "CI must install the .deb (needs root)" >&2
  exit 1
else
  echo "(not root: the install test needs dpkg as root; CI runs it)"
fi

step "all tests passed"
