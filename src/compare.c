/*
 * compare.c - the Compare stage: claims -> findings (see compare.h for
 * the kinds, their severities and the tolerances).
 *
 * Every rule works the same way: build one item per claim it cares about
 * with a key, sort the items by key, and look at each run of equal keys
 * (a block) on its own.  Inside a block the work is linear or n log n in
 * the block's size (sorting by outlet to count outlets, extremes for
 * interval clashes), so the whole pass is O(n log n).
 *
 * Independence: two claims of one block from different outlets whose
 * evidence sentences are near-identical (Jaccard >= CMP_COPY_JACCARD over
 * word 5-gram shingles, candidates found by MinHash buckets) are copies
 * of one story; two claims attributed to one source ("TASS reported") or
 * from one outlet are one source.  An agreement counts the independent
 * sources among its outlets; one whose outlets are all one source is a
 * single-source finding instead.  Copies are looked for inside the
 * block only (they used to be chained through claims of other blocks),
 * so a block's findings depend on its own claims and nothing else.
 *
 * Scopes: each finding records the scope it was computed from (see
 * compare.h), and an incremental run (struct cc_compare_opts) builds
 * items only for the claims whose scope is dirty, then keeps the old
 * findings of every other scope.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compare.h"
#include "entity.h"
#include "hash.h"
#include "text.h"
#include "timex.h"
#include "xmalloc.h"

/* How far "about", "nearly", "some" stretch a figure, each way. */
#define CMP_APPROX_TOLERANCE	0.10
/* Near-identical evidence sentences: copies of one story. */
#define CMP_COPY_JACCARD	0.6
#define CMP_SHINGLE		5
#define CMP_MINHASHES		4
#define CMP_COPY_MINWORDS	10
/* Quotes longer than this are compared for equality only. */
#define CMP_QUOTE_MAXWORDS	40
/* One event a few days apart in two outlets: a timeline clash; further
 * apart it is more likely another event of the same kind. */
#define CMP_EVENT_MAXGAP	10
/* An undated article whose latest dated content ends this many days
 * before the median date of the dated articles is stale. */
#define CMP_STALE_DAYS		60
/* Threads for the text checks, at most. */
#define CMP_MAXJOBS		16

struct cmp {
	const struct cc_pack		*pk;
	const struct cc_compare_source	*src;
	const struct cc_claims		*cs;	/* the batch at hand */
	struct cc_claims		 art;	/* one article's claims */
	char				*art_name; /* (NULL: none loaded) */
	char				**nodoc; /* articles with dated claims
						    and no doc */
	size_t				 nnodoc;
	const struct cc_compare_doc	**docs;	/* sorted by name */
	size_t				 ndocs;
	struct cc_findings		*out;
	const char			*scope;	/* of what emit() adds */
	int				 inc;	/* incremental: only dirty */
	char				**dirty; /* sorted, distinct */
	size_t				 ndirty;
	int				 stale_all; /* the median moved */
	int				 entity_dirty;
	struct cc_compare_opts		*opts;
	struct cc_buf			 sbuf;	/* scratch for scopes */
	int				 rc;	/* the source's first error */
	struct cc_timex_scanner		*tx;	/* made on first use */
	size_t				 nclaims; /* read */
	size_t				 nitems;  /* compared */
	struct cc_claim_keep		 keep;	/* incremental: what the */
	int				 have_keep; /* dirty scopes may hold */
};

struct cmp_item {
	const struct cc_claim	*c;
	size_t			 idx;	/* in cs->v */
	char			*key;
	double			 lo;
	double			 hi;
	long			 t0;	/* time_start in days, LONG_MIN if none */
	long			 t1;
	const char		*aux;	/* per-rule */
};

#define NODAY	(-1000000L)


/* --- small helpers ------------------------------------------------- */

