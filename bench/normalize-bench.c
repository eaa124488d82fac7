/*
 * normalize-bench.c - throughput of the normalization layer (fold, numbers,
 * dates and durations, entities) for "make bench"; also the claimcheck
 * side of the chrono-node comparison (bench/compare-chrono.py).
 *
 * normalize-bench throughput RULES_DIR FILE [CLAIMCHECK]
 *	Load the pack from RULES_DIR, read FILE (news text, bench/newsgen.py)
 *	and time each stage alone on the whole text, in process, five runs
 *	each; print a table of median MB/s.  Given the built CLAIMCHECK
 *	binary, also time "claimcheck normalize --ref DATE -" on FILE with
 *	output to /dev/null: the whole path a user runs, start-up and pack
 *	loading included.
 *
 * normalize-bench sentences RULES_DIR CASES.tsv [RUNS]
 *	For each distinct dated sentence of CASES.tsv (tests/data/timex), fold
 *	it and scan it for dates as "claimcheck normalize" does, print
 *	"S<TAB>REF<TAB>SENTENCE" and a line "M<TAB>START<TAB>END<TAB>VALUE<TAB>
 *	LO<TAB>HI<TAB>KIND" per mention (offsets are bytes into the sentence),
 *	then "SPS<TAB>N..." with the sentences per second of RUNS timed passes.
 *
 * Times are wall-clock (CLOCK_MONOTONIC) medians: the figure one run of
 * "make bench" prints, not a pass/fail test.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "entity.h"
#include "number.h"
#include "pack.h"
#include "text.h"
#include "timex.h"
#include "xmalloc.h"
#include "bench.h"

#define RUNS		5
/* The article date the throughput text is resolved against. */
#define BENCH_REF	"2022-10-30"

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The stages, each run alone over the whole text (or its sentences). */
enum stage { S_FOLD, S_NUMBER, S_TIMEX, S_TIMEX_SENT, S_TIMEX_SCANNER,
	S_ENTITY, S_PATH, S_PATH_ENT, S_NSTAGES };

static const char *const STAGE_NAME[] = {
	"fold (text.c)",
	"numbers (number.c)",
	"dates+durations (timex.c)",
	"  same, one call per sentence",
	"  same, per sentence with a scanner",
	"entities (entity.c)",
	"fold+numbers+dates, in process",
	"  same + entities (all normalize scans)",
};

struct bench {
	const struct cc_vocab	*vc;
	const struct cc_entities *ents;
	struct cc_entity_mention *em;
	size_t			 emcap;
	struct cc_fold		 f;	/* the text folded once */
	struct cc_sentences	 ss;
	struct cc_timex		*tx;
	size_t			 txcap;
	struct cc_number	*num;
	size_t			 numcap;
	struct cc_date		 ref;
	struct cc_timex_scanner	*ts;	/* what the extractor uses */
	size_t			 sink;	/* keeps results alive */
};

static size_t
timex_all(struct bench *b, const char *s, size_t len)
{
	size_t	n;

	n = cc_timex_scan(b->vc, s, len, &b->ref, b->tx, b->txcap);
	if (n > b->txcap) {
		b->txcap = n * 2;
		b->tx = xreallocarray(b->tx, b->txcap, sizeof *b->tx);
		n = cc_timex_scan(b->vc, s, len, &b->ref, b->tx, b->txcap);
	}
	return n;
}

static size_t
number_all(struct bench *b, const char *s, size_t len)
{
	size_t	n;

	n = cc_number_scan(b->vc, s, len, b->num, b->numcap);
	if (n > b->numcap) {
		b->numcap = n * 2;
		b->num = xreallocarray(b->num, b->numcap, sizeof *b->num);
		n = cc_number_scan(b->vc, s, len, b->num, b->numcap);
	}
	return n;
}

/* The entity scan returns how many it wrote: grow until they fit. */
static size_t
entity_all(struct bench *b, const char *s, size_t len)
{
	size_t	n;

	for (;;) {
		n = cc_entity_scan(b->ents, s, len, b->em, b->emcap);
		if (n < b->emcap)
			return n;
		b->emcap = b->emcap ? b->emcap * 2 : 1024;
		b->em = xreallocarray(b->em, b->emcap, sizeof *b->em);
	}
}

