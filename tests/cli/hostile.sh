#!/bin/sh
# Bad input keeps every run bounded: a user's rule with catastrophic
# backtracking, a 5 MB "sentence" with no full stop, a quote that never
# closes.  Each run completes with exit status 0, a rule that hits its
# match limit is named in a warning with the article, and the claims of
# the rest of the corpus are exactly those of a run without the hostile
# input.  (The 5 MB and long-quote articles are generated here.)
. "$top_srcdir/tests/cli/setup"

HOSTILE="$top_srcdir/tests/data/hostile"
# A hang is a failure, not a stuck test run.
if command -v timeout >/dev/null 2>&1; then
	BOUND="timeout 120"
else
	BOUND=
fi

# ccp PACK DB ARGS...: claimcheck with another rule pack and store.
ccp() {
	pack=$1
	db=$2
	shift 2
	$BOUND "$CLAIMCHECK" --db "$TMPD/$db" --rules "$pack" "$@"
}

# claims_of PACK DB: the claims of a store without their ids (which
# depend on the order of extraction), sorted: article, outlet, type, ...
claims_of() {
	"$CLAIMCHECK" --db "$TMPD/$2" --rules "$1" claims --format tsv |
	    cut -f2- | sort
}

# Reference: the seed corpus alone, with the shipped packs.
mkdir seeds
cp "$SEEDS"/*.txt seeds/
ccp "$RULES" ref.db ingest seeds >/dev/null 2>&1
ccp "$RULES" ref.db extract >/dev/null 2>&1
claims_of "$RULES" ref.db > ref.tsv
check "the seed corpus gives claims to compare with" test -s ref.tsv

# --- (a) a catastrophically backtracking pattern in a user's pack -------
cp -r "$RULES" userpack
cp "$HOSTILE/backtrack.yaml" userpack/
mkdir corpus-a
cp seeds/*.txt corpus-a/
cp "$HOSTILE/backtrack.txt" corpus-a/
# A longer run of a's than the fixture's, on its own line.
awk 'BEGIN { printf "Noise: "; for (i = 0; i < 3000; i++) printf "a"; printf "!\n" }' \
    > corpus-a/noise.txt
status 0 "the corpus is ingested with the user's pack" \
    ccp userpack a.db ingest corpus-a
status 0 "extraction with a backtracking rule completes" ccp userpack a.db extract
check "the warning names the rule and the article" \
    grep -q "backtrack: rule user\.backtrack .*match limit" "$TMPD/err"
check "the long line of a's is named too" \
    grep -q "noise: rule user\.backtrack " "$TMPD/err"
claims_of userpack a.db > a.tsv
check "other rules still extract from the same article" sh -c \
    'grep "^backtrack	" a.tsv | grep "casualty.count_measure" | grep -q "At least 12 people were killed"'
check "the rest of the corpus is unaffected" sh -c \
    'grep -v -e "^backtrack	" -e "^noise	" a.tsv | cmp -s - ref.tsv'

# --- (b) a 5 MB sentence with no full stop ------------------------------
mkdir corpus-b
cp seeds/*.txt corpus-b/
# Claims in every stretch of it, no '.', '!', '?' and no line break.
awk 'BEGIN {
	s = "officials said at least 12 people were killed and talks would " \
	    "resume on Monday, while prices kept rising across the region " \
	    "and \"markets waited for news, ";
	n = int(5 * 1024 * 1024 / length(s)) + 1;
	for (i = 0; i < n; i++)
		printf "%s", s;
}' > corpus-b/run-on.txt
check "the generated article is over 5 MB with no full stop" sh -c \
    'test "$(wc -c < corpus-b/run-on.txt)" -gt 5242880 &&
    ! grep -q "[.!?]" corpus-b/run-on.txt'
status 0 "a 5 MB sentence is ingested" ccp "$RULES" b.db ingest corpus-b
status 0 "and extracted" ccp "$RULES" b.db extract
claims_of "$RULES" b.db > b.tsv
check "claims are found in it" grep -q "^run-on	[^	]*	casualty	" b.tsv
check "the rest of the corpus is unaffected" sh -c \
    'grep -v "^run-on	" b.tsv | cmp -s - ref.tsv'

# --- (c) a quote that never closes --------------------------------------
mkdir corpus-c
cp seeds/*.txt corpus-c/
cp "$HOSTILE/unclosed-quote.txt" corpus-c/
# And a long paragraph after an opening quote mark that never closes.
awk 'BEGIN {
	printf "Lavrov told reporters: \"";
	s = "We are ready to talk, but the other side says 12 people were " \
	    "killed and we do not accept it, he said. ";
	for (i = 0; i < 2000; i++)
		printf "%s", s;
	printf "\n";
}' > corpus-c/long-quote.txt
status 0 "quotes that never close are ingested" ccp "$RULES" c.db ingest corpus-c
status 0 "and extracted" ccp "$RULES" c.db extract
claims_of "$RULES" c.db > c.tsv
check "the claim after the open quote is extracted" sh -c \
    'grep "^unclosed-quote	[^	]*	casualty	" c.tsv | grep -q "At least 7 civilians were killed"'
check "no quote runs on past its sentence" sh -c \
    '! grep "^unclosed-quote	[^	]*	quote	" c.tsv | grep -q -e "shelling" -e "Istanbul"'
check "the long open quote gives claims" grep -q "^long-quote	" c.tsv
check "the rest of the corpus is unaffected" sh -c \
    'grep -v -e "^unclosed-quote	" -e "^long-quote	" c.tsv | cmp -s - ref.tsv'
done_testing
