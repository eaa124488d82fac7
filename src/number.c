/*
 * number.c - numbers in news prose, normalized to intervals (number.h).
 *
 * A hand-written recursive-descent parser over folded text, word by word:
 * no regex and no allocation.  Every word it knows comes from these
 * vocabulary lists (claims/vocab/numbers.yaml documents each one):
 *
 *   number_ones number_teens number_tens number_zero    cardinal words
 *   number_small_scales number_big_scales               hundred / thousand
 *   number_scale_abbrevs number_money_abbrevs           1.5bn, $5m
 *   number_currency                                     signs before $5m
 *   number_articles number_and number_of number_to
 *   number_or number_between number_from                joining words
 *   number_fractions                                    half, quarter
 *   number_ordinals number_ordinal_suffixes             third, 21st
 *   number_vague number_vague_scales                    dozens, tens of
 *   number_bounds number_suffix_bounds                  about, or more
 *   number_months number_year_context number_time_words date context
 *   number_negative                                     minus five
 *   number_point                                        two point five
 *   number_fraction_signs                               2½, ¾
 *   number_ratio                                        one in five
 *   number_percent                                      50%, 5 per cent
 *   number_from_ranges                                  anywhere from
 *
 * The grammar (and the NUMBER macro that mirrors it) is:
 *
 *   expr   := [bound] (between value and value | range) [suffix]
 *           | ordinal
 *   range  := value [("-" | to | or) value]      second end larger
 *   value  := [minus] (digits [abbrev | scale...] | cardinal words
 *             | fraction)
 *           | vague [of vague-scale | scale...]
 *           | words point digit-words [scale...]
 *           | share                     "two-thirds", "a quarter", "3/4"
 *
 * Hostile input: a number with more than NUM_MAXDIGITS significant digits
 * or a value above NUM_MAX is rejected (parse says CC_EFORMAT, scan skips
 * the digits), never capped; words are joined across at most NUM_GAP
 * bytes of white space.  Every step reads a bounded number of bytes
 * around its position, so a scan is linear in the input.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "number.h"
#include "vocab.h"

#define NUM_MAXDIGITS	15	/* significant digits: exact in a double */
#define NUM_MAX		1e15	/* largest value accepted */
#define NUM_GAP		16	/* most white space between two words */
#define NUM_WORDMAX	24	/* longer words are in no list */
#define NUM_PHRASE	4	/* most words in one list entry */
#define NUM_KEYMAX	96	/* longest multi-word key */
#define NUM_MAXTOKENS	40	/* most words in one cardinal */
#define NOPE		((size_t)-1)
#define FILTER_SLOTS	1024	/* first words; a power of two */
#define INDEX_SLOTS	2048	/* list entries; a power of two */

#define IS_DIGIT(c)	((unsigned)((unsigned char)(c) - '0') < 10u)
#define IS_ALPHA(c)	((unsigned)(((unsigned char)(c) | 0x20) - 'a') < 26u)
#define IS_UPPER(c)	((unsigned)((unsigned char)(c) - 'A') < 26u)
#define IS_HIGH(c)	((unsigned char)(c) >= 0x80)
#define IS_ALNUM(c)	(IS_DIGIT(c) || IS_ALPHA(c))
#define IS_SPACE(c)	((c) == ' ' || (c) == '\t' || (c) == '\n' || \
			    (c) == '\r' || (c) == '\f' || (c) == '\v')

enum nlist {
	NL_ONES, NL_TEENS, NL_TENS, NL_ZERO, NL_SMALL, NL_BIG, NL_ABBREV,
	NL_MONEY, NL_CURRENCY, NL_ART, NL_AND, NL_OF, NL_TO, NL_OR,
	NL_BETWEEN, NL_FROM, NL_FRAC, NL_ORD, NL_ORDSUF, NL_VAGUE, NL_VSCALE,
	NL_BOUNDS, NL_SUFFIX, NL_MONTHS, NL_YEARCTX, NL_TIME, NL_NEG,
	NL_POINT, NL_FSIGN, NL_RATIO, NL_PCT, NL_FROMRANGE, NL__COUNT
};
/* A list is a bit of struct nctx's unindexed (and of the filter's
 * words): a 33rd needs wider ones. */
_Static_assert(NL__COUNT <= 32, "number lists are bits of a uint32_t");

static const char *const nl_names[NL__COUNT] = {
	"number_ones", "number_teens", "number_tens", "number_zero",
	"number_small_scales", "number_big_scales", "number_scale_abbrevs",
	"number_money_abbrevs", "number_currency", "number_articles",
	"number_and", "number_of", "number_to", "number_or",
	"number_between", "number_from", "number_fractions",
	"number_ordinals", "number_ordinal_suffixes", "number_vague",
	"number_vague_scales", "number_bounds", "number_suffix_bounds",
	"number_months", "number_year_context", "number_time_words",
	"number_negative", "number_point", "number_fraction_signs",
	"number_ratio", "number_percent", "number_from_ranges"
};

/* Lists whose first word may open an expression. */
#define NL_STARTERS	((1u << NL_ONES) | (1u << NL_TEENS) | \
			    (1u << NL_TENS) | (1u << NL_ZERO) | \
			    (1u << NL_ART) | (1u << NL_FRAC) | (1u << NL_ORD) | \
			    (1u << NL_VAGUE) | (1u << NL_BOUNDS) | \
			    (1u << NL_BETWEEN) | (1u << NL_NEG))

/* What a bound word does to the value after it (number_bounds values). */
enum nmod {
	M_NONE, M_APPROX, M_NEARLY, M_MORE, M_EQMORE, M_LESS, M_EQLESS
};

static const struct {
	const char	*code;
	enum nmod	 mod;
} mod_codes[] = {
	{ "APPROX", M_APPROX }, { "NEARLY", M_NEARLY },
	{ "MORE_THAN", M_MORE }, { "EQUAL_OR_MORE", M_EQMORE },
	{ "LESS_THAN", M_LESS }, { "EQUAL_OR_LESS", M_EQLESS }
};

static const double p10[NUM_MAXDIGITS + 1] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15
};

/* A value being built: the interval, how it was written, and its bounds. */
struct nval {
	double		 lo, hi;
	double		 mant;		/* value before its last scale */
	double		 scale;		/* 1 when no scale word */
	size_t		 core;		/* where the first value starts */
	unsigned	 ndig;		/* digits, when plain */
	unsigned	 has_lo:1, has_hi:1, approx:1, ordinal:1;
	unsigned	 digits:1;	/* first value written in digits */
	unsigned	 plain:1;	/* digits only: no separator, scale */
	unsigned	 vague:1, range:1, bounded:1;
	unsigned	 share:1;	/* a fraction without a scale */
	unsigned	 measure:1;	/* a percentage: no count, so a
					   bound does not step it */
	const char	*mod;
};

/*
 * Per-call state.  A scan looks up most words of the text, so it first
 * indexes the lists it reads: a hash set of the first word of every entry
 * (tagged with the lists it opens), so a word in no list costs one hash,
 * and a hash table of the entries themselves, so a lookup does not search
 * the vocabulary for the list by name each time.  Both live on the stack
 * and are rebuilt per call from the vocabulary (cc_vocab_list); a parse
 * reads few words and asks cc_vocab_lookup directly.  A list too large
 * for the table is looked up through cc_vocab_lookup as well.
 */
struct nslot {
	const struct cc_vocab_entry	*e;
	uint32_t			 kind;
	uint32_t			 len;
};

struct nctx {
	const struct cc_vocab	*vc;
	const char		*s;
	size_t			 len;
	int			 scan;		/* prose: dates, currency */
	int			 indexed;
	int			 noand;		/* "and" ends a cardinal */
	int			 bounded;	/* after a bound: "half" */
	size_t			 money_at;	/* digits here take a money
						   abbreviation: "$2-3m" */
	uint32_t		 unindexed;	/* lists not in the table */
	unsigned char		 maxwords[NL__COUNT];
	uint32_t		 filter[FILTER_SLOTS];
	struct nslot		 slot[INDEX_SLOTS];
	/* The filter hash of the word looked up last: the parsers ask
	 * list after list about the same word. */
	const char		*memo_w;
	size_t			 memo_n;
	uint32_t		 memo_h;
	/* The cardinal read last: a value's readings (fraction, share,
	 * decimals) each start with the same words. */
	size_t			 words_p;	/* NOPE: none */
	size_t			 words_e;
	int			 words_noand;
	struct nval		 words_v;
	/* The digits read last (n_digits): a value's readings (a count,
	 * a fraction's, a share's) each read them again, five times a
	 * number. */
	size_t			 digits_p;	/* NOPE: none */
	size_t			 digits_e;
	struct nval		 digits_v;
	/* The length of the word at wl_p (wordlen): asked for again by
	 * each reading of a value. */
	size_t			 wl_p;		/* NOPE: none */
	size_t			 wl_n;
};

/* --- words and lookups ------------------------------------------------ */

