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
#include "text.h"
#include "xmalloc.h"

/* Enough for any sane line pattern on a line of CC_BOILER_LINE_MAX. */
#define MATCH_LIMIT	200000
#define DEPTH_LIMIT	5000
/* A line of at least this many words that is not boilerplate is article
 * text: tail patterns take effect only after one. */
#define TEXT_WORDS	6

struct boiler_pat {
	pcre2_code	*re;
	char		*src;
	int		 tail;
	int		 contains;	/* ".*X.*", compiled as X unanchored */
};

/*
 * The patterns are also tried as one alternation, each marked with its
 * index ((*MARK:i)), so a line costs one match instead of one per
 * pattern (fifty calls a line were a fifth of extraction time).  The
 * first alternative that matches the whole line wins, as in the loop.
 * Patterns that cannot be joined (numbered back references, names used
 * twice, a verb that must open a pattern) leave the loop in use.
 */
struct cc_boiler {
	struct boiler_pat	*v;
	size_t			 n;
	pcre2_match_context	*mctx;
	pcre2_code		*all;		/* or NULL */
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

void
cc_boiler_free(struct cc_boiler *b)
{
	size_t	i;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++) {
		pcre2_code_free(b->v[i].re);
		free(b->v[i].src);
	}
	free(b->v);
	pcre2_code_free(b->all);
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

int
cc_boiler_add(struct cc_boiler *b, const char *pattern, int tail,
    struct cc_diag *d)
{
	pcre2_code	*re;
	PCRE2_UCHAR	 msg[256];
	PCRE2_SIZE	 erroff;
	size_t		 xn = 0;
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
	b->n++;
	pcre2_code_free(b->all);	/* cc_boiler_prepare() again */
	b->all = NULL;
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

/* Build b->all, if every pattern can be joined. */
void
cc_boiler_prepare(struct cc_boiler *b)
{
	struct cc_buf	 j = CC_BUF_INIT;
	PCRE2_SIZE	 erroff;
	size_t		 i;
	int		 errcode;

	pcre2_code_free(b->all);
	b->all = NULL;
	for (i = 0; i < b->n; i++)
		if (!joinable(b->v[i].src))
			return;
	/* The ".*X.*" patterns are searched for on their own. */
	cc_buf_adds(&j, "(?:(*FAIL)");
	for (i = 0; i < b->n; i++)
		if (!b->v[i].contains)
			cc_buf_printf(&j, "|(?:%s)(*MARK:%zu)", b->v[i].src, i);
	cc_buf_adds(&j, ")");
	b->all = pcre2_compile((PCRE2_SPTR)j.data, j.len, PCRE2_UTF |
	    PCRE2_CASELESS | PCRE2_ANCHORED | PCRE2_ENDANCHORED, &errcode,
	    &erroff, NULL);
	if (b->all != NULL)
		(void)pcre2_jit_compile(b->all, PCRE2_JIT_COMPLETE);
	cc_buf_release(&j);
}

/* Does the trimmed line s[0..n) match a pattern?  *tail set if the first
 * matching pattern is a tail one. */
static int
line_matches(const struct cc_boiler *b, pcre2_match_data *md,
    const char *s, size_t n, int *tail)
{
	PCRE2_SPTR	mark;
	size_t		i, best = b->n;
	int		rc;

	if (b->all != NULL) {
		rc = pcre2_match(b->all, (PCRE2_SPTR)s, n, 0,
		    PCRE2_NO_UTF_CHECK, md, b->mctx);
		if (rc >= 0 && (mark = pcre2_get_mark(md)) != NULL)
			best = (size_t)strtoul((const char *)mark, NULL, 10);
		if (rc >= 0 || rc == PCRE2_ERROR_NOMATCH) {
			/* A ".*X.*" pattern listed before it goes first. */
			for (i = 0; i < best && i < b->n; i++)
				if (b->v[i].contains && pcre2_match(b->v[i].re,
				    (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, md,
				    b->mctx) >= 0) {
					best = i;
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
		if (pcre2_match(b->v[i].re, (PCRE2_SPTR)s, n, 0,
		    PCRE2_NO_UTF_CHECK, md, b->mctx) >= 0) {
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
	pcre2_match_data	*md = NULL;
	struct seen		 sn;
	const char		*nl;
	size_t			 ls = 0, le, a, z, k = 0;
	int			 boiler, tail, in_tail = 0, text_seen = 0;

	if (ss->n == 0)
		return;
	if (b != NULL && b->n > 0)
		md = pcre2_match_data_create(1, NULL);
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
			boiler = line_matches(b, md, s + a, z - a, &tail);
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
