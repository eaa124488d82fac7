/*
 * check_number.c - the number recognizer (src/number.c) against the real
 * word lists in claims/vocab/numbers.yaml: unit tests per feature, the
 * case files under tests/data/numbers/, the NUMBER macros, and hostile
 * input.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "check_main.h"
#include "number.h"
#include "pack.h"
#include "text.h"
#include "vocab.h"

static struct cc_pack	*pk;

static void
show_diag(const struct cc_diag *d, void *arg)
{
	(void)arg;
	fprintf(stderr, "%s:%u:%u: %s\n", d->file, d->line, d->col, d->msg);
}

static void
setup(void)
{
	if (cc_pack_load(CC_TEST_RULES_DIR, &pk, show_diag, NULL) != CC_OK)
		pk = NULL;
}

static void
teardown(void)
{
	cc_pack_free(pk);
	pk = NULL;
}

static const struct cc_vocab *
vocab(void)
{
	ck_assert_msg(pk != NULL, "cannot load the rule packs in %s",
	    CC_TEST_RULES_DIR);
	return pk->vocab;
}

/* Parse s; the test fails if it is not accepted. */
static struct cc_number
parse(const char *s)
{
	struct cc_number	n;
	int			r = cc_number_parse(vocab(), s, strlen(s), &n);

	ck_assert_msg(r == CC_OK, "'%s' not accepted (%s)", s,
	    cc_strerror(r));
	return n;
}

static int
rejected(const char *s)
{
	struct cc_number	n;

	return cc_number_parse(vocab(), s, strlen(s), &n) == CC_EFORMAT;
}

#define ck_value(s, lo, hi)						\
	do {								\
		struct cc_number n_ = parse(s);				\
		ck_assert_msg(n_.has_min && n_.has_max &&		\
		    n_.min == (lo) && n_.max == (hi),			\
		    "'%s': got %.17g..%.17g (has %d/%d), want %.17g..%.17g", \
		    (s), n_.min, n_.max, n_.has_min, n_.has_max,	\
		    (double)(lo), (double)(hi));			\
	} while (0)

/* --- features ---------------------------------------------------------- */

START_TEST(test_digits)
{
	ck_value("16,150", 16150, 16150);
	ck_value("1,234.5", 1234.5, 1234.5);
	ck_value("6374", 6374, 6374);
	ck_value("2882015", 2882015, 2882015);
	ck_value("0.5", 0.5, 0.5);
	ck_assert(!parse("16,150").approx);
	/* Separators only in groups of three. */
	ck_assert(rejected("16,15"));
	ck_assert(rejected("1.2.3"));
}
END_TEST

/* Plain and grouped digits, the values most rules hand over, take a
 * short way (plain_number()) that must agree with the full parser at
 * its edges: spaces around, fifteen digits at most, leading zeros,
 * groups that are not of three. */
START_TEST(test_plain_digits)
{
	struct cc_number	n;

	n = parse("  42 ");
	ck_assert_uint_eq(n.start, 2);
	ck_assert_uint_eq(n.end, 4);
	ck_assert(!n.approx && !n.ordinal && !n.fraction && n.mod == NULL);
	ck_value("0", 0, 0);
	ck_value("1,000,000", 1000000, 1000000);
	ck_value("999,999,999,999,999", 999999999999999.0,
	    999999999999999.0);
	ck_value("123456789012345", 123456789012345.0, 123456789012345.0);
	ck_assert(rejected("1234567890123456"));
	ck_assert(rejected("1,000,000,000,000,000"));
	/* a leading zero: the full parser's reading */
	ck_assert(rejected("007"));
	ck_value("0,123", 123, 123);
	ck_assert(rejected("1,0000"));
	ck_assert(rejected("1234,567"));
	ck_assert(rejected("1,000,"));
	ck_assert(rejected(",123"));
	ck_assert(rejected("1,,000"));
}
END_TEST

START_TEST(test_words)
{
	ck_value("eight", 8, 8);
	ck_value("twenty-three", 23, 23);
	ck_value("twenty three", 23, 23);
	ck_value("two hundred", 200, 200);
	ck_value("one hundred and twenty-five", 125, 125);
	ck_value("a million", 1e6, 1e6);
	ck_value("1.5 million", 1.5e6, 1.5e6);
	ck_value("2.3 billion", 2.3e9, 2.3e9);
	ck_value("1.5bn", 1.5e9, 1.5e9);
	ck_value("half a million", 5e5, 5e5);
	ck_value("a quarter of a million", 2.5e5, 2.5e5);
	ck_value("two and a half million", 2.5e6, 2.5e6);
	ck_value("a dozen", 12, 12);
	ck_value("half a dozen", 6, 6);
	ck_value("one million two hundred thousand", 1.2e6, 1.2e6);
	/* Words that do not make one number. */
	ck_assert(rejected("five six"));
	ck_assert(rejected("thousand hundred"));
	ck_assert(rejected("half"));
	ck_assert(rejected("a"));
}
END_TEST

START_TEST(test_compounds)
{
	struct cc_number	n;

	n = parse("10-page");
	ck_assert(n.min == 10 && n.start == 0 && n.end == 2);
	n = parse("eight-month-old");
	ck_assert(n.min == 8 && n.max == 8 && n.end == 5);
	n = parse("five-year");
	ck_assert(n.min == 5 && n.end == 4);
	n = parse("twenty-three-year-old");
	ck_assert(n.min == 23 && n.end == 12);
	/* A suffix bound is not a compound. */
	n = parse("40-odd");
	ck_assert(n.min == 40 && n.approx && n.end == 6);
}
END_TEST

