/*
 * html-read.c - the HTML Reader: a saved news page becomes the article
 * body as plain text (paragraphs separated by blank lines, so the
 * segmenter sees one paragraph per line) plus the page's metadata
 * (see article.h).
 *
 * Parsing is libxml2's HTML parser, which recovers from the broken markup
 * real pages are made of (unclosed tags, stray end tags, a page cut off
 * half way) the way browsers do.  The tree is walked without recursion, so
 * a hostile page nested thousands of levels deep costs no stack.  JSON-LD
 * blocks are parsed with jansson (strict JSON; its own depth limit).
 *
 * Which part of the page is the article: an element with
 * itemprop="articleBody"; else the <article> with the most paragraph
 * text; else the element holding the most text in <p> children (the
 * densest block); else <body>.  Inside it, page furniture is left out:
 * nav, aside, footer, header, script, style, forms, iframes, figures, and
 * elements whose class or id names a comment section, share bar, related
 * links, ads or a newsletter box.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "article.h"
#include "buf.h"
#include "text.h"
#include "xmalloc.h"

/* Metadata values longer than this are not metadata. */
#define META_MAX	2048
/* How far into the page a <meta charset> is looked for (as browsers). */
#define SNIFF_MAX	4096

/* Elements that are never article text, with everything inside them. */
static const char *const skip_tags[] = {
	"aside", "button", "canvas", "dialog", "embed", "figure", "footer",
	"form", "header", "iframe", "input", "label", "link", "menu", "meta",
	"nav", "noscript", "object", "option", "script", "select", "style",
	"svg", "template", "textarea", "title", "video", "audio", "map",
	NULL
};

/* Elements that start and end a paragraph. */
static const char *const block_tags[] = {
	"address", "article", "blockquote", "body", "caption", "center",
	"dd", "details", "div", "dl", "dt", "fieldset", "h1", "h2", "h3",
	"h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section",
	"summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
	NULL
};

/*
 * Class and id words of page furniture.  A class or id token is
 * furniture when it is one of these, or starts with one and '-' or '_'
 * ("comments-area", "share_bar"), or ends with '-' or '_' and one
 * ("post-comments").  Whole words only: "commentary" and "header-image"
 * are not matched by "comment" or "ad".
 */
static const char *const furniture_words[] = {
	"ad", "ads", "advert", "adverts", "advertisement", "banner",
	"breadcrumb", "breadcrumbs", "comment", "comments", "cookie",
	"cookies", "disqus", "menu", "nav", "navbar", "navigation",
	"newsletter", "outbrain", "paywall", "popular", "popup", "promo",
	"related", "respond", "share", "sharing", "sidebar", "social",
	"sponsored", "subscribe", "subscription", "taboola", "tags",
	"trending", "author-bio", "author-box", "most-read", "read-more",
	"recommended", "reply", "replies",
	NULL
};

/* ARIA roles of page furniture. */
static const char *const furniture_roles[] = {
	"banner", "complementary", "contentinfo", "dialog", "navigation",
	"search", "alert", NULL
};

static int
in_list(const char *const *list, const char *s, size_t n)
{
	size_t	i;

	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i], s, n) == 0)
			return 1;
	return 0;
}

static int
is_tag(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcasecmp((const char *)n->name, name) == 0;
}

static int
tag_in(const xmlNode *n, const char *const *list)
{
	return n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    in_list(list, (const char *)n->name, strlen((const char *)n->name));
}

/* An attribute's value (libxml2 owns it: valid while the tree is), or
 * NULL.  Only the first text child: attribute values are one. */
static const char *
attr(const xmlNode *n, const char *name)
{
	const xmlAttr	*at;

	if (n->type != XML_ELEMENT_NODE)
		return NULL;
	for (at = n->properties; at != NULL; at = at->next)
		if (at->name != NULL &&
		    strcasecmp((const char *)at->name, name) == 0) {
			if (at->children == NULL ||
			    at->children->type != XML_TEXT_NODE)
				return "";
			return (const char *)at->children->content;
		}
	return NULL;
}

