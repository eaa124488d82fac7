/*
 * pipeline.c - the stages run in order by the commands: ingest, extract,
 * compare.  Each stage does only the work its inputs call for, so a
 * re-run on an unchanged corpus does nothing but read state, and a
 * comparison after a few articles changed redoes only the facts their
 * claims are in (compare.h, "Incremental").
 */
#include "config.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "compare.h"
#include "report.h"
#include "review.h"
#include "extract.h"
#include "xmalloc.h"

struct ingest_state {
	struct cc_ctx	*ctx;
	unsigned	 nnew;
	unsigned	 nsame;
	int		 failed;
};

static void
ingest_bad(const struct cc_diag *d, void *arg)
{
	struct ingest_state	*is = arg;

	cc_diag_print(d, "error");
	is->ctx->nbad++;
}

static int
ingest_one(struct cc_article *a, void *arg)
{
	struct ingest_state	*is = arg;
	int			 changed;

	if (cc_store_put_article(is->ctx->store, a, &changed) != CC_OK) {
		cc_diag_print(cc_store_diag(is->ctx->store), "error");
		is->failed = 1;
		return CC_ESTORE;
	}
	if (changed) {
		is->nnew++;
		cc_debug("ingested %s", a->name);
	} else
		is->nsame++;
	if (is->ctx->progress)
		fprintf(stderr, "\rclaimcheck: ingesting: %u articles",
		    is->nnew + is->nsame);
	return CC_OK;
}

int
cc_pipeline_ingest(struct cc_ctx *ctx, char *const *paths, size_t n)
{
	struct ingest_state	is;
	unsigned		nbad = 0;

	memset(&is, 0, sizeof is);
	is.ctx = ctx;
	cc_read_paths(paths, n, ingest_one, &is, ingest_bad, &is, &nbad);
	if (ctx->progress && is.nnew + is.nsame > 0)
		fputc('\n', stderr);
	if (is.failed)
		return CC_EXIT_INTERNAL;
	cc_info("ingest: %u new or changed, %u unchanged, %u skipped",
	    is.nnew, is.nsame, ctx->nbad);
	return CC_EXIT_OK;
}

/*
 * Extraction across cores.  Articles go through in batches: the main
 * thread loads a batch from the store, the workers (each with its own
 * extractor: PCRE2 match data is per thread, the compiled pack is shared
 * read-only) extract it, and the main thread writes the results in name
 * order, storing one batch while the workers extract the next.  SQLite
 * is touched by one thread only, and claim ids come out the same
 * whatever the number of jobs.
 */
#define EXTRACT_BATCH	64	/* articles per job in one batch */

struct extract_item {
	struct cc_article	a;
	struct cc_sentences	sents;
	struct cc_claims	claims;
	int			loaded;
	uint64_t		*keys;		/* furniture line keys */
	unsigned char		*inset;		/* ...and if shared */
	size_t			 nkeys;
};

struct extract_batch {
	struct extract_item	*items;
	size_t			 n;
	size_t			 next;		/* next item to take */
	pthread_mutex_t		 lock;
	const struct cc_lineset	*shared;	/* NULL: no line keys */
};

struct extract_worker {
	pthread_t		 thread;
	struct cc_extractor	*ex;
	struct extract_batch	*batch;
};

/* The keys of the article's furniture lines, for the store (text.h). */
static void
line_keys(const struct cc_lineset *shared, struct extract_item *it)
{
	struct cc_fold	f;

	cc_fold(it->a.text, it->a.len, &f);
	it->nkeys = cc_boiler_line_keys(it->a.outlet, f.s, f.len, shared,
	    &it->keys, &it->inset);
	cc_fold_release(&f);
}

/* Take items of b and extract them, CC_EXTRACT_BATCH at a time (fewer
 * near the end, so every worker gets a share) until none is left. */
static void
extract_items(struct cc_extractor *ex, struct extract_batch *b)
{
	struct cc_extract_job	 job[CC_EXTRACT_BATCH];
	struct extract_item	*it;
	size_t			 i, k, n, nj;

	for (;;) {
		pthread_mutex_lock(&b->lock);
		i = b->next;
		n = b->n > i ? (b->n - i + 1) / 2 : 0;
		if (n > CC_EXTRACT_BATCH)
			n = CC_EXTRACT_BATCH;
		b->next += n;
		pthread_mutex_unlock(&b->lock);
		if (n == 0)
			return;
		for (k = nj = 0; k < n; k++) {
			it = &b->items[i + k];
			if (!it->loaded)
				continue;
			job[nj].a = &it->a;
			job[nj].sents = &it->sents;
			job[nj++].out = &it->claims;
		}
		(void)cc_extract_batch(ex, job, nj);
		for (k = 0; b->shared != NULL && k < n; k++)
			if (b->items[i + k].loaded)
				line_keys(b->shared, &b->items[i + k]);
	}
}

static void *
extract_thread(void *arg)
{
	struct extract_worker	*w = arg;

	extract_items(w->ex, w->batch);
	return NULL;
}

/* Extract the b->n items of b on jobs workers; the calling thread is
 * worker 0. */
static void
extract_batch_run(struct extract_worker *w, unsigned jobs,
    struct extract_batch *b)
{
	unsigned	j;

	b->next = 0;
	for (j = 1; j < jobs; j++)
		if (pthread_create(&w[j].thread, NULL, extract_thread,
		    &w[j]) != 0)
			w[j].thread = 0;
	extract_items(w[0].ex, b);
	for (j = 1; j < jobs; j++)
		if (w[j].thread != 0)
			pthread_join(w[j].thread, NULL);
}

/* Start extracting b on all jobs workers, the calling thread free to
 * store the batch before it meanwhile. */
static void
extract_batch_start(struct extract_worker *w, unsigned jobs,
    struct extract_batch *b)
{
	unsigned	j;

