/*
 * check_report.c - the Render stage (HTML report, escaping, CSP) and the
 * review file.
 *
 * The report is built from hand-made articles, sentences, claims and
 * findings, one of them hostile, and the pages are checked the way a
 * browser would meet them: every '<' must open one of the tags the
 * renderer writes, with only its attributes, and links only go to our
 * pages or to http(s) URLs.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "check_main.h"

#include "buf.h"
#include "claim.h"
#include "diag.h"
#include "report.h"
#include "review.h"
#include "xmalloc.h"

#define RLO	"\xe2\x80\xae"	/* U+202E RIGHT-TO-LEFT OVERRIDE */
#define NBSP	"\xc2\xa0"
#define FFFD	"\xef\xbf\xbd"

/* Helpers. */

static char *
escape_str(const char *s, size_t n)
{
	struct cc_buf	b = CC_BUF_INIT;

	ck_assert_int_eq(cc_html_escape(&b, s, n), CC_OK);
	return cc_buf_detach(&b, NULL);
}

static char *
tmpdir(void)
{
	char	tmpl[] = "/tmp/check_report.XXXXXX";

	ck_assert_ptr_nonnull(mkdtemp(tmpl));
	return xstrdup(tmpl);
}

static void
rm_rf(const char *path)
{
	char	*cmd = xasprintf("rm -rf '%s'", path);

	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

static char *
slurp(const char *path, size_t *lenp)
{
	struct cc_buf	 b = CC_BUF_INIT;
	char		 chunk[4096];
	size_t		 n;
	FILE		*fp = fopen(path, "rb");

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		cc_buf_add(&b, chunk, n);
	fclose(fp);
	return cc_buf_detach(&b, lenp);
}

static char *
slurp2(const char *dir, const char *name)
{
	char	*path = xasprintf("%s/%s", dir, name), *s;

	s = slurp(path, NULL);
	free(path);
	return s;
}

static void
spit(const char *path, const char *s)
{
	FILE	*fp = fopen(path, "wb");

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(fputs(s, fp) >= 0, 1);
	ck_assert_int_eq(fclose(fp), 0);
}

/* Sorted names of the entries of dir (no dot files). */
static size_t
list_dir(const char *dir, char ***out)
{
	DIR		*dp = opendir(dir);
	struct dirent	*de;
	char		**v = NULL;
	size_t		  n = 0, i, j;
	char		 *t;

	ck_assert_ptr_nonnull(dp);
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (strcmp(v[j], v[i]) < 0) {
				t = v[i];
				v[i] = v[j];
				v[j] = t;
			}
	*out = v;
	return n;
}

static void
free_list(char **v, size_t n)
{
	while (n > 0)
		free(v[--n]);
	free(v);
}

static int
in_list(const char *const *v, const char *s, size_t n)
{
	for (; *v != NULL; v++)
		if (strlen(*v) == n && strncmp(*v, s, n) == 0)
			return 1;
	return 0;
}

static const char *const ok_tags[] = {
	"html", "head", "meta", "title", "style", "body", "a", "header",
	"nav", "ul", "li", "main", "h1", "h2", "h3", "h4", "section", "p",
	"table", "caption", "thead", "tbody", "tr", "th", "td", "span", "mark",
	"div", "dl", "dt", "dd", "code", "blockquote", "footer", "br",
	"figure", "figcaption", "svg", "desc", "g", "line", "text", "circle",
	"rect", "path", NULL
};
static const char *const ok_attrs[] = {
	"lang", "charset", "http-equiv", "content", "name", "class", "id",
	"href", "rel", "title", "aria-labelledby", "aria-label", "scope",
	"aria-hidden", "role", "xmlns", "viewBox", "width", "height", "x",
	"y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "d", "colspan", NULL
};

/*
 * Walk every tag of a page: each '<' must open an allowed tag, each
 * attribute must be an allowed one with a double-quoted value free of
 * '<', '>' and '"', and every href must go to one of our pages, an anchor
 * or an http(s) URL.
 */
static void
check_markup(const char *html, const char *what)
{
	const char	*p = html, *q, *v;
	size_t		 n, ntags = 0;

	while ((p = strchr(p, '<')) != NULL) {
		p++;
		if (strncmp(p, "!DOCTYPE html>", 14) == 0)
			continue;
		if (*p == '/')
			p++;
		for (q = p; (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9');
		    q++)
			;
		ck_assert_msg(in_list(ok_tags, p, (size_t)(q - p)),
		    "%s: unexpected tag <%.20s", what, p);
		ntags++;
		for (p = q;;) {
			while (*p == ' ' || *p == '\n')
				p++;
			if (*p == '>' || (p[0] == '/' && p[1] == '>'))
				break;
			for (q = p; (*q >= 'a' && *q <= 'z') || *q == '-' ||
			    (*q >= '0' && *q <= '9') || *q == 'B'; q++)
				;
			n = (size_t)(q - p);
			ck_assert_msg(n > 0 && in_list(ok_attrs, p, n),
			    "%s: unexpected attribute %.30s", what, p);
			ck_assert_msg(q[0] == '=' && q[1] == '"',
			    "%s: unquoted attribute %.30s", what, p);
			v = q + 2;
			q = strchr(v, '"');
			ck_assert_ptr_nonnull(q);
			ck_assert_msg(memchr(v, '<', (size_t)(q - v)) == NULL &&
			    memchr(v, '>', (size_t)(q - v)) == NULL,
			    "%s: raw < or > in attribute %.40s", what, v);
			if (n == 4 && strncmp(p, "href", 4) == 0)
				ck_assert_msg(strncmp(v, "article-", 8) == 0 ||
				    strncmp(v, "index.html", 10) == 0 ||
				    strncmp(v, "findings", 8) == 0 ||
				    strncmp(v, "facts", 5) == 0 ||
				    strncmp(v, "timeline", 8) == 0 ||
				    strncmp(v, "articles", 8) == 0 ||
				    strncmp(v, "outlets.html", 12) == 0 ||
				    v[0] == '#' || strncmp(v, "https://", 8) == 0 ||
				    strncmp(v, "http://", 7) == 0,
				    "%s: unexpected link %.40s", what, v);
			p = q + 1;
		}
	}
	ck_assert_uint_gt(ntags, 20);
}

/* a comes before b in the same page (both found). */
#define ck_assert_before(a, b) do {					\
	const char *a_ = (a), *b_ = (b);				\
	ck_assert_ptr_nonnull(a_);					\
	ck_assert_ptr_nonnull(b_);					\
	ck_assert_msg(a_ < b_, "%s is not before %s", #a, #b);		\
} while (0)

static int
count(const char *hay, const char *needle)
{
	int	n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* Case-insensitive "does it occur". */
static int
has_ci(const char *hay, const char *needle)
{
	size_t	n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

/* The fixture: three articles (one hostile), four claims, five findings. */

struct fixture {
	struct cc_report_article	arts[3];
	struct cc_sentence		sv[3][4];
	struct cc_claim			cv[4];
	struct cc_claims		claims;
	struct cc_finding		fv[5];
	struct cc_findings		findings;
	char				*fclaims[5][2];
	char				*fouts[5][2];
	struct cc_report_input		in;
};

static struct fixture	fx;

static void
add_sent(struct cc_report_article *ra, struct cc_sentence *slot,
    const char *words, unsigned para, unsigned boiler)
{
	const char	*p = strstr(ra->art.text, words);

	ck_assert_msg(p != NULL, "fixture: %s", words);
	if (ra->sents.v == NULL)
		ra->sents.v = slot;
	slot = &ra->sents.v[ra->sents.n++];
	slot->start = (size_t)(p - ra->art.text);
	slot->end = slot->start + strlen(words);
	slot->para = para;
	slot->boiler = boiler;
}

static void
add_claim(struct cc_claim *c, int64_t id, struct cc_report_article *ra,
    size_t si, const char *type, const char *subject, double v,
    const char *words, const char *when)
{
	memset(c, 0, sizeof *c);
	c->id = id;
	c->article = ra->art.name;
	c->outlet = ra->art.outlet;
	c->type = (char *)type;
	c->subject = (char *)subject;
	c->measure = (char *)"killed";
	c->value_kind = CC_VALUE_NUMBER;
	c->vmin = c->vmax = v;
	c->has_min = c->has_max = 1;
	c->unit = (char *)"people";
	c->time_start = c->time_end = (char *)when;
	c->speaker = (char *)"ohchr";
	c->polarity = (char *)"affirmed";
	c->text = (char *)words;
	c->ev_start = ra->sents.v[si].start;
	c->ev_end = ra->sents.v[si].end;
	c->rule = (char *)"test.rule";
}

static void
add_finding(size_t i, const char *id, const char *kind, const char *sev,
    const char *c1, const char *c2, const char *summary)
{
	struct cc_finding	*f = &fx.fv[i];

	memset(f, 0, sizeof *f);
	f->id = (char *)id;
	f->kind = (char *)kind;
	f->severity = (char *)sev;
	f->key = (char *)"casualty/ukraine.civilians/killed/2022-10";
	fx.fclaims[i][0] = (char *)c1;
	fx.fclaims[i][1] = (char *)c2;
	f->claims = fx.fclaims[i];
	f->nclaims = c2 != NULL ? 2 : 1;
	fx.fouts[i][0] = (char *)"wire-a";
	fx.fouts[i][1] = (char *)"wire-b";
	f->outlets = fx.fouts[i];
	f->noutlets = 2;
	f->summary = (char *)summary;
	f->status = (char *)"new";
}

static void
fixture_setup(void)
{
	struct cc_report_article	*a = &fx.arts[0], *b = &fx.arts[1];
	struct cc_report_article	*e = &fx.arts[2];

	memset(&fx, 0, sizeof fx);
	/* The caller promises name order; give them out of order to see
	 * that the renderer sorts anyway. */
	b->art.name = (char *)"alpha";
	b->art.outlet = (char *)"wire-a";
	b->art.format = (char *)"txt";
	b->art.title = (char *)"Civilian toll rises";
	b->art.url = (char *)"https://example.com/alpha?x=1&y=2";
	b->art.published = (char *)"2022-10-30";
	b->art.date = (char *)"2022-10-30";
	b->art.date_basis = (char *)"metadata";
	b->art.text = (char *)"UN reports casualties\n"
	    "On Monday, the Office said 6,374" NBSP "killed and 9,776 "
	    "injured.\nMore under this ad\n";
	b->art.len = strlen(b->art.text);
	add_sent(b, fx.sv[0], "UN reports casualties", 0, 0);
	add_sent(b, fx.sv[0], "On Monday, the Office said", 1, 0);
	b->sents.v[1].end = (size_t)(strstr(b->art.text, "injured.") + 8 -
	    b->art.text);
	add_sent(b, fx.sv[0], "More under this ad", 2, 1);

	a->art.name = (char *)"beta";
	a->art.outlet = (char *)"wire-b";
	a->art.format = (char *)"txt";
	a->art.date = (char *)"2022-10-29";
	a->art.date_basis = (char *)"inferred: dateline";
	a->art.text = (char *)"Officials said 6,400 killed in the war so far.\n";
	a->art.len = strlen(a->art.text);
	add_sent(a, fx.sv[1], "Officials said 6,400 killed in the war so far.",
	    0, 0);

	e->art.name = (char *)"Evil/../<b>name";
	e->art.outlet = (char *)"<script>alert(3)</script>";
	e->art.format = (char *)"txt";
	e->art.title = (char *)"\"><script>alert(2)</script>";
	e->art.author = (char *)"x' onmouseover='alert(4)";
	e->art.url = (char *)"javascript:alert(1)";
	e->art.date = (char *)"2022-10-01";
	e->art.date_basis = (char *)"inferred: <i>dateline</i>";
	e->art.text = (char *)"Breaking: <script>alert(1)</script> and "
	    "<img src=x onerror=alert(1)> here.\n"
	    "Spoof " RLO "dlrow reversed with 12 dead.\n";
	e->art.len = strlen(e->art.text);
	add_sent(e, fx.sv[2], "Breaking:", 0, 0);
	e->sents.v[0].end = (size_t)(strstr(e->art.text, "here.") + 5 -
	    e->art.text);
	add_sent(e, fx.sv[2], "Spoof " RLO "dlrow reversed with 12 dead.", 1,
	    0);

	/* Claims, given in id order as the store does. */
	add_claim(&fx.cv[0], 1, b, 1, "casualty", "ukraine.civilians", 6374,
	    "6,374 killed", "2022-10-24");
	add_claim(&fx.cv[1], 2, b, 1, "casualty", "ukraine.civilians", 9776,
	    "9,776 injured", "2022-10-24");
	fx.cv[1].measure = (char *)"injured";
	add_claim(&fx.cv[2], 3, a, 0, "casualty", "ukraine.civilians", 6400,
	    "6,400 killed", "2022-10-28");
	add_claim(&fx.cv[3], 4, e, 1, "casualty", "<b>bold</b>", 12,
	    "12 dead", NULL);
	fx.cv[3].speaker = (char *)"\"><img src=y onerror=alert(6)>";
	fx.cv[3].article = e->art.name;
	fx.claims.v = fx.cv;
	fx.claims.n = fx.claims.cap = 4;

	/* Findings in no particular severity order. */
	add_finding(0, "flow1", "agreement", "low", "c1", "c3",
	    "6,374 killed (wire-a) and 6,400 killed (wire-b) agree");
	add_finding(1, "finfo1", "single-source", "info", "c2", NULL,
	    "only wire-a reports injuries");
	add_finding(2, "fhigh1", "contradiction", "high", "c1", "c3",
	    "6,374 killed (wire-a, 2022-10-30) vs 6,400 killed (wire-b)");
	add_finding(3, "fmed1", "timeline", "medium", "c4", "c99",
	    "<script>alert(5)</script> \"quoted\" & more");
	add_finding(4, "f\"><script>x", "stale", "low", "c4", NULL,
	    "hostile id");
	fx.findings.v = fx.fv;
	fx.findings.n = fx.findings.cap = 5;

	fx.in.articles = fx.arts;
	fx.in.narticles = 3;
	fx.in.claims = &fx.claims;
	fx.in.findings = &fx.findings;
}

/* Write the fixture's report into a new directory. */
static char *
write_report(void)
{
	struct cc_diag	 d;
	char		*dir = tmpdir(), *out = xasprintf("%s/out/sub", dir);
	int		 rc;

	cc_diag_clear(&d);
	rc = cc_report_write(out, &fx.in, &d);
	ck_assert_msg(rc == CC_OK, "report: %s: %s", d.file, d.msg);
	free(dir);
	return out;
}

static void
cleanup_report(char *out)
{
	char	*top = xstrdup(out);

	/* out is TMP/out/sub: remove TMP. */
	*strrchr(top, '/') = '\0';
	*strrchr(top, '/') = '\0';
	rm_rf(top);
	free(top);
	free(out);
}

/* The page of the hostile article. */
static char *
evil_page(char **names, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strncmp(names[i], "article-evil", 12) == 0)
			return names[i];
	ck_abort_msg("no page for the hostile article");
	return NULL;
}

/* Escaping. */

START_TEST(test_escape_specials)
{
	char	*s = escape_str("<a href=\"x\">&'b'</a>", 20);

	ck_assert_str_eq(s, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;b&#39;"
	    "&lt;/a&gt;");
	free(s);
	s = escape_str("plain text, caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
	    26);
	ck_assert_str_eq(s, "plain text, caf\xc3\xa9 \xe2\x82\xac "
	    "\xf0\x9f\x98\x80");
	free(s);
}
END_TEST

START_TEST(test_escape_controls)
{
	char	*s = escape_str("a\x01" "b\tc\nd\x7f" "e\0f\rg", 13);

	ck_assert_str_eq(s, "a" FFFD "b\tc\nd" FFFD "e" FFFD "f" FFFD "g");
	free(s);
	/* C1 controls (U+0085 here) are not text either. */
	s = escape_str("x\xc2\x85y", 4);
	ck_assert_str_eq(s, "x" FFFD "y");
	free(s);
}
END_TEST

START_TEST(test_escape_invalid_utf8)
{
	char	*s;

	/* A stray byte, an overlong '/', a truncated euro sign, a
	 * surrogate: each invalid byte becomes one U+FFFD. */
	s = escape_str("a\xff" "b\xc0\xaf" "c\xe2\x82", 8);
	ck_assert_str_eq(s, "a" FFFD "b" FFFD FFFD "c" FFFD FFFD);
	free(s);
	s = escape_str("\xed\xa0\x80<", 4);
	ck_assert_str_eq(s, FFFD FFFD FFFD "&lt;");
	free(s);
}
END_TEST

START_TEST(test_escape_bidi)
{
	const char	*in = "abc" RLO "def\xe2\x81\xa6x\xe2\x81\xa9"
			    "\xe2\x80\xaay";
	char		*s = escape_str(in, strlen(in));

	ck_assert_str_eq(s, "abc[U+202E]def[U+2066]x[U+2069][U+202A]y");
	ck_assert_ptr_null(strstr(s, RLO));
	free(s);
	/* Marks that do not reorder (LRM U+200E) are left alone. */
	s = escape_str("a\xe2\x80\x8e" "b", 5);
	ck_assert_str_eq(s, "a\xe2\x80\x8e" "b");
	free(s);
}
END_TEST

START_TEST(test_url_ok)
{
	ck_assert_int_eq(cc_html_url_ok("http://example.com/"), 1);
	ck_assert_int_eq(cc_html_url_ok("https://example.com/a?b=c&d=e#f"), 1);
	ck_assert_int_eq(cc_html_url_ok("HTTPS://EXAMPLE.COM"), 1);
	ck_assert_int_eq(cc_html_url_ok("https://ex.com/caf\xc3\xa9"), 1);

	ck_assert_int_eq(cc_html_url_ok(NULL), 0);
	ck_assert_int_eq(cc_html_url_ok(""), 0);
	ck_assert_int_eq(cc_html_url_ok("javascript:alert(1)"), 0);
	ck_assert_int_eq(cc_html_url_ok("JaVaScRiPt:alert(1)"), 0);
	ck_assert_int_eq(cc_html_url_ok("data:text/html,<script>"), 0);
	ck_assert_int_eq(cc_html_url_ok("vbscript:x"), 0);
	ck_assert_int_eq(cc_html_url_ok("ftp://example.com/"), 0);
	ck_assert_int_eq(cc_html_url_ok("//example.com/"), 0);
	ck_assert_int_eq(cc_html_url_ok("/relative/path"), 0);
	ck_assert_int_eq(cc_html_url_ok("example.com"), 0);
	ck_assert_int_eq(cc_html_url_ok(" http://example.com/"), 0);
	ck_assert_int_eq(cc_html_url_ok("http://"), 0);
	ck_assert_int_eq(cc_html_url_ok("http:///etc/passwd"), 0);
	ck_assert_int_eq(cc_html_url_ok("http://exa mple.com/"), 0);
	ck_assert_int_eq(cc_html_url_ok("http://example.com/\tx"), 0);
	ck_assert_int_eq(cc_html_url_ok("http://example.com/\nx"), 0);
	ck_assert_int_eq(cc_html_url_ok("http://x.com/\"onmouseover=a"), 0);
	ck_assert_int_eq(cc_html_url_ok("http://x.com/<script>"), 0);
	ck_assert_int_eq(cc_html_url_ok("http://x.com/" RLO "gpj.exe"), 0);
	ck_assert_int_eq(cc_html_url_ok("http://x.com/\xff"), 0);
}
END_TEST

START_TEST(test_sha256)
{
	char		out[CC_SHA256_B64LEN + 1];
	const char	*two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmno"
			    "mnopnopq";
	char		big[1000];

	/* FIPS 180-2 test vectors, in base64 as CSP wants them. */
	cc_html_sha256_b64("", 0, out);
	ck_assert_str_eq(out, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
	cc_html_sha256_b64("abc", 3, out);
	ck_assert_str_eq(out, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
	cc_html_sha256_b64(two, strlen(two), out);
	ck_assert_str_eq(out, "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=");
	/* Many blocks: 1000 x 'a' (as Python's hashlib computes it). */
	memset(big, 'a', sizeof big);
	cc_html_sha256_b64(big, sizeof big, out);
	ck_assert_str_eq(out, "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM=");
}
END_TEST

/* The report. */

START_TEST(test_report_files)
{
	char	 *out, **names, *page;
	size_t	  n, i;
	char	 *p;

	fixture_setup();
	out = write_report();
	n = list_dir(out, &names);
	/* index.html and one page per article, and nothing else: the
	 * "../" in the hostile name did not escape the directory. */
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(names[0], "article-alpha.html");
	ck_assert_str_eq(names[1], "article-beta.html");
	ck_assert_str_eq(names[3], "index.html");
	for (i = 0; i < n; i++)
		for (p = names[i]; *p != '\0'; p++)
			ck_assert_msg(strchr("abcdefghijklmnopqrstuvwxyz"
			    "0123456789._~-", *p) != NULL, "bad file name %s",
			    names[i]);
	/* The index links every article page. */
	page = slurp2(out, "index.html");
	for (i = 0; i < 3; i++) {
		char *href = xasprintf("href=\"%s\"", names[i]);

		ck_assert_msg(strstr(page, href) != NULL, "no link to %s",
		    names[i]);
		free(href);
	}
	free(page);
	/* No temporary files left behind. */
	{
		DIR		*dp = opendir(out);
		struct dirent	*de;

		while ((de = readdir(dp)) != NULL)
			ck_assert_msg(strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0 ||
			    de->d_name[0] != '.', "left %s", de->d_name);
		closedir(dp);
	}
	free_list(names, n);
	cleanup_report(out);
}
END_TEST

START_TEST(test_report_csp)
{
	char	*out, **names, *page, *s, *e, want[CC_SHA256_B64LEN + 1];
	char	*meta;
	size_t	 n, i;

	fixture_setup();
	out = write_report();
	n = list_dir(out, &names);
	for (i = 0; i < n; i++) {
		page = slurp2(out, names[i]);
		/* The policy names the page's own style sheet by hash. */
		s = strstr(page, "<style>");
		e = strstr(page, "</style>");
		ck_assert_ptr_nonnull(s);
		ck_assert_ptr_nonnull(e);
		ck_assert_int_eq(count(page, "<style"), 1);
		s += 7;
		cc_html_sha256_b64(s, (size_t)(e - s), want);
		meta = xasprintf("<meta http-equiv=\"Content-Security-Policy\" "
		    "content=\"default-src 'none'; style-src 'sha256-%s'; "
		    "img-src data:; base-uri 'none'; form-action 'none'\">",
		    want);
		ck_assert_msg(strstr(page, meta) != NULL, "%s: no CSP",
		    names[i]);
		/* The CSP comes before anything from the article. */
		ck_assert_before(strstr(page, meta), strstr(page, "<title>"));
		ck_assert_int_eq(has_ci(page, "script-src"), 0);
		ck_assert_int_eq(has_ci(page, "unsafe-inline"), 0);
		ck_assert_ptr_nonnull(strstr(page, "<html lang=\"en\">"));
		ck_assert_ptr_nonnull(strstr(page, "@media print"));
		/* Nothing to fetch: no external URL in the page's own
		 * markup except the article's http(s) link. */
		ck_assert_int_eq(has_ci(page, "<link"), 0);
		ck_assert_int_eq(has_ci(page, "@import"), 0);
		ck_assert_int_eq(has_ci(page, "url("), 0);
		free(meta);
		free(page);
	}
	free_list(names, n);
	cleanup_report(out);
}
END_TEST

START_TEST(test_report_hostile)
{
	char		*out, **names, *page, *evil, *rest, *p;
	size_t		 n, i;

	fixture_setup();
	out = write_report();
	n = list_dir(out, &names);
	for (i = 0; i < n; i++) {
		page = slurp2(out, names[i]);
		check_markup(page, names[i]);
		ck_assert_msg(!has_ci(page, "<script"), "%s: <script", names[i]);
		ck_assert_msg(!has_ci(page, "<img"), "%s: <img", names[i]);
		ck_assert_msg(!has_ci(page, "href=\"javascript:"),
		    "%s: javascript: link", names[i]);
		ck_assert_msg(strstr(page, RLO) == NULL, "%s: raw RLO",
		    names[i]);
		/* onerror= only inside the escaped tags. */
		rest = xstrdup(page);
		while ((p = strstr(rest, "&lt;img src=x onerror=alert(1)&gt;")))
			memset(p, '_', 34);
		while ((p = strstr(rest, "onerror=alert(6)&gt;")))
			memset(p, '_', 20);
		ck_assert_msg(!has_ci(rest, "onerror"), "%s: onerror",
		    names[i]);
		ck_assert_msg(!has_ci(rest, "onmouseover='"),
		    "%s: raw onmouseover", names[i]);
		free(rest);
		free(page);
	}
	/* The hostile article's own page shows it all, escaped. */
	evil = slurp2(out, evil_page(names, n));
	ck_assert_ptr_nonnull(strstr(evil,
	    "&lt;script&gt;alert(1)&lt;/script&gt;"));
	ck_assert_ptr_nonnull(strstr(evil,
	    "&lt;img src=x onerror=alert(1)&gt;"));
	ck_assert_ptr_nonnull(strstr(evil,
	    "<title>&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
	ck_assert_ptr_nonnull(strstr(evil,
	    "&lt;script&gt;alert(3)&lt;/script&gt;"));
	ck_assert_ptr_nonnull(strstr(evil, "x&#39; onmouseover=&#39;"));
	ck_assert_ptr_nonnull(strstr(evil, "<code>javascript:alert(1)</code>"));
	ck_assert_ptr_nonnull(strstr(evil, "Spoof [U+202E]dlrow"));
	ck_assert_ptr_nonnull(strstr(evil, "&lt;i&gt;dateline&lt;/i&gt;"));
	free(evil);
	page = slurp2(out, "index.html");
	ck_assert_ptr_nonnull(strstr(page,
	    "&lt;script&gt;alert(5)&lt;/script&gt; &quot;quoted&quot; &amp; "
	    "more"));
	ck_assert_ptr_nonnull(strstr(page, "id=\"f-f&quot;&gt;&lt;script&gt;x\""));
	ck_assert_ptr_nonnull(strstr(page, "&lt;b&gt;bold&lt;/b&gt;"));
	/* The good URL is linked, with its & escaped. */
	ck_assert_ptr_nonnull(strstr(page,
	    "href=\"https://example.com/alpha?x=1&amp;y=2\""));
	free(page);
	free_list(names, n);
	cleanup_report(out);
}
END_TEST

/* The part of page between the first from and the next to (a copy). */
static char *
between(const char *page, const char *from, const char *to)
{
	const char	*a = strstr(page, from), *b;

	ck_assert_msg(a != NULL, "no %s", from);
	b = strstr(a, to);
	ck_assert_msg(b != NULL, "no %s after %s", to, from);
	return xstrndup(a, (size_t)(b - a));
}

/* Write the fixture's report; the part of index.html from..to. */
static char *
index_part(const char *from, const char *to)
{
	char	*out = write_report(), *page, *part;

	page = slurp2(out, "index.html");
	part = between(page, from, to);
	free(page);
	cleanup_report(out);
	return part;
}

START_TEST(test_report_timeline)
{
	char	*svg, *tl;

	fixture_setup();
	/* beta (dated 2022-10-29, inferred) reports a day after its own
	 * date: the mark of misdated or recycled content. */
	fx.cv[2].time_start = fx.cv[2].time_end = (char *)"2022-10-30";
	/* A week is not a day: left to the table. */
	fx.cv[3].time_start = fx.cv[3].time_end = (char *)"2022-W43";
	tl = index_part("<h2 id=\"timeline\">", "</section>");
	svg = between(tl, "<svg ", "</svg>");
	ck_assert_ptr_nonnull(strstr(svg, "role=\"img\""));
	ck_assert_ptr_nonnull(strstr(svg, "<title>Timeline of claims"));
	/* c1, c2 and c3 have days; c4's week does not. */
	ck_assert_ptr_nonnull(strstr(svg, "<desc>3 dated claims and 3 "
	    "article dates (2 inferred) from 3 outlets, 2022-10-01 to "
	    "2022-10-30."));
	ck_assert_int_eq(count(svg, "<g class=\"pt\"><title>c"), 2);
	ck_assert_int_eq(count(svg, "<g class=\"pt late\"><title>c3 "), 1);
	ck_assert_ptr_null(strstr(svg, "<title>c4 "));
	/* Article dates: alpha's stated, beta's and the hostile one's
	 * inferred (plus one of each in the legend). */
	ck_assert_int_eq(count(svg, "<g class=\"art\">"), 2);
	ck_assert_int_eq(count(svg, "<g class=\"art inf\">"), 3);
	ck_assert_ptr_nonnull(strstr(svg, "<title>Article alpha dated "
	    "2022-10-30 (stated: metadata)</title>"));
	/* A lane per outlet, its name escaped, in name order. */
	ck_assert_int_eq(count(svg, "<text class=\"name\""), 3);
	ck_assert_before(strstr(svg, "&lt;script&gt;alert(3)&lt;/script&gt;"
	    "</text>"), strstr(svg, ">wire-a</text>"));
	ck_assert_before(strstr(svg, ">wire-a</text>"),
	    strstr(svg, ">wire-b</text>"));
	ck_assert_ptr_nonnull(strstr(svg,
	    "&lt;i&gt;dateline&lt;/i&gt;)</title>"));
	/* The table is still there for readers without the picture. */
	ck_assert_ptr_nonnull(strstr(tl, "<caption>Dated claims by date"));
	free(svg);
	free(tl);
}
END_TEST

START_TEST(test_report_timeline_ticks)
{
	char	*svg;

	fixture_setup();
	/* Fourteen months: month ticks, at most about ten of them. */
	fx.cv[0].time_start = fx.cv[0].time_end = (char *)"2021-09-15";
	svg = index_part("<svg ", "</svg>");
	ck_assert_ptr_nonnull(strstr(svg, ">2022-01</text>"));
	ck_assert_ptr_null(strstr(svg, ">2022-01-01</text>"));
	ck_assert_int_le(count(svg, "<text class=\"tick\""), 10);
	ck_assert_int_ge(count(svg, "<text class=\"tick\""), 4);
	free(svg);
}
END_TEST

START_TEST(test_report_matrix_disputes)
{
	char	*out, *page, *mx;

	fixture_setup();
	out = write_report();
	page = slurp2(out, "index.html");
	mx = between(page, "<h2 id=\"matrix\">", "</section>");
	/* fhigh1 (contradiction) names c1 and c3, fmed1 (timeline) c4; the
	 * agreement and single-source findings dispute nothing, so c2's
	 * cell is plain. */
	ck_assert_int_eq(count(mx, "<td class=\"dis\">"), 3);
	ck_assert_int_eq(count(mx, "href=\"#f-fhigh1\">disputed: "
	    "contradiction</a>"), 2);
	ck_assert_int_eq(count(mx, "href=\"#f-fmed1\">disputed: timeline"
	    "</a>"), 1);
	ck_assert_int_eq(count(mx, "\xe2\x89\xa0</span>"), 3);
	ck_assert_ptr_null(strstr(mx, "#f-flow1"));
	ck_assert_ptr_null(strstr(mx, "#f-finfo1"));
	/* The injured row has no marked cell. */
	free(mx);
	mx = between(page, "civilians / injured</th>", "</tr>");
	ck_assert_ptr_null(strstr(mx, "class=\"dis\""));
	free(mx);
	free(page);
	cleanup_report(out);
}
END_TEST

START_TEST(test_report_deterministic)
{
	char	*out1, *out2, **n1, **n2, *a, *b;
	size_t	 k1, k2, i, la, lb;
	struct cc_diag	d;

	fixture_setup();
	out1 = write_report();
	out2 = write_report();
	k1 = list_dir(out1, &n1);
	k2 = list_dir(out2, &n2);
	ck_assert_uint_eq(k1, k2);
	for (i = 0; i < k1; i++) {
		ck_assert_str_eq(n1[i], n2[i]);
		a = slurp2(out1, n1[i]);
		b = slurp2(out2, n2[i]);
		la = strlen(a);
		lb = strlen(b);
		ck_assert_uint_eq(la, lb);
		ck_assert_msg(memcmp(a, b, la) == 0, "%s differs", n1[i]);
		free(a);
		free(b);
	}
	/* Writing over an existing report gives the same bytes again. */
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_report_write(out1, &fx.in, &d), CC_OK);
	a = slurp2(out1, "index.html");
	b = slurp2(out2, "index.html");
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	free_list(n1, k1);
	free_list(n2, k2);
	cleanup_report(out1);
	cleanup_report(out2);
}
END_TEST

START_TEST(test_report_severity_order)
{
	char		*out, *page, *h, *m, *l, *i, *l2;

	fixture_setup();
	out = write_report();
	page = slurp2(out, "index.html");
	h = strstr(page, "id=\"f-fhigh1\"");
	m = strstr(page, "id=\"f-fmed1\"");
	l = strstr(page, "id=\"f-flow1\"");
	l2 = strstr(page, "id=\"f-f&quot;");
	i = strstr(page, "id=\"f-finfo1\"");
	ck_assert_ptr_nonnull(h);
	ck_assert_ptr_nonnull(m);
	ck_assert_ptr_nonnull(l);
	ck_assert_ptr_nonnull(l2);
	ck_assert_ptr_nonnull(i);
	ck_assert_before(h, m);
	ck_assert_before(m, l);
	/* Within a severity, Compare's order stays. */
	ck_assert_before(l, l2);
	ck_assert_before(l2, i);
	/* Severity is spelled out, not only coloured. */
	ck_assert_ptr_nonnull(strstr(h, "<span class=\"sev sev-high\">high"));
	free(page);
	cleanup_report(out);

	/* Within a severity, what is not yet reviewed comes first: the
	 * first low finding, once accepted, goes after the second. */
	fixture_setup();
	fx.fv[0].status = (char *)"accepted";
	out = write_report();
	page = slurp2(out, "index.html");
	l = strstr(page, "id=\"f-flow1\"");
	l2 = strstr(page, "id=\"f-f&quot;");
	i = strstr(page, "id=\"f-finfo1\"");
	ck_assert_before(l2, l);
	ck_assert_before(l, i);
	free(page);
	cleanup_report(out);
}
END_TEST

/* The section of the index for one finding. */
static char *
finding_section(const char *page, const char *id)
{
	char		*at = xasprintf("id=\"f-%s\"", id);
	const char	*s = strstr(page, at), *e;

	ck_assert_ptr_nonnull(s);
	e = strstr(s, "</section>");
	ck_assert_ptr_nonnull(e);
	free(at);
	return xstrndup(s, (size_t)(e - s));
}

START_TEST(test_report_evidence)
{
	char	*out, *page, *sec;

	fixture_setup();
	out = write_report();
	page = slurp2(out, "index.html");
	sec = finding_section(page, "fhigh1");
	/* Both outlets, each sentence with its claim marked (found through
	 * the no-break space), linked to the claim's label. */
	ck_assert_ptr_nonnull(strstr(sec, "<h4>wire-a"));
	ck_assert_ptr_nonnull(strstr(sec, "<h4>wire-b"));
	ck_assert_ptr_nonnull(strstr(sec, "the Office said <mark>6,374" NBSP
	    "killed</mark> and 9,776 injured."));
	ck_assert_ptr_nonnull(strstr(sec,
	    "Officials said <mark>6,400 killed</mark> in the war"));
	ck_assert_ptr_nonnull(strstr(sec, "href=\"article-alpha.html#c1\""));
	ck_assert_ptr_nonnull(strstr(sec, "href=\"article-beta.html#c3\""));
	/* beta's date was inferred, alpha's came from metadata. */
	ck_assert_ptr_nonnull(strstr(sec, "beta, 2022-10-29 <span "
	    "class=\"inferred\">(inferred)</span>"));
	ck_assert_ptr_nonnull(strstr(sec, "alpha, 2022-10-30</p>"));
	ck_assert_int_eq(count(sec, "(inferred)"), 1);
	free(sec);
	/* A claim no longer in the store is said to be missing. */
	sec = finding_section(page, "fmed1");
	ck_assert_ptr_nonnull(strstr(sec, "Claim c99"));
	free(sec);
	/* Summary: period and counts. */
	ck_assert_ptr_nonnull(strstr(page, "Period covered: 2022-10-01 to "
	    "2022-10-30"));
	ck_assert_ptr_nonnull(strstr(page, "<tr><th scope=\"row\">contradiction"
	    "</th><td class=\"num\">1</td><td class=\"num\">0</td>"));
	/* An outlet with no recorded basis says so. */
	ck_assert_ptr_nonnull(strstr(page, "<tr><th scope=\"row\">wire-a</th>"
	    "<td class=\"num\">1</td><td class=\"num\">2</td>"
	    "<td>unknown</td></tr>"));
	/* Claims tables carry the value string. */
	ck_assert_ptr_nonnull(strstr(page, "<td>6,374 people</td>"));
	free(page);
	cleanup_report(out);
}
END_TEST

START_TEST(test_report_article_page)
{
	char	*out, *page;

	fixture_setup();
	out = write_report();
	page = slurp2(out, "article-alpha.html");
	/* Paragraph by paragraph, a span and an anchor per sentence;
	 * boilerplate dimmed. */
	ck_assert_ptr_nonnull(strstr(page, "<p><span class=\"s\" id=\"s0\">"
	    "UN reports casualties</span></p>\n<p><span class=\"s\" "
	    "id=\"s1\">"));
	ck_assert_ptr_nonnull(strstr(page, "<span class=\"s boiler\" id=\"s2\""
	    " title=\"boilerplate\">More under this ad</span>"));
	/* Each claim marked and labelled with type, value and date. */
	ck_assert_ptr_nonnull(strstr(page, "<mark>6,374" NBSP "killed</mark>"
	    "<span class=\"lbl\" id=\"c1\">casualty \xc2\xb7 6,374 people "
	    "\xc2\xb7 2022-10-24</span>"));
	ck_assert_ptr_nonnull(strstr(page, "<mark>9,776 injured</mark>"
	    "<span class=\"lbl\" id=\"c2\">"));
	ck_assert_ptr_nonnull(strstr(page, "<h1>Civilian toll rises</h1>"));
	ck_assert_ptr_nonnull(strstr(page, "<a href=\"index.html\">"));
	free(page);
	cleanup_report(out);
}
END_TEST

START_TEST(test_report_errors)
{
	struct cc_diag	 d;
	char		*dir, *file, *out;

	fixture_setup();
	dir = tmpdir();
	/* A directory cannot be made under a regular file. */
	file = xasprintf("%s/plain", dir);
	spit(file, "x");
	out = xasprintf("%s/sub", file);
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_report_write(out, &fx.in, &d), CC_EIO);
	ck_assert_str_eq(d.file, out);
	free(out);
	/* The output directory is a file. */
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_report_write(file, &fx.in, &d), CC_EIO);
	ck_assert_str_eq(d.file, file);
	/* index.html cannot replace a directory: the error names it, and
	 * no temporary file is left. */
	out = xasprintf("%s/rep", dir);
	ck_assert_int_eq(mkdir(out, 0777), 0);
	free(file);
	file = xasprintf("%s/index.html", out);
	ck_assert_int_eq(mkdir(file, 0777), 0);
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_report_write(out, &fx.in, &d), CC_EIO);
	ck_assert_str_eq(d.file, file);
	{
		DIR		*dp = opendir(out);
		struct dirent	*de;

		while ((de = readdir(dp)) != NULL)
			ck_assert_msg(strstr(de->d_name, "XXX") == NULL &&
			    (de->d_name[0] != '.' || strcmp(de->d_name,
			    ".") == 0 || strcmp(de->d_name, "..") == 0),
			    "left %s", de->d_name);
		closedir(dp);
	}
	free(file);
	free(out);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_report_empty)
{
	struct cc_report_input	 in;
	struct cc_diag		 d;
	char			*dir = tmpdir(), *page;

	memset(&in, 0, sizeof in);
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_report_write(dir, &in, &d), CC_OK);
	page = slurp2(dir, "index.html");
	ck_assert_ptr_nonnull(strstr(page, "No findings."));
	check_markup(page, "empty index");
	free(page);
	rm_rf(dir);
	free(dir);
}
END_TEST


/*
 * A corpus big enough for every list to leave the index: 520 articles
 * (past 500) of 150 outlets (past 100), 2,600 claims (past 2,000), 130
 * findings (past 50), one of
 * them (on the index) citing 40 claims and one a claim that is gone.  Every string an
 * article, claim or finding carries is hostile.
 */
#define BIG_ARTS	520
#define BIG_CPA		5
#define BIG_FINDINGS	130
#define BIG_OUTLETS	150	/* past 100 */

struct big {
	struct cc_report_article	*arts;
	struct cc_claims		 claims;
	struct cc_findings		 findings;
	struct cc_report_input		 in;
	char				**pool;	/* strings to free */
	size_t				  npool;
};

static char *
big_keep(struct big *g, char *s)
{
	g->pool = xreallocarray(g->pool, g->npool + 1, sizeof *g->pool);
	return g->pool[g->npool++] = s;
}

static void
big_setup(struct big *g)
{
	struct cc_report_article	*ra;
	struct cc_sentence		*sv;
	struct cc_claim			*c;
	struct cc_finding		*f;
	struct cc_buf			 b;
	size_t				 i, k, nc;

	memset(g, 0, sizeof *g);
	g->arts = xcalloc(BIG_ARTS, sizeof *g->arts);
	for (i = 0; i < BIG_ARTS; i++) {
		ra = &g->arts[i];
		ra->art.name = big_keep(g, xasprintf("n%04zu", i));
		ra->art.outlet = big_keep(g, xasprintf("<b id=pwned>o%zu",
		    i % BIG_OUTLETS));
		ra->art.title = big_keep(g, xasprintf("<script>alert(%zu)"
		    "</script>", i));
		ra->art.date = (char *)"2022-10-30";
		ra->art.date_basis = (char *)"metadata";
		cc_buf_init(&b, 0);
		sv = xcalloc(BIG_CPA, sizeof *sv);
		big_keep(g, (char *)sv);
		for (k = 0; k < BIG_CPA; k++) {
			sv[k].start = b.len;
			cc_buf_printf(&b, "Officials said %zu killed in "
			    "<i onclick=alert(1)>town</i>.", 100 + i * 10 + k);
			sv[k].end = b.len;
			sv[k].para = (unsigned)k;
			cc_buf_adds(&b, "\n");
		}
		ra->sents.v = sv;
		ra->sents.n = BIG_CPA;
		ra->art.len = b.len;
		ra->art.text = big_keep(g, cc_buf_detach(&b, NULL));
		for (k = 0; k < BIG_CPA; k++) {
			c = cc_claims_push(&g->claims);
			c->id = (int64_t)(i * BIG_CPA + k + 1);
			c->article = ra->art.name;
			c->outlet = ra->art.outlet;
			c->type = (char *)"casualty";
			c->subject = big_keep(g, xasprintf("<s>sub%zu", k));
			c->measure = (char *)"killed";
			c->value_kind = CC_VALUE_NUMBER;
			c->vmin = c->vmax = (double)(100 + i * 10 + k);
			c->has_min = c->has_max = 1;
			c->time_start = c->time_end = big_keep(g,
			    xasprintf("2022-10-%02zu", 1 + i % 28));
			c->text = big_keep(g, xasprintf("%zu killed",
			    100 + i * 10 + k));
			c->ev_start = sv[k].start;
			c->ev_end = sv[k].end;
			c->sentence = big_keep(g, xstrndup(ra->art.text +
			    sv[k].start, sv[k].end - sv[k].start));
		}
	}
	for (i = 0; i < BIG_FINDINGS; i++) {
		f = cc_findings_push(&g->findings);
		f->id = xasprintf("f%04zu", i);
		f->kind = xstrdup(i % 3 == 0 ? "contradiction" : i % 3 == 1 ?
		    "timeline" : "agreement");
		f->severity = xstrdup(i % 4 == 0 ? "high" : i % 4 == 1 ?
		    "medium" : i % 4 == 2 ? "low" : "info");
		f->key = xasprintf("casualty/<b>k%zu</b>/killed", i);
		f->summary = xasprintf("<img src=x onerror=alert(%zu)>", i);
		f->status = xstrdup("new");
		nc = i == 4 ? 40 : 2;	/* high: on the index */
		for (k = 0; k < nc; k++) {
			char id[32];

			snprintf(id, sizeof id, "c%zu", (i * 17 + k * 3) %
			    (BIG_ARTS * BIG_CPA) + 1);
			cc_finding_add_claim(f, id);
		}
		if (i == 9)
			cc_finding_add_claim(f, "c999999");
		cc_finding_add_outlet(f, "<b id=pwned>o1");
	}
	g->in.articles = g->arts;
	g->in.narticles = BIG_ARTS;
	g->in.claims = &g->claims;
	g->in.findings = &g->findings;
	g->in.salt = "rules-1";
}

static void
big_release(struct big *g)
{
	size_t	i;

	for (i = 0; i < g->claims.n; i++)
		memset(&g->claims.v[i], 0, sizeof g->claims.v[i]);
	cc_claims_release(&g->claims);
	cc_findings_release(&g->findings);
	for (i = 0; i < g->npool; i++)
		free(g->pool[i]);
	free(g->pool);
	free(g->arts);
}

/* Every page of dir passes check_markup() and no hostile markup got
 * through; returns the concatenation of the pages whose names start
 * with prefix. */
static char *
big_check_pages(const char *dir, const char *prefix)
{
	struct cc_buf	  all = CC_BUF_INIT;
	char		**names, *page;
	size_t		  n, i;

	n = list_dir(dir, &names);
	for (i = 0; i < n; i++) {
		page = slurp2(dir, names[i]);
		check_markup(page, names[i]);
		ck_assert_msg(strstr(page, "<b id=pwned>") == NULL &&
		    strstr(page, "<img") == NULL &&
		    strstr(page, "<i onclick") == NULL &&
		    !has_ci(page, "<script"), "%s: raw hostile markup",
		    names[i]);
		if (strncmp(names[i], prefix, strlen(prefix)) == 0)
			cc_buf_adds(&all, page);
		free(page);
	}
	free_list(names, n);
	return cc_buf_detach(&all, NULL);
}

/* The same files with the same bytes in both directories. */
static void
ck_same_dirs(const char *a, const char *b)
{
	char	**na, **nb, *pa, *pb;
	size_t	  n, m, i;

	n = list_dir(a, &na);
	m = list_dir(b, &nb);
	ck_assert_uint_eq(n, m);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(na[i], nb[i]);
		pa = slurp2(a, na[i]);
		pb = slurp2(b, nb[i]);
		ck_assert_msg(strcmp(pa, pb) == 0, "%s differs", na[i]);
		free(pa);
		free(pb);
	}
	free_list(na, n);
	free_list(nb, m);
}

START_TEST(test_report_paged)
{
	struct big		 g;
	struct cc_report_stats	 st;
	struct cc_diag		 d;
	char			*top = tmpdir(), *a, *b, *page, *want;
	size_t			 i;
	struct stat		 sb;

	big_setup(&g);
	a = xasprintf("%s/a", top);
	b = xasprintf("%s/b", top);
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_report_write_from(a, &g.in, NULL, &st, &d),
	    CC_OK);
	/* The index is bounded, and the lists are on pages of their own. */
	page = xasprintf("%s/index.html", a);
	ck_assert_int_eq(stat(page, &sb), 0);
	ck_assert_int_lt(sb.st_size, 1000000);
	free(page);
	page = slurp2(a, "index.html");
	ck_assert_int_le(count(page, "<section class=\"finding"), 50);
	ck_assert_ptr_nonnull(strstr(page, "href=\"findings.html\""));
	ck_assert_ptr_nonnull(strstr(page, "href=\"facts.html\""));
	ck_assert_ptr_nonnull(strstr(page, "href=\"timeline.html\""));
	ck_assert_ptr_nonnull(strstr(page, "href=\"articles.html\""));
	/* The finding of 40 claims shows 8 of them and links the rest. */
	ck_assert_ptr_nonnull(strstr(page, "32 more claims on the finding"));
	/* 100 outlets of 150, the rest on their own page. */
	ck_assert_ptr_nonnull(strstr(page, "The 100 outlets with the most "
	    "articles, of 150; see <a href=\"outlets.html\">"));
	free(page);
	page = slurp2(a, "outlets.html");
	ck_assert_int_eq(count(page, "<tr><th scope=\"row\">&lt;b id=pwned"),
	    BIG_OUTLETS);
	free(page);
	/* Every finding is on a page of findings, with all its claims. */
	page = big_check_pages(a, "findings-");
	for (i = 0; i < BIG_FINDINGS; i++) {
		want = xasprintf("id=\"f-f%04zu\"", i);
		ck_assert_msg(count(page, want) == 1, "%s", want);
		free(want);
	}
	ck_assert_ptr_nonnull(strstr(page, "The other 16 claims"));
	ck_assert_ptr_nonnull(strstr(page, "This claim is no longer in the "
	    "store."));
	free(page);
	/* A second run renders nothing and writes nothing. */
	ck_assert_int_eq(cc_report_write_from(a, &g.in, NULL, &st, &d),
	    CC_OK);
	ck_assert_uint_eq(st.written, 0);
	ck_assert_uint_ge(st.skipped, BIG_ARTS);
	/* A changed claim and a changed finding: a few pages, and the same
	 * bytes as a report into an empty directory. */
	g.claims.v[3].vmin = g.claims.v[3].vmax = 7;
	free(g.findings.v[60].summary);
	g.findings.v[60].summary = xstrdup("revised");
	ck_assert_int_eq(cc_report_write_from(a, &g.in, NULL, &st, &d),
	    CC_OK);
	ck_assert_uint_gt(st.written, 1);
	ck_assert_uint_lt(st.written, 20);
	ck_assert_int_eq(cc_report_write_from(b, &g.in, NULL, &st, &d),
	    CC_OK);
	ck_same_dirs(a, b);
	/* Other rules: every page is rendered again. */
	g.in.salt = "rules-2";
	ck_assert_int_eq(cc_report_write_from(a, &g.in, NULL, &st, &d),
	    CC_OK);
	ck_assert_uint_eq(st.skipped, 0);
	free(a);
	free(b);
	rm_rf(top);
	free(top);
	big_release(&g);
}
END_TEST

