/*
 * check_entity.c - the entity recognizer with the real claims/ packs:
 * aliases and titles resolve to ids, case and word boundaries hold, the
 * longest alias wins, near-miss spellings are variants and ordinary words
 * are not, the seed articles yield the people and bodies they name, and
 * hostile input stays fast.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check_main.h"
#include "entity.h"
#include "pack.h"
#include "text.h"
#include "xmalloc.h"

#define MAXM	256

/* Loaded once per test case (an unchecked fixture): forked tests share
 * it read-only, and compiling the packs is the slow part. */
static struct cc_pack	*pack;
static const struct cc_entities *ents;

static void
setup(void)
{
	unsigned	nerr = 0;

	/* Problems in the packs are printed, so a failure says which. */
	ck_assert_int_eq(cc_pack_load(CC_TEST_RULES_DIR, &pack,
	    cc_diag_print_error, &nerr), CC_OK);
	ents = pack->entities;
}

static void
teardown(void)
{
	cc_pack_free(pack);
	pack = NULL;
	ents = NULL;
}

/* Scan NUL-terminated s into m. */
static size_t
scan(const char *s, struct cc_entity_mention *m)
{
	return cc_entity_scan(ents, s, strlen(s), m, MAXM);
}

/* The mentions of s as "id[text]" or "id[text]~variant_of", joined by
 * spaces, into a static buffer: one string a test compares whole. */
static const char *
mentions(const char *s)
{
	static char			 buf[4096];
	struct cc_entity_mention	 m[MAXM];
	size_t				 n = scan(s, m), i, at = 0;

	buf[0] = '\0';
	for (i = 0; i < n && at < sizeof buf; i++)
		at += (size_t)snprintf(buf + at, sizeof buf - at,
		    "%s%s[%.*s]%s%s", i ? " " : "", m[i].id,
		    (int)(m[i].end - m[i].start), s + m[i].start,
		    m[i].variant_of ? "~" : "",
		    m[i].variant_of ? m[i].variant_of : "");
	return buf;
}

static const char *
lookup(const char *s)
{
	return cc_entity_lookup(ents, s, strlen(s));
}

/* Read a seed article and fold it. */
static void
seed_fold(const char *name, struct cc_fold *f)
{
	const char	*top = getenv("top_srcdir");
	char		 path[PATH_MAX];
	FILE		*fp;
	char		*buf;
	long		 n;

	snprintf(path, sizeof path, "%s/articles/%s", top ? top : ".", name);
	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "%s: %s", path, strerror(errno));
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = xmalloc((size_t)n + 1);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	cc_fold(buf, (size_t)n, f);
	free(buf);
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Aliases.
 */

