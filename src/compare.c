/*
 * compare.c - the Compare stage: claims -> findings (see compare.h).
 *
 * Blocking: numeric claims are sorted by key (type/subject/measure/
 * month), so only claims that share a key are ever compared and the pass
 * is O(n log n).  Within a key, values are intervals: an exact figure is
 * [v, v], "about v" is widened by a tolerance, "more than v" is open
 * above.  Claims from different outlets whose intervals all meet agree;
 * any disjoint pair makes the key a contradiction.  Following ACLED's
 * practice for conflicting figures, a contradiction's summary shows the
 * range and names the most conservative figure instead of picking one.
 * Statements about a named subject are keyed the same way by their
 * proposition; opposite polarities in one period contradict.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compare.h"
#include "hash.h"
#include "xmalloc.h"

/* How far "about", "nearly", "some" stretch a figure, each way. */
#define CMP_APPROX_TOLERANCE	0.10

struct cmp_item {
	const struct cc_claim	*c;
	char			*key;
	double			 lo;
	double			 hi;
};

static int
is_numeric(const struct cc_claim *c)
{
	return c->value_kind == CC_VALUE_NUMBER && c->subject != NULL &&
	    (strcmp(c->type, "casualty") == 0 ||
	    strcmp(c->type, "force") == 0 ||
	    strcmp(c->type, "quantity") == 0 ||
	    strcmp(c->type, "duration") == 0);
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

static char *
claim_key(const struct cc_claim *c)
{
	char	period[8] = "undated";

	if (c->time_start != NULL && strlen(c->time_start) >= 7)
		snprintf(period, sizeof period, "%.7s", c->time_start);
	return xasprintf("%s/%s/%s/%s", c->type, c->subject,
	    c->measure ? c->measure : "-", period);
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

static int
item_cmp(const void *a, const void *b)
{
	const struct cmp_item	*x = a, *y = b;
	int			 r = strcmp(x->key, y->key);

	if (r != 0)
		return r;
	return x->c->id < y->c->id ? -1 : x->c->id > y->c->id;
}

static const char *
outlet_of(const struct cc_claim *c)
{
	return c->outlet ? c->outlet : c->article;
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

/* Stable id: the key and what each claim says where, not store ids,
 * which change when an unrelated article is re-extracted. */
static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
finding_id(const char *kind, const char *key, struct cmp_item *v, size_t n)
{
	struct cc_hasher	*h = cc_hasher_new();
	char			 hex[CC_HASH_HEXLEN + 1], **ids;
	size_t			 i;

	/* Sorted, so neither store ids nor claim order matter. */
	ids = xcalloc(n, sizeof *ids);
	for (i = 0; i < n; i++)
		ids[i] = xasprintf("%s:%zu:%s", v[i].c->article,
		    v[i].c->ev_start, v[i].c->text ? v[i].c->text : "");
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

static void
emit(struct cc_findings *out, const char *kind, const char *severity,
    struct cmp_item *v, size_t n, char *summary)
{
	struct cc_finding	*f = cc_findings_push(out);
	char			 id[24];
	size_t			 i;

	f->id = finding_id(kind, v[0].key, v, n);
	f->kind = xstrdup(kind);
	f->severity = xstrdup(severity);
	f->key = xstrdup(v[0].key);
	f->summary = summary;
	f->status = xstrdup("new");
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "c%lld", (long long)v[i].c->id);
		cc_finding_add_claim(f, id);
		cc_finding_add_outlet(f, outlet_of(v[i].c));
	}
}

/* Compare one block of claims sharing a key. */
static void
compare_block(struct cmp_item *v, size_t n, struct cc_findings *out)
{
	struct cc_buf	 b = CC_BUF_INIT;
	size_t		 i, j, noutlets = 0, a = 0, z = 0, cons = 0;
	int		 clash = 0;
	const char	*sev;

	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(outlet_of(v[i].c), outlet_of(v[j].c)) == 0)
				break;
		if (j == i)
			noutlets++;
		for (j = 0; j < i; j++)
			if (strcmp(outlet_of(v[i].c), outlet_of(v[j].c)) != 0 &&
			    (v[i].hi < v[j].lo || v[j].hi < v[i].lo))
				clash = 1;
		if (v[i].lo < v[a].lo)
			a = i;
		if (v[i].hi > v[z].hi)
			z = i;
		/* most conservative: the smallest figure stated */
		if ((v[i].c->has_max ? v[i].c->vmax : v[i].c->vmin) <
		    (v[cons].c->has_max ? v[cons].c->vmax : v[cons].c->vmin))
			cons = i;
	}
	if (noutlets < 2)
		return;
	if (clash) {
		describe(v[a].c, &b);
		cc_buf_adds(&b, " vs ");
		describe(v[a == z ? (a + 1) % n : z].c, &b);
		if (n > 2)
			cc_buf_printf(&b, " (%zu reports)", n);
		cc_buf_adds(&b, "; most conservative: ");
		cc_claim_value_str(v[cons].c, &b);
		sev = strcmp(v[0].c->type, "casualty") == 0 ||
		    strcmp(v[0].c->type, "force") == 0 ? "high" : "medium";
		emit(out, "contradiction", sev, v, n, cc_buf_detach(&b, NULL));
	} else {
		describe(v[0].c, &b);
		cc_buf_printf(&b, " agreed by %zu outlets", noutlets);
		emit(out, "agreement", "info", v, n, cc_buf_detach(&b, NULL));
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
compare_statements(struct cmp_item *v, size_t n, struct cc_findings *out)
{
	struct cc_buf	 b = CC_BUF_INIT;
	const struct cc_claim *aff = NULL, *neg = NULL;
	size_t		 i, j, noutlets = 0;

	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(outlet_of(v[i].c), outlet_of(v[j].c)) == 0)
				break;
		if (j == i)
			noutlets++;
		/* describe each side by a claim with a named speaker if any */
		if (strcmp(v[i].c->polarity, "negated") == 0) {
			if (neg == NULL || (neg->speaker == NULL &&
			    v[i].c->speaker != NULL))
				neg = v[i].c;
		} else if (aff == NULL || (aff->speaker == NULL &&
		    v[i].c->speaker != NULL))
			aff = v[i].c;
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
		emit(out, "contradiction", "medium", v, n,
		    cc_buf_detach(&b, NULL));
	} else if (noutlets >= 2) {
		cc_buf_printf(&b, "%s: %s, %s by %zu outlets", v[0].c->subject,
		    v[0].c->vtext ? v[0].c->vtext : v[0].c->measure,
		    v[0].c->polarity, noutlets);
		emit(out, "agreement", "info", v, n, cc_buf_detach(&b, NULL));
	}
	cc_buf_release(&b);
}

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

int
cc_compare(const struct cc_pack *pk, const struct cc_claims *claims,
    struct cc_findings *out)
{
	struct cmp_item	*v = xcalloc(claims->n ? claims->n : 1, sizeof *v);
	size_t		 n = 0, i, j, first = out->n;

	(void)pk;
	for (i = 0; i < claims->n; i++) {
		if (!is_numeric(&claims->v[i]) && !is_statement(&claims->v[i]))
			continue;
		v[n].c = &claims->v[i];
		v[n].key = claim_key(&claims->v[i]);
		interval(&claims->v[i], &v[n].lo, &v[n].hi);
		n++;
	}
	qsort(v, n, sizeof *v, item_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[i].key, v[j].key) == 0; j++)
			;
		if (strcmp(v[i].c->type, "statement") == 0)
			compare_statements(v + i, j - i, out);
		else
			compare_block(v + i, j - i, out);
	}
	/* (out->v is NULL when nothing was ever found: not for qsort) */
	if (out->n > first)
		qsort(out->v + first, out->n - first, sizeof *out->v,
		    finding_cmp);
	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
	return CC_OK;
}
