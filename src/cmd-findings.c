/*
 * cmd-findings.c - "claimcheck findings": dump the stored findings in
 * report order, one record per line, as JSON Lines (SPEC.md shape) or TSV
 * with a header line.  Status comes from the review file, as in report
 * and check, so a script sees what the CI gate sees.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"

static int
put_finding(const void *items, size_t i, int tsv, struct cc_buf *b)
{
	const struct cc_finding	*v = items;

	return tsv ? cc_finding_tsv(&v[i], b) : cc_finding_json(&v[i], b);
}

static int
cmd_findings_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	const struct cc_cmd_entry	*e = &cc_cmd_findings_entry;
	struct cc_findings		 fs;
	const char			*format = NULL, *kind = NULL;
	const char			*review = NULL;
	struct cc_opt			 opts[] = {
		{ "format", 1, &format },
		{ "kind", 1, &kind },
		{ "review", 1, &review },
		{ NULL, 0, NULL }
	};
	int				 tsv, rc, first;

	if ((first = cc_cmd_parse(e, argc, argv, opts)) < 0)
		return CC_EXIT_USAGE;
	if (first != argc) {
		fprintf(stderr, "claimcheck %s: unexpected argument '%s'\n",
		    e->name, argv[first]);
		cc_cmd_usage(e, 1);
		return CC_EXIT_USAGE;
	}
	if ((tsv = cc_cmd_format(e, format)) < 0)
		return CC_EXIT_USAGE;
	if ((rc = cc_ctx_existing_store(ctx)) != CC_EXIT_OK)
		return rc;

	memset(&fs, 0, sizeof fs);
	if ((rc = cc_pipeline_findings(ctx, review, kind, &fs)) !=
	    CC_EXIT_OK) {
		cc_findings_release(&fs);
		return rc;
	}
	rc = cc_cmd_print_records("findings", fs.v, fs.n, tsv,
	    cc_finding_tsv_header(), put_finding);
	cc_findings_release(&fs);
	return rc;
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
