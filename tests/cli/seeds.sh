#!/bin/sh
# End to end on the bundled seed corpus: the numeric claims an editor
# lists by reading the five articles (tests/data/seeds/expected-numeric.tsv)
# are exactly what the tool extracts, with the dates the articles give.
. "$top_srcdir/tests/cli/setup"
# The five seed articles only: the demo corpus also holds an HTML page and
# a JSON Lines feed written for the readers (tests/cli/formats.sh), whose
# claims are not part of the hand-written lists.
mkdir "$TMPD/seeds"
cp "$SEEDS"/*.txt "$TMPD/seeds/"
SEEDS="$TMPD/seeds"

status 0 "report on the seed corpus succeeds" cc report --out "$TMPD/reports" "$SEEDS"
check "it prints the index path" grep -qx "$TMPD/reports/index.html" "$TMPD/out"

cc claims --format tsv > claims.tsv
# Numeric claims as article/type/subject/measure/min/max/approx.
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$col["type"] ~ /^(casualty|force|quantity|duration)$/ {
		print $col["article"] "\t" $col["type"] "\t" $col["subject"] "\t" \
		    $col["measure"] "\t" $col["min"] "\t" $col["max"] "\t" $col["approx"]
	}' claims.tsv | sort > got.tsv
grep -v '^#' "$top_srcdir/tests/data/seeds/expected-numeric.tsv" | sort > want.tsv
if cmp -s got.tsv want.tsv; then
	ok "numeric claims of the seeds match the hand-written list"
else
	not_ok "numeric claims of the seeds match the hand-written list"
	diff want.tsv got.tsv | sed 's/^/# /'
fi

# Seed 003 is dated by its dateline ("Published October 30,2022"); its
# "On Monday" is October 24, 2022 (SPEC.md's example).
check "seed 003 figures are dated by 'On Monday' = 2022-10-24" sh -c \
    'grep "6,374 killed" claims.tsv | grep -q "2022-10-24"'
check "seed 003 claims come from outlet anews (masthead 'A News')" sh -c \
    'grep "^c[0-9]*	003_" claims.tsv | cut -f3 | sort -u | grep -qx anews'
check "claims JSON has SPEC's keys in order" sh -c \
    '"$CLAIMCHECK" --db "'"$TMPD"'/test.db" --rules "'"$RULES"'" claims --type casualty | grep "\"measure\":\"total\"" | grep -q "^{\"id\":\"c[0-9]*\",\"article\":\"003_f9095a6aa4cb8e46\",\"outlet\":\"anews\",\"type\":\"casualty\",\"subject\":\"civilians\",\"measure\":\"total\",\"value\":{\"min\":16150,\"max\":16150,\"approx\":false},\"unit\":\"people\",\"time\":{"'

# A second run on the unchanged corpus does no extraction work and writes
# byte-identical HTML.
cp -r "$TMPD/reports" reports.1
status 0 "a second report succeeds" cc -v report --out "$TMPD/reports" "$SEEDS"
check "the second run extracts nothing" sh -c '! grep -q "extract:" "'"$TMPD"'/err"'
check "the second run's HTML is byte-identical" diff -r reports.1 "$TMPD/reports"
done_testing
