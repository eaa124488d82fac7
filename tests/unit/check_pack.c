/*
 * check_pack.c - rule packs: the bundled packs load; broken packs report
 * every problem at FILE:LINE:COL and fail; macros and vocabularies expand;
 * the words a pattern needs (needs.c) are found, and are never wrong.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "extract.h"
#include "needs.h"
#include "pack.h"
#include "rematch.h"
#include "text.h"
#include "xmalloc.h"
#include "check_main.h"

struct seen {
	struct cc_diag	d[16];
	unsigned	n;
};

static void
collect(const struct cc_diag *d, void *arg)
{
	struct seen	*s = arg;

	if (s->n < 16)
		s->d[s->n] = *d;
	s->n++;
}

/* A scratch pack directory holding one file with the given text. */
static char *
scratch_pack(const char *yaml)
{
	char	*dir = xstrdup("/tmp/cc-pack.XXXXXX"), *path;
	FILE	*f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	path = xasprintf("%s/pack.yaml", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(yaml, f);
	fclose(f);
	free(path);
	return dir;
}

static void
remove_pack(char *dir)
{
	char	*path = xasprintf("%s/pack.yaml", dir);

	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

START_TEST(test_bundled_packs_load)
{
	struct cc_pack	*pk = NULL;
	struct seen	 s = { .n = 0 };

	ck_assert_int_eq(cc_pack_load(CC_TEST_RULES_DIR, &pk, collect, &s),
	    CC_OK);
	ck_assert_uint_eq(s.n, 0);
	ck_assert_ptr_nonnull(pk);
	ck_assert_uint_gt(pk->nrules, 5);
	ck_assert_str_eq(pk->corpus, "articles");
	ck_assert_uint_eq(strlen(pk->hash), CC_HASH_HEXLEN);
	cc_pack_free(pk);
}
END_TEST

START_TEST(test_errors_located_and_all_reported)
{
	char		*dir = scratch_pack(
	    "rules:\n"
	    "  - id: a\n"
	    "    type: casualty\n"
	    "    pattern: 'x(y'\n"
	    "  - id: a\n"
	    "    type: gossip\n"
	    "    pattern: '%{NOPE}'\n"
	    "colour: blue\n");
	struct cc_pack	*pk = NULL;
	struct seen	 s = { .n = 0 };
	unsigned	 i;
	int		 bad_pat = 0, dup = 0, type = 0, macro = 0, sect = 0;

	ck_assert_int_eq(cc_pack_load(dir, &pk, collect, &s), CC_ERULE);
	ck_assert_ptr_null(pk);
	for (i = 0; i < s.n && i < 16; i++) {
		if (strstr(s.d[i].msg, "invalid pattern") && s.d[i].line == 4 &&
		    s.d[i].col == 18)	/* the end of 'x(y': missing ')' */
			bad_pat = 1;
		if (strstr(s.d[i].msg, "duplicate rule id 'a'") &&
		    s.d[i].line == 5)
			dup = 1;
		if (strstr(s.d[i].msg, "unknown claim type 'gossip'") &&
		    s.d[i].line == 6 && s.d[i].col == 11)
			type = 1;
		if (strstr(s.d[i].msg, "unknown macro or vocabulary %{NOPE}") &&
		    s.d[i].line == 7 && s.d[i].col == 15)
			macro = 1;
		if (strstr(s.d[i].msg, "unknown section 'colour'") &&
		    s.d[i].line == 8 && s.d[i].col == 1)
			sect = 1;
		ck_assert_str_eq(s.d[i].file + strlen(s.d[i].file) - 9,
		    "pack.yaml");
	}
	ck_assert_msg(bad_pat && dup && type && macro && sect,
	    "missing diagnostics: pattern %d dup %d type %d macro %d "
	    "section %d (of %u)", bad_pat, dup, type, macro, sect, s.n);
	remove_pack(dir);
}
END_TEST

START_TEST(test_yaml_syntax_error)
{
	char		*dir = scratch_pack("vocab:\n  a: [x, y\n");
	struct cc_pack	*pk = NULL;
	struct seen	 s = { .n = 0 };

	ck_assert_int_eq(cc_pack_load(dir, &pk, collect, &s), CC_ERULE);
	ck_assert_uint_eq(s.n, 1);
	ck_assert_uint_eq(s.d[0].line, 3);
	remove_pack(dir);
}
END_TEST

START_TEST(test_macro_and_vocab_expand)
{
	char		*dir = scratch_pack(
	    "vocab:\n"
	    "  nums: {one: '1', twenty: '20', twenty-one: '21'}\n"
	    "macros:\n"
	    "  N: '(?:[0-9]+|%{nums})'\n");
	struct cc_pack	*pk = NULL;
	struct cc_diag	 d;
	pcre2_code	*re;
	pcre2_match_data *md;
	PCRE2_SIZE	*ov;

	ck_assert_int_eq(cc_pack_load(dir, &pk, NULL, NULL), CC_OK);
	re = cc_pack_compile(pk, "^%{N} (?<w>[a-z]+)$", 1, &d);
	ck_assert_ptr_nonnull(re);
	md = pcre2_match_data_create_from_pattern(re, NULL);
	/* Longest alternative first: "twenty-one" is not cut at "twenty". */
	ck_assert_int_gt(pcre2_match(re, (PCRE2_SPTR)"Twenty-One dogs", 15, 0,
	    0, md, NULL), 0);
	ov = pcre2_get_ovector_pointer(md);
	ck_assert_uint_eq(ov[0], 0);
	ck_assert_int_gt(pcre2_match(re, (PCRE2_SPTR)"42 cats", 7, 0, 0, md,
	    NULL), 0);
	ck_assert_int_lt(pcre2_match(re, (PCRE2_SPTR)"two cats", 8, 0, 0, md,
	    NULL), 0);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	/* Errors point into the caller's pattern, not the expansion. */
	re = cc_pack_compile(pk, "%{N} (unclosed", 1, &d);
	ck_assert_ptr_null(re);
	ck_assert_uint_eq(d.col, 15);
	cc_pack_free(pk);
	remove_pack(dir);
}
END_TEST

/* A rule's after: pattern is checked like a pattern (errors at its
 * FILE:LINE:COL) and its groups are groups fields may name. */
START_TEST(test_after_pattern)
{
#define AFTER_PACK(after)						\
	"rules:\n  - id: r\n    type: casualty\n"			\
	"    pattern: '(?<v>[0-9]+) killed'\n"				\
	"    after: '" after "'\n"					\
	"    fields: {value: $v, speaker: $sp}\n"
	char		*bad = scratch_pack(AFTER_PACK(",\\s+(?<sp>[A-Z]\\w+"));
	char		*good = scratch_pack(AFTER_PACK(",\\s+(?<sp>[A-Z]\\w+)"));
	struct cc_pack	*pk = NULL;
	struct seen	 s = { .n = 0 };

	ck_assert_int_eq(cc_pack_load(bad, &pk, collect, &s), CC_ERULE);
	ck_assert_uint_eq(s.n, 1);
	ck_assert_ptr_nonnull(strstr(s.d[0].msg, "invalid pattern"));
	/* line 5, the end of the text (a ')' is missing) */
	ck_assert_uint_eq(s.d[0].line, 5);
	ck_assert_uint_eq(s.d[0].col, 31);
	remove_pack(bad);
	s.n = 0;
	ck_assert_int_eq(cc_pack_load(good, &pk, collect, &s), CC_OK);
	ck_assert_uint_eq(s.n, 0);
	ck_assert_ptr_nonnull(pk->rules[0].after);
	cc_pack_free(pk);
	remove_pack(good);
#undef AFTER_PACK
}
END_TEST

/* Loading leaves the rules' patterns to the interpreter (normalize loads
 * the pack and matches no rule); cc_pack_jit() compiles them, once. */
START_TEST(test_rules_jit_on_demand)
{
	struct cc_pack	*pk = NULL;
	size_t		 before, after, again;
	uint32_t	 jit = 0;

	ck_assert_int_eq(cc_pack_load(CC_TEST_RULES_DIR, &pk, NULL, NULL), CC_OK);
	ck_assert_uint_gt(pk->nrules, 0);
	pcre2_pattern_info(pk->rules[0].pats[0], PCRE2_INFO_JITSIZE, &before);
	ck_assert_uint_eq(before, 0);
	cc_pack_jit(pk);
	pcre2_pattern_info(pk->rules[0].pats[0], PCRE2_INFO_JITSIZE, &after);
	(void)pcre2_config(PCRE2_CONFIG_JIT, &jit);
	if (jit)
		ck_assert_uint_gt(after, 0);
	cc_pack_jit(pk);
	pcre2_pattern_info(pk->rules[0].pats[0], PCRE2_INFO_JITSIZE, &again);
	ck_assert_uint_eq(again, after);
	cc_pack_free(pk);
}
END_TEST

/* cc_re_match() finds what pcre2_match() finds, with machine code or
 * without (the interpreter then), and honours an offset limit. */
START_TEST(test_re_match)
{
	const char		*s = "Lavrov said Monday";
	pcre2_code		*re, *lim;
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
	PCRE2_SIZE		 eoff, *ov;
	int			 err;
	uint32_t		 jit = 0;

	re = pcre2_compile((PCRE2_SPTR)"\\bsaid\\s+(\\w+)",
	    PCRE2_ZERO_TERMINATED, PCRE2_UTF, &err, &eoff, NULL);
	ck_assert_ptr_nonnull(re);
	md = pcre2_match_data_create_from_pattern(re, NULL);
	/* no machine code yet */
	ck_assert_int_eq(cc_re_match(re, (PCRE2_SPTR)s, strlen(s), 0,
	    PCRE2_NO_UTF_CHECK, md, NULL), 2);
	ov = pcre2_get_ovector_pointer(md);
	ck_assert_uint_eq(ov[0], 7);
	ck_assert_uint_eq(ov[2], 12);
	ck_assert_int_eq(cc_re_match(re, (PCRE2_SPTR)s, strlen(s), 8,
	    PCRE2_NO_UTF_CHECK, md, NULL), PCRE2_ERROR_NOMATCH);
	(void)pcre2_config(PCRE2_CONFIG_JIT, &jit);
	if (jit)
		ck_assert_int_eq(pcre2_jit_compile(re, PCRE2_JIT_COMPLETE), 0);
	ck_assert_int_eq(cc_re_match(re, (PCRE2_SPTR)s, strlen(s), 0,
	    PCRE2_NO_UTF_CHECK, md, NULL), 2);
	ck_assert_uint_eq(pcre2_get_ovector_pointer(md)[0], 7);
	ck_assert_int_eq(cc_re_match(re, (PCRE2_SPTR)s, strlen(s), 8,
	    PCRE2_NO_UTF_CHECK, md, NULL), PCRE2_ERROR_NOMATCH);

	/* a match must start at the limit or before it */
	lim = pcre2_compile((PCRE2_SPTR)"said", PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_USE_OFFSET_LIMIT, &err, &eoff, NULL);
	ck_assert_ptr_nonnull(lim);
	if (jit)
		ck_assert_int_eq(pcre2_jit_compile(lim, PCRE2_JIT_COMPLETE), 0);
	mc = pcre2_match_context_create(NULL);
	pcre2_set_offset_limit(mc, 7);
	ck_assert_int_eq(cc_re_match(lim, (PCRE2_SPTR)s, strlen(s), 0,
	    PCRE2_NO_UTF_CHECK, md, mc), 1);
	pcre2_set_offset_limit(mc, 6);
	ck_assert_int_eq(cc_re_match(lim, (PCRE2_SPTR)s, strlen(s), 0,
	    PCRE2_NO_UTF_CHECK, md, mc), PCRE2_ERROR_NOMATCH);
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
	pcre2_code_free(lim);
	pcre2_code_free(re);
}
END_TEST

/* Length of the match of re at the start of s, or -1. */
static int
match_len(pcre2_code *re, const char *s)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	int		 rc, n = -1;

	rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, PCRE2_ANCHORED, md,
	    NULL);
	if (rc > 0)
		n = (int)pcre2_get_ovector_pointer(md)[1];
	pcre2_match_data_free(md);
	return n;
}