/* Does the token s[0..n) name furniture? */
static int
furniture_token(const char *s, size_t n)
{
	size_t	i, k;

	if (in_list(furniture_words, s, n))
		return 1;
	for (i = 0; i < n; i++) {
		if (s[i] != '-' && s[i] != '_')
			continue;
		if (in_list(furniture_words, s, i))
			return 1;
		k = i + 1;
		if (k < n && in_list(furniture_words, s + k, n - k))
			return 1;
	}
	return 0;
}

/* Does a class or id value (space-separated tokens) name furniture? */
static int
furniture_attr(const char *v)
{
	size_t	n;

	if (v == NULL)
		return 0;
	while (*v != '\0') {
		while (*v != '\0' && isspace((unsigned char)*v))
			v++;
		n = 0;
		while (v[n] != '\0' && !isspace((unsigned char)v[n]))
			n++;
		if (n > 0 && furniture_token(v, n))
			return 1;
		v += n;
	}
	return 0;
}

/* Is n (an element) left out of the article text, with its subtree? */
static int
skipped(const xmlNode *n)
{
	const char	*v;

	if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
		return 1;
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (tag_in(n, skip_tags))
		return 1;
	if (attr(n, "hidden") != NULL)
		return 1;
	if ((v = attr(n, "aria-hidden")) != NULL && strcasecmp(v, "true") == 0)
		return 1;
	if ((v = attr(n, "role")) != NULL &&
	    in_list(furniture_roles, v, strlen(v)))
		return 1;
	return furniture_attr(attr(n, "class")) || furniture_attr(attr(n, "id"));
}

/*
 * The walk: pre-order over the subtree of root without recursion.  enter
 * returns 0 to skip the children of a node; leave (may be NULL) is
 * called after them.
 */
typedef int (*enter_fn)(xmlNode *, void *);
typedef void (*leave_fn)(xmlNode *, void *);

static void
walk(xmlNode *root, enter_fn enter, leave_fn leave, void *arg)
{
	xmlNode	*n = root;

	while (n != NULL) {
		if (enter(n, arg) && n->children != NULL) {
			n = n->children;
			continue;
		}
		/* Done with n's subtree: leave it and every ancestor whose
		 * last child it was. */
		for (;;) {
			if (leave != NULL)
				leave(n, arg);
			if (n == root)
				return;
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (n == NULL)
				return;
		}
	}
}

/*
 * Rendering text.
 */

enum brk { BRK_NONE, BRK_SPACE, BRK_LINE, BRK_PARA };

struct render {
	struct cc_buf	 out;
	enum brk	 pending;
	unsigned	 pre;		/* inside <pre>: keep white space */
	xmlNode		*root;
};

static void
want_break(struct render *r, enum brk b)
{
	if (r->out.len > 0 && b > r->pending)
		r->pending = b;
}

static void
flush_break(struct render *r)
{
	switch (r->pending) {
	case BRK_SPACE:
		cc_buf_addc(&r->out, ' ');
		break;
	case BRK_LINE:
		cc_buf_addc(&r->out, '\n');
		break;
	case BRK_PARA:
		cc_buf_adds(&r->out, "\n\n");
		break;
	case BRK_NONE:
		break;
	}
	r->pending = BRK_NONE;
}

/* Append text, collapsing ASCII white space (HTML's rule) unless in
 * <pre>. */
static void
render_text(struct render *r, const char *s)
{
	const char	*run;

	while (*s != '\0') {
		if (isspace((unsigned char)*s)) {
			if (r->pre && *s == '\n')
				want_break(r, BRK_LINE);
			else
				want_break(r, BRK_SPACE);
			s++;
			continue;
		}
		for (run = s; *s != '\0' && !isspace((unsigned char)*s); s++)
			;
		flush_break(r);
		cc_buf_add(&r->out, run, (size_t)(s - run));
	}
}