	b->next = 0;
	for (j = 0; j < jobs; j++) {
		w[j].batch = b;
		if (pthread_create(&w[j].thread, NULL, extract_thread,
		    &w[j]) != 0)
			w[j].thread = 0;
	}
}

/* Finish the batch started last: this thread, its writing done, takes
 * items too (with its own extractor, w[jobs]), then waits for the
 * workers. */
static void
extract_batch_wait(struct extract_worker *w, unsigned jobs,
    struct extract_batch *b)
{
	unsigned	j;

	extract_items(w[jobs].ex, b);
	for (j = 0; j < jobs; j++)
		if (w[j].thread != 0) {
			pthread_join(w[j].thread, NULL);
			w[j].thread = 0;
		}
}

/* Load the next b->n of the named articles from the store. */
static int
extract_batch_load(struct cc_ctx *ctx, struct extract_batch *b,
    char *const *names)
{
	struct extract_item	*it;
	size_t			 i;
	int			 rc = CC_EXIT_OK;

	for (i = 0; i < b->n; i++) {
		it = &b->items[i];
		cc_article_init(&it->a);
		if (cc_store_get_article(ctx->store, names[i], &it->a) ==
		    CC_OK)
			it->loaded = 1;
		else {
			cc_diag_print(cc_store_diag(ctx->store), "error");
			rc = CC_EXIT_INTERNAL;
		}
	}
	return rc;
}

/* Store the results of an extracted batch (unless rc says a write
 * failed already) and release it. */
static int
extract_batch_store(struct cc_ctx *ctx, struct extract_batch *b, int rc,
    size_t *nclaims)
{
	struct extract_item	*it;
	size_t			 i;

	for (i = 0; i < b->n; i++) {
		it = &b->items[i];
		if (rc == CC_EXIT_OK && it->loaded &&
		    cc_store_put_extraction(ctx->store, &it->a,
		    ctx->pack->hash, &it->sents, &it->claims) != CC_OK) {
			cc_diag_print(cc_store_diag(ctx->store), "error");
			rc = CC_EXIT_INTERNAL;
		}
		if (rc == CC_EXIT_OK && it->loaded &&
		    cc_store_put_line_keys(ctx->store, it->a.name, it->keys,
		    it->inset, it->nkeys) != CC_OK) {
			cc_diag_print(cc_store_diag(ctx->store), "error");
			rc = CC_EXIT_INTERNAL;
		}
		free(it->keys);
		free(it->inset);
		*nclaims += it->claims.n;
		cc_claims_release(&it->claims);
		cc_sentences_release(&it->sents);
		cc_article_release(&it->a);
		memset(it, 0, sizeof *it);
	}
	b->n = 0;
	return rc;
}

/*
 * Extract the n named articles and store the results; the lines in
 * shared are furniture.  With one job the batches go load, extract,
 * store in turn on this thread.  With more, this thread is the store's
 * and the jobs workers extract: while they work on one batch it stores
 * the batch before and loads the next, then helps them finish it, so
 * the single SQLite writer no longer leaves the cores idle (it was a
 * quarter of the time).
 */
static int
extract_names(struct cc_ctx *ctx, char *const *names, size_t n,
    const struct cc_lineset *shared, size_t *nclaims)
{
	struct extract_worker	*w;
	struct extract_batch	 bb[2], *cur, *prev;
	size_t			 done = 0, cap;
	unsigned		 jobs = ctx->jobs > 0 ? ctx->jobs : 1, j, k, nex;
	int			 rc = CC_EXIT_OK;

	if (jobs > n)
		jobs = n > 0 ? (unsigned)n : 1;
	cap = EXTRACT_BATCH * jobs;
	memset(bb, 0, sizeof bb);
	for (k = 0; k < 2; k++) {
		bb[k].items = xcalloc(cap, sizeof *bb[k].items);
		bb[k].shared = shared;
		pthread_mutex_init(&bb[k].lock, NULL);
	}
	/* the workers' extractors, and this thread's when it has stored */
	nex = jobs > 1 ? jobs + 1 : 1;
	w = xcalloc(nex, sizeof *w);
	for (j = 0; j < nex; j++) {
		w[j].ex = cc_extractor_new(ctx->pack);
		cc_extractor_set_shared(w[j].ex, shared);
		w[j].batch = &bb[0];
	}
	cur = &bb[0];
	prev = &bb[1];
	cur->n = n < cap ? n : cap;
	rc = extract_batch_load(ctx, cur, names);
	done = cur->n;
	while (cur->n > 0 && rc == CC_EXIT_OK) {
		if (jobs == 1)
			extract_batch_run(w, 1, cur);
		else
			extract_batch_start(w, jobs, cur);
		/* the batch before is stored, the next loaded meanwhile */
		rc = extract_batch_store(ctx, prev, rc, nclaims);
		prev->n = n - done < cap ? n - done : cap;
		if (rc == CC_EXIT_OK)
			rc = extract_batch_load(ctx, prev, names + done);
		if (jobs > 1)
			extract_batch_wait(w, jobs, cur);
		if (ctx->progress)
			fprintf(stderr, "\rclaimcheck: extracting: %zu/%zu",
			    done, n);
		done += prev->n;
		cur = prev;
		prev = cur == &bb[0] ? &bb[1] : &bb[0];
	}
	rc = extract_batch_store(ctx, prev, rc, nclaims);
	/* loaded but, after a failure, not extracted: released unstored */
	(void)extract_batch_store(ctx, cur, CC_EXIT_INTERNAL, nclaims);
	if (ctx->progress && n > 0)
		fputc('\n', stderr);
	for (j = 0; j < nex; j++)
		cc_extractor_free(w[j].ex);
	free(w);
	for (k = 0; k < 2; k++) {
		pthread_mutex_destroy(&bb[k].lock);
		free(bb[k].items);
	}
	return rc;
}

/*
 * Extract the articles whose text or rules changed.  Furniture shared by
 * an outlet's articles (text.h) depends on the corpus: the lines shared
 * before this run are marked as they are extracted, and the articles
 * whose furniture then changed (a new article prints a line an old one
 * printed too) are extracted once more.
 */