/* Lists are compiled as a trie of their words; what a pattern matches
 * must be what the alternation of longest words first matched. */
START_TEST(test_list_trie_same_matches)
{
	char		*dir = scratch_pack(
	    "vocab:\n"
	    "  w: [ten, tens, tenth, twenty, twenty-one, more than, more, "
	    "m.p., a, an, ten]\n"
	    "  caps: [US, us, usa]\n"
	    "  sym: ['-', '^x', ']y', '\\z', 'ok']\n");
	struct cc_pack	*pk = NULL;
	struct cc_diag	 d;
	pcre2_code	*re, *cs, *caps, *sym;

	ck_assert_int_eq(cc_pack_load(dir, &pk, NULL, NULL), CC_OK);
	re = cc_pack_compile(pk, "%{w}", 1, &d);
	cs = cc_pack_compile(pk, "%{w}(?![a-z])", 0, &d);
	caps = cc_pack_compile(pk, "%{caps}", 0, &d);
	sym = cc_pack_compile(pk, "%{sym}", 1, &d);
	ck_assert_ptr_nonnull(re);
	ck_assert_ptr_nonnull(sym);
	ck_assert_ptr_nonnull(cs);
	ck_assert_ptr_nonnull(caps);
	/* The longest word that fits, whatever its case. */
	ck_assert_int_eq(match_len(re, "Twenty-One men"), 10);
	ck_assert_int_eq(match_len(re, "tenths"), 5);
	ck_assert_int_eq(match_len(re, "tense"), 4);
	ck_assert_int_eq(match_len(re, "more \t than 5"), 11);
	ck_assert_int_eq(match_len(re, "more thanks"), 9);
	ck_assert_int_eq(match_len(re, "morel"), 4);
	ck_assert_int_eq(match_len(re, "m.p. said"), 4);
	ck_assert_int_eq(match_len(re, "mxp"), -1);
	ck_assert_int_eq(match_len(re, "and"), 2);
	/* Backtracking reaches the shorter words: "tens" is given up for
	 * "ten" when a letter follows, "twenty-one" for "twenty". */
	ck_assert_int_eq(match_len(cs, "tense"), -1);
	ck_assert_int_eq(match_len(cs, "ten."), 3);
	ck_assert_int_eq(match_len(cs, "twenty-onex"), 6);
	ck_assert_int_eq(match_len(cs, "an hour"), 2);
	ck_assert_int_eq(match_len(cs, "Ten"), -1);
	/* Words with capitals keep their case-sensitive alternation. */
	ck_assert_int_eq(match_len(caps, "USA"), 2);
	ck_assert_int_eq(match_len(caps, "usa"), 3);
	ck_assert_int_eq(match_len(caps, "Us"), -1);
	/* Words may open with what a character class spells specially
	 * (the trie's look-ahead for first characters lists them). */
	ck_assert_int_eq(match_len(sym, "-"), 1);
	ck_assert_int_eq(match_len(sym, "^x"), 2);
	ck_assert_int_eq(match_len(sym, "]y"), 2);
	ck_assert_int_eq(match_len(sym, "\\z"), 2);
	ck_assert_int_eq(match_len(sym, "OK"), 2);
	ck_assert_int_eq(match_len(sym, "x"), -1);
	ck_assert_int_eq(match_len(sym, "y"), -1);
	pcre2_code_free(sym);
	pcre2_code_free(re);
	pcre2_code_free(cs);
	pcre2_code_free(caps);
	cc_pack_free(pk);
	remove_pack(dir);
}
END_TEST