/* FNV-1a of w[0..n), ASCII case folded, seeded with a list number. */
static uint32_t
word_hash(uint32_t seed, const char *w, size_t n)
{
	uint32_t	h = 2166136261u ^ seed;
	size_t		i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)w[i] | (IS_ALPHA(w[i]) ? 0x20 : 0);
		h *= 16777619u;
	}
	return h ^ (h >> 15);
}

static int
index_add(struct nctx *c, uint32_t k, const struct cc_vocab_entry *e)
{
	size_t		n = strlen(e->word), i, tries;

	i = word_hash(k, e->word, n) & (INDEX_SLOTS - 1);
	for (tries = 0; tries < INDEX_SLOTS / 2; tries++) {
		if (c->slot[i].e == NULL) {
			c->slot[i].e = e;
			c->slot[i].kind = k;
			c->slot[i].len = (uint32_t)n;
			return 1;
		}
		i = (i + 1) & (INDEX_SLOTS - 1);
	}
	return 0;
}

static void
ctx_init(struct nctx *c, const struct cc_vocab *vc, const char *s,
    size_t len, int scan)
{
	const struct cc_vocab_list	*l;
	const char			*w, *sp;
	size_t				 i, n, used = 0;
	unsigned			 k, words;

	c->vc = vc;
	c->s = s;
	c->len = len;
	c->scan = scan;
	c->indexed = scan;
	c->noand = 0;
	c->bounded = 0;
	c->money_at = NOPE;
	c->unindexed = 0;
	c->memo_w = NULL;
	c->memo_n = 0;
	c->words_p = NOPE;	/* nothing read yet */
	c->digits_p = NOPE;
	c->words_noand = 0;
	c->wl_p = NOPE;		/* wordlen(NOPE) is 0 */
	c->wl_n = 0;
	for (k = 0; k < NL__COUNT; k++)
		c->maxwords[k] = NUM_PHRASE;
	if (!scan)
		return;
	memset(c->filter, 0, sizeof c->filter);
	memset(c->slot, 0, sizeof c->slot);
	for (k = 0; k < NL__COUNT; k++) {
		c->maxwords[k] = 1;
		if ((l = cc_vocab_list(vc, nl_names[k])) == NULL)
			continue;
		/* Keep the table at most half full, so probes stay short. */
		if (used + l->n > INDEX_SLOTS / 2)
			c->unindexed |= 1u << k;
		else
			used += l->n;
		for (i = 0; i < l->n; i++) {
			w = l->v[i].word;
			sp = strchr(w, ' ');
			n = sp != NULL ? (size_t)(sp - w) : strlen(w);
			c->filter[word_hash(0, w, n) & (FILTER_SLOTS - 1)] |=
			    1u << k;
			for (words = 1; sp != NULL; sp = strchr(sp + 1, ' '))
				words++;
			if (words > c->maxwords[k])
				c->maxwords[k] = words > NUM_PHRASE ?
				    NUM_PHRASE : (unsigned char)words;
			if (!(c->unindexed & (1u << k)) &&
			    !index_add(c, k, &l->v[i]))
				c->unindexed |= 1u << k;
		}
	}
}

/* Value of the entry w[0..n) (words joined by single spaces) in list k,
 * or NULL; "" for an entry without a value. */
static const char *
lookup(const struct nctx *c, enum nlist k, const char *w, size_t n)
{
	const struct nslot	*sl;
	size_t			 i, tries;

	if (!c->indexed || (c->unindexed & (1u << k)))
		return cc_vocab_lookup(c->vc, nl_names[k], w, n);
	i = word_hash(k, w, n) & (INDEX_SLOTS - 1);
	for (tries = 0; tries < INDEX_SLOTS; tries++) {
		sl = &c->slot[i];
		if (sl->e == NULL)
			return NULL;
		if (sl->kind == k && sl->len == n &&
		    strncasecmp(sl->e->word, w, n) == 0)
			return sl->e->value != NULL ? sl->e->value : "";
		i = (i + 1) & (INDEX_SLOTS - 1);
	}
	return NULL;
}

/* Value of word w[0..n) in list k, or NULL. */
static const char *
lk(const struct nctx *c, enum nlist k, const char *w, size_t n)
{
	struct nctx	*mc = (struct nctx *)c;	/* the memo only; every
						   nctx is a local */

	if (n == 0 || n > NUM_WORDMAX)
		return NULL;
	if (c->indexed) {
		if (c->memo_w != w || c->memo_n != n) {
			mc->memo_w = w;
			mc->memo_n = n;
			mc->memo_h = word_hash(0, w, n);
		}
		if (!(c->filter[c->memo_h & (FILTER_SLOTS - 1)] & (1u << k)))
			return NULL;
	}
	return lookup(c, k, w, n);
}

/* Length of the ASCII word at p, or 0 if there is none, it is longer
 * than any listed word, or it runs into a digit or non-ASCII letter. */
static size_t
wordlen(const struct nctx *c, size_t p)
{
	struct nctx	*mc = (struct nctx *)c;	/* the memo only */
	size_t		 q = p;

	if (p == c->wl_p)
		return c->wl_n;
	while (q < c->len && IS_ALPHA(c->s[q]) && q - p <= NUM_WORDMAX)
		q++;
	mc->wl_p = p;
	if (q == p || q - p > NUM_WORDMAX ||
	    (q < c->len && (IS_DIGIT(c->s[q]) || IS_HIGH(c->s[q]))))
		return mc->wl_n = 0;
	return mc->wl_n = q - p;
}

/* Value of the word at p in list k; *end set to its end. */
static const char *
lk_at(const struct nctx *c, enum nlist k, size_t p, size_t *end)
{
	size_t		 n = wordlen(c, p);
	const char	*v;

	if (n == 0 || (v = lk(c, k, c->s + p, n)) == NULL)
		return NULL;
	*end = p + n;
	return v;
}

/* Position after 1..NUM_GAP bytes of white space at p, or NOPE. */
static size_t
gap(const struct nctx *c, size_t p)
{
	size_t	q = p;

	if (p == NOPE)
		return NOPE;
	while (q < c->len && IS_SPACE(c->s[q]) && q - p <= NUM_GAP)
		q++;
	if (q == p || q - p > NUM_GAP)
		return NOPE;
	return q;
}

/* Position after a gap or a single hyphen at p, or NOPE. */
static size_t
joint(const struct nctx *c, size_t p)
{
	if (p < c->len && c->s[p] == '-')
		return p + 1;
	return gap(c, p);
}

/* The longest entry of list k (up to its most words) starting with the
 * word at p; returns its value and sets *end, or NULL. */
static const char *
lk_phrase(const struct nctx *c, enum nlist k, size_t p, size_t *end)
{
	size_t		 ws[NUM_PHRASE], we[NUM_PHRASE], n = 0, i, j, q, wl;
	size_t		 klen;
	char		 key[NUM_KEYMAX];
	const char	*v;

	if (p == NOPE || (wl = wordlen(c, p)) == 0)
		return NULL;
	if (c->indexed && !(c->filter[word_hash(0, c->s + p, wl) &
	    (FILTER_SLOTS - 1)] & (1u << k)))
		return NULL;
	for (q = p; n < c->maxwords[k]; n++) {
		ws[n] = q;
		we[n] = q + wl;
		if ((q = gap(c, we[n])) == NOPE || (wl = wordlen(c, q)) == 0) {
			n++;
			break;
		}
	}
	for (i = n; i > 0; i--) {
		klen = 0;
		for (j = 0; j < i; j++) {
			wl = we[j] - ws[j];
			if (klen + wl + 1 > sizeof key)
				break;
			if (j > 0)
				key[klen++] = ' ';
			memcpy(key + klen, c->s + ws[j], wl);
			klen += wl;
		}
		if (j < i)
			continue;
		if ((v = lookup(c, k, key, klen)) != NULL) {
			*end = we[i - 1];
			return v;
		}
	}
	return NULL;
}

/* A whole number written in digits in a list value ("1000000"). */
static int
vnum(const char *v, double *out)
{
	double	x = 0;
	int	n = 0;

	if (v == NULL)
		return 0;
	for (; IS_DIGIT(*v) && n <= NUM_MAXDIGITS; v++, n++)
		x = x * 10 + (*v - '0');
	if (n == 0 || n > NUM_MAXDIGITS || *v != '\0')
		return 0;
	*out = x;
	return 1;
}

/* "LO..HI" in a list value. */
static int
vrange(const char *v, double *lo, double *hi)
{
	char		 buf[40];
	const char	*dots;

	if (v == NULL || (dots = strstr(v, "..")) == NULL ||
	    (size_t)(dots - v) >= sizeof buf)
		return 0;
	memcpy(buf, v, (size_t)(dots - v));
	buf[dots - v] = '\0';
	return vnum(buf, lo) && vnum(dots + 2, hi) && *lo <= *hi;
}