int
cc_pipeline_extract(struct cc_ctx *ctx)
{
	struct cc_lineset	*shared = cc_lineset_new();
	char			**names = NULL, **stale = NULL;
	size_t			 n = 0, nstale = 0, nclaims = 0, nagain = 0;
	int			 rc;

	if (cc_store_pending(ctx->store, ctx->pack->hash, &names, &n) !=
	    CC_OK || cc_store_repeated_line_keys(ctx->store, shared) !=
	    CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		rc = CC_EXIT_INTERNAL;
		goto out;
	}
	rc = extract_names(ctx, names, n, shared, &nclaims);
	if (rc == CC_EXIT_OK && n > 0) {
		cc_lineset_free(shared);
		shared = cc_lineset_new();
		if (cc_store_repeated_line_keys(ctx->store, shared) != CC_OK ||
		    cc_store_line_keys_stale(ctx->store, &stale, &nstale) !=
		    CC_OK) {
			cc_diag_print(cc_store_diag(ctx->store), "error");
			rc = CC_EXIT_INTERNAL;
		} else if (nstale > 0)
			rc = extract_names(ctx, stale, nstale, shared,
			    &nagain);
	}
	if (n > 0)
		cc_info("extract: %zu article%s, %zu claims", n,
		    n == 1 ? "" : "s", nclaims);
	if (nstale > 0)
		cc_info("extract: %zu article%s again for furniture lines "
		    "their outlet's other articles print", nstale,
		    nstale == 1 ? "" : "s");
out:
	xfree_strv(names, n);
	xfree_strv(stale, nstale);
	cc_lineset_free(shared);
	return rc;
}

/*
 * The filter: articles from a JSON Lines feed, claims to stdout.  The
 * same batches and workers as above, without a store: a batch is filled
 * from the feed as it streams in, extracted, printed in input order and
 * released, so memory stays bounded by one batch.
 */
struct stream_state {
	struct cc_ctx		*ctx;
	struct extract_worker	*w;
	unsigned		 jobs;
	struct extract_batch	 b;
	size_t			 cap;
	struct cc_buf		 out;
	size_t			 narticles;
	size_t			 nclaims;
	int			 failed;	/* stdout failed */
};

static int
stream_write(struct stream_state *st)
{
	if (!st->failed && st->out.len > 0 &&
	    fwrite(st->out.data, 1, st->out.len, stdout) != st->out.len)
		st->failed = 1;
	cc_buf_reset(&st->out);
	return st->failed ? CC_EIO : CC_OK;
}

/* Extract, print and release the batch. */
static int
stream_flush(struct stream_state *st)
{
	struct extract_item	*it;
	struct cc_claim		*c;
	struct cc_buf		 id = CC_BUF_INIT;
	size_t			 i, k;
	int			 rc = CC_OK;

	extract_batch_run(st->w, st->jobs, &st->b);
	for (i = 0; i < st->b.n; i++) {
		it = &st->b.items[i];
		for (k = 0; k < it->claims.n && rc == CC_OK; k++) {
			c = &it->claims.v[k];
			/* No store, no store id: the article's name and
			 * the claim's ordinal in it, unique across any
			 * number of filters fed disjoint articles. */
			cc_buf_reset(&id);
			rc = cc_buf_printf(&id, "%s#%zu", it->a.name, k + 1);
			if (rc == CC_OK)
				rc = cc_claim_json_id(c, id.data, &st->out);
			if (rc == CC_OK)
				rc = cc_buf_addc(&st->out, '\n');
			if (rc == CC_OK && st->out.len >= 65536)
				rc = stream_write(st);
		}
		st->nclaims += it->claims.n;
		cc_claims_release(&it->claims);
		cc_sentences_release(&it->sents);
		cc_article_release(&it->a);
		memset(it, 0, sizeof *it);
	}
	st->b.n = 0;
	cc_buf_release(&id);
	if (rc == CC_OK)
		rc = stream_write(st);
	return rc;
}

static int
stream_article(struct cc_article *a, void *arg)
{
	struct stream_state	*st = arg;
	struct extract_item	*it = &st->b.items[st->b.n++];

	if (a->warn != NULL)
		cc_diag_print(a->warn, "warning");
	/* Take the article over; the reader releases an empty one. */
	it->a = *a;
	it->loaded = 1;
	cc_article_init(a);
	st->narticles++;
	if (st->b.n == st->cap)
		return stream_flush(st);
	return CC_OK;
}

static void
stream_bad(const struct cc_diag *d, void *arg)
{
	struct stream_state	*st = arg;

	cc_diag_print(d, "error");
	st->ctx->nbad++;
}

int
cc_pipeline_extract_stream(struct cc_ctx *ctx, const char *path, int fd)
{
	struct stream_state	st;
	unsigned		j, nbad = 0;
	int			rc;

	memset(&st, 0, sizeof st);
	st.ctx = ctx;
	st.jobs = ctx->jobs > 0 ? ctx->jobs : 1;
	st.cap = EXTRACT_BATCH * st.jobs;
	st.b.items = xcalloc(st.cap, sizeof *st.b.items);
	pthread_mutex_init(&st.b.lock, NULL);
	cc_buf_init(&st.out, 0);
	st.w = xcalloc(st.jobs, sizeof *st.w);
	for (j = 0; j < st.jobs; j++) {
		st.w[j].ex = cc_extractor_new(ctx->pack);
		st.w[j].batch = &st.b;
	}
	rc = cc_jsonl_read(path, fd, stream_article, &st, stream_bad, &st,
	    &nbad);
	if (rc == CC_OK && st.b.n > 0)
		rc = stream_flush(&st);
	if (fflush(stdout) != 0)
		rc = CC_EIO;
	if (rc == CC_OK)
		cc_info("extract: %zu article%s, %zu claims, %u skipped",
		    st.narticles, st.narticles == 1 ? "" : "s", st.nclaims,
		    nbad);
	else if (rc == CC_EIO && st.failed)
		cc_error("stdout: %s", strerror(errno));
	else if (rc == CC_EIO)
		cc_error("%s: %s", path, strerror(errno));
	else
		cc_error("%s: %s", path, cc_strerror(rc));
	for (j = 0; j < st.jobs; j++)
		cc_extractor_free(st.w[j].ex);
	free(st.w);
	/* After a failure a batch may still hold articles. */
	while (st.b.n > 0)
		cc_article_release(&st.b.items[--st.b.n].a);
	free(st.b.items);
	pthread_mutex_destroy(&st.b.lock);
	cc_buf_release(&st.out);
	return rc == CC_OK ? CC_EXIT_OK : CC_EXIT_INTERNAL;
}

