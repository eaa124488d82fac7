/*
 * fuzz_pack.c - libFuzzer harness for rule-pack loading: the input is
 * written as the only YAML file of a scratch rules directory and loaded
 * with cc_pack_load (vocabularies, macros, patterns, rules, examples,
 * outlets, timeline, entities, config); a pack that loads has its rule
 * examples run.  The same file is then read as a review file.  Every
 * error must come with a file name and a message; none may crash.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract.h"
#include "pack.h"
#include "review.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	dir[64], file[96];

/* The scratch directory goes when the run ends (not after a crash,
 * whose input libFuzzer keeps anyway). */
static void
cleanup(void)
{
	(void)unlink(file);
	(void)rmdir(dir);
}

static void
expect_located(const struct cc_diag *d, void *arg)
{
	(void)arg;
	if (d->file[0] == '\0' || d->msg[0] == '\0')
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cc_pack		*pk = NULL;
	struct cc_review	*rv = NULL;
	struct cc_diag		 d;
	unsigned		 npass, nfail;
	FILE			*f;

	if (dir[0] == '\0') {
		strcpy(dir, "/tmp/cc-fuzz-pack.XXXXXX");
		if (mkdtemp(dir) == NULL)
			abort();
		snprintf(file, sizeof file, "%s/fuzz.yaml", dir);
		cc_verbosity = -1;
		atexit(cleanup);
	}
	if ((f = fopen(file, "wb")) == NULL)
		abort();
	if (fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	if (cc_pack_load(dir, &pk, expect_located, NULL) == CC_OK) {
		cc_extract_check_examples(pk, expect_located, NULL, &npass,
		    &nfail);
		cc_pack_free(pk);
	}
	cc_diag_clear(&d);
	if (cc_review_load(file, &rv, &d) == CC_OK)
		cc_review_free(rv);
	else if (d.msg[0] == '\0')
		abort();
	return 0;
}