static enum nmod
vmod(const char *v)
{
	size_t	i;

	for (i = 0; v != NULL && i < sizeof mod_codes / sizeof *mod_codes;
	    i++)
		if (strcmp(v, mod_codes[i].code) == 0)
			return mod_codes[i].mod;
	return M_NONE;
}

static int	month_before(const struct nctx *, size_t);

/* --- values ------------------------------------------------------------ */

static int
whole(double x)
{
	return (double)(long long)x == x;
}

static void
set_value(struct nval *v, double x, double mant, double scale)
{
	v->lo = v->hi = x;
	v->mant = mant;
	v->scale = scale;
	v->has_lo = v->has_hi = 1;
}

/* Apply a bound to v; ordinals take none. */
static int
apply_mod(struct nval *v, enum nmod m)
{
	if (m == M_NONE || v->ordinal)
		return 0;
	switch (m) {
	case M_APPROX:
		v->approx = 1;
		v->mod = "APPROX";
		break;
	case M_NEARLY:
		/* "nearly 40,000": short of it, by an unknown margin. */
		v->approx = 1;
		v->has_lo = 0;
		v->mod = "LESS_THAN";
		break;
	case M_MORE:
		/* Counts are whole: "more than 100" is at least 101.  A
		 * measure is not: "more than 50%" may be 50.5. */
		if (whole(v->lo) && !v->measure)
			v->lo += 1;
		v->has_lo = 1;
		v->has_hi = 0;
		v->mod = "MORE_THAN";
		break;
	case M_EQMORE:
		v->has_lo = 1;
		v->has_hi = 0;
		v->mod = "EQUAL_OR_MORE";
		break;
	case M_LESS:
		if (whole(v->hi) && v->hi >= 1 && !v->measure)
			v->hi -= 1;
		v->has_lo = 0;
		v->has_hi = 1;
		v->mod = "LESS_THAN";
		break;
	case M_EQLESS:
		v->has_lo = 0;
		v->has_hi = 1;
		v->mod = "EQUAL_OR_LESS";
		break;
	default:
		break;
	}
	v->bounded = 1;
	return 1;
}

/* Scale words after a value: "million", "hundred thousand".  Each must
 * be larger than the one before.  Returns the new end; *scale is the
 * product. */
static size_t
scale_words(const struct nctx *c, size_t q, double *scale)
{
	const char	*val;
	size_t		 r, e;
	double		 b, last = 0;

	*scale = 1;
	for (;;) {
		r = joint(c, q);
		if (r == NOPE)
			break;
		if ((val = lk_at(c, NL_SMALL, r, &e)) == NULL &&
		    (val = lk_at(c, NL_BIG, r, &e)) == NULL)
			break;
		if (!vnum(val, &b) || b <= last || *scale * b > NUM_MAX)
			break;
		*scale *= b;
		last = b;
		q = e;
	}
	return q;
}

/* Is the character before p a currency sign ("$5m")? */
static int
after_currency(const struct nctx *c, size_t p)
{
	size_t	b = p, n = 0;

	while (b > 0 && n < 4) {
		b--;
		n++;
		if (((unsigned char)c->s[b] & 0xc0) != 0x80)
			break;
	}
	return n > 0 && lk(c, NL_CURRENCY, c->s + b, p - b) != NULL;
}

/* The value of the abbreviated scale s[q..q+w) after digits that start
 * at p ("bn"; "m" only after a currency sign when scanning), or NULL. */
static const char *
abbrev_at(const struct nctx *c, size_t p, size_t q, size_t w)
{
	const char	*val;

	if ((val = lk(c, NL_ABBREV, c->s + q, w)) == NULL &&
	    (val = lk(c, NL_MONEY, c->s + q, w)) != NULL && c->scan &&
	    p != c->money_at && !after_currency(c, p))
		val = NULL;
	return val;
}

/* The value of an abbreviated scale of two letters or more standing
 * apart after digits that end at q ("5 bln", "1.2 bn"; "5 k" and "$5 m"
 * are none), or NULL; *end set to its end. */
static const char *
abbrev_apart(const struct nctx *c, size_t q, size_t *end)
{
	size_t	r, w;

	if ((r = gap(c, q)) == NOPE || (w = wordlen(c, r)) < 2)
		return NULL;
	*end = r + w;
	return lk(c, NL_ABBREV, c->s + r, w);
}

/* A decimal comma at q, as much European copy writes it: ",2" or ",25"
 * after up to three digits, but only before a scale of a thousand or
 * more ("1,2 million", "1,5bn", "1,2 bln"); "1,2" alone is two numbers,
 * and
 * "1,200 million" has a thousands separator.  Returns the end of the
 * decimals, or NOPE. */
static size_t
decimal_comma(const struct nctx *c, size_t p, size_t q)
{
	const char	*s = c->s;
	size_t		 e = q + 1, w;
	double		 scale;

	if (q >= c->len || s[q] != ',')
		return NOPE;
	while (e < c->len && IS_DIGIT(s[e]) && e - q <= 3)
		e++;
	if (e == q + 1 || e - q > 3 || (e < c->len && IS_DIGIT(s[e])))
		return NOPE;
	if (e < c->len && IS_ALPHA(s[e])) {
		for (w = 0; e + w < c->len && IS_ALPHA(s[e + w]) &&
		    w <= NUM_WORDMAX; w++)
			;
		return abbrev_at(c, p, e, w) != NULL ? e : NOPE;
	}
	if (abbrev_apart(c, e, &w) != NULL)
		return e;				/* "1,2 bln" */
	return scale_words(c, e, &scale) > e && scale >= 1000 ? e : NOPE;
}

/* Past a currency sign at p that stands before a digit ("$6bn" as the
 * second end of "$5bn-$6bn"), or p. */
static size_t
past_currency(const struct nctx *c, size_t p)
{
	size_t	n;

	if (p == NOPE || p >= c->len || (!IS_HIGH(c->s[p]) && c->s[p] != '$'))
		return p;
	for (n = 1; p + n < c->len && ((unsigned char)c->s[p + n] & 0xc0) ==
	    0x80 && n < 4; n++)
		;
	if (p + n < c->len && IS_DIGIT(c->s[p + n]) &&
	    lk(c, NL_CURRENCY, c->s + p, n) != NULL)
		return p + n;
	return p;
}

/* Is there a decimal point at p that opens a number (".5", not "2.5",
 * "No.5" or "...5")? */
static int
point_at(const struct nctx *c, size_t p)
{
	char	b;

	if (p >= c->len || p + 1 >= c->len || c->s[p] != '.' ||
	    !IS_DIGIT(c->s[p + 1]))
		return 0;
	b = p > 0 ? c->s[p - 1] : ' ';
	return !IS_ALNUM(b) && !IS_HIGH(b) && strchr(".,'_-/", b) == NULL;
}

/* A fraction written with a slash at p: one digit over one from 2 to 9,
 * the smaller first, standing alone ("3/4"; not "24/7", "9/11" or a
 * date).  Returns its end and sets *num and *den, or NOPE. */
static size_t
slash_at(const struct nctx *c, size_t p, double *num, double *den)
{
	const char	*s = c->s;
	size_t		 e = p + 3;

	if (p >= c->len || e > c->len || !IS_DIGIT(s[p]) || s[p + 1] != '/' ||
	    !IS_DIGIT(s[p + 2]))
		return NOPE;
	*num = s[p] - '0';
	*den = s[p + 2] - '0';
	if (*num < 1 || *den < 2 || *num >= *den || (e < c->len &&
	    (IS_ALNUM(s[e]) || IS_HIGH(s[e]) || ((s[e] == '/' ||
	    s[e] == '.' || s[e] == ',' || s[e] == ':') &&
	    e + 1 < c->len && IS_DIGIT(s[e + 1])))))
		return NOPE;
	return e;
}

/* A fraction sign at p ("½", "¾": number_fraction_signs, valued
 * "NUM/DEN"): its end, *num and *den set; else NOPE. */
static size_t
sign_frac_at(const struct nctx *c, size_t p, double *num, double *den)
{
	const char	*v, *sl;
	char		 buf[24];
	size_t		 n;

	if (p >= c->len || !IS_HIGH(c->s[p]))
		return NOPE;
	for (n = 1; p + n < c->len && n < 4 &&
	    ((unsigned char)c->s[p + n] & 0xc0) == 0x80; n++)
		;
	if ((v = lk(c, NL_FSIGN, c->s + p, n)) == NULL ||
	    (sl = strchr(v, '/')) == NULL || (size_t)(sl - v) >= sizeof buf)
		return NOPE;
	memcpy(buf, v, (size_t)(sl - v));
	buf[sl - v] = '\0';
	if (!vnum(buf, num) || !vnum(sl + 1, den) || *den < 1)
		return NOPE;
	return p + n;
}

static size_t	n_digits_read(struct nctx *, size_t, struct nval *);

/* Digits at p (n_digits_read), remembered for the last p. */
static size_t
n_digits(struct nctx *c, size_t p, struct nval *v)
{
	if (p != c->digits_p) {
		c->digits_e = n_digits_read(c, p, &c->digits_v);
		c->digits_p = p;
	}
	*v = c->digits_v;
	return c->digits_e;
}