/* An article's text (and, for the report, its sentences) from the
 * store, one article at a time: the text is not kept with the rest of
 * its metadata, so a big corpus is never held in memory. */
static int
load_text(struct cc_store *store, const char *name, char **text,
    size_t *len, struct cc_sentences *sents, struct cc_diag *d)
{
	struct cc_article	a;
	int			rc;

	if ((rc = cc_store_get_article(store, name, &a)) == CC_OK &&
	    sents != NULL)
		rc = cc_store_get_sentences(store, name, sents);
	if (rc != CC_OK)
		*d = *cc_store_diag(store);
	else {
		*text = a.text;
		*len = a.len;
		a.text = NULL;
	}
	cc_article_release(&a);
	return rc;
}

/*
 * Incremental comparison.  The store keeps, for each article, what the
 * last comparison saw of it (a fingerprint of its claims, dates and
 * text) and the scopes its claims had (compare.h).  An article whose
 * fingerprint differs changed; the scopes it had and has are the ones
 * to recompute.
 */
struct cmp_run {
	struct cc_article	*arts;		/* sorted by name, no texts */
	struct cc_compare_doc	*docs;		/* one per article */
	size_t			 n;
	char			**fp;		/* per article, now */
	char			**scopes;	/* per article, now: NULL until
						   computed */
	char			**old_fp;	/* per article, stored */
	char			**old_scopes;
	unsigned char		*spelled;	/* its text has a variant */
	size_t			 nold;		/* stored rows */
	size_t			 nchanged;
	size_t			 nlost;		/* stored, no longer here */
	char			**dirty;
	size_t			 ndirty;
	size_t			 cur;		/* scope_fn's article */
	char			**run;		/* and its scopes so far */
	size_t			 nrun;
	struct cc_store		*store;		/* the claim source: */
	pthread_mutex_t		 lock;		/* one caller at a time */
	struct cc_claims	*batch;		/* what it handed out */
	struct cc_store_strings	*batch_strs;
	struct cc_claims	*art;
	struct cc_store_strings	*art_strs;
};

static size_t
run_find(const struct cmp_run *r, const char *name)
{
	size_t	lo = 0, hi = r->n, mid;
	int	c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(name, r->arts[mid].name)) == 0)
			return mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (size_t)-1;
}

static void
run_dirty(struct cmp_run *r, const char *scope, size_t len)
{
	r->dirty = xreallocarray(r->dirty, r->ndirty + 1, sizeof *r->dirty);
	r->dirty[r->ndirty++] = xstrndup(scope, len);
}

/* Each line of a stored scope list is dirty. */
static void
run_dirty_lines(struct cmp_run *r, const char *lines)
{
	const char	*p, *e;

	for (p = lines; p != NULL && *p != '\0'; p = *e ? e + 1 : e) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		if (e > p)
			run_dirty(r, p, (size_t)(e - p));
	}
}

static int
run_state_row(void *arg, const char *name, const char *fp,
    const char *scopes)
{
	struct cmp_run	*r = arg;
	size_t		 i;

	r->nold++;
	if ((i = run_find(r, name)) == (size_t)-1) {
		/* an article that went away: what it said goes too */
		r->nlost++;
		run_dirty_lines(r, scopes);
		return CC_OK;
	}
	r->old_fp[i] = xstrdup(fp != NULL ? fp : "");
	r->old_scopes[i] = xstrdup(scopes != NULL ? scopes : "");
	return CC_OK;
}

static void
run_spelled(void *arg, const char *doc)
{
	struct cmp_run	*r = arg;
	size_t		 i;

	if ((i = run_find(r, doc)) != (size_t)-1)
		r->spelled[i] = 1;
}

static int
strptr_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Merge the scope list add[0..n) into the sorted, distinct line list
 * *lines (freeing add's strings). */
static void
scopes_merge(char **lines, char **add, size_t n)
{
	struct cc_buf	  b = CC_BUF_INIT;
	char		**v = NULL, *p, *e;
	size_t		  nv = 0, i, k;

	for (p = *lines; p != NULL && *p != '\0'; p = *e ? e + 1 : e) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		v = xreallocarray(v, nv + 1, sizeof *v);
		v[nv++] = xstrndup(p, (size_t)(e - p));
	}
	v = xreallocarray(v, nv + n + 1, sizeof *v);
	for (i = 0; i < n; i++)
		v[nv++] = add[i];
	if (nv > 1)
		qsort(v, nv, sizeof *v, strptr_cmp);
	for (i = 0, k = 0; i < nv; i++) {
		if (k == 0 || strcmp(v[i], v[k - 1]) != 0)
			v[k++] = v[i];
		else
			free(v[i]);
	}
	for (i = 0; i < k; i++) {
		if (i > 0)
			cc_buf_addc(&b, '\n');
		cc_buf_adds(&b, v[i]);
		free(v[i]);
	}
	free(v);
	free(*lines);
	*lines = cc_buf_detach(&b, NULL);
}

