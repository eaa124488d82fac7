#!/bin/sh
# The comparison pass end to end: for each rule a small corpus of
# articles with front matter, the case that must be flagged and its
# near-miss that must not, asserted on 'claimcheck findings --format
# jsonl'.  Each corpus has its own store, so one rule's findings do not
# leak into another's assertions.  (JSON is matched with grep: one
# finding per line, keys in the order SPEC.md fixes.)
. "$top_srcdir/tests/cli/setup"

# art DIR NAME OUTLET DATE TEXT: an article; DATE "-" for none.
art() {
	mkdir -p "$TMPD/$1"
	{
		echo ---
		echo "outlet: $3"
		[ "$4" = - ] || echo "published: $4"
		echo ---
		printf '%s\n' "$5"
	} > "$TMPD/$1/$2.txt"
}

# run DIR: report on the corpus, findings into DIR.jsonl.
run() {
	"$CLAIMCHECK" --db "$TMPD/$1.db" --rules "$RULES" -q report \
	    --out "$TMPD/$1.reports" "$TMPD/$1" > /dev/null 2>"$TMPD/$1.err" &&
	"$CLAIMCHECK" --db "$TMPD/$1.db" --rules "$RULES" findings \
	    --format jsonl > "$TMPD/$1.jsonl"
}

# has DIR KIND PATTERN: a finding of KIND whose line holds PATTERN
# (a fixed string).
has() {
	grep "\"kind\":\"$2\"" "$TMPD/$1.jsonl" | grep -qF -- "$3"
}

# count DIR KIND: how many findings of KIND.
count() {
	grep -c "\"kind\":\"$2\"" "$TMPD/$1.jsonl"
}

# --- figures: 4,318 vs 4,381 killed; "about 4,300" agrees with 4,318.
art fig a wire-a 2022-10-30 "The UN human rights office said on Monday \
that 4,318 civilians had been killed in Ukraine."
art fig b paper-b 2022-10-31 "The UN human rights office said on Monday \
that 4,381 civilians had been killed in Ukraine since February."
art fig2 a wire-a 2022-10-30 "The UN human rights office said on Monday \
that 4,318 civilians had been killed in Ukraine."
art fig2 b paper-b 2022-10-31 "About 4,300 civilians had been killed, \
officials in Geneva told reporters on Monday."
check "figures: compare runs" run fig
check "figures: 4,318 vs 4,381 killed is a high contradiction" \
    has fig contradiction '"severity":"high","key":"casualty/civilians/killed/2022-10"'
check "figures: the summary names the most conservative figure" \
    has fig contradiction 'most conservative: 4,318'
check "figures: near-miss compare runs" run fig2
check "figures: about 4,300 agrees with 4,318" \
    has fig2 agreement '"key":"casualty/civilians/killed/2022-10"'
check "figures: ... and is no contradiction" test "$(count fig2 contradiction)" -eq 0

# --- duration: a ten-month-old war three months in; eight months in
# October fits.
art dur a wire-a 2022-05-24 "The ten-month-old war has displaced millions."
art dur b paper-b 2022-10-30 "The eight-month-old war shows no sign of ending."
check "duration: compare runs" run dur
check "duration: ten-month-old war in May 2022 is a timeline finding" \
    has dur timeline 'ten-month-old war\" (304 days) in wire-a, dated 2022-05-24'
check "duration: eight-month-old war in late October is not" \
    test "$(count dur timeline)" -eq 1

# --- parts and total: 212 + 480 is not 629; 6,374 + 9,776 is 16,150.
art sum a wire-a 2022-10-30 "The office reported 629 civilian casualties \
in the region, including 212 killed and 480 injured."
art sum b paper-b 2022-10-31 "On Monday, the office reported civilian \
casualties of the war at 16,150, including 6,374 killed and 9,776 injured."
check "sums: compare runs" run sum
check "sums: 212 + 480 vs 629 is internal" \
    has sum internal '212 killed + 480 injured = 692, but the total given is 629'