/* Digits at p: "16,150", "1,234.5", ".5", "21st", "1.5bn", "10
 * million". */
static size_t
n_digits_read(struct nctx *c, size_t p, struct nval *v)
{
	const char	*s = c->s, *val;
	size_t		 q = p, w;
	double		 m = 0, scale = 1, x, frac = 0, fn, fd;
	unsigned	 nd = 0, k = 0;
	int		 sep = 0, suffixed = 0;	/* sep: ',' or '.' */
	char		 gs;			/* group separator */

	memset(v, 0, sizeof *v);
	while (q < c->len && IS_DIGIT(s[q])) {
		if (++nd <= NUM_MAXDIGITS)
			m = m * 10 + (s[q] - '0');
		q++;
	}
	if ((nd == 0 && !point_at(c, p)) || nd > NUM_MAXDIGITS)
		return NOPE;
	/* "007", "000": leading zeros make a code, not a count. */
	if (nd > 1 && s[p] == '0')
		return NOPE;
	/* Thousands separators: groups of exactly three digits, after a
	 * comma or, all alike, a single space ("10 000", "1 000 000"; not
	 * after a day: "May 5 100 people") or a point, when two groups
	 * or more show it is no decimal ("1.000.000", not "1.500"). */
	gs = q < c->len && s[q] == ' ' && c->scan && month_before(c, p) ?
	    ',' : q < c->len ? s[q] : ',';
	if (gs == '.' && !(q + 8 <= c->len && IS_DIGIT(s[q + 1]) &&
	    IS_DIGIT(s[q + 2]) && IS_DIGIT(s[q + 3]) && s[q + 4] == '.' &&
	    IS_DIGIT(s[q + 5]) && IS_DIGIT(s[q + 6]) && IS_DIGIT(s[q + 7]) &&
	    (q + 8 == c->len || !IS_DIGIT(s[q + 8]))))
		gs = ',';
	if (nd <= 3 && (gs == ',' || gs == ' ' || gs == '.'))
		while (q + 4 <= c->len && s[q] == gs && IS_DIGIT(s[q + 1]) &&
		    IS_DIGIT(s[q + 2]) && IS_DIGIT(s[q + 3]) &&
		    (q + 4 == c->len || !IS_DIGIT(s[q + 4]))) {
			if ((nd += 3) > NUM_MAXDIGITS)
				return NOPE;
			m = m * 1000 + (s[q + 1] - '0') * 100 +
			    (s[q + 2] - '0') * 10 + (s[q + 3] - '0');
			q += 4;
			sep = 1;
		}
	v->ndig = nd;
	if (gs == '.' && sep && q + 1 < c->len && s[q] == '.' &&
	    IS_DIGIT(s[q + 1]))
		return NOPE;			/* "1.000.000.5" */
	if ((q + 1 < c->len && s[q] == '.' && IS_DIGIT(s[q + 1])) ||
	    (!sep && nd <= 3 && decimal_comma(c, p, q) != NOPE)) {
		for (q++; q < c->len && IS_DIGIT(s[q]); q++) {
			if (nd + ++k > NUM_MAXDIGITS)
				return NOPE;
			m = m * 10 + (s[q] - '0');
		}
		sep = 1;
		/* "30.10.2022", "1.2.3": a date or a version. */
		if (q + 1 < c->len && s[q] == '.' && IS_DIGIT(s[q + 1]))
			return NOPE;
	}
	/* "10:30", "10/30/2022": clock times, dates, fractions. */
	if (q + 1 < c->len && (s[q] == ':' || s[q] == '/') &&
	    IS_DIGIT(s[q + 1]))
		return NOPE;
	/* "2½", "2 1/2": a whole number and a fraction. */
	if (!sep && ((w = sign_frac_at(c, q, &fn, &fd)) != NOPE ||
	    (q + 1 < c->len && s[q] == ' ' &&
	    (w = slash_at(c, q + 1, &fn, &fd)) != NOPE))) {
		frac = fn / fd;
		q = w;
		sep = 1;
	}
	x = m / p10[k] + frac;
	set_value(v, x, x, 1);
	v->digits = 1;
	if (q < c->len && IS_ALPHA(s[q])) {
		for (w = 0; q + w < c->len && IS_ALPHA(s[q + w]) &&
		    w <= NUM_WORDMAX; w++)
			;
		if (q + w < c->len && IS_DIGIT(s[q + w]))
			return NOPE;			/* "4x4", "A320neo" */
		if (k == 0 && lk(c, NL_ORDSUF, s + q, w) != NULL) {
			v->ordinal = 1;
			q += w;
			suffixed = 1;
		} else if ((val = abbrev_at(c, p, q, w)) != NULL) {
			if (!vnum(val, &scale))
				return NOPE;
			q += w;
			suffixed = 1;
		} else if (lk(c, NL_TIME, s + q, w) != NULL)
			return NOPE;			/* "10am" */
		else if (w == 1)
			return NOPE;			/* "5G", "1990s" */
		/* Otherwise a unit written close ("5km"): the number ends
		 * here. */
	}
	/* "the 1990's", "2021's budget": a name of a year or decade. */
	if (q + 1 < c->len && s[q] == '\'' && IS_ALPHA(s[q + 1]))
		return NOPE;
	if (!suffixed && (val = abbrev_apart(c, q, &w)) != NULL) {
		if (!vnum(val, &scale))
			return NOPE;
		q = w;
		suffixed = 1;
	}
	if (!suffixed)
		q = scale_words(c, q, &scale);
	if (m * scale / p10[k] + frac * scale > NUM_MAX)
		return NOPE;
	if (scale != 1)
		set_value(v, m * scale / p10[k] + frac * scale, x, scale);
	v->plain = !sep && scale == 1 && !v->ordinal;
	return q;
}

/* Cardinal words: "eight", "twenty-three", "two hundred and fifty",
 * "a million", "one million two hundred thousand". */
enum wstate { W_NONE, W_ART, W_UNIT, W_TENS, W_HUND, W_BIG, W_AND };

static size_t	n_words_read(struct nctx *, size_t, struct nval *);

/* n_words_read, remembered for the last p. */
static size_t
n_words(struct nctx *c, size_t p, struct nval *v)
{
	if (p == NOPE) {
		memset(v, 0, sizeof *v);
		return NOPE;
	}
	if (p != c->words_p || c->noand != c->words_noand) {
		c->words_e = n_words_read(c, p, &c->words_v);
		c->words_p = p;
		c->words_noand = c->noand;
	}
	*v = c->words_v;
	return c->words_e;
}

static size_t
n_words_read(struct nctx *c, size_t p, struct nval *v)
{
	enum wstate	 st = W_NONE;
	const char	*val;
	size_t		 q = p, e, good = NOPE, r;
	double		 total = 0, cur = 0, lastbig = 0, lastsmall = 0, x;
	double		 gval = 0, gmant = 0, gscale = 1;
	int		 hund = 0, ntok, hyphen = 0;
	enum nlist	 k;

	memset(v, 0, sizeof *v);
	for (ntok = 0; ntok < NUM_MAXTOKENS; ntok++) {
		val = NULL;
		for (k = NL_ONES; k <= NL_ZERO; k++)
			if ((val = lk_at(c, k, q, &e)) != NULL)
				break;
		if (val != NULL) {
			if (!vnum(val, &x))
				break;
			/* A unit joins a tens word ("twenty-three");
			 * otherwise a word below a hundred opens a group:
			 * first, or after a scale or "and".  Zero stands
			 * alone. */
			if (!(st == W_TENS && k == NL_ONES) &&
			    (hyphen || (k == NL_ZERO && st != W_NONE) ||
			    !(st == W_NONE || st == W_BIG || st == W_AND ||
			    st == W_HUND)))
				break;
			cur += x;
			st = k == NL_TENS ? W_TENS : W_UNIT;
		} else if (st == W_NONE && !hyphen &&
		    lk_at(c, NL_ART, q, &e) != NULL) {
			cur = 1;
			st = W_ART;
		} else if ((val = lk_at(c, NL_SMALL, q, &e)) != NULL) {
			if (!vnum(val, &x) || hund || cur < 1 || cur >= 100 ||
			    !(st == W_ART || st == W_UNIT || st == W_TENS) ||
			    (st == W_ART && hyphen))
				break;
			cur *= x;
			lastsmall = x;
			hund = 1;
			st = W_HUND;
		} else if ((val = lk_at(c, NL_BIG, q, &e)) != NULL) {
			if (!vnum(val, &x) || cur < 1 ||
			    (lastbig != 0 && x >= lastbig) ||
			    !(st == W_ART || st == W_UNIT || st == W_TENS ||
			    st == W_HUND) || (st == W_ART && hyphen))
				break;
			total += cur * x;
			cur = 0;
			hund = 0;
			lastbig = x;
			st = W_BIG;
		} else if (!hyphen && !c->noand && (st == W_HUND ||
		    st == W_BIG) && lk_at(c, NL_AND, q, &e) != NULL) {
			st = W_AND;
		} else
			break;
		if (total + cur > NUM_MAX)
			return NOPE;
		if (st == W_UNIT || st == W_TENS || st == W_HUND ||
		    st == W_BIG) {
			good = e;
			gval = total + cur;
			if (st == W_BIG) {
				gscale = lastbig;
				gmant = gval / lastbig;
			} else if (st == W_HUND && total == 0) {
				gscale = lastsmall;
				gmant = gval / lastsmall;
			} else {
				gscale = 1;
				gmant = gval;
			}
		}
		/* The next word: after white space, or after a hyphen
		 * between a tens word and a unit or before a scale. */
		hyphen = e < c->len && c->s[e] == '-';
		if (hyphen && st == W_ART)
			break;
		if ((r = joint(c, e)) == NOPE)
			break;
		q = r;
	}
	if (good == NOPE)
		return NOPE;
	set_value(v, gval, gmant, gscale);
	return good;
}