/* Flush the scopes gathered for the current article. */
static void
run_flush(struct cmp_run *r)
{
	if (r->nrun > 0 && r->cur != (size_t)-1)
		scopes_merge(&r->scopes[r->cur], r->run, r->nrun);
	else
		while (r->nrun > 0)
			free(r->run[--r->nrun]);
	r->nrun = 0;
}

/* The comparison tells each claim's scopes; claims of an article come
 * in runs, so they are gathered and merged into its list a run at a
 * time. */
static void
run_scope(void *arg, const char *article, const char *scope)
{
	struct cmp_run	*r = arg;

	if (r->cur == (size_t)-1 || strcmp(r->arts[r->cur].name,
	    article) != 0) {
		run_flush(r);
		r->cur = run_find(r, article);
	}
	/* (claims of one sentence often share their scopes) */
	if (r->nrun > 0 && strcmp(r->run[r->nrun - 1], scope) == 0)
		return;
	r->run = xreallocarray(r->run, r->nrun + 1, sizeof *r->run);
	r->run[r->nrun++] = xstrdup(scope);
}

static int
run_stamp(void *arg, const char *name, const char *stamp)
{
	struct cmp_run		*r = arg;
	const struct cc_article	*a;
	size_t			 i;
	char			*meta;

	if ((i = run_find(r, name)) == (size_t)-1)
		return CC_OK;
	/* its claims, and what the checks read of the article itself */
	a = &r->arts[i];
	meta = xasprintf("%s|%s|%s|%s|%s|%s", a->outlet ? a->outlet : "-",
	    a->date ? a->date : "-", a->date_min ? a->date_min : "-",
	    a->date_max ? a->date_max : "-", a->date_basis ? a->date_basis :
	    "-", a->hash);
	free(r->fp[i]);
	r->fp[i] = xasprintf("%s:%016llx", stamp != NULL ? stamp : "",
	    (unsigned long long)cc_hash64(meta, strlen(meta)));
	free(meta);
	return CC_OK;
}

/* The claim source of the comparison: the store, a type or an article
 * at a time, strings pooled.  Texts are read on other threads while
 * claims are (compare.h): the store takes one caller at a time. */
static int
src_by_types_keep(void *arg, const char *const *types,
    const struct cc_claim_keep *keep, struct cc_claims *out)
{
	struct cmp_run	*r = arg;
	int		 rc;

	pthread_mutex_lock(&r->lock);
	r->batch = out;
	r->batch_strs = NULL;
	rc = keep != NULL ? cc_store_get_claims_kept(r->store, types, keep,
	    out, &r->batch_strs) : cc_store_get_claims_types(r->store, types,
	    out, &r->batch_strs);
	if (rc != CC_OK) {
		cc_diag_print(cc_store_diag(r->store), "error");
		cc_store_claims_release_shared(out, r->batch_strs);
		r->batch = NULL;
	}
	pthread_mutex_unlock(&r->lock);
	return rc;
}

static int
src_by_types(void *arg, const char *const *types, struct cc_claims *out)
{
	return src_by_types_keep(arg, types, NULL, out);
}

static int
src_by_article(void *arg, const char *name, struct cc_claims *out)
{
	struct cmp_run			*r = arg;
	struct cc_claim_filter		 f = { NULL, NULL };
	int				 rc;

	f.article = name;
	pthread_mutex_lock(&r->lock);
	r->art = out;
	r->art_strs = NULL;
	if ((rc = cc_store_get_claims_pooled(r->store, &f, out,
	    &r->art_strs)) != CC_OK) {
		cc_diag_print(cc_store_diag(r->store), "error");
		cc_store_claims_release_shared(out, r->art_strs);
		r->art = NULL;
	}
	pthread_mutex_unlock(&r->lock);
	return rc;
}

static void
src_done(void *arg, struct cc_claims *cs)
{
	struct cmp_run	*r = arg;

	if (cs == r->batch) {
		cc_store_claims_release_shared(cs, r->batch_strs);
		r->batch = NULL;
	} else if (cs == r->art) {
		cc_store_claims_release_shared(cs, r->art_strs);
		r->art = NULL;
	}
}

static int
src_text(void *arg, const struct cc_compare_doc *doc, char **text,
    size_t *len)
{
	struct cmp_run	*r = arg;
	struct cc_diag	 d;
	int		 rc;

	pthread_mutex_lock(&r->lock);
	if ((rc = load_text(r->store, doc->name, text, len, NULL,
	    &d)) != CC_OK)
		cc_diag_print(&d, "error");
	pthread_mutex_unlock(&r->lock);
	return rc;
}

static void
run_release(struct cmp_run *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		cc_article_release(&r->arts[i]);
		free(r->fp[i]);
		free(r->scopes[i]);
		free(r->old_fp[i]);
		free(r->old_scopes[i]);
	}
	for (i = 0; i < r->ndirty; i++)
		free(r->dirty[i]);
	free(r->dirty);
	free(r->run);
	free(r->arts);
	free(r->docs);
	free(r->fp);
	free(r->scopes);
	free(r->old_fp);
	free(r->old_scopes);
	free(r->spelled);
	pthread_mutex_destroy(&r->lock);
}

/* The articles' dates (texts come one at a time through compare_load). */
static int
run_load(struct cc_ctx *ctx, struct cmp_run *r)
{
	size_t	i;

	memset(r, 0, sizeof *r);
	pthread_mutex_init(&r->lock, NULL);
	r->store = ctx->store;
	r->cur = (size_t)-1;
	if (cc_store_articles_meta(ctx->store, &r->arts, &r->n) != CC_OK)
		return CC_ESTORE;
	r->docs = xcalloc(r->n + 1, sizeof *r->docs);
	r->fp = xcalloc(r->n + 1, sizeof *r->fp);
	r->scopes = xcalloc(r->n + 1, sizeof *r->scopes);
	r->old_fp = xcalloc(r->n + 1, sizeof *r->old_fp);
	r->old_scopes = xcalloc(r->n + 1, sizeof *r->old_scopes);
	r->spelled = xcalloc(r->n + 1, 1);
	for (i = 0; i < r->n; i++) {
		r->docs[i].name = r->arts[i].name;
		r->docs[i].outlet = r->arts[i].outlet;
		r->docs[i].date = r->arts[i].date;
		r->docs[i].date_min = r->arts[i].date_min;
		r->docs[i].date_max = r->arts[i].date_max;
		r->docs[i].date_basis = r->arts[i].date_basis;
	}
	return CC_OK;
}

