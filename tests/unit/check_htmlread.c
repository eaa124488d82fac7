/*
 * check_htmlread.c - the HTML Reader: which part of a saved page is the
 * article, what is left out, the metadata and its precedence, charsets,
 * and pages that are broken, empty or hostile.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "check_main.h"
#include "xmalloc.h"

static int
read_page(const char *html, struct cc_article *a, struct cc_diag *d)
{
	cc_diag_clear(d);
	return cc_htmlread_buffer("dir/page.html", html, strlen(html), a, d);
}

static int
read_fixture(const char *rel, struct cc_article *a, struct cc_diag *d)
{
	char	path[4096];

	snprintf(path, sizeof path, "%s", CC_TEST_DATA_PATH(rel));
	cc_diag_clear(d);
	return cc_read_file(path, a, d);
}

static unsigned
count(const char *hay, const char *needle)
{
	unsigned	n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* The saved news page: navigation, cookie banner, share bar, an ad in
 * the middle of the story, a related-links box, a newsletter form, a
 * comment section and a footer around five paragraphs of story. */
START_TEST(test_news_page)
{
	struct cc_article	a;
	struct cc_diag		d;
	const char		*left_out[] = { "Advertisement", "loadAd",
				    "Related articles", "Grain deal",
				    "Leave a Reply", "1,000,000", "December 2022",
				    "cookies", "Facebook", "Photo:", "dataLayer",
				    "Most read", "All rights reserved",
				    "morning briefing", "Business", "Search",
				    "By Marta", "Home" };
	size_t			i;

	ck_assert_int_eq(read_fixture("formats/page.html", &a, &d), CC_OK);
	ck_assert_str_eq(a.name, "page");
	ck_assert_str_eq(a.format, "html");
	/* og:site_name over JSON-LD's publisher (the same here). */
	ck_assert_str_eq(a.outlet, "The Baltic Ledger");
	ck_assert_str_eq(a.outlet_basis, "metadata");
	/* The canonical link, not og:url with its tracking parameter. */
	ck_assert_str_eq(a.url,
	    "https://www.balticledger.example/world/2022/10/31/kremlin-talks");
	/* article:published_time as written (local date, not UTC). */
	ck_assert_str_eq(a.published, "2022-10-31");
	/* og:title over JSON-LD's shorter headline and <title>. */
	ck_assert_str_eq(a.title,
	    "Kremlin says door to talks is open, rejects US account");
	ck_assert_str_eq(a.author, "Marta Kalnina");
	ck_assert_ptr_null(a.warn);
	/* Five paragraphs, each on its own line, blank lines between. */
	ck_assert_msg(strncmp(a.text, "MOSCOW \xe2\x80\x94 Russia is prepared "
	    "to discuss", 37) == 0, "starts with: %.60s", a.text);
	ck_assert_uint_eq(count(a.text, "\n\n"), 4);
	ck_assert_uint_eq(count(a.text, "\n"), 9);
	ck_assert_ptr_nonnull(strstr(a.text, "in advance.\n"));
	ck_assert_uint_eq(a.len, strlen(a.text));
	/* Entities decoded, inline markup joined without extra space. */
	ck_assert_ptr_nonnull(strstr(a.text, "\xe2\x80\x9cNobody has made us "
	    "a serious offer,\xe2\x80\x9d Lavrov told"));
	ck_assert_ptr_nonnull(strstr(a.text, "massed about 300,000 reservists"));
	for (i = 0; i < sizeof left_out / sizeof left_out[0]; i++)
		ck_assert_msg(strstr(a.text, left_out[i]) == NULL,
		    "'%s' is in the text", left_out[i]);
	ck_assert_uint_eq(strlen(a.hash), CC_HASH_HEXLEN);
	cc_article_release(&a);
}
END_TEST

