#!/bin/sh
# percore.sh - extraction MB/s per core, each run pinned to one core.
#
#	percore.sh EXTRACT_BENCH RULES_DIR FILE [ROUNDS] [BASELINE_BENCH]
#
# Runs EXTRACT_BENCH (bench/extract-bench, itself the median of five
# runs) ROUNDS times (default 8) on each online core in turn, pinned with
# taskset(1), and prints for each core and for all runs the median,
# lowest and highest MB/s of "extract, all packs" and of "extract, no
# sentence remembered", with the PCRE2 ceiling beside them.
#
# Why pinned: the machine's two cores are not equally fast at any one
# moment (one was 15-20 % slower for an hour, then as fast as the other),
# and an unpinned run moves between them; a figure "per core" is then
# a figure of whichever core the scheduler chose.  Rounds alternate
# between the cores (and with BASELINE_BENCH, an older build, between
# the builds) so that a slow minute falls on all of them alike; with a
# baseline the table also gives the median of the paired ratios.
#
# A benchmark that prints figures, not a test that passes or fails.

set -eu

if [ $# -lt 3 ]; then
	echo "usage: percore.sh EXTRACT_BENCH RULES_DIR FILE [ROUNDS]" \
	    "[BASELINE_BENCH]" >&2
	exit 2
fi
bench=$1
rules=$2
file=$3
rounds=${4:-8}
base=${5:-}

if ! command -v taskset >/dev/null 2>&1; then
	echo "percore.sh: taskset (util-linux) not found" >&2
	exit 2
fi
cpus=$(taskset -cp $$ | sed 's/.*: //' | tr ',' ' ')
list=
for c in $cpus; do
	case $c in
	*-*)	list="$list $(seq "${c%-*}" "${c#*-}" | tr '\n' ' ')" ;;
	*)	list="$list $c" ;;
	esac
done

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT INT TERM

# One line a run: build core all fresh ceiling
run() {
	taskset -c "$2" "$3" "$rules" "$file" | awk -v b="$1" -v c="$2" '
	    /^extract, all packs/		{ all = $(NF - 2) }
	    /^extract, no sentence remembered/	{ fresh = $(NF - 2) }
	    /^PCRE2 JIT/			{ ceil = $(NF - 2) }
	    END { print b, c, all, fresh, ceil }'
}

r=0
while [ "$r" -lt "$rounds" ]; do
	for c in $list; do
		run new "$c" "$bench" >>"$tmp"
		if [ -n "$base" ]; then
			run base "$c" "$base" >>"$tmp"
		fi
	done
	r=$((r + 1))
done

echo "extraction per core, $rounds rounds, $(wc -c <"$file") bytes," \
    "$(date -u '+%Y-%m-%d %H:%M') UTC"
printf '%-6s %-5s %26s %26s %9s\n' build core \
    "all packs: median (range)" "none remembered: median" ceiling
awk '
function median(a, n,	i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function row(b, c,	i, n, m, lo, hi, al, fr, ce) {
	n = 0
	for (i = 1; i <= nr; i++)
		if (B[i] == b && (c == "all" || C[i] == c)) {
			n++
			al[n] = A[i]; fr[n] = F[i]; ce[n] = X[i]
			if (n == 1 || A[i] < lo) lo = A[i]
			if (n == 1 || A[i] > hi) hi = A[i]
		}
	if (n == 0)
		return
	m = median(al, n)
	printf "%-6s %-5s %11.1f (%.1f-%.1f) %19.1f %15.0f\n", b, c, m, lo,
	    hi, median(fr, n), median(ce, n)
}
{ nr++; B[nr] = $1; C[nr] = $2; A[nr] = $3; F[nr] = $4; X[nr] = $5
  if (!($2 in seen)) { seen[$2] = 1; core[++ncore] = $2 }
  builds[$1] = 1 }
END {
	split("new base", order, " ")
	for (k = 1; k <= 2; k++) {
		b = order[k]
		if (!(b in builds))
			continue
		for (c = 1; c <= ncore; c++)
			row(b, core[c])
		row(b, "all")
	}
	if ("base" in builds) {
		# runs alternate new, base on the same core: pair them
		n = 0
		for (i = 1; i < nr; i++)
			if (B[i] == "new" && B[i + 1] == "base" && A[i + 1] > 0)
				r[++n] = A[i] / A[i + 1]
		printf "paired ratio new/base, median of %d: x%.3f\n", n,
		    median(r, n)
	}
}' "$tmp"
