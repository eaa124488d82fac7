/*
 * extract-bench.c - throughput of the Extract stage with every rule pack
 * loaded, for "make bench": the figure the issue asks for is MB/s of
 * article text per core (aim: 30 MB/s or more).
 *
 * extract-bench RULES_DIR FILE [ARTICLE_BYTES]
 *	Load the pack from RULES_DIR, cut FILE (news text, one paragraph a
 *	line: bench/newsgen.py) into articles of about ARTICLE_BYTES
 *	(default 3000, the size of the seed articles) at paragraph ends,
 *	each headed by a dateline as scraped copy is, and time on one core,
 *	median of five runs:
 *	  fold+segment      what every article costs before any rule runs
 *	  extract           cc_extract_batch(), CC_EXTRACT_BATCH articles at
 *	                    a time as the pipeline calls it: fold, segment,
 *	                    boilerplate, outlet, document date, every rule,
 *	                    claims; a sentence whose text came before takes
 *	                    the rule matches remembered for it
 *	  extract, none     the same with nothing remembered: every sentence
 *	    remembered      searched, as in text that never repeats itself
 *	  PCRE2 JIT ceiling one simple pattern (\bkilled\b, caseless, UTF,
 *	                    as rules are compiled) over the same articles:
 *	                    what a single scan of the text costs
 *	and the ratio of each to the ceiling, so the table says how much the
 *	rule count multiplies the cost of reading the text once.
 *
 * extract-bench rules RULES_DIR FILE [ARTICLE_BYTES]
 *	Where the pattern time goes: for each rule, the share of sentences
 *	its trigger words let through and the time its patterns take on
 *	them, each where the sentence holds the words it needs (fastest of
 *	five runs), costliest first; under a rule that costs a hundredth
 *	of the whole or more, each of its patterns, with the share of
 *	sentences it ran on ("g": it has a gate, and they are those its
 *	gate matched).
 *
 * extract-bench claims RULES_DIR FILE [ARTICLE_BYTES]
 *	Every claim of one extraction, one JSON object a line: what a
 *	change made for speed must leave as it was (cmp two builds' output).
 *	claims-fresh: the same with nothing remembered, which must give the
 *	same claims (and, under callgrind, the cost of text never seen).
 *
 * Times are the process's CPU time (CLOCK_PROCESS_CPUTIME_ID), as the
 * figure is per core and "make bench" may share the machine with other
 * work; a benchmark that prints figures, not a pass/fail test.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "claim.h"
#include "diag.h"
#include "extract.h"
#include "pack.h"
#include "text.h"
#include "xmalloc.h"
#include "bench.h"

#define RUNS		5
#define ARTICLE_BYTES	3000

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The corpus: articles whose name and text the bench owns. */
struct corpus {
	struct cc_article	*v;
	size_t			 n;
	size_t			 bytes;
};

static const char *const MONTHS[] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };

/*
 * Cut text into articles of about want bytes at line ends.  Each gets a
 * dateline ("Published October 30, 2022", the date varying) because the
 * seed articles, scraped from the web, carry one and no front matter:
 * the extractor then dates every article from its text, as it does for
 * real input.
 */
static void
make_corpus(const char *text, size_t len, size_t want, struct corpus *c)
{
	struct cc_buf	 b = CC_BUF_INIT;
	const char	*p = text, *end = text + len, *nl;
	struct cc_article *a;

	memset(c, 0, sizeof *c);
	while (p < end) {
		cc_buf_reset(&b);
		cc_buf_printf(&b, "Published %s %zu, 2022\n\n",
		    MONTHS[c->n % 12], 1 + c->n % 28);
		while (p < end && b.len < want) {
			if ((nl = memchr(p, '\n', end - p)) == NULL)
				nl = end - 1;
			cc_buf_add(&b, p, nl + 1 - p);
			p = nl + 1;
		}
		c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
		a = &c->v[c->n];
		cc_article_init(a);
		a->name = xasprintf("bench-%05zu", c->n);
		a->text = xstrndup(b.data, b.len);
		a->len = b.len;
		c->bytes += b.len;
		c->n++;
	}
	cc_buf_release(&b);
}

/* Forget what an extraction settled, so the next run does it again. */
static void
reset_article(struct cc_article *a)
{
	free(a->outlet);
	free(a->outlet_basis);
	free(a->date);
	free(a->date_min);
	free(a->date_max);
	free(a->date_basis);
	a->outlet = a->outlet_basis = NULL;
	a->date = a->date_min = a->date_max = a->date_basis = NULL;
}

