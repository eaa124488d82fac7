#!/bin/sh
# Hostile input, one case per row of README's "Bad input" table.  Each
# hostile file sits in a corpus beside a good article: the run ends
# with the exit status SPEC gives (2 when an input was skipped), the
# message names the file (FILE:LINE:COL where it applies), and the good
# article's claims are stored all the same.  Big inputs are generated
# here; "a million tiny files" is scaled down to 20,000.
. "$top_srcdir/tests/cli/setup"

BOUND=
command -v timeout >/dev/null 2>&1 && BOUND="timeout 300"

# corpus NAME: a directory with one good article in it.
corpus() {
	mkdir "$1"
	printf -- '---\noutlet: wire-x\npublished: 2022-10-30\n---\n%s\n' \
	    'Officials said 14 people were killed in the attack on Monday.' \
	    > "$1/good.txt"
}

# run NAME ARGS...: claimcheck on store NAME.db.
run() {
	db=$1
	shift
	$BOUND "$CLAIMCHECK" --db "$TMPD/$db.db" --rules "$RULES" "$@"
}

# good_stored NAME: the good article's claim (14 killed) is in the store.
good_stored() {
	check "$1: the good article's claims are stored" sh -c \
	    "'$CLAIMCHECK' --db '$TMPD/$1.db' --rules '$RULES' claims \
	    --article good --format tsv | grep -q 'killed	14	14'"
}

# 1. Invalid UTF-8: read as Windows-1252 or repaired to U+FFFD, with a
# warning, and stored.
corpus utf8
printf 'Officials said 9 people were killed.\nbad \377\376 bytes here.\n' \
    > utf8/bad.txt
status 0 "utf8: a run with invalid UTF-8 completes" run utf8 report --out o utf8
check "utf8: the warning gives FILE:LINE:COL" \
    grep -q "utf8/bad.txt:2:5: warning: " "$TMPD/err"
good_stored utf8

# 2. NUL bytes: binary data, skipped with exit 2.
corpus nul
printf 'Officials said 9 people were killed.\nA NUL \000 here.\n' > nul/bad.txt
status 2 "nul: a file with NUL bytes is skipped (exit 2)" run nul report --out o nul
check "nul: the error gives FILE:LINE:COL" \
    grep -q "nul/bad.txt:2:7: error: binary data" "$TMPD/err"
good_stored nul

# 2b. Random bytes: few NULs (one in 256) but C0 control bytes in one
# of eight, so binary all the same, not a Windows-1252 article.
corpus rnd
head -c 3000 /dev/urandom > rnd/noise.txt
status 2 "random bytes are skipped as binary (exit 2)" run rnd report --out o rnd
check "random: the error says binary data" \
    grep -q "rnd/noise.txt:[0-9]*:[0-9]*: error: binary data" "$TMPD/err"
good_stored rnd
# Its near-miss: a text with one stray escape byte is still an article.
corpus esc
printf 'Officials said 9 people were killed.\nA stray \033 escape here, in a line of text long enough to be read as an article, as scraped pages sometimes have.\n' > esc/one.txt
status 0 "one stray control byte does not make a file binary" run esc report --out o esc
check "esc: no binary-data error" sh -c "! grep -q 'binary data' '$TMPD/err'"

# 3. A 100 MB article: over the 64 MiB limit, refused before reading.
corpus big
awk 'BEGIN { for (i = 0; i < 1100000; i++)
    print "Officials said that 12 people were killed in the attack, the ministry said." }' \
    > big/huge.txt
status 2 "big: a 100 MB article is skipped (exit 2)" run big report --out o big
check "big: the error names the file and the limit" \
    grep -q "big/huge.txt: error: file is larger than the 64 MiB limit" "$TMPD/err"
good_stored big
rm -f big/huge.txt

# 4. Many tiny files (a million in the issue; 20,000 here).
corpus tiny
awk -v dir=tiny 'BEGIN { for (i = 0; i < 20000; i++) {
    f = sprintf("%s/t%05d.txt", dir, i); print "Officials said " i % 97 " people were killed." > f; close(f) } }'
status 0 "tiny: 20,000 one-line articles are read" run tiny report --out o tiny
check "tiny: all of them are stored" \
    grep -q "ingest: 20001 new or changed, 0 unchanged, 0 skipped" "$TMPD/err"
good_stored tiny
rm -rf tiny

# 5. Deeply nested HTML (100,000 <div>s): libxml2 stops at its depth
# limit; the page has no article text and is skipped.
corpus nest
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<div>";
    print "<p>Officials said 12 people were killed.</p></body></html>" }' \
    > nest/deep.html
status 2 "nest: deeply nested HTML is skipped (exit 2)" run nest report --out o nest
check "nest: the error names the file" \
    grep -q "nest/deep.html: error: " "$TMPD/err"
good_stored nest

# 6. A huge JSON Lines record (over 64 MiB): that line is skipped, the
# next record of the same feed is read.
corpus feed
awk 'BEGIN { printf "{\"id\":\"huge\",\"text\":\"";
    for (i = 0; i < 1800000; i++) printf "Officials said 12 people were killed. ";
    print "\"}"; print "{\"id\":\"next\",\"text\":\"Officials said 3 people were killed.\"}" }' \
    > feed/feed.jsonl
