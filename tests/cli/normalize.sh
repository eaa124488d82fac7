#!/bin/sh
# normalize: SPEC's mention shapes, byte offsets, and plain numbers that
# are never dates.
. "$top_srcdir/tests/cli/setup"

status 0 "normalize runs" cc normalize --ref 2022-10-30 \
    "Russia claimed four regions last month, the eight-month-old conflict, about 130,000 troops; 16,150 and 2882015."
check "last month is 2022-09 with its range" grep -qx \
    '{"kind":"date","start":28,"end":38,"text":"last month","timex":"2022-09","mod":null,"range":{"start":"2022-09-01","end":"2022-09-30"},"basis":"relative to 2022-10-30"}' "$TMPD/out"
check "eight-month-old is P8M, 243 days" grep -qx \
    '{"kind":"duration","start":44,"end":59,"text":"eight-month-old","timex":"P8M","days":{"min":243,"max":243}}' "$TMPD/out"
check "about 130,000 is approximate" grep -qx \
    '{"kind":"number","start":70,"end":83,"text":"about 130,000","value":{"min":130000,"max":130000,"approx":true}}' "$TMPD/out"
check "16,150 is a number" grep -q '"text":"16,150","value":{"min":16150,' "$TMPD/out"
check "2882015 is a number, not a date" grep -q '"kind":"number",.*"text":"2882015"' "$TMPD/out"
check "no date is made of the plain numbers" sh -c '! grep -q "\"kind\":\"date\".*2882015\|\"kind\":\"date\".*16,150" "'"$TMPD"'/out"'
# Offsets are bytes of the input: a no-break space and a curly quote
# before the mention count as 2 and 3 bytes.
status 0 "normalize reads stdin" sh -c 'printf "\342\200\234Yes\342\200\235\302\240on Monday" | "$CLAIMCHECK" --rules "'"$RULES"'" normalize --ref 2022-10-30 -'
check "offsets count bytes of the raw input" grep -q '"start":14,"end":20,"text":"Monday","timex":"2022-10-24"' "$TMPD/out"
status 0 "normalize finds entities" cc normalize --ref 2022-02-14 \
    "German Chancellor Olaf Schultz arrived in Kyiv, Zelenskiy said."
check "a misspelt name resolves and is marked a variant" grep -qx \
    '{"kind":"entity","start":18,"end":30,"text":"Olaf Schultz","id":"scholz","variant_of":"Olaf Scholz"}' "$TMPD/out"
check "a known spelling is not a variant" grep -q \
    '"text":"Zelenskiy","id":"zelensky","variant_of":null}' "$TMPD/out"
status 2 "a bad --ref is a usage error" cc normalize --ref 2022-13-45 "on Monday"
done_testing
