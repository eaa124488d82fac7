/*
 * fuzz_extract.c - libFuzzer harness for the whole per-article path of
 * a run: read (front matter and body), segment, recognize and extract
 * with the shipped rule packs.  Claims must point inside the text.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "fuzz_common.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cc_extractor	*ex;
	struct cc_article		 a;
	struct cc_sentences		 sents;
	struct cc_claims		 claims;
	struct cc_diag			 d;
	size_t				 i;

	if (ex == NULL)
		ex = cc_extractor_new(fuzz_pack());
	cc_article_init(&a);
	cc_diag_clear(&d);
	if (cc_read_buffer("fuzz/input.txt", (const char *)data, size, &a,
	    &d) != CC_OK)
		return 0;
	memset(&sents, 0, sizeof sents);
	memset(&claims, 0, sizeof claims);
	if (cc_extract_article(ex, &a, &sents, &claims) != CC_OK)
		abort();
	for (i = 0; i < claims.n; i++)
		if (claims.v[i].ev_start > claims.v[i].ev_end ||
		    claims.v[i].ev_end > a.len)
			abort();
	cc_claims_release(&claims);
	cc_sentences_release(&sents);
	cc_article_release(&a);
	return 0;
}
