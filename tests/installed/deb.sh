#!/usr/bin/env bash
# Installs the built .deb, walks a journey in the installed app offline, then
# purges the package and checks that nothing of it is left but the user's data.
# Needs root (dpkg). Usage: tests/installed/deb.sh path/to/minerals-atlas.deb
set -euo pipefail
cd "$(dirname "$0")/../.."
deb="$1"
[[ -f "$deb" ]] || { echo "no .deb at $deb" >&2; exit 1; }

dpkg -i "$deb" || apt-get -f install -y -q   # dependencies from the system's packages
installed=$(dpkg-query -W -f='${Installed-Size}' minerals-atlas)
echo "installed: $(dpkg-query -W -f='${Package} ${Version}' minerals-atlas), Installed-Size ${installed} KiB"
mapfile -t files < <(dpkg -L minerals-atlas | while read -r f; do [[ -f "$f" ]] && echo "$f"; done)
echo "package files: ${#files[@]}"
test -x /usr/bin/minerals-atlas
ls /usr/share/applications/*.desktop | grep -qi minerals

home=$(mktemp -d)
status=0
e2e="xvfb-run --auto-servernum --server-args='-screen 0 1280x800x24' node --test tests/installed/"
if [[ $(id -u) -eq 0 ]] && unshare --net true 2>/dev/null; then
  INSTALLED_TEST_HOME="$home" MINERALS_ATLAS_BINARY=/usr/bin/minerals-atlas unshare --net sh -c "ip link set lo up && $e2e" || status=$?
else
  INSTALLED_TEST_HOME="$home" MINERALS_ATLAS_BINARY=/usr/bin/minerals-atlas sh -c "$e2e" || status=$?
fi

dpkg --purge minerals-atlas
left=0
for f in "${files[@]}"; do
  if [[ -e "$f" ]]; then echo "left behind: $f" >&2; left=1; fi
done
if dpkg-query -W minerals-atlas >/dev/null 2>&1 && [[ "$(dpkg-query -W -f='${Status}' minerals-atlas)" != *not-installed* ]]; then
  echo "the package is still registered" >&2; left=1
fi
if [[ ! -f "$home/.local/share/org.mineralsatlas.app/user-data.json" ]]; then
  echo "the user's data did not survive the uninstall" >&2; left=1
fi
echo "after purge: ${#files[@]} package files gone: $([[ $left -eq 0 ]] && echo yes || echo NO); user data kept: $home/.local/share/org.mineralsatlas.app"
rm -rf "$home"
[[ $status -eq 0 && $left -eq 0 ]]
