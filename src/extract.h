/*
 * extract.h - the Extract stage: sentences x rules -> claims.
 *
 * Works on the folded text (text.h) and maps every offset back to the
 * stored text.  Also settles the article's outlet (when metadata gave
 * none) and its document date (metadata, dateline, or inferred).
 */
#ifndef CC_EXTRACT_H
#define CC_EXTRACT_H

#include "article.h"
#include "claim.h"
#include "pack.h"
#include "text.h"

struct cc_extractor;

/* An extractor holds per-thread scratch space (PCRE2 match data). */
struct cc_extractor	*cc_extractor_new(const struct cc_pack *);
void			 cc_extractor_free(struct cc_extractor *);

/*
 * Extract one article: fills a's outlet (if NULL) and date fields, the
 * sentences (original offsets, boilerplate marked) and the claims
 * (appended to out; ids left 0).  Returns CC_OK; a rule that hits its
 * match limit is skipped with a warning naming rule and article.
 */
int	cc_extract_article(struct cc_extractor *, struct cc_article *a,
	    struct cc_sentences *sents, struct cc_claims *out);

/*
 * Run every rule's examples.  Each failure is reported through err at the
 * example's FILE:LINE:COL.  *npass and *nfail count examples.
 */
int	cc_extract_check_examples(const struct cc_pack *, cc_diag_fn err,
	    void *errarg, unsigned *npass, unsigned *nfail);

#endif
