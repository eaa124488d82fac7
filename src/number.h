/* TEMPORARY NOTE FOR HELPERS (lead removes it): before building or editing, read /tmp/common.md — build out of tree in /tmp/build-NAME, never configure/bootstrap in /work/main, never git add/commit, edit only your own files. */
/*
 * number.h - numbers in news prose, normalized to intervals.
 *
 * Recognizes digits ("16,150", "1,234.5", "6374"), number words ("eight",
 * "twenty-three", "two hundred", "1.5 million", "half a million"),
 * hyphenated compounds ("10-page", "eight-month-old": the number part),
 * approximations and bounds ("about 130,000", "more than 100", "up to 5"),
 * ranges ("between 5,000 and 6,000", "5,000-6,000") and vague quantities
 * ("dozens", "tens of thousands").  Words come from the vocabulary lists
 * named in number.c (claims/vocab/numbers.yaml).
 *
 * Pure: no I/O, no allocation visible to callers.
 */
#ifndef CC_NUMBER_H
#define CC_NUMBER_H

#include <stddef.h>

#include "vocab.h"

struct cc_number {
	size_t		 start;		/* byte offsets into the input */
	size_t		 end;
	double		 min;		/* valid when has_min */
	double		 max;		/* valid when has_max */
	unsigned	 has_min:1;
	unsigned	 has_max:1;
	unsigned	 approx:1;	/* "about", "nearly", vague words */
	unsigned	 ordinal:1;	/* "third", "21st" */
	const char	*mod;		/* TIMEX3-style: "APPROX", "MORE_THAN",
					   "LESS_THAN", "EQUAL_OR_MORE",
					   "EQUAL_OR_LESS" or NULL (static) */
};

/*
 * Parse exactly the span s[0..len) as one number expression (leading and
 * trailing spaces allowed).  Returns CC_OK and fills *out (offsets relative
 * to s), or CC_EFORMAT if the span is not a number the recognizer accepts.
 * Examples: "about 130,000" -> 130000..130000 approx; "more than 100" ->
 * min 101, no max; "10-page" -> 10; "eight-month-old" -> 8.
 */
int	cc_number_parse(const struct cc_vocab *, const char *s, size_t len,
	    struct cc_number *out);

/*
 * Find every number expression in s[0..len), longest match first, left
 * to right, without overlaps.  Writes at most max results into out and
 * returns how many were found (which may exceed max).  Digit strings that
 * are part of dates, times, years in date context or identifiers are left
 * to the date recognizer: a bare "2022" beside a month is not returned.
 */
size_t	cc_number_scan(const struct cc_vocab *, const char *s, size_t len,
	    struct cc_number *out, size_t max);

#endif
