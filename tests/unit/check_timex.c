/*
 * check_timex.c - dates and durations: calendar arithmetic, the scanner's
 * rules one by one, and the cases in tests/data/timex/cases.tsv (news
 * phrasing with the expected TIMEX3 value, modifier, days covered and
 * length), each failing line reported by its number.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "diag.h"
#include "pack.h"
#include "timex.h"
#include "vocab.h"

static struct cc_pack	*pack;

/* The real vocabulary: claims/vocab (dates.yaml and numbers.yaml). */
static void
setup(void)
{
	char		dir[4096];
	unsigned	nerr = 0;

	snprintf(dir, sizeof dir, "%s/vocab", CC_TEST_RULES_DIR);
	if (cc_pack_load(dir, &pack, cc_diag_print_error, &nerr) != CC_OK)
		ck_abort_msg("cannot load the vocabulary in %s", dir);
}

static void
teardown(void)
{
	cc_pack_free(pack);
	pack = NULL;
}

static struct cc_date
D(int y, int m, int d)
{
	struct cc_date	dt = { y, m, d };

	return dt;
}

/* Scan s against ref (NULL for none) and return the mention whose text
 * is want, or NULL; *n gets the count.  With scanner set, through it
 * (its word index, as the extractor scans a sentence), else alone (a
 * short text without the index). */
static struct cc_timex	found[64];
static struct cc_timex_scanner *scanner;

static const struct cc_timex *
scan_for(const char *s, const struct cc_date *ref, const char *want,
    size_t *n)
{
	size_t	i, k;

	k = scanner != NULL ? cc_timex_scan_with(scanner, s, strlen(s), ref,
	    found, 64) : cc_timex_scan(pack->vocab, s, strlen(s), ref, found,
	    64);
	if (n != NULL)
		*n = k;
	for (i = 0; i < k && i < 64; i++)
		if (found[i].end - found[i].start == strlen(want) &&
		    memcmp(s + found[i].start, want, strlen(want)) == 0)
			return &found[i];
	return NULL;
}

static void
iso(const struct cc_date *d, char *out)
{
	if (d->y == 0)
		strcpy(out, "-");
	else
		cc_date_iso(d, out, 16);
}

/* --- calendar arithmetic --- */

START_TEST(test_date_valid)
{
	struct cc_date	d;

	d = D(2024, 2, 29);
	ck_assert(cc_date_valid(&d));
	d = D(2023, 2, 29);
	ck_assert(!cc_date_valid(&d));
	d = D(2000, 2, 29);
	ck_assert(cc_date_valid(&d));
	d = D(1900, 2, 29);
	ck_assert(!cc_date_valid(&d));
	d = D(2022, 2, 30);
	ck_assert(!cc_date_valid(&d));
	d = D(2022, 4, 31);
	ck_assert(!cc_date_valid(&d));
	d = D(2022, 13, 1);
	ck_assert(!cc_date_valid(&d));
	d = D(2022, 0, 1);
	ck_assert(!cc_date_valid(&d));
	d = D(0, 1, 1);
	ck_assert(!cc_date_valid(&d));
	d = D(99999, 12, 31);
	ck_assert(cc_date_valid(&d));
}
END_TEST

START_TEST(test_date_days)
{
	struct cc_date	d, r;
	long		k;

	d = D(1970, 1, 1);
	ck_assert_int_eq(cc_date_days(&d), 0);
	d = D(2000, 3, 1);
	ck_assert_int_eq(cc_date_days(&d), 11017);
	d = D(1969, 12, 31);
	ck_assert_int_eq(cc_date_days(&d), -1);
	d = D(1, 1, 1);
	ck_assert_int_eq(cc_date_days(&d), -719162);
	/* Year 99999 does not overflow and comes back intact. */
	d = D(99999, 12, 31);
	ck_assert_int_eq(cc_date_days(&d), 35804721);
	cc_date_from_days(cc_date_days(&d), &r);
	ck_assert_int_eq(r.y, 99999);
	ck_assert_int_eq(r.m, 12);
	ck_assert_int_eq(r.d, 31);
	/* Every day of four centuries round-trips and is followed by the
	 * next calendar day. */
	d = D(1899, 12, 31);
	for (k = cc_date_days(&d); k < cc_date_days(&d) + 146097 + 10; k++) {
		cc_date_from_days(k, &r);
		ck_assert(cc_date_valid(&r));
		ck_assert_int_eq(cc_date_days(&r), k);
	}
}
END_TEST