/* Review file. */

static const char review_text[] =
    "# Editorial decisions for the Lavrov corpus.\n"
    "# Keep one entry per finding.\n"
    "\n"
    "fkeep1:\n"
    "  status: dismissed   # same wire copy\n"
    "  reviewer: ann\n"
    "  date: 2022-11-01\n"
    "  note: \"Same TASS item re-run\"\n"
    "\n"
    "# the next one is contested\n"
    "fedit1:\n"
    "  status: accepted\n"
    "  # checked with the desk\n"
    "  note: old note\n"
    "\n"
    "# trailing comment\n";

static struct cc_findings
three_findings(void)
{
	struct cc_findings	fs;
	const char		*ids[] = { "fedit1", "fkeep1", "fnew1" };
	size_t			i;

	memset(&fs, 0, sizeof fs);
	for (i = 0; i < 3; i++) {
		struct cc_finding *f = cc_findings_push(&fs);

		f->id = xstrdup(ids[i]);
		f->kind = xstrdup("contradiction");
		f->severity = xstrdup("high");
		f->status = xstrdup("new");
	}
	return fs;
}

START_TEST(test_review_missing_is_empty)
{
	struct cc_review	*rv = NULL;
	struct cc_findings	 fs = three_findings();
	struct cc_diag		 d;

	cc_diag_clear(&d);
	ck_assert_int_eq(cc_review_load("/nonexistent/review.yaml", &rv, &d),
	    CC_OK);
	ck_assert_ptr_nonnull(rv);
	ck_assert_uint_eq(cc_review_count(rv), 0);
	free(fs.v[0].status);
	fs.v[0].status = xstrdup("accepted");
	cc_review_apply(rv, &fs);
	ck_assert_str_eq(fs.v[0].status, "new");
	cc_review_free(rv);
	cc_findings_release(&fs);
}
END_TEST