START_TEST(test_ordinals)
{
	struct cc_number	n;

	n = parse("third");
	ck_assert(n.ordinal && n.min == 3 && n.max == 3);
	n = parse("21st");
	ck_assert(n.ordinal && n.min == 21);
	n = parse("twenty-first");
	ck_assert(n.ordinal && n.min == 21);
	ck_assert(!parse("21").ordinal);
	/* Ordinals take no bounds. */
	ck_assert(rejected("more than third"));
}
END_TEST

START_TEST(test_bounds)
{
	struct cc_number	n;

	n = parse("about 130,000");
	ck_assert(n.approx && n.has_min && n.has_max);
	ck_assert(n.min == 130000 && n.max == 130000);
	ck_assert_str_eq(n.mod, "APPROX");
	n = parse("more than 100");
	ck_assert(n.has_min && !n.has_max && n.min == 101 && !n.approx);
	ck_assert_str_eq(n.mod, "MORE_THAN");
	n = parse("at least 100");
	ck_assert(n.has_min && !n.has_max && n.min == 100);
	ck_assert_str_eq(n.mod, "EQUAL_OR_MORE");
	n = parse("up to 5");
	ck_assert(!n.has_min && n.has_max && n.max == 5);
	ck_assert_str_eq(n.mod, "EQUAL_OR_LESS");
	n = parse("as many as 5");
	ck_assert(!n.has_min && n.has_max && n.max == 5);
	n = parse("nearly 40,000");
	ck_assert(n.approx && !n.has_min && n.has_max && n.max == 40000);
	n = parse("almost 40,000");
	ck_assert(n.approx && !n.has_min && n.max == 40000);
	n = parse("fewer than 100");
	ck_assert(!n.has_min && n.max == 99);
	ck_assert_str_eq(n.mod, "LESS_THAN");
	n = parse("100 or more");
	ck_assert(n.has_min && !n.has_max && n.min == 100);
	n = parse("100+");
	ck_assert(n.has_min && !n.has_max && n.min == 100);
	ck_assert(parse("6,374").mod == NULL);
}
END_TEST

START_TEST(test_ranges)
{
	struct cc_fold	f;
	const char	*dash = "5,000\xe2\x80\x93" "6,000";	/* en dash */
	struct cc_number n;

	ck_value("between 5,000 and 6,000", 5000, 6000);
	ck_value("5,000-6,000", 5000, 6000);
	ck_value("5,000 to 6,000", 5000, 6000);
	ck_value("5-6 million", 5e6, 6e6);
	ck_value("two or three", 2, 3);
	/* The en dash is folded to '-' before the recognizer sees it. */
	cc_fold(dash, strlen(dash), &f);
	ck_assert_int_eq(cc_number_parse(vocab(), f.s, f.len, &n), CC_OK);
	ck_assert(n.min == 5000 && n.max == 6000);
	cc_fold_release(&f);
	/* The second end must be larger; "from X to Y" is a change. */
	ck_assert(rejected("between 6,000 and 5,000"));
	ck_assert(rejected("6,000-5,000"));
	ck_assert(rejected("from 5,000 to 6,000"));
}
END_TEST

START_TEST(test_vague)
{
	struct cc_number	n;

	n = parse("dozens");
	ck_assert(n.approx && n.min == 24 && n.max == 99);
	n = parse("hundreds");
	ck_assert(n.approx && n.min == 200 && n.max == 999);
	n = parse("tens of thousands");
	ck_assert(n.approx && n.min == 20000 && n.max == 99999);
	n = parse("several");
	ck_assert(n.approx && n.min == 3 && n.max == 9);
	n = parse("several hundred");
	ck_assert(n.approx && n.min == 300 && n.max == 999);
}
END_TEST

/* --- scanning ---------------------------------------------------------- */

START_TEST(test_scan_sentence)
{
	const char		*s = "The office reported civilian casualties "
				    "at 16,150, including 6,374 killed, and "
				    "about 130,000 troops.";
	struct cc_number	 out[8];
	size_t			 n = cc_number_scan(vocab(), s, strlen(s), out, 8);

	ck_assert_uint_eq(n, 3);
	ck_assert(out[0].min == 16150 && strncmp(s + out[0].start, "16,150",
	    out[0].end - out[0].start) == 0);
	ck_assert(out[1].min == 6374 && out[1].end - out[1].start == 5);
	ck_assert(out[2].approx && out[2].min == 130000);
	ck_assert(strncmp(s + out[2].start, "about 130,000", 13) == 0 &&
	    out[2].end - out[2].start == 13);
}
END_TEST

START_TEST(test_scan_dates)
{
	static const char *const none[] = {
		"on October 30, 2022", "dated 2022-10-30", "dated 30.10.2022",
		"at 10:30", "on 24 February 2022", "Oct. 30", "in 2022",
		"at 10 a.m.", "at 1500 GMT", "the 2014-15 season",
		"on 10/30/2022", "the 30th of October"
	};
	struct cc_number	out[4];
	size_t			i, n;
	const char		*s = "May 5 and may be 5";

	for (i = 0; i < sizeof none / sizeof *none; i++) {
		n = cc_number_scan(vocab(), none[i], strlen(none[i]), out, 4);
		ck_assert_msg(n == 0, "'%s': %zu numbers, want none", none[i],
		    n);
	}
	/* A month name counts only when capitalized. */
	n = cc_number_scan(vocab(), s, strlen(s), out, 4);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(out[0].start, 17);
	/* A plain number is never a date. */
	s = "16,150 and 2882015 and 6374";
	ck_assert_uint_eq(cc_number_scan(vocab(), s, strlen(s), out, 4), 3);
}
END_TEST

