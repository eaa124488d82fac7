/*
 * check_extract.c - extraction with the bundled rule packs: claims with
 * offsets into the stored text, boilerplate kept out, outlets and
 * document dates, and the packs' own examples.
 */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "extract.h"
#include "xmalloc.h"
#include "check_main.h"

static struct cc_pack	*pack;

static void
setup(void)
{
	ck_assert_int_eq(cc_pack_load(CC_TEST_RULES_DIR, &pack, NULL, NULL),
	    CC_OK);
}

static void
teardown(void)
{
	cc_pack_free(pack);
	pack = NULL;
}

/* Extract text as article name (published may be NULL). */
static void
run(const char *name, const char *published, const char *text,
    struct cc_article *a, struct cc_sentences *s, struct cc_claims *c)
{
	struct cc_extractor	*ex = cc_extractor_new(pack);

	cc_article_init(a);
	a->name = xstrdup(name);
	a->text = xstrdup(text);
	a->len = strlen(text);
	a->published = xstrdup_or_null(published);
	memset(s, 0, sizeof *s);
	memset(c, 0, sizeof *c);
	ck_assert_int_eq(cc_extract_article(ex, a, s, c), CC_OK);
	cc_extractor_free(ex);
}

/* The claims of one type: other packs may add statements and quotes
 * about the same sentences. */
static size_t
count_type(const struct cc_claims *c, const char *type, size_t *first)
{
	size_t	i, n = 0;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i].type, type) == 0 && n++ == 0 && first)
			*first = i;
	return n;
}

static void
done(struct cc_article *a, struct cc_sentences *s, struct cc_claims *c)
{
	cc_article_release(a);
	cc_sentences_release(s);
	cc_claims_release(c);
}

START_TEST(test_offsets_into_stored_text)
{
	/* A no-break space and curly quotes before the figure: offsets
	 * must still point into the original bytes. */
	const char		*text = "Headline\n\n\xe2\x80\x9cWe\xe2\x80\x99re "
	    "ready,\xe2\x80\x9d he said. It has about 130,000\xc2\xa0troops on "
	    "the border.\n";
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	const struct cc_claim	*k;
	size_t			 at = 0;

	run("t1", "2022-02-14", text, &a, &s, &c);
	ck_assert_uint_eq(count_type(&c, "force", &at), 1);
	k = &c.v[at];
	ck_assert_str_eq(k->type, "force");
	ck_assert_str_eq(k->measure, "troops");
	ck_assert(k->approx && k->vmin == 130000 && k->vmax == 130000);
	ck_assert_str_eq(k->text, "about 130,000\xc2\xa0troops");
	ck_assert_ptr_nonnull(strstr(text + k->ev_start, k->text));
	ck_assert_int_eq(strncmp(text + k->ev_start, "It has about", 12), 0);
	ck_assert_uint_eq(k->ev_end - k->ev_start, strlen(k->sentence));
	ck_assert_int_eq(memcmp(text + k->ev_start, k->sentence,
	    strlen(k->sentence)), 0);
	ck_assert_str_eq(k->time_start, "2022-02-14");
	ck_assert_str_eq(k->basis, "article date");
	ck_assert_str_eq(a.date_basis, "metadata");
	/* Sentences are stored with original offsets too. */
	ck_assert_uint_eq(s.v[0].start, 0);
	ck_assert_int_eq(strncmp(text + s.v[s.n - 1].start, "It has", 6), 0);
	done(&a, &s, &c);
}
END_TEST

/* A claim whose sentence nearly fills CC_SENTENCE_MAX (its strings then
 * take more than one of the extractor's 4 KB scratch chunks) keeps all
 * of it, and the claims after it, built in the same chunks again, are
 * whole too. */