START_TEST(test_aliases_resolve)
{
	static const char *const cases[][2] = {
		{ "Sergei Lavrov", "lavrov" },
		{ "Sergey Lavrov", "lavrov" },
		{ "Lavrov", "lavrov" },
		{ "Russian Foreign Minister Sergei Lavrov", "lavrov" },
		{ "Russian foreign minister Sergei Lavrov", "lavrov" },
		{ "Foreign Minister Sergey Lavrov", "lavrov" },
		{ "Russia's foreign minister", "lavrov" },
		{ "Russia's top diplomat", "lavrov" },
		{ "the Russian foreign minister", "lavrov" },
		{ "the foreign minister of Russia", "lavrov" },
		{ "Vladimir Putin's foreign minister", "lavrov" },
		{ "Vladimir Putin's top diplomat", "lavrov" },
		{ "Vladimir Putin", "putin" },
		{ "Russian President Vladimir Putin", "putin" },
		{ "President Putin", "putin" },
		{ "Dmitry Peskov", "peskov" },
		{ "Kremlin spokesman", "peskov" },
		{ "Kremlin spokesperson Dmitry Peskov", "peskov" },
		{ "Putin's spokesman", "peskov" },
		{ "Putin's spokesman Dmitry Peskov", "peskov" },
		{ "Volodymyr Zelensky", "zelensky" },
		{ "Zelenskyy", "zelensky" },
		{ "Ukrainian President Volodymyr Zelenskiy", "zelensky" },
		{ "Joe Biden", "biden" },
		{ "Olaf Scholz", "scholz" },
		{ "German Chancellor Olaf Scholz", "scholz" },
		{ "French president Emmanuel Macron", "macron" },
		{ "Recep Tayyip Erdogan", "erdogan" },
		{ "Turkish President Tayyip Erdogan", "erdogan" },
		{ "White House national security spokesperson John Kirby",
		    "kirby" },
		{ "Ned Price", "price" },
		{ "defence minister Sergei Shoigu", "shoigu" },
		{ "Secretary of State Antony Blinken", "blinken" },
		{ "NATO Secretary General Jens Stoltenberg", "stoltenberg" },
		{ "Chinese President Xi Jinping", "xi" },
		{ "the Office of the UN High Commissioner for Human Rights",
		    "ohchr" },
		{ "OHCHR", "ohchr" },
		{ "the UN human rights office", "ohchr" },
		{ "the United Nations", "un" },
		{ "NATO", "nato" },
		{ "Nato", "nato" },
		{ "the Kremlin", "kremlin" },
		{ "the White House", "white_house" },
		{ "the US State Department", "state_department" },
		{ "the EU", "eu" },
		{ "TASS", "tass" },
		{ "Reuters", "reuters" },
		{ "Ria Novosti", "ria-novosti" },
		{ "Newsweek", "newsweek" },
		{ "Kyiv", "kyiv" },
		{ "Kiev", "kyiv" },
		{ "Ukraine", "ukraine" },
		{ "Russia", "russia" },
		{ "Moscow", "moscow" },
		{ "Belarus", "belarus" },
		{ "Kazakhstan", "kazakhstan" },
		{ "Turkey", "turkey" },
		{ "Türkiye", "turkey" },
		{ "Indonesia", "indonesia" },
		{ "Crimea", "crimea" },
		{ "Donetsk", "donetsk" },
		{ "Luhansk", "luhansk" },
		{ "Kherson", "kherson" },
		{ "Zaporizhzhia", "zaporizhzhia" },
		{ "the US", "us" },
		{ "the United States", "us" },
		{ "U.S.", "us" },
		{ "Washington", "us" },
	};
	size_t	i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *id = lookup(cases[i][0]);

		ck_assert_msg(id != NULL && strcmp(id, cases[i][1]) == 0,
		    "'%s' -> %s, want %s", cases[i][0], id ? id : "NULL",
		    cases[i][1]);
	}
	ck_assert_ptr_null(lookup("the foreign minister"));
	ck_assert_ptr_null(lookup("he said"));
	ck_assert_ptr_null(lookup(""));
	ck_assert_str_eq(cc_entity_name(ents, "lavrov"), "Sergei Lavrov");
	ck_assert_str_eq(cc_entity_kind(ents, "ohchr"), "org");
	ck_assert_ptr_null(cc_entity_name(ents, "nobody"));
}
END_TEST

START_TEST(test_title_and_name_is_one_mention)
{
	ck_assert_str_eq(mentions("Russian Foreign Minister Sergei Lavrov "
	    "said."), "lavrov[Russian Foreign Minister Sergei Lavrov]");
	ck_assert_str_eq(mentions("On Monday, the Office of the UN High "
	    "Commissioner for Human Rights (OHCHR) reported"),
	    "ohchr[the Office of the UN High Commissioner for Human Rights] "
	    "ohchr[OHCHR]");
	ck_assert_str_eq(mentions("Ned Price, the US State Department "
	    "spokesman, said"), "price[Ned Price] state_department[the US "
	    "State Department]");
	/* Longest first, even when a shorter alias starts at the same word. */
	ck_assert_str_eq(mentions("the Washington Post and Washington"),
	    "washingtonpost[Washington Post] us[Washington]");
}
END_TEST

