#!/bin/sh
# The report is safe in a real browser.  Headless Chromium loads the pages
# built from hostile articles (script tags, event-handler attributes,
# javascript: URLs in front matter, broken HTML, </style>, <!--, quote
# breaking, right-to-left overrides) and we read the DOM it ends with:
# every payload tries to set document.title to PWNED or to add an element
# with id="pwned", so a script that ran leaves a mark there.  Skipped only
# when Chromium is not installed.
. "$top_srcdir/tests/cli/setup"

CHROMIUM=
for c in chromium chromium-browser; do
	if command -v "$c" >/dev/null 2>&1; then
		CHROMIUM=$c
		break
	fi
done
if [ -z "$CHROMIUM" ]; then
	echo "1..0 # SKIP chromium is not installed (apt-get install chromium)"
	exit 0
fi

# dom PAGE OUT: the DOM after load, with some virtual time for error
# handlers and timers to fire.  Root needs --no-sandbox; an own profile
# keeps parallel runs apart.
dom() {
	timeout 60 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu \
	    --no-first-run --disable-extensions --user-data-dir="$TMPD/profile" \
	    --virtual-time-budget=500 --dump-dom "file://$1" >"$2" 2>/dev/null
}

# ran OUT: did a script run?  Serialized elements always quote their
# attributes, while escaped payload text reads id=pwned, so id="pwned"
# only matches an element a script made.
ran() {
	grep -q 'id="pwned"' "$1" || grep -q '<title>PWNED</title>' "$1"
}

# First, that this harness sees a script that runs: a page without a
# CSP with one payload that runs at once and one that runs on an error.
cat > control.html <<'HTML'
<!DOCTYPE html><html><head><title>control</title></head><body>
<script>document.title = 'PWNED';</script>
<img src="missing.png" onerror="document.body.insertAdjacentHTML('beforeend', '<b id=pwned>x</b>')">
</body></html>
HTML
if dom "$TMPD/control.html" control.dom && grep -q '<title>PWNED</title>' control.dom &&
    grep -q 'id="pwned"' control.dom; then
	ok "the harness sees scripts that run (inline and onerror)"
else
	not_ok "the harness sees scripts that run (inline and onerror)"
	head -c 600 control.dom | sed 's/^/# /'
	done_testing
	exit 1
fi

status 0 "report on hostile articles succeeds" \
    cc report --out rep "$top_srcdir/tests/data/hostile/report"
for f in rep/*.html; do
	b=$(basename "$f")
	if ! dom "$TMPD/$f" "$b.dom" || ! grep -q '</html>' "$b.dom"; then
		not_ok "chromium loads $b"
		continue
	fi
	ok "chromium loads $b"
	if ran "$b.dom"; then
		not_ok "no script ran in $b"
		grep -n 'pwned\|PWNED' "$b.dom" | head -5 | sed 's/^/# /'
	else
		ok "no script ran in $b"
	fi
	check "no script element in the DOM of $b" sh -c "! grep -qi '<script' '$b.dom'"
	check "no javascript: link in $b" sh -c "! grep -qi 'href=\"javascript:' '$b.dom'"
	check "no raw right-to-left override in $b" sh -c "! grep -q \"$(printf '\342\200\256')\" '$b.dom'"
done

# The payloads are there, as text.
IDX=index.html.dom
EVIL=$(ls article-script-tags*.dom)
check "the script payload is shown as text" \
    grep -q "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" "$EVIL"
check "the img onerror payload is shown as text" \
    grep -q 'Witnesses said &lt;img src=x onerror="' "$EVIL"
check "</style> and <!-- are shown as text" \
    grep -q '&lt;/style&gt;&lt;script&gt;.*&lt;!-- that never closes' "$EVIL"
check "the quote-breaking attribute text stays text" \
    grep -q "autofocus onfocus=" "$EVIL"
check "the right-to-left override is shown as [U+202E]" \
    grep -q '\[U+202E\]21 deleted' "$EVIL"
check "the title from front matter is text in <title>" \
    grep -q "<title>&lt;/title&gt;&lt;script&gt;document.title='PWNED'" "$EVIL"
check "the javascript: URL is shown, not linked" \
    grep -q "<code>javascript:document.title='PWNED'</code>" "$EVIL"
check "the hostile outlet name is text in the index" \
    grep -q 'wire-evil"&gt;&lt;b id=pwned&gt;' "$IDX"

# Escaping alone must hold: the same pages without their CSP.
for b in index.html "$(basename "$EVIL" .dom)"; do
	grep -v 'http-equiv="Content-Security-Policy"' "rep/$b" > "nocsp-$b"
	dom "$TMPD/nocsp-$b" "nocsp-$b.dom"
	check "without its CSP, $b still runs no script" sh -c \
	    "grep -q '</html>' 'nocsp-$b.dom' && ! grep -q 'id=\"pwned\"' 'nocsp-$b.dom' && ! grep -q '<title>PWNED</title>' 'nocsp-$b.dom'"
done

# And the CSP alone must hold: the index with the control's payloads
# pasted in raw, as an escaping bug would let them through.
sed 's|<body>|<body><script>document.title = "PWNED";</script><img src="missing.png" onerror="document.body.insertAdjacentHTML(\x27beforeend\x27, \x27<b id=pwned>x</b>\x27)">|' \
    rep/index.html > rep/injected.html
dom "$TMPD/rep/injected.html" injected.dom
check "the page's CSP blocks scripts that slipped through" sh -c \
    "grep -q '<script>' injected.dom && ! grep -q 'id=\"pwned\"' injected.dom && ! grep -q '<title>PWNED</title>' injected.dom"
# A report large enough for its lists to leave the index, with the
# hostile articles in it: the list pages are as safe as the index.
mkdir big
cp "$top_srcdir"/tests/data/hostile/report/* big/
awk -v n=160 -v dir=big -f "$top_srcdir/bench/gencorpus.awk"
status 0 "report on hostile and 160 generated articles succeeds" \
    "$CLAIMCHECK" --db big.db --rules "$RULES" report --out bigrep big
check "its findings are on pages of their own" test -s bigrep/findings.html
evilpage=$(cd bigrep && grep -l 'article-script-tags' findings-*.html facts-*.html timeline-*.html 2>/dev/null | head -1)
check "a list page quotes the hostile article" test -n "$evilpage"
for b in index.html findings.html facts.html timeline.html \
    "$(cd bigrep && ls findings-*.html | head -1)" \
    "$(cd bigrep && ls facts-*.html | head -1)" \
    "$(cd bigrep && ls timeline-*.html | head -1)" $evilpage; do
	if ! dom "$TMPD/bigrep/$b" "big-$b.dom" || ! grep -q '</html>' "big-$b.dom"; then
		not_ok "chromium loads the large report's $b"
		continue
	fi
	check "no script ran in the large report's $b" sh -c "! grep -q 'id=\"pwned\"' 'big-$b.dom' && ! grep -q '<title>PWNED</title>' 'big-$b.dom'"
	check "no script element in the DOM of the large report's $b" sh -c "! grep -qi '<script' 'big-$b.dom'"
done
done_testing
