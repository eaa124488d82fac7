/*
 * cmd-check.c - "claimcheck check": the CI gate.  Like report, then exit
 * 1 if a contradiction or timeline finding is not settled in the review
 * file.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "file.h"
#include "report.h"
#include "xmalloc.h"

/* Kinds that fail the gate until an editor has reviewed them. */
static int
gating(const struct cc_finding *f)
{
	return strcmp(f->kind, "contradiction") == 0 ||
	    strcmp(f->kind, "timeline") == 0;
}

static int
write_junit(const char *path, const struct cc_findings *fs)
{
	struct cc_buf	 b = CC_BUF_INIT;
	struct cc_diag	 d;
	size_t		 i, nfail = 0;
	int		 ok;

	for (i = 0; i < fs->n; i++)
		if (gating(&fs->v[i]) && strcmp(fs->v[i].status, "new") == 0)
			nfail++;
	cc_buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<testsuites>\n<testsuite name=\"claimcheck\" tests=\"%zu\" "
	    "failures=\"%zu\">\n", fs->n, nfail);
	for (i = 0; i < fs->n; i++) {
		const struct cc_finding *f = &fs->v[i];

		cc_buf_adds(&b, "<testcase classname=\"");
		cc_html_escape(&b, f->kind, strlen(f->kind));
		cc_buf_adds(&b, "\" name=\"");
		cc_html_escape(&b, f->id, strlen(f->id));
		cc_buf_adds(&b, " ");
		cc_html_escape(&b, f->key, strlen(f->key));
		cc_buf_adds(&b, "\">");
		if (gating(f) && strcmp(f->status, "new") == 0) {
			cc_buf_adds(&b, "<failure message=\"");
			cc_html_escape(&b, f->summary, strlen(f->summary));
			cc_buf_adds(&b, "\" type=\"");
			cc_html_escape(&b, f->severity, strlen(f->severity));
			cc_buf_adds(&b, "\"/>");
		} else if (strcmp(f->status, "new") != 0) {
			cc_buf_adds(&b, "<system-out>");
			cc_html_escape(&b, f->status, strlen(f->status));
			cc_buf_adds(&b, "</system-out>");
		}
		cc_buf_adds(&b, "</testcase>\n");
	}
	cc_buf_adds(&b, "</testsuite>\n</testsuites>\n");
	cc_diag_clear(&d);
	ok = cc_file_write_atomic(path, b.data, b.len, 0644, 0, &d) == CC_OK;
	if (!ok)
		cc_diag_print(&d, "error");
	cc_buf_release(&b);
	return ok ? CC_OK : CC_EIO;
}

static int
cmp_kind(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "  contradiction: 1 new, 2 accepted, 0 dismissed", one line per kind
 * present, gating kinds first, then the rest by name. */
static void
print_by_kind(const struct cc_findings *fs)
{
	const char	**kinds;
	size_t		  nk = 0, i, j, c[3];
	int		  pass;

	if (fs->n == 0)
		return;
	kinds = xreallocarray(NULL, fs->n, sizeof *kinds);
	for (i = 0; i < fs->n; i++)
		kinds[i] = fs->v[i].kind;
	qsort(kinds, fs->n, sizeof *kinds, cmp_kind);
	for (i = 1, nk = 1; i < fs->n; i++)
		if (strcmp(kinds[i], kinds[nk - 1]) != 0)
			kinds[nk++] = kinds[i];
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < nk; i++) {
			const struct cc_finding probe = { .kind =
			    (char *)kinds[i] };

			if (gating(&probe) != (pass == 0))
				continue;
			memset(c, 0, sizeof c);
			for (j = 0; j < fs->n; j++) {
				if (strcmp(fs->v[j].kind, kinds[i]) != 0)
					continue;
				if (strcmp(fs->v[j].status, "accepted") == 0)
					c[1]++;
				else if (strcmp(fs->v[j].status,
				    "dismissed") == 0)
					c[2]++;
				else
					c[0]++;
			}
			printf("  %s: %zu new, %zu accepted, %zu dismissed%s\n",
			    kinds[i], c[0], c[1], c[2], pass == 0 ? "" :
			    " (does not fail the check)");
		}
	free(kinds);
}

static int
cmd_check_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	struct cc_findings	 findings;
	const char		*out = "reports", *review = NULL, *junit = NULL;
	struct cc_opt		 opts[] = {
		{ "out", 1, &out },
		{ "review", 1, &review },
		{ "junit", 1, &junit },
		{ NULL, 0, NULL }
	};
	size_t			 i, nnew = 0, nacc = 0, ndis = 0, nother = 0;
	int			 first, rc;

	if ((first = cc_cmd_parse(&cc_cmd_check_entry, argc, argv, opts)) < 0)
		return CC_EXIT_USAGE;
	rc = cc_pipeline_prepare(ctx, argv + first, (size_t)(argc - first));
	if (rc != CC_EXIT_OK)
		return rc;
	memset(&findings, 0, sizeof findings);
	rc = cc_pipeline_findings(ctx, review, NULL, &findings);
	if (rc == CC_EXIT_OK)
		rc = cc_pipeline_report(ctx, out, &findings);
	if (rc == CC_EXIT_OK && junit != NULL &&
	    write_junit(junit, &findings) != CC_OK)
		rc = CC_EXIT_INTERNAL;
	for (i = 0; rc == CC_EXIT_OK && i < findings.n; i++) {
		const struct cc_finding *f = &findings.v[i];

		if (!gating(f))
			nother++;
		else if (strcmp(f->status, "accepted") == 0)
			nacc++;
		else if (strcmp(f->status, "dismissed") == 0)
			ndis++;
		else {
			nnew++;
			fprintf(stderr, "claimcheck: new %s finding %s (%s): %s\n",
			    f->kind, f->id, f->severity, f->summary);
		}
	}
	if (rc == CC_EXIT_OK) {
		printf("check: %zu new, %zu accepted, %zu dismissed "
		    "(contradiction and timeline); %zu other findings; "
		    "report: %s/index.html\n", nnew, nacc, ndis, nother, out);
		print_by_kind(&findings);
	}
	cc_findings_release(&findings);
	if (rc != CC_EXIT_OK)
		return rc;
	if (ctx->nbad > 0)
		return CC_EXIT_USAGE;
	return nnew > 0 ? CC_EXIT_FINDINGS : CC_EXIT_OK;
}

const struct cc_cmd_entry cc_cmd_check_entry = {
	"check", "[--review FILE] [--junit FILE] [--out DIR] [PATH...]",
	"like report, then exit 1 on unreviewed contradictions or timeline "
	"findings",
	"  --review FILE  review file (default: RULES/review.yaml)\n"
	"  --junit FILE   also write JUnit XML for CI dashboards\n"
	"  --out DIR      where to write the report (default: reports)\n",
	CC_CMD_NEEDS_STORE | CC_CMD_NEEDS_PACK, cmd_check_exec
};
