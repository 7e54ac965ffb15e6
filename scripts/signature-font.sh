#!/usr/bin/env bash
# Regenerates fonts/DejaVuSansCondensed-Firma.ttf, the Latin cut of DejaVu Sans Condensed that signature appearances
# embed (PdfSigner: a subset of the whole font carries metrics and offsets for all its glyphs, about 13 KB per
# signature; of this cut, about 3 KB). Not part of the build or the tests: the result is committed. Needs Debian's
# python3-fonttools. Names outside these ranges are drawn with the whole font.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import fontTools' 2>/dev/null; then
    sudo_if_needed=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
    $sudo_if_needed apt-get install -y -q python3-fonttools
fi
# Basic Latin, Latin-1 Supplement, Latin Extended-A, the modifier letter apostrophe (Aymara, Quechua), spacing
# accents, general punctuation and the euro sign; no hinting and no layout tables (6 pt text in a signature cell)
/usr/bin/python3 -m fontTools.subset fonts/DejaVuSansCondensed.ttf \
    --unicodes="U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+20AC,U+02BC,U+02C6-02DD" \
    --layout-features='' --no-hinting --drop-tables+=GPOS,GSUB,GDEF,kern,MATH,FFTM --name-IDs='*' \
    --output-file=fonts/DejaVuSansCondensed-Firma.ttf
ls -l fonts/DejaVuSansCondensed-Firma.ttf