/* Store what this comparison saw of the articles it compared (all of
 * them after a full run, the changed ones after an incremental one). */
static int
run_save(struct cc_ctx *ctx, struct cmp_run *r, int full)
{
	size_t	i;
	int	rc = CC_OK;

	if (full)
		rc = cc_store_put_compare_state(ctx->store, NULL, NULL, NULL);
	for (i = 0; i < r->n && rc == CC_OK; i++) {
		char *sc;

		if (!full && !r->docs[i].changed)
			continue;
		if (r->scopes[i] == NULL)
			r->scopes[i] = xstrdup("");
		sc = r->spelled[i] ? xasprintf("%s%sentity", r->scopes[i],
		    *r->scopes[i] ? "\n" : "") : xstrdup(r->scopes[i]);
		rc = cc_store_put_compare_state(ctx->store, r->arts[i].name,
		    r->fp[i], sc);
		free(sc);
	}
	return rc;
}

/*
 * Compare claims with the articles' dates and texts (the timeline and
 * spelling checks read the texts back one at a time): incrementally
 * when the last run's findings are for these rules and few articles
 * changed, else in full.
 */
static int
compare_corpus(struct cc_ctx *ctx, int full, struct cc_findings *findings)
{
	struct cc_compare_opts		 o;
	struct cc_compare_source	 src;
	struct cc_findings		 old;
	struct cmp_run			 r;
	char				*median = NULL;
	size_t				 i;
	int				 rc;

	memset(&o, 0, sizeof o);
	memset(&old, 0, sizeof old);
	if ((rc = run_load(ctx, &r)) != CC_OK ||
	    (rc = cc_store_claim_stamps(ctx->store, run_stamp, &r)) != CC_OK)
		goto out;
	if (!full) {
		if ((rc = cc_store_compare_state(ctx->store, run_state_row,
		    &r)) != CC_OK ||
		    (rc = cc_store_get_findings(ctx->store, NULL,
		    &old)) != CC_OK ||
		    (rc = cc_store_meta_get(ctx->store, "compare_median",
		    &median)) != CC_OK)
			goto out;
		/* a store compared before scopes were kept */
		if (r.nold == 0)
			full = 1;
		for (i = 0; i < old.n && !full; i++)
			if (old.v[i].scope == NULL)
				full = 1;
	}
	for (i = 0; i < r.n && !full; i++)
		if (r.old_fp[i] == NULL || strcmp(r.old_fp[i], r.fp[i]) != 0) {
			r.docs[i].changed = 1;
			r.nchanged++;
			run_dirty_lines(&r, r.old_scopes[i]);
		}
	/* many changes: one pass over everything costs less */
	if (!full && r.nchanged + r.nlost > r.n / 4 + 10)
		full = 1;
	o.incremental = !full;
	o.jobs = ctx->jobs;
	o.old = &old;
	o.dirty = r.dirty;
	o.ndirty = r.ndirty;
	o.old_median = median;
	o.scope_fn = run_scope;
	o.spelled = run_spelled;
	o.arg = &r;
	src.by_types = src_by_types;
	src.by_types_keep = src_by_types_keep;
	src.by_article = src_by_article;
	src.done = src_done;
	src.text = src_text;
	src.arg = &r;
	cc_info("compare: %s (%zu of %zu articles changed)",
	    full ? "full" : "incremental", full ? r.n : r.nchanged, r.n);
	rc = cc_compare_run(ctx->pack, &src, r.docs, r.n, &o, findings);
	run_flush(&r);
	cc_info("compare: %zu claims read, %zu compared in the scopes "
	    "redone", o.nclaims, o.nitems);
	if (rc == CC_OK)
		rc = run_save(ctx, &r, full);
	if (rc == CC_OK)
		rc = cc_store_meta_set(ctx->store, "compare_median", o.median);
out:
	free(median);
	cc_findings_release(&old);
	run_release(&r);
	return rc;
}

int
cc_pipeline_compare(struct cc_ctx *ctx, int force)
{
	struct cc_findings	 findings;
	char			*gen = NULL, *done = NULL, *want;
	const char		*rules;
	int			 rc = CC_EXIT_OK, full;

	memset(&findings, 0, sizeof findings);
	if (cc_store_meta_get(ctx->store, "claims_gen", &gen) != CC_OK ||
	    cc_store_meta_get(ctx->store, "findings_gen", &done) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		return CC_EXIT_INTERNAL;
	}
	/* Findings depend on the claims and on the rules (tolerances,
	 * timeline); both are in the generation stamp. */
	want = xasprintf("%s:%s", gen ? gen : "0", ctx->pack->hash);
	if (!force && done != NULL && strcmp(done, want) == 0)
		goto out;
	/* Other rules: every finding may change. */
	rules = done != NULL ? strchr(done, ':') : NULL;
	full = force == CC_COMPARE_FULL || rules == NULL ||
	    strcmp(rules + 1, ctx->pack->hash) != 0;
	if (compare_corpus(ctx, full, &findings) != CC_OK ||
	    cc_store_put_findings(ctx->store, findings.v, findings.n) != CC_OK ||
	    cc_store_meta_set(ctx->store, "findings_gen", want) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		rc = CC_EXIT_INTERNAL;
		goto out;
	}
	cc_info("compare: %zu findings", findings.n);
out:
	cc_findings_release(&findings);
	free(want);
	free(gen);
	free(done);
	return rc;
}