START_TEST(test_date_weekday)
{
	struct cc_date	d;

	d = D(2022, 10, 30);
	ck_assert_int_eq(cc_date_weekday(&d), 0);	/* Sunday */
	d = D(2022, 2, 17);
	ck_assert_int_eq(cc_date_weekday(&d), 4);	/* Thursday */
	d = D(2022, 2, 24);
	ck_assert_int_eq(cc_date_weekday(&d), 4);
	d = D(1969, 12, 31);
	ck_assert_int_eq(cc_date_weekday(&d), 3);	/* Wednesday */
	d = D(1, 1, 1);
	ck_assert_int_eq(cc_date_weekday(&d), 1);	/* Monday */
}
END_TEST

START_TEST(test_date_iso)
{
	struct cc_date	d = { 0, 0, 0 };
	char		buf[16];

	ck_assert_int_eq(cc_date_parse_iso("2022-10-30", &d), CC_OK);
	ck_assert_int_eq(d.y, 2022);
	ck_assert_int_eq(d.m, 10);
	ck_assert_int_eq(d.d, 30);
	ck_assert_int_eq(cc_date_parse_iso("2022-10-30T12:00:00Z", &d), CC_OK);
	ck_assert_int_eq(cc_date_parse_iso("2022-02-30", &d), CC_EFORMAT);
	ck_assert_int_eq(cc_date_parse_iso("2022-1-30", &d), CC_EFORMAT);
	ck_assert_int_eq(cc_date_parse_iso("2022", &d), CC_EFORMAT);
	ck_assert_int_eq(cc_date_parse_iso("", &d), CC_EFORMAT);
	ck_assert_int_eq(cc_date_parse_iso("yesterday!", &d), CC_EFORMAT);
	d = D(2022, 3, 4);
	cc_date_iso(&d, buf, sizeof buf);
	ck_assert_str_eq(buf, "2022-03-04");
	d = D(99999, 1, 2);
	cc_date_iso(&d, buf, sizeof buf);
	ck_assert_str_eq(buf, "99999-01-02");
}
END_TEST

/* --- scanner rules --- */

START_TEST(test_weekday_rule)
{
	struct cc_date		 sun = D(2022, 10, 30), mon = D(2022, 10, 24);
	const struct cc_timex	*x;
	char			 lo[16];

	/* Sunday article: "on Monday" is six days back, not tomorrow. */
	x = scan_for("Lavrov said on Monday.", &sun, "Monday", NULL);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(x->value, "2022-10-24");
	ck_assert(x->relative);
	ck_assert(!x->future);
	ck_assert_str_eq(x->basis, "relative to 2022-10-30");
	/* Monday article: the same day. */
	x = scan_for("Lavrov said on Monday.", &mon, "Monday", NULL);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(x->value, "2022-10-24");
	/* Future tense: the next one. */
	x = scan_for("Lavrov will fly on Monday.", &mon, "Monday", NULL);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(x->value, "2022-10-31");
	ck_assert(x->future);
	ck_assert_ptr_nonnull(strstr(x->basis, "future"));
	iso(&x->lo, lo);
	ck_assert_str_eq(lo, "2022-10-31");
}
END_TEST

START_TEST(test_tense_cues)
{
	struct cc_date		 ref = D(2022, 10, 30);
	const struct cc_timex	*x;

	/* A reporting verb between the future cue and the date wins. */
	x = scan_for("Putin will go, the Kremlin said on Friday.", &ref,
	    "Friday", NULL);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(x->value, "2022-10-28");
	/* A future cue in another sentence does not count. */
	x = scan_for("Putin will go. He spoke on Friday.", &ref, "Friday",
	    NULL);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(x->value, "2022-10-28");
	/* A year-less month after "scheduled" is in the future. */
	x = scan_for("The summit scheduled for Bali in the middle of "
	    "November", &ref, "the middle of November", NULL);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(x->value, "2022-11");
	ck_assert_str_eq(x->mod, "MID");
}
END_TEST

