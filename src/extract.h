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
#include "timex.h"

struct cc_extractor;

/* An extractor holds per-thread scratch space (PCRE2 match data). */
struct cc_extractor	*cc_extractor_new(const struct cc_pack *);
void			 cc_extractor_free(struct cc_extractor *);
/* Lines the outlet's other articles print too (see text.h), marked as
 * boilerplate; the set must outlive the extractor's use of it. */
void			 cc_extractor_set_shared(struct cc_extractor *,
			    const struct cc_lineset *);
/* Whether a sentence whose text an earlier one of the extractor had
 * takes that one's rule matches instead of searching again (on by
 * default; the claims are the same either way).  Either way the
 * sentences remembered so far are forgotten. */
void			 cc_extractor_remember(struct cc_extractor *, int on);

/*
 * Extract one article: fills a's outlet (if NULL) and date fields, the
 * sentences (original offsets, boilerplate marked) and the claims
 * (appended to out; ids left 0).  Returns CC_OK; a rule that hits its
 * match limit is skipped with a warning naming rule and article.
 */
int	cc_extract_article(struct cc_extractor *, struct cc_article *a,
	    struct cc_sentences *sents, struct cc_claims *out);

/*
 * Extract n articles at once, as cc_extract_article() would one by one
 * (the same claims, each job's in its own out): rules run over the
 * sentences of several articles in a row, which keeps their machine
 * code in the processor's caches.
 */
struct cc_extract_job {
	struct cc_article	*a;
	struct cc_sentences	*sents;
	struct cc_claims	*out;
};

int	cc_extract_batch(struct cc_extractor *, const struct cc_extract_job *,
	    size_t n);
/* Articles a batch needs for most of that gain (news articles of some
 * thirty sentences fill the extractor's window of two thousand). */
#define CC_EXTRACT_BATCH	64

/*
 * The document date of a folded, segmented text (boilerplate marked):
 * published (YYYY-MM-DD metadata, may be NULL); else a dateline near the
 * top; else inferred from a sentence that names a timeline event and
 * says how long ago it was ("the eight-month-old conflict", "the
 * annexation last month", "the war's 200th day").  date.y is 0 when
 * unknown; [start, end) are the folded bytes it was read from (equal for
 * metadata); basis says how ("metadata", "dateline: ...", "inferred:
 * ...").  Release with cc_docdate_release().
 */
struct cc_docdate {
	struct cc_date	 date;
	struct cc_date	 lo, hi;	/* uncertainty interval */
	size_t		 start, end;
	char		*basis;
	/* Only a bound ("before the invasion"): too loose to resolve
	 * "on Tuesday" against, so claims are not dated from it. */
	int		 bound;
};

void	cc_extract_docdate(struct cc_extractor *, const char *published,
	    const struct cc_fold *, const struct cc_sentences *,
	    struct cc_docdate *);
void	cc_docdate_release(struct cc_docdate *);

/*
 * Run every rule's examples.  Each failure is reported through err at the
 * example's FILE:LINE:COL.  *npass and *nfail count examples.
 */
int	cc_extract_check_examples(const struct cc_pack *, cc_diag_fn err,
	    void *errarg, unsigned *npass, unsigned *nfail);

/*
 * May rule r match in the sentence lower[start..end) (the article's text
 * folded and lower-cased)?  One of its trigger words must stand there,
 * with the word edges each asks for, and one of its required words if it
 * has any: the extractor's test, one rule at a time (benchmarks).
 */
int	cc_rule_triggered(const struct cc_rule *r, const char *lower,
	    size_t start, size_t end);

#endif