check "sums: 6,374 + 9,776 = 16,150 is not flagged" \
    test "$(count sum internal)" -eq 1

# --- announced conditions: three announced, two listed; two and two.
art cond a wire-a 2022-10-30 "Lavrov set three conditions for talks. \
First, the West must stop arming Kyiv. Second, sanctions must be lifted."
art cond b paper-b 2022-10-30 "Peskov set two conditions for talks. \
First, the West must stop arming Kyiv. Second, sanctions must be lifted."
check "conditions: compare runs" run cond
check "conditions: three announced, two listed is internal" \
    has cond internal 'three conditions\" announced in a, but 2 listed'
check "conditions: two announced, two listed is not" \
    test "$(count cond internal)" -eq 1
check "conditions: two speakers' counts are no contradiction" \
    test "$(count cond contradiction)" -eq 0

# --- dates: a weekday that is not its date's; a past-tense date after
# publication; the same with a future cue is fine.
art day a wire-a 2022-10-31 "Lavrov spoke to reporters on Friday, \
October 20, 2022.

The leaders met on November 3, 2022, in Bali."
art day b paper-b 2022-10-31 "Peskov spoke to reporters on Thursday, \
October 20, 2022.

The leaders will meet on November 3, 2022, in Bali."
check "dates: compare runs" run day
check "dates: Friday, October 20, 2022 is a weekday mismatch" \
    has day timeline "weekday mismatch: 'Friday' but 2022-10-20 is"
check "dates: 'met on November 3' in an October 31 article is flagged" \
    has day timeline 'November 3, 2022\" (2022-11-03) in a is after'
check "dates: a right weekday and a future meeting are not" \
    test "$(count day timeline)" -eq 2

# --- one event on different days in different outlets.
# (Friday 2022-06-17: "on Thursday" is June 16.)
art ev a wire-a 2022-06-17 "Putin visited Kazakhstan on Thursday, the \
Kremlin said."
art ev b paper-b 2022-06-17 "Putin visited Kazakhstan on June 15, the \
Kremlin said."
art ev2 a wire-a 2022-06-17 "Putin visited Kazakhstan on Thursday, the \
Kremlin said."
art ev2 b paper-b 2022-06-17 "Putin visited Kazakhstan on June 16, the \
Kremlin said."
check "events: compare runs" run ev
check "events: on Thursday (June 16) vs on June 15 is a timeline finding" \
    has ev timeline 'visit Kazakhstan on 2022-06-15 (paper-b'
check "events: near-miss compare runs" run ev2
check "events: on Thursday and on June 16 are one day" \
    test "$(count ev2 timeline)" -eq 0

# --- stale: an undated article whose content is from March, beside
# articles from August; an undated one from August is not.
art old a wire-a 2022-08-20 "The UN said 5,000 civilians had been killed."
art old b paper-b 2022-08-21 "The UN said 5,100 civilians had been killed."
art old c blog-c - "Russian forces shelled the city on March 3, 2022, and \
300 civilians had been killed, officials said."
art old d blog-d - "The city was shelled again on August 18, 2022, and \
officials said the water supply was cut."
check "stale: compare runs" run old
check "stale: the March article is stale" has old stale '"key":"stale/c"'
check "stale: the undated August article is not" \
    test "$(count old stale)" -eq 1

# --- stale by the text alone: an undated article that speaks of the
# invasion as a threat ("could launch an invasion") belongs before
# 2022-02-24; beside articles from October it is recycled.  Near-misses:
# the same words in an article that also dates itself after the invasion
# ("the eight-month-old war"), and in a corpus from February.
art pre a wire-a 2022-10-20 "The UN said 5,000 civilians had been killed."
art pre b paper-b 2022-10-21 "The UN said 5,100 civilians had been killed."
art pre c blog-c - "Western capitals have warned that Russia could launch \
an invasion of Ukraine within days; Moscow denies it."
art pre d blog-d - "In the eight-month-old war, officials recall that \
Western capitals had warned Russia could launch an invasion."
check "stale by text: compare runs" run pre
check "stale by text: the pre-invasion article is stale" \
    has pre stale '"key":"stale/c"'
