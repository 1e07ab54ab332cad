#!/usr/bin/env bash
# Installs what building and testing Minerals Atlas needs, and nothing twice.
# System packages come from apt when run as root; otherwise the exact command
# is printed and the script stops. Usage: scripts/setup.sh [app|test]
set -euo pipefail
cd "$(dirname "$0")/.."

purpose="${1:-app}"
build_pkgs=(libwebkit2gtk-4.1-dev build-essential file libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev pkg-config)
# python3-icalendar: an independent iCalendar parser for the .ics export test,
# from apt (current Debian and Ubuntu refuse pip installs into the system Python).
# x11-apps: xwd, for screenshots of layouts WebKit's own snapshot cannot take (tests/e2e/x-screenshot.mjs).
# poppler-utils: pdftotext and pdftoppm, which read the country brief back independently.
# minisign: the standard tool checks what the data channel's publisher signs.
# openssl: makes the test CA and certificates of the channel's loopback HTTPS mirror (tests/channel/server.mjs).
test_pkgs=(webkit2gtk-driver xvfb xauth dbus util-linux iproute2 python3 python3-icalendar x11-apps poppler-utils minisign openssl)
pkgs=("${build_pkgs[@]}")
if [[ "$purpose" == "test" ]]; then pkgs+=("${test_pkgs[@]}"); fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "setup: installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "setup: these system packages are missing; install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v cargo >/dev/null; then
  echo "setup: Rust is missing; install it with:" >&2
  echo "  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh" >&2
  exit 1
fi

# Front-end tools and bundled libraries, exactly as package-lock.json pins them.
stamp=node_modules/.package-lock.json
if [[ ! -f "$stamp" || package-lock.json -nt "$stamp" ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi

# The front end's bundled libraries, geometry and flags (ui/vendor is generated, not committed).
if [[ ! -f ui/vendor/.complete || package-lock.json -nt ui/vendor/.complete \
      || data/generated/atlas-dataset.json -nt ui/vendor/.complete || scripts/vendor-ui.mjs -nt ui/vendor/.complete \
      || -n "$(find ui/js -newer ui/vendor/.complete -print -quit)" ]]; then
  node scripts/vendor-ui.mjs
fi

if [[ "$purpose" == "test" ]]; then
  # The lint step of the test command.
  for component in clippy rustfmt; do
    if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
      echo "setup: rustup component add $component"
      rustup component add "$component"
    fi
  done
  # Cargo tools at the versions this project is tested with (a newer release
  # can change behaviour under us); an other version installed is replaced.
  installed=$(cargo install --list)
  need_tool() { # crate version
    if ! grep -q "^$1 v$2:" <<<"$installed"; then
      echo "setup: cargo install $1@$2"
      cargo install "$1" --version "=$2" --locked --force
    fi
  }
  need_tool cargo-fuzz 0.13.2
  need_tool tauri-driver 2.1.0
fi
echo "setup: ready ($purpose)"
