#!/bin/sh
# -j N: extraction on N threads gives exactly the claims (ids included),
# findings and report pages of one thread; a bad N is a usage error.
. "$top_srcdir/tests/cli/setup"

mkdir corpus
cp "$SEEDS"/*.txt corpus/
awk -v n=300 -v dir=corpus -f "$top_srcdir/bench/gencorpus.awk"
# The text checks run on other threads too: a weekday that is not its
# date's and a past meeting after the article's own date.
printf -- '---\noutlet: wire-a\npublished: 2022-10-31\n---\n%s\n\n%s\n' \
    'Lavrov spoke to reporters on Friday, October 20, 2022.' \
    'The leaders met on November 3, 2022, in Bali.' > corpus/zz-dates.txt

# dump J: report with -j J into its own store, then its claims and findings.
dump() {
	"$CLAIMCHECK" -q -j "$1" --db "j$1.db" --rules "$RULES" report \
	    --out "o$1" corpus >/dev/null 2>&1
	"$CLAIMCHECK" --db "j$1.db" --rules "$RULES" claims --format jsonl
	"$CLAIMCHECK" --db "j$1.db" --rules "$RULES" findings --format jsonl
}
dump 1 > j1.out
dump 2 > j2.out
dump 5 > j5.out
check "one thread extracts claims" test "$(grep -c '"type"' j1.out)" -gt 1000
check "the text checks find both dates" \
    test "$(grep -c '"key":"date/zz-dates/' j2.out)" -eq 2
check "and the variant spellings" grep -q '"kind":"variant"' j2.out
check "-j 2 gives the claims and findings of -j 1" cmp -s j1.out j2.out
check "-j 5 too" cmp -s j1.out j5.out
# Pages are written by a thread of their own with -j 2 or more.
check "-j 2 writes the report of -j 1" diff -r o1 o2
check "-j 5 too" diff -r o1 o5
status 2 "-j 0 is a usage error" "$CLAIMCHECK" -j 0 --db x.db extract
check "the message says what -j takes" grep -q "expected a number of jobs" "$TMPD/err"
status 2 "-j x is a usage error" "$CLAIMCHECK" -jx --db x.db extract
done_testing