/* A list of single characters becomes a class: the same matches as the
 * alternation, with the characters a class spells specially escaped and
 * characters of several bytes kept whole. */
START_TEST(test_list_class_same_matches)
{
	char		*dir = scratch_pack(
	    "vocab:\n"
	    "  c: ['$', '\xc2\xa3', '\xe2\x82\xac', ']', '\\', '^', '-', '[', "
	    "b, M]\n");
	struct cc_pack	*pk = NULL;
	struct cc_diag	 d;
	pcre2_code	*ci, *cs;

	ck_assert_int_eq(cc_pack_load(dir, &pk, NULL, NULL), CC_OK);
	ci = cc_pack_compile(pk, "%{c}", 1, &d);
	cs = cc_pack_compile(pk, "^%{c}+$", 0, &d);
	ck_assert_ptr_nonnull(ci);
	ck_assert_ptr_nonnull(cs);
	ck_assert_int_eq(match_len(ci, "\xe2\x82\xac" "5"), 3);
	ck_assert_int_eq(match_len(ci, "\xc2\xa3" "5"), 2);
	ck_assert_int_eq(match_len(ci, "$"), 1);
	ck_assert_int_eq(match_len(ci, "]"), 1);
	ck_assert_int_eq(match_len(ci, "\\"), 1);
	ck_assert_int_eq(match_len(ci, "^"), 1);
	ck_assert_int_eq(match_len(ci, "-"), 1);
	ck_assert_int_eq(match_len(ci, "["), 1);
	ck_assert_int_eq(match_len(ci, "m"), 1);
	ck_assert_int_eq(match_len(ci, "B"), 1);
	ck_assert_int_eq(match_len(ci, "x"), -1);
	ck_assert_int_eq(match_len(ci, "a"), -1);
	ck_assert_int_eq(match_len(ci, "\xc2\xa5"), -1);	/* yen */
	ck_assert_int_eq(match_len(ci, "\xe2\x82\xad"), -1);	/* kip */
	/* case kept where the pattern is not caseless */
	ck_assert_int_eq(match_len(cs, "$]-[^\\bM\xe2\x82\xac"), 11);
	ck_assert_int_eq(match_len(cs, "m"), -1);
	ck_assert_int_eq(match_len(cs, "B"), -1);
	pcre2_code_free(ci);
	pcre2_code_free(cs);
	cc_pack_free(pk);
	remove_pack(dir);
}
END_TEST

/* %{a|b}: the words of both lists, as one list. */
START_TEST(test_list_union)
{
	char		*dir = scratch_pack(
	    "vocab:\n"
	    "  a: [one, two]\n"
	    "  b: [three, thirty, more than]\n");
	struct cc_pack	*pk = NULL;
	struct cc_diag	 d;
	pcre2_code	*re;

	ck_assert_int_eq(cc_pack_load(dir, &pk, NULL, NULL), CC_OK);
	re = cc_pack_compile(pk, "%{a|b}(?![a-z])", 1, &d);
	ck_assert_ptr_nonnull(re);
	ck_assert_int_eq(match_len(re, "Thirty"), 6);
	ck_assert_int_eq(match_len(re, "two"), 3);
	ck_assert_int_eq(match_len(re, "more  than"), 10);
	ck_assert_int_eq(match_len(re, "thirteen"), -1);
	pcre2_code_free(re);
	/* every name must be a list */
	ck_assert_ptr_null(cc_pack_compile(pk, "%{a|nosuch}", 1, &d));
	ck_assert_ptr_nonnull(strstr(d.msg, "unknown macro or vocabulary"));
	cc_pack_free(pk);
	remove_pack(dir);
}
END_TEST

START_TEST(test_field_alternatives)
{
	char		*dir = scratch_pack(
	    "rules:\n"
	    "  - id: r\n"
	    "    type: casualty\n"
	    "    pattern: '(?<v>[0-9]+) (?<s>civilians)?'\n"
	    "    fields: {subject: '$s, else $t, else people', value: $v}\n");
	struct cc_pack	*pk = NULL;
	struct seen	 s = { .n = 0 };

	/* $t is in no pattern: reported, not silently empty. */
	ck_assert_int_eq(cc_pack_load(dir, &pk, collect, &s), CC_ERULE);
	ck_assert_uint_eq(s.n, 1);
	ck_assert_ptr_nonnull(strstr(s.d[0].msg, "no pattern has a group "
	    "named 't'"));
	ck_assert_uint_eq(s.d[0].line, 5);
	remove_pack(dir);
}
END_TEST

