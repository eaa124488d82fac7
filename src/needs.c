/*
 * needs.c - the words a regular expression cannot match without.
 *
 * The pattern is read once, bottom up, the way code search engines pick
 * the trigrams of a query (Russ Cox, "Regular Expression Matching with a
 * Trigram Index"): each piece of the pattern is either exact (the finite
 * set of strings it matches, while that set stays small) or not, and
 * carries the sets of words any of its matches contains.
 *   literal a           exact {"a"}
 *   sequence AB         exact A x B while small; else A's and B's sets,
 *                       and each run of exact pieces as a set
 *   alternation A|B     exact A u B; else one set: the best set of each
 *                       alternative, together (none if one has none)
 *   A? A* A{0,n}        {"", A} when A is exact and small; else nothing
 *   A+ A{n,m}, n >= 1   A's sets
 *   (?=A) (?<=A)        A's sets (the text is the whole sentence)
 *   \b, ^, (?!A), ...   exact {""}
 *   \s, ., [^x], \p{L}  nothing known
 * Letters are kept in lower case: the extractor compares them with the
 * lower-cased sentence, as it does trigger words.
 *
 * Each piece also carries its lead, when known: strings every match of
 * it starts with.  A sequence's lead is what its pieces give from its
 * first consuming piece on (assertions match no text), crossed while
 * they are exact; an alternation's, its alternatives' together.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "needs.h"
#include "xmalloc.h"

#define SET_MAX		128	/* words in a set */
#define WORD_MAX	48	/* bytes in a word */
#define DEPTH_MAX	200	/* nested groups */
#define SCORE_MIN	3	/* a gate must need a word this long */
#define COMMON_MIN	4	/* the shortest word wset_shrink() makes */
#define SHRINK_MIN	3	/* ... of a set of more words than this */

/*
 * The words of the sets are made and dropped by the hundred thousand
 * while a pack loads (crossings, unions, extended runs): each is kept in
 * the blocks of the cc_needs_find() call it belongs to, a few pointer
 * steps to make and none to drop, and the blocks go when the call ends
 * (a malloc() and a free() a word were a tenth of loading the packs).
 * The words of the result are copied out of them.
 */
#define WBLOCK_SIZE	(64 * 1024)

struct wblock {
	struct wblock	*next;
	size_t		 used;
	char		 data[WBLOCK_SIZE];
};

static _Thread_local struct wblock *words_arena;

/* A word w[0..n) kept until the end of the current cc_needs_find(). */
static char *
word_new(const char *w, size_t n)
{
	struct wblock	*b = words_arena;
	char		*c;

	/* (n is at most WORD_MAX + 1: every word fits a block) */
	if (b == NULL || WBLOCK_SIZE - b->used < n + 1) {
		b = xmalloc(sizeof *b);
		b->next = words_arena;
		b->used = 0;
		words_arena = b;
	}
	c = b->data + b->used;
	memcpy(c, w, n);
	c[n] = '\0';
	b->used += n + 1;
	return c;
}

static void
words_arena_free(void)
{
	struct wblock	*b;

	while ((b = words_arena) != NULL) {
		words_arena = b->next;
		free(b);
	}
}

struct wset {
	char	**w;
	size_t	  n;
	size_t	  cap;	/* places in w (grown by doubling) */
};

/* The sets of one target group (struct node's tg). */
struct tsets {
	struct wset	*v;
	size_t		 n;
};

struct node {
	int		 exact;	/* e holds every string the piece matches */
	struct wset	 e;
	struct wset	*req;	/* sets, each met by any match */
	size_t		 nreq;
	int		 has_lead;	/* each match starts with a word of */
	struct wset	 lead;		/* lead (none of them "") */
	int		 lead_edge;	/* ... where a word starts (CC_NEEDS_
					   EDGE: \b or (?<!\w) before it) */
	int		 wb;	/* zero-width: 1 \b, 2 (?<!\w) */
	int		 has_ahead;	/* a look-ahead: each text where it */
	struct wset	 ahead;		/* holds starts with one of ahead */
	int		 has_opt;	/* "X?": X, if present, starts with */
	struct wset	 opt;		/* a word of opt */
	int		 opt_edge;	/* ... and X's lead_edge */
	/* With target groups (cc_needs_find_groups()): bit t of tin if
	 * the piece holds target t, and tg[t] the sets met by every match
	 * of the piece in which that group takes part (none: nothing
	 * known); tg NULL when there are no sets. */
	uint32_t	 tin;
	struct tsets	*tg;
};

struct parser {
	const char	*start;
	const char	*p;
	const char	*end;
	int		 bad;	/* unreadable: no sets at all */
	int		 refs;	/* refers to groups: no gate */
	int		 behind;	/* has a positive look-behind */
	int		 topopts;	/* sets options for the rest */
	int		 depth;
	size_t		 gate;	/* the top-level part where a gate starts */
	int		 gpos;	/* has \G: a search matches at its start */
	int		 verbs;	/* has a verb, as (*COMMIT) */
	const char *const *targets;	/* cc_needs_find_groups()' */
	size_t		 ntargets;
};

static void
wset_free(struct wset *s)
{
	free(s->w);
	s->w = NULL;
	s->n = s->cap = 0;
}

/* Add w[0..n) to s unless it is the last word there (words are made
 * one by one in order, so repeats come together; wset_uniq() removes
 * the others); 0 if s would grow too large. */
static int
wset_addn(struct wset *s, const char *w, size_t n, size_t max)
{
	if (n > WORD_MAX)
		return 0;
	if (s->n > 0 && strncmp(s->w[s->n - 1], w, n) == 0 &&
	    s->w[s->n - 1][n] == '\0')
		return 1;
	if (s->n >= max)
		return 0;
	if (s->n == s->cap) {
		/* (a realloc() per word was 4 % of loading the packs) */
		s->cap = s->cap < 8 ? 8 : 2 * s->cap;
		s->w = xreallocarray(s->w, s->cap, sizeof *s->w);
	}
	s->w[s->n++] = word_new(w, n);
	return 1;
}

static int
wset_add(struct wset *s, const char *w, size_t n)
{
	return wset_addn(s, w, n, SET_MAX);
}

static int
wset_union_max(struct wset *dst, const struct wset *src, size_t max)
{
	size_t	i;

	for (i = 0; i < src->n; i++)
		if (!wset_addn(dst, src->w[i], strlen(src->w[i]), max))
			return 0;
	return 1;
}

static int
wset_union(struct wset *dst, const struct wset *src)
{
	return wset_union_max(dst, src, SET_MAX);
}

/* How much a set narrows: its shortest word's length (0 if it holds the
 * empty string, which every text contains). */