START_TEST(test_claim_in_huge_sentence)
{
	struct cc_buf		 b = CC_BUF_INIT;
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	const struct cc_claim	*k;
	size_t			 i, n;

	for (i = 0; i < 137; i++)
		cc_buf_adds(&b, "the long column of vehicles, ");
	cc_buf_adds(&b, "and about 130,000 troops on the border.\n\n"
	    "It has 5,000 soldiers in the north.  Another 2,000 troops "
	    "arrived.\n");
	run("huge", "2022-02-14", b.data, &a, &s, &c);
	ck_assert_uint_eq(count_type(&c, "force", NULL), 3);
	for (i = n = 0; i < c.n; i++) {
		k = &c.v[i];
		if (strcmp(k->type, "force") != 0)
			continue;
		ck_assert_uint_eq(strlen(k->sentence), k->ev_end - k->ev_start);
		ck_assert_int_eq(memcmp(b.data + k->ev_start, k->sentence,
		    strlen(k->sentence)), 0);
		ck_assert_ptr_nonnull(strstr(k->sentence, k->text));
		ck_assert_str_eq(k->time_start, "2022-02-14");
		if (n++ == 0) {
			ck_assert(k->ev_end - k->ev_start > 4000);
			ck_assert_str_eq(k->text, "about 130,000 troops");
		}
	}
	ck_assert_str_eq(c.v[c.n - 1].text, "2,000 troops");
	cc_buf_release(&b);
	done(&a, &s, &c);
}
END_TEST

/* A claim whose rule gives it no date takes the first date of its
 * sentence, else the article's; each sentence its own, when the dates of
 * a window of sentences are found before its claims are built. */
START_TEST(test_claim_takes_first_date)
{
	static const char *const want[][2] = {
		{ "about 130,000 troops", "2022-02-14" },
		{ "90,000 troops", "2022-02-14" },
		{ "2,000 troops", "2022-03-10" },
		{ "5,000 soldiers", "2022-03-05" },
		{ "3,000 troops", "2022-03-05" },
	};
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	const struct cc_claim	*k;
	size_t			 i, n = 0;

	run("dates", "2022-03-10", "Russia had about 130,000 troops near "
	    "the border on February 14, and 90,000 troops on January 10.\n\n"
	    "Another 2,000 troops arrived, officials said.\n\n"
	    "It had 5,000 soldiers in the north on March 5, after 3,000 "
	    "troops on March 2.\n", &a, &s, &c);
	for (i = 0; i < c.n; i++) {
		k = &c.v[i];
		if (strcmp(k->type, "force") != 0)
			continue;
		ck_assert_uint_lt(n, 5);
		ck_assert_ptr_nonnull(strstr(k->text, want[n][0]));
		ck_assert_str_eq(k->time_start, want[n][1]);
		ck_assert_str_eq(k->time_end, want[n][1]);
		n++;
	}
	ck_assert_uint_eq(n, 5);
	done(&a, &s, &c);
}
END_TEST

/* A rule's trigger words count where they stand with the edges they ask
 * for: "rt" (the outlet) in "RT reported", not in "reported" or
 * "started" (the per-rule benchmark counted those). */
START_TEST(test_rule_triggered_edges)
{
	static const char	*yes = "rt reported that 40 people died.";
	static const char	*no = "it reported that the war started.";
	const struct cc_rule	*r = NULL;
	size_t			 i;

	for (i = 0; i < pack->nrules; i++)
		if (strcmp(pack->rules[i].id, "source.outlet_reports") == 0)
			r = &pack->rules[i];
	ck_assert_ptr_nonnull(r);
	ck_assert(cc_rule_triggered(r, yes, 0, strlen(yes)));
	ck_assert(!cc_rule_triggered(r, no, 0, strlen(no)));
	/* only the sentence counts: "rt" before its start does not */
	ck_assert(!cc_rule_triggered(r, yes, 3, strlen(yes)));
}
END_TEST

/* A long sentence's trigger words are read as two halves at once; a
 * claim is found wherever its words stand: at the start, across the
 * middle, at the end. */
