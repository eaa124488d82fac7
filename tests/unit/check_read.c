/*
 * check_read.c - the plain-text Reader: front matter, every kind of bad
 * input with the position users are told, the size cap, stdin, and the
 * directory walk (order, what is skipped, going on after a bad file);
 * JSON Lines feeds, sources.yaml sidecars, and glued words.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "check_main.h"
#include "entity.h"
#include "pack.h"
#include "text.h"
#include "xmalloc.h"

#define DATA(rel)	xstrdup(CC_TEST_DATA_PATH("read/" rel))

/* Read a fixture; returns the status, a and d filled. */
static int
read_fixture(const char *rel, struct cc_article *a, struct cc_diag *d)
{
	char	path[4096];

	snprintf(path, sizeof path, "%s", CC_TEST_DATA_PATH(rel));
	cc_diag_clear(d);
	return cc_read_file(path, a, d);
}

static int
read_str(const char *s, struct cc_article *a, struct cc_diag *d)
{
	cc_diag_clear(d);
	return cc_read_buffer("dir/test.txt", s, strlen(s), a, d);
}

START_TEST(test_front_matter)
{
	struct cc_article	a;
	struct cc_diag		d;

	ck_assert_int_eq(read_fixture("read/front-matter.txt", &a, &d), CC_OK);
	ck_assert_str_eq(a.name, "front-matter");
	ck_assert_str_eq(a.format, "txt");
	ck_assert_str_eq(a.outlet, "anews");
	ck_assert_str_eq(a.outlet_basis, "front matter");
	ck_assert_str_eq(a.url,
	    "https://www.anews.com.tr/world/2022/10/30/talks");
	ck_assert_str_eq(a.published, "2022-10-30");
	ck_assert_str_eq(a.title, "Russia still ready to negotiate");
	ck_assert_str_eq(a.author, "Jane Doe, John Roe");
	/* The body is everything after the closing line, unchanged. */
	ck_assert_str_eq(a.text, "Russia remains willing to enter into "
	    "negotiations, the minister said on Sunday.\n");
	ck_assert_uint_eq(a.len, strlen(a.text));
	ck_assert_uint_eq(strlen(a.hash), CC_HASH_HEXLEN);
	ck_assert_ptr_null(a.date);
	cc_article_release(&a);
	ck_assert_ptr_null(a.name);

	/* CRLF front matter; the body keeps its curly quotes, and its CRLF
	 * becomes LF like every stored text's. */
	ck_assert_int_eq(read_fixture("read/front-matter-crlf.txt", &a, &d),
	    CC_OK);
	ck_assert_str_eq(a.outlet, "guardian");
	ck_assert_str_eq(a.published, "2022-02-14");
	ck_assert_ptr_null(a.url);
	ck_assert_str_eq(a.text, "Lavrov said: \xe2\x80\x9cThere\xe2\x80\x99s "
	    "always a chance.\xe2\x80\x9d\n");
	ck_assert_ptr_null(a.warn);
	cc_article_release(&a);

	/* No front matter: all of it is the body. */
	ck_assert_int_eq(read_str("Just text.\n---\nmore\n", &a, &d), CC_OK);
	ck_assert_str_eq(a.name, "test");
	ck_assert_str_eq(a.text, "Just text.\n---\nmore\n");
	ck_assert_ptr_null(a.outlet);
	ck_assert_ptr_null(a.outlet_basis);
	cc_article_release(&a);

	/* Empty front matter, "..." as the closing line, null values. */
	ck_assert_int_eq(read_str("---\n---\nBody.", &a, &d), CC_OK);
	ck_assert_str_eq(a.text, "Body.");
	cc_article_release(&a);
	ck_assert_int_eq(read_str("---\nurl: ~\ntitle: ''\n...\nBody.", &a,
	    &d), CC_OK);
	ck_assert_ptr_null(a.url);
	ck_assert_ptr_null(a.title);
	ck_assert_str_eq(a.text, "Body.");
	cc_article_release(&a);
}
END_TEST