static size_t
wset_score(const struct wset *s)
{
	size_t	i, m = (size_t)-1, l;

	if (s->n == 0)
		return 0;
	for (i = 0; i < s->n; i++)
		if ((l = strlen(s->w[i])) < m)
			m = l;
	return m;
}

/* Is a a better set than b: longer shortest word, else fewer words? */
static int
wset_better(const struct wset *a, const struct wset *b)
{
	size_t	sa = wset_score(a), sb = wset_score(b);

	return sa != sb ? sa > sb : a->n < b->n;
}

/* dst = a x b (every word of a followed by every word of b); 0 if too
 * large, dst then empty. */
static int
wset_cross_max(struct wset *dst, const struct wset *a, const struct wset *b,
    size_t max)
{
	char	buf[2 * WORD_MAX + 1];
	size_t	i, j, la, lb;

	memset(dst, 0, sizeof *dst);
	if (a->n * b->n > max)
		return 0;
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++) {
			la = strlen(a->w[i]);
			lb = strlen(b->w[j]);
			if (la + lb > WORD_MAX)
				goto fail;
			memcpy(buf, a->w[i], la);
			memcpy(buf + la, b->w[j], lb);
			if (!wset_addn(dst, buf, la + lb, max))
				goto fail;
		}
	return 1;
fail:
	wset_free(dst);
	return 0;
}

static int
wset_cross(struct wset *dst, const struct wset *a, const struct wset *b)
{
	return wset_cross_max(dst, a, b, SET_MAX);
}

/* Remove repeated words, keeping the first of each. */
static void
wset_uniq(struct wset *s)
{
	size_t	i, j, k = 0;

	for (i = 0; i < s->n; i++) {
		for (j = 0; j < k; j++)
			if (strcmp(s->w[j], s->w[i]) == 0)
				break;
		if (j == k)
			s->w[k++] = s->w[i];
	}
	s->n = k;
}

static void
tsets_free(struct tsets *t)
{
	size_t	i;

	for (i = 0; i < t->n; i++)
		wset_free(&t->v[i]);
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

static void
node_free(struct node *n)
{
	size_t	i;

	wset_free(&n->e);
	for (i = 0; i < n->nreq; i++)
		wset_free(&n->req[i]);
	free(n->req);
	wset_free(&n->lead);
	wset_free(&n->ahead);
	wset_free(&n->opt);
	for (i = 0; n->tg != NULL && i < CC_NEEDS_TARGETS; i++)
		tsets_free(&n->tg[i]);
	free(n->tg);
	memset(n, 0, sizeof *n);
}

/* Exact {""}: zero-width things. */
static void
node_empty(struct node *n)
{
	memset(n, 0, sizeof *n);
	n->exact = 1;
	wset_add(&n->e, "", 0);
}

/* Nothing known. */
static void
node_any(struct node *n)
{
	memset(n, 0, sizeof *n);
}

/* Move s (if it narrows at all) onto the sets (*v)[0..*n). */
static void
sets_push(struct wset **v, size_t *n, struct wset *s)
{
	if (wset_score(s) == 0) {
		wset_free(s);
		return;
	}
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = *s;
	memset(s, 0, sizeof *s);
}

/* Move s (if it narrows at all) into n's sets. */
static void
node_require(struct node *n, struct wset *s)
{
	sets_push(&n->req, &n->nreq, s);
}

/* Move the sets of src into dst. */
static void
node_take_reqs(struct node *dst, struct node *src)
{
	size_t	i;

	for (i = 0; i < src->nreq; i++)
		node_require(dst, &src->req[i]);
	src->nreq = 0;
}

/* The best set of n (its exact strings count as one), or NULL. */
static const struct wset *
node_best(const struct node *n)
{
	const struct wset	*best = NULL;
	size_t			 i;

	if (n->exact && wset_score(&n->e) > 0)
		best = &n->e;
	for (i = 0; i < n->nreq; i++)
		if (best == NULL || wset_better(&n->req[i], best))
			best = &n->req[i];
	return best;
}

/* Move s (if it narrows at all) into n's sets for target t. */
static void
node_trequire(struct node *n, size_t t, struct wset *s)
{
	if (n->tg == NULL)
		n->tg = xcalloc(CC_NEEDS_TARGETS, sizeof *n->tg);
	sets_push(&n->tg[t].v, &n->tg[t].n, s);
}

/* Move the sets *src (of some node) into n's for target t. */
static void
node_ttake(struct node *n, size_t t, struct tsets *src)
{
	while (src->n > 0)
		node_trequire(n, t, &src->v[--src->n]);
}

/* Copy n's own sets, and its exact strings as one, into its sets for
 * target t: they hold for every match of n, those with the group too. */
static void
node_treq_own(struct node *n, size_t t)
{
	struct wset	c;
	size_t		i;

	for (i = 0; i < n->nreq; i++) {
		memset(&c, 0, sizeof c);
		if (wset_union(&c, &n->req[i]))
			node_trequire(n, t, &c);
		else
			wset_free(&c);
	}
	memset(&c, 0, sizeof c);
	if (n->exact && wset_union(&c, &n->e))
		node_trequire(n, t, &c);
	else
		wset_free(&c);
}

/* Move src's targets into dst (which has none). */
static void
node_take_target(struct node *dst, struct node *src)
{
	dst->tin = src->tin;
	dst->tg = src->tg;
	src->tin = 0;
	src->tg = NULL;
}

/* The best of n's sets for target t, or NULL. */
static const struct wset *
node_tbest(const struct node *n, size_t t)
{
	const struct wset	*best = NULL;
	size_t			 i;

	for (i = 0; n->tg != NULL && i < n->tg[t].n; i++)
		if (best == NULL || wset_better(&n->tg[t].v[i], best))
			best = &n->tg[t].v[i];
	return best;
}

/*
 * Copy n's lead into *out: its own, or its exact strings when none is
 * empty.  0 (out empty) when no lead is known.
 */
static int
node_lead(const struct node *n, struct wset *out, int *edge)
{
	memset(out, 0, sizeof *out);
	*edge = 0;
	if (n->has_lead) {
		*edge = n->lead_edge;
		return wset_union_max(out, &n->lead, CC_NEEDS_LEAD_MAX) ||
		    (wset_free(out), 0);
	}
	if (!n->exact || wset_score(&n->e) == 0)
		return 0;
	return wset_union(out, &n->e) || (wset_free(out), 0);
}

/* Give n the lead l (taken), if it is one. */
static void
node_set_lead(struct node *n, struct wset *l, int edge)
{
	wset_free(&n->lead);
	n->has_lead = wset_score(l) > 0;
	if (n->has_lead) {
		n->lead = *l;
		n->lead_edge = edge;
	} else
		wset_free(l);
	memset(l, 0, sizeof *l);
}

static void	parse_alt(struct parser *, struct node *);

/* A literal character c (ASCII). */
static void
node_char(struct node *n, char c)
{
	memset(n, 0, sizeof *n);
	n->exact = 1;
	if (c >= 'A' && c <= 'Z')
		c = (char)(c + 32);
	wset_add(&n->e, &c, 1);
}

/* Move past the next c at or after ps->p + from; 0 (unreadable) if
 * there is none. */
static int
skip_past(struct parser *ps, size_t from, char c)
{
	const char	*q;

	if (ps->p + from > ps->end || (q = memchr(ps->p + from, c,
	    (size_t)(ps->end - ps->p - from))) == NULL) {
		ps->bad = 1;
		return 0;
	}
	ps->p = q + 1;
	return 1;
}

/* Skip a {...}, <...> or '...' group after an escape, if there. */
static void
skip_braced(struct parser *ps)
{
	char	close;

	if (ps->p >= ps->end)
		return;
	close = *ps->p == '{' ? '}' : *ps->p == '<' ? '>' : *ps->p == '\'' ?
	    '\'' : 0;
	if (close != 0)
		(void)skip_past(ps, 1, close);
}

/* An escape, ps->p just after the backslash. */
static void
parse_escape(struct parser *ps, struct node *n)
{
	const char	*q;
	char		 c;

	if (ps->p >= ps->end) {
		ps->bad = 1;
		node_any(n);
		return;
	}
	c = *ps->p++;
	if (strchr("bBAzZGK", c) != NULL) {
		node_empty(n);
		if (c == 'b')
			n->wb = CC_NEEDS_EDGE_B;
		if (c == 'G')
			ps->gpos = 1;
		return;
	}
	node_any(n);
	switch (c) {
	case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
	case 'h': case 'H': case 'v': case 'V': case 'R': case 'X':
	case 'C': case 't': case 'n': case 'r': case 'f': case 'e':
	case 'a':
		return;
	case 'g': case 'k':
		ps->refs = 1;
		/* FALLTHROUGH */
	case 'N': case 'p': case 'P': case 'o':
		/* \p{Lu}, \pL, \g{1}, \k<name>, \o{17}, \N{U+41} */
		if (ps->p < ps->end && *ps->p != '{' && *ps->p != '<' &&
		    *ps->p != '\'' && (c == 'p' || c == 'P'))
			ps->p++;
		else
			skip_braced(ps);
		if (c == 'g')
			while (ps->p < ps->end && ((*ps->p >= '0' &&
			    *ps->p <= '9') || *ps->p == '-' || *ps->p == '+'))
				ps->p++;
		return;
	case 'x':
		if (ps->p < ps->end && *ps->p == '{')
			skip_braced(ps);
		else
			for (q = ps->p; ps->p < ps->end && ps->p < q + 2 &&
			    strchr("0123456789abcdefABCDEF", *ps->p) != NULL;
			    ps->p++)
				;
		return;
	case 'c':
		if (ps->p < ps->end)
			ps->p++;
		return;
	case 'Q':
		ps->bad = 1;	/* \Q...\E: rare, not read */
		return;
	case 'E':
		node_empty(n);
		return;
	default:
		break;
	}
	if (c >= '0' && c <= '9') {
		/* a back reference or an octal escape */
		ps->refs = 1;
		while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
			ps->p++;
		return;
	}
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (unsigned char)c >= 0x80) {
		ps->bad = 1;	/* an escape this reader does not know */
		return;
	}
	node_char(n, c);	/* \. \( \' ... */
}