enum stage { S_SEGMENT, S_EXTRACT, S_FRESH, S_CEILING, S_NSTAGES };

static const char *const STAGE_NAME[] = {
	"fold+segment only",
	"extract, all packs",
	"extract, no sentence remembered",
	"PCRE2 JIT, one pattern (ceiling)",
};

struct bench {
	const struct corpus	*c;
	struct cc_extractor	*ex;
	pcre2_code		*re;
	pcre2_match_data	*md;
	size_t			 nclaims;	/* of the last extract run */
	size_t			 nsents;
	size_t			 sink;
};

/* Extract articles v[0..n) (n at most CC_EXTRACT_BATCH) in one batch,
 * as the pipeline does, into sents[] and out[]. */
static void
extract_chunk(struct cc_extractor *ex, struct cc_article *v, size_t n,
    struct cc_sentences *sents, struct cc_claims *out)
{
	struct cc_extract_job	job[CC_EXTRACT_BATCH];
	size_t			i;

	for (i = 0; i < n; i++) {
		reset_article(&v[i]);
		sents[i].n = 0;
		job[i].a = &v[i];
		job[i].sents = &sents[i];
		job[i].out = &out[i];
	}
	cc_extract_batch(ex, job, n);
}

static void
run_stage(struct bench *b, enum stage st)
{
	struct cc_sentences	 sents[CC_EXTRACT_BATCH];
	struct cc_claims	 out[CC_EXTRACT_BATCH];
	struct cc_fold		 f;
	struct cc_article	*a;
	PCRE2_SIZE		*ov;
	size_t			 i, k, n, off, nclaims = 0;

	memset(sents, 0, sizeof sents);
	memset(out, 0, sizeof out);
	b->nsents = 0;
	for (i = 0; i < b->c->n; i += n) {
		a = &b->c->v[i];
		n = 1;
		sents[0].n = 0;
		switch (st) {
		case S_SEGMENT:
			cc_fold(a->text, a->len, &f);
			cc_segment(f.s, f.len, &sents[0]);
			b->sink += f.len;
			cc_fold_release(&f);
			break;
		case S_EXTRACT:
		case S_FRESH:
			/* Each run starts with nothing remembered, as a
			 * run of the pipeline does; S_FRESH remembers
			 * nothing at all: every sentence is searched. */
			if (i == 0)
				cc_extractor_remember(b->ex, st == S_EXTRACT);
			/* Claims go to a fresh list per article, as in
			 * the pipeline (duplicates are looked for in it). */
			n = b->c->n - i < CC_EXTRACT_BATCH ? b->c->n - i :
			    CC_EXTRACT_BATCH;
			extract_chunk(b->ex, a, n, sents, out);
			for (k = 0; k < n; k++) {
				nclaims += out[k].n;
				cc_claims_release(&out[k]);
				memset(&out[k], 0, sizeof out[k]);
			}
			break;
		case S_CEILING:
			off = 0;
			while (pcre2_jit_match(b->re, (PCRE2_SPTR)a->text,
			    a->len, off, 0, b->md, NULL) >= 0) {
				ov = pcre2_get_ovector_pointer(b->md);
				b->sink++;
				off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
			}
			break;
		default:
			break;
		}
		for (k = 0; k < n; k++)
			b->nsents += sents[k].n;
	}
	if (st == S_EXTRACT || st == S_FRESH)
		b->nclaims = nclaims;
	for (k = 0; k < CC_EXTRACT_BATCH; k++)
		cc_sentences_release(&sents[k]);
}

/* Seconds of RUNS runs of stage st after one warm-up run: the median,
 * or the fastest (for differences between small figures, which the
 * noise of a shared machine would swamp). */
static double
time_stage(struct bench *b, enum stage st, int fastest)
{
	double	t[RUNS];
	size_t	r;

	run_stage(b, st);
	for (r = 0; r < RUNS; r++) {
		t[r] = now();
		run_stage(b, st);
		t[r] = now() - t[r];
	}
	median(t, RUNS);	/* sorts */
	return fastest ? t[0] : median(t, RUNS);
}

static int
load(const char *rules, struct cc_pack **pk)
{
	unsigned	nerr = 0;

	if (cc_pack_load(rules, pk, cc_diag_print_error, &nerr) != CC_OK) {
		fprintf(stderr, "extract-bench: cannot load %s\n", rules);
		return 2;
	}
	return 0;
}

