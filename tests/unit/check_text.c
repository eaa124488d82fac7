/*
 * check_text.c - the Text stage: UTF-8 checks, folding with its byte map,
 * sentence segmentation (tricky cases and the seed articles), and
 * boilerplate marking with the real claims/boilerplate.yaml.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "pack.h"
#include "text.h"
#include "xmalloc.h"

/*
 * Helpers.
 */

/* Read a seed article from the source tree. */
static char *
seed(const char *name, size_t *lenp)
{
	const char	*top = getenv("top_srcdir");
	char		 path[PATH_MAX];
	FILE		*f;
	char		*buf;
	long		 n;

	snprintf(path, sizeof path, "%s/articles/%s", top ? top : ".", name);
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)n + 1);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*lenp = (size_t)n;
	return buf;
}

/* Folded text and its sentences. */
struct seg {
	struct cc_fold		f;
	struct cc_sentences	ss;
};

static void
seg_text(struct seg *sg, const char *s, size_t len)
{
	memset(sg, 0, sizeof *sg);
	cc_fold(s, len, &sg->f);
	cc_segment(sg->f.s, sg->f.len, &sg->ss);
}

static void
seg_release(struct seg *sg)
{
	cc_sentences_release(&sg->ss);
	cc_fold_release(&sg->f);
}

/* Index of the sentence whose folded text is exactly want, or -1. */
static long
seg_find(const struct seg *sg, const char *want)
{
	size_t	i, n = strlen(want);

	for (i = 0; i < sg->ss.n; i++)
		if (sg->ss.v[i].end - sg->ss.v[i].start == n &&
		    memcmp(sg->f.s + sg->ss.v[i].start, want, n) == 0)
			return (long)i;
	return -1;
}

/* Index of the sentence that starts with prefix, or -1. */
static long
seg_find_prefix(const struct seg *sg, const char *prefix)
{
	size_t	i, n = strlen(prefix);

	for (i = 0; i < sg->ss.n; i++)
		if (sg->ss.v[i].end - sg->ss.v[i].start >= n &&
		    memcmp(sg->f.s + sg->ss.v[i].start, prefix, n) == 0)
			return (long)i;
	return -1;
}

static void
dump(const struct seg *sg)
{
	size_t	i;

	for (i = 0; i < sg->ss.n; i++)
		fprintf(stderr, "  [%zu] p%u%s <%.*s>\n", i, sg->ss.v[i].para,
		    sg->ss.v[i].boiler ? " B" : "",
		    (int)(sg->ss.v[i].end - sg->ss.v[i].start),
		    sg->f.s + sg->ss.v[i].start);
}

/* Assert text splits into exactly the sentences given (NULL-terminated). */
static void
expect_split(const char *text, const char *const *want)
{
	struct seg	sg;
	size_t		n, i;

	for (n = 0; want[n] != NULL; n++)
		;
	seg_text(&sg, text, strlen(text));
	if (sg.ss.n != n)
		dump(&sg);
	ck_assert_msg(sg.ss.n == n, "'%s': %zu sentences, expected %zu", text,
	    sg.ss.n, n);
	for (i = 0; i < n; i++) {
		if (seg_find(&sg, want[i]) != (long)i)
			dump(&sg);
		ck_assert_msg(seg_find(&sg, want[i]) == (long)i,
		    "sentence %zu should be '%s'", i, want[i]);
	}
	seg_release(&sg);
}

#define SPLIT(text, ...) \
	expect_split((text), (const char *const[]){ __VA_ARGS__, NULL })

/*
 * UTF-8 checks.
 */

static void
expect_bad(const char *s, size_t len, size_t off, const char *what)
{
	size_t		 bad = 99999;
	const char	*why = NULL;

	ck_assert_int_eq(cc_utf8_check(s, len, &bad, &why), CC_EFORMAT);
	ck_assert_uint_eq(bad, off);
	ck_assert_ptr_nonnull(why);
	ck_assert_msg(strstr(why, what) != NULL, "reason '%s' lacks '%s'",
	    why, what);
}

START_TEST(test_utf8_valid)
{
	const char	*ok[] = { "plain ASCII", "caf\xc3\xa9",
			    "\xe2\x80\x9cquoted\xe2\x80\x9d",
			    "emoji \xf0\x9f\x98\x80", "max \xf4\x8f\xbf\xbf",
			    "\xef\xbb\xbfwith BOM", "\xed\x9f\xbf" };
	size_t		 i, bad;
	const char	*why;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++)
		ck_assert_msg(cc_utf8_check(ok[i], strlen(ok[i]), &bad,
		    &why) == CC_OK, "'%s' rejected", ok[i]);
}
END_TEST

START_TEST(test_utf8_invalid)
{
	expect_bad("ab\xc0\x80", 4, 2, "overlong");
	expect_bad("\xc1\xbf", 2, 0, "overlong");
	expect_bad("x\xe0\x80\x80", 4, 1, "overlong");
	expect_bad("\xf0\x8f\xbf\xbf", 4, 0, "overlong");
	expect_bad("s \xed\xa0\x80", 5, 2, "surrogate");
	expect_bad("\xed\xbf\xbf", 3, 0, "surrogate");
	expect_bad("\xf4\x90\x80\x80", 4, 0, "U+10FFFF");
	expect_bad("\xf5\x80\x80\x80", 4, 0, "U+10FFFF");
	expect_bad("ok \xff", 4, 3, "never occurs");
	expect_bad("\x80x", 2, 0, "continuation");
	expect_bad("ab\xe2\x80", 4, 2, "incomplete");
	expect_bad("ab\xe2\x80z", 5, 2, "incomplete");
	expect_bad("caf\xc3", 4, 3, "incomplete");
}
END_TEST