START_TEST(test_published_formats)
{
	const char	*ok[][2] = {
		{ "2022-10-30", "2022-10-30" },
		{ "2022-10-30T08:00:00Z", "2022-10-30" },
		{ "2022-10-30T23:30:00+03:00", "2022-10-30" },
		{ "2022-10-30 08:00", "2022-10-30" },
		{ "'2022-10-30T08:00:00.123-0500'", "2022-10-30" },
		{ "2024-02-29", "2024-02-29" },
		{ "October 30, 2022", "2022-10-30" },
		{ "Oct. 3, 2022", "2022-10-03" },
		{ "30 October 2022", "2022-10-30" },
	};
	const char	*bad[] = { "last Tuesday", "2022-13-01", "2023-02-29",
			    "2022-10-32", "2022-10-30T25:00", "30/10/2022",
			    "2022-10-30 and more", "1066-10-14", "Octopus 3, 2022" };
	struct cc_article	 a;
	struct cc_diag		 d;
	char			 buf[256];
	size_t			 i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		snprintf(buf, sizeof buf, "---\npublished: %s\n---\nText.\n",
		    ok[i][0]);
		ck_assert_msg(read_str(buf, &a, &d) == CC_OK, "%s: %s",
		    ok[i][0], d.msg);
		ck_assert_str_eq(a.published, ok[i][1]);
		cc_article_release(&a);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(buf, sizeof buf, "---\ntitle: T\npublished: %s\n---\n"
		    "Text.\n", bad[i]);
		ck_assert_msg(read_str(buf, &a, &d) == CC_EFORMAT,
		    "'%s' accepted", bad[i]);
		ck_assert_uint_eq(d.line, 3);
		ck_assert_uint_eq(d.col, 12);
		ck_assert_ptr_nonnull(strstr(d.msg, "published"));
		ck_assert_ptr_null(a.text);
	}
}
END_TEST

START_TEST(test_front_matter_errors)
{
	struct cc_article	a;
	struct cc_diag		d;

	/* Invalid YAML: line and column in the whole file. */
	ck_assert_int_eq(read_fixture("read/bad-yaml.txt", &a, &d),
	    CC_EFORMAT);
	ck_assert_ptr_nonnull(strstr(d.file, "bad-yaml.txt"));
	ck_assert_uint_ge(d.line, 3);
	ck_assert_uint_le(d.line, 6);
	ck_assert_uint_gt(d.col, 0);
	ck_assert_ptr_nonnull(strstr(d.msg, "front matter"));
	ck_assert_ptr_null(a.name);

	ck_assert_int_eq(read_str("---\na: 1\n  b: 2\n---\nText.\n", &a, &d),
	    CC_EFORMAT);
	ck_assert_uint_eq(d.line, 3);

	ck_assert_int_eq(read_fixture("read/bad-date.txt", &a, &d),
	    CC_EFORMAT);
	ck_assert_uint_eq(d.line, 3);
	ck_assert_ptr_nonnull(strstr(d.msg, "last Tuesday"));

	/* Not closed. */
	ck_assert_int_eq(read_fixture("read/unclosed.txt", &a, &d),
	    CC_EFORMAT);
	ck_assert_uint_eq(d.line, 1);
	ck_assert_ptr_nonnull(strstr(d.msg, "not closed"));

	/* Not a mapping; a known key with a list. */
	ck_assert_int_eq(read_str("---\njust a line\n---\nText.\n", &a, &d),
	    CC_EFORMAT);
	ck_assert_uint_eq(d.line, 2);
	ck_assert_int_eq(read_str("---\nurl: [a, b]\n---\nText.\n", &a, &d),
	    CC_EFORMAT);
	ck_assert_uint_eq(d.line, 2);
	ck_assert_uint_eq(d.col, 6);
	ck_assert_ptr_nonnull(strstr(d.msg, "url"));

	/* Unknown keys, even nested ones, are no error. */
	ck_assert_int_eq(read_str("---\ntags: [a, b]\nextra: {x: 1}\n"
	    "outlet: tass\n---\nText.\n", &a, &d), CC_OK);
	ck_assert_str_eq(a.outlet, "tass");
	cc_article_release(&a);

	/* Front matter and nothing after it. */
	ck_assert_int_eq(read_str("---\noutlet: tass\n---\n\n  \n", &a, &d),
	    CC_EFORMAT);
	ck_assert_ptr_nonnull(strstr(d.msg, "no article text"));
}
END_TEST

/* A text with one NUL byte in it: damage, not binary data. */
static const char	nul_text[] = "Some text that goes on for a while,\n"
    "long enough to hold a stray\0 NUL byte and some more words after it.\n";