START_TEST(test_trigger_anywhere_in_sentence)
{
	static const char fill[] = "the long column of vehicles moved "
	    "slowly along the road while residents watched from windows "
	    "and doorways in silence, ";
	struct cc_extractor	*ex = cc_extractor_new(pack);
	struct cc_buf		 b = CC_BUF_INIT;
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	size_t			 k, i, n;

	for (k = 0; k < 8 * sizeof fill; k += 7) {
		cc_buf_reset(&b);
		for (i = 0; i < k; i++)
			cc_buf_addc(&b, fill[i % (sizeof fill - 1)]);
		cc_buf_adds(&b, " about 130,000 troops ");
		for (i = k; i < 8 * sizeof fill; i++)
			cc_buf_addc(&b, fill[i % (sizeof fill - 1)]);
		cc_buf_adds(&b, "end.\n");
		cc_article_init(&a);
		a.name = xstrdup("long");
		a.text = xstrdup(b.data);
		a.len = b.len;
		a.published = xstrdup("2022-02-14");
		memset(&s, 0, sizeof s);
		memset(&c, 0, sizeof c);
		ck_assert_int_eq(cc_extract_article(ex, &a, &s, &c), CC_OK);
		n = count_type(&c, "force", &i);
		ck_assert_msg(n == 1, "troops after %zu bytes: %zu claims", k,
		    n);
		ck_assert_str_eq(c.v[i].text, "about 130,000 troops");
		done(&a, &s, &c);
	}
	cc_buf_release(&b);
	cc_extractor_free(ex);
}
END_TEST

START_TEST(test_boilerplate_yields_nothing)
{
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	size_t			 at = 0;

	run("t2", "2022-10-30", "Officials said 12 people were killed.\n"
	    "More under this ad\n\nLeave a Reply\n"
	    "Commenter: 500 people were killed, I heard.\n", &a, &s, &c);
	ck_assert_uint_eq(count_type(&c, "casualty", &at), 1);
	ck_assert(c.v[at].vmin == 12);
	done(&a, &s, &c);
}
END_TEST

/* Lines of furniture that start with any word (a photo credit, a
 * byline, a cookie banner) are found as well as those that open with
 * their own words, whatever their case. */
START_TEST(test_boilerplate_any_start)
{
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	size_t			 at = 0;

	run("t2b", "2022-10-30", "Officials said 12 people were killed.\n"
	    "Rescuers after 40 people were killed / Getty Images\n"
	    "Jane Doe is a senior reporter for the Planet; she says 30 "
	    "people were killed.\n"
	    "We use cookies: 50 people were killed.\n"
	    "SUBSCRIBE TO OUR NEWSLETTER for 60 people killed\n"
	    "Officials said 14 people were killed.\n", &a, &s, &c);
	ck_assert_uint_eq(count_type(&c, "casualty", &at), 2);
	ck_assert(c.v[at].vmin == 12);
	done(&a, &s, &c);
}
END_TEST

START_TEST(test_dateline_and_relative_day)
{
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	size_t			 i;

	run("t3", NULL, "Kremlin says talks possible\n\nA News WORLD\n"
	    "Published October 30,2022\n\n"
	    "On Monday, the UN human rights office reported civilian "
	    "casualties at 16,150, including 6,374 killed and 9,776 "
	    "injured.\n", &a, &s, &c);
	ck_assert_str_eq(a.date, "2022-10-30");
	ck_assert_int_eq(strncmp(a.date_basis, "dateline", 8), 0);
	ck_assert_str_eq(a.outlet, "anews");
	ck_assert_uint_eq(count_type(&c, "casualty", NULL), 3);
	for (i = 0; i < c.n; i++) {
		if (strcmp(c.v[i].type, "casualty") != 0)
			continue;
		ck_assert_str_eq(c.v[i].time_start, "2022-10-24");
		ck_assert_int_eq(strncmp(c.v[i].basis, "relative:", 9), 0);
		ck_assert_str_eq(c.v[i].subject, "civilians");
	}
	done(&a, &s, &c);
}
END_TEST

/* A count "since" a date holds at the article's date: the date it
 * counts from is not its time (a month key of February for every
 * cumulative toll would compare counts months apart). */
