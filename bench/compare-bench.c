/*
 * bench/compare-bench.c - the comparison pass over synthetic claims:
 * 10k, 30k and 100k claims across 1,000 outlets (or the sizes given on
 * the command line), one child process per size so each peak RSS is its
 * own.  Prints seconds (wall, the compare call only), peak RSS, claims/s
 * and the time per claim relative to the smallest size (1.0 = linear).
 *
 * The claims look like a desk's corpus of one long story: casualty and
 * force figures (50 subjects, 24 months, some disagreeing), statements
 * (100 propositions, both stances), quotes (40 speakers, some worded
 * differently), events and durations, each with an evidence sentence; a
 * tenth of the sentences are wire copies shared by several outlets.
 *
 *	compare-bench [CLAIMS...]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "compare.h"
#include "xmalloc.h"

#define NOUTLETS	1000

static unsigned long	rng = 88172645463325252UL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const words[] = {
	"officials", "said", "on", "Monday", "that", "the", "talks", "would",
	"continue", "despite", "heavy", "fighting", "near", "the", "front",
	"while", "aid", "convoys", "reached", "the", "city", "after", "days",
	"of", "shelling", "according", "to", "regional", "authorities", "who",
	"warned", "of", "more", "attacks", "overnight", "in", "the", "east"
};

/* A sentence of 14-30 words, seeded so copies can be re-made. */
static char *
sentence(unsigned seed, const char *figure)
{
	unsigned long	save = rng;
	char		buf[512];
	size_t		len = 0, i, n;

	rng = 0x9e3779b97f4a7c15UL ^ (seed * 2654435761UL) ^ 1;
	n = 14 + rnd(17);
	for (i = 0; i < n && len < sizeof buf - 64; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
		    i ? " " : "", i == n / 2 ? figure :
		    words[rnd(sizeof words / sizeof *words)]);
	rng = save;
	return xstrdup(buf);
}

