/*
 * bench/report-bench.c - how long the Render stage takes to write the
 * report for a large store: FINDINGS findings (default 10,000) over
 * synthetic articles, each finding naming two claims of two outlets.
 *
 *   report-bench [FINDINGS [RUNS]]
 *
 * Builds the input in memory (no store, no extraction: only rendering is
 * timed), writes the whole report RUNS times (default 5) into a scratch
 * directory, and prints the median wall time (the pages are written to
 * disk, so the wall clock is what a user waits), findings per second,
 * and the median CPU time, which varies less on a busy machine.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "claim.h"
#include "diag.h"
#include "report.h"
#include "text.h"
#include "xmalloc.h"

#define CLAIMS_PER_ART	40
#define OUTLETS		50

static const char *const kinds[] = {
	"contradiction", "agreement", "timeline", "variant", "stale",
	"single-source", "internal"
};
static const char *const sevs[] = { "high", "medium", "low", "info" };

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* An article of CLAIMS_PER_ART sentences, one casualty claim each. */
static void
make_article(struct cc_report_article *ra, size_t a, struct cc_claims *cl)
{
	struct cc_buf		 b = CC_BUF_INIT;
	struct cc_sentence	*s;
	struct cc_claim		*c;
	size_t			 k, start;
	char			 day[16];

	cc_article_init(&ra->art);
	ra->art.name = xasprintf("art-%05zu", a);
	ra->art.outlet = xasprintf("outlet-%02zu", a % OUTLETS);
	ra->art.format = xstrdup("txt");
	ra->art.title = xasprintf("Report %zu on the shelling", a);
	ra->art.url = xasprintf("https://example.com/news/%zu", a);
	snprintf(day, sizeof day, "2022-%02zu-%02zu", 1 + a % 12,
	    1 + a % 28);
	ra->art.date = xstrdup(day);
	ra->art.date_basis = xstrdup(a % 3 ? "metadata" :
	    "inferred: \"eight-month-old\" after invasion");
	for (k = 0; k < CLAIMS_PER_ART; k++) {
		start = b.len;
		cc_buf_printf(&b, "Officials said %zu people were killed in "
		    "town %zu on Monday, <b>according</b> to the report.%s",
		    (a * 7 + k * 13) % 5000, k, k % 4 == 3 ? "\n" : " ");
		s = cc_sentences_push(&ra->sents);
		s->start = start;
		s->end = b.len - 1;
		s->para = (unsigned)(k / 4);
		c = cc_claims_push(cl);
		c->id = (int64_t)cl->n;
		c->article = xstrdup(ra->art.name);
		c->outlet = xstrdup(ra->art.outlet);
		c->type = xstrdup(k % 5 ? "casualty" : "event");
		c->subject = xasprintf("town-%zu", k % 20);
		c->measure = xstrdup("killed");
		c->value_kind = CC_VALUE_NUMBER;
		c->vmin = c->vmax = (double)((a * 7 + k * 13) % 5000);
		c->has_min = c->has_max = 1;
		c->time_start = xstrdup(day);
		c->time_end = xstrdup(day);
		c->polarity = xstrdup("affirmed");
		c->text = xasprintf("%zu people were killed",
		    (a * 7 + k * 13) % 5000);
		c->ev_start = s->start;
		c->ev_end = s->end;
		c->rule = xstrdup("bench.rule");
	}
	ra->art.len = b.len;
	ra->art.text = cc_buf_detach(&b, NULL);
}