START_TEST(test_weekday_mismatch)
{
	struct cc_date		 ref = D(2022, 2, 20);
	const struct cc_timex	*x;
	const char		*s = "Friday, February 17, 2022: talks.";

	x = scan_for(s, &ref, "Friday, February 17, 2022", NULL);
	ck_assert_ptr_nonnull(x);
	ck_assert(x->weekday_mismatch);
	/* The written date is kept and the basis says what disagrees. */
	ck_assert_str_eq(x->value, "2022-02-17");
	ck_assert_ptr_nonnull(strstr(x->basis, "mismatch"));
	ck_assert_ptr_nonnull(strstr(x->basis, "Friday"));
	ck_assert_ptr_nonnull(strstr(x->basis, "thursday"));
	x = scan_for("Friday, February 18, 2022: talks.", &ref,
	    "Friday, February 18, 2022", NULL);
	ck_assert_ptr_nonnull(x);
	ck_assert(!x->weekday_mismatch);
	ck_assert_str_eq(x->basis, "absolute");
}
END_TEST

START_TEST(test_since_gives_duration_and_date)
{
	struct cc_date	 ref = D(2022, 10, 30);
	const char	*s = "Fighting has raged since February 24.";
	size_t		 n;

	n = cc_timex_scan(pack->vocab, s, strlen(s), &ref, found, 64);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(found[0].kind, CC_TIMEX_DURATION);
	ck_assert_str_eq(found[0].value, "P248D");
	ck_assert(found[0].days_min == 248 && found[0].days_max == 248);
	ck_assert_int_eq(found[1].kind, CC_TIMEX_DATE);
	ck_assert_str_eq(found[1].value, "2022-02-24");
	/* The date lies inside the duration's span. */
	ck_assert_uint_le(found[0].start, found[1].start);
	ck_assert_uint_eq(found[0].end, found[1].end);
}
END_TEST

START_TEST(test_offsets_are_bytes)
{
	struct cc_date		 ref = D(2022, 10, 30);
	/* "Kyiv\u2019s" puts three bytes before the date. */
	const char		*s = "Kyiv\xe2\x80\x99s talks on Monday";
	const struct cc_timex	*x;

	x = scan_for(s, &ref, "Monday", NULL);
	ck_assert_ptr_nonnull(x);
	ck_assert_uint_eq(x->start, 18);
	ck_assert_uint_eq(x->end, 24);
}
END_TEST

START_TEST(test_plain_numbers)
{
	struct cc_date	 ref = D(2022, 10, 30);
	const char	*s[] = { "16,150 people", "2882015 visits", "6374 killed",
	    "a score of 2020", "1,234.5 tonnes", "version 2022.1", NULL };
	size_t		 i, n;

	for (i = 0; s[i] != NULL; i++) {
		n = cc_timex_scan(pack->vocab, s[i], strlen(s[i]), &ref, found,
		    64);
		ck_assert_msg(n == 0, "'%s' gave %zu mentions", s[i], n);
	}
	/* The same year in date context is a date. */
	ck_assert_ptr_nonnull(scan_for("since 2020", &ref, "2020", NULL));
	ck_assert_ptr_nonnull(scan_for("in 2020", &ref, "2020", NULL));
}
END_TEST

START_TEST(test_max_results)
{
	struct cc_date	 ref = D(2022, 10, 30);
	const char	*s = "on Monday, on Tuesday and on Friday";
	struct cc_timex	 one[1];

	/* Only max results are written, but all are counted. */
	ck_assert_uint_eq(cc_timex_scan(pack->vocab, s, strlen(s), &ref, one,
	    1), 3);
	ck_assert_str_eq(one[0].value, "2022-10-24");
	ck_assert_uint_eq(cc_timex_scan(pack->vocab, s, strlen(s), &ref, NULL,
	    0), 3);
}
END_TEST

static int
is_dated_event(const struct cc_timex *t)
{
	return t->kind == CC_TIMEX_DATE && t->lo.d != 0 && !t->anchor;
}