static void
make(struct cc_claims *cs, size_t n)
{
	static const char *const types[] = {
		"casualty", "casualty", "force", "statement", "statement",
		"quote", "event", "quantity", "duration"
	};
	static const char *const quotes[] = {
		"there is always a chance", "we never decline invitations",
		"the door to diplomacy remains open", "we will not back down",
		"nobody wants a war", "the west must listen to us"
	};
	size_t	i;
	char	fig[64], date[16];

	for (i = 0; i < n; i++) {
		struct cc_claim	*c = cc_claims_push(cs);
		unsigned	 o = rnd(NOUTLETS), m = rnd(24), k;
		const char	*t = types[rnd(sizeof types / sizeof *types)];

		c->id = (int64_t)i + 1;
		c->article = xasprintf("a%u-%zu", o, i / 20);
		c->outlet = xasprintf("outlet%u", o);
		c->type = xstrdup(t);
		snprintf(date, sizeof date, "%04u-%02u-%02u", 2022 + m / 12,
		    m % 12 + 1, 1 + rnd(28));
		c->time_start = xstrdup(date);
		c->time_end = xstrdup(date);
		c->granularity = xstrdup("day");
		c->polarity = xstrdup(rnd(5) ? "affirmed" : "negated");
		c->ev_start = rnd(5000);
		c->ev_end = c->ev_start + 120;
		if (rnd(7) == 0)
			c->reported_by = xstrdup(rnd(2) ? "tass" : "reuters");
		if (strcmp(t, "statement") == 0) {
			c->subject = xasprintf("party%u", rnd(10));
			c->measure = xasprintf("proposition%u", rnd(100));
			c->value_kind = CC_VALUE_TEXT;
			c->vtext = xstrdup(c->measure);
			c->speaker = xasprintf("speaker%u", rnd(40));
			c->text = xstrdup(c->measure);
		} else if (strcmp(t, "quote") == 0) {
			k = rnd(sizeof quotes / sizeof *quotes);
			c->speaker = xasprintf("speaker%u", rnd(40));
			c->value_kind = CC_VALUE_TEXT;
			c->text = rnd(10) ? xstrdup(quotes[k]) :
			    xasprintf("%s indeed", quotes[k]);
		} else if (strcmp(t, "event") == 0) {
			c->subject = xstrdup(rnd(2) ? "meeting" : "summit");
			c->value_kind = CC_VALUE_TEXT;
			c->vtext = xasprintf("place%u", rnd(200));
			c->text = xstrdup(c->vtext);
		} else {
			double v = 100 + rnd(20) * 50.0;

			c->subject = xasprintf("subject%u", rnd(50));
			c->measure = xstrdup(rnd(2) ? "killed" : "injured");
			if (strcmp(t, "duration") == 0) {
				free(c->subject);
				c->subject = xstrdup("war");
			}
			c->value_kind = CC_VALUE_NUMBER;
			c->vmin = c->vmax = v;
			c->has_min = c->has_max = 1;
			c->approx = rnd(4) == 0;
			if (rnd(6) == 0)
				c->speaker = xasprintf("agency%u", rnd(5));
			snprintf(fig, sizeof fig, "%.0f %s", v, c->measure);
			c->text = xstrdup(fig);
		}
		c->sentence = sentence(rnd(10) ? (unsigned)i :
		    (unsigned)rnd(200), c->text);
	}
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* In a child: make n claims, compare, write seconds and findings to fd. */
static void
run(size_t n, int fd)
{
	struct cc_claims	cs;
	struct cc_findings	fs;
	double			t0, t;
	char			line[64];
	int			len;

	memset(&cs, 0, sizeof cs);
	memset(&fs, 0, sizeof fs);
	make(&cs, n);
	t0 = now();
	cc_compare(NULL, &cs, &fs);
	t = now() - t0;
	len = snprintf(line, sizeof line, "%f %zu\n", t, fs.n);
	if (write(fd, line, (size_t)len) != len)
		_exit(1);
	cc_findings_release(&fs);
	cc_claims_release(&cs);
	_exit(0);
}

int
main(int argc, char **argv)
{
	size_t	sizes[16] = { 10000, 30000, 100000 }, ns = 3, i;
	double	base = 0;

	if (argc > 1) {
		for (ns = 0; ns < 16 && ns + 1 < (size_t)argc; ns++)
			sizes[ns] = strtoul(argv[ns + 1], NULL, 10);
	}
	printf("comparison pass, synthetic claims across %d outlets\n",
	    NOUTLETS);
	printf("%9s %9s %10s %12s %9s %s\n", "claims", "seconds", "peak RSS",
	    "claims/s", "findings", "time/claim vs first");
	for (i = 0; i < ns; i++) {
		struct rusage	ru;
		int		pfd[2], st;
		pid_t		pid;
		char		buf[64] = "";
		double		t = 0;
		size_t		nf = 0;
		ssize_t		r;

		if (pipe(pfd) != 0 || (pid = fork()) < 0) {
			perror("compare-bench");
			return 3;
		}
		if (pid == 0) {
			close(pfd[0]);
			run(sizes[i], pfd[1]);
		}
		close(pfd[1]);
		r = read(pfd[0], buf, sizeof buf - 1);
		close(pfd[0]);
		if (wait4(pid, &st, 0, &ru) < 0 || r <= 0 ||
		    !WIFEXITED(st) || WEXITSTATUS(st) != 0 ||
		    sscanf(buf, "%lf %zu", &t, &nf) != 2) {
			fprintf(stderr, "compare-bench: run of %zu failed\n",
			    sizes[i]);
			return 3;
		}
		if (i == 0)
			base = t / (double)sizes[0];
		printf("%9zu %9.3f %7ld MB %12.0f %9zu %.2f\n", sizes[i], t,
		    ru.ru_maxrss / 1024, (double)sizes[i] / t, nf,
		    t / (double)sizes[i] / base);
	}
	return 0;
}