START_TEST(test_scan_max)
{
	const char		*s = "one, two, three, four and five";
	struct cc_number	 out[3];

	memset(out, 0xa5, sizeof out);
	ck_assert_uint_eq(cc_number_scan(vocab(), s, strlen(s), out, 2), 5);
	ck_assert(out[0].min == 1 && out[1].min == 2);
	/* Nothing written past max. */
	ck_assert(((unsigned char *)&out[2])[0] == 0xa5);
	ck_assert_uint_eq(cc_number_scan(vocab(), s, strlen(s), NULL, 0), 5);
}
END_TEST

/* Bound words news copy writes beside "just over" and "well over": each
 * as the list's code reads. */
START_TEST(test_bounds_news)
{
	struct cc_number	n;

	n = parse("well under 1,000");
	ck_assert(!n.has_min && n.has_max && n.max == 999 && !n.approx);
	ck_assert_str_eq(n.mod, "LESS_THAN");
	n = parse("slightly more than 200");
	ck_assert(n.has_min && !n.has_max && n.min == 201);
	ck_assert_str_eq(n.mod, "MORE_THAN");
	n = parse("a little over 300");
	ck_assert(n.has_min && !n.has_max && n.min == 301);
	n = parse("just short of 3,000");
	ck_assert(n.approx && !n.has_min && n.max == 3000);
	ck_assert_str_eq(n.mod, "LESS_THAN");
	/* the low end of an estimate, as "as many as" is its high end */
	n = parse("as few as 20");
	ck_assert(n.has_min && !n.has_max && n.min == 20 && !n.approx);
	ck_assert_str_eq(n.mod, "EQUAL_OR_MORE");
	n = parse("5,000 or thereabouts");
	ck_assert(n.approx && n.min == 5000 && n.max == 5000);
	ck_assert_str_eq(n.mod, "APPROX");
	/* the words alone, or a bound word alone, stay no number */
	ck_assert(rejected("well under"));
	ck_assert(rejected("a little"));
	ck_assert(rejected("well 5"));
}
END_TEST

/* How many numbers scan finds in s; the first into *first. */
static size_t
scan_first(const char *s, struct cc_number *first)
{
	struct cc_number	out[8];
	size_t			n = cc_number_scan(vocab(), s, strlen(s), out, 8);

	if (n > 0)
		*first = out[0];
	return n;
}

/* Phone numbers, scores, codes and dates that look like ranges or counts
 * are none; real ranges written alike still are. */
START_TEST(test_scan_near_misses)
{
	static const char *const none[] = {
		"call 555-1234 now", "on 24/02/2022", "the 1990s",
		"the COVID-19 wave", "the G7 summit", "dial 555-0143",
		"call 1-800-555-1234"
	};
	struct cc_number	n;
	const char		*s;
	size_t			i, k;

	for (i = 0; i < sizeof none / sizeof *none; i++) {
		k = scan_first(none[i], &n);
		ck_assert_msg(k == 0, "'%s': %zu numbers, want none", none[i],
		    k);
	}
	ck_assert(rejected("555-1234"));
	/* A score is two numbers, never a range (nor "2" a negative). */
	s = "Ukraine won 3-2 after extra time.";
	ck_assert_uint_eq(scan_first(s, &n), 2);
	ck_assert(n.min == 3 && n.max == 3);
	/* Ranges with round ends, grouped or spaced, are still ranges. */
	ck_value("300-1000", 300, 1000);
	ck_value("150-1200", 150, 1200);
	ck_value("555-1,234", 555, 1234);
}
END_TEST

/* A bound on a percentage does not step it as it steps a count. */
START_TEST(test_scan_percent)
{
	struct cc_number	n, out[2];
	const char		*s;

	s = "More than 50% of voters backed him.";
	ck_assert_uint_eq(scan_first(s, &n), 1);
	ck_assert(n.has_min && !n.has_max && n.min == 50);
	ck_assert_str_eq(n.mod, "MORE_THAN");
	s = "Fewer than 20 per cent of them returned.";
	ck_assert_uint_eq(scan_first(s, &n), 1);
	ck_assert(!n.has_min && n.has_max && n.max == 20);
	s = "Less than 5.5 percent of the aid arrived.";
	ck_assert_uint_eq(scan_first(s, &n), 1);
	ck_assert(n.max == 5.5);
	s = "Rates rose by more than 2 percentage points.";
	ck_assert_uint_eq(scan_first(s, &n), 1);
	ck_assert(n.has_min && n.min == 2);
	/* a count still steps */
	s = "More than 50 people and fewer than 20 percenters came.";
	ck_assert_uint_eq(scan_first(s, &n), 2);
	ck_assert(n.min == 51);
	/* "30%-40%": the second is no negative */
	s = "Prices rose 30%-40% this year.";
	ck_assert_uint_eq(cc_number_scan(vocab(), s, strlen(s), out, 2), 2);
	ck_assert(out[0].min == 30 && out[0].max == 30);
	ck_assert(out[1].min == 40 && out[1].max == 40);
}
END_TEST

/* A sentence, how many numbers scan finds in it, and the first one's
 * bounds. */