START_TEST(test_utf8_binary_empty)
{
	size_t		 bad = 0;
	const char	*why = NULL;

	ck_assert_int_eq(cc_utf8_check("text\0more", 9, &bad, &why),
	    CC_EFORMAT);
	ck_assert_uint_eq(bad, 4);
	ck_assert_ptr_eq(why, CC_UTF8_NUL);
	/* The first problem wins. */
	ck_assert_int_eq(cc_utf8_check("\xff\0", 2, &bad, &why), CC_EFORMAT);
	ck_assert_uint_eq(bad, 0);
	ck_assert_ptr_ne(why, CC_UTF8_NUL);

	expect_bad("", 0, 0, "empty");
	expect_bad(" \t\r\n\n", 5, 0, "white space");
	/* No-break space, thin space, zero-width space and BOM are no text. */
	expect_bad("\xc2\xa0\xe2\x80\x89\n\xe2\x80\x8b\xef\xbb\xbf", 12, 0,
	    "white space");
	ck_assert_int_eq(cc_utf8_blank("\xc2\xa0x", 3), 0);
	ck_assert_int_eq(cc_utf8_check("\xc2\xa0x", 3, &bad, &why), CC_OK);
}
END_TEST

/*
 * Folding.
 */

static void
expect_fold(const char *in, size_t inlen, const char *out,
    const uint32_t *map)
{
	struct cc_fold	f;
	size_t		i, n = strlen(out);

	cc_fold(in, inlen, &f);
	ck_assert_msg(f.len == n && memcmp(f.s, out, n) == 0,
	    "fold gave '%s', expected '%s'", f.s, out);
	ck_assert_int_eq(f.s[n], '\0');
	for (i = 0; i <= n; i++)
		ck_assert_msg(f.map[i] == map[i], "map[%zu] = %u, expected %u",
		    i, f.map[i], map[i]);
	cc_fold_release(&f);
}

