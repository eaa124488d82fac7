/*
 * jsonl.c - the JSON Lines Reader: a feed of articles, one JSON object per
 * line (see article.h).
 *
 * Feeds are big and come from scrapers, so the file is streamed: one line
 * is held at a time (capped at CC_ARTICLE_MAX; a longer line is skipped
 * without being kept), and a line that is not a usable record is
 * reported with its line and column and skipped, never fatal to the rest.
 * JSON is parsed by jansson, which is strict (no trailing commas, no
 * comments, valid UTF-8 only) and has its own nesting limit.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "article.h"
#include "buf.h"
#include "text.h"
#include "xmalloc.h"

#define CHUNK		65536
/* A record id is an article's name: short, printable, one path segment. */
#define ID_MAX		200

struct feed {
	const char	*path;
	int		 (*fn)(struct cc_article *, void *);
	void		*arg;
	cc_diag_fn	 err;
	void		*errarg;
	unsigned	 nbad;
};

static void
bad_line(struct feed *f, unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
bad_line(struct feed *f, unsigned line, unsigned col, const char *fmt, ...)
{
	struct cc_diag	d;
	va_list		ap;
	char		msg[sizeof d.msg];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cc_diag_clear(&d);
	cc_diag_set(&d, f->path, line, col, "%s", msg);
	f->nbad++;
	if (f->err != NULL)
		f->err(&d, f->errarg);
}

/* Is s usable as an article name? */
static const char *
id_problem(const char *s)
{
	size_t	n = strlen(s), i;

	if (n == 0)
		return "is empty";
	if (n > ID_MAX)
		return "is longer than 200 bytes";
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f || s[i] == '/' ||
		    s[i] == '\\')
			return "holds a control character or a slash";
	return NULL;
}

/* How opt_string() may find a field besides a string. */
#define OPT_LIST	1	/* a list of strings: an author */
#define OPT_NAMED	2	/* {"name": "Reuters"}: a source */

/* An optional string field (see OPT_*); 0, or -1 when it has another
 * type. */
static int
opt_string(json_t *o, const char *key, int how, char **out)
{
	json_t		*v = json_object_get(o, key), *it;
	struct cc_buf	 b = CC_BUF_INIT;
	size_t		 i;

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if ((how & OPT_NAMED) && json_is_object(v) &&
	    json_is_string(json_object_get(v, "name")))
		v = json_object_get(v, "name");
	if (json_is_string(v)) {
		if (json_string_length(v) > 0)
			*out = xstrdup(json_string_value(v));
		return 0;
	}
	if (!(how & OPT_LIST) || !json_is_array(v))
		return -1;
	json_array_foreach(v, i, it) {
		if (!json_is_string(it)) {
			cc_buf_release(&b);
			return -1;
		}
		if (b.len > 0)
			cc_buf_adds(&b, ", ");
		cc_buf_adds(&b, json_string_value(it));
	}
	*out = b.len > 0 ? cc_buf_detach(&b, NULL) : NULL;
	cc_buf_release(&b);
	return 0;
}

/*
 * The names a field goes by in the feeds scrapers and news APIs write
 * (NewsAPI, JSON-LD NewsArticle, RSS converted to JSON), the SPEC's own
 * first: a record's first field present, by this order, is read.
 */
static const char *const id_keys[] = { "id", "guid", "uuid", NULL };
static const char *const text_keys[] = { "text", "body", "content",
	"articleBody", "article_body", "full_text", NULL };
static const char *const outlet_keys[] = { "outlet", "source",
	"publisher", "site_name", NULL };
static const char *const url_keys[] = { "url", "link", NULL };
static const char *const published_keys[] = { "published", "date",
	"datePublished", "publishedAt", "published_at", "publish_date",
	NULL };
static const char *const title_keys[] = { "title", "headline", NULL };
static const char *const author_keys[] = { "author", "authors", "byline",
	NULL };

/* The first of keys that o has (not null), else keys[0]. */
static const char *
key_of(json_t *o, const char *const *keys)
{
	const char *const	*k;
	json_t			*v;

	for (k = keys; *k != NULL; k++)
		if ((v = json_object_get(o, *k)) != NULL && !json_is_null(v))
			return *k;
	return keys[0];
}

/* One line (NUL-terminated, len bytes, without its newline). */
static int
record(struct feed *f, const char *s, size_t len, unsigned line)
{
	struct cc_article	 a;
	struct cc_import	 im;
	json_error_t		 err;
	json_t			*o, *v;
	const char		*why, *keys[5], *key;
	const char *const	*aliases[] = { outlet_keys, url_keys,
				    published_keys, title_keys, author_keys };
	char			**slots[5], date[32], idbuf[32];
	size_t			 i;
	int			 rc;

