/*
 * cmd-ingest-claims.c - "claimcheck ingest-claims FILE|-": load claims
 * made elsewhere (by "extract --stdin" on other machines) into the store,
 * so that compare, findings and report work on them.
 *
 * The input is streamed: the claims of one article arrive together (the
 * filter writes them so), and each group is stored as that article's
 * extraction.  An article already in the store (ingested as usual, which
 * is cheap) keeps its text: its sentences and document date are worked
 * out here as extract would (no rules are run), so the comparison sees
 * exactly what it sees after a local extract.  An article the store does
 * not know becomes a placeholder: no text, the outlet of its claims, no
 * date; the text checks of the comparison skip it.  Either way the
 * article is marked extracted with the current rules, so run the filter
 * with the same rule packs.  Ids in the input ("ARTICLE#N") are not
 * kept: once all are in, the new claims are numbered as a local extract
 * numbers them (by article name, then in text order), so the order in
 * which many mappers' outputs were merged does not matter.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "extract.h"
#include "hash.h"
#include "xmalloc.h"

/* A claim line is a sentence and some fields, never this long. */
#define LINE_MAX_BYTES	((size_t)1 << 20)

/* The names stored in this run, so that an article whose claims come in
 * two groups gets both (the second is appended, not a replacement). */
struct seen {
	char	**v;
	size_t	  cap;		/* power of two */
	size_t	  n;
};

static int
seen_add(struct seen *s, const char *name)
{
	char	**old = s->v;
	size_t	  i, k, oldcap = s->cap;

	if (2 * (s->n + 1) > s->cap) {
		s->cap = s->cap ? 2 * s->cap : 1024;
		s->v = xcalloc(s->cap, sizeof *s->v);
		s->n = 0;
		for (k = 0; k < oldcap; k++)
			if (old[k] != NULL) {
				for (i = cc_hash64(old[k], strlen(old[k])) &
				    (s->cap - 1); s->v[i] != NULL;
				    i = (i + 1) & (s->cap - 1))
					;
				s->v[i] = old[k];
				s->n++;
			}
		free(old);
	}
	for (i = cc_hash64(name, strlen(name)) & (s->cap - 1);
	    s->v[i] != NULL; i = (i + 1) & (s->cap - 1))
		if (strcmp(s->v[i], name) == 0)
			return 0;
	s->v[i] = xstrdup(name);
	s->n++;
	return 1;
}

static void
seen_release(struct seen *s)
{
	size_t	i;

	for (i = 0; i < s->cap; i++)
		free(s->v[i]);
	free(s->v);
}

struct load {
	struct cc_ctx		*ctx;
	const char		*path;
	struct cc_extractor	*ex;
	struct seen		 seen;
	size_t			 narticles;
	size_t			 nplaceholders;
	size_t			 nclaims;
};

static void
set_str(char **slot, const char *v)
{
	free(*slot);
	*slot = v != NULL ? xstrdup(v) : NULL;
}

/* The extraction state of an article the store holds: sentences and
 * document date as cc_extract_article() sets them. */
static void
analyze(struct load *ld, struct cc_article *a, struct cc_sentences *sents)
{
	struct cc_docdate	dd;
	struct cc_fold		f;
	char			buf[16];
	size_t			i;

	cc_fold(a->text, a->len, &f);
	cc_segment(f.s, f.len, sents);
	cc_boiler_mark(ld->ctx->pack->boiler, f.s, f.len, sents);
	memset(&dd, 0, sizeof dd);
	cc_extract_docdate(ld->ex, a->published, &f, sents, &dd);
	if (dd.date.y != 0) {
		cc_date_iso(&dd.date, buf, sizeof buf);
		set_str(&a->date, buf);
		cc_date_iso(&dd.lo, buf, sizeof buf);
		set_str(&a->date_min, buf);
		cc_date_iso(&dd.hi, buf, sizeof buf);
		set_str(&a->date_max, buf);
		set_str(&a->date_basis, dd.basis);
	}
	cc_docdate_release(&dd);
	for (i = 0; i < sents->n; i++) {
		sents->v[i].start = f.map[sents->v[i].start];
		sents->v[i].end = cc_fold_orig_end(&f, a->text,
		    sents->v[i].end);
	}
	cc_fold_release(&f);
}

/* Store one article's claims. */
static int
attach(struct load *ld, struct cc_claims *cs)
{
	struct cc_store		*st = ld->ctx->store;
	struct cc_article	 a;
	struct cc_sentences	 sents;
	const char		*name = cs->v[0].article;
	const char		*outlet = cs->v[0].outlet;
	int			 rc, changed;

	ld->nclaims += cs->n;
	if (!seen_add(&ld->seen, name))
		return cc_store_add_claims(st, name, cs);
	ld->narticles++;
	cc_article_init(&a);
	memset(&sents, 0, sizeof sents);
	rc = cc_store_get_article(st, name, &a);
	if (rc == CC_ENOTFOUND) {
		cc_article_release(&a);
		cc_article_init(&a);
		a.name = xstrdup(name);
		a.path = xstrdup(ld->path);
		a.format = xstrdup("claims");
		a.text = xstrdup("");
		set_str(&a.outlet, outlet);
		if (outlet != NULL)
			a.outlet_basis = xstrdup("claims");
		cc_article_hash(&a);
		ld->nplaceholders++;
		rc = cc_store_put_article(st, &a, &changed);
	} else if (rc == CC_OK) {
		analyze(ld, &a, &sents);
		/* The filter settled the outlet (metadata, URL or text). */
		if (outlet != NULL && (a.outlet == NULL ||
		    strcmp(a.outlet, outlet) != 0)) {
			if (a.outlet == NULL)
				set_str(&a.outlet_basis, "claims");
			set_str(&a.outlet, outlet);
		}
	}
	if (rc == CC_OK)
		rc = cc_store_put_extraction(st, &a, ld->ctx->pack->hash,
		    &sents, cs);
	cc_sentences_release(&sents);
	cc_article_release(&a);
	return rc;
}

