/*
 * cmd-compare.c - "claimcheck compare": (re)run the comparison pass.
 */
#include "config.h"

#include "cmd.h"

/* An explicit compare always re-runs: it is how a user asks. */
static int
compare_forced(struct cc_ctx *ctx)
{
	return cc_pipeline_compare(ctx, 1);
}

static int
compare_full(struct cc_ctx *ctx)
{
	return cc_pipeline_compare(ctx, CC_COMPARE_FULL);
}

static int
cmd_compare_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	const char	*full = NULL;
	struct cc_opt	 opts[] = {
		{ "full", 0, &full },
		{ NULL, 0, NULL }
	};

	if (cc_cmd_parse(&cc_cmd_compare_entry, argc, argv, opts) != argc) {
		cc_cmd_usage(&cc_cmd_compare_entry, 1);
		return CC_EXIT_USAGE;
	}
	return cc_pipeline_stage(ctx, full != NULL ? compare_full :
	    compare_forced);
}

const struct cc_cmd_entry cc_cmd_compare_entry = {
	"compare", "[--full]",
	"(re)run the comparison pass",
	"  --full   compare every claim again, not only the facts the\n"
	"           articles changed since the last comparison touch\n",
	CC_CMD_NEEDS_STORE | CC_CMD_NEEDS_PACK, cmd_compare_exec
};