static int
streq(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static const char *
outlet_of(const struct cc_claim *c)
{
	return c->outlet ? c->outlet : c->article;
}

static long
iso_days(const char *s)
{
	struct cc_date	d;

	if (s == NULL || strlen(s) < 10 || cc_date_parse_iso(s, &d) != CC_OK)
		return NODAY;
	return cc_date_days(&d);
}

static void
days_iso(long days, char out[16])
{
	struct cc_date	d;

	cc_date_from_days(days, &d);
	cc_date_iso(&d, out, 16);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
item_cmp(const void *a, const void *b)
{
	const struct cmp_item	*x = a, *y = b;
	int			 r = strcmp(x->key, y->key);

	if (r != 0)
		return r;
	if (x->t0 != y->t0)
		return x->t0 < y->t0 ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static void
items_sort(struct cmp_item *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof *v, item_cmp);
}

static void
items_free(struct cmp_item *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
}

/* End of the run of items sharing v[i]'s key. */
static size_t
block_end(const struct cmp_item *v, size_t n, size_t i)
{
	size_t	j;

	for (j = i + 1; j < n && strcmp(v[i].key, v[j].key) == 0; j++)
		;
	return j;
}

static void
interval(const struct cc_claim *c, double *lo, double *hi)
{
	*lo = c->has_min ? c->vmin : -INFINITY;
	*hi = c->has_max ? c->vmax : INFINITY;
	if (c->approx) {
		if (c->has_min)
			*lo -= fabs(*lo) * CMP_APPROX_TOLERANCE;
		if (c->has_max)
			*hi += fabs(*hi) * CMP_APPROX_TOLERANCE;
	}
}

static void
item_init(struct cmp *cm, struct cmp_item *it, const struct cc_claims *cs,
    size_t i, char *key)
{
	const struct cc_claim	*c = &cs->v[i];

	memset(it, 0, sizeof *it);
	cm->nitems++;
	it->c = c;
	it->idx = i;
	it->key = key;
	interval(c, &it->lo, &it->hi);
	it->t0 = iso_days(c->time_start);
	it->t1 = iso_days(c->time_end);
	if (it->t1 == NODAY)
		it->t1 = it->t0;
}

static const struct cc_compare_doc *
doc_of(const struct cmp *cm, const char *name)
{
	size_t	lo = 0, hi = cm->ndocs, mid;
	int	r;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		r = strcmp(name, cm->docs[mid]->name);
		if (r == 0)
			return cm->docs[mid];
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* A document date given by the publisher (metadata, dateline), not
 * inferred from the content. */
static int
doc_dated(const struct cc_compare_doc *d)
{
	return d != NULL && d->date != NULL && (d->date_basis == NULL ||
	    strncmp(d->date_basis, "inferred", 8) != 0);
}

/* --- claims from the source ----------------------------------------- */

static void
art_drop(struct cmp *cm)
{
	if (cm->art_name != NULL)
		cm->src->done(cm->src->arg, &cm->art);
	free(cm->art_name);
	cm->art_name = NULL;
	memset(&cm->art, 0, sizeof cm->art);
}

/* The claims of article name, in id order; one article's are kept
 * until another's are asked for.  NULL on the source's error. */
static const struct cc_claims *
art_claims(struct cmp *cm, const char *name)
{
	int	rc;

	if (cm->art_name != NULL && strcmp(cm->art_name, name) == 0)
		return &cm->art;
	art_drop(cm);
	if ((rc = cm->src->by_article(cm->src->arg, name,
	    &cm->art)) != CC_OK) {
		if (cm->rc == CC_OK)
			cm->rc = rc;
		memset(&cm->art, 0, sizeof cm->art);
		return NULL;
	}
	cm->art_name = xstrdup(name);
	return &cm->art;
}

/* --- scopes --------------------------------------------------------- */

/* Must findings of scope be (re)computed?  Always, unless the run is
 * incremental and nothing the scope depends on changed. */
static int
dirty(const struct cmp *cm, const char *scope)
{
	size_t	lo = 0, hi = cm->ndirty, mid;
	int	r;

	if (!cm->inc)
		return 1;
	if (cm->stale_all && strncmp(scope, "stale/", 6) == 0)
		return 1;
	if (cm->entity_dirty && strcmp(scope, "entity") == 0)
		return 1;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		r = strcmp(scope, cm->dirty[mid]);
		if (r == 0)
			return 1;
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* Add claim i of cm->cs to v[*n] as an item of key (taken over) when
 * key is not NULL and its scope is to be compared; else free key. */
static void
add_dirty(struct cmp *cm, struct cmp_item *v, size_t *n, size_t i,
    char *key)
{
	if (key != NULL && dirty(cm, key))
		item_init(cm, &v[(*n)++], cm->cs, i, key);
	else
		free(key);
}

/* The scope of what one article says on its own ("article/NAME", or
 * "stale/NAME"), in cm's scratch buffer. */
static const char *
article_scope(struct cmp *cm, const char *prefix, const char *name)
{
	cc_buf_reset(&cm->sbuf);
	cc_buf_printf(&cm->sbuf, "%s/%s", prefix, name);
	return cm->sbuf.data;
}

/* Is the article-wide scope of name dirty?  (It becomes the current
 * scope when it is.) */
static int
article_dirty(struct cmp *cm, const char *prefix, const char *name)
{
	cm->scope = article_scope(cm, prefix, name);
	return dirty(cm, cm->scope);
}

/* Distinct outlets among claims v[0..n) (sorting a scratch array). */
static size_t
count_outlets(const struct cc_claim *const *v, size_t n)
{
	const char	**o = xcalloc(n ? n : 1, sizeof *o);
	size_t		  i, k = 0;

	for (i = 0; i < n; i++)
		o[i] = outlet_of(v[i]);
	if (n > 1)
		qsort(o, n, sizeof *o, str_cmp);
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(o[i], o[i - 1]) != 0)
			k++;
	free(o);
	return k;
}

/* --- findings ------------------------------------------------------- */

/* Stable id: kind, key and what each claim says where, not store ids,
 * which change when an unrelated article is re-extracted. */
static char *
finding_id(const char *kind, const char *key, const struct cc_claim *const *v,
    size_t n)
{
	struct cc_hasher	*h = cc_hasher_new();
	char			 hex[CC_HASH_HEXLEN + 1], **ids;
	size_t			 i;

	/*
	 * Sorted, so neither store ids nor claim order matter.  The whole
	 * evidence sentence is hashed, not its offset: a finding whose
	 * evidence is reworded comes back for review under a new id, one
	 * whose article only moved around it keeps its id and its status.
	 */
	ids = xcalloc(n ? n : 1, sizeof *ids);
	for (i = 0; i < n; i++)
		ids[i] = xjoin(':', 3, v[i]->article,
		    v[i]->sentence ? v[i]->sentence : "",
		    v[i]->text ? v[i]->text : "");
	if (n > 1)
		qsort(ids, n, sizeof *ids, str_cmp);
	cc_hasher_add(h, kind, strlen(kind) + 1);
	cc_hasher_add(h, key, strlen(key) + 1);
	for (i = 0; i < n; i++) {
		cc_hasher_add(h, ids[i], strlen(ids[i]) + 1);
		free(ids[i]);
	}
	free(ids);
	cc_hasher_done(h, hex);
	return xasprintf("f%.10s", hex);
}

/* Append a finding on claims v[0..n) (may be 0: then outlets o). */
static void
emit(struct cmp *cm, const char *kind, const char *severity,
    const char *key, const struct cc_claim *const *v, size_t n,
    const char *outlet, char *summary)
{
	struct cc_finding	*f = cc_findings_push(cm->out);
	char			 id[24];
	size_t			 i;

	f->id = finding_id(kind, key, v, n);
	f->kind = xstrdup(kind);
	f->severity = xstrdup(severity);
	f->key = xstrdup(key);
	f->summary = summary;
	f->status = xstrdup("new");
	f->scope = xstrdup(cm->scope);
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "c%lld", (long long)v[i]->id);
		cc_finding_add_claim(f, id);
		cc_finding_add_outlet(f, outlet_of(v[i]));
	}
	if (outlet != NULL)
		cc_finding_add_outlet(f, outlet);
}

/* Claims of a block of items as a pointer array (caller frees). */
static const struct cc_claim **
block_claims(const struct cmp_item *v, size_t n)
{
	const struct cc_claim	**c = xcalloc(n ? n : 1, sizeof *c);
	size_t			  i;

	for (i = 0; i < n; i++)
		c[i] = v[i].c;
	return c;
}

static void
emit_items(struct cmp *cm, const char *kind, const char *severity,
    const struct cmp_item *v, size_t n, char *summary)
{
	const struct cc_claim	**c = block_claims(v, n);

	emit(cm, kind, severity, v[0].key, c, n, NULL, summary);
	free(c);
}

/* --- words ---------------------------------------------------------- */

/* Append word w (wl bytes) to b as one NUL-terminated word. */
static size_t
word_add(struct cc_buf *b, const char *w, size_t wl)
{
	cc_buf_add(b, w, wl);
	cc_buf_addc(b, '\0');
	return 1;
}

/* Append a word with its contraction spelled out ("there's" -> "there
 * is", "won't" -> "will not"); a possessive ("Russia's") keeps the
 * name.  Returns how many words were added. */
static size_t
word_expand(struct cc_buf *b, const char *w, size_t wl)
{
	static const char *const tails[][2] = {
		{ "n't", "not" }, { "'re", "are" }, { "'ll", "will" },
		{ "'ve", "have" }, { "'m", "am" }, { "'d", "would" },
		{ "'s", "is" }
	};
	static const char *const is_stems[] = {
		"there", "it", "that", "what", "he", "she", "here", "who",
		"where", "how", "let"
	};
	size_t	i, k, tl, stem;

	if (wl == 5 && memcmp(w, "won't", 5) == 0)
		return word_add(b, "will", 4) + word_add(b, "not", 3);
	if (wl == 5 && memcmp(w, "can't", 5) == 0)
		return word_add(b, "can", 3) + word_add(b, "not", 3);
	for (i = 0; i < sizeof tails / sizeof *tails; i++) {
		tl = strlen(tails[i][0]);
		if (wl <= tl || memcmp(w + wl - tl, tails[i][0], tl) != 0)
			continue;
		stem = wl - tl;
		if (i == sizeof tails / sizeof *tails - 1) {
			for (k = 0; k < sizeof is_stems / sizeof *is_stems;
			    k++)
				if (strlen(is_stems[k]) == stem &&
				    memcmp(w, is_stems[k], stem) == 0)
					break;
			if (k == sizeof is_stems / sizeof *is_stems)
				return word_add(b, w, stem);
		}
		return word_add(b, w, stem) + word_add(b, tails[i][1],
		    strlen(tails[i][1]));
	}
	return word_add(b, w, wl);
}

/*
 * Normalized words of s: lower case, curly apostrophes as ASCII,
 * contractions spelled out, punctuation (and curly double quotes,
 * dashes) dropped.  Words are written NUL-separated into b (reset
 * first); returns how many.
 */
static size_t
words(const char *s, struct cc_buf *b)
{
	struct cc_buf		 w = CC_BUF_INIT;
	size_t			 n = 0, k;
	const unsigned char	*p = (const unsigned char *)s;

	cc_buf_reset(b);
	for (;;) {
		cc_buf_reset(&w);
		while (*p != '\0') {
			if (p[0] == 0xe2 && p[1] == 0x80 &&
			    (p[2] == 0x98 || p[2] == 0x99)) {
				cc_buf_addc(&w, '\'');
				p += 3;
			} else if (p[0] == 0xe2 && p[1] == 0x80)
				break;		/* other punctuation */
			else if (isalnum(*p) || *p >= 0x80 || *p == '\'')
				cc_buf_addc(&w, (char)tolower(*p++));
			else
				break;
		}
		while (w.len > 0 && w.data[w.len - 1] == '\'')
			w.len--;
		for (k = 0; k < w.len && w.data[k] == '\''; k++)
			;
		if (w.len > k)
			n += word_expand(b, w.data + k, w.len - k);
		if (*p == '\0')
			break;
		p += p[0] == 0xe2 && p[1] == 0x80 && p[2] != '\0' ? 3 : 1;
	}
	cc_buf_release(&w);
	return n;
}

/* The normalized words of s joined by single spaces into b; returns
 * how many.  (The result is b->data, NUL-terminated.) */
static size_t
phrase(const char *s, struct cc_buf *b)
{
	size_t	n = words(s, b), i;

	for (i = 0; i + 1 < b->len; i++)
		if (b->data[i] == '\0')
			b->data[i] = ' ';
	if (n == 0)
		cc_buf_addc(b, '\0');
	return n;
}

/* Words that do not change what a quote says. */
static int
filler(const char *w)
{
	static const char *const f[] = {
		"a", "an", "the", "and", "so", "well", "just", "really",
		"oh", "uh", "um", "very", "now", "then"
	};
	size_t	i;

	for (i = 0; i < sizeof f / sizeof *f; i++)
		if (strcmp(w, f[i]) == 0)
			return 1;
	return 0;
}

/* --- independence ---------------------------------------------------- */

static size_t
uf_find(size_t *p, size_t i)
{
	while (p[i] != i) {
		p[i] = p[p[i]];
		i = p[i];
	}
	return i;
}

static void
uf_union(size_t *p, size_t a, size_t b)
{
	a = uf_find(p, a);
	b = uf_find(p, b);
	if (a != b)
		p[a > b ? a : b] = a < b ? a : b;
}

struct shingles {
	uint64_t	*h;	/* sorted, distinct */
	size_t		 n;
	uint64_t	 mh[CMP_MINHASHES];
};

static int
u64_cmp(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void
shingle(const char *sentence, struct shingles *sh, struct cc_buf *b)
{
	const char	**w;
	size_t		  nw, i, k, m;
	const char	 *p;

	memset(sh, 0, sizeof *sh);
	if (sentence == NULL)
		return;
	/* A short sentence ("Lavrov said: 'There is always a chance.'")
	 * is the same in independent reports: no evidence of copying. */
	nw = words(sentence, b);
	if (nw < CMP_COPY_MINWORDS)
		return;
	w = xcalloc(nw, sizeof *w);
	for (p = b->data, i = 0; i < nw; i++, p += strlen(p) + 1)
		w[i] = p;
	m = nw >= CMP_SHINGLE ? nw - CMP_SHINGLE + 1 : 1;
	sh->h = xcalloc(m, sizeof *sh->h);
	for (i = 0; i < m; i++) {
		uint64_t	h = 0x9e3779b97f4a7c15ULL;

		for (k = i; k < i + CMP_SHINGLE && k < nw; k++)
			h = (h ^ cc_hash64(w[k], strlen(w[k]))) *
			    0x100000001b3ULL;
		sh->h[i] = h;
	}
	qsort(sh->h, m, sizeof *sh->h, u64_cmp);
	for (k = 0, i = 0; i < m; i++)
		if (i == 0 || sh->h[i] != sh->h[k - 1])
			sh->h[k++] = sh->h[i];
	sh->n = k;
	for (k = 0; k < CMP_MINHASHES; k++) {
		uint64_t	salt = 0x2545f4914f6cdd1dULL * (k + 1), best =
		    UINT64_MAX;

		for (i = 0; i < sh->n; i++) {
			uint64_t x = (sh->h[i] ^ salt) * 0xff51afd7ed558ccdULL;

			x ^= x >> 33;
			if (x < best)
				best = x;
		}
		sh->mh[k] = best;
	}
	free(w);
}

static double
jaccard(const struct shingles *a, const struct shingles *b)
{
	size_t	i = 0, j = 0, both = 0;

	if (a->n == 0 || b->n == 0)
		return 0;
	while (i < a->n && j < b->n) {
		if (a->h[i] == b->h[j])
			both++, i++, j++;
		else if (a->h[i] < b->h[j])
			i++;
		else
			j++;
	}
	return (double)both / (double)(a->n + b->n - both);
}

struct mh_entry {
	uint64_t	mh;
	size_t		idx;
};

static int
mh_cmp(const void *a, const void *b)
{
	const struct mh_entry	*x = a, *y = b;

	if (x->mh != y->mh)
		return x->mh < y->mh ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/*
 * Union copies among the claims of a block (p: union-find over v's
 * indexes): claims of different outlets with near-identical evidence
 * sentences.  Candidates share a MinHash value; each is checked against
 * the first and the previous of its bucket.
 */
static void
block_copies(const struct cmp_item *v, size_t n, size_t *p)
{
	struct shingles		*sh = xcalloc(n ? n : 1, sizeof *sh);
	struct mh_entry		*e = xcalloc(n ? n : 1, sizeof *e);
	struct cc_buf		 b = CC_BUF_INIT;
	size_t			 i, k, m, head;

	for (i = 0; i < n; i++)
		shingle(v[i].c->sentence, &sh[i], &b);
	for (k = 0; k < CMP_MINHASHES; k++) {
		for (m = 0, i = 0; i < n; i++)
			if (sh[i].n > 0) {
				e[m].mh = sh[i].mh[k];
				e[m++].idx = i;
			}
		if (m > 1)
			qsort(e, m, sizeof *e, mh_cmp);
		for (head = 0, i = 1; i < m; i++) {
			const struct cc_claim *a, *c;

			if (e[i].mh != e[head].mh) {
				head = i;
				continue;
			}
			c = v[e[i].idx].c;
			a = v[e[head].idx].c;
			if (strcmp(outlet_of(a), outlet_of(c)) != 0 &&
			    jaccard(&sh[e[head].idx], &sh[e[i].idx]) >=
			    CMP_COPY_JACCARD)
				uf_union(p, e[head].idx, e[i].idx);
			a = v[e[i - 1].idx].c;
			if (i - 1 != head && strcmp(outlet_of(a),
			    outlet_of(c)) != 0 && jaccard(&sh[e[i - 1].idx],
			    &sh[e[i].idx]) >= CMP_COPY_JACCARD)
				uf_union(p, e[i - 1].idx, e[i].idx);
		}
	}
	for (i = 0; i < n; i++)
		free(sh[i].h);
	free(sh);
	free(e);
	cc_buf_release(&b);
}

struct label {
	const char	*s;
	size_t		 local;
};

static int
label_cmp(const void *a, const void *b)
{
	const struct label	*x = a, *y = b;
	int			 r = strcmp(x->s, y->s);

	return r != 0 ? r : (x->local < y->local ? -1 : x->local > y->local);
}

/*
 * Independent sources among the claims of a block: claims are one source
 * when they come from one outlet, name one attributed source
 * (reported_by, or an outlet that is that source), or are copies.
 * *via gets a label of the shared source when there is one (else NULL).
 */
static size_t
independent(const struct cmp_item *v, size_t n, const char **via)
{
	struct label	*l = xcalloc(2 * n + 1, sizeof *l);
	size_t		*p = xcalloc(n + 1, sizeof *p);
	size_t		 i, nl = 0, k = 0;

	*via = NULL;
	for (i = 0; i < n; i++) {
		p[i] = i;
		l[nl].s = outlet_of(v[i].c);
		l[nl++].local = i;
		if (v[i].c->reported_by != NULL) {
			l[nl].s = v[i].c->reported_by;
			l[nl++].local = i;
		}
	}
	qsort(l, nl, sizeof *l, label_cmp);
	for (i = 1; i < nl; i++)
		if (strcmp(l[i].s, l[i - 1].s) == 0)
			uf_union(p, l[i].local, l[i - 1].local);
	block_copies(v, n, p);
	for (i = 0; i < n; i++) {
		if (uf_find(p, i) == i)
			k++;
		if (*via == NULL && v[i].c->reported_by != NULL)
			*via = v[i].c->reported_by;
	}
	free(l);
	free(p);
	return k;
}

/* Agreement over a block of noutlets outlets: an agreement saying how
 * many are independent, or single-source when they are all one. */
static void
agree(struct cmp *cm, const struct cmp_item *v, size_t n, size_t noutlets,
    struct cc_buf *b)
{
	const char	*via;
	size_t		 k = independent(v, n, &via);

	if (k <= 1) {
		cc_buf_printf(b, " by %zu outlets, all one source (%s%s)",
		    noutlets, via ? "via " : "near-identical text",
		    via ? via : "");
		emit_items(cm, "single-source", "low", v, n,
		    cc_buf_detach(b, NULL));
	} else {
		cc_buf_printf(b, " by %zu outlets, %zu independent",
		    noutlets, k);
		emit_items(cm, "agreement", "info", v, n,
		    cc_buf_detach(b, NULL));
	}
}

/* --- figures and statements ------------------------------------------ */

static int
is_numeric(const struct cc_claim *c)
{
	/* a count of other things with nobody saying it ("two
	 * conditions") may be anybody's: not comparable */
	return c->value_kind == CC_VALUE_NUMBER && c->subject != NULL &&
	    (strcmp(c->type, "casualty") == 0 ||
	    strcmp(c->type, "force") == 0 ||
	    (strcmp(c->type, "quantity") == 0 && c->speaker != NULL));
}

/* Statements about a known subject ("russia" is ready to negotiate) can
 * be compared; "unspecified" and "self" need a resolver we do not have. */
static int
is_statement(const struct cc_claim *c)
{
	return strcmp(c->type, "statement") == 0 && c->subject != NULL &&
	    c->measure != NULL && c->polarity != NULL &&
	    strcmp(c->subject, "unspecified") != 0 &&
	    strcmp(c->subject, "self") != 0;
}

/* A claim's month, "2022-10" of "2022-10-24", else "undated", into
 * period[8]. */
static void
claim_month(const struct cc_claim *c, char period[8])
{
	if (c->time_start != NULL && strlen(c->time_start) >= 7) {
		memcpy(period, c->time_start, 7);
		period[7] = '\0';
	} else
		memcpy(period, "undated", 8);
}

static char *
claim_key(const struct cc_claim *c)
{
	char	period[8];

	claim_month(c, period);
	/* Counts of other things ("two conditions", "four regions") are
	 * the speaker's own: one speaker's count is compared with the same
	 * speaker's only. */
	if (strcmp(c->type, "quantity") == 0)
		return xjoin('/', 5, c->type, c->subject,
		    c->measure ? c->measure : "-", period,
		    c->speaker ? c->speaker : "-");
	return xjoin('/', 4, c->type, c->subject,
	    c->measure ? c->measure : "-", period);
}

/* "6,374 killed (anews, 2022-10-30)" into b. */
static void
describe(const struct cc_claim *c, struct cc_buf *b)
{
	cc_claim_value_str(c, b);
	if (c->measure != NULL)
		cc_buf_printf(b, " %s", c->measure);
	else if (c->unit != NULL)
		cc_buf_printf(b, " %s", c->unit);
	cc_buf_printf(b, " (%s%s%s)", outlet_of(c),
	    c->time_start ? ", " : "", c->time_start ? c->time_start : "");
}

/* Extremes by outlet: the best value and the best from another outlet. */
struct extreme {
	size_t	best;
	size_t	other;		/* (size_t)-1 if none */
};

static void
extreme_add(struct extreme *e, const struct cmp_item *v, size_t i,
    int (*better)(const struct cmp_item *, const struct cmp_item *))
{
	const char	*o = outlet_of(v[i].c);

	if (better(&v[i], &v[e->best])) {
		if (strcmp(o, outlet_of(v[e->best].c)) != 0)
			e->other = e->best;
		e->best = i;
	} else if (strcmp(o, outlet_of(v[e->best].c)) != 0 &&
	    (e->other == (size_t)-1 || better(&v[i], &v[e->other])))
		e->other = i;
}

static int
lower_hi(const struct cmp_item *a, const struct cmp_item *b)
{
	return a->hi < b->hi;
}

static int
higher_lo(const struct cmp_item *a, const struct cmp_item *b)
{
	return a->lo > b->lo;
}

/* The figure a claim commits to at least: its upper bound if any. */
static double
committed(const struct cc_claim *c)
{
	return c->has_max ? c->vmax : c->vmin;
}

/*
 * A block of figures sharing a key.  Two claims of different outlets
 * clash when their intervals are disjoint; with the lowest upper bound
 * and the highest lower bound each kept for two outlets, one look finds
 * whether any such pair exists.
 */
static void
compare_block(struct cmp *cm, struct cmp_item *v, size_t n)
{
	struct cc_buf		 b = CC_BUF_INIT;
	struct extreme		 mh = { 0, (size_t)-1 }, ml = { 0, (size_t)-1 };
	const struct cc_claim	**c = block_claims(v, n);
	size_t			 i, noutlets, cons = 0, lo = 0, hi = 0;
	size_t			 p = (size_t)-1, q = (size_t)-1;
	const char		*sev;

	noutlets = count_outlets(c, n);
	free(c);
	if (noutlets < 2)
		return;
	for (i = 1; i < n; i++) {
		extreme_add(&mh, v, i, lower_hi);
		extreme_add(&ml, v, i, higher_lo);
		if (committed(v[i].c) < committed(v[cons].c))
			cons = i;
	}
	/* p (low) and q (high) from different outlets, disjoint */
	if (strcmp(outlet_of(v[mh.best].c), outlet_of(v[ml.best].c)) != 0) {
		if (v[mh.best].hi < v[ml.best].lo)
			p = mh.best, q = ml.best;
	} else {
		if (ml.other != (size_t)-1 && v[mh.best].hi < v[ml.other].lo)
			p = mh.best, q = ml.other;
		else if (mh.other != (size_t)-1 &&
		    v[mh.other].hi < v[ml.best].lo)
			p = mh.other, q = ml.best;
	}
	if (p != (size_t)-1) {
		lo = p;
		hi = q;
		describe(v[lo].c, &b);
		cc_buf_adds(&b, " vs ");
		describe(v[hi].c, &b);
		if (n > 2)
			cc_buf_printf(&b, " (%zu reports)", n);
		cc_buf_adds(&b, "; most conservative: ");
		cc_claim_value_str(v[cons].c, &b);
		sev = strcmp(v[0].c->type, "casualty") == 0 ||
		    strcmp(v[0].c->type, "force") == 0 ? "high" : "medium";
		emit_items(cm, "contradiction", sev, v, n,
		    cc_buf_detach(&b, NULL));
	} else {
		describe(v[0].c, &b);
		cc_buf_adds(&b, " agreed");
		agree(cm, v, n, noutlets, &b);
	}
	cc_buf_release(&b);
}

/* "affirmed by lavrov (000_x, 2022-10-25)" into b. */
static void
describe_stance(const struct cc_claim *c, struct cc_buf *b)
{
	cc_buf_printf(b, "%s by %s (%s%s%s)", c->polarity,
	    c->speaker ? c->speaker : "an unnamed speaker", outlet_of(c),
	    c->time_start ? ", " : "", c->time_start ? c->time_start : "");
}

/*
 * Statements sharing subject, proposition and month: both polarities
 * present is a contradiction - between speakers when different people
 * hold the two positions ("Russia had declined" vs "we never decline"),
 * else one speaker contradicting themself; one polarity from two or
 * more outlets is an agreement.
 */
static void
compare_statements(struct cmp *cm, struct cmp_item *v, size_t n)
{
	struct cc_buf		 b = CC_BUF_INIT;
	const struct cc_claim	*aff = NULL, *neg = NULL, **c;
	size_t			 i, noutlets;

	c = block_claims(v, n);
	noutlets = count_outlets(c, n);
	free(c);
	/* Describe each side by a claim with a named speaker if any; the
	 * negated side by another speaker than the affirmed one's when
	 * there is one: a speaker contradicting themself is said only when
	 * nobody else holds the other position. */
	for (i = 0; i < n; i++)
		if (strcmp(v[i].c->polarity, "negated") != 0 &&
		    (aff == NULL || (aff->speaker == NULL &&
		    v[i].c->speaker != NULL)))
			aff = v[i].c;
	for (i = 0; aff != NULL && i < n; i++) {
		const struct cc_claim *x = v[i].c;

		if (strcmp(x->polarity, "negated") != 0)
			continue;
		if (neg == NULL || (neg->speaker == NULL &&
		    x->speaker != NULL) || (streq(neg->speaker,
		    aff->speaker) && x->speaker != NULL &&
		    !streq(x->speaker, aff->speaker)))
			neg = x;
	}
	if (aff != NULL && neg != NULL) {
		int same = aff->speaker != NULL && neg->speaker != NULL &&
		    strcmp(aff->speaker, neg->speaker) == 0;

		cc_buf_printf(&b, "%s, %s: %s \"%s\" ", same ?
		    "same speaker" : "between speakers", aff->subject,
		    aff->vtext ? aff->vtext : aff->measure, aff->text);
		describe_stance(aff, &b);
		cc_buf_printf(&b, " vs \"%s\" ", neg->text);
		describe_stance(neg, &b);
		emit_items(cm, "contradiction", "medium", v, n,
		    cc_buf_detach(&b, NULL));
	} else if (noutlets >= 2) {
		cc_buf_printf(&b, "%s: %s, %s", v[0].c->subject,
		    v[0].c->vtext ? v[0].c->vtext : v[0].c->measure,
		    v[0].c->polarity);
		agree(cm, v, n, noutlets, &b);
	}
	cc_buf_release(&b);
}

/* One block of figures or statements: the items [i, j) of a key. */
static void
figure_block(struct cmp *cm, struct cmp_item *v, size_t i, size_t j)
{
	cm->scope = v[i].key;
	if (strcmp(v[i].c->type, "statement") == 0)
		compare_statements(cm, v + i, j - i);
	else
		compare_block(cm, v + i, j - i);
}

/*
 * Blocks are independent (compare_block() and compare_statements()
 * read their items and write findings, nothing else of cm), so with
 * -j N they are shared out among N threads, each block's findings kept
 * apart and added in block order after: the same findings in the same
 * order as on one thread.
 */
struct fig_block {
	size_t			 i, j;
	struct cc_findings	 out;
};

struct fig_work {
	const struct cmp	*cm;
	struct cmp_item		*v;
	struct fig_block	*b;
	size_t			 nb;
	size_t			 next;
	pthread_mutex_t		 lock;
};

static void *
figure_thread(void *arg)
{
	struct fig_work	*w = arg;
	struct cmp	 own = *w->cm;	/* its scope and out are its own */
	size_t		 k;

	for (;;) {
		pthread_mutex_lock(&w->lock);
		k = w->next++;
		pthread_mutex_unlock(&w->lock);
		if (k >= w->nb)
			return NULL;
		own.out = &w->b[k].out;
		figure_block(&own, w->v, w->b[k].i, w->b[k].j);
	}
}

static void
figure_blocks(struct cmp *cm, struct cmp_item *v, size_t n, unsigned nw)
{
	struct fig_work		 w;
	pthread_t		 th[CMP_MAXJOBS];
	int			 started[CMP_MAXJOBS];
	struct cc_finding	*f;
	size_t			 i, j, k, t;

	memset(&w, 0, sizeof w);
	w.cm = cm;
	w.v = v;
	for (i = 0; i < n; i = j) {
		j = block_end(v, n, i);
		w.b = xreallocarray(w.b, w.nb + 1, sizeof *w.b);
		memset(&w.b[w.nb], 0, sizeof *w.b);
		w.b[w.nb].i = i;
		w.b[w.nb++].j = j;
	}
	pthread_mutex_init(&w.lock, NULL);
	for (k = 1; k < nw; k++)
		started[k] = pthread_create(&th[k], NULL, figure_thread,
		    &w) == 0;
	(void)figure_thread(&w);
	for (k = 1; k < nw; k++)
		if (started[k])
			pthread_join(th[k], NULL);
	pthread_mutex_destroy(&w.lock);
	for (k = 0; k < w.nb; k++) {
		for (t = 0; t < w.b[k].out.n; t++) {
			f = cc_findings_push(cm->out);
			*f = w.b[k].out.v[t];	/* moved */
		}
		free(w.b[k].out.v);
	}
	free(w.b);
}

static void
pass_figures(struct cmp *cm)
{
	const struct cc_claims	*cs = cm->cs;
	struct cmp_item		*v = xcalloc(cs->n ? cs->n : 1, sizeof *v);
	size_t			 n = 0, i, j;
	unsigned		 nw = cm->opts != NULL ? cm->opts->jobs : 1;

	for (i = 0; i < cs->n; i++)
		if (is_numeric(&cs->v[i]) || is_statement(&cs->v[i]))
			add_dirty(cm, v, &n, i, claim_key(&cs->v[i]));
	items_sort(v, n);
	if (nw > CMP_MAXJOBS)
		nw = CMP_MAXJOBS;
	if (nw > 1)
		figure_blocks(cm, v, n, nw);
	else
		for (i = 0; i < n; i = j) {
			j = block_end(v, n, i);
			figure_block(cm, v, i, j);
		}
	items_free(v, n);
}

/* --- quotes ----------------------------------------------------------- */

/*
 * Quotes of one speaker in one period.  Equal once normalized (case,
 * contractions, punctuation, filler words) in two or more outlets: an
 * agreement.  One meaning word substituted, added or dropped: a variant.
 * Variants are found by blocking too: each quote is indexed under its
 * whole wording and under its wording with each word left out, so two
 * quotes one edit apart share an index string.
 */
struct qrep {
	char		*speaker_period;
	char		**w;		/* meaning words */
	size_t		  nw;
	size_t		  first;	/* first item of its group */
	size_t		  end;
};

struct qidx {
	char	*s;
	size_t	 rep;
	size_t	 left;		/* word left out, or (size_t)-1 */
};

static int
qidx_cmp(const void *a, const void *b)
{
	const struct qidx	*x = a, *y = b;
	int			 r = strcmp(x->s, y->s);

	if (r != 0)
		return r;
	return x->rep < y->rep ? -1 : x->rep > y->rep;
}

static char *
join(char **w, size_t n, size_t skip, const char *prefix)
{
	struct cc_buf	b = CC_BUF_INIT;
	size_t		i;

	cc_buf_adds(&b, prefix);
	for (i = 0; i < n; i++)
		if (i != skip) {
			cc_buf_addc(&b, ' ');
			cc_buf_adds(&b, w[i]);
		}
	return cc_buf_detach(&b, NULL);
}

static void
quote_variant(struct cmp *cm, const struct cmp_item *v, struct qrep *a,
    struct qrep *z, const char *wa, const char *wz)
{
	const struct cc_claim	**c;
	struct cc_buf		  b = CC_BUF_INIT;
	size_t			  i, n = 0;
	char			 *key;

	c = xcalloc(a->end - a->first + z->end - z->first, sizeof *c);
	for (i = a->first; i < a->end; i++)
		c[n++] = v[i].c;
	for (i = z->first; i < z->end; i++)
		c[n++] = v[i].c;
	cc_buf_printf(&b, "%s quoted differently: \"%s\" (%s) vs \"%s\" (%s): "
	    "'%s' vs '%s'", v[a->first].c->speaker, v[a->first].c->text,
	    outlet_of(v[a->first].c), v[z->first].c->text,
	    outlet_of(v[z->first].c), wa ? wa : "-", wz ? wz : "-");
	key = xasprintf("%s/variant", a->speaker_period);
	cm->scope = article_scope(cm, "quote", a->speaker_period);
	emit(cm, "variant", "low", key, c, n, NULL, cc_buf_detach(&b, NULL));
	free(key);
	free(c);
	cc_buf_release(&b);
}

/* The scope of a quote: "quote/SPEAKER/PERIOD" (its agreements and
 * variants are found among the quotes of one speaker and period), or
 * NULL for a claim that is not a comparable quote. */
static char *
quote_scope(const struct cc_claim *c)
{
	char	period[8];

	if (strcmp(c->type, "quote") != 0 || c->speaker == NULL ||
	    c->text == NULL)
		return NULL;
	claim_month(c, period);
	return xjoin('/', 3, "quote", c->speaker, period);
}

static void
pass_quotes(struct cmp *cm)
{
	const struct cc_claims	*cs = cm->cs;
	struct cmp_item		*v = xcalloc(cs->n ? cs->n : 1, sizeof *v);
	struct qrep		*r = NULL;
	struct qidx		*x = NULL;
	struct cc_buf		 b = CC_BUF_INIT, k = CC_BUF_INIT;
	size_t			 n = 0, i, j, nr = 0, nx = 0, t, nw;
	const char		*p;

	for (i = 0; i < cs->n; i++) {
		const struct cc_claim *c = &cs->v[i];
		char	period[8], *sc;
		int	d;

		if ((sc = quote_scope(c)) == NULL)
			continue;
		d = dirty(cm, sc);
		free(sc);
		if (!d)
			continue;
		claim_month(c, period);
		nw = words(c->text, &b);
		cc_buf_reset(&k);
		cc_buf_printf(&k, "quote/%s/%s/", c->speaker, period);
		for (p = b.data, t = 0; t < nw; t++, p += strlen(p) + 1)
			if (!filler(p)) {
				cc_buf_adds(&k, p);
				cc_buf_addc(&k, ' ');
			}
		if (k.len > 0 && k.data[k.len - 1] == ' ')
			k.len--;
		cc_buf_addc(&k, '\0');
		item_init(cm, &v[n++], cm->cs, i, xstrdup(k.data));
	}
	items_sort(v, n);
	r = xcalloc(n ? n : 1, sizeof *r);
	for (i = 0; i < n; i = j) {
		const struct cc_claim	**c;
		size_t			  no;
		char			 *sp, *ws;

		j = block_end(v, n, i);
		c = block_claims(v + i, j - i);
		no = count_outlets(c, j - i);
		free(c);
		sp = quote_scope(v[i].c);
		cm->scope = sp;
		if (no >= 2) {
			cc_buf_reset(&b);
			cc_buf_printf(&b, "%s quoted alike: \"%s\"",
			    v[i].c->speaker, v[i].c->text);
			agree(cm, v + i, j - i, no, &b);
		}
		cm->scope = NULL;
		free(sp);
		/* one representative per wording, for variants */
		sp = xstrdup(v[i].key + 6);	/* speaker/period/words */
		ws = strchr(strchr(sp, '/') + 1, '/');
		*ws++ = '\0';
		r[nr].speaker_period = sp;
		r[nr].first = i;
		r[nr].end = j;
		cc_buf_reset(&b);
		nw = 0;
		for (p = ws; *p != '\0';) {
			size_t	l = strcspn(p, " ");

			r[nr].w = xreallocarray(r[nr].w, nw + 1,
			    sizeof *r[nr].w);
			r[nr].w[nw++] = xstrndup(p, l);
			p += l;
			p += *p == ' ';
		}
		r[nr].nw = nw;
		nr++;
	}
	for (i = 0; i < nr; i++) {
		if (r[i].nw == 0 || r[i].nw > CMP_QUOTE_MAXWORDS)
			continue;
		x = xreallocarray(x, nx + r[i].nw + 1, sizeof *x);
		x[nx].s = join(r[i].w, r[i].nw, (size_t)-1,
		    r[i].speaker_period);
		x[nx].rep = i;
		x[nx++].left = (size_t)-1;
		for (t = 0; t < r[i].nw && r[i].nw > 1; t++) {
			x[nx].s = join(r[i].w, r[i].nw, t,
			    r[i].speaker_period);
			x[nx].rep = i;
			x[nx++].left = t;
		}
	}
	if (nx > 1)
		qsort(x, nx, sizeof *x, qidx_cmp);
	for (i = 0; i < nx; i = j) {
		size_t	a, z;

		for (j = i + 1; j < nx && strcmp(x[i].s, x[j].s) == 0; j++)
			;
		/* within a run, pair each entry with the run's first of
		 * another wording (runs are small: one quote, its edits) */
		for (t = i + 1; t < j; t++) {
			a = x[i].rep;
			z = x[t].rep;
			/* one article quoting twice is not two reports */
			if (a == z || strcmp(v[r[a].first].c->article,
			    v[r[z].first].c->article) == 0)
				continue;
			/* only once per pair, at the smaller run */
			if (x[i].left != (size_t)-1 && x[t].left != (size_t)-1) {
				if (x[i].left != x[t].left)
					continue;	/* a swap, not a word */
				quote_variant(cm, v, &r[a], &r[z],
				    r[a].w[x[i].left], r[z].w[x[t].left]);
			} else if (x[i].left == (size_t)-1 &&
			    x[t].left != (size_t)-1)
				quote_variant(cm, v, &r[a], &r[z], NULL,
				    r[z].w[x[t].left]);
			else if (x[t].left == (size_t)-1 &&
			    x[i].left != (size_t)-1)
				quote_variant(cm, v, &r[a], &r[z],
				    r[a].w[x[i].left], NULL);
		}
	}
	for (i = 0; i < nx; i++)
		free(x[i].s);
	free(x);
	for (i = 0; i < nr; i++) {
		for (t = 0; t < r[i].nw; t++)
			free(r[i].w[t]);
		free(r[i].w);
		free(r[i].speaker_period);
	}
	free(r);
	cc_buf_release(&b);
	cc_buf_release(&k);
	items_free(v, n);
}

/* --- timeline ---------------------------------------------------------- */

/* The reference event a duration's subject names ("war" -> invasion):
 * its id, or a name that is the subject, with or without "the". */
static const struct cc_event *
ref_event(const struct cc_pack *pk, const char *subject)
{
	size_t	i, k;

	if (pk == NULL || subject == NULL)
		return NULL;
	for (i = 0; i < pk->nevents; i++) {
		if (strcmp(pk->events[i].id, subject) == 0)
			return &pk->events[i];
		for (k = 0; k < pk->events[i].nnames; k++) {
			const char *nm = pk->events[i].names[k];

			if (strncmp(nm, "the ", 4) == 0)
				nm += 4;
			if (strcmp(nm, subject) == 0)
				return &pk->events[i];
		}
	}
	return NULL;
}

/* How loosely an age is meant: "eight-month-old" is eight to nine
 * months, give or take the days months differ by. */
static double
age_slack(const struct cc_claim *c)
{
	const char	*t = c->text ? c->text : "";

	if (strstr(t, "year") != NULL)
		return 366;
	if (strstr(t, "month") != NULL)
		return 31;
	if (strstr(t, "week") != NULL)
		return 7;
	return 1;
}

/* Durations against the article date and the reference timeline. */
static void
check_durations(struct cmp *cm)
{
	const struct cc_claims	*cs = cm->cs;
	size_t			 i;

	for (i = 0; i < cs->n; i++) {
		const struct cc_claim		*c = &cs->v[i];
		const struct cc_compare_doc	*d;
		const struct cc_event		*e;
		long				 d0, d1, ev;
		double				 lo, hi, s;
		char				*key, e0[16], e1[16];
		struct cc_buf			 b = CC_BUF_INIT;

		if (strcmp(c->type, "duration") != 0 ||
		    c->value_kind != CC_VALUE_NUMBER ||
		    (e = ref_event(cm->pk, c->subject)) == NULL ||
		    (ev = iso_days(e->date)) == NODAY ||
		    !article_dirty(cm, "article", c->article))
			continue;
		d = doc_of(cm, c->article);
		if (d != NULL && d->date != NULL) {
			/* an age the date was inferred from fits it */
			if (!doc_dated(d))
				continue;
			d0 = iso_days(d->date_min ? d->date_min : d->date);
			d1 = iso_days(d->date_max ? d->date_max : d->date);
		} else if (d == NULL) {
			d0 = iso_days(c->time_start);
			d1 = iso_days(c->time_end ? c->time_end :
			    c->time_start);
		} else
			continue;
		if (d0 == NODAY || d1 == NODAY)
			continue;
		interval(c, &lo, &hi);
		s = age_slack(c);
		if (hi + s >= (double)(d0 - ev) && lo - s <= (double)(d1 - ev))
			continue;
		days_iso(d0, e0);
		days_iso(d1, e1);
		cc_buf_printf(&b, "\"%s\" (%g days) in %s, dated %s%s%s, but "
		    "%s (%s) was %ld days before", c->text, c->vmin,
		    outlet_of(c), e0, d1 != d0 ? " to " : "", d1 != d0 ? e1 :
		    "", e->id, e->date, d0 - ev);
		key = xasprintf("duration/%s/%s/%s", c->subject, e->id,
		    c->article);
		emit(cm, "timeline", "medium", key, &c, 1, NULL,
		    cc_buf_detach(&b, NULL));
		cc_buf_release(&b);
		free(key);
	}
}

/* The key of a dated cumulative count of one source (killed,
 * displaced...), or NULL. */
static char *
cumulative_key(const struct cc_claim *c)
{
	if (strcmp(c->type, "casualty") != 0 ||
	    c->value_kind != CC_VALUE_NUMBER || c->subject == NULL ||
	    c->measure == NULL || (c->speaker == NULL &&
	    c->reported_by == NULL) || iso_days(c->time_start) == NODAY)
		return NULL;
	return xjoin('/', 4, "cumulative", c->subject, c->measure,
	    c->speaker ? c->speaker : c->reported_by);
}

/* A cumulative count of one source (killed, displaced...) that goes
 * down in a later report: sorted by date, a later upper bound below an
 * earlier lower bound. */
static void
check_cumulative(struct cmp *cm)
{
	const struct cc_claims	*cs = cm->cs;
	struct cmp_item		*v = xcalloc(cs->n ? cs->n : 1, sizeof *v);
	size_t			 n = 0, i, j, k, top;

	for (i = 0; i < cs->n; i++)
		add_dirty(cm, v, &n, i, cumulative_key(&cs->v[i]));
	items_sort(v, n);
	for (i = 0; i < n; i = j) {
		j = block_end(v, n, i);
		cm->scope = v[i].key;
		for (top = i, k = i + 1; k < j; k++) {
			if (v[k].t0 > v[top].t1 && v[k].hi < v[top].lo) {
				struct cc_buf	b = CC_BUF_INIT;
				const struct cc_claim *two[2];

				describe(v[top].c, &b);
				cc_buf_adds(&b, " then ");
				describe(v[k].c, &b);
				cc_buf_printf(&b, ": a cumulative count "
				    "from %s went down", v[k].c->speaker ?
				    v[k].c->speaker : v[k].c->reported_by);
				two[0] = v[top].c;
				two[1] = v[k].c;
				emit(cm, "timeline", "medium", v[i].key, two, 2,
				    NULL, cc_buf_detach(&b, NULL));
				cc_buf_release(&b);
				break;
			}
			if (v[k].lo > v[top].lo)
				top = k;
		}
	}
	items_free(v, n);
}

/* One event placed on different days by different outlets: events with
 * one key and day-precise dates a few days apart. */
/* The key of an event placed on a day, or NULL (b is scratch). */
static char *
event_key(const struct cc_claim *c, struct cc_buf *b)
{
	if (strcmp(c->type, "event") != 0 || c->subject == NULL ||
	    c->vtext == NULL || !streq(c->granularity, "day") ||
	    iso_days(c->time_start) == NODAY)
		return NULL;
	phrase(c->vtext, b);
	return xasprintf("event/%s/%s", c->subject, b->data);
}

static void
check_events(struct cmp *cm)
{
	const struct cc_claims	*cs = cm->cs;
	struct cmp_item		*v = xcalloc(cs->n ? cs->n : 1, sizeof *v);
	size_t			 n = 0, i, j, k;
	struct cc_buf		 b = CC_BUF_INIT;

	for (i = 0; i < cs->n; i++)
		add_dirty(cm, v, &n, i, event_key(&cs->v[i], &b));
	items_sort(v, n);
	for (i = 0; i < n; i = j) {
		j = block_end(v, n, i);
		cm->scope = v[i].key;
		for (k = i + 1; k < j; k++) {
			const struct cc_claim *two[2];

			if (v[k].t0 <= v[k - 1].t1 ||
			    v[k].t0 - v[k - 1].t1 > CMP_EVENT_MAXGAP ||
			    strcmp(outlet_of(v[k].c),
			    outlet_of(v[k - 1].c)) == 0)
				continue;
			cc_buf_reset(&b);
			cc_buf_printf(&b, "%s %s on %s (%s, \"%s\") vs %s "
			    "(%s, \"%s\")", v[k].c->subject, v[k].c->vtext,
			    v[k - 1].c->time_start, outlet_of(v[k - 1].c),
			    v[k - 1].c->text, v[k].c->time_start,
			    outlet_of(v[k].c), v[k].c->text);
			two[0] = v[k - 1].c;
			two[1] = v[k].c;
			emit(cm, "timeline", "medium", v[i].key, two, 2, NULL,
			    cc_buf_detach(&b, NULL));
			break;
		}
	}
	cc_buf_release(&b);
	items_free(v, n);
}

/*
 * Stale: an article with no date of its own whose latest dated claim
 * ends well before the median date of the dated articles (recycled
 * news).  An article with no dated claim says nothing about its period.
 */
static int
long_cmp(const void *a, const void *b)
{
	long	x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

/*
 * Stale by its inferred date: an article with no date of its own whose
 * text places it well before the dated articles ("Russia could launch
 * an invasion" in a corpus from October), unless its claims said so
 * already (done[0..ndone)).
 */
static void
stale_inferred(struct cmp *cm, long median, const char **done,
    size_t ndone)
{
	const struct cc_compare_doc	*d;
	struct cc_buf			 b = CC_BUF_INIT;
	size_t				 i, k;
	long				 hi;
	char				 m[16], *key;

	days_iso(median, m);
	for (i = 0; i < cm->ndocs; i++) {
		d = cm->docs[i];
		if (d->date == NULL || doc_dated(d) || d->date_basis == NULL ||
		    (hi = iso_days(d->date_max != NULL ? d->date_max :
		    d->date)) == NODAY || hi + CMP_STALE_DAYS >= median ||
		    !article_dirty(cm, "stale", d->name))
			continue;
		for (k = 0; k < ndone && strcmp(done[k], d->name) != 0; k++)
			;
		if (k < ndone)
			continue;
		cc_buf_reset(&b);
		cc_buf_printf(&b, "%s has no date of its own and its text "
		    "places it no later than %s (%s); the dated articles are "
		    "from around %s", d->name, d->date_max != NULL ?
		    d->date_max : d->date, d->date_basis, m);
		key = xasprintf("stale/%s", d->name);
		emit(cm, "stale", "medium", key, NULL, 0, d->outlet != NULL ?
		    d->outlet : d->name, cc_buf_detach(&b, NULL));
		free(key);
	}
	cc_buf_release(&b);
}

/* Is article name's claims-based stale finding due (one undated
 * article: its latest dated claim against the median)? */
static int
stale_article(struct cmp *cm, const char *name, long median)
{
	const struct cc_claims	*cs;
	struct cmp_item		*v;
	struct cc_buf		 b = CC_BUF_INIT;
	const struct cc_claim	**c;
	size_t			 n = 0, i, last;
	char			 m[16], l[16];

	if ((cs = art_claims(cm, name)) == NULL)
		return 0;
	v = xcalloc(cs->n ? cs->n : 1, sizeof *v);
	for (i = 0; i < cs->n; i++)
		if (iso_days(cs->v[i].time_start) != NODAY)
			item_init(cm, &v[n++], cs, i,
			    xasprintf("stale/%s", name));
	items_sort(v, n);
	for (last = 0, i = 0; i < n; i++)
		if (v[i].t1 > v[last].t1)
			last = i;
	if (n == 0 || v[last].t1 + CMP_STALE_DAYS >= median) {
		items_free(v, n);
		return 0;
	}
	days_iso(median, m);
	days_iso(v[last].t1, l);
	cc_buf_printf(&b, "%s has no date of its own and its latest "
	    "dated content is from %s (\"%s\"); the dated articles "
	    "are from around %s", name, l, v[last].c->text, m);
	c = block_claims(v, n);
	cm->scope = article_scope(cm, "stale", name);
	emit(cm, "stale", "medium", v[0].key, c, n, NULL,
	    cc_buf_detach(&b, NULL));
	free(c);
	items_free(v, n);
	return 1;
}

/*
 * Stale articles: each article without a date of its own (an undated
 * doc, or claims with no doc at all) is looked at with its claims.
 */
static void
check_stale(struct cmp *cm)
{
	long			*dates = xcalloc(cm->ndocs + 1, sizeof *dates);
	size_t			 nd = 0, i, k, nstale = 0;
	long			 median;
	const char		**stale_done = xcalloc(cm->ndocs +
				    cm->nnodoc + 1, sizeof *stale_done);

	for (i = 0; i < cm->ndocs; i++)
		if (doc_dated(cm->docs[i]) &&
		    iso_days(cm->docs[i]->date) != NODAY)
			dates[nd++] = iso_days(cm->docs[i]->date);
	if (nd == 0)
		goto out;
	/* (one article may have been seen in several batches) */
	if (cm->nnodoc > 1)
		qsort(cm->nodoc, cm->nnodoc, sizeof *cm->nodoc, str_cmp);
	for (i = 0, k = 0; i < cm->nnodoc; i++)
		if (k > 0 && strcmp(cm->nodoc[i], cm->nodoc[k - 1]) == 0)
			free(cm->nodoc[i]);
		else
			cm->nodoc[k++] = cm->nodoc[i];
	cm->nnodoc = k;
	qsort(dates, nd, sizeof *dates, long_cmp);
	median = dates[nd / 2];
	if (cm->opts != NULL) {
		days_iso(median, cm->opts->median);
		/* every stale finding is measured against the median */
		if (cm->opts->old_median == NULL ||
		    strcmp(cm->opts->old_median, cm->opts->median) != 0)
			cm->stale_all = 1;
	}
	for (i = 0; i < cm->ndocs && cm->rc == CC_OK; i++) {
		const char *name = cm->docs[i]->name;

		if (!doc_dated(cm->docs[i]) &&
		    article_dirty(cm, "stale", name) &&
		    stale_article(cm, name, median))
			stale_done[nstale++] = name;
	}
	for (i = 0; i < cm->nnodoc && cm->rc == CC_OK; i++)
		if (article_dirty(cm, "stale", cm->nodoc[i]) &&
		    stale_article(cm, cm->nodoc[i], median))
			stale_done[nstale++] = cm->nodoc[i];
	stale_inferred(cm, median, stale_done, nstale);
out:
	free(stale_done);
	free(dates);
}

/* --- internal consistency ---------------------------------------------- */

/* Parts that do not add up: killed and injured vs a total, with one
 * subject and time in one article. */
static void
check_sums(struct cmp *cm)
{
	const struct cc_claims	*cs = cm->cs;
	struct cmp_item		*v = xcalloc(cs->n ? cs->n : 1, sizeof *v);
	size_t			 n = 0, i, j, k;

	for (i = 0; i < cs->n; i++) {
		const struct cc_claim *c = &cs->v[i];

		if (strcmp(c->type, "casualty") != 0 ||
		    c->value_kind != CC_VALUE_NUMBER || c->subject == NULL ||
		    c->measure == NULL || !article_dirty(cm, "article",
		    c->article))
			continue;
		item_init(cm, &v[n++], cm->cs, i, xasprintf("sum/%s/%s/%s",
		    c->article, c->subject, c->time_start ? c->time_start :
		    "undated"));
	}
	items_sort(v, n);
	for (i = 0; i < n; i = j) {
		const struct cmp_item	*tot = NULL, *kil = NULL, *inj = NULL;
		int			 ambiguous = 0, other = 0;
		double			 lo, hi;

		j = block_end(v, n, i);
		for (k = i; k < j; k++) {
			const struct cmp_item **slot;

			if (strcmp(v[k].c->measure, "total") == 0)
				slot = &tot;
			else if (strcmp(v[k].c->measure, "killed") == 0)
				slot = &kil;
			else if (strcmp(v[k].c->measure, "injured") == 0)
				slot = &inj;
			else {
				other = 1;
				continue;
			}
			/* a figure repeated (headline, body) is one */
			if (*slot != NULL && ((*slot)->lo != v[k].lo ||
			    (*slot)->hi != v[k].hi))
				ambiguous = 1;
			*slot = &v[k];
		}
		if (tot == NULL || kil == NULL || inj == NULL || ambiguous)
			continue;
		lo = kil->lo + inj->lo;
		hi = kil->hi + inj->hi;
		/* parts above the total never fit; below it, only when
		 * no other part (missing...) could make up the rest */
		if (lo > tot->hi || (!other && hi < tot->lo)) {
			struct cc_buf		 b = CC_BUF_INIT;
			const struct cc_claim	*three[3];

			cc_claim_value_str(kil->c, &b);
			cc_buf_adds(&b, " killed + ");
			cc_claim_value_str(inj->c, &b);
			cc_buf_printf(&b, " injured = %g, but the total given "
			    "is ", kil->c->vmin + inj->c->vmin);
			cc_claim_value_str(tot->c, &b);
			cc_buf_printf(&b, " (%s)", tot->c->article);
			three[0] = tot->c;
			three[1] = kil->c;
			three[2] = inj->c;
			cm->scope = article_scope(cm, "article",
			    tot->c->article);
			emit(cm, "internal", "medium", v[i].key, three, 3,
			    NULL, cc_buf_detach(&b, NULL));
			cc_buf_release(&b);
		}
	}
	items_free(v, n);
}

/* The ordinal a sentence opens with: "First," 1 ... "Fifth" 5; "Finally"
 * and "Lastly" -1; 0 for none. */
static int
opening_ordinal(const char *s)
{
	static const char *const o[] = {
		"first", "second", "third", "fourth", "fifth", "sixth"
	};
	char	w[16];
	size_t	i = 0, k;

	if (s == NULL)
		return 0;
	while (*s == ' ' || *s == '"' || *s == '\'')
		s++;
	while (i < sizeof w - 1 && isalpha((unsigned char)s[i])) {
		w[i] = (char)tolower((unsigned char)s[i]);
		i++;
	}
	w[i] = '\0';
	if (i > 2 && strcmp(w + i - 2, "ly") == 0 && (strcmp(w, "finally")
	    == 0 || strcmp(w, "lastly") == 0))
		return -1;
	if (i > 2 && strcmp(w + i - 2, "ly") == 0)
		w[i - 2] = '\0';		/* "firstly" */
	for (k = 0; k < sizeof o / sizeof *o; k++)
		if (strcmp(w, o[k]) == 0)
			return (int)k + 1;
	return 0;
}

/*
 * "Two conditions" announced, and the conditions that follow counted:
 * the items opening with ordinals ("First, ...", "Second, ...",
 * "Finally, ...") after the announcement, else the items in the
 * announcement's own sentence ("two conditions: A and B").  Nothing
 * countable: nothing said.
 */
static void
check_counts(struct cmp *cm)
{
	const struct cc_claims	*cs = cm->cs;
	struct cmp_item		*v = xcalloc(cs->n ? cs->n : 1, sizeof *v);
	size_t			 n = 0, i, j, k;

	for (i = 0; i < cs->n; i++) {
		const struct cc_claim *c = &cs->v[i];

		if ((strcmp(c->type, "quantity") == 0 &&
		    c->value_kind == CC_VALUE_NUMBER && c->has_max &&
		    !c->approx && c->vmin == c->vmax && (streq(c->subject,
		    "conditions") || streq(c->subject, "demands"))) ||
		    strcmp(c->type, "condition") == 0) {
			if (!article_dirty(cm, "article", c->article))
				continue;
			item_init(cm, &v[n++], cm->cs, i,
			    xasprintf("conditions/%s", c->article));
		}
	}
	items_sort(v, n);
	for (i = 0; i < n; i = j) {
		const struct cc_claim	*ann = NULL;
		int			 ord = 0, o;
		size_t			 inl = 0, mism = (size_t)-1;

		j = block_end(v, n, i);
		for (k = i; k < j; k++)
			if (strcmp(v[k].c->type, "quantity") == 0 &&
			    (ann == NULL || v[k].c->ev_start < ann->ev_start))
				ann = v[k].c;
		if (ann == NULL)
			continue;
		for (k = i; k < j; k++) {
			const struct cc_claim *c = v[k].c;

			if (strcmp(c->type, "condition") != 0 ||
			    c->ev_start < ann->ev_start)
				continue;
			if (c->ev_start == ann->ev_start)
				inl++;
			o = opening_ordinal(c->sentence);
			if (o == -1)
				o = ord + 1;
			if (o > ord)
				ord = o;
		}
		if (ord == 0 && inl == 0)
			continue;
		for (k = i; k < j; k++)
			if (strcmp(v[k].c->type, "quantity") == 0 &&
			    v[k].c->vmin != (ord ? ord : (double)inl))
				mism = k;
		if (mism != (size_t)-1) {
			struct cc_buf		 b = CC_BUF_INIT;
			const struct cc_claim	**c = block_claims(v + i,
			    j - i);

			cc_buf_printf(&b, "\"%s\" announced in %s, but %zu "
			    "listed", v[mism].c->text, v[mism].c->article,
			    ord ? (size_t)ord : inl);
			cm->scope = article_scope(cm, "article",
			    v[mism].c->article);
			emit(cm, "internal", "medium", v[i].key, c, j - i,
			    NULL, cc_buf_detach(&b, NULL));
			free(c);
			cc_buf_release(&b);
		}
	}
	items_free(v, n);
}

/* --- text checks --------------------------------------------------------- */

/* Claims whose evidence sentence holds byte offset off of article
 * name, pointing into cm->art (valid until another article's claims
 * are loaded). */
static const struct cc_claim **
claims_at(struct cmp *cm, const char *name, size_t off, size_t *n)
{
	const struct cc_claims	 *cs = art_claims(cm, name);
	const struct cc_claim	**out = NULL;
	size_t			  i;

	*n = 0;
	for (i = 0; cs != NULL && i < cs->n; i++) {
		const struct cc_claim *c = &cs->v[i];

		if (c->ev_start <= off && off < c->ev_end) {
			out = xreallocarray(out, *n + 1, sizeof *out);
			out[(*n)++] = c;
		}
	}
	return out;
}

/* Does a future cue ("will", "is scheduled") precede offset end in the
 * sentence of folded text s that holds it? */
static int
future_cue(const struct cc_pack *pk, const char *s, size_t end)
{
	const struct cc_vocab_list	*l;
	size_t				 st = end, i, wl;
	const char			*p;

	if (pk == NULL || (l = cc_vocab_list(pk->vocab,
	    "date_future_cues")) == NULL)
		return 0;
	while (st > 0 && s[st - 1] != '.' && s[st - 1] != '\n' &&
	    s[st - 1] != '?' && s[st - 1] != '!')
		st--;
	for (i = 0; i < l->n; i++) {
		wl = strlen(l->v[i].word);
		for (p = s + st; (p = strstr(p, l->v[i].word)) != NULL &&
		    p < s + end; p++)
			if ((p == s || !isalnum((unsigned char)p[-1])) &&
			    !isalnum((unsigned char)p[wl]))
				return 1;
	}
	return 0;
}

/*
 * Scan each article's text once: names spelled as a variant of a known
 * entity (one finding per entity and spelling, all articles), weekdays
 * that are not their date's, and day-precise dates after a dated
 * article's own date in a sentence that does not speak of the future.
 */
struct spelling {
	char		*key;
	const char	*doc;
	const char	*outlet;
	const char	*canon;
	size_t		 off;
	char		*text;
};

/* What emit() reads of a claim, in an owned copy. */
static void
claim_brief(struct cc_claim *dst, const struct cc_claim *c)
{
	memset(dst, 0, sizeof *dst);
	dst->id = c->id;
	dst->article = xstrdup(c->article);
	dst->outlet = c->outlet != NULL ? xstrdup(c->outlet) : NULL;
	dst->sentence = c->sentence != NULL ? xstrdup(c->sentence) : NULL;
	dst->text = c->text != NULL ? xstrdup(c->text) : NULL;
}

static int
spelling_cmp(const void *a, const void *b)
{
	const struct spelling	*x = a, *y = b;
	int			 r = strcmp(x->key, y->key);

	if (r != 0)
		return r;
	if ((r = strcmp(x->doc, y->doc)) != 0)
		return r;
	return x->off < y->off ? -1 : x->off > y->off;
}

/*
 * One article's text checks.  Any thread reads the text (the source
 * serializes its callbacks: compare.h), folds it, scans it for dates
 * and names and keeps only what becomes a finding: the date findings'
 * offsets and summaries, and the variant spellings.  The main thread
 * then emits them in doc order, as on one thread: emit() and the
 * claims of an article are its own.
 */
struct text_date {
	size_t		 os;	/* byte offset of the date in the text */
	char		*summary;
};

struct text_res {
	const struct cc_compare_doc	*d;
	int				 rc;	/* reading the text */
	struct text_date		*dv;
	size_t				 nd;
	struct spelling			*sv;
	size_t				 ns;
};

/* Weekdays that are not their date's, and day-precise dates after a
 * dated article's own date ref (NULL: undated) in a sentence that does
 * not speak of the future: of text d, folded as f, with dates
 * tx[0..nt). */
static void
date_findings(const struct cmp *cm, const struct cc_compare_doc *d,
    const struct cc_fold *f, const struct cc_timex *tx, size_t nt,
    const struct cc_date *ref, struct text_res *res)
{
	long	pub = ref != NULL ? cc_date_days(ref) : 0, lo;
	size_t	i;

	for (i = 0; i < nt; i++) {
		struct cc_buf	 b = CC_BUF_INIT;
		size_t		 os = f->map[tx[i].start];
		size_t		 oe = cc_fold_orig_end(f, d->text, tx[i].end);
		char		 iso[16];

		if (tx[i].kind != CC_TIMEX_DATE || tx[i].lo.y == 0)
			continue;
		lo = cc_date_days(&tx[i].lo);
		cc_date_iso(&tx[i].lo, iso, sizeof iso);
		if (tx[i].weekday_mismatch) {
			const char *why = strstr(tx[i].basis, "weekday");

			cc_buf_printf(&b, "\"%.*s\" in %s: %s", (int)(oe - os),
			    d->text + os, d->name, why ? why : tx[i].basis);
		} else if (ref != NULL && !tx[i].future &&
		    strcmp(tx[i].granularity, "day") == 0 && lo > pub &&
		    !future_cue(cm->pk, f->s, tx[i].start))
			cc_buf_printf(&b, "\"%.*s\" (%s) in %s is after the "
			    "article's own date %s, in a sentence that does "
			    "not speak of the future", (int)(oe - os),
			    d->text + os, iso, d->name, d->date);
		else
			continue;
		res->dv = xreallocarray(res->dv, res->nd + 1,
		    sizeof *res->dv);
		res->dv[res->nd].os = os;
		res->dv[res->nd++].summary = cc_buf_detach(&b, NULL);
	}
}

/* The text checks of res->d (its dates too with dates set), on any
 * thread: the scanner and the entity tables are only read. */
static void
text_check(const struct cmp *cm, struct text_res *res, int dates)
{
	const struct cc_compare_doc	*d = res->d;
	struct cc_compare_doc		 dt;
	struct cc_fold			 f;
	struct cc_timex			*tx;
	struct cc_entity_mention	*m = NULL;
	struct cc_date			 ref;
	char				*text = NULL;
	size_t				 cap, nt, ne, k;
	int				 dated;

	if (d->text == NULL) {
		/* one article's text at a time */
		if (cm->src->text == NULL)
			return;
		dt = *d;
		if ((res->rc = cm->src->text(cm->src->arg, d, &text,
		    &dt.len)) != CC_OK || text == NULL) {
			free(text);
			return;
		}
		dt.text = text;
		d = &dt;
	}
	cc_fold(d->text, d->len, &f);
	if (dates) {
		/* without a date of its own, only weekdays can be checked */
		dated = doc_dated(d) && d->date != NULL &&
		    cc_date_parse_iso(d->date, &ref) == CC_OK;
		cap = f.len / 64 + 16;
		tx = xcalloc(cap, sizeof *tx);
		nt = cc_timex_scan_with(cm->tx, f.s, f.len,
		    dated ? &ref : NULL, tx, cap);
		if (nt > cap) {
			tx = xreallocarray(tx, nt, sizeof *tx);
			nt = cc_timex_scan_with(cm->tx, f.s, f.len,
			    dated ? &ref : NULL, tx, nt);
		}
		date_findings(cm, d, &f, tx, nt, dated ? &ref : NULL, res);
		free(tx);
	}
	for (cap = f.len / 64 + 16;; cap *= 2) {
		m = xreallocarray(m, cap, sizeof *m);
		ne = cc_entity_scan(cm->pk->entities, f.s, f.len, m, cap);
		if (ne < cap)
			break;
	}
	for (k = 0; k < ne; k++) {
		struct spelling	*s;
		size_t		 os, oe;

		if (m[k].variant_of == NULL)
			continue;
		os = f.map[m[k].start];
		oe = cc_fold_orig_end(&f, d->text, m[k].end);
		res->sv = xreallocarray(res->sv, res->ns + 1,
		    sizeof *res->sv);
		s = &res->sv[res->ns++];
		s->text = xstrndup(d->text + os, oe - os);
		s->key = xasprintf("entity/%s/%s", m[k].id, s->text);
		s->doc = res->d->name;
		s->outlet = res->d->outlet ? res->d->outlet : res->d->name;
		s->canon = m[k].variant_of;
		s->off = os;
	}
	free(m);
	cc_fold_release(&f);
	free(text);
}

struct spellings {
	struct spelling			*v;
	size_t				 n;
};

/*
 * The text checks of some docs, on threads that take one doc at a time
 * until none is left: started before the batches, so that other cores
 * read and scan the texts while this thread compares claims, and
 * finished after them, this thread taking its share.
 */
struct text_pass {
	const struct cmp	*cm;
	struct text_res		*res;
	size_t			 n;
	int			 dates;
	size_t			 next;	/* the first doc nobody took */
	int			 failed;	/* a text could not be read */
	pthread_mutex_t		 lock;
	pthread_t		 th[CMP_MAXJOBS];
	int			 started[CMP_MAXJOBS];
	size_t			 nth;
};

static void *
text_worker(void *arg)
{
	struct text_pass	*tp = arg;
	size_t			 i;

	for (;;) {
		pthread_mutex_lock(&tp->lock);
		i = tp->failed ? tp->n : tp->next;
		if (i < tp->n)
			tp->next++;
		pthread_mutex_unlock(&tp->lock);
		if (i >= tp->n)
			return NULL;
		text_check(tp->cm, &tp->res[i], tp->dates);
		if (tp->res[i].rc != CC_OK) {
			pthread_mutex_lock(&tp->lock);
			tp->failed = 1;
			pthread_mutex_unlock(&tp->lock);
		}
	}
}

/* Start the text checks of docs[0..n) on nth threads besides this one
 * (0: this one does them all, in text_finish()). */
static void
text_start(struct cmp *cm, struct text_pass *tp,
    const struct cc_compare_doc *const *docs, size_t n, int dates,
    size_t nth)
{
	size_t	i;

	memset(tp, 0, sizeof *tp);
	if (cm->tx == NULL)
		cm->tx = cc_timex_scanner_new(cm->pk->vocab);
	tp->cm = cm;
	tp->n = n;
	tp->dates = dates;
	tp->res = xcalloc(n + 1, sizeof *tp->res);
	for (i = 0; i < n; i++) {
		tp->res[i].d = docs[i];
		tp->res[i].rc = CC_OK;
	}
	pthread_mutex_init(&tp->lock, NULL);
	tp->nth = nth < CMP_MAXJOBS ? nth : CMP_MAXJOBS;
	for (i = 0; i < tp->nth; i++)
		tp->started[i] = pthread_create(&tp->th[i], NULL, text_worker,
		    tp) == 0;
}

/* Finish the text checks and emit their findings in doc order; the
 * spellings go to sp. */
static void
text_finish(struct cmp *cm, struct text_pass *tp, struct spellings *sp)
{
	size_t	i, k, nc;

	text_worker(tp);
	for (i = 0; i < tp->nth; i++)
		if (tp->started[i])
			pthread_join(tp->th[i], NULL);
	pthread_mutex_destroy(&tp->lock);
	for (i = 0; i < tp->n; i++) {
		struct text_res		 *res = &tp->res[i];
		const char		 *name = res->d->name;
		const struct cc_claim	**c;
		char			 *key;

		if (res->rc != CC_OK && cm->rc == CC_OK)
			cm->rc = res->rc;
		if (cm->rc != CC_OK) {
			/* the findings would be incomplete: none */
			for (k = 0; k < res->nd; k++)
				free(res->dv[k].summary);
			for (k = 0; k < res->ns; k++) {
				free(res->sv[k].key);
				free(res->sv[k].text);
			}
			res->nd = res->ns = 0;
		}
		if (res->nd > 0)
			cm->scope = article_scope(cm, "article", name);
		for (k = 0; k < res->nd; k++) {
			key = xasprintf("date/%s/%zu", name, res->dv[k].os);
			c = claims_at(cm, name, res->dv[k].os, &nc);
			emit(cm, "timeline", "medium", key, c, nc,
			    res->d->outlet ? res->d->outlet : name,
			    res->dv[k].summary);
			free(c);
			free(key);
		}
		if (res->ns > 0) {
			sp->v = xreallocarray(sp->v, sp->n + res->ns,
			    sizeof *sp->v);
			memcpy(sp->v + sp->n, res->sv,
			    res->ns * sizeof *res->sv);
			sp->n += res->ns;
			if (cm->opts != NULL && cm->opts->spelled != NULL)
				cm->opts->spelled(cm->opts->arg, name);
		}
		free(res->dv);
		free(res->sv);
	}
	free(tp->res);
	tp->res = NULL;
}

/* Threads besides this one for the text checks. */
static size_t
text_threads(const struct cmp *cm)
{
	return cm->opts != NULL && cm->opts->jobs > 1 ?
	    (size_t)cm->opts->jobs - 1 : 0;
}

/*
 * Start the text checks, before the batches.  An incremental run reads
 * the changed articles' texts only, unless a variant spelling is or was
 * in one of them (pass_text()).
 */
static void
text_begin(struct cmp *cm, struct text_pass *tp)
{
	const struct cc_compare_doc	**v;
	size_t				  i, n;

	memset(tp, 0, sizeof *tp);
	if (cm->pk == NULL)
		return;
	v = xcalloc(cm->ndocs + 1, sizeof *v);
	for (i = 0, n = 0; i < cm->ndocs; i++)
		if (!cm->inc || cm->docs[i]->changed)
			v[n++] = cm->docs[i];
	text_start(cm, tp, v, n, 1, text_threads(cm));
	free(v);
}

/*
 * The text checks, after the batches: the ones text_begin() started,
 * then, if a variant spelling is or was in a changed article, the
 * spellings of the other texts (not their dates): the spelling
 * findings list every article with the spelling.
 */
static void
pass_text(struct cmp *cm, struct text_pass *tp)
{
	struct spellings		  sps;
	struct spelling			 *sp;
	const struct cc_compare_doc	**v;
	size_t				  nsp, i, j, k, n;

	if (cm->pk == NULL)
		return;
	memset(&sps, 0, sizeof sps);
	text_finish(cm, tp, &sps);
	if (cm->inc && cm->rc == CC_OK && (cm->entity_dirty || sps.n > 0)) {
		cm->entity_dirty = 1;
		v = xcalloc(cm->ndocs + 1, sizeof *v);
		for (i = 0, n = 0; i < cm->ndocs; i++)
			if (!cm->docs[i]->changed)
				v[n++] = cm->docs[i];
		text_start(cm, tp, v, n, 0, text_threads(cm));
		text_finish(cm, tp, &sps);
		free(v);
	}
	sp = sps.v;
	nsp = sps.n;
	cm->scope = "entity";
	if (nsp > 1)
		qsort(sp, nsp, sizeof *sp, spelling_cmp);
	for (i = 0; i < nsp; i = j) {
		const struct cc_claim	**c = NULL, **at;
		struct cc_claim		 *own = NULL;
		struct cc_buf		  b = CC_BUF_INIT;
		size_t			  nc = 0, na, t;

		for (j = i + 1; j < nsp && strcmp(sp[i].key, sp[j].key) == 0;
		    j++)
			;
		/* the claims of several articles: what emit() reads of
		 * them is copied, as one article's are loaded at a time */
		for (k = i; k < j; k++) {
			at = claims_at(cm, sp[k].doc, sp[k].off, &na);
			own = xreallocarray(own, nc + na + 1, sizeof *own);
			for (t = 0; t < na; t++)
				claim_brief(&own[nc++], at[t]);
			free(at);
		}
		c = xcalloc(nc + 1, sizeof *c);
		for (t = 0; t < nc; t++)
			c[t] = &own[t];
		cc_buf_printf(&b, "\"%s\" (%s", sp[i].text, sp[i].doc);
		for (k = i + 1; k < j; k++)
			if (strcmp(sp[k].doc, sp[k - 1].doc) != 0)
				cc_buf_printf(&b, ", %s", sp[k].doc);
		cc_buf_printf(&b, ") is a variant spelling of %s", sp[i].canon);
		emit(cm, "variant", "low", sp[i].key, c, nc, sp[i].outlet,
		    cc_buf_detach(&b, NULL));
		for (k = i + 1; k < j; k++)
			cc_finding_add_outlet(&cm->out->v[cm->out->n - 1],
			    sp[k].outlet);
		for (t = 0; t < nc; t++)
			cc_claim_release(&own[t]);
		free(own);
		free(c);
	}
	for (i = 0; i < nsp; i++) {
		free(sp[i].key);
		free(sp[i].text);
	}
	free(sp);
}

/* --- the pass ------------------------------------------------------------ */

static int
finding_cmp(const void *a, const void *b)
{
	const struct cc_finding	*x = a, *y = b;
	int			 r;

	r = cc_severity_rank(x->severity) - cc_severity_rank(y->severity);
	if (r != 0)
		return r;
	if ((r = strcmp(x->key, y->key)) != 0)
		return r;
	return strcmp(x->id, y->id);
}

static int
doc_cmp(const void *a, const void *b)
{
	const struct cc_compare_doc *const *x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

int
cc_compare_docs(const struct cc_pack *pk, const struct cc_claims *claims,
    const struct cc_compare_doc *docs, size_t ndocs, struct cc_findings *out)
{
	return cc_compare_docs_from(pk, claims, docs, ndocs, NULL, NULL, out);
}

/* A source over claims in memory (cc_compare_docs_from()). */
struct memsrc {
	const struct cc_claims	*cs;
	cc_compare_text_fn	 text_fn;
	void			*text_arg;
};

static int
mem_by_types(void *arg, const char *const *types, struct cc_claims *out)
{
	const struct memsrc	*m = arg;
	size_t			 i, k;

	for (i = 0; i < m->cs->n; i++)
		for (k = 0; types[k] != NULL; k++)
			if (strcmp(m->cs->v[i].type, types[k]) == 0) {
				*cc_claims_push(out) = m->cs->v[i];
				break;
			}
	return CC_OK;
}

static int
mem_by_article(void *arg, const char *name, struct cc_claims *out)
{
	const struct memsrc	*m = arg;
	size_t			 i;

	for (i = 0; i < m->cs->n; i++)
		if (strcmp(m->cs->v[i].article, name) == 0)
			*cc_claims_push(out) = m->cs->v[i];
	return CC_OK;
}

/* The claims given are shallow copies: only the array is ours. */
static void
mem_done(void *arg, struct cc_claims *cs)
{
	(void)arg;
	free(cs->v);
	memset(cs, 0, sizeof *cs);
}

static int
mem_text(void *arg, const struct cc_compare_doc *d, char **text,
    size_t *len)
{
	const struct memsrc	*m = arg;

	return m->text_fn(m->text_arg, d, text, len);
}

int
cc_compare_docs_from(const struct cc_pack *pk,
    const struct cc_claims *claims, const struct cc_compare_doc *docs,
    size_t ndocs, cc_compare_text_fn text_fn, void *text_arg,
    struct cc_findings *out)
{
	struct memsrc			m = { claims, text_fn, text_arg };
	struct cc_compare_source	src = { mem_by_types, mem_by_article,
					    mem_done, NULL, &m, NULL };

	if (text_fn != NULL)
		src.text = mem_text;
	return cc_compare_run(pk, &src, docs, ndocs, NULL, out);
}

/* A deep copy of f appended to out. */
static void
finding_copy(struct cc_findings *out, const struct cc_finding *f)
{
	struct cc_finding	*g = cc_findings_push(out);
	size_t			 i;

	g->id = f->id ? xstrdup(f->id) : NULL;
	g->kind = f->kind ? xstrdup(f->kind) : NULL;
	g->severity = f->severity ? xstrdup(f->severity) : NULL;
	g->key = f->key ? xstrdup(f->key) : NULL;
	g->summary = f->summary ? xstrdup(f->summary) : NULL;
	g->status = f->status ? xstrdup(f->status) : NULL;
	g->scope = f->scope ? xstrdup(f->scope) : NULL;
	g->claims = xcalloc(f->nclaims + 1, sizeof *g->claims);
	for (i = 0; i < f->nclaims; i++)
		g->claims[i] = xstrdup(f->claims[i]);
	g->nclaims = f->nclaims;
	g->outlets = xcalloc(f->noutlets + 1, sizeof *g->outlets);
	for (i = 0; i < f->noutlets; i++)
		g->outlets[i] = xstrdup(f->outlets[i]);
	g->noutlets = f->noutlets;
}

/* The scopes to recompute, sorted and distinct: the caller's, and the
 * article-wide ones of each changed article. */
static void
dirty_init(struct cmp *cm, const struct cc_compare_opts *o)
{
	size_t	i, k, n = 0;

	cm->dirty = xcalloc(o->ndirty + 2 * cm->ndocs + 1, sizeof *cm->dirty);
	for (i = 0; i < o->ndirty; i++)
		cm->dirty[n++] = xstrdup(o->dirty[i]);
	for (i = 0; i < cm->ndocs; i++)
		if (cm->docs[i]->changed) {
			cm->dirty[n++] = xasprintf("article/%s",
			    cm->docs[i]->name);
			cm->dirty[n++] = xasprintf("stale/%s",
			    cm->docs[i]->name);
		}
	if (n > 1)
		qsort(cm->dirty, n, sizeof *cm->dirty, str_cmp);
	for (i = 0, k = 0; i < n; i++)
		if (k > 0 && strcmp(cm->dirty[i], cm->dirty[k - 1]) == 0)
			free(cm->dirty[i]);
		else
			cm->dirty[k++] = cm->dirty[i];
	cm->ndirty = k;
	cm->entity_dirty = dirty(cm, "entity");
}

/*
 * Look at each claim of a batch before the passes do: articles with
 * dated claims but no doc (undated, for the stale check), and in a full
 * run each claim's scopes for the caller.
 */
static void
batch_scan(struct cmp *cm)
{
	const struct cc_compare_opts	*o = cm->opts;
	const struct cc_claims		*cs = cm->cs;
	const char			*last = NULL;
	char				*sc[CC_COMPARE_MAXSCOPES];
	size_t				 i, k, n;
	int				 nodoc = 0;

	for (i = 0; i < cs->n; i++) {
		const struct cc_claim *c = &cs->v[i];

		/* an article's claims come in runs: look it up once */
		if (last == NULL || strcmp(last, c->article) != 0) {
			last = c->article;
			nodoc = doc_of(cm, last) == NULL;
		}
		if (nodoc && iso_days(c->time_start) != NODAY &&
		    (cm->nnodoc == 0 || strcmp(cm->nodoc[cm->nnodoc - 1],
		    c->article) != 0)) {
			cm->nodoc = xreallocarray(cm->nodoc, cm->nnodoc + 1,
			    sizeof *cm->nodoc);
			cm->nodoc[cm->nnodoc++] = xstrdup(c->article);
		}
		if (cm->inc || o == NULL || o->scope_fn == NULL)
			continue;
		n = cc_compare_claim_scopes(c, sc);
		for (k = 0; k < n; k++) {
			o->scope_fn(o->arg, c->article, sc[k]);
			free(sc[k]);
		}
	}
}

/* Append s[0..n) to the list *v of *nv strings. */
static void
keep_add(char ***v, size_t *nv, const char *s, size_t n)
{
	*v = xreallocarray(*v, *nv + 1, sizeof **v);
	(*v)[(*nv)++] = xstrndup(s, n);
}

/*
 * What the dirty scopes may hold, from their names (the formats of
 * claim_key(), quote_scope(), cumulative_key(), event_key() and
 * article_scope()), for a source that need not read the rest.  A name
 * of no known shape leaves have_keep 0: everything is read.
 */
static void
keep_init(struct cmp *cm)
{
	struct cc_claim_keep	*k = &cm->keep;
	const char		*sc, *p, *q;
	size_t			 i;

	if (cm->src->by_types_keep == NULL)
		return;
	for (i = 0; i < cm->ndirty; i++) {
		sc = cm->dirty[i];
		if (strcmp(sc, "entity") == 0)
			continue;
		if ((p = strchr(sc, '/')) == NULL || p == sc)
			return;
		p++;
		if (strncmp(sc, "article/", 8) == 0 ||
		    strncmp(sc, "stale/", 6) == 0) {
			keep_add(&k->articles, &k->narticles, p, strlen(p));
			continue;
		}
		if (strncmp(sc, "quote/", 6) == 0) {
			/* the period after the speaker holds no '/' */
			q = strrchr(p, '/');
			keep_add(&k->speakers, &k->nspeakers, p,
			    q != NULL && q > p ? (size_t)(q - p) : strlen(p));
			continue;
		}
		/* TYPE/SUBJECT/..., cumulative/SUBJECT/... (casualties),
		 * event/SUBJECT/... */
		q = strchr(p, '/');
		k->types = xreallocarray(k->types, k->nkeys + 1,
		    sizeof *k->types);
		k->types[k->nkeys] = strncmp(sc, "cumulative/", 11) == 0 ?
		    xstrdup("casualty") : xstrndup(sc, (size_t)(p - 1 - sc));
		keep_add(&k->subjects, &k->nkeys, p,
		    q != NULL ? (size_t)(q - p) : strlen(p));
	}
	cm->have_keep = 1;
}

static void
keep_release(struct cc_claim_keep *k)
{
	size_t	i;

	for (i = 0; i < k->narticles; i++)
		free(k->articles[i]);
	for (i = 0; i < k->nkeys; i++) {
		free(k->types[i]);
		free(k->subjects[i]);
	}
	for (i = 0; i < k->nspeakers; i++)
		free(k->speakers[i]);
	free(k->articles);
	free(k->types);
	free(k->subjects);
	free(k->speakers);
	memset(k, 0, sizeof *k);
}

/* Run passes over the claims of some types. */
static void
batch(struct cmp *cm, const char *const *types,
    void (*const *passes)(struct cmp *))
{
	struct cc_claims	cs;
	int			rc;

	/* (nothing redone can hold a claim: nothing to read) */
	if (cm->rc != CC_OK || (cm->have_keep && cm->keep.narticles == 0 &&
	    cm->keep.nkeys == 0 && cm->keep.nspeakers == 0))
		return;
	memset(&cs, 0, sizeof cs);
	if (cm->have_keep)
		rc = cm->src->by_types_keep(cm->src->arg, types, &cm->keep,
		    &cs);
	else
		rc = cm->src->by_types(cm->src->arg, types, &cs);
	if (rc != CC_OK) {
		cm->rc = rc;
		return;
	}
	cm->cs = &cs;
	cm->nclaims += cs.n;
	batch_scan(cm);
	for (; *passes != NULL; passes++)
		(*passes)(cm);
	cm->cs = NULL;
	cm->src->done(cm->src->arg, &cs);
}

/*
 * The scopes of the changed articles' claims as they are now: dirty,
 * and told to the caller.
 */
static void
changed_scopes(struct cmp *cm, char ***v, size_t *nv)
{
	const struct cc_compare_opts	*o = cm->opts;
	const struct cc_claims		*cs;
	char				*sc[CC_COMPARE_MAXSCOPES];
	size_t				 i, k, t, n;

	for (i = 0; i < cm->ndocs && cm->rc == CC_OK; i++) {
		if (!cm->docs[i]->changed ||
		    (cs = art_claims(cm, cm->docs[i]->name)) == NULL)
			continue;
		for (k = 0; k < cs->n; k++) {
			n = cc_compare_claim_scopes(&cs->v[k], sc);
			*v = xreallocarray(*v, *nv + n + 1, sizeof **v);
			for (t = 0; t < n; t++) {
				if (o->scope_fn != NULL)
					o->scope_fn(o->arg, cs->v[k].article,
					    sc[t]);
				(*v)[(*nv)++] = sc[t];
			}
		}
	}
	art_drop(cm);
}

/*
 * Which claims each pass reads: three batches of about a third of the
 * claims each, so a corpus's claims are never all in memory at once
 * and the store is read three times.  (A pass that reads claims of two
 * types finds both in one batch.)
 */
static const char *const t_casualty[] = { "casualty", NULL };
static const char *const t_figures[] = {
	"force", "quantity", "condition", "statement", NULL
};
static const char *const t_rest[] = {
	"quote", "duration", "event", "source", NULL
};

static void (*const p_casualty[])(struct cmp *) = {
	pass_figures, check_cumulative, check_sums, NULL
};
static void (*const p_figures[])(struct cmp *) = {
	pass_figures, check_counts, NULL
};
static void (*const p_rest[])(struct cmp *) = {
	pass_quotes, check_durations, check_events, NULL
};

int
cc_compare_run(const struct cc_pack *pk, const struct cc_compare_source *src,
    const struct cc_compare_doc *docs, size_t ndocs,
    struct cc_compare_opts *o, struct cc_findings *out)
{
	struct cmp		 cm;
	struct text_pass	 tp;
	struct cc_compare_opts	 inc;
	char			**scopes = NULL;
	size_t			 i, k, first = out->n, nscopes = 0;

	memset(&cm, 0, sizeof cm);
	cm.src = src;
	cm.pk = pk;
	cm.out = out;
	cm.opts = o;
	cm.ndocs = ndocs;
	cm.docs = xcalloc(ndocs + 1, sizeof *cm.docs);
	for (i = 0; i < ndocs; i++)
		cm.docs[i] = &docs[i];
	if (ndocs > 1)
		qsort(cm.docs, ndocs, sizeof *cm.docs, doc_cmp);
	if (o != NULL) {
		o->median[0] = '\0';
		if (o->incremental) {
			/* the scopes the changed articles had, and have */
			changed_scopes(&cm, &scopes, &nscopes);
			for (i = 0; i < o->ndirty; i++) {
				scopes = xreallocarray(scopes, nscopes + 1,
				    sizeof *scopes);
				scopes[nscopes++] = xstrdup(o->dirty[i]);
			}
			inc = *o;
			inc.dirty = scopes;
			inc.ndirty = nscopes;
			cm.inc = 1;
			dirty_init(&cm, &inc);
			keep_init(&cm);
		}
	}

	/* the texts are read and scanned on other threads meanwhile */
	text_begin(&cm, &tp);
	batch(&cm, t_casualty, p_casualty);
	batch(&cm, t_figures, p_figures);
	batch(&cm, t_rest, p_rest);
	if (cm.rc == CC_OK)
		check_stale(&cm);
	pass_text(&cm, &tp);
	art_drop(&cm);

	if (o != NULL) {
		o->nclaims = cm.nclaims;
		o->nitems = cm.nitems;
	}
	if (cm.inc) {
		/* the median may have gone away too */
		if (o->old_median == NULL ||
		    strcmp(o->old_median, o->median) != 0)
			cm.stale_all = 1;
		/* what was found in the scopes nothing changed stays */
		for (i = 0; o->old != NULL && i < o->old->n; i++)
			if (o->old->v[i].scope != NULL &&
			    !dirty(&cm, o->old->v[i].scope))
				finding_copy(out, &o->old->v[i]);
	}
	/* (out->v is NULL when nothing was ever found: not for qsort) */
	if (out->n > first + 1)
		qsort(out->v + first, out->n - first, sizeof *out->v,
		    finding_cmp);
	/* One finding reached twice (a quote one edit from another in two
	 * ways) has one id: keep the first. */
	for (i = first + 1, k = first + 1; i < out->n; i++)
		if (strcmp(out->v[i].id, out->v[k - 1].id) == 0)
			cc_finding_release(&out->v[i]);
		else
			out->v[k++] = out->v[i];
	if (out->n > first)
		out->n = k;
	keep_release(&cm.keep);
	for (i = 0; i < cm.ndirty; i++)
		free(cm.dirty[i]);
	free(cm.dirty);
	for (i = 0; i < nscopes; i++)
		free(scopes[i]);
	free(scopes);
	for (i = 0; i < cm.nnodoc; i++)
		free(cm.nodoc[i]);
	free(cm.nodoc);
	cc_buf_release(&cm.sbuf);
	cc_timex_scanner_free(cm.tx);
	free(cm.docs);
	return cm.rc;
}

size_t
cc_compare_claim_scopes(const struct cc_claim *c,
    char *out[CC_COMPARE_MAXSCOPES])
{
	struct cc_buf	 b = CC_BUF_INIT;
	size_t		 n = 0;

	if (is_numeric(c) || is_statement(c))
		out[n++] = claim_key(c);
	if ((out[n] = quote_scope(c)) != NULL)
		n++;
	if ((out[n] = cumulative_key(c)) != NULL)
		n++;
	if ((out[n] = event_key(c, &b)) != NULL)
		n++;
	cc_buf_release(&b);
	return n;
}

int
cc_compare(const struct cc_pack *pk, const struct cc_claims *claims,
    struct cc_findings *out)
{
	return cc_compare_docs(pk, claims, NULL, 0, out);
}