START_TEST(test_bad_input)
{
	struct cc_article	a;
	struct cc_diag		d;

	ck_assert_int_eq(read_fixture("read/empty.txt", &a, &d), CC_EFORMAT);
	ck_assert_ptr_nonnull(strstr(d.msg, "empty"));
	ck_assert_ptr_nonnull(strstr(d.file, "empty.txt"));

	ck_assert_int_eq(read_fixture("read/blank.txt", &a, &d), CC_EFORMAT);
	ck_assert_ptr_nonnull(strstr(d.msg, "white space"));

	ck_assert_int_eq(read_fixture("read/binary.txt", &a, &d), CC_EFORMAT);
	ck_assert_ptr_nonnull(strstr(d.msg, "binary"));
	ck_assert_uint_eq(d.line, 2);
	ck_assert_uint_eq(d.col, 1);

	/* Invalid UTF-8 in UTF-8 text (it has curly quotes) is replaced and
	 * the article read; the warning gives line 3, column 14 counted in
	 * characters: "Line “three” \xc0". */
	ck_assert_int_eq(read_fixture("read/bad-utf8.txt", &a, &d), CC_OK);
	ck_assert_ptr_nonnull(a.warn);
	ck_assert_ptr_nonnull(strstr(a.warn->msg, "invalid UTF-8"));
	ck_assert_ptr_nonnull(strstr(a.warn->msg, "overlong"));
	ck_assert_ptr_nonnull(strstr(a.warn->msg, "2 sequences replaced"));
	ck_assert_ptr_nonnull(strstr(a.warn->file, "bad-utf8.txt"));
	ck_assert_uint_eq(a.warn->line, 3);
	ck_assert_uint_eq(a.warn->col, 14);
	ck_assert_ptr_nonnull(strstr(a.text, "\xe2\x80\x9d \xef\xbf\xbd"
	    "\xef\xbf\xbd here."));
	cc_article_release(&a);

	/* A surrogate's three bytes are three replacements (none of them
	 * starts a valid sequence). */
	ck_assert_int_eq(read_str("ok\n\xed\xa0\x80", &a, &d), CC_OK);
	ck_assert_str_eq(a.text, "ok\n\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	ck_assert_ptr_nonnull(a.warn);
	ck_assert_uint_eq(a.warn->line, 2);
	ck_assert_uint_eq(a.warn->col, 1);
	ck_assert_ptr_nonnull(strstr(a.warn->msg, "surrogate"));
	cc_article_release(&a);
	/* A sequence cut short is one replacement. */
	ck_assert_int_eq(read_str("a\xe2\x80 b", &a, &d), CC_OK);
	ck_assert_str_eq(a.text, "a\xef\xbf\xbd b");
	ck_assert_ptr_nonnull(a.warn);
	ck_assert_ptr_nonnull(strstr(a.warn->msg, "1 sequence replaced"));
	cc_article_release(&a);

	/* UTF-16 with a BOM is converted. */
	ck_assert_int_eq(cc_read_buffer("x.txt", "\xff\xfeH\0i\0\n\0", 8, &a,
	    &d), CC_OK);
	ck_assert_str_eq(a.text, "Hi\n");
	cc_article_release(&a);
	ck_assert_int_eq(cc_read_buffer("x.txt", "\xfe\xff\0H\0i", 6, &a,
	    &d), CC_OK);
	ck_assert_str_eq(a.text, "Hi");
	cc_article_release(&a);

	/* A stray NUL in text is replaced and reported; many are binary
	 * (binary.txt above). */
	ck_assert_int_eq(cc_read_buffer("x.txt", nul_text, sizeof nul_text - 1,
	    &a, &d), CC_OK);
	ck_assert_ptr_nonnull(strstr(a.text, "stray\xef\xbf\xbd NUL"));
	ck_assert_ptr_nonnull(a.warn);
	ck_assert_ptr_nonnull(strstr(a.warn->msg, "1 NUL byte replaced"));
	ck_assert_uint_eq(a.warn->line, 2);
	ck_assert_uint_eq(a.warn->col, 28);
	cc_article_release(&a);

	/* CR and CRLF line ends become LF. */
	ck_assert_int_eq(read_str("one\r\ntwo\rthree\r\n", &a, &d), CC_OK);
	ck_assert_str_eq(a.text, "one\ntwo\nthree\n");
	cc_article_release(&a);

	/* A BOM is dropped, nothing else. */
	ck_assert_int_eq(read_fixture("read/bom.txt", &a, &d), CC_OK);
	ck_assert_str_eq(a.text, "Text after a byte order mark.\n");
	cc_article_release(&a);
	ck_assert_int_eq(read_str("\xef\xbb\xbf \n", &a, &d), CC_EFORMAT);
}
END_TEST

/*
 * An article without repairs carries no diagnostic, and an article in
 * memory stays small: the report holds one for every article in the
 * store (100,000 in the scale benchmark), the comparison too.  With a
 * struct cc_diag inside (1.5 KB), that was 150 MB of each one's peak.
 */
START_TEST(test_article_small)
{
	struct cc_article	 a;
	struct cc_diag		 d;

	cc_diag_clear(&d);
	ck_assert_int_eq(read_str("Plain text.\n", &a, &d), CC_OK);
	ck_assert_ptr_null(a.warn);
	cc_article_release(&a);
	ck_assert_uint_lt(sizeof(struct cc_article), 384);
}
END_TEST

START_TEST(test_unreadable)
{
	struct cc_article	 a;
	struct cc_diag		 d;
	char			*dir = DATA("corpus");

	cc_diag_clear(&d);
	ck_assert_int_eq(cc_read_file("/nonexistent/x.txt", &a, &d), CC_EIO);
	ck_assert_str_eq(d.file, "/nonexistent/x.txt");
	ck_assert_ptr_nonnull(strstr(d.msg, strerror(ENOENT)));
	ck_assert_ptr_null(a.text);

	ck_assert_int_eq(cc_read_file(dir, &a, &d), CC_EIO);
	ck_assert_ptr_nonnull(strstr(d.msg, strerror(EISDIR)));
	free(dir);
}
END_TEST

START_TEST(test_size_cap)
{
	char			 path[] = "/tmp/cc-read-XXXXXX";
	struct cc_article	 a;
	struct cc_diag		 d;
	int			 fd;

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "Text.\n", 6), 6);
	/* Sparse: no disk space used. */
	ck_assert_int_eq(ftruncate(fd, (off_t)CC_ARTICLE_MAX + 1), 0);
	close(fd);
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_read_file(path, &a, &d), CC_ETOOBIG);
	ck_assert_ptr_nonnull(strstr(d.msg, "64 MiB"));
	unlink(path);
}
END_TEST