static int
render_enter(xmlNode *n, void *arg)
{
	struct render	*r = arg;

	if (n != r->root && skipped(n))
		return 0;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			render_text(r, (const char *)n->content);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (is_tag(n, "br"))
		want_break(r, BRK_LINE);
	else if (tag_in(n, block_tags))
		want_break(r, BRK_PARA);
	else if (is_tag(n, "img"))
		want_break(r, BRK_SPACE);
	if (is_tag(n, "pre"))
		r->pre++;
	return 1;
}

static void
render_leave(xmlNode *n, void *arg)
{
	struct render	*r = arg;

	if (n->type != XML_ELEMENT_NODE)
		return;
	if (tag_in(n, block_tags))
		want_break(r, BRK_PARA);
	if (is_tag(n, "pre") && r->pre > 0)
		r->pre--;
}

/* The text of root's subtree, furniture left out; caller frees. */
static char *
render(xmlNode *root, size_t *lenp)
{
	struct render	r;
	char		*s;

	memset(&r, 0, sizeof r);
	cc_buf_init(&r.out, CC_ARTICLE_MAX);
	r.root = root;
	walk(root, render_enter, render_leave, &r);
	if (r.out.len > 0)
		cc_buf_addc(&r.out, '\n');
	s = cc_buf_detach(&r.out, lenp);
	return s;
}

/*
 * Choosing the article element.
 */

/* Length of the text directly in n's subtree, furniture left out. */
struct count {
	size_t	 n;
	xmlNode	*root;
};

static int
count_enter(xmlNode *n, void *arg)
{
	struct count	*c = arg;

	if (n != c->root && skipped(n))
		return 0;
	if (n->type == XML_TEXT_NODE && n->content != NULL) {
		c->n += strlen((const char *)n->content);
		return 0;
	}
	return n->type == XML_ELEMENT_NODE;
}

static size_t
text_len(xmlNode *n)
{
	struct count	c;

	c.n = 0;
	c.root = n;
	walk(n, count_enter, NULL, &c);
	return c.n;
}

struct choose {
	xmlNode	*body_prop;	/* itemprop=articleBody */
	xmlNode	*article;	/* the <article> with the most text */
	size_t	 article_len;
	xmlNode	*dense;		/* the parent of the most <p> text */
	size_t	 dense_len;
	xmlNode	*body;
};

static int
choose_enter(xmlNode *n, void *arg)
{
	struct choose	*ch = arg;
	const char	*v;
	xmlNode		*k;
	size_t		 len;

	if (n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE)
		return 1;
	if (n->type != XML_ELEMENT_NODE || skipped(n))
		return 0;
	if (ch->body == NULL && is_tag(n, "body"))
		ch->body = n;
	if (ch->body_prop == NULL && (v = attr(n, "itemprop")) != NULL &&
	    strcasecmp(v, "articleBody") == 0)
		ch->body_prop = n;
	if (is_tag(n, "article") && (len = text_len(n)) > ch->article_len) {
		ch->article = n;
		ch->article_len = len;
	}
	/* Paragraph text held directly by n. */
	len = 0;
	for (k = n->children; k != NULL; k = k->next)
		if (is_tag(k, "p") && !skipped(k))
			len += text_len(k);
	if (len > ch->dense_len) {
		ch->dense = n;
		ch->dense_len = len;
	}
	return 1;
}

static xmlNode *
choose_root(xmlDoc *doc)
{
	struct choose	ch;

	memset(&ch, 0, sizeof ch);
	walk((xmlNode *)doc, choose_enter, NULL, &ch);
	if (ch.body_prop != NULL)
		return ch.body_prop;
	if (ch.article != NULL)
		return ch.article;
	if (ch.dense != NULL)
		return ch.dense;
	return ch.body != NULL ? ch.body : xmlDocGetRootElement(doc);
}

/*
 * Metadata.
 */

struct meta {
	char	*og_site, *og_title, *og_url, *pub_time, *canonical;
	char	*title, *author, *item_date, *time_dt;
	char	*ld_date, *ld_publisher, *ld_author, *ld_headline, *ld_url;
	int	 ld_found;
	unsigned in_comments;	/* depth inside a comment section */
};

