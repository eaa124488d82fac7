/*
 * check_compare.c - the comparison pass: numeric claims with one key from
 * different outlets agree or contradict as intervals; ids are stable;
 * independence, quotes, timeline, internal consistency and staleness.
 */
#include "config.h"

#include <string.h>

#include "compare.h"
#include "xmalloc.h"
#include "check_main.h"

static struct cc_claim *
add(struct cc_claims *cs, const char *outlet, const char *measure,
    double min, double max, int approx)
{
	struct cc_claim	*c = cc_claims_push(cs);
	char		 text[64];

	c->id = (int64_t)cs->n;
	c->article = xasprintf("%s-article", outlet);
	c->outlet = xstrdup(outlet);
	c->type = xstrdup("casualty");
	c->subject = xstrdup("civilians");
	c->measure = xstrdup(measure);
	c->value_kind = CC_VALUE_NUMBER;
	c->vmin = min;
	c->vmax = max;
	c->has_min = 1;
	c->has_max = max >= 0;
	c->approx = approx;
	c->time_start = xstrdup("2022-10-24");
	c->time_end = xstrdup("2022-10-24");
	snprintf(text, sizeof text, "%g %s", min, measure);
	c->text = xstrdup(text);
	c->ev_start = 100;
	return c;
}

static const struct cc_finding *
only(const struct cc_findings *fs)
{
	ck_assert_uint_eq(fs->n, 1);
	return &fs->v[0];
}

START_TEST(test_contradiction)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };
	const struct cc_finding	*f;

	add(&cs, "anews", "killed", 4318, 4318, 0);
	add(&cs, "wire-x", "killed", 4381, 4381, 0);
	ck_assert_int_eq(cc_compare(NULL, &cs, &fs), CC_OK);
	f = only(&fs);
	ck_assert_str_eq(f->kind, "contradiction");
	ck_assert_str_eq(f->severity, "high");
	ck_assert_str_eq(f->key, "casualty/civilians/killed/2022-10");
	ck_assert_str_eq(f->status, "new");
	ck_assert_uint_eq(f->nclaims, 2);
	ck_assert_uint_eq(f->noutlets, 2);
	ck_assert_ptr_nonnull(strstr(f->summary, "4,318 killed (anews, "
	    "2022-10-24) vs 4,381 killed (wire-x, 2022-10-24)"));
	/* ACLED: name the most conservative figure, never pick silently. */
	ck_assert_ptr_nonnull(strstr(f->summary, "most conservative: 4,318"));
	cc_findings_release(&fs);
	cc_claims_release(&cs);
}
END_TEST

START_TEST(test_approx_agrees)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };

	add(&cs, "a", "killed", 40000, 40000, 1);	/* about 40,000 */
	add(&cs, "b", "killed", 40000, 40000, 0);	/* 40,000 */
	add(&cs, "c", "killed", 39000, 39000, 1);	/* nearly 40,000-ish */
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "agreement");
	ck_assert_uint_eq(only(&fs)->noutlets, 3);
	cc_findings_release(&fs);
	/* ... but not with 14,000. */
	add(&cs, "d", "killed", 14000, 14000, 0);
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "contradiction");
	cc_findings_release(&fs);
	cc_claims_release(&cs);
}
END_TEST

START_TEST(test_open_interval)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };

	add(&cs, "a", "killed", 6001, -1, 0);		/* more than 6,000 */
	add(&cs, "b", "killed", 6374, 6374, 0);
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "agreement");
	cc_findings_release(&fs);
	add(&cs, "c", "killed", 5000, 5000, 0);
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "contradiction");
	cc_findings_release(&fs);
	cc_claims_release(&cs);
}
END_TEST

START_TEST(test_needs_two_outlets_and_one_key)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };

	/* One outlet alone is neither agreement nor contradiction. */
	add(&cs, "a", "killed", 10, 10, 0);
	add(&cs, "a", "killed", 12, 12, 0);
	/* Different measures and months are different facts. */
	add(&cs, "b", "injured", 12, 12, 0);
	free(add(&cs, "c", "killed", 99, 99, 0)->time_start);
	cs.v[cs.n - 1].time_start = xstrdup("2022-02-24");
	cc_compare(NULL, &cs, &fs);
	ck_assert_uint_eq(fs.n, 0);
	cc_findings_release(&fs);
	cc_claims_release(&cs);
}
END_TEST