/* Only JSON-LD: outlet, date, headline and authors from it. */
START_TEST(test_json_ld)
{
	struct cc_article	a;
	struct cc_diag		d;

	ck_assert_int_eq(read_page("<html><head><title>T | Site</title>"
	    "<script type=\"application/ld+json\">[{\"@type\":\"Organization\","
	    "\"name\":\"Not this\"},{\"@type\":[\"NewsArticle\"],"
	    "\"headline\":\"Talks \\u201csoon\\u201d\","
	    "\"datePublished\":\"2022-10-30T23:30:00-04:00\","
	    "\"author\":[{\"name\":\"A. One\"},\"B. Two\"],"
	    "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Wire X\"},"
	    "\"mainEntityOfPage\":{\"@id\":\"https://x.example/a\"}}]</script>"
	    "</head><body><p>Body text of the story.</p></body></html>", &a,
	    &d), CC_OK);
	ck_assert_str_eq(a.outlet, "Wire X");
	ck_assert_str_eq(a.outlet_basis, "metadata");
	ck_assert_str_eq(a.published, "2022-10-30");
	ck_assert_str_eq(a.title, "Talks \xe2\x80\x9csoon\xe2\x80\x9d");
	ck_assert_str_eq(a.author, "A. One, B. Two");
	ck_assert_str_eq(a.url, "https://x.example/a");
	ck_assert_str_eq(a.text, "Body text of the story.\n");
	cc_article_release(&a);

	/* A @graph; a broken JSON-LD block is ignored, the page is read. */
	ck_assert_int_eq(read_page("<script type=\"application/ld+json\">"
	    "{\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"Article\","
	    "\"datePublished\":\"October 3, 2022\"}]}</script>"
	    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"datePublished\":</script><p>Text.</p>", &a, &d), CC_OK);
	ck_assert_str_eq(a.published, "2022-10-03");
	ck_assert_ptr_null(a.outlet);
	ck_assert_ptr_null(a.outlet_basis);
	cc_article_release(&a);

	/* No metadata at all: <title> is the title, the rest is unknown. */
	ck_assert_int_eq(read_page("<title> Just  a title </title><p>Text."
	    "</p>", &a, &d), CC_OK);
	ck_assert_str_eq(a.title, "Just a title");
	ck_assert_ptr_null(a.published);
	ck_assert_ptr_null(a.url);
	cc_article_release(&a);
}
END_TEST

/* Dates: a <time> in the article, not the one in the sidebar or a
 * comment; an unparseable meta date falls through to the next source. */
START_TEST(test_dates)
{
	struct cc_article	a;
	struct cc_diag		d;

	ck_assert_int_eq(read_page("<meta property=\"article:published_time\""
	    " content=\"last week\"><body><aside><time datetime=\"2021-01-01\">"
	    "</time></aside><div class=\"comments\"><time datetime="
	    "\"2021-02-02\"></time></div><article><header><time datetime="
	    "\"2022-10-30T08:00:00Z\">Sunday</time></header><p>Story text."
	    "</p></article></body>", &a, &d), CC_OK);
	ck_assert_str_eq(a.published, "2022-10-30");
	ck_assert_str_eq(a.text, "Story text.\n");
	cc_article_release(&a);

	ck_assert_int_eq(read_page("<p itemprop=\"datePublished\" content="
	    "\"2022-02-14\">Feb 14</p><p>Text.</p>", &a, &d), CC_OK);
	ck_assert_str_eq(a.published, "2022-02-14");
	cc_article_release(&a);
}
END_TEST