/* A scan that stops at the first mention a caller wants gives the
 * mentions before it as the whole scan does, anchors and ranges read
 * whole ("since March 3" is no day of the claim; "May 2 to May 4" one
 * range). */
START_TEST(test_scan_until)
{
	struct cc_timex_scanner	*ts = cc_timex_scanner_new(pack->vocab);
	struct cc_date		 ref = D(2022, 10, 30);
	const char		*s = "Since March 3, for two weeks, talks ran "
	    "from May 2 to May 4 and again on Friday.";
	struct cc_timex		 all[16], some[16];
	size_t			 n, k, i;
	int			 stopped;

	n = cc_timex_scan_with(ts, s, strlen(s), &ref, all, 16);
	k = cc_timex_scan_until(ts, s, strlen(s), &ref, some, 16,
	    is_dated_event, &stopped);
	ck_assert_int_eq(stopped, 1);
	ck_assert_uint_lt(k, n);
	for (i = 0; i < k; i++) {
		ck_assert_int_eq(some[i].kind, all[i].kind);
		ck_assert_uint_eq(some[i].start, all[i].start);
		ck_assert_uint_eq(some[i].end, all[i].end);
		ck_assert_str_eq(some[i].value, all[i].value);
		ck_assert_int_eq(some[i].anchor, all[i].anchor);
	}
	/* the first date that is no anchor: the range */
	ck_assert(is_dated_event(&some[k - 1]));
	ck_assert_str_eq(some[k - 1].value, "2022-05-02/2022-05-04");
	/* nothing wanted (a duration only): the whole scan */
	s = "The talks went on for two weeks.";
	n = cc_timex_scan_with(ts, s, strlen(s), &ref, all, 16);
	ck_assert_uint_eq(cc_timex_scan_until(ts, s, strlen(s), &ref, some,
	    16, is_dated_event, &stopped), n);
	ck_assert_int_eq(stopped, 0);
	cc_timex_scanner_free(ts);
}
END_TEST

/* cc_timex_scan_dates(): the mentions cc_timex_scan_until() gives, the
 * same dates, spans and granularities, with no value or basis for a
 * date (durations keep theirs). */
START_TEST(test_scan_dates_lean)
{
	struct cc_timex_scanner	*ts = cc_timex_scanner_new(pack->vocab);
	struct cc_date		 ref = D(2022, 10, 30);
	static const char *const text[] = {
		"Since March 3, for two weeks, talks ran from May 2 to May 4 "
		    "and again on Friday.",
		"He will travel on Tuesday, and last month he met them in "
		    "Q3 2021, the week of June 6 and in the summer.",
		"On Friday, February 17, 2022 the talks were held; 3/4/2022 "
		    "and 2022-05-01 too.",
		"It was the 1990s.  The ten-month-old war, last year.",
	};
	struct cc_timex		 full[16], lean[16];
	size_t			 n, k, i, j;
	int			 s1, s2, dates = 0;

	for (j = 0; j < sizeof text / sizeof *text; j++) {
		n = cc_timex_scan_until(ts, text[j], strlen(text[j]), &ref,
		    full, 16, NULL, &s1);
		k = cc_timex_scan_dates(ts, text[j], strlen(text[j]), &ref,
		    lean, 16, NULL, &s2);
		ck_assert_uint_eq(k, n);
		ck_assert_int_eq(s1, s2);
		for (i = 0; i < n && i < 16; i++) {
			ck_assert_int_eq(lean[i].kind, full[i].kind);
			ck_assert_uint_eq(lean[i].start, full[i].start);
			ck_assert_uint_eq(lean[i].end, full[i].end);
			ck_assert_int_eq(cc_date_days(&lean[i].lo),
			    cc_date_days(&full[i].lo));
			ck_assert_int_eq(cc_date_days(&lean[i].hi),
			    cc_date_days(&full[i].hi));
			ck_assert_str_eq(lean[i].granularity,
			    full[i].granularity);
			ck_assert_int_eq(lean[i].relative, full[i].relative);
			ck_assert_int_eq(lean[i].future, full[i].future);
			ck_assert_int_eq(lean[i].anchor, full[i].anchor);
			ck_assert_int_eq(lean[i].weekday_mismatch,
			    full[i].weekday_mismatch);
			if (full[i].kind == CC_TIMEX_DATE &&
			    full[i].lo.y != 0) {
				ck_assert_str_eq(lean[i].basis, "");
				ck_assert_str_ne(full[i].basis, "");
				/* (a range's value is made of its ends') */
				if (strchr(full[i].value, '/') == NULL &&
				    strcmp(full[i].granularity, "week") != 0)
					ck_assert_str_eq(lean[i].value, "");
				dates++;
			} else if (full[i].kind == CC_TIMEX_DURATION)
				ck_assert_str_eq(lean[i].value,
				    full[i].value);
		}
	}
	ck_assert_int_ge(dates, 8);
	cc_timex_scanner_free(ts);
}
END_TEST

