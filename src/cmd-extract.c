/*
 * cmd-extract.c - "claimcheck extract": (re)extract claims for articles
 * whose text or rules changed since they were last extracted.
 */
#include "config.h"

#include "cmd.h"

static int
cmd_extract_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	if (cc_cmd_parse(&cc_cmd_extract_entry, argc, argv, NULL) != argc) {
		cc_cmd_usage(&cc_cmd_extract_entry, 1);
		return CC_EXIT_USAGE;
	}
	return cc_pipeline_stage(ctx, cc_pipeline_extract);
}

const struct cc_cmd_entry cc_cmd_extract_entry = {
	"extract", "",
	"(re)extract claims for articles whose text or rules changed",
	"",
	CC_CMD_NEEDS_STORE | CC_CMD_NEEDS_PACK, cmd_extract_exec
};