/* The sets of n as text: "{a|b} {c}"; n released. */
static char *
sets_str(struct cc_needs *n)
{
	struct cc_buf	 b = CC_BUF_INIT;
	size_t		 k, i, w = 0;

	for (k = 0; k < n->nsets; k++) {
		cc_buf_adds(&b, k ? " {" : "{");
		for (i = 0; i < n->nwords[k]; i++, w++)
			cc_buf_printf(&b, "%s%s", i ? "|" : "", n->words[w]);
		cc_buf_addc(&b, '}');
	}
	cc_buf_addc(&b, '\0');
	cc_needs_release(n);
	return b.data;
}

/* The needed words of pattern p as text: "{a|b} {c}". */
static char *
needs_str(const char *p)
{
	struct cc_needs	 n;

	cc_needs_find(p, strlen(p), CC_NEEDS_MINLEN, CC_NEEDS_ANY, &n);
	return sets_str(&n);
}

/* What str() makes of pattern p is want. */
static void
found_is(char *(*str)(const char *), const char *p, const char *want)
{
	char	*got = str(p);

	ck_assert_msg(strcmp(got, want) == 0, "%s: got \"%s\", want \"%s\"",
	    p, got, want);
	free(got);
}

#define needs_is(p, want)	found_is(needs_str, (p), (want))

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lead of pattern p as text, its words sorted, after its edge:
 * "b{a|the}" (\b), "w{...}" (after no word character), "-{...}", or
 * "" for none. */
static char *
lead_str(const char *p)
{
	struct cc_needs	 n;
	struct cc_buf	 b = CC_BUF_INIT;
	size_t		 i;

	cc_needs_find(p, strlen(p), CC_NEEDS_MINLEN, CC_NEEDS_ANY, &n);
	if (n.nlead > 0) {
		qsort(n.lead, n.nlead, sizeof *n.lead, str_cmp);
		cc_buf_addc(&b, n.lead_edge == CC_NEEDS_EDGE_B ? 'b' :
		    n.lead_edge == CC_NEEDS_EDGE_NOTW ? 'w' : '-');
		cc_buf_addc(&b, '{');
		for (i = 0; i < n.nlead; i++)
			cc_buf_printf(&b, "%s%s", i ? "|" : "", n.lead[i]);
		cc_buf_addc(&b, '}');
	}
	cc_buf_addc(&b, '\0');
	cc_needs_release(&n);
	return b.data;
}

#define lead_is(p, want)	found_is(lead_str, (p), (want))

/* The words a match of p that sets group g needs, as text. */
static void
group_needs_is(const char *p, const char *g, const char *want)
{
	struct cc_needs	 n;
	char		*got;

	cc_needs_find_groups(p, strlen(p), &g, 1, 2, CC_NEEDS_ANY, &n);
	got = sets_str(&n);
	ck_assert_msg(strcmp(got, want) == 0, "%s (%s): got \"%s\", want "
	    "\"%s\"", p, g, got, want);
	free(got);
}

/* The words a group needs: those on the way to it in the pattern, in
 * look-aheads and optional parts too, which the pattern as a whole
 * does not need (it matches without the group). */
START_TEST(test_needs_group)
{
	const char *say = "^(?=(?:(?=.*?\\s(?:said|told))\\w+\\s"
	    "(?<sp1>\\w+))?)(?=(?:.*?according\\s+to\\s+(?<sp2>\\w+))?)";

	needs_is(say, "");
	group_needs_is(say, "sp1", "{said|told}");
	group_needs_is(say, "sp2", "{according}");
	/* no such group: nothing known */
	group_needs_is(say, "sp3", "");
	/* one alternative has it: that one's words */
	group_needs_is("(?:killed\\s+(?<n>\\d+)|wounded)\\s+people", "n",
	    "{people} {killed} {killed|wounded}");
	/* several: one of theirs */
	group_needs_is("(?|killed\\s+(?<n>\\d+)|(?<n>\\d+)\\s+dead)", "n",
	    "{killed|dead}");
	/* inside the group, and after a quantifier */
	group_needs_is("(?:x(?<g>troops?\\s+\\d+))*\\s+left", "g",
	    "{troop} {left}");
	/* a negative assertion keeps no group: what else is needed */
	group_needs_is("(?!(?<g>never))done", "g", "{done}");
	/* several at once: each as alone */
	{
		const char	*g[] = { "sp2", "nope", "sp1" };
		struct cc_needs	 n[3];
		char		*got;

		cc_needs_find_groups(say, strlen(say), g, 3, 2, CC_NEEDS_ANY,
		    n);
		got = sets_str(&n[0]);
		ck_assert_str_eq(got, "{according}");
		free(got);
		got = sets_str(&n[1]);
		ck_assert_str_eq(got, "");
		free(got);
		got = sets_str(&n[2]);
		ck_assert_str_eq(got, "{said|told}");
		free(got);
	}
	/* the same set met twice is given once; past the first, no set
	 * as short as "to" */
	group_needs_is("(?=.*according)(?=.*to)(?<w>\\w+)(?=.*according)", "w",
	    "{according}");
}
END_TEST

/* The words every match starts with, and where (needs.h, lead). */
START_TEST(test_needs_lead)
{
	lead_is("\\b(?:The|a)\\s+x", "b{a|the}");
	lead_is("(?<!\\w)(?=\\w)(?:[0-9]|one)\\w*", "w{0|1|2|3|4|5|6|7|8|9|one}");
	/* a look-ahead where the match starts tells how it starts */
	lead_is("(?<!\\w)(?=\\w)(?=[-.]?[0-9]|two\\b)\\w+", "w{-0|-1|-2|-3|-4|-5|-6|-7|-8|-9|.0|.1|.2|.3|.4|.5|.6|.7|.8|.9|0|1|2|3|4|5|6|7|8|9|two}");
	/* an optional piece first: it, or what follows, opens the match */
	lead_is("\\b(?:(?:Kyiv|Moscow)\\s+has\\s+)?\\d*(?:troops|tanks)", "");
	lead_is("\\b(?:(?:Kyiv|Moscow)\\s+has\\s+)?(?:ten|five)\\s+troops", "b{five|kyiv|moscow|ten}");
	lead_is("a?b", "-{ab|b}");
	/* a word that starts with another of the set: the shorter is
	 * found where the longer stands */
	lead_is("(?:no|not|never)\\s", "-{never|no}");
	/* unknown: a class, a branch that can start anywhere, an edge
	 * that is not the same in all branches */
	lead_is("\\w+said", "");
	lead_is("foo|\\d+", "");
	lead_is("\\bfoo|(?<!\\w)bar", "-{bar|foo}");
	/* \G matches where a search starts, a verb can end the search:
	 * no lead */
	lead_is("\\Gfoo", "");
	lead_is("(*COMMIT)foo", "");
	/* only assertions: the match may be empty */
	lead_is("(?=foo)", "");
}
END_TEST