static int
load_stream(struct load *ld, FILE *fp)
{
	struct cc_claims	 group;
	struct cc_claim		 c;
	struct cc_diag		 d;
	char			*line = NULL;
	size_t			 cap = 0, len, i;
	ssize_t			 r;
	unsigned		 lineno = 0;
	int			 rc = CC_OK;

	memset(&group, 0, sizeof group);
	while (rc == CC_OK && (r = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		len = (size_t)r;
		if (len > 0 && line[len - 1] == '\n')
			len--;
		for (i = 0; i < len && (line[i] == ' ' || line[i] == '\t' ||
		    line[i] == '\r'); i++)
			;
		if (i == len)
			continue;
		cc_diag_clear(&d);
		if (len > LINE_MAX_BYTES) {
			cc_diag_set(&d, ld->path, lineno, 1, "line longer "
			    "than %zu bytes", LINE_MAX_BYTES);
			goto bad;
		}
		if (cc_claim_parse(ld->path, lineno, line, len, &c, &d) !=
		    CC_OK)
			goto bad;
		if (group.n > 0 && strcmp(group.v[0].article, c.article) != 0) {
			rc = attach(ld, &group);
			cc_claims_release(&group);
		}
		*cc_claims_push(&group) = c;
		continue;
bad:
		cc_diag_print(&d, "error");
		ld->ctx->nbad++;
	}
	if (rc == CC_OK && ferror(fp)) {
		cc_error("%s: %s", ld->path, strerror(errno));
		rc = CC_EIO;
	}
	if (rc == CC_OK && group.n > 0)
		rc = attach(ld, &group);
	cc_claims_release(&group);
	free(line);
	if (rc != CC_OK && rc != CC_EIO)
		cc_diag_print(cc_store_diag(ld->ctx->store), "error");
	return rc;
}

static int
cmd_ingest_claims_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	struct load	 ld;
	FILE		*fp;
	int64_t		 seq;
	int		 first, rc;

	if ((first = cc_cmd_parse(&cc_cmd_ingest_claims_entry, argc, argv,
	    NULL)) < 0)
		return CC_EXIT_USAGE;
	if (first != argc - 1) {
		cc_cmd_usage(&cc_cmd_ingest_claims_entry, 1);
		return CC_EXIT_USAGE;
	}
	memset(&ld, 0, sizeof ld);
	ld.ctx = ctx;
	ld.path = argv[first];
	if (strcmp(ld.path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(ld.path, "r")) == NULL) {
		cc_error("%s: %s", ld.path, strerror(errno));
		return CC_EXIT_USAGE;
	}
	if ((rc = cc_ctx_store(ctx)) != CC_EXIT_OK)
		goto out;
	if (cc_store_begin(ctx->store) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		rc = CC_EXIT_INTERNAL;
		goto out;
	}
	ld.ex = cc_extractor_new(ctx->pack);
	if (cc_store_claims_seq(ctx->store, &seq) != CC_OK ||
	    (rc = load_stream(&ld, fp)) != CC_OK ||
	    cc_store_claims_renumber(ctx->store, seq) != CC_OK) {
		if (rc == CC_OK)
			cc_diag_print(cc_store_diag(ctx->store), "error");
		cc_store_rollback(ctx->store);
		rc = CC_EXIT_INTERNAL;
	} else if (cc_store_commit(ctx->store) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		rc = CC_EXIT_INTERNAL;
	} else {
		cc_info("ingest-claims: %zu claims for %zu articles (%zu "
		    "placeholders), %u lines skipped", ld.nclaims,
		    ld.narticles, ld.nplaceholders, ctx->nbad);
		rc = ctx->nbad > 0 ? CC_EXIT_USAGE : CC_EXIT_OK;
	}
	cc_extractor_free(ld.ex);
	seen_release(&ld.seen);
out:
	if (fp != stdin)
		fclose(fp);
	return rc;
}

/* The store is opened by exec, after the input is known to be there. */
const struct cc_cmd_entry cc_cmd_ingest_claims_entry = {
	"ingest-claims", "FILE|-",
	"load claims made elsewhere (extract --stdin) into the store",
	"Claims are JSON Lines in the shape 'claims --format jsonl' prints;\n"
	"those of one article are stored as its extraction.  An article the\n"
	"store holds (ingest it first for the full comparison) keeps its text\n"
	"and gets its sentences and date as extract would; an unknown one\n"
	"becomes a placeholder without text.  Bad lines are reported as\n"
	"FILE:LINE:COL and skipped (exit status 2 after the rest is stored).\n",
	CC_CMD_NEEDS_PACK, cmd_ingest_claims_exec
};