check "stale by text: the summary names the words that date it" \
    has pre stale 'before the invasion (2022-02-24): \"could launch an invasion\"'
check "stale by text: an article dated after the invasion by its text is not" \
    test "$(count pre stale)" -eq 1
check "stale by text: the report links the finding to the article" \
    grep -q '<p><a href="article-c.html">View the article</a></p>' "$TMPD/pre.reports/index.html"
art feb a wire-a 2022-02-10 "The UN said 5,000 troops were near the border."
art feb c blog-c - "Western capitals have warned that Russia could launch \
an invasion of Ukraine within days; Moscow denies it."
check "stale by text: February corpus runs" run feb
check "stale by text: among February articles it is not stale" \
    test "$(count feb stale)" -eq 0

# --- quotes: the same words spelled differently agree; a word that
# changes the meaning is a variant.
art q a wire-a 2022-02-14 "Asked by Putin about the chances of a deal, \
Lavrov said: \"There's always a chance.\""
art q b paper-b 2022-02-15 "Lavrov told the president that \
\"there is always a chance.\""
art q c blog-c 2022-02-15 "Lavrov said on state television that \
\"there is never a chance\" of a deal with the West."
check "quotes: compare runs" run q
check "quotes: There's / there is always a chance agree" \
    has q agreement '"key":"quote/lavrov/2022-02/there is always chance"'
check "quotes: always / never is a variant, low" \
    has q variant '"severity":"low"'
check "quotes: the variant names the words" has q variant "'always' vs 'never'"

# --- names: Olaf Schultz is a variant of Olaf Scholz; the right
# spelling is not.
art nm a wire-a 2022-02-14 "German Chancellor Olaf Schultz arrived in Kyiv."
art nm b paper-b 2022-02-14 "German Chancellor Olaf Scholz arrived in Kyiv."
check "names: compare runs" run nm
check "names: Olaf Schultz is a variant spelling" \
    has nm variant '"Olaf Schultz\" (a) is a variant spelling of Olaf Scholz'
check "names: Olaf Scholz is not" test "$(count nm variant)" -eq 1

# --- independence: two outlets running one story and one reporting on
# its own agree as 3 outlets, 2 independent; the copies alone are one
# source.
story="The UN human rights office said on Monday that 6,374 civilians \
had been killed since the invasion began in February."
art ind a wire-a 2022-10-30 "$story"
art ind b paper-b 2022-10-30 "GENEVA - $story"
art ind c paper-c 2022-10-31 "Figures published by the OHCHR in Geneva \
on Monday show 6,374 civilians killed."
art cp a wire-a 2022-10-30 "$story"
art cp b paper-b 2022-10-30 "GENEVA - $story"
check "independence: compare runs" run ind
check "independence: 3 outlets, 2 independent" \
    has ind agreement 'by 3 outlets, 2 independent'
check "independence: copies compare runs" run cp
check "independence: copies of one story are single-source" \
    has cp single-source 'all one source'
check "independence: ... and no agreement" test "$(count cp agreement)" -eq 0

# --- findings --kind and --format tsv on the new kinds.
for k in timeline internal; do
	"$CLAIMCHECK" --db "$TMPD/$([ $k = timeline ] && echo day || echo sum).db" \
	    --rules "$RULES" findings --kind "$k" > "$TMPD/kind.jsonl"
	check "findings --kind $k lists only $k" sh -c \
	    "test -s '$TMPD/kind.jsonl' && ! grep -v '\"kind\":\"$k\"' '$TMPD/kind.jsonl'"
done
"$CLAIMCHECK" --db "$TMPD/sum.db" --rules "$RULES" findings --format tsv \
    --kind internal > "$TMPD/kind.tsv"
check "findings --format tsv: a header and one internal row" \
    test "$(wc -l < "$TMPD/kind.tsv")" -eq 2
check "findings --format tsv: the row's kind column" \
    sh -c "cut -f2 '$TMPD/kind.tsv' | tail -1 | grep -qx internal"

done_testing