START_TEST(test_title_before_a_name_is_that_names_title)
{
	/* A bare title stands for the 2022 office holder ... */
	ck_assert_str_eq(mentions("the Russian president said"),
	    "putin[the Russian president]");
	/* ... unless a name follows: then the title is that person's. */
	ck_assert_str_eq(mentions("former Russian president Dmitry Medvedev "
	    "said"), "medvedev[former Russian president Dmitry Medvedev]");
	ck_assert_str_eq(mentions("Russian president Dmitry Medvedev"),
	    "medvedev[Dmitry Medvedev]");
}
END_TEST

START_TEST(test_case_and_possessives)
{
	ck_assert_str_eq(mentions("LAVROV SAYS RUSSIA READY"),
	    "lavrov[LAVROV] russia[RUSSIA]");
	ck_assert_str_eq(mentions("Lavrov's comments and Nato's expansion"),
	    "lavrov[Lavrov] nato[Nato]");
	ck_assert_str_eq(mentions("Zelenskyy's decree"), "zelensky[Zelenskyy]");
	ck_assert_str_eq(mentions("RUSSIA'S FOREIGN MINISTER spoke"),
	    "lavrov[RUSSIA'S FOREIGN MINISTER]");
	/* Capitalized alias words need a capital: common words stay. */
	ck_assert_str_eq(mentions("the price of a turkey rose, Price said"),
	    "price[Price]");
	/* Short acronyms match exactly: the pronoun is not the country. */
	ck_assert_str_eq(mentions("let us talk to the US and the UN"),
	    "us[the US] un[UN]");
}
END_TEST

START_TEST(test_word_boundaries)
{
	ck_assert_str_eq(mentions("Russian troops near Kievan Rus sites"), "");
	ck_assert_str_eq(mentions("Prussia and Russians"), "");
	/* The last word of a long alias ends on a boundary too: plural
	 * ministers are not Lavrov. */
	ck_assert_str_eq(mentions("Russia's foreign ministers met"),
	    "russia[Russia]");
	ck_assert_str_eq(mentions("Russia-Ukraine war"),
	    "russia[Russia] ukraine[Ukraine]");
	ck_assert_str_eq(mentions("(Kyiv)"), "kyiv[Kyiv]");
	ck_assert_str_eq(mentions("Kyiv\xe2\x80\xa6 Moscow"),
	    "kyiv[Kyiv] moscow[Moscow]");
	ck_assert_str_eq(mentions("Kyiv\xc3\xa9 Moscow"), "moscow[Moscow]");
	/* Words glued by scraping still come apart. */
	ck_assert_str_eq(mentions("the Russian state televisionRia Novosti"),
	    "ria-novosti[Ria Novosti]");
	ck_assert_str_eq(mentions("the expansion of NATOneeds to stop"),
	    "nato[NATO]");
	ck_assert_str_eq(mentions("McKyiv and iKyiv"), "");
}
END_TEST

/*
 * Variants.
 */

START_TEST(test_variant_pair)
{
	struct cc_entity_mention	m[4];
	const char			*s = "German Chancellor Olaf Schultz "
					    "arrived in Ukraine";

	ck_assert_uint_eq(scan(s, m), 2);
	ck_assert_str_eq(m[0].id, "scholz");
	ck_assert_ptr_nonnull(m[0].variant_of);
	ck_assert_str_eq(m[0].variant_of, "Olaf Scholz");
	ck_assert_uint_eq(m[0].start, 18);
	ck_assert_uint_eq(m[0].end, 30);
	ck_assert_str_eq(m[1].id, "ukraine");
	ck_assert_ptr_null(m[1].variant_of);

	ck_assert_uint_eq(scan("Olaf Scholz arrived", m), 1);
	ck_assert_str_eq(m[0].id, "scholz");
	ck_assert_ptr_null(m[0].variant_of);
	ck_assert_str_eq(lookup("Olaf Schultz"), "scholz");
	ck_assert_str_eq(mentions("President Vladimir Puttin met"),
	    "putin[Vladimir Puttin]~Vladimir Putin");
}
END_TEST