START_TEST(test_since_date_is_no_claim_time)
{
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	size_t			 k = 0;

	run("t-since", "2022-10-30", "At least 6,374 civilians have been "
	    "killed since February 24, the UN said.\n\n"
	    "The strike, which left 40 people injured, was the deadliest "
	    "in the city since 1941.\n\n"
	    "On October 3, 12 people were killed in the city.\n\n"
	    "More than 450,000 people have been displaced since the "
	    "fighting began in April.\n\n"
	    "Shelling has gone on since 2014 and on October 12 killed "
	    "nine people.\n",
	    &a, &s, &c);
	ck_assert_uint_eq(count_type(&c, "casualty", &k), 5);
	ck_assert_str_eq(c.v[k].time_start, "2022-10-30");
	ck_assert_str_eq(c.v[k].basis, "article date");
	ck_assert_str_eq(c.v[k + 1].time_start, "2022-10-30");
	/* a date that is no "since" still dates the claim */
	ck_assert_str_eq(c.v[k + 2].time_start, "2022-10-03");
	/* the date of a clause "since" opens counts nothing either */
	ck_assert_str_eq(c.v[k + 3].time_start, "2022-10-30");
	/* one after a "since" with its own date is a date again */
	ck_assert_str_eq(c.v[k + 4].time_start, "2022-10-12");
	done(&a, &s, &c);
}
END_TEST

START_TEST(test_inferred_date)
{
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;

	size_t			 at = 0;

	run("t4", NULL, "Russia is open to talks to end the eight-month-old "
	    "conflict, Lavrov said.\n", &a, &s, &c);
	ck_assert_ptr_nonnull(a.date);
	ck_assert_int_eq(strncmp(a.date_basis, "inferred", 8), 0);
	/* 2022-02-24 + 8 months: late October 2022. */
	ck_assert_int_eq(strncmp(a.date, "2022-10-2", 9), 0);
	ck_assert_str_le(a.date_min, a.date);
	ck_assert_str_ge(a.date_max, a.date);
	ck_assert_str_eq(a.outlet, "t4");	/* no marker: the file name */
	ck_assert_uint_eq(count_type(&c, "duration", &at), 1);
	ck_assert(c.v[at].vmin == 243 && c.v[at].vmax == 243);
	done(&a, &s, &c);
}
END_TEST

/* Other anchors than "N-month-old": an event said to be last month. */
START_TEST(test_inferred_from_event_last_month)
{
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;

	run("t5", NULL, "Officials in Kyiv said the annexation last month "
	    "changed nothing on the ground.\n", &a, &s, &c);
	ck_assert_ptr_nonnull(a.date);
	ck_assert_int_eq(strncmp(a.date_basis, "inferred", 8), 0);
	/* annexation 2022-09-30: written in October 2022 */
	ck_assert_str_eq(a.date_min, "2022-10-01");
	ck_assert_str_eq(a.date_max, "2022-10-31");
	ck_assert_str_ge(a.date, a.date_min);
	ck_assert_str_le(a.date, a.date_max);
	done(&a, &s, &c);
}
END_TEST

/* An event's time group is read with its sentence's tense: a visit that
 * "will" happen on a year-less date is the coming one, a summit planned
 * "in the middle of November" this year's, a past meeting last year's. */
START_TEST(test_event_time_keeps_tense)
{
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	size_t			 i, nev = 0;

	run("t6", "2022-06-16", "The president will visit Kazakhstan on "
	    "June 24, his office said.\n\n"
	    "Leaders are due to gather at the G20 summit, scheduled to take "
	    "place in Bali in the middle of November.\n\n"
	    "The two ministers met in Ankara on June 20, officials said.\n",
	    &a, &s, &c);
	for (i = 0; i < c.n; i++) {
		if (strcmp(c.v[i].type, "event") != 0)
			continue;
		nev++;
		ck_assert_ptr_nonnull(c.v[i].time_start);
		if (strcmp(c.v[i].subject, "visit") == 0)
			ck_assert_str_eq(c.v[i].time_start, "2022-06-24");
		else if (strcmp(c.v[i].subject, "summit") == 0) {
			ck_assert_str_eq(c.v[i].time_start, "2022-11-11");
			ck_assert_str_eq(c.v[i].time_end, "2022-11-20");
		} else if (strcmp(c.v[i].subject, "meeting") == 0)
			ck_assert_str_eq(c.v[i].time_start, "2021-06-20");
	}
	ck_assert_uint_ge(nev, 3);
	done(&a, &s, &c);
}
END_TEST