START_TEST(test_fold_spaces_quotes_dashes)
{
	/* No-break space (2 bytes) becomes one ' '. */
	expect_fold("a\xc2\xa0" "b", 4, "a b",
	    (const uint32_t[]){ 0, 1, 3, 4 });
	/* Thin space, narrow no-break space, ideographic space. */
	expect_fold("1\xe2\x80\x89" "2\xe2\x80\xaf" "3\xe3\x80\x80", 12,
	    "1 2 3 ", (const uint32_t[]){ 0, 1, 4, 5, 8, 9, 12 });
	/* Curly double and single quotes, guillemets. */
	expect_fold("\xe2\x80\x9cWe\xe2\x80\x99re\xe2\x80\x9d", 13,
	    "\"We're\"", (const uint32_t[]){ 0, 3, 4, 5, 8, 9, 10, 13 });
	expect_fold("\xc2\xabno\xc2\xbb", 6, "\"no\"",
	    (const uint32_t[]){ 0, 2, 3, 4, 6 });
	/* En dash, em dash, minus sign, non-breaking hyphen. */
	expect_fold("a\xe2\x80\x93" "b\xe2\x80\x94" "c\xe2\x88\x92" "1\xe2\x80\x91" "d",
	    17, "a-b-c-1-d",
	    (const uint32_t[]){ 0, 1, 4, 5, 8, 9, 12, 13, 16, 17 });
	/* Non-ASCII text that folds to itself keeps an identity map. */
	expect_fold("Zelensk\xc3\xbd", 9, "Zelensk\xc3\xbd",
	    (const uint32_t[]){ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
}
END_TEST

START_TEST(test_fold_removed)
{
	/* Soft hyphen, zero-width space, word joiner, BOM, LRM vanish. */
	expect_fold("co\xc2\xad" "op", 6, "coop",
	    (const uint32_t[]){ 0, 1, 4, 5, 6 });
	expect_fold("\xef\xbb\xbfX\xe2\x80\x8bY\xe2\x81\xa0Z\xe2\x80\x8e", 15,
	    "XYZ", (const uint32_t[]){ 3, 7, 11, 15 });
	/* CRLF is LF; a lone CR is a line break too. */
	expect_fold("a.\r\nb\rc", 7, "a.\nb\nc",
	    (const uint32_t[]){ 0, 1, 3, 4, 5, 6, 7 });
	/* Line and paragraph separators are line breaks. */
	expect_fold("a\xe2\x80\xa8" "b", 5, "a\nb",
	    (const uint32_t[]){ 0, 1, 4, 5 });
}
END_TEST

START_TEST(test_fold_nfc)
{
	struct cc_fold	 f;
	const char	*s = "Cafe\xcc\x81 \xe2\x84\xab.";

	/* "e" + COMBINING ACUTE is U+00E9; ANGSTROM SIGN is U+00C5. */
	cc_fold(s, strlen(s), &f);
	ck_assert_str_eq(f.s, "Caf\xc3\xa9 \xc3\x85.");
	ck_assert_uint_eq(f.map[3], 3);		/* é starts at the e */
	ck_assert_uint_eq(f.map[5], 6);		/* the space */
	ck_assert_uint_eq(f.map[6], 7);		/* Å starts at U+212B */
	ck_assert_uint_eq(f.map[8], 10);	/* the period */
	/* A span ending after é ends after the combining mark. */
	ck_assert_uint_eq(cc_fold_orig_end(&f, s, 5), 6);
	ck_assert_uint_eq(cc_fold_orig_end(&f, s, 8), 10);
	ck_assert_uint_eq(cc_fold_orig_end(&f, s, f.len), strlen(s));
	cc_fold_release(&f);

	/* Marks in non-canonical order are reordered, then composed. */
	s = "a\xcc\xa3\xcc\x87";	/* a + dot below + dot above */
	cc_fold(s, strlen(s), &f);
	ck_assert_str_eq(f.s, "\xe1\xba\xa1\xcc\x87");	/* ạ + dot above */
	cc_fold_release(&f);
	s = "a\xcc\x87\xcc\xa3";	/* same, other order */
	cc_fold(s, strlen(s), &f);
	ck_assert_str_eq(f.s, "\xe1\xba\xa1\xcc\x87");
	cc_fold_release(&f);
}
END_TEST

START_TEST(test_fold_orig_end)
{
	struct cc_fold	 f;
	const char	*s = "He said.\r\nThey\xe2\x80\x99re here\xe2\x80\x8b";

	cc_fold(s, strlen(s), &f);
	ck_assert_str_eq(f.s, "He said.\nThey're here");
	/* "He said." ends before the \r, though map[8] points past it. */
	ck_assert_uint_eq(cc_fold_orig_end(&f, s, 8), 8);
	ck_assert_uint_eq(f.map[8], 9);
	/* "They'" ends after the 3-byte apostrophe. */
	ck_assert_uint_eq(cc_fold_orig_end(&f, s, 14), 17);
	/* "here" ends before the zero-width space. */
	ck_assert_uint_eq(cc_fold_orig_end(&f, s, f.len), strlen(s) - 3);
	ck_assert_uint_eq(f.map[f.len], strlen(s));
	cc_fold_release(&f);
}
END_TEST

/* The map is exact on the seeds: every folded byte that is not a
 * replacement is the original byte at its map position. */
START_TEST(test_fold_seeds_map)
{
	const char	*names[] = { "000_7f926deca285de3e.txt",
			    "001_d50673e553b10579.txt",
			    "002_f30bab9b3328fd64.txt",
			    "003_f9095a6aa4cb8e46.txt",
			    "004_8eba0c943fff7caa.txt" };
	struct cc_fold	 f;
	size_t		 i, k, len, nrepl;
	char		*s;

	for (i = 0; i < 5; i++) {
		s = seed(names[i], &len);
		cc_fold(s, len, &f);
		ck_assert_uint_eq(f.map[f.len], len);
		nrepl = 0;
		for (k = 0; k < f.len; k++) {
			ck_assert_uint_le(f.map[k], f.map[k + 1]);
			if (s[f.map[k]] == f.s[k])
				continue;
			/* Replaced: a non-ASCII original became ASCII. */
			ck_assert_msg((unsigned char)s[f.map[k]] >= 0x80 &&
			    (unsigned char)f.s[k] < 0x80,
			    "%s: folded byte %zu", names[i], k);
			nrepl++;
		}
		/* Seeds carry curly quotes and no-break spaces. */
		ck_assert_uint_gt(nrepl, 0);
		ck_assert_ptr_null(strstr(f.s, "\xe2\x80\x99"));
		ck_assert_ptr_null(strstr(f.s, "\xc2\xa0"));
		cc_fold_release(&f);
		free(s);
	}
}
END_TEST

START_TEST(test_fold_linear)
{
	size_t		 n = 5u << 20, i;
	char		*s = xmalloc(n + 1);
	struct cc_fold	 f;

	/* One letter and 2.5 million combining marks: no quadratic
	 * reordering. */
	s[0] = 'a';
	for (i = 1; i + 1 < n; i += 2) {
		s[i] = '\xcc';
		s[i + 1] = '\x81';
	}
	cc_fold(s, i, &f);
	ck_assert_uint_eq(f.map[f.len], i);
	ck_assert_uint_ge(f.len, i - 2);
	cc_fold_release(&f);

	/* 5 MB of decomposed é: each composes. */
	for (i = 0; i + 3 <= n; i += 3)
		memcpy(s + i, "e\xcc\x81", 3);
	cc_fold(s, i, &f);
	ck_assert_uint_eq(f.len, i / 3 * 2);
	ck_assert_int_eq(memcmp(f.s, "\xc3\xa9\xc3\xa9", 4), 0);
	cc_fold_release(&f);
	free(s);
}
END_TEST

/*
 * Segmentation.
 */

START_TEST(test_segment_abbreviations)
{
	SPLIT("The U.S. and the U.N. said so. Talks failed.",
	    "The U.S. and the U.N. said so.", "Talks failed.");
	SPLIT("U.S. President Joe Biden spoke. He left.",
	    "U.S. President Joe Biden spoke.", "He left.");
	SPLIT("Talks with the U.S. The minister said no.",
	    "Talks with the U.S.", "The minister said no.");
	SPLIT("It was published on Oct. 30 in Moscow. Then more.",
	    "It was published on Oct. 30 in Moscow.", "Then more.");
	SPLIT("Mr. Lavrov met Dr. Smith and Gen. Valery Gerasimov.",
	    "Mr. Lavrov met Dr. Smith and Gen. Valery Gerasimov.");
	SPLIT("Talks in Jan. 2022 failed. Talks in Sept. 2022 too.",
	    "Talks in Jan. 2022 failed.", "Talks in Sept. 2022 too.");
	SPLIT("President J. Biden and George W. Bush met. They talked.",
	    "President J. Biden and George W. Bush met.", "They talked.");
	SPLIT("About 1.5 million people fled. 6.4 million stayed.",
	    "About 1.5 million people fled.", "6.4 million stayed.");
	SPLIT("Shares of Acme Inc. rose. Acme Inc. The firm grew.",
	    "Shares of Acme Inc. rose.", "Acme Inc.", "The firm grew.");
	SPLIT("We met at 8 a.m. Moscow time, e.g. Lavrov and others.",
	    "We met at 8 a.m. Moscow time, e.g. Lavrov and others.");
	SPLIT("See No. 5 and St. Petersburg.", "See No. 5 and St. Petersburg.");
}
END_TEST

START_TEST(test_segment_punctuation)
{
	/* Ellipses: before a capital they end a sentence, not before a
	 * lower-case word, and never glued to the next word. */
	SPLIT("He paused... Then he spoke.", "He paused...", "Then he spoke.");
	SPLIT("It cannot go on... but it will.", "It cannot go on... but it will.");
	SPLIT("Wait\xe2\x80\xa6 Now go.", "Wait\xe2\x80\xa6", "Now go.");
	SPLIT("Load More Posts Loading...No More Posts.",
	    "Load More Posts Loading...No More Posts.");
	/* Quotes: a closing quote belongs to the sentence it ends. */
	SPLIT("Lavrov said that \"there is always a chance.\" He said more.",
	    "Lavrov said that \"there is always a chance.\"", "He said more.");
	SPLIT("This is false. \"We had no offers,\" he said.",
	    "This is false.", "\"We had no offers,\" he said.");
	SPLIT("\"Why?\" he asked. \"Because!\" She left.",
	    "\"Why?\" he asked.", "\"Because!\"", "She left.");
	SPLIT("He said: 'No.' Then (later) more.", "He said: 'No.'",
	    "Then (later) more.");
	SPLIT("Is it over? Yes! 2022 was hard.", "Is it over?", "Yes!",
	    "2022 was hard.");
	/* Lower case after a period: no new sentence. */
	SPLIT("It is impossible to discuss anything, say. with Kiev.",
	    "It is impossible to discuss anything, say. with Kiev.");
	/* Glued by scraping: split at "word.Word", not inside names. */
	SPLIT("Talks ended in March.The West was silent.",
	    "Talks ended in March.", "The West was silent.");
	SPLIT("the state televisionRia Novosti reported it.",
	    "the state televisionRia Novosti reported it.");
	SPLIT("See example.com/news.Today for more.",
	    "See example.com/news.Today for more.");
}
END_TEST

/* A terminator at every place in the 8-byte words the scan reads at a
 * time, and at the line's end: each of ".", "!", "?" and an ellipsis
 * ends the first sentence wherever it stands. */
START_TEST(test_segment_word_places)
{
	static const char *const term[] = { ".", "!", "?", "\xe2\x80\xa6" };
	char		 text[128], first[64];
	size_t		 pad, k;

	for (k = 0; k < sizeof term / sizeof term[0]; k++)
		for (pad = 3; pad <= 19; pad++) {
			snprintf(first, sizeof first, "%.*s%s", (int)pad,
			    "Abcdefghijklmnopqrstuvwxyz", term[k]);
			snprintf(text, sizeof text, "%s Then more%s", first,
			    term[k]);
			SPLIT(text, first, strchr(text, ' ') + 1);
		}
}
END_TEST

START_TEST(test_segment_lines)
{
	struct seg	 sg;
	const char	*t = "Russia open to talks\n\n  2 mins read  \r\n"
			    "First one. Second one.\n   \nLast line";

	seg_text(&sg, t, strlen(t));
	ck_assert_uint_eq(sg.ss.n, 5);
	ck_assert_int_eq(seg_find(&sg, "Russia open to talks"), 0);
	ck_assert_int_eq(seg_find(&sg, "2 mins read"), 1);
	ck_assert_int_eq(seg_find(&sg, "First one."), 2);
	ck_assert_int_eq(seg_find(&sg, "Second one."), 3);
	ck_assert_int_eq(seg_find(&sg, "Last line"), 4);
	/* para counts non-blank lines. */
	ck_assert_uint_eq(sg.ss.v[0].para, 0);
	ck_assert_uint_eq(sg.ss.v[1].para, 1);
	ck_assert_uint_eq(sg.ss.v[2].para, 2);
	ck_assert_uint_eq(sg.ss.v[3].para, 2);
	ck_assert_uint_eq(sg.ss.v[4].para, 3);
	seg_release(&sg);

	/* Nothing but space: no sentences. */
	seg_text(&sg, " \n\t\n", 4);
	ck_assert_uint_eq(sg.ss.n, 0);
	seg_release(&sg);
	/* A line of punctuation is still a (non-empty) sentence. */
	SPLIT("...\n-", "...", "-");
}
END_TEST

/* Sentences are never empty, never start or end with space, lie inside
 * the text, in order, and never cross a line. */
static void
check_invariants(const char *s, size_t len, const struct cc_sentences *ss)
{
	size_t	i;

	for (i = 0; i < ss->n; i++) {
		ck_assert_uint_lt(ss->v[i].start, ss->v[i].end);
		ck_assert_uint_le(ss->v[i].end, len);
		ck_assert(s[ss->v[i].start] != ' ' && s[ss->v[i].start] != '\n');
		ck_assert(s[ss->v[i].end - 1] != ' ' &&
		    s[ss->v[i].end - 1] != '\n');
		ck_assert_ptr_null(memchr(s + ss->v[i].start, '\n',
		    ss->v[i].end - ss->v[i].start));
		ck_assert_uint_le(ss->v[i].end - ss->v[i].start,
		    CC_SENTENCE_MAX);
		if (i > 0) {
			ck_assert_uint_le(ss->v[i - 1].end, ss->v[i].start);
			ck_assert_uint_le(ss->v[i - 1].para, ss->v[i].para);
		}
	}
}

START_TEST(test_segment_linear)
{
	size_t			 n = 5u << 20, i;
	char			*s = xmalloc(n);
	struct cc_sentences	 ss;
	const char		*pat[] = { "word ", "U.S. ", "a.", "Mr. x ",
				    ". ", "......", "\"'\")" };
	size_t			 k, total;

	for (k = 0; k < sizeof pat / sizeof pat[0]; k++) {
		for (i = 0; i < n; i++)
			s[i] = pat[k][i % strlen(pat[k])];
		memset(&ss, 0, sizeof ss);
		cc_segment(s, n, &ss);
		check_invariants(s, n, &ss);
		ck_assert_uint_gt(ss.n, 0);
		/* Cut pieces cover the text but for spaces. */
		for (i = total = 0; i < ss.n; i++)
			total += ss.v[i].end - ss.v[i].start;
		ck_assert_uint_ge(total, n / 2);
		cc_sentences_release(&ss);
	}
	/* No space at all: cut at a character boundary. */
	for (i = 0; i + 2 <= n; i += 2)
		memcpy(s + i, "\xc3\xa9", 2);
	memset(&ss, 0, sizeof ss);
	cc_segment(s, i, &ss);
	check_invariants(s, i, &ss);
	for (k = 0; k < ss.n; k++)
		ck_assert_int_eq((unsigned char)s[ss.v[k].start], 0xc3);
	cc_sentences_release(&ss);
	free(s);
}
END_TEST

START_TEST(test_segment_seeds)
{
	struct seg	 sg;
	char		*s;
	size_t		 len;
	long		 i;

	s = seed("001_d50673e553b10579.txt", &len);
	seg_text(&sg, s, len);
	check_invariants(sg.f.s, sg.f.len, &sg.ss);
	ck_assert_int_ge(seg_find(&sg, "Sergei Lavrov was interviewed by the "
	    "Russian state televisionRia Novosti where he signalled his "
	    "country's readiness to open a negotiation with western powers "
	    "to bring an end to the fighting in Ukraine."), 0);
	i = seg_find(&sg, "Obviously, Washington has a deciding vote.");
	ck_assert_int_ge(i, 0);
	ck_assert_int_eq(seg_find(&sg, "It is impossible to discuss "
	    "anything, say."), i + 1);
	ck_assert_int_eq(seg_find(&sg, "With Kiev."), i + 2);
	ck_assert_int_ge(seg_find(&sg, "-Reuters: 'Lavrov says Russia open "
	    "to talks with West, U.S. dismisses comments as 'posturing''"), 0);
	ck_assert_int_ge(seg_find(&sg, "Russia is always ready to listen to "
	    "our Western colleagues if they make another request to "
	    "organize a conversation"), 0);
	seg_release(&sg);
	free(s);

	s = seed("002_f30bab9b3328fd64.txt", &len);
	seg_text(&sg, s, len);
	check_invariants(sg.f.s, sg.f.len, &sg.ss);
	i = seg_find(&sg, "Lavrov said that \"there is always a chance.\"");
	ck_assert_int_ge(i, 0);
	ck_assert_int_eq(seg_find(&sg, "He said his ministry would not allow "
	    "the US and its allies to block Russia's main demands."), i + 1);
	ck_assert_int_ge(seg_find(&sg, "He said the talks \"cannot go on "
	    "indefinitely, but at this stage I would suggest continuing and "
	    "expanding the talks.\""), 0);
	ck_assert_int_ge(seg_find(&sg, "Foreign Minister gave this advice"), 0);
	ck_assert_int_ge(seg_find(&sg, "The meeting took place when German "
	    "Chancellor Olaf Schultz arrived in Ukraine amid growing fears of "
	    "a Russian attack."), 0);
	seg_release(&sg);
	free(s);

	s = seed("003_f9095a6aa4cb8e46.txt", &len);
	seg_text(&sg, s, len);
	check_invariants(sg.f.s, sg.f.len, &sg.ss);
	ck_assert_int_ge(seg_find(&sg, "Published October 30,2022"), 0);
	ck_assert_int_ge(seg_find(&sg, "\"He (Zelenskyy) even signed a decree "
	    "that forbids him to do this."), 0);
	ck_assert_int_ge(seg_find(&sg, "He is a comedy artist, but now there "
	    "is no time for comedies,\" said Lavrov."), 0);
	ck_assert_int_ge(seg_find(&sg, "On Monday, the Office of the UN High "
	    "Commissioner for Human Rights (OHCHR) reported civilian "
	    "casualties of the ongoing war at 16,150, including 6,374 killed "
	    "and 9,776 injured."), 0);
	/* Offsets map back to the stored text. */
	i = seg_find_prefix(&sg, "Speaking about the negotiation possibility");
	ck_assert_int_ge(i, 0);
	ck_assert_int_eq(memcmp(s + sg.f.map[sg.ss.v[i].start],
	    "Speaking about", 14), 0);
	ck_assert_int_eq(memcmp(s + cc_fold_orig_end(&sg.f, s,
	    sg.ss.v[i].end) - 6, "Biden.", 6), 0);
	seg_release(&sg);
	free(s);

	s = seed("004_8eba0c943fff7caa.txt", &len);
	seg_text(&sg, s, len);
	check_invariants(sg.f.s, sg.f.len, &sg.ss);
	ck_assert_int_ge(seg_find(&sg, "Asked by Putin during a one-on-one "
	    "televised meeting on Monday about the likelihood of a security "
	    "agreement with the west over Ukraine and Nato, Lavrov said: "
	    "\"There's always a chance.\""), 0);
	ck_assert_int_ge(seg_find(&sg, "Olaf Scholz, German chancellor, is "
	    "heading to Moscow to meet the Russian president on Tuesday, "
	    "after a stopover in Kyiv on Monday."), 0);
	ck_assert_int_ge(seg_find(&sg, "Load More Posts Loading...No More "
	    "Posts."), 0);
	seg_release(&sg);
	free(s);

	s = seed("000_7f926deca285de3e.txt", &len);
	seg_text(&sg, s, len);
	check_invariants(sg.f.s, sg.f.len, &sg.ss);
	ck_assert_int_ge(seg_find(&sg, "This is a falsehood, according to "
	    "Lavrov."), 0);
	ck_assert_int_ge(seg_find(&sg, "\"We haven't had any sincere offers to "
	    "get in touch,\""), 0);
	ck_assert_int_ge(seg_find(&sg, "\"We frequently state that we never "
	    "decline invitations to meetings."), 0);
	ck_assert_int_ge(seg_find(&sg, "Lavrov noted that direct talks between "
	    "Russia and Ukraine had broken down at the end of March."), 0);
	seg_release(&sg);
	free(s);
}
END_TEST

/*
 * Boilerplate.
 */

static void
count_err(const struct cc_diag *d, void *arg)
{
	fprintf(stderr, "%s:%u:%u: %s\n", d->file, d->line, d->col, d->msg);
	(*(unsigned *)arg)++;
}

/* Load claims/boilerplate.yaml alone, through the real pack loader. */
static struct cc_pack *
load_boiler_pack(char *dir, size_t dirsz)
{
	struct cc_pack	*pack = NULL;
	char		 src[PATH_MAX], dst[PATH_MAX];
	unsigned	 nerr = 0;
	const char	*rules = CC_TEST_RULES_DIR;

	snprintf(dir, dirsz, "/tmp/cc-text-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	if (rules[0] == '/')
		snprintf(src, sizeof src, "%s/boilerplate.yaml", rules);
	else {
		ck_assert_ptr_nonnull(getcwd(src, sizeof src));
		snprintf(src + strlen(src), sizeof src - strlen(src),
		    "/%s/boilerplate.yaml", rules);
	}
	snprintf(dst, sizeof dst, "%s/boilerplate.yaml", dir);
	ck_assert_int_eq(symlink(src, dst), 0);
	ck_assert_int_eq(cc_pack_load(dir, &pack, count_err, &nerr), CC_OK);
	ck_assert_uint_eq(nerr, 0);
	ck_assert_ptr_nonnull(pack->boiler);
	unlink(dst);
	rmdir(dir);
	return pack;
}

static void
seg_mark(struct seg *sg, const struct cc_boiler *b, const char *name)
{
	char	*s;
	size_t	 len;

	s = seed(name, &len);
	seg_text(sg, s, len);
	free(s);
	cc_boiler_mark(b, sg->f.s, sg->f.len, &sg->ss);
}

static int
is_boiler(const struct seg *sg, const char *prefix)
{
	long	i = seg_find_prefix(sg, prefix);

	ck_assert_msg(i >= 0, "no sentence '%s'", prefix);
	return sg->ss.v[i].boiler;
}

START_TEST(test_boiler_seeds)
{
	struct cc_pack	*pack;
	struct seg	 sg;
	char		 dir[64];
	size_t		 i, nb;

	pack = load_boiler_pack(dir, sizeof dir);

	seg_mark(&sg, pack->boiler, "000_7f926deca285de3e.txt");
	ck_assert(is_boiler(&sg, "2 mins read"));
	ck_assert(!is_boiler(&sg, "Russia open to talks with West"));
	ck_assert(!is_boiler(&sg, "Lavrov noted that direct talks"));
	ck_assert(!is_boiler(&sg, "Ukrainian President Volodymyr Zelenskiy"));
	ck_assert(is_boiler(&sg, "Leave a Reply"));
	ck_assert(is_boiler(&sg, "Your email address"));
	ck_assert(is_boiler(&sg, "Latest from Blog"));
	seg_release(&sg);

	seg_mark(&sg, pack->boiler, "001_d50673e553b10579.txt");
	for (i = nb = 0; i < sg.ss.n; i++)
		if (sg.ss.v[i].end - sg.ss.v[i].start == 18 && memcmp(sg.f.s +
		    sg.ss.v[i].start, "More under this ad", 18) == 0) {
			ck_assert(sg.ss.v[i].boiler);
			nb++;
		}
	ck_assert_uint_ge(nb, 10);
	ck_assert(is_boiler(&sg, "\xc2\xa9 Aziz Karimov / Contributeur"));
	ck_assert(is_boiler(&sg, "Discover our latest podcast"));
	/* A caption glued to its photo credit. */
	i = (size_t)seg_find(&sg, "Vladimir Putin's foreign minister says "
	    "Russia is ready to negotiate with the west dia images / "
	    "Contributeur");
	ck_assert(sg.ss.v[i].boiler);
	/* The headline printed again under the photo: the first copy is
	 * text, the second furniture. */
	i = (size_t)seg_find(&sg, "Vladimir Putin's foreign minister says "
	    "Russia is ready to negotiate with the west");
	ck_assert(!sg.ss.v[i].boiler);
	ck_assert(sg.ss.v[i + 2].boiler);
	ck_assert(!is_boiler(&sg, "Sergei Lavrov has signalled Russia"));
	ck_assert(!is_boiler(&sg, "Obviously, Washington has"));
	ck_assert(!is_boiler(&sg, "We see this as posturing."));
	ck_assert(!is_boiler(&sg, "-Newsweek:"));
	/* The last line is an ad, but the article is not over before it. */
	ck_assert(!is_boiler(&sg, "Price also added that"));
	seg_release(&sg);

	seg_mark(&sg, pack->boiler, "002_f30bab9b3328fd64.txt");
	ck_assert(is_boiler(&sg, "Top Stories"));
	ck_assert(is_boiler(&sg, "Read also:"));
	ck_assert(!is_boiler(&sg, "Can the devastation of Russia-Ukraine"));
	ck_assert(!is_boiler(&sg, "Lavrov said that \"there is"));
	ck_assert(is_boiler(&sg, "Leave a Reply"));
	ck_assert(is_boiler(&sg, "Your email address will not be published."));
	seg_release(&sg);

	seg_mark(&sg, pack->boiler, "003_f9095a6aa4cb8e46.txt");
	ck_assert(is_boiler(&sg, "Contact Us"));
	ck_assert(is_boiler(&sg, "Subscribe"));
	/* Dateline evidence is text, not furniture. */
	ck_assert(!is_boiler(&sg, "Published October 30,2022"));
	ck_assert(!is_boiler(&sg, "On Monday, the Office of the UN"));
	ck_assert(!is_boiler(&sg, "'RUSSIA READY TO NEGOTIATE'"));
	seg_release(&sg);

	seg_mark(&sg, pack->boiler, "004_8eba0c943fff7caa.txt");
	ck_assert(is_boiler(&sg, "hello, I am Flora Khan"));
	ck_assert(is_boiler(&sg, "Leave A Reply"));
	ck_assert(is_boiler(&sg, "Related Posts"));
	ck_assert(is_boiler(&sg, "Load More Posts"));
	ck_assert(!is_boiler(&sg, "Russia is holding joint military"));
	ck_assert(!is_boiler(&sg, "Russian foreign minister stresses"));
	seg_release(&sg);

	cc_pack_free(pack);
}
END_TEST

START_TEST(test_boiler_general)
{
	struct cc_pack	*pack;
	struct seg	 sg, sg2;
	char		 dir[64], *lower, *up;
	size_t		 i;
	const char	*t =
	    "Advertisement\n"
	    "Advertisement revenue fell by a third in the quarter.\n"
	    "Read more: Kremlin says talks are possible\n"
	    "Also read: Ukraine war latest\n"
	    "Sign up for our daily newsletter\n"
	    "Share this article\n"
	    "Facebook Twitter WhatsApp Email\n"
	    "Follow us on Twitter for the latest updates\n"
	    "We use cookies to improve your experience. By continuing you "
	    "accept our cookie policy.\n"
	    "5 min read\n"
	    "The minister said he would follow us on the matter later.\n"
	    "Photo: Reuters\n"
	    "Related articles\n"
	    "Peace talks collapse as both sides trade blame over shelling\n";

	pack = load_boiler_pack(dir, sizeof dir);
	seg_text(&sg, t, strlen(t));
	cc_boiler_mark(pack->boiler, sg.f.s, sg.f.len, &sg.ss);
	ck_assert(sg.ss.v[0].boiler);
	ck_assert(!is_boiler(&sg, "Advertisement revenue"));
	ck_assert(is_boiler(&sg, "Read more: Kremlin"));
	ck_assert(is_boiler(&sg, "Also read:"));
	ck_assert(is_boiler(&sg, "Sign up for our daily newsletter"));
	ck_assert(is_boiler(&sg, "Share this article"));
	ck_assert(is_boiler(&sg, "Facebook Twitter"));
	ck_assert(is_boiler(&sg, "Follow us on Twitter"));
	ck_assert(is_boiler(&sg, "We use cookies"));
	ck_assert(is_boiler(&sg, "By continuing"));
	ck_assert(is_boiler(&sg, "5 min read"));
	ck_assert(!is_boiler(&sg, "The minister said he would follow"));
	ck_assert(is_boiler(&sg, "Photo: Reuters"));
	ck_assert(is_boiler(&sg, "Related articles"));
	/* The tail: a headline after "Related articles". */
	ck_assert(is_boiler(&sg, "Peace talks collapse"));
	/* The same text in capitals, given lower-cased as the extractor
	 * has it: the same lines are marked (the words a pattern needs are
	 * looked for in the lower-cased copy, not in the capitals). */
	up = xstrdup(t);
	for (i = 0; up[i] != '\0'; i++)
		if (up[i] >= 'a' && up[i] <= 'z')
			up[i] = (char)(up[i] - 'a' + 'A');
	seg_text(&sg2, up, strlen(up));
	lower = xmalloc(sg2.f.len + 1);
	cc_ascii_lower(lower, sg2.f.s, sg2.f.len);
	lower[sg2.f.len] = '\0';
	cc_boiler_mark_lower(pack->boiler, sg2.f.s, lower, sg2.f.len,
	    &sg2.ss);
	ck_assert_uint_eq(sg2.ss.n, sg.ss.n);
	for (i = 0; i < sg.ss.n; i++)
		ck_assert_int_eq(sg2.ss.v[i].boiler, sg.ss.v[i].boiler);
	free(lower);
	free(up);
	seg_release(&sg2);
	seg_release(&sg);

	/* A tail before any article text does not swallow the article. */
	t = "Related articles\nSome link\n"
	    "Russia said on Monday it was ready to talk with the West.\n";
	seg_text(&sg, t, strlen(t));
	cc_boiler_mark(pack->boiler, sg.f.s, sg.f.len, &sg.ss);
	ck_assert(is_boiler(&sg, "Related articles"));
	ck_assert(!is_boiler(&sg, "Some link"));
	ck_assert(!is_boiler(&sg, "Russia said on Monday"));
	seg_release(&sg);
	cc_pack_free(pack);
}
END_TEST

START_TEST(test_boiler_add)
{
	struct cc_boiler	*b = cc_boiler_new();
	struct cc_diag		 d;
	struct cc_sentences	 ss;
	const char		*t = "Share\nShare prices fell.\nSHARE\n";

	cc_diag_clear(&d);
	ck_assert_int_eq(cc_boiler_add(b, "ab(c", 0, &d), CC_ERULE);
	ck_assert_uint_eq(d.col, 5);
	ck_assert(d.msg[0] != '\0');
	cc_diag_clear(&d);
	/* Columns count characters, not bytes. */
	ck_assert_int_eq(cc_boiler_add(b, "\xc3\xa9\xc3\xa9)", 0, &d),
	    CC_ERULE);
	ck_assert_uint_eq(d.col, 3);
	ck_assert_int_eq(cc_boiler_add(b, "", 0, &d), CC_ERULE);

	ck_assert_int_eq(cc_boiler_add(b, "share", 0, &d), CC_OK);
	memset(&ss, 0, sizeof ss);
	cc_segment(t, strlen(t), &ss);
	cc_boiler_mark(b, t, strlen(t), &ss);
	ck_assert_uint_eq(ss.n, 3);
	ck_assert_uint_eq(ss.v[0].boiler, 1);
	ck_assert_uint_eq(ss.v[1].boiler, 0);	/* whole line only */
	ck_assert_uint_eq(ss.v[2].boiler, 1);	/* caseless */
	cc_sentences_release(&ss);

	/* A pattern that backtracks forever stops at the match limit and
	 * the line counts as text. */
	ck_assert_int_eq(cc_boiler_add(b, "(?:a+)+b", 0, &d), CC_OK);
	{
		char	line[200];

		memset(line, 'a', sizeof line - 1);
		line[sizeof line - 1] = '\0';
		memset(&ss, 0, sizeof ss);
		cc_segment(line, strlen(line), &ss);
		cc_boiler_mark(b, line, strlen(line), &ss);
		ck_assert_uint_eq(ss.v[0].boiler, 0);
		cc_sentences_release(&ss);
	}
	cc_boiler_free(b);
	cc_boiler_free(NULL);
}
END_TEST

START_TEST(test_boiler_repeated)
{
	struct cc_sentences	 ss;
	const char		*t = "A caption under a photo\nBody. More body.\n"
				    "  A caption under a photo \nBody.\n";

	/* A line seen before is furniture; a sentence repeated inside a
	 * longer line is not a repeated line. */
	memset(&ss, 0, sizeof ss);
	cc_segment(t, strlen(t), &ss);
	cc_boiler_mark(NULL, t, strlen(t), &ss);
	ck_assert_uint_eq(ss.n, 5);
	ck_assert_uint_eq(ss.v[0].boiler, 0);
	ck_assert_uint_eq(ss.v[1].boiler, 0);
	ck_assert_uint_eq(ss.v[2].boiler, 0);
	ck_assert_uint_eq(ss.v[3].boiler, 1);
	ck_assert_uint_eq(ss.v[4].boiler, 0);
	cc_sentences_release(&ss);
}
END_TEST

START_TEST(test_boiler_shared)
{
	struct cc_lineset	*set = cc_lineset_new();
	struct cc_sentences	 ss;
	uint64_t		*keys, *other;
	unsigned char		*inset, *oin;
	size_t			 n, i;
	/* Candidates: "Most read" and the teaser (short, no full stop).
	 * Not: a sentence ending in a full stop, a quote, a colon, a line
	 * of eleven words, a line of digits only. */
	const char		*t = "Most read\n"
				    "Shelling killed 300 civilians in Kharkiv\n"
				    "The talks went on late into the night.\n"
				    "\"We are ready,\" he said\"\n"
				    "Read also:\n"
				    "one two three four five six seven eight nine ten eleven\n"
				    "2022 10 30\n"
				    "Most read\n";

	n = cc_boiler_line_keys("dailyx", t, strlen(t), NULL, &keys, &inset);
	ck_assert_uint_eq(n, 2);	/* "Most read" once */
	ck_assert_uint_eq(inset[0], 0);
	/* The same lines from another outlet are other keys. */
	ck_assert_uint_eq(cc_boiler_line_keys("wirey", t, strlen(t), NULL,
	    &other, &oin), 2);
	for (i = 0; i < 2; i++)
		ck_assert(other[i] != keys[0] && other[i] != keys[1]);
	/* Marking: the teaser's key in the set marks its line only. */
	cc_lineset_add(set, keys[1]);
	ck_assert_int_eq(cc_lineset_has(set, keys[1]), 1);
	ck_assert_int_eq(cc_lineset_has(set, keys[0]), 0);
	memset(&ss, 0, sizeof ss);
	cc_segment(t, strlen(t), &ss);
	cc_boiler_mark_shared(set, "dailyx", t, strlen(t), &ss);
	for (i = 0; i < ss.n; i++)
		ck_assert_uint_eq(ss.v[i].boiler, t[ss.v[i].start] == 'S');
	cc_sentences_release(&ss);
	memset(&ss, 0, sizeof ss);
	cc_segment(t, strlen(t), &ss);
	cc_boiler_mark_shared(set, "wirey", t, strlen(t), &ss);
	for (i = 0; i < ss.n; i++)
		ck_assert_uint_eq(ss.v[i].boiler, 0);
	cc_sentences_release(&ss);
	/* A set that grows keeps what it held. */
	for (i = 2; i < 1000; i++)
		cc_lineset_add(set, i * 7919);
	ck_assert_int_eq(cc_lineset_has(set, keys[1]), 1);
	ck_assert_uint_eq(cc_lineset_count(set), 999);
	free(keys);
	free(inset);
	free(other);
	free(oin);
	cc_lineset_free(set);
}
END_TEST

static Suite *
text_suite(void)
{
	Suite	*s = suite_create("text");
	TCase	*tc;

	tc = tcase_create("utf8");
	tcase_add_test(tc, test_utf8_valid);
	tcase_add_test(tc, test_utf8_invalid);
	tcase_add_test(tc, test_utf8_binary_empty);
	suite_add_tcase(s, tc);

	tc = tcase_create("fold");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_fold_spaces_quotes_dashes);
	tcase_add_test(tc, test_fold_removed);
	tcase_add_test(tc, test_fold_nfc);
	tcase_add_test(tc, test_fold_orig_end);
	tcase_add_test(tc, test_fold_seeds_map);
	tcase_add_test(tc, test_fold_linear);
	suite_add_tcase(s, tc);

	tc = tcase_create("segment");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_segment_abbreviations);
	tcase_add_test(tc, test_segment_punctuation);
	tcase_add_test(tc, test_segment_word_places);
	tcase_add_test(tc, test_segment_lines);
	tcase_add_test(tc, test_segment_linear);
	tcase_add_test(tc, test_segment_seeds);
	suite_add_tcase(s, tc);

	tc = tcase_create("boiler");
	tcase_add_test(tc, test_boiler_seeds);
	tcase_add_test(tc, test_boiler_general);
	tcase_add_test(tc, test_boiler_add);
	tcase_add_test(tc, test_boiler_repeated);
	tcase_add_test(tc, test_boiler_shared);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(text_suite)