/* The words are data: a vocabulary in another language works the same. */
START_TEST(test_words_come_from_vocab)
{
	struct cc_vocab		*vc = cc_vocab_new();
	struct cc_date		 ref = D(2022, 10, 30);
	const char		*s = "seit acht Monaten, am Montag, Oktober 3";
	struct cc_timex		 x[8];
	size_t			 n;

	cc_vocab_add(vc, "months", "oktober", "10");
	cc_vocab_add(vc, "weekdays", "montag", "1");
	cc_vocab_add(vc, "number_ones", "acht", "8");
	cc_vocab_add(vc, "date_units", "monaten", "1M");
	n = cc_timex_scan(vc, s, strlen(s), &ref, x, 8);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(x[0].value, "P8M");
	ck_assert(x[0].days_min == 243);
	/* A weekday before a date is one mention, checked against it
	 * (2022-10-03 was a Monday). */
	ck_assert_str_eq(x[1].value, "2022-10-03");
	ck_assert(!x[1].weekday_mismatch);
	/* Without the lists nothing is known. */
	cc_vocab_free(vc);
	vc = cc_vocab_new();
	ck_assert_uint_eq(cc_timex_scan(vc, s, strlen(s), &ref, x, 8), 0);
	cc_vocab_free(vc);
}
END_TEST

/* A word of the vocabulary is found in any case, whatever its own: the
 * scanner's word index (built once, for long texts) keeps it folded. */
START_TEST(test_vocab_case_folded)
{
	struct cc_vocab			*vc = cc_vocab_new();
	struct cc_timex_scanner		*ts;
	struct cc_date			 ref = D(2022, 10, 30);
	const char			*s = "am MONTAG, oktober 3";
	struct cc_timex			 x[8];
	size_t				 n;

	cc_vocab_add(vc, "months", "Oktober", "10");
	cc_vocab_add(vc, "weekdays", "Montag", "1");
	ts = cc_timex_scanner_new(vc);
	n = cc_timex_scan_with(ts, s, strlen(s), &ref, x, 8);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(x[0].value, "2022-10-03");
	ck_assert_uint_eq(x[0].start, 3);
	cc_timex_scanner_free(ts);
	cc_vocab_free(vc);
}
END_TEST

/* --- the cases file --- */

/* Split line at tabs into at most max fields; returns the count. */
static int
split_tabs(char *line, char **f, int max)
{
	int	n = 0;

	f[n++] = line;
	while (n < max && (line = strchr(line, '\t')) != NULL) {
		*line++ = '\0';
		f[n++] = line;
	}
	return n;
}

static void
days_str(const struct cc_timex *x, char *out, size_t len)
{
	if (x->kind == CC_TIMEX_DATE)
		snprintf(out, len, "-");
	else if (x->days_max < 0)
		snprintf(out, len, "%g-", x->days_min);
	else if (x->days_min == x->days_max)
		snprintf(out, len, "%g", x->days_min);
	else
		snprintf(out, len, "%g-%g", x->days_min, x->days_max);
}

/* Every case of the file, scanned alone or through a scanner; the
 * number of cases that failed. */