/* Speaker searches are remembered by their text: the same words give
 * the same speaker, other words their own. */
START_TEST(test_repeated_text_speakers)
{
	static const char *const want[] = { "Anna Berg", "Ivan Sokol",
	    "Anna Berg", "Ivan Sokol", "Anna Berg" };
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	size_t			 i, n = 0;

	run("t6b", "2022-10-25", "Anna Berg said 12 people were killed.\n\n"
	    "Ivan Sokol said 12 people were killed.\n\n"
	    "Anna Berg said 12 people were killed on Monday.\n\n"
	    "At least 12 people were killed, Ivan Sokol said.\n\n"
	    "At least 12 people were killed, Anna Berg said.\n", &a, &s, &c);
	for (i = 0; i < c.n; i++) {
		if (strcmp(c.v[i].type, "casualty") != 0)
			continue;
		ck_assert_uint_lt(n, 5);
		ck_assert_ptr_nonnull(c.v[i].speaker);
		ck_assert_str_eq(c.v[i].speaker, want[n]);
		n++;
	}
	ck_assert_uint_eq(n, 5);
	done(&a, &s, &c);
}
END_TEST

/* Entity look-ups are remembered too, in fewer places than there are
 * names here: each of 300 names still gets its own answer. */
START_TEST(test_many_speakers)
{
	struct cc_buf		 text = CC_BUF_INIT;
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	char			 want[32];
	size_t			 i, n = 0;

	/* (each figure its own: an article's repeated claim is one) */
	for (i = 0; i < 300; i++)
		if (i % 7 == 3)
			cc_buf_printf(&text, "Sergei Lavrov said %zu people "
			    "were killed.\n\n", i + 1);
		else
			cc_buf_printf(&text, "Anna Berg%c%c said %zu people "
			    "were killed.\n\n", 'a' + (int)(i / 26),
			    'a' + (int)(i % 26), i + 1);
	run("t6c", "2022-10-25", text.data, &a, &s, &c);
	for (i = 0; i < c.n; i++) {
		if (strcmp(c.v[i].type, "casualty") != 0)
			continue;
		ck_assert_uint_lt(n, 300);
		if (n % 7 == 3)
			snprintf(want, sizeof want, "lavrov");
		else
			snprintf(want, sizeof want, "Anna Berg%c%c",
			    'a' + (int)(n / 26), 'a' + (int)(n % 26));
		ck_assert_ptr_nonnull(c.v[i].speaker);
		ck_assert_str_eq(c.v[i].speaker, want);
		ck_assert(c.v[i].vmin == (double)(n + 1));
		n++;
	}
	ck_assert_uint_eq(n, 300);
	cc_buf_release(&text);
	done(&a, &s, &c);
}
END_TEST

/* "she said" is the person last named in the paragraph even when that
 * person made no claim; a place named as a subject is nobody's voice. */
START_TEST(test_pronoun_speaker_without_claim)
{
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	size_t			 i, nq = 0;

	run("t7", "2022-10-25", "Poland rejected the plan. \"We never "
	    "decline invitations to talks,\" he said.\n\n"
	    "Defence Minister Anna Berg arrived in Warsaw on Monday. "
	    "\"Our army is not ready to talk,\" she said.\n", &a, &s, &c);
	for (i = 0; i < c.n; i++) {
		if (strcmp(c.v[i].type, "quote") != 0)
			continue;
		if (nq++ == 0)
			ck_assert_ptr_null(c.v[i].speaker);
		else {
			ck_assert_ptr_nonnull(c.v[i].speaker);
			ck_assert_str_eq(c.v[i].speaker, "Anna Berg");
		}
	}
	ck_assert_uint_eq(nq, 2);
	done(&a, &s, &c);
}
END_TEST

/* The person a "she said" goes back to may be named inside the sentence
 * before, next to a say verb ("..., Anna Berg told reporters"), or at its
 * start in a sentence with no say verb at all ("Anna Berg arrived"):
 * the extractor looks for the first kind only where a say verb stands
 * (ATT_SAY_WORD), and must find both. */