/* A character class, ps->p just after the '['. */
static void
parse_class(struct parser *ps, struct node *n)
{
	char	chars[16];
	size_t	nc = 0, i;
	int	neg = 0, complex = 0;
	char	c, hi;

	node_any(n);
	if (ps->p < ps->end && *ps->p == '^') {
		neg = 1;
		ps->p++;
	}
	if (ps->p < ps->end && *ps->p == ']') {
		chars[nc++] = ']';
		ps->p++;
	}
	while (ps->p < ps->end && *ps->p != ']') {
		c = *ps->p++;
		if (c == '[' && ps->p < ps->end && *ps->p == ':') {
			/* [:alpha:] */
			const char *q = ps->p;

			while (q + 1 < ps->end && !(q[0] == ':' && q[1] == ']'))
				q++;
			if (q + 1 >= ps->end) {
				ps->bad = 1;
				return;
			}
			ps->p = q + 2;
			complex = 1;
			continue;
		}
		if (c == '\\') {
			if (ps->p >= ps->end) {
				ps->bad = 1;
				return;
			}
			c = *ps->p++;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || (unsigned char)c >= 0x80) {
				/* \d \p{..} \x{..} \Q..: as the class ends,
				 * but what it holds is not known */
				if (c == 'p' || c == 'P' || c == 'x' ||
				    c == 'o' || c == 'N')
					skip_braced(ps);
				if ((c == 'p' || c == 'P') && ps->p < ps->end &&
				    *ps->p != ']' && ps->p[-1] != '}')
					ps->p++;
				if (c == 'Q' || c == 'E')
					ps->bad = 1;
				complex = 1;
				continue;
			}
		} else if ((unsigned char)c >= 0x80) {
			complex = 1;
			continue;
		}
		if (ps->p + 1 < ps->end && ps->p[0] == '-' && ps->p[1] != ']') {
			hi = ps->p[1];
			ps->p += 2;
			if (hi == '\\' || (unsigned char)hi >= 0x80 ||
			    hi < c || hi - c > 15) {
				if (hi == '\\' && ps->p < ps->end)
					ps->p++;
				complex = 1;
				continue;
			}
			for (; c <= hi && nc < sizeof chars; c++)
				chars[nc++] = c;
			if (c <= hi)
				complex = 1;
			continue;
		}
		if (nc < sizeof chars)
			chars[nc++] = c;
		else
			complex = 1;
	}
	if (ps->p >= ps->end) {
		ps->bad = 1;
		return;
	}
	ps->p++;	/* ']' */
	if (neg || complex || nc == 0)
		return;
	n->exact = 1;
	for (i = 0; i < nc; i++) {
		c = chars[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		wset_add(&n->e, &c, 1);
	}
}

