/*
 * store.h - the claim store (SQLite).  The only module that speaks SQL.
 *
 * Schema version in PRAGMA user_version; opening an older store migrates
 * it, a newer one is refused.  Writes happen inside cc_store_begin() /
 * cc_store_commit() (one transaction per command); each put function is
 * also all-or-nothing: on its own by a savepoint, inside a transaction
 * by the transaction, which a put that failed part-way leaves to be
 * rolled back (cc_store_commit() refuses it and rolls it back).
 * Every statement is prepared once and
 * reused.  Errors return CC_ESTORE and fill the store's own diagnostic
 * (cc_store_diag()), whose message starts with the store's path.
 * A second process on the same store waits (busy timeout) for the first
 * one's transaction to end.
 */
#ifndef CC_STORE_H
#define CC_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "claim.h"
#include "diag.h"
#include "text.h"

struct cc_store;

/* Open (creating if needed) the store at path.  On failure returns
 * CC_ESTORE, or CC_EFORMAT for a file that is not a claimcheck store (not
 * SQLite, another program's database, or a schema newer than this
 * claimcheck), and fills d (may be NULL); *out is then NULL. */
int	cc_store_open(const char *path, struct cc_store **out,
	    struct cc_diag *d);
/* Close (NULL is fine); an open transaction is rolled back. */
void	cc_store_close(struct cc_store *);
/* Diagnostic of the last failure. */
const struct cc_diag *cc_store_diag(const struct cc_store *);
/* Schema version this build creates and reads. */
int	cc_store_schema_version(void);
/* How long to wait for another process's write lock (default 5000 ms). */
void	cc_store_set_busy_timeout(struct cc_store *, int ms);

/* Transactions do not nest.  begin takes the write lock at once;
 * rollback outside a transaction does nothing. */
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

/* Names of articles not yet extracted with rules_hash, sorted (byte
 * order); the caller frees each name and the array. */
int	cc_store_pending(struct cc_store *, const char *rules_hash,
	    char ***names, size_t *n);

/* Load one article (with its document date fields) into a (caller
 * releases).  CC_ENOTFOUND if there is no such article. */
int	cc_store_get_article(struct cc_store *, const char *name,
	    struct cc_article *a);
/* Names of all articles, sorted. */
int	cc_store_article_names(struct cc_store *, char ***names, size_t *n);
/* All articles as cc_store_get_article() gives them but without their
 * texts (text NULL, len 0), sorted by name, in one query: *out is
 * malloc'd, the caller releases each article and frees the array. */
int	cc_store_articles_meta(struct cc_store *, struct cc_article **out,
	    size_t *n);
/*
 * Furniture lines (text.h): replace the keys of the short lines article
 * name prints, each with whether it was extracted as furniture; add to
 * set every key printed by two articles or more; list the articles
 * whose extraction no longer agrees with that (a line became shared, or
 * stopped being shared), to be extracted again.
 */
int	cc_store_put_line_keys(struct cc_store *, const char *name,
	    const uint64_t *keys, const unsigned char *boiler, size_t n);
int	cc_store_repeated_line_keys(struct cc_store *, struct cc_lineset *);
int	cc_store_line_keys_stale(struct cc_store *, char ***names, size_t *n);

/*
 * Replace the extraction results of article a->name: its document date
 * fields (a->date, date_min, date_max, date_basis), its sentences, its
 * claims (ids are assigned here and written back into claims->v[i].id),
 * and mark it extracted with rules_hash.  Bumps the claims generation.
 * The claims' article and outlet fields are not stored: a claim belongs
 * to a->name and reads back with its article's outlet.  Claim ids are
 * never reused within a store.  CC_ENOTFOUND if the article is unknown
 * (nothing written).
 */
int	cc_store_put_extraction(struct cc_store *, const struct cc_article *a,
	    const char *rules_hash, const struct cc_sentences *,
	    struct cc_claims *claims);

/* Append claims to article name, keeping its other claims and its
 * extraction state (ids are assigned and written back); bumps the claims
 * generation.  CC_ENOTFOUND if the article is unknown. */
int	cc_store_add_claims(struct cc_store *, const char *name,
	    struct cc_claims *claims);

/* The last claim id handed out in this store (0 if none). */
int	cc_store_claims_seq(struct cc_store *, int64_t *seq);
/* Give the claims with ids above after (all added in the current
 * transaction) new ids from after + 1 on, in the order a local extract
 * numbers them: by article name (byte order), then by their old id. */
int	cc_store_claims_renumber(struct cc_store *, int64_t after);

/* Sentences of an article in text order (caller releases). */
int	cc_store_get_sentences(struct cc_store *, const char *name,
	    struct cc_sentences *out);

struct cc_claim_filter {
	const char	*article;	/* NULL for all */
	const char	*type;		/* NULL for all */
};

/* Claims matching f (NULL for all), ordered by id, with the outlet of
 * their article; appended to out (caller releases). */
int	cc_store_get_claims(struct cc_store *, const struct cc_claim_filter *f,
	    struct cc_claims *out);