static void
run_stage(struct bench *b, enum stage st, const char *text, size_t len)
{
	struct cc_fold	f;
	size_t		i;

	switch (st) {
	case S_FOLD:
		cc_fold(text, len, &f);
		b->sink += f.len;
		cc_fold_release(&f);
		break;
	case S_NUMBER:
		b->sink += number_all(b, b->f.s, b->f.len);
		break;
	case S_TIMEX:
		b->sink += timex_all(b, b->f.s, b->f.len);
		break;
	case S_TIMEX_SENT:
		for (i = 0; i < b->ss.n; i++)
			b->sink += timex_all(b, b->f.s + b->ss.v[i].start,
			    b->ss.v[i].end - b->ss.v[i].start);
		break;
	case S_TIMEX_SCANNER:
		for (i = 0; i < b->ss.n; i++)
			b->sink += cc_timex_scan_with(b->ts, b->f.s +
			    b->ss.v[i].start, b->ss.v[i].end - b->ss.v[i].start,
			    &b->ref, b->tx, b->txcap);
		break;
	case S_ENTITY:
		b->sink += entity_all(b, b->f.s, b->f.len);
		break;
	case S_PATH:
	case S_PATH_ENT:
		cc_fold(text, len, &f);
		b->sink += timex_all(b, f.s, f.len);
		b->sink += number_all(b, f.s, f.len);
		if (st == S_PATH_ENT)
			b->sink += entity_all(b, f.s, f.len);
		cc_fold_release(&f);
		break;
	default:
		break;
	}
}

/* Wall time of "CLAIMCHECK normalize --ref DATE -" < path > /dev/null. */
static double
run_binary(const char *bin, const char *rules, const char *path)
{
	double	t0 = now();
	pid_t	pid;
	int	st, fd;

	if ((pid = fork()) == -1) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		if ((fd = open(path, O_RDONLY)) == -1 || dup2(fd, 0) == -1)
			_exit(126);
		if ((fd = open("/dev/null", O_WRONLY)) == -1 ||
		    dup2(fd, 1) == -1)
			_exit(126);
		execl(bin, bin, "--rules", rules, "normalize", "--ref",
		    BENCH_REF, "-", (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &st, 0) == -1 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0) {
		fprintf(stderr, "normalize-bench: %s normalize failed\n", bin);
		exit(2);
	}
	return now() - t0;
}

static int
throughput(const char *rules, const char *path, const char *bin)
{
	struct cc_pack	*pack;
	struct bench	 b;
	unsigned	 nerr = 0;
	char		*text;
	size_t		 len, r;
	double		 t[RUNS], mb, load, mbs[S_NSTAGES];
	int		 st;

	text = slurp(path, &len);
	mb = len / 1e6;
	for (r = 0; r < RUNS; r++) {
		t[r] = now();
		if (cc_pack_load(rules, &pack, cc_diag_print_error, &nerr) !=
		    CC_OK)
			return 2;
		t[r] = now() - t[r];
		if (r + 1 < RUNS)
			cc_pack_free(pack);
	}
	load = median(t, RUNS);

	memset(&b, 0, sizeof b);
	b.vc = pack->vocab;
	b.ents = pack->entities;
	cc_date_parse_iso(BENCH_REF, &b.ref);
	cc_fold(text, len, &b.f);
	cc_segment(b.f.s, b.f.len, &b.ss);
	b.ts = cc_timex_scanner_new(b.vc);

	for (st = 0; st < S_NSTAGES; st++) {
		run_stage(&b, st, text, len);	/* warm caches, size arrays */
		for (r = 0; r < RUNS; r++) {
			t[r] = now();
			run_stage(&b, st, text, len);
			t[r] = now() - t[r];
		}
		mbs[st] = mb / median(t, RUNS);
	}

	printf("normalize throughput: %.2f MB of synthetic news (%zu "
	    "sentences), median of %d runs, one core\n", mb, b.ss.n, RUNS);
	printf("%-40s %10s %12s\n", "stage", "MB/s", "ms per MB");
	for (st = 0; st < S_NSTAGES; st++)
		printf("%-40s %10.1f %12.2f\n", STAGE_NAME[st], mbs[st],
		    1000 / mbs[st]);
	if (bin != NULL) {
		/* Start-up (process, pack load) measured on one sentence, so
		 * the rate per megabyte after it can be given too. */
		char	tiny[] = "/tmp/normalize-bench.XXXXXX";
		double	t0[RUNS], whole, start;
		int	fd;

		if ((fd = mkstemp(tiny)) == -1 ||
		    write(fd, "On Monday.\n", 11) != 11) {
			perror(tiny);
			return 2;
		}
		close(fd);
		for (r = 0; r < RUNS; r++) {
			t[r] = run_binary(bin, rules, path);
			t0[r] = run_binary(bin, rules, tiny);
		}
		unlink(tiny);
		whole = median(t, RUNS);
		start = median(t0, RUNS);
		printf("%-40s %10.1f %12.2f\n", "claimcheck normalize, end to end",
		    mb / whole, whole * 1000 / mb);
		printf("%-40s %10.1f %12.2f\n", "  same, after start-up",
		    mb / (whole - start), (whole - start) * 1000 / mb);
		printf("%-40s %10s %12.2f ms\n", "  start-up (one sentence)", "",
		    start * 1000);
	}
	printf("%-40s %10s %12.2f ms\n", "pack load, in process", "",
	    load * 1000);

	free(b.tx);
	free(b.num);
	free(b.em);
	cc_timex_scanner_free(b.ts);
	cc_sentences_release(&b.ss);
	cc_fold_release(&b.f);
	cc_pack_free(pack);
	free(text);
	return b.sink == 0;	/* never: the text has dates */
}