struct scase {
	const char	*s;
	size_t		 n;
	double		 min, max;
};

static void
ck_scan_cases(const struct scase *v, size_t n)
{
	struct cc_number	first;
	size_t			i, k;

	for (i = 0; i < n; i++) {
		k = scan_first(v[i].s, &first);
		ck_assert_msg(k == v[i].n && first.has_min && first.has_max &&
		    first.min == v[i].min && first.max == v[i].max,
		    "'%s': %zu numbers, the first %g..%g; want %zu, %g..%g",
		    v[i].s, k, first.min, first.max, v[i].n, v[i].min,
		    v[i].max);
	}
}

/* "anywhere from", "ranging from" open a range; "from" alone a change. */
START_TEST(test_scan_from_range)
{
	static const struct scase	v[] = {
		{ "The toll is anywhere from 5,000 to 10,000.", 1, 5000,
		    10000 },
		{ "Estimates ranging from 20 to 30 were given.", 1, 20, 30 },
		/* after a plain "from", "to" is still a change */
		{ "Fares rose from 10 to 15 dollars.", 2, 10, 10 }
	};

	ck_scan_cases(v, sizeof v / sizeof *v);
}
END_TEST

/* "$2-3m": the currency sign of the first end makes both money. */
START_TEST(test_scan_money_range)
{
	static const struct scase	v[] = {
		{ "The project needs $2-3m, he said.", 1, 2e6, 3e6 },
		/* without a sign "m" is no million, even in a range */
		{ "A 2-3m wall was built.", 1, 2, 2 },
		/* the second end's own sign still counts */
		{ "It cost $5m-$6m.", 1, 5e6, 6e6 }
	};

	ck_scan_cases(v, sizeof v / sizeof *v);
}
END_TEST

/* The words are data: another language works through the lists alone. */
START_TEST(test_vocab_driven)
{
	struct cc_vocab		*vc = cc_vocab_new();
	struct cc_number	 n;
	const char		*s = "etwa zwei Tausend";

	cc_vocab_add(vc, "number_ones", "zwei", "2");
	cc_vocab_add(vc, "number_big_scales", "tausend", "1000");
	cc_vocab_add(vc, "number_bounds", "etwa", "APPROX");
	ck_assert_int_eq(cc_number_parse(vc, s, strlen(s), &n), CC_OK);
	ck_assert(n.min == 2000 && n.max == 2000 && n.approx);
	ck_assert_uint_eq(cc_number_scan(vc, s, strlen(s), &n, 1), 1);
	ck_assert(n.min == 2000 && n.start == 0 && n.end == strlen(s));
	/* Without the lists only digits are numbers. */
	cc_vocab_free(vc);
	vc = cc_vocab_new();
	ck_assert_int_eq(cc_number_parse(vc, s, strlen(s), &n), CC_EFORMAT);
	ck_assert_int_eq(cc_number_parse(vc, "16,150", 6, &n), CC_OK);
	cc_vocab_free(vc);
}
END_TEST

/* --- hostile input ----------------------------------------------------- */