START_TEST(test_stdin)
{
	struct cc_article	 a;
	struct cc_diag		 d;
	char			*path = DATA("front-matter.txt");
	int			 fd, saved;

	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	saved = dup(STDIN_FILENO);
	ck_assert_int_ge(dup2(fd, STDIN_FILENO), 0);
	close(fd);
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_read_file("-", &a, &d), CC_OK);
	dup2(saved, STDIN_FILENO);
	close(saved);
	ck_assert_str_eq(a.name, "stdin");
	ck_assert_str_eq(a.path, "-");
	ck_assert_str_eq(a.outlet, "anews");
	cc_article_release(&a);
	free(path);
}
END_TEST

START_TEST(test_hash)
{
	struct cc_article	a, b;
	struct cc_diag		d;
	char			h1[CC_HASH_HEXLEN + 1];

	ck_assert_int_eq(read_str("---\noutlet: tass\n---\nText.\n", &a, &d),
	    CC_OK);
	memcpy(h1, a.hash, sizeof h1);
	cc_article_release(&a);
	/* Same input, same hash; another path does not matter. */
	ck_assert_int_eq(cc_read_buffer("other/name.txt",
	    "---\noutlet: tass\n---\nText.\n", 27, &a, &d), CC_OK);
	ck_assert_str_eq(a.hash, h1);
	cc_article_release(&a);
	/* A metadata change is a change. */
	ck_assert_int_eq(read_str("---\noutlet: anews\n---\nText.\n", &a, &d),
	    CC_OK);
	ck_assert_str_ne(a.hash, h1);
	cc_article_release(&a);
	/* So is a body change, and no metadata differs from empty. */
	ck_assert_int_eq(read_str("---\noutlet: tass\n---\nText!\n", &a, &d),
	    CC_OK);
	ck_assert_str_ne(a.hash, h1);
	ck_assert_int_eq(read_str("Text.\n", &b, &d), CC_OK);
	ck_assert_str_ne(b.hash, h1);
	ck_assert_str_ne(b.hash, a.hash);
	cc_article_release(&a);
	cc_article_release(&b);
	/* Field boundaries count: title "ab" + author "c" is not "a"+"bc". */
	ck_assert_int_eq(read_str("---\ntitle: ab\nauthor: c\n---\nT\n", &a,
	    &d), CC_OK);
	ck_assert_int_eq(read_str("---\ntitle: a\nauthor: bc\n---\nT\n", &b,
	    &d), CC_OK);
	ck_assert_str_ne(a.hash, b.hash);
	cc_article_release(&a);
	cc_article_release(&b);
}
END_TEST

/* The walk: record names in order, report errors. */
struct seen {
	char		 names[16][64];
	unsigned	 n;
	char		 errs[16][2048];
	unsigned	 nerr;
	unsigned	 stop_after;
};

static int
on_article(struct cc_article *a, void *arg)
{
	struct seen	*s = arg;

	ck_assert_uint_lt(s->n, 16);
	snprintf(s->names[s->n++], sizeof s->names[0], "%s", a->name);
	ck_assert_ptr_nonnull(a->text);
	return s->stop_after != 0 && s->n == s->stop_after ? 42 : CC_OK;
}

static void
on_error(const struct cc_diag *d, void *arg)
{
	struct seen	*s = arg;

	ck_assert_uint_lt(s->nerr, 16);
	snprintf(s->errs[s->nerr++], sizeof s->errs[0], "%s:%u:%u: %s",
	    d->file, d->line, d->col, d->msg);
}

