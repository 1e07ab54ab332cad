#!/bin/sh
# Makes the two fonts the country brief embeds: DejaVu Sans and DejaVu Sans
# Bold (Debian's fonts-dejavu-core), cut to the Latin scripts, punctuation and
# the few symbols the data uses, without hinting (a PDF viewer does not need
# it). Run by hand when the data needs a character the subset lacks; the brief's
# tests fail naming the character. The results are committed, so a build needs
# neither the system fonts nor fonttools.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/crates/atlas-brief/fonts"
src=/usr/share/fonts/truetype/dejavu
command -v pyftsubset >/dev/null || { echo "needs pyftsubset: pip install fonttools" >&2; exit 1; }
[ -r "$src/DejaVuSans.ttf" ] || { echo "needs $src/DejaVuSans.ttf: apt-get install fonts-dejavu-core" >&2; exit 1; }
# Basic Latin, Latin-1, Latin Extended-A (every European name the data has),
# the common punctuation (dashes, quotes, ellipsis, per mille), the euro,
# trade mark, the four arrows, minus, less- and greater-or-equal. The whole
# cut face is embedded in each brief, so it is kept small.
ranges="U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+2044,U+20AC,U+2122,U+2190-2193,U+2212,U+2264,U+2265"
for face in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "$src/$face.ttf" --unicodes="$ranges" --no-hinting --layout-features='kern,liga' \
    --name-IDs='*' --output-file="$out/$face-Latin.ttf"
done
cp /usr/share/doc/fonts-dejavu-core/copyright "$out/LICENSE-DejaVu.txt"
ls -l "$out"