static double
seconds(void)
{
	struct timespec	t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

START_TEST(test_hostile_digits)
{
	char			 s[256];
	struct cc_number	 out[4];

	memset(s, '9', 100);
	s[100] = '\0';
	ck_assert(rejected(s));
	ck_assert_uint_eq(cc_number_scan(vocab(), s, 100, out, 4), 0);
	/* 15 significant digits are kept exactly, 16 are refused. */
	ck_value("999999999999999", 999999999999999.0, 999999999999999.0);
	ck_assert(rejected("9999999999999999"));
	ck_assert(rejected("1,000,000,000,000,000"));
	ck_assert(rejected("0.1234567890123456"));
	ck_assert(rejected("2,000 trillion"));
	ck_assert(rejected("1000 trillion trillion"));
	/* A number after the rejected one is still found. */
	snprintf(s, sizeof s, "%s and 42", "99999999999999999999999");
	ck_assert_uint_eq(cc_number_scan(vocab(), s, strlen(s), out, 4), 1);
	ck_assert(out[0].min == 42);
}
END_TEST

/* Megabytes of one repeated pattern: linear time, no overflow, no read
 * past the end (the buffer is not NUL-terminated under ASan). */
START_TEST(test_hostile_large)
{
	static const char *const pats[] = {
		"0123456789", "1,000", "1.1.", "one ", "a ", "more than ",
		"twenty-", "1-2-", "between 5 and ", "hundred ", " ",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "9:"
	};
	size_t			 len = 4u << 20, i, j, pl, n;
	char			*buf = malloc(len);
	struct cc_number	 out[2], one;
	double			 t0;

	ck_assert_ptr_nonnull(buf);
	for (i = 0; i < sizeof pats / sizeof *pats; i++) {
		pl = strlen(pats[i]);
		for (j = 0; j < len; j++)
			buf[j] = pats[i][j % pl];
		t0 = seconds();
		n = cc_number_scan(vocab(), buf, len, out, 2);
		(void)cc_number_parse(vocab(), buf, len, &one);
		ck_assert_msg(seconds() - t0 < 20, "'%s': %.1f s for 4 MB",
		    pats[i], seconds() - t0);
		if (strcmp(pats[i], "one ") == 0)
			ck_assert_uint_eq(n, len / 4);
		if (pats[i][0] >= '0' && pats[i][0] <= '9')
			ck_assert_uint_le(n, 1);
	}
	/* Ten megabytes of digits: one rejected run. */
	free(buf);
	len = 10u << 20;
	buf = malloc(len);
	memset(buf, '7', len);
	ck_assert_uint_eq(cc_number_scan(vocab(), buf, len, out, 2), 0);
	ck_assert_int_eq(cc_number_parse(vocab(), buf, len, &one),
	    CC_EFORMAT);
	free(buf);
}
END_TEST

/* --- the case files ---------------------------------------------------- */

struct ncase {
	unsigned	 line;
	char		*input;		/* folded */
	size_t		 len;
	int		 err;
	int		 has_min, has_max, approx, ord, noscan, frac;
	double		 min, max;
	char		 mod[32];
	long		 end;		/* -1: the whole input */
	unsigned	 scan;		/* ERR lines: numbers scan finds */
};

static char *
field(char **p)
{
	char	*f = *p, *tab;

	if (f == NULL)
		return NULL;
	if ((tab = strchr(f, '\t')) != NULL) {
		*tab = '\0';
		*p = tab + 1;
	} else
		*p = NULL;
	return f;
}

static int
bound(const char *f, double *x)
{
	char	*end;

	if (strcmp(f, "-") == 0)
		return 0;
	*x = strtod(f, &end);
	ck_assert_msg(*end == '\0', "bad number '%s' in a case file", f);
	return 1;
}

/* Read cases.tsv; returns how many, *out owned by the caller. */
static size_t
load_cases(struct ncase **out)
{
	const char	*path = CC_TEST_DATA_PATH("numbers/cases.tsv");
	FILE		*fp = fopen(path, "r");
	char		 line[4096], *p, *in, *lo, *hi, *ap, *fl, *tok;
	struct ncase	*v = NULL, *c;
	size_t		 n = 0;
	unsigned	 lineno = 0;
	struct cc_fold	 f;

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	while (fgets(line, sizeof line, fp) != NULL) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		p = line;
		in = field(&p);
		lo = field(&p);
		hi = field(&p);
		ap = field(&p);
		fl = field(&p);
		ck_assert_msg(ap != NULL, "cases.tsv:%u: expected INPUT MIN "
		    "MAX APPROX", lineno);
		v = realloc(v, (n + 1) * sizeof *v);
		ck_assert_ptr_nonnull(v);
		c = &v[n++];
		memset(c, 0, sizeof *c);
		c->line = lineno;
		c->end = -1;
		cc_fold(in, strlen(in), &f);
		c->input = malloc(f.len + 1);
		memcpy(c->input, f.s, f.len + 1);
		c->len = f.len;
		cc_fold_release(&f);
		c->err = strcmp(lo, "ERR") == 0;
		if (!c->err) {
			c->has_min = bound(lo, &c->min);
			c->has_max = bound(hi, &c->max);
			c->approx = strcmp(ap, "1") == 0;
		}
		for (tok = fl != NULL ? strtok(fl, ",") : NULL; tok != NULL;
		    tok = strtok(NULL, ",")) {
			if (strcmp(tok, "ord") == 0)
				c->ord = 1;
			else if (strcmp(tok, "noscan") == 0)
				c->noscan = 1;
			else if (strcmp(tok, "frac") == 0)
				c->frac = 1;
			else if (strncmp(tok, "mod=", 4) == 0)
				snprintf(c->mod, sizeof c->mod, "%s", tok + 4);
			else if (strncmp(tok, "end=", 4) == 0)
				c->end = atol(tok + 4);
			else if (strncmp(tok, "scan=", 5) == 0)
				c->scan = (unsigned)atoi(tok + 5);
			else
				ck_abort_msg("cases.tsv:%u: unknown flag %s",
				    lineno, tok);
		}
	}
	fclose(fp);
	*out = v;
	return n;
}

static void
free_cases(struct ncase *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].input);
	free(v);
}

/* Does n say what case c expects?  Writes why not into why. */
static int
case_ok(const struct ncase *c, const struct cc_number *n, char *why,
    size_t sz)
{
	size_t	lead = strspn(c->input, " ");
	size_t	end = c->end >= 0 ? lead + (size_t)c->end : c->len;

	while (c->end < 0 && end > lead && c->input[end - 1] == ' ')
		end--;
	if (n->has_min != c->has_min || n->has_max != c->has_max ||
	    (c->has_min && n->min != c->min) ||
	    (c->has_max && n->max != c->max) ||
	    (int)n->approx != c->approx || (int)n->ordinal != c->ord ||
	    (int)n->fraction != c->frac || strcmp(n->mod != NULL ? n->mod : "", c->mod) != 0 ||
	    n->end != end) {
		snprintf(why, sz, "got %s%.17g..%s%.17g approx %d ord %d "
		    "frac %d mod %s end %zu", n->has_min ? "" : "no min ",
		    n->min, n->has_max ? "" : "no max ", n->max, n->approx,
		    n->ordinal, n->fraction, n->mod != NULL ? n->mod : "-",
		    n->end);
		return 0;
	}
	return 1;
}

