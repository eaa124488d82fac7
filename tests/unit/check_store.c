/*
 * check_store.c - the claim store (SQLite) and the claim/finding records:
 * their JSON/TSV shapes, persistence, incremental state, and refusal of
 * files that are not (or not yet) claimcheck stores.
 */
#include "config.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check_main.h"
#include "claim.h"
#include "store.h"
#include "xmalloc.h"

static char	 tmpdir[256];
static char	 dbpath[512];

static void
setup(void)
{
	const char	*t = getenv("TMPDIR");

	snprintf(tmpdir, sizeof tmpdir, "%s/ccstore.XXXXXX",
	    t != NULL && t[0] != '\0' ? t : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(dbpath, sizeof dbpath, "%s/test.db", tmpdir);
}

static void
teardown(void)
{
	struct dirent	*de;
	DIR		*dir;
	char		 p[1024];

	if ((dir = opendir(tmpdir)) == NULL)
		return;
	while ((de = readdir(dir)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", tmpdir, de->d_name);
		unlink(p);
	}
	closedir(dir);
	rmdir(tmpdir);
}

static struct cc_store *
open_store(void)
{
	struct cc_store	*s = NULL;
	struct cc_diag	 d;
	int		 rc;

	cc_diag_clear(&d);
	rc = cc_store_open(dbpath, &s, &d);
	ck_assert_msg(rc == CC_OK, "open: %s", d.msg);
	ck_assert_ptr_nonnull(s);
	return s;
}

/* Run SQL on the file directly, as another program (or an older or newer
 * claimcheck) would; returns the first column of the first row as int. */
static int
raw_sql(const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 v = -1;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void
raw_exec(const char *sql)
{
	sqlite3	*db;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

static void
make_article(struct cc_article *a, const char *name, const char *outlet,
    const char *text)
{
	cc_article_init(a);
	a->name = xstrdup(name);
	a->path = xasprintf("articles/%s.txt", name);
	a->format = xstrdup("txt");
	a->outlet = xstrdup_or_null(outlet);
	a->outlet_basis = xstrdup("front matter");
	a->url = xstrdup("https://example.org/a?b=1&c=\"2\"");
	a->published = xstrdup("2022-10-30");
	a->title = xstrdup("Title \xe2\x80\x94 with a dash");
	a->author = NULL;
	a->text = xstrdup(text);
	a->len = strlen(text);
	cc_hash_hex(a->text, a->len, a->hash);
}

static int
put_article(struct cc_store *s, const char *name, const char *outlet,
    const char *text)
{
	struct cc_article	a;
	int			changed = -1;

	make_article(&a, name, outlet, text);
	ck_assert_int_eq(cc_store_put_article(s, &a, &changed), CC_OK);
	cc_article_release(&a);
	return changed;
}

/* A claim with every field set, like SPEC.md's example. */
static void
full_claim(struct cc_claim *c)
{
	c->id = 17;
	c->article = xstrdup("003_f9095a6aa4cb8e46");
	c->outlet = xstrdup("anews");
	c->type = xstrdup("casualty");
	c->subject = xstrdup("ukraine.civilians");
	c->measure = xstrdup("killed");
	c->value_kind = CC_VALUE_NUMBER;
	c->vmin = c->vmax = 6374;
	c->has_min = c->has_max = 1;
	c->unit = xstrdup("people");
	c->time_start = xstrdup("2022-10-24");
	c->time_end = xstrdup("2022-10-24");
	c->granularity = xstrdup("day");
	c->basis = xstrdup("relative:on Monday");
	c->speaker = xstrdup("ohchr");
	c->polarity = xstrdup("affirmed");
	c->text = xstrdup("6,374 killed");
	c->ev_start = 2731;
	c->ev_end = 2889;
	c->sentence = xstrdup("On Monday, the Office of ...");
	c->rule = xstrdup("casualty.killed_injured");
}

static const char spec_claim_json[] =
    "{\"id\":\"c17\",\"article\":\"003_f9095a6aa4cb8e46\","
    "\"outlet\":\"anews\",\"type\":\"casualty\","
    "\"subject\":\"ukraine.civilians\",\"measure\":\"killed\","
    "\"value\":{\"min\":6374,\"max\":6374,\"approx\":false},"
    "\"unit\":\"people\",\"time\":{\"start\":\"2022-10-24\","
    "\"end\":\"2022-10-24\",\"granularity\":\"day\","
    "\"basis\":\"relative:on Monday\"},\"speaker\":\"ohchr\","
    "\"reported_by\":null,\"polarity\":\"affirmed\","
    "\"text\":\"6,374 killed\",\"evidence\":{\"start\":2731,\"end\":2889,"
    "\"sentence\":\"On Monday, the Office of ...\"},"
    "\"rule\":\"casualty.killed_injured\"}";

START_TEST(test_claim_json_spec_shape)
{
	struct cc_claim	c;
	struct cc_buf	b = CC_BUF_INIT;

	memset(&c, 0, sizeof c);
	full_claim(&c);
	ck_assert_int_eq(cc_claim_json(&c, &b), CC_OK);
	ck_assert_str_eq(b.data, spec_claim_json);
	cc_buf_release(&b);
	cc_claim_release(&c);
}
END_TEST

struct borrow {
	const char	*p;
	int		 asked;		/* for it */
};

static int
is_borrowed(void *arg, const char *p)
{
	struct borrow	*bw = arg;

	bw->asked += p == bw->p;
	return p == bw->p;
}

/* A claim's strings packed into one block read the same; a borrowed
 * string is copied, not freed; a string put in after packing is freed
 * on its own, and a claim packed twice keeps its values (the sanitizer
 * and valgrind builds see any wrong free). */
START_TEST(test_claim_pack)
{
	struct cc_claim	c;
	struct cc_buf	b = CC_BUF_INIT;
	char		*old, scratch[] = "scratch";
	struct borrow	bw = { scratch, 0 };

	memset(&c, 0, sizeof c);
	full_claim(&c);
	free(c.speaker);
	/* (on the stack: freeing it aborts) */
	c.speaker = scratch;
	cc_claim_pack(&c, is_borrowed, &bw);
	ck_assert_int_eq(bw.asked, 1);
	ck_assert_uint_ne(c.packed, 0);
	ck_assert_ptr_ne(c.speaker, scratch);
	ck_assert_str_eq(c.speaker, "scratch");
	ck_assert_str_eq(scratch, "scratch");
	/* one block, in member order */
	ck_assert_ptr_eq(c.outlet, c.article + strlen(c.article) + 1);
	ck_assert(c.rule > c.sentence && c.sentence > c.article);
	/* replace one string: the new one is the claim's own */
	c.speaker = xstrdup("ohchr");
	ck_assert_int_eq(cc_claim_json(&c, &b), CC_OK);
	ck_assert_str_eq(b.data, spec_claim_json);
	old = c.article;
	cc_claim_pack(&c, NULL, NULL);
	ck_assert_ptr_ne(c.article, old);
	cc_buf_reset(&b);
	ck_assert_int_eq(cc_claim_json(&c, &b), CC_OK);
	ck_assert_str_eq(b.data, spec_claim_json);
	c.reported_by = xstrdup("tass");
	cc_buf_release(&b);
	cc_claim_release(&c);
	ck_assert_uint_eq(c.packed, 0);
	ck_assert_ptr_null(c.article);
}
END_TEST

START_TEST(test_claim_json_open_and_text_values)
{
	struct cc_claim	c;
	struct cc_buf	b = CC_BUF_INIT;

	/* "more than 100": min 101, max null; no time: null. */
	memset(&c, 0, sizeof c);
	c.id = 3;
	c.article = xstrdup("a");
	c.type = xstrdup("quantity");
	c.value_kind = CC_VALUE_NUMBER;
	c.vmin = 101;
	c.has_min = 1;
	c.approx = 0;
	ck_assert_int_eq(cc_claim_json(&c, &b), CC_OK);
	ck_assert_str_eq(b.data, "{\"id\":\"c3\",\"article\":\"a\","
	    "\"outlet\":null,\"type\":\"quantity\",\"subject\":null,"
	    "\"measure\":null,\"value\":{\"min\":101,\"max\":null,"
	    "\"approx\":false},\"unit\":null,\"time\":null,\"speaker\":null,"
	    "\"reported_by\":null,\"polarity\":null,\"text\":null,"
	    "\"evidence\":{\"start\":0,\"end\":0,\"sentence\":null},"
	    "\"rule\":null}");

	/* "up to 5, about": min null. */
	cc_buf_reset(&b);
	c.has_min = 0;
	c.has_max = 1;
	c.vmax = 5;
	c.approx = 1;
	ck_assert_int_eq(cc_claim_json(&c, &b), CC_OK);
	ck_assert_ptr_nonnull(strstr(b.data,
	    "\"value\":{\"min\":null,\"max\":5,\"approx\":true}"));

	/* A text value is a JSON string, escaped. */
	cc_buf_reset(&b);
	c.value_kind = CC_VALUE_TEXT;
	c.vtext = xstrdup("ready to \"negotiate\"\n");
	ck_assert_int_eq(cc_claim_json(&c, &b), CC_OK);
	ck_assert_ptr_nonnull(strstr(b.data,
	    "\"value\":\"ready to \\\"negotiate\\\"\\n\",\"unit\""));

	/* No value: null. */
	cc_buf_reset(&b);
	c.value_kind = CC_VALUE_NONE;
	ck_assert_int_eq(cc_claim_json(&c, &b), CC_OK);
	ck_assert_ptr_nonnull(strstr(b.data, "\"value\":null,\"unit\""));

	/* A time without an end still has all four keys. */
	cc_buf_reset(&b);
	c.time_start = xstrdup("2022-10");
	ck_assert_int_eq(cc_claim_json(&c, &b), CC_OK);
	ck_assert_ptr_nonnull(strstr(b.data, "\"time\":{\"start\":\"2022-10\","
	    "\"end\":null,\"granularity\":null,\"basis\":null}"));

	cc_buf_release(&b);
	cc_claim_release(&c);
}
END_TEST

START_TEST(test_claim_json_appends_without_newline)
{
	struct cc_claim	c;
	struct cc_buf	b = CC_BUF_INIT;

	memset(&c, 0, sizeof c);
	full_claim(&c);
	cc_buf_adds(&b, "X");
	ck_assert_int_eq(cc_claim_json(&c, &b), CC_OK);
	ck_assert_int_eq(b.data[0], 'X');
	ck_assert_int_eq(b.data[1], '{');
	ck_assert_int_eq(b.data[b.len - 1], '}');
	ck_assert_ptr_null(strchr(b.data, '\n'));
	cc_buf_release(&b);
	cc_claim_release(&c);
}
END_TEST

static const char *
value_str(double vmin, int has_min, double vmax, int has_max, int approx)
{
	static char	out[128];
	struct cc_claim	c;
	struct cc_buf	b = CC_BUF_INIT;

	memset(&c, 0, sizeof c);
	c.value_kind = CC_VALUE_NUMBER;
	c.vmin = vmin;
	c.has_min = has_min;
	c.vmax = vmax;
	c.has_max = has_max;
	c.approx = approx;
	ck_assert_int_eq(cc_claim_value_str(&c, &b), CC_OK);
	snprintf(out, sizeof out, "%s", b.data != NULL ? b.data : "");
	cc_buf_release(&b);
	return out;
}

START_TEST(test_claim_value_str)
{
	struct cc_claim	c;
	struct cc_buf	b = CC_BUF_INIT;

	ck_assert_str_eq(value_str(6374, 1, 6374, 1, 0), "6,374");
	ck_assert_str_eq(value_str(130000, 1, 130000, 1, 1), "about 130,000");
	ck_assert_str_eq(value_str(101, 1, 0, 0, 0), "more than 100");
	ck_assert_str_eq(value_str(5000, 1, 6000, 1, 0), "5,000-6,000");
	ck_assert_str_eq(value_str(0, 0, 5, 1, 0), "up to 5");
	ck_assert_str_eq(value_str(999, 1, 999, 1, 0), "999");
	ck_assert_str_eq(value_str(1000, 1, 1000, 1, 0), "1,000");
	ck_assert_str_eq(value_str(1234567, 1, 1234567, 1, 0), "1,234,567");
	ck_assert_str_eq(value_str(-4500, 1, -4500, 1, 0), "-4,500");
	ck_assert_str_eq(value_str(2.5, 1, 2.5, 1, 0), "2.5");
	ck_assert_str_eq(value_str(0, 1, 0, 1, 0), "0");
	ck_assert_str_eq(value_str(-0.0, 1, -0.0, 1, 0), "-0");
	ck_assert_str_eq(value_str(100, 1, 100, 1, 0), "100");
	ck_assert_str_eq(value_str(-123456, 1, -123456, 1, 0), "-123,456");
	ck_assert_str_eq(value_str(999999999999999.0, 1, 999999999999999.0,
	    1, 0), "999,999,999,999,999");
	ck_assert_str_eq(value_str(1e15, 1, 1e15, 1, 0), "1e+15");

	memset(&c, 0, sizeof c);
	c.value_kind = CC_VALUE_TEXT;
	c.vtext = xstrdup("ready to negotiate");
	ck_assert_int_eq(cc_claim_value_str(&c, &b), CC_OK);
	ck_assert_str_eq(b.data, "ready to negotiate");
	cc_buf_release(&b);
	cc_claim_release(&c);
}
END_TEST

/* Split a TSV line into fields (in place); returns the count. */
static size_t
tsv_split(char *line, char **f, size_t max)
{
	size_t	n = 0;
	char	*p = line;

	while (n < max) {
		f[n++] = p;
		if ((p = strchr(p, '\t')) == NULL)
			break;
		*p++ = '\0';
	}
	return n;
}

START_TEST(test_claim_tsv)
{
	struct cc_claim	 c;
	struct cc_buf	 b = CC_BUF_INIT;
	char		*hdr, *hf[64], *rf[64];
	size_t		 nh, nr, i;

	memset(&c, 0, sizeof c);
	full_claim(&c);
	free(c.sentence);
	c.sentence = xstrdup("tab\there\nnew line \\ slash");
	c.approx = 1;
	ck_assert_int_eq(cc_claim_tsv(&c, &b), CC_OK);
	ck_assert_ptr_null(strchr(b.data, '\n'));
	hdr = xstrdup(cc_claim_tsv_header());
	nh = tsv_split(hdr, hf, 64);
	nr = tsv_split(b.data, rf, 64);
	ck_assert_uint_eq(nh, nr);
	for (i = 0; i < nh; i++) {
		if (strcmp(hf[i], "id") == 0)
			ck_assert_str_eq(rf[i], "c17");
		else if (strcmp(hf[i], "value") == 0)
			ck_assert_str_eq(rf[i], "about 6,374");
		else if (strcmp(hf[i], "min") == 0)
			ck_assert_str_eq(rf[i], "6374");
		else if (strcmp(hf[i], "reported_by") == 0)
			ck_assert_str_eq(rf[i], "");
		else if (strcmp(hf[i], "sentence") == 0)
			ck_assert_str_eq(rf[i],
			    "tab\\there\\nnew line \\\\ slash");
		else if (strcmp(hf[i], "rule") == 0)
			ck_assert_str_eq(rf[i], "casualty.killed_injured");
	}
	ck_assert_str_eq(hf[0], "id");
	free(hdr);
	cc_buf_release(&b);
	cc_claim_release(&c);
}
END_TEST

static void
make_finding(struct cc_finding *f, const char *id, const char *kind,
    const char *status)
{
	memset(f, 0, sizeof *f);
	f->id = xstrdup(id);
	f->kind = xstrdup(kind);
	f->severity = xstrdup("high");
	f->key = xstrdup("casualty/ukraine.civilians/killed/2022-10");
	cc_finding_add_claim(f, "c17");
	cc_finding_add_claim(f, "c52");
	cc_finding_add_outlet(f, "anews");
	cc_finding_add_outlet(f, "wire-x");
	cc_finding_add_outlet(f, "anews");	/* kept distinct */
	f->summary = xstrdup("4,318 killed (anews, 2022-10-30) vs 4,381 "
	    "killed (wire-x, 2022-10-30)");
	f->status = xstrdup_or_null(status);
}

START_TEST(test_finding_json_spec_shape)
{
	struct cc_finding	f;
	struct cc_buf		b = CC_BUF_INIT;

	make_finding(&f, "f4", "contradiction", "new");
	ck_assert_uint_eq(f.noutlets, 2);
	ck_assert_int_eq(cc_finding_json(&f, &b), CC_OK);
	ck_assert_str_eq(b.data, "{\"id\":\"f4\",\"kind\":\"contradiction\","
	    "\"severity\":\"high\","
	    "\"key\":\"casualty/ukraine.civilians/killed/2022-10\","
	    "\"claims\":[\"c17\",\"c52\"],\"outlets\":[\"anews\",\"wire-x\"],"
	    "\"summary\":\"4,318 killed (anews, 2022-10-30) vs 4,381 killed "
	    "(wire-x, 2022-10-30)\",\"status\":\"new\"}");
	cc_finding_release(&f);

	/* No claims yet: empty arrays, not null. */
	cc_buf_reset(&b);
	memset(&f, 0, sizeof f);
	f.id = xstrdup("f1");
	f.kind = xstrdup("stale");
	ck_assert_int_eq(cc_finding_json(&f, &b), CC_OK);
	ck_assert_ptr_nonnull(strstr(b.data,
	    "\"claims\":[],\"outlets\":[],"));
	cc_finding_release(&f);
	cc_buf_release(&b);
}
END_TEST

START_TEST(test_finding_tsv)
{
	struct cc_finding	 f;
	struct cc_buf		 b = CC_BUF_INIT;
	char			*hdr, *hf[16], *rf[16];
	size_t			 nh, nr;

	make_finding(&f, "f4", "contradiction", "accepted");
	ck_assert_int_eq(cc_finding_tsv(&f, &b), CC_OK);
	hdr = xstrdup(cc_finding_tsv_header());
	nh = tsv_split(hdr, hf, 16);
	nr = tsv_split(b.data, rf, 16);
	ck_assert_uint_eq(nh, 8);
	ck_assert_uint_eq(nr, 8);
	ck_assert_str_eq(hf[4], "claims");
	ck_assert_str_eq(rf[4], "c17,c52");
	ck_assert_str_eq(rf[5], "anews,wire-x");
	ck_assert_str_eq(rf[7], "accepted");
	free(hdr);
	cc_finding_release(&f);
	cc_buf_release(&b);
}
END_TEST

START_TEST(test_severity_rank)
{
	ck_assert_int_lt(cc_severity_rank("high"), cc_severity_rank("medium"));
	ck_assert_int_lt(cc_severity_rank("medium"), cc_severity_rank("low"));
	ck_assert_int_lt(cc_severity_rank("low"), cc_severity_rank("info"));
	ck_assert_int_eq(cc_severity_rank(NULL), 3);
}
END_TEST

START_TEST(test_open_creates_versioned_store)
{
	struct cc_store	*s;

	s = open_store();
	cc_store_close(s);
	ck_assert_int_ge(cc_store_schema_version(), 1);
	ck_assert_int_eq(raw_sql("PRAGMA user_version"),
	    cc_store_schema_version());
	ck_assert_int_ne(raw_sql("PRAGMA application_id"), 0);
	ck_assert_int_eq(raw_sql("SELECT count(*) FROM sqlite_master WHERE "
	    "name IN ('articles', 'sentences', 'claims', 'findings', 'meta')"),
	    5);
	/* WAL is persistent in the file: a concurrent reader never blocks
	 * the writer. */
	ck_assert_int_eq(raw_sql("SELECT journal_mode = 'wal' FROM "
	    "pragma_journal_mode"), 1);
	/* pages of 16 KB (store.c, setup()) */
	ck_assert_int_eq(raw_sql("PRAGMA page_size"), 16384);
	/* Opening again neither fails nor re-creates anything. */
	s = open_store();
	cc_store_close(s);
}
END_TEST

START_TEST(test_not_sqlite_refused)
{
	struct cc_store	*s = (struct cc_store *)1;
	struct cc_diag	 d;
	FILE		*fp;
	char		 buf[64];
	size_t		 n;

	fp = fopen(dbpath, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("this is a text file, not a database, and it is long enough "
	    "to fill a page header of sqlite easily\n", fp);
	fclose(fp);
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_store_open(dbpath, &s, &d), CC_EFORMAT);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(d.msg, dbpath));
	/* Nothing was written into the user's file. */
	fp = fopen(dbpath, "r");
	n = fread(buf, 1, 11, fp);
	fclose(fp);
	ck_assert_uint_eq(n, 11);
	ck_assert(memcmp(buf, "this is a t", 11) == 0);
}
END_TEST

START_TEST(test_foreign_sqlite_refused)
{
	struct cc_store	*s = NULL;
	struct cc_diag	 d;

	raw_exec("CREATE TABLE contacts (name TEXT)");
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_store_open(dbpath, &s, &d), CC_EFORMAT);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(d.msg, "not a claimcheck store"));
	ck_assert_int_eq(raw_sql("SELECT count(*) FROM sqlite_master"), 1);
}
END_TEST

START_TEST(test_newer_version_refused)
{
	struct cc_store	*s;
	struct cc_diag	 d;
	char		 sql[64];

	s = open_store();
	cc_store_close(s);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    cc_store_schema_version() + 1);
	raw_exec(sql);
	cc_diag_clear(&d);
	s = NULL;
	ck_assert_int_eq(cc_store_open(dbpath, &s, &d), CC_EFORMAT);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(d.msg, dbpath));
	ck_assert_ptr_nonnull(strstr(d.msg, "newer"));
	/* The newer store is left as it was. */
	ck_assert_int_eq(raw_sql("PRAGMA user_version"),
	    cc_store_schema_version() + 1);
}
END_TEST

