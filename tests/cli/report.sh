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

# 12 vs 14 killed by two outlets: a new contradiction fails the gate.
status 1 "check fails on a new contradiction" cc check --out html --junit junit.xml --review review.yaml corpus
check "check names the finding" grep -q "new contradiction finding f" "$TMPD/err"
check "JUnit XML has a failure" grep -q '<failure' junit.xml
id=$(cc findings --kind contradiction | sed -n 's/^{"id":"\([^"]*\)".*/\1/p' | head -1)
printf '# reviews\n' > review.yaml
status 0 "review accept records the decision" cc review accept "$id" --note "figures differ by source; both reported" --review review.yaml
check "the review file keeps its comment" grep -q '^# reviews' review.yaml
status 0 "check passes once the finding is accepted" cc check --out html --review review.yaml corpus
done_testing
