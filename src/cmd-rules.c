/*
 * cmd-rules.c - "claimcheck rules check": load every rule pack, report
 * each error as FILE:LINE:COL, and run every rule's examples.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "extract.h"

static int
cmd_rules_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	unsigned	npass = 0, nfail = 0;
	int		rc;

	if (argc != 2 || strcmp(argv[1], "check") != 0) {
		cc_cmd_usage(&cc_cmd_rules_entry, 1);
		return CC_EXIT_USAGE;
	}
	if ((rc = cc_ctx_pack(ctx)) != CC_EXIT_OK)
		return rc;
	cc_extract_check_examples(ctx->pack, cc_diag_print_error, NULL,
	    &npass, &nfail);
	printf("rules check: %zu rules; examples: %u passed, %u failed\n",
	    ctx->pack->nrules, npass, nfail);
	return nfail > 0 ? CC_EXIT_USAGE : CC_EXIT_OK;
}

const struct cc_cmd_entry cc_cmd_rules_entry = {
	"rules", "check",
	"validate rule packs and run their examples",
	"Errors are printed as FILE:LINE:COL: error: MESSAGE; the exit\n"
	"status is 2 if any pack is invalid or any example fails.\n",
	0, cmd_rules_exec
};