START_TEST(test_known_spellings_are_not_variants)
{
	/* Listed transliterations are names, not misspellings. */
	ck_assert_str_eq(mentions("Zelenskiy and Sergey Lavrov in Kiev"),
	    "zelensky[Zelenskiy] lavrov[Sergey Lavrov] kyiv[Kiev]");
}
END_TEST

START_TEST(test_variant_single_word)
{
	/* Mid-sentence, alone or after a known title. */
	ck_assert_str_eq(mentions("talks with Lavrof ended"),
	    "lavrov[Lavrof]~Sergei Lavrov");
	ck_assert_str_eq(mentions("he said Chancellor Scholtz would go"),
	    "scholz[Scholtz]~Olaf Scholz");
	/* Another person's name, a sentence start, a longer name, a
	 * distance beyond the bound: none of them is a variant. */
	ck_assert_str_eq(mentions("he met Martin Scholtz there"), "");
	ck_assert_str_eq(mentions("Lavrof said."), "");
	ck_assert_str_eq(mentions("the Lavrof Institute"), "");
	ck_assert_str_eq(mentions("he met Schultz there"), "");
	/* In a pair too, the misspelled word keeps its first letter. */
	ck_assert_str_eq(mentions("he met Joe Aiden there"), "");
	ck_assert_str_eq(mentions("he met Joe Bidne there"),
	    "biden[Joe Bidne]~Joe Biden");
}
END_TEST

START_TEST(test_common_words_are_never_variants)
{
	static const char *const words[] = {
		"Russian", "Russians", "Prussia", "Crimean", "Indonesian",
		"Ukrainian", "Belarusian", "Kazakh", "Turkish", "Georgian",
		"Israeli", "German", "Putinism", "Macrons", "Bidens",
		"Moscovites", "Europeans",
		/* A misspelling keeps its first letter: Aiden is not Biden. */
		"Aiden", "Rutin",
	};
	char	buf[128];
	size_t	i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		snprintf(buf, sizeof buf, "and the %s said", words[i]);
		ck_assert_msg(strcmp(mentions(buf), "") == 0, "%s: %s",
		    words[i], mentions(buf));
		snprintf(buf, sizeof buf, "the %s", words[i]);
		ck_assert_msg(strcmp(mentions(buf), "") == 0, "%s: %s",
		    words[i], mentions(buf));
	}
	/* Lower case is never a name. */
	ck_assert_str_eq(mentions("the scholtz and lavrof"), "");
}
END_TEST

START_TEST(test_variant_tie_is_no_match)
{
	struct cc_entities		*t = cc_entities_new();
	struct cc_entity_mention	 m[4];
	struct cc_diag			 d;
	const char			*s = "he met Karlssen there";

	cc_diag_clear(&d);
	ck_assert_int_eq(cc_entities_add(t, "a", "Karlsson", "person", NULL,
	    0, &d), CC_OK);
	ck_assert_int_eq(cc_entities_add(t, "b", "Karlsen", "person", NULL,
	    0, &d), CC_OK);
	cc_entities_seal(t);
	ck_assert_uint_eq(cc_entity_scan(t, s, strlen(s), m, 4), 0);
	/* Known names in a new combination are another person, not a
	 * misspelling: "Anna Borg" is not "Anna Berg" when Borg is known. */
	ck_assert_int_eq(cc_entities_add(t, "berg", "Anna Berg", "person",
	    NULL, 0, &d), CC_OK);
	cc_entities_seal(t);
	ck_assert_uint_eq(cc_entity_scan(t, "he met Anna Borg", 16, m, 4), 1);
	ck_assert_ptr_nonnull(m[0].variant_of);
	ck_assert_int_eq(cc_entities_add(t, "borg", "Hanna Borg", "person",
	    NULL, 0, &d), CC_OK);
	cc_entities_seal(t);
	ck_assert_uint_eq(cc_entity_scan(t, "he met Anna Borg", 16, m, 4), 0);
	/* Organizations get no variants. */
	ck_assert_int_eq(cc_entities_add(t, "c", "Gazprom", "org", NULL, 0,
	    &d), CC_OK);
	cc_entities_seal(t);
	ck_assert_uint_eq(cc_entity_scan(t, "he met Gazprum there", 20, m,
	    4), 0);
	ck_assert_uint_eq(cc_entity_scan(t, "he met Gazprom there", 20, m,
	    4), 1);
	cc_entities_free(t);
}
END_TEST

