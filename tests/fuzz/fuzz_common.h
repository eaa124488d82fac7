/*
 * fuzz_common.h - shared by the harnesses that need the shipped rule
 * packs (vocabularies, entities, rules): loaded once per process from
 * $CC_FUZZ_RULES, else from the source tree the harness was built from.
 */
#ifndef CC_FUZZ_COMMON_H
#define CC_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "pack.h"

static struct cc_pack *
fuzz_pack(void)
{
	static struct cc_pack	*pack;
	const char		*dir;
	unsigned		 nerr = 0;

	if (pack != NULL)
		return pack;
	if ((dir = getenv("CC_FUZZ_RULES")) == NULL)
		dir = CC_FUZZ_RULES;
	cc_verbosity = -1;	/* match-limit warnings are not findings */
	if (cc_pack_load(dir, &pack, cc_diag_print_error, &nerr) != CC_OK) {
		fprintf(stderr, "fuzz: cannot load rule packs from %s\n", dir);
		exit(2);
	}
	return pack;
}

#endif