START_TEST(test_cases_parse)
{
	struct ncase		*v;
	size_t			 n = load_cases(&v), i;
	struct cc_number	 num;
	unsigned		 bad = 0;
	char			 why[256];
	int			 r;

	ck_assert_msg(n >= 120, "only %zu cases", n);
	for (i = 0; i < n; i++) {
		r = cc_number_parse(vocab(), v[i].input, v[i].len, &num);
		if (v[i].err ? r == CC_EFORMAT : r == CC_OK &&
		    case_ok(&v[i], &num, why, sizeof why))
			continue;
		if (v[i].err)
			snprintf(why, sizeof why, "accepted, want rejected");
		else if (r != CC_OK)
			snprintf(why, sizeof why, "rejected (%s)",
			    cc_strerror(r));
		fprintf(stderr, "cases.tsv:%u: '%s': %s\n", v[i].line,
		    v[i].input, why);
		bad++;
	}
	free_cases(v, n);
	ck_assert_msg(bad == 0, "%u of %zu cases failed (listed on stderr)",
	    bad, n);
}
END_TEST

/* Scanning each case finds that one number, as parse reads it. */
START_TEST(test_cases_scan)
{
	struct ncase		*v;
	size_t			 n = load_cases(&v), i, k;
	struct cc_number	 out[4], num;
	unsigned		 bad = 0;
	char			 why[256];

	for (i = 0; i < n; i++) {
		if (v[i].noscan)
			continue;
		k = cc_number_scan(vocab(), v[i].input, v[i].len, out, 4);
		if (v[i].err) {
			if (k == v[i].scan)
				continue;
			snprintf(why, sizeof why, "scan found %zu, want %u",
			    k, v[i].scan);
		} else if (k != 1)
			snprintf(why, sizeof why, "scan found %zu numbers", k);
		else if (cc_number_parse(vocab(), v[i].input, v[i].len,
		    &num) != CC_OK)
			snprintf(why, sizeof why, "parse rejects it");
		else if (out[0].start != num.start || out[0].end != num.end ||
		    out[0].min != num.min || out[0].max != num.max ||
		    out[0].has_min != num.has_min ||
		    out[0].has_max != num.has_max ||
		    out[0].approx != num.approx ||
		    out[0].fraction != num.fraction || out[0].mod != num.mod)
			snprintf(why, sizeof why, "scan %zu..%zu %.17g..%.17g "
			    "differs from parse %zu..%zu %.17g..%.17g",
			    out[0].start, out[0].end, out[0].min, out[0].max,
			    num.start, num.end, num.min, num.max);
		else
			continue;
		fprintf(stderr, "cases.tsv:%u: '%s': %s\n", v[i].line,
		    v[i].input, why);
		bad++;
	}
	free_cases(v, n);
	ck_assert_msg(bad == 0, "%u cases failed (listed on stderr)", bad);
}
END_TEST

/* Where case c's number stands in its input: without the spaces around. */
static void
case_span(const struct ncase *c, size_t *lead, size_t *end)
{
	*lead = strspn(c->input, " ");
	for (*end = c->len; *end > *lead && c->input[*end - 1] == ' ';)
		--*end;
}

/* %{NUMBER} matches every accepted case whole, so a rule's value group
 * gets the whole expression; shares ("two thirds") need not, as no rule
 * takes one as a claim value. */
START_TEST(test_cases_macro)
{
	struct ncase		*v;
	size_t			 n = load_cases(&v), i, k, lead, end;
	struct cc_diag		 d;
	pcre2_code		*re[2];
	pcre2_match_data	*md;
	unsigned		 bad = 0;
	/* NUMBER_AT, the rules' cheap test of where NUMBER may start,
	 * must let every number through. */
	static const char	*const pat[2] = { "%{NUMBER}",
				    "%{NUMBER_AT}%{NUMBER}" };

	vocab();
	for (k = 0; k < 2; k++) {
		re[k] = cc_pack_compile(pk, pat[k], 1, &d);
		ck_assert_msg(re[k] != NULL, "%s: %s", pat[k], d.msg);
	}
	md = pcre2_match_data_create_from_pattern(re[0], NULL);
	for (i = 0; i < n; i++) {
		if (v[i].err || v[i].frac)
			continue;
		case_span(&v[i], &lead, &end);
		for (k = 0; k < 2; k++) {
			if (pcre2_match(re[k], (PCRE2_SPTR)v[i].input, end,
			    lead, PCRE2_ANCHORED | PCRE2_ENDANCHORED, md,
			    NULL) > 0)
				continue;
			fprintf(stderr, "cases.tsv:%u: '%s': %s does not "
			    "match it whole\n", v[i].line, v[i].input, pat[k]);
			bad++;
		}
	}
	pcre2_match_data_free(md);
	for (k = 0; k < 2; k++)
		pcre2_code_free(re[k]);
	free_cases(v, n);
	ck_assert_msg(bad == 0, "%u cases failed (listed on stderr)", bad);
}
END_TEST

/* Before a word that reads no part of a number, %{NUMBER} still takes
 * each accepted case whole and no more: "1,800 people", "1.5 million
 * people", "10 or more people".  Plain digits so placed are read by a
 * shortcut (NUMBER_PLAIN in numbers.yaml) that must stop where the whole
 * reading would, and leave every longer reading to it. */