struct sent {
	struct cc_date	 ref;
	char		*ref_s;
	char		*text;
	size_t		 len;
};

/* Scan one sentence as "claimcheck normalize" does; n results. */
static size_t
scan_sentence(struct bench *b, const struct sent *s, struct cc_fold *f)
{
	size_t	n;

	cc_fold(s->text, s->len, f);
	b->ref = s->ref;
	n = timex_all(b, f->s, f->len);
	return n;
}

static int
sentences(const char *rules, const char *path, int runs)
{
	struct cc_pack	*pack;
	struct bench	 b;
	struct cc_fold	 f;
	struct sent	*v = NULL;
	size_t		 nv = 0, i, k, n, reps = 1, rep;
	unsigned	 nerr = 0;
	char		*data, *line, *next, *tab;
	const char	*lastref = NULL, *lasttext = NULL;
	char		 lo[16], hi[16];
	size_t		 len;
	double		*sps, t0, dt;
	int		 r;

	if (cc_pack_load(rules, &pack, cc_diag_print_error, &nerr) != CC_OK)
		return 2;
	data = slurp(path, &len);
	/* Distinct (REF, SENTENCE) pairs with a date, in file order. */
	for (line = data; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (*line == '#' || *line == '\0')
			continue;
		if ((tab = strchr(line, '\t')) == NULL ||
		    (tab = strchr(tab + 1, '\t')) == NULL)
			continue;
		*tab = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab++ = '\0';
		/* A sentence with several mentions has a line for each. */
		if (lastref != NULL && strcmp(lastref, line) == 0 &&
		    strcmp(lasttext, tab) == 0)
			continue;
		lastref = line;
		lasttext = tab;
		v = xreallocarray(v, nv + 1, sizeof *v);
		if (cc_date_parse_iso(line, &v[nv].ref) != CC_OK)
			continue;	/* no reference date: left out */
		v[nv].ref_s = line;
		v[nv].text = tab;
		v[nv].len = strlen(tab);
		nv++;
	}

	memset(&b, 0, sizeof b);
	b.vc = pack->vocab;
	for (i = 0; i < nv; i++) {
		n = scan_sentence(&b, &v[i], &f);
		printf("S\t%s\t%s\n", v[i].ref_s, v[i].text);
		for (k = 0; k < n; k++) {
			const struct cc_timex *x = &b.tx[k];

			lo[0] = hi[0] = '\0';
			if (x->lo.y != 0) {
				cc_date_iso(&x->lo, lo, sizeof lo);
				cc_date_iso(&x->hi, hi, sizeof hi);
			}
			printf("M\t%zu\t%zu\t%s\t%s\t%s\t%s\n",
			    (size_t)f.map[x->start], cc_fold_orig_end(&f, v[i].text,
			    x->end), x->value, lo, hi, x->kind ==
			    CC_TIMEX_DATE ? "date" : "duration");
		}
		cc_fold_release(&f);
	}

	/* Timed passes of at least 0.2 s each, like the chrono side. */
	sps = xreallocarray(NULL, runs, sizeof *sps);
	for (r = 0; r < runs; r++) {
		for (;;) {
			t0 = now();
			for (rep = 0; rep < reps; rep++)
				for (i = 0; i < nv; i++) {
					b.sink += scan_sentence(&b, &v[i], &f);
					cc_fold_release(&f);
				}
			dt = now() - t0;
			if (dt >= 0.2)
				break;
			reps *= 2;
		}
		sps[r] = reps * nv / dt;
	}
	printf("SPS");
	for (r = 0; r < runs; r++)
		printf("\t%.0f", sps[r]);
	printf("\n");

	free(sps);
	free(b.tx);
	free(v);
	free(data);
	cc_pack_free(pack);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 4 && argc <= 5 && strcmp(argv[1], "throughput") == 0)
		return throughput(argv[2], argv[3], argc == 5 ? argv[4] :
		    NULL);
	if (argc >= 4 && argc <= 5 && strcmp(argv[1], "sentences") == 0)
		return sentences(argv[2], argv[3], argc == 5 ?
		    atoi(argv[4]) : 7);
	fprintf(stderr, "usage: normalize-bench throughput RULES_DIR FILE "
	    "[CLAIMCHECK]\n"
	    "       normalize-bench sentences RULES_DIR CASES.tsv [RUNS]\n");
	return 2;
}
