/*
 * boiler.c - boilerplate lines: page furniture that scraping leaves in an
 * article ("More under this ad", "Leave a Reply", share buttons, photo
 * credits, a caption repeated under every photo).  Sentences on such
 * lines are kept for display and offsets but
 * never yield claims (see text.h).
 *
 * Patterns come from the rule packs (claims/boilerplate.yaml); each is
 * compiled once, anchored at both ends so it must match the whole trimmed
 * line, and JIT-compiled.  Match limits keep a careless pattern from
 * hanging on hostile input.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"
#include "hash.h"
#include "needs.h"
#include "rematch.h"
#include "text.h"
#include "xmalloc.h"

/* Enough for any sane line pattern on a line of CC_BOILER_LINE_MAX. */
#define MATCH_LIMIT	200000
#define DEPTH_LIMIT	5000
/* A line of at least this many words that is not boilerplate is article
 * text: tail patterns take effect only after one. */
#define TEXT_WORDS	6
/* Words of a set worth a memmem each, per line. */
#define BOILER_NEED_WORDS	3
/* A pattern whose match may start with more bytes than this (any word:
 * "(?:[^\s.!?]+\s+){1,3}is an?\s+...") is searched alone, where the
 * line holds its words, so that the others are searched only on lines
 * that start as one of them may. */
#define BOILER_ALONE_STARTS	128

struct boiler_pat {
	pcre2_code	*re;
	char		*src;
	int		 tail;
	int		 contains;	/* ".*X.*", compiled as X unanchored */
	/* The bytes a line it matches may start with, as PCRE2 knows
	 * them (all for ".*X.*").  A pattern that may start with nearly
	 * any (".{0,200}\s/\s*(?:afp|...)") is searched alone, and only
	 * on lines that hold the words it needs (needs.h): most lines of
	 * article text hold none. */
	uint8_t		 start[32];
	int		 alone;
	struct cc_needs	 needs;		/* (if alone) */
};

/*
 * The patterns are also tried as one alternation, each marked with its
 * index ((*MARK:i)), so a line costs one match instead of one per
 * pattern (fifty calls a line were a fifth of extraction time).  The
 * first alternative that matches the whole line wins, as in the loop.
 * There is one such alternation per first byte of a line, of the
 * patterns that may start with it ("more under this ad" is not tried
 * on a line that starts with "R"): a line costs a few tests, not fifty.
 * Patterns that cannot be joined (numbered back references, names used
 * twice, a verb that must open a pattern) leave the loop in use.
 */
struct cc_boiler {
	struct boiler_pat	*v;
	size_t			 n;
	pcre2_match_context	*mctx;
	/* The joined patterns by the first byte of a line: first[c] - 1
	 * indexes the alternation of those a line starting with c may
	 * match (0: none); joined is 0 if they could not be joined. */
	pcre2_code		**groups;
	size_t			 ngroups;
	unsigned char		 first[256];
	int			 joined;
};

struct cc_boiler *
cc_boiler_new(void)
{
	struct cc_boiler	*b = xcalloc(1, sizeof *b);

	b->mctx = pcre2_match_context_create(NULL);
	if (b->mctx == NULL) {
		/* PCRE2 allocates with malloc, so this is out of memory. */
		fputs("claimcheck: fatal: out of memory\n", stderr);
		abort();
	}
	pcre2_set_match_limit(b->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(b->mctx, DEPTH_LIMIT);
	return b;
}

/* Forget the joined patterns. */
static void
boiler_unjoin(struct cc_boiler *b)
{
	size_t	g;

	for (g = 0; g < b->ngroups; g++)
		pcre2_code_free(b->groups[g]);
	free(b->groups);
	b->groups = NULL;
	b->ngroups = 0;
	memset(b->first, 0, sizeof b->first);
	b->joined = 0;
}

void
cc_boiler_free(struct cc_boiler *b)
{
	size_t	i;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++) {
		pcre2_code_free(b->v[i].re);
		free(b->v[i].src);
		cc_needs_release(&b->v[i].needs);
	}
	free(b->v);
	boiler_unjoin(b);
	pcre2_match_context_free(b->mctx);
	free(b);
}