static int
throughput(const char *rules, const char *path, size_t want)
{
	struct cc_pack	*pk;
	struct corpus	 c;
	struct bench	 b;
	char		*text;
	size_t		 len, i, npats = 0, ntrig = 0;
	double		 sec[S_NSTAGES], mb;
	int		 st, e;
	PCRE2_SIZE	 eoff;

	if (load(rules, &pk) != 0)
		return 2;
	text = slurp(path, &len);
	make_corpus(text, len, want, &c);
	free(text);
	mb = c.bytes / 1e6;
	for (i = 0; i < pk->nrules; i++) {
		npats += pk->rules[i].npats;
		ntrig += pk->rules[i].ntriggers > 0;
	}

	memset(&b, 0, sizeof b);
	b.c = &c;
	b.ex = cc_extractor_new(pk);
	b.re = pcre2_compile((PCRE2_SPTR)"\\bkilled\\b", PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_CASELESS, &e, &eoff, NULL);
	if (b.re == NULL || pcre2_jit_compile(b.re, PCRE2_JIT_COMPLETE) != 0) {
		fputs("extract-bench: PCRE2 JIT unavailable\n", stderr);
		return 2;
	}
	b.md = pcre2_match_data_create_from_pattern(b.re, NULL);

	for (st = 0; st < S_NSTAGES; st++)
		sec[st] = time_stage(&b, st, 0);
	run_stage(&b, S_EXTRACT);	/* for the sentence and claim counts */

	printf("extract throughput: %.2f MB in %zu articles (%zu sentences, "
	    "%zu claims), %zu rules (%zu patterns, %zu with triggers), "
	    "median of %d runs, one core\n", mb, c.n, b.nsents, b.nclaims,
	    pk->nrules, npats, ntrig, RUNS);
	printf("%-34s %10s %12s %12s\n", "stage", "MB/s", "articles/s",
	    "x ceiling");
	for (st = 0; st < S_NSTAGES; st++)
		printf("%-34s %10.1f %12.0f %12.1f\n", STAGE_NAME[st],
		    mb / sec[st], c.n / sec[st], sec[st] / sec[S_CEILING]);

	for (i = 0; i < c.n; i++)
		cc_article_release(&c.v[i]);
	free(c.v);
	pcre2_match_data_free(b.md);
	pcre2_code_free(b.re);
	cc_extractor_free(b.ex);
	cc_pack_free(pk);
	return b.sink == 0;	/* never: the text says "killed" */
}

/* One pattern of a rule: what it costs where it runs. */
struct pat_time {
	double		 sec;
	size_t		 nrun;		/* sentences it ran on */
	size_t		 nmatch;
	int		 gate;		/* has a gate (needs.h) */
};

struct rule_time {
	const char	*id;
	double		 sec;		/* its patterns, all sentences */
	size_t		 nsent;		/* sentences its triggers pass */
	size_t		 nmatch;
	struct pat_time	*pt;		/* [npats] */
	size_t		 npats;
};

static int
rt_cmp(const void *a, const void *b)
{
	const struct rule_time *x = a, *y = b;

	return x->sec < y->sec ? 1 : x->sec > y->sec ? -1 : 0;
}

/* A folded article, lower-cased as the extractor's trigger test sees it. */
struct folded {
	struct cc_fold		 f;
	char			*lower;
	struct cc_sentences	 ss;
};

/* Every match of pattern p of r in the sentences its triggers pass, as
 * find_matches() looks for them (building claims left out): p runs on
 * sentence si where run[si * npats + p], it holds the words p needs,
 * and p's gate matches.  *nrun counts the sentences it ran on. */
static size_t
rule_pattern(const struct cc_rule *r, size_t p, const struct folded *fv,
    size_t n, const unsigned char *pass, const unsigned char *run,
    pcre2_match_data *md, pcre2_match_context *mctx, size_t *nrun)
{
	PCRE2_SIZE	*ov;
	size_t		 i, k, off, len, nm = 0, si = 0;
	const char	*s;

	*nrun = 0;
	for (i = 0; i < n; i++)
		for (k = 0; k < fv[i].ss.n; k++, si++) {
			if (!pass[si] || !run[si * r->npats + p])
				continue;
			s = fv[i].f.s + fv[i].ss.v[k].start;
			len = fv[i].ss.v[k].end - fv[i].ss.v[k].start;
			if (r->gates[p] != NULL && pcre2_match(r->gates[p],
			    (PCRE2_SPTR)s, len, 0, PCRE2_NO_UTF_CHECK, md,
			    mctx) < 0)
				continue;
			++*nrun;
			for (off = 0; off <= len; nm++) {
				if (pcre2_match(r->pats[p], (PCRE2_SPTR)s,
				    len, off, PCRE2_NO_UTF_CHECK, md,
				    mctx) < 0)
					break;
				ov = pcre2_get_ovector_pointer(md);
				off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
			}
		}
	return nm;
}