static void
meta_release(struct meta *m)
{
	free(m->og_site);
	free(m->og_title);
	free(m->og_url);
	free(m->pub_time);
	free(m->canonical);
	free(m->title);
	free(m->author);
	free(m->item_date);
	free(m->time_dt);
	free(m->ld_date);
	free(m->ld_publisher);
	free(m->ld_author);
	free(m->ld_headline);
	free(m->ld_url);
}

/* A copy of s with white space collapsed and trimmed; NULL when empty or
 * longer than META_MAX. */
static char *
clean_value(const char *s)
{
	struct cc_buf	b;
	int		space = 0;

	if (s == NULL)
		return NULL;
	cc_buf_init(&b, META_MAX);
	for (; *s != '\0'; s++) {
		if (isspace((unsigned char)*s)) {
			space = b.len > 0;
			continue;
		}
		if ((space && cc_buf_addc(&b, ' ') != CC_OK) ||
		    cc_buf_addc(&b, *s) != CC_OK) {
			cc_buf_release(&b);
			return NULL;
		}
		space = 0;
	}
	if (b.len == 0) {
		cc_buf_release(&b);
		return NULL;
	}
	return cc_buf_detach(&b, NULL);
}

/* Set *slot to a clean copy of v unless already set. */
static void
first_value(char **slot, const char *v)
{
	if (*slot == NULL)
		*slot = clean_value(v);
}

/* The text content of n (a <title> or <script>); caller frees. */
static char *
node_text(xmlNode *n)
{
	xmlChar	*c = xmlNodeGetContent(n);
	char	*s;

	if (c == NULL)
		return NULL;
	s = xstrdup((const char *)c);
	xmlFree(c);
	return s;
}

/* A JSON-LD value as a name: a string, or an object's "name", or a list
 * of those joined with ", ". */
static char *
ld_name(json_t *v)
{
	struct cc_buf	 b = CC_BUF_INIT;
	json_t		*it;
	size_t		 i;
	char		*s;

	if (json_is_string(v))
		return clean_value(json_string_value(v));
	if (json_is_object(v))
		return ld_name(json_object_get(v, "name"));
	if (!json_is_array(v))
		return NULL;
	json_array_foreach(v, i, it) {
		if ((s = ld_name(json_is_array(it) ? NULL : it)) == NULL)
			continue;
		if (b.len > 0)
			cc_buf_adds(&b, ", ");
		cc_buf_adds(&b, s);
		free(s);
	}
	return b.len > 0 ? cc_buf_detach(&b, NULL) : NULL;
}

static const char *const ld_article_types[] = {
	"Article", "NewsArticle", "ReportageNewsArticle",
	"AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
	"BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle",
	NULL
};

static int
ld_is_article(json_t *o)
{
	json_t	*t = json_object_get(o, "@type"), *it;
	size_t	 i;

	if (json_is_string(t))
		return in_list(ld_article_types, json_string_value(t),
		    strlen(json_string_value(t)));
	json_array_foreach(t, i, it)
		if (json_is_string(it) && in_list(ld_article_types,
		    json_string_value(it), strlen(json_string_value(it))))
			return 1;
	return 0;
}

/* A string member of o, cleaned; NULL if it is missing or not a string.
 * (jansson's json_is_* macros evaluate their argument twice: no
 * assignments inside them.) */
static char *
ld_string(json_t *o, const char *key)
{
	json_t	*v = json_object_get(o, key);

	return json_is_string(v) ? clean_value(json_string_value(v)) : NULL;
}

static void
ld_article(struct meta *m, json_t *o)
{
	if (m->ld_found)
		return;
	m->ld_found = 1;
	m->ld_date = ld_string(o, "datePublished");
	m->ld_headline = ld_string(o, "headline");
	m->ld_author = ld_name(json_object_get(o, "author"));
	m->ld_publisher = ld_name(json_object_get(o, "publisher"));
	if ((m->ld_url = ld_string(o, "url")) == NULL)
		m->ld_url = ld_string(json_object_get(o, "mainEntityOfPage"),
		    "@id");
}

