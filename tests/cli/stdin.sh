#!/bin/sh
# extract --stdin: a pure filter from articles (JSON Lines) to claims
# (JSON Lines) that never touches a store; ingest-claims loads its output
# back, and the comparison then finds what a local run finds.
. "$top_srcdir/tests/cli/setup"
STORECHECK="$top_builddir/tests/cli/storecheck"

awk -v n=150 -v jsonl=1 -f "$top_srcdir/bench/gencorpus.awk" > feed.jsonl
# filter [ARGS]: the filter with a store path that must never appear.
filter() {
	"$CLAIMCHECK" --db "$TMPD/none/x.db" --rules "$RULES" "$@" \
	    extract --stdin --format jsonl
}
mkdir none

status 0 "the filter reads a feed on stdin" filter < feed.jsonl
cp "$TMPD/out" claims.jsonl
check "it writes claims" test "$(wc -l < claims.jsonl)" -gt 1000
check "and creates no store" test ! -e none/x.db
check "nor anything else next to it" test -z "$(ls none)"

# The normal path on the same articles, for reference.
cc -q ingest feed.jsonl
cc -q extract
cc -q compare
cc claims --format jsonl > local-claims.jsonl
cc findings --format tsv > local-findings.tsv
sed 's/^{"id":"[^"]*",//' claims.jsonl > a.noid
sed 's/^{"id":"[^"]*",//' local-claims.jsonl > b.noid
check "the claims are those of a local extract, in the same shape" \
    cmp a.noid b.noid
sed -n 's/^{"id":"\([^"]*\)".*/\1/p' claims.jsonl > ids
check "ids are ARTICLE#N, counting from 1 in each article" \
    test "$(head -1 ids)" = "a0000000#1"
check "no id is given twice" test -z "$(sort ids | uniq -d)"

filter < feed.jsonl > again.jsonl 2>/dev/null
check "the same feed gives the same bytes" cmp claims.jsonl again.jsonl
filter -j 2 < feed.jsonl > j2.jsonl 2>/dev/null
check "-j 2 gives the same bytes, in input order" cmp claims.jsonl j2.jsonl

# A malformed line is reported with its position and skipped.
{ sed -n 1,2p feed.jsonl; echo '{"id": oops}'; sed -n '3,$p' feed.jsonl; } \
    > bad.jsonl
status 2 "a malformed line gives exit status 2" filter < bad.jsonl
check "the message gives stdin's line and column" grep -q '^-:3:[0-9]*: error:' \
    "$TMPD/err"
check "the other articles' claims are all there" cmp claims.jsonl "$TMPD/out"

# Round trip: articles ingested, claims made by the filter loaded back.
rtdb() {
	db=$1
	shift
	"$CLAIMCHECK" -q --db "$TMPD/$db.db" --rules "$RULES" "$@"
}
rtdb rt ingest feed.jsonl
status 0 "ingest-claims loads the filter's output" rtdb rt ingest-claims - \
    < claims.jsonl
rtdb rt compare
rtdb rt findings --format tsv > rt-findings.tsv
check "the round trip gives the findings of the local run, ids and all" \
    cmp local-findings.tsv rt-findings.tsv
rtdb rt claims --format jsonl > rt-claims.jsonl
check "and the same claims" cmp local-claims.jsonl rt-claims.jsonl
"$CLAIMCHECK" -v --db rt.db --rules "$RULES" extract 2> extract.err
check "nothing is left to extract afterwards" test ! -s extract.err
status 0 "the store passes its checks" "$STORECHECK" rt.db

# Merged out of order (as from many mappers, here the articles of the
# feed in reverse): the store numbers the claims as a local run does, so
# the findings are the same, claim ids and all.
awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }' \
    feed.jsonl > reversed.jsonl
filter < reversed.jsonl > reversed-claims.jsonl 2>/dev/null
check "the reversed feed gives the claims in another order" \
    test "$(head -1 reversed-claims.jsonl)" != "$(head -1 claims.jsonl)"
rtdb rev ingest reversed.jsonl
rtdb rev ingest-claims reversed-claims.jsonl
rtdb rev compare
rtdb rev findings --format tsv > rev-findings.tsv
check "claims merged in another order give the same findings" \
    cmp local-findings.tsv rev-findings.tsv

# Loading the same file again replaces, it does not add.
rtdb rt ingest-claims claims.jsonl
check "ingest-claims twice keeps one copy of each claim" test \
    "$(rtdb rt claims --format tsv | wc -l)" -eq \
    "$(($(wc -l < claims.jsonl) + 1))"

# Bad lines in the claims: reported as FILE:LINE:COL and skipped.
{ sed -n 1,4p claims.jsonl; echo 'not json'; \
  echo '{"article":"a0000000","evidence":{"start":0,"end":1}}'; \
  echo '{"article":"../../evil","type":"quote","evidence":{"start":0,"end":1}}'; \
  sed -n '5,$p' claims.jsonl; } > badclaims.jsonl
status 2 "bad claim lines give exit status 2" rtdb bad ingest-claims \
    badclaims.jsonl
check "a line that is not JSON is named with line and column" \
    grep -q '^badclaims.jsonl:5:[0-9]*: error:' "$TMPD/err"
check "a claim without a type is named" \
    grep -q '^badclaims.jsonl:6:1: error: .*"type"' "$TMPD/err"
check "an article name that is a path is refused (report file names)" \
    grep -q '^badclaims.jsonl:7:1: error: .*"article"' "$TMPD/err"
check "the good lines are stored" test \
    "$(rtdb bad claims --format tsv | wc -l)" -eq \
    "$(($(wc -l < claims.jsonl) + 1))"

# Without the articles: placeholders, and the comparison still runs.
rtdb ph ingest-claims claims.jsonl
status 0 "compare runs on claims alone" rtdb ph compare
check "it finds the contradictions" test \
    "$(rtdb ph findings --kind contradiction --format tsv | wc -l)" -gt 1
status 0 "a store of placeholders passes its checks" "$STORECHECK" ph.db
status 2 "a missing claims file is an input error" rtdb x ingest-claims nofile
check "without creating a store" test ! -e x.db
done_testing