START_TEST(test_stable_ids)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 }, fs2 = { 0 };
	struct cc_claim		tmp;

	add(&cs, "a", "killed", 10, 10, 0);
	add(&cs, "b", "killed", 12, 12, 0);
	add(&cs, "c", "injured", 5, 5, 0);
	add(&cs, "d", "injured", 5, 5, 0);
	cc_compare(NULL, &cs, &fs);
	ck_assert_uint_eq(fs.n, 2);
	/* Severity order: the contradiction first. */
	ck_assert_str_eq(fs.v[0].kind, "contradiction");
	ck_assert_str_eq(fs.v[1].kind, "agreement");
	/* New store ids and another order: the same finding ids. */
	tmp = cs.v[0];
	cs.v[0] = cs.v[3];
	cs.v[3] = tmp;
	cs.v[0].id = 40;
	cs.v[1].id = 41;
	cs.v[2].id = 42;
	cs.v[3].id = 43;
	cc_compare(NULL, &cs, &fs2);
	ck_assert_str_eq(fs.v[0].id, fs2.v[0].id);
	ck_assert_str_eq(fs.v[1].id, fs2.v[1].id);
	ck_assert_str_ne(fs.v[0].id, fs.v[1].id);
	cc_findings_release(&fs);
	cc_findings_release(&fs2);
	cc_claims_release(&cs);
}
END_TEST

static struct cc_claim *
stance(struct cc_claims *cs, const char *outlet, const char *speaker,
    const char *polarity)
{
	struct cc_claim	*c = add(cs, outlet, "ready_to_negotiate", 0, 0, 0);

	free(c->type);
	c->type = xstrdup("statement");
	free(c->subject);
	c->subject = xstrdup("russia");
	c->value_kind = CC_VALUE_TEXT;
	c->vtext = xstrdup("ready to negotiate");
	c->speaker = xstrdup_or_null(speaker);
	c->polarity = xstrdup(polarity);
	return c;
}

START_TEST(test_statements)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };

	/* "Russia had declined" (Kirby) vs "we are ready" (Lavrov). */
	stance(&cs, "a", "lavrov", "affirmed");
	stance(&cs, "b", "kirby", "negated");
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "contradiction");
	ck_assert_str_eq(only(&fs)->key,
	    "statement/russia/ready_to_negotiate/2022-10");
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary, "between speakers"));
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary,
	    "affirmed by lavrov"));
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary, "negated by kirby"));
	cc_findings_release(&fs);
	cc_claims_release(&cs);
	/* One speaker both ways in one month contradicts themself. */
	stance(&cs, "a", "lavrov", "affirmed");
	stance(&cs, "b", "lavrov", "negated");
	cc_compare(NULL, &cs, &fs);
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary, "same speaker"));
	cc_findings_release(&fs);
	/* ... but not when another speaker holds the other position. */
	stance(&cs, "c", "kirby", "negated");
	cc_compare(NULL, &cs, &fs);
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary, "between speakers"));
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary, "negated by kirby"));
	cc_findings_release(&fs);
	cc_claims_release(&cs);
	/* The same stance from two outlets agrees; from one, nothing. */
	stance(&cs, "a", "lavrov", "affirmed");
	cc_compare(NULL, &cs, &fs);
	ck_assert_uint_eq(fs.n, 0);
	stance(&cs, "b", "peskov", "affirmed");
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "agreement");
	cc_findings_release(&fs);
	/* Another month is another period: no contradiction across it. */
	free(stance(&cs, "c", "kirby", "negated")->time_start);
	cs.v[cs.n - 1].time_start = xstrdup("2022-02-14");
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "agreement");
	cc_findings_release(&fs);
	cc_claims_release(&cs);
}
END_TEST

/* The sentence a claim was found in (for copy detection). */
static void
say(struct cc_claim *c, const char *sentence)
{
	free(c->sentence);
	c->sentence = xstrdup(sentence);
}