/* A JSON-LD block: an object, a list of objects, or an object with a
 * "@graph" list.  A block that is not valid JSON is ignored: metadata is
 * a bonus, never a reason to lose the article. */
static void
ld_block(struct meta *m, const char *text)
{
	json_error_t	 err;
	json_t		*root, *g, *it;
	size_t		 i;

	if (text == NULL || (root = json_loads(text, JSON_DECODE_ANY |
	    JSON_REJECT_DUPLICATES, &err)) == NULL)
		return;
	g = json_object_get(root, "@graph");
	if (json_is_array(g))
		json_array_foreach(g, i, it) {
			if (json_is_object(it) && ld_is_article(it))
				ld_article(m, it);
		}
	else if (json_is_object(root) && ld_is_article(root))
		ld_article(m, root);
	else if (json_is_array(root))
		json_array_foreach(root, i, it) {
			if (json_is_object(it) && ld_is_article(it))
				ld_article(m, it);
		}
	json_decref(root);
}

static int
meta_enter(xmlNode *n, void *arg)
{
	struct meta	*m = arg;
	const char	*k, *v;
	char		*s;

	if (n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE)
		return 1;
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	/* A <time> in a comment, a sidebar or the footer dates something
	 * else. */
	if (m->in_comments > 0 || (skipped(n) && !is_tag(n, "header") &&
	    !is_tag(n, "meta") && !is_tag(n, "link") &&
	    !is_tag(n, "script") && !is_tag(n, "title")))
		m->in_comments++;
	if (is_tag(n, "meta")) {
		v = attr(n, "content");
		if ((k = attr(n, "property")) == NULL &&
		    (k = attr(n, "name")) == NULL &&
		    (k = attr(n, "itemprop")) == NULL)
			return 0;
		if (strcasecmp(k, "og:site_name") == 0)
			first_value(&m->og_site, v);
		else if (strcasecmp(k, "og:title") == 0)
			first_value(&m->og_title, v);
		else if (strcasecmp(k, "og:url") == 0)
			first_value(&m->og_url, v);
		else if (strcasecmp(k, "article:published_time") == 0)
			first_value(&m->pub_time, v);
		else if (strcasecmp(k, "author") == 0)
			first_value(&m->author, v);
		else if (strcasecmp(k, "datePublished") == 0 ||
		    strcasecmp(k, "date") == 0 ||
		    strcasecmp(k, "pubdate") == 0 ||
		    strcasecmp(k, "DC.date.issued") == 0)
			first_value(&m->item_date, v);
		return 0;
	}
	if (is_tag(n, "link")) {
		if ((v = attr(n, "rel")) != NULL &&
		    strcasecmp(v, "canonical") == 0)
			first_value(&m->canonical, attr(n, "href"));
		return 0;
	}
	if (is_tag(n, "title")) {
		if (m->title == NULL && (s = node_text(n)) != NULL) {
			m->title = clean_value(s);
			free(s);
		}
		return 0;
	}
	if (is_tag(n, "script")) {
		if ((v = attr(n, "type")) != NULL &&
		    strcasecmp(v, "application/ld+json") == 0 &&
		    (s = node_text(n)) != NULL) {
			ld_block(m, s);
			free(s);
		}
		return 0;
	}
	if (m->in_comments == 0) {
		if (is_tag(n, "time"))
			first_value(&m->time_dt, attr(n, "datetime"));
		if ((v = attr(n, "itemprop")) != NULL &&
		    strcasecmp(v, "datePublished") == 0) {
			if ((k = attr(n, "datetime")) == NULL)
				k = attr(n, "content");
			first_value(&m->item_date, k);
		}
	}
	return 1;
}

static void
meta_leave(xmlNode *n, void *arg)
{
	struct meta	*m = arg;

	if (n->type == XML_ELEMENT_NODE && m->in_comments > 0)
		m->in_comments--;
}