START_TEST(test_cases_macro_before_word)
{
	struct ncase		*v;
	size_t			 n = load_cases(&v), i, lead, end, tried = 0;
	struct cc_diag		 d;
	struct cc_buf		 b = CC_BUF_INIT;
	pcre2_code		*re;
	pcre2_match_data	*md;
	PCRE2_SIZE		*ov;
	unsigned		 bad = 0;

	vocab();
	re = cc_pack_compile(pk, "%{NUMBER}", 1, &d);
	ck_assert_msg(re != NULL, "NUMBER: %s", d.msg);
	md = pcre2_match_data_create_from_pattern(re, NULL);
	for (i = 0; i < n; i++) {
		if (v[i].err || v[i].frac)
			continue;
		case_span(&v[i], &lead, &end);
		cc_buf_reset(&b);
		cc_buf_add(&b, v[i].input, end);
		cc_buf_adds(&b, " people were evacuated");
		tried++;
		if (pcre2_match(re, (PCRE2_SPTR)b.data, b.len, lead,
		    PCRE2_ANCHORED, md, NULL) > 0) {
			ov = pcre2_get_ovector_pointer(md);
			if (ov[1] == end)
				continue;
		}
		fprintf(stderr, "cases.tsv:%u: '%.*s people': %%{NUMBER} does "
		    "not stop where the number does\n", v[i].line, (int)end,
		    v[i].input);
		bad++;
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	cc_buf_release(&b);
	free_cases(v, n);
	ck_assert_msg(tried > 100, "only %zu cases", tried);
	ck_assert_msg(bad == 0, "%u cases failed (listed on stderr)", bad);
}
END_TEST

/* Parse one expected item of scan.tsv: TEXT=MIN..MAX[~][#]. */
static void
expect_item(char *item, char **text, double *lo, int *hlo, double *hi,
    int *hhi, int *approx, int *ord)
{
	char	*eq, *dots, *e;

	while (*item == ' ')
		item++;
	for (e = item + strlen(item); e > item && e[-1] == ' ';)
		*--e = '\0';
	*approx = strchr(item, '~') != NULL;
	*ord = strchr(item, '#') != NULL;
	eq = strrchr(item, '=');
	ck_assert_msg(eq != NULL, "scan.tsv: bad item '%s'", item);
	*eq = '\0';
	*text = item;
	dots = strstr(eq + 1, "..");
	ck_assert_msg(dots != NULL, "scan.tsv: bad item '%s'", item);
	*dots = '\0';
	*hlo = eq[1] != '*';
	*lo = *hlo ? strtod(eq + 1, NULL) : 0;
	*hhi = dots[2] != '*';
	*hi = *hhi ? strtod(dots + 2, NULL) : 0;
}

START_TEST(test_scan_file)
{
	const char		*path = CC_TEST_DATA_PATH("numbers/scan.tsv");
	FILE			*fp = fopen(path, "r");
	char			 line[4096], *want, *item, *save, *text;
	struct cc_number	 out[16];
	struct cc_fold		 f;
	size_t			 n, k, i;
	unsigned		 lineno = 0, bad = 0, ncase = 0;
	double			 lo, hi;
	int			 hlo, hhi, approx, ord, ok;

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	while (fgets(line, sizeof line, fp) != NULL) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		want = strchr(line, '\t');
		ck_assert_msg(want != NULL, "scan.tsv:%u: no tab", lineno);
		*want++ = '\0';
		ncase++;
		cc_fold(line, strlen(line), &f);
		n = cc_number_scan(vocab(), f.s, f.len, out, 16);
		ok = 1;
		k = 0;
		if (strcmp(want, "-") != 0)
			for (item = strtok_r(want, "|", &save); item != NULL;
			    item = strtok_r(NULL, "|", &save), k++) {
				expect_item(item, &text, &lo, &hlo, &hi, &hhi,
				    &approx, &ord);
				if (k >= n || k >= 16 ||
				    out[k].end - out[k].start != strlen(text) ||
				    strncmp(f.s + out[k].start, text,
				    strlen(text)) != 0 ||
				    out[k].has_min != hlo ||
				    out[k].has_max != hhi ||
				    (hlo && out[k].min != lo) ||
				    (hhi && out[k].max != hi) ||
				    (int)out[k].approx != approx ||
				    (int)out[k].ordinal != ord) {
					fprintf(stderr, "scan.tsv:%u: item %zu "
					    "'%s' not found as expected\n",
					    lineno, k + 1, text);
					ok = 0;
				}
			}
		if (n != k) {
			fprintf(stderr, "scan.tsv:%u: %zu numbers, want %zu:",
			    lineno, n, k);
			for (i = 0; i < n && i < 16; i++)
				fprintf(stderr, " '%.*s'",
				    (int)(out[i].end - out[i].start),
				    f.s + out[i].start);
			fprintf(stderr, "\n");
			ok = 0;
		}
		bad += !ok;
		cc_fold_release(&f);
	}
	fclose(fp);
	ck_assert_msg(ncase >= 30, "only %u sentences", ncase);
	ck_assert_msg(bad == 0, "%u of %u sentences failed (listed on "
	    "stderr)", bad, ncase);
}
END_TEST

/* --- the macros in rules ----------------------------------------------- */

/* Match pattern in s and parse the group named value. */
static int
rule_value(const char *pattern, const char *s, struct cc_number *num)
{
	struct cc_diag		 d;
	pcre2_code		*re;
	pcre2_match_data	*md;
	PCRE2_SIZE		*ov;
	int			 r, g;

	vocab();
	re = cc_pack_compile(pk, pattern, 1, &d);
	ck_assert_msg(re != NULL, "%s: %s", pattern, d.msg);
	md = pcre2_match_data_create_from_pattern(re, NULL);
	r = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
	if (r > 0) {
		g = pcre2_substring_number_from_name(re,
		    (PCRE2_SPTR)"value");
		ov = pcre2_get_ovector_pointer(md);
		r = cc_number_parse(pk->vocab, s + ov[2 * g],
		    ov[2 * g + 1] - ov[2 * g], num);
	} else
		r = CC_ENOTFOUND;
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return r;
}

