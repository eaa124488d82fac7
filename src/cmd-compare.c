/*
 * cmd-compare.c - "claimcheck compare": (re)run the comparison pass.
 */
#include "config.h"

#include "cmd.h"

static int
cmd_compare_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	int	rc;

	if (cc_cmd_parse(&cc_cmd_compare_entry, argc, argv, NULL) != argc) {
		cc_cmd_usage(&cc_cmd_compare_entry, 1);
		return CC_EXIT_USAGE;
	}
	if (cc_store_begin(ctx->store) != CC_OK)
		goto fail;
	/* An explicit compare always re-runs: it is how a user asks. */
	if ((rc = cc_pipeline_compare(ctx, 1)) != CC_EXIT_OK) {
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

const struct cc_cmd_entry cc_cmd_compare_entry = {
	"compare", "",
	"(re)run the comparison pass",
	"",
	CC_CMD_NEEDS_STORE | CC_CMD_NEEDS_PACK, cmd_compare_exec
};
