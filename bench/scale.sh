#!/bin/sh
# bench/scale.sh - the scale benchmark of "make bench": for each corpus
# size in SCALE_SIZES (default "1000 10000"; add 100000 for the issue's
# figure, about 300 MB), generate a JSON Lines feed with
# bench/gencorpus.awk and time each stage of the command line on its own
# store: ingest, extract (one job, then two on a copy of the ingested
# store), compare (one job, then again in full with two: the text
# checks' threads) and report --out, and their sum with two jobs; then
# add 10 articles to the biggest corpus and time each stage again
# (ingest, extract, an incremental compare, report), with a full compare
# of the grown store beside them; then, for each size, the whole
# pipeline as one process with -j 2 from an empty store to the written
# report ("one run -j 2", the figure for a time target: the median of
# SCALE_RUNS runs, default 3, with the peak RSS of all).
# Beside it, the raw PCRE2 JIT scan of the same kind of text
# (bench/extract-bench), the ceiling that extraction is a fraction of,
# and the rule patterns alone on that text.
#
#   bench/scale.sh CLAIMCHECK RULES_DIR GENCORPUS_AWK EXTRACT_BENCH
#
# Wall-clock seconds and peak RSS come from /usr/bin/time (Debian package
# "time"); without it only seconds are shown.  The work directory
# (bench/scale.tmp) keeps every store and report until the end (about
# 25 GB with 100000) and is removed then unless SCALE_KEEP=1.
set -u
cc=$1 rules=$2 gen=$3 xbench=$4
sizes=${SCALE_SIZES:-1000 10000}
runs=${SCALE_RUNS:-3}
work=${SCALE_DIR:-bench/scale.tmp}
rm -rf "$work"
mkdir -p "$work" || exit 1

if [ -x /usr/bin/time ]; then
	have_time=1
else
	have_time=0
	echo "scale: no /usr/bin/time (package 'time'): no RSS column"
fi

# run NAME CMD...: time CMD, leaving "seconds rss_kb" in $work/NAME.t.
run() {
	name=$1
	shift
	if [ "$have_time" -eq 1 ]; then
		/usr/bin/time -f "%e %M" -o "$work/$name.t" "$@" \
		    >/dev/null 2>"$work/$name.err" ||
		    { echo "scale: $name failed:"; tail -3 "$work/$name.err"; }
		# time puts "Command exited with ..." first on a failure.
		tail -n 1 "$work/$name.t" > "$work/$name.t1"
		mv "$work/$name.t1" "$work/$name.t"
	else
		s0=$(date +%s.%N)
		"$@" >/dev/null 2>"$work/$name.err"
		s1=$(date +%s.%N)
		echo "$(echo "$s1 - $s0" | bc) 0" > "$work/$name.t"
	fi
}

# row SIZE MB NARTICLES STAGE NAME: one line of the table.
row() {
	awk -v size="$1" -v mb="$2" -v n="$3" -v stage="$4" '
	    { s = $1; rss = $2 / 1024
	      printf "%8s %8.1f  %-14s %8.2f %8.1f %10.0f %8.0f\n", size, mb,
		  stage, s, (s > 0 ? mb / s : 0), (s > 0 ? n / s : 0), rss }' \
	    "$work/$5.t"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
printf "%8s %8s  %-14s %8s %8s %10s %8s\n" articles MB stage seconds \
    "MB/s" "articles/s" "RSS MB"
last=
for n in $sizes; do
	feed=$work/feed$n.jsonl
	db=$work/s$n.db
	awk -v n="$n" -v jsonl=1 -f "$gen" > "$feed"
	mb=$(awk -v b="$(wc -c < "$feed")" 'BEGIN { printf "%.1f", b / 1e6 }')
	run ingest$n "$cc" -q --db "$db" --rules "$rules" ingest "$feed"
	cp "$db" "$work/j2-$n.db"
	run extract$n "$cc" -q -j 1 --db "$db" --rules "$rules" extract
	run extractj2-$n "$cc" -q -j 2 --db "$work/j2-$n.db" --rules "$rules" \
	    extract
	rm -f "$work/j2-$n.db"
	run compare$n "$cc" -q --db "$db" --rules "$rules" compare
	run comparej2-$n "$cc" -q -j 2 --db "$db" --rules "$rules" compare \
	    --full
	run report$n "$cc" -q --db "$db" --rules "$rules" report \
	    --out "$work/out$n" "$feed"
	row "$n" "$mb" "$n" ingest ingest$n
	row "$n" "$mb" "$n" "extract -j 1" extract$n
	row "$n" "$mb" "$n" "extract -j 2" extractj2-$n
	row "$n" "$mb" "$n" compare compare$n
	row "$n" "$mb" "$n" "compare -j 2" comparej2-$n
	row "$n" "$mb" "$n" "report" report$n
	awk -v n="$n" -v mb="$mb" -v a="$(cat "$work/ingest$n.t")" \
	    -v b="$(cat "$work/extract$n.t")" -v c="$(cat "$work/compare$n.t")" \
	    -v d="$(cat "$work/report$n.t")" -v db="$(wc -c < "$db")" '
	    BEGIN { split(a, A, " "); split(b, B, " "); split(c, C, " ")
		    split(d, D, " "); t = A[1] + B[1] + C[1] + D[1]
		    printf "%8s %8.1f  %-14s %8.2f %8.1f %10.0f %8s  " \
			"db %.0f MB\n", n, mb, "all (-j 1)", t, mb / t, n / t,
			"", db / 1e6 }'
	awk -v n="$n" -v mb="$mb" -v a="$(cat "$work/ingest$n.t")" \
	    -v b="$(cat "$work/extractj2-$n.t")" \
	    -v c="$(cat "$work/comparej2-$n.t")" -v d="$(cat "$work/report$n.t")" '
	    BEGIN { split(a, A, " "); split(b, B, " "); split(c, C, " ")
		    split(d, D, " "); t = A[1] + B[1] + C[1] + D[1]
		    printf "%8s %8.1f  %-14s %8.2f %8.1f %10.0f\n", n, mb,
			"all (-j 2)", t, mb / t, n / t }'
	last=$n
done

# Incremental: 10 new articles on the biggest corpus, each stage on its
# own (compare is then incremental: it redoes the facts the new claims
# touch), then the report; and a full compare of the same store beside
# it, for scale.
n=$last
awk -v n=10 -v first="$n" -v jsonl=1 -f "$gen" > "$work/new.jsonl"
run incr-ingest "$cc" -q --db "$work/s$n.db" --rules "$rules" ingest \
    "$work/new.jsonl"
run incr-extract "$cc" -q --db "$work/s$n.db" --rules "$rules" extract
run incr-compare "$cc" -q --db "$work/s$n.db" --rules "$rules" compare
run incr-report "$cc" -q --db "$work/s$n.db" --rules "$rules" report \
    --out "$work/out$n" "$work/new.jsonl"
run incr-full "$cc" -q --db "$work/s$n.db" --rules "$rules" compare --full
for st in ingest extract compare report; do
	awk -v n="$n" -v st="$st" '{ printf "%8s %8s  %-14s %8.2f %8s %10s %8.0f\n",
	    n "+10", "", st " (incr)", $1, "", "", $2 / 1024 }' \
	    "$work/incr-$st.t"