START_TEST(test_review_round_trip)
{
	struct cc_review	*rv = NULL;
	struct cc_findings	 fs = three_findings();
	struct cc_diag		 d;
	char			*dir = tmpdir(), *path, *text, *want;
	const char		*note = "He said \"no\": C:\\path #1\n"
				    "line2\ttab " RLO "x caf\xc3\xa9 - [a, b] {c}";

	path = xasprintf("%s/review.yaml", dir);
	spit(path, review_text);
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_review_load(path, &rv, &d), CC_OK);
	ck_assert_uint_eq(cc_review_count(rv), 2);
	cc_review_apply(rv, &fs);
	ck_assert_str_eq(fs.v[0].status, "accepted");
	ck_assert_str_eq(fs.v[1].status, "dismissed");
	ck_assert_str_eq(fs.v[2].status, "new");
	cc_review_free(rv);

	/* Replace fedit1: its old fields go, its comment and everything
	 * else stays byte for byte. */
	ck_assert_int_eq(cc_review_record(path, "fedit1", "dismissed",
	    "bob o'neil", "2022-11-02", note, &d), CC_OK);
	text = slurp(path, NULL);
	want = xasprintf("%.*s", (int)(strstr(review_text, "fedit1:") -
	    review_text), review_text);
	ck_assert_msg(strncmp(text, want, strlen(want)) == 0,
	    "prefix changed:\n%s", text);
	free(want);
	ck_assert_ptr_nonnull(strstr(text, "fedit1:\n"
	    "  # checked with the desk\n  status: dismissed\n"));
	ck_assert_ptr_null(strstr(text, "old note"));
	ck_assert_ptr_null(strstr(text, RLO));	/* escaped in the file */
	ck_assert_ptr_nonnull(strstr(text, "note: \"Same TASS item re-run\"\n"
	    "\n# the next one is contested\nfedit1:\n"));
	ck_assert_int_eq(strcmp(text + strlen(text) - 20,
	    "\n# trailing comment\n"), 0);
	free(text);

	cc_diag_clear(&d);
	ck_assert_int_eq(cc_review_load(path, &rv, &d), CC_OK);
	ck_assert_uint_eq(cc_review_count(rv), 2);
	ck_assert_str_eq(cc_review_status(rv, "fedit1"), "dismissed");
	ck_assert_str_eq(cc_review_status(rv, "fkeep1"), "dismissed");
	cc_review_free(rv);

	/* Add a new id: appended, the rest untouched, the note exact. */
	ck_assert_int_eq(cc_review_record(path, "fnew1", "accepted", "ann",
	    "2022-11-03", note, &d), CC_OK);
	text = slurp(path, NULL);
	ck_assert_ptr_nonnull(strstr(text, "# the next one is contested\n"
	    "fedit1:\n"));
	ck_assert_ptr_nonnull(strstr(text, "# trailing comment\nfnew1:\n"
	    "  status: accepted\n  reviewer: ann\n  date: 2022-11-03\n"));
	free(text);
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_review_load(path, &rv, &d), CC_OK);
	ck_assert_uint_eq(cc_review_count(rv), 3);
	cc_review_apply(rv, &fs);
	ck_assert_str_eq(fs.v[0].status, "dismissed");
	ck_assert_str_eq(fs.v[1].status, "dismissed");
	ck_assert_str_eq(fs.v[2].status, "accepted");
	cc_review_free(rv);

	cc_findings_release(&fs);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* The note comes back exactly as given, whatever it holds. */