/*
 * Each rule alone: how many sentences its trigger words let through and
 * what its patterns cost there (fastest of RUNS), costliest first.  The
 * extractor's own overhead per claim (fields, numbers, dates) is not in
 * these figures.
 */
static int
per_rule(const char *rules, const char *path, size_t want)
{
	struct cc_pack		 *pk;
	struct rule_time	 *rt;
	struct corpus		  c;
	struct folded		 *fv;
	pcre2_match_data	 *md;
	pcre2_match_context	 *mctx;
	pcre2_jit_stack		 *jit;
	unsigned char		 *pass, *prun = NULL;
	char			 *text;
	size_t			  len, i, k, j, p, nsent = 0, si;
	double			  t, best, total = 0;
	int			  run;

	if (load(rules, &pk) != 0)
		return 2;
	cc_pack_jit(pk);	/* as the extractor does before matching */
	text = slurp(path, &len);
	make_corpus(text, len, want, &c);
	free(text);
	fv = xcalloc(c.n, sizeof *fv);
	for (i = 0; i < c.n; i++) {
		cc_fold(c.v[i].text, c.v[i].len, &fv[i].f);
		cc_segment(fv[i].f.s, fv[i].f.len, &fv[i].ss);
		fv[i].lower = xstrndup(fv[i].f.s, fv[i].f.len);
		cc_ascii_lower(fv[i].lower, fv[i].lower, fv[i].f.len);
		nsent += fv[i].ss.n;
	}
	/* As the extractor matches: same limits, JIT stack. */
	md = pcre2_match_data_create(64, NULL);
	mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mctx, 2000000);
	pcre2_set_depth_limit(mctx, 10000);
	jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	pcre2_jit_stack_assign(mctx, NULL, jit);
	pass = xmalloc(nsent + 1);
	rt = xcalloc(pk->nrules, sizeof *rt);
	for (j = 0; j < pk->nrules; j++) {
		const struct cc_rule *r = &pk->rules[j];

		rt[j].id = r->id;
		prun = xreallocarray(prun, nsent + 1, r->npats + 1);
		for (i = 0, si = 0; i < c.n; i++)
			for (k = 0; k < fv[i].ss.n; k++, si++) {
				pass[si] = cc_rule_triggered(r, fv[i].lower,
				    fv[i].ss.v[k].start, fv[i].ss.v[k].end);
				rt[j].nsent += pass[si];
				for (p = 0; p < r->npats; p++)
					prun[si * r->npats + p] =
					    cc_needs_met(&r->needs[p],
					    fv[i].lower + fv[i].ss.v[k].start,
					    fv[i].ss.v[k].end -
					    fv[i].ss.v[k].start);
			}
		rt[j].npats = r->npats;
		rt[j].pt = xcalloc(r->npats + 1, sizeof *rt[j].pt);
		for (p = 0; p < r->npats; p++) {
			struct pat_time *pt = &rt[j].pt[p];

			best = 0;
			for (run = 0; run <= RUNS; run++) {
				t = now();
				pt->nmatch = rule_pattern(r, p, fv, c.n, pass,
				    prun, md, mctx, &pt->nrun);
				t = now() - t;
				if (run == 1 || (run > 1 && t < best))
					best = t;	/* run 0 warms up */
			}
			pt->sec = best;
			pt->gate = r->gates[p] != NULL;
			rt[j].sec += best;
			rt[j].nmatch += pt->nmatch;
		}
		total += rt[j].sec;
	}
	qsort(rt, pk->nrules, sizeof *rt, rt_cmp);
	printf("rule patterns alone: %.2f MB, %zu articles, %zu sentences; "
	    "all patterns %.1f ms (%.1f MB/s), fastest of %d runs\n",
	    c.bytes / 1e6, c.n, nsent, total * 1000, c.bytes / 1e6 / total,
	    RUNS);
	printf("%-36s %9s %7s %10s %8s\n", "rule", "ms", "share",
	    "sentences", "matches");
	for (j = 0; j < pk->nrules; j++) {
		printf("%-36s %9.2f %6.1f%% %9.1f%% %8zu\n", rt[j].id,
		    rt[j].sec * 1000, 100 * rt[j].sec / total,
		    100.0 * rt[j].nsent / nsent, rt[j].nmatch);
		/* its patterns, where a rule has several and costs at
		 * least a hundredth of the whole: the sentences each ran
		 * on (a "g": after its gate matched) */
		for (p = 0; rt[j].npats > 1 && rt[j].sec >= total / 100 &&
		    p < rt[j].npats; p++)
			printf("  pattern %-3zu%c %22.2f %6.1f%% %9.1f%% "
			    "%8zu\n", p + 1, rt[j].pt[p].gate ? 'g' : ' ',
			    rt[j].pt[p].sec * 1000,
			    100 * rt[j].pt[p].sec / total,
			    100.0 * rt[j].pt[p].nrun / nsent,
			    rt[j].pt[p].nmatch);
	}
	for (j = 0; j < pk->nrules; j++)
		free(rt[j].pt);
	free(rt);
	free(pass);
	free(prun);
	pcre2_match_data_free(md);
	pcre2_match_context_free(mctx);
	pcre2_jit_stack_free(jit);
	for (i = 0; i < c.n; i++) {
		cc_fold_release(&fv[i].f);
		cc_sentences_release(&fv[i].ss);
		free(fv[i].lower);
		cc_article_release(&c.v[i]);
	}
	free(fv);
	free(c.v);
	cc_pack_free(pk);
	return 0;
}

