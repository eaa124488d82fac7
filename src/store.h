/* TEMPORARY NOTE FOR HELPERS (lead removes it): before building or editing, read /tmp/common.md — build out of tree in /tmp/build-NAME, never configure/bootstrap in /work/main, never git add/commit, edit only your own files. */
/*
 * store.h - the claim store (SQLite).  The only module that speaks SQL.
 *
 * Schema version in PRAGMA user_version; opening an older store migrates
 * it, a newer one is refused.  Writes happen inside cc_store_begin() /
 * cc_store_commit() (one transaction per command); every statement is
 * prepared once and reused.  Errors fill the diagnostic given at open
 * (cc_store_diag()) and return CC_ESTORE.
 */
#ifndef CC_STORE_H
#define CC_STORE_H

#include <stddef.h>

#include "article.h"
#include "claim.h"
#include "diag.h"
#include "text.h"

struct cc_store;

/* Open (creating if needed) the store at path.  On failure returns
 * CC_ESTORE (or CC_EFORMAT for a file that is not a claimcheck store) and
 * fills d; *out is then NULL. */
int	cc_store_open(const char *path, struct cc_store **out,
	    struct cc_diag *d);
void	cc_store_close(struct cc_store *);
/* Diagnostic of the last failure. */
const struct cc_diag *cc_store_diag(const struct cc_store *);

int	cc_store_begin(struct cc_store *);
int	cc_store_commit(struct cc_store *);
int	cc_store_rollback(struct cc_store *);

/*
 * Insert or update an article by name.  Same name and same hash: nothing
 * happens and *changed = 0.  Otherwise the text and metadata are replaced,
 * its sentences and claims deleted, it is marked as needing extraction,
 * and *changed = 1.
 */
int	cc_store_put_article(struct cc_store *, const struct cc_article *,
	    int *changed);

/* Names of articles not yet extracted with rules_hash, sorted; the caller
 * frees each name and the array. */
int	cc_store_pending(struct cc_store *, const char *rules_hash,
	    char ***names, size_t *n);

/* Load one article (with its document date fields) into a (caller
 * releases).  CC_ENOTFOUND if there is no such article. */
int	cc_store_get_article(struct cc_store *, const char *name,
	    struct cc_article *a);
/* Names of all articles, sorted. */
int	cc_store_article_names(struct cc_store *, char ***names, size_t *n);

/*
 * Replace the extraction results of article a->name: its document date
 * fields (a->date, date_min, date_max, date_basis), its sentences, its
 * claims (ids are assigned here and written back into claims->v[i].id),
 * and mark it extracted with rules_hash.  Bumps the claims generation.
 */
int	cc_store_put_extraction(struct cc_store *, const struct cc_article *a,
	    const char *rules_hash, const struct cc_sentences *,
	    struct cc_claims *claims);

/* Sentences of an article in text order (caller releases). */
int	cc_store_get_sentences(struct cc_store *, const char *name,
	    struct cc_sentences *out);

struct cc_claim_filter {
	const char	*article;	/* NULL for all */
	const char	*type;		/* NULL for all */
};

/* Claims matching f (NULL for all), ordered by id; appended to out. */
int	cc_store_get_claims(struct cc_store *, const struct cc_claim_filter *f,
	    struct cc_claims *out);

/* Replace all findings with f[0..n) (their status is stored too). */
int	cc_store_put_findings(struct cc_store *, const struct cc_finding *f,
	    size_t n);
/* Findings of kind (NULL for all), in stored order; appended to out. */
int	cc_store_get_findings(struct cc_store *, const char *kind,
	    struct cc_findings *out);

/*
 * Small key/value state: "claims_gen" (bumped by put_extraction and
 * deletions) and "findings_gen" (the claims_gen findings were computed
 * from) tell whether the comparison must re-run.  *value is NULL when the
 * key is absent; the caller frees it.
 */
int	cc_store_meta_get(struct cc_store *, const char *key, char **value);
int	cc_store_meta_set(struct cc_store *, const char *key,
	    const char *value);

#endif