START_TEST(test_pronoun_speaker_said_or_opening)
{
	static const char *const text[] = {
		"On Monday in Warsaw, Defence Minister Anna Berg told "
		    "reporters that the weather was cold. \"Our army is not "
		    "ready to talk,\" she said.\n",
		"Defence Minister Anna Berg arrived in Warsaw on Monday. "
		    "\"Our army is not ready to talk,\" she said.\n",
		"On Monday in Warsaw, the weather was cold for Anna Berg. "
		    "\"Our army is not ready to talk,\" she said.\n",
	};
	struct cc_article	 a;
	struct cc_sentences	 s;
	struct cc_claims	 c;
	size_t			 i, k, nq;

	for (k = 0; k < 3; k++) {
		run("t8", "2022-10-25", text[k], &a, &s, &c);
		for (i = 0, nq = 0; i < c.n; i++) {
			if (strcmp(c.v[i].type, "quote") != 0)
				continue;
			nq++;
			/* the third names her in no way ATT_SPEAKER reads */
			if (k < 2) {
				ck_assert_ptr_nonnull(c.v[i].speaker);
				ck_assert_str_eq(c.v[i].speaker, "Anna Berg");
			} else
				ck_assert_ptr_null(c.v[i].speaker);
		}
		ck_assert_uint_eq(nq, 1);
		done(&a, &s, &c);
	}
}
END_TEST

/* The articles of test_batch_same_as_one_by_one(): a long one between
 * two short ones, so the batch's sentences fill more than one window of
 * the extractor and a window ends inside an article; then one of more
 * text than the extractor reads at once (half a megabyte), which it
 * reads alone. */
#define NBATCH	4

static char *
batch_text(size_t k)
{
	struct cc_buf	b = CC_BUF_INIT;
	size_t		i;

	if (k == 0)
		return xstrdup("Defence Minister Anna Berg arrived in Warsaw "
		    "on Monday. \"We are ready to talk,\" she said.\n");
	if (k == 2)
		return xstrdup("\"We never decline invitations to talks,\" "
		    "he said. At least 7 people were killed on Tuesday.\n");
	for (i = 0; i < (k == 1 ? 2500 : 7000); i++)
		cc_buf_printf(&b, "Ivan Sokol met officials in Kyiv. He said "
		    "%zu people were killed on Monday.\n\n", 100 + i);
	return cc_buf_detach(&b, NULL);
}

/* Claims (and sentences) of articles extracted together are those of
 * the same articles extracted one by one: nothing of one article's
 * matches or speakers leaks into another's. */