START_TEST(test_walk)
{
	struct seen	 s;
	char		*paths[4];
	unsigned	 nbad = 99;

	memset(&s, 0, sizeof s);
	paths[0] = DATA("corpus");
	paths[1] = xstrdup("/nonexistent/dir");
	paths[2] = DATA("corpus/notes.md");	/* named: read anyway */
	ck_assert_int_eq(cc_read_paths(paths, 3, on_article, &s, on_error, &s,
	    &nbad), CC_OK);
	/* Sorted by bytes, recursively; hidden files and directories,
	 * sources.yaml and other extensions skipped; a bad file reported
	 * in its place and the walk goes on. */
	ck_assert_uint_eq(s.n, 7);
	ck_assert_str_eq(s.names[0], "a");
	ck_assert_str_eq(s.names[1], "b");
	ck_assert_str_eq(s.names[2], "c-bad");	/* repaired, read */
	ck_assert_str_eq(s.names[3], "E");
	ck_assert_str_eq(s.names[4], "d");
	ck_assert_str_eq(s.names[5], "z");
	ck_assert_str_eq(s.names[6], "notes");
	ck_assert_uint_eq(nbad, 1);
	ck_assert_uint_eq(s.nerr, 1);
	ck_assert_ptr_nonnull(strstr(s.errs[0], "/nonexistent/dir"));
	ck_assert_ptr_nonnull(strstr(s.errs[0], strerror(ENOENT)));

	/* fn stops the walk with its value. */
	memset(&s, 0, sizeof s);
	s.stop_after = 2;
	ck_assert_int_eq(cc_read_paths(paths, 3, on_article, &s, on_error, &s,
	    NULL), 42);
	ck_assert_uint_eq(s.n, 2);
	ck_assert_uint_eq(s.nerr, 0);

	free(paths[0]);
	free(paths[1]);
	free(paths[2]);
}
END_TEST

START_TEST(test_walk_symlink_loop)
{
	char		 dir[] = "/tmp/cc-walk-XXXXXX", p[256];
	struct seen	 s;
	char		*paths[1];
	unsigned	 nbad = 99;
	FILE		*f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(p, sizeof p, "%s/one.txt", dir);
	f = fopen(p, "w");
	fputs("One.\n", f);
	fclose(f);
	snprintf(p, sizeof p, "%s/loop", dir);
	ck_assert_int_eq(symlink(".", p), 0);
	memset(&s, 0, sizeof s);
	paths[0] = dir;
	ck_assert_int_eq(cc_read_paths(paths, 1, on_article, &s, on_error, &s,
	    &nbad), CC_OK);
	ck_assert_uint_eq(s.n, 1);
	ck_assert_uint_eq(nbad, 0);
	unlink(p);
	snprintf(p, sizeof p, "%s/one.txt", dir);
	unlink(p);
	rmdir(dir);
}
END_TEST

/* Articles as the walk hands them over, with their metadata. */
struct got {
	char		 name[16][64];
	char		 outlet[16][64];
	char		 basis[16][32];
	char		 published[16][16];
	char		 title[16][128];
	char		*text[16];
	unsigned	 n;
	char		 errs[16][2048];
	unsigned	 nerr;
};

static void
put_field(char *dst, size_t n, const char *s)
{
	snprintf(dst, n, "%s", s != NULL ? s : "-");
}

static int
on_got(struct cc_article *a, void *arg)
{
	struct got	*g = arg;

	ck_assert_uint_lt(g->n, 16);
	put_field(g->name[g->n], sizeof g->name[0], a->name);
	put_field(g->outlet[g->n], sizeof g->outlet[0], a->outlet);
	put_field(g->basis[g->n], sizeof g->basis[0], a->outlet_basis);
	put_field(g->published[g->n], sizeof g->published[0], a->published);
	put_field(g->title[g->n], sizeof g->title[0], a->title);
	g->text[g->n] = xstrdup(a->text);
	ck_assert_uint_eq(strlen(a->hash), CC_HASH_HEXLEN);
	g->n++;
	return CC_OK;
}

static void
on_got_error(const struct cc_diag *d, void *arg)
{
	struct got	*g = arg;

	ck_assert_uint_lt(g->nerr, 16);
	snprintf(g->errs[g->nerr++], sizeof g->errs[0], "%s:%u:%u: %s",
	    d->file, d->line, d->col, d->msg);
}

static void
got_release(struct got *g)
{
	unsigned	i;

	for (i = 0; i < g->n; i++)
		free(g->text[i]);
}

static int
find_got(const struct got *g, const char *name)
{
	unsigned	i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->name[i], name) == 0)
			return (int)i;
	ck_abort_msg("article %s not read", name);
	return -1;
}

/* The feed: records in order, bad lines reported with their line and
 * skipped, CRLF in a record's text made LF, names from ids. */
