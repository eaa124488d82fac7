/*
 * pipeline.c - the stages run in order by the commands: ingest, extract,
 * compare.  Each stage does only the work its inputs call for, so a
 * re-run on an unchanged corpus does nothing but read state.
 */
#include "config.h"

#include <errno.h>
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
 * order.  SQLite is touched by one thread only, and claim ids come out
 * the same whatever the number of jobs.
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

static void
extract_items(struct cc_extractor *ex, struct extract_batch *b)
{
	struct extract_item	*it;
	size_t			 i;

	for (;;) {
		pthread_mutex_lock(&b->lock);
		i = b->next++;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->n)
			return;
		it = &b->items[i];
		if (!it->loaded)
			continue;
		(void)cc_extract_article(ex, &it->a, &it->sents,
		    &it->claims);
		if (b->shared != NULL)
			line_keys(b->shared, it);
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

/* Extract the n named articles and store the results; the lines in
 * shared are furniture. */
static int
extract_names(struct cc_ctx *ctx, char *const *names, size_t n,
    const struct cc_lineset *shared, size_t *nclaims)
{
	struct extract_worker	*w;
	struct extract_batch	 b;
	struct extract_item	*it;
	size_t			 i, done = 0, cap;
	unsigned		 jobs = ctx->jobs > 0 ? ctx->jobs : 1, j;
	int			 rc = CC_EXIT_OK;

	if (jobs > n)
		jobs = n > 0 ? (unsigned)n : 1;
	cap = EXTRACT_BATCH * jobs;
	memset(&b, 0, sizeof b);
	b.items = xcalloc(cap, sizeof *b.items);
	b.shared = shared;
	pthread_mutex_init(&b.lock, NULL);
	w = xcalloc(jobs, sizeof *w);
	for (j = 0; j < jobs; j++) {
		w[j].ex = cc_extractor_new(ctx->pack);
		cc_extractor_set_shared(w[j].ex, shared);
		w[j].batch = &b;
	}
	while (done < n && rc == CC_EXIT_OK) {
		b.n = n - done < cap ? n - done : cap;
		b.next = 0;
		for (i = 0; i < b.n; i++) {
			it = &b.items[i];
			cc_article_init(&it->a);
			if (cc_store_get_article(ctx->store, names[done + i],
			    &it->a) == CC_OK)
				it->loaded = 1;
			else {
				cc_diag_print(cc_store_diag(ctx->store),
				    "error");
				rc = CC_EXIT_INTERNAL;
			}
		}
		extract_batch_run(w, jobs, &b);
		for (i = 0; i < b.n; i++) {
			it = &b.items[i];
			if (rc == CC_EXIT_OK && it->loaded &&
			    cc_store_put_extraction(ctx->store, &it->a,
			    ctx->pack->hash, &it->sents, &it->claims) != CC_OK) {
				cc_diag_print(cc_store_diag(ctx->store),
				    "error");
				rc = CC_EXIT_INTERNAL;
			}
			if (rc == CC_EXIT_OK && it->loaded &&
			    cc_store_put_line_keys(ctx->store, it->a.name,
			    it->keys, it->inset, it->nkeys) != CC_OK) {
				cc_diag_print(cc_store_diag(ctx->store),
				    "error");
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
		done += b.n;
		if (ctx->progress)
			fprintf(stderr, "\rclaimcheck: extracting: %zu/%zu",
			    done, n);
	}
	if (ctx->progress && n > 0)
		fputc('\n', stderr);
	for (j = 0; j < jobs; j++)
		cc_extractor_free(w[j].ex);
	free(w);
	pthread_mutex_destroy(&b.lock);
	free(b.items);
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

	if (a->warn.msg[0] != '\0')
		cc_diag_print(&a->warn, "warning");
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

static int
compare_load(void *arg, const struct cc_compare_doc *doc, char **text,
    size_t *len)
{
	struct cc_ctx	*ctx = arg;
	struct cc_diag	 d;
	int		 rc;

	if ((rc = load_text(ctx->store, doc->name, text, len, NULL,
	    &d)) != CC_OK)
		cc_diag_print(&d, "error");
	return rc;
}

/* Compare claims with the articles' dates and texts (for the timeline
 * and spelling checks); the texts are read back one at a time. */
static int
compare_corpus(struct cc_ctx *ctx, const struct cc_claims *claims,
    struct cc_findings *findings)
{
	struct cc_compare_doc	*docs = NULL;
	struct cc_article	*arts = NULL;
	char			**names = NULL;
	size_t			 n = 0, i;
	int			 rc;

	if ((rc = cc_store_article_names(ctx->store, &names, &n)) != CC_OK)
		return rc;
	arts = xcalloc(n ? n : 1, sizeof *arts);
	docs = xcalloc(n ? n : 1, sizeof *docs);
	for (i = 0; i < n; i++)
		cc_article_init(&arts[i]);
	for (i = 0; i < n && rc == CC_OK; i++) {
		if ((rc = cc_store_get_article(ctx->store, names[i],
		    &arts[i])) != CC_OK)
			break;
		docs[i].name = arts[i].name;
		docs[i].outlet = arts[i].outlet;
		docs[i].date = arts[i].date;
		docs[i].date_min = arts[i].date_min;
		docs[i].date_max = arts[i].date_max;
		docs[i].date_basis = arts[i].date_basis;
		free(arts[i].text);
		arts[i].text = NULL;
		arts[i].len = 0;
	}
	if (rc == CC_OK)
		rc = cc_compare_docs_from(ctx->pack, claims, docs, n,
		    compare_load, ctx, findings);
	for (i = 0; i < n; i++) {
		cc_article_release(&arts[i]);
		free(names[i]);
	}
	free(names);
	free(arts);
	free(docs);
	return rc;
}

int
cc_pipeline_compare(struct cc_ctx *ctx, int force)
{
	struct cc_claims	 claims;
	struct cc_store_strings	*strs = NULL;
	struct cc_findings	 findings;
	char			*gen = NULL, *done = NULL, *want;
	int			 rc = CC_EXIT_OK;

	memset(&claims, 0, sizeof claims);
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
	if (cc_store_get_claims_shared(ctx->store, &claims, &strs) != CC_OK ||
	    compare_corpus(ctx, &claims, &findings) != CC_OK ||
	    cc_store_put_findings(ctx->store, findings.v, findings.n) != CC_OK ||
	    cc_store_meta_set(ctx->store, "findings_gen", want) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		rc = CC_EXIT_INTERNAL;
		goto out;
	}
	cc_info("compare: %zu claims, %zu findings", claims.n, findings.n);
out:
	cc_findings_release(&findings);
	cc_store_claims_release_shared(&claims, strs);
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

/* The claims Render needs at once: all of them in a small store, else
 * only those findings cite (each article's own come with its page). */
static int
report_claims_cited(struct cc_store *store,
    const struct cc_findings *findings, size_t *nall,
    struct cc_claims *claims, struct cc_store_strings **strs)
{
	struct cc_buf	b = CC_BUF_INIT;
	size_t		i, k;
	const char	*id;
	int		rc;

	if ((rc = cc_store_claims_count(store, nall)) != CC_OK)
		return rc;
	if (*nall <= CC_REPORT_CLAIMS_MAX)
		return cc_store_get_claims_shared(store, claims, strs);
	cc_buf_addc(&b, '[');
	for (i = 0; i < findings->n; i++)
		for (k = 0; k < findings->v[i].nclaims; k++) {
			/* "c17"; anything else names no claim */
			id = findings->v[i].claims[k];
			if (id == NULL || id[0] != 'c' ||
			    strspn(id + 1, "0123456789") != strlen(id + 1) ||
			    id[1] == '\0' || strlen(id) > 19)
				continue;
			if (b.len > 1)
				cc_buf_addc(&b, ',');
			cc_buf_adds(&b, id + 1);
		}
	cc_buf_addc(&b, ']');
	rc = cc_store_get_claims_by_ids(store, b.data, claims, strs);
	cc_buf_release(&b);
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
	char				**names = NULL;
	size_t				 n = 0, i, nall = 0;
	int				 rc = CC_EXIT_OK;

	memset(&claims, 0, sizeof claims);
	if (cc_store_article_names(ctx->store, &names, &n) != CC_OK ||
	    report_claims_cited(ctx->store, findings, &nall, &claims,
	    &strs) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		rc = CC_EXIT_INTERNAL;
		goto out;
	}
	arts = xcalloc(n ? n : 1, sizeof *arts);
	for (i = 0; i < n; i++) {
		cc_article_init(&arts[i].art);
		if (cc_store_get_article(ctx->store, names[i], &arts[i].art) !=
		    CC_OK) {
			cc_diag_print(cc_store_diag(ctx->store), "error");
			rc = CC_EXIT_INTERNAL;
			goto out;
		}
		/* metadata only: the text comes back one page at a time */
		free(arts[i].art.text);
		arts[i].art.text = NULL;
		arts[i].art.len = 0;
	}
	in.articles = arts;
	in.narticles = n;
	in.claims = &claims;
	in.findings = findings;
	in.salt = ctx->pack->hash;
	in.nclaims_all = nall;
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
		if (arts != NULL) {
			cc_article_release(&arts[i].art);
			cc_sentences_release(&arts[i].sents);
		}
		free(names[i]);
	}
	free(arts);
	free(names);
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