START_TEST(test_independence)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };
	const char		*wire = "The UN human rights office said on "
	    "Monday that 6,374 civilians had been killed since the invasion "
	    "began in February.";

	/* Two outlets running one wire story word for word (one with a
	 * dateline prefix) and one reporting on its own. */
	say(add(&cs, "a", "killed", 6374, 6374, 0), wire);
	say(add(&cs, "b", "killed", 6374, 6374, 0), "GENEVA (Wire) - The UN "
	    "human rights office said on Monday that 6,374 civilians had been "
	    "killed since the invasion began in February.");
	say(add(&cs, "c", "killed", 6374, 6374, 0), "At least 6,374 "
	    "civilians are confirmed dead, according to figures published by "
	    "the OHCHR in Geneva.");
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "agreement");
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary,
	    "3 outlets, 2 independent"));
	cc_findings_release(&fs);
	/* Without the independent report: copies of one story. */
	cc_claim_release(&cs.v[--cs.n]);
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "single-source");
	ck_assert_str_eq(only(&fs)->severity, "low");
	cc_findings_release(&fs);
	/* Different wording attributed to one agency is one source too. */
	cc_claims_release(&cs);
	add(&cs, "a", "killed", 100, 100, 0)->reported_by = xstrdup("tass");
	add(&cs, "b", "killed", 100, 100, 0)->reported_by = xstrdup("tass");
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "single-source");
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary, "via tass"));
	cc_findings_release(&fs);
	cc_claims_release(&cs);
}
END_TEST

static struct cc_claim *
quote(struct cc_claims *cs, const char *outlet, const char *text)
{
	struct cc_claim	*c = add(cs, outlet, "-", 0, 0, 0);

	free(c->type);
	c->type = xstrdup("quote");
	free(c->subject);
	c->subject = NULL;
	free(c->measure);
	c->measure = NULL;
	c->value_kind = CC_VALUE_TEXT;
	free(c->text);
	c->text = xstrdup(text);
	c->speaker = xstrdup("lavrov");
	return c;
}

START_TEST(test_quotes)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };

	/* Case, contraction, curly apostrophe, punctuation: the same. */
	quote(&cs, "a", "there is always a chance");
	quote(&cs, "b", "There\xe2\x80\x99s always a chance.");
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "agreement");
	cc_findings_release(&fs);
	/* A word that changes the meaning: a variant, low. */
	quote(&cs, "c", "there is never a chance");
	cc_compare(NULL, &cs, &fs);
	ck_assert_uint_eq(fs.n, 2);
	ck_assert_str_eq(fs.v[0].kind, "variant");
	ck_assert_str_eq(fs.v[0].severity, "low");
	ck_assert_ptr_nonnull(strstr(fs.v[0].summary, "'always' vs 'never'"));
	ck_assert_uint_eq(fs.v[0].nclaims, 3);
	cc_findings_release(&fs);
	cc_claims_release(&cs);
	/* A word added is a variant; another speaker is another quote. */
	quote(&cs, "a", "we never decline invitations");
	quote(&cs, "b", "we never decline invitations to meetings");
	quote(&cs, "c", "we never decline invitations to")->speaker[0] = 'L';
	cc_compare(NULL, &cs, &fs);
	ck_assert_uint_eq(fs.n, 0);
	quote(&cs, "d", "we never decline any invitations");
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "variant");
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary, "'any'"));
	cc_findings_release(&fs);
	cc_claims_release(&cs);
}
END_TEST

static struct cc_claim *
retype(struct cc_claim *c, const char *type, const char *subject,
    const char *date)
{
	free(c->type);
	c->type = xstrdup(type);
	free(c->subject);
	c->subject = xstrdup(subject);
	free(c->time_start);
	c->time_start = xstrdup(date);
	free(c->time_end);
	c->time_end = xstrdup(date);
	return c;
}

START_TEST(test_durations)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };
	struct cc_pack		pk;
	struct cc_event		ev;
	char			*names[] = { "the war" };
	struct cc_claim		*c;

	memset(&pk, 0, sizeof pk);
	ev.id = "invasion";
	ev.date = "2022-02-24";
	ev.names = names;
	ev.nnames = 1;
	pk.events = &ev;
	pk.nevents = 1;
	/* A "ten-month-old war" three months after the invasion. */
	c = retype(add(&cs, "a", "age", 304, 304, 0), "duration", "war",
	    "2022-05-24");
	free(c->text);
	c->text = xstrdup("ten-month-old war");
	cc_compare(&pk, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "timeline");
	ck_assert_str_eq(only(&fs)->severity, "medium");
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary, "89 days before"));
	cc_findings_release(&fs);
	cc_claims_release(&cs);
	/* "eight-month-old" (243 days) six days after eight months:
	 * month-based ages are read to within a month. */
	c = retype(add(&cs, "a", "age", 243, 243, 0), "duration", "war",
	    "2022-10-30");
	free(c->text);
	c->text = xstrdup("eight-month-old war");
	/* An age of something with no reference event: nothing to say. */
	retype(add(&cs, "a", "age", 5, 5, 0), "duration", "talks",
	    "2022-10-30");
	cc_compare(&pk, &cs, &fs);
	ck_assert_uint_eq(fs.n, 0);
	cc_claims_release(&cs);
}
END_TEST

