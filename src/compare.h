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
 *
 * Scopes.  Each finding is computed from one scope and records it in
 * its scope field: the claims (and texts) it can depend on, named by
 *
 *   scope                          holds
 *   the claim key                  figures and statements of one fact
 *   quote/SPEAKER/PERIOD           one speaker's quotes in one month
 *   cumulative/SUBJ/MEASURE/SRC    one source's cumulative counts
 *   event/SUBJECT/WHAT             one event's dates
 *   article/NAME                   one article's durations, sums,
 *                                  announced counts, dates in its text
 *   stale/NAME                     one undated article against the
 *                                  median date of the dated ones
 *   entity                         every variant spelling of the corpus
 *
 * Incremental.  Given the articles that changed since the last run and
 * the scopes their claims had then and have now, cc_compare_run()
 * builds items only for claims of those scopes and keeps every other
 * old finding, which is what a full run would find again: no finding
 * looks outside its scope.  Three scopes reach across articles in other
 * ways and are handled so: stale/ depends on the median of all dated
 * articles, so all stale/ scopes are redone when the median moved;
 * "entity" lists every article with a spelling, so when a changed
 * article has or had a variant spelling every text is read again for
 * its spellings; copies (independence) are looked for inside a block
 * only, so they need nothing outside its scope.  A source that can
 * (by_types_keep) is asked only for the claims those scopes may hold:
 * the changed articles' claims, and claims of the types and subjects
 * and the speakers the scopes' names give, so a run where few articles
 * changed does not read the whole corpus.
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
	int		 changed;	/* incremental: its claims, dates or
					   text changed since the last run */
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

/*
 * Where a run gets its claims, so that a corpus's claims are never all
 * in memory: by_types appends to out every claim whose type is one of
 * types (NULL-terminated), by_article every claim of article name, both
 * in id order (the order of the findings' claim lists); done releases
 * what either appended.  On failure they leave out empty and return the
 * error, which ends the run.  text (may be NULL) reads an article's
 * text for the text checks, as cc_compare_text_fn; arg goes to each.
 * With more than one job (cc_compare_opts), text is called on other
 * threads while the others run on this one: the source serializes
 * them.
 */
struct cc_compare_source {
	int	(*by_types)(void *arg, const char *const *types,
		    struct cc_claims *out);
	int	(*by_article)(void *arg, const char *name,
		    struct cc_claims *out);
	void	(*done)(void *arg, struct cc_claims *);
	cc_compare_text_fn text;
	void	*arg;
	/* May be NULL.  In an incremental run, used instead of by_types:
	 * the same, but the source may leave out the claims keep does not
	 * name (claim.h), which no scope redone can hold.  Only for a
	 * source whose every claim's article is among the docs. */
	int	(*by_types_keep)(void *arg, const char *const *types,
		    const struct cc_claim_keep *keep, struct cc_claims *out);
};

/*
 * One run, full or incremental.  o may be NULL (a full run).  With
 * o->incremental, docs[].changed says which articles changed, o->dirty
 * lists the scopes their claims had at the last run (duplicates are
 * fine; the scopes they have now are added here), o->old the last
 * run's findings with their scopes and o->old_median its median (NULL:
 * unknown); out then gets the same findings a full run would give.  In
 * either mode the texts are read and scanned on o->jobs threads (0 or
 * 1: this one; the others start while this one compares the claims;
 * the findings do not depend on it), o->median is set to this
 * run's median date of the dated articles ("" if none); o->scope_fn
 * (may be NULL) is told the scopes of every claim (incremental: of the
 * changed articles' claims) and o->spelled (may be NULL) the name of
 * each article read whose text has a variant spelling; o->nclaims and
 * o->nitems say how many claims were read and how many of them were
 * compared in some block (a claim may count twice).  Returns the
 * source's first error, else CC_OK.
 */
struct cc_compare_opts {
	int			  incremental;
	const struct cc_findings *old;
	char *const		 *dirty;
	size_t			  ndirty;
	const char		 *old_median;
	char			  median[16];
	void			(*scope_fn)(void *arg, const char *article,
				    const char *scope);
	void			(*spelled)(void *arg, const char *doc);
	void			 *arg;
	unsigned		  jobs;		/* threads for the texts */
	size_t			  nclaims;	/* set: claims read */
	size_t			  nitems;	/* set: of which compared */
};
int	cc_compare_run(const struct cc_pack *pk,
	    const struct cc_compare_source *src,
	    const struct cc_compare_doc *docs, size_t ndocs,
	    struct cc_compare_opts *o, struct cc_findings *out);

/* The scopes across articles that claim c belongs to (see above; not
 * the article/ and stale/ ones, which follow from its article), as
 * malloc'd strings in out; returns how many. */
#define CC_COMPARE_MAXSCOPES	4
size_t	cc_compare_claim_scopes(const struct cc_claim *c,
	    char *out[CC_COMPARE_MAXSCOPES]);

#endif