int
cc_pipeline_prepare(struct cc_ctx *ctx, char *const *paths, size_t n)
{
	char	*corpus[1];
	int	 rc;

	if (n == 0) {
		corpus[0] = ctx->pack->corpus;
		paths = corpus;
		n = 1;
	}
	if (cc_store_begin(ctx->store) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		return CC_EXIT_INTERNAL;
	}
	rc = cc_pipeline_ingest(ctx, paths, n);
	if (rc == CC_EXIT_OK)
		rc = cc_pipeline_extract(ctx);
	if (rc == CC_EXIT_OK)
		rc = cc_pipeline_compare(ctx, 0);
	if (rc != CC_EXIT_OK) {
		cc_store_rollback(ctx->store);
		return rc;
	}
	if (cc_store_commit(ctx->store) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		return CC_EXIT_INTERNAL;
	}
#ifdef __GLIBC__
	/* What the stages freed goes back to the system before the report
	 * takes its share: the workers' malloc arenas keep theirs, which
	 * would count twice towards the peak of a big run. */
	malloc_trim(0);
#endif
	return CC_EXIT_OK;
}

char *
cc_review_default_path(const struct cc_ctx *ctx)
{
	return xasprintf("%s/review.yaml", ctx->rules_dir);
}

int
cc_pipeline_findings(struct cc_ctx *ctx, const char *review_path,
    const char *kind, struct cc_findings *out)
{
	struct cc_review	*rv = NULL;
	struct cc_diag		 d;
	char			*def = NULL;
	int			 rc;

	if (cc_store_get_findings(ctx->store, kind, out) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		return CC_EXIT_INTERNAL;
	}
	if (review_path == NULL)
		review_path = def = cc_review_default_path(ctx);
	cc_diag_clear(&d);
	rc = cc_review_load(review_path, &rv, &d);
	free(def);
	if (rc != CC_OK) {
		cc_diag_print(&d, "error");
		return CC_EXIT_USAGE;
	}
	cc_review_apply(rv, out);
	cc_review_free(rv);
	return CC_EXIT_OK;
}

static int
report_load(void *arg, struct cc_report_article *ra, struct cc_diag *d)
{
	return load_text(arg, ra->art.name, &ra->art.text, &ra->art.len,
	    &ra->sents, d);
}

static int
report_sentence(void *arg, int64_t id, char **out, struct cc_diag *d)
{
	if (cc_store_claim_sentence(arg, id, out) != CC_OK) {
		*d = *cc_store_diag(arg);
		return CC_ESTORE;
	}
	return CC_OK;
}

static int
report_claims(void *arg, struct cc_report_article *ra, struct cc_diag *d)
{
	struct cc_claim_filter	f;

	f.article = ra->art.name;
	f.type = NULL;
	if (cc_store_get_claims(arg, &f, &ra->claims) != CC_OK) {
		*d = *cc_store_diag(arg);
		return CC_ESTORE;
	}
	return CC_OK;
}

/* Each article's claims stamp (cc_store_claim_stamps()), so the report
 * knows an up-to-date page without reading its claims. */
struct report_stamps {
	struct cc_report_article	*arts;		/* by name */
	size_t				 n;
	char				**stamps;	/* theirs */
};

static int
report_stamp(void *arg, const char *name, const char *stamp)
{
	struct report_stamps	*st = arg;
	size_t			 lo = 0, hi = st->n, mid;
	int			 c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(name, st->arts[mid].art.name)) == 0) {
			if (stamp == NULL || st->stamps[mid] != NULL)
				return CC_OK;
			st->stamps[mid] = xstrdup(stamp);
			st->arts[mid].claims_stamp = st->stamps[mid];
			/* "count:sum:max" */
			st->arts[mid].nclaims_stamped = strtoul(stamp, NULL,
			    10);
			return CC_OK;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return CC_OK;
}

/*
 * The claims cited past CITED_SPLIT are read in two halves at once, the
 * upper one on a connection of its own (a big corpus cites millions).
 */
#define CITED_SPLIT	4096

struct cited_part {
	const char		*path;
	int64_t			*ids;
	size_t			 n;
	struct cc_claims	 claims;
	struct cc_store_strings	*strs;
	int			 rc;
	struct cc_diag		 d;
};

static void *
cited_thread(void *arg)
{
	struct cited_part	*p = arg;
	struct cc_store		*s;

	if ((p->rc = cc_store_open(p->path, &s, &p->d)) != CC_OK)
		return NULL;
	if ((p->rc = cc_store_get_claims_by_ids(s, p->ids, p->n, &p->claims,
	    &p->strs)) != CC_OK)
		p->d = *cc_store_diag(s);
	cc_store_close(s);
	return NULL;
}

/* Claims ids[0..n) into claims (strings in *strs), in id order, in two
 * halves at once with more than one job.  Both halves go into one
 * array made for all of them (a copy would hold a half twice: 150 MB
 * at 100k articles); the gap a missing id leaves is closed after. */
static int
report_claims_ids(struct cc_ctx *ctx, int64_t *ids, size_t n,
    struct cc_claims *claims, struct cc_store_strings **strs)
{
	struct cited_part	 p;
	pthread_t		 th;
	size_t			 half;
	int			 rc;

