/*
 * timex.c - dates and durations in news prose, normalized to TIMEX3.
 *
 * The text is cut into tokens (words, digit runs, single punctuation
 * marks).  At each token a few hand-written parsers try to read a date or
 * a duration; the longest reading wins and scanning resumes after it.
 * Speed (news text is mostly words no date starts with): on a long text
 * every word is looked up once in an index of the lists' first words
 * (struct windex) and tokens that cannot start a mention are passed over
 * (may_start); tokens are cut a line at a time, not all at once.  A
 * parser builds an underspecified date first (a month and day without a
 * year, a bare weekday, "the week before the reference's"); a second step
 * resolves it against the reference date and the tense of the sentence,
 * the way HeidelTime keeps extraction and resolution apart.
 *
 * No English lives in this file: every word is looked up in a vocabulary
 * list from claims/vocab/dates.yaml, which says what each list holds:
 *   months, month_abbrevs, months_ambiguous, weekdays, weekday_abbrevs,
 *   date_ordinal_suffixes, date_the, date_of, date_preps,
 *   date_range_joins, date_relative_days, date_present, date_shifts,
 *   date_weekends, date_ago, date_parts, date_quarters, date_halves,
 *   date_seasons, date_year_suffixes, date_future_cues, date_past_cues,
 *   date_units, date_units_plural, date_articles, date_half, date_and,
 *   duration_vague, duration_spans, duration_suffixes,
 *   duration_rate_cues, date_mods, date_ahead, date_decades, date_last,
 *   date_units_counted, date_week_starts, date_decades_tens,
 *   date_series_cues, date_year_words.
 * Number words ("eight-month") come from the number lists of
 * claims/vocab/numbers.yaml (NUMBER_LISTS below).
 *
 * Resolution rules for news prose:
 * - A year-less date, month, quarter or season is the latest one on or
 *   before the reference date, unless the sentence reads as future; then
 *   it is the earliest one on or after the reference.
 * - A bare weekday ("said on Monday") is the latest such day on or before
 *   the reference: in an article dated Sunday 2022-10-30, "Monday" is
 *   2022-10-24; in one dated Monday it is that same day (news of the day).
 *   Read as future, it is the first such day after the reference.  "last
 *   Monday" is the latest one strictly before the reference; "this
 *   Monday" and "next Monday" are that day in the reference's ISO week and
 *   in the week after.
 * - Tense: the nearest cue before the mention in its sentence decides (a
 *   future cue such as "will" or "is scheduled" gives future, a reporting
 *   verb such as "said" gives past: "X will go, he said on Monday" is
 *   past).  With no cue before it, the first cue after the mention
 *   decides ("On Tuesday, Putin will meet..."); with none, past.
 * - Parts of a period (START, MID, END) cover its first, middle and last
 *   third in lo/hi; EARLIER and LATER cut the period at the reference.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "swar.h"
#include "timex.h"
#include "xmalloc.h"

/* Years beyond this are refused: day counts then fit in 32 bits. */
#define YEAR_MAX	999999

/*
 * The vocabulary lists this file reads, by number, so a lookup indexes an
 * array instead of searching the vocabulary for a name.  LIST_NAME spells
 * them as in the YAML.
 */
enum list {
	L_MONTHS, L_MONTH_ABBREVS, L_MONTHS_AMBIGUOUS, L_WEEKDAYS,
	L_WEEKDAY_ABBREVS, L_DATE_ORDINAL_SUFFIXES, L_DATE_THE, L_DATE_OF,
	L_DATE_PREPS, L_DATE_RANGE_JOINS, L_DATE_RELATIVE_DAYS, L_DATE_PRESENT,
	L_DATE_SHIFTS, L_DATE_WEEKENDS, L_DATE_AGO, L_DATE_PARTS,
	L_DATE_QUARTERS, L_DATE_HALVES, L_DATE_SEASONS, L_DATE_YEAR_SUFFIXES,
	L_DATE_FUTURE_CUES, L_DATE_PAST_CUES, L_DATE_UNITS, L_DATE_UNITS_PLURAL,
	L_DATE_ARTICLES, L_DATE_HALF, L_DATE_AND, L_DURATION_VAGUE,
	L_DURATION_SPANS, L_DURATION_SUFFIXES, L_DURATION_RATE_CUES,
	L_DATE_MODS, L_NUMBER_ONES, L_NUMBER_TEENS, L_NUMBER_TENS,
	L_NUMBER_ORDINALS, L_DATE_AHEAD, L_DATE_DECADES, L_DATE_LAST,
	L_DATE_UNITS_COUNTED, L_DATE_WEEK_STARTS, L_DATE_DECADES_TENS,
	L_DATE_SERIES_CUES, L_DATE_YEAR_WORDS,
	L_NLISTS,
	L_END = -1	/* ends the arrays below */
};

static const char *const LIST_NAME[L_NLISTS] = {
	"months", "month_abbrevs", "months_ambiguous", "weekdays",
	"weekday_abbrevs", "date_ordinal_suffixes", "date_the", "date_of",
	"date_preps", "date_range_joins", "date_relative_days", "date_present",
	"date_shifts", "date_weekends", "date_ago", "date_parts",
	"date_quarters", "date_halves", "date_seasons", "date_year_suffixes",
	"date_future_cues", "date_past_cues", "date_units", "date_units_plural",
	"date_articles", "date_half", "date_and", "duration_vague",
	"duration_spans", "duration_suffixes", "duration_rate_cues",
	"date_mods", "number_ones", "number_teens", "number_tens",
	"number_ordinals", "date_ahead", "date_decades", "date_last",
	"date_units_counted", "date_week_starts", "date_decades_tens",
	"date_series_cues", "date_year_words"
};

#define LBIT(l)		((uint64_t)1 << (l))
_Static_assert(L_NLISTS <= 64, "a list set is a 64-bit mask");

/*
 * The lists looked up at the first token of a mention (every parser
 * starts with a number or with one of these words).  A word in none of
 * them cannot start a date or a duration, and the scanner skips it
 * without trying the parsers: most words of news prose.  The lists left
 * out are only read after or before a mention's first token: tense cues,
 * "of", "ago", "-old", "and a half", range joins, suffixes, rate cues,
 * plural units, weekends, the ambiguous months, decade words and
 * "last" of a month (read after "the" only), units read after a count
 * only, "starting" in "the week starting", "tens" after a century,
 * the words before an ordinal weekday that make it one of a run, "oh"
 * and "thousand" inside a year in words.  A
 * new parser that starts with a word of one of those must take its list
 * out of this exclusion, or the texts it should match are skipped
 * unread.
 */
#define START_LISTS	(~(LBIT(L_DATE_FUTURE_CUES) | \
	LBIT(L_DATE_PAST_CUES) | LBIT(L_DATE_ORDINAL_SUFFIXES) | \
	LBIT(L_DATE_OF) | LBIT(L_DATE_RANGE_JOINS) | LBIT(L_DATE_AGO) | \
	LBIT(L_DATE_YEAR_SUFFIXES) | LBIT(L_DATE_UNITS_PLURAL) | \
	LBIT(L_DATE_AND) | LBIT(L_DURATION_SUFFIXES) | \
	LBIT(L_DURATION_RATE_CUES) | LBIT(L_MONTHS_AMBIGUOUS) | \
	LBIT(L_DATE_WEEKENDS) | LBIT(L_DATE_DECADES) | LBIT(L_DATE_LAST) | \
	LBIT(L_DATE_UNITS_COUNTED) | LBIT(L_DATE_WEEK_STARTS) | \
	LBIT(L_DATE_DECADES_TENS) | LBIT(L_DATE_SERIES_CUES) | \
	LBIT(L_DATE_YEAR_WORDS)) & \
	(LBIT(L_NLISTS) - 1))

/*
 * Of those, the lists a date phrase may start with (parse_date: a part
 * of a period, or parse_core: "the", a weekday, a month, a deictic day,
 * "now", a shift, a quarter or half, a season, an ordinal day), and the
 * lists a duration may (parse_duration: a modifier, "the", a span, a
 * count, a unit).  The other parsers start at a number or a word of
 * date_preps.  They keep scan_at() from trying every parser at "a",
 * "in", "the": a word of START_LISTS starts one kind of mention only.
 * A parser that comes to read its first token from another list must
 * add the list here, as for START_LISTS.
 */
#define CORE_LISTS	(LBIT(L_MONTHS) | LBIT(L_MONTH_ABBREVS) | \
	LBIT(L_WEEKDAYS) | LBIT(L_WEEKDAY_ABBREVS) | LBIT(L_DATE_THE) | \
	LBIT(L_DATE_RELATIVE_DAYS) | LBIT(L_DATE_PRESENT) | \
	LBIT(L_DATE_SHIFTS) | LBIT(L_DATE_QUARTERS) | LBIT(L_DATE_HALVES) | \
	LBIT(L_DATE_SEASONS) | LBIT(L_NUMBER_TENS) | LBIT(L_NUMBER_ORDINALS))
#define DATE_LISTS	(CORE_LISTS | LBIT(L_DATE_PARTS))
#define DURATION_LISTS	(LBIT(L_DATE_MODS) | LBIT(L_DATE_THE) | \
	LBIT(L_DURATION_SPANS) | LBIT(L_DURATION_VAGUE) | \
	LBIT(L_NUMBER_ONES) | LBIT(L_NUMBER_TEENS) | LBIT(L_NUMBER_TENS) | \
	LBIT(L_DATE_HALF) | LBIT(L_DATE_ARTICLES) | LBIT(L_DATE_UNITS))

/* Lists of number words in claims/vocab/numbers.yaml (number.c owns
 * them): counts in durations ("eight-month") and ordinal days ("the
 * twenty-first of May").  A tens word may join a following ones word or
 * ordinal with a hyphen or a space. */
static const int NUMBER_LISTS[] = {
	L_NUMBER_ONES, L_NUMBER_TEENS, L_NUMBER_TENS, L_END
};
static const int ORDINAL_LISTS[] = {
	L_NUMBER_ORDINALS, L_END
};
static const int TENS_LISTS[] = {
	L_NUMBER_TENS, L_END
};
/* A century written in words: "nineteen", "twenty" ("the nineteen
 * seventies"). */
static const int CENTURY_LISTS[] = {
	L_NUMBER_TEENS, L_NUMBER_TENS, L_END
};

#define DAYS_PER_YEAR	365.2425
#define DAYS_PER_MONTH	(DAYS_PER_YEAR / 12)

/* --- date arithmetic ------------------------------------------------- */

static int
is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(long y, int m)
{
	static const int	n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };

	if (m == 2 && is_leap(y))
		return 29;
	return n[m - 1];
}

int
cc_date_valid(const struct cc_date *dt)
{
	return dt->y >= 1 && dt->y <= YEAR_MAX && dt->m >= 1 &&
	    dt->m <= 12 && dt->d >= 1 && dt->d <= month_days(dt->y, dt->m);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil: exact for every year, no tables). */
static long
days_ymd(long y, int m, int d)
{
	long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long
cc_date_days(const struct cc_date *dt)
{
	return days_ymd(dt->y, dt->m, dt->d);
}

void
cc_date_from_days(long z, struct cc_date *dt)
{
	long	era, doe, yoe, doy, mp, y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dt->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	dt->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	dt->y = (int)(y + (dt->m <= 2));
}

static int
weekday_of(long days)
{
	long	w = (days + 4) % 7;	/* 1970-01-01 was a Thursday */

	return (int)(w < 0 ? w + 7 : w);
}

int
cc_date_weekday(const struct cc_date *dt)
{
	return weekday_of(cc_date_days(dt));
}

int
cc_date_parse_iso(const char *s, struct cc_date *dt)
{
	struct cc_date	t;
	int		i;

	/* Checked byte by byte, so a short string stops at its NUL. */
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return CC_EFORMAT;
		} else if (s[i] < '0' || s[i] > '9')
			return CC_EFORMAT;
	}
	t.y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	t.m = (s[5] - '0') * 10 + (s[6] - '0');
	t.d = (s[8] - '0') * 10 + (s[9] - '0');
	if (!cc_date_valid(&t))
		return CC_EFORMAT;
	*dt = t;
	return CC_OK;
}

/* "00" to "99": cc_date_iso() writes two digits a step. */
#define TWO_DIGITS_10(t) \
	{ t, '0' }, { t, '1' }, { t, '2' }, { t, '3' }, { t, '4' }, \
	{ t, '5' }, { t, '6' }, { t, '7' }, { t, '8' }, { t, '9' }
static const char two_digits[100][2] = {
	TWO_DIGITS_10('0'), TWO_DIGITS_10('1'), TWO_DIGITS_10('2'),
	TWO_DIGITS_10('3'), TWO_DIGITS_10('4'), TWO_DIGITS_10('5'),
	TWO_DIGITS_10('6'), TWO_DIGITS_10('7'), TWO_DIGITS_10('8'),
	TWO_DIGITS_10('9')
};

void
cc_date_iso(const struct cc_date *dt, char *out, size_t outlen)
{
	/* Digits by hand for the common case: snprintf here was a tenth
	 * of "claimcheck normalize" on news text. */
	if (outlen >= 11 && dt->y >= 0 && dt->y <= 9999 && dt->m >= 0 &&
	    dt->m <= 99 && dt->d >= 0 && dt->d <= 99) {
		memcpy(out, two_digits[dt->y / 100], 2);
		memcpy(out + 2, two_digits[dt->y % 100], 2);
		out[4] = '-';
		memcpy(out + 5, two_digits[dt->m], 2);
		out[7] = '-';
		memcpy(out + 8, two_digits[dt->d], 2);
		out[10] = '\0';
		return;
	}
	snprintf(out, outlen, "%04d-%02d-%02d", dt->y, dt->m, dt->d);
}

/* ISO weekday, 1 = Monday .. 7 = Sunday. */
static int
iso_wd(long days)
{
	int	w = weekday_of(days);

	return w == 0 ? 7 : w;
}

static void
iso_week(long days, int *wy, int *wn)
{
	long		thu = days - iso_wd(days) + 4;
	struct cc_date	t;

	cc_date_from_days(thu, &t);
	*wy = t.y;
	*wn = (int)((thu - days_ymd(t.y, 1, 1)) / 7) + 1;
}

static long
iso_week_monday(int wy, int wn)
{
	long	jan4 = days_ymd(wy, 1, 4);

	return jan4 - iso_wd(jan4) + 1 + (long)(wn - 1) * 7;
}

/* --- writing values ------------------------------------------------- */

/*
 * A value, a granularity and a basis were three snprintf() calls per
 * date found, most of the cost of a found date in a sentence; struct sb
 * writes the same bytes by hand, cut short as snprintf() would cut them.
 */
struct sb {
	char	*buf;
	size_t	 size;		/* of buf, > 0; 0: discard (sb_discard) */
	size_t	 len;
};

static void
sb_init(struct sb *b, char *buf, size_t size)
{
	b->buf = buf;
	b->size = size;
	b->len = 0;
	buf[0] = '\0';
}

/* Write nothing more to b: what it holds stays (a size of 0). */
static void
sb_discard(struct sb *b)
{
	b->size = 0;
}

