#!/bin/sh
# The end-to-end run under valgrind memcheck: report on the bundled demo
# corpus (ingest, extract, compare, HTML), the unchanged re-run, the dump
# commands, normalize, rules check, review and check --junit, each with
# no memory error and no leak (definite, indirect or possible).  Run by
# "make check-valgrind"; skipped when valgrind is not installed or the
# binary is built with AddressSanitizer (the two do not mix).
. "$top_srcdir/tests/cli/setup"

if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP valgrind is not installed"
	exit 0
fi
if grep -q -a AddressSanitizer "$CLAIMCHECK"; then
	echo "1..0 # SKIP claimcheck is built with AddressSanitizer"
	exit 0
fi

# vg DESCRIPTION EXPECTED ARGS...: claimcheck ARGS under memcheck exits
# EXPECTED (memcheck's own failure status is 99) and reports nothing.
vg() {
	desc=$1
	want=$2
	shift 2
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect,possible \
	    --show-leak-kinds=definite,indirect,possible \
	    --suppressions="$top_srcdir/tests/cli/valgrind.supp" \
	    --log-file="$TMPD/vg.log" \
	    "$CLAIMCHECK" --db "$TMPD/test.db" --rules "$RULES" "$@" \
	    >"$TMPD/out" 2>"$TMPD/err"
	got=$?
	if [ "$got" -eq "$want" ] && [ ! -s "$TMPD/vg.log" ]; then
		ok "$desc"
	else
		not_ok "$desc (exit $got, wanted $want)"
		sed 's/^/# /' "$TMPD/vg.log" "$TMPD/err" | head -40
	fi
}

mkdir corpus
cp "$SEEDS"/*.txt corpus/
vg "report on the demo corpus" 0 report --out html corpus
check "the report was written" test -s html/index.html
vg "the unchanged re-run" 0 report --out html corpus
# An unusable article: reported and skipped (exit 2), the error path.
mkdir bad
printf 'A NUL \000 byte\n' > bad/binary.txt
vg "ingest of a binary article" 2 ingest bad
check "the binary article is named" grep -q "bad/binary.txt:1:7: error" "$TMPD/err"
vg "claims --format jsonl" 0 claims --format jsonl
check "claims were dumped" test -s "$TMPD/out"
vg "findings --format tsv" 0 findings --format tsv
vg "normalize" 0 normalize --ref 2022-10-30 \
    "About 130,000 troops; 6,374 killed last month in the eight-month-old war, Sergei Lavrov said."
vg "rules check" 0 rules check
# The first finding, accepted, then the gate over the same corpus.
fid=$("$CLAIMCHECK" --db "$TMPD/test.db" --rules "$RULES" findings \
    --format tsv | awk -F'\t' 'NR == 2 { print $1 }')
if [ -n "$fid" ]; then
	vg "review accept" 0 review accept "$fid" --note "checked" \
	    --review review.yaml
	ok "there is a finding to review"
else
	not_ok "there is a finding to review"
fi
vg "check with --junit" 1 check --out html --review review.yaml \
    --junit junit.xml corpus
done_testing