/* A group, ps->p just after the '('. */
static void
parse_group(struct parser *ps, struct node *n)
{
	struct node	 in;
	const char	*q, *inner, *name = NULL;
	size_t		 nlen = 0, t;
	int		 look = 0;	/* 1 positive, -1 negative */
	int		 behind = 0;	/* a look-behind */

	node_any(n);
	if (ps->p < ps->end && *ps->p == '*') {
		/* (*VERB) or (*VERB:NAME); (*pla:...) and friends are
		 * assertions this reader does not take apart.  A verb such
		 * as (*COMMIT) can end the whole search where the pattern
		 * would match later: no gate. */
		if (ps->p + 1 < ps->end && ps->p[1] >= 'a' && ps->p[1] <= 'z') {
			ps->bad = 1;
			return;
		}
		ps->refs = 1;
		ps->verbs = 1;
		if (skip_past(ps, 0, ')'))
			node_empty(n);
		return;
	}
	if (ps->p < ps->end && *ps->p == '?') {
		ps->p++;
		if (ps->p >= ps->end) {
			ps->bad = 1;
			return;
		}
		switch (*ps->p) {
		case ':': case '|': case '>':
			ps->p++;
			break;
		case '=': case '!':
			look = *ps->p == '=' ? 1 : -1;
			ps->p++;
			break;
		case '#':
			if (skip_past(ps, 0, ')'))
				node_empty(n);
			return;
		case '<':
			if (ps->p + 1 < ps->end && (ps->p[1] == '=' ||
			    ps->p[1] == '!')) {
				look = ps->p[1] == '=' ? 1 : -1;
				behind = 1;
				ps->p += 2;
				break;
			}
			/* FALLTHROUGH */
		case '\'':
			/* (?<name>...), (?'name'...) */
			name = ps->p + 1;
			if (!skip_past(ps, 1, *ps->p == '<' ? '>' : '\''))
				return;
			nlen = (size_t)(ps->p - 1 - name);
			break;
		case 'P':
			if (ps->p + 1 < ps->end && ps->p[1] == '<') {
				name = ps->p + 2;
				if (!skip_past(ps, 0, '>'))
					return;
				nlen = (size_t)(ps->p - 1 - name);
				break;
			}
			/* (?P=name), (?P>name) */
			ps->refs = 1;
			(void)skip_past(ps, 0, ')');
			return;
		case 'R': case '&': case '+':
		case '0': case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9':
			/* a subroutine call: what it matches is not read */
			ps->refs = 1;
			(void)skip_past(ps, 0, ')');
			return;
		case '(':
			ps->bad = 1;	/* a conditional */
			return;
		default:
			/* option letters, then ':' (a group) or ')' */
			if (*ps->p == '-' && ps->p + 1 < ps->end &&
			    ps->p[1] >= '0' && ps->p[1] <= '9') {
				ps->refs = 1;
				(void)skip_past(ps, 0, ')');
				return;
			}
			for (q = ps->p; q < ps->end && ((*q >= 'a' &&
			    *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
			    *q == '-' || *q == '^'); q++)
				if (*q == 'x') {
					ps->bad = 1;	/* extended mode */
					return;
				}
			if (q >= ps->end || (*q != ':' && *q != ')')) {
				ps->bad = 1;
				return;
			}
			ps->p = q + 1;
			if (*q == ')') {
				/* (?i): for the rest of the group */
				if (ps->depth == 0)
					ps->topopts = 1;
				node_empty(n);
				return;
			}
			break;
		}
	}
	if (++ps->depth > DEPTH_MAX) {
		ps->bad = 1;
		return;
	}
	inner = ps->p;
	parse_alt(ps, &in);
	ps->depth--;
	if (ps->p >= ps->end || *ps->p != ')') {
		ps->bad = 1;
		node_free(&in);
		return;
	}
	ps->p++;
	if (look == 0) {
		*n = in;
		for (t = 0; name != NULL && t < ps->ntargets; t++)
			if (strlen(ps->targets[t]) == nlen &&
			    memcmp(name, ps->targets[t], nlen) == 0) {
				/* A target: wherever it takes part, its
				 * text holds what any match of its inside
				 * does. */
				if (n->tg != NULL)
					tsets_free(&n->tg[t]);
				n->tin |= (uint32_t)1 << t;
				node_treq_own(n, t);
			}
		return;
	}
	/* An assertion matches no text: exact {""}; a positive one holds
	 * what its text holds (the subject is the whole sentence). */
	node_empty(n);
	if (look < 0 && behind && ps->p - inner == 3 &&
	    memcmp(inner, "\\w)", 3) == 0)
		n->wb = CC_NEEDS_EDGE_NOTW;
	if (look > 0 && !behind) {
		struct wset	l;
		int		edge;

		if (node_lead(&in, &l, &edge)) {
			n->has_ahead = 1;
			n->ahead = l;
		}
	}
	if (look > 0) {
		if (behind)
			ps->behind = 1;
		if (in.exact) {
			node_require(n, &in.e);
			in.exact = 0;
		}
		node_take_reqs(n, &in);
		/* (a positive assertion keeps the groups it sets) */
		node_take_target(n, &in);
	} else
		n->tin = in.tin;	/* (nothing known) */
	node_free(&in);
}

/* A quantifier after the piece n, if there. */
static void
parse_quant(struct parser *ps, struct node *n)
{
	struct node	 q;
	unsigned long	 lo, hi;
	char		*e;

	if (ps->p >= ps->end)
		return;
	switch (*ps->p) {
	case '?':
		lo = 0, hi = 1;
		ps->p++;
		break;
	case '*':
		lo = 0, hi = 2;
		ps->p++;
		break;
	case '+':
		lo = 1, hi = 2;
		ps->p++;
		break;
	case '{':
		if (ps->p + 1 >= ps->end || ps->p[1] < '0' || ps->p[1] > '9') {
			if (ps->p + 1 < ps->end && ps->p[1] == ',')
				ps->bad = 1;	/* {,n}: version-dependent */
			return;		/* a literal '{' */
		}
		lo = strtoul(ps->p + 1, &e, 10);
		hi = lo;
		if (e < ps->end && *e == ',') {
			e++;
			hi = (e < ps->end && *e >= '0' && *e <= '9') ?
			    strtoul(e, &e, 10) : lo + 2;
		}
		if (e >= ps->end || *e != '}')
			return;		/* a literal '{' */
		ps->p = e + 1;
		break;
	default:
		return;
	}
	if (ps->p < ps->end && (*ps->p == '?' || *ps->p == '+'))
		ps->p++;	/* lazy or possessive: same texts */
	if (lo == 0) {
		struct wset	l;
		int		edge;

		node_any(&q);
		if (node_lead(n, &l, &edge)) {
			q.has_opt = 1;
			q.opt = l;
			q.opt_edge = edge;
		}
		/* (where the group takes part, A matched) */
		node_take_target(&q, n);
		if (hi == 1 && n->exact) {
			/* A? = {"", A} */
			q.exact = 1;
			if (!wset_union(&q.e, &n->e) || !wset_add(&q.e, "", 0)) {
				wset_free(&q.e);
				q.exact = 0;
			}
		}
		node_free(n);
		*n = q;
		return;
	}
	if (lo == 1 && hi == 1)
		return;
	/* Several: each holds the piece's sets, the text is not exact;
	 * each starts as the first does. */
	if (n->exact) {
		struct wset	l;
		int		edge;

		if (node_lead(n, &l, &edge))
			node_set_lead(n, &l, edge);
		node_require(n, &n->e);
		n->exact = 0;
	}
}

/* One piece with its quantifier. */
static void
parse_piece(struct parser *ps, struct node *n)
{
	unsigned char	c = (unsigned char)*ps->p++;

	switch (c) {
	case '\\':
		parse_escape(ps, n);
		break;
	case '[':
		parse_class(ps, n);
		break;
	case '(':
		parse_group(ps, n);
		break;
	case '.':
		node_any(n);
		break;
	case '^': case '$':
		node_empty(n);
		break;
	default:
		if (c >= 0x80) {
			/* a UTF-8 character: case folding is Unicode's */
			while (ps->p < ps->end &&
			    ((unsigned char)*ps->p & 0xc0) == 0x80)
				ps->p++;
			node_any(n);
		} else
			node_char(n, (char)c);
		break;
	}
	if (!ps->bad)
		parse_quant(ps, n);
}

/*
 * The first part of the pattern's own sequence that needs words (best,
 * a piece's or a run of literal pieces', starting at at), if parts that
 * match text (consumed) come before it: where a gate starts.
 */
static void
gate_at(struct parser *ps, const struct wset *best, const char *at,
    int consumed)
{
	if (ps->depth == 0 && ps->gate == 0 && consumed && !ps->topopts &&
	    best != NULL && wset_score(best) >= SCORE_MIN)
		ps->gate = (size_t)(at - ps->start);
}

/* If ps->p is a literal character with no quantifier after it, append
 * it to every word of cur and step over it; else 0. */
static int
run_extend(struct parser *ps, struct wset *cur)
{
	char	c = *ps->p, *w;
	size_t	i, l;

	if ((unsigned char)c < 0x20 || (unsigned char)c >= 0x7f ||
	    strchr("\\[](){}|?*+.^$", c) != NULL ||
	    (ps->p + 1 < ps->end && strchr("?*+{", ps->p[1]) != NULL))
		return 0;
	for (i = 0; i < cur->n; i++)
		if (strlen(cur->w[i]) >= WORD_MAX)
			return 0;
	if (c >= 'A' && c <= 'Z')
		c = (char)(c + 32);
	for (i = 0; i < cur->n; i++) {
		l = strlen(cur->w[i]);
		w = word_new(cur->w[i], l + 1);
		w[l] = c;
		cur->w[i] = w;
	}
	ps->p++;
	return 1;
}

/*
 * The lead of a sequence as its pieces are read: the strings its text
 * starts with so far (pre), crossed with each exact piece, then with the
 * lead of the first piece that is not exact, where it stops.
 */
struct lead {
	struct wset	 pre;
	int		 open;	/* pieces still extend pre */
	int		 any;	/* a piece that matches text was read */
	int		 wb;	/* \b (1) or (?<!\w) (2) before that piece */
	int		 edge;	/* that piece's own lead_edge */
	struct wset	 ahead;	/* a look-ahead's before it, if any */
	struct wset	 opt;	/* leads of optional pieces before it */
	int		 nopt;	/* how many (-1: one without a lead) */
	int		 opt_edge;	/* their edge, if all the same */
};

static void
lead_start(struct lead *ld)
{
	memset(ld, 0, sizeof *ld);
	wset_add(&ld->pre, "", 0);
	ld->open = 1;
}

/* pre x e, or stop where the set would grow too large. */
static void
lead_cross(struct lead *ld, const struct wset *e)
{
	struct wset	x;

	if (!ld->open)
		return;
	if (wset_cross_max(&x, &ld->pre, e, CC_NEEDS_LEAD_MAX)) {
		wset_free(&ld->pre);
		ld->pre = x;
	} else
		ld->open = 0;
}

/* A literal character of a run. */
static void
lead_char(struct lead *ld, char c)
{
	struct wset	e;

	memset(&e, 0, sizeof e);
	if (c >= 'A' && c <= 'Z')
		c = (char)(c + 32);
	wset_add(&e, &c, 1);
	lead_cross(ld, &e);
	ld->any = 1;
	wset_free(&e);
}

/* A piece (zw: it matches no text). */
static void
lead_piece(struct lead *ld, const struct node *item, int zw)
{
	struct wset	l;
	int		edge;

	if (zw) {
		if (!ld->any && item->wb > ld->wb)
			ld->wb = item->wb;
		/* "(?=X)" where the text starts: it starts as X does */
		if (!ld->any && item->has_ahead && ld->ahead.n == 0)
			(void)wset_union_max(&ld->ahead, &item->ahead,
			    CC_NEEDS_LEAD_MAX);
		return;
	}
	if (!ld->open)
		return;
	/* "X?Y" where the text starts: it starts as X or as Y does. */
	if (!ld->any && !item->exact && item->has_opt && ld->nopt >= 0) {
		edge = item->opt_edge > ld->wb ? item->opt_edge : ld->wb;
		if (!wset_union_max(&ld->opt, &item->opt, CC_NEEDS_LEAD_MAX))
			ld->nopt = -1;
		else {
			ld->opt_edge = ld->nopt == 0 || ld->opt_edge == edge ?
			    edge : 0;
			ld->nopt++;
		}
		return;
	}
	if (item->exact) {
		if (!ld->any && item->has_lead)
			ld->edge = item->lead_edge;
		lead_cross(ld, &item->e);
		ld->any = 1;
		return;
	}
	if (node_lead(item, &l, &edge)) {
		if (!ld->any)
			ld->edge = edge;
		lead_cross(ld, &l);
		wset_free(&l);
	}
	ld->any = 1;
	ld->open = 0;
}

/* Give the sequence n its lead, if one is known. */
static void
lead_end(struct lead *ld, struct node *n)
{
	int	edge = ld->edge > ld->wb ? ld->edge : ld->wb;

	/* A group of assertions only, "(?:(?=X))": its look-ahead holds
	 * where it stands, for what follows. */
	if (!ld->any) {
		if (wset_score(&ld->ahead) > 0) {
			wset_free(&n->ahead);
			n->has_ahead = 1;
			n->ahead = ld->ahead;
		} else
			wset_free(&ld->ahead);
		wset_free(&ld->pre);
		wset_free(&ld->opt);
		return;
	}
	/* Either holds; the narrower serves better.  (A look-ahead's own
	 * edges are not known: only what stands before it counts.) */
	if (wset_score(&ld->ahead) > 0 && (wset_score(&ld->pre) == 0 ||
	    wset_better(&ld->ahead, &ld->pre))) {
		wset_free(&ld->pre);
		ld->pre = ld->ahead;
		memset(&ld->ahead, 0, sizeof ld->ahead);
		edge = ld->wb;
	}
	wset_free(&ld->ahead);
	/* With optional pieces first, either they or the rest open it. */
	if (ld->nopt != 0) {
		if (ld->nopt < 0 || wset_score(&ld->pre) == 0 ||
		    !wset_union_max(&ld->pre, &ld->opt, CC_NEEDS_LEAD_MAX)) {
			wset_free(&ld->pre);
			wset_free(&ld->opt);
			return;
		}
		edge = edge == ld->opt_edge ? edge : 0;
	}
	wset_free(&ld->opt);
	node_set_lead(n, &ld->pre, edge);
}

/* A sequence of pieces, up to '|', ')' or the end. */
static void
parse_seq(struct parser *ps, struct node *n)
{
	struct node	 item;
	struct wset	 cur, x;
	struct lead	 ld;
	const char	*run = NULL;	/* where the run in cur began */
	int		 broken = 0, consumed = 0, run_consumed = 0, zw;
	struct node	 tgt;		/* each target's first piece's sets */
	uint32_t	 once = 0, many = 0;	/* targets in one piece, in
						   more */
	size_t		 t;

	memset(n, 0, sizeof *n);
	memset(&tgt, 0, sizeof tgt);
	memset(&cur, 0, sizeof cur);
	wset_add(&cur, "", 0);
	lead_start(&ld);
	while (!ps->bad && ps->p < ps->end && *ps->p != '|' && *ps->p != ')') {
		const char	*at = ps->p;

		/* Most of a pattern is letters: each goes onto the words of
		 * the run in place, without a piece of its own. */
		if (run_extend(ps, &cur)) {
			lead_char(&ld, *at);
			if (run == NULL) {
				run = at;
				run_consumed = consumed;
			}
			gate_at(ps, &cur, run, run_consumed);
			consumed = 1;
			continue;
		}
		parse_piece(ps, &item);
		if (ps->bad) {
			node_free(&item);
			break;
		}
		zw = item.exact && item.e.n == 1 && item.e.w[0][0] == '\0';
		lead_piece(&ld, &item, zw);
		gate_at(ps, node_best(&item), at, consumed);
		node_take_reqs(n, &item);
		if (item.exact && wset_cross(&x, &cur, &item.e)) {
			if (run == NULL && !zw) {
				run = at;
				run_consumed = consumed;
			}
			wset_free(&cur);
			cur = x;
		} else {
			/* the run of exact pieces ends here */
			node_require(n, &cur);
			memset(&cur, 0, sizeof cur);
			run = NULL;
			if (item.exact) {
				cur = item.e;
				memset(&item.e, 0, sizeof item.e);
				run = at;
				run_consumed = consumed;
			} else
				wset_add(&cur, "", 0);
			broken = 1;
		}
		if (run != NULL)
			gate_at(ps, &cur, run, run_consumed);
		if (!zw)
			consumed = 1;
		for (t = 0; item.tin != 0 && t < ps->ntargets; t++) {
			if (!(item.tin >> t & 1))
				continue;
			if (once >> t & 1)
				many |= (uint32_t)1 << t;
			else if (item.tg != NULL)
				node_ttake(&tgt, t, &item.tg[t]);
			once |= (uint32_t)1 << t;
		}
		node_free(&item);
	}
	if (!broken) {
		n->exact = 1;
		n->e = cur;
	} else
		node_require(n, &cur);
	lead_end(&ld, n);
	/* A match with a target holds the sequence's sets and, if one
	 * piece alone has the target, that piece's for it (of two, either
	 * may be the one that took part). */
	n->tin = once;
	for (t = 0; once != 0 && t < ps->ntargets; t++) {
		if (!(once >> t & 1))
			continue;
		node_treq_own(n, t);
		if (!(many >> t & 1) && tgt.tg != NULL)
			node_ttake(n, t, &tgt.tg[t]);
	}
	node_free(&tgt);
}

/* Alternatives, up to ')' or the end. */
static void
parse_alt(struct parser *ps, struct node *n)
{
	struct node		 a, tgt;
	struct wset		 uni, any, lead, al;
	struct wset		 tany[CC_NEEDS_TARGETS];
	const struct wset	*best;
	int			 all_exact, all_req = 1, all_lead, edge, aedge;
	uint32_t		 once, many = 0, tall;
	size_t			 t;

	parse_seq(ps, n);
	if (ps->bad || ps->p >= ps->end || *ps->p != '|')
		return;
	/* The alternatives with a target: of one, its sets (tgt); of
	 * several, the best set of each together (tany[t], while each
	 * has one: tall). */
	memset(&tgt, 0, sizeof tgt);
	memset(tany, 0, sizeof tany);
	node_take_target(&tgt, n);
	once = tall = tgt.tin;
	for (t = 0; t < ps->ntargets; t++)
		if ((tall >> t & 1) && ((best = node_tbest(&tgt, t)) == NULL ||
		    !wset_union(&tany[t], best)))
			tall &= ~((uint32_t)1 << t);
	if (ps->depth == 0)
		ps->gate = 0;	/* not one sequence */
	/* uni: the union of the texts, while all are exact; any: the
	 * union of each alternative's best set, while all have one */
	memset(&uni, 0, sizeof uni);
	memset(&any, 0, sizeof any);
	all_exact = n->exact && wset_union(&uni, &n->e);
	if ((best = node_best(n)) == NULL || !wset_union(&any, best))
		all_req = 0;
	/* lead: the alternatives' leads together, while all have one */
	memset(&al, 0, sizeof al);
	all_lead = node_lead(n, &lead, &edge);
	node_free(n);
	while (!ps->bad && ps->p < ps->end && *ps->p == '|') {
		ps->p++;
		parse_seq(ps, &a);
		if (all_req && ((best = node_best(&a)) == NULL ||
		    !wset_union(&any, best)))
			all_req = 0;
		if (all_exact && (!a.exact || !wset_union(&uni, &a.e)))
			all_exact = 0;
		if (all_lead && (!node_lead(&a, &al, &aedge) ||
		    !wset_union_max(&lead, &al, CC_NEEDS_LEAD_MAX)))
			all_lead = 0;
		if (all_lead && edge != aedge)
			edge = 0;
		for (t = 0; a.tin != 0 && t < ps->ntargets; t++) {
			if (!(a.tin >> t & 1))
				continue;
			if (!(once >> t & 1))
				tall |= (uint32_t)1 << t;
			else
				many |= (uint32_t)1 << t;
			if ((tall >> t & 1) && ((best = node_tbest(&a, t)) ==
			    NULL || !wset_union(&tany[t], best)))
				tall &= ~((uint32_t)1 << t);
			if (!(once >> t & 1) && a.tg != NULL)
				node_ttake(&tgt, t, &a.tg[t]);
			once |= (uint32_t)1 << t;
		}
		wset_free(&al);
		node_free(&a);
	}
	n->tin = once;
	for (t = 0; once != 0 && t < ps->ntargets; t++) {
		if (!(many >> t & 1)) {
			if (tgt.tg != NULL)
				node_ttake(n, t, &tgt.tg[t]);
		} else if (tall >> t & 1)
			node_trequire(n, t, &tany[t]);
		wset_free(&tany[t]);
	}
	node_free(&tgt);
	if (all_lead)
		node_set_lead(n, &lead, edge);
	else
		wset_free(&lead);
	if (all_exact) {
		n->exact = 1;
		n->e = uni;
		wset_free(&any);
		return;
	}
	wset_free(&uni);
	if (all_req)
		node_require(n, &any);
	else
		wset_free(&any);
}

/*
 * If every word of s (more than SHRINK_MIN) holds one string of
 * COMMON_MIN bytes or more, make s that string alone ("kill" for killed|killing|kills, "cookie" for
 * the eleven ways of a cookie banner): nearly as narrow a test, for
 * fewer words to look for.
 */
static void
wset_shrink(struct wset *s)
{
	const char	*w;
	char		*c;
	size_t		 i, l, len, at, k;

	if (s->n <= SHRINK_MIN)
		return;
	for (w = s->w[0], i = 1; i < s->n; i++)
		if (strlen(s->w[i]) < strlen(w))
			w = s->w[i];
	len = strlen(w);
	for (l = len; l >= COMMON_MIN; l--)
		for (at = 0; at + l <= len; at++) {
			for (k = 0; k < s->n; k++)
				if (memmem(s->w[k], strlen(s->w[k]), w + at,
				    l) == NULL)
					break;
			if (k < s->n)
				continue;
			c = word_new(w + at, l);
			wset_free(s);
			s->w = xmalloc(sizeof *s->w);
			s->w[0] = c;
			s->n = s->cap = 1;
			return;
		}
}

/*
 * Drop the words that hold another word of the set: a text with "is an"
 * has "is a", so {"is a", "is an"} needs one search, not two.  (A match
 * that holds the longer word holds the shorter one inside it, so no
 * earlier than it ends: the extractor's bound, the last end of a set's
 * words, stays a bound.)
 */
static void
wset_drop_longer(struct wset *s)
{
	unsigned char	*drop;
	size_t		 i, j, k = 0;

	if (s->n < 2)
		return;
	drop = xcalloc(s->n, 1);
	for (i = 0; i < s->n; i++)
		for (j = 0; j < s->n && !drop[i]; j++)
			drop[i] = j != i && strlen(s->w[j]) < strlen(s->w[i]) &&
			    strstr(s->w[i], s->w[j]) != NULL;
	for (i = 0; i < s->n; i++)
		if (!drop[i])
			s->w[k++] = s->w[i];
	s->n = k;
	free(drop);
}

/* Is set v[i] one of v[0..i) (the same words, in any order)? */
static int
wset_seen(const struct wset *v, size_t i)
{
	size_t	j, k, m;

	for (j = 0; j < i; j++) {
		if (v[j].n != v[i].n)
			continue;
		for (k = 0; k < v[i].n; k++) {
			for (m = 0; m < v[j].n; m++)
				if (strcmp(v[i].w[k], v[j].w[m]) == 0)
					break;
			if (m == v[j].n)
				break;
		}
		if (k == v[i].n)
			return 1;
	}
	return 0;
}

static int
set_cmp(const void *a, const void *b)
{
	const struct wset	*x = a, *y = b;

	return wset_better(x, y) ? -1 : wset_better(y, x) ? 1 : 0;
}

/*
 * A gate at byte gate of p that comes right after a space the pattern
 * needs (a top-level \s+ or \s, as in "\w+\s+met"), starting at that
 * space instead: the gate still matches wherever the pattern does, and
 * PCRE2, which tries a search at each byte that can start one, then
 * tries it at the spaces rather than at every "m", "a", "w", "h", "s"
 * and "t" its words open with (a third of the time on the seed
 * articles for event.meeting's gate).
 */
static size_t
gate_space(const char *p, size_t gate)
{
	size_t	at = gate, bs;

	if (at >= 1 && p[at - 1] == '+')
		at--;
	if (at < 2 || p[at - 1] != 's' || p[at - 2] != '\\')
		return gate;
	/* (not after an escaped backslash: \\s+ is a backslash, then one
	 * or more "s") */
	for (bs = 0; bs < at - 1 && p[at - 2 - bs] == '\\'; bs++)
		;
	return bs % 2 == 1 ? at - 2 : gate;
}

/*
 * The pattern's lead (root's) into out, if every match starts with one
 * of at most CC_NEEDS_LEAD_MAX words: a word that starts with another
 * of the set is dropped (where it stands, the shorter one does).  Not
 * with \G, which matches where a search starts (started later, it
 * would match there), nor with a verb such as (*COMMIT), which can end
 * a search where a later start would match.
 */
static void
lead_out(const struct parser *ps, const struct node *root,
    struct cc_needs *out)
{
	struct wset	l;
	size_t		i, j, k = 0, li;
	int		edge, drop;

	if (ps->gpos || ps->verbs || !node_lead(root, &l, &edge))
		return;
	wset_uniq(&l);
	for (i = 0; i < l.n; i++) {
		li = strlen(l.w[i]);
		for (drop = 0, j = 0; j < l.n && !drop; j++)
			drop = j != i && l.w[j] != NULL &&
			    strlen(l.w[j]) < li &&
			    strncmp(l.w[i], l.w[j], strlen(l.w[j])) == 0;
		if (drop)
			l.w[i] = NULL;
	}
	for (i = 0; i < l.n; i++)
		if (l.w[i] != NULL)
			l.w[k++] = l.w[i];
	l.n = k;
	if (l.n == 0 || l.n > CC_NEEDS_LEAD_MAX) {
		wset_free(&l);
		return;
	}
	for (i = 0; i < l.n; i++)
		l.w[i] = xstrdup(l.w[i]);
	out->lead = l.w;
	out->nlead = l.n;
	out->lead_edge = edge;
}

/*
 * Into out, the best of the sets req[0..nreq) (taken), as cc_needs_find()
 * gives them; for a group (group set), one of a kind only, and past the
 * first none shorter than CC_NEEDS_MINLEN.
 */
static void
needs_out(struct wset *req, size_t nreq, int group, size_t minlen,
    size_t maxwords, struct cc_needs *out)
{
	size_t	i, k, nw = 0;

	for (i = 0; i < nreq; i++) {
		wset_uniq(&req[i]);
		wset_drop_longer(&req[i]);
		wset_shrink(&req[i]);
	}
	if (nreq > 1)	/* (qsort of NULL, 0 is undefined) */
		qsort(req, nreq, sizeof *req, set_cmp);
	out->nwords = xcalloc(CC_NEEDS_MAX, sizeof *out->nwords);
	for (i = 0; i < nreq && out->nsets < CC_NEEDS_MAX; i++) {
		if (wset_score(&req[i]) < minlen || wset_score(&req[i]) == 0)
			break;	/* sorted: the rest are no better */
		if (req[i].n > maxwords)
			continue;
		/* Past the first, a set of words as short as "the", "has"
		 * or "not" is in nearly every text: not worth looking for. */
		if (out->nsets > 0 && wset_score(&req[i]) <= minlen &&
		    minlen >= CC_NEEDS_MINLEN)
			break;
		/* A group's sets come from each level of the pattern
		 * around it, often the same set twice; past the first, one
		 * as short as "to" is not worth looking for either. */
		if (group && out->nsets > 0 &&
		    wset_score(&req[i]) < CC_NEEDS_MINLEN)
			break;
		if (group && wset_seen(req, i))
			continue;
		out->words = xreallocarray(out->words, nw + req[i].n,
		    sizeof *out->words);
		for (k = 0; k < req[i].n; k++)
			out->words[nw++] = xstrdup(req[i].w[k]);
		out->nwords[out->nsets++] = req[i].n;
	}
}

/* cc_needs_find(), or with groups (n of them) cc_needs_find_groups(). */
static void
needs_find(const char *p, size_t len, const char *const *groups, size_t n,
    size_t minlen, size_t maxwords, struct cc_needs *out)
{
	struct parser	ps;
	struct node	root;
	size_t		t;

	for (t = 0; t < (groups != NULL ? n : 1); t++)
		memset(&out[t], 0, sizeof out[t]);
	if (p == NULL)		/* an empty pattern needs nothing */
		return;
	memset(&ps, 0, sizeof ps);
	ps.start = ps.p = p;
	ps.end = p + len;
	ps.targets = groups;
	ps.ntargets = groups != NULL ? n : 0;
	parse_alt(&ps, &root);
	if (ps.bad || ps.p != ps.end) {
		node_free(&root);
		words_arena_free();
		return;
	}
	if (groups != NULL) {
		/* Each group's sets (none if the pattern has no such
		 * group: nothing known). */
		for (t = 0; t < n; t++) {
			out[t].behind = ps.behind;
			needs_out(root.tin >> t & 1 && root.tg != NULL ?
			    root.tg[t].v : NULL, root.tin >> t & 1 &&
			    root.tg != NULL ? root.tg[t].n : 0, 1, minlen,
			    maxwords, &out[t]);
		}
		node_free(&root);
		words_arena_free();
		return;
	}
	out->behind = ps.behind;
	if (!ps.refs)
		out->gate = gate_space(p, ps.gate);
	lead_out(&ps, &root, out);
	if (root.exact) {
		node_require(&root, &root.e);
		root.exact = 0;
	}
	needs_out(root.req, root.nreq, 0, minlen, maxwords, out);
	node_free(&root);
	words_arena_free();
}

void
cc_needs_find(const char *p, size_t len, size_t minlen, size_t maxwords,
    struct cc_needs *out)
{
	needs_find(p, len, NULL, 0, minlen, maxwords, out);
}

void
cc_needs_find_groups(const char *p, size_t len, const char *const *groups,
    size_t n, size_t minlen, size_t maxwords, struct cc_needs *out)
{
	size_t	i;

	if (n > CC_NEEDS_TARGETS) {
		/* (more than one pass reads at once) */
		for (i = 0; i < n; i += CC_NEEDS_TARGETS)
			cc_needs_find_groups(p, len, groups + i,
			    n - i < CC_NEEDS_TARGETS ? n - i :
			    CC_NEEDS_TARGETS, minlen, maxwords, out + i);
		return;
	}
	needs_find(p, len, groups, n, minlen, maxwords, out);
}

/*
 * How often each byte turns up in lower-cased English news text, in
 * thousandths (letters, space and the commonest marks; the rest 1).
 */
static const unsigned char byte_freq[256] = {
	[' '] = 170, ['e'] = 100, ['t'] = 72, ['a'] = 65, ['o'] = 62,
	['i'] = 57, ['n'] = 57, ['s'] = 53, ['r'] = 50, ['h'] = 41,
	['l'] = 33, ['d'] = 32, ['c'] = 23, ['u'] = 22, ['m'] = 20,
	['f'] = 18, ['p'] = 16, ['g'] = 16, ['w'] = 15, ['y'] = 14,
	['b'] = 12, [','] = 10, ['.'] = 10, ['v'] = 8, ['k'] = 6,
	['0'] = 4, ['1'] = 4, ['2'] = 4, ['\n'] = 3, ['"'] = 3,
	['x'] = 2, ['j'] = 2, ['q'] = 1, ['z'] = 1,
};

/* Above this a word's rarest byte is too common to look for first. */
#define RARE_MAX	20

/*
 * Does lower[0..len) hold w[0..wl)?  A word of the needs of a whole
 * text is seldom there, and memmem() reads all of it at two bytes or so
 * each: where the word has a rare byte ("k" of "cookie"), memchr() skips
 * to each place it stands, many bytes a step, and the word is compared
 * only there.
 */
static int
holds_word(const char *lower, size_t len, const char *w, size_t wl)
{
	const char	*p, *end;
	size_t		 i, r = 0;
	unsigned	 f, best = 256;

	if (wl == 0)
		return 1;
	if (wl > len)
		return 0;
	for (i = 0; i < wl; i++) {
		f = byte_freq[(unsigned char)w[i]];
		if (f == 0)
			f = 1;
		if (f < best) {
			best = f;
			r = i;
		}
	}
	if (best > RARE_MAX || wl == 1)
		return memmem(lower, len, w, wl) != NULL;
	/* the rare byte at p: the word from p - r to p - r + wl */
	end = lower + len - (wl - r) + 1;
	for (p = lower + r; p < end &&
	    (p = memchr(p, w[r], (size_t)(end - p))) != NULL; p++)
		if (memcmp(p - r, w, wl) == 0)
			return 1;
	return 0;
}

int
cc_needs_met(const struct cc_needs *n, const char *lower, size_t len)
{
	size_t	k, i, w = 0;

	for (k = 0; k < n->nsets; w += n->nwords[k], k++) {
		for (i = 0; i < n->nwords[k]; i++)
			if (holds_word(lower, len, n->words[w + i],
			    strlen(n->words[w + i])))
				break;
		if (i == n->nwords[k])
			return 0;
	}
	return 1;
}

void
cc_needs_release(struct cc_needs *n)
{
	size_t	i, total = 0;

	for (i = 0; i < n->nsets; i++)
		total += n->nwords[i];
	for (i = 0; i < total; i++)
		free(n->words[i]);
	free(n->words);
	free(n->nwords);
	for (i = 0; i < n->nlead; i++)
		free(n->lead[i]);
	free(n->lead);
	memset(n, 0, sizeof *n);
}