/* Decimals read out: "zero point five", "two point five million", "one
 * point two five".  The whole part is words below a scale. */
static size_t
n_point(struct nctx *c, size_t p, struct nval *v)
{
	struct nval	t;
	size_t		e, q, r;
	double		m = 0, x, scale;
	unsigned	k = 0;

	memset(v, 0, sizeof *v);
	if ((e = n_words(c, p, &t)) == NOPE || t.scale != 1 ||
	    (q = gap(c, e)) == NOPE || lk_at(c, NL_POINT, q, &e) == NULL)
		return NOPE;
	for (; (q = gap(c, e)) != NOPE && k < NUM_MAXDIGITS; k++) {
		if (!vnum(lk_at(c, NL_ONES, q, &r), &x) &&
		    !vnum(lk_at(c, NL_ZERO, q, &r), &x))
			break;
		m = m * 10 + x;
		e = r;
	}
	if (k == 0 || t.lo >= p10[NUM_MAXDIGITS - k])
		return NOPE;
	x = (t.lo * p10[k] + m) / p10[k];
	q = scale_words(c, e, &scale);
	if (x * scale > NUM_MAX)
		return NOPE;
	set_value(v, x * scale, x, scale);
	return q;
}

/* Denominator of the fraction word at p, or 0. */
static double
frac_at(const struct nctx *c, size_t p, size_t *end)
{
	double	d;

	if (p == NOPE || !vnum(lk_at(c, NL_FRAC, p, end), &d) || d < 1)
		return 0;
	return d;
}

/* A whole number below a hundred, in words or digits, at p: the count
 * of a fraction ("three quarters", "two and a half"). */
static size_t
small_count(struct nctx *c, size_t p, double *x)
{
	struct nval	 t;
	size_t		 e;

	if (p < c->len && IS_DIGIT(c->s[p]))
		e = n_digits(c, p, &t);
	else
		e = n_words(c, p, &t);
	if (e == NOPE || t.ordinal || t.scale != 1 || !whole(t.lo) ||
	    (t.digits && !t.plain))
		return NOPE;
	*x = t.lo;
	return e;
}

/* A single scale word at p ("million", "dozen"). */
static size_t
one_scale(const struct nctx *c, size_t p, double *b)
{
	size_t	e;

	if (p == NOPE)
		return NOPE;
	if (vnum(lk_at(c, NL_SMALL, p, &e), b) ||
	    vnum(lk_at(c, NL_BIG, p, &e), b))
		return e;
	return NOPE;
}

/* "and a half" at e, after a count ("two and a half") or a scale ("a
 * million and a half", "a dozen and a half"): its end, and the
 * denominator into *d; else NOPE. */
static size_t
and_a_fraction(const struct nctx *c, size_t e, double *d)
{
	size_t	r;

	if ((r = joint(c, e)) == NOPE || lk_at(c, NL_AND, r, &e) == NULL ||
	    (r = joint(c, e)) == NOPE || lk_at(c, NL_ART, r, &e) == NULL ||
	    (*d = frac_at(c, joint(c, e), &e)) == 0)
		return NOPE;
	return e;
}

/* Fractions: "two and a half million", "one and a half", "half a
 * million", "a quarter of a million", "three quarters of a million",
 * hyphenated too: "two-and-a-half", "a half-dozen".
 * Without a count before it, a fraction needs a scale: "half" alone is no
 * number. */
static size_t
n_frac(struct nctx *c, size_t p, struct nval *v)
{
	size_t	e, r, q;
	double	num = 1, d, b = 1;

	memset(v, 0, sizeof *v);
	if ((e = small_count(c, p, &num)) != NOPE &&
	    (e = and_a_fraction(c, e, &d)) != NOPE) {
		if ((q = one_scale(c, joint(c, e), &b)) != NOPE)
			e = q;
		if ((num + 1 / d) * b > NUM_MAX)
			return NOPE;
		set_value(v, (num + 1 / d) * b, num + 1 / d, b);
		v->digits = IS_DIGIT(c->s[p]);
		return e;
	}
	num = 1;
	q = p;
	if (lk_at(c, NL_ART, p, &e) != NULL)
		q = gap(c, e);
	else if ((e = small_count(c, p, &num)) != NOPE)
		q = joint(c, e);
	/* "the fifth million": an ordinal, unless a count comes first. */
	if ((d = frac_at(c, q, &e)) == 0 ||
	    (q == p && lk_at(c, NL_ORD, p, &r) != NULL))
		return NOPE;
	/* "a quarter of a million"; "a half-dozen" */
	r = joint(c, e);
	if ((q = gap(c, e)) != NOPE && lk_at(c, NL_OF, q, &q) != NULL)
		r = gap(c, e = q);
	if ((q = gap(c, e)) != NOPE && lk_at(c, NL_ART, q, &q) != NULL)
		r = gap(c, e = q);
	if ((e = one_scale(c, r, &b)) == NOPE || num / d * b > NUM_MAX)
		return NOPE;
	set_value(v, num / d * b, num / d, b);
	v->digits = IS_DIGIT(c->s[p]);
	return e;
}

/* Is the fraction word at [q, e) a share after a count of num, joined by
 * a hyphen when hyphen is set?  A word that is an ordinal too is one only
 * after "one" or "a": joined by a hyphen ("one-third"), or before "of" or
 * no word at all ("a third of them", "cut by a third."); "a third day" and
 * "twenty-fifth" are ordinals.  Plurals ("two thirds") and words that are
 * no ordinal ("three quarters", "a half") always are. */
static int
share_word(const struct nctx *c, size_t q, size_t e, double num, int hyphen)
{
	size_t	r, w;

	if (lk_at(c, NL_ORD, q, &r) == NULL)
		return 1;
	if (num != 1)
		return 0;
	if (hyphen)
		return 1;
	if ((r = gap(c, e)) == NOPE)
		return e == c->len || !IS_ALNUM(c->s[e]);
	return (w = wordlen(c, r)) == 0 ? !IS_ALNUM(c->s[r]) :
	    lk(c, NL_OF, c->s + r, w) != NULL;
}

/* "one in five", "nine out of 10" (number_ratio): a count below a
 * larger one up to 100.  Returns the end, *num and *den set, or NOPE. */
static size_t
ratio_at(struct nctx *c, size_t p, double *num, double *den)
{
	size_t	e, r;

	if ((e = small_count(c, p, num)) == NOPE || *num < 1 ||
	    lk_phrase(c, NL_RATIO, gap(c, e), &r) == NULL ||
	    (e = small_count(c, gap(c, r), den)) == NOPE || *den <= *num ||
	    *den > 100)
		return NOPE;
	return e;
}

/* A share of something, without a scale: "two-thirds", "a quarter", "one
 * half", "3/4" (slash_at), "¾".  Its value is the fraction; it counts
 * nothing, so rules take no claim value from it (cc_number.fraction). */
static size_t
n_share(struct nctx *c, size_t p, struct nval *v)
{
	const char	*s = c->s;
	size_t		 e, q;
	double		 num = 1, d;
	int		 hyphen = 0;

	memset(v, 0, sizeof *v);
	if ((e = ratio_at(c, p, &num, &d)) != NOPE)
		;
	else if ((e = slash_at(c, p, &num, &d)) != NOPE ||
	    (e = sign_frac_at(c, p, &num, &d)) != NOPE) {
		if (e < c->len && (IS_ALNUM(s[e]) || IS_HIGH(s[e])))
			return NOPE;
	} else {
		if (lk_at(c, NL_ART, p, &e) != NULL)
			q = gap(c, e);
		else if ((e = small_count(c, p, &num)) != NOPE && num >= 1) {
			hyphen = e < c->len && s[e] == '-';
			q = joint(c, e);
		} else if (c->bounded && lk_at(c, NL_ORD, p, &e) == NULL)
			q = p;			/* "more than half" */
		else
			return NOPE;
		if ((d = frac_at(c, q, &e)) == 0 ||
		    !share_word(c, q, e, num, hyphen))
			return NOPE;
	}
	set_value(v, num / d, num / d, 1);
	v->digits = IS_DIGIT(s[p]);
	v->share = 1;
	return e;
}