START_TEST(test_cumulative)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };

	/* One agency's count of displaced people: June 7.1m, August 6.6m. */
	retype(add(&cs, "a", "displaced", 7100000, 7100000, 0), "casualty",
	    "ukraine.civilians", "2022-06-15")->speaker = xstrdup("unhcr");
	retype(add(&cs, "b", "displaced", 6600000, 6600000, 0), "casualty",
	    "ukraine.civilians", "2022-08-20")->speaker = xstrdup("unhcr");
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "timeline");
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary, "went down"));
	cc_findings_release(&fs);
	/* Rising counts, or a lower figure from another source: fine. */
	free(cs.v[1].speaker);
	cs.v[1].speaker = xstrdup("iom");
	cc_compare(NULL, &cs, &fs);
	ck_assert_uint_eq(fs.n, 0);
	free(cs.v[1].speaker);
	cs.v[1].speaker = xstrdup("unhcr");
	cs.v[1].vmin = cs.v[1].vmax = 7400000;
	cc_compare(NULL, &cs, &fs);
	ck_assert_uint_eq(fs.n, 0);
	cc_claims_release(&cs);
}
END_TEST

static struct cc_claim *
event(struct cc_claims *cs, const char *outlet, const char *date)
{
	struct cc_claim	*c = retype(add(cs, outlet, "-", 0, 0, 0), "event",
	    "summit", date);

	free(c->measure);
	c->measure = NULL;
	c->value_kind = CC_VALUE_TEXT;
	c->vtext = xstrdup("G20");
	c->granularity = xstrdup("day");
	return c;
}

START_TEST(test_event_dates)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };

	/* "next Thursday" (2022-03-03) and "on March 3": one day. */
	event(&cs, "a", "2022-03-03");
	event(&cs, "b", "2022-03-03");
	cc_compare(NULL, &cs, &fs);
	ck_assert_uint_eq(fs.n, 0);
	/* A third outlet puts it on March 4. */
	event(&cs, "c", "2022-03-04");
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "timeline");
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary, "2022-03-04"));
	cc_findings_release(&fs);
	cc_claims_release(&cs);
	/* Months apart: another summit of the same name. */
	event(&cs, "a", "2022-03-03");
	event(&cs, "b", "2022-11-15");
	cc_compare(NULL, &cs, &fs);
	ck_assert_uint_eq(fs.n, 0);
	cc_claims_release(&cs);
}
END_TEST

START_TEST(test_sums)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };

	/* 6,374 killed + 9,776 injured = 16,150: adds up. */
	add(&cs, "a", "total", 16150, 16150, 0);
	add(&cs, "a", "killed", 6374, 6374, 0);
	add(&cs, "a", "injured", 9776, 9776, 0);
	cc_compare(NULL, &cs, &fs);
	ck_assert_uint_eq(fs.n, 0);
	cc_claims_release(&cs);
	/* 212 killed and 480 injured, "a total of 629": does not. */
	add(&cs, "a", "total", 629, 629, 0);
	add(&cs, "a", "killed", 212, 212, 0);
	add(&cs, "a", "injured", 480, 480, 0);
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "internal");
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary, "= 692"));
	cc_findings_release(&fs);
	/* The same figures in two articles are not parts of one total. */
	free(cs.v[2].article);
	cs.v[2].article = xstrdup("other-article");
	cc_compare(NULL, &cs, &fs);
	ck_assert_uint_eq(fs.n, 0);
	cc_claims_release(&cs);
}
END_TEST

static struct cc_claim *
item(struct cc_claims *cs, const char *type, size_t at, const char *sentence)
{
	struct cc_claim	*c = retype(add(cs, "a", "-", 2, 2, 0), type,
	    strcmp(type, "quantity") == 0 ? "conditions" : "unspecified",
	    "2022-10-30");

	c->ev_start = at;
	say(c, sentence);
	return c;
}

START_TEST(test_condition_count)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };

	item(&cs, "quantity", 10, "He set two conditions.");
	item(&cs, "condition", 40, "First, the West must stop.");
	item(&cs, "condition", 80, "Second, it must listen.");
	/* an "if" clause elsewhere is no item of the list */
	item(&cs, "condition", 120, "If they call, we will answer.");
	cc_compare(NULL, &cs, &fs);
	ck_assert_uint_eq(fs.n, 0);
	item(&cs, "condition", 160, "Third, sanctions must go.");
	cc_compare(NULL, &cs, &fs);
	ck_assert_str_eq(only(&fs)->kind, "internal");
	ck_assert_ptr_nonnull(strstr(only(&fs)->summary, "but 3 listed"));
	cc_findings_release(&fs);
	cc_claims_release(&cs);
}
END_TEST