static unsigned
cases_file(unsigned *ncasesp)
{
	const char		*path = CC_TEST_DATA_PATH("timex/cases.tsv");
	FILE			*fp = fopen(path, "r");
	char			*line = NULL, *f[10], lo[16], hi[16], days[40];
	size_t			 cap = 0, n;
	ssize_t			 len;
	unsigned		 lineno = 0, ncases = 0, nfail = 0;
	struct cc_date		 ref;
	const struct cc_timex	*x;

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (split_tabs(line, f, 10) != 9) {
			fprintf(stderr, "%s:%u: expected 9 fields\n", path,
			    lineno);
			nfail++;
			continue;
		}
		ncases++;
		if (strcmp(f[0], "-") != 0 &&
		    cc_date_parse_iso(f[0], &ref) != CC_OK) {
			fprintf(stderr, "%s:%u: bad reference date\n", path,
			    lineno);
			nfail++;
			continue;
		}
		x = scan_for(f[1], strcmp(f[0], "-") ? &ref : NULL, f[2], &n);
		if (strcmp(f[2], "-") == 0) {
			if (n != 0) {
				fprintf(stderr, "%s:%u: expected no mention, "
				    "got %zu (first '%.*s' = %s)\n", path,
				    lineno, n, (int)(found[0].end -
				    found[0].start), f[1] + found[0].start,
				    found[0].value);
				nfail++;
			}
			continue;
		}
		if (x == NULL) {
			fprintf(stderr, "%s:%u: no mention '%s' in '%s' (%zu "
			    "other)\n", path, lineno, f[2], f[1], n);
			nfail++;
			continue;
		}
		iso(&x->lo, lo);
		iso(&x->hi, hi);
		days_str(x, days, sizeof days);
		if (strcmp(f[3], x->kind == CC_TIMEX_DATE ? "date" :
		    "duration") != 0 || strcmp(f[4], x->value) != 0 ||
		    strcmp(f[5], x->mod ? x->mod : "-") != 0 ||
		    strcmp(f[6], lo) != 0 || strcmp(f[7], hi) != 0 ||
		    strcmp(f[8], days) != 0) {
			fprintf(stderr, "%s:%u: '%s': want %s %s %s %s..%s %s, "
			    "got %s %s %s %s..%s %s (%s)\n", path, lineno,
			    f[2], f[3], f[4], f[5], f[6], f[7], f[8],
			    x->kind == CC_TIMEX_DATE ? "date" : "duration",
			    x->value, x->mod ? x->mod : "-", lo, hi, days,
			    x->basis);
			nfail++;
		}
	}
	free(line);
	fclose(fp);
	*ncasesp = ncases;
	return nfail;
}

START_TEST(test_cases_file)
{
	unsigned	ncases, nfail;

	nfail = cases_file(&ncases);
	ck_assert_msg(ncases >= 150, "only %u cases", ncases);
	ck_assert_msg(nfail == 0, "%u of %u cases in timex/cases.tsv failed "
	    "(lines on stderr)", nfail, ncases);
	/* the same through a scanner, with its word index */
	scanner = cc_timex_scanner_new(pack->vocab);
	nfail = cases_file(&ncases);
	cc_timex_scanner_free(scanner);
	scanner = NULL;
	ck_assert_msg(nfail == 0, "%u of %u cases in timex/cases.tsv failed "
	    "through a scanner (lines on stderr)", nfail, ncases);
}
END_TEST

static Suite *
timex_suite(void)
{
	Suite	*s = suite_create("timex");
	TCase	*tc;

	tc = tcase_create("calendar");
	tcase_add_test(tc, test_date_valid);
	tcase_add_test(tc, test_date_days);
	tcase_add_test(tc, test_date_weekday);
	tcase_add_test(tc, test_date_iso);
	suite_add_tcase(s, tc);

	tc = tcase_create("scan");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_weekday_rule);
	tcase_add_test(tc, test_tense_cues);
	tcase_add_test(tc, test_weekday_mismatch);
	tcase_add_test(tc, test_since_gives_duration_and_date);
	tcase_add_test(tc, test_offsets_are_bytes);
	tcase_add_test(tc, test_plain_numbers);
	tcase_add_test(tc, test_max_results);
	tcase_add_test(tc, test_scan_until);
	tcase_add_test(tc, test_scan_dates_lean);
	tcase_add_test(tc, test_words_come_from_vocab);
	tcase_add_test(tc, test_vocab_case_folded);
	tcase_add_test(tc, test_cases_file);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(timex_suite)
