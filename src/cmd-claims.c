/*
 * cmd-claims.c - "claimcheck claims": dump the stored claims, one record
 * per line, as JSON Lines (SPEC.md shape) or TSV with a header line.
 *
 * Reads the store only: it never extracts, so a script sees exactly what
 * the last extract or report left behind.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"

static int
put_claim(const void *items, size_t i, int tsv, struct cc_buf *b)
{
	const struct cc_claim	*v = items;

	return tsv ? cc_claim_tsv(&v[i], b) : cc_claim_json(&v[i], b);
}

static int
cmd_claims_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	const struct cc_cmd_entry	*e = &cc_cmd_claims_entry;
	struct cc_claim_filter		 filter;
	struct cc_claims		 claims;
	struct cc_article		 a;
	const char			*format = NULL, *article = NULL;
	const char			*type = NULL;
	struct cc_opt			 opts[] = {
		{ "format", 1, &format },
		{ "article", 1, &article },
		{ "type", 1, &type },
		{ NULL, 0, NULL }
	};
	int				 tsv, rc, first;

	if ((first = cc_cmd_parse(e, argc, argv, opts)) < 0)
		return CC_EXIT_USAGE;
	if (first != argc) {
		fprintf(stderr, "claimcheck %s: unexpected argument '%s'\n",
		    e->name, argv[first]);
		cc_cmd_usage(e, 1);
		return CC_EXIT_USAGE;
	}
	if ((tsv = cc_cmd_format(e, format)) < 0)
		return CC_EXIT_USAGE;
	if ((rc = cc_ctx_existing_store(ctx)) != CC_EXIT_OK)
		return rc;
	/* An unknown name is a typo, not an article without claims. */
	if (article != NULL) {
		rc = cc_store_get_article(ctx->store, article, &a);
		cc_article_release(&a);
		if (rc == CC_ENOTFOUND) {
			cc_error("%s: no article named '%s'", ctx->db_path,
			    article);
			return CC_EXIT_USAGE;
		}
		if (rc != CC_OK) {
			cc_diag_print(cc_store_diag(ctx->store), "error");
			return CC_EXIT_INTERNAL;
		}
	}

	memset(&claims, 0, sizeof claims);
	filter.article = article;
	filter.type = type;
	if (cc_store_get_claims(ctx->store, &filter, &claims) != CC_OK) {
		cc_diag_print(cc_store_diag(ctx->store), "error");
		cc_claims_release(&claims);
		return CC_EXIT_INTERNAL;
	}
	rc = cc_cmd_print_records("claims", claims.v, claims.n, tsv,
	    cc_claim_tsv_header(), put_claim);
	cc_claims_release(&claims);
	return rc;
}

const struct cc_cmd_entry cc_cmd_claims_entry = {
	"claims", "[--format jsonl|tsv] [--article ID] [--type T]",
	"dump claims, one per line",
	"  --format jsonl|tsv  output format (default: jsonl)\n"
	"  --article ID        only the claims of article ID\n"
	"  --type T            only claims of type T (casualty, force, "
	"duration,\n"
	"                      quantity, condition, statement, quote, event,\n"
	"                      source)\n",
	0, cmd_claims_exec
};