/*
 * The table.
 */

START_TEST(test_add_errors_leave_table_unchanged)
{
	struct cc_entities		*t = cc_entities_new();
	struct cc_entity_mention	 m[4];
	struct cc_diag			 d;
	char				*ok[] = { "(Jo|Joanna) Doe", "Doe" };
	char				*clash[] = { "Doe" };
	char				*open[] = { "(Sergei|Sergey Lavrov" };
	char				*empty[] = { "( )" };
	char				*many[] = {
	    "(a|b|c|d|e|f|g|h) (a|b|c|d|e|f|g|h) (a|b|c|d|e|f|g|h)" };

	cc_diag_clear(&d);
	ck_assert_int_eq(cc_entities_add(t, "doe", "Jane Doe", "person", ok,
	    2, &d), CC_OK);
	ck_assert_int_eq(cc_entities_add(t, "doe", "John Roe", "person",
	    NULL, 0, &d), CC_ERULE);
	ck_assert_ptr_nonnull(strstr(d.msg, "duplicate entity id"));
	ck_assert_int_eq(cc_entities_add(t, "x", "X Y", "person", clash, 1,
	    &d), CC_ERULE);
	ck_assert_ptr_nonnull(strstr(d.msg, "already names 'doe'"));
	ck_assert_int_eq(cc_entities_add(t, "x", "X Y", "person", open, 1,
	    &d), CC_ERULE);
	ck_assert_ptr_nonnull(strstr(d.msg, "unbalanced"));
	ck_assert_int_eq(cc_entities_add(t, "x", "X Y", "person", empty, 1,
	    &d), CC_ERULE);
	ck_assert_ptr_nonnull(strstr(d.msg, "empty alias"));
	ck_assert_int_eq(cc_entities_add(t, "x", "X Y", "person", many, 1,
	    &d), CC_ERULE);
	ck_assert_ptr_nonnull(strstr(d.msg, "too many"));
	ck_assert_int_eq(cc_entities_add(t, "", "X Y", "person", NULL, 0,
	    &d), CC_ERULE);
	/* Unsealed, the table finds nothing; sealed, only what was added. */
	ck_assert_uint_eq(cc_entity_scan(t, "Jo Doe", 6, m, 4), 0);
	cc_entities_seal(t);
	ck_assert_uint_eq(cc_entity_scan(t, "Jo Doe, X Y", 11, m, 4), 1);
	ck_assert_str_eq(m[0].id, "doe");
	ck_assert_uint_eq(m[0].end, 6);
	ck_assert_ptr_null(cc_entity_lookup(t, "X Y", 3));
	ck_assert_str_eq(cc_entity_lookup(t, "Joanna Doe", 10), "doe");
	cc_entities_free(t);
	cc_entities_free(NULL);
}
END_TEST

/*
 * Seed articles.
 */

struct seed_case {
	const char	*file;
	const char	*ids[16];	/* must be found */
	const char	*variant;	/* id found as a variant, or NULL */
	const char	*variant_text;
};