/* Which element is the article. */
START_TEST(test_body_choice)
{
	struct cc_article	a;
	struct cc_diag		d;

	/* itemprop=articleBody wins over the <article> around it. */
	ck_assert_int_eq(read_page("<article><h2>Kicker</h2><div itemprop="
	    "\"articleBody\"><p>One.</p><p>Two.</p></div><p>Teaser of "
	    "another story that is longer than the body itself.</p>"
	    "</article>", &a, &d), CC_OK);
	ck_assert_str_eq(a.text, "One.\n\nTwo.\n");
	cc_article_release(&a);

	/* Of two <article>s (a teaser card and the story) the one with the
	 * most text. */
	ck_assert_int_eq(read_page("<article><p>Short teaser.</p></article>"
	    "<article><p>The story, which is a good deal longer than the "
	    "teaser.</p></article>", &a, &d), CC_OK);
	ck_assert_str_eq(a.text, "The story, which is a good deal longer than "
	    "the teaser.\n");
	cc_article_release(&a);

	/* No <article>: the block with the most paragraph text. */
	ck_assert_int_eq(read_page("<body><div id=\"promo-box\"><p>Buy now."
	    "</p></div><div class=\"x\"><p>First paragraph of the story."
	    "</p><div class=\"ad-slot\">Ad</div><p>Second paragraph.</p></div>"
	    "<div><p>Footer-ish line.</p></div></body>", &a, &d), CC_OK);
	ck_assert_str_eq(a.text, "First paragraph of the story.\n\nSecond "
	    "paragraph.\n");
	cc_article_release(&a);

	/* Nothing but text in <body>. */
	ck_assert_int_eq(read_page("<body>Plain words<br>on two lines"
	    "</body>", &a, &d), CC_OK);
	ck_assert_str_eq(a.text, "Plain words\non two lines\n");
	cc_article_release(&a);

	/* Class words match whole: "commentary" and "header-image" stay,
	 * "post-comments" and "share_bar" go. */
	ck_assert_int_eq(read_page("<article><div class=\"commentary\"><p>"
	    "Opinion text.</p></div><div class=\"header-image\">Caption "
	    "words.</div><div class=\"post-comments\"><p>A comment.</p></div>"
	    "<div class=\"share_bar\">Share</div><div hidden>Hidden</div>"
	    "<div aria-hidden=\"true\">Icon</div><div role=\"navigation\">"
	    "Nav</div></article>", &a, &d), CC_OK);
	ck_assert_str_eq(a.text, "Opinion text.\n\nCaption words.\n");
	cc_article_release(&a);
}
END_TEST

START_TEST(test_whitespace)
{
	struct cc_article	a;
	struct cc_diag		d;

	/* White space collapses; a no-break space is a character, kept;
	 * <pre> keeps its lines. */
	ck_assert_int_eq(read_page("<p>  Some\n\t words &nbsp;here\n</p>"
	    "<pre>line one\nline two</pre><ul><li>a</li><li>b</li></ul>", &a,
	    &d), CC_OK);
	ck_assert_str_eq(a.text, "Some words \xc2\xa0here\n\nline one\nline "
	    "two\n\na\n\nb\n");
	cc_article_release(&a);
}
END_TEST

/* Charsets: a declared legacy charset is used for bytes that are not
 * UTF-8; a page that says Latin-1 but is UTF-8 stays UTF-8. */
START_TEST(test_charsets)
{
	struct cc_article	a;
	struct cc_diag		d;

	ck_assert_int_eq(read_page("<meta charset=\"windows-1252\"><p>\x93"
	    "Caf\xe9\x94 \x96 10 \x80</p>", &a, &d), CC_OK);
	ck_assert_str_eq(a.text, "\xe2\x80\x9c" "Caf\xc3\xa9\xe2\x80\x9d "
	    "\xe2\x80\x93 10 \xe2\x82\xac\n");
	ck_assert_ptr_nonnull(a.warn);
	ck_assert_ptr_nonnull(strstr(a.warn->msg, "windows-1252"));
	cc_article_release(&a);

	ck_assert_int_eq(read_page("<meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=ISO-8859-1\"><p>Z\xc3\xbcrich</p>",
	    &a, &d), CC_OK);
	ck_assert_str_eq(a.text, "Z\xc3\xbcrich\n");
	ck_assert_ptr_null(a.warn);
	cc_article_release(&a);

	/* Undeclared Windows-1252 is detected as well. */
	ck_assert_int_eq(read_page("<p>The \x93talks\x94 resume.</p>", &a, &d),
	    CC_OK);
	ck_assert_str_eq(a.text, "The \xe2\x80\x9ctalks\xe2\x80\x9d resume.\n");
	ck_assert_ptr_nonnull(a.warn);
	ck_assert_ptr_nonnull(strstr(a.warn->msg, "Windows-1252"));
	ck_assert_uint_eq(a.warn->line, 1);
	ck_assert_uint_eq(a.warn->col, 8);
	cc_article_release(&a);
}
END_TEST

