/*
 * compare.h - the Compare stage: claims -> findings.
 *
 * Every rule blocks by a key: claims are sorted by it and only claims
 * that share one are ever looked at together, so the pass is O(n log n)
 * in the number of claims (no all-pairs loop anywhere).
 *
 * Kinds, what raises them, and their severity:
 *
 *   kind           raised by                                  severity
 *   contradiction  casualty or force figures that differ      high
 *                  beyond tolerance (ACLED: range shown,
 *                  most conservative figure named)
 *   contradiction  opposite stances on one proposition        medium
 *                  (between speakers / same speaker), other
 *                  numeric figures (quantity)
 *   timeline       a duration that does not fit the article   medium
 *                  date and the reference timeline; a
 *                  cumulative count of one source going down;
 *                  one event on different days in different
 *                  outlets; a past-tense date after the
 *                  article's own date; a weekday that is not
 *                  its date's
 *   internal       parts that do not add up to their total;   medium
 *                  "two conditions" announced, three listed
 *   stale          an undated article whose content is from   medium
 *                  an earlier period than the dated articles
 *   variant        one quote worded differently in words      low
 *                  that carry meaning; a name spelled
 *                  differently from its canonical form
 *   single-source  an agreement whose outlets all copy one    low
 *                  story (near-identical text or the same
 *                  attributed source)
 *   agreement      one fact reported alike by several         info
 *                  outlets; the summary says how many of them
 *                  are independent
 *
 * Tolerances: "about", "nearly", "some" stretch a figure by 10% each
 * way; "more than N" is open above; a month-based age ("eight-month-old")
 * is read to within a month, a year-based one to within a year.
 *
 * Finding ids are "f" + 10 hex digits of a hash of kind, key and, for
 * each claim, article:offset:text (sorted), so a finding keeps its id
 * across runs and store rebuilds.
 */
#ifndef CC_COMPARE_H
#define CC_COMPARE_H

#include <stddef.h>

#include "claim.h"
#include "pack.h"

/* An article as the comparison sees it: its date (any field may be NULL)
 * and, for the text checks (spelling variants, weekdays, dates after
 * publication), its stored text. */
struct cc_compare_doc {
	const char	*name;
	const char	*outlet;
	const char	*date;		/* YYYY-MM-DD document date */
	const char	*date_min;	/* its uncertainty interval */
	const char	*date_max;
	const char	*date_basis;	/* "metadata", "dateline: ...",
					   "inferred: ..." */
	const char	*text;		/* may be NULL: no text checks */
	size_t		 len;
};

/* Compare claims (any order) and append findings to out, sorted by
 * severity then key.  Status is set to "new".  pk may be NULL (no
 * reference timeline, entities or vocabularies). */
int	cc_compare(const struct cc_pack *pk, const struct cc_claims *claims,
	    struct cc_findings *out);
/* The same with the articles the claims come from (any order; an article
 * without a doc entry is undated and has no text checks). */
int	cc_compare_docs(const struct cc_pack *pk,
	    const struct cc_claims *claims, const struct cc_compare_doc *docs,
	    size_t ndocs, struct cc_findings *out);
/* The same with each text fetched when the text checks reach its doc
 * (docs whose text is NULL), one at a time in name order, so a corpus
 * need not be held in memory: text_fn sets *text (malloc'd, freed by the
 * comparison) and *len, and returns CC_OK; its first error is
 * returned (the findings are then incomplete). */
typedef int	(*cc_compare_text_fn)(void *arg,
		    const struct cc_compare_doc *d, char **text, size_t *len);
int	cc_compare_docs_from(const struct cc_pack *pk,
	    const struct cc_claims *claims, const struct cc_compare_doc *docs,
	    size_t ndocs, cc_compare_text_fn text_fn, void *text_arg,
	    struct cc_findings *out);

#endif
