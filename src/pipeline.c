/*
 * pipeline.c - the stages run in order by the commands: ingest, extract,
 * compare.  Each stage does only the work its inputs call for, so a
 * re-run on an unchanged corpus does nothing but read state.
 */
#include "config.h"

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

int
cc_pipeline_extract(struct cc_ctx *ctx)
{
	struct cc_extractor	*ex;
	struct cc_article	 a;
	struct cc_sentences	 sents;
	struct cc_claims	 claims;
	char			**names = NULL;
	size_t			 n = 0, i, nclaims = 0;
	int			 rc = CC_EXIT_OK;

	if (cc_store_pending(ctx->store, ctx->pack->hash, &names, &n) !=
	    CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		return CC_EXIT_INTERNAL;
	}
	ex = cc_extractor_new(ctx->pack);
	for (i = 0; i < n; i++) {
		cc_article_init(&a);
		memset(&sents, 0, sizeof sents);
		memset(&claims, 0, sizeof claims);
		if (cc_store_get_article(ctx->store, names[i], &a) != CC_OK ||
		    cc_extract_article(ex, &a, &sents, &claims) != CC_OK ||
		    cc_store_put_extraction(ctx->store, &a, ctx->pack->hash,
		    &sents, &claims) != CC_OK) {
			cc_diag_print(cc_store_diag(ctx->store), "error");
			rc = CC_EXIT_INTERNAL;
		}
		nclaims += claims.n;
		cc_claims_release(&claims);
		cc_sentences_release(&sents);
		cc_article_release(&a);
		if (ctx->progress)
			fprintf(stderr, "\rclaimcheck: extracting: %zu/%zu", i + 1,
			    n);
		if (rc != CC_EXIT_OK)
			break;
	}
	if (ctx->progress && n > 0)
		fputc('\n', stderr);
	if (n > 0)
		cc_info("extract: %zu article%s, %zu claims", n,
		    n == 1 ? "" : "s", nclaims);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	cc_extractor_free(ex);
	return rc;
}

/* Compare claims with the articles' dates and texts (for the timeline
 * and spelling checks). */
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
		docs[i].text = arts[i].text;
		docs[i].len = arts[i].len;
	}
	if (rc == CC_OK)
		rc = cc_compare_docs(ctx->pack, claims, docs, n, findings);
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
	if (cc_store_get_claims(ctx->store, NULL, &claims) != CC_OK ||
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
	cc_claims_release(&claims);
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

int
cc_pipeline_report(struct cc_ctx *ctx, const char *outdir,
    const struct cc_findings *findings)
{
	struct cc_report_article	*arts = NULL;
	struct cc_report_input		 in;
	struct cc_claims		 claims;
	struct cc_diag			 d;
	char				**names = NULL;
	size_t				 n = 0, i;
	int				 rc = CC_EXIT_OK;

	memset(&claims, 0, sizeof claims);
	if (cc_store_article_names(ctx->store, &names, &n) != CC_OK ||
	    cc_store_get_claims(ctx->store, NULL, &claims) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		rc = CC_EXIT_INTERNAL;
		goto out;
	}
	arts = xcalloc(n ? n : 1, sizeof *arts);
	for (i = 0; i < n; i++) {
		cc_article_init(&arts[i].art);
		if (cc_store_get_article(ctx->store, names[i], &arts[i].art) !=
		    CC_OK || cc_store_get_sentences(ctx->store, names[i],
		    &arts[i].sents) != CC_OK) {
			cc_diag_print(cc_store_diag(ctx->store), "error");
			rc = CC_EXIT_INTERNAL;
			goto out;
		}
	}
	in.articles = arts;
	in.narticles = n;
	in.claims = &claims;
	in.findings = findings;
	cc_diag_clear(&d);
	if (cc_report_write(outdir, &in, &d) != CC_OK) {
		cc_diag_print(&d, "error");
		rc = CC_EXIT_INTERNAL;
	}
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
	cc_claims_release(&claims);
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