done
awk -v n="$n" -v a="$(cat "$work/incr-ingest.t")" \
    -v b="$(cat "$work/incr-extract.t")" -v c="$(cat "$work/incr-compare.t")" \
    -v d="$(cat "$work/incr-report.t")" '
    BEGIN { split(a, A, " "); split(b, B, " "); split(c, C, " ")
	    split(d, D, " ")
	    printf "%8s %8s  %-14s %8.2f\n", n "+10", "", "all (incr)",
		A[1] + B[1] + C[1] + D[1] }'
awk -v n="$n" '{ printf "%8s %8s  %-14s %8.2f %8s %10s %8.0f\n", n "+10",
    "", "compare --full", $1, "", "", $2 / 1024 }' "$work/incr-full.t"

# The whole pipeline as a newsroom runs it, last, so the stages' own
# figures come first.  Nothing is deleted before the end: a file
# system may slow down creating files for minutes after a hundred
# thousand were deleted (ext4 without a journal skips their inodes).
for n in $sizes; do
	feed=$work/feed$n.jsonl
	mb=$(awk -v b="$(wc -c < "$feed")" 'BEGIN { printf "%.1f", b / 1e6 }')
	# One process, two cores, from an empty store to the written
	# report; SCALE_RUNS times (default 3), the median shown.
	r=1
	while [ "$r" -le "$runs" ]; do
		run e2e$n-$r "$cc" -q -j 2 --db "$work/e2e$n-$r.db" \
		    --rules "$rules" report --out "$work/e2e-out$n-$r" "$feed"
		r=$((r + 1))
	done
	cat "$work"/e2e$n-*.t | sort -n | awk '{ t[NR] = $1; if ($2 > m) m = $2 }
	    END { h = int((NR + 1) / 2)
		  print (NR % 2 ? t[h] : (t[h] + t[h + 1]) / 2), m }' \
	    > "$work/e2e$n.t"
	e2eall=$(cut -d' ' -f1 "$work"/e2e$n-*.t | tr '\n' ' ')
	row "$n" "$mb" "$n" "one run -j 2" e2e$n
	echo "$n" "$runs" "$e2eall" | awk '{ printf "%8s %8s  %-14s %s\n", $1,
	    "", "(" $2 " runs)", substr($0, index($0, $3)) }'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"

# The ceiling: a raw PCRE2 JIT scan of the same kind of text (the first
# 1000 articles' bodies), beside extraction on one core.
echo
mkdir -p "$work/text"
awk -v n=1000 -v dir="$work/text" -f "$gen"
cat "$work/text"/*.txt > "$work/text.txt"
"$xbench" "$rules" "$work/text.txt"
# The same figure on each core, pinned (bench/percore.sh says why).
echo
if command -v taskset >/dev/null 2>&1; then
	sh "$(dirname "$0")/percore.sh" "$xbench" "$rules" "$work/text.txt" 4
fi
# The rule patterns alone on the same text: what extraction would cost
# were everything else (dates, numbers, speakers, claims) free.
"$xbench" rules "$rules" "$work/text.txt" | head -n 1
[ "${SCALE_KEEP:-0}" = 1 ] || rm -rf "$work"
