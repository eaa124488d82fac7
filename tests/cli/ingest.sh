#!/bin/sh
# Ingest: content-hash identity, no-op re-ingest, bad files skipped.
. "$top_srcdir/tests/cli/setup"

mkdir corpus
cp "$SEEDS"/000_*.txt corpus/
printf 'An article with a figure: 12 people were killed on Monday.\n' > corpus/good.txt
: > corpus/empty.txt
printf 'Bad \374ber-news: 14 people were killed on Monday.\n' > corpus/badutf8.txt
printf 'bin\000ary\n' > corpus/binary.txt

status 2 "ingest with bad files exits 2 after storing the rest" cc ingest corpus
check "the empty file is named with its reason" grep -q "empty.txt.*empty" "$TMPD/err"
check "and it is read as Windows-1252" grep -q "badutf8.txt:1:5: warning: not UTF-8: read as Windows-1252" "$TMPD/err"
check "binary data is an error, not a warning" grep -q "binary.txt:[0-9:]* error: binary" "$TMPD/err"
check "binary data is named" grep -q "binary.txt" "$TMPD/err"
cc claims >/dev/null 2>&1
cc extract 2>/dev/null
check "good articles were stored and extracted" sh -c 'cc() { "$CLAIMCHECK" --db "'"$TMPD"'/test.db" --rules "'"$RULES"'" "$@"; }; cc claims --article good | grep -q "\"measure\":\"killed\""'
check "the converted one too" sh -c '"$CLAIMCHECK" --db "'"$TMPD"'/test.db" --rules "'"$RULES"'" claims --article badutf8 | grep -q "\"min\":14,"'
before=$(cc claims | md5sum)
status 0 "re-ingesting the same good file is fine" cc ingest corpus/good.txt
check "re-ingesting the same text is a no-op" grep -q "0 new or changed, 1 unchanged" "$TMPD/err"
after=$(cc claims | md5sum)
if [ "$before" = "$after" ]; then ok "claims unchanged by a no-op ingest"; else not_ok "claims unchanged by a no-op ingest"; fi
printf 'A changed article: 15 people were killed on Monday.\n' > corpus/good.txt
cc ingest corpus/good.txt 2>/dev/null
cc extract 2>/dev/null
check "a changed text replaces its claims" sh -c '"$CLAIMCHECK" --db "'"$TMPD"'/test.db" --rules "'"$RULES"'" claims --article good | grep -q "\"min\":15,"'
check "and the old claim is gone" sh -c '! "$CLAIMCHECK" --db "'"$TMPD"'/test.db" --rules "'"$RULES"'" claims --article good | grep -q "\"min\":12,"'
status 0 "stdin is read with -" sh -c 'printf "Some 30 people were injured.\n" | "$CLAIMCHECK" --db "'"$TMPD"'/test.db" --rules "'"$RULES"'" ingest -'
printf -- '---\noutlet: wire-x\npublished: 2022-10-30\ntitle: "A title"\n---\nBody: 7 people were killed.\n' > corpus/fm.txt
cc ingest corpus/fm.txt 2>/dev/null; cc extract 2>/dev/null
check "front matter sets outlet and date" sh -c '"$CLAIMCHECK" --db "'"$TMPD"'/test.db" --rules "'"$RULES"'" claims --article fm | grep -q "\"outlet\":\"wire-x\".*\"start\":\"2022-10-30\""'
done_testing
