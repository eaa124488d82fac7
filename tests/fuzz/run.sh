#!/bin/sh
# tests/fuzz/run.sh - build the libFuzzer harnesses with clang straight
# from the sources and run each for a bounded time.
#
#   tests/fuzz/run.sh [SECONDS [HARNESS...]]
#
# SECONDS per harness (default 60); HARNESS names among read, html,
# jsonl, normalize, pack, extract (default: all).  Environment:
# CLANG (default clang), FUZZ_BUILD (default ./fuzz-build), FUZZ_JOBS.
# Seeds come from tests/fuzz/corpus/NAME/ and tests/fuzz/regress/NAME/;
# new inputs the fuzzer finds go to FUZZ_BUILD/corpus/NAME, crashes to
# FUZZ_BUILD/crashes/NAME-*.  Exits 1 when a harness crashed (the
# input is kept there: turn it into a regression test), 2 when the build
# failed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
secs=${1:-60}
[ $# -gt 0 ] && shift
CLANG=${CLANG:-clang}
out=${FUZZ_BUILD:-fuzz-build}
mkdir -p "$out/obj" "$out/corpus" "$out/crashes"
out=$(cd "$out" && pwd)

if ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "run.sh: $CLANG not found: fuzzing needs clang (libFuzzer)" >&2
	exit 2
fi
if [ $# -eq 0 ]; then
	set -- read html jsonl normalize pack extract
fi

# The libraries configure.ac asks pkg-config for, but Check.
deps=$(sed -n 's/^PKG_CHECK_MODULES(\[\([A-Z0-9_]*\)\], *\[\([^] >=]*\).*/\1 \2/p' \
    "$top/configure.ac" | awk '$1 != "CHECK" { print $2 }' | tr '\n' ' ')
version=$(sed -n 's/^AC_INIT(\[claimcheck\], \[\([^]]*\)\].*/\1/p' \
    "$top/configure.ac")
cat > "$out/config.h" <<EOH
#define PACKAGE "claimcheck"
#define PACKAGE_NAME "claimcheck"
#define PACKAGE_STRING "claimcheck $version"
#define PACKAGE_VERSION "$version"
#define VERSION "$version"
EOH
CFLAGS="-std=c11 -g -O1 -D_GNU_SOURCE -I$out -I$top/src -I$here
    -DCC_PKGDATADIR=\"$top/claims\" -DCC_FUZZ_RULES=\"$top/claims\"
    -fsanitize=address,undefined -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer $(pkg-config --cflags $deps)"
LIBS="$(pkg-config --libs $deps) -lm"

# The library: every source but main.c, instrumented for coverage.
echo "run.sh: building in $out"
objs=
for src in "$top"/src/*.c; do
	[ "$(basename "$src")" = main.c ] && continue
	obj="$out/obj/$(basename "$src" .c).o"
	if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] ||
	    [ -n "$(find "$top/src" -name '*.h' -newer "$obj")" ]; then
		# shellcheck disable=SC2086
		"$CLANG" $CFLAGS -fsanitize=fuzzer-no-link -c "$src" -o "$obj" ||
		    exit 2
	fi
	objs="$objs $obj"
done

status=0
for name in "$@"; do
	bin="$out/fuzz_$name"
	# shellcheck disable=SC2086
	"$CLANG" $CFLAGS -fsanitize=fuzzer "$here/fuzz_$name.c" $objs $LIBS \
	    -o "$bin" || exit 2
	mkdir -p "$out/corpus/$name"
	# Inputs that once failed are seeds too: each run replays them
	# under clang's sanitizers first (GCC's UBSan, in make check's
	# replay, misses some, such as NULL + 0).
	regress=
	[ -d "$here/regress/$name" ] && regress="$here/regress/$name"
	echo "run.sh: fuzz_$name for ${secs}s"
	# Inputs above 1 MB do not find more bugs, they only run slower;
	# a 10 s input is a hang.
	if ! "$bin" -max_total_time="$secs" -timeout=10 -max_len=65536 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    ${FUZZ_JOBS:+-jobs=$FUZZ_JOBS} \
	    -artifact_prefix="$out/crashes/$name-" \
	    "$out/corpus/$name" "$here/corpus/$name" $regress \
	    > "$out/$name.log" 2>&1; then
		echo "run.sh: fuzz_$name FAILED; see $out/$name.log" >&2
		tail -40 "$out/$name.log" >&2
		status=1
	else
		grep -E '^stat::(number_of_executed_units|new_units_added)' \
		    "$out/$name.log" | tr '\n' ' '
		echo
	fi
done
exit $status