START_TEST(test_stale)
{
	struct cc_claims	cs = { 0 };
	struct cc_findings	fs = { 0 };
	struct cc_compare_doc	docs[3];

	memset(docs, 0, sizeof docs);
	docs[0].name = "a-article";
	docs[0].date = "2022-10-30";
	docs[0].date_basis = "metadata";
	docs[1].name = "b-article";
	docs[1].date = "2022-11-02";
	docs[1].date_basis = "metadata";
	docs[2].name = "c-article";		/* no date of its own */
	add(&cs, "a", "killed", 6374, 6374, 0);
	add(&cs, "b", "killed", 6490, 6490, 0);
	retype(add(&cs, "c", "killed", 1500, 1500, 0), "casualty",
	    "civilians", "2022-03-20");
	ck_assert_int_eq(cc_compare_docs(NULL, &cs, docs, 3, &fs), CC_OK);
	/* (and a contradiction of the figures, high, first) */
	ck_assert_uint_eq(fs.n, 2);
	ck_assert_str_eq(fs.v[1].kind, "stale");
	ck_assert_ptr_nonnull(strstr(fs.v[1].summary, "2022-03-20"));
	cc_findings_release(&fs);
	/* Undated but current: not stale. */
	free(cs.v[2].time_start);
	cs.v[2].time_start = xstrdup("2022-10-28");
	free(cs.v[2].time_end);
	cs.v[2].time_end = xstrdup("2022-10-28");
	cc_compare_docs(NULL, &cs, docs, 3, &fs);
	ck_assert_uint_eq(fs.n, 1);
	ck_assert_str_eq(fs.v[0].kind, "contradiction");
	cc_findings_release(&fs);
	cc_claims_release(&cs);
}
END_TEST

START_TEST(test_claim_scopes)
{
	struct cc_claims	 cs = { 0 };
	struct cc_claim		*c;
	char			*sc[CC_COMPARE_MAXSCOPES];
	size_t			 n, i;

	c = add(&cs, "anews", "killed", 4318, 4318, 0);
	n = cc_compare_claim_scopes(c, sc);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(sc[0], "casualty/civilians/killed/2022-10");
	free(sc[0]);
	/* one source's count is also a cumulative one */
	c->speaker = xstrdup("ohchr");
	n = cc_compare_claim_scopes(c, sc);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(sc[1], "cumulative/civilians/killed/ohchr");
	for (i = 0; i < n; i++)
		free(sc[i]);
	c = retype(add(&cs, "wire-x", "said", 0, 0, 0), "quote", "talks",
	    "2022-10-24");
	c->value_kind = CC_VALUE_TEXT;
	c->speaker = xstrdup("lavrov");
	n = cc_compare_claim_scopes(c, sc);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(sc[0], "quote/lavrov/2022-10");
	free(sc[0]);
	c = retype(add(&cs, "wire-x", "cites", 0, 0, 0), "source", "tass",
	    "2022-10-24");
	ck_assert_uint_eq(cc_compare_claim_scopes(c, sc), 0);
	cc_claims_release(&cs);
}
END_TEST

/* A source over claims in memory, for cc_compare_run(). */
static int
src_types(void *arg, const char *const *types, struct cc_claims *out)
{
	const struct cc_claims	*cs = arg;
	size_t			 i, k;

	for (i = 0; i < cs->n; i++)
		for (k = 0; types[k] != NULL; k++)
			if (strcmp(cs->v[i].type, types[k]) == 0)
				*cc_claims_push(out) = cs->v[i];
	return CC_OK;
}

static int
src_article(void *arg, const char *name, struct cc_claims *out)
{
	const struct cc_claims	*cs = arg;
	size_t			 i;

	for (i = 0; i < cs->n; i++)
		if (strcmp(cs->v[i].article, name) == 0)
			*cc_claims_push(out) = cs->v[i];
	return CC_OK;
}

static void
src_done(void *arg, struct cc_claims *cs)
{
	(void)arg;
	free(cs->v);
	memset(cs, 0, sizeof *cs);
}