START_TEST(test_jsonl)
{
	struct got	 g;
	unsigned	 nbad = 99;
	int		 fd;

	memset(&g, 0, sizeof g);
	fd = open(CC_TEST_DATA_PATH("formats/feed.jsonl"), O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(cc_jsonl_read("feed.jsonl", fd, on_got, &g,
	    on_got_error, &g, &nbad), CC_OK);
	close(fd);
	ck_assert_uint_eq(g.n, 3);
	ck_assert_str_eq(g.name[0], "wire-20221031-001");
	ck_assert_str_eq(g.outlet[0], "Reuters");
	ck_assert_str_eq(g.basis[0], "metadata");
	ck_assert_str_eq(g.published[0], "2022-10-31");
	ck_assert_str_eq(g.name[1], "wire-20221031-002");
	ck_assert_str_eq(g.outlet[1], "-");
	ck_assert_str_eq(g.published[1], "2022-10-31");	/* "October 31, 2022" */
	ck_assert_ptr_null(strchr(g.text[1], '\r'));
	ck_assert_ptr_nonnull(strstr(g.text[1], "Lavrov\n\nRussia is open"));
	ck_assert_str_eq(g.name[2], "wire-20221031-005");
	ck_assert_uint_eq(nbad, 2);
	ck_assert_uint_eq(g.nerr, 2);
	ck_assert_msg(strncmp(g.errs[0], "feed.jsonl:3:", 13) == 0, "%s",
	    g.errs[0]);
	ck_assert_ptr_nonnull(strstr(g.errs[0], "not a JSON object"));
	ck_assert_ptr_nonnull(strstr(g.errs[1], "feed.jsonl:4:1: record "
	    "'wire-20221031-004' without a \"text\""));
	got_release(&g);
}
END_TEST

/* Every kind of bad record, each reported on its own line. */
START_TEST(test_jsonl_bad_records)
{
	static const char	feed[] =
	    "[1, 2]\n"
	    "{\"text\": \"No id.\"}\n"
	    "{\"id\": \"a/b\", \"text\": \"Slash in the id.\"}\n"
	    "{\"id\": \"x\", \"text\": \"T\", \"published\": \"soon\"}\n"
	    "{\"id\": \"x\", \"text\": \"T\", \"outlet\": 7}\n"
	    "{\"id\": \"x\", \"text\": \" \\n \"}\n"
	    "{\"id\": \"x\", \"id\": \"y\", \"text\": \"Twice.\"}\n"
	    "\n"
	    "{\"id\": 42, \"text\": \"Good, \\u201cquoted\\u201d.\", "
	    "\"author\": [\"A\", \"B\"]}";	/* no final newline */
	char		 path[] = "/tmp/cc-feed-XXXXXX";
	struct got	 g;
	unsigned	 nbad = 0, i;
	int		 fd;

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, feed, sizeof feed - 1),
	    (ssize_t)(sizeof feed - 1));
	ck_assert_int_eq(lseek(fd, 0, SEEK_SET), 0);
	memset(&g, 0, sizeof g);
	ck_assert_int_eq(cc_jsonl_read("f.jsonl", fd, on_got, &g,
	    on_got_error, &g, &nbad), CC_OK);
	close(fd);
	unlink(path);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_str_eq(g.name[0], "42");
	ck_assert_str_eq(g.text[0], "Good, \xe2\x80\x9cquoted\xe2\x80\x9d.");
	ck_assert_uint_eq(nbad, 7);
	for (i = 0; i < 7; i++) {
		char	want[32];

		snprintf(want, sizeof want, "f.jsonl:%u:", i + 1);
		ck_assert_msg(strncmp(g.errs[i], want, strlen(want)) == 0,
		    "%s", g.errs[i]);
	}
	ck_assert_ptr_nonnull(strstr(g.errs[1], "without an \"id\""));
	ck_assert_ptr_nonnull(strstr(g.errs[2], "slash"));
	ck_assert_ptr_nonnull(strstr(g.errs[3], "'soon' is not a date"));
	ck_assert_ptr_nonnull(strstr(g.errs[4], "\"outlet\" must be"));
	ck_assert_ptr_nonnull(strstr(g.errs[5], "no article text"));
	ck_assert_ptr_nonnull(strstr(g.errs[6], "duplicate"));
	got_release(&g);
}
END_TEST

/* A line past the cap is skipped without being held whole (the file is
 * sparse: 64 MiB of NUL bytes take no disk), and the next line is read. */
