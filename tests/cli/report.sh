#!/bin/sh
# The report is safe to open: hostile article text appears only escaped,
# and every page carries a Content-Security-Policy.  And check's gate.
. "$top_srcdir/tests/cli/setup"

mkdir corpus
cat > corpus/hostile.txt <<'TXT'
---
outlet: evil
title: "<script>alert('title')</script>"
url: "javascript:alert(1)"
published: 2022-10-30
---
<script>alert(1)</script> and <img src=x onerror=alert(1)> said 12 people were killed.
TXT
cat > corpus/plain.txt <<'TXT'
---
outlet: wire-x
published: 2022-10-30
---
Officials said 14 people were killed in the attack.
TXT
status 0 "report on hostile input succeeds" cc report --out html corpus
for f in html/*.html; do
	if grep -q '<script' "$f" || grep -qiE '<[^>]*onerror=' "$f" ||
	    grep -qi 'href="javascript:' "$f" || grep -q '<img' "$f"; then
		not_ok "no raw hostile markup in $(basename "$f")"
		grep -n '<script\|onerror=\|<img\|javascript:' "$f" | head -5 | sed 's/^/# /'
	else
		ok "no raw hostile markup in $(basename "$f")"
	fi
	check "CSP meta tag in $(basename "$f")" grep -q 'http-equiv="Content-Security-Policy"' "$f"
done
check "the script tag is shown escaped" grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' html/index.html
check "the img tag is shown escaped" grep -q '&lt;img src=x onerror=alert(1)&gt;' html/index.html
check "the index says how each outlet was known (from front matter)" \
    grep -q '<tr><th scope="row">wire-x</th><td class="num">1</td><td class="num">[0-9]*</td><td>front matter</td></tr>' html/index.html

# A re-run rewrites only what changed: after an article is added, the
# index and the new article's page are written and the other pages are
# left alone (same inode: a rewrite is a new file renamed over the old).
mkdir corpus2
cp corpus/hostile.txt corpus/plain.txt corpus2/
incr() {
	"$CLAIMCHECK" --db "$TMPD/incr.db" --rules "$RULES" report --out incr corpus2
}
status 0 "a report into a fresh directory succeeds" incr
check "it writes every page" grep -q 'report: 3 pages written, 0 unchanged' "$TMPD/err"
ls -i incr/article-plain.html incr/article-hostile.html incr/index.html > before.ls
cat > corpus2/weather.txt <<'TXT'
---
outlet: wire-y
published: 2022-10-31
---
Rain fell over the city for most of the night.
TXT
status 0 "the report after adding an article succeeds" incr
check "it writes the index and the new page only" grep -q 'report: 2 pages written, 2 unchanged' "$TMPD/err"
check "the new article has its page" test -s incr/article-weather.html
check "an unchanged article page is not rewritten" sh -c \
    "test \"\$(ls -i incr/article-plain.html)\" = \"\$(grep article-plain before.ls)\""
check "the index is rewritten" sh -c \
    "test \"\$(ls -i incr/index.html)\" != \"\$(grep index.html before.ls)\""
rm -f incr/article-plain.html
status 0 "a report after a page was deleted succeeds" incr
check "the deleted page is written again" test -s incr/article-plain.html

# 12 vs 14 killed by two outlets: a new contradiction fails the gate.
status 1 "check fails on a new contradiction" cc check --out html --junit junit.xml --review review.yaml corpus
check "check names the finding" grep -q "new contradiction finding f" "$TMPD/err"
check "JUnit XML has a failure" grep -q '<failure' junit.xml
id=$(cc findings --kind contradiction | sed -n 's/^{"id":"\([^"]*\)".*/\1/p' | head -1)
printf '# reviews\n' > review.yaml
status 0 "review accept records the decision" cc review accept "$id" --note "figures differ by source; both reported" --review review.yaml
check "the review file keeps its comment" grep -q '^# reviews' review.yaml
status 0 "check passes once the finding is accepted" cc check --out html --junit junit.xml --review review.yaml corpus
check "the summary counts the accepted contradiction by kind" \
    grep -q '^  contradiction: 0 new, 1 accepted, 0 dismissed$' "$TMPD/out"
nfind=$(cc findings | wc -l)
check "JUnit has one test case per finding ($nfind)" sh -c \
    "test $nfind -gt 0 && test \"\$(grep -c '<testcase ' junit.xml)\" -eq $nfind"
check "JUnit marks the accepted finding, with no failure" sh -c \
    "grep -q '<system-out>accepted</system-out>' junit.xml && ! grep -q '<failure' junit.xml"