status 2 "feed: a 68 MB JSON line is skipped (exit 2)" run feed report --out o feed
check "feed: the error gives FILE:LINE:COL" \
    grep -q "feed/feed.jsonl:1:1: error: line longer than the 64 MiB limit" "$TMPD/err"
check "feed: the next record is read" sh -c \
    "'$CLAIMCHECK' --db '$TMPD/feed.db' --rules '$RULES' claims --article next \
    --format tsv | grep -q 'killed	3	3'"
good_stored feed
rm -f feed/feed.jsonl

# 7. YAML bombs: aliases are not expanded (libyaml shares the node), and a
# list where one value is expected is an error at the line and column of
# the list (the anchor's, line 9, not the alias's).
corpus yaml
{
	echo '---'
	echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
	for l in b c d e f g h; do
		p=$(echo "abcdefg" | cut -c$(( $(printf '%d' "'$l") - 97 )))
		echo "$l: &$l [*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p]"
	done
	echo 'title: *h'
	echo '---'
	echo 'Officials said 9 people were killed.'
} > yaml/bomb.txt
printf -- '---\ntitle: &x [*x]\n---\nOfficials said 9 people were killed.\n' \
    > yaml/cycle.txt
status 2 "yaml: front matter bombs are skipped (exit 2)" run yaml report --out o yaml
check "yaml: the bomb's error gives FILE:LINE:COL" \
    grep -q "yaml/bomb.txt:9:4: error: front matter: 'title' must be a single value" "$TMPD/err"
check "yaml: the self-referencing alias too" \
    grep -q "yaml/cycle.txt:2:8: error: " "$TMPD/err"
good_stored yaml
cp -r "$RULES" bombpack
sed -n '2,9p' yaml/bomb.txt > bombpack/bomb.yaml
echo 'vocab: *h' >> bombpack/bomb.yaml
status 2 "yaml: a bomb in a rule pack is an error (exit 2)" \
    $BOUND "$CLAIMCHECK" --rules bombpack rules check
check "yaml: the rule-pack error gives FILE:LINE:COL" \
    grep -q "bombpack/bomb.yaml:[0-9]*:[0-9]*: error: " "$TMPD/err"

# 8. Catastrophic backtracking: tests/cli/hostile.sh (match limits).

# 9. Year 99999 and 10. a 500-digit number: no date, no figure, no crash.
corpus huge
big=$(awk 'BEGIN { for (i = 0; i < 500; i++) printf "%d", i % 9 + 1 }')
printf -- '---\npublished: 2022-10-30\n---\nOfficials said %s people were killed. The talks of May 12, 99999 failed.\n' \
    "$big" > huge/figures.txt
printf -- '---\npublished: 99999-01-01\n---\nOfficials said 9 people were killed.\n' \
    > huge/year.txt
status 2 "huge: a run with year 99999 and 500 digits completes (exit 2)" \
    run huge report --out o huge
check "huge: published 99999-01-01 is an error at FILE:LINE:COL" \
    grep -q "huge/year.txt:2:12: error: front matter: published: '99999-01-01' is not a date" "$TMPD/err"
check "huge: the 500-digit figure gives no claim" sh -c \
    "! '$CLAIMCHECK' --db '$TMPD/huge.db' --rules '$RULES' claims --article figures \
    --format tsv | grep -q killed"
good_stored huge
status 0 "huge: normalize reads neither as a date or number" \
    "$CLAIMCHECK" --rules "$RULES" normalize --ref 2022-10-30 "$big killed in 99999-01-01"
check "huge: normalize prints no infinite or 500-digit value" sh -c \
    "! grep -qiE 'inf|nan|[0-9]{20}' '$TMPD/out'"

# 11. A database file that is not SQLite.
printf 'This is not a database.\n' > notdb.db
status 2 "notdb: a file that is not SQLite is refused (exit 2)" \
    "$CLAIMCHECK" --db notdb.db --rules "$RULES" report --out o utf8
check "notdb: the message says so" \
    grep -q "notdb.db: not a claimcheck store" "$TMPD/err"
check "notdb: the file is left as it was" \
    grep -qx 'This is not a database.' notdb.db

# 12. A read-only place: /sys is read-only even for root.
status 3 "ro: a store that cannot be created (exit 3)" \
    "$CLAIMCHECK" --db /sys/cc-test.db --rules "$RULES" report --out o utf8
check "ro: the message names the store" \
    grep -q "/sys/cc-test.db: cannot open" "$TMPD/err"

# 13. A full disk (file size limit): the run fails with exit 3 and the
# store keeps what it held.
corpus full
status 0 "full: a first run" run full report --out o full
mkdir more
awk -v n=300 -v dir=more -f "$top_srcdir/bench/gencorpus.awk"
(
	ulimit -f 200 && trap '' XFSZ &&
	    "$CLAIMCHECK" --db "$TMPD/full.db" --rules "$RULES" report --out o \
	    full more
) >"$TMPD/out" 2>"$TMPD/err"
st=$?
check "full: a run that cannot write fails with exit 3 (exit $st)" test "$st" -eq 3
check "full: the message names the store" grep -q "full.db: " "$TMPD/err"
status 0 "full: the store passes the integrity check" \
    "$top_builddir/tests/cli/storecheck" full.db
good_stored full
done_testing