static void
same_findings(const struct cc_findings *a, const struct cc_findings *b)
{
	size_t	i;

	ck_assert_uint_eq(a->n, b->n);
	for (i = 0; i < a->n; i++) {
		ck_assert_str_eq(a->v[i].id, b->v[i].id);
		ck_assert_str_eq(a->v[i].summary, b->v[i].summary);
		ck_assert_str_eq(a->v[i].scope, b->v[i].scope);
	}
}

/*
 * An incremental run after an article is added gives what a full run
 * gives, recomputing the scopes the article touches and keeping the
 * findings of the others as they were.
 */
START_TEST(test_incremental_matches_full)
{
	struct cc_claims		cs = { 0 };
	struct cc_findings		old = { 0 }, inc = { 0 }, full = { 0 };
	struct cc_compare_doc		docs[4];
	struct cc_compare_source	src = { src_types, src_article,
					    src_done, NULL, &cs, NULL };
	struct cc_compare_opts		o;
	const char			*names[] = { "anews-article",
					    "wire-x-article", "paper-b-article",
					    "late-article" };
	size_t				i;

	memset(docs, 0, sizeof docs);
	for (i = 0; i < 4; i++) {
		docs[i].name = names[i];
		docs[i].date = "2022-10-30";
		docs[i].date_basis = "metadata";
	}
	add(&cs, "anews", "killed", 4318, 4318, 0);
	add(&cs, "wire-x", "killed", 4381, 4381, 0);
	retype(add(&cs, "anews", "injured", 10, 10, 0), "casualty",
	    "civilians", "2022-09-01");
	retype(add(&cs, "paper-b", "injured", 20, 20, 0), "casualty",
	    "civilians", "2022-09-02");
	memset(&o, 0, sizeof o);
	ck_assert_int_eq(cc_compare_run(NULL, &src, docs, 3, &o, &old),
	    CC_OK);
	ck_assert_uint_eq(old.n, 2);	/* October's and September's */
	/* mark September's: an incremental run must keep it as it was */
	for (i = 0; i < old.n; i++)
		if (strstr(old.v[i].key, "2022-09") != NULL) {
			free(old.v[i].summary);
			old.v[i].summary = xstrdup("kept");
		}

	add(&cs, "late", "killed", 4400, 4400, 0);
	docs[3].changed = 1;
	o.incremental = 1;
	o.old = &old;
	o.old_median = "2022-10-30";
	ck_assert_int_eq(cc_compare_run(NULL, &src, docs, 4, &o, &inc),
	    CC_OK);
	ck_assert_uint_eq(inc.n, 2);
	for (i = 0; i < inc.n; i++)
		if (strstr(inc.v[i].key, "2022-09") != NULL)
			ck_assert_str_eq(inc.v[i].summary, "kept");
		else	/* October's, recomputed: three reports now */
			ck_assert_uint_eq(inc.v[i].nclaims, 3);
	cc_findings_release(&inc);

	/* with nothing marked, exactly what a full run gives */
	cc_findings_release(&old);
	memset(&o, 0, sizeof o);
	cs.n--;
	cc_compare_run(NULL, &src, docs, 3, &o, &old);
	cs.n++;
	o.incremental = 1;
	o.old = &old;
	o.old_median = "2022-10-30";
	cc_compare_run(NULL, &src, docs, 4, &o, &inc);
	memset(&o, 0, sizeof o);
	cc_compare_run(NULL, &src, docs, 4, &o, &full);
	same_findings(&inc, &full);

	cc_findings_release(&old);
	cc_findings_release(&inc);
	cc_findings_release(&full);
	cc_claims_release(&cs);
}
END_TEST

static Suite *
compare_suite(void)
{
	Suite	*s = suite_create("compare");
	TCase	*tc = tcase_create("compare");

	tcase_add_test(tc, test_contradiction);
	tcase_add_test(tc, test_approx_agrees);
	tcase_add_test(tc, test_open_interval);
	tcase_add_test(tc, test_needs_two_outlets_and_one_key);
	tcase_add_test(tc, test_stable_ids);
	tcase_add_test(tc, test_statements);
	tcase_add_test(tc, test_independence);
	tcase_add_test(tc, test_quotes);
	tcase_add_test(tc, test_durations);
	tcase_add_test(tc, test_cumulative);
	tcase_add_test(tc, test_event_dates);
	tcase_add_test(tc, test_sums);
	tcase_add_test(tc, test_condition_count);
	tcase_add_test(tc, test_stale);
	tcase_add_test(tc, test_claim_scopes);
	tcase_add_test(tc, test_incremental_matches_full);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(compare_suite)