START_TEST(test_batch_same_as_one_by_one)
{
	struct cc_extractor	*ex = cc_extractor_new(pack);
	struct cc_extract_job	 job[NBATCH];
	struct cc_article	 a1[NBATCH], a2[NBATCH];
	struct cc_sentences	 s1[NBATCH], s2[NBATCH];
	struct cc_claims	 c1[NBATCH], c2[NBATCH];
	struct cc_buf		 j1 = CC_BUF_INIT, j2 = CC_BUF_INIT;
	size_t			 k, i, nsent = 0;

	for (k = 0; k < NBATCH; k++) {
		cc_article_init(&a1[k]);
		cc_article_init(&a2[k]);
		a1[k].name = xasprintf("b%zu", k);
		a2[k].name = xasprintf("b%zu", k);
		a1[k].text = batch_text(k);
		a2[k].text = batch_text(k);
		a1[k].len = a2[k].len = strlen(a1[k].text);
		a1[k].published = xstrdup("2022-10-25");
		a2[k].published = xstrdup("2022-10-25");
		memset(&s1[k], 0, sizeof s1[k]);
		memset(&s2[k], 0, sizeof s2[k]);
		memset(&c1[k], 0, sizeof c1[k]);
		memset(&c2[k], 0, sizeof c2[k]);
		ck_assert_int_eq(cc_extract_article(ex, &a1[k], &s1[k], &c1[k]),
		    CC_OK);
		job[k].a = &a2[k];
		job[k].sents = &s2[k];
		job[k].out = &c2[k];
		nsent += s1[k].n;
	}
	ck_assert_uint_gt(nsent, 2 * 2048);
	ck_assert_uint_gt(a1[3].len, 512 * 1024);
	ck_assert_int_eq(cc_extract_batch(ex, job, NBATCH), CC_OK);
	for (k = 0; k < NBATCH; k++) {
		ck_assert_uint_gt(c1[k].n, 0);
		ck_assert_uint_eq(c2[k].n, c1[k].n);
		for (i = 0; i < c1[k].n; i++) {
			cc_buf_reset(&j1);
			cc_buf_reset(&j2);
			cc_claim_json(&c1[k].v[i], &j1);
			cc_claim_json(&c2[k].v[i], &j2);
			ck_assert_str_eq(j2.data, j1.data);
		}
		ck_assert_uint_eq(s2[k].n, s1[k].n);
		for (i = 0; i < s1[k].n; i++) {
			ck_assert_uint_eq(s2[k].v[i].start, s1[k].v[i].start);
			ck_assert_uint_eq(s2[k].v[i].end, s1[k].v[i].end);
		}
		ck_assert_str_eq(a2[k].date, a1[k].date);
	}
	/* the long article's last claim: its own speaker, across windows */
	for (i = c2[1].n; i-- > 0; )
		if (strcmp(c2[1].v[i].type, "casualty") == 0)
			break;
	ck_assert_uint_lt(i, c2[1].n);
	ck_assert_ptr_nonnull(c2[1].v[i].speaker);
	ck_assert_str_eq(c2[1].v[i].speaker, "Ivan Sokol");
	ck_assert_double_eq(c2[1].v[i].vmin, 2599);
	/* the last article's "he" is nobody: no one is named in it */
	for (i = 0; i < c2[2].n; i++)
		if (strcmp(c2[2].v[i].type, "quote") == 0)
			ck_assert_ptr_null(c2[2].v[i].speaker);
	for (k = 0; k < NBATCH; k++) {
		done(&a1[k], &s1[k], &c1[k]);
		done(&a2[k], &s2[k], &c2[k]);
	}
	cc_buf_release(&j1);
	cc_buf_release(&j2);
	cc_extractor_free(ex);
}
END_TEST

/* A sentence whose text came before takes the rule matches remembered
 * for it: the claims are those of a search, dated and attributed in
 * their own article; a sentence of the same length but other words is
 * searched again (its troops are tourists). */