/* All claims as cc_store_get_claims() gives them, with one shared copy
 * of each distinct string (in *strs): far less memory for a big corpus.
 * The strings must not be freed one by one: release with
 * cc_store_claims_release_shared(), never cc_claims_release(). */
struct cc_store_strings;
int	cc_store_get_claims_shared(struct cc_store *, struct cc_claims *out,
	    struct cc_store_strings **strs);
void	cc_store_claims_release_shared(struct cc_claims *,
	    struct cc_store_strings *);
/* Claims matching f (NULL: all) as cc_store_get_claims() gives them,
 * their strings pooled in *strs (made if NULL, else added to; release
 * as above).  A filter on one article alone uses an index.  The _types
 * variant gives the claims of up to 4 types (types is NULL-terminated)
 * in one scan, in id order, without their basis and rule (NULL: the
 * comparison never reads them).  That is how the comparison reads a
 * corpus piece by piece. */
int	cc_store_get_claims_pooled(struct cc_store *,
	    const struct cc_claim_filter *f, struct cc_claims *out,
	    struct cc_store_strings **strs);
int	cc_store_get_claims_types(struct cc_store *,
	    const char *const *types, struct cc_claims *out,
	    struct cc_store_strings **strs);
/* The same, but only what keep names must be read (claim.h): one scan
 * of the claims that builds few of them when keep names little. */
int	cc_store_get_claims_kept(struct cc_store *,
	    const char *const *types, const struct cc_claim_keep *keep,
	    struct cc_claims *out, struct cc_store_strings **strs);
/* For each article in name order, fn(arg, name, stamp): stamp changes
 * whenever the article's claims do ("count:sum:max" of their ids, which
 * are never reused).  Stops at fn's first error and returns it. */
typedef int	(*cc_store_stamp_fn)(void *arg, const char *name,
		    const char *stamp);
int	cc_store_claim_stamps(struct cc_store *, cc_store_stamp_fn fn,
	    void *arg);
/* The same for the claims whose ids are ids[0..n) (an id may repeat, a
 * missing one is skipped; ids is sorted and deduplicated in place), in
 * id order, without their sentences (sentence NULL): a big corpus cites
 * millions of claims. */
int	cc_store_get_claims_by_ids(struct cc_store *, int64_t *ids,
	    size_t n, struct cc_claims *out, struct cc_store_strings **strs);
/* Sort ids[0..n) and drop repeats; returns how many are left. */
size_t	cc_store_ids_unique(int64_t *ids, size_t n);
/* Move the strings of from (read on another connection) into into and
 * free from: the claims that point to them are released with into.  A
 * string may then be kept twice; claims compare them by value. */
void	cc_store_strings_merge(struct cc_store_strings *into,
	    struct cc_store_strings *from);
/* The evidence sentence of claim id in *out (caller frees; NULL when
 * there is no such claim). */
int	cc_store_claim_sentence(struct cc_store *, int64_t id, char **out);
/* How many claims the store holds. */
int	cc_store_claims_count(struct cc_store *, size_t *n);

/* Replace all findings with f[0..n) (their status is stored too; NULL
 * status is stored as "new"). */
int	cc_store_put_findings(struct cc_store *, const struct cc_finding *f,
	    size_t n);
/* Findings of kind (NULL for all), in stored order, with their scopes
 * (NULL for findings stored before scopes were); appended to out. */
int	cc_store_get_findings(struct cc_store *, const char *kind,
	    struct cc_findings *out);

/*
 * What the last comparison saw of each article (pipeline.c): a
 * fingerprint of its claims and dates, and the scopes of its claims.
 * cc_store_compare_state() calls fn with each row in name order and
 * stops at the first return other than CC_OK, which it returns.
 * cc_store_put_compare_state() replaces one article's row, or with name
 * NULL deletes every row.
 */
typedef int	(*cc_store_state_fn)(void *arg, const char *name,
		    const char *fp, const char *scopes);
int	cc_store_compare_state(struct cc_store *, cc_store_state_fn fn,
	    void *arg);
int	cc_store_put_compare_state(struct cc_store *, const char *name,
	    const char *fp, const char *scopes);

/*
 * Small key/value state: "claims_gen" (bumped by put_extraction and
 * deletions) and "findings_gen" (the claims_gen findings were computed
 * from) tell whether the comparison must re-run.  *value is NULL when the
 * key is absent; the caller frees it.
 */
int	cc_store_meta_get(struct cc_store *, const char *key, char **value);
int	cc_store_meta_set(struct cc_store *, const char *key,
	    const char *value);

/*
 * Check the store: SQLite's integrity check, foreign keys, and that no
 * article is half-stored (extracted without its sentences, or claims
 * left on an article waiting for extraction).  Each problem is passed to
 * fn (may be NULL) and counted in *nproblems.  CC_OK when the checks
 * ran (whatever they found), CC_ESTORE when they could not.
 */
int	cc_store_check(struct cc_store *, cc_diag_fn fn, void *arg,
	    unsigned *nproblems);

#endif
