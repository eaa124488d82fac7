#!/bin/sh
# Incremental comparison: a store that grows step by step (articles
# added, one changed, an undated recycled one, a variant spelling, a
# batch of late articles that moves the median date) is compared only
# where the changes reach.  After each step its findings are exactly
# those of a full comparison of the same store (compare --full on a
# copy), and those of a store built from scratch on the same corpus
# but for the claim ids they list (a re-extracted article's claims get
# new ids; finding ids do not depend on them).  Review status is kept.
# Each step is checked to have run incrementally.
. "$top_srcdir/tests/cli/setup"

# Own rule packs: the review file is written by this test.
cp -R "$RULES" rules
R=$TMPD/rules
mkdir corpus
cp "$SEEDS"/* corpus/
awk -v n=200 -v dir=corpus -f "$top_srcdir/bench/gencorpus.awk"

# art NAME DATE TEXT: a text article; DATE "-" for none.
art() {
	{
		echo ---
		echo "outlet: $4"
		[ "$2" = - ] || echo "published: $2"
		echo ---
		printf '%s\n' "$3"
	} > "corpus/$1.txt"
}

# step: report on the corpus into the growing store, compare a copy of
# it in full, and report into a new store.
# step: the incremental run (on JOBS threads), a full comparison of a
# copy of its store, and a new store from scratch.
JOBS=1
step() {
	"$CLAIMCHECK" -v -j "$JOBS" --db inc.db --rules "$R" report \
	    --out inc.out corpus >/dev/null 2>inc.err
	"$CLAIMCHECK" --db inc.db --rules "$R" findings --format jsonl \
	    > inc.jsonl
	cp inc.db full.db
	"$CLAIMCHECK" -q --db full.db --rules "$R" compare --full
	"$CLAIMCHECK" --db full.db --rules "$R" findings --format jsonl \
	    > full.jsonl
	rm -rf new.db new.db-wal new.db-shm new.out
	"$CLAIMCHECK" -q --db new.db --rules "$R" report --out new.out \
	    corpus >/dev/null 2>&1
	"$CLAIMCHECK" --db new.db --rules "$R" findings --format jsonl \
	    > new.jsonl
}

# same: the growing store's findings are a full comparison's, and a
# new store's but for claim ids.
same() {
	cmp inc.jsonl full.jsonl &&
	sed 's/"claims":\[[^]]*\]//' inc.jsonl > inc.noids &&
	sed 's/"claims":\[[^]]*\]//' new.jsonl > new.noids &&
	cmp inc.noids new.noids
}

incremental() {
	grep -q "compare: incremental ($1 of" inc.err
}

step
check "first run: a full comparison" grep -q "compare: full" inc.err
check "the corpus has findings of several kinds" \
    test "$(cut -d'"' -f8 inc.jsonl | sort -u | wc -l)" -ge 5
check "... the same as a new store's" same

# Accept a duration finding of an article nothing below changes.
id=$(grep '"key":"duration/' inc.jsonl | grep -v a0000150 | head -1 |
    cut -d'"' -f4)
check "a finding to review" test -n "$id"
check "review accept" "$CLAIMCHECK" --db inc.db --rules "$R" review accept \
    "$id" --note "checked by the desk"

awk -v n=5 -v first=200 -v dir=corpus -f "$top_srcdir/bench/gencorpus.awk"
step
check "5 articles added: compared incrementally" incremental 5
check "5 articles added: the findings of a full comparison" same

# One article is rewritten, dated in another month: the findings of
# the facts its old claims were in must change too.
art a0000150 2022-05-02 "The UN human rights office said on Monday that \
9,999 civilians had been killed.  The ten-month-old conflict has displaced \
millions." dailypost
step
check "1 article changed: compared incrementally" incremental 1
check "1 article changed: the findings of a full comparison" same

# An undated article with old content (stale), and one spelling a name
# as a variant (every text is read again for spellings).
art z-old - "On March 3, 2022, 300 civilians had been killed, \
officials said, and the water supply was cut on March 4, 2022." wire-z
art z-kiev 2022-10-30 "President Zelenskiy said in Kiev on Monday that \
4,500 civilians had been killed." paper-k
# (the texts are read on a thread of their own while claims compare)
JOBS=2
step
check "stale and spelling: compared incrementally" incremental 2
check "stale and spelling: the findings of a full comparison" same
check "... with the stale article" grep -q '"key":"stale/z-old"' inc.jsonl
check "... and the variant spelling" \
    grep -q '"kind":"variant","severity":"low","key":"entity/' inc.jsonl

# 25 late articles move the median date: every stale finding is redone.
i=0
while [ $i -lt 25 ]; do
	art "z-late$i" 2022-12-2$((i % 10)) "On Monday, the UN human rights \
office said $((7000 + i)) civilians had been killed since the start of \
the war." "late$((i % 3))"
	i=$((i + 1))
done
step
check "25 late articles: compared incrementally" incremental 25
check "25 late articles: the findings of a full comparison" same

check "the accepted finding kept its id and status" \
    grep -q "\"id\":\"$id\".*\"status\":\"accepted\"" inc.jsonl
cp inc.jsonl before.jsonl
check "compare --full" "$CLAIMCHECK" -q --db inc.db --rules "$R" compare \
    --full
"$CLAIMCHECK" --db inc.db --rules "$R" findings --format jsonl > inc.jsonl
check "compare --full gives the same findings" cmp before.jsonl inc.jsonl
check "compare --full -j 2" "$CLAIMCHECK" -q -j 2 --db inc.db --rules "$R" \
    compare --full
"$CLAIMCHECK" --db inc.db --rules "$R" findings --format jsonl > inc.jsonl
check "texts scanned on two threads: the same findings" \
    cmp before.jsonl inc.jsonl
done_testing