	/* Blank lines (a trailing newline, spacing) are not records. */
	for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r');
	    i++)
		;
	if (i == len)
		return CC_OK;
	if ((o = json_loadb(s, len, JSON_REJECT_DUPLICATES, &err)) == NULL) {
		bad_line(f, line, err.column > 0 ? (unsigned)err.column : 1,
		    "not a JSON object: %s", err.text);
		return CC_OK;
	}
	cc_article_init(&a);
	rc = CC_OK;
	if (!json_is_object(o)) {
		bad_line(f, line, 1, "expected a JSON object per line");
		goto out;
	}
	key = key_of(o, id_keys);
	v = json_object_get(o, key);
	if (json_is_integer(v)) {
		snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		a.name = xstrdup(idbuf);
	} else if (json_is_string(v)) {
		if ((why = id_problem(json_string_value(v))) != NULL) {
			bad_line(f, line, 1, "\"%s\" %s", key, why);
			goto out;
		}
		a.name = xstrdup(json_string_value(v));
	} else {
		bad_line(f, line, 1, "record without an \"id\" (a string)");
		goto out;
	}
	v = json_object_get(o, key_of(o, text_keys));
	if (!json_is_string(v)) {
		bad_line(f, line, 1, "record '%s' without a \"text\" (a "
		    "string)", a.name);
		goto out;
	}
	slots[0] = &a.outlet;
	slots[1] = &a.url;
	slots[2] = &a.published;
	slots[3] = &a.title;
	slots[4] = &a.author;
	for (i = 0; i < 5; i++) {
		keys[i] = key_of(o, aliases[i]);
		if (opt_string(o, keys[i], i == 4 ? OPT_LIST : i == 0 ?
		    OPT_NAMED : 0, slots[i]) != 0) {
			bad_line(f, line, 1, "record '%s': \"%s\" must be %s",
			    a.name, keys[i], i == 4 ? "a string or a list of "
			    "strings" : "a string");
			goto out;
		}
	}
	if (a.published != NULL) {
		if (cc_read_date(a.published, date) != 0) {
			bad_line(f, line, 1, "record '%s': %s: '%s' is not a "
			    "date (expected YYYY-MM-DD)", a.name, keys[2],
			    a.published);
			goto out;
		}
		free(a.published);
		a.published = xstrdup(date);
	}
	if (a.outlet != NULL)
		a.outlet_basis = xstrdup("metadata");
	/* jansson checked the UTF-8; this makes line ends and a NUL
	 * ("\u0000") what every reader stores. */
	if (cc_utf8_import(json_string_value(v), json_string_length(v), NULL,
	    &im) != CC_OK || cc_utf8_blank(im.s, im.len)) {
		free(im.s);
		bad_line(f, line, 1, "record '%s' has no article text",
		    a.name);
		goto out;
	}
	if (im.nnul > 0) {
		a.warn = xmalloc(sizeof *a.warn);
		cc_diag_set(a.warn, f->path, line, 1, "record '%s': %zu NUL "
		    "character%s replaced with U+FFFD", a.name, im.nnul,
		    im.nnul == 1 ? "" : "s");
	}
	a.text = im.s;
	a.len = im.len;
	a.path = xstrdup(f->path);
	a.format = xstrdup("jsonl");
	cc_article_hash(&a);
	rc = f->fn(&a, f->arg);
out:
	cc_article_release(&a);
	json_decref(o);
	return rc;
}

int
cc_jsonl_read(const char *path, int fd,
    int (*fn)(struct cc_article *, void *), void *arg,
    cc_diag_fn err, void *errarg, unsigned *nbad)
{
	struct feed	 f;
	struct cc_buf	 line;
	char		*chunk = xmalloc(CHUNK), *p, *nl, *end;
	ssize_t		 r;
	unsigned	 lineno = 1;
	int		 rc = CC_OK, toolong = 0;

	memset(&f, 0, sizeof f);
	f.path = path;
	f.fn = fn;
	f.arg = arg;
	f.err = err;
	f.errarg = errarg;
	cc_buf_init(&line, CC_ARTICLE_MAX);
	for (;;) {
		r = read(fd, chunk, CHUNK);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			rc = CC_EIO;
			break;
		}
		if (r == 0) {
			/* The last line may lack its newline. */
			if (!toolong && line.len > 0)
				rc = record(&f, line.data, line.len, lineno);
			break;
		}
		p = chunk;
		end = chunk + r;
		while (p < end && rc == CC_OK) {
			nl = memchr(p, '\n', (size_t)(end - p));
			if (!toolong && cc_buf_add(&line, p, (size_t)((nl ?
			    nl : end) - p)) != CC_OK) {
				/* Skip the rest of this line unread. */
				toolong = 1;
				bad_line(&f, lineno, 1, "line longer than the "
				    "%zu MiB limit for one article",
				    CC_ARTICLE_MAX >> 20);
				cc_buf_release(&line);
				cc_buf_init(&line, CC_ARTICLE_MAX);
			}
			if (nl == NULL)
				break;
			if (!toolong)
				rc = record(&f, line.data ? line.data : "",
				    line.len, lineno);
			cc_buf_reset(&line);
			toolong = 0;
			lineno++;
			p = nl + 1;
		}
		if (rc != CC_OK)
			break;
	}
	cc_buf_release(&line);
	free(chunk);
	if (nbad != NULL)
		*nbad = f.nbad;
	return rc;
}