/* Vague quantities: "several", "dozens", "a few hundred", "a couple of
 * million", "several hundred thousand" (each scale counts the range:
 * LO*b .. (HI+1)*b-1),
 * "tens of thousands" (the same with the plural scale's unit). */
static size_t
n_vague(struct nctx *c, size_t p, struct nval *v)
{
	const char	*val;
	size_t		 e, r, q;
	double		 lo, hi, b, last = 0;

	memset(v, 0, sizeof *v);
	if ((val = lk_phrase(c, NL_VAGUE, p, &e)) == NULL ||
	    !vrange(val, &lo, &hi))
		return NOPE;
	if ((r = gap(c, e)) != NOPE && lk_at(c, NL_OF, r, &q) != NULL &&
	    vnum(lk_at(c, NL_VSCALE, gap(c, q), &r), &b)) {
		lo *= b;
		hi = (hi + 1) * b - 1;
		e = r;
	} else {
		/* "a couple of hundred": "of" before a scale, as before
		 * a plural one. */
		if ((r = gap(c, e)) != NOPE && lk_at(c, NL_OF, r, &q) != NULL &&
		    one_scale(c, gap(c, q), &b) != NOPE)
			e = q;
		while ((q = one_scale(c, joint(c, e), &b)) != NOPE &&
		    b > last && hi <= NUM_MAX) {
			lo *= b;
			hi = (hi + 1) * b - 1;
			last = b;
			e = q;
		}
	}
	if (hi > NUM_MAX)
		return NOPE;
	set_value(v, lo, lo, 1);
	v->hi = hi;
	v->approx = 1;
	v->vague = 1;
	return e;
}

/* Ordinal words: "third", "twentieth", "twenty-first". */
static size_t
n_ordword(struct nctx *c, size_t p, struct nval *v)
{
	size_t	e, r;
	double	t, o;

	memset(v, 0, sizeof *v);
	if (vnum(lk_at(c, NL_TENS, p, &e), &t) && (r = joint(c, e)) != NOPE &&
	    vnum(lk_at(c, NL_ORD, r, &e), &o) && o >= 1 && o <= 9)
		o += t;
	else if (!vnum(lk_at(c, NL_ORD, p, &e), &o))
		return NOPE;
	set_value(v, o, o, 1);
	v->ordinal = 1;
	return e;
}

/* Start of the word that ends right before p (across white space, or a
 * hyphen when hyphen is set), or NOPE. */
static size_t
prev_word(const struct nctx *c, size_t p, int hyphen, size_t *wend)
{
	size_t	q = p, n = 0;

	if (hyphen && q > 0 && c->s[q - 1] == '-')
		q--;
	else {
		while (q > 0 && IS_SPACE(c->s[q - 1]) && n <= NUM_GAP) {
			q--;
			n++;
		}
		if (n == 0 || n > NUM_GAP)
			return NOPE;
	}
	*wend = q;
	for (n = 0; q > 0 && IS_ALPHA(c->s[q - 1]) && n <= NUM_WORDMAX; n++)
		q--;
	if (n == 0 || n > NUM_WORDMAX ||
	    (q > 0 && (IS_DIGIT(c->s[q - 1]) || IS_HIGH(c->s[q - 1]))))
		return NOPE;
	return q;
}

/* Is the word at p the denominator of a fraction ("a third", "two
 * thirds", "2 thirds") rather than an ordinal? */
static int
after_count(const struct nctx *c, size_t p)
{
	size_t		ws, we;
	enum nlist	k;

	if ((ws = prev_word(c, p, 1, &we)) == NOPE) {
		we = p;
		while (we > 0 && p - we <= NUM_GAP && IS_SPACE(c->s[we - 1]))
			we--;
		return we < p && we > 0 && IS_DIGIT(c->s[we - 1]);
	}
	if (lk(c, NL_ART, c->s + ws, we - ws) != NULL)
		return 1;
	for (k = NL_ONES; k <= NL_ZERO; k++)
		if (lk(c, k, c->s + ws, we - ws) != NULL)
			return 1;
	return 0;
}

/* One value at p: digits, words, a fraction, a vague quantity or an
 * ordinal; the longest reading wins. */
static size_t
n_unsigned(struct nctx *c, size_t p, struct nval *v)
{
	struct nval	t;
	size_t		e, best = NOPE, q;
	double		d;
	int		fraction = 0;

	memset(v, 0, sizeof *v);
	if (p == NOPE || p >= c->len)
		return NOPE;
	if (IS_DIGIT(c->s[p]) || point_at(c, p)) {
		if ((best = n_digits(c, p, v)) == NOPE &&
		    (best = n_share(c, p, v)) == NOPE)
			return NOPE;
		if ((e = n_frac(c, p, &t)) != NOPE && e > best) {
			best = e;
			*v = t;
			fraction = 1;
		}
	} else {
		if ((e = n_frac(c, p, &t)) != NOPE) {
			best = e;
			*v = t;
			fraction = 1;
		}
		if ((e = n_vague(c, p, &t)) != NOPE &&
		    (best == NOPE || e > best)) {
			best = e;
			*v = t;
			fraction = 0;
		}
		if ((e = n_words(c, p, &t)) != NOPE &&
		    (best == NOPE || e > best)) {
			best = e;
			*v = t;
			fraction = 0;
		}
		if ((e = n_point(c, p, &t)) != NOPE &&
		    (best == NOPE || e > best)) {
			best = e;
			*v = t;
			fraction = 0;
		}
		if ((e = n_ordword(c, p, &t)) != NOPE &&
		    (best == NOPE || e > best) && !after_count(c, p)) {
			best = e;
			*v = t;
		}
	}
	/* "a million and a half": the scale counts the fraction too. */
	if (best != NOPE && !fraction && !v->ordinal && !v->vague &&
	    v->scale > 1 && (e = and_a_fraction(c, best, &d)) != NOPE &&
	    (v->mant + 1 / d) * v->scale <= NUM_MAX) {
		set_value(v, (v->mant + 1 / d) * v->scale, v->mant + 1 / d,
		    v->scale);
		best = e;
		fraction = 1;
	}
	/* "two-thirds", "2 thirds": a share, when nothing longer reads. */
	if ((e = n_share(c, p, &t)) != NOPE && (best == NOPE || e > best)) {
		best = e;
		*v = t;
		fraction = 1;
	}
	if (best == NOPE)
		return NOPE;
	/* "a third day", "two third": a count before a fraction word that
	 * makes no share is no number either. */
	if (!fraction && !v->ordinal && !v->vague &&
	    frac_at(c, joint(c, best), &q) != 0)
		return NOPE;
	v->core = p;
	return best;
}

/* Where the value after a minus at p starts: a '-' right before a digit
 * that follows no word, number or other sign ("-5", not "COVID-19",
 * "5-6", "30%-40%" or "--5"), or a word of number_negative ("minus
 * five"); else NOPE. */
static size_t
minus_at(const struct nctx *c, size_t p)
{
	size_t	e;
	char	b;

	if (p >= c->len)
		return NOPE;
	b = p > 0 ? c->s[p - 1] : ' ';
	if (c->s[p] == '-')
		return p + 1 < c->len && IS_DIGIT(c->s[p + 1]) &&
		    !IS_ALNUM(b) && !IS_HIGH(b) && strchr("-.,/_'%", b) ==
		    NULL ? p + 1 : NOPE;
	if (lk_at(c, NL_NEG, p, &e) == NULL)
		return NOPE;
	return gap(c, e);
}

/* One value at p, perhaps negative: "-5", "minus 1.5 million",
 * "negative two".  No ordinal, share or vague quantity takes a sign. */
static size_t
n_core(struct nctx *c, size_t p, struct nval *v)
{
	size_t	q, e;
	double	lo;

	if (p == NOPE || p >= c->len || (q = minus_at(c, p)) == NOPE)
		return n_unsigned(c, p, v);
	if ((e = n_unsigned(c, q, v)) == NOPE || v->ordinal || v->share ||
	    v->vague)
		return NOPE;
	lo = v->lo;
	v->lo = -v->hi;
	v->hi = -lo;
	v->mant = -v->mant;
	v->plain = 0;
	v->core = p;
	return e;
}

/* Join v and the second end t of a range; the second must be larger.
 * "5-6 million": a scale on the second end only applies to both, as
 * thousands do in "5-6,000". */