/* What a pattern cannot match without, best sets first. */
START_TEST(test_needs_found)
{
	needs_is("\\b(?:Talks|negotiations?)\\s+(?:broke\\s+down|collapsed)",
	    "{talks|negotiation} {broke|collapsed}");
	/* optional parts need nothing; a lookahead's words count */
	needs_is("(?:(?<who>[A-Z]\\w+)\\s+said\\s+)?killed(?=.*\\btoll)",
	    "{killed} {toll}");
	/* a word that holds another of its set is one search too many:
	 * a text with "offers" has "offer" */
	needs_is("proposals?|offers?", "{proposal|offer}");
	needs_is("is an?\\s+(?:reporter|reporters|report)",
	    "{report} {is a}");
	needs_is("[sz]ign(?:ed|s)", "{signed|signs|zigned|zigns}");
	/* an alternative with nothing needed: the set is dropped */
	needs_is("\\b(?:killed|\\d+)\\b", "");
	needs_is("(?-i:Anna)\\s+(?i:said)+", "{anna} {said}");
	/* too short to narrow anything */
	needs_is("\\bon\\b", "");
	/* constructs the reader leaves alone give no set, never a wrong one */
	needs_is("(?x) kill ed", "");
	needs_is("(?(?=a)abc|xyz)", "");
	needs_is("(?<w>word)\\k<w>x{2}", "{word}");
	needs_is("\\Qkilled\\E", "");
	needs_is("(?!killed)wounded", "{wounded}");
}
END_TEST

/* Whether text (lower case) holds the words pattern p needs. */
static int
met(const char *p, const char *text)
{
	struct cc_needs	n;
	int		r;

	cc_needs_find(p, strlen(p), CC_NEEDS_MINLEN, CC_NEEDS_ANY, &n);
	r = cc_needs_met(&n, text, strlen(text));
	cc_needs_release(&n);
	return r;
}

/* A word is found wherever it stands, its rare byte first or last, at
 * the text's ends, after near misses; it is not found when only part
 * of it is there. */
START_TEST(test_needs_met)
{
	ck_assert(met("cookie", "cookie"));
	ck_assert(met("cookie", "our cookie policy"));
	ck_assert(met("cookie", "kkk cookcookie"));
	ck_assert(met("cookie", "see cookie"));
	ck_assert(!met("cookie", "cooki"));
	ck_assert(!met("cookie", "ookie cooki okie kcookje"));
	ck_assert(!met("cookie", ""));
	ck_assert(met("kilo", "kilo"));		/* rare byte first */
	ck_assert(met("kilo", "a kikilo"));
	ck_assert(!met("kilo", "kil okil ilo"));
	ck_assert(met("blitz", "a blitz"));	/* ... and last */
	ck_assert(!met("blitz", "blit litz blitt"));
	ck_assert(met("is an?\\s+reporter", "she is a reporter"));
	ck_assert(!met("is an?\\s+reporter", "she is the reporter"));
	ck_assert(met("(?:quiz|jazz)\\s+night", "jazz night"));
	ck_assert(!met("(?:quiz|jazz)\\s+night", "quix at night, jaz"));
}
END_TEST

/* The gate of p's needs; with behind, its look-behind mark there. */
static size_t
gate_of(const char *p, int *behind)
{
	struct cc_needs	n;
	size_t		g;

	cc_needs_find(p, strlen(p), CC_NEEDS_MINLEN, CC_NEEDS_ANY, &n);
	g = n.gate;
	if (behind != NULL)
		*behind = n.behind;
	cc_needs_release(&n);
	return g;
}

/* The gate: the rest of the pattern from its first part that needs
 * words, when parts that match text come before it. */
START_TEST(test_needs_gate)
{
	ck_assert_uint_eq(gate_of("\\b(?:[A-Z]\\w+\\s+)?told\\s+Reuters",
	    NULL), 18);
	ck_assert_uint_eq(gate_of("[0-9]+\\s+(?:people\\s+)?killed", NULL),
	    23);
	/* nothing before it, or only zero-width tests: no gate */
	ck_assert_uint_eq(gate_of("\\btold\\s+[A-Z]\\w+", NULL), 0);
	ck_assert_uint_eq(gate_of("\\b(?=\\d)killed", NULL), 0);
	/* alternatives, back references, options for the rest: none */
	ck_assert_uint_eq(gate_of("\\w+\\s+told|said", NULL), 0);
	ck_assert_uint_eq(gate_of("(\\w+)\\s+told\\s+\\1", NULL), 0);
	ck_assert_uint_eq(gate_of("\\w+(?-i)\\s+told", NULL), 0);
	/* right after a space the pattern needs, from that space: PCRE2
	 * then tries the gate at spaces, not at every "m" */
	ck_assert_uint_eq(gate_of("\\w+\\s+met\\b", NULL), 3);
	ck_assert_uint_eq(gate_of("\\w+\\smet\\b", NULL), 3);
	/* not after an optional space, nor after "\\" and "s+" */
	ck_assert_uint_eq(gate_of("\\w+\\s*met\\b", NULL), 6);
	ck_assert_uint_eq(gate_of("\\w+\\\\s+met\\b", NULL), 7);
}
END_TEST

static int
behind_of(const char *p)
{
	int	b;

	(void)gate_of(p, &b);
	return b;
}

/* Words a positive look-behind needs stand before the match: the
 * extractor must not look for them after where it starts. */
START_TEST(test_needs_behind)
{
	ck_assert_int_eq(behind_of("(?<=\\bsaid\\s)\\d+\\s+killed"), 1);
	ck_assert_int_eq(behind_of("\\d+(?<=said\\s\\d+)"), 1);
	ck_assert_int_eq(behind_of("\\d+\\s+killed(?=\\s+\\w+\\s+said)"), 0);
	ck_assert_int_eq(behind_of("(?<!\\bnot\\s)\\d+\\s+killed"), 0);
	/* (such words are needed all the same) */
	needs_is("(?<=\\bsaid\\s)\\d+\\s+killed", "{killed} {said}");
}
END_TEST

/* What rule_values() saw of its pattern. */
struct rule_run {
	int	split;		/* split in two (pack.h: mains, conts) */
	int	behind;		/* its needs' look-behind mark */
	int	word_start;	/* searched by where a match starts (pack.h:
				   anchs, words) */
};

