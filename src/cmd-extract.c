/*
 * cmd-extract.c - "claimcheck extract": (re)extract claims for articles
 * whose text or rules changed since they were last extracted; with
 * --stdin, a pure filter from articles (JSON Lines) to claims (JSON
 * Lines) that never opens a store, for map steps on other machines.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

static int
cmd_extract_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	const char	*in = NULL, *format = NULL;
	struct cc_opt	 opts[] = {
		{ "stdin", 0, &in },
		{ "format", 1, &format },
		{ NULL, 0, NULL }
	};
	int		 rc;

	if (cc_cmd_parse(&cc_cmd_extract_entry, argc, argv, opts) != argc) {
		cc_cmd_usage(&cc_cmd_extract_entry, 1);
		return CC_EXIT_USAGE;
	}
	if (in == NULL) {
		if (format != NULL) {
			fprintf(stderr, "claimcheck extract: --format goes "
			    "with --stdin\n");
			return CC_EXIT_USAGE;
		}
		if ((rc = cc_ctx_store(ctx)) != CC_EXIT_OK)
			return rc;
		return cc_pipeline_stage(ctx, cc_pipeline_extract);
	}
	if (format != NULL && strcmp(format, "jsonl") != 0) {
		fprintf(stderr, "claimcheck extract: unknown format '%s' "
		    "(jsonl)\n", format);
		return CC_EXIT_USAGE;
	}
	rc = cc_pipeline_extract_stream(ctx, "-", STDIN_FILENO);
	/* As ingest: skipped lines make exit status 2 after the rest. */
	return rc == CC_EXIT_OK && ctx->nbad > 0 ? CC_EXIT_USAGE : rc;
}

/* The store is opened by exec, not by main: the filter must not create
 * one. */
const struct cc_cmd_entry cc_cmd_extract_entry = {
	"extract", "[--stdin [--format jsonl]]",
	"(re)extract claims for articles whose text or rules changed",
	"  --stdin          filter: articles as JSON Lines on stdin, claims as\n"
	"                   JSON Lines on stdout (ids ARTICLE#N); no database\n"
	"  --format jsonl   output format of --stdin (the only one)\n",
	CC_CMD_NEEDS_PACK, cmd_extract_exec
};