START_TEST(test_jsonl_long_line)
{
	char		 path[] = "/tmp/cc-feed-XXXXXX";
	const char	 rec[] = "\n{\"id\": \"after\", \"text\": \"Read.\"}\n";
	struct got	 g;
	unsigned	 nbad = 0;
	int		 fd;

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "{\"id\": \"big\", \"text\": \"", 24), 24);
	ck_assert_int_eq(lseek(fd, (off_t)CC_ARTICLE_MAX + 10, SEEK_SET),
	    (off_t)CC_ARTICLE_MAX + 10);
	ck_assert_int_eq(write(fd, rec, sizeof rec - 1),
	    (ssize_t)(sizeof rec - 1));
	ck_assert_int_eq(lseek(fd, 0, SEEK_SET), 0);
	memset(&g, 0, sizeof g);
	ck_assert_int_eq(cc_jsonl_read("big.jsonl", fd, on_got, &g,
	    on_got_error, &g, &nbad), CC_OK);
	close(fd);
	unlink(path);
	ck_assert_uint_eq(nbad, 1);
	ck_assert_ptr_nonnull(strstr(g.errs[0], "big.jsonl:1:1: line longer "
	    "than the 64 MiB limit"));
	ck_assert_uint_eq(g.n, 1);
	ck_assert_str_eq(g.name[0], "after");
	got_release(&g);
}
END_TEST

/* sources.yaml: fills what a text file or a feed record leaves out,
 * overrides what a page says about itself; the sidecar is no article. */
START_TEST(test_sidecar)
{
	struct got	 g;
	char		*paths[1];
	unsigned	 nbad = 0;
	int		 i;

	memset(&g, 0, sizeof g);
	paths[0] = xstrdup(CC_TEST_DATA_PATH("formats"));
	ck_assert_int_eq(cc_read_paths(paths, 1, on_got, &g, on_got_error, &g,
	    &nbad), CC_OK);
	/* cp1252.txt, 3 feed records, page.html, truncated.html. */
	ck_assert_uint_eq(g.n, 6);
	ck_assert_uint_eq(nbad, 3);	/* 2 feed lines, no-body.html */
	i = find_got(&g, "cp1252");
	ck_assert_str_eq(g.outlet[i], "Bosphorus Wire");
	ck_assert_str_eq(g.basis[i], "sidecar");
	ck_assert_str_eq(g.published[i], "2022-10-31");
	/* Converted from Windows-1252, CRLF made LF. */
	ck_assert_ptr_nonnull(strstr(g.text[i], "Russia\xe2\x80\x93West talks\n"
	    "\nISTANBUL"));
	ck_assert_ptr_nonnull(strstr(g.text[i], "Dolmabah\xc3\xa7" "e"));
	ck_assert_ptr_nonnull(strstr(g.text[i], "\xe2\x82\xac" "9 a month"));
	i = find_got(&g, "page");
	ck_assert_str_eq(g.outlet[i], "reuters");	/* over og:site_name */
	ck_assert_str_eq(g.basis[i], "sidecar");
	ck_assert_str_eq(g.published[i], "2022-10-31");	/* the page's own */
	i = find_got(&g, "wire-20221031-001");
	ck_assert_str_eq(g.outlet[i], "Reuters");	/* the record wins */
	ck_assert_str_eq(g.title[i], "Lavrov says Russia open to talks but "
	    "sees no serious offer");
	i = find_got(&g, "wire-20221031-005");
	ck_assert_str_eq(g.published[i], "2022-10-30");	/* from the sidecar */
	ck_assert_str_eq(g.title[i], "Wire feed");
	ck_assert_str_eq(g.outlet[i], "-");
	got_release(&g);

	/* Named on its own, a file still gets its directory's sidecar. */
	memset(&g, 0, sizeof g);
	free(paths[0]);
	paths[0] = xstrdup(CC_TEST_DATA_PATH("formats/page.html"));
	ck_assert_int_eq(cc_read_paths(paths, 1, on_got, &g, on_got_error, &g,
	    &nbad), CC_OK);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_str_eq(g.outlet[0], "reuters");
	got_release(&g);
	free(paths[0]);
}
END_TEST