/* The values of the claims pk's rules give for text, as "v v v". */
static char *
pack_values(const struct cc_pack *pk, const char *text)
{
	struct cc_extractor	*ex;
	struct cc_article	 a;
	struct cc_sentences	 ss;
	struct cc_claims	 c;
	struct cc_buf		 b = CC_BUF_INIT;
	size_t			 i;

	cc_article_init(&a);
	a.name = xstrdup("a");
	a.text = xstrdup(text);
	a.len = strlen(a.text);
	memset(&ss, 0, sizeof ss);
	memset(&c, 0, sizeof c);
	ex = cc_extractor_new(pk);
	ck_assert_int_eq(cc_extract_article(ex, &a, &ss, &c), CC_OK);
	for (i = 0; i < c.n; i++)
		cc_buf_printf(&b, "%s%g", i ? " " : "", c.v[i].vmin);
	cc_buf_addc(&b, '\0');
	cc_extractor_free(ex);
	cc_claims_release(&c);
	cc_sentences_release(&ss);
	cc_article_release(&a);
	return b.data;
}

/* The values of the claims one rule (pattern, in a scratch pack) gives
 * for text, as "v v v". */
static char *
rule_values(const char *pattern, const char *text, struct rule_run *rr)
{
	char			*yaml = xasprintf("rules:\n  - id: r\n"
	    "    type: casualty\n    pattern: '%s'\n"
	    "    fields: {value: $v}\n", pattern);
	char			*dir = scratch_pack(yaml), *v;
	struct cc_pack		*pk = NULL;

	ck_assert_int_eq(cc_pack_load(dir, &pk, NULL, NULL), CC_OK);
	v = pack_values(pk, text);
	rr->split = pk->rules[0].mains[0] != NULL &&
	    pk->rules[0].conts[0] != NULL;
	rr->behind = pk->rules[0].needs[0].behind;
	rr->word_start = pk->rules[0].anchs[0] != NULL &&
	    pk->rules[0].words[0] != NULL;
	cc_pack_free(pk);
	remove_pack(dir);
	free(yaml);
	return v;
}

static void
values_are(const char *pattern, const char *text, int want_split,
    const char *want)
{
	struct rule_run	 rr;
	char		*got = rule_values(pattern, text, &rr);

	ck_assert_msg(rr.split == want_split, "%s: split %d", pattern,
	    rr.split);
	ck_assert_msg(strcmp(got, want) == 0, "%s on \"%s\": got \"%s\", "
	    "want \"%s\"", pattern, text, got, want);
	free(got);
}

/* After a match, the extractor looks for more only where a word of each
 * set is left, unless a look-behind needs words: here the second match
 * is read behind the first one's last word. */
START_TEST(test_needs_behind_extract)
{
	struct rule_run	 rr;
	char		*got = rule_values("(?<=\\btotal\\s)(?<v>[0-9]+)"
	    "(?:\\s+total)?", "The total 12 total 30 were counted.", &rr);

	ck_assert_int_eq(rr.behind, 1);
	ck_assert_str_eq(got, "12 30");
	free(got);
}
END_TEST

/*
 * A pattern written to start after no word character, "(?<!\w)", is
 * searched where a search starts and after each non-word character
 * (pack.h): the matches are the pattern's, at the sentence's start,
 * after a dash, a quote or a letter past ASCII, right after a match
 * only where no word character ends it, never inside a word.
 */
START_TEST(test_word_start)
{
	static const char text[] = "12 dead, 13 14-15 x16 \"17\" "
	    "\xc3\xa9" "18 19dead 20 dead21.";
	struct rule_run	 rr;
	char		*got;

	got = rule_values("(?<!\\w)(?=\\w)(?<v>[0-9]+)(?:\\s*dead)?",
	    text, &rr);
	ck_assert_int_eq(rr.word_start, 1);
	ck_assert_str_eq(got, "12 13 14 15 17 18 19 20");
	free(got);
	/* the same written with \b: found as before, without the halves */
	got = rule_values("\\b(?<v>[0-9]+)(?:\\s*dead)?", text, &rr);
	ck_assert_int_eq(rr.word_start, 0);
	ck_assert_str_eq(got, "12 13 14 15 17 18 19 20");
	free(got);
}
END_TEST

/*
 * Trigger and required words with edges ("\bap\b"): they count only
 * where no word character stands on that side, on both of the
 * extractor's ways of testing them (all rules at once for articles, one
 * rule at a time for its examples); words without keep counting inside
 * longer ones.
 */
START_TEST(test_trigger_edges)
{
	static const char yaml[] =
	    "vocab:\n  outlets: [ap, rt, ria novosti]\n"
	    "rules:\n  - id: r\n    type: casualty\n"
	    "    triggers: ['\\b%{outlets}\\b', 'refus', 'glued\\b']\n"
	    "    requires: ['\\bsaid']\n"
	    "    pattern: '(?<v>[0-9]+)'\n"
	    "    fields: {value: $v}\n"
	    "    examples:\n"
	    "      - text: 'The capital reported 5 losses, unsaid.'\n"
	    "        match: false\n"
	    "      - text: 'AP said 7 were hurt.'\n"
	    "        expect: {min: 7}\n"
	    "      - text: 'Ungluedx, they said 6.'\n"
	    "        match: false\n";
	static const unsigned char tedges[] = { 3, 3, 3, 0, CC_EDGE_AFTER };
	char			*dir = scratch_pack(yaml), *v;
	struct cc_pack		*pk = NULL;
	unsigned		 npass = 0, nfail = 0;
	size_t			 i;

	ck_assert_int_eq(cc_pack_load(dir, &pk, NULL, NULL), CC_OK);
	ck_assert_uint_eq(pk->rules[0].ntriggers, 5);
	ck_assert_str_eq(pk->rules[0].triggers[3], "refus");
	ck_assert_str_eq(pk->rules[0].triggers[4], "glued");
	for (i = 0; i < 5; i++)
		ck_assert_uint_eq(pk->rules[0].trigger_edges[i], tedges[i]);
	ck_assert_str_eq(pk->rules[0].requires[0], "said");
	ck_assert_uint_eq(pk->rules[0].require_edges[0], CC_EDGE_BEFORE);
	cc_extract_check_examples(pk, NULL, NULL, &npass, &nfail);
	ck_assert_uint_eq(nfail, 0);
	ck_assert_uint_eq(npass, 3);

	v = pack_values(pk, "The capital reported 5 losses, unsaid.  AP said "
	    "7.  Officials of RIA Novosti said 9.  The refusal, he said, was "
	    "3.  The unglued said 4.  Ungluedx, they said 6.  Trap said 8.  "
	    "Rt said 2");
	ck_assert_str_eq(v, "7 9 3 4 2");
	free(v);
	cc_pack_free(pk);
	remove_pack(dir);
}
END_TEST

/* A lone "\b" is no word.  (A vocab list has no empty word: load_vocab()
 * refuses one.) */