START_TEST(test_macro_rules)
{
	const char		*killed = "\\b(?<value>%{NUMBER})\\s+"
				    "(?:people\\s+)?killed";
	const char		*age = "\\b(?<value>%{NUMBER_WORD})-month-old";
	struct cc_number	 n;

	ck_assert_int_eq(rule_value(killed, "including 6,374 killed and "
	    "9,776 injured", &n), CC_OK);
	ck_assert(n.min == 6374 && n.max == 6374);
	ck_assert_int_eq(rule_value(killed, "more than 100 people killed",
	    &n), CC_OK);
	ck_assert(n.min == 101 && !n.has_max);
	ck_assert_int_eq(rule_value(killed, "Between 5,000 and 6,000 "
	    "killed", &n), CC_OK);
	ck_assert(n.min == 5000 && n.max == 6000);
	ck_assert_int_eq(rule_value(killed, "tens of thousands of people "
	    "fled, and dozens killed", &n), CC_OK);
	ck_assert(n.min == 24 && n.max == 99 && n.approx);
	ck_assert_int_eq(rule_value(killed, "the MH17 killed", &n),
	    CC_ENOTFOUND);
	ck_assert_int_eq(rule_value(age, "the eight-month-old conflict", &n),
	    CC_OK);
	ck_assert(n.min == 8);
	ck_assert_int_eq(rule_value(age, "a twenty-three-month-old war",
	    &n), CC_OK);
	ck_assert(n.min == 23);
}
END_TEST

/* PCRE2 here keeps a compiled pattern under 64 KiB: a rule must be able
 * to hold NUMBER twice ("X killed and Y injured") with room to spare. */
START_TEST(test_macro_size)
{
	struct cc_diag	 d;
	pcre2_code	*re;
	size_t		 size;

	vocab();
	re = cc_pack_compile(pk, "%{NUMBER}", 1, &d);
	ck_assert_msg(re != NULL, "NUMBER: %s", d.msg);
	ck_assert_int_eq(pcre2_pattern_info(re, PCRE2_INFO_SIZE, &size), 0);
	ck_assert_msg(size < 28000, "NUMBER compiles to %zu bytes", size);
	pcre2_code_free(re);
	re = cc_pack_compile(pk, "(?<a>%{NUMBER})\\s+killed\\s+and\\s+"
	    "(?<b>%{NUMBER})\\s+injured", 1, &d);
	ck_assert_msg(re != NULL, "two NUMBERs: %s", d.msg);
	pcre2_code_free(re);
}
END_TEST

/* Well over 20 MB/s on news text (the bound here is loose: sanitizer
 * builds run this too; the figure is printed). */
START_TEST(test_speed)
{
	static const char	*para = "The UN human rights office reported "
	    "civilian casualties of the ongoing war at 16,150, including "
	    "6,374 killed and 9,776 injured, on Monday. Russia has amassed "
	    "about 130,000 troops, and Lavrov said on October 30, 2022 that "
	    "the eight-month-old conflict could end if the West met two "
	    "crucial conditions; a 10-page letter was sent to more than a "
	    "dozen capitals.\n";
	size_t			 plen = strlen(para), len = 16u << 20, i, n;
	char			*buf = malloc(len);
	double			 t0, dt;

	ck_assert_ptr_nonnull(buf);
	for (i = 0; i + plen <= len; i += plen)
		memcpy(buf + i, para, plen);
	len = i;
	t0 = seconds();
	n = cc_number_scan(vocab(), buf, len, NULL, 0);
	dt = seconds() - t0;
	fprintf(stderr, "number scan: %.1f MB/s\n", len / 1e6 / dt);
	ck_assert_uint_eq(n, len / plen * 8);
	ck_assert_msg(len / 1e6 / dt > 2, "%.1f MB/s", len / 1e6 / dt);
	free(buf);
}
END_TEST

static Suite *
number_suite(void)
{
	Suite	*s = suite_create("number");
	TCase	*tc;

	tc = tcase_create("features");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_digits);
	tcase_add_test(tc, test_plain_digits);
	tcase_add_test(tc, test_words);
	tcase_add_test(tc, test_compounds);
	tcase_add_test(tc, test_ordinals);
	tcase_add_test(tc, test_bounds);
	tcase_add_test(tc, test_ranges);
	tcase_add_test(tc, test_vague);
	tcase_add_test(tc, test_vocab_driven);
	tcase_add_test(tc, test_bounds_news);
	suite_add_tcase(s, tc);

	tc = tcase_create("scan");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_scan_sentence);
	tcase_add_test(tc, test_scan_dates);
	tcase_add_test(tc, test_scan_max);
	tcase_add_test(tc, test_scan_near_misses);
	tcase_add_test(tc, test_scan_percent);
	tcase_add_test(tc, test_scan_from_range);
	tcase_add_test(tc, test_scan_money_range);
	suite_add_tcase(s, tc);

	tc = tcase_create("data");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_cases_parse);
	tcase_add_test(tc, test_cases_scan);
	tcase_add_test(tc, test_cases_macro);
	tcase_add_test(tc, test_cases_macro_before_word);
	tcase_add_test(tc, test_scan_file);
	tcase_add_test(tc, test_macro_rules);
	tcase_add_test(tc, test_macro_size);
	suite_add_tcase(s, tc);

	tc = tcase_create("hostile");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_hostile_digits);
	tcase_add_test(tc, test_hostile_large);
	tcase_add_test(tc, test_speed);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(number_suite)
