#!/bin/sh
# The readers end to end (tests/data/formats): a saved news page with
# navigation, ads, JSON-LD and a comment section; a JSON Lines feed with a
# broken line and a record without text; a Windows-1252 file with CRLF; a
# page cut off mid-script; a page with no article; and the sources.yaml
# that gives some of them their metadata.  Then the demo corpus with all
# three formats, and a feed re-ingested with one article changed.
. "$top_srcdir/tests/cli/setup"

F="$top_srcdir/tests/data/formats"
mkdir corpus
cp "$F"/* corpus/

# cc_q ARGS...: claimcheck for use inside 'check sh -c'.
export CLAIMCHECK TMPD RULES
q='"$CLAIMCHECK" --db "$TMPD/test.db" --rules "$RULES"'

status 2 "ingest stores the good articles and exits 2 for the bad input" \
    cc ingest corpus
cp "$TMPD/err" ingest.err
check "the broken feed line is reported as FILE:LINE:COL" \
    grep -q "corpus/feed.jsonl:3:[0-9][0-9]*: error: not a JSON object" ingest.err
check "a feed record without text is reported with its line" \
    grep -q "corpus/feed.jsonl:4:1: error: record 'wire-20221031-004' without a \"text\"" ingest.err
check "a page without article text is reported" \
    grep -q "corpus/no-body.html: error: no article text" ingest.err
check "the Windows-1252 file is a warning at its first non-ASCII character" \
    grep -q "corpus/cp1252.txt:1:44: warning: not UTF-8: read as Windows-1252" ingest.err
check "six articles stored (three records of the feed), three skipped" \
    grep -q "ingest: 6 new or changed, 0 unchanged, 3 skipped" ingest.err
check "the sidecar file itself is not read as an article" \
    sh -c '! grep -q "sources.yaml" ingest.err'

status 2 "report on the corpus writes the report (and names the bad input again)" \
    cc report --out "$TMPD/rep" corpus
check "the report is written" test -s "$TMPD/rep/index.html"
cc claims --format tsv > claims.tsv
cc claims > claims.jsonl

# outlet of ARTICLE, from the claims
outlet() {
	awk -F'\t' -v a="$1" '$2 == a { print $3; exit }' claims.tsv
}
want_outlet() {
	got=$(outlet "$1")
	if [ "$got" = "$2" ]; then
		ok "$3"
	else
		not_ok "$3 (got '$got', wanted '$2')"
	fi
}
want_outlet page reuters \
    "sources.yaml overrides the page's own og:site_name"
want_outlet wire-20221031-001 reuters \
    "a feed record's outlet name maps to its id in claims/outlets.yaml"
want_outlet wire-20221031-002 tass \
    "an outlet from the URL's domain (tass.com)"
want_outlet truncated "Daily Meridian" \
    "og:site_name of an unknown outlet is kept as written"
want_outlet cp1252 "Bosphorus Wire" \
    "sources.yaml gives a text file its outlet"
check "the report says the outlet came from the URL" \
    grep -q "tass <span class=\"muted\">(url)" "$TMPD/rep/article-wire-20221031-002.html"
check "and from the sidecar" \
    grep -q "reuters <span class=\"muted\">(sidecar)" "$TMPD/rep/article-page.html"

# What the page's reader kept and left out.
check "the story's figure is a claim" \
    grep -q "	page	reuters	force	russia	reservists	about 300,000	" claims.tsv
check "figures in the comment section are not" \
    sh -c '! grep -q "1,000,000" claims.tsv'
check "the page's date is article:published_time" \
    sh -c "grep '^{\"id\":\"c[0-9]*\",\"article\":\"page\"' claims.jsonl | grep -q '\"time\":{\"start\":\"2022-10-3[01]\"'"
check "the truncated page keeps its paragraphs" \
    grep -q "	truncated	Daily Meridian	quantity	" claims.tsv
check "the Windows-1252 text is stored as UTF-8" \
    grep -q "Dolmabah$(printf '\303\247')e palace" claims.jsonl
check "a feed record dated only by the sidecar" \
    sh -c "grep '\"article\":\"wire-20221031-005\"' claims.jsonl | head -1 | grep -q '2022-10-'"

# Re-ingesting the feed with one article changed: only that one is
# extracted again, and the other records keep their claims.
mkdir feed
cat "$F/feed.jsonl" > feed/feed.jsonl	# writable, even from a read-only tree
cc ingest feed >/dev/null 2>&1	# no sidecar here: record 005 changes
cc extract >/dev/null 2>&1
cc claims --article wire-20221031-001 > before-001.jsonl
cc claims --article wire-20221031-002 > before-002.jsonl
sed 's/was untrue/was false/' "$F/feed.jsonl" > feed/feed.jsonl
check "the fixture did change" sh -c '! cmp -s "$0" feed/feed.jsonl' "$F/feed.jsonl"
status 2 "re-ingesting the feed (its bad lines are still bad)" cc ingest feed
check "one record changed, the others unchanged" \
    grep -q "ingest: 1 new or changed, 2 unchanged" "$TMPD/err"
status 0 "extract after the change" cc extract
check "exactly one article is extracted again" \
    grep -q "extract: 1 article," "$TMPD/err"
cc claims --article wire-20221031-001 > after-001.jsonl
check "the unchanged record keeps its claims, ids and all" \
    cmp -s before-001.jsonl after-001.jsonl
check "the changed record has its claims" test -s before-002.jsonl

# Boilerplate lines from claims/boilerplate.yaml never yield claims, even
# with figures in them: author bios, "Read also:", video teasers, the
# comment form and what follows it.
mkdir boiler
cat > boiler/bio.txt <<'EOF'
Officials say 40 people were killed in the strike on Monday.

Read also: 25 people were killed in a second strike

WATCH: 30 people were killed, survivors say

Jane Doe is a senior reporter at the Daily Meridian covering 12 countries of Eastern Europe.

Leave a Reply

Comments say 90 people were killed.
EOF
cc ingest boiler >/dev/null 2>&1
cc extract >/dev/null 2>&1
cc claims --article bio --format tsv > bio.tsv
check "the story's own figure is a claim" grep -q "	40	40	" bio.tsv
for fig in 25 30 12 90; do
	check "no claim from the boilerplate line with $fig" \
	    sh -c "! cut -f8 bio.tsv | grep -qx $fig"
done

# Feeds that name their fields as news APIs and scrapers do: "content"
# or "body" for the text, "source" (a string or {"name": ...}),
# "publishedAt" or "date", "headline", "link", "guid".  The SPEC's names
# win when both are present.
mkdir apifeed
cat > apifeed/api.jsonl <<'EOF'
{"id": "api-1", "source": {"id": null, "name": "Daily Meridian"}, "publishedAt": "2022-10-29T08:00:00Z", "headline": "Strike on market", "link": "https://example.org/a", "content": "At least 31 people were killed in a strike on a market, officials said."}
{"guid": "api-2", "source": "Bosphorus Wire", "date": "2022-10-30", "body": "At least 33 people were killed in the strike, the governor said."}
{"id": "api-3", "outlet": "Own Name", "source": "Other Name", "text": "At least 35 people were killed, rescuers said.", "content": "At least 99 people were killed."}
EOF
status 0 "a feed with the field names of news APIs is read" \
    "$CLAIMCHECK" --db "$TMPD/api.db" --rules "$RULES" ingest apifeed
"$CLAIMCHECK" --db "$TMPD/api.db" --rules "$RULES" extract >/dev/null 2>&1
"$CLAIMCHECK" --db "$TMPD/api.db" --rules "$RULES" claims --format tsv > api.tsv
check "content, source.name and publishedAt give text, outlet and date" \
    grep -q "^c[0-9]*	api-1	Daily Meridian	casualty	people	killed	.*31.*2022-10-29" api.tsv
check "guid, body, source and date likewise" \
    grep -q "^c[0-9]*	api-2	Bosphorus Wire	casualty	people	killed	.*33.*2022-10-30" api.tsv
check "the SPEC's text and outlet win over the other names" \
    sh -c 'grep -q "^c[0-9]*	api-3	Own Name	casualty	people	killed	.*35" api.tsv && ! grep -q "	99	" api.tsv'

# The demo corpus holds all three formats and reads without a complaint.
rm -f "$TMPD/test.db"
status 0 "report on the demo corpus" cc report --out "$TMPD/demo" "$SEEDS"
check "no warning or error on the demo corpus" \
    sh -c '! grep -q "warning\|error" "$TMPD/err"'
cc claims --format tsv > demo.tsv
for a in 000_7f926deca285de3e 005_danube-courier-talks \
    006_continental-wire-troops 007_continental-wire-lavrov; do
	check "the demo report has claims from $a" \
	    sh -c "cut -f2 demo.tsv | grep -qx $a && grep -q '$a' '$TMPD/demo/index.html'"
done
check "the HTML demo article's outlet is its og:site_name" \
    grep -q "	005_danube-courier-talks	The Danube Courier	force	unspecified	reservists	300,000	" demo.tsv
check "a comment's figure on the demo page is no claim" \
    sh -c '! grep -q "500,000" demo.tsv'
done_testing
