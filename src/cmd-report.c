/*
 * cmd-report.c - "claimcheck report [PATH...]": ingest, extract and
 * compare as needed, then write the HTML report.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmd.h"

static int
cmd_report_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	struct cc_findings	 findings;
	const char		*out = "reports";
	struct cc_opt		 opts[] = {
		{ "out", 1, &out },
		{ NULL, 0, NULL }
	};
	int			 first, rc;

	if ((first = cc_cmd_parse(&cc_cmd_report_entry, argc, argv,
	    opts)) < 0)
		return CC_EXIT_USAGE;
	rc = cc_pipeline_prepare(ctx, argv + first, (size_t)(argc - first));
	if (rc != CC_EXIT_OK)
		return rc;
	memset(&findings, 0, sizeof findings);
	rc = cc_pipeline_findings(ctx, NULL, NULL, &findings);
	if (rc == CC_EXIT_OK)
		rc = cc_pipeline_report(ctx, out, &findings);
	cc_findings_release(&findings);
	if (rc != CC_EXIT_OK)
		return rc;
	printf("%s/index.html\n", out);
	return ctx->nbad > 0 ? CC_EXIT_USAGE : CC_EXIT_OK;
}

const struct cc_cmd_entry cc_cmd_report_entry = {
	"report", "[--out DIR] [PATH...]",
	"ingest+extract+compare as needed, then write the HTML report",
	"  --out DIR   where to write the report (default: reports)\n"
	"With no PATH, the corpus named in the rules' config (default\n"
	"articles/) is used.  Prints the path of the index page.\n",
	CC_CMD_NEEDS_STORE | CC_CMD_NEEDS_PACK, cmd_report_exec
};