START_TEST(test_unopenable_path)
{
	struct cc_store	*s = NULL;
	struct cc_diag	 d;
	char		 p[600];

	snprintf(p, sizeof p, "%s/no/such/dir/x.db", tmpdir);
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_store_open(p, &s, &d), CC_ESTORE);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(d.msg, p));
}
END_TEST

START_TEST(test_put_article_same_hash_noop)
{
	struct cc_store		*s;
	struct cc_article	 a;
	char			*gen;

	s = open_store();
	ck_assert_int_eq(put_article(s, "001", "tass", "Text one."), 1);
	ck_assert_int_eq(put_article(s, "001", "tass", "Text one."), 0);
	ck_assert_int_eq(cc_store_get_article(s, "001", &a), CC_OK);
	ck_assert_str_eq(a.name, "001");
	ck_assert_str_eq(a.path, "articles/001.txt");
	ck_assert_str_eq(a.format, "txt");
	ck_assert_str_eq(a.outlet, "tass");
	ck_assert_str_eq(a.outlet_basis, "front matter");
	ck_assert_str_eq(a.url, "https://example.org/a?b=1&c=\"2\"");
	ck_assert_str_eq(a.published, "2022-10-30");
	ck_assert_str_eq(a.title, "Title \xe2\x80\x94 with a dash");
	ck_assert_ptr_null(a.author);
	ck_assert_str_eq(a.text, "Text one.");
	ck_assert_uint_eq(a.len, 9);
	ck_assert_ptr_null(a.date);
	cc_article_release(&a);
	/* Adding a new article is not a change to any claims. */
	ck_assert_int_eq(cc_store_meta_get(s, "claims_gen", &gen), CC_OK);
	ck_assert_ptr_null(gen);
	ck_assert_int_eq(cc_store_get_article(s, "nope", &a), CC_ENOTFOUND);
	cc_article_release(&a);
	cc_store_close(s);
}
END_TEST

