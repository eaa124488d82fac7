#!/bin/sh
# The report of a large corpus.  The index stays small (its long lists
# move to pages of their own), every finding and every article is still
# reachable by links from the index, no link points nowhere, and a re-run
# after an article is added or changed renders only the pages that can
# have changed, yet writes exactly what a report from scratch writes.
. "$top_srcdir/tests/cli/setup"

mkdir corpus
awk -v n=600 -v dir=corpus -f "$top_srcdir/bench/gencorpus.awk"
rep() {
	"$CLAIMCHECK" --db "$TMPD/big.db" --rules "$RULES" report --out "$1" corpus
}
status 0 "a report of 600 generated articles succeeds" rep html
"$CLAIMCHECK" --db big.db findings --format jsonl |
    sed -n 's/^{"id":"\([^"]*\)".*/\1/p' | sort -u > ids.all
nf=$(wc -l < ids.all)
check "the corpus has more findings than the index shows ($nf > 50)" test "$nf" -gt 50

# The bound: whatever the corpus, the index holds a summary, the most
# severe findings and the claims they cite.
isize=$(wc -c < html/index.html)
total=$(cat html/*.html | wc -c)
check "the index stays under 1 MB ($isize bytes)" test "$isize" -lt 1000000
check "the index is a small part of the report ($isize of $total bytes)" \
    test $((isize * 10)) -lt "$total"
check "the index shows at most 50 findings" \
    test "$(grep -c '<section class="finding' html/index.html)" -le 50

# hrefs PAGE...: the local pages the pages link to, one per line.
hrefs() {
	cat "$@" | grep -o 'href="[^"#]*' | sed 's/^href="//' |
	    grep -v '^https\?:' | sort -u
}

# Every finding is on a page linked from findings.html, which the index
# links.
check "the index links the list of all findings" grep -q 'href="findings.html"' html/index.html
hrefs html/findings.html | grep '^findings-' > fpages
check "findings.html lists pages of findings" test -s fpages
(cd html && cat $(cat ../fpages)) | grep -o 'id="f-[^"]*"' |
    sed 's/^id="f-//; s/"$//' | sort -u > ids.linked
check "every finding ($nf) is on a linked page" cmp ids.all ids.linked

# Every article page is linked from a page of articles.html.
check "the index links the list of all articles" grep -q 'href="articles.html"' html/index.html
hrefs html/articles.html | grep '^articles-' > apages
(cd html && hrefs $(cat ../apages)) | grep '^article-' > arts.linked
(cd html && ls article-*.html) > arts.all
check "every article page (600) is linked from the list of articles" \
    sh -c 'test "$(wc -l < arts.all)" -eq 600 && cmp arts.all arts.linked'

# No link of any page points to a page that is not there.
(cd html && hrefs *.html) > links
check "every local link of every page names a page that exists" sh -c \
    'cd html && for f in $(cat ../links); do test -f "$f" || { echo "missing $f"; exit 1; }; done'

# Evidence links go to the claim's label on its article page.
(cd html && cat $(cat ../fpages)) | grep -o 'href="article-[^"]*#c[0-9]*"' |
    sed 's/^href="//; s/"$//' | sort -u | head -200 > evlinks
check "findings link their evidence to claims ($(wc -l < evlinks) links)" test -s evlinks
check "each linked claim has its label on the article page" sh -c \
    'while IFS="#" read -r f c; do grep -q "id=\"$c\"" "html/$f" || { echo "no $c in $f"; exit 1; }; done < evlinks'

# Incremental: a new article.  Its page is written, the pages of the
# other 600 articles are not even rendered, and the result is the very
# report a run into an empty directory writes.
ls -i html | sort -k2 > inodes.before
(cd html && md5sum *.html) > sums.before
awk -v n=1 -v first=600 -v seed=7 -v dir=corpus -f "$top_srcdir/bench/gencorpus.awk"
status 0 "the report after adding an article succeeds" rep html
check "the new article has its page" test -s html/article-a0000600.html
written=$(sed -n 's/.*report: \([0-9]*\) pages written.*/\1/p' "$TMPD/err")
skipped=$(sed -n 's/.*(\([0-9]*\) of them up to date and not rendered).*/\1/p' "$TMPD/err")
check "no old article page was rendered again ($skipped pages skipped)" \
    test "${skipped:-0}" -ge 600
check "no old article page was rewritten" sh -c \
    'ls -i html | sort -k2 | grep " article-a" | grep -v a0000600 > inodes.after &&
     grep " article-a" inodes.before | cmp - inodes.after'
(cd html && md5sum *.html) > sums.after
# Pages new or different after (a page whose list was renamed leaves
# its old name behind, deleted, not written: the diff with a report from
# scratch below checks that it is gone).
changed=$(sort sums.before sums.before sums.after | uniq -u | wc -l)
check "it wrote the pages that changed ($changed) and no more (wrote $written)" \
    test "$written" -eq "$changed"
check "few pages changed ($changed of $(wc -l < sums.after))" \
    test $((changed * 10)) -lt "$(wc -l < sums.after)"
status 0 "a report from scratch of the same store succeeds" rep fresh
check "the incremental report equals the report from scratch" diff -r html fresh

# Incremental: an article's text changes.  Its page changes, and again
# the result equals a report from scratch (pages of lists whose first
# item changed are renamed: the old ones must be gone).
sed 's/ killed/ were killed/' corpus/a0000007.txt > a7.tmp && mv a7.tmp corpus/a0000007.txt
cp html/article-a0000007.html a7.before
status 0 "the report after changing an article succeeds" rep html
check "the changed article's page changed" sh -c '! cmp -s a7.before html/article-a0000007.html'
rm -rf fresh
status 0 "a report from scratch of the changed store succeeds" rep fresh
check "the incremental report still equals the report from scratch" diff -r html fresh

# A page deleted by hand is written again, though its digest is known.
rm -f html/findings.html "html/$(head -1 fpages)"
status 0 "a report after pages were deleted succeeds" rep html
check "the deleted pages are written again" diff -r html fresh

done_testing