static int
combine(struct nval *v, const struct nval *t)
{
	double	lo = v->lo, hi = v->hi;

	if (t->ordinal || t->share != v->share)
		return 0;
	if (v->scale == 1 && !v->vague && !t->vague && t->scale > 1 &&
	    v->lo < t->mant)
		lo = hi = v->lo * t->scale;
	/* "50-60,000", "5-6,000": the first end counts thousands too,
	 * when that puts it below the second end by less than tenfold
	 * ("1-10,000" and "500-1,000" stay as written). */
	else if (v->plain && t->digits && !t->plain && t->scale == 1 &&
	    whole(t->lo) && v->lo * 1000 < t->lo && v->lo * 10000 > t->lo)
		lo = hi = v->lo * 1000;
	if (!(hi < t->lo))
		return 0;
	v->lo = lo;
	v->hi = t->hi;
	v->approx |= t->approx;
	v->vague |= t->vague;
	v->has_lo = v->has_hi = 1;
	v->range = 1;
	return 1;
}

/* Digits at r, the second end of a range after a hyphen; when the first
 * end was money ("$2-3m"), it may take a money abbreviation as well.
 * That reading is not remembered: digits at r read alone take none. */
static size_t
second_digits(struct nctx *c, size_t r, struct nval *t, int money)
{
	size_t	e;

	if (!money)
		return n_digits(c, r, t);
	c->money_at = r;
	c->digits_p = NOPE;
	e = n_digits(c, r, t);
	c->money_at = NOPE;
	c->digits_p = NOPE;
	return e;
}

/* Is the value v, ending at e, the start of a phone number ("555-1234",
 * "555-0143": three digits, a hyphen, four) rather than of a range?
 * Ranges written so have round ends ("300-1000"); news copy groups
 * larger numbers ("555-1,234"). */
static int
phone_like(const struct nctx *c, const struct nval *v, size_t e)
{
	const char	*s = c->s;
	size_t		 q;

	if (!v->plain || v->ndig != 3 || e + 5 > c->len || s[e] != '-')
		return 0;
	for (q = e + 1; q < e + 5; q++)
		if (!IS_DIGIT(s[q]))
			return 0;
	if (q < c->len && (IS_DIGIT(s[q]) || ((s[q] == ',' ||
	    s[q] == '.') && q + 1 < c->len && IS_DIGIT(s[q + 1]))))
		return 0;
	return (long long)v->lo % 10 != 0 || s[e + 4] != '0';
}

/* A value, or a range of two: "5,000-6,000", "5,000 to 6,000", "two or
 * three", "$5m-$6m" (a currency sign may stand before the second end).
 * After "from", "to" starts a change, not a range. */
static size_t
n_range(struct nctx *c, size_t p, struct nval *v, int nofrom)
{
	const char	*s = c->s;
	struct nval	 t;
	size_t		 e, r, e2, n;
	int		 money;

	if ((e = n_core(c, p, v)) == NOPE || v->ordinal)
		return e;
	if (v->digits) {
		if (phone_like(c, v, e))
			return NOPE;
		money = c->scan && after_currency(c, v->core);
		for (r = e, n = 0; r < c->len && s[r] == ' ' && n < NUM_GAP;
		    r++, n++)
			;
		if (r < c->len && s[r] == '-') {
			for (r++, n = 0; r < c->len && s[r] == ' ' &&
			    n < NUM_GAP; r++, n++)
				;
			r = past_currency(c, r);
			if (r < c->len && IS_DIGIT(s[r]) &&
			    (e2 = second_digits(c, r, &t, money)) != NOPE) {
				/* "2022-10-30", "2014-15": dates. */
				if (e2 + 1 < c->len && (s[e2] == '-' ||
				    s[e2] == '/') && IS_DIGIT(s[e2 + 1]))
					return NOPE;
				if (c->scan && v->plain && v->ndig == 4 &&
				    t.plain && t.ndig == 2 && v->lo >= 1000 &&
				    v->lo <= 2099)
					return NOPE;
				if (combine(v, &t))
					return e2;
			}
		}
	}
	if ((r = gap(c, e)) != NOPE &&
	    lk_phrase(c, NL_SUFFIX, r, &e2) == NULL &&
	    ((!nofrom && lk_at(c, NL_TO, r, &e2) != NULL) ||
	    lk_at(c, NL_OR, r, &e2) != NULL) &&
	    (e2 = n_core(c, past_currency(c, gap(c, e2)), &t)) != NOPE &&
	    combine(v, &t))
		return e2;
	return e;
}

/* "between 5,000 and 6,000".  The first end is read without "and"
 * first ("between two hundred and three hundred"), then with it
 * ("between one hundred and fifty and two hundred"). */
static size_t
n_between(struct nctx *c, size_t p, struct nval *v)
{
	struct nval	t;
	size_t		b, e, r;
	int		pass;

	if (lk_at(c, NL_BETWEEN, p, &b) == NULL)
		return NOPE;
	for (pass = 0; pass < 2; pass++) {
		c->noand = pass == 0;
		e = n_core(c, past_currency(c, gap(c, b)), v);
		c->noand = 0;
		if (e == NOPE || v->ordinal ||
		    (r = gap(c, e)) == NOPE || lk_at(c, NL_AND, r, &e) == NULL ||
		    (e = n_core(c, past_currency(c, gap(c, e)), &t)) == NOPE ||
		    !combine(v, &t))
			continue;
		return e;
	}
	return NOPE;
}

/* Is the number at p after "from", where "to" starts a change ("rose
 * from 5 to 6")?  Not after "anywhere from" or "ranging from"
 * (number_from_ranges): those open a range. */
static int
after_from(const struct nctx *c, size_t p)
{
	size_t	b, we, b2, we2;

	if ((b = prev_word(c, p, 0, &we)) == NOPE ||
	    lk(c, NL_FROM, c->s + b, we - b) == NULL)
		return 0;
	return (b2 = prev_word(c, b, 0, &we2)) == NOPE ||
	    lk(c, NL_FROMRANGE, c->s + b2, we2 - b2) == NULL;
}

/* Is a percentage after e ("50%", "50 per cent": number_percent)? */
static int
percent_after(const struct nctx *c, size_t e)
{
	size_t	r;

	if (e < c->len && !IS_ALNUM(c->s[e]) && !IS_SPACE(c->s[e]))
		return lk(c, NL_PCT, c->s + e, 1) != NULL;
	return lk_phrase(c, NL_PCT, gap(c, e), &r) != NULL;
}

/* A whole expression at p: bound, value or range, bound after. */
static size_t
n_expr(struct nctx *c, size_t p, struct nval *v)
{
	const char	*val;
	size_t		 e = NOPE, r, b;
	enum nmod	 pre = M_NONE;

	if ((val = lk_phrase(c, NL_BOUNDS, p, &b)) != NULL &&
	    (r = gap(c, b)) != NOPE) {
		c->bounded = 1;
		if ((e = n_between(c, r, v)) == NOPE)
			e = n_range(c, past_currency(c, r), v, 0);
		c->bounded = 0;
		if (e != NOPE && !v->ordinal)
			pre = vmod(val);
		else
			e = NOPE;
	}
	if (e == NOPE) {
		if ((e = n_between(c, p, v)) == NOPE)
			e = n_range(c, p, v, after_from(c, p));
		if (e == NOPE)
			return NOPE;
	}
	if (!v->ordinal) {
		if (e < c->len && c->s[e] == '+' && v->digits &&
		    IS_DIGIT(c->s[e - 1]) &&
		    (e + 1 == c->len || !IS_ALNUM(c->s[e + 1]))) {
			apply_mod(v, M_EQMORE);
			e++;
		} else if ((val = lk_phrase(c, NL_SUFFIX, joint(c, e), &b)) !=
		    NULL) {
			apply_mod(v, vmod(val));
			e = b;
		}
	}
	/* "more than 50%" is not 51: a share may lie in between. */
	if (pre == M_MORE || pre == M_LESS)
		v->measure = percent_after(c, e);
	apply_mod(v, pre);
	return e;
}

/* --- date context (scan only) ----------------------------------------- */

/* Is there a capitalized month name right before p ("October 30", "Oct.
 * 30", "30 October, 2022")? */
static int
month_before(const struct nctx *c, size_t p)
{
	size_t	q = p, n = 0, we;

	while (q > 0 && IS_SPACE(c->s[q - 1]) && n <= NUM_GAP) {
		q--;
		n++;
	}
	if (q > 0 && (c->s[q - 1] == '.' || c->s[q - 1] == ','))
		q--;
	else if (n == 0)
		return 0;
	for (we = q, n = 0; q > 0 && IS_ALPHA(c->s[q - 1]) && n <= NUM_WORDMAX;
	    n++)
		q--;
	if (n == 0 || n > NUM_WORDMAX || (q > 0 && IS_ALNUM(c->s[q - 1])))
		return 0;
	return IS_UPPER(c->s[q]) && lk(c, NL_MONTHS, c->s + q, we - q) != NULL;
}