/*
 * Every claim of one extraction of the corpus, one JSON object a line:
 * a change made for speed must leave this output as it was (compare two
 * builds with cmp).
 */
static int
dump_claims(const char *rules, const char *path, size_t want, int fresh)
{
	struct cc_pack		*pk;
	struct corpus		 c;
	struct cc_extractor	*ex;
	struct cc_sentences	 sents[CC_EXTRACT_BATCH];
	struct cc_claims	 out[CC_EXTRACT_BATCH];
	struct cc_buf		 b = CC_BUF_INIT;
	char			*text;
	size_t			 len, i, j, k, n;

	if (load(rules, &pk) != 0)
		return 2;
	text = slurp(path, &len);
	make_corpus(text, len, want, &c);
	free(text);
	ex = cc_extractor_new(pk);
	cc_extractor_remember(ex, !fresh);
	/* Compiled now, so that a profile of cc_extract_batch()
	 * (valgrind --toggle-collect) counts extraction, not JIT. */
	cc_pack_jit(pk);
	memset(sents, 0, sizeof sents);
	memset(out, 0, sizeof out);
	for (i = 0; i < c.n; i += n) {
		n = c.n - i < CC_EXTRACT_BATCH ? c.n - i : CC_EXTRACT_BATCH;
		extract_chunk(ex, &c.v[i], n, sents, out);
		for (j = 0; j < n; j++) {
			for (k = 0; k < out[j].n; k++) {
				cc_buf_reset(&b);
				cc_claim_json(&out[j].v[k], &b);
				printf("%.*s\n", (int)b.len, b.data);
			}
			cc_claims_release(&out[j]);
			memset(&out[j], 0, sizeof out[j]);
			cc_article_release(&c.v[i + j]);
		}
	}
	cc_buf_release(&b);
	for (k = 0; k < CC_EXTRACT_BATCH; k++)
		cc_sentences_release(&sents[k]);
	free(c.v);
	cc_extractor_free(ex);
	cc_pack_free(pk);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 4 && argc <= 5 && strcmp(argv[1], "rules") == 0)
		return per_rule(argv[2], argv[3], argc == 5 ?
		    (size_t)atol(argv[4]) : ARTICLE_BYTES);
	if (argc >= 4 && argc <= 5 && (strcmp(argv[1], "claims") == 0 ||
	    strcmp(argv[1], "claims-fresh") == 0))
		return dump_claims(argv[2], argv[3], argc == 5 ?
		    (size_t)atol(argv[4]) : ARTICLE_BYTES,
		    strcmp(argv[1], "claims-fresh") == 0);
	if (argc >= 3 && argc <= 4)
		return throughput(argv[1], argv[2], argc == 4 ?
		    (size_t)atol(argv[3]) : ARTICLE_BYTES);
	fprintf(stderr, "usage: extract-bench RULES_DIR FILE "
	    "[ARTICLE_BYTES]\n"
	    "       extract-bench rules RULES_DIR FILE [ARTICLE_BYTES]\n"
	    "       extract-bench claims[-fresh] RULES_DIR FILE "
	    "[ARTICLE_BYTES]\n");
	return 2;
}
