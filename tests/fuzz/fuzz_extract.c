/*
 * fuzz_extract.c - libFuzzer harness for the whole per-article path of
 * a run: read (front matter and body), segment, recognize and extract
 * with the shipped rule packs.  Claims must point inside the text, and
 * the article read three times in one batch (cc_extract_batch()) must
 * give each copy the claims it gave alone: nothing of one article's
 * matches, speakers or dates may reach the next.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "fuzz_common.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define COPIES	3

/* Are a and b the same claims, as JSON? */
static int
same_claims(const struct cc_claims *a, const struct cc_claims *b)
{
	struct cc_buf	ja = CC_BUF_INIT, jb = CC_BUF_INIT;
	size_t		i;
	int		same = a->n == b->n;

	for (i = 0; same && i < a->n; i++) {
		cc_buf_reset(&ja);
		cc_buf_reset(&jb);
		cc_claim_json(&a->v[i], &ja);
		cc_claim_json(&b->v[i], &jb);
		same = ja.len == jb.len && memcmp(ja.data, jb.data, ja.len) == 0;
	}
	cc_buf_release(&ja);
	cc_buf_release(&jb);
	return same;
}

/* The input read COPIES times, extracted in one batch: each copy's
 * claims must be those of one (abort otherwise). */
static void
check_batch(struct cc_extractor *ex, const uint8_t *data, size_t size,
    const struct cc_claims *alone)
{
	struct cc_extract_job	 job[COPIES];
	struct cc_article	 a[COPIES];
	struct cc_sentences	 sents[COPIES];
	struct cc_claims	 claims[COPIES];
	struct cc_diag		 d;
	size_t			 k;

	for (k = 0; k < COPIES; k++) {
		cc_article_init(&a[k]);
		if (cc_read_buffer("fuzz/input.txt", (const char *)data, size,
		    &a[k], &d) != CC_OK)
			abort();	/* it was read once already */
		memset(&sents[k], 0, sizeof sents[k]);
		memset(&claims[k], 0, sizeof claims[k]);
		job[k].a = &a[k];
		job[k].sents = &sents[k];
		job[k].out = &claims[k];
	}
	if (cc_extract_batch(ex, job, COPIES) != CC_OK)
		abort();
	for (k = 0; k < COPIES; k++) {
		if (!same_claims(alone, &claims[k]))
			abort();
		cc_claims_release(&claims[k]);
		cc_sentences_release(&sents[k]);
		cc_article_release(&a[k]);
	}
}

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
	check_batch(ex, data, size, &claims);
	cc_claims_release(&claims);
	cc_sentences_release(&sents);
	cc_article_release(&a);
	return 0;
}
