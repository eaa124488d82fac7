#!/bin/sh
# Furniture shared by an outlet's articles: a short line without sentence
# punctuation (a "Most read" teaser) printed by two articles of one
# outlet is boilerplate in both, and yields no claim; the same line in
# one article only, or in another outlet's article, is text.
. "$top_srcdir/tests/cli/setup"

mkdir corpus
cat > corpus/a1.txt <<'TXT'
---
outlet: dailyx
published: 2022-10-20
---
Officials met in Geneva on Tuesday to discuss a prisoner exchange, the ministry said.

Most read
Shelling killed 300 civilians in Kharkiv region

The talks will continue next week, a spokesman told reporters.
TXT
# killed_300 ARTICLE: does the article have a claim of 300 killed?
killed_300() {
	cc claims --article "$1" --format tsv | grep -q 'killed	300	300'
}

status 0 "one article of the outlet: report succeeds" cc report --out html corpus
check "the teaser line of a lone article is text: 300 killed is a claim" \
    killed_300 a1

cat > corpus/a2.txt <<'TXT'
---
outlet: dailyx
published: 2022-10-21
---
Grain shipments resumed from Odesa on Friday after a two-day pause, port officials said.

Most read
Shelling killed 300 civilians in Kharkiv region

Insurers said premiums for ships in the Black Sea had doubled since August.
TXT
cat > corpus/b1.txt <<'TXT'
---
outlet: wirey
published: 2022-10-21
---
Shelling killed 300 civilians in Kharkiv region

Regional officials said rescue work continued through the night.
TXT
status 0 "a second article of the outlet prints the same lines" cc report --out html corpus
check "the earlier article is extracted again" \
    grep -q "extract: [0-9]* articles* again for furniture lines" "$TMPD/err"
check "the shared teaser yields no claim in the new article" sh -c \
    "! '$CLAIMCHECK' --db '$TMPD/test.db' claims --article a2 --format tsv | grep -q 'killed	300'"
check "...nor any more in the earlier one" sh -c \
    "! '$CLAIMCHECK' --db '$TMPD/test.db' claims --article a1 --format tsv | grep -q 'killed	300'"
check "the earlier article keeps its other claims" sh -c \
    "'$CLAIMCHECK' --db '$TMPD/test.db' claims --article a1 --format tsv | grep -q 'meeting'"
check "another outlet printing the line keeps it as text" killed_300 b1
check "the article view dims the shared line" \
    grep -q 'class="s boiler"[^>]*>Shelling killed 300 civilians' html/article-a1.html

status 0 "a re-run on the unchanged corpus" cc report --out html corpus
check "...extracts nothing" sh -c "! grep -q 'extract:' '$TMPD/err'"

# The second article drops the teaser: the line is no longer shared, so
# the first article's figure is a claim again.
sed '/^Most read$/d; /^Shelling killed/d' corpus/a2.txt > a2.tmp
mv a2.tmp corpus/a2.txt
status 0 "the second article no longer prints the lines" cc report --out html corpus
check "the first article's teaser is text again" killed_300 a1

done_testing