/* Is there a day after a month right before p ("October 30, 2022")? */
static int
day_before(const struct nctx *c, size_t p)
{
	size_t	q = p, n = 0;

	while (q > 0 && IS_SPACE(c->s[q - 1]) && n <= NUM_GAP) {
		q--;
		n++;
	}
	if (q > 0 && c->s[q - 1] == ',')
		q--;
	else if (n == 0)
		return 0;
	for (n = 0; q > 0 && IS_ALPHA(c->s[q - 1]) && n < 3; n++)
		q--;
	for (n = 0; q > 0 && IS_DIGIT(c->s[q - 1]) && n < 3; n++)
		q--;
	if (n == 0 || n > 2 || (q > 0 && IS_ALNUM(c->s[q - 1])))
		return 0;
	return month_before(c, q);
}

/* Is there a capitalized month name after e ("30 October", "30th of
 * October")? */
static int
month_after(const struct nctx *c, size_t e)
{
	size_t	q = gap(c, e), r, n;

	if (q != NOPE && lk_at(c, NL_OF, q, &r) != NULL)
		q = gap(c, r);
	if (q == NOPE || (n = wordlen(c, q)) == 0)
		return 0;
	return IS_UPPER(c->s[q]) && lk(c, NL_MONTHS, c->s + q, n) != NULL;
}

/* Is there a clock word after e ("10 am", "10 a.m.", "1500 GMT")? */
static int
time_after(const struct nctx *c, size_t e)
{
	size_t	q = gap(c, e), n = 0;

	if (q == NOPE)
		return 0;
	while (q + n < c->len && n <= NUM_WORDMAX && (IS_ALPHA(c->s[q + n]) ||
	    c->s[q + n] == '.' || c->s[q + n] == '\''))
		n++;
	while (n > 0 && c->s[q + n - 1] == '.')
		n--;
	if (n == 0 || (q + n < c->len && IS_ALNUM(c->s[q + n])))
		return 0;
	return lk(c, NL_TIME, c->s + q, n) != NULL;
}

/* Does the number at [p, e) belong to a date or a time?  Days (1-31)
 * and 4-digit years beside a month name, years after "in", "since"...,
 * and numbers before a clock word are left to the date recognizer. */
static int
in_date(const struct nctx *c, const struct nval *v, size_t e)
{
	size_t	p = v->core, b, we;
	int	day, year;

	if (!v->digits || v->bounded || v->vague ||
	    !(v->plain || (v->ordinal && v->ndig <= 2)))
		return 0;
	if (!v->ordinal && !v->range && v->ndig <= 4 && time_after(c, e))
		return 1;
	day = v->ndig <= 2 && v->lo >= 1 && v->lo <= 31;
	year = v->ndig == 4 && !v->ordinal && v->lo >= 1000 && v->lo <= 2999;
	if (!day && !year)
		return 0;
	if (month_before(c, p) || month_after(c, e))
		return 1;
	if (year && day_before(c, p))
		return 1;
	if (year && v->lo <= 2099 && (b = prev_word(c, p, 0, &we)) != NOPE &&
	    lk(c, NL_YEARCTX, c->s + b, we - b) != NULL)
		return 1;
	return 0;
}

/* --- entry points ------------------------------------------------------ */

static void
fill(struct cc_number *o, const struct nval *v, size_t start, size_t end)
{
	memset(o, 0, sizeof *o);
	o->start = start;
	o->end = end;
	o->has_min = v->has_lo;
	o->has_max = v->has_hi;
	o->min = v->has_lo ? v->lo : 0;
	o->max = v->has_hi ? v->hi : 0;
	o->approx = v->approx;
	o->ordinal = v->ordinal;
	o->fraction = v->share;
	o->mod = v->mod;
}

/*
 * The span s[a, b) as plain digits ("4858") or digits grouped by threes
 * ("130,000"), at most 15 of them (exact as a double): the value most
 * rules' groups hand over, read without trying every other form (the
 * same result in a tenth of the instructions).  1 with *out filled, else
 * 0: the full parser decides.
 */
static int
plain_number(const char *s, size_t a, size_t b, struct cc_number *out)
{
	uint64_t	v = 0;
	size_t		i, nd = 0, run = 0;
	int		grouped = 0;

	/* (a leading zero is the full parser's to judge: "007") */
	if (b - a > 1 && s[a] == '0')
		return 0;
	for (i = a; i < b; i++) {
		if (IS_DIGIT(s[i])) {
			v = v * 10 + (uint64_t)(s[i] - '0');
			nd++;
			run++;
			continue;
		}
		if (s[i] != ',' || run == 0 || run > 3 ||
		    (grouped && run != 3))
			return 0;
		grouped = 1;
		run = 0;
	}
	if (nd == 0 || nd > 15 || (grouped && run != 3))
		return 0;
	out->start = a;
	out->end = b;
	out->min = out->max = (double)v;
	out->has_min = out->has_max = 1;
	return 1;
}

int
cc_number_parse(const struct cc_vocab *vc, const char *s, size_t len,
    struct cc_number *out)
{
	struct nctx	c;
	struct nval	v;
	size_t		a = 0, b = len, e, r;
	double		fn, fd;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return CC_EINVAL;
	while (a < b && IS_SPACE(s[a]))
		a++;
	while (b > a && IS_SPACE(s[b - 1]))
		b--;
	if (plain_number(s, a, b, out))
		return CC_OK;
	ctx_init(&c, vc, s, b, 0);
	if (a == b || !(IS_ALNUM(s[a]) || (s[a] == '-' && a + 1 < b &&
	    IS_DIGIT(s[a + 1])) || point_at(&c, a) ||
	    sign_frac_at(&c, a, &fn, &fd) != NOPE))
		return CC_EFORMAT;
	if ((e = n_expr(&c, a, &v)) == NOPE)
		return CC_EFORMAT;
	/* The rest of a hyphenated compound: "10-page", "eight-month-old". */
	for (r = e; r + 1 < b && s[r] == '-' && IS_ALPHA(s[r + 1]);)
		for (r++; r < b && IS_ALPHA(s[r]); r++)
			;
	if (r != b)
		return CC_EFORMAT;
	fill(out, &v, a, e);
	return CC_OK;
}

/* Skip the rest of a word (letters, digits, non-ASCII bytes). */
static size_t
skip_word(const struct nctx *c, size_t p)
{
	while (p < c->len && (IS_ALNUM(c->s[p]) || IS_HIGH(c->s[p]) ||
	    c->s[p] == '_'))
		p++;
	return p;
}

/* Skip a run of digits with the separators inside it ("1.2.3",
 * "10:30:00", "2022-10-30"). */
static size_t
skip_digits(const struct nctx *c, size_t p)
{
	while (p < c->len && (IS_DIGIT(c->s[p]) || (p + 1 < c->len &&
	    strchr(".,:/-", c->s[p]) != NULL && c->s[p] != '\0' &&
	    IS_DIGIT(c->s[p + 1]))))
		p++;
	return p;
}

size_t
cc_number_scan(const struct cc_vocab *vc, const char *s, size_t len,
    struct cc_number *out, size_t max)
{
	struct nctx	 c;
	struct nval	 v;
	size_t		 p = 0, e, n = 0, w;
	double		 fn, fd;
	char		 ch, prev;

	if (s == NULL)
		return 0;
	ctx_init(&c, vc, s, len, 1);
	while (p < len) {
		ch = s[p];
		prev = p > 0 ? s[p - 1] : ' ';
		if (IS_DIGIT(ch)) {
			/* Inside a word or an identifier ("MH17",
			 * "COVID-19"), or the tail of a rejected number. */
			if (IS_ALPHA(prev) || prev == '_' ||
			    (IS_HIGH(prev) && !after_currency(&c, p))) {
				p = skip_word(&c, p);
				continue;
			}
			if (p >= 2 && (((prev == '-' || prev == '/') &&
			    IS_ALPHA(s[p - 2])) || ((prev == '.' ||
			    prev == ',') && IS_DIGIT(s[p - 2])))) {
				p = skip_digits(&c, p);
				continue;
			}
		} else if (IS_ALPHA(ch)) {
			for (w = 0; p + w < len && IS_ALPHA(s[p + w]) &&
			    w <= NUM_WORDMAX; w++)
				;
			if (IS_ALNUM(prev) || IS_HIGH(prev) ||
			    w > NUM_WORDMAX || !(c.filter[word_hash(0, s + p, w) &
			    (FILTER_SLOTS - 1)] & NL_STARTERS)) {
				p = skip_word(&c, p);
				continue;
			}
		} else if (ch == '-' ? minus_at(&c, p) == NOPE :
		    ch == '.' ? !point_at(&c, p) :
		    IS_ALNUM(prev) || sign_frac_at(&c, p, &fn, &fd) == NOPE) {
			p++;
			continue;
		}
		if ((e = n_expr(&c, p, &v)) == NOPE) {
			p = IS_DIGIT(ch) ? skip_digits(&c, p) :
			    IS_ALPHA(ch) ? skip_word(&c, p) : p + 1;
			continue;
		}
		if (in_date(&c, &v, e)) {
			p = e;
			continue;
		}
		if (n < max)
			fill(&out[n], &v, p, e);
		n++;
		p = e;
	}
	return n;
}
