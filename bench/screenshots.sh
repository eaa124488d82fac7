#!/bin/sh
# bench/screenshots.sh - render the report to PNG with headless Chromium,
# so its look can be checked by eye (not part of make check).
#
#   bench/screenshots.sh [CLAIMCHECK [CORPUS [OUTDIR]]]
#
# Builds the report of CORPUS (default: the bundled articles/) with a
# scratch store, then writes OUTDIR/index.png and OUTDIR/article.png (the
# article with the most claims), 1280 pixels wide, the top 2000 pixels
# of each page; OUTDIR/print.pdf shows the print style sheet.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
CLAIMCHECK=${1:-./claimcheck}
CORPUS=${2:-$top/articles}
OUT=${3:-screenshots}
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	echo "screenshots.sh: chromium is not installed" >&2
	exit 1
fi
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/cc-shots.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$CLAIMCHECK" --db "$work/store.db" --rules "$top/claims" report \
    --out "$work/rep" "$CORPUS" >/dev/null
# The article page with the most claim labels.
art=$(grep -c 'class="lbl"' "$work"/rep/article-*.html | sort -t: -k2 -rn |
    head -1 | cut -d: -f1)

shot() {
	"$CHROMIUM" --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
	    --no-first-run --user-data-dir="$work/profile" \
	    --window-size=1280,2000 --screenshot="$2" "file://$1" 2>/dev/null
}
shot "$work/rep/index.html" "$OUT/index.png"
shot "$art" "$OUT/article.png"
"$CHROMIUM" --headless=new --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$work/profile" --no-pdf-header-footer \
    --print-to-pdf="$OUT/print.pdf" "file://$work/rep/index.html" 2>/dev/null
echo "$OUT/index.png"
echo "$OUT/article.png ($(basename "$art"))"
echo "$OUT/print.pdf"