	if (ctx->jobs < 2 || n < CITED_SPLIT || claims->n != 0)
		goto one;
	n = cc_store_ids_unique(ids, n);
	half = n / 2;
	claims->v = xreallocarray(claims->v, n + 1, sizeof *claims->v);
	claims->cap = half;
	memset(&p, 0, sizeof p);
	p.path = ctx->db_path;
	p.ids = ids + half;
	p.n = n - half;
	/* (an id gives one row at most: neither half outgrows its room) */
	p.claims.v = claims->v + half;
	p.claims.cap = n - half;
	if (pthread_create(&th, NULL, cited_thread, &p) != 0) {
		claims->cap = n + 1;
		goto one;
	}
	rc = cc_store_get_claims_by_ids(ctx->store, ids, half, claims, strs);
	pthread_join(th, NULL);
	if (rc != CC_OK)
		cc_diag_print(cc_store_diag(ctx->store), "error");
	else if ((rc = p.rc) != CC_OK)
		cc_diag_print(&p.d, "error");
	else {
		memmove(claims->v + claims->n, p.claims.v,
		    p.claims.n * sizeof *p.claims.v);
		claims->n += p.claims.n;
		cc_store_strings_merge(*strs, p.strs);
	}
	claims->cap = n + 1;
	if (rc != CC_OK) {
		/* the upper half's claims are in claims->v: only their
		 * strings go here */
		p.claims.v = NULL;
		cc_store_claims_release_shared(&p.claims, p.strs);
	}
	return rc;
one:
	if ((rc = cc_store_get_claims_by_ids(ctx->store, ids, n, claims,
	    strs)) != CC_OK)
		cc_diag_print(cc_store_diag(ctx->store), "error");
	return rc;
}

/* The claims Render needs at once: all of them in a small store, else
 * only those findings cite (each article's own come with its page).
 * Errors are told here. */
static int
report_claims_cited(struct cc_ctx *ctx, const struct cc_findings *findings,
    size_t *nall, struct cc_claims *claims, struct cc_store_strings **strs)
{
	int64_t		*ids = NULL;
	size_t		 i, k, n = 0, cap = 0;
	const char	*id;
	int		 rc;

	if ((rc = cc_store_claims_count(ctx->store, nall)) == CC_OK &&
	    *nall <= CC_REPORT_CLAIMS_MAX)
		rc = cc_store_get_claims_shared(ctx->store, claims, strs);
	if (rc != CC_OK || *nall <= CC_REPORT_CLAIMS_MAX) {
		if (rc != CC_OK)
			cc_diag_print(cc_store_diag(ctx->store), "error");
		return rc;
	}
	for (i = 0; i < findings->n; i++)
		for (k = 0; k < findings->v[i].nclaims; k++) {
			/* "c17"; anything else names no claim */
			id = findings->v[i].claims[k];
			if (id == NULL || id[0] != 'c' ||
			    strspn(id + 1, "0123456789") != strlen(id + 1) ||
			    id[1] == '\0' || strlen(id) > 19)
				continue;
			if (n == cap) {
				cap = cap ? 2 * cap : 1024;
				ids = xreallocarray(ids, cap, sizeof *ids);
			}
			ids[n++] = strtoll(id + 1, NULL, 10);
		}
	rc = report_claims_ids(ctx, ids, n, claims, strs);
	free(ids);
	return rc;
}

int
cc_pipeline_report(struct cc_ctx *ctx, const char *outdir,
    const struct cc_findings *findings)
{
	struct cc_report_article	*arts = NULL;
	struct cc_report_input		 in;
	struct cc_report_source		 src;
	struct cc_report_stats		 stats;
	struct cc_claims		 claims;
	struct cc_store_strings		*strs = NULL;
	struct cc_diag			 d;
	struct cc_article		*metas = NULL;
	struct report_stamps		 st;
	size_t				 n = 0, i, nall = 0;
	int				 rc = CC_EXIT_OK;

	memset(&claims, 0, sizeof claims);
	memset(&st, 0, sizeof st);
	/* metadata only: the text comes back one page at a time */
	if (cc_store_articles_meta(ctx->store, &metas, &n) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		rc = CC_EXIT_INTERNAL;
		goto out;
	}
	if (report_claims_cited(ctx, findings, &nall, &claims,
	    &strs) != CC_OK) {
		rc = CC_EXIT_INTERNAL;
		goto out;
	}
	arts = xcalloc(n ? n : 1, sizeof *arts);
	for (i = 0; i < n; i++)
		arts[i].art = metas[i];
	free(metas);
	metas = NULL;
	st.arts = arts;
	st.n = n;
	st.stamps = xcalloc(n ? n : 1, sizeof *st.stamps);
	if (cc_store_claim_stamps(ctx->store, report_stamp, &st) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		rc = CC_EXIT_INTERNAL;
		goto out;
	}
	in.articles = arts;
	in.narticles = n;
	in.claims = &claims;
	in.findings = findings;
	in.salt = ctx->pack->hash;
	in.nclaims_all = nall;
	in.jobs = ctx->jobs;
	src.load = report_load;
	src.claims = report_claims;
	src.sentence = report_sentence;
	src.arg = ctx->store;
	cc_diag_clear(&d);
	if (cc_report_write_from(outdir, &in, &src, &stats, &d) != CC_OK) {
		cc_diag_print(&d, "error");
		rc = CC_EXIT_INTERNAL;
	} else
		cc_info("report: %zu pages written, %zu unchanged (%zu of "
		    "them up to date and not rendered)", stats.written,
		    stats.unchanged, stats.skipped);
out:
	for (i = 0; i < n; i++) {
		if (metas != NULL)
			cc_article_release(&metas[i]);
		if (arts != NULL) {
			cc_article_release(&arts[i].art);
			cc_sentences_release(&arts[i].sents);
		}
		if (st.stamps != NULL)
			free(st.stamps[i]);
	}
	free(metas);
	free(arts);
	free(st.stamps);
	cc_store_claims_release_shared(&claims, strs);
	return rc;
}

int
cc_pipeline_stage(struct cc_ctx *ctx, int (*stage)(struct cc_ctx *))
{
	int	rc;

	if (cc_store_begin(ctx->store) != CC_OK)
		goto fail;
	if ((rc = stage(ctx)) != CC_EXIT_OK) {
		cc_store_rollback(ctx->store);
		return rc;
	}
	if (cc_store_commit(ctx->store) != CC_OK)
		goto fail;
	return CC_EXIT_OK;
fail:
	cc_diag_print(cc_store_diag(ctx->store), "error");
	return CC_EXIT_INTERNAL;
}
