/*
 * fuzz_normalize.c - libFuzzer harness for number, date and duration
 * recognition (cc_number_scan, cc_timex_scan) and entity spotting on
 * folded text, with the shipped vocabularies.  The first 8 bytes choose
 * the reference date (or none), so dates far from today and overflowing
 * arithmetic are reached as well as ordinary prose.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "number.h"
#include "text.h"
#include "timex.h"
#include "xmalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Every mention lies inside the text, in order of its offsets. */
static void
check_span(size_t start, size_t end, size_t len)
{
	if (start > end || end > len)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct cc_pack	*pk = fuzz_pack();
	struct cc_date		 ref, *refp = NULL;
	struct cc_fold		 f;
	struct cc_number	*nums;
	struct cc_timex		*tx;
	struct cc_entity_mention *ents;
	const char		*why;
	size_t			 cap, n, i, bad;

	if (size >= 8) {
		/* Year 1..9999 and any month and day: the scanner is
		 * given what normalize --ref would accept. */
		ref.y = 1 + (data[0] | data[1] << 8) % 9999;
		ref.m = 1 + data[2] % 12;
		ref.d = 1 + data[3] % 28;
		if (data[4] & 1)
			refp = &ref;
		data += 8;
		size -= 8;
	}
	/* The scanners see folded text of valid UTF-8, as in the pipeline. */
	if (cc_utf8_valid((const char *)data, size, &bad, &why) != CC_OK)
		return 0;
	cc_fold((const char *)data, size, &f);
	cap = f.len / 16 + 4;
	nums = xreallocarray(NULL, cap, sizeof *nums);
	n = cc_number_scan(pk->vocab, f.s, f.len, nums, cap);
	for (i = 0; i < n && i < cap; i++)
		check_span(nums[i].start, nums[i].end, f.len);
	tx = xreallocarray(NULL, cap, sizeof *tx);
	n = cc_timex_scan(pk->vocab, f.s, f.len, refp, tx, cap);
	for (i = 0; i < n && i < cap; i++) {
		check_span(tx[i].start, tx[i].end, f.len);
		if (memchr(tx[i].value, '\0', sizeof tx[i].value) == NULL)
			abort();
	}
	ents = xreallocarray(NULL, cap, sizeof *ents);
	n = cc_entity_scan(pk->entities, f.s, f.len, ents, cap);
	for (i = 0; i < n; i++)
		check_span(ents[i].start, ents[i].end, f.len);
	free(ents);
	free(tx);
	free(nums);
	cc_fold_release(&f);
	return 0;
}
