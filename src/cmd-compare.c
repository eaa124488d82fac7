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
cmd_compare_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	if (cc_cmd_parse(&cc_cmd_compare_entry, argc, argv, NULL) != argc) {
		cc_cmd_usage(&cc_cmd_compare_entry, 1);
		return CC_EXIT_USAGE;
	}
	return cc_pipeline_stage(ctx, compare_forced);
}

const struct cc_cmd_entry cc_cmd_compare_entry = {
	"compare", "",
	"(re)run the comparison pass",
	"",
	CC_CMD_NEEDS_STORE | CC_CMD_NEEDS_PACK, cmd_compare_exec
};