/* Append s[0..n) (no NUL among them), as "%.*s" would. */
static void
sb_add(struct sb *b, const char *s, size_t n)
{
	if (b->size == 0)
		return;
	if (n > b->size - 1 - b->len)
		n = b->size - 1 - b->len;
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

static void
sb_str(struct sb *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

/* Append v as "%0*ld" with the width given would. */
static void
sb_num(struct sb *b, long v, int width)
{
	char		 d[24], out[32];
	unsigned long	 u = v < 0 ? 0 - (unsigned long)v : (unsigned long)v;
	int		 n = 0, o = 0;

	if (b->size == 0)
		return;
	if (v < 0) {
		out[o++] = '-';
		width--;		/* the sign counts in the width */
	}
	do
		d[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	while (n < width && n < (int)sizeof d)
		d[n++] = '0';
	while (n > 0)
		out[o++] = d[--n];
	sb_add(b, out, (size_t)o);
}

/* --- tokens ---------------------------------------------------------- */

enum { T_WORD, T_NUM, T_PUNCT };

struct tok {
	size_t		 s, e;
	int		 type;
	int		 w;		/* words: its entry in the word index
					   (struct windex), -1 if none */
	uint64_t	 may;		/* with the index: the LBIT()s of the
					   lists a mention may start with here
					   (may_start), set when cut */
	unsigned	 sp:1;		/* white space before */
	unsigned	 nl:1;		/* a line break before */
	unsigned	 grouped:1;	/* "16,150", "1.5": not a day */
	int		 ndig;		/* digits of a plain number */
	double		 val;		/* its value */
};

/*
 * The word index of a scan: each list entry filed under its first word
 * ("as of" under "as"), with the lists that hold that word alone (exact)
 * and the lists with a longer entry starting with it (longer).  A token
 * is looked up once, when the text is cut, and every later question
 * "is token i in list L" is a bit test instead of a binary search with
 * strncasecmp per list per parser, which was most of the time spent on
 * news text.  Lists the index cannot answer for exactly (an entry that
 * starts with neither a letter nor an apostrophe and a letter, an
 * unsorted list) are marked odd and keep the binary search.
 */
struct wval {
	int		 list;
	int		 next;		/* next value of the same word, -1 */
	const char	*value;
};

struct word {
	const char	*w;		/* its first len bytes are the word */
	size_t		 len;
	size_t		 h;		/* word_hash() */
	uint64_t	 exact;		/* LBIT()s of lists holding the word */
	uint64_t	 longer;	/* ... with longer entries after it */
	uint64_t	 after;		/* after_bit()s of the two bytes after
					   the word in those longer entries */
	int		 vals;		/* first struct wval, -1 if none */
	uint64_t	 w8, m8;	/* a word of eight bytes or less: its
					   bytes as cc_swar_load() reads them
					   (zeros after) and the mask of them;
					   m8 0 for a longer word */
};

/* A slot of the word index: the word's entry in w (-1: empty) and the
 * low half of its hash, so that a probe of a slot whose word differs,
 * as most do, reads no struct word (a cache line of its own). */
struct wslot {
	int		 i;
	uint32_t	 h;
};

struct windex {
	struct word	*w;
	size_t		 nw;
	char		*lw;		/* the words' lower-case copies */
	size_t		 nlw;
	struct wval	*v;
	size_t		 nv;
	struct wslot	*slot;		/* open addressing */
	size_t		 mask;
	size_t		 maxlen;	/* longest first word */
	uint64_t	 odd;		/* lists answered by binary search */
	uint64_t	 apos;		/* lists with an entry opening with an
					   apostrophe ("'ll", "'s") */
};

/* Below this many bytes the index costs more than it saves (a sentence
 * scanned on its own): lookups then search the lists directly. */
#define WINDEX_MIN_BYTES	256

/*
 * A long text is not cut into tokens all at once (forty bytes a token,
 * the array alone was most of the time on a few megabytes: fresh pages
 * to fault in) but a line at a time, keeping SCAN_AHEAD tokens and the
 * rest of their line ahead of the scanning point, and the tokens behind
 * it that a parser may read: the line of the point (tense cues are read
 * back to the start of the sentence) and SCAN_BEHIND more (a preposition
 * before a date).  A parser reads at most a few dozen tokens ahead and
 * never past the end of a line but for a date split over one ("October
 * 30" with a break between), so the results are those of one pass.
 */
#define SCAN_AHEAD	1024
#define SCAN_BEHIND	8
#define SCAN_LINE	(2 * SCAN_AHEAD)	/* of a line, behind at most */

/* The lists, found in the vocabulary on first use. */
struct lcache {
	const struct cc_vocab_list *list[L_NLISTS];
	uint64_t		 found;		/* LBIT()s of list[] looked for */
	uint64_t		 first[L_NLISTS][4]; /* bytes entries of each
						   list start with, lower
						   case: most lookups end
						   here without the index */
};

/*
 * What scans of one vocabulary share: its lists and the word index,
 * built once.  Scanning sentence by sentence with cc_timex_scan() built
 * the index (or did without it) for every sentence, which cost ten times
 * the scan of the same text in one call.
 */
struct cc_timex_scanner {
	const struct cc_vocab	*vc;
	struct lcache		 lc;
	struct windex		*ix;
};

struct scan {
	const struct cc_vocab	*vc;
	const char		*s;
	size_t			 len;
	struct tok		*t;
	size_t			 nt;
	size_t			 cap;
	const struct cc_date	*ref;
	long			 rdays;
	struct lcache		*lc;		/* own, or a scanner's */
	struct windex		*ix;		/* or NULL */
	size_t			 tpos;		/* text cut into tokens so far */
	struct tok		*small;		/* t to begin with: SMALL_TOKENS
						   on the caller's stack */
	int			 lean;		/* dates' value and basis
						   strings not wanted
						   (cc_timex_scan_dates) */
	struct lcache		 own;		/* last: not cleared for a
						   scanner's scan */
};

#define SMALL_TOKENS	64


/* The classes of a byte, one load each: white space (as isspace() in
 * the C locale), an ASCII digit, a letter (ASCII, or any byte past it:
 * words in other scripts stay words), an ASCII letter. */
#define CT_SPACE	1
#define CT_DIGIT	2
#define CT_ALPHA	4
#define CT_ASCII	8
#define CT_AL		(CT_ALPHA | CT_ASCII)
#define CT_A4(x)	x, x, x, x
#define CT_A16(x)	CT_A4(x), CT_A4(x), CT_A4(x), CT_A4(x)
static const unsigned char ctype[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, CT_SPACE, CT_SPACE, CT_SPACE, CT_SPACE,
	CT_SPACE, 0, 0,
	CT_A16(0),
	CT_SPACE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	CT_A4(CT_DIGIT), CT_A4(CT_DIGIT), CT_DIGIT, CT_DIGIT, 0, 0, 0, 0, 0,
	0,
	0, CT_A4(CT_AL), CT_A4(CT_AL), CT_A4(CT_AL), CT_AL, CT_AL, CT_AL,
	CT_A4(CT_AL), CT_A4(CT_AL), CT_AL, CT_AL, CT_AL, 0, 0, 0, 0, 0,
	0, CT_A4(CT_AL), CT_A4(CT_AL), CT_A4(CT_AL), CT_AL, CT_AL, CT_AL,
	CT_A4(CT_AL), CT_A4(CT_AL), CT_AL, CT_AL, CT_AL, 0, 0, 0, 0, 0,
	CT_A16(CT_ALPHA), CT_A16(CT_ALPHA), CT_A16(CT_ALPHA),
	CT_A16(CT_ALPHA), CT_A16(CT_ALPHA), CT_A16(CT_ALPHA),
	CT_A16(CT_ALPHA), CT_A16(CT_ALPHA)
};

static int
is_digit(unsigned char c)
{
	return ctype[c] & CT_DIGIT;
}

static int
is_alpha(unsigned char c)
{
	return ctype[c] & CT_ALPHA;
}

/*
 * strtod() of a number the scan reads again and again: a vocabulary
 * value ("8", "1D", "2-3", "0.5"), a number of the text with its
 * thousands commas taken out.  Plain digits, nearly all of them, are
 * read by hand (below 2^53 the value is exact, as strtod() gives it);
 * a point, an exponent, a hex prefix, a sign or a longer run go to
 * strtod() itself.  strtod() was a twentieth of the scan's time.
 */
static double
num_value(const char *v, char **ep)
{
	uint64_t	n = 0;
	size_t		k;

	for (k = 0; is_digit((unsigned char)v[k]) && k < 15; k++)
		n = n * 10 + (uint64_t)(v[k] - '0');
	if (k == 0 || is_digit((unsigned char)v[k]) || v[k] == '.' ||
	    v[k] == ',' || v[k] == 'e' || v[k] == 'E' || v[k] == 'x' ||
	    v[k] == 'X')
		return strtod(v, ep);
	if (ep != NULL)
		*ep = (char *)v + k;
	return (double)n;
}

/*
 * memset(p, 0, n) in pieces of 64 bytes: GCC writes a larger memset()
 * of a struct as "rep stos", whose start-up cost more than most of the
 * parsers that clear a struct dx or a struct cc_timex for every token
 * they try (dx_reset() alone runs up to eight times a token).  Always
 * inline, so n is a constant and each piece a few vector stores: a
 * call would clear the last piece with "rep stos" again.
 */
static inline __attribute__((always_inline)) void
clear(void *p, size_t n)
{
	char	*c = p;

	for (; n > 64; c += 64, n -= 64)
		memset(c, 0, 64);
	memset(c, 0, n);
}

/* Length of a Unicode space or punctuation mark at p that must not glue
 * to a word (U+00A0, U+2000-U+206F), or 0. */
static size_t
upunct_len(const char *p, size_t left)
{
	const unsigned char	*u = (const unsigned char *)p;

	if (left >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (left >= 3 && u[0] == 0xe2 && (u[1] == 0x80 || u[1] == 0x81))
		return 3;
	return 0;
}

static int
is_punct(const struct scan *sc, size_t i, char ch)
{
	return i < sc->nt && sc->t[i].type == T_PUNCT &&
	    sc->s[sc->t[i].s] == ch;
}

/* Token i follows token i-1 with no space between. */
static int
glued(const struct scan *sc, size_t i)
{
	return i < sc->nt && i > 0 && !sc->t[i].sp;
}

/* A dash between the two ends of a range: "-" or an en dash. */
static int
is_dash(const struct scan *sc, size_t i)
{
	const unsigned char	*u;

	if (i >= sc->nt || sc->t[i].type != T_PUNCT)
		return 0;
	u = (const unsigned char *)sc->s + sc->t[i].s;
	return u[0] == '-' || (sc->t[i].e - sc->t[i].s == 3 &&
	    u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0x93);
}

/* ASCII lower case, as strncasecmp folds in the C locale. */
static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/*
 * A bit for the two bytes at p (a space and the first letter of the next
 * word, mostly), folded as lookups fold them.  Each word of the index
 * keeps the bits of what follows it in its longer entries (struct word),
 * so a lookup at "the" followed by " g" knows without searching that
 * "the day before yesterday" and the like cannot match.
 */
static uint64_t
after_bit(const char *p)
{
	unsigned char	a = lower((unsigned char)p[0]);
	unsigned char	b = a == '\0' ? 0 : lower((unsigned char)p[1]);

	return (uint64_t)1 << ((a * 31u + b) & 63);
}

static const struct cc_vocab_list *
list_get(const struct scan *csc, int list)
{
	struct scan	*sc = (struct scan *)csc;	/* a cache only */

	const struct cc_vocab_list	*l;
	unsigned char			 c;
	size_t				 j;

	if (!(sc->lc->found & LBIT(list))) {
		l = sc->lc->list[list] = cc_vocab_list(sc->vc,
		    LIST_NAME[list]);
		sc->lc->found |= LBIT(list);
		for (j = 0; l != NULL && j < l->n; j++) {
			c = lower((unsigned char)l->v[j].word[0]);
			sc->lc->first[list][c >> 6] |= (uint64_t)1 <<
			    (c & 63);
		}
	}
	return sc->lc->list[list];
}

/* FNV-1a: "| 0x20" folds case as lower() does for letters without its
 * branches (two bytes lower() tells apart may collide here, which
 * word_eq() then sorts out). */
#define WORD_HASH0	((size_t)2166136261u)

static inline size_t
word_hash_add(size_t h, unsigned char c)
{
	return (h ^ (c | 0x20)) * 16777619u;
}

/* The hash of a word of the index: the entries' first words hashed
 * whole, the text's a byte at a time as tokenize() cuts them. */
static size_t
word_hash(const char *w, size_t len)
{
	size_t	h = WORD_HASH0, i;

	for (i = 0; i < len; i++)
		h = word_hash_add(h, (unsigned char)w[i]);
	return h;
}

/* Whether the index's word lw (lower case) is w[0..len) in any case. */
static int
word_eq(const char *lw, const char *w, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if ((unsigned char)lw[i] != lower((unsigned char)w[i]))
			return 0;
	return 1;
}

/* The slot of word w[0..len) of hash wh (word_hash()): the one that
 * holds it, else the empty one where it would go.  The whole hash is
 * compared first: most words of a text are in no list, and the slot
 * they probe seldom holds a word of the same hash.  avail: the bytes
 * that may be read from w; with eight, a short word is compared in one
 * go (most words the index holds are: "on", "last", "week"). */
static inline size_t
windex_slot(const struct windex *ix, const char *w, size_t len, size_t wh,
    size_t avail)
{
	size_t			 h = wh & ix->mask;
	const struct word	*x;

	while (ix->slot[h].i >= 0) {
		if (ix->slot[h].h == (uint32_t)wh) {
			x = &ix->w[ix->slot[h].i];
			if (x->h == wh && x->len == len && (x->m8 != 0 &&
			    avail >= 8 ? (cc_swar_lower(cc_swar_load(w)) &
			    x->m8) == x->w8 : word_eq(x->w, w, len)))
				break;
		}
		h = (h + 1) & ix->mask;
	}
	return h;
}

/* The index of word w[0..len) of hash wh, or -1.  (Inline: tokenize()
 * asks for every word of the text.) */
static inline int
windex_get(const struct windex *ix, const char *w, size_t len, size_t wh,
    size_t avail)
{
	return ix->slot[windex_slot(ix, w, len, wh, avail)].i;
}

/* The index of word w[0..len) of hash wh, filed if new. */
static int
windex_add(struct windex *ix, const char *w, size_t len, size_t wh)
{
	size_t		 h = windex_slot(ix, w, len, wh, 0), k;
	struct word	*x;
	char		 b[8] = { 0 }, m[8] = { 0 };

	if (ix->slot[h].i >= 0)
		return ix->slot[h].i;
	x = &ix->w[ix->nw];
	/* Kept in lower case: a look-up folds only the text's bytes. */
	x->w = ix->lw + ix->nlw;
	for (k = 0; k < len; k++)
		ix->lw[ix->nlw++] = (char)lower((unsigned char)w[k]);
	x->len = len;
	x->h = wh;
	x->w8 = x->m8 = 0;
	if (len > 0 && len <= sizeof b) {
		memcpy(b, x->w, len);
		memset(m, 0xff, len);
		x->w8 = cc_swar_load(b);
		x->m8 = cc_swar_load(m);
	}
	x->exact = x->longer = x->after = 0;
	x->vals = -1;
	if (len > ix->maxlen)
		ix->maxlen = len;
	ix->slot[h].i = (int)ix->nw;
	ix->slot[h].h = (uint32_t)wh;
	return (int)ix->nw++;
}

/*
 * Length of the first word of an entry as the tokenizer would cut it
 * from text: the letters before a space, hyphen, apostrophe, digit or
 * Unicode punctuation, or an apostrophe and the letters after it ("'ll",
 * a word when glued to the word before).  0 when the entry starts with
 * neither.
 */
static size_t
first_word_len(const char *w)
{
	size_t	a = 0, j;

	if (w[0] == '\'' && is_alpha((unsigned char)w[1]))
		a = 1;
	else if (!is_alpha((unsigned char)w[0]))
		return 0;
	for (j = a + 1; is_alpha((unsigned char)w[j]); j++)
		if ((unsigned char)w[j] >= 0x80 &&
		    upunct_len(w + j, strlen(w + j)) != 0)
			break;
	return j;
}

static void
windex_build(struct scan *sc)
{
	struct windex			*ix = xcalloc(1, sizeof *ix);
	const struct cc_vocab_list	*l;
	size_t				 total = 0, bytes = 0, size, j, fl;
	int				 list;
	struct word			*x;

	for (list = 0; list < L_NLISTS; list++)
		if ((l = list_get(sc, list)) != NULL) {
			total += l->n;
			for (j = 0; j < l->n; j++)
				bytes += strlen(l->v[j].word);
		}
	ix->lw = xmalloc(bytes + 1);
	for (size = 64; size < total * 2; size *= 2)
		;
	ix->slot = xreallocarray(NULL, size, sizeof *ix->slot);
	memset(ix->slot, 0xff, size * sizeof *ix->slot);	/* all -1 */
	ix->mask = size - 1;
	ix->w = xreallocarray(NULL, total + 1, sizeof *ix->w);
	ix->v = xreallocarray(NULL, total + 1, sizeof *ix->v);
	for (list = 0; list < L_NLISTS; list++) {
		if ((l = list_get(sc, list)) == NULL)
			continue;	/* absent: every lookup fails, as before */
		if (!l->sorted) {
			ix->odd |= LBIT(list);
			continue;
		}
		for (j = 0; j < l->n; j++) {
			/* A word the key buffer of lookup() could not hold
			 * is odd too, so both ways agree on it. */
			fl = first_word_len(l->v[j].word);
			if (fl == 0 || fl > 100) {
				ix->odd |= LBIT(list);
				break;
			}
			if (l->v[j].word[0] == '\'')
				ix->apos |= LBIT(list);
			x = &ix->w[windex_add(ix, l->v[j].word, fl,
			    word_hash(l->v[j].word, fl))];
			if (l->v[j].word[fl] != '\0') {
				x->longer |= LBIT(list);
				x->after |= after_bit(l->v[j].word + fl);
				continue;
			}
			x->exact |= LBIT(list);
			ix->v[ix->nv].list = list;
			ix->v[ix->nv].value = l->v[j].value ? l->v[j].value :
			    "";
			ix->v[ix->nv].next = x->vals;
			x->vals = (int)ix->nv++;
		}
	}
	sc->ix = ix;
}

/*
 * The lists a mention may start with at token t (see may_start()),
 * worked out once as the token is cut.  A list the index cannot answer
 * for (odd) may have an entry opening with an apostrophe or a hyphen;
 * an apostrophe apart from the word before may begin "'ll" (lookup()).
 */
static uint64_t
start_lists(const struct windex *ix, const char *s, const struct tok *t)
{
	const struct word	*w;

	if (t->type == T_PUNCT) {
		if (s[t->s] == '\'')
			return ix->odd | ix->apos;
		return s[t->s] == '-' ? ix->odd : 0;
	}
	if (t->type == T_NUM)
		return ~(uint64_t)0;
	if (t->w < 0)
		return ix->odd;
	w = &ix->w[t->w];
	return ix->odd | w->exact | w->longer;
}

/*
 * Cut s[sc->tpos..end) into tokens appended to sc->t.  end is the end of
 * a line or of the text and tpos the start of one: no token spans a line
 * break, and after one the state is as at the start (space and line
 * break before), so the text can be cut a line at a time with the same
 * tokens as in one go.  With the index, a word is looked up in it as it
 * is cut (hashed in the loop that finds its end, not read again), and
 * each token gets its start_lists().
 */
static void
tokenize(struct scan *sc, size_t end)
{
	const char	*s = sc->s;
	size_t		 i = sc->tpos, j, k, ul;
	int		 sp = 1, nl = 1;
	struct tok	*t;
	char		 num[64];
	size_t		 nn, h;
	uint64_t	 v;

	sc->tpos = end;
	while (i < end) {
		unsigned char c = (unsigned char)s[i];

		if (ctype[c] & CT_SPACE) {
			sp = 1;
			if (c == '\n')
				nl = 1;
			i++;
			continue;
		}
		ul = c < 0x80 ? 0 : upunct_len(s + i, sc->len - i);
		if (ul == 2) {		/* no-break space */
			sp = 1;
			i += 2;
			continue;
		}
		if (sc->nt == sc->cap) {
			/* A sentence fits in the caller's small array (no
			 * malloc per sentence); a long text needs the window
			 * of SCAN_AHEAD and what is behind it. */
			if (sc->t == sc->small) {
				sc->cap = 4 * SCAN_AHEAD;
				sc->t = xreallocarray(NULL, sc->cap,
				    sizeof *sc->t);
				memcpy(sc->t, sc->small, sc->nt * sizeof *sc->t);
			} else {
				sc->cap *= 2;
				sc->t = xreallocarray(sc->t, sc->cap,
				    sizeof *sc->t);
			}
		}
		t = &sc->t[sc->nt++];
		memset(t, 0, sizeof *t);
		t->w = -1;
		t->s = i;
		t->sp = sp;
		t->nl = nl;
		sp = nl = 0;
		if (ul != 0) {
			t->type = T_PUNCT;
			t->e = i + ul;
		} else if (ctype[c] & CT_DIGIT) {
			t->type = T_NUM;
			for (j = i; j < sc->len && is_digit(s[j]); j++)
				;
			t->ndig = (int)(j - i);
			/*
			 * Thousands groups and decimals stay one token, so no
			 * part of "16,150" can read as a day or a year; a
			 * comma before anything but three digits is not a
			 * group ("October 30,2022").
			 */
			for (;;) {
				if (j + 1 < sc->len && (s[j] == ',' ||
				    s[j] == '.') && is_digit(s[j + 1])) {
					for (k = j + 1; k < sc->len &&
					    is_digit(s[k]); k++)
						;
					if (s[j] == ',' && k - j - 1 != 3)
						break;
					j = k;
					t->grouped = 1;
					continue;
				}
				break;
			}
			t->e = j;
			if (!t->grouped && t->ndig <= 15) {
				/* Plain digits, below 2^53: the value strtod()
				 * gives, without its cost on every number. */
				for (v = 0, k = i; k < j; k++)
					v = v * 10 + (uint64_t)(s[k] - '0');
				t->val = (double)v;
			} else {
				for (nn = 0, k = i; k < j &&
				    nn < sizeof num - 1; k++)
					if (s[k] != ',')
						num[nn++] = s[k];
				num[nn] = '\0';
				t->val = num_value(num, NULL);
			}
		} else if ((ctype[c] & CT_ALPHA) || (c == '\'' && i + 1 < sc->len &&
		    is_alpha((unsigned char)s[i + 1]) && !t->sp &&
		    sc->nt > 1)) {
			/* A word; "'s", "'ll" glued to the word before stay
			 * words of their own. */
			t->type = T_WORD;
			h = word_hash_add(WORD_HASH0, c);
			/* ASCII letters first, a test each; then the rest (no
			 * Unicode punctuation is ASCII) */
			for (j = i + 1; j < sc->len &&
			    (ctype[(unsigned char)s[j]] & CT_ASCII); j++)
				h = word_hash_add(h, (unsigned char)s[j]);
			for (; j < sc->len &&
			    (ctype[(unsigned char)s[j]] & CT_ALPHA) &&
			    ((unsigned char)s[j] < 0x80 ||
			    upunct_len(s + j, sc->len - j) == 0); j++)
				h = word_hash_add(h, (unsigned char)s[j]);
			t->e = j;
			if (sc->ix != NULL && j - i <= sc->ix->maxlen)
				t->w = windex_get(sc->ix, s + i, j - i, h,
				    sc->len - i);
		} else {
			t->type = T_PUNCT;
			t->e = i + 1;
		}
		if (sc->ix != NULL)
			t->may = start_lists(sc->ix, s, t);
		i = t->e;
	}
}

/* Cut the next line into tokens. */
static void
tokenize_line(struct scan *sc)
{
	const char	*nl = memchr(sc->s + sc->tpos, '\n', sc->len - sc->tpos);

	tokenize(sc, nl != NULL ? (size_t)(nl - sc->s) + 1 : sc->len);
}

/*
 * Drop the tokens before the ones a parser at *i may read (see
 * SCAN_AHEAD), moving the rest to the front; *i follows them.
 */
static void
drop_behind(struct scan *sc, size_t *i)
{
	size_t	ls = *i, d, lim;

	/* A line of a megabyte (no line breaks at all) keeps only the
	 * SCAN_LINE tokens before the point: walking back to its start at
	 * every step made such a text take minutes. */
	lim = *i > SCAN_LINE ? *i - SCAN_LINE : 0;
	while (ls > lim && !sc->t[ls].nl)
		ls--;
	d = *i - SCAN_BEHIND < ls ? *i - SCAN_BEHIND : ls;
	if (d == 0)
		return;
	memmove(sc->t, sc->t + d, (sc->nt - d) * sizeof *sc->t);
	sc->nt -= d;
	*i -= d;
}

static void
windex_free(struct windex *ix)
{
	if (ix == NULL)
		return;
	free(ix->slot);
	free(ix->lw);
	free(ix->w);
	free(ix->v);
	free(ix);
}

/* The value list holds for the indexed word w (which it holds). */
static const char *
windex_value(const struct windex *ix, const struct word *w, int list)
{
	int	k;

	for (k = w->vals; k >= 0; k = ix->v[k].next)
		if (ix->v[k].list == list)
			return ix->v[k].value;
	return NULL;
}

/*
 * Can a mention whose first token is a number or a word of lists start
 * at token i?  A lookup in those lists never matches punctuation but an
 * apostrophe (a hyphen only after the first token), so any other token
 * is passed over without trying the parsers.  Every parser begins with
 * a number or a word of START_LISTS; a date (parse_date) with one of
 * DATE_LISTS, a duration (parse_duration) with one of DURATION_LISTS.
 * Without the index the answer is yes.
 */
static inline int
may_start(const struct scan *sc, size_t i, uint64_t lists)
{
	/* The answer for every list was worked out when the token was cut
	 * (start_lists()): asked several times a token by the parsers, it
	 * is a bit test. */
	if (sc->ix == NULL)
		return 1;
	return i < sc->nt && (sc->t[i].may & lists) != 0;
}

/* strncasecmp() of the C locale, inlined: lookups without the index
 * spend most of their time here. */
static int
ci_ncmp(const char *a, const char *b, size_t n)
{
	size_t		i;
	unsigned char	ca, cb;

	for (i = 0; i < n; i++) {
		ca = lower((unsigned char)a[i]);
		cb = lower((unsigned char)b[i]);
		if (ca != cb)
			return ca - cb;
		if (ca == '\0')
			break;
	}
	return 0;
}

/*
 * Value of key[0..klen) in list l (NULL if absent; "" for a word without
 * value), and whether some longer entry starts with key, so a caller
 * growing a phrase word by word knows when to stop.  The list is kept
 * sorted case-insensitively by vocab.c, so this is one binary search.
 */
static const char *
list_find(const struct scan *sc, int list, const char *key, size_t klen,
    int *more)
{
	const struct cc_vocab_list	*l = list_get(sc, list);
	size_t				 lo = 0, hi, mid;
	int				 r;
	const char			*w;
	unsigned char			 c;

	*more = 0;
	if (l == NULL || klen == 0)
		return NULL;
	c = lower((unsigned char)key[0]);
	if (l->sorted && !(sc->lc->first[list][c >> 6] & (uint64_t)1 <<
	    (c & 63)))
		return NULL;	/* no entry starts with this letter */
	if (!l->sorted) {
		*more = 1;
		return cc_vocab_lookup(sc->vc, LIST_NAME[list], key, klen);
	}
	hi = l->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		w = l->v[mid].word;
		r = ci_ncmp(key, w, klen);
		if (r == 0 && w[klen] != '\0')
			r = -1;
		if (r > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < l->n && ci_ncmp(key, l->v[lo].word, klen) == 0) {
		w = l->v[lo].word;
		if (w[klen] == '\0') {
			*more = lo + 1 < l->n && ci_ncmp(key,
			    l->v[lo + 1].word, klen) == 0;
			return l->v[lo].value ? l->v[lo].value : "";
		}
		*more = 1;
	}
	return NULL;
}

/*
 * The longest entry of list spelled by the tokens from i, read from the
 * text: the key grows a token at a time and each step is a binary search
 * of the list.  lookup() below comes here only when the word index
 * cannot answer by itself: for a word with longer entries after it, the
 * index still answers for the word alone, and the key stops growing when
 * its two bytes after the word begin none of the word's longer entries
 * ("the government" is no "the day after tomorrow"), which is most of the
 * time: before, two searches of the list per lookup at "the".
 */
static const char *
lookup_text(const struct scan *sc, int list, size_t i, size_t *n)
{
	char			 key[128];
	size_t			 klen = 0, k = i, l, wl = 0;
	const char		*v, *found = NULL;
	const struct tok	*t;
	const struct word	*w = NULL;
	int			 more = 1;

	if (sc->ix != NULL && !(sc->ix->odd & LBIT(list)) && i < sc->nt &&
	    sc->t[i].w >= 0) {
		/* As list_find() would answer for the key of token i:
		 * an indexed word is shorter than the key buffer. */
		w = &sc->ix->w[sc->t[i].w];
		if (w->exact & LBIT(list)) {
			found = windex_value(sc->ix, w, list);
			*n = 1;
		}
		if (!(w->longer & LBIT(list)))
			return found;
		wl = klen = sc->t[i].e - sc->t[i].s;
		memcpy(key, sc->s + sc->t[i].s, klen);
		k = i + 1;
	}
	for (; k < sc->nt && k < i + 6; k++) {
		t = &sc->t[k];
		if (k > i && t->nl)
			break;
		if (t->type == T_PUNCT && !(sc->s[t->s] == '-' ||
		    sc->s[t->s] == '\''))
			break;
		l = t->e - t->s;
		if (klen + l + 2 >= sizeof key)
			break;
		if (k > i && t->sp)
			key[klen++] = ' ';
		memcpy(key + klen, sc->s + t->s, l);
		klen += l;
		if (t->type == T_PUNCT)
			continue;	/* a word never ends in a hyphen */
		/* What follows the word begins none of its longer entries:
		 * neither this key nor a longer one is in the list. */
		if (w != NULL && klen >= wl + 2 &&
		    !(w->after & after_bit(key + wl)))
			break;
		if ((v = list_find(sc, list, key, klen, &more)) != NULL) {
			found = v;
			*n = k - i + 1;
		}
		if (!more)
			break;
	}
	return found;
}

/*
 * The longest entry of list spelled by the tokens from i (words joined by
 * one space where the text has space, glued where it has none; a hyphen
 * may join words).  Returns its value and sets *n to the tokens used, or
 * NULL.
 *
 * Inline, with the walk over the text apart: the parsers ask a million
 * times per megabyte, nearly always about a word the index answers for
 * with a bit test, and the call with the key buffer of lookup_text()
 * (its frame and stack guard) cost more than the answer.
 */
static inline const char *
lookup(const struct scan *sc, int list, size_t i, size_t *n)
{
	const struct word	*w;

	/*
	 * With the index: a token that is no entry's first word matches
	 * nothing (the key always starts with the whole token, and what
	 * follows a word token is never a letter), and a word no longer
	 * entry starts with matches alone or not at all.
	 */
	if (sc->ix != NULL && !(sc->ix->odd & LBIT(list))) {
		if (i >= sc->nt)
			return NULL;
		if (sc->t[i].w >= 0) {
			w = &sc->ix->w[sc->t[i].w];
			if (!(w->longer & LBIT(list))) {
				if (!(w->exact & LBIT(list)))
					return NULL;
				*n = 1;
				return windex_value(sc->ix, w, list);
			}
		} else if (!(sc->ix->apos & LBIT(list)) ||
		    sc->t[i].type != T_PUNCT || sc->s[sc->t[i].s] != '\'')
			return NULL;
		/* (an apostrophe apart from the word before: "we 'll"
		 * spells "'ll" from two tokens, read by lookup_text) */
	}
	return lookup_text(sc, list, i, n);
}

/* Like lookup() but only a single token. */
static inline const char *
lookup1(const struct scan *sc, int list, size_t i)
{
	const struct word	*w;
	int			 more;

	if (i >= sc->nt || sc->t[i].type == T_PUNCT)
		return NULL;
	if (sc->ix != NULL && !(sc->ix->odd & LBIT(list))) {
		if (sc->t[i].w < 0)
			return NULL;
		w = &sc->ix->w[sc->t[i].w];
		return w->exact & LBIT(list) ? windex_value(sc->ix, w, list) :
		    NULL;
	}
	return list_find(sc, list, sc->s + sc->t[i].s, sc->t[i].e - sc->t[i].s,
	    &more);
}

static int
is_upper_at(const struct scan *sc, size_t i)
{
	unsigned char	c = (unsigned char)sc->s[sc->t[i].s];

	return c >= 'A' && c <= 'Z';
}

/* --- tense ----------------------------------------------------------- */

/* Is there a sentence boundary between tokens j and j+1? */
static int
sent_break(const struct scan *sc, size_t j)
{
	const struct tok	*a, *b;

	if (j + 1 >= sc->nt)
		return 1;
	a = &sc->t[j];
	b = &sc->t[j + 1];
	if (b->nl)
		return 1;
	if (a->type != T_PUNCT || !b->sp)
		return 0;
	switch (sc->s[a->s]) {
	case '!':
	case '?':
		return 1;
	case '.':
		/* Not after an abbreviation or an initial. */
		if (j > 0 && glued(sc, j) && sc->t[j - 1].type == T_WORD &&
		    (sc->t[j - 1].e - sc->t[j - 1].s == 1 ||
		    lookup1(sc, L_MONTH_ABBREVS, j - 1) != NULL ||
		    lookup1(sc, L_WEEKDAY_ABBREVS, j - 1) != NULL))
			return 0;
		return 1;
	}
	return 0;
}

/* The tense cue at token j ending by token lim: 1 future, 0 past, -1
 * none.  Where a future and a past cue both start at j the longer one
 * wins ("would" is future, "would have" past). */
static int
tense_cue(const struct scan *sc, size_t j, size_t lim)
{
	size_t	nf = 0, np = 0;

	/* Most words start no cue: one bit test instead of two lookups. */
	if (!may_start(sc, j, LBIT(L_DATE_FUTURE_CUES) |
	    LBIT(L_DATE_PAST_CUES)))
		return -1;
	if (lookup(sc, L_DATE_FUTURE_CUES, j, &nf) == NULL || j + nf > lim)
		nf = 0;
	if (lookup(sc, L_DATE_PAST_CUES, j, &np) == NULL || j + np > lim)
		np = 0;
	if (nf == 0 && np == 0)
		return -1;
	return nf > np;
}

/* Tense of the mention at tokens [t0, t1): 1 future, 0 past; *cue set to
 * the token of the deciding future cue.  The nearest cue before the
 * mention decides, else the first after it. */
static int
future_tense(const struct scan *sc, size_t t0, size_t t1, size_t *cue)
{
	size_t	j;
	int	k;

	for (j = t0; j > 0 && !sent_break(sc, j - 1); j--)
		if ((k = tense_cue(sc, j - 1, t0)) >= 0) {
			*cue = j - 1;
			return k;
		}
	for (j = t1; j < sc->nt && j > 0 && !sent_break(sc, j - 1); j++)
		if ((k = tense_cue(sc, j, sc->nt)) >= 0) {
			*cue = j;
			return k;
		}
	return 0;
}

/* --- numbers --------------------------------------------------------- */

/* The longest word of lists at i: its value and tokens used. */
static int
list_word(const struct scan *sc, size_t i, const int *lists,
    double *val, size_t *n)
{
	const char	*v;
	size_t		 k, m, best = 0;
	double		 x = 0;

	for (k = 0; lists[k] != L_END; k++) {
		if ((v = lookup(sc, lists[k], i, &m)) != NULL && m > best &&
		    *v != '\0') {
			best = m;
			x = num_value(v, NULL);
		}
	}
	*val = x;
	*n = best;
	return best != 0;
}

/*
 * A number word at i from lists (NUMBER_LISTS or ORDINAL_LISTS): "eight",
 * "twenty-one", "twenty one", "twenty-first"; the value and tokens used.
 */
static int
number_word(const struct scan *sc, size_t i, const int *lists,
    double *val, size_t *n)
{
	double	tens, ones;
	size_t	m, k, j;

	if (list_word(sc, i, TENS_LISTS, &tens, &m) && m == 1) {
		j = i + 1;
		if (is_punct(sc, j, '-') && glued(sc, j) && glued(sc, j + 1))
			j++;
		if (j < sc->nt && (j > i + 1 || sc->t[j].sp) &&
		    list_word(sc, j, lists, &ones, &k) && ones >= 1 &&
		    ones <= 9) {
			*val = tens + ones;
			*n = j + k - i;
			return 1;
		}
	}
	return list_word(sc, i, lists, val, n);
}

/* A day of the month at i: "30", "30th", or an ordinal word; sets
 * *ord when written as an ordinal. */
static int
day_at(const struct scan *sc, size_t i, int *d, int *ord, size_t *end)
{
	const struct tok	*t;
	double			 v;
	size_t			 n;

	if (i >= sc->nt)
		return 0;
	t = &sc->t[i];
	*ord = 0;
	if (t->type == T_NUM) {
		if (t->grouped || t->ndig > 2)
			return 0;
		/* "18:30" is a time, "30/10" is handled elsewhere. */
		if (glued(sc, i + 1) && (is_punct(sc, i + 1, ':') ||
		    is_punct(sc, i + 1, '/')) && glued(sc, i + 2) &&
		    sc->t[i + 2].type == T_NUM)
			return 0;
		*d = (int)t->val;
		*end = i + 1;
		if (glued(sc, i + 1) && lookup1(sc, L_DATE_ORDINAL_SUFFIXES,
		    i + 1) != NULL) {
			*ord = 1;
			*end = i + 2;
		}
		return 1;
	}
	if (number_word(sc, i, ORDINAL_LISTS, &v, &n) && v >= 1 && v <= 31) {
		*d = (int)v;
		*ord = 1;
		*end = i + n;
		return 1;
	}
	return 0;
}

/* A four-digit year at i. */
static int
year_at(const struct scan *sc, size_t i, int *y)
{
	const struct tok	*t;

	if (i >= sc->nt)
		return 0;
	t = &sc->t[i];
	if (t->type != T_NUM || t->grouped || t->ndig != 4 || t->val < 1)
		return 0;
	/* "2022-23", "2022/10", "2022%" belong to something else. */
	if (glued(sc, i + 1) && sc->t[i + 1].type == T_PUNCT &&
	    (is_punct(sc, i + 1, '/') ||
	    (is_punct(sc, i + 1, '-') && i + 2 < sc->nt &&
	    sc->t[i + 2].type == T_NUM && glued(sc, i + 2)) ||
	    is_punct(sc, i + 1, '%')))
		return 0;
	if (glued(sc, i + 1) && sc->t[i + 1].type == T_NUM)
		return 0;
	if (i > 0 && glued(sc, i) && (is_punct(sc, i - 1, '$') ||
	    is_punct(sc, i - 1, '#')))
		return 0;
	*y = (int)t->val;
	return 1;
}

/* Does a phrase that may also open a noun phrase end before token k:
 * at the end of the text or a sentence, or before punctuation other
 * than a dash or an apostrophe?  "the 18th" without a month ("the 2nd
 * round", "the 18th-century church" are none), "the next" ("the week
 * after the next round"). */
static int
phrase_end_at(const struct scan *sc, size_t k)
{
	return k >= sc->nt || sent_break(sc, k - 1) ||
	    (sc->t[k].type == T_PUNCT && !is_dash(sc, k) &&
	    !is_punct(sc, k, '\''));
}

/*
 * A number word of value lo..hi at i ("seventy eight", "eleven",
 * "twenty-seven"): sets *v and *end past it.
 */
static int
number_in(const struct scan *sc, size_t i, double lo, double hi, int *v,
    size_t *end)
{
	double	x;
	size_t	n;

	if (i >= sc->nt || sc->t[i].type != T_WORD ||
	    !number_word(sc, i, NUMBER_LISTS, &x, &n) || x < lo || x > hi ||
	    x != (int)x)
		return 0;
	*v = (int)x;
	*end = i + n;
	return 1;
}

/* The lists the first word of a year in words is in. */
#define YEAR_WORD_LISTS	(LBIT(L_NUMBER_ONES) | LBIT(L_NUMBER_TEENS) | \
	LBIT(L_NUMBER_TENS))

/*
 * A year in words at i, as a speech or a transcript spells it:
 * "nineteen seventy-eight", "nineteen oh one", "twenty twenty", "two
 * thousand", "two thousand and eighteen" (the words of date_year_words
 * and date_and).  Only where the phrase ends right after it: "on May 5,
 * nineteen people died", "by June 1, two thousand had fled" and
 * "twenty twenty protesters" are counts.  Sets *y and *end past it.
 */
static int
year_words_at(const struct scan *sc, size_t i, int *y, size_t *end)
{
	const char	*v;
	size_t		 j;
	int		 c, r;

	/* Bit tests first: this runs after dates and at "in" and "of". */
	if (!may_start(sc, i, YEAR_WORD_LISTS) ||
	    !number_in(sc, i, 1, 99, &c, &j))
		return 0;
	v = lookup1(sc, L_DATE_YEAR_WORDS, j);
	if (v != NULL && atoi(v) == 1000 && c <= 9) {
		/* "two thousand [and] [eighteen]" */
		*y = c * 1000;
		j++;
		if (lookup1(sc, L_DATE_AND, j) != NULL &&
		    number_in(sc, j + 1, 1, 99, &r, end)) {
			*y += r;
			j = *end;
		} else if (number_in(sc, j, 1, 99, &r, end)) {
			*y += r;
			j = *end;
		}
	} else if (c >= 10 && v != NULL && atoi(v) == 0 &&
	    number_in(sc, j + 1, 1, 9, &r, end)) {
		/* "nineteen oh one" */
		*y = c * 100 + r;
		j = *end;
	} else if (c >= 10 && number_in(sc, j, 10, 99, &r, end)) {
		*y = c * 100 + r;
		j = *end;
	} else
		return 0;
	*end = j;
	return phrase_end_at(sc, j);
}

/*
 * Can a year in words start at i after "in" ("in nineteen
 * seventy-eight")?  Its first word ("two", "nineteen") is in none of
 * the lists a date starts with (DATE_LISTS: a count that starts a date
 * would be tried at every number word), so the date parsers let it
 * through after "in" only.
 */
static int
year_words_after_in(const struct scan *sc, size_t i)
{
	const char	*v;

	return i > 0 && (v = lookup1(sc, L_DATE_PREPS, i - 1)) != NULL &&
	    strcmp(v, "IN") == 0;
}

/* A year at i after a date or "of": four digits, or words
 * (year_words_at()).  Sets *y and *end past it. */
static int
year_after_at(const struct scan *sc, size_t i, int *y, size_t *end)
{
	if (year_at(sc, i, y)) {
		*end = i + 1;
		return 1;
	}
	return i < sc->nt && sc->t[i].type == T_WORD &&
	    year_words_at(sc, i, y, end);
}

/* --- units and durations --------------------------------------------- */

struct unit {
	int	time;		/* hours or minutes: PT... */
	double	n;		/* count of letter in one unit */
	char	letter;		/* D W M Y H (T), M (T: minutes) */
};

static int
unit_parse(const char *v, struct unit *u)
{
	char	*ep;

	u->time = 0;
	if (*v == 'T') {
		u->time = 1;
		v++;
	}
	u->n = num_value(v, &ep);
	if (ep == v || u->n <= 0)
		return 0;
	u->letter = *ep;
	if (u->time ? strchr("HMS", u->letter) == NULL || u->letter == '\0' :
	    strchr("DWMY", u->letter) == NULL || u->letter == '\0')
		return 0;
	return 1;
}

static int
unit_at(const struct scan *sc, size_t i, struct unit *u, size_t *n)
{
	const char	*v = lookup(sc, L_DATE_UNITS, i, n);

	return v != NULL && unit_parse(v, u);
}

static double
unit_days(const struct unit *u)
{
	if (u->time)
		return u->n * (u->letter == 'H' ? 1.0 / 24 : u->letter == 'M' ?
		    1.0 / 1440 : 1.0 / 86400);
	switch (u->letter) {
	case 'W':
		return u->n * 7;
	case 'M':
		return u->n * DAYS_PER_MONTH;
	case 'Y':
		return u->n * DAYS_PER_YEAR;
	}
	return u->n;
}

/* Granularity of a calendar period of one unit, or 0. */
enum gran { G_NONE, G_DAY, G_WEEK, G_MONTH, G_SEASON, G_QUARTER, G_HALF,
	G_YEAR, G_DECADE, G_WEEKEND };

static int
unit_gran(const struct unit *u)
{
	if (u->time)
		return G_NONE;
	if (u->letter == 'D' && u->n == 1)
		return G_DAY;
	if (u->letter == 'W' && u->n == 1)
		return G_WEEK;
	if (u->letter == 'M' && u->n == 1)
		return G_MONTH;
	if (u->letter == 'M' && u->n == 3)
		return G_QUARTER;
	if (u->letter == 'M' && u->n == 6)
		return G_HALF;
	if (u->letter == 'Y' && u->n == 1)
		return G_YEAR;
	if (u->letter == 'Y' && u->n == 10)
		return G_DECADE;
	return G_NONE;
}

static const char *const GRAN_NAME[] = {
	"", "day", "week", "month", "season", "quarter", "half", "year",
	"decade", "weekend"
};

static double
round_days(double d)
{
	return d >= 1 ? floor(d + 0.5) : d;
}

/* TIMEX3 period value for cnt units (vague: "PXM"). */
static void
period_value(char *out, size_t outlen, double cnt, const struct unit *u,
    int vague)
{
	double		 total = cnt * u->n;
	char		 letter = u->letter;
	const char	*code = NULL;

	if (vague) {
		if (u->letter == 'Y' && u->n == 10)
			code = "DE";
		else if (u->letter == 'Y' && u->n == 100)
			code = "CE";
		else if (!u->time && u->letter == 'M' && u->n == 3)
			code = "Q";
		if (code != NULL)
			snprintf(out, outlen, "PX%s", code);
		else
			snprintf(out, outlen, "P%sX%c", u->time ? "T" : "",
			    letter);
		return;
	}
	/* A fraction moves to the next smaller unit when it comes out
	 * whole there: P1.5Y is P18M, P0.5D is PT12H, PT0.5H is PT30M. */
	if (total != floor(total) && u->time) {
		if (letter != 'S' && total * 60 == floor(total * 60)) {
			total *= 60;
			letter = letter == 'H' ? 'M' : 'S';
		}
	} else if (total != floor(total)) {
		if (letter == 'Y' && total * 12 == floor(total * 12)) {
			total *= 12;
			letter = 'M';
		} else if (letter == 'W' && total * 7 == floor(total * 7)) {
			total *= 7;
			letter = 'D';
		} else if (letter == 'D' && total * 24 == floor(total * 24)) {
			snprintf(out, outlen, "PT%.0fH", total * 24);
			return;
		}
	}
	if (total == floor(total) && total >= 1 && total < 1e15) {
		/* "P%s%.0f%c": a whole count prints as the integer it is. */
		struct sb	b;

		sb_init(&b, out, outlen);
		sb_str(&b, u->time ? "PT" : "P");
		sb_num(&b, (long)total, 1);
		sb_add(&b, &letter, 1);
	} else if (total == floor(total))
		snprintf(out, outlen, "P%s%.0f%c", u->time ? "T" : "", total,
		    letter);
	else
		snprintf(out, outlen, "P%s%g%c", u->time ? "T" : "", total,
		    letter);
}

/* A count before a unit: digits, a number word, "a", a vague word, "half
 * a", "one and a half". */
struct count {
	double	min, max;
	int	vague;
	int	article;	/* "a"/"an": may be a rate ("twice a day") */
	int	digits;		/* written in digits */
	size_t	end;
};

/* "and a half" at i: tokens used, or 0. */
static size_t
and_a_half(const struct scan *sc, size_t i)
{
	size_t	j = i, n;

	if (lookup1(sc, L_DATE_AND, j) == NULL)
		return 0;
	j++;
	if (lookup1(sc, L_DATE_ARTICLES, j) != NULL)
		j++;
	if (lookup(sc, L_DATE_HALF, j, &n) == NULL)
		return 0;
	return j + n - i;
}

static int
count_at(const struct scan *sc, size_t i, struct count *c)
{
	const char	*v;
	char		*ep;
	size_t		 n, h;
	double		 x;
	struct unit	 u;

	clear(c, sizeof *c);
	if (i >= sc->nt)
		return 0;
	if (sc->t[i].type == T_NUM) {
		if (sc->t[i].ndig > 9 || (i > 0 && glued(sc, i) &&
		    sc->t[i - 1].type != T_PUNCT))
			return 0;
		/* "1/2", "3:30" are not counts of units. */
		if (glued(sc, i + 1) && (is_punct(sc, i + 1, '/') ||
		    is_punct(sc, i + 1, ':')))
			return 0;
		c->min = c->max = sc->t[i].val;
		c->digits = 1;
		c->end = i + 1;
	} else if ((v = lookup(sc, L_DURATION_VAGUE, i, &n)) != NULL) {
		c->min = num_value(v, &ep);
		c->max = *ep == '-' ? num_value(ep + 1, NULL) : c->min;
		c->vague = 1;
		c->end = i + n;
		return c->max >= c->min && c->min > 0;
	} else if (number_word(sc, i, NUMBER_LISTS, &x, &n)) {
		c->min = c->max = x;
		c->end = i + n;
	} else if ((v = lookup(sc, L_DATE_HALF, i, &n)) != NULL) {
		/* "half an hour"; without the article of an hour or a
		 * minute only ("half hour"): "half year results" is no
		 * length of time. */
		if (lookup1(sc, L_DATE_ARTICLES, i + n) != NULL)
			c->end = i + n + 1;
		else if (unit_at(sc, i + n, &u, &h) && u.time)
			c->end = i + n;
		else
			return 0;
		c->min = c->max = num_value(v, NULL);
		return c->min > 0;
	} else if ((v = lookup(sc, L_DATE_ARTICLES, i, &n)) != NULL) {
		c->min = c->max = num_value(v, NULL);
		c->article = 1;
		c->end = i + n;
		/* "a half hour", "a half century" (not "a half an hour") */
		if ((v = lookup(sc, L_DATE_HALF, c->end, &n)) != NULL &&
		    lookup1(sc, L_DATE_ARTICLES, c->end + n) == NULL) {
			c->min = c->max = c->min * num_value(v, NULL);
			c->end += n;
			return c->min > 0;
		}
	} else
		return 0;
	/* "one and a half years" */
	if ((h = and_a_half(sc, c->end)) != 0) {
		c->min += 0.5;
		c->max += 0.5;
		c->end += h;
	}
	return c->min > 0;
}

/*
 * A unit of date_units_counted at i, read only after count c in digits
 * or number words: "3 hrs", "20 min", "twenty min", "3.5 sec"; a unit
 * of one letter only glued to digits ("48h"), one that is also an
 * ordinal only after digits ("3.5 second", not "the twenty second").
 * "a second" is an ordinal, "Sec." a title, "2 second-half goals"
 * counts goals: no lengths.
 */
static int
counted_unit_at(const struct scan *sc, size_t i, const struct count *c,
    struct unit *u, size_t *n)
{
	const char	*v;

	if (c->article || c->vague || i >= sc->nt ||
	    (v = lookup1(sc, L_DATE_UNITS_COUNTED, i)) == NULL ||
	    !unit_parse(v, u))
		return 0;
	if (sc->t[i].e - sc->t[i].s == 1 && !(glued(sc, i) &&
	    sc->t[i - 1].type == T_NUM))
		return 0;
	if (!c->digits && lookup1(sc, L_NUMBER_ORDINALS, i) != NULL)
		return 0;
	/* "2 second-half goals": an ordinal joined to a noun. */
	if (is_punct(sc, i + 1, '-') && glued(sc, i + 1) &&
	    lookup1(sc, L_DURATION_SUFFIXES, i + 2) == NULL)
		return 0;
	*n = 1;
	return 1;
}

/* --- dates ----------------------------------------------------------- */

enum how {
	H_ABS,		/* every part written */
	H_YEARLESS,	/* month/day, month, quarter... without year */
	H_WEEKDAY,	/* a weekday, bare or with last/this/next */
	H_DAYOFF,	/* yesterday, today, three days ago */
	H_SHIFT,	/* last week, next month, a year ago */
	H_PRESENT,	/* now */
	H_MONTHOFF	/* a month or a year ago: off months, same day */
};

struct dx {
	int		 gran;
	int		 how;
	int		 y, m, d;	/* y == 0: no year written */
	int		 n;		/* quarter, half, season */
	int		 wd;		/* weekday written, -1 if none */
	size_t		 wd0, wd1;	/* its tokens */
	int		 wdshift;	/* -1 last, 1 next, 2 bare */
	int		 inweek;	/* the day in the week wdshift weeks
					   from the reference's ("Friday
					   next week") */
	long		 off;		/* days, periods or months */
	const char	*mod;		/* START MID END EARLIER LATER */
	int		 usorder;	/* 4/5/2022 read as month/day */
	int		 yshift;	/* year: the reference's + off
					   ("March last year") */
	int		 invalid;	/* impossible: emit nothing */
	size_t		 t0, end;	/* tokens [t0, end) */
};

static const char *const SEASONS[] = { "SP", "SU", "FA", "WI", NULL };

static int
season_code(const char *v)
{
	int	i;

	for (i = 0; SEASONS[i] != NULL; i++)
		if (strcmp(SEASONS[i], v) == 0)
			return i + 1;
	return 0;
}

/* Prepositional role of the word(s) right before token i, skipping one
 * article ("in the summer"), or NULL. */
static const char *
prep_before(const struct scan *sc, size_t i)
{
	const char	*v;
	size_t		 k, n;

	if (i > 0 && lookup1(sc, L_DATE_THE, i - 1) != NULL)
		i--;
	for (k = 1; k <= 2 && k <= i; k++)
		if ((v = lookup(sc, L_DATE_PREPS, i - k, &n)) != NULL &&
		    n == k)
			return v;
	return NULL;
}

/* A month name at i: sets *m, *end (after an abbreviation's dot), and
 * *abbr for a short form. */
static int
month_at(const struct scan *sc, size_t i, int *m, size_t *end, int *abbr)
{
	const char	*v;

	*abbr = 0;
	if ((v = lookup1(sc, L_MONTHS, i)) != NULL) {
		if (lookup1(sc, L_MONTHS_AMBIGUOUS, i) != NULL &&
		    !is_upper_at(sc, i))
			return 0;
	} else if ((v = lookup1(sc, L_MONTH_ABBREVS, i)) != NULL) {
		*abbr = 1;
		if (!is_upper_at(sc, i))
			return 0;
	} else
		return 0;
	*m = atoi(v);
	if (*m < 1 || *m > 12)
		return 0;
	*end = i + 1;
	if (*abbr && is_punct(sc, i + 1, '.') && glued(sc, i + 1))
		*end = i + 2;
	return 1;
}

/* dx becomes the day y-m-d, written in full, ending before token end
 * (whether it exists is the caller's to check). */
static void
abs_day(struct dx *dx, int y, int m, int d, size_t end)
{
	dx->gran = G_DAY;
	dx->how = H_ABS;
	dx->y = y;
	dx->m = m;
	dx->d = d;
	dx->end = end;
}

/* Numeric dates: 2022-10-30, 2022/10/30, 10/30/2022, 30/10/2022. */
static int
parse_numeric(const struct scan *sc, size_t i, struct dx *dx)
{
	const struct tok	*t = sc->t;
	int			 a, b, c, y, m, d;
	char			 sep;

	if (i + 4 >= sc->nt || t[i].type != T_NUM || t[i].grouped ||
	    t[i + 2].type != T_NUM || t[i + 4].type != T_NUM ||
	    t[i + 2].grouped || t[i + 4].grouped)
		return 0;
	sep = sc->s[t[i + 1].s];
	if ((sep != '-' && sep != '/') || !is_punct(sc, i + 3, sep) ||
	    !glued(sc, i + 1) || !glued(sc, i + 2) || !glued(sc, i + 3) ||
	    !glued(sc, i + 4))
		return 0;
	/* Part of a longer run of numbers ("1-2-3-4"): not a date. */
	if ((glued(sc, i + 5) && sc->t[i + 5].type == T_NUM) ||
	    (glued(sc, i + 5) && (is_punct(sc, i + 5, sep)) &&
	    glued(sc, i + 6) && sc->t[i + 6].type == T_NUM) ||
	    (i > 0 && glued(sc, i) && (is_punct(sc, i - 1, sep) ||
	    sc->t[i - 1].type == T_NUM)))
		return 0;
	/* No part of a date has more than four digits ("0678/101232970678"
	 * would not fit an int either). */
	if (t[i].ndig > 4 || t[i + 2].ndig > 4 || t[i + 4].ndig > 4)
		return 0;
	a = (int)t[i].val;
	b = (int)t[i + 2].val;
	c = (int)t[i + 4].val;
	if (t[i].ndig == 4 && t[i + 2].ndig <= 2 && t[i + 4].ndig <= 2) {
		y = a;
		m = b;
		d = c;
	} else if (t[i].ndig <= 2 && t[i + 2].ndig <= 2 &&
	    (t[i + 4].ndig == 4 || (sep == '/' && t[i + 4].ndig == 2))) {
		/* Two-digit years: 00-49 are 20xx, 50-99 19xx. */
		y = t[i + 4].ndig == 2 ? (c < 50 ? 2000 + c : 1900 + c) : c;
		if (a > 12 && b <= 12) {
			d = a;
			m = b;
		} else {
			m = a;
			d = b;
			dx->usorder = a <= 12 && b <= 12 && a != b;
		}
	} else
		return 0;
	abs_day(dx, y, m, d, i + 5);
	if (m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		dx->invalid = 1;
	return 1;
}

/*
 * A date written with dots, one token to the tokenizer (struct tok):
 * "13.5.2015", "13.05.2015" (day first, the European order) and
 * "2015.5.13".  The year must have four digits and the day and month
 * must be valid, so "13.5", "2.5.1" and "192.168.1.1" stay numbers.
 */
static int
parse_dotted(const struct scan *sc, size_t i, struct dx *dx)
{
	const struct tok	*t = &sc->t[i];
	int			 part[3] = { 0, 0, 0 }, len[3] = { 0, 0, 0 };
	int			 np = 0, y, m, d;
	size_t			 k;

	if (t->type != T_NUM || !t->grouped || t->e - t->s > 10 ||
	    (i > 0 && glued(sc, i) && sc->t[i - 1].type != T_PUNCT))
		return 0;
	for (k = t->s; k < t->e; k++) {
		if (sc->s[k] == '.') {
			if (++np > 2)
				return 0;
		} else if (is_digit((unsigned char)sc->s[k])) {
			part[np] = part[np] * 10 + (sc->s[k] - '0');
			len[np]++;
		} else
			return 0;	/* a thousands comma */
	}
	if (np != 2)
		return 0;
	if (len[0] <= 2 && len[1] <= 2 && len[2] == 4) {
		d = part[0];
		m = part[1];
		y = part[2];
	} else if (len[0] == 4 && len[1] <= 2 && len[2] <= 2) {
		y = part[0];
		m = part[1];
		d = part[2];
	} else
		return 0;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return 0;
	abs_day(dx, y, m, d, i + 1);
	return 1;
}

/* Optional ", 2022" / " 2022" after a day: the year and the end. */
static void
trailing_year(const struct scan *sc, struct dx *dx)
{
	size_t	j = dx->end, e;
	int	y;

	if (is_punct(sc, j, ','))
		j++;
	if (year_after_at(sc, j, &y, &e)) {
		dx->y = y;
		dx->end = e;
	}
}

static void
check_day(struct dx *dx)
{
	int	lim = dx->y ? month_days(dx->y, dx->m) :
		    month_days(2000, dx->m);

	if (dx->d < 1 || dx->d > lim)
		dx->invalid = 1;
}

/* "... last year", "... of this year", "... of the year" after a month,
 * quarter or half: the year counted from the reference's. */
static void
year_shift(const struct scan *sc, struct dx *dx)
{
	const char	*v = NULL;
	size_t		 j = dx->end, n = 1, m;
	struct unit	 u;

	if (is_punct(sc, j, ',') || lookup1(sc, L_DATE_OF, j) != NULL)
		j++;
	if ((v = lookup(sc, L_DATE_SHIFTS, j, &n)) == NULL &&
	    lookup1(sc, L_DATE_THE, j) == NULL)
		return;
	if (unit_at(sc, j + n, &u, &m) && unit_gran(&u) == G_YEAR) {
		dx->yshift = 1;
		dx->off = v ? atol(v) : 0;
		dx->end = j + n + m;
	}
}

/*
 * "the 21st" after a month at j, as it is said: "on September the
 * 21st", "September the twenty-first, nineteen seventy-eight".  Only
 * an ordinal day, and only where the phrase ends after it (and its
 * year): "in May the 27th Brigade attacked" is no date.  Fills dx (its
 * month set) and returns 1, or leaves it and returns 0.
 */
static int
month_the_day(const struct scan *sc, size_t j, struct dx *dx)
{
	struct dx	t = *dx;
	size_t		k;
	int		d, ord;

	if (lookup1(sc, L_DATE_THE, j) == NULL ||
	    !day_at(sc, j + 1, &d, &ord, &k) || !ord || d < 1 || d > 31)
		return 0;
	t.gran = G_DAY;
	t.d = d;
	t.end = k;
	trailing_year(sc, &t);
	if (!phrase_end_at(sc, t.end))
		return 0;
	check_day(&t);
	*dx = t;
	return 1;
}

/* Month first: "October 30, 2022", "Oct. 30", "October 2022", "October",
 * "September the 21st" (month_the_day()). */
static int
parse_month_first(const struct scan *sc, size_t i, const char *ctx,
    struct dx *dx)
{
	size_t	j, k;
	int	m, d, ord, abbr, y;

	if (!month_at(sc, i, &m, &j, &abbr))
		return 0;
	dx->m = m;
	dx->how = H_YEARLESS;
	if (day_at(sc, j, &d, &ord, &k) && (d <= 31 || ord) &&
	    !(year_at(sc, j, &y))) {
		dx->gran = G_DAY;
		dx->d = d;
		dx->end = k;
		trailing_year(sc, dx);
		check_day(dx);
		return 1;
	}
	if (month_the_day(sc, j, dx))
		return 1;
	k = j;
	if (is_punct(sc, k, ',') || lookup1(sc, L_DATE_OF, k) != NULL)
		k++;
	if (year_after_at(sc, k, &y, &k)) {
		dx->gran = G_MONTH;
		dx->y = y;
		dx->end = k;
		return 1;
	}
	/* Alone: short forms never; words that are also common words only
	 * after a date preposition. */
	dx->gran = G_MONTH;
	dx->end = j;
	year_shift(sc, dx);
	if (dx->yshift)
		return 1;
	if (abbr)
		return 0;
	if (lookup1(sc, L_MONTHS_AMBIGUOUS, i) != NULL && ctx == NULL)
		return 0;
	return 1;
}

/* Day first: "30 October 2022", "the 30th of October", and with a dot
 * after the day as German style writes it, "16. Nov. 2016", where the
 * year is required ("rose to 16. November was..." is no date). */
static int
parse_day_first(const struct scan *sc, size_t i, struct dx *dx)
{
	size_t	j = i, k;
	int	d, ord, m, abbr, of = 0, the = 0, dot = 0;

	if (lookup1(sc, L_DATE_THE, j) != NULL) {
		j++;
		the = 1;
	}
	if (!day_at(sc, j, &d, &ord, &k))
		return 0;
	if (the && !ord)
		return 0;
	if (lookup1(sc, L_DATE_OF, k) != NULL) {
		k++;
		of = 1;
	} else if (!ord && sc->t[j].type == T_NUM && is_punct(sc, k, '.') &&
	    glued(sc, k)) {
		k++;
		dot = 1;
	}
	if (!month_at(sc, k, &m, &j, &abbr))
		return 0;
	if (d > 31 && !ord && !of)
		return 0;
	dx->gran = G_DAY;
	dx->how = H_YEARLESS;
	dx->m = m;
	dx->d = d;
	dx->end = j;
	trailing_year(sc, dx);
	if (dot && dx->y == 0)
		return 0;
	check_day(dx);
	return 1;
}

/*
 * "[the] first quarter [of] [2022 | last year]", "Q3 2021", halves too,
 * and the year first: "2016 Q3", "2016H2", "2016 first quarter" (not
 * "2030 the first half": "by 2030 the first half of the fleet...").
 */
static int
parse_quarter(const struct scan *sc, size_t i, struct dx *dx)
{
	const char	*v;
	size_t		 j = i, n;
	int		 y, y0 = 0, g = G_QUARTER;

	if (year_at(sc, j, &y0))
		j++;
	else if (lookup1(sc, L_DATE_THE, j) != NULL)
		j++;
	if ((v = lookup(sc, L_DATE_QUARTERS, j, &n)) == NULL) {
		if ((v = lookup(sc, L_DATE_HALVES, j, &n)) == NULL)
			return 0;
		g = G_HALF;
	}
	dx->n = atoi(v);
	if (dx->n < 1 || dx->n > (g == G_QUARTER ? 4 : 2))
		return 0;
	dx->gran = g;
	dx->how = H_YEARLESS;
	j += n;
	dx->end = j;
	if (y0 != 0) {
		dx->y = y0;
		return 1;
	}
	if (is_punct(sc, j, ',') || lookup1(sc, L_DATE_OF, j) != NULL)
		j++;
	if (year_after_at(sc, j, &y, &j)) {
		dx->y = y;
		dx->end = j;
		return 1;
	}
	year_shift(sc, dx);
	return 1;
}

/* "last week", "next month", "this year", "last Monday", "last summer". */
static int
parse_shift(const struct scan *sc, size_t i, struct dx *dx)
{
	const char	*v, *w;
	size_t		 n, k;
	struct unit	 u;
	int		 g;

	k = i;
	if (lookup1(sc, L_DATE_THE, k) != NULL)
		k++;
	if ((v = lookup(sc, L_DATE_SHIFTS, k, &n)) == NULL)
		return 0;
	k += n;
	if (lookup1(sc, L_DATE_WEEKENDS, k) != NULL) {
		dx->gran = G_WEEKEND;
		dx->how = H_SHIFT;
		dx->off = atol(v);
		dx->end = k + 1;
		return 1;
	}
	if ((w = lookup1(sc, L_MONTHS, k)) != NULL ||
	    (w = lookup1(sc, L_MONTH_ABBREVS, k)) != NULL) {
		/* "last September": the latest September before the
		 * reference's month; "next June" the first after it. */
		dx->gran = G_MONTH;
		dx->how = H_SHIFT;
		dx->m = atoi(w);
		dx->off = atol(v);
		dx->end = k + 1;
		if (is_punct(sc, k + 1, '.') && glued(sc, k + 1) &&
		    lookup1(sc, L_MONTH_ABBREVS, k) != NULL)
			dx->end++;
		return dx->m >= 1 && dx->m <= 12;
	}
	if ((w = lookup1(sc, L_WEEKDAYS, k)) != NULL) {
		dx->gran = G_DAY;
		dx->how = H_WEEKDAY;
		dx->wd = atoi(w);
		/* "this Friday" is the nearest Friday the tense allows. */
		dx->wdshift = atoi(v) == 0 ? 2 : atoi(v);
		dx->end = k + 1;
		return 1;
	}
	if ((w = lookup1(sc, L_DATE_SEASONS, k)) != NULL &&
	    season_code(w) != 0) {
		dx->gran = G_SEASON;
		dx->how = H_SHIFT;
		dx->n = season_code(w);
		dx->off = atol(v);
		dx->end = k + 1;
		return 1;
	}
	if (unit_at(sc, k, &u, &n) && (g = unit_gran(&u)) != G_NONE &&
	    g != G_DAY) {
		dx->gran = g;
		dx->how = H_SHIFT;
		dx->off = atol(v);
		dx->end = k + n;
		/* "next week on Friday", "next week Friday": that day. */
		k += n;
		if ((w = lookup1(sc, L_DATE_PREPS, k)) != NULL &&
		    strcmp(w, "ON") == 0)
			k++;
		if (g == G_WEEK && (w = lookup1(sc, L_WEEKDAYS, k)) != NULL) {
			dx->gran = G_DAY;
			dx->how = H_WEEKDAY;
			dx->wd = atoi(w);
			dx->wdshift = (int)dx->off;
			dx->inweek = 1;
			dx->end = k + 1;
		}
		return 1;
	}
	return 0;
}

/* A season: "summer 2019", "the summer of 2019", "in the summer"; with
 * bare set the word alone ("early summer": parse_date). */
static int
parse_season(const struct scan *sc, size_t i, const char *ctx, int bare,
    struct dx *dx)
{
	const char	*v;
	size_t		 j = i;
	int		 y, the = 0;

	if (lookup1(sc, L_DATE_THE, j) != NULL) {
		j++;
		the = 1;
	}
	if ((v = lookup1(sc, L_DATE_SEASONS, j)) == NULL ||
	    season_code(v) == 0)
		return 0;
	dx->gran = G_SEASON;
	dx->how = H_YEARLESS;
	dx->n = season_code(v);
	j++;
	dx->end = j;
	if (lookup1(sc, L_DATE_OF, j) != NULL)
		j++;
	if (year_after_at(sc, j, &y, &j)) {
		dx->y = y;
		dx->end = j;
		return 1;
	}
	/* Alone, a season word is too often a verb or a noun ("prices
	 * fall", "after the fall of Kabul"): only "in the summer". */
	return bare || (the && ctx != NULL && strcmp(ctx, "IN") == 0);
}

/* A year in date context, or a decade ("the 1990s"). */
static int
parse_year(const struct scan *sc, size_t i, const char *ctx, int inpart,
    struct dx *dx)
{
	const char	*v;
	size_t		 e;
	int		 y;

	/* In words after "in" or inside a part or an nth ("in nineteen
	 * twenty-eight", "the third week of two thousand and twenty"). */
	if (i < sc->nt && sc->t[i].type == T_WORD &&
	    may_start(sc, i, YEAR_WORD_LISTS) && (inpart ||
	    (ctx != NULL && strcmp(ctx, "IN") == 0)) &&
	    year_words_at(sc, i, &y, &e)) {
		dx->gran = G_YEAR;
		dx->how = H_ABS;
		dx->y = y;
		dx->end = e;
		return 1;
	}
	if (i >= sc->nt || sc->t[i].type != T_NUM || sc->t[i].grouped ||
	    sc->t[i].ndig != 4)
		return 0;
	v = glued(sc, i + 1) ? lookup1(sc, L_DATE_YEAR_SUFFIXES, i + 1) :
	    NULL;
	y = (int)sc->t[i].val;
	/* "the 1970's" is a decade, "2020's budget" a year. */
	if (v != NULL && y % 10 == 0 && i > 0 &&
	    lookup1(sc, L_DATE_THE, i - 1) != NULL)
		v = "DECADE";
	if (v != NULL && strcmp(v, "DECADE") == 0 && y % 10 == 0) {
		dx->gran = G_DECADE;
		dx->how = H_ABS;
		dx->y = y;
		dx->end = i + 2;
		return 1;
	}
	if (!year_at(sc, i, &y))
		return 0;
	if (v == NULL && !inpart && (ctx == NULL || strcmp(ctx, "ON") == 0 ||
	    strcmp(ctx, "AT") == 0 || strcmp(ctx, "FOR") == 0))
		return 0;
	if (y < 1000)
		return 0;
	dx->gran = G_YEAR;
	dx->how = H_ABS;
	dx->y = y;
	dx->end = i + 1;
	return 1;
}

/*
 * A decade after "the": "the 1990s", "the 1970's" (parse_year), "the
 * '90s", "the 90's", "the nineties", "the noughties", "the nineteen
 * seventies", "the twenty-tens".  The article is part of the mention.
 * Without it "in his 70s", "in their seventies" are ages, so it is
 * required; a two-digit decade also needs an apostrophe ("the 70s" is
 * as often a temperature: "highs in the 70s").  A decade word of a
 * two-digit value is year-less (resolution picks the century) unless a
 * century in words comes before it; one of four digits ("the
 * noughties": 2000) is the decade itself.  "tens" is read only after a
 * century ("the tens of thousands").
 */
static int
parse_decade(const struct scan *sc, size_t i, const char *ctx,
    struct dx *dx)
{
	const char	*v;
	size_t		 j = i + 1, n;
	int		 dd = -1;
	double		 c = 0;

	if (lookup1(sc, L_DATE_THE, i) == NULL || j >= sc->nt)
		return 0;
	if (sc->t[j].type == T_NUM && sc->t[j].ndig == 4) {
		if (!parse_year(sc, j, ctx, 0, dx) || dx->gran != G_DECADE)
			return 0;
		dx->t0 = i;
		return 1;
	}
	if (sc->t[j].type == T_WORD) {
		if (list_word(sc, j, CENTURY_LISTS, &c, &n) && n == 1) {
			/* "the nineteen seventies", "the twenty-tens" */
			if (c < 10 || c > 20)
				return 0;
			j++;
			if (is_dash(sc, j) && glued(sc, j) && glued(sc, j + 1))
				j++;
			if ((v = lookup1(sc, L_DATE_DECADES, j)) == NULL &&
			    (v = lookup1(sc, L_DATE_DECADES_TENS, j)) == NULL)
				return 0;
			n = 1;
		} else if ((v = lookup(sc, L_DATE_DECADES, j, &n)) == NULL)
			return 0;
		dd = atoi(v);
		dx->end = j + n;
	} else if (is_punct(sc, j, '\'') && glued(sc, j + 1) &&
	    sc->t[j + 1].type == T_NUM && sc->t[j + 1].ndig == 2 &&
	    glued(sc, j + 2) && (v = lookup1(sc, L_DATE_YEAR_SUFFIXES,
	    j + 2)) != NULL && strcmp(v, "DECADE") == 0) {
		dd = (int)sc->t[j + 1].val;
		dx->end = j + 3;
	} else if (sc->t[j].type == T_NUM && sc->t[j].ndig == 2 &&
	    glued(sc, j + 1) && sc->s[sc->t[j + 1].s] == '\'' &&
	    lookup1(sc, L_DATE_YEAR_SUFFIXES, j + 1) != NULL) {
		dd = (int)sc->t[j].val;
		dx->end = j + 2;
	}
	if (dd < 0 || dd % 10 != 0 || (dd > 90 && (c > 0 || dd < 1000)))
		return 0;
	dx->gran = G_DECADE;
	if (c > 0 || dd > 90) {
		dx->how = H_ABS;
		dx->y = c > 0 ? (int)c * 100 + dd : dd;
		return 1;
	}
	dx->how = H_YEARLESS;
	dx->n = dd;
	return 1;
}

/*
 * "the week after next", "the month after the next", "the weekend
 * after next": two periods on from the reference's.  Read from the
 * lists: "after" is the AFTER of date_preps, "next" a date_shifts word
 * of 1; after "the" it ends the phrase ("the week after the next
 * round" is no date).
 */
static int
parse_after_next(const struct scan *sc, size_t i, struct dx *dx)
{
	const char	*v;
	size_t		 j = i + 1, n = 1;
	struct unit	 u;
	int		 g, the;

	if (lookup1(sc, L_DATE_THE, i) == NULL)
		return 0;
	if (lookup1(sc, L_DATE_WEEKENDS, j) != NULL)
		g = G_WEEKEND;
	else if (!unit_at(sc, j, &u, &n) || (g = unit_gran(&u)) == G_NONE ||
	    g == G_DAY)
		return 0;
	j += n;
	if ((v = lookup(sc, L_DATE_PREPS, j, &n)) == NULL ||
	    strcmp(v, "AFTER") != 0)
		return 0;
	j += n;
	if ((the = lookup1(sc, L_DATE_THE, j) != NULL))
		j++;
	if ((v = lookup1(sc, L_DATE_SHIFTS, j)) == NULL || atol(v) != 1 ||
	    (the && !phrase_end_at(sc, j + 1)))
		return 0;
	dx->gran = g;
	dx->how = H_SHIFT;
	dx->off = 2;
	dx->end = j + 1;
	return 1;
}

static void
dx_reset(struct dx *dx, size_t i)
{
	clear(dx, sizeof *dx);
	dx->wd = -1;
	dx->t0 = i;
}

/*
 * The core of a date phrase at i, without parts or prepositions.  ctx is
 * the role of a preposition before it (NULL if none); inpart is set
 * inside "end of ...", where a bare year counts.
 */
static int
parse_core(const struct scan *sc, size_t i, const char *ctx, int inpart,
    struct dx *dx)
{
	const char	*v;
	size_t		 n, j, k;
	struct dx	 sub;
	struct unit	 u;
	int		 after_the;

	clear(dx, sizeof *dx);
	dx->wd = -1;
	dx->t0 = i;
	if (i >= sc->nt || (!may_start(sc, i, CORE_LISTS) &&
	    !(may_start(sc, i, YEAR_WORD_LISTS) &&
	    year_words_after_in(sc, i))))
		return 0;
	if (parse_numeric(sc, i, dx) || parse_dotted(sc, i, dx))
		return 1;
	/* A weekday, alone or before a date. */
	v = lookup1(sc, L_WEEKDAYS, i);
	if (v == NULL && is_upper_at(sc, i) && (v = lookup1(sc,
	    L_WEEKDAY_ABBREVS, i)) != NULL && !(is_punct(sc, i + 1, ',') ||
	    is_punct(sc, i + 1, '.')))
		v = NULL;
	if (v != NULL) {
		j = i + 1;
		if (is_punct(sc, j, '.') && glued(sc, j))
			j++;
		if (is_punct(sc, j, ','))
			j++;
		clear(&sub, sizeof sub);
		sub.wd = -1;
		if (parse_month_first(sc, j, "ON", &sub) ||
		    parse_day_first(sc, j, &sub)) {
			if (sub.gran == G_DAY) {
				*dx = sub;
				dx->t0 = i;
				dx->wd = atoi(v);
				dx->wd0 = i;
				dx->wd1 = i + 1;
				return 1;
			}
		}
		clear(dx, sizeof *dx);
		dx->t0 = i;
		if (lookup1(sc, L_WEEKDAYS, i) == NULL)
			return 0;
		dx->gran = G_DAY;
		dx->how = H_WEEKDAY;
		dx->wd = atoi(v);
		dx->wdshift = 2;
		dx->end = i + 1;
		/* "Friday next week", "Monday of last week": the day in
		 * that week, whatever the tense. */
		j = i + 1;
		if (lookup1(sc, L_DATE_OF, j) != NULL)
			j++;
		if (may_start(sc, j, LBIT(L_DATE_SHIFTS)) &&
		    (v = lookup(sc, L_DATE_SHIFTS, j, &n)) != NULL &&
		    unit_at(sc, j + n, &u, &k) && unit_gran(&u) == G_WEEK) {
			dx->wdshift = atoi(v);
			dx->inweek = 1;
			dx->end = j + n + k;
		}
		return 1;
	}
	dx->wd = -1;
	if ((v = lookup(sc, L_DATE_RELATIVE_DAYS, i, &n)) != NULL) {
		dx->gran = G_DAY;
		dx->how = H_DAYOFF;
		dx->off = atol(v);
		dx->end = i + n;
		return 1;
	}
	if (lookup(sc, L_DATE_PRESENT, i, &n) != NULL) {
		dx->gran = G_DAY;
		dx->how = H_PRESENT;
		dx->end = i + n;
		return 1;
	}
	/* "the" before what a decade or "the week after next" starts
	 * with: the only place those two parsers are worth a try. */
	after_the = may_start(sc, i, LBIT(L_DATE_THE)) &&
	    (is_punct(sc, i + 1, '\'') || may_start(sc, i + 1,
	    LBIT(L_DATE_UNITS) | LBIT(L_DATE_DECADES) |
	    LBIT(L_DATE_WEEKENDS) | LBIT(L_NUMBER_TEENS) |
	    LBIT(L_NUMBER_TENS)));
	/* Each parser may leave fields behind when it fails: start clean. */
	if ((dx_reset(dx, i), parse_shift(sc, i, dx)) ||
	    (dx_reset(dx, i), parse_quarter(sc, i, dx)) ||
	    (dx_reset(dx, i), parse_season(sc, i, ctx, 0, dx)) ||
	    (dx_reset(dx, i), parse_month_first(sc, i, ctx, dx)) ||
	    (dx_reset(dx, i), parse_day_first(sc, i, dx)) ||
	    (after_the && (dx_reset(dx, i), parse_decade(sc, i, ctx, dx))) ||
	    (after_the && (dx_reset(dx, i), parse_after_next(sc, i, dx))) ||
	    (dx_reset(dx, i), parse_year(sc, i, ctx, inpart, dx)))
		return 1;
	/* "the weekend" after a preposition: the nearest one by tense. */
	dx_reset(dx, i);
	if (lookup1(sc, L_DATE_THE, i) != NULL && ctx != NULL &&
	    lookup1(sc, L_DATE_WEEKENDS, i + 1) != NULL) {
		dx->gran = G_WEEKEND;
		dx->how = H_YEARLESS;
		dx->end = i + 2;
		return 1;
	}
	return 0;
}

/* parse_date() past its first test. */
static int
date_phrase(const struct scan *sc, size_t i, struct dx *dx)
{
	const char	*ctx, *v;
	size_t		 j = i, n, k, h;
	struct dx	 sub;
	struct unit	 u;
	int		 of = 0, rest = 0, the;

	ctx = prep_before(sc, i);
	if (lookup1(sc, L_DATE_THE, j) != NULL)
		j++;
	if ((v = lookup(sc, L_DATE_PARTS, j, &n)) != NULL) {
		k = j + n;
		if (is_punct(sc, k, '-') && glued(sc, k) && glued(sc, k + 1))
			k++;
		else if (lookup1(sc, L_DATE_OF, k) != NULL) {
			k++;
			of = 1;
		}
		/* "the rest of the year": the period from the reference
		 * on.  Only with "of": "will rest next week" is no date. */
		if (strcmp(v, "REST") == 0) {
			if (!of)
				return parse_core(sc, i, ctx, 0, dx);
			v = "LATER";
			rest = 1;
		}
		if (parse_core(sc, k, "IN", 1, &sub) && sub.how != H_WEEKDAY &&
		    sub.how != H_DAYOFF && sub.how != H_PRESENT &&
		    !sub.invalid && (sub.gran != G_DAY || of)) {
			*dx = sub;
			dx->mod = v;
			dx->t0 = i;
			return 1;
		}
		/* "in early summer", "by mid-summer", "until late autumn":
		 * a season alone after a part, the phrase after a
		 * preposition, and after "in" only across an article ("the
		 * late fall in prices" is none). */
		if (ctx != NULL && (strcmp(ctx, "IN") == 0 || (j == i &&
		    (i == 0 || lookup1(sc, L_DATE_THE, i - 1) == NULL))) &&
		    (dx_reset(&sub, k), parse_season(sc, k, NULL, 1, &sub))) {
			*dx = sub;
			dx->mod = v;
			dx->t0 = i;
			return 1;
		}
		/*
		 * "the end of the year": the reference's own period; "the
		 * rest of week" (a headline's) without "the" too, where the
		 * phrase ends: "the end of year-end talks", "the rest of
		 * week two" are none.
		 */
		the = lookup1(sc, L_DATE_THE, k) != NULL;
		if (of && (the || rest) &&
		    unit_at(sc, k + the, &u, &n) && unit_gran(&u) != G_NONE &&
		    unit_gran(&u) != G_DAY && (the ||
		    (lookup(sc, L_DATE_UNITS_PLURAL, k, &h) == NULL &&
		    phrase_end_at(sc, k + n)))) {
			clear(dx, sizeof *dx);
			dx->wd = -1;
			dx->gran = unit_gran(&u);
			dx->how = H_SHIFT;
			dx->off = 0;
			dx->mod = v;
			dx->t0 = i;
			dx->end = k + the + n;
			return 1;
		}
	}
	return parse_core(sc, i, ctx, 0, dx);
}

/*
 * A date phrase: the core, or a part of one: "the end of March", "mid-
 * November", "early 2021", "late last year", "by the end of the year".
 * The first test is inline apart from the rest: it is asked at most
 * tokens of the text and nearly always says no.
 */
static inline int
parse_date(const struct scan *sc, size_t i, struct dx *dx)
{
	if (!may_start(sc, i, DATE_LISTS) && !(may_start(sc, i,
	    YEAR_WORD_LISTS) && year_words_after_in(sc, i)))
		return 0;
	return date_phrase(sc, i, dx);
}

/* --- resolution ------------------------------------------------------ */

struct period {
	int	gran;
	int	y, m, d, n;	/* n: week, quarter, half, season */
};

/* The last day of season n (1 spring .. 4 winter) of year y:
 * meteorological seasons, winter ending in the next year. */
static long
season_last_day(int y, int n)
{
	int	m0 = 3 * n;

	return days_ymd(y + (m0 + 2 > 12), (m0 + 2) % 12 + 1, 1) - 1;
}

/* Value, lo and hi of a concrete period. */
static void
period_fill(const struct period *p, struct cc_timex *x, long *lo, long *hi,
    int lean)
{
	struct sb	b;
	int		m0;

	sb_init(&b, x->value, sizeof x->value);
	if (lean)
		sb_discard(&b);		/* the value stays empty */
	switch (p->gran) {
	case G_DAY:
		/* "%04d-%02d-%02d" */
		sb_num(&b, p->y, 4);
		sb_add(&b, "-", 1);
		sb_num(&b, p->m, 2);
		sb_add(&b, "-", 1);
		sb_num(&b, p->d, 2);
		*lo = *hi = days_ymd(p->y, p->m, p->d);
		break;
	case G_WEEK:
		/* "%04d-W%02d" */
		sb_num(&b, p->y, 4);
		sb_add(&b, "-W", 2);
		sb_num(&b, p->n, 2);
		*lo = iso_week_monday(p->y, p->n);
		*hi = *lo + 6;
		break;
	case G_WEEKEND:
		/* "%04d-W%02d-WE" */
		sb_num(&b, p->y, 4);
		sb_add(&b, "-W", 2);
		sb_num(&b, p->n, 2);
		sb_add(&b, "-WE", 3);
		*lo = iso_week_monday(p->y, p->n) + 5;
		*hi = *lo + 1;
		break;
	case G_MONTH:
		/* "%04d-%02d" */
		sb_num(&b, p->y, 4);
		sb_add(&b, "-", 1);
		sb_num(&b, p->m, 2);
		*lo = days_ymd(p->y, p->m, 1);
		*hi = days_ymd(p->y, p->m, month_days(p->y, p->m));
		break;
	case G_QUARTER:
	case G_HALF:
		/* "%04d-Q%d", "%04d-H%d" */
		sb_num(&b, p->y, 4);
		sb_add(&b, p->gran == G_QUARTER ? "-Q" : "-H", 2);
		sb_num(&b, p->n, 1);
		m0 = p->gran == G_QUARTER ? 3 * p->n - 2 : 6 * p->n - 5;
		*lo = days_ymd(p->y, m0, 1);
		m0 += p->gran == G_QUARTER ? 2 : 5;
		*hi = days_ymd(p->y, m0, month_days(p->y, m0));
		break;
	case G_SEASON:
		/* Meteorological seasons; winter runs into the next year.
		 * "%04d-%s" */
		sb_num(&b, p->y, 4);
		sb_add(&b, "-", 1);
		sb_str(&b, SEASONS[p->n - 1]);
		*lo = days_ymd(p->y, 3 * p->n, 1);
		*hi = season_last_day(p->y, p->n);
		break;
	case G_YEAR:
		sb_num(&b, p->y, 4);
		*lo = days_ymd(p->y, 1, 1);
		*hi = days_ymd(p->y, 12, 31);
		break;
	case G_DECADE:
		sb_num(&b, p->y / 10, 3);
		*lo = days_ymd(p->y / 10 * 10, 1, 1);
		*hi = days_ymd(p->y / 10 * 10 + 9, 12, 31);
		break;
	}
	sb_init(&b, x->granularity, sizeof x->granularity);
	sb_str(&b, GRAN_NAME[p->gran]);
}

/* The value of an unresolved period (no reference date). */
static void
unresolved_value(const struct dx *dx, struct cc_timex *x)
{
	char	*v = x->value;
	size_t	 l = sizeof x->value;
	char	 y[8];

	if (dx->y)
		snprintf(y, sizeof y, "%04d", dx->y);
	else
		snprintf(y, sizeof y, "XXXX");
	switch (dx->how) {
	case H_WEEKDAY:
		snprintf(v, l, "XXXX-WXX-%d", dx->wd == 0 ? 7 : dx->wd);
		break;
	case H_DAYOFF:
	case H_MONTHOFF:
		snprintf(v, l, "XXXX-XX-XX");
		break;
	case H_PRESENT:
		snprintf(v, l, "PRESENT_REF");
		break;
	default:
		switch (dx->gran) {
		case G_DAY:
			snprintf(v, l, "%s-%02d-%02d", y, dx->m, dx->d);
			break;
		case G_WEEK:
			snprintf(v, l, "XXXX-WXX");
			break;
		case G_WEEKEND:
			snprintf(v, l, "XXXX-WXX-WE");
			break;
		case G_MONTH:
			if (dx->how == H_SHIFT)
				snprintf(v, l, "XXXX-XX");
			else
				snprintf(v, l, "%s-%02d", y, dx->m);
			break;
		case G_QUARTER:
		case G_HALF:
			snprintf(v, l, "%s-%c%d", y,
			    dx->gran == G_QUARTER ? 'Q' : 'H', dx->n);
			break;
		case G_SEASON:
			snprintf(v, l, "%s-%s", y, SEASONS[dx->n - 1]);
			break;
		case G_DECADE:
			if (dx->how == H_YEARLESS)
				snprintf(v, l, "XX%d", dx->n / 10);
			else
				snprintf(v, l, "XXX");
			break;
		default:
			snprintf(v, l, "%s", y);
		}
	}
	snprintf(x->granularity, sizeof x->granularity, "%s",
	    GRAN_NAME[dx->gran]);
}

/* Start month of a period index for year-less comparison. */
static int
period_start_month(int gran, int m, int n)
{
	switch (gran) {
	case G_QUARTER:
		return 3 * n - 2;
	case G_HALF:
		return 6 * n - 5;
	case G_SEASON:
		return 3 * n;
	}
	return m;
}

/*
 * The year of a year-less period: the latest on or before the reference
 * (past) or the earliest on or after it (future).  Compared by start
 * month (and day), which is what "on or before" means for a period that
 * has begun.
 */
static int
yearless_year(const struct scan *sc, const struct dx *dx, int fut)
{
	int	y = sc->ref->y, sm, k;
	int	rm = sc->ref->m, rd = sc->ref->d;

	sm = period_start_month(dx->gran, dx->m, dx->n);
	if (dx->gran == G_DAY) {
		if (!fut && (dx->m > rm || (dx->m == rm && dx->d > rd)))
			y--;
		if (fut && (dx->m < rm || (dx->m == rm && dx->d < rd)))
			y++;
		/* February 29 lives in leap years only. */
		for (k = 0; k < 8 && dx->d > month_days(y, dx->m); k++)
			y += fut ? 1 : -1;
		return y;
	}
	if (!fut && sm > rm)
		y--;
	if (fut) {
		/* A period still running counts as the future one. */
		int em = sm + (dx->gran == G_QUARTER || dx->gran ==
		    G_SEASON ? 2 : dx->gran == G_HALF ? 5 : 0);

		if (em < rm)
			y++;
	}
	return y;
}

/* Fill x->value, lo, hi, granularity from dx; fut chooses the future
 * reading where the text leaves it open. */
static void
resolve(const struct scan *sc, const struct dx *dx, int fut,
    struct cc_timex *x)
{
	struct period	 p;
	long		 lo = 0, hi = 0, day, mon;
	int		 rwd;

	clear(&p, sizeof p);
	p.gran = dx->gran;
	if (sc->ref == NULL && dx->how != H_ABS && !(dx->how == H_YEARLESS &&
	    dx->y != 0 && !dx->yshift)) {
		unresolved_value(dx, x);
		if (dx->how == H_PRESENT)
			snprintf(x->granularity, sizeof x->granularity,
			    "day");
		x->relative = 1;
		return;
	}
	switch (dx->how) {
	case H_ABS:
		p.y = dx->y;
		p.m = dx->m;
		p.d = dx->d;
		p.n = dx->n;
		break;
	case H_YEARLESS:
		if (dx->yshift) {
			p.y = sc->ref->y + (int)dx->off;
			p.m = dx->m;
			p.d = dx->d;
			p.n = dx->n;
			break;
		}
		if (dx->gran == G_DECADE) {
			/* "the '90s": the latest such decade begun by the
			 * reference, whatever the tense ("planned in the
			 * '60s" is no plan for the 2060s).  Without one,
			 * by the year the phrase lent it ("from the '80s
			 * to the 1990s"), which is why this is reached. */
			int ry = sc->ref != NULL ? sc->ref->y : dx->y;

			p.y = ry - (ry % 100 - dx->n + 100) % 100;
			break;
		}
		if (dx->gran == G_WEEKEND) {
			/* The latest weekend begun by the reference, or the
			 * first one not yet over. */
			day = sc->rdays - (iso_wd(sc->rdays) - 1) + 5;
			if (!fut && day > sc->rdays)
				day -= 7;
			iso_week(day, &p.y, &p.n);
			break;
		}
		p.y = dx->y ? dx->y : yearless_year(sc, dx, fut);
		p.m = dx->m;
		p.d = dx->d;
		p.n = dx->n;
		if (dx->gran == G_DAY && p.d > month_days(p.y, p.m))
			p.d = month_days(p.y, p.m);
		break;
	case H_PRESENT:
		snprintf(x->value, sizeof x->value, "PRESENT_REF");
		snprintf(x->granularity, sizeof x->granularity, "day");
		cc_date_from_days(sc->rdays, &x->lo);
		x->hi = x->lo;
		return;
	case H_MONTHOFF:
		mon = (long)sc->ref->y * 12 + sc->ref->m - 1 + dx->off;
		p.y = (int)(mon / 12);
		p.m = (int)(mon % 12) + 1;
		p.d = sc->ref->d;
		if (p.y >= 1 && p.d > month_days(p.y, p.m))
			p.d = month_days(p.y, p.m);
		break;
	case H_WEEKDAY:
	case H_DAYOFF:
		rwd = weekday_of(sc->rdays);
		day = sc->rdays;
		if (dx->how == H_DAYOFF)
			day += dx->off;
		else if (dx->wdshift == 2 && !fut)
			day -= (rwd - dx->wd + 7) % 7;
		else if (dx->wdshift == 2)
			day += (dx->wd - rwd + 7) % 7 ? (dx->wd - rwd + 7) % 7 :
			    7;
		else if (dx->wdshift < 0 && !dx->inweek)
			day -= (rwd - dx->wd + 7) % 7 ? (rwd - dx->wd + 7) % 7 :
			    7;
		else
			day += -(iso_wd(day) - 1) + 7 * dx->wdshift +
			    (dx->wd + 6) % 7;
		{
			struct cc_date t;

			cc_date_from_days(day, &t);
			p.y = t.y;
			p.m = t.m;
			p.d = t.d;
		}
		break;
	case H_SHIFT:
		switch (dx->gran) {
		case G_WEEK:
			iso_week(sc->rdays + 7 * dx->off, &p.y, &p.n);
			break;
		case G_MONTH:
			if (dx->m != 0) {
				p.m = dx->m;
				p.y = sc->ref->y;
				if (dx->off < 0 && dx->m >= sc->ref->m)
					p.y--;
				else if (dx->off > 0 && dx->m <= sc->ref->m)
					p.y++;
				break;
			}
			mon = (long)sc->ref->y * 12 + sc->ref->m - 1 + dx->off;
			p.y = (int)(mon / 12);
			p.m = (int)(mon % 12) + 1;
			break;
		case G_WEEKEND:
			iso_week(sc->rdays + 7 * dx->off, &p.y, &p.n);
			break;
		case G_QUARTER:
		case G_HALF:
			mon = dx->gran == G_QUARTER ? 4 : 2;
			mon = (long)sc->ref->y * mon + (sc->ref->m - 1) /
			    (12 / mon) + dx->off;
			p.y = (int)(mon / (dx->gran == G_QUARTER ? 4 : 2));
			p.n = (int)(mon % (dx->gran == G_QUARTER ? 4 : 2)) + 1;
			break;
		case G_SEASON:
			/* "this summer": the latest begun by the reference,
			 * or once that is over the next one if the sentence
			 * reads as future or the reference is in the season
			 * just before it ("this winter" in October); "last
			 * summer": the latest over before it; "next summer":
			 * the first not begun. */
			p.n = dx->n;
			p.y = sc->ref->y;
			mon = days_ymd(p.y, 3 * dx->n, 1);
			if (dx->off < 0) {
				if (mon + 91 > sc->rdays)
					p.y--;
			} else if (dx->off == 0) {
				/* The reference's season, 1 spring (March to
				 * May) .. 4 winter (December to February). */
				int rs = sc->ref->m % 12 / 3;

				if (mon > sc->rdays)
					p.y--;
				if (season_last_day(p.y, dx->n) < sc->rdays &&
				    (fut || (rs ? rs : 4) % 4 + 1 == dx->n))
					p.y++;
			} else if (mon <= sc->rdays)
				p.y++;
			break;
		case G_YEAR:
			p.y = sc->ref->y + (int)dx->off;
			break;
		case G_DECADE:
			p.y = (sc->ref->y / 10 + (int)dx->off) * 10;
			break;
		}
		break;
	}
	if (p.y < 1 || p.y > YEAR_MAX) {
		unresolved_value(dx, x);
		return;
	}
	period_fill(&p, x, &lo, &hi, sc->lean);
	/* Parts of the period. */
	if (dx->mod != NULL && hi > lo) {
		long len = hi - lo + 1;

		if (strcmp(dx->mod, "START") == 0)
			hi = lo + len / 3 - 1;
		else if (strcmp(dx->mod, "MID") == 0) {
			hi = lo + 2 * len / 3 - 1;
			lo = lo + len / 3;
		} else if (strcmp(dx->mod, "END") == 0)
			lo = lo + 2 * len / 3;
		else if (strcmp(dx->mod, "EARLIER") == 0 && hi > sc->rdays &&
		    sc->ref != NULL)
			hi = sc->rdays > lo ? sc->rdays : lo;
		else if (strcmp(dx->mod, "LATER") == 0 && lo < sc->rdays &&
		    sc->ref != NULL)
			lo = sc->rdays < hi ? sc->rdays : hi;
	}
	cc_date_from_days(lo, &x->lo);
	cc_date_from_days(hi, &x->hi);
}

/* --- emitting -------------------------------------------------------- */

static void
span(const struct scan *sc, size_t t0, size_t t1, struct cc_timex *x)
{
	x->start = sc->t[t0].s;
	x->end = sc->t[t1 - 1].e;
}

/* The full name of weekday wd from the vocabulary, for messages. */
static const char *
weekday_name(const struct scan *sc, int wd, size_t *len)
{
	const struct cc_vocab_list	*l = list_get(sc, L_WEEKDAYS);
	const char			*best = NULL;
	size_t				 i;

	for (i = 0; l != NULL && i < l->n; i++)
		if (l->v[i].value != NULL && atoi(l->v[i].value) == wd &&
		    (best == NULL || strlen(l->v[i].word) > strlen(best)))
			best = l->v[i].word;
	*len = best ? strlen(best) : 1;
	return best ? best : "?";
}

static const char *
mod_of(const char *m)
{
	static const char *const keep[] = { "START", "MID", "END", "APPROX",
	    "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS",
	    NULL };
	int	i;

	for (i = 0; m != NULL && keep[i] != NULL; i++)
		if (strcmp(m, keep[i]) == 0)
			return keep[i];
	return NULL;
}

/*
 * The basis of a date read against the reference: "unresolved" without
 * one, else "relative to REF", and with the future tense ', future
 * ("CUE")' naming the word that made it so (a word: no NUL in it).
 */
static void
basis_relative(const struct scan *sc, int fut, size_t cue, struct sb *b)
{
	char	refs[16];

	if (sc->ref == NULL) {
		sb_str(b, "unresolved");
		return;
	}
	cc_date_iso(sc->ref, refs, sizeof refs);
	sb_str(b, "relative to ");
	sb_str(b, refs);
	if (fut) {
		sb_str(b, ", future (\"");
		sb_add(b, sc->s + sc->t[cue].s, sc->t[cue].e - sc->t[cue].s);
		sb_str(b, "\")");
	}
}

/* Turn a parsed date into a result: tense, resolution, basis. */
static void
emit_date(const struct scan *sc, const struct dx *dx, int forcepast,
    struct cc_timex *x)
{
	size_t		 cue = 0, wl;
	int		 fut = 0, open;
	const char	*wn;
	char		 iso[16];
	struct sb	 b;

	clear(x, sizeof *x);
	x->kind = CC_TIMEX_DATE;
	span(sc, dx->t0, dx->end, x);
	x->mod = mod_of(dx->mod);
	open = dx->how == H_YEARLESS ? dx->y == 0 && !dx->yshift &&
	    dx->gran != G_DECADE :
	    (dx->how == H_WEEKDAY && dx->wdshift == 2) ||
	    (dx->how == H_SHIFT && dx->gran == G_SEASON && dx->off == 0);
	if (open && !forcepast && sc->ref != NULL)
		fut = future_tense(sc, dx->t0, dx->end, &cue);
	resolve(sc, dx, fut, x);
	x->future = fut;
	x->relative = dx->how != H_ABS && !(dx->how == H_YEARLESS && dx->y);
	/* A weekday beside a date must agree with it: say so, pick none. */
	if (dx->wd >= 0 && dx->how != H_WEEKDAY && x->lo.y != 0 &&
	    cc_date_weekday(&x->lo) != dx->wd)
		x->weekday_mismatch = 1;
	if (sc->lean)
		return;		/* (basis empty) */
	sb_init(&b, x->basis, sizeof x->basis);
	if (!x->relative)
		sb_str(&b, "absolute");
	else
		basis_relative(sc, fut, cue, &b);
	if (dx->usorder)
		sb_str(&b, "; read as month/day");
	if (x->weekday_mismatch) {
		size_t bl = strlen(x->basis);

		cc_date_iso(&x->lo, iso, sizeof iso);
		wn = weekday_name(sc, cc_date_weekday(&x->lo), &wl);
		snprintf(x->basis + bl, sizeof x->basis - bl,
		    "; weekday mismatch: '%.*s' but %s is %.*s",
		    (int)(sc->t[dx->wd0].e - sc->t[dx->wd0].s),
		    sc->s + sc->t[dx->wd0].s, iso, (int)wl, wn);
	}
}

/* "since X": the time from X to the reference. */
static void
emit_since(const struct scan *sc, size_t t0, const struct cc_timex *d,
    struct cc_timex *x)
{
	char		refs[16];
	int		months;
	struct sb	b;

	clear(x, sizeof *x);
	x->kind = CC_TIMEX_DURATION;
	x->start = sc->t[t0].s;
	x->end = d->end;
	x->relative = 1;
	sb_init(&b, x->granularity, sizeof x->granularity);
	sb_str(&b, d->granularity);
	if (sc->ref == NULL || d->lo.y == 0) {
		snprintf(x->value, sizeof x->value, "PXD");
		snprintf(x->basis, sizeof x->basis, "unresolved");
		x->days_max = -1;
		return;
	}
	x->lo = d->lo;
	cc_date_from_days(sc->rdays, &x->hi);
	x->days_max = (double)(sc->rdays - cc_date_days(&d->lo));
	x->days_min = (double)(sc->rdays - cc_date_days(&d->hi));
	if (x->days_min < 0)
		x->days_min = 0;
	if (x->days_max < 0)
		x->days_max = 0;
	/* The value counts in the date's own granularity: "since 2014" is
	 * P8Y, "since September" P1M, "since February 24" P248D. */
	months = (sc->ref->y - d->lo.y) * 12 + sc->ref->m - d->lo.m;
	sb_init(&b, x->value, sizeof x->value);
	sb_str(&b, "P");
	if (strcmp(d->granularity, "year") == 0 || strcmp(d->granularity,
	    "decade") == 0) {
		sb_num(&b, months / 12, 0);
		sb_str(&b, "Y");
	} else if (strcmp(d->granularity, "day") == 0 ||
	    strcmp(d->granularity, "week") == 0) {
		/* A whole number of days: "%.0f" of it. */
		sb_num(&b, (long)x->days_max, 0);
		sb_str(&b, "D");
	} else {
		sb_num(&b, months, 0);
		sb_str(&b, "M");
	}
	cc_date_iso(sc->ref, refs, sizeof refs);
	sb_init(&b, x->basis, sizeof x->basis);
	sb_str(&b, "since ");
	sb_str(&b, d->value);
	sb_str(&b, ", to ");
	sb_str(&b, refs);
}

/* --- top-level parsers ----------------------------------------------- */

/*
 * Does a day range joined by a word without "from" end at token k: the
 * end of the text, a comma, a stop, a semicolon, a closing parenthesis,
 * a year or a preposition ("November 19 to 20 in Paris"), but not "cut
 * on November 19 to 20 percent"?
 */
static int
range_end_at(const struct scan *sc, size_t k)
{
	size_t	n;
	int	y;

	return k >= sc->nt || is_punct(sc, k, ',') || is_punct(sc, k, '.') ||
	    is_punct(sc, k, ';') || is_punct(sc, k, ')') ||
	    year_at(sc, k, &y) || lookup(sc, L_DATE_PREPS, k, &n) != NULL;
}

/*
 * The range from xa to xb as one mention over tokens [t0, ...) ending
 * where xb does: value "A/B", the first day of xa to the last of xb.
 * Returns 0 when the end comes before the start.
 */
static int
range_join(const struct scan *sc, size_t t0, const struct cc_timex *xa,
    const struct cc_timex *xb, struct cc_timex *x)
{
	clear(x, sizeof *x);
	x->kind = CC_TIMEX_DATE;
	x->start = sc->t[t0].s;
	x->end = xb->end;
	x->relative = xa->relative || xb->relative;
	x->future = xb->future;
	snprintf(x->value, sizeof x->value, "%.15s/%.15s", xa->value,
	    xb->value);
	snprintf(x->granularity, sizeof x->granularity, "%s",
	    xa->granularity);
	snprintf(x->basis, sizeof x->basis, "%s", xb->basis);
	x->lo = xa->lo;
	x->hi = xb->hi;
	return xa->lo.y == 0 || xb->hi.y == 0 ||
	    cc_date_days(&xb->hi) >= cc_date_days(&xa->lo);
}

/* Years apart at most in a range of years: "1939-45", "1914-2014". */
#define YEAR_SPAN	100

/*
 * Two years at i joined as a range: "2014-2018", "2014-18" (the end in
 * the start's century: "1939-45", "the 2018-19 season", or the next's
 * within a decade: "1999-00"), with words set also "2014 through 2018"
 * (a join of role TO, the range ending the clause: range_end_at).  The
 * end comes after the start, at most YEAR_SPAN years on; two round
 * hundreds ("1500-2000 protesters") are a count.  "2016-11" ends before
 * it starts: no range, and no month either (news writes "November
 * 2016").  Sets *y1, *y2 and *end past the range.
 */
static int
year_pair_at(const struct scan *sc, size_t i, int words, int *y1, int *y2,
    size_t *end)
{
	const struct tok	*t = sc->t;
	const char		*v;
	size_t			 n;

	if (i + 2 >= sc->nt || t[i].type != T_NUM || t[i].grouped ||
	    t[i].ndig != 4 || t[i].val < 1000)
		return 0;
	/* Glued to what comes before: "1-2014-2018", "$2014-2018". */
	if (i > 0 && glued(sc, i) && !is_punct(sc, i - 1, '(') &&
	    !is_punct(sc, i - 1, '"'))
		return 0;
	*y1 = (int)t[i].val;
	if (is_dash(sc, i + 1) && glued(sc, i + 1) && glued(sc, i + 2) &&
	    t[i + 2].type == T_NUM && !t[i + 2].grouped &&
	    (t[i + 2].ndig == 2 || t[i + 2].ndig == 4)) {
		*y2 = (int)t[i + 2].val;
		if (t[i + 2].ndig == 2) {
			*y2 += *y1 - *y1 % 100;
			if (*y2 <= *y1 && (*y2 += 100) - *y1 > 10)
				return 0;
		}
		*end = i + 3;
		/* Part of a longer run: "2014-2018-2022", "2014-18/19",
		 * "2014-2018%". */
		if (glued(sc, *end) && (t[*end].type == T_NUM ||
		    is_dash(sc, *end) || is_punct(sc, *end, '/') ||
		    is_punct(sc, *end, '%')))
			return 0;
	} else if (words && year_at(sc, i, y1) &&
	    (v = lookup(sc, L_DATE_RANGE_JOINS, i + 1, &n)) != NULL &&
	    strcmp(v, "TO") == 0 && year_at(sc, i + 1 + n, y2) &&
	    range_end_at(sc, i + 2 + n))
		*end = i + 2 + n;
	else
		return 0;
	return *y2 > *y1 && *y2 - *y1 <= YEAR_SPAN &&
	    !(*y1 % 100 == 0 && *y2 % 100 == 0);
}

/* The range of years y1 to y2 over tokens [t0, end) (year_pair_at). */
static void
year_range(const struct scan *sc, size_t t0, int y1, int y2, size_t end,
    struct cc_timex *x)
{
	struct dx	a, b;
	struct cc_timex	xa, xb;

	dx_reset(&a, t0);
	dx_reset(&b, end - 1);
	a.gran = b.gran = G_YEAR;
	a.how = b.how = H_ABS;
	a.y = y1;
	b.y = y2;
	a.end = b.end = end;
	emit_date(sc, &a, 0, &xa);
	emit_date(sc, &b, 0, &xb);
	(void)range_join(sc, t0, &xa, &xb, x);
}

/*
 * A range of years after a preposition: "in 2014-2018", "during the
 * 2018-19 season", "in 2014 through 2018".  As for a bare year
 * (parse_year), the preposition makes it a date: "the 2022-23 budget"
 * says what the budget is for, not when anything happened, and would
 * date the sentence's claims.  Returns the token after it, or 0.
 */
static size_t
parse_year_range(const struct scan *sc, size_t i, struct cc_timex *x)
{
	const char	*ctx = prep_before(sc, i);
	size_t		 end;
	int		 y1, y2;

	if (ctx == NULL || strcmp(ctx, "ON") == 0 || strcmp(ctx, "AT") == 0 ||
	    strcmp(ctx, "FOR") == 0 || !year_pair_at(sc, i, 1, &y1, &y2, &end))
		return 0;
	year_range(sc, i, y1, y2, end, x);
	return end;
}

/*
 * The start a of a range ending at xb, resolved: a year-less start is
 * the latest such period on or before the end ("from December to
 * January" in an article of February: December of the year before),
 * not the one the tense would pick alone.
 */
static void
range_start(const struct scan *sc, const struct dx *a,
    const struct cc_timex *xb, struct cc_timex *xa)
{
	struct dx	 t;
	struct cc_date	 r = xb->hi;
	int		 k;

	if (a->how != H_YEARLESS || a->y != 0 || xb->lo.y == 0) {
		emit_date(sc, a, 0, xa);
		return;
	}
	t = *a;
	for (k = 0; k < 2; k++) {
		t.y = r.y - k;
		t.how = H_YEARLESS;
		emit_date(sc, &t, 1, xa);
		xa->relative = 1;
		if (xa->lo.y != 0 && cc_date_days(&xa->lo) <=
		    cc_date_days(&xb->lo))
			break;
	}
	snprintf(xa->basis, sizeof xa->basis, "%s", xb->basis);
}

/* "between December and January", "from 2014 to 2016", "between
 * 2014-2018", and from or to the present: "between now and November
 * 15", "between January 22 and now" (one end only: "from now on", "now
 * and then" are none). */
static int
parse_range(const struct scan *sc, size_t i, struct cc_timex *x)
{
	const char	*v;
	size_t		 n, j;
	struct dx	 a, b;
	struct cc_timex	 xa, xb;
	int		 y1, y2;

	if ((v = lookup(sc, L_DATE_PREPS, i, &n)) == NULL ||
	    (strcmp(v, "BETWEEN") != 0 && strcmp(v, "FROM") != 0))
		return 0;
	if (year_pair_at(sc, i + n, 0, &y1, &y2, &j)) {
		year_range(sc, i, y1, y2, j, x);
		return (int)j;
	}
	if (!parse_date(sc, i + n, &a) || a.invalid)
		return 0;
	j = a.end;
	if ((v = lookup(sc, L_DATE_RANGE_JOINS, j, &n)) == NULL &&
	    !(is_punct(sc, j, '-')))
		return 0;
	if (v == NULL)
		n = 1;
	if (!parse_core(sc, j + n, "IN", 1, &b) || b.invalid ||
	    (b.how == H_PRESENT && a.how == H_PRESENT) || b.gran == G_NONE)
		return 0;
	/* "from January 5 to 10"? not handled: both ends must be dates. */
	emit_date(sc, &b, 0, &xb);
	range_start(sc, &a, &xb, &xa);
	if (!range_join(sc, i, &xa, &xb, x))
		return 0;
	/* "between now and 2030" hangs on the reference, not on 2030. */
	if (a.how == H_PRESENT)
		snprintf(x->basis, sizeof x->basis, "%s", xa.basis);
	return (int)(b.end);
}

/*
 * Is count c at token j, before unit u that ends before token k, a
 * fraction and no length: "three-quarters of the city", "a quarter of
 * the vote", "three quarters of voters", "nearly three-quarters"?  A
 * quarter counted by a word and hyphenated to it, or counted one or
 * three and followed by "of" ("two quarters of growth", "2 quarters of
 * decline" stay lengths).
 */
static int
fraction_at(const struct scan *sc, size_t j, const struct count *c,
    const struct unit *u, size_t k)
{
	if (unit_gran(u) != G_QUARTER || c->vague || sc->t[j].type == T_NUM)
		return 0;
	if (is_punct(sc, c->end, '-') && glued(sc, c->end))
		return 1;
	return lookup1(sc, L_DATE_OF, k) != NULL && (c->min == 1 ||
	    c->min == 3);
}

/*
 * A duration: "[mod] COUNT UNIT [and a half] [-old|-long]", "[the]
 * past|next [COUNT] UNIT", "for months", and "COUNT UNIT ago" (a date).
 * Returns the token after it, or 0.
 */
static size_t
parse_duration(const struct scan *sc, size_t i, struct cc_timex *x)
{
	const char	*v, *mod = NULL, *sfx = NULL;
	size_t		 j = i, n, h, k;
	struct count	 c;
	struct unit	 u;
	int		 dir = 0, the = 0, hascount;
	char		 refs[16];
	struct sb	 b;

	/* x is left as it was where no duration can start (most tokens):
	 * scan_at() reads it only when this returns more than 0, and the
	 * parsers it tries after this one write their x whole. */
	if (!may_start(sc, i, DURATION_LISTS))
		return 0;
	clear(x, sizeof *x);
	if ((v = lookup(sc, L_DATE_MODS, j, &n)) != NULL) {
		mod = v;
		j += n;
	}
	k = j;
	if (mod == NULL) {
		if (lookup1(sc, L_DATE_THE, k) != NULL) {
			k++;
			the = 1;
		}
		if ((v = lookup(sc, L_DURATION_SPANS, k, &n)) != NULL) {
			dir = atoi(v);
			j = k + n;
		} else
			the = 0;
	}
	hascount = count_at(sc, j, &c);
	if (hascount) {
		k = c.end;
		/* "eight-month", but "a full-year forecast" is no length. */
		if (!c.article && is_punct(sc, k, '-') && glued(sc, k) &&
		    glued(sc, k + 1))
			k++;
	} else {
		if (mod != NULL)
			return 0;
		k = j;
	}
	if (!unit_at(sc, k, &u, &n) && !(hascount &&
	    counted_unit_at(sc, k, &c, &u, &n)))
		return 0;
	k += n;
	if (hascount && dir == 0 && fraction_at(sc, j, &c, &u, k))
		return 0;
	if (!hascount) {
		/*
		 * No count: "the past week" is one week; "the past months",
		 * "in recent years", "for months" and "decades-long" are
		 * vague (two or more, no upper bound).
		 */
		const char	*p = prep_before(sc, j);
		int		 plural, suffixed;

		plural = lookup(sc, L_DATE_UNITS_PLURAL, k - n, &h) != NULL;
		suffixed = is_punct(sc, k, '-') && glued(sc, k) &&
		    lookup1(sc, L_DURATION_SUFFIXES, k + 1) != NULL;

		/* "...-month-old" after a word that is no count we know. */
		if (j > 0 && is_punct(sc, j - 1, '-') && glued(sc, j))
			return 0;
		c.end = j;
		c.min = c.max = 1;
		if (plural && (dir != 0 || suffixed ||
		    (p != NULL && strcmp(p, "FOR") == 0))) {
			c.vague = 1;
			c.min = 2;
			c.max = -1;
		} else if (plural || !((dir < 0 && the) || suffixed))
			return 0;
	} else if (c.article) {
		/* "a decades-long war": the count is not the article's. */
		if (lookup(sc, L_DATE_UNITS_PLURAL, k - n, &h) != NULL)
			return 0;
		/* "twice a day", "$100 a month": a rate, not a length. */
		if (j > 0 && (sc->t[j - 1].type == T_NUM ||
		    lookup1(sc, L_DURATION_RATE_CUES, j - 1) != NULL))
			return 0;
	}
	/* "a year and a half" */
	if (hascount && !c.vague && (h = and_a_half(sc, k)) != 0) {
		c.min += 0.5;
		c.max += 0.5;
		k += h;
	}
	/* "-old", "-long", " old" */
	if (is_punct(sc, k, '-') && glued(sc, k) && glued(sc, k + 1) &&
	    (sfx = lookup1(sc, L_DURATION_SUFFIXES, k + 1)) != NULL)
		k += 2;
	else if ((sfx = lookup1(sc, L_DURATION_SUFFIXES, k)) != NULL &&
	    strcmp(sfx, "OLD") == 0)
		k += 1;
	else
		sfx = NULL;
	/* "three days ago": a date. */
	if (hascount && !c.vague && dir == 0 && lookup1(sc, L_DATE_AGO, k) !=
	    NULL && unit_gran(&u) != G_NONE && c.min == floor(c.min)) {
		struct dx	dx;

		clear(&dx, sizeof dx);
		dx.wd = -1;
		dx.t0 = i;
		dx.end = k + 1;
		/* The day that far back: "two weeks ago" is a day, not
		 * a week, so timelines can compare it. */
		dx.gran = G_DAY;
		if (u.letter == 'D' || u.letter == 'W') {
			dx.how = H_DAYOFF;
			dx.off = -(long)(c.min * u.n *
			    (u.letter == 'W' ? 7 : 1));
		} else {
			dx.how = H_MONTHOFF;
			dx.off = -(long)(c.min * u.n *
			    (u.letter == 'Y' ? 12 : 1));
		}
		dx.mod = mod;
		emit_date(sc, &dx, 1, x);
		return k + 1;
	}
	x->kind = CC_TIMEX_DURATION;
	span(sc, mod != NULL || dir != 0 ? i : j, k, x);
	if (dir != 0 && the)
		x->start = sc->t[i].s;
	x->mod = mod_of(mod);
	period_value(x->value, sizeof x->value, c.min, &u, c.vague);
	x->days_min = round_days(c.min * unit_days(&u));
	x->days_max = c.max < 0 ? -1 : round_days(c.max * unit_days(&u));
	sb_init(&b, x->granularity, sizeof x->granularity);
	sb_str(&b, u.time ? "hour" : unit_gran(&u) != G_NONE ?
	    GRAN_NAME[unit_gran(&u)] : u.letter == 'Y' ? "year" : "day");
	/* Anchored at the reference: "the past N months", "N-month-old". */
	if (sc->ref != NULL && (dir != 0 || (sfx != NULL &&
	    strcmp(sfx, "OLD") == 0))) {
		double far = x->days_max < 0 ? x->days_min : x->days_max;

		x->relative = 1;
		cc_date_iso(sc->ref, refs, sizeof refs);
		if (dir > 0) {
			cc_date_from_days(sc->rdays + 1, &x->lo);
			cc_date_from_days(sc->rdays + (long)far, &x->hi);
		} else {
			cc_date_from_days(sc->rdays - (long)far, &x->lo);
			cc_date_from_days(sc->rdays, &x->hi);
		}
		sb_init(&b, x->basis, sizeof x->basis);
		sb_str(&b, dir > 0 ? "from " : "up to ");
		sb_str(&b, refs);
	} else {
		sb_init(&b, x->basis, sizeof x->basis);
		sb_str(&b, "length");
	}
	return k;
}

/* --- news constructions read on their own ---------------------------- */

/*
 * These parsers read phrases the ones above leave in pieces: a range of
 * days inside one month, a weekday with an ordinal day, a day of the
 * month alone, an ordinal weekday or week of a month or year ("the
 * first Friday of July", "the last week of 2015"), spans counted from
 * the reference ("a few days ago", "two days before yesterday", "in
 * three weeks") and spans of several units ("two years and six
 * months").  scan_at() tries them after the others
 * and keeps the longest reading, so each wins only where it reads more
 * of the text than the older parsers do.
 */

/* The lists a count may start with (count_at()). */
#define COUNT_LISTS	(LBIT(L_DURATION_VAGUE) | LBIT(L_NUMBER_ONES) | \
	LBIT(L_NUMBER_TEENS) | LBIT(L_NUMBER_TENS) | LBIT(L_DATE_HALF) | \
	LBIT(L_DATE_ARTICLES))

/* The join of a day range at i: a dash (1), or a word of
 * date_range_joins (2): any after "from"/"between" (words 2), one of
 * role TO without them (words 1: "November 19 to 20"), none (words 0).
 * Sets *end past it; 0 when there is none. */
static int
range_join_at(const struct scan *sc, size_t i, int words, size_t *end)
{
	const char	*v;
	size_t		 n;

	if (is_dash(sc, i)) {
		*end = i + 1;
		return 1;
	}
	if (words && (v = lookup(sc, L_DATE_RANGE_JOINS, i, &n)) != NULL &&
	    (words == 2 || strcmp(v, "TO") == 0)) {
		*end = i + n;
		return 2;
	}
	return 0;
}

/* A day of a range: "4", "4th", "the 4th", "fourth"; *ord set when
 * written as an ordinal. */
static int
range_day_at(const struct scan *sc, size_t i, int *d, int *ordp,
    size_t *end)
{
	int	ord, the = 0;

	if (lookup1(sc, L_DATE_THE, i) != NULL) {
		i++;
		the = 1;
	}
	if (!day_at(sc, i, d, &ord, end) || (the && !ord))
		return 0;
	*ordp = ord;
	/* "4 billion", "3.5": not days. */
	if (sc->t[i].type == T_NUM && (sc->t[i].grouped ||
	    sc->t[i].val < 1))
		return 0;
	return *d >= 1 && *d <= 31;
}

/* Basis of a date resolved here from the reference, as emit_date()
 * words it. */
static void
relative_basis(const struct scan *sc, struct cc_timex *x, int fut,
    size_t cue)
{
	struct sb	b;

	x->relative = 1;
	x->future = fut;
	sb_init(&b, x->basis, sizeof x->basis);
	basis_relative(sc, fut, cue, &b);
}

/* Day d of a month the text does not name, with no reference date to
 * find it from: "XXXX-XX-DD" for the tokens [i, end).  Returns end. */
static size_t
unresolved_day(const struct scan *sc, size_t i, size_t end, int d,
    struct cc_timex *x)
{
	clear(x, sizeof *x);
	x->kind = CC_TIMEX_DATE;
	span(sc, i, end, x);
	snprintf(x->granularity, sizeof x->granularity, "day");
	snprintf(x->value, sizeof x->value, "XXXX-XX-%02d", d);
	relative_basis(sc, x, 0, 0);
	return end;
}

/*
 * "this month", "next month", "last month" at i: *off the months from
 * the reference's, *end past it.
 */
static int
month_shift_at(const struct scan *sc, size_t i, long *off, size_t *end)
{
	const char	*v;
	size_t		 n, m;
	struct unit	 u;

	if ((v = lookup(sc, L_DATE_SHIFTS, i, &n)) == NULL ||
	    !unit_at(sc, i + n, &u, &m) || unit_gran(&u) != G_MONTH ||
	    lookup(sc, L_DATE_UNITS_PLURAL, i + n, &m) != NULL)
		return 0;
	*off = atol(v);
	*end = i + n + m;
	/* "of this month's budget": the month's, no range of days. */
	return !(glued(sc, *end) && sc->s[sc->t[*end].s] == '\'');
}

/*
 * Days d1 to d2 of one month: "from 4 to 22 January, 1995", "between 3
 * and 12 September", "4-22 January", "from March 3 to 12", "November
 * 19-20", "November 19 to 20".  A join word needs "from" or "between"
 * before the first day ("3 and 12 September" may be two dates), but for
 * one meaning "to" after the month where the range ends the clause
 * (range_end_at); a dash needs neither.  The month may be the
 * reference's or one counted from it: "4 till 23 of this month", "from
 * the 4th to the 22nd next month"; there without "of" the days must be
 * ordinals ("rose from 4 to 22 this month" counts something), and
 * without a reference nothing is read.  The range
 * is one mention, its value START/END as for parse_range(); a year-less
 * month is resolved as the last day would be alone.  Returns the token
 * after it, or 0.
 */
static size_t
parse_day_range(const struct scan *sc, size_t i, struct cc_timex *x)
{
	const char	*v;
	size_t		 j = i, n, k;
	int		 prep = 0, d1, d2, m, abbr, y, join, o1, o2, of;
	long		 off = 0, mon;
	struct dx	 dx;
	struct cc_timex	 xb;
	struct cc_date	 a;
	char		 iso[24];

	/*
	 * Token types first, lookups after: this runs at most tokens of
	 * the text.  Without "from"/"between", "4-22" or "November 19"
	 * must be there.
	 */
	if (sc->t[i].type == T_NUM) {
		if (!is_dash(sc, i + 1) &&
		    !may_start(sc, i + 1, LBIT(L_DATE_RANGE_JOINS)))
			return 0;
	} else if ((v = lookup(sc, L_DATE_PREPS, j, &n)) != NULL &&
	    (strcmp(v, "BETWEEN") == 0 || strcmp(v, "FROM") == 0)) {
		prep = 1;
		j += n;
	} else if (!(i + 1 < sc->nt && sc->t[i + 1].type == T_NUM) &&
	    !(i + 2 < sc->nt && is_punct(sc, i + 1, '.') &&
	    sc->t[i + 2].type == T_NUM))
		return 0;
	if (j >= sc->nt)	/* "from" or "between" ends the text */
		return 0;
	if (sc->t[j].type != T_NUM && month_at(sc, j, &m, &k, &abbr)) {
		/* The month first, a word may join without "from":
		 * "November 19 to 20", where the range ends there. */
		if (!range_day_at(sc, k, &d1, &o1, &k) ||
		    !(join = range_join_at(sc, k, prep ? 2 : 1, &k)) ||
		    !range_day_at(sc, k, &d2, &o2, &k) ||
		    (join == 2 && !prep && !range_end_at(sc, k)))
			return 0;
		/* "March 30 to April 2" is parse_range()'s. */
		if (month_at(sc, k, &y, &n, &abbr) ||
		    lookup1(sc, L_DATE_OF, k) != NULL)
			return 0;
	} else {
		/* Without "from"/"between" only digits start it ("4-22
		 * October"): a word there would cost a lookup of every
		 * number list at every word of the text. */
		if ((!prep && sc->t[j].type != T_NUM) ||
		    !range_day_at(sc, j, &d1, &o1, &k) ||
		    !(join = range_join_at(sc, k, prep ? 2 : 1, &k)) ||
		    !range_day_at(sc, k, &d2, &o2, &k))
			return 0;
		if ((of = lookup1(sc, L_DATE_OF, k) != NULL))
			k++;
		if (month_at(sc, k, &m, &k, &abbr)) {
			/* "cut 3 to 5 January": a word joins a named month's
			 * days after "from" or "between" only. */
			if (join == 2 && !prep)
				return 0;
		} else if (sc->ref == NULL || !month_shift_at(sc, k, &off,
		    &k) || !(of || (o1 && o2)))
			return 0;
		else
			m = 0;		/* counted from the reference's */
	}
	if (d1 >= d2)
		return 0;
	dx_reset(&dx, i);
	dx.gran = G_DAY;
	dx.how = H_YEARLESS;
	dx.m = m;
	dx.d = d2;
	dx.end = k;
	if (m == 0) {
		mon = (long)sc->ref->y * 12 + sc->ref->m - 1 + off;
		dx.how = H_ABS;
		dx.y = (int)(mon / 12);
		dx.m = (int)(mon % 12) + 1;
	} else
		trailing_year(sc, &dx);
	check_day(&dx);
	if (dx.invalid)
		return 0;
	emit_date(sc, &dx, 0, &xb);
	if (m == 0)
		relative_basis(sc, &xb, 0, 0);
	*x = xb;
	x->start = sc->t[i].s;
	if (xb.lo.y != 0) {
		a = xb.lo;
		a.d = d1;
		x->lo = a;
		cc_date_iso(&a, iso, sizeof iso);
	} else
		snprintf(iso, sizeof iso, "%.8s%02d", xb.value, d1 % 100);
	snprintf(x->value, sizeof x->value, "%.10s/%.15s", iso, xb.value);
	return dx.end;
}

/*
 * The day d of the month nearest the reference in the tense's direction
 * (the latest on or before it, or the first on or after it), with
 * weekday wd when wd >= 0; months without a day d, or where it falls on
 * another weekday, are passed over.  0 when none within two years.
 */
static int
nearest_month_day(const struct scan *sc, int d, int wd, int fut,
    struct cc_date *out)
{
	long	mon, day;
	int	k, y, m;

	mon = (long)sc->ref->y * 12 + sc->ref->m - 1;
	for (k = 0; k < 24; k++, mon += fut ? 1 : -1) {
		y = (int)(mon / 12);
		m = (int)(mon % 12) + 1;
		if (y < 1 || y > YEAR_MAX || d > month_days(y, m))
			continue;
		day = days_ymd(y, m, d);
		if ((fut && day < sc->rdays) || (!fut && day > sc->rdays))
			continue;
		if (wd >= 0 && weekday_of(day) != wd)
			continue;
		cc_date_from_days(day, out);
		return 1;
	}
	return 0;
}

/*
 * A day of the month without its month: "Thursday the 21st", "Friday,
 * the 22nd", and "the 27th" alone after "on", "by", "until" or "for"
 * where the sentence or clause ends right after it ("arrived on the
 * 27th.", "talks set for the 21st.").  The
 * ordinal must be written with digits and a suffix when alone: "the
 * 21st century", "on the 2nd floor" and "on the second day" are no
 * dates.  A weekday picks the nearest month where the day falls on it.
 * Returns the token after it, or 0.
 */
static size_t
parse_month_day(const struct scan *sc, size_t i, struct cc_timex *x)
{
	const char	*v;
	size_t		 j = i, k, n, cue = 0;
	int		 wd = -1, d, ord, m, abbr, fut = 0;
	struct cc_date	 t;
	struct dx	 dx;
	char		 note[96];

	if ((v = lookup1(sc, L_WEEKDAYS, j)) != NULL) {
		wd = atoi(v);
		j++;
		if (is_punct(sc, j, ','))
			j++;
		if (lookup1(sc, L_DATE_THE, j) == NULL ||
		    !day_at(sc, j + 1, &d, &ord, &k) || !ord)
			return 0;
	} else {
		if (lookup1(sc, L_DATE_THE, j) == NULL || j == 0 ||
		    (v = lookup(sc, L_DATE_PREPS, j - 1, &n)) == NULL ||
		    n != 1 || (strcmp(v, "ON") != 0 && strcmp(v, "BY") != 0 &&
		    strcmp(v, "UNTIL") != 0 && strcmp(v, "FOR") != 0))
			return 0;
		if (j + 1 >= sc->nt || sc->t[j + 1].type != T_NUM ||
		    !day_at(sc, j + 1, &d, &ord, &k) || !ord ||
		    !phrase_end_at(sc, k))
			return 0;
	}
	/* "the 21st of May", "Friday the 13th of March": parse_date's. */
	if (lookup1(sc, L_DATE_OF, k) != NULL || month_at(sc, k, &m, &n,
	    &abbr))
		return 0;
	if (d < 1 || d > 31)
		return 0;
	if (sc->ref == NULL)
		return unresolved_day(sc, i, k, d, x);
	fut = future_tense(sc, i, k, &cue);
	if (!nearest_month_day(sc, d, wd, fut, &t) &&
	    (wd < 0 || !nearest_month_day(sc, d, -1, fut, &t)))
		return 0;
	/* Through emit_date() for the value and, when no month had the
	 * day on that weekday, the mismatch note. */
	dx_reset(&dx, i);
	dx.gran = G_DAY;
	dx.how = H_ABS;
	dx.y = t.y;
	dx.m = t.m;
	dx.d = t.d;
	dx.end = k;
	if (wd >= 0) {
		dx.wd = wd;
		dx.wd0 = i;
		dx.wd1 = i + 1;
	}
	emit_date(sc, &dx, 1, x);
	v = strchr(x->basis, ';');
	snprintf(note, sizeof note, "%s", v != NULL ? v : "");
	relative_basis(sc, x, fut, cue);
	n = strlen(x->basis);
	snprintf(x->basis + n, sizeof x->basis - n, "%s", note);
	return k;
}

/*
 * A day written with its month, or with its weekday, at i (the end of
 * a range: calendar_day_at()): "October 22", "01/22/2016", "Wed, 22 of
 * Jan", "Tuesday the 15th".  Not a bare weekday or a deictic day: "Oct.
 * 2 to Friday" is no range of days.  Sets x and *end past it.
 */
static int
calendar_day_at(const struct scan *sc, size_t i, struct cc_timex *x,
    size_t *end)
{
	struct dx	dx;

	if (parse_date(sc, i, &dx) && !dx.invalid && dx.gran == G_DAY &&
	    dx.mod == NULL && (dx.how == H_ABS || dx.how == H_YEARLESS)) {
		emit_date(sc, &dx, 0, x);
		*end = dx.end;
		return 1;
	}
	if (i < sc->nt && may_start(sc, i, LBIT(L_WEEKDAYS)) &&
	    sc->t[i].type == T_WORD &&
	    (*end = parse_month_day(sc, i, x)) > i)
		return 1;
	return 0;
}

/*
 * Two calendar days joined as one range, the first read at [i, e) as
 * xa (with da its parse when parse_date() read it, else NULL): "Oct. 2
 * to October 22", "January 12, 2016 - 01/22/2016", "1st Jan until Wed,
 * 22 of Jan", and after "from" or "between" (taken into the mention)
 * "from Friday the 11th until Tuesday the 15th", "from Monday, October
 * 3, to Friday, October 7".  A dash joins alone; a
 * word of role TO needs "from" or the range to end the clause
 * (range_end_at(): "moved Oct. 2 to October 22 votes" is none), "and"
 * needs "between".  Both ends must be days with their month or
 * weekday (calendar_day_at()).  Ranges that parse_range() reads, both
 * ends parse_date()'s after "from", never come here.  Returns the token
 * after the range, or 0.
 */
static size_t
day_pair_at(const struct scan *sc, size_t i, size_t e, const struct dx *da,
    const struct cc_timex *xa, struct cc_timex *x)
{
	const char	*v = NULL, *prep;
	size_t		 n, end;
	struct cc_timex	 xs, xb;

	if (e >= sc->nt)
		return 0;
	prep = i > 0 ? lookup1(sc, L_DATE_PREPS, i - 1) : NULL;
	if (prep != NULL && strcmp(prep, "FROM") != 0 &&
	    strcmp(prep, "BETWEEN") != 0)
		prep = NULL;
	/* "from Monday, October 3, to Friday, October 7": a comma after
	 * the first day, with "from" only (else a list of dates). */
	if (is_punct(sc, e, ',')) {
		if (prep == NULL)
			return 0;
		e++;
	}
	if (is_dash(sc, e))
		n = 1;
	else if ((v = lookup(sc, L_DATE_RANGE_JOINS, e, &n)) == NULL ||
	    strcmp(v, prep != NULL && strcmp(prep, "BETWEEN") == 0 ?
	    "AND" : "TO") != 0)
		return 0;
	if (!calendar_day_at(sc, e + n, &xb, &end) ||
	    (v != NULL && prep == NULL && !range_end_at(sc, end)))
		return 0;
	if (da != NULL)
		range_start(sc, da, &xb, &xs);
	else
		xs = *xa;
	return range_join(sc, prep != NULL ? i - 1 : i, &xs, &xb, x) ?
	    end : 0;
}

/*
 * "the 20th of next month", "the 1st of this month": a day of a month
 * counted from the reference's.  Returns the token after it, or 0.
 */
static size_t
parse_day_of_shift(const struct scan *sc, size_t i, struct cc_timex *x)
{
	const char	*v;
	size_t		 j = i, k, n, m;
	int		 d, ord;
	long		 mon;
	struct unit	 u;
	struct dx	 dx;

	if (sc->t[j].type != T_NUM) {
		if (lookup1(sc, L_DATE_THE, j) == NULL)
			return 0;
		j++;
		/* "of" within three tokens ("the twenty-first of") before
		 * the number lists are searched at every "the". */
		if (j < sc->nt && sc->t[j].type != T_NUM &&
		    lookup1(sc, L_DATE_OF, j + 1) == NULL &&
		    lookup1(sc, L_DATE_OF, j + 2) == NULL &&
		    lookup1(sc, L_DATE_OF, j + 3) == NULL)
			return 0;
	}
	if (!day_at(sc, j, &d, &ord, &k) || !ord ||
	    lookup1(sc, L_DATE_OF, k) == NULL ||
	    (v = lookup(sc, L_DATE_SHIFTS, k + 1, &n)) == NULL ||
	    !unit_at(sc, k + 1 + n, &u, &m) || unit_gran(&u) != G_MONTH)
		return 0;
	k += 1 + n + m;
	if (d < 1 || d > 31)
		return 0;
	if (sc->ref == NULL)
		return unresolved_day(sc, i, k, d, x);
	mon = (long)sc->ref->y * 12 + sc->ref->m - 1 + atol(v);
	dx_reset(&dx, i);
	dx.gran = G_DAY;
	dx.how = H_ABS;
	dx.y = (int)(mon / 12);
	dx.m = (int)(mon % 12) + 1;
	dx.d = d;
	dx.end = k;
	/* "the 31st of next month" in a month of 30 days: no date. */
	if (dx.y < 1 || d > month_days(dx.y, dx.m))
		return 0;
	emit_date(sc, &dx, 1, x);
	relative_basis(sc, x, 0, 0);
	return k;
}

/*
 * A week named by a day: "the week of March 4", "the week of the 18th"
 * (the Monday-to-Sunday week the day falls in), "the week starting
 * February 4", "the week beginning on Monday, March 4" (the seven days
 * from that day; an ISO week when it is a Monday, else the value
 * "DAY/DAY").  The day is read as it would be alone, by the tense and
 * the reference; "the 18th" is the nearest month's, as for "on the
 * 18th".  Without a reference the value is the day's.  Returns the
 * token after it, or 0.
 */
static size_t
parse_week_of(const struct scan *sc, size_t i, struct cc_timex *x)
{
	const char	*v;
	size_t		 j = i + 1, n, end, cue = 0;
	struct unit	 u;
	struct dx	 dx;
	struct cc_timex	 xd;
	struct period	 p;
	long		 lo, hi;
	int		 from = 0, d, ord, fut;
	char		 a[16], b[16];

	if (lookup1(sc, L_DATE_THE, i) == NULL || !unit_at(sc, j, &u, &n) ||
	    unit_gran(&u) != G_WEEK || lookup1(sc, L_DATE_UNITS_PLURAL, j))
		return 0;
	j += n;
	if (lookup1(sc, L_DATE_OF, j) != NULL)
		j++;
	else if (lookup(sc, L_DATE_WEEK_STARTS, j, &n) != NULL) {
		from = 1;
		j += n;
		if ((v = lookup(sc, L_DATE_PREPS, j, &n)) != NULL &&
		    strcmp(v, "ON") == 0)
			j += n;
	} else
		return 0;
	if (parse_core(sc, j, "ON", 0, &dx) && dx.gran == G_DAY &&
	    !dx.invalid && (dx.how == H_ABS || dx.how == H_YEARLESS)) {
		emit_date(sc, &dx, 0, &xd);
		end = dx.end;
	} else if (lookup1(sc, L_DATE_THE, j) != NULL &&
	    day_at(sc, j + 1, &d, &ord, &end) && ord && d >= 1 && d <= 31 &&
	    phrase_end_at(sc, end)) {
		if (sc->ref == NULL)
			return unresolved_day(sc, i, end, d, x);
		clear(&xd, sizeof xd);
		fut = future_tense(sc, i, end, &cue);
		if (!nearest_month_day(sc, d, -1, fut, &xd.lo))
			return 0;
		relative_basis(sc, &xd, fut, cue);
	} else
		return 0;
	if (xd.lo.y == 0) {
		*x = xd;
		span(sc, i, end, x);
		return end;
	}
	clear(x, sizeof *x);
	x->kind = CC_TIMEX_DATE;
	span(sc, i, end, x);
	x->relative = xd.relative;
	x->future = xd.future;
	snprintf(x->basis, sizeof x->basis, "%s", xd.basis);
	lo = cc_date_days(&xd.lo);
	if (!from)
		lo -= iso_wd(lo) - 1;
	cc_date_from_days(lo, &x->lo);
	cc_date_from_days(lo + 6, &x->hi);
	if (iso_wd(lo) == 1) {
		clear(&p, sizeof p);
		p.gran = G_WEEK;
		iso_week(lo, &p.y, &p.n);
		period_fill(&p, x, &lo, &hi, 0);
		return end;
	}
	cc_date_iso(&x->lo, a, sizeof a);
	cc_date_iso(&x->hi, b, sizeof b);
	snprintf(x->value, sizeof x->value, "%s/%s", a, b);
	snprintf(x->granularity, sizeof x->granularity, "%s",
	    GRAN_NAME[G_WEEK]);
	return end;
}

/*
 * "the first", "the 2nd", "the last" at i, before a weekday or "week"
 * of a month or year: *n is 1.. or -1 for the last, *end the token after
 * it.  The last needs "the": "last Sunday" alone is parse_shift()'s.
 */
static int
nth_at(const struct scan *sc, size_t i, int *n, size_t *end)
{
	const char	*v;
	size_t		 j = i;
	int		 the = 0, ord;

	if (lookup1(sc, L_DATE_THE, j) != NULL) {
		j++;
		the = 1;
	}
	/* Bit tests first: this runs at every "the". */
	if (!may_start(sc, j, LBIT(L_DATE_LAST) | LBIT(L_NUMBER_ORDINALS) |
	    LBIT(L_NUMBER_TENS)))
		return 0;
	if (the && (v = lookup1(sc, L_DATE_LAST, j)) != NULL &&
	    atoi(v) < 0) {
		*n = -1;
		*end = j + 1;
		return 1;
	}
	return day_at(sc, j, n, &ord, end) && ord && *n >= 1;
}

/*
 * The nth day of weekday wd (0 Sunday .. 6 Saturday) among days [lo,
 * hi], the last one for n < 0; -1 when the period has no nth.
 */
static long
nth_weekday_in(long lo, long hi, int wd, int n)
{
	long	d;

	if (n < 0)
		return hi - (weekday_of(hi) - wd + 7) % 7;
	d = lo + (wd - weekday_of(lo) + 7) % 7 + 7L * (n - 1);
	return d <= hi ? d : -1;
}

/*
 * Day nth of weekday wd, or week nth (wd < 0), in the resolved month or
 * year x: x becomes that day or week.  A week of a month or year is a
 * Monday-to-Sunday week whose Thursday falls in it, numbered from 1 (the
 * ISO 8601 rule for the weeks of a year, so "the first week of 2015" is
 * 2015-W01, from 2014-12-29): "2016-11-W03", "2015-W53".  0 when the
 * period has no nth one.
 */
static int
nth_fill(struct cc_timex *x, int nth, int wd)
{
	long		 lo = cc_date_days(&x->lo), hi = cc_date_days(&x->hi);
	long		 d, first;
	int		 wy, wn, month = x->granularity[0] == 'm';
	int		 m = x->lo.m;
	struct sb	 b;

	d = nth_weekday_in(lo, hi, wd < 0 ? 4 : wd, nth);
	if (d < 0)
		return 0;
	cc_date_from_days(d, &x->lo);
	x->hi = x->lo;
	sb_init(&b, x->granularity, sizeof x->granularity);
	if (wd >= 0) {
		sb_str(&b, GRAN_NAME[G_DAY]);
		cc_date_iso(&x->lo, x->value, sizeof x->value);
		return 1;
	}
	sb_str(&b, GRAN_NAME[G_WEEK]);
	first = nth_weekday_in(lo, hi, 4, 1);
	cc_date_from_days(d - 3, &x->lo);
	cc_date_from_days(d + 3, &x->hi);
	/* The Thursday is in the period: its year is the week's. */
	iso_week(d, &wy, &wn);
	sb_init(&b, x->value, sizeof x->value);
	sb_num(&b, wy, 4);
	if (month) {
		sb_add(&b, "-", 1);
		sb_num(&b, m, 2);
		wn = (int)((d - first) / 7) + 1;
	}
	sb_add(&b, "-W", 2);
	sb_num(&b, wn, 2);
	return 1;
}

/*
 * The month or year after "of" in parse_nth_of(): what parse_core()
 * reads there, or a short month name alone ("the first week of Oct"),
 * which is no date elsewhere.
 */
static int
nth_period_at(const struct scan *sc, size_t k, struct dx *dx)
{
	size_t	e;
	int	m, abbr;

	if (parse_core(sc, k, "IN", 1, dx))
		return !dx->invalid;
	if (!month_at(sc, k, &m, &e, &abbr))
		return 0;
	dx_reset(dx, k);
	dx->gran = G_MONTH;
	dx->how = H_YEARLESS;
	dx->m = m;
	dx->end = e;
	return 1;
}

/*
 * Is the ordinal weekday at i ("the second Sunday", "third Tuesday") one
 * of a run rather than a day of the month: after a word of
 * date_series_cues, across "the" ("for the third Sunday", "a second
 * Monday", "every second Friday")?
 */
static int
series_before(const struct scan *sc, size_t i)
{
	if (i > 0 && lookup1(sc, L_DATE_THE, i - 1) != NULL)
		i--;
	return i > 0 && lookup1(sc, L_DATE_SERIES_CUES, i - 1) != NULL;
}

/*
 * An ordinal weekday without its month, "on the second Sunday.", "held
 * first Tuesday": the reference's month, whatever the tense (what else
 * could the article mean).  Only where the phrase ends right after the
 * weekday (no "of", "in a row", "after the vote", and no date after a
 * comma: "the second Sunday, October 9" is that date), for a rank of
 * one to five and not after a word that makes it one of a run
 * (series_before()).  Sets dx to the reference's month; 0 when none.
 */
static int
nth_alone_at(const struct scan *sc, size_t i, size_t j, int nth,
    struct dx *dx)
{
	size_t	n;
	int	m, abbr;

	if (nth < 1 || nth > 5 || !phrase_end_at(sc, j) ||
	    (is_punct(sc, j, ',') && j + 1 < sc->nt &&
	    (sc->t[j + 1].type == T_NUM || month_at(sc, j + 1, &m, &n,
	    &abbr))) || series_before(sc, i))
		return 0;
	dx_reset(dx, i);
	dx->gran = G_MONTH;
	dx->how = H_SHIFT;
	dx->off = 0;
	dx->end = j;
	return 1;
}

/*
 * An ordinal weekday or week of a month or year: "the first Friday of
 * July", "the last Sunday in March", "the second Monday of next month",
 * "the first week of March", "the last week of 2015", and an ordinal
 * weekday alone (nth_alone_at()).  The month or year
 * is read as it would be alone (a bare month by the reference and the
 * tense).  Without a reference date the value keeps what is known:
 * "XXXX-07-WXX-5-#1" (TIMEX3 weekday 1 Monday .. 7 Sunday, #n its
 * rank), "XXXX-10-W01"; a last one unresolved is "WXX".  "the last
 * week" alone stays parse_duration()'s length.  Returns the token after
 * it, or 0.
 */
static size_t
parse_nth_of(const struct scan *sc, size_t i, struct cc_timex *x)
{
	const char	*v;
	size_t		 j, n;
	int		 nth, wd = -1;
	struct unit	 u;
	struct dx	 dx;
	struct sb	 b;

	if (!nth_at(sc, i, &nth, &j))
		return 0;
	if ((v = lookup1(sc, L_WEEKDAYS, j)) != NULL)
		wd = atoi(v);
	else if (!unit_at(sc, j, &u, &n) || n != 1 ||
	    unit_gran(&u) != G_WEEK ||
	    lookup1(sc, L_DATE_UNITS_PLURAL, j) != NULL)
		return 0;
	j++;
	if (wd >= 0 && nth_alone_at(sc, i, j, nth, &dx))
		;
	else if (lookup1(sc, L_DATE_OF, j) == NULL && ((v = lookup1(sc,
	    L_DATE_PREPS, j)) == NULL || strcmp(v, "IN") != 0))
		return 0;
	else if (!nth_period_at(sc, j + 1, &dx) ||
	    (dx.gran != G_MONTH && (wd >= 0 || dx.gran != G_YEAR)) ||
	    (wd >= 0 && nth > 5) || nth > 53)
		return 0;
	dx.t0 = i;
	emit_date(sc, &dx, 0, x);
	if (x->lo.y != 0)
		return nth_fill(x, nth, wd) ? dx.end : 0;
	/* Unresolved: the month's or year's value and what is known. */
	b.buf = x->value;
	b.size = sizeof x->value;
	b.len = strlen(x->value);
	if (wd >= 0) {
		sb_str(&b, "-WXX-");
		sb_num(&b, wd == 0 ? 7 : wd, 1);
		if (nth > 0) {
			sb_str(&b, "-#");
			sb_num(&b, nth, 1);
		}
		snprintf(x->granularity, sizeof x->granularity, "%s",
		    GRAN_NAME[G_DAY]);
	} else {
		sb_str(&b, "-W");
		if (nth > 0)
			sb_num(&b, nth, 2);
		else
			sb_str(&b, "XX");
		snprintf(x->granularity, sizeof x->granularity, "%s",
		    GRAN_NAME[G_WEEK]);
	}
	return dx.end;
}

/* A span of one or more units: "three weeks", "two years and six
 * months", "1 month, 21 days"; a vague count only alone ("a few days"). */
struct length {
	double	mon;		/* months (years counted in) */
	double	day;		/* days (weeks counted in) */
	double	min;		/* alone: the count, or its range */
	double	max;
	struct unit u;		/* alone: the unit */
	int	parts;
	int	vague;
	int	time;		/* hours or minutes among the units */
	double	hour;		/* hours (minutes counted in) */
	size_t	end;
};

/* Rank of a unit in a span: years, months, weeks, days, hours,
 * minutes; each part must be smaller than the one before it ("two days,
 * three weeks" is no span). */
static int
unit_rank(const struct unit *u)
{
	if (u->time)
		return u->letter == 'H' ? 4 : u->letter == 'M' ? 5 : 6;
	return u->letter == 'Y' ? 0 : u->letter == 'M' ? 1 :
	    u->letter == 'W' ? 2 : 3;
}

static int
span_at(const struct scan *sc, size_t i, struct length *sp)
{
	struct count	 c;
	struct unit	 u;
	size_t		 k = i, j, n, h;
	int		 rank = -1, r;
	double		 cnt;

	clear(sp, sizeof *sp);
	for (;;) {
		j = k;
		if (sp->parts > 0) {
			if (is_punct(sc, j, ','))
				j++;
			if (lookup1(sc, L_DATE_AND, j) != NULL)
				j++;
		}
		if (!count_at(sc, j, &c) || (c.vague && sp->parts > 0) ||
		    !unit_at(sc, c.end, &u, &n))
			break;
		/* "a decades-long war": the article counts no decades. */
		if (c.article && lookup(sc, L_DATE_UNITS_PLURAL, c.end, &h) !=
		    NULL)
			break;
		if ((r = unit_rank(&u)) <= rank)
			break;
		if (c.vague && sp->parts == 0) {
			sp->vague = 1;
			sp->min = c.min;
			sp->max = c.max;
			sp->u = u;
			sp->parts = 1;
			sp->end = c.end + n;
			return 1;
		}
		cnt = c.min;
		j = c.end + n;
		if ((h = and_a_half(sc, j)) != 0) {
			cnt += 0.5;
			j += h;
		}
		if (u.time)
			sp->hour += cnt * unit_days(&u) * 24;
		else if (u.letter == 'Y' || u.letter == 'M')
			sp->mon += cnt * u.n * (u.letter == 'Y' ? 12 : 1);
		else
			sp->day += cnt * u.n * (u.letter == 'W' ? 7 : 1);
		sp->time |= u.time;
		if (sp->parts == 0) {
			sp->min = sp->max = cnt;
			sp->u = u;
		}
		sp->parts++;
		rank = r;
		k = sp->end = j;
	}
	return sp->parts > 0;
}

/* The day a span before (dir -1) or after (dir 1) day base: months
 * first, keeping the day of the month where it exists. */
static long
span_from(long base, int dir, double mon, double day)
{
	struct cc_date	 t;
	long		 m, whole = (long)floor(mon);

	cc_date_from_days(base, &t);
	day += (mon - whole) * DAYS_PER_MONTH;
	m = (long)t.y * 12 + t.m - 1 + dir * whole;
	t.y = (int)(m / 12);
	t.m = (int)(m % 12) + 1;
	if (t.y >= 1 && t.d > month_days(t.y, t.m))
		t.d = month_days(t.y, t.m);
	return days_ymd(t.y, t.m, t.d) + dir * (long)floor(day + 0.5);
}

/* TIMEX3 value of a span of several units: P2Y6M, P1M21D, PT2H30M. */
static void
span_value(const struct length *sp, char *out, size_t outlen)
{
	size_t	l;
	double	y = floor(sp->mon / 12), m = sp->mon - 12 * y;

	l = (size_t)snprintf(out, outlen, "P");
	if (y > 0 && l < outlen)
		l += (size_t)snprintf(out + l, outlen - l, "%gY", y);
	if (m > 0 && l < outlen)
		l += (size_t)snprintf(out + l, outlen - l, "%gM", m);
	if (sp->day > 0 && l < outlen)
		l += (size_t)snprintf(out + l, outlen - l, "%gD", sp->day);
	if (sp->hour > 0 && l < outlen) {
		double h = floor(sp->hour), mi = (sp->hour - h) * 60;

		l += (size_t)snprintf(out + l, outlen - l, "T");
		if (h > 0 && l < outlen)
			l += (size_t)snprintf(out + l, outlen - l, "%gH", h);
		if (mi > 0 && l < outlen)
			snprintf(out + l, outlen - l, "%.0fM", mi);
	}
}

/* Make the resolved date x a period up to day hi: its value "LO/HI". */
static void
period_to(struct cc_timex *x, long hi)
{
	char	a[16], b[16];

	cc_date_from_days(hi, &x->hi);
	cc_date_iso(&x->lo, a, sizeof a);
	cc_date_iso(&x->hi, b, sizeof b);
	snprintf(x->value, sizeof x->value, "%s/%s", a, b);
}

/*
 * A span counted from the reference, or a span of several units:
 *   "[mod] SPAN ago"                    the day that far back; a vague
 *                                       count ("a few days ago") gives
 *                                       the days it may be, mod APPROX
 *   "SPAN before|after|from DAY"        "two days before yesterday",
 *                                       "three weeks from now"
 *   "in SPAN" in a future sentence      "will return in three weeks"
 *   "within SPAN" in a future sentence  the period from the reference to
 *                                       that day ("within two years",
 *                                       "within the next three years")
 *   "[mod] SPAN" of several units       "two years and six months"
 * Spans in hours or minutes are left to parse_duration().  Returns the
 * token after it, or 0.
 */
static size_t
parse_span(const struct scan *sc, size_t i, struct cc_timex *x)
{
	const char	*v, *mod = NULL;
	size_t		 j = i, k, n, cue = 0;
	struct length	 sp;
	struct dx	 dx;
	long		 base, lo, hi;
	int		 dir = 0, in = 0, within = 0;

	if ((v = lookup(sc, L_DATE_MODS, j, &n)) != NULL) {
		mod = v;
		j += n;
	} else if ((v = lookup(sc, L_DATE_AHEAD, j, &n)) != NULL) {
		in = 1;
		within = strcmp(v, "WITHIN") == 0;
		j += n;
		/* "within the next three years": the same period. */
		if (within && lookup1(sc, L_DATE_THE, j) != NULL &&
		    (v = lookup(sc, L_DURATION_SPANS, j + 1, &n)) != NULL &&
		    atol(v) > 0)
			j += 1 + n;
	}
	if (!span_at(sc, j, &sp))
		return 0;
	k = sp.end;
	/* Far enough for any date; beyond it, no date at all. */
	if (sp.mon > 12.0 * 9000 || sp.day > 3.3e6)
		return 0;
	base = sc->rdays;
	if (lookup1(sc, L_DATE_AGO, k) != NULL) {
		dir = -1;
		k++;
	} else if ((v = lookup(sc, L_DATE_PREPS, k, &n)) != NULL &&
	    (strcmp(v, "BEFORE") == 0 || strcmp(v, "AFTER") == 0 ||
	    strcmp(v, "FROM") == 0)) {
		dir = strcmp(v, "BEFORE") == 0 ? -1 : 1;
		if ((v = lookup(sc, L_DATE_RELATIVE_DAYS, k + n, &j)) != NULL)
			base += atol(v);
		else if (lookup(sc, L_DATE_PRESENT, k + n, &j) == NULL)
			dir = 0;
		if (dir != 0)
			k += n + j;
	}
	if (in) {
		/* "captured the city in three weeks" is a length, "will
		 * invest in three years of research" no date. */
		if (dir != 0 || sp.vague || sc->ref == NULL ||
		    lookup1(sc, L_DATE_OF, k) != NULL ||
		    !future_tense(sc, i, k, &cue))
			return 0;
		dir = 1;
	}
	if (dir != 0 && (sp.time || (sp.vague && sp.u.time)))
		return 0;
	if (dir == 0) {
		/* A length: only what parse_duration() cannot read. */
		if (sp.parts < 2 || sp.time)
			return 0;
		clear(x, sizeof *x);
		x->kind = CC_TIMEX_DURATION;
		span(sc, i, k, x);
		x->mod = mod_of(mod);
		span_value(&sp, x->value, sizeof x->value);
		x->days_min = x->days_max = round_days(sp.mon *
		    DAYS_PER_MONTH + sp.day);
		snprintf(x->granularity, sizeof x->granularity, "%s",
		    sp.day > 0 ? "day" : sp.mon - 12 * floor(sp.mon / 12) > 0 ?
		    "month" : "year");
		snprintf(x->basis, sizeof x->basis, "length");
		return k;
	}
	dx_reset(&dx, i);
	dx.gran = G_DAY;
	dx.how = H_DAYOFF;
	dx.end = k;
	dx.mod = mod;
	if (sp.vague) {
		double	f = sp.u.n * (sp.u.letter == 'Y' ? 12 : 1);

		if (sp.u.letter == 'Y' || sp.u.letter == 'M') {
			lo = span_from(base, dir, sp.max * f, 0);
			hi = span_from(base, dir, sp.min * f, 0);
		} else {
			f = sp.u.n * (sp.u.letter == 'W' ? 7 : 1);
			lo = span_from(base, dir, 0, sp.max * f);
			hi = span_from(base, dir, 0, sp.min * f);
		}
		if (lo > hi) {
			long t = lo;

			lo = hi;
			hi = t;
		}
		dx.off = lo - sc->rdays;
		emit_date(sc, &dx, 1, x);
		if (sc->ref != NULL)
			period_to(x, hi);
		if (x->mod == NULL)
			x->mod = "APPROX";
	} else if (within) {
		/* From the reference to the day that far ahead. */
		emit_date(sc, &dx, 1, x);
		if (sc->ref != NULL)
			period_to(x, span_from(base, dir, sp.mon, sp.day));
	} else {
		dx.off = span_from(base, dir, sp.mon, sp.day) - sc->rdays;
		emit_date(sc, &dx, 1, x);
	}
	if (in && sc->ref != NULL)
		relative_basis(sc, x, 1, cue);
	return k;
}

/* The best reading at token i: results in out (one or two), the token
 * after it in *end; 0 results and *end > i to swallow an impossible
 * date; *end == i when nothing is there. */
static int
scan_at(const struct scan *sc, size_t i, struct cc_timex out[2],
    size_t *end)
{
	struct cc_timex	 x, d;
	struct dx	 dx;
	const char	*v;
	size_t		 n, e, dur, best = i;
	int		 nout = 0, spans, day = 0, md = 0;

	/* "since X": a duration up to the reference, and the date X. */
	if ((v = lookup(sc, L_DATE_PREPS, i, &n)) != NULL &&
	    strcmp(v, "SINCE") == 0 && parse_date(sc, i + n, &dx)) {
		if (dx.invalid) {
			*end = dx.end;
			return 0;
		}
		if (dx.how != H_PRESENT) {
			emit_date(sc, &dx, 1, &d);
			emit_since(sc, i, &d, &out[0]);
			out[1] = d;
			out[1].anchor = 1;
			best = dx.end;
			nout = 2;
		}
	}
	if ((e = (size_t)parse_range(sc, i, &x)) > best) {
		out[0] = x;
		best = e;
		nout = 1;
	}
	if ((e = dur = parse_duration(sc, i, &x)) > best) {
		out[0] = x;
		best = e;
		nout = 1;
	}
	if (parse_date(sc, i, &dx) && dx.end > best) {
		best = dx.end;
		if (dx.invalid)
			nout = 0;
		else {
			emit_date(sc, &dx, 0, &out[0]);
			nout = 1;
			day = 1;	/* may open a range: below */
		}
	}
	/*
	 * Read after the others: each wins only by reading further.  A
	 * span ("two years and six months", "a few days ago") starts where
	 * parse_duration() read one and goes on after it, or at "in":
	 * tried elsewhere it only costs time.
	 */
	if (dur > i && dur < sc->nt)
		spans = is_punct(sc, dur, ',') || may_start(sc, dur,
		    COUNT_LISTS | LBIT(L_DATE_AND) | LBIT(L_DATE_AGO) |
		    LBIT(L_DATE_PREPS));
	else
		spans = may_start(sc, i, LBIT(L_DATE_AHEAD)) &&
		    (may_start(sc, i + 1, COUNT_LISTS) ||
		    (may_start(sc, i + 1, LBIT(L_DATE_THE)) &&
		    may_start(sc, i + 2, LBIT(L_DURATION_SPANS)))) &&
		    sc->t[i].type == T_WORD &&
		    lookup1(sc, L_DATE_AHEAD, i) != NULL;
	if ((may_start(sc, i, LBIT(L_DATE_PREPS) | LBIT(L_MONTHS) |
	    LBIT(L_MONTH_ABBREVS)) && (e = parse_day_range(sc, i, &x)) >
	    best) ||
	    (may_start(sc, i, LBIT(L_WEEKDAYS) | LBIT(L_DATE_THE)) &&
	    sc->t[i].type != T_NUM && (e = parse_month_day(sc, i, &x)) >
	    best && (md = 1)) ||
	    (may_start(sc, i, LBIT(L_DATE_THE)) &&
	    (e = parse_day_of_shift(sc, i, &x)) > best) ||
	    (may_start(sc, i, LBIT(L_DATE_THE)) &&
	    (e = parse_week_of(sc, i, &x)) > best) ||
	    (sc->t[i].type == T_NUM && sc->t[i].ndig == 4 &&
	    (e = parse_year_range(sc, i, &x)) > best) ||
	    (may_start(sc, i, LBIT(L_DATE_THE) | LBIT(L_NUMBER_ORDINALS) |
	    LBIT(L_NUMBER_TENS)) && (e = parse_nth_of(sc, i, &x)) > best) ||
	    (spans && (e = parse_span(sc, i, &x)) > best)) {
		out[0] = x;
		best = e;
		nout = 1;
		day = md;
	}
	/*
	 * A calendar day read by parse_date() or parse_month_day() may
	 * open a range of two days (day_pair_at()).  Only after a date and
	 * before a join: a cheap test at most tokens.
	 */
	if (day && (md || (dx.gran == G_DAY && dx.mod == NULL &&
	    (dx.how == H_ABS || dx.how == H_YEARLESS))) && best < sc->nt &&
	    (is_dash(sc, best) || is_punct(sc, best, ',') ||
	    may_start(sc, best, LBIT(L_DATE_RANGE_JOINS))) &&
	    (e = day_pair_at(sc, i, best, md ? NULL : &dx, &out[0], &x)) >
	    best) {
		out[0] = x;
		best = e;
	}
	*end = best;
	return nout;
}

/*
 * Does a "since" open the clause that holds token i ("since the fighting
 * began in April"), a few words before it, with no punctuation and no
 * mention (tokens before lim) between?  Its date is then what the since
 * counts from, not when anything happened.
 */
#define SINCE_WORDS	5
static int
since_clause(const struct scan *sc, size_t i, size_t lim)
{
	const char	*v;
	size_t		 j;

	for (j = i; j > lim && i - j < SINCE_WORDS; j--) {
		if (sc->t[j - 1].type == T_PUNCT || sc->t[j].nl)
			return 0;
		if ((v = lookup1(sc, L_DATE_PREPS, j - 1)) != NULL &&
		    strcmp(v, "SINCE") == 0)
			return 1;
	}
	return 0;
}

/*
 * Is token i a number that cannot start a mention: not a year (four
 * plain digits, read alone), followed after a space by a word no list
 * holds?  A day, a count or the start of a range reads on into the
 * token after it, a list word (a month, a unit, "to") or a sign ("/",
 * "-", "th"); "30 people" has none.  (Without the index every token
 * may be in a list.)
 */
static int
lone_number(const struct scan *sc, size_t i)
{
	const struct tok	*t = &sc->t[i], *nx;

	if (sc->ix == NULL || t->type != T_NUM || i + 1 >= sc->nt ||
	    (t->ndig == 4 && !t->grouped))
		return 0;
	nx = &sc->t[i + 1];
	return nx->type == T_WORD && nx->sp && !nx->nl && nx->may == 0;
}

/*
 * The lists whose words only lead into a mention: an article, "the", a
 * preposition, "in" of "in two weeks", a modifier ("about", "more
 * than").  None is a mention alone: each parser that starts with one
 * reads on into a list word, a number or a sign at the next token.
 */
#define LEADIN_LISTS	(LBIT(L_DATE_THE) | LBIT(L_DATE_ARTICLES) | \
	LBIT(L_DATE_PREPS) | LBIT(L_DATE_AHEAD) | LBIT(L_DATE_MODS))

/*
 * Is token i a word that only leads into a mention (its lists among
 * LEADIN_LISTS, no longer entry of it going on with the space and the
 * byte after it) before a word no list holds or a lone_number(): "the
 * ministry", "a missile", "in Kyiv", "by 12 percent"?  Nothing can
 * start there.  (With a list the index cannot answer for, odd, no
 * token's may is 0 and this never holds.)
 */
static int
lead_in(const struct scan *sc, size_t i)
{
	const struct tok	*t = &sc->t[i], *nx;
	const struct word	*w;
	char			 after[2];

	if (sc->ix == NULL || t->type != T_WORD || t->w < 0 ||
	    i + 1 >= sc->nt)
		return 0;
	nx = &sc->t[i + 1];
	if (!nx->sp || (nx->type == T_WORD ? nx->may != 0 :
	    !lone_number(sc, i + 1)))
		return 0;
	w = &sc->ix->w[t->w];
	if (w->exact & START_LISTS & ~LEADIN_LISTS)
		return 0;
	/* As lookup_text() spells the key: the word, a space, the next. */
	after[0] = ' ';
	after[1] = sc->s[nx->s];
	return w->longer == 0 || !(w->after & after_bit(after));
}

/* Scan s[0..len) with sc's lists and index set up (see below). */
static size_t
scan_text(struct scan *sc, const char *s, size_t len,
    const struct cc_date *ref, struct cc_timex *out, size_t max,
    int (*stop)(const struct cc_timex *), int *stopped)
{
	struct tok	 small[SMALL_TOKENS];
	struct cc_timex	 r[2];
	size_t		 i = 0, end, found = 0, last = 0, was;
	int		 n, k;

	sc->t = sc->small = small;
	sc->cap = SMALL_TOKENS;
	sc->s = s;
	sc->len = len;
	if (ref != NULL && cc_date_valid(ref)) {
		sc->ref = ref;
		sc->rdays = cc_date_days(ref);
	}
	for (;;) {
		while (sc->tpos < len && (i >= sc->nt ||
		    sc->nt - i < SCAN_AHEAD))
			tokenize_line(sc);
		if (i >= sc->nt)
			break;
		if (i >= 4 * SCAN_AHEAD) {
			was = i;
			drop_behind(sc, &i);
			last = last > was - i ? last - (was - i) : 0;
		}
		if (!may_start(sc, i, START_LISTS) || lone_number(sc, i) ||
		    lead_in(sc, i)) {
			i++;
			continue;
		}
		n = scan_at(sc, i, r, &end);
		if (end <= i) {
			i++;
			continue;
		}
		for (k = 0; k < n; k++) {
			if (r[k].kind == CC_TIMEX_DATE && !r[k].anchor &&
			    since_clause(sc, i, last))
				r[k].anchor = 1;
			if (found < max)
				out[found] = r[k];
			found++;
			if (stop != NULL && stop(&r[k])) {
				*stopped = 1;
				goto done;
			}
		}
		i = last = end;
	}
done:
	if (sc->t != small)
		free(sc->t);
	sc->t = sc->small = NULL;
	return found;
}

size_t
cc_timex_scan(const struct cc_vocab *vc, const char *s, size_t len,
    const struct cc_date *ref, struct cc_timex *out, size_t max)
{
	struct scan	 sc;
	size_t		 found;

	memset(&sc, 0, sizeof sc);
	sc.vc = vc;
	sc.lc = &sc.own;
	sc.s = s;
	sc.len = len;
	if (len >= WINDEX_MIN_BYTES)
		windex_build(&sc);
	found = scan_text(&sc, s, len, ref, out, max, NULL, NULL);
	windex_free(sc.ix);
	return found;
}

struct cc_timex_scanner *
cc_timex_scanner_new(const struct cc_vocab *vc)
{
	struct cc_timex_scanner	*ts = xcalloc(1, sizeof *ts);
	struct scan		 sc;

	memset(&sc, 0, sizeof sc);
	sc.vc = ts->vc = vc;
	sc.lc = &ts->lc;
	windex_build(&sc);
	ts->ix = sc.ix;
	return ts;
}

void
cc_timex_scanner_free(struct cc_timex_scanner *ts)
{
	if (ts == NULL)
		return;
	windex_free(ts->ix);
	free(ts);
}

static size_t
scan_with(struct cc_timex_scanner *ts, const char *s, size_t len,
    const struct cc_date *ref, struct cc_timex *out, size_t max,
    int (*stop)(const struct cc_timex *), int *stopped, int lean)
{
	struct scan	 sc;

	*stopped = 0;
	/* Only the per-text part is cleared: the lists are the scanner's. */
	clear(&sc, offsetof(struct scan, own));
	sc.vc = ts->vc;
	sc.lc = &ts->lc;
	sc.ix = ts->ix;
	sc.lean = lean;
	return scan_text(&sc, s, len, ref, out, max, stop, stopped);
}

size_t
cc_timex_scan_until(struct cc_timex_scanner *ts, const char *s, size_t len,
    const struct cc_date *ref, struct cc_timex *out, size_t max,
    int (*stop)(const struct cc_timex *), int *stopped)
{
	return scan_with(ts, s, len, ref, out, max, stop, stopped, 0);
}

size_t
cc_timex_scan_dates(struct cc_timex_scanner *ts, const char *s, size_t len,
    const struct cc_date *ref, struct cc_timex *out, size_t max,
    int (*stop)(const struct cc_timex *), int *stopped)
{
	return scan_with(ts, s, len, ref, out, max, stop, stopped, 1);
}

size_t
cc_timex_scan_with(struct cc_timex_scanner *ts, const char *s, size_t len,
    const struct cc_date *ref, struct cc_timex *out, size_t max)
{
	int	stopped;

	return cc_timex_scan_until(ts, s, len, ref, out, max, NULL,
	    &stopped);
}
