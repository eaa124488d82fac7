/*
 * cmd-review.c - "claimcheck review accept|dismiss ID --note TEXT":
 * record an editorial decision on a finding in the review file.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "review.h"

static int
cmd_review_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	struct cc_findings	 fs;
	struct cc_diag		 d;
	const char		*note = NULL, *review = NULL, *reviewer = NULL;
	struct cc_opt		 opts[] = {
		{ "note", 1, &note },
		{ "review", 1, &review },
		{ "reviewer", 1, &reviewer },
		{ NULL, 0, NULL }
	};
	const char		*action, *id, *status;
	char			*def = NULL, date[16];
	time_t			 now = time(NULL);
	struct tm		 tm;
	size_t			 i;
	int			 first, rc, known = 0, k;

	/* Options may come after the operands: parse twice. */
	if ((first = cc_cmd_parse(&cc_cmd_review_entry, argc, argv, opts)) < 0)
		return CC_EXIT_USAGE;
	if (argc - first < 2)
		goto usage;
	action = argv[first];
	id = argv[first + 1];
	k = cc_cmd_parse(&cc_cmd_review_entry, argc - first - 1,
	    argv + first + 1, opts);
	if (k < 0)
		return CC_EXIT_USAGE;
	if (k != argc - first - 1)
		goto usage;
	if (strcmp(action, "accept") == 0)
		status = "accepted";
	else if (strcmp(action, "dismiss") == 0)
		status = "dismissed";
	else
		goto usage;
	if (note == NULL || note[0] == '\0') {
		cc_error("review: --note TEXT is required: say why");
		return CC_EXIT_USAGE;
	}
	if (reviewer == NULL)
		reviewer = getenv("USER") ? getenv("USER") : "unknown";
	localtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	memset(&fs, 0, sizeof fs);
	if (cc_ctx_store(ctx) == CC_EXIT_OK &&
	    cc_store_get_findings(ctx->store, NULL, &fs) == CC_OK)
		for (i = 0; i < fs.n; i++)
			if (strcmp(fs.v[i].id, id) == 0)
				known = 1;
	cc_findings_release(&fs);
	if (!known)
		cc_warn("review: %s is not a finding in %s (recorded anyway)",
		    id, ctx->db_path);
	if (review == NULL)
		review = def = cc_review_default_path(ctx);
	cc_diag_clear(&d);
	rc = cc_review_record(review, id, status, reviewer, date, note, &d);
	if (rc != CC_OK)
		cc_diag_print(&d, "error");
	else
		printf("%s %s in %s\n", id, status, review);
	free(def);
	return rc == CC_OK ? CC_EXIT_OK : rc == CC_EFORMAT ? CC_EXIT_USAGE :
	    CC_EXIT_INTERNAL;
usage:
	cc_cmd_usage(&cc_cmd_review_entry, 1);
	return CC_EXIT_USAGE;
}

const struct cc_cmd_entry cc_cmd_review_entry = {
	"review", "accept|dismiss ID --note TEXT [--review FILE]",
	"record an editorial decision on a finding",
	"  --note TEXT      why (required)\n"
	"  --review FILE    review file (default: RULES/review.yaml)\n"
	"  --reviewer NAME  who decided (default: $USER)\n",
	0, cmd_review_exec
};
