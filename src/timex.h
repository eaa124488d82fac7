/*
 * timex.h - dates and durations in news prose, normalized to TIMEX3.
 *
 * A date mention is resolved against a reference date (the article's
 * date): "on Monday" is the last Monday on or before the reference unless
 * the tense says otherwise ("will meet on Tuesday"); "last month", "in
 * December", "October 30, 2022", "end of March" (mod END)...  A duration
 * mention ("eight-month-old", "for two weeks", "a decade") gets a TIMEX3
 * period value (P8M) and its length in days.  Words come from the
 * vocabulary lists named in timex.c (claims/vocab/dates.yaml); the
 * resolution rules (tense, weekdays, parts of periods) are stated at the
 * top of timex.c.
 *
 * Pure: no I/O.  Results are plain values; nothing to free.
 */
#ifndef CC_TIMEX_H
#define CC_TIMEX_H

#include <stddef.h>

#include "vocab.h"

struct cc_date {
	int	y;	/* 0 when unknown */
	int	m;	/* 1-12, 0 when unknown */
	int	d;	/* 1-31, 0 when unknown */
};

enum cc_timex_kind {
	CC_TIMEX_DATE,		/* a day, week, month, quarter, year... */
	CC_TIMEX_DURATION	/* a length of time */
};

struct cc_timex {
	enum cc_timex_kind	 kind;
	size_t			 start;		/* byte offsets into input */
	size_t			 end;
	char			 value[32];	/* TIMEX3: 2022-10-30, 2022-10,
						   2022-W43, 2022-Q1, P8M,
						   PXM, PRESENT_REF; a range
						   of dates is START/END
						   ("2021-12/2022-01") */
	const char		*mod;		/* START, MID, END, APPROX,
						   MORE_THAN, LESS_THAN,
						   EQUAL_OR_MORE or NULL */
	struct cc_date		 lo;		/* dates: first day covered */
	struct cc_date		 hi;		/* dates: last day covered;
						   durations anchored at the
						   reference ("since X", "the
						   past N days", "N-month-old")
						   the span they cover; all
						   zero when unresolved */
	double			 days_min;	/* durations: length in days */
	double			 days_max;	/* < 0: no upper bound ("for
						   months") */
	char			 granularity[8];/* "day", "week", "month",
						   "quarter", "year" */
	char			 basis[96];	/* "absolute", "relative to
						   2022-10-30", ... */
	unsigned		 relative:1;	/* resolved from the reference */
	unsigned		 future:1;	/* future reading chosen */
	unsigned		 weekday_mismatch:1; /* "Friday, February 17,
						   2022" named a wrong day */
	unsigned		 anchor:1;	/* the date a "since" duration
						   counts from: not when
						   anything happened */
};

/* Date arithmetic helpers (proleptic Gregorian). */
int	cc_date_valid(const struct cc_date *);
/* Days since 1970-01-01 for a full date. */
long	cc_date_days(const struct cc_date *);
void	cc_date_from_days(long days, struct cc_date *);
/* 0=Sunday ... 6=Saturday. */
int	cc_date_weekday(const struct cc_date *);
/* Parse "YYYY-MM-DD" (the first 10 bytes); CC_OK or CC_EFORMAT. */
int	cc_date_parse_iso(const char *, struct cc_date *);
/* Write "YYYY-MM-DD" into out (at least 11 bytes). */
void	cc_date_iso(const struct cc_date *, char *out, size_t outlen);

/*
 * Find every date and duration in s[0..len), left to right, without
 * overlaps, resolving against ref (which may be NULL: then relative
 * expressions keep an unresolved value such as "XXXX-10-30" and lo/hi are
 * zero).  One nesting is allowed: "since February 24" gives a duration
 * (to the reference) followed by the date "February 24" inside it.
 * Impossible dates ("February 30", "the 45th of March") give nothing.
 * Writes at most max results (out may be NULL when max is 0); returns
 * how many were found, which may exceed max.
 */
size_t	cc_timex_scan(const struct cc_vocab *, const char *s, size_t len,
	    const struct cc_date *ref, struct cc_timex *out, size_t max);

/*
 * The same with the vocabulary's word index built once: for callers that
 * scan many short texts (sentence by sentence) with one vocabulary.  After
 * creation a scanner is only read, so threads may share it; the results
 * are those of cc_timex_scan().
 */
struct cc_timex_scanner;
struct cc_timex_scanner *cc_timex_scanner_new(const struct cc_vocab *);
void	cc_timex_scanner_free(struct cc_timex_scanner *);
size_t	cc_timex_scan_with(struct cc_timex_scanner *, const char *s,
	    size_t len, const struct cc_date *ref, struct cc_timex *out,
	    size_t max);
/* The same, stopping after the first mention for which stop() is true
 * (*stopped then 1): the mentions before it and it are those the whole
 * scan gives first, as each is final when it is found. */
size_t	cc_timex_scan_until(struct cc_timex_scanner *, const char *s,
	    size_t len, const struct cc_date *ref, struct cc_timex *out,
	    size_t max, int (*stop)(const struct cc_timex *), int *stopped);
/* The same for a caller that reads no date's value or basis (a claim's
 * time): those two strings of a date mention are not written (the basis
 * is empty, most values are), the cost of writing them spared. */
size_t	cc_timex_scan_dates(struct cc_timex_scanner *, const char *s,
	    size_t len, const struct cc_date *ref, struct cc_timex *out,
	    size_t max, int (*stop)(const struct cc_timex *), int *stopped);

#endif
