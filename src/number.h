/*
 * number.h - numbers in news prose, normalized to intervals.
 *
 * Recognizes digits ("16,150", "1,234.5", "6374", ".5", "1.5bn", "5 bln",
 * "10 000", "1.000.000", "1,2 million", "2½", "2 1/2"), number words
 * ("eight", "twenty-three", "two hundred", "1.5 million", "half a
 * million", "a million and a half", "a dozen", "two point five"),
 * hyphenated compounds ("10-page", "eight-month-old": the number part),
 * ordinals ("third", "21st"), approximations and bounds ("about 130,000",
 * "more than 100", "up to 5", "100 or more"), shares ("two-thirds", "a
 * quarter", "one half", "3/4": the fraction, flagged, as it counts
 * nothing), negatives ("-5", "minus five"), ranges ("between 5,000 and
 * 6,000", "5,000-6,000", "5 to 6 million", "50-60,000", "$5m-$6m", "two or
 * three") and vague quantities ("dozens", "tens of thousands", "several
 * hundred").  Every word comes from the vocabulary lists named in number.c
 * (claims/vocab/numbers.yaml); the same file defines the %{NUMBER} and
 * %{NUMBER_WORD} macros that rules use to capture what cc_number_parse
 * reads.  Input is folded text (text.h): dashes are '-', spaces ' '.
 *
 * Values are intervals [min, max]:
 *   "about N"            min = max = N, approx, mod APPROX
 *   "nearly/almost N"    max N, no min, approx, mod LESS_THAN
 *   "more than/over N"   min N+1 (N when not whole, or, when scanning,
 *                        a percentage: "more than 50%"), no max,
 *                        MORE_THAN
 *   "at least N", "N+"   min N, no max, EQUAL_OR_MORE
 *   "fewer than N"       max N-1 (N when not whole, or a percentage
 *                        when scanning), no min, LESS_THAN
 *   "up to/as many as N" max N, no min, EQUAL_OR_LESS
 *   ranges               min = first end, max = second end
 *   shares               the fraction: "two-thirds" 2/3, fraction set
 *   negatives            "minus five" min = max = -5
 *   vague quantities     the list's bounds ("dozens" 24..99), approx;
 *                        "several hundred" 300..999, "tens of thousands"
 *                        20000..99999
 * A number with more than 15 significant digits, or above 10^15, is
 * rejected, never capped: such digits are not a count in news prose.
 *
 * Pure: no I/O, no allocation.  Each call indexes the lists it reads on
 * the stack (a few microseconds), so scan whole texts or paragraphs rather
 * than one sentence at a time.
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
	unsigned	 fraction:1;	/* "two-thirds", "a quarter", "3/4":
					   a share of something, no count */
	const char	*mod;		/* TIMEX3-style: "APPROX", "MORE_THAN",
					   "LESS_THAN", "EQUAL_OR_MORE",
					   "EQUAL_OR_LESS" or NULL (static);
					   vague quantities and ranges have
					   none */
};

/*
 * Parse exactly the span s[0..len) as one number expression (leading and
 * trailing spaces allowed; s need not be NUL-terminated).  Returns CC_OK
 * and fills *out (offsets relative to s; for a compound, the number part),
 * or CC_EFORMAT if the span is not a number the recognizer accepts.
 * Examples: "about 130,000" -> 130000..130000 approx; "more than 100" ->
 * min 101, no max; "10-page" -> 10 (end 2); "eight-month-old" -> 8.
 * Parse does not look for date context: "2022" alone is the number 2022,
 * but "10:30", "2022-10-30" and "30.10.2022" are rejected.  A money
 * abbreviation ("5m") is accepted here; scan wants a currency sign first.
 */
int	cc_number_parse(const struct cc_vocab *, const char *s, size_t len,
	    struct cc_number *out);

/*
 * Find every number expression in s[0..len), longest match first, left
 * to right, without overlaps.  Writes at most max results into out (may
 * be NULL when max is 0) and returns how many were found (which may
 * exceed max).  Left out, for the date recognizer: clock times ("10:30",
 * "10 am", "1500 GMT"), numeric dates ("2022-10-30", "30.10.2022",
 * "10/30/2022", "2014-15"), days (1-31) and 4-digit years beside a
 * capitalized month name ("October 30, 2022", "30th of October"), and
 * 4-digit years 1000-2099 after a year word ("in 2022", "since 2014").
 * Identifiers ("MH17", "COVID-19", "5G", "the 1990s") and phone numbers
 * ("555-1234") are no numbers.  A plain number is never a date:
 * "16,150", "2882015", "6374".  "from 5 to 6" is two numbers (a change)
 * unless a range word stands before "from" ("anywhere from", "ranging
 * from").
 */
size_t	cc_number_scan(const struct cc_vocab *, const char *s, size_t len,
	    struct cc_number *out, size_t max);

#endif