static const struct seed_case	seeds[] = {
	{ "000_7f926deca285de3e.txt", { "lavrov", "putin", "biden", "erdogan",
	    "zelensky", "kirby", "us", "turkey", "indonesia", "kazakhstan",
	    "moscow", "west", "g20", NULL }, NULL, NULL },
	/* 001 names Putin only inside titles of Lavrov and Peskov. */
	{ "001_d50673e553b10579.txt", { "lavrov", "peskov", "price",
	    "tass", "newsweek", "reuters", "ria-novosti", "nato",
	    "state_department", "us", "kyiv", "ukraine", NULL }, NULL, NULL },
	{ "002_f30bab9b3328fd64.txt", { "lavrov", "putin", "kremlin", "nato",
	    "us", "ukraine", "moscow", "china", NULL }, "scholz",
	    "Olaf Schultz" },
	{ "003_f9095a6aa4cb8e46.txt", { "ohchr", "zelensky", "peskov",
	    "lavrov", "putin", "biden", "tass", "kyiv", "us", "brussels",
	    "anews", NULL }, NULL, NULL },
	{ "004_8eba0c943fff7caa.txt", { "lavrov", "putin", "biden", "macron",
	    "scholz", "shoigu", "nato", "belarus", "kyiv", "moscow",
	    "allnewshouse", NULL }, NULL, NULL },
};

START_TEST(test_seed_articles)
{
	const struct seed_case		*sc = &seeds[_i];
	struct cc_entity_mention	 m[MAXM];
	struct cc_fold			 f;
	size_t				 n, i, k, nvar = 0;
	int				 found;

	seed_fold(sc->file, &f);
	n = cc_entity_scan(ents, f.s, f.len, m, MAXM);
	ck_assert_uint_lt(n, MAXM);
	for (k = 0; sc->ids[k] != NULL; k++) {
		found = 0;
		for (i = 0; i < n; i++)
			found |= strcmp(m[i].id, sc->ids[k]) == 0;
		ck_assert_msg(found, "%s: %s not found", sc->file, sc->ids[k]);
	}
	for (i = 0; i < n; i++) {
		ck_assert_uint_lt(m[i].start, m[i].end);
		ck_assert_uint_le(m[i].end, f.len);
		if (i > 0)
			ck_assert_uint_le(m[i - 1].end, m[i].start);
		if (m[i].variant_of == NULL)
			continue;
		nvar++;
		ck_assert_ptr_nonnull(sc->variant);
		ck_assert_str_eq(m[i].id, sc->variant);
		ck_assert_str_eq(m[i].variant_of, m[i].name);
		ck_assert_uint_eq(m[i].end - m[i].start,
		    strlen(sc->variant_text));
		ck_assert(memcmp(f.s + m[i].start, sc->variant_text,
		    strlen(sc->variant_text)) == 0);
	}
	ck_assert_uint_eq(nvar, sc->variant ? 1 : 0);
	cc_fold_release(&f);
}
END_TEST

START_TEST(test_seed_003_ohchr_span)
{
	struct cc_entity_mention	 m[MAXM];
	struct cc_fold			 f;
	const char			*want = "the Office of the UN High "
					    "Commissioner for Human Rights";
	size_t				 n, i;
	int				 found = 0;

	seed_fold("003_f9095a6aa4cb8e46.txt", &f);
	n = cc_entity_scan(ents, f.s, f.len, m, MAXM);
	for (i = 0; i < n; i++)
		if (strcmp(m[i].id, "ohchr") == 0 &&
		    m[i].end - m[i].start == strlen(want) &&
		    memcmp(f.s + m[i].start, want, strlen(want)) == 0)
			found = 1;
	ck_assert(found);
	cc_fold_release(&f);
}
END_TEST

/*
 * Hostile input.
 */

