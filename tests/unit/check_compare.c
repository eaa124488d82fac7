/*
 * check_compare.c - the comparison pass: numeric claims with one key from
 * different outlets agree or contradict as intervals; ids are stable.
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
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(compare_suite)
