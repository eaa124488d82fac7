#!/bin/sh
# Replay every fuzz seed and every input that once crashed a harness
# (tests/fuzz/regress/NAME/) through the same harness code, built without
# libFuzzer (tests/fuzz/replay.c).  Under --enable-sanitizers a regression
# is an ASan/UBSan/LeakSanitizer failure again; in any build the
# harnesses' own checks (offsets inside the text, every error explained)
# must hold.
. "$top_srcdir/tests/cli/setup"

FUZZ="$top_srcdir/tests/fuzz"
for name in read html jsonl normalize pack extract; do
	bin="$top_builddir/tests/fuzz/replay_$name"
	for dir in "$FUZZ/corpus/$name" "$FUZZ/regress/$name"; do
		[ -d "$dir" ] || continue
		for f in "$dir"/*; do
			[ -f "$f" ] || continue
			status 0 "$name: $(basename "$dir")/$(basename "$f")" \
			    env CC_FUZZ_RULES="$RULES" "$bin" "$f"
		done
	done
done
done_testing