START_TEST(test_trigger_edges_empty)
{
	char		*dir = scratch_pack("rules:\n  - id: r\n"
	    "    type: casualty\n    triggers: [killed, '\\b']\n"
	    "    pattern: '(?<v>[0-9]+)'\n    fields: {value: $v}\n");
	struct cc_pack	*pk = NULL;
	struct seen	 s;

	memset(&s, 0, sizeof s);
	ck_assert_int_ne(cc_pack_load(dir, &pk, collect, &s), CC_OK);
	ck_assert_uint_eq(s.n, 1);
	ck_assert_ptr_nonnull(strstr(s.d[0].msg, "no word between"));
	ck_assert_uint_eq(s.d[0].line, 4);
	remove_pack(dir);
}
END_TEST

/*
 * A pattern whose last branches continue at the previous match (\G) is
 * run in two halves (PCRE2 can skip bytes the others cannot start
 * with): same claims as whole.
 */
START_TEST(test_continuation_split)
{
	/* a list: the first item, then those after it */
	values_are("(?|\\blist\\s+(?<v>[0-9]+)|\\G,\\s+(?<v>[0-9]+))",
	    "The list 5, 6, 7 and 8, 9.", 1, "5 6 7");
	/* where both halves match, the branch that comes first wins */
	values_are("(?|(?<v>[0-9])|\\G(?<v>[0-9]{2}))", "1234", 1, "1 2 3 4");
	values_are("(?|(?<v>[0-9])|(?:\\G(?<v>[0-9]{2})))", "1234", 1,
	    "1 2 3 4");
	/* not split: a \G branch first, not a branch-reset group, a group
	 * of the other half referred to, a \G inside a branch */
	values_are("(?|\\G(?<v>[0-9]{2})|(?<v>[0-9]))", "1234", 0, "12 34");
	values_are("(?:(?<v>[0-9])|\\G(?<v2>[0-9]{2}))", "12", 0, "1 2");
	values_are("(?|(?<v>[0-9])(?<x>a)?|\\G(?<v>[0-9]{2})(?&x))", "12", 0,
	    "1 2");
	values_are("(?|x(?<v>[0-9])|y\\G(?<v>[0-9]))", "x1", 0, "1");
	/* ... or a branch that starts with \G only in part */
	values_are("(?|a(?<v>[0-9])|(?:\\Gx|y)(?<v>[0-9]))", "b a2 y1", 0,
	    "2 1");
	/* ... or a call: in a branch-reset group, (?2) calls the first
	 * group 2, "(b)" */
	values_are("(?|a(?<v>[0-9])(b)?|\\G(?<v>[0-9])(c)?(?2))", "a12b", 0,
	    "1 2");
	/* ... or options set in a branch, which hold for those after it */
	values_are("(?|(?-i)a(?<v>[0-9])|\\GB(?<v>[0-9]))", "a1b2B3", 0, "1");
	/* a '|' in a class or escaped is no branch */
	values_are("(?|[|](?<v>[0-9])|\\G\\|(?<v>[0-9]))", "|1|2", 1, "1 2");
}
END_TEST

/*
 * Where the last word of one of a pattern's sets ends in a text, no match
 * of the pattern starts at that point or after it (the extractor stops
 * looking for more matches there), unless the pattern has a look-behind
 * that needs words.
 */
static size_t
needs_bound(const struct cc_needs *n, const char *lower)
{
	const char	*at;
	size_t		 x, q, w, b = (size_t)-1, last;

	for (x = 0, w = 0; x < n->nsets; w += n->nwords[x], x++) {
		last = 0;
		for (q = 0; q < n->nwords[x]; q++)
			for (at = lower; (at = strstr(at, n->words[w + q])) !=
			    NULL; at++)
				if ((size_t)(at - lower) +
				    strlen(n->words[w + q]) > last)
					last = (size_t)(at - lower) +
					    strlen(n->words[w + q]);
		if (last < b)
			b = last;
	}
	return b;
}

static int
word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

/*
 * Every match of pattern k of rule r in text t (l: lower case) starts
 * (where PCRE2 started it) with a word of the pattern's lead, at its
 * edge, and where its leadmap has the place; 1 if it has a lead.
 */