START_TEST(test_sidecar_errors)
{
	char		 dir[] = "/tmp/cc-side-XXXXXX", p[256];
	struct got	 g;
	char		*paths[1];
	unsigned	 nbad = 0;
	FILE		*f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(p, sizeof p, "%s/a.txt", dir);
	f = fopen(p, "w");
	fputs("---\npublished: 2022-01-02\n---\nText.\n", f);
	fclose(f);
	snprintf(p, sizeof p, "%s/sources.yaml", dir);
	f = fopen(p, "w");
	fputs("a.txt:\n  outlet: tass\n  published: someday\n", f);
	fclose(f);
	memset(&g, 0, sizeof g);
	paths[0] = dir;
	ck_assert_int_eq(cc_read_paths(paths, 1, on_got, &g, on_got_error, &g,
	    &nbad), CC_OK);
	/* The bad sidecar is reported with its position; the article is
	 * read without it. */
	ck_assert_uint_eq(nbad, 1);
	ck_assert_ptr_nonnull(strstr(g.errs[0], "sources.yaml:3:14: "
	    "published: 'someday' is not a date"));
	ck_assert_uint_eq(g.n, 1);
	ck_assert_str_eq(g.outlet[0], "-");
	got_release(&g);

	/* A good one: front matter wins over it, it fills the rest. */
	f = fopen(p, "w");
	fputs("a.txt:\n  outlet: tass\n  published: 2022-03-04\n", f);
	fclose(f);
	memset(&g, 0, sizeof g);
	nbad = 0;
	ck_assert_int_eq(cc_read_paths(paths, 1, on_got, &g, on_got_error, &g,
	    &nbad), CC_OK);
	ck_assert_uint_eq(nbad, 0);
	ck_assert_str_eq(g.outlet[0], "tass");
	ck_assert_str_eq(g.basis[0], "sidecar");
	ck_assert_str_eq(g.published[0], "2022-01-02");
	got_release(&g);

	/* Not a mapping of file names. */
	f = fopen(p, "w");
	fputs("- a.txt\n", f);
	fclose(f);
	memset(&g, 0, sizeof g);
	nbad = 0;
	ck_assert_int_eq(cc_read_paths(paths, 1, on_got, &g, on_got_error, &g,
	    &nbad), CC_OK);
	ck_assert_uint_eq(nbad, 1);
	ck_assert_ptr_nonnull(strstr(g.errs[0], "sources.yaml:1:1: expected "
	    "file names"));
	ck_assert_uint_eq(g.n, 1);
	got_release(&g);

	unlink(p);
	snprintf(p, sizeof p, "%s/a.txt", dir);
	unlink(p);
	rmdir(dir);
}
END_TEST

/* Words glued by scraping ("televisionRia Novosti", "conditionsneed")
 * are stored as they are, and break neither the sentences nor the
 * entities next to them. */
START_TEST(test_glued_words)
{
	static const char	text[] = "Sergei Lavrov was interviewed by the "
	    "Russian state televisionRia Novosti where he said two "
	    "conditionsneed to be met. The expansion of NATOneeds to stop.";
	struct cc_pack		*pk = NULL;
	struct cc_fold		 f;
	struct cc_sentences	 ss;
	struct cc_entity_mention m[16];
	size_t			 n, i;
	int			 lavrov = 0, ria = 0, nato = 0;

	ck_assert_int_eq(cc_pack_load(CC_TEST_RULES_DIR, &pk, NULL, NULL),
	    CC_OK);
	cc_fold(text, sizeof text - 1, &f);
	memset(&ss, 0, sizeof ss);
	cc_segment(f.s, f.len, &ss);
	ck_assert_uint_eq(ss.n, 2);
	ck_assert_uint_eq(ss.v[1].start, (size_t)(strstr(text, "The exp") -
	    text));
	n = cc_entity_scan(pk->entities, f.s, f.len, m, 16);
	for (i = 0; i < n; i++) {
		lavrov += strcmp(m[i].id, "lavrov") == 0;
		ria += strcmp(m[i].id, "ria-novosti") == 0 &&
		    strncmp(f.s + m[i].start, "Ria Novosti", 11) == 0;
		nato += strcmp(m[i].id, "nato") == 0 &&
		    m[i].end - m[i].start == 4;
	}
	ck_assert_int_eq(lavrov, 1);
	ck_assert_int_eq(ria, 1);
	ck_assert_int_eq(nato, 1);
	cc_sentences_release(&ss);
	cc_fold_release(&f);
	cc_pack_free(pk);
}
END_TEST

static Suite *
read_suite(void)
{
	Suite	*s = suite_create("read");
	TCase	*tc;

	tc = tcase_create("front matter");
	tcase_add_test(tc, test_front_matter);
	tcase_add_test(tc, test_published_formats);
	tcase_add_test(tc, test_front_matter_errors);
	tcase_add_test(tc, test_hash);
	suite_add_tcase(s, tc);

	tc = tcase_create("files");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_bad_input);
	tcase_add_test(tc, test_unreadable);
	tcase_add_test(tc, test_size_cap);
	tcase_add_test(tc, test_stdin);
	suite_add_tcase(s, tc);

	tc = tcase_create("walk");
	tcase_add_test(tc, test_walk);
	tcase_add_test(tc, test_walk_symlink_loop);
	suite_add_tcase(s, tc);

	tc = tcase_create("formats");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_jsonl);
	tcase_add_test(tc, test_jsonl_bad_records);
	tcase_add_test(tc, test_jsonl_long_line);
	tcase_add_test(tc, test_sidecar);
	tcase_add_test(tc, test_sidecar_errors);
	tcase_add_test(tc, test_glued_words);
	tcase_add_test(tc, test_article_small);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(read_suite)