START_TEST(test_repeated_sentences_remembered)
{
	static const char *const text[2] = {
		"Sergei Lavrov said on Monday that 5,000 troops arrived.\n\n"
		"At least 12 people were killed in the city, officials said.\n\n"
		"Dmitry Peskov said 7,000 troops had arrived.\n",
		"Sergei Lavrov said on Monday that 5,000 troops arrived.\n\n"
		"At least 12 people were killed in the city, officials said.\n\n"
		"Dmitry Peskov said 7,000 tourists have left.\n",
	};
	static const char *const date[2] = { "2022-10-25", "2022-11-02" };
	struct cc_extractor	*ex[2];
	struct cc_article	 a[2][2];
	struct cc_sentences	 s[2][2];
	struct cc_claims	 c[2][2];
	struct cc_buf		 j1 = CC_BUF_INIT, j2 = CC_BUF_INIT;
	size_t			 e, k, i;

	ex[0] = cc_extractor_new(pack);
	ex[1] = cc_extractor_new(pack);
	cc_extractor_remember(ex[1], 0);
	for (e = 0; e < 2; e++)
		for (k = 0; k < 2; k++) {
			cc_article_init(&a[e][k]);
			a[e][k].name = xasprintf("r%zu", k);
			a[e][k].text = xstrdup(text[k]);
			a[e][k].len = strlen(text[k]);
			a[e][k].published = xstrdup(date[k]);
			memset(&s[e][k], 0, sizeof s[e][k]);
			memset(&c[e][k], 0, sizeof c[e][k]);
			ck_assert_int_eq(cc_extract_article(ex[e], &a[e][k],
			    &s[e][k], &c[e][k]), CC_OK);
		}
	ck_assert_uint_eq(c[0][0].n, 3);
	ck_assert_uint_eq(c[0][1].n, 2);	/* tourists are no troops */
	for (k = 0; k < 2; k++) {
		ck_assert_uint_eq(c[0][k].n, c[1][k].n);
		for (i = 0; i < c[0][k].n; i++) {
			cc_buf_reset(&j1);
			cc_buf_reset(&j2);
			cc_claim_json(&c[0][k].v[i], &j1);
			cc_claim_json(&c[1][k].v[i], &j2);
			ck_assert_str_eq(j1.data, j2.data);
		}
	}
	/* each article's own Monday */
	ck_assert_str_eq(c[0][0].v[0].time_start, "2022-10-24");
	ck_assert_str_eq(c[0][1].v[0].time_start, "2022-10-31");
	ck_assert_double_eq(c[0][0].v[2].vmin, 7000);
	/* Memory cleared and used again (each run of extract-bench starts
	 * so): the same claims, the sentences remembered anew. */
	for (e = 0; e < 2; e++) {
		cc_extractor_remember(ex[0], 1);
		done(&a[1][1], &s[1][1], &c[1][1]);
		cc_article_init(&a[1][1]);
		a[1][1].name = xstrdup("r1");
		a[1][1].text = xstrdup(text[1]);
		a[1][1].len = strlen(text[1]);
		a[1][1].published = xstrdup(date[1]);
		ck_assert_int_eq(cc_extract_article(ex[0], &a[1][1],
		    &s[1][1], &c[1][1]), CC_OK);
		ck_assert_uint_eq(c[1][1].n, c[0][1].n);
		for (i = 0; i < c[0][1].n; i++) {
			cc_buf_reset(&j1);
			cc_buf_reset(&j2);
			cc_claim_json(&c[0][1].v[i], &j1);
			cc_claim_json(&c[1][1].v[i], &j2);
			ck_assert_str_eq(j1.data, j2.data);
		}
	}
	for (e = 0; e < 2; e++)
		for (k = 0; k < 2; k++)
			done(&a[e][k], &s[e][k], &c[e][k]);
	cc_buf_release(&j1);
	cc_buf_release(&j2);
	cc_extractor_free(ex[0]);
	cc_extractor_free(ex[1]);
}
END_TEST

START_TEST(test_pack_examples_pass)
{
	unsigned	npass = 0, nfail = 0;

	cc_extract_check_examples(pack, NULL, NULL, &npass, &nfail);
	ck_assert_uint_gt(npass, 10);
	ck_assert_uint_eq(nfail, 0);
}
END_TEST

static Suite *
extract_suite(void)
{
	Suite	*s = suite_create("extract");
	TCase	*tc = tcase_create("extract");

	/* Each test loads the whole rule pack and JIT-compiles what it
	 * runs: under ASan on a loaded machine test_batch_same_as_one_by_one
	 * outlasted Check's 4 s default once (a hang guard, not a speed
	 * test). */
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_offsets_into_stored_text);
	tcase_add_test(tc, test_claim_in_huge_sentence);
	tcase_add_test(tc, test_claim_takes_first_date);
	tcase_add_test(tc, test_rule_triggered_edges);
	tcase_add_test(tc, test_trigger_anywhere_in_sentence);
	tcase_add_test(tc, test_boilerplate_yields_nothing);
	tcase_add_test(tc, test_boilerplate_any_start);
	tcase_add_test(tc, test_repeated_text_speakers);
	tcase_add_test(tc, test_many_speakers);
	tcase_add_test(tc, test_dateline_and_relative_day);
	tcase_add_test(tc, test_since_date_is_no_claim_time);
	tcase_add_test(tc, test_inferred_date);
	tcase_add_test(tc, test_inferred_from_event_last_month);
	tcase_add_test(tc, test_event_time_keeps_tense);
	tcase_add_test(tc, test_pronoun_speaker_without_claim);
	tcase_add_test(tc, test_pronoun_speaker_said_or_opening);
	tcase_add_test(tc, test_batch_same_as_one_by_one);
	tcase_add_test(tc, test_repeated_sentences_remembered);
	tcase_add_test(tc, test_pack_examples_pass);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(extract_suite)