/* The first of the candidates that is a date, normalized; NULL if none. */
static char *
first_date(char *const *cands, size_t n)
{
	char	buf[32];
	size_t	i;

	for (i = 0; i < n; i++)
		if (cands[i] != NULL && cc_read_date(cands[i], buf) == 0)
			return xstrdup(buf);
	return NULL;
}

static char *
dup_first(const char *a, const char *b, const char *c)
{
	if (a != NULL)
		return xstrdup(a);
	if (b != NULL)
		return xstrdup(b);
	return c != NULL ? xstrdup(c) : NULL;
}

/* The charset a page declares in its first SNIFF_MAX bytes
 * (<meta charset="..."> or the http-equiv form), or NULL. */
static char *
sniff_charset(const char *data, size_t len)
{
	const char	*p, *end = data + (len < SNIFF_MAX ? len : SNIFF_MAX);
	size_t		 n;

	for (p = data; p + 8 < end; p++) {
		if (strncasecmp(p, "charset", 7) != 0)
			continue;
		p += 7;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p >= end || *p != '=')
			continue;
		p++;
		while (p < end && (*p == ' ' || *p == '"' || *p == '\''))
			p++;
		for (n = 0; p + n < end && n < 40 && (isalnum((unsigned char)
		    p[n]) || p[n] == '-' || p[n] == '_' || p[n] == ':' ||
		    p[n] == '.'); n++)
			;
		return n > 0 ? xstrndup(p, n) : NULL;
	}
	return NULL;
}

int
cc_htmlread_buffer(const char *path, const char *data, size_t len,
    struct cc_article *a, struct cc_diag *d)
{
	const char		*file = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct cc_import	 im;
	struct meta		 m;
	htmlDocPtr		 doc;
	xmlNode			*root;
	char			*charset, *dates[4];
	int			 rc;

	cc_article_init(a);
	if (len == 0) {
		cc_diag_set(d, file, 0, 0, "empty file");
		return CC_EFORMAT;
	}
	charset = sniff_charset(data, len);
	rc = cc_utf8_import(data, len, charset, &im);
	free(charset);
	if (rc != CC_OK) {
		cc_read_import_error(file, data, &im, d);
		return CC_EFORMAT;
	}
	cc_read_import_warning(file, data, &im, &a->warn);
	/* The text is UTF-8 now, whatever the page says about itself. */
	doc = htmlReadMemory(im.s, (int)im.len, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
	free(im.s);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		if (doc != NULL)
			xmlFreeDoc(doc);
		cc_diag_set(d, file, 0, 0, "not an HTML page (nothing could "
		    "be parsed)");
		cc_article_release(a);
		return CC_EFORMAT;
	}
	memset(&m, 0, sizeof m);
	walk((xmlNode *)doc, meta_enter, meta_leave, &m);
	root = choose_root(doc);
	a->text = render(root, &a->len);
	xmlFreeDoc(doc);
	if (cc_utf8_blank(a->text, a->len)) {
		cc_diag_set(d, file, 0, 0, "no article text in the HTML page");
		meta_release(&m);
		cc_article_release(a);
		return CC_EFORMAT;
	}
	a->name = cc_read_name(path);
	a->path = xstrdup(path);
	a->format = xstrdup("html");
	a->outlet = dup_first(m.og_site, m.ld_publisher, NULL);
	if (a->outlet != NULL)
		a->outlet_basis = xstrdup("metadata");
	a->url = dup_first(m.canonical, m.og_url, m.ld_url);
	a->title = dup_first(m.og_title, m.ld_headline, m.title);
	a->author = dup_first(m.author, m.ld_author, NULL);
	dates[0] = m.pub_time;
	dates[1] = m.ld_date;
	dates[2] = m.item_date;
	dates[3] = m.time_dt;
	a->published = first_date(dates, 4);
	meta_release(&m);
	cc_article_hash(a);
	return CC_OK;
}