/* Broken and hostile pages never crash; those without text are refused
 * with a reason. */
START_TEST(test_broken_pages)
{
	struct cc_article	 a;
	struct cc_diag		 d;
	struct cc_buf		 b = CC_BUF_INIT;
	size_t			 i;

	/* Cut off inside a script inside an ad: both paragraphs, nothing of
	 * the script. */
	ck_assert_int_eq(read_fixture("formats/truncated.html", &a, &d),
	    CC_OK);
	ck_assert_uint_eq(count(a.text, "\n\n"), 1);
	ck_assert_ptr_nonnull(strstr(a.text, "4 conditions"));
	ck_assert_ptr_null(strstr(a.text, "fake"));
	ck_assert_str_eq(a.outlet, "Daily Meridian");
	cc_article_release(&a);

	ck_assert_int_eq(read_fixture("formats/no-body.html", &a, &d),
	    CC_EFORMAT);
	ck_assert_ptr_nonnull(strstr(d.msg, "no article text"));
	ck_assert_ptr_nonnull(strstr(d.file, "no-body.html"));
	ck_assert_ptr_null(a.text);

	ck_assert_int_eq(read_page("", &a, &d), CC_EFORMAT);
	ck_assert_int_eq(read_page("<", &a, &d), CC_EFORMAT);
	ck_assert_int_eq(read_page("<html><body><script>x</script></body>",
	    &a, &d), CC_EFORMAT);
	ck_assert_int_eq(cc_htmlread_buffer("x.html", "<p>\0\0\0\0</p>", 11, &a,
	    &d), CC_EFORMAT);
	ck_assert_ptr_nonnull(strstr(d.msg, "binary"));

	/* 200,000 nested elements: no crash.  libxml2 stops parsing at 256
	 * levels (no news page nests that deep), so what comes before is
	 * read and the rest is lost. */
	cc_buf_adds(&b, "<p>Shallow text.</p>");
	for (i = 0; i < 200000; i++)
		cc_buf_adds(&b, "<div><span>");
	cc_buf_adds(&b, "Deep text.");
	ck_assert_int_eq(cc_htmlread_buffer("deep.html", b.data, b.len, &a, &d),
	    CC_OK);
	ck_assert_str_eq(a.text, "Shallow text.\n");
	cc_article_release(&a);
	cc_buf_reset(&b);
	/* 100 levels are read whole. */
	for (i = 0; i < 100; i++)
		cc_buf_adds(&b, "<div><span>");
	cc_buf_adds(&b, "Deep text.");
	ck_assert_int_eq(cc_htmlread_buffer("deep.html", b.data, b.len, &a, &d),
	    CC_OK);
	ck_assert_str_eq(a.text, "Deep text.\n");
	cc_article_release(&a);
	cc_buf_release(&b);

	/* Markup soup. */
	ck_assert_int_eq(read_page("<p>One<p>Two</div></div><b><i>Three</b>"
	    "</i><table><tr><td>Four</table></p></p>", &a, &d), CC_OK);
	ck_assert_ptr_nonnull(strstr(a.text, "One"));
	ck_assert_ptr_nonnull(strstr(a.text, "Four"));
	cc_article_release(&a);
}
END_TEST

static Suite *
htmlread_suite(void)
{
	Suite	*s = suite_create("htmlread");
	TCase	*tc;

	tc = tcase_create("html");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_news_page);
	tcase_add_test(tc, test_json_ld);
	tcase_add_test(tc, test_dates);
	tcase_add_test(tc, test_body_choice);
	tcase_add_test(tc, test_whitespace);
	tcase_add_test(tc, test_charsets);
	tcase_add_test(tc, test_broken_pages);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(htmlread_suite)