START_TEST(test_empty_and_full_output)
{
	struct cc_entity_mention	 m[4];
	char				*s;
	size_t				 i;

	ck_assert_uint_eq(cc_entity_scan(ents, "", 0, m, 4), 0);
	ck_assert_uint_eq(cc_entity_scan(ents, "Lavrov", 6, m, 0), 0);
	ck_assert_ptr_null(cc_entity_lookup(ents, "", 0));
	/* More mentions than room: stops at max, never writes past it. */
	s = xmalloc(7 * 1000 + 1);
	for (i = 0; i < 1000; i++)
		memcpy(s + 7 * i, "Lavrov ", 7);
	ck_assert_uint_eq(cc_entity_scan(ents, s, 7000, m, 4), 4);
	ck_assert_uint_eq(m[3].start, 21);
	ck_assert_str_eq(cc_entity_lookup(ents, s, 7000), "lavrov");
	free(s);
	/* Invalid UTF-8 and stray bytes are not words. */
	ck_assert_uint_eq(cc_entity_scan(ents, "\xff\xfeKyiv\x80", 7, m, 4),
	    1);
	ck_assert_uint_eq(m[0].start, 2);
}
END_TEST

START_TEST(test_megabyte_of_capitals_is_fast)
{
	/* Capitalized words near known names, alone and in pairs, that
	 * are none: every one goes through the near-miss search. */
	static const char *const words[] = {
		"Schultz ", "Lavroff ", "and ", "Abcdefgh ", "Vladimirr ",
		"Zelenskyyy ", "and ", "Kremlinn ", "Moscowx ", "Putinn ",
		"Sergei ", "and ",
	};
	struct cc_entity_mention	*m = xcalloc(MAXM, sizeof *m);
	size_t				 cap = 1 << 20, len = 0, k = 0, n;
	char				*s = xmalloc(cap + 64), *one;
	double				 t0, t;

	while (len < cap) {
		n = strlen(words[k % 12]);
		memcpy(s + len, words[k++ % 12], n);
		len += n;
	}
	t0 = now();
	ck_assert_uint_eq(cc_entity_scan(ents, s, len, m, MAXM), 0);
	/* One word of a megabyte, and a megabyte of one letter. */
	one = xmalloc(cap);
	memset(one, 'A', cap);
	ck_assert_uint_eq(cc_entity_scan(ents, one, cap, m, MAXM), 0);
	memset(one, 'a', cap);
	for (k = 1; k < cap; k += 2)
		one[k] = ' ';
	ck_assert_uint_eq(cc_entity_scan(ents, one, cap, m, MAXM), 0);
	t = now() - t0;
	/* Generous: sanitizer builds are many times slower. */
	ck_assert_msg(t < 3.0, "3 MB of hostile text took %.2f s", t);
	free(one);
	free(s);
	free(m);
}
END_TEST

static Suite *
entity_suite(void)
{
	Suite	*s = suite_create("entity");
	TCase	*tc;

	tc = tcase_create("aliases");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_aliases_resolve);
	tcase_add_test(tc, test_title_and_name_is_one_mention);
	tcase_add_test(tc, test_title_before_a_name_is_that_names_title);
	tcase_add_test(tc, test_case_and_possessives);
	tcase_add_test(tc, test_word_boundaries);
	suite_add_tcase(s, tc);

	tc = tcase_create("variants");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_variant_pair);
	tcase_add_test(tc, test_known_spellings_are_not_variants);
	tcase_add_test(tc, test_variant_single_word);
	tcase_add_test(tc, test_common_words_are_never_variants);
	tcase_add_test(tc, test_variant_tie_is_no_match);
	suite_add_tcase(s, tc);

	tc = tcase_create("table");
	tcase_add_test(tc, test_add_errors_leave_table_unchanged);
	suite_add_tcase(s, tc);

	tc = tcase_create("seeds");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_seed_articles, 0,
	    (int)(sizeof seeds / sizeof seeds[0]));
	tcase_add_test(tc, test_seed_003_ohchr_span);
	suite_add_tcase(s, tc);

	tc = tcase_create("hostile");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_empty_and_full_output);
	tcase_add_test(tc, test_megabyte_of_capitals_is_fast);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(entity_suite)