if command -v xmllint >/dev/null 2>&1; then
	check "JUnit XML is well-formed" xmllint --noout junit.xml
else
	ok "JUnit XML is well-formed # SKIP xmllint not installed"
fi

# The wire revises its figure: the evidence the editor accepted is gone,
# so the finding is a new one and the gate fails again.
sed 's/14 people were killed/41 people were killed/' corpus/plain.txt > plain.tmp
mv plain.tmp corpus/plain.txt
status 1 "check fails again once the accepted evidence changed" cc check --out html --review review.yaml corpus
check "the finding comes back under a new id" sh -c \
    "grep -q 'new contradiction finding f' '$TMPD/err' && ! grep -q 'finding $id ' '$TMPD/err'"
check "the summary says it is new" \
    grep -q '^  contradiction: 1 new, 0 accepted, 0 dismissed$' "$TMPD/out"
id2=$(cc findings --kind contradiction | sed -n 's/^{"id":"\([^"]*\)".*/\1/p' | head -1)
status 0 "review dismiss records the decision" cc review dismiss "$id2" --note "41 is a typo for 14" --review review.yaml
status 0 "check passes once it is dismissed" cc check --out html --review review.yaml corpus
check "the summary counts it as dismissed" \
    grep -q '^  contradiction: 0 new, 0 accepted, 1 dismissed$' "$TMPD/out"

# A paragraph added above the evidence moves it but does not change it:
# the decision stands.  Rewording the evidence sentence itself, even
# outside the figure, reopens the finding.
{ sed -n '1,4p' corpus/plain.txt; printf 'Rain fell over the city for most of the night.\n\n'; sed '1,4d' corpus/plain.txt; } > plain.tmp
mv plain.tmp corpus/plain.txt
status 0 "evidence moved by an added paragraph keeps its review" cc check --out html --review review.yaml corpus
sed 's/in the attack/in the overnight shelling/' corpus/plain.txt > plain.tmp
mv plain.tmp corpus/plain.txt
status 1 "a reworded evidence sentence comes back as new" cc check --out html --review review.yaml corpus

# Exit codes 2 and 3 (SPEC.md).
printf '%s:\n  status: [accepted\n' "$id2" > broken.yaml
status 2 "an invalid review file is a usage error" cc check --out html --review broken.yaml corpus
check "the error names the review file, line and column" grep -q '^broken.yaml:[0-9]*:[0-9]*: error:' "$TMPD/err"
status 2 "an unknown option is a usage error" cc check --no-such-option corpus
mkdir store-dir
status 3 "a store that cannot be opened is an internal error" \
    "$CLAIMCHECK" --db store-dir --rules "$RULES" check --out html corpus

# Every page is valid HTML as far as tidy (HTML5-aware since 5.0) sees:
# no errors and no warnings.
for f in html/*.html; do
	if command -v tidy >/dev/null 2>&1; then
		check "tidy finds nothing wrong in $(basename "$f")" sh -c \
		    "tidy -errors -q '$f' >tidy.out 2>&1; test ! -s tidy.out || { cat tidy.out; false; }"
	else
		ok "tidy finds nothing wrong in $(basename "$f") # SKIP tidy not installed"
	fi
done
# A large corpus: the index would list every claim three times over (a
# page of hundreds of megabytes at 10,000 articles).  Past 2,000 claims
# the matrix and timeline of the claims findings cite move to pages of
# their own, and article pages list the rest (tests/cli/reportscale.sh
# checks the bound and the links).
check "a small corpus's index lists the claims of each article" \
    grep -q 'id="claims-0"' html/index.html
mkdir big
awk -v n=150 -v dir=big -f "$top_srcdir/bench/gencorpus.awk"
"$CLAIMCHECK" --db big.db --rules "$RULES" report --out bightml big 2>/dev/null
nbig=$("$CLAIMCHECK" --db big.db claims --format tsv | tail -n +2 | wc -l)
check "the generated corpus has more than 2,000 claims ($nbig)" test "$nbig" -gt 2000
check "the large index says where the cited claims are" \
    grep -q "A large corpus: of its $nbig claims, the [0-9]* that findings cite are listed in <a href=\"facts.html\">" bightml/index.html
check "the large index leaves claims by article to the article pages" sh -c \
    "! grep -q 'id=\"claims-0\"' bightml/index.html"
na=$("$CLAIMCHECK" --db big.db claims --article a0000000 --format tsv | tail -n +2 | wc -l)
check "an article page still lists all its claims ($na rows)" sh -c \
    "test $na -gt 0 && test \$(grep -c '<tr' bightml/article-a0000000.html) -eq \$(($na + 1))"

done_testing
