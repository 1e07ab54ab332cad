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
# Basic Latin, Latin-1, Latin Extended-A and -B, spacing modifiers, general
# punctuation, superscripts, currency, letterlike, arrows, math operators.
ranges="U+0020-007E,U+00A0-024F,U+02B0-02FF,U+2000-206F,U+2070-209F,U+20A0-20BF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF"
for face in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "$src/$face.ttf" --unicodes="$ranges" --no-hinting --layout-features='kern,liga' \
    --name-IDs='*' --output-file="$out/$face-Latin.ttf"
done
cp /usr/share/doc/fonts-dejavu-core/copyright "$out/LICENSE-DejaVu.txt"
ls -l "$out"