/* One extraction of article name: two sentences, one claim per text. */
static void
extract_into(struct cc_store *s, const char *name, const char *rules,
    struct cc_claims *cs)
{
	struct cc_article	 a;
	struct cc_sentences	 ss;
	struct cc_sentence	*sn;
	struct cc_claim		*c;

	memset(&ss, 0, sizeof ss);
	ck_assert_int_eq(cc_store_get_article(s, name, &a), CC_OK);
	sn = cc_sentences_push(&ss);
	sn->start = 0;
	sn->end = 5;
	sn = cc_sentences_push(&ss);
	sn->start = 6;
	sn->end = a.len;
	sn->para = 1;
	c = cc_claims_push(cs);
	c->article = xstrdup(name);
	c->type = xstrdup("casualty");
	c->subject = xstrdup("ukraine.civilians");
	c->measure = xstrdup("killed");
	c->value_kind = CC_VALUE_NUMBER;
	c->vmin = c->vmax = 10;
	c->has_min = c->has_max = 1;
	c->ev_start = 0;
	c->ev_end = 5;
	ck_assert_int_eq(cc_store_put_extraction(s, &a, rules, &ss, cs),
	    CC_OK);
	cc_sentences_release(&ss);
	cc_article_release(&a);
}

START_TEST(test_put_article_change_replaces)
{
	struct cc_store		*s;
	struct cc_article	 a;
	struct cc_claims	 cs, got;
	struct cc_sentences	 ss;
	char			*gen, *gen2, **names;
	size_t			 n, i;
	int64_t			 oldid;

	memset(&cs, 0, sizeof cs);
	memset(&got, 0, sizeof got);
	memset(&ss, 0, sizeof ss);
	s = open_store();
	put_article(s, "001", "tass", "Text one. More.");
	extract_into(s, "001", "R1", &cs);
	oldid = cs.v[0].id;
	ck_assert_int_eq(cc_store_meta_get(s, "claims_gen", &gen), CC_OK);
	ck_assert_ptr_nonnull(gen);
	ck_assert_int_eq(cc_store_pending(s, "R1", &names, &n), CC_OK);
	ck_assert_uint_eq(n, 0);
	free(names);

	/* Changed text: old claims and sentences go, the article is pending
	 * again, and the comparison is told the claims changed. */
	ck_assert_int_eq(put_article(s, "001", "tass", "Text two. More."), 1);
	ck_assert_int_eq(cc_store_get_article(s, "001", &a), CC_OK);
	ck_assert_str_eq(a.text, "Text two. More.");
	cc_article_release(&a);
	ck_assert_int_eq(cc_store_get_claims(s, NULL, &got), CC_OK);
	ck_assert_uint_eq(got.n, 0);
	ck_assert_int_eq(cc_store_get_sentences(s, "001", &ss), CC_OK);
	ck_assert_uint_eq(ss.n, 0);
	ck_assert_int_eq(cc_store_pending(s, "R1", &names, &n), CC_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(names[0], "001");
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	ck_assert_int_eq(cc_store_meta_get(s, "claims_gen", &gen2), CC_OK);
	ck_assert_str_ne(gen, gen2);
	free(gen);
	free(gen2);

	/* Re-extracting never hands out an old claim id again. */
	cc_claims_release(&cs);
	extract_into(s, "001", "R1", &cs);
	ck_assert_int_gt(cs.v[0].id, oldid);

	cc_claims_release(&cs);
	cc_claims_release(&got);
	cc_sentences_release(&ss);
	cc_store_close(s);
}
END_TEST

START_TEST(test_pending_by_rules_hash)
{
	struct cc_store	 *s;
	struct cc_claims  cs;
	char		**names;
	size_t		  n, i;

	memset(&cs, 0, sizeof cs);
	s = open_store();
	put_article(s, "b", "x", "Bravo text.");
	put_article(s, "a", "x", "Alpha text.");
	put_article(s, "c", "y", "Charlie text.");
	ck_assert_int_eq(cc_store_pending(s, "R1", &names, &n), CC_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(names[0], "a");	/* sorted */
	ck_assert_str_eq(names[1], "b");
	ck_assert_str_eq(names[2], "c");
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);

	extract_into(s, "b", "R1", &cs);
	ck_assert_int_eq(cc_store_pending(s, "R1", &names, &n), CC_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(names[0], "a");
	ck_assert_str_eq(names[1], "c");
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	/* New rules: everything is pending again. */
	ck_assert_int_eq(cc_store_pending(s, "R2", &names, &n), CC_OK);
	ck_assert_uint_eq(n, 3);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);

	ck_assert_int_eq(cc_store_article_names(s, &names, &n), CC_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(names[0], "a");
	ck_assert_str_eq(names[2], "c");
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	cc_claims_release(&cs);
	cc_store_close(s);
}
END_TEST

/* The sentences read back (got) are those stored (want), in order. */
static void
assert_sentences_eq(const struct cc_sentences *got,
    const struct cc_sentences *want)
{
	size_t	i;

	ck_assert_uint_eq(got->n, want->n);
	for (i = 0; i < got->n; i++) {
		ck_assert_uint_eq(got->v[i].start, want->v[i].start);
		ck_assert_uint_eq(got->v[i].end, want->v[i].end);
		ck_assert_uint_eq(got->v[i].para, want->v[i].para);
		ck_assert_uint_eq(got->v[i].boiler, want->v[i].boiler);
	}
}

START_TEST(test_extraction_round_trip)
{
	struct cc_store		*s;
	struct cc_article	 a;
	struct cc_sentences	 ss, gs;
	struct cc_sentence	*sn;
	struct cc_claims	 cs, got;
	struct cc_claim		*c;
	struct cc_buf		 b1 = CC_BUF_INIT, b2 = CC_BUF_INIT;
	size_t			 i;

	memset(&ss, 0, sizeof ss);
	memset(&gs, 0, sizeof gs);
	memset(&cs, 0, sizeof cs);
	memset(&got, 0, sizeof got);
	s = open_store();
	put_article(s, "003_f9095a6aa4cb8e46", "anews",
	    "On Monday, the Office said 6,374 killed. Leave a Reply");
	ck_assert_int_eq(cc_store_get_article(s, "003_f9095a6aa4cb8e46", &a),
	    CC_OK);
	free(a.date);
	a.date = xstrdup("2022-10-30");
	a.date_min = xstrdup("2022-10-28");
	a.date_max = xstrdup("2022-10-31");
	a.date_basis = xstrdup("inferred: eight-month-old conflict");

	for (i = 0; i < 3; i++) {
		sn = cc_sentences_push(&ss);
		sn->start = i * 20;
		sn->end = i * 20 + 15;
		sn->para = (unsigned)i / 2;
		sn->boiler = i == 2;
	}
	/* Every field set; then the nullable ones NULL, an open range and
	 * a text value. */
	full_claim(cc_claims_push(&cs));
	c = cc_claims_push(&cs);
	c->type = xstrdup("quantity");
	c->value_kind = CC_VALUE_NUMBER;
	c->vmin = 101;
	c->has_min = 1;
	c->ev_start = 3;
	c->ev_end = 4;
	c = cc_claims_push(&cs);
	c->type = xstrdup("statement");
	c->value_kind = CC_VALUE_TEXT;
	c->vtext = xstrdup("ready to negotiate \xe2\x80\x9cwithout\xe2\x80\x9d");
	c->speaker = xstrdup("lavrov");
	c->reported_by = xstrdup("tass");
	c->polarity = xstrdup("negated");
	c->vmin = 99;	/* ignored: not a number */
	c->has_min = 1;
	c = cc_claims_push(&cs);
	c->type = xstrdup("duration");
	c->value_kind = CC_VALUE_NUMBER;
	c->vmin = 243.5;
	c->vmax = 1e12;
	c->has_min = c->has_max = 1;
	c->approx = 1;

	ck_assert_int_eq(cc_store_put_extraction(s, &a, "R1", &ss, &cs),
	    CC_OK);
	for (i = 0; i < cs.n; i++) {
		ck_assert_int_gt(cs.v[i].id, 0);
		if (i > 0)
			ck_assert_int_gt(cs.v[i].id, cs.v[i - 1].id);
	}
	cc_article_release(&a);

	/* The document date fields were stored. */
	ck_assert_int_eq(cc_store_get_article(s, "003_f9095a6aa4cb8e46", &a),
	    CC_OK);
	ck_assert_str_eq(a.date, "2022-10-30");
	ck_assert_str_eq(a.date_min, "2022-10-28");
	ck_assert_str_eq(a.date_max, "2022-10-31");
	ck_assert_str_eq(a.date_basis, "inferred: eight-month-old conflict");
	cc_article_release(&a);

	ck_assert_int_eq(cc_store_get_sentences(s, "003_f9095a6aa4cb8e46",
	    &gs), CC_OK);
	ck_assert_uint_eq(ss.n, 3);
	assert_sentences_eq(&gs, &ss);

	ck_assert_int_eq(cc_store_get_claims(s, NULL, &got), CC_OK);
	ck_assert_uint_eq(got.n, 4);
	for (i = 0; i < got.n; i++) {
		/* Every claim reads back with its article and its outlet,
		 * whatever the extractor left in those fields. */
		ck_assert_str_eq(got.v[i].article, "003_f9095a6aa4cb8e46");
		ck_assert_str_eq(got.v[i].outlet, "anews");
		cc_buf_reset(&b1);
		cc_buf_reset(&b2);
		free(cs.v[i].article);
		cs.v[i].article = xstrdup("003_f9095a6aa4cb8e46");
		free(cs.v[i].outlet);
		cs.v[i].outlet = xstrdup("anews");
		if (cs.v[i].value_kind != CC_VALUE_NUMBER)
			cs.v[i].has_min = 0;
		ck_assert_int_eq(cc_claim_json(&cs.v[i], &b1), CC_OK);
		ck_assert_int_eq(cc_claim_json(&got.v[i], &b2), CC_OK);
		ck_assert_str_eq(b2.data, b1.data);
	}
	/* The JSON compare covers the shapes; check the raw fields too. */
	ck_assert_int_eq(got.v[1].has_max, 0);
	ck_assert_int_eq(got.v[1].has_min, 1);
	ck_assert(got.v[1].vmin == 101);
	ck_assert_ptr_null(got.v[1].time_start);
	ck_assert_ptr_null(got.v[1].rule);
	ck_assert_int_eq(got.v[2].value_kind, CC_VALUE_TEXT);
	ck_assert_str_eq(got.v[2].vtext, cs.v[2].vtext);
	ck_assert_int_eq(got.v[2].has_min, 0);
	ck_assert(got.v[3].vmin == 243.5);
	ck_assert(got.v[3].vmax == 1e12);
	ck_assert_int_eq(got.v[3].approx, 1);
	ck_assert_uint_eq(got.v[0].ev_start, 2731);
	ck_assert_uint_eq(got.v[0].ev_end, 2889);
	ck_assert_int_eq(got.v[0].id, cs.v[0].id);

	cc_buf_release(&b1);
	cc_buf_release(&b2);
	cc_claims_release(&cs);
	cc_claims_release(&got);
	cc_sentences_release(&ss);
	cc_sentences_release(&gs);
	cc_store_close(s);
}
END_TEST

/* Claims and sentences go in several rows a statement, the rest one at a
 * time: every row reads back as written, in order, and the ids given
 * to the claims are theirs (40 claims and 70 sentences cross both). */
START_TEST(test_many_rows_round_trip)
{
	struct cc_store		*s;
	struct cc_article	 a;
	struct cc_sentences	 ss, gs;
	struct cc_sentence	*sn;
	struct cc_claims	 cs, got, more;
	struct cc_claim		*c;
	struct cc_claim_filter	 f = { "many", NULL };
	size_t			 i;

	memset(&ss, 0, sizeof ss);
	memset(&gs, 0, sizeof gs);
	memset(&cs, 0, sizeof cs);
	memset(&got, 0, sizeof got);
	memset(&more, 0, sizeof more);
	s = open_store();
	put_article(s, "many", "tass", "Many rows.");
	put_article(s, "next", "tass", "Next rows.");
	ck_assert_int_eq(cc_store_get_article(s, "many", &a), CC_OK);
	for (i = 0; i < 70; i++) {
		sn = cc_sentences_push(&ss);
		sn->start = i * 10;
		sn->end = i * 10 + 7 + i % 3;
		sn->para = (unsigned)i / 4;
		sn->boiler = i % 5 == 0;
	}
	for (i = 0; i < 40; i++) {
		c = cc_claims_push(&cs);
		c->type = xstrdup(i % 2 ? "casualty" : "force");
		c->value_kind = CC_VALUE_NUMBER;
		c->vmin = c->vmax = (double)i * 100;
		c->has_min = c->has_max = 1;
		c->text = xasprintf("claim %zu", i);
		c->sentence = xasprintf("Sentence %zu.", i);
		c->ev_start = i * 10;
		c->ev_end = i * 10 + 7;
	}
	ck_assert_int_eq(cc_store_put_extraction(s, &a, "R", &ss, &cs),
	    CC_OK);
	cc_article_release(&a);
	for (i = 1; i < cs.n; i++)
		ck_assert_int_eq(cs.v[i].id, cs.v[i - 1].id + 1);

	ck_assert_int_eq(cc_store_get_sentences(s, "many", &gs), CC_OK);
	ck_assert_uint_eq(ss.n, 70);
	assert_sentences_eq(&gs, &ss);
	ck_assert_int_eq(cc_store_get_claims(s, &f, &got), CC_OK);
	ck_assert_uint_eq(got.n, 40);
	for (i = 0; i < got.n; i++) {
		ck_assert_int_eq(got.v[i].id, cs.v[i].id);
		ck_assert_str_eq(got.v[i].text, cs.v[i].text);
		ck_assert_str_eq(got.v[i].sentence, cs.v[i].sentence);
		ck_assert_str_eq(got.v[i].type, cs.v[i].type);
		ck_assert(got.v[i].vmin == cs.v[i].vmin);
		ck_assert_uint_eq(got.v[i].ev_start, cs.v[i].ev_start);
	}

	/* The next article's claims take the next ids. */
	ck_assert_int_eq(cc_store_get_article(s, "next", &a), CC_OK);
	for (i = 0; i < 17; i++) {
		c = cc_claims_push(&more);
		c->type = xstrdup("quote");
		c->text = xasprintf("more %zu", i);
	}
	ck_assert_int_eq(cc_store_put_extraction(s, &a, "R", NULL, &more),
	    CC_OK);
	cc_article_release(&a);
	ck_assert_int_eq(more.v[0].id, cs.v[39].id + 1);
	ck_assert_int_eq(more.v[16].id, cs.v[39].id + 17);

	cc_claims_release(&cs);
	cc_claims_release(&got);
	cc_claims_release(&more);
	cc_sentences_release(&ss);
	cc_sentences_release(&gs);
	cc_store_close(s);
}
END_TEST

START_TEST(test_claims_filter_and_order)
{
	struct cc_store		*s;
	struct cc_claims	 cs, got;
	struct cc_claim_filter	 f;
	struct cc_claim		*c;
	struct cc_article	 a;
	size_t			 i;

	memset(&cs, 0, sizeof cs);
	memset(&got, 0, sizeof got);
	s = open_store();
	put_article(s, "one", "tass", "Sentence one here.");
	put_article(s, "two", "ria", "Sentence two here.");
	extract_into(s, "two", "R", &cs);
	extract_into(s, "one", "R", &cs);
	ck_assert_int_eq(cc_store_get_article(s, "one", &a), CC_OK);
	c = cc_claims_push(&cs);
	c->type = xstrdup("event");
	ck_assert_int_eq(cc_store_put_extraction(s, &a, "R", NULL, &cs),
	    CC_OK);
	cc_article_release(&a);

	ck_assert_int_eq(cc_store_get_claims(s, NULL, &got), CC_OK);
	ck_assert_uint_eq(got.n, 4);	/* two's claim, one's three */
	for (i = 1; i < got.n; i++)
		ck_assert_int_gt(got.v[i].id, got.v[i - 1].id);
	ck_assert_str_eq(got.v[0].outlet, "ria");
	cc_claims_release(&got);

	f.article = "one";
	f.type = NULL;
	ck_assert_int_eq(cc_store_get_claims(s, &f, &got), CC_OK);
	ck_assert_uint_eq(got.n, 3);
	cc_claims_release(&got);
	f.type = "event";
	ck_assert_int_eq(cc_store_get_claims(s, &f, &got), CC_OK);
	ck_assert_uint_eq(got.n, 1);
	ck_assert_str_eq(got.v[0].type, "event");
	ck_assert_str_eq(got.v[0].outlet, "tass");
	cc_claims_release(&got);
	f.article = NULL;
	f.type = "casualty";
	ck_assert_int_eq(cc_store_get_claims(s, &f, &got), CC_OK);
	ck_assert_uint_eq(got.n, 3);
	cc_claims_release(&got);

	cc_claims_release(&cs);
	cc_store_close(s);
}
END_TEST

/* The comparison's reads: a few types in one scan, one article. */
START_TEST(test_claims_by_types_and_article)
{
	struct cc_store			*s;
	struct cc_store_strings		*strs = NULL;
	struct cc_claims		 cs, got;
	struct cc_claim_filter		 f = { "one", NULL };
	struct cc_claim			*c;
	struct cc_article		 a;
	const char *const		 types[] = { "event", "quote", NULL };
	const char *const		 five[] = { "a", "b", "c", "d", "e",
					    NULL };
	size_t				 i;

	memset(&cs, 0, sizeof cs);
	memset(&got, 0, sizeof got);
	s = open_store();
	put_article(s, "one", "tass", "Sentence one here.");
	put_article(s, "two", "ria", "Sentence two here.");
	extract_into(s, "two", "R", &cs);
	ck_assert_int_eq(cc_store_get_article(s, "two", &a), CC_OK);
	c = cc_claims_push(&cs);
	c->type = xstrdup("quote");
	c->basis = xstrdup("relative:on Monday");
	c->rule = xstrdup("quote.said");
	ck_assert_int_eq(cc_store_put_extraction(s, &a, "R", NULL, &cs),
	    CC_OK);
	cc_article_release(&a);
	cc_claims_release(&cs);
	extract_into(s, "one", "R", &cs);
	ck_assert_int_eq(cc_store_get_article(s, "one", &a), CC_OK);
	c = cc_claims_push(&cs);
	c->type = xstrdup("event");
	ck_assert_int_eq(cc_store_put_extraction(s, &a, "R", NULL, &cs),
	    CC_OK);
	cc_article_release(&a);

	ck_assert_int_eq(cc_store_get_claims_types(s, types, &got, &strs),
	    CC_OK);
	ck_assert_uint_eq(got.n, 2);
	ck_assert_str_eq(got.v[0].type, "quote");	/* id order */
	ck_assert_str_eq(got.v[0].outlet, "ria");
	ck_assert_ptr_null(got.v[0].basis);		/* not read */
	ck_assert_ptr_null(got.v[0].rule);
	ck_assert_str_eq(got.v[1].type, "event");
	ck_assert_int_gt(got.v[1].id, got.v[0].id);
	cc_store_claims_release_shared(&got, strs);
	strs = NULL;
	ck_assert_int_eq(cc_store_get_claims_types(s, five, &got, &strs),
	    CC_ESTORE);
	cc_store_claims_release_shared(&got, strs);
	strs = NULL;

	ck_assert_int_eq(cc_store_get_claims_pooled(s, &f, &got, &strs),
	    CC_OK);
	ck_assert_uint_eq(got.n, 2);		/* casualty, event */
	for (i = 0; i < got.n; i++)
		ck_assert_str_eq(got.v[i].article, "one");
	cc_store_claims_release_shared(&got, strs);

	cc_claims_release(&cs);
	cc_store_close(s);
}
END_TEST

/* Claims by id: in id order whatever the order asked, each once, the
 * missing ones skipped, ids near together and far apart alike (the
 * store reads runs of near ids in one pass). */
/* Article "one" with 300 casualty claims whose vtext is "n0".."n299",
 * stored; returns the first claim's id. */
static int64_t
put_numbered_claims(struct cc_store *s)
{
	struct cc_claims	 cs;
	struct cc_claim		*c;
	struct cc_article	 a;
	int64_t			 first;
	size_t			 i;

	memset(&cs, 0, sizeof cs);
	put_article(s, "one", "tass", "Sentence one here.");
	ck_assert_int_eq(cc_store_get_article(s, "one", &a), CC_OK);
	for (i = 0; i < 300; i++) {
		c = cc_claims_push(&cs);
		c->type = xstrdup("casualty");
		c->vtext = xasprintf("n%zu", i);
		c->sentence = xstrdup("Sentence one here.");
		c->ev_end = 18;
	}
	ck_assert_int_eq(cc_store_put_extraction(s, &a, "R", NULL, &cs),
	    CC_OK);
	cc_article_release(&a);
	first = cs.v[0].id;
	cc_claims_release(&cs);
	return first;
}

START_TEST(test_claims_by_ids)
{
	struct cc_store			*s;
	struct cc_store_strings		*strs = NULL;
	struct cc_claims		 got;
	int64_t				 first, ids[8];

	memset(&got, 0, sizeof got);
	s = open_store();
	first = put_numbered_claims(s);
	ids[0] = first + 250;
	ids[1] = first + 3;
	ids[2] = first + 3;
	ids[3] = first + 100000;	/* no such claim */
	ids[4] = first + 70;		/* more than a run's gap on */
	ids[5] = first + 4;
	ids[6] = first + 299;
	ids[7] = first - 1;		/* none either */
	ck_assert_int_eq(cc_store_get_claims_by_ids(s, ids, 8, &got, &strs),
	    CC_OK);
	ck_assert_uint_eq(got.n, 5);
	ck_assert_int_eq(got.v[0].id, first + 3);
	ck_assert_int_eq(got.v[1].id, first + 4);
	ck_assert_int_eq(got.v[2].id, first + 70);
	ck_assert_int_eq(got.v[3].id, first + 250);
	ck_assert_int_eq(got.v[4].id, first + 299);
	ck_assert_str_eq(got.v[2].vtext, "n70");
	ck_assert_str_eq(got.v[4].vtext, "n299");
	ck_assert_str_eq(got.v[0].article, "one");
	ck_assert_ptr_null(got.v[0].sentence);		/* not read */
	cc_store_claims_release_shared(&got, strs);
	strs = NULL;
	ck_assert_int_eq(cc_store_get_claims_by_ids(s, ids, 0, &got, &strs),
	    CC_OK);
	ck_assert_uint_eq(got.n, 0);
	cc_store_claims_release_shared(&got, strs);
	cc_store_close(s);
}
END_TEST

/* Claims read in two halves on two connections, their pools merged
 * (as the report reads what findings cite): every string stays valid
 * while the merged pool lives and is freed with it (ASan and valgrind
 * see a string freed early or never), strings added after the merge
 * included, and a pool that had no string yet takes the other's. */
START_TEST(test_strings_merge)
{
	struct cc_store			*s, *s2;
	struct cc_store_strings		*lo = NULL, *hi = NULL, *none = NULL;
	struct cc_claim_filter		 f = { NULL, NULL };
	struct cc_claims		 got, up, more, empty;
	int64_t				 first, ids[300];
	size_t				 i;
	char				 want[16];

	memset(&got, 0, sizeof got);
	memset(&up, 0, sizeof up);
	memset(&more, 0, sizeof more);
	memset(&empty, 0, sizeof empty);
	s = open_store();
	s2 = open_store();
	first = put_numbered_claims(s);
	for (i = 0; i < 300; i++)
		ids[i] = first + (int64_t)i;
	ck_assert_int_eq(cc_store_get_claims_by_ids(s, ids, 150, &got, &lo),
	    CC_OK);
	ck_assert_int_eq(cc_store_get_claims_by_ids(s2, ids + 150, 150, &up,
	    &hi), CC_OK);
	ck_assert_uint_eq(got.n, 150);
	ck_assert_uint_eq(up.n, 150);
	cc_store_strings_merge(lo, hi);
	for (i = 0; i < up.n; i++)
		*cc_claims_push(&got) = up.v[i];
	free(up.v);
	memset(&up, 0, sizeof up);
	/* more strings into the merged pool, after its last chunk moved */
	f.article = "one";
	ck_assert_int_eq(cc_store_get_claims_pooled(s, &f, &more, &lo),
	    CC_OK);
	ck_assert_uint_eq(more.n, 300);
	for (i = 0; i < 300; i++) {
		snprintf(want, sizeof want, "n%zu", i);
		ck_assert_int_eq(got.v[i].id, first + (int64_t)i);
		ck_assert_str_eq(got.v[i].vtext, want);
		ck_assert_str_eq(got.v[i].article, "one");
		ck_assert_str_eq(more.v[i].vtext, want);
	}
	free(more.v);
	cc_store_claims_release_shared(&got, lo);

	/* a pool with no string yet (no id asked for) takes the other's */
	ck_assert_int_eq(cc_store_get_claims_by_ids(s, ids, 0, &empty,
	    &none), CC_OK);
	ck_assert_int_eq(cc_store_get_claims_by_ids(s2, ids + 290, 10, &up,
	    &hi), CC_OK);
	cc_store_strings_merge(none, hi);
	memset(&more, 0, sizeof more);
	ck_assert_int_eq(cc_store_get_claims_pooled(s, &f, &more, &none),
	    CC_OK);
	ck_assert_str_eq(up.v[9].vtext, "n299");
	ck_assert_str_eq(more.v[299].vtext, "n299");
	free(more.v);
	cc_store_claims_release_shared(&up, NULL);
	cc_store_claims_release_shared(&empty, none);
	cc_store_close(s2);
	cc_store_close(s);
}
END_TEST

/* Turn a store of this version back into what version 4 was: the
 * texts in the articles rows. */
static void
downgrade_v5(void)
{
	raw_exec("ALTER TABLE articles ADD COLUMN text TEXT NOT NULL"
	    " DEFAULT '';"
	    " UPDATE articles SET text = (SELECT t.text FROM article_texts t"
	    "  WHERE t.article = articles.id);"
	    " DROP TABLE article_texts; PRAGMA user_version = 4");
}

static unsigned
store_problems(struct cc_store *s)
{
	unsigned	n = 99;

	ck_assert_int_eq(cc_store_check(s, NULL, NULL, &n), CC_OK);
	return n;
}

/* Version 5 moves each article's text into a table of its own: a
 * version 4 store keeps its texts, claims and extraction state. */
START_TEST(test_migrate_v5)
{
	struct cc_store		*s;
	struct cc_article	 a;
	struct cc_claims	 cs, got;
	struct cc_sentences	 ss;
	char			**names;
	size_t			  n;

	memset(&cs, 0, sizeof cs);
	memset(&got, 0, sizeof got);
	memset(&ss, 0, sizeof ss);
	s = open_store();
	put_article(s, "one", "tass", "Alpha one. Bravo \xc3\xa9t\xc3\xa9.");
	put_article(s, "two", "ria", "Charlie two. Delta.");
	extract_into(s, "one", "R", &cs);
	cc_store_close(s);
	downgrade_v5();
	ck_assert_int_eq(raw_sql("SELECT count(*) FROM sqlite_master WHERE"
	    " name = 'article_texts'"), 0);
	s = open_store();
	ck_assert_int_eq(raw_sql("PRAGMA user_version"),
	    cc_store_schema_version());
	ck_assert_int_eq(raw_sql("SELECT count(*) FROM pragma_table_info("
	    "'articles') WHERE name = 'text'"), 0);
	ck_assert_int_eq(cc_store_get_article(s, "one", &a), CC_OK);
	ck_assert_str_eq(a.text, "Alpha one. Bravo \xc3\xa9t\xc3\xa9.");
	ck_assert_str_eq(a.outlet, "tass");
	cc_article_release(&a);
	ck_assert_int_eq(cc_store_get_article(s, "two", &a), CC_OK);
	ck_assert_str_eq(a.text, "Charlie two. Delta.");
	cc_article_release(&a);
	/* one stays extracted, with its claim and sentences (the articles
	 * table was rebuilt: nothing cascaded); two is still pending */
	ck_assert_int_eq(cc_store_get_claims(s, NULL, &got), CC_OK);
	ck_assert_uint_eq(got.n, 1);
	ck_assert_int_eq(got.v[0].id, cs.v[0].id);
	ck_assert_int_eq(cc_store_get_sentences(s, "one", &ss), CC_OK);
	ck_assert_uint_eq(ss.n, 2);
	cc_sentences_release(&ss);
	ck_assert_int_eq(cc_store_pending(s, "R", &names, &n), CC_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(names[0], "two");
	free(names[0]);
	free(names);
	ck_assert_uint_eq(store_problems(s), 0);
	/* A text row lost is a problem the check names. */
	raw_exec("DELETE FROM article_texts WHERE article ="
	    " (SELECT id FROM articles WHERE name = 'two')");
	ck_assert_uint_eq(store_problems(s), 1);
	cc_claims_release(&cs);
	cc_claims_release(&got);
	cc_store_close(s);
}
END_TEST

/* Version 4 drops the index on claim keys that nothing read. */
START_TEST(test_migrate_v4)
{
	struct cc_store	*s;

	s = open_store();
	cc_store_close(s);
	ck_assert_int_eq(raw_sql("SELECT count(*) FROM sqlite_master WHERE"
	    " name = 'claims_key'"), 0);
	downgrade_v5();
	raw_exec("CREATE INDEX claims_key ON claims (type, subject, measure);"
	    " PRAGMA user_version = 3");
	s = open_store();
	ck_assert_int_eq(raw_sql("PRAGMA user_version"),
	    cc_store_schema_version());
	ck_assert_int_eq(raw_sql("SELECT count(*) FROM sqlite_master WHERE"
	    " name = 'claims_key'"), 0);
	ck_assert_int_eq(raw_sql("SELECT count(*) FROM sqlite_master WHERE"
	    " name = 'claims_article'"), 1);
	cc_store_close(s);
}
END_TEST

static int
collect_row(void *arg, const char *name, const char *a, const char *b)
{
	struct cc_buf	*buf = arg;

	cc_buf_printf(buf, "%s=%s/%s;", name, a, b != NULL ? b : "-");
	return CC_OK;
}

static int
collect_stamp(void *arg, const char *name, const char *stamp)
{
	return collect_row(arg, name, stamp, NULL);
}

/* What the last comparison saw of each article, and claim stamps that
 * change whenever an article's claims do. */
START_TEST(test_compare_state)
{
	struct cc_store		*s;
	struct cc_buf		 b = CC_BUF_INIT, b2 = CC_BUF_INIT;
	struct cc_claims	 cs;
	struct cc_findings	 fs, got;

	memset(&cs, 0, sizeof cs);
	memset(&fs, 0, sizeof fs);
	memset(&got, 0, sizeof got);
	s = open_store();
	ck_assert_int_eq(cc_store_put_compare_state(s, "zz", "1:2", "k1\nk2"),
	    CC_OK);
	ck_assert_int_eq(cc_store_put_compare_state(s, "aa", "3:4", ""),
	    CC_OK);
	ck_assert_int_eq(cc_store_put_compare_state(s, "zz", "5:6", "k3"),
	    CC_OK);
	ck_assert_int_eq(cc_store_compare_state(s, collect_row, &b), CC_OK);
	ck_assert_str_eq(b.data, "aa=3:4/;zz=5:6/k3;");
	ck_assert_int_eq(cc_store_put_compare_state(s, NULL, NULL, NULL),
	    CC_OK);
	cc_buf_reset(&b);
	cc_buf_addc(&b, '\0');
	ck_assert_int_eq(cc_store_compare_state(s, collect_row, &b), CC_OK);
	ck_assert_str_eq(b.data, "");

	/* A finding's scope is stored with it. */
	make_finding(cc_findings_push(&fs), "f1", "contradiction", "new");
	fs.v[0].scope = xstrdup("casualty/x/killed/2022-10");
	make_finding(cc_findings_push(&fs), "f2", "timeline", "new");
	ck_assert_int_eq(cc_store_put_findings(s, fs.v, fs.n), CC_OK);
	ck_assert_int_eq(cc_store_get_findings(s, NULL, &got), CC_OK);
	ck_assert_str_eq(got.v[0].scope, "casualty/x/killed/2022-10");
	ck_assert_ptr_null(got.v[1].scope);

	put_article(s, "one", "tass", "Sentence one here.");
	put_article(s, "two", "ria", "Sentence two here.");
	extract_into(s, "one", "R", &cs);
	cc_buf_reset(&b);
	ck_assert_int_eq(cc_store_claim_stamps(s, collect_stamp, &b), CC_OK);
	ck_assert_ptr_nonnull(strstr(b.data, "two=0:0.0:0/-;"));
	/* the same claims again: new ids, a new stamp for one only */
	cc_claims_release(&cs);
	extract_into(s, "one", "R", &cs);
	ck_assert_int_eq(cc_store_claim_stamps(s, collect_stamp, &b2), CC_OK);
	ck_assert_str_ne(b.data, b2.data);
	ck_assert_ptr_nonnull(strstr(b2.data, "two=0:0.0:0/-;"));

	cc_buf_release(&b);
	cc_buf_release(&b2);
	cc_claims_release(&cs);
	cc_findings_release(&fs);
	cc_findings_release(&got);
	cc_store_close(s);
}
END_TEST

/* A version 2 store (before findings had scopes) is brought up to date
 * and keeps its findings, with no scope. */
START_TEST(test_migrate_v2)
{
	struct cc_store		*s;
	struct cc_findings	 fs, got;
	struct cc_buf		 b = CC_BUF_INIT;

	memset(&fs, 0, sizeof fs);
	memset(&got, 0, sizeof got);
	s = open_store();
	make_finding(cc_findings_push(&fs), "f1", "contradiction", "new");
	fs.v[0].scope = xstrdup("some/scope");
	ck_assert_int_eq(cc_store_put_findings(s, fs.v, fs.n), CC_OK);
	cc_store_close(s);
	/* what version 2 had */
	downgrade_v5();
	raw_exec("DROP TABLE compare_articles; UPDATE findings SET scope ="
	    " NULL; ALTER TABLE findings DROP COLUMN scope;"
	    " PRAGMA user_version = 2");
	ck_assert_int_eq(raw_sql("PRAGMA user_version"), 2);
	s = open_store();
	ck_assert_int_eq(raw_sql("PRAGMA user_version"),
	    cc_store_schema_version());
	ck_assert_int_eq(cc_store_get_findings(s, NULL, &got), CC_OK);
	ck_assert_uint_eq(got.n, 1);
	ck_assert_str_eq(got.v[0].id, "f1");
	ck_assert_ptr_null(got.v[0].scope);
	cc_buf_addc(&b, '\0');
	ck_assert_int_eq(cc_store_compare_state(s, collect_row, &b), CC_OK);
	ck_assert_str_eq(b.data, "");
	cc_buf_release(&b);
	cc_findings_release(&fs);
	cc_findings_release(&got);
	cc_store_close(s);
}
END_TEST

START_TEST(test_extraction_unknown_article)
{
	struct cc_store		*s;
	struct cc_article	 a;
	struct cc_claims	 cs;

	memset(&cs, 0, sizeof cs);
	s = open_store();
	make_article(&a, "ghost", NULL, "Boo.");
	cc_claims_push(&cs)->type = xstrdup("event");
	ck_assert_int_eq(cc_store_put_extraction(s, &a, "R", NULL, &cs),
	    CC_ENOTFOUND);
	ck_assert_int_eq(cs.v[0].id, 0);
	ck_assert_ptr_nonnull(strstr(cc_store_diag(s)->msg, "ghost"));
	cc_article_release(&a);
	cc_claims_release(&cs);
	cc_store_close(s);
}
END_TEST

/* Put claims of types t1 and t2 (t2 NULL: t1 alone), with one sentence,
 * as article name's extraction; their ids into ids[] unless NULL.  The
 * rc of cc_store_put_extraction(). */
static int
extract_types(struct cc_store *s, const char *name, const char *t1,
    const char *t2, int64_t *ids)
{
	struct cc_article	 a;
	struct cc_claims	 cs;
	struct cc_sentences	 ss;
	size_t			 i;
	int			 rc;

	memset(&cs, 0, sizeof cs);
	memset(&ss, 0, sizeof ss);
	ck_assert_int_eq(cc_store_get_article(s, name, &a), CC_OK);
	cc_sentences_push(&ss)->end = a.len;
	cc_claims_push(&cs)->type = xstrdup(t1);
	if (t2 != NULL)
		cc_claims_push(&cs)->type = xstrdup(t2);
	rc = cc_store_put_extraction(s, &a, "R", &ss, &cs);
	for (i = 0; ids != NULL && i < cs.n; i++)
		ids[i] = cs.v[i].id;
	cc_sentences_release(&ss);
	cc_article_release(&a);
	cc_claims_release(&cs);
	return rc;
}

static void
assert_only_claim(struct cc_store *s, const char *name, const char *type)
{
	struct cc_claim_filter	 f = { NULL, NULL };
	struct cc_claims	 got;

	f.article = name;
	memset(&got, 0, sizeof got);
	ck_assert_int_eq(cc_store_get_claims(s, &f, &got), CC_OK);
	ck_assert_uint_eq(got.n, 1);
	ck_assert_str_eq(got.v[0].type, type);
	cc_claims_release(&got);
}

/* A claim id is never handed out twice, not even when the claims that
 * held the highest ones are gone (an id quoted in a review must not come
 * to mean another claim); ids go up by one in claim order. */
START_TEST(test_claim_ids_never_reused)
{
	struct cc_store	*s;
	int64_t		 a[2], b[2], c[2];

	s = open_store();
	put_article(s, "a", "tass", "Alpha.");
	put_article(s, "b", "tass", "Bravo.");
	ck_assert_int_eq(extract_types(s, "a", "event", "quote", a), CC_OK);
	ck_assert_int_eq(extract_types(s, "b", "event", "quote", b), CC_OK);
	ck_assert_int_eq(a[1], a[0] + 1);
	ck_assert_int_eq(b[0], a[1] + 1);
	/* b's claims, the highest ids, replaced; then in a transaction */
	ck_assert_int_eq(extract_types(s, "b", "event", "quote", c), CC_OK);
	ck_assert_int_eq(c[0], b[1] + 1);
	ck_assert_int_eq(c[1], b[1] + 2);
	ck_assert_int_eq(cc_store_begin(s), CC_OK);
	ck_assert_int_eq(extract_types(s, "b", "event", "quote", b), CC_OK);
	ck_assert_int_eq(cc_store_commit(s), CC_OK);
	ck_assert_int_eq(b[0], c[1] + 1);
	/* and after the store is closed and opened again */
	cc_store_close(s);
	s = open_store();
	ck_assert_int_eq(extract_types(s, "b", "event", "quote", c), CC_OK);
	ck_assert_int_eq(c[0], b[1] + 1);
	/* ids handed out in a transaction rolled back are free again */
	ck_assert_int_eq(cc_store_begin(s), CC_OK);
	ck_assert_int_eq(extract_types(s, "a", "event", "quote", a), CC_OK);
	ck_assert_int_eq(a[0], c[1] + 1);
	ck_assert_int_eq(cc_store_rollback(s), CC_OK);
	ck_assert_int_eq(extract_types(s, "a", "event", "quote", b), CC_OK);
	ck_assert_int_eq(b[0], c[1] + 1);
	cc_store_close(s);
}
END_TEST

/* An extraction that fails after its first rows are written leaves the
 * article's earlier extraction whole: on its own by its savepoint; in a
 * transaction (which takes none) by refusing to commit it. */
START_TEST(test_extraction_failure_stores_nothing)
{
	struct cc_store	*s;

	s = open_store();
	put_article(s, "a", "tass", "Alpha.");
	ck_assert_int_eq(extract_types(s, "a", "old", NULL, NULL), CC_OK);
	raw_exec("CREATE TRIGGER boom BEFORE INSERT ON claims"
	    " WHEN NEW.type = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END");

	ck_assert_int_eq(extract_types(s, "a", "new", "boom", NULL), CC_ESTORE);
	assert_only_claim(s, "a", "old");

	ck_assert_int_eq(cc_store_begin(s), CC_OK);
	ck_assert_int_eq(extract_types(s, "a", "new", "boom", NULL), CC_ESTORE);
	ck_assert_int_ne(cc_store_commit(s), CC_OK);
	ck_assert_ptr_nonnull(strstr(cc_store_diag(s)->msg, "rolled back"));
	assert_only_claim(s, "a", "old");

	/* The next transaction commits as usual. */
	ck_assert_int_eq(cc_store_begin(s), CC_OK);
	ck_assert_int_eq(extract_types(s, "a", "new", NULL, NULL), CC_OK);
	ck_assert_int_eq(cc_store_commit(s), CC_OK);
	assert_only_claim(s, "a", "new");
	cc_store_close(s);
}
END_TEST

/* An article whose text fails to go in after its row did is not
 * stored half: on its own, or in a transaction, whose commit is refused;
 * the articles put before it in that transaction go with it. */
START_TEST(test_article_failure_stores_nothing)
{
	struct cc_store		*s;
	struct cc_article	 a;
	char			**names;
	size_t			  n;
	int			  changed;

	s = open_store();
	put_article(s, "a", "tass", "Alpha.");
	raw_exec("CREATE TRIGGER boom BEFORE INSERT ON article_texts"
	    " WHEN NEW.text = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END");
	make_article(&a, "b", "tass", "boom");
	ck_assert_int_eq(cc_store_put_article(s, &a, &changed), CC_ESTORE);
	ck_assert_int_eq(changed, 0);
	ck_assert_int_eq(raw_sql("SELECT count(*) FROM articles"), 1);

	ck_assert_int_eq(cc_store_begin(s), CC_OK);
	put_article(s, "c", "tass", "Charlie.");
	ck_assert_int_eq(cc_store_put_article(s, &a, &changed), CC_ESTORE);
	ck_assert_int_ne(cc_store_commit(s), CC_OK);
	ck_assert_int_eq(cc_store_article_names(s, &names, &n), CC_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(names[0], "a");
	xfree_strv(names, n);
	cc_article_release(&a);
	cc_store_close(s);
}
END_TEST

START_TEST(test_findings_round_trip)
{
	struct cc_store		*s;
	struct cc_findings	 fs, got;
	struct cc_buf		 b1 = CC_BUF_INIT, b2 = CC_BUF_INIT;
	size_t			 i;

	memset(&fs, 0, sizeof fs);
	memset(&got, 0, sizeof got);
	s = open_store();
	/* Stored order is not id order: the comparison sorts by severity. */
	make_finding(cc_findings_push(&fs), "f9", "contradiction", "new");
	make_finding(cc_findings_push(&fs), "f2", "agreement", "accepted");
	make_finding(cc_findings_push(&fs), "f5", "contradiction",
	    "dismissed");
	make_finding(cc_findings_push(&fs), "f1", "timeline", NULL);
	ck_assert_int_eq(cc_store_put_findings(s, fs.v, fs.n), CC_OK);
	ck_assert_int_eq(cc_store_get_findings(s, NULL, &got), CC_OK);
	ck_assert_uint_eq(got.n, 4);
	free(fs.v[3].status);
	fs.v[3].status = xstrdup("new");	/* NULL is stored as new */
	for (i = 0; i < got.n; i++) {
		cc_buf_reset(&b1);
		cc_buf_reset(&b2);
		cc_finding_json(&fs.v[i], &b1);
		cc_finding_json(&got.v[i], &b2);
		ck_assert_str_eq(b2.data, b1.data);
	}
	ck_assert_uint_eq(got.v[0].nclaims, 2);
	ck_assert_str_eq(got.v[0].claims[1], "c52");
	ck_assert_str_eq(got.v[3].status, "new");
	cc_findings_release(&got);

	ck_assert_int_eq(cc_store_get_findings(s, "contradiction", &got),
	    CC_OK);
	ck_assert_uint_eq(got.n, 2);
	ck_assert_str_eq(got.v[0].id, "f9");
	ck_assert_str_eq(got.v[1].id, "f5");
	ck_assert_str_eq(got.v[1].status, "dismissed");
	cc_findings_release(&got);

	/* A new comparison replaces all findings. */
	ck_assert_int_eq(cc_store_put_findings(s, fs.v + 1, 1), CC_OK);
	ck_assert_int_eq(cc_store_get_findings(s, NULL, &got), CC_OK);
	ck_assert_uint_eq(got.n, 1);
	ck_assert_str_eq(got.v[0].id, "f2");
	cc_findings_release(&got);
	ck_assert_int_eq(cc_store_put_findings(s, NULL, 0), CC_OK);
	ck_assert_int_eq(cc_store_get_findings(s, NULL, &got), CC_OK);
	ck_assert_uint_eq(got.n, 0);

	cc_buf_release(&b1);
	cc_buf_release(&b2);
	cc_findings_release(&fs);
	cc_findings_release(&got);
	cc_store_close(s);
}
END_TEST

START_TEST(test_meta_get_set)
{
	struct cc_store	*s;
	char		*v;

	s = open_store();
	ck_assert_int_eq(cc_store_meta_get(s, "findings_gen", &v), CC_OK);
	ck_assert_ptr_null(v);
	ck_assert_int_eq(cc_store_meta_set(s, "findings_gen", "3:abc"),
	    CC_OK);
	ck_assert_int_eq(cc_store_meta_set(s, "findings_gen", "4:abc"),
	    CC_OK);
	ck_assert_int_eq(cc_store_meta_get(s, "findings_gen", &v), CC_OK);
	ck_assert_str_eq(v, "4:abc");
	free(v);
	cc_store_close(s);
}
END_TEST

START_TEST(test_reopen_persists)
{
	struct cc_store		*s;
	struct cc_claims	 cs, got;
	struct cc_findings	 fs, gf;
	char			*v, **names;
	size_t			 n;

	memset(&cs, 0, sizeof cs);
	memset(&got, 0, sizeof got);
	memset(&fs, 0, sizeof fs);
	memset(&gf, 0, sizeof gf);
	s = open_store();
	ck_assert_int_eq(cc_store_begin(s), CC_OK);
	put_article(s, "a", "tass", "Alpha text here.");
	extract_into(s, "a", "R1", &cs);
	make_finding(cc_findings_push(&fs), "f1", "agreement", "new");
	ck_assert_int_eq(cc_store_put_findings(s, fs.v, fs.n), CC_OK);
	ck_assert_int_eq(cc_store_meta_set(s, "k", "v"), CC_OK);
	ck_assert_int_eq(cc_store_commit(s), CC_OK);
	cc_store_close(s);

	s = open_store();
	ck_assert_int_eq(put_article(s, "a", "tass", "Alpha text here."), 0);
	ck_assert_int_eq(cc_store_pending(s, "R1", &names, &n), CC_OK);
	ck_assert_uint_eq(n, 0);
	free(names);
	ck_assert_int_eq(cc_store_get_claims(s, NULL, &got), CC_OK);
	ck_assert_uint_eq(got.n, 1);
	ck_assert_int_eq(got.v[0].id, cs.v[0].id);
	ck_assert_int_eq(cc_store_get_findings(s, NULL, &gf), CC_OK);
	ck_assert_uint_eq(gf.n, 1);
	ck_assert_int_eq(cc_store_meta_get(s, "k", &v), CC_OK);
	ck_assert_str_eq(v, "v");
	free(v);
	cc_store_close(s);
	cc_claims_release(&cs);
	cc_claims_release(&got);
	cc_findings_release(&fs);
	cc_findings_release(&gf);
}
END_TEST

START_TEST(test_rollback_leaves_nothing)
{
	struct cc_store	 *s;
	char		**names;
	size_t		  n;

	s = open_store();
	ck_assert_int_eq(cc_store_begin(s), CC_OK);
	put_article(s, "a", "tass", "Alpha.");
	ck_assert_int_eq(cc_store_rollback(s), CC_OK);
	/* Rolling back twice (an error path) is harmless. */
	ck_assert_int_eq(cc_store_rollback(s), CC_OK);
	ck_assert_int_eq(cc_store_article_names(s, &names, &n), CC_OK);
	ck_assert_uint_eq(n, 0);
	free(names);
	/* Closing with a transaction open does not commit it. */
	ck_assert_int_eq(cc_store_begin(s), CC_OK);
	put_article(s, "b", "tass", "Bravo.");
	cc_store_close(s);
	s = open_store();
	ck_assert_int_eq(cc_store_article_names(s, &names, &n), CC_OK);
	ck_assert_uint_eq(n, 0);
	free(names);
	cc_store_close(s);
}
END_TEST

START_TEST(test_second_writer_waits)
{
	struct cc_store	 *s1, *s2;
	char		**names;
	size_t		  n, i;

	s1 = open_store();
	s2 = open_store();
	cc_store_set_busy_timeout(s2, 50);
	ck_assert_int_eq(cc_store_begin(s1), CC_OK);
	put_article(s1, "a", "tass", "Alpha.");
	/* While one run writes, another cannot start writing... */
	ck_assert_int_eq(cc_store_begin(s2), CC_ESTORE);
	ck_assert_ptr_nonnull(strstr(cc_store_diag(s2)->msg, "locked"));
	/* ...but can still read the last committed state. */
	ck_assert_int_eq(cc_store_article_names(s2, &names, &n), CC_OK);
	ck_assert_uint_eq(n, 0);
	free(names);
	ck_assert_int_eq(cc_store_commit(s1), CC_OK);
	ck_assert_int_eq(cc_store_begin(s2), CC_OK);
	ck_assert_int_eq(put_article(s2, "a", "tass", "Alpha."), 0);
	ck_assert_int_eq(cc_store_commit(s2), CC_OK);
	ck_assert_int_eq(cc_store_article_names(s2, &names, &n), CC_OK);
	ck_assert_uint_eq(n, 1);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	cc_store_close(s2);
	cc_store_close(s1);
}
END_TEST

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

START_TEST(test_concurrent_run_waits_for_commit)
{
	struct cc_store	 *s;
	char		**names, c;
	size_t		  n, i;
	double		  t0;
	pid_t		  pid;
	int		  fds[2], status;

	/* Another claimcheck process holds the write lock for a while; a
	 * second run with the default timeout waits for it instead of
	 * failing, then sees its work. */
	s = open_store();
	cc_store_close(s);
	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct cc_store		*cs = NULL;
		struct cc_article	 a;
		int			 changed;

		close(fds[0]);
		if (cc_store_open(dbpath, &cs, NULL) != CC_OK ||
		    cc_store_begin(cs) != CC_OK)
			_exit(1);
		make_article(&a, "child", "tass", "Written by the child.");
		if (cc_store_put_article(cs, &a, &changed) != CC_OK)
			_exit(1);
		if (write(fds[1], "x", 1) != 1)
			_exit(1);
		usleep(300 * 1000);
		_exit(cc_store_commit(cs) == CC_OK ? 0 : 1);
	}
	close(fds[1]);
	ck_assert_int_eq(read(fds[0], &c, 1), 1);
	close(fds[0]);
	s = open_store();
	/* Opening and reading do not wait: the reader sees the state
	 * before the other run's transaction. */
	ck_assert_int_eq(cc_store_article_names(s, &names, &n), CC_OK);
	ck_assert_uint_eq(n, 0);
	free(names);
	t0 = now_ms();
	ck_assert_msg(cc_store_begin(s) == CC_OK, "%s",
	    cc_store_diag(s)->msg);
	ck_assert_double_ge(now_ms() - t0, 150);
	ck_assert_int_eq(cc_store_article_names(s, &names, &n), CC_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(names[0], "child");
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	ck_assert_int_eq(cc_store_commit(s), CC_OK);
	cc_store_close(s);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

START_TEST(test_deleting_article_leaves_no_orphans)
{
	struct cc_store	 *s;
	struct cc_claims  cs;

	memset(&cs, 0, sizeof cs);
	s = open_store();
	put_article(s, "a", "tass", "Alpha text here.");
	extract_into(s, "a", "R1", &cs);
	cc_store_close(s);
	/* Foreign keys are declared with ON DELETE CASCADE, so even a
	 * by-hand delete leaves no claims or sentences behind. */
	ck_assert_int_eq(raw_sql("SELECT (SELECT count(*) FROM claims) + "
	    "(SELECT count(*) FROM sentences)"), 1 + 2);
	raw_exec("PRAGMA foreign_keys = ON; DELETE FROM articles");
	ck_assert_int_eq(raw_sql("SELECT (SELECT count(*) FROM claims) + "
	    "(SELECT count(*) FROM sentences) + (SELECT count(*) FROM "
	    "articles)"), 0);
	cc_claims_release(&cs);
}
END_TEST

static Suite *
store_suite(void)
{
	Suite	*s = suite_create("store");
	TCase	*tc;

	tc = tcase_create("records");
	tcase_add_test(tc, test_claim_json_spec_shape);
	tcase_add_test(tc, test_claim_json_open_and_text_values);
	tcase_add_test(tc, test_claim_json_appends_without_newline);
	tcase_add_test(tc, test_claim_value_str);
	tcase_add_test(tc, test_claim_tsv);
	tcase_add_test(tc, test_claim_pack);
	tcase_add_test(tc, test_finding_json_spec_shape);
	tcase_add_test(tc, test_finding_tsv);
	tcase_add_test(tc, test_severity_rank);
	suite_add_tcase(s, tc);

	tc = tcase_create("store");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_open_creates_versioned_store);
	tcase_add_test(tc, test_not_sqlite_refused);
	tcase_add_test(tc, test_foreign_sqlite_refused);
	tcase_add_test(tc, test_newer_version_refused);
	tcase_add_test(tc, test_unopenable_path);
	tcase_add_test(tc, test_put_article_same_hash_noop);
	tcase_add_test(tc, test_put_article_change_replaces);
	tcase_add_test(tc, test_pending_by_rules_hash);
	tcase_add_test(tc, test_extraction_round_trip);
	tcase_add_test(tc, test_many_rows_round_trip);
	tcase_add_test(tc, test_claims_filter_and_order);
	tcase_add_test(tc, test_extraction_unknown_article);
	tcase_add_test(tc, test_extraction_failure_stores_nothing);
	tcase_add_test(tc, test_claim_ids_never_reused);
	tcase_add_test(tc, test_article_failure_stores_nothing);
	tcase_add_test(tc, test_findings_round_trip);
	tcase_add_test(tc, test_meta_get_set);
	tcase_add_test(tc, test_reopen_persists);
	tcase_add_test(tc, test_rollback_leaves_nothing);
	tcase_add_test(tc, test_second_writer_waits);
	tcase_add_test(tc, test_concurrent_run_waits_for_commit);
	tcase_add_test(tc, test_deleting_article_leaves_no_orphans);
	tcase_add_test(tc, test_claims_by_types_and_article);
	tcase_add_test(tc, test_claims_by_ids);
	tcase_add_test(tc, test_strings_merge);
	tcase_add_test(tc, test_migrate_v5);
	tcase_add_test(tc, test_migrate_v4);
	tcase_add_test(tc, test_compare_state);
	tcase_add_test(tc, test_migrate_v2);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(store_suite)
