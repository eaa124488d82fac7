/*
 * cmd-findings.c - "claimcheck findings": dump the stored findings in
 * report order, one record per line, as JSON Lines (SPEC.md shape) or TSV
 * with a header line.  Status comes from the review file, as in report
 * and check, so a script sees what the CI gate sees.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"

static int
cmd_findings_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	const struct cc_cmd_entry	*e = &cc_cmd_findings_entry;
	struct cc_findings		 fs;
	struct cc_buf			 b = CC_BUF_INIT;
	const char			*format = NULL, *kind = NULL;
	const char			*review = NULL;
	struct cc_opt			 opts[] = {
		{ "format", 1, &format },
		{ "kind", 1, &kind },
		{ "review", 1, &review },
		{ NULL, 0, NULL }
	};
	size_t				 i;
	int				 tsv, rc, first;

	if ((first = cc_cmd_parse(e, argc, argv, opts)) < 0)
		return CC_EXIT_USAGE;
	if (first != argc) {
		fprintf(stderr, "claimcheck %s: unexpected argument '%s'\n",
		    e->name, argv[first]);
		cc_cmd_usage(e, 1);
		return CC_EXIT_USAGE;
	}
	if (format == NULL || strcmp(format, "jsonl") == 0)
		tsv = 0;
	else if (strcmp(format, "tsv") == 0)
		tsv = 1;
	else {
		fprintf(stderr, "claimcheck %s: unknown format '%s' "
		    "(jsonl or tsv)\n", e->name, format);
		cc_cmd_usage(e, 1);
		return CC_EXIT_USAGE;
	}
	/* A dump must not create an empty store in the wrong directory and
	 * print nothing: say where we looked. */
	if (ctx->store == NULL && access(ctx->db_path, F_OK) != 0) {
		cc_error("%s: no claim store here (run 'claimcheck report' or "
		    "'claimcheck compare' first, or give --db)", ctx->db_path);
		return CC_EXIT_USAGE;
	}
	if ((rc = cc_ctx_store(ctx)) != CC_EXIT_OK)
		return rc;

	memset(&fs, 0, sizeof fs);
	if ((rc = cc_pipeline_findings(ctx, review, kind, &fs)) !=
	    CC_EXIT_OK) {
		cc_findings_release(&fs);
		return rc;
	}
	rc = CC_OK;
	if (tsv)
		rc = cc_buf_printf(&b, "%s\n", cc_finding_tsv_header());
	for (i = 0; i < fs.n && rc == CC_OK; i++) {
		rc = tsv ? cc_finding_tsv(&fs.v[i], &b) :
		    cc_finding_json(&fs.v[i], &b);
		if (rc == CC_OK)
			rc = cc_buf_addc(&b, '\n');
		if (rc == CC_OK && b.len >= 65536) {
			if (fwrite(b.data, 1, b.len, stdout) != b.len)
				rc = CC_EIO;
			cc_buf_reset(&b);
		}
	}
	if (rc == CC_OK && b.len > 0 &&
	    fwrite(b.data, 1, b.len, stdout) != b.len)
		rc = CC_EIO;
	if (fflush(stdout) != 0)
		rc = CC_EIO;
	if (rc == CC_EIO)
		cc_error("stdout: %s", strerror(errno));
	else if (rc != CC_OK)
		cc_error("findings: %s", cc_strerror(rc));
	cc_buf_release(&b);
	cc_findings_release(&fs);
	return rc == CC_OK ? CC_EXIT_OK : CC_EXIT_INTERNAL;
}

const struct cc_cmd_entry cc_cmd_findings_entry = {
	"findings", "[--format jsonl|tsv] [--kind K] [--review FILE]",
	"dump findings, one per line",
	"  --format jsonl|tsv  output format (default: jsonl)\n"
	"  --kind K            only findings of kind K (agreement,\n"
	"                      contradiction, timeline, internal, variant,\n"
	"                      stale, single-source)\n"
	"  --review FILE       review file giving each finding's status\n"
	"                      (default: RULES/review.yaml)\n",
	0, cmd_findings_exec
};