/* 1-based column of byte offset off in UTF-8 s. */
static unsigned
column(const char *s, size_t off)
{
	unsigned	col = 1;
	size_t		i;

	for (i = 0; i < off && s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			col++;
	return col;
}

/*
 * Is pattern ".*X.*" with no "|" outside groups in X?  Matching the whole
 * line is then finding X anywhere in it, which PCRE2 does far faster
 * unanchored (it skips to the bytes X can start with) than by
 * backtracking ".*" position by position: three such patterns were most
 * of the time spent on boilerplate.  *n is X's length.
 */
static int
contains_form(const char *p, size_t *n)
{
	size_t	len = strlen(p), i, nb;
	int	depth = 0, cls = 0;

	if (len < 5 || strncmp(p, ".*", 2) != 0 || strcmp(p + len - 2,
	    ".*") != 0 || p[2] == '+' || p[2] == '?' || p[2] == '*')
		return 0;
	/* the last ".*" must not be an escaped dot */
	for (nb = 0, i = len - 2; i > 2 && p[i - 1] == '\\'; i--)
		nb++;
	if (nb % 2 != 0)
		return 0;
	for (i = 2; i < len - 2; i++) {
		if (p[i] == '\\') {
			if (++i >= len - 2)
				return 0;
		} else if (cls) {
			if (p[i] == ']')
				cls = 0;
		} else if (p[i] == '[') {
			cls = 1;
			if (p[i + 1] == ']' || (p[i + 1] == '^' && p[i + 2] ==
			    ']'))
				i += p[i + 1] == ']' ? 1 : 2;
		} else if (p[i] == '(')
			depth++;
		else if (p[i] == ')')
			depth--;
		else if (p[i] == '|' && depth == 0)
			return 0;
	}
	if (depth != 0 || cls)
		return 0;
	*n = len - 4;
	return 1;
}

/*
 * The bytes a match of pat may start with, into start: from PCRE2's
 * first code unit (with its other ASCII case) or start bitmap; all of
 * them if PCRE2 knows none, or if the match may start anywhere on the
 * line (contains).
 */
static void
boiler_starts(struct boiler_pat *pat)
{
	const uint8_t	*bm = NULL;
	uint32_t	 type = 0, cu = 0;

	memset(pat->start, 0xff, sizeof pat->start);
	if (pat->contains)
		return;
	if (pcre2_pattern_info(pat->re, PCRE2_INFO_FIRSTCODETYPE, &type) == 0 &&
	    type == 1 && pcre2_pattern_info(pat->re, PCRE2_INFO_FIRSTCODEUNIT,
	    &cu) == 0 && cu < 0x80) {
		memset(pat->start, 0, sizeof pat->start);
		pat->start[cu / 8] |= 1 << (cu % 8);
		if ((cu | 32) >= 'a' && (cu | 32) <= 'z')
			pat->start[(cu ^ 32) / 8] |= 1 << ((cu ^ 32) % 8);
	} else if (type == 0 && pcre2_pattern_info(pat->re,
	    PCRE2_INFO_FIRSTBITMAP, &bm) == 0 && bm != NULL)
		memcpy(pat->start, bm, sizeof pat->start);
}

int
cc_boiler_add(struct cc_boiler *b, const char *pattern, int tail,
    struct cc_diag *d)
{
	pcre2_code	*re;
	PCRE2_UCHAR	 msg[256];
	PCRE2_SIZE	 erroff;
	size_t		 xn = 0, k, nstart;
	int		 errcode, contains;

	if (pattern[0] == '\0') {
		cc_diag_set(d, NULL, 0, 1, "empty boilerplate pattern");
		return CC_ERULE;
	}
	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_CASELESS | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
	    &errcode, &erroff, NULL);
	/* Valid as written: then perhaps as the faster search. */
	if (re != NULL && (contains = contains_form(pattern, &xn))) {
		pcre2_code *x = pcre2_compile((PCRE2_SPTR)pattern + 2, xn,
		    PCRE2_UTF | PCRE2_CASELESS, &errcode, &erroff, NULL);

		if (x != NULL) {
			pcre2_code_free(re);
			re = x;
		} else
			contains = 0;
	} else
		contains = 0;
	if (re == NULL) {
		pcre2_get_error_message(errcode, msg, sizeof msg);
		cc_diag_set(d, NULL, 0, column(pattern, erroff), "%s",
		    (const char *)msg);
		return CC_ERULE;
	}
	/* Without JIT (not built for this CPU) the interpreter still works. */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	b->v = xreallocarray(b->v, b->n + 1, sizeof *b->v);
	b->v[b->n].re = re;
	b->v[b->n].src = xstrdup(pattern);
	b->v[b->n].tail = tail != 0;
	b->v[b->n].contains = contains;
	boiler_starts(&b->v[b->n]);
	for (k = 0, nstart = 0; k < 256; k++)
		nstart += b->v[b->n].start[k / 8] >> (k % 8) & 1;
	b->v[b->n].alone = contains || nstart > BOILER_ALONE_STARTS;
	/* Lines are short and their furniture rare: one-byte words ("/"
	 * of a photo credit) are worth a look too; sets of many words
	 * would cost more than PCRE2's own search. */
	memset(&b->v[b->n].needs, 0, sizeof b->v[b->n].needs);
	if (contains)
		cc_needs_find(pattern + 2, xn, 1, BOILER_NEED_WORDS,
		    &b->v[b->n].needs);
	else if (b->v[b->n].alone)
		cc_needs_find(pattern, strlen(pattern), 1, BOILER_NEED_WORDS,
		    &b->v[b->n].needs);
	b->n++;
	boiler_unjoin(b);	/* cc_boiler_prepare() again */
	return CC_OK;
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

static unsigned
count_words(const char *s, size_t n)
{
	unsigned	words = 0;
	size_t		i;
	int		in = 0;

	for (i = 0; i < n; i++) {
		if (is_space((unsigned char)s[i]))
			in = 0;
		else if (!in) {
			in = 1;
			words++;
		}
	}
	return words;
}

/* Can pattern p be one alternative among others?  Not with a numbered
 * back reference (\1, \g1, (?1)...) or a verb that must open it. */
static int
joinable(const char *p)
{
	const char	*q;

	if (p[0] == '(' && p[1] == '*')
		return 0;
	for (q = p; *q != '\0'; q++) {
		if (q[0] == '\\' && q[1] != '\0') {
			if ((q[1] >= '0' && q[1] <= '9') || q[1] == 'g')
				return 0;
			q++;
		} else if (q[0] == '(' && q[1] == '?' && (q[2] == 'R' ||
		    (q[2] >= '0' && q[2] <= '9') || q[2] == '+' ||
		    q[2] == '-' || q[2] == '&' || q[2] == 'P'))
			return 0;
	}
	return 1;
}

/* Join the patterns of one first byte, listed in key ("3,7,"), into
 * b->groups; 0 if PCRE2 will not. */
static int
boiler_join(struct cc_boiler *b, const char *key)
{
	struct cc_buf	 j = CC_BUF_INIT;
	PCRE2_SIZE	 erroff;
	pcre2_code	*re;
	const char	*p;
	char		*e;
	size_t		 i;
	int		 errcode;

	cc_buf_adds(&j, "(?:(*FAIL)");
	for (p = key; *p != '\0'; p = e + 1) {
		i = (size_t)strtoul(p, &e, 10);
		cc_buf_printf(&j, "|(?:%s)(*MARK:%zu)", b->v[i].src, i);
	}
	cc_buf_adds(&j, ")");
	re = pcre2_compile((PCRE2_SPTR)j.data, j.len, PCRE2_UTF |
	    PCRE2_CASELESS | PCRE2_ANCHORED | PCRE2_ENDANCHORED, &errcode,
	    &erroff, NULL);
	cc_buf_release(&j);
	if (re == NULL)
		return 0;
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	b->groups = xreallocarray(b->groups, b->ngroups + 1,
	    sizeof *b->groups);
	b->groups[b->ngroups++] = re;
	return 1;
}

/* Build b->groups, if every pattern can be joined. */
void
cc_boiler_prepare(struct cc_boiler *b)
{
	struct cc_buf	 key = CC_BUF_INIT;
	char		**keys = NULL;	/* keys[g]: group g's patterns */
	size_t		 i, c, g, nkeys = 0;

	boiler_unjoin(b);
	for (i = 0; i < b->n; i++)
		if (!joinable(b->v[i].src))
			return;
	/* The ".*X.*" patterns, and those that may start almost
	 * anywhere, are searched for on their own. */
	for (c = 0; c < 256; c++) {
		cc_buf_reset(&key);
		for (i = 0; i < b->n; i++)
			if (!b->v[i].alone && (b->v[i].start[c / 8] >>
			    (c % 8) & 1))
				cc_buf_printf(&key, "%zu,", i);
		if (key.len == 0)
			continue;
		cc_buf_addc(&key, '\0');
		for (g = 0; g < b->ngroups; g++)
			if (strcmp(keys[g], key.data) == 0)
				break;
		if (g == b->ngroups) {
			if (!boiler_join(b, key.data)) {
				boiler_unjoin(b);
				break;
			}
			keys = xreallocarray(keys, b->ngroups, sizeof *keys);
			keys[g] = xstrdup(key.data);
			nkeys = b->ngroups;
		}
		b->first[c] = (unsigned char)(g + 1);
	}
	b->joined = c == 256;
	/* (a join that failed undid the groups, not the keys) */
	for (g = 0; g < nkeys; g++)
		free(keys[g]);
	free(keys);
	cc_buf_release(&key);
}

/* May pattern i match the trimmed line s[0..n) (lower-cased in l)?
 * in_text[i]: the text the line is in holds the words it needs. */
static int
pat_maybe(const struct cc_boiler *b, size_t i, const char *s, const char *l,
    size_t n, const unsigned char *in_text)
{
	unsigned char	c = (unsigned char)s[0];

	if (b->v[i].alone)
		return in_text[i] && cc_needs_met(&b->v[i].needs, l, n);
	return b->v[i].start[c / 8] >> (c % 8) & 1;
}

/* Does the trimmed line s[0..n) (lower-cased in l) match a pattern?
 * *tail set if the first matching pattern is a tail one.  in_text as for
 * pat_maybe(); alone[0..nalone) the patterns searched alone whose words
 * the text holds, in order (most texts hold none: a line need not look
 * at every pattern to find that out). */
static int
line_matches(const struct cc_boiler *b, pcre2_match_data *md,
    const char *s, const char *l, size_t n, const unsigned char *in_text,
    const size_t *alone, size_t nalone, int *tail)
{
	PCRE2_SPTR	mark;
	unsigned char	c = (unsigned char)s[0];
	size_t		i, k, best = b->n;
	int		rc;

	if (b->joined) {
		rc = b->first[c] != 0 ? cc_re_match(b->groups[b->first[c] -
		    1], (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, md, b->mctx) :
		    PCRE2_ERROR_NOMATCH;
		if (rc >= 0 && (mark = pcre2_get_mark(md)) != NULL)
			best = (size_t)strtoul((const char *)mark, NULL, 10);
		if (rc >= 0 || rc == PCRE2_ERROR_NOMATCH) {
			/* One searched alone, listed before it, goes first. */
			for (k = 0; k < nalone && alone[k] < best; k++)
				if (cc_needs_met(&b->v[alone[k]].needs, l, n) &&
				    cc_re_match(b->v[alone[k]].re,
				    (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, md,
				    b->mctx) >= 0) {
					best = alone[k];
					break;
				}
			if (best >= b->n)
				return 0;
			*tail = b->v[best].tail;
			return 1;
		}
		/* A limit hit by the whole: ask each pattern alone. */
	}
	for (i = 0; i < b->n; i++) {
		/* A failure (such as a match limit) counts as no match: the
		 * line is then kept as text, the safe side.  The text was
		 * checked as UTF-8 when read: re-checking it for each of the
		 * patterns was 17% of extraction time. */
		if (pat_maybe(b, i, s, l, n, in_text) &&
		    cc_re_match(b->v[i].re,
		    (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, md,
		    b->mctx) >= 0) {
			*tail = b->v[i].tail;
			return 1;
		}
	}
	return 0;
}

/*
 * Lines already seen, by 64-bit hash (open addressing, never full: sized
 * for every line of the text).
 */
struct seen {
	uint64_t	*v;
	size_t		 mask;
};

static void
seen_init(struct seen *sn, const char *s, size_t len)
{
	size_t		 nlines = 1, cap = 16;
	const char	*p = s, *end = s + len;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		nlines++;
		p++;
	}
	while (cap < nlines * 2)
		cap *= 2;
	sn->v = xcalloc(cap, sizeof *sn->v);
	sn->mask = cap - 1;
}

/* Add the line; 1 if it was there already. */
static int
seen_add(struct seen *sn, const char *s, size_t n)
{
	uint64_t	h = cc_hash64(s, n);
	size_t		i;

	if (h == 0)
		h = 1;	/* 0 marks an empty slot */
	for (i = h & sn->mask; sn->v[i] != 0; i = (i + 1) & sn->mask)
		if (sn->v[i] == h)
			return 1;
	sn->v[i] = h;
	return 0;
}

void
cc_boiler_mark(const struct cc_boiler *b, const char *s, size_t len,
    struct cc_sentences *ss)
{
	cc_boiler_mark_lower(b, s, NULL, len, ss);
}

void
cc_boiler_mark_lower(const struct cc_boiler *b, const char *s,
    const char *lower_in, size_t len, struct cc_sentences *ss)
{
	pcre2_match_data	*md = NULL;
	struct seen		 sn;
	const char		*nl, *lower = lower_in;
	char			*own = NULL;
	unsigned char		*in_text = NULL;
	size_t			*alone = NULL, nalone = 0;
	size_t			 ls = 0, le, a, z, k = 0, i;
	int			 boiler, tail, in_tail = 0, text_seen = 0;

	if (ss->n == 0)
		return;
	if (b != NULL && b->n > 0) {
		md = pcre2_match_data_create(1, NULL);
		/* Lower-cased once, not line by line.  A pattern searched
		 * alone needs words that most texts lack altogether: one
		 * search of the text spares one on each of its lines. */
		if (lower == NULL) {
			lower = own = xmalloc(len + 1);
			cc_ascii_lower(own, s, len);
		}
		in_text = xcalloc(b->n, 1);
		alone = xreallocarray(NULL, b->n, sizeof *alone);
		for (i = 0; i < b->n; i++)
			if ((in_text[i] = b->v[i].alone &&
			    cc_needs_met(&b->v[i].needs, lower, len)))
				alone[nalone++] = i;
	}
	seen_init(&sn, s, len);
	while (ls < len && k < ss->n) {
		nl = memchr(s + ls, '\n', len - ls);
		le = nl != NULL ? (size_t)(nl - s) : len;
		for (a = ls; a < le && is_space((unsigned char)s[a]); a++)
			;
		for (z = le; z > a && is_space((unsigned char)s[z - 1]); z--)
			;
		boiler = in_tail;
		if (!boiler && md != NULL && a < z &&
		    z - a <= CC_BOILER_LINE_MAX) {
			tail = 0;
			boiler = line_matches(b, md, s + a, lower + a, z - a,
			    in_text, alone, nalone, &tail);
			if (boiler && tail && text_seen)
				in_tail = 1;
		}
		/* A line printed twice (a caption under every photo, the
		 * headline again) says nothing new the second time. */
		if (!boiler && a < z && seen_add(&sn, s + a, z - a))
			boiler = 1;
		if (!boiler && !text_seen && count_words(s + a, z - a) >=
		    TEXT_WORDS)
			text_seen = 1;
		/* Sentences come in text order and never cross a line. */
		while (k < ss->n && ss->v[k].start < le) {
			if (boiler && ss->v[k].start >= ls)
				ss->v[k].boiler = 1;
			k++;
		}
		ls = le + 1;
	}
	pcre2_match_data_free(md);
	free(in_text);
	free(alone);
	free(own);
	free(sn.v);
}

/*
 * Page furniture shared by the articles of one outlet: a section name, a
 * "Follow us" line, a tag list.  A candidate is a short line (one to
 * FURNITURE_WORDS words, at most FURNITURE_BYTES bytes, some letter in
 * it) that does not end as a sentence does; its key hashes the outlet
 * with the line, so the same line from two outlets is two keys.  Which
 * keys recur in two articles or more is the store's to say (it sees the
 * corpus); these functions only compute keys and mark lines.
 */
#define FURNITURE_WORDS	10
#define FURNITURE_BYTES	120

/* Call fn on each candidate line [a, z) of s (line start ls, end le). */
static void
furniture_lines(const char *s, size_t len,
    void (*fn)(const char *, size_t, size_t, size_t, size_t, void *),
    void *arg)
{
	const char	*nl;
	size_t		 ls = 0, le, a, z, i, words;
	unsigned char	 last;
	int		 letter;

	while (ls < len) {
		nl = memchr(s + ls, '\n', len - ls);
		le = nl != NULL ? (size_t)(nl - s) : len;
		for (a = ls; a < le && is_space((unsigned char)s[a]); a++)
			;
		for (z = le; z > a && is_space((unsigned char)s[z - 1]); z--)
			;
		words = count_words(s + a, z - a);
		last = z > a ? (unsigned char)s[z - 1] : 0;
		for (letter = 0, i = a; i < z && !letter; i++)
			letter = ((unsigned char)s[i] | 0x20) >= 'a' &&
			    ((unsigned char)s[i] | 0x20) <= 'z';
		/* Sentence ends: . ! ? : ; a closing quote, and "…" and
		 * "”" whose UTF-8 ends in 0xa6 / 0x9d. */
		if (letter && words >= 1 && words <= FURNITURE_WORDS &&
		    z - a <= FURNITURE_BYTES && strchr(".!?:;\"'", last) ==
		    NULL && !(last == 0xa6 || last == 0x9d))
			fn(s, a, z, ls, le, arg);
		ls = le + 1;
	}
}

static uint64_t
furniture_key(const char *outlet, const char *line, size_t n)
{
	uint64_t	ko, k;

	/* Two hashes mixed (not a secret, only a set key): outlet and line
	 * both count, the line's bytes are not copied. */
	ko = outlet != NULL ? cc_hash64(outlet, strlen(outlet)) : 0;
	k = cc_hash64(line, n) ^ (ko * UINT64_C(0x9e3779b97f4a7c15) +
	    (ko >> 29));
	return k != 0 ? k : 1;
}

struct cc_lineset {
	uint64_t	*v;		/* open addressing; 0 is empty */
	size_t		 mask;
	size_t		 n;
};

struct cc_lineset *
cc_lineset_new(void)
{
	struct cc_lineset	*ls = xcalloc(1, sizeof *ls);

	ls->mask = 15;
	ls->v = xcalloc(ls->mask + 1, sizeof *ls->v);
	return ls;
}

void
cc_lineset_free(struct cc_lineset *ls)
{
	if (ls == NULL)
		return;
	free(ls->v);
	free(ls);
}

size_t
cc_lineset_count(const struct cc_lineset *ls)
{
	return ls != NULL ? ls->n : 0;
}

static void
lineset_put(uint64_t *v, size_t mask, uint64_t k)
{
	size_t	i;

	for (i = k & mask; v[i] != 0 && v[i] != k; i = (i + 1) & mask)
		;
	v[i] = k;
}

void
cc_lineset_add(struct cc_lineset *ls, uint64_t k)
{
	uint64_t	*nv;
	size_t		 i, nmask;

	if (k == 0)
		k = 1;
	if (cc_lineset_has(ls, k))
		return;
	if ((ls->n + 1) * 2 > ls->mask + 1) {
		nmask = ls->mask * 2 + 1;
		nv = xcalloc(nmask + 1, sizeof *nv);
		for (i = 0; i <= ls->mask; i++)
			if (ls->v[i] != 0)
				lineset_put(nv, nmask, ls->v[i]);
		free(ls->v);
		ls->v = nv;
		ls->mask = nmask;
	}
	lineset_put(ls->v, ls->mask, k);
	ls->n++;
}

int
cc_lineset_has(const struct cc_lineset *ls, uint64_t k)
{
	size_t	i;

	if (ls == NULL)
		return 0;
	if (k == 0)
		k = 1;
	for (i = k & ls->mask; ls->v[i] != 0; i = (i + 1) & ls->mask)
		if (ls->v[i] == k)
			return 1;
	return 0;
}

struct keys_arg {
	const char		 *outlet;
	const struct cc_lineset	 *set;
	uint64_t		**keys;
	unsigned char		**inset;
	size_t			  n;
	size_t			  cap;
};

static void
collect_key(const char *s, size_t a, size_t z, size_t ls, size_t le,
    void *arg)
{
	struct keys_arg	*ka = arg;
	uint64_t	 k = furniture_key(ka->outlet, s + a, z - a);
	size_t		 i;

	(void)ls;
	(void)le;
	for (i = 0; i < ka->n; i++)
		if ((*ka->keys)[i] == k)
			return;		/* once per article */
	if (ka->n == ka->cap) {
		ka->cap = ka->cap ? ka->cap * 2 : 8;
		*ka->keys = xreallocarray(*ka->keys, ka->cap,
		    sizeof **ka->keys);
		*ka->inset = xreallocarray(*ka->inset, ka->cap,
		    sizeof **ka->inset);
	}
	(*ka->keys)[ka->n] = k;
	(*ka->inset)[ka->n] = (unsigned char)cc_lineset_has(ka->set, k);
	ka->n++;
}

size_t
cc_boiler_line_keys(const char *outlet, const char *s, size_t len,
    const struct cc_lineset *set, uint64_t **keys, unsigned char **inset)
{
	struct keys_arg	ka;

	memset(&ka, 0, sizeof ka);
	ka.outlet = outlet;
	ka.set = set;
	ka.keys = keys;
	ka.inset = inset;
	*keys = NULL;
	*inset = NULL;
	furniture_lines(s, len, collect_key, &ka);
	return ka.n;
}

struct mark_arg {
	const char		*outlet;
	const struct cc_lineset	*set;
	struct cc_sentences	*ss;
	size_t			 k;		/* next sentence to look at */
};

static void
mark_line(const char *s, size_t a, size_t z, size_t ls, size_t le,
    void *arg)
{
	struct mark_arg	*ma = arg;
	struct cc_sentences *ss = ma->ss;

	if (!cc_lineset_has(ma->set, furniture_key(ma->outlet, s + a, z - a)))
		return;
	while (ma->k < ss->n && ss->v[ma->k].start < ls)
		ma->k++;
	for (; ma->k < ss->n && ss->v[ma->k].start < le; ma->k++)
		ss->v[ma->k].boiler = 1;
}

void
cc_boiler_mark_shared(const struct cc_lineset *set, const char *outlet,
    const char *s, size_t len, struct cc_sentences *ss)
{
	struct mark_arg	ma;

	if (cc_lineset_count(set) == 0 || ss->n == 0)
		return;
	memset(&ma, 0, sizeof ma);
	ma.outlet = outlet;
	ma.set = set;
	ma.ss = ss;
	furniture_lines(s, len, mark_line, &ma);
}