static int
lead_holds(const struct cc_rule *r, size_t k, const char *t, const char *l,
    pcre2_match_data *md)
{
	const struct cc_needs	*n = &r->needs[k];
	PCRE2_SIZE		 off = 0, at, *ov = pcre2_get_ovector_pointer(md);
	size_t			 q, len = strlen(t);
	int			 pw, w;

	if (n->nlead == 0)
		return 0;
	while (off <= len && pcre2_match(r->pats[k], (PCRE2_SPTR)t, len, off,
	    0, md, NULL) >= 0) {
		at = pcre2_get_startchar(md);
		for (q = 0; q < n->nlead; q++)
			if (strncmp(l + at, n->lead[q], strlen(n->lead[q])) ==
			    0)
				break;
		ck_assert_msg(q < n->nlead, "%s[%zu] matches \"%s\" at %zu, "
		    "with no word of its lead", r->id, k, t, (size_t)at);
		pw = at > 0 && word_char((unsigned char)l[at - 1]);
		w = word_char((unsigned char)l[at]);
		ck_assert_msg(n->lead_edge == 0 || (n->lead_edge ==
		    CC_NEEDS_EDGE_B ? pw != w : !pw), "%s[%zu] matches \"%s\" "
		    "at %zu, not at its lead's edge", r->id, k, t, (size_t)at);
		ck_assert_msg(r->leadmap[k] == NULL ||
		    cc_leadmap_has(r->leadmap[k], (unsigned char)l[at],
		    at + 1 < len ? (unsigned char)l[at + 1] : 0, at + 2 < len ?
		    (unsigned char)l[at + 2] : 0), "%s[%zu] matches \"%s\" "
		    "at %zu, not in its leadmap", r->id, k, t, (size_t)at);
		off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	return 1;
}

/* Sound: wherever a bundled pattern matches a rule example, the example
 * holds a word of each of the pattern's sets, and its gate matches; no
 * match starts after the last word of a set (needs_bound()); and each
 * starts as its lead says (lead_holds()). */
START_TEST(test_needs_sound)
{
	struct cc_pack		*pk = NULL;
	pcre2_match_data	*md;
	const struct cc_rule	*r;
	const struct cc_needs	*n;
	size_t			 i, j, e, k, w, x, nmatch = 0, b, nbound = 0;
	size_t			 nlead = 0;
	char			*l;

	ck_assert_int_eq(cc_pack_load(CC_TEST_RULES_DIR, &pk, NULL, NULL),
	    CC_OK);
	cc_pack_jit(pk);	/* (finds the needs) */
	md = pcre2_match_data_create(64, NULL);
	for (i = 0; i < pk->nrules; i++)
		for (e = 0; e < pk->rules[i].nexamples; e++) {
			const char *t = pk->rules[i].examples[e].text;

			l = xstrdup(t);
			for (x = 0; l[x] != '\0'; x++)
				if (l[x] >= 'A' && l[x] <= 'Z')
					l[x] += 32;
			for (j = 0; j < pk->nrules; j++) {
				r = &pk->rules[j];
				for (k = 0; k < r->npats; k++) {
					if (pcre2_match(r->pats[k], (PCRE2_SPTR)t,
					    strlen(t), 0, 0, md, NULL) < 0)
						continue;
					nmatch++;
					nlead += lead_holds(r, k, t, l, md);
					ck_assert_msg(r->gates[k] == NULL ||
					    pcre2_match(r->gates[k],
					    (PCRE2_SPTR)t, strlen(t), 0, 0, md,
					    NULL) >= 0, "%s[%zu] matches "
					    "\"%s\" but its gate does not",
					    r->id, k, t);
					n = &r->needs[k];
					for (x = 0, w = 0; x < n->nsets; x++) {
						size_t q;

						for (q = 0; q < n->nwords[x];
						    q++)
							if (strstr(l,
							    n->words[w + q]))
								break;
						ck_assert_msg(q < n->nwords[x],
						    "%s[%zu] matches \"%s\" "
						    "without set %zu", r->id, k,
						    t, x);
						w += n->nwords[x];
					}
					if (n->nsets == 0 || n->behind)
						continue;
					b = needs_bound(n, l);
					ck_assert_msg(pcre2_match(r->pats[k],
					    (PCRE2_SPTR)t, strlen(t), b, 0, md,
					    NULL) == PCRE2_ERROR_NOMATCH,
					    "%s[%zu] matches \"%s\" from %zu, "
					    "after the last word of a set",
					    r->id, k, t, b);
					nbound++;
				}
			}
			free(l);
		}
	ck_assert_uint_gt(nmatch, 100);
	ck_assert_uint_gt(nbound, 50);
	ck_assert_uint_gt(nlead, 50);
	pcre2_match_data_free(md);
	cc_pack_free(pk);
}
END_TEST

/* Does l[from..to) hold a word of each set of n? */
static int
holds_sets(const struct cc_needs *n, const char *l, size_t from, size_t to)
{
	size_t	k, q, w = 0;

	for (k = 0; k < n->nsets; w += n->nwords[k++]) {
		for (q = 0; q < n->nwords[k]; q++)
			if (memmem(l + from, to - from, n->words[w + q],
			    strlen(n->words[w + q])) != NULL)
				break;
		if (q == n->nwords[k])
			return 0;
	}
	return 1;
}

/* Sound: wherever a bundled context pattern (searched in the text before
 * a match) or after pattern (from where a match ends) sets a group, the
 * text it searched holds a word of each set the group needs, so the
 * extractor may skip the search where one is missing.  Tried on every
 * rule example, cut at each word. */
START_TEST(test_needs_group_sound)
{
	struct cc_pack		*pk = NULL;
	pcre2_match_data	*md;
	PCRE2_SIZE		*ov;
	const struct cc_needs	*n;
	size_t			 i, r, e, g, at, len, nset = 0;
	int			 after;
	char			*l;

	ck_assert_int_eq(cc_pack_load(CC_TEST_RULES_DIR, &pk, NULL, NULL),
	    CC_OK);
	cc_pack_jit(pk);	/* (finds the groups' needs) */
	md = pcre2_match_data_create(64, NULL);
	for (r = 0; r < pk->nrules; r++)
		for (e = 0; e < pk->rules[r].nexamples; e++) {
			const char *t = pk->rules[r].examples[e].text;

			len = strlen(t);
			l = xstrdup(t);
			cc_ascii_lower(l, t, len);
			for (at = 0; at <= len; at++) {
				if (at > 0 && at < len && t[at - 1] != ' ')
					continue;
				for (i = 0; i < pk->nshared; i++) {
					after = pk->shared_keys[i][0] == '1';
					/* context: the text before at; after:
					 * from at on */
					if (pcre2_match(pk->shared[i],
					    (PCRE2_SPTR)t, after ? len : at,
					    after ? at : 0, 0, md, NULL) < 0)
						continue;
					ov = pcre2_get_ovector_pointer(md);
					for (g = 1; g < pk->shared_ngroups[i] &&
					    g < pcre2_get_ovector_count(md);
					    g++) {
						n = &pk->shared_gneeds[i][g];
						if (n->nsets == 0 ||
						    ov[2 * g] == PCRE2_UNSET)
							continue;
						ck_assert_msg(holds_sets(n, l,
						    after && !n->behind ? at :
						    0, after ? len : at),
						    "%s sets group %zu in "
						    "\"%s\" (%s %zu) without "
						    "its words",
						    pk->shared_keys[i] + 2, g,
						    t, after ? "from" : "before",
						    at);
						nset++;
					}
				}
			}
			free(l);
		}
	/* (so many that a check that never ran would show) */
	ck_assert_uint_gt(nset, 100);
	pcre2_match_data_free(md);
	cc_pack_free(pk);
}
END_TEST

static Suite *
pack_suite(void)
{
	Suite	*s = suite_create("pack");
	TCase	*tc = tcase_create("pack");

	/* Loading and JIT-compiling the bundled packs takes seconds under
	 * ASan on a loaded machine: Check's default of 4 s expired in CI. */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_bundled_packs_load);
	tcase_add_test(tc, test_errors_located_and_all_reported);
	tcase_add_test(tc, test_yaml_syntax_error);
	tcase_add_test(tc, test_macro_and_vocab_expand);
	tcase_add_test(tc, test_list_trie_same_matches);
	tcase_add_test(tc, test_after_pattern);
	tcase_add_test(tc, test_rules_jit_on_demand);
	tcase_add_test(tc, test_re_match);
	tcase_add_test(tc, test_field_alternatives);
	tcase_add_test(tc, test_list_class_same_matches);
	tcase_add_test(tc, test_list_union);
	tcase_add_test(tc, test_needs_found);
	tcase_add_test(tc, test_needs_met);
	tcase_add_test(tc, test_needs_lead);
	tcase_add_test(tc, test_needs_group);
	tcase_add_test(tc, test_needs_group_sound);
	tcase_add_test(tc, test_needs_gate);
	tcase_add_test(tc, test_needs_behind);
	tcase_add_test(tc, test_needs_behind_extract);
	tcase_add_test(tc, test_word_start);
	tcase_add_test(tc, test_continuation_split);
	tcase_add_test(tc, test_trigger_edges);
	tcase_add_test(tc, test_trigger_edges_empty);
	tcase_add_test(tc, test_needs_sound);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(pack_suite)