int
main(int argc, char **argv)
{
	struct cc_report_article	*arts;
	struct cc_report_input		 in;
	struct cc_claims		 claims;
	struct cc_findings		 fs;
	struct cc_finding		*f;
	struct cc_diag			 d;
	char				 tmpl[] = "/tmp/report-bench.XXXXXX";
	struct cc_report_stats		 stats;
	char				*cmd, id[32], salt[32];
	size_t				 nf = 10000, runs = 5, narts, i, c1, c2;
	double				*t, *cpu, t0, med, cmed;
	clock_t				 c0;

	if (argc > 1)
		nf = strtoul(argv[1], NULL, 10);
	if (argc > 2)
		runs = strtoul(argv[2], NULL, 10);
	if (nf == 0 || runs == 0) {
		fprintf(stderr, "usage: report-bench [FINDINGS [RUNS]]\n");
		return 2;
	}
	/* Two claims per finding, each claim in at most one finding. */
	narts = (2 * nf + CLAIMS_PER_ART - 1) / CLAIMS_PER_ART;
	memset(&claims, 0, sizeof claims);
	memset(&fs, 0, sizeof fs);
	arts = xcalloc(narts, sizeof *arts);
	for (i = 0; i < narts; i++)
		make_article(&arts[i], i, &claims);
	for (i = 0; i < nf; i++) {
		/* Claims of two articles of different outlets. */
		c1 = (i / CLAIMS_PER_ART) * 2 * CLAIMS_PER_ART +
		    i % CLAIMS_PER_ART;
		c2 = c1 + CLAIMS_PER_ART;
		if (c2 >= claims.n)
			c2 = c1 > 0 ? c1 - 1 : c1;
		f = cc_findings_push(&fs);
		snprintf(id, sizeof id, "f%010zx", i * 2654435761u % 0xffffffffffu);
		f->id = xstrdup(id);
		f->kind = xstrdup(kinds[i % (sizeof kinds / sizeof *kinds)]);
		f->severity = xstrdup(sevs[i % 4]);
		f->key = xasprintf("casualty/%s/killed/%s",
		    claims.v[c1].subject, claims.v[c1].time_start);
		f->summary = xasprintf("%s killed (%s) vs %s killed (%s)",
		    claims.v[c1].text, claims.v[c1].outlet, claims.v[c2].text,
		    claims.v[c2].outlet);
		f->status = xstrdup(i % 10 ? "new" : "accepted");
		snprintf(id, sizeof id, "c%lld", (long long)claims.v[c1].id);
		cc_finding_add_claim(f, id);
		snprintf(id, sizeof id, "c%lld", (long long)claims.v[c2].id);
		cc_finding_add_claim(f, id);
		cc_finding_add_outlet(f, claims.v[c1].outlet);
		cc_finding_add_outlet(f, claims.v[c2].outlet);
	}
	memset(&in, 0, sizeof in);
	in.articles = arts;
	in.narticles = narts;
	in.claims = &claims;
	in.findings = &fs;
	in.nclaims_all = 0;
	if (mkdtemp(tmpl) == NULL) {
		perror("mkdtemp");
		return 3;
	}
	t = xcalloc(runs, sizeof *t);
	cpu = xcalloc(runs, sizeof *cpu);
	for (i = 0; i < runs; i++) {
		cc_diag_clear(&d);
		/* Another salt each run: every page is rendered again (a
		 * page whose inputs did not change would be skipped). */
		snprintf(salt, sizeof salt, "run %zu", i);
		in.salt = salt;
		t0 = now();
		c0 = clock();
		if (cc_report_write_from(tmpl, &in, NULL, &stats, &d) != CC_OK) {
			cc_diag_print(&d, "error");
			return 3;
		}
		cpu[i] = (double)(clock() - c0) / CLOCKS_PER_SEC;
		t[i] = now() - t0;
	}
	med = median(t, runs);
	cmed = median(cpu, runs);
	printf("report: %zu findings, %zu claims, %zu articles (%zu pages): "
	    "median %.3f s wall (%.3f s CPU) of %zu runs, %.0f findings/s\n",
	    nf, claims.n, narts, stats.written + stats.unchanged, med, cmed,
	    runs, (double)nf / med);
	cmd = xasprintf("rm -rf '%s'", tmpl);
	if (system(cmd) != 0)
		fprintf(stderr, "report-bench: could not remove %s\n", tmpl);
	free(cmd);
	free(t);
	free(cpu);
	for (i = 0; i < narts; i++) {
		cc_article_release(&arts[i].art);
		cc_sentences_release(&arts[i].sents);
	}
	free(arts);
	cc_claims_release(&claims);
	cc_findings_release(&fs);
	return 0;
}
