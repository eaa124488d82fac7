/*
 * cmd-ingest.c - "claimcheck ingest PATH...": add or update articles.
 */
#include "config.h"

#include "cmd.h"

static int
cmd_ingest_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	int	first, rc;

	if ((first = cc_cmd_parse(&cc_cmd_ingest_entry, argc, argv,
	    NULL)) < 0)
		return CC_EXIT_USAGE;
	if (first >= argc) {
		cc_cmd_usage(&cc_cmd_ingest_entry, 1);
		return CC_EXIT_USAGE;
	}
	if (cc_store_begin(ctx->store) != CC_OK)
		goto fail;
	rc = cc_pipeline_ingest(ctx, argv + first, (size_t)(argc - first));
	if (rc != CC_EXIT_OK) {
		cc_store_rollback(ctx->store);
		return rc;
	}
	if (cc_store_commit(ctx->store) != CC_OK)
		goto fail;
	return ctx->nbad > 0 ? CC_EXIT_USAGE : CC_EXIT_OK;
fail:
	cc_diag_print(cc_store_diag(ctx->store), "error");
	return CC_EXIT_INTERNAL;
}

const struct cc_cmd_entry cc_cmd_ingest_entry = {
	"ingest", "PATH...",
	"add or update articles (files, directories, '-' = stdin)",
	"Each article is identified by its name (file name without extension)\n"
	"and its content hash: re-ingesting the same text does nothing, a\n"
	"changed text replaces the article and its claims.  Unusable files\n"
	"are reported and skipped (exit status 2 after the rest is stored).\n",
	CC_CMD_NEEDS_STORE, cmd_ingest_exec
};
