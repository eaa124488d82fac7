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
# --- the document date: the first line, with its basis and range ---------
status 0 "normalize --ref" cc normalize --ref 2022-10-30 "Talks failed on Friday."
check "--ref is the document date, first" sh -c 'head -1 "'"$TMPD"'/out" | grep -qx "{\"kind\":\"document_date\",\"start\":0,\"end\":0,\"text\":\"\",\"timex\":\"2022-10-30\",\"mod\":null,\"range\":{\"start\":\"2022-10-30\",\"end\":\"2022-10-30\"},\"basis\":\"--ref\"}"'
status 0 "normalize reads front matter" sh -c 'printf -- "---\npublished: 2022-10-30\n---\nTalks failed on Friday.\n" | "$CLAIMCHECK" --rules "'"$RULES"'" normalize -'
check "the published date is the document date, with its offsets" sh -c 'head -1 "'"$TMPD"'/out" | grep -q "^{\"kind\":\"document_date\",\"start\":15,\"end\":25,\"text\":\"2022-10-30\",.*\"basis\":\"metadata\"}$"'
check "relative dates resolve against it, offsets into the input" grep -q \
    '"start":46,"end":52,"text":"Friday","timex":"2022-10-28"' "$TMPD/out"
status 0 "normalize reads a dateline" sh -c 'printf "Published October 29, 2022\n\nTalks failed on Friday.\n" | "$CLAIMCHECK" --rules "'"$RULES"'" normalize -'
check "the dateline is the document date" sh -c 'head -1 "'"$TMPD"'/out" | grep -q "^{\"kind\":\"document_date\",\"start\":10,\"end\":26,\"text\":\"October 29, 2022\",\"timex\":\"2022-10-29\",.*\"basis\":\"dateline: Published October 29, 2022\"}$"'
check "Friday is the day before it" grep -q '"text":"Friday","timex":"2022-10-28"' "$TMPD/out"
status 0 "nothing to date the text by" cc normalize "Talks failed on Friday."
check "no document date line, Friday unresolved" sh -c '! grep -q document_date "'"$TMPD"'/out" && grep -q "\"text\":\"Friday\",\"timex\":\"XXXX-WXX-5\"" "'"$TMPD"'/out"'
# Inferred from timeline events (claims/timeline.yaml: invasion
# 2022-02-24, annexation 2022-09-30).
status 0 "the annexation last month" cc normalize "Kyiv says the annexation last month changed nothing."
check "is October 2022" grep -q '^{"kind":"document_date","start":14,"end":35,"text":"annexation last month",.*"mod":"APPROX","range":{"start":"2022-10-01","end":"2022-10-31"},"basis":"inferred: ' "$TMPD/out"
status 0 "last month's annexation" cc normalize "Last month's annexations were condemned."
check "is October 2022 too" grep -q '"range":{"start":"2022-10-01","end":"2022-10-31"}' "$TMPD/out"
status 0 "N months after the invasion" cc normalize "Eight months after the invasion, the front is static."
check "is the eight-month anniversary and the month after" grep -q \
    '^{"kind":"document_date","start":0,"end":31,"text":"Eight months after the invasion","timex":"2022-10-25","mod":"APPROX","range":{"start":"2022-10-25","end":"2022-11-23"}' "$TMPD/out"
status 0 "N months into the war" cc normalize "Three weeks into the war, the convoy stalled."
check "is three weeks after the invasion" grep -q '"range":{"start":"2022-03-17","end":"2022-03-23"}' "$TMPD/out"
status 0 "the war's 200th day" cc normalize "On the war's 200th day, officials met in Kyiv."
check "is invasion day plus 199" grep -q \
    '^{"kind":"document_date","start":3,"end":22,"text":"the war'"'"'s 200th day","timex":"2022-09-11","mod":null,"range":{"start":"2022-09-11","end":"2022-09-11"}' "$TMPD/out"
status 0 "the 100th day of the war" cc normalize "It was the 100th day of the war."
check "is 2022-06-03" grep -q '"timex":"2022-06-03","mod":null,"range":{"start":"2022-06-03","end":"2022-06-03"}' "$TMPD/out"
status 0 "the invasion N months ago" cc normalize "Since the invasion eight months ago, thousands fled."
check "is late October 2022" grep -q '^{"kind":"document_date",.*"timex":"2022-10-2' "$TMPD/out"
status 0 "an event not said to be recent" cc normalize "The war, which many expected to end last month, goes on."
check "dates nothing" sh -c '! grep -q document_date "'"$TMPD"'/out"'
# A text of one 2 MB line (no line break, no document date to find) is
# read in one pass: walking back to the start of the line for every
# mention once took minutes on a megabyte.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "The war next month. "; print "" }' > "$TMPD/oneline.txt"
BOUND=
command -v timeout >/dev/null 2>&1 && BOUND="timeout 120"
status 0 "a 2 MB line is normalized" sh -c "$BOUND \"\$CLAIMCHECK\" --rules \"$RULES\" normalize - < \"$TMPD/oneline.txt\""
check "every one of its 100000 dates is there" sh -c 'test "$(grep -c "\"text\":\"next month\"" "'"$TMPD"'/out")" -eq 100000'
done_testing