START_TEST(test_review_note_quoting)
{
	struct cc_review	*rv = NULL;
	struct cc_findings	 fs;
	struct cc_diag		 d;
	char			*dir = tmpdir(), *path, *text, *sub;
	const char		*st, *who, *when, *got;
	const char		*notes[] = {
		"plain", "", "yes", "- dash", "key: value # not a comment",
		"'single' and \"double\"", "back\\slash", "multi\nline\n",
		"ctrl\x01" "char", "unicode caf\xc3\xa9 \xe2\x80\xa8 sep",
		"@at `tick` *star &anchor !tag %pct |pipe >gt",
		"   leading and trailing spaces   "
	};
	size_t			 i;

	path = xasprintf("%s/new/review.yaml", dir);
	sub = xasprintf("%s/new", dir);
	ck_assert_int_eq(mkdir(sub, 0777), 0);
	for (i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		cc_diag_clear(&d);
		ck_assert_msg(cc_review_record(path, "fq1", "accepted",
		    "true", "tomorrow", notes[i], &d) == CC_OK,
		    "note %zu: %s", i, d.msg);
		text = slurp(path, NULL);
		ck_assert_int_eq(count(text, "fq1:"), 1);
		free(text);
		ck_assert_int_eq(cc_review_load(path, &rv, &d), CC_OK);
		ck_assert_int_eq(cc_review_get(rv, "fq1", &st, &who, &when,
		    &got), 1);
		ck_assert_str_eq(st, "accepted");
		ck_assert_str_eq(who, "true");
		ck_assert_str_eq(when, "tomorrow");
		ck_assert_msg(strcmp(got, notes[i]) == 0, "note %zu came "
		    "back as [%s]", i, got);
		cc_review_free(rv);
	}
	/* Read back through the loader and a findings list. */
	ck_assert_int_eq(cc_review_load(path, &rv, &d), CC_OK);
	ck_assert_uint_eq(cc_review_count(rv), 1);
	memset(&fs, 0, sizeof fs);
	cc_findings_push(&fs)->id = xstrdup("fq1");
	cc_review_apply(rv, &fs);
	ck_assert_str_eq(fs.v[0].status, "accepted");
	cc_findings_release(&fs);
	cc_review_free(rv);
	free(sub);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_review_bad_yaml)
{
	struct cc_review	*rv = (struct cc_review *)&rv;
	struct cc_diag		 d;
	char			*dir = tmpdir(), *path, *before, *after;

	path = xasprintf("%s/review.yaml", dir);
	spit(path, "# decisions\nf1:\n  status: accepted\n  note: a\n"
	    "   bad: [\n");
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_review_load(path, &rv, &d), CC_EFORMAT);
	ck_assert_ptr_null(rv);
	ck_assert_str_eq(d.file, path);
	ck_assert_uint_eq(d.line, 5);
	ck_assert_uint_gt(d.col, 0);
	ck_assert_uint_gt(strlen(d.msg), 0);

	/* A file that cannot be read correctly is never rewritten. */
	before = slurp(path, NULL);
	ck_assert_int_eq(cc_review_record(path, "f2", "accepted", NULL, NULL,
	    "n", &d), CC_EFORMAT);
	after = slurp(path, NULL);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);

	/* Valid YAML, wrong content: the line of the culprit. */
	spit(path, "f1:\n  status: accepted\nf2:\n  status: acepted\n");
	ck_assert_int_eq(cc_review_load(path, &rv, &d), CC_EFORMAT);
	ck_assert_uint_eq(d.line, 4);
	ck_assert_uint_eq(d.col, 11);
	spit(path, "f1:\n  status: accepted\n  stauts: dismissed\n");
	ck_assert_int_eq(cc_review_load(path, &rv, &d), CC_EFORMAT);
	ck_assert_uint_eq(d.line, 3);
	spit(path, "f1:\n  status: accepted\nf1:\n  status: dismissed\n");
	ck_assert_int_eq(cc_review_load(path, &rv, &d), CC_EFORMAT);
	ck_assert_uint_eq(d.line, 3);
	spit(path, "- f1\n- f2\n");
	ck_assert_int_eq(cc_review_load(path, &rv, &d), CC_EFORMAT);
	ck_assert_uint_eq(d.line, 1);
	spit(path, "f1: accepted\n");
	ck_assert_int_eq(cc_review_load(path, &rv, &d), CC_EFORMAT);

	/* Bad arguments. */
	ck_assert_int_eq(cc_review_record(path, "f1", "maybe", NULL, NULL,
	    NULL, &d), CC_EINVAL);
	ck_assert_int_eq(cc_review_record(path, "f1\nf2", "accepted", NULL,
	    NULL, NULL, &d), CC_EINVAL);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_review_refuses_flow_style)
{
	struct cc_review	*rv = NULL;
	struct cc_diag		 d;
	char			*dir = tmpdir(), *path, *text;
	const char		*flow = "{f1: {status: accepted}}\n";

	path = xasprintf("%s/review.yaml", dir);
	spit(path, flow);
	cc_diag_clear(&d);
	ck_assert_int_eq(cc_review_load(path, &rv, &d), CC_OK);
	ck_assert_str_eq(cc_review_status(rv, "f1"), "accepted");
	cc_review_free(rv);
	ck_assert_int_eq(cc_review_record(path, "f2", "dismissed", NULL, NULL,
	    "n", &d), CC_EFORMAT);
	text = slurp(path, NULL);
	ck_assert_str_eq(text, flow);
	free(text);

	/* An entry in flow style inside a block file is replaced whole. */
	spit(path, "f1: {status: accepted, note: x}\n# end\n");
	ck_assert_int_eq(cc_review_record(path, "f1", "dismissed", NULL, NULL,
	    "y", &d), CC_OK);
	text = slurp(path, NULL);
	ck_assert_str_eq(text, "f1:\n  status: dismissed\n  note: \"y\"\n"
	    "# end\n");
	free(text);
	/* No newline at the end of the file. */
	spit(path, "f1:\n  status: accepted");
	ck_assert_int_eq(cc_review_record(path, "f2", "dismissed", NULL, NULL,
	    NULL, &d), CC_OK);
	text = slurp(path, NULL);
	ck_assert_str_eq(text, "f1:\n  status: accepted\nf2:\n"
	    "  status: dismissed\n");
	free(text);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

static Suite *
report_suite(void)
{
	Suite	*s = suite_create("report");
	TCase	*tc;

	tc = tcase_create("html");
	tcase_add_test(tc, test_escape_specials);
	tcase_add_test(tc, test_escape_controls);
	tcase_add_test(tc, test_escape_invalid_utf8);
	tcase_add_test(tc, test_escape_bidi);
	tcase_add_test(tc, test_url_ok);
	tcase_add_test(tc, test_sha256);
	suite_add_tcase(s, tc);

	tc = tcase_create("report");
	tcase_add_test(tc, test_report_files);
	tcase_add_test(tc, test_report_csp);
	tcase_add_test(tc, test_report_hostile);
	tcase_add_test(tc, test_report_deterministic);
	tcase_add_test(tc, test_report_timeline);
	tcase_add_test(tc, test_report_timeline_ticks);
	tcase_add_test(tc, test_report_matrix_disputes);
	tcase_add_test(tc, test_report_severity_order);
	tcase_add_test(tc, test_report_evidence);
	tcase_add_test(tc, test_report_article_page);
	tcase_add_test(tc, test_report_errors);
	tcase_add_test(tc, test_report_empty);
	suite_add_tcase(s, tc);

	/* Hundreds of pages written five times: slow on a busy disk. */
	tc = tcase_create("paged");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_report_paged);
	suite_add_tcase(s, tc);

	tc = tcase_create("review");
	tcase_add_test(tc, test_review_missing_is_empty);
	tcase_add_test(tc, test_review_round_trip);
	tcase_add_test(tc, test_review_note_quoting);
	tcase_add_test(tc, test_review_bad_yaml);
	tcase_add_test(tc, test_review_refuses_flow_style);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(report_suite)
