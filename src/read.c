/*
 * read.c - the plain-text Reader: articles from .txt files, with optional
 * YAML front matter, and the walk over files and directories that hands
 * them to the pipeline (see article.h).
 *
 * Input is untrusted: every file is size-capped and checked (UTF-8, NUL
 * bytes, empty) before anything else sees it, and a bad file is reported
 * with its line and column and skipped, never fatal to the walk.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <yaml.h>

#include "article.h"
#include "buf.h"
#include "text.h"
#include "xmalloc.h"

/* Directories deeper than this are not walked (a loop through bind
 * mounts, or a mistake). */
#define WALK_DEPTH	64

static const char	STDIN_NAME[] = "<stdin>";

void
cc_article_init(struct cc_article *a)
{
	memset(a, 0, sizeof *a);
}

void
cc_article_release(struct cc_article *a)
{
	if (a == NULL)
		return;
	free(a->name);
	free(a->path);
	free(a->format);
	free(a->outlet);
	free(a->outlet_basis);
	free(a->url);
	free(a->published);
	free(a->title);
	free(a->author);
	free(a->text);
	free(a->date);
	free(a->date_min);
	free(a->date_max);
	free(a->date_basis);
	free(a->warn);
	cc_article_init(a);
}

/* What diagnostics call the file. */
static const char *
display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? STDIN_NAME : path;
}

/* Base name without its last extension ("dir/a.b.txt" gives "a.b"). */
char *
cc_read_name(const char *path)
{
	const char	*b, *p, *dot;
	size_t		 n;

	if (strcmp(path, "-") == 0)
		return xstrdup("stdin");
	n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	for (b = path + n; b > path && b[-1] != '/'; b--)
		;
	dot = NULL;
	for (p = b + 1; p < path + n; p++)
		if (*p == '.')
			dot = p;
	return xstrndup(b, (size_t)((dot != NULL ? dot : path + n) - b));
}

/* 1-based line and column (in characters) of byte off in data. */
static void
line_col(const char *data, size_t off, unsigned *line, unsigned *col)
{
	size_t	i, ls = 0;
	unsigned l = 1, c = 1;

	for (i = 0; i < off; i++)
		if (data[i] == '\n') {
			l++;
			ls = i + 1;
		}
	for (i = ls; i < off; i++)
		if (((unsigned char)data[i] & 0xc0) != 0x80)
			c++;
	*line = l;
	*col = c;
}

/* Length of the line at p (up to end), not counting "\n" or "\r\n";
 * *next is where the following line starts. */
static size_t
line_at(const char *p, const char *end, const char **next)
{
	const char	*nl = memchr(p, '\n', (size_t)(end - p));
	size_t		 n;

	if (nl == NULL) {
		*next = end;
		n = (size_t)(end - p);
	} else {
		*next = nl + 1;
		n = (size_t)(nl - p);
	}
	if (n > 0 && p[n - 1] == '\r')
		n--;
	return n;
}

/* Is p[0..n) the delimiter s ("---"), perhaps with trailing blanks? */
static int
is_delim(const char *p, size_t n, const char *s)
{
	size_t	k = strlen(s);

	if (n < k || memcmp(p, s, k) != 0)
		return 0;
	for (; k < n; k++)
		if (p[k] != ' ' && p[k] != '\t')
			return 0;
	return 1;
}

/*
 * Dates.
 */

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

static int
days_in_month(int y, int m)
{
	static const int	dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

static int
ndigits(const char *s, int n, int *v)
{
	int	i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

/* A month name or its abbreviation ("Oct", "Oct.", "Sept") at *sp. */
static int
month_name(const char **sp)
{
	const char	*s = *sp;
	size_t		 n = 0;
	int		 m;

	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))
		n++;
	if (n < 3)
		return 0;
	for (m = 0; m < 12; m++) {
		if (strncasecmp(s, months[m], n) == 0 &&
		    (months[m][n] == '\0' || n == 3 ||
		    (m == 8 && n == 4))) {
			s += n;
			if (*s == '.' && n < strlen(months[m]))
				s++;
			*sp = s;
			return m + 1;
		}
	}
	return 0;
}

/* The rest of an ISO 8601 timestamp after the date: "T08:00:00Z",
 * " 08:00", "T08:00:00.123+03:00". */
static int
iso_time_ok(const char *s)
{
	int	v;

	if (*s == '\0')
		return 1;
	if (*s != 'T' && *s != 't' && *s != ' ')
		return 0;
	s++;
	if (!ndigits(s, 2, &v) || v > 23 || s[2] != ':' ||
	    !ndigits(s + 3, 2, &v) || v > 59)
		return 0;
	s += 5;
	if (*s == ':') {
		if (!ndigits(s + 1, 2, &v) || v > 60)
			return 0;
		s += 3;
		if (*s == '.' || *s == ',') {
			s++;
			if (*s < '0' || *s > '9')
				return 0;
			while (*s >= '0' && *s <= '9')
				s++;
		}
	}
	if (*s == ' ')
		s++;
	if (*s == 'Z' || *s == 'z')
		return s[1] == '\0';
	if (*s == '+' || *s == '-') {
		if (!ndigits(s + 1, 2, &v) || v > 14)
			return 0;
		s += 3;
		if (*s == ':')
			s++;
		if (*s == '\0')
			return 1;
		return ndigits(s, 2, &v) && v <= 59 && s[2] == '\0';
	}
	return *s == '\0';
}

/*
 * Normalize a publication date to YYYY-MM-DD: ISO 8601 dates and
 * timestamps (the date as written, not moved to UTC: the local date is the
 * one an article's "on Monday" counts from), "October 30, 2022",
 * "30 October 2022", "Oct. 30, 2022".  Returns 0, or -1 for anything else.
 */
int
cc_read_date(const char *s, char out[32])
{
	int	y, m = 0, d = 0;

	while (*s == ' ')
		s++;
	if (ndigits(s, 4, &y) && s[4] == '-') {
		if (!ndigits(s + 5, 2, &m) || s[7] != '-' ||
		    !ndigits(s + 8, 2, &d) || !iso_time_ok(s + 10))
			return -1;
	} else if ((m = month_name(&s)) != 0) {
		/* "October 30, 2022" */
		while (*s == ' ')
			s++;
		if (*s < '0' || *s > '9')
			return -1;
		d = *s++ - '0';
		if (*s >= '0' && *s <= '9')
			d = d * 10 + (*s++ - '0');
		if (*s == ',')
			s++;
		while (*s == ' ')
			s++;
		if (!ndigits(s, 4, &y) || s[4] != '\0')
			return -1;
	} else if (s[0] >= '0' && s[0] <= '9') {
		/* "30 October 2022" */
		d = s[0] - '0';
		s++;
		if (*s >= '0' && *s <= '9')
			d = d * 10 + (*s++ - '0');
		if (*s != ' ')
			return -1;
		while (*s == ' ')
			s++;
		if ((m = month_name(&s)) == 0)
			return -1;
		if (*s == ',')
			s++;
		while (*s == ' ')
			s++;
		if (!ndigits(s, 4, &y) || s[4] != '\0')
			return -1;
	} else
		return -1;
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return -1;
	snprintf(out, 32, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/*
 * Front matter.
 */

/* Report a YAML problem at its position in the whole file: the front
 * matter text starts at line first_line. */
static void
yaml_fail(struct cc_diag *d, const char *file, unsigned first_line,
    const yaml_parser_t *p)
{
	const yaml_mark_t	*mk = &p->problem_mark;
	const char		*problem = p->problem ? p->problem :
				    "invalid YAML";

	/* libyaml's context ("while scanning a quoted scalar") has its own
	 * position, often where the trouble began: say both. */
	if (p->context != NULL)
		cc_diag_set(d, file, first_line + (unsigned)mk->line,
		    (unsigned)mk->column + 1, "front matter: %s %s that "
		    "starts at line %u, column %u", problem, p->context,
		    first_line + (unsigned)p->context_mark.line,
		    (unsigned)p->context_mark.column + 1);
	else
		cc_diag_set(d, file, first_line + (unsigned)mk->line,
		    (unsigned)mk->column + 1, "front matter: %s", problem);
}

static char *
trimmed_dup(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == 0 ? NULL : xstrndup(s, n);
}

/* The value of a front matter key as a string: a scalar, or for author a
 * list of names joined with ", ".  NULL for an empty value. */
static int
node_value(yaml_document_t *doc, yaml_node_t *v, int list_ok, char **out)
{
	yaml_node_item_t	*it;
	yaml_node_t		*n;
	struct cc_buf		 b = CC_BUF_INIT;

	*out = NULL;
	if (v->type == YAML_SCALAR_NODE) {
		/* A plain "~" or "null" is YAML's null: no value. */
		if (v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		    (strcmp((char *)v->data.scalar.value, "~") == 0 ||
		    strcmp((char *)v->data.scalar.value, "null") == 0))
			return 0;
		*out = trimmed_dup((char *)v->data.scalar.value,
		    v->data.scalar.length);
		return 0;
	}
	if (v->type != YAML_SEQUENCE_NODE || !list_ok)
		return -1;
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++) {
		n = yaml_document_get_node(doc, *it);
		if (n == NULL || n->type != YAML_SCALAR_NODE) {
			cc_buf_release(&b);
			return -1;
		}
		if (b.len > 0)
			cc_buf_adds(&b, ", ");
		cc_buf_add(&b, n->data.scalar.value, n->data.scalar.length);
	}
	*out = b.len > 0 ? cc_buf_detach(&b, NULL) : NULL;
	cc_buf_release(&b);
	return 0;
}

/*
 * Parse the front matter text fm[0..n), which starts on line first_line
 * of file, into a.
 */
static int
parse_front_matter(const char *file, const char *fm, size_t n,
    unsigned first_line, struct cc_article *a, struct cc_diag *d)
{
	yaml_parser_t		 parser;
	yaml_document_t		 doc;
	yaml_node_t		*root, *k, *v;
	yaml_node_pair_t	*pair;
	const char		*key;
	char			*val, date[32], **slot;
	int			 rc = CC_EFORMAT;

	if (!yaml_parser_initialize(&parser)) {
		cc_diag_set(d, file, 0, 0, "cannot initialize YAML parser");
		return CC_EINTERNAL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)fm, n);
	if (!yaml_parser_load(&parser, &doc)) {
		yaml_fail(d, file, first_line, &parser);
		yaml_parser_delete(&parser);
		return CC_EFORMAT;
	}
	root = yaml_document_get_root_node(&doc);
	if (root == NULL || (root->type == YAML_SCALAR_NODE &&
	    root->data.scalar.length == 0)) {
		rc = CC_OK;	/* "---\n---\n": empty front matter */
		goto out;
	}
	if (root->type != YAML_MAPPING_NODE) {
		cc_diag_set(d, file,
		    first_line + (unsigned)root->start_mark.line,
		    (unsigned)root->start_mark.column + 1,
		    "front matter: expected 'key: value' lines");
		goto out;
	}
	for (pair = root->data.mapping.pairs.start;
	    pair < root->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(&doc, pair->key);
		v = yaml_document_get_node(&doc, pair->value);
		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE)
			continue;
		key = (const char *)k->data.scalar.value;
		if (strcmp(key, "outlet") == 0)
			slot = &a->outlet;
		else if (strcmp(key, "url") == 0)
			slot = &a->url;
		else if (strcmp(key, "published") == 0)
			slot = &a->published;
		else if (strcmp(key, "title") == 0)
			slot = &a->title;
		else if (strcmp(key, "author") == 0)
			slot = &a->author;
		else
			continue;	/* other tools' keys: not ours */
		if (node_value(&doc, v, slot == &a->author, &val) != 0) {
			cc_diag_set(d, file,
			    first_line + (unsigned)v->start_mark.line,
			    (unsigned)v->start_mark.column + 1,
			    "front matter: '%s' must be %s", key,
			    slot == &a->author ? "a name or a list of names" :
			    "a single value");
			goto out;
		}
		if (val != NULL && slot == &a->published) {
			if (cc_read_date(val, date) != 0) {
				cc_diag_set(d, file,
				    first_line + (unsigned)v->start_mark.line,
				    (unsigned)v->start_mark.column + 1,
				    "front matter: published: '%s' is not a "
				    "date (expected YYYY-MM-DD)", val);
				free(val);
				goto out;
			}
			free(val);
			val = xstrdup(date);
		}
		free(*slot);	/* a repeated key: the last one wins */
		*slot = val;
	}
	if (a->outlet != NULL)
		a->outlet_basis = xstrdup("front matter");
	rc = CC_OK;
out:
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return rc;
}

/* Hash of the body and the metadata: each field with its name, a
 * missing one distinct from an empty one. */
void
cc_article_hash(struct cc_article *a)
{
	struct cc_hasher	*h = cc_hasher_new();
	const char		*names[] = { "outlet", "url", "published",
				    "title", "author" };
	const char		*vals[5];
	size_t			 i;

	vals[0] = a->outlet;
	vals[1] = a->url;
	vals[2] = a->published;
	vals[3] = a->title;
	vals[4] = a->author;
	for (i = 0; i < 5; i++) {
		cc_hasher_add(h, names[i], strlen(names[i]) + 1);
		if (vals[i] == NULL)
			cc_hasher_add(h, "\1", 1);
		else
			cc_hasher_add(h, vals[i], strlen(vals[i]) + 1);
	}
	cc_hasher_add(h, "text", 5);
	cc_hasher_add(h, a->text, a->len);
	cc_hasher_done(h, a->hash);
}

void
cc_read_import_error(const char *file, const char *data,
    const struct cc_import *im, struct cc_diag *d)
{
	unsigned	line, col;

	if (im->why == CC_UTF8_NUL) {
		line_col(data, im->first_nul, &line, &col);
		cc_diag_set(d, file, line, col,
		    "binary data (NUL or control bytes), not a text "
		    "article");
	} else
		cc_diag_set(d, file, 0, 0, "%s", im->why != NULL ? im->why :
		    "cannot read the text");
}

void
cc_read_import_warning(const char *file, const char *data,
    const struct cc_import *im, struct cc_diag **wp)
{
	struct cc_diag	*w;
	unsigned	 line, col;

	*wp = NULL;
	if (!im->converted && im->nreplaced == 0 && im->nnul == 0)
		return;
	w = *wp = xmalloc(sizeof *w);
	cc_diag_clear(w);
	if (im->converted) {
		line_col(data, im->first_bad, &line, &col);
		cc_diag_set(w, file, line, col, "not UTF-8: read as %s",
		    im->encoding);
	} else if (im->nreplaced > 0) {
		line_col(data, im->first_bad, &line, &col);
		cc_diag_set(w, file, line, col, "invalid UTF-8 (%s): %zu "
		    "sequence%s replaced with U+FFFD%s", im->why,
		    im->nreplaced, im->nreplaced == 1 ? "" : "s",
		    im->nnul > 0 ? ", and NUL bytes too" : "");
	} else if (im->nnul > 0) {
		line_col(data, im->first_nul, &line, &col);
		cc_diag_set(w, file, line, col, "%zu NUL byte%s replaced "
		    "with U+FFFD", im->nnul, im->nnul == 1 ? "" : "s");
	}
}

int
cc_read_buffer(const char *path, const char *data, size_t len,
    struct cc_article *a, struct cc_diag *d)
{
	const char		*file = display_name(path);
	const char		*end, *p, *next, *body, *fm;
	struct cc_import	 im;
	size_t			 n;
	int			 rc;

	cc_article_init(a);
	if (len == 0) {
		cc_diag_set(d, file, 0, 0, "empty file");
		return CC_EFORMAT;
	}
	if (cc_utf8_import(data, len, NULL, &im) != CC_OK) {
		cc_read_import_error(file, data, &im, d);
		return CC_EFORMAT;
	}
	cc_read_import_warning(file, data, &im, &a->warn);
	data = im.s;
	len = im.len;
	end = data + len;

	/* Front matter: "---" on the very first line, up to the next "---"
	 * (or YAML's "...") line. */
	body = data;
	n = line_at(data, end, &fm);
	if (is_delim(data, n, "---")) {
		for (p = fm; p < end; p = next) {
			n = line_at(p, end, &next);
			if (is_delim(p, n, "---") || is_delim(p, n, "..."))
				break;
		}
		if (p >= end) {
			cc_diag_set(d, file, 1, 1, "front matter not closed: "
			    "no '---' line after the '---' on line 1");
			rc = CC_EFORMAT;
			goto fail;
		}
		rc = parse_front_matter(file, fm, (size_t)(p - fm), 2, a, d);
		if (rc != CC_OK)
			goto fail;
		body = next;
	}
	if (cc_utf8_blank(body, (size_t)(end - body))) {
		cc_diag_set(d, file, 0, 0, "%s", body == data ?
		    "only white space, no article text" :
		    "no article text after the front matter");
		rc = CC_EFORMAT;
		goto fail;
	}
	a->name = cc_read_name(path);
	a->path = xstrdup(path);
	a->format = xstrdup("txt");
	a->len = (size_t)(end - body);
	a->text = xstrndup(body, a->len);
	free(im.s);
	cc_article_hash(a);
	return CC_OK;
fail:
	free(im.s);
	cc_article_release(a);
	return rc;
}

/*
 * Files.
 */

/* Does path end in ext (".html"), in any case? */
static int
has_ext(const char *path, const char *ext)
{
	size_t	n = strlen(path), k = strlen(ext);

	return n > k && strcasecmp(path + n - k, ext) == 0;
}

/* Does text read from stdin start like a web page? */
static int
looks_html(const char *s, size_t len)
{
	size_t	i = 0;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
	    s[i] == '\n'))
		i++;
	return len - i >= 5 && (strncasecmp(s + i, "<!doctype html", len -
	    i < 14 ? len - i : 14) == 0 || strncasecmp(s + i, "<html", 5) == 0);
}

static int
read_fd(int fd, const char *file, struct cc_buf *b, struct cc_diag *d)
{
	char	chunk[65536];
	ssize_t	r;

	for (;;) {
		r = read(fd, chunk, sizeof chunk);
		if (r == 0)
			return CC_OK;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			cc_diag_set(d, file, 0, 0, "cannot read: %s",
			    strerror(errno));
			return CC_EIO;
		}
		if (cc_buf_add(b, chunk, (size_t)r) != CC_OK) {
			cc_diag_set(d, file, 0, 0, "file is larger than the "
			    "%zu MiB limit for one article",
			    CC_ARTICLE_MAX >> 20);
			return CC_ETOOBIG;
		}
	}
}

int
cc_read_file(const char *path, struct cc_article *a, struct cc_diag *d)
{
	const char	*file = display_name(path);
	struct cc_buf	 b;
	struct stat	 st;
	int		 fd, rc;

	cc_article_init(a);
	cc_diag_clear(d);
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		cc_diag_set(d, file, 0, 0, "cannot open: %s", strerror(errno));
		return CC_EIO;
	}
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			cc_diag_set(d, file, 0, 0, "cannot read: %s",
			    strerror(EISDIR));
			rc = CC_EIO;
			goto out;
		}
		if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size >
		    (uintmax_t)CC_ARTICLE_MAX) {
			cc_diag_set(d, file, 0, 0, "file is larger than the "
			    "%zu MiB limit for one article (%jd bytes)",
			    CC_ARTICLE_MAX >> 20, (intmax_t)st.st_size);
			rc = CC_ETOOBIG;
			goto out;
		}
	}
	cc_buf_init(&b, CC_ARTICLE_MAX);
	rc = read_fd(fd, file, &b, d);
	if (rc == CC_OK && (has_ext(path, ".html") || has_ext(path, ".htm") ||
	    (strcmp(path, "-") == 0 && looks_html(b.data, b.len))))
		rc = cc_htmlread_buffer(path, b.data, b.len, a, d);
	else if (rc == CC_OK)
		rc = cc_read_buffer(path, b.data ? b.data : "", b.len, a, d);
	cc_buf_release(&b);
out:
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

/*
 * Sidecars: "sources.yaml" beside the articles, file name -> metadata.
 */

#define SIDECAR_NAME	"sources.yaml"
#define SIDECAR_MAX	((size_t)16 << 20)

struct side_entry {
	char	*file;
	char	*vals[5];	/* outlet, url, published, title, author */
};

struct sidecar {
	struct side_entry	*v;
	size_t			 n;
};

static const char *const side_keys[5] = {
	"outlet", "url", "published", "title", "author"
};

static void
sidecar_free(struct sidecar *sc)
{
	size_t	i, k;

	if (sc == NULL)
		return;
	for (i = 0; i < sc->n; i++) {
		free(sc->v[i].file);
		for (k = 0; k < 5; k++)
			free(sc->v[i].vals[k]);
	}
	free(sc->v);
	free(sc);
}

static const struct side_entry *
sidecar_find(const struct sidecar *sc, const char *file)
{
	size_t	i;

	if (sc == NULL)
		return NULL;
	for (i = 0; i < sc->n; i++)
		if (strcmp(sc->v[i].file, file) == 0)
			return &sc->v[i];
	return NULL;
}

/* Parse one entry's mapping; 0, or -1 with d set. */
static int
sidecar_entry(const char *file, yaml_document_t *doc, yaml_node_t *map,
    struct side_entry *e, struct cc_diag *d)
{
	yaml_node_pair_t	*pair;
	yaml_node_t		*k, *v;
	char			*val, date[32];
	size_t			 i;

	if (map->type != YAML_MAPPING_NODE) {
		cc_diag_set(d, file, (unsigned)map->start_mark.line + 1,
		    (unsigned)map->start_mark.column + 1, "expected the "
		    "metadata of '%s' as 'key: value' lines", e->file);
		return -1;
	}
	for (pair = map->data.mapping.pairs.start;
	    pair < map->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(doc, pair->key);
		v = yaml_document_get_node(doc, pair->value);
		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE)
			continue;
		for (i = 0; i < 5; i++)
			if (strcmp((char *)k->data.scalar.value,
			    side_keys[i]) == 0)
				break;
		if (i == 5)
			continue;	/* other tools' keys */
		if (node_value(doc, v, i == 4, &val) != 0) {
			cc_diag_set(d, file, (unsigned)v->start_mark.line + 1,
			    (unsigned)v->start_mark.column + 1, "'%s' must be "
			    "%s", side_keys[i], i == 4 ?
			    "a name or a list of names" : "a single value");
			return -1;
		}
		if (val != NULL && i == 2) {
			if (cc_read_date(val, date) != 0) {
				cc_diag_set(d, file,
				    (unsigned)v->start_mark.line + 1,
				    (unsigned)v->start_mark.column + 1,
				    "published: '%s' is not a date (expected "
				    "YYYY-MM-DD)", val);
				free(val);
				return -1;
			}
			free(val);
			val = xstrdup(date);
		}
		free(e->vals[i]);
		e->vals[i] = val;
	}
	return 0;
}

/*
 * Load dir/sources.yaml if there is one: NULL when there is none; when it
 * is unusable, NULL with d set (the articles are read without it).
 */
static struct sidecar *
sidecar_load(const char *dir, size_t dirlen, struct cc_diag *d)
{
	struct sidecar		*sc = NULL;
	struct cc_buf		 b;
	yaml_parser_t		 parser;
	yaml_document_t		 doc;
	yaml_node_t		*root, *k, *v;
	yaml_node_pair_t	*pair;
	struct side_entry	*e;
	char			*path;
	int			 fd, ok = 0;

	path = xasprintf("%.*s/%s", (int)dirlen, dir, SIDECAR_NAME);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		if (errno != ENOENT)
			cc_diag_set(d, path, 0, 0, "cannot open: %s",
			    strerror(errno));
		free(path);
		return NULL;
	}
	cc_buf_init(&b, SIDECAR_MAX);
	if (read_fd(fd, path, &b, d) != CC_OK) {
		close(fd);
		goto out_buf;
	}
	close(fd);
	if (!yaml_parser_initialize(&parser)) {
		cc_diag_set(d, path, 0, 0, "cannot initialize YAML parser");
		goto out_buf;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)
	    (b.data ? b.data : ""), b.len);
	if (!yaml_parser_load(&parser, &doc)) {
		cc_diag_set(d, path, (unsigned)parser.problem_mark.line + 1,
		    (unsigned)parser.problem_mark.column + 1, "%s",
		    parser.problem ? parser.problem : "invalid YAML");
		yaml_parser_delete(&parser);
		goto out_buf;
	}
	sc = xcalloc(1, sizeof *sc);
	root = yaml_document_get_root_node(&doc);
	if (root == NULL) {
		ok = 1;		/* an empty file: nothing to add */
		goto out_doc;
	}
	if (root->type != YAML_MAPPING_NODE) {
		cc_diag_set(d, path, (unsigned)root->start_mark.line + 1,
		    (unsigned)root->start_mark.column + 1, "expected file "
		    "names, each with its metadata ('a.html:' then indented "
		    "'outlet: ...' lines)");
		goto out_doc;
	}
	for (pair = root->data.mapping.pairs.start;
	    pair < root->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(&doc, pair->key);
		v = yaml_document_get_node(&doc, pair->value);
		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE ||
		    k->data.scalar.length == 0) {
			cc_diag_set(d, path, k ? (unsigned)k->start_mark.line +
			    1 : 0, k ? (unsigned)k->start_mark.column + 1 : 0,
			    "expected a file name");
			goto out_doc;
		}
		sc->v = xreallocarray(sc->v, sc->n + 1, sizeof *sc->v);
		e = &sc->v[sc->n++];
		memset(e, 0, sizeof *e);
		e->file = xstrdup((char *)k->data.scalar.value);
		if (sidecar_entry(path, &doc, v, e, d) != 0)
			goto out_doc;
	}
	ok = 1;
out_doc:
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
out_buf:
	cc_buf_release(&b);
	free(path);
	if (!ok) {
		sidecar_free(sc);
		return NULL;
	}
	return sc;
}

/*
 * Apply a sidecar entry: it fills fields the file left empty, and for an
 * HTML page (whose metadata is the page's word about itself, not the
 * editor's) it overrides them.
 */
static void
sidecar_apply(const struct side_entry *e, struct cc_article *a)
{
	char	**slots[5];
	int	  over = a->format != NULL && strcmp(a->format, "html") == 0;
	size_t	  i;

	slots[0] = &a->outlet;
	slots[1] = &a->url;
	slots[2] = &a->published;
	slots[3] = &a->title;
	slots[4] = &a->author;
	for (i = 0; i < 5; i++) {
		if (e->vals[i] == NULL || (*slots[i] != NULL && !over))
			continue;
		free(*slots[i]);
		*slots[i] = xstrdup(e->vals[i]);
		if (i == 0) {
			free(a->outlet_basis);
			a->outlet_basis = xstrdup("sidecar");
		}
	}
}

/*
 * The walk.
 */

struct walk {
	cc_article_fn	 fn;
	void		*arg;
	cc_diag_fn	 err;
	void		*errarg;
	unsigned	 nbad;
	/* The directories being walked, to stop symlink loops. */
	dev_t		 dev[WALK_DEPTH];
	ino_t		 ino[WALK_DEPTH];
	unsigned	 depth;
};

static void
walk_bad(struct walk *w, const struct cc_diag *d)
{
	w->nbad++;
	if (w->err != NULL)
		w->err(d, w->errarg);
}

static void
walk_errno(struct walk *w, const char *path, const char *what, int e)
{
	struct cc_diag	d;

	cc_diag_clear(&d);
	cc_diag_set(&d, path, 0, 0, "%s: %s", what, strerror(e));
	walk_bad(w, &d);
}

/* Hand one article to fn: the warning its reading left, the sidecar's
 * metadata, then the hash over all of it. */
struct deliver {
	struct walk		*w;
	const struct side_entry	*side;
};

static int
deliver(struct cc_article *a, void *arg)
{
	struct deliver	*dl = arg;

	if (a->warn != NULL && cc_verbosity >= 0)
		cc_diag_print(a->warn, "warning");
	if (dl->side != NULL) {
		sidecar_apply(dl->side, a);
		cc_article_hash(a);
	}
	return dl->w->fn(a, dl->w->arg);
}

static void
jsonl_bad(const struct cc_diag *d, void *arg)
{
	struct walk	*w = arg;

	if (w->err != NULL)
		w->err(d, w->errarg);
}

static int
walk_file(struct walk *w, const char *path, const struct sidecar *sc)
{
	struct cc_article	 a;
	struct cc_diag		 d;
	struct deliver		 dl;
	const char		*slash = strrchr(path, '/');
	unsigned		 nbad = 0;
	int			 rc, fd;

	dl.w = w;
	dl.side = sidecar_find(sc, slash != NULL ? slash + 1 : path);
	cc_diag_clear(&d);
	if (has_ext(path, ".jsonl")) {
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
			walk_errno(w, path, "cannot open", errno);
			return CC_OK;
		}
		rc = cc_jsonl_read(path, fd, deliver, &dl, jsonl_bad, w,
		    &nbad);
		close(fd);
		w->nbad += nbad;
		if (rc == CC_EIO) {
			cc_diag_set(&d, path, 0, 0, "cannot read: %s",
			    strerror(errno));
			walk_bad(w, &d);
			return CC_OK;
		}
		return rc;
	}
	if (cc_read_file(path, &a, &d) != CC_OK) {
		walk_bad(w, &d);
		return CC_OK;
	}
	rc = deliver(&a, &dl);
	cc_article_release(&a);
	return rc;
}

/* Only article files are read inside directories. */
static int
is_article_name(const char *name)
{
	return has_ext(name, ".txt") || has_ext(name, ".html") ||
	    has_ext(name, ".htm") || has_ext(name, ".jsonl");
}

static int
name_cmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static int	walk_path(struct walk *, const char *, int,
		    const struct sidecar *);

/* The sidecar of the directory of path (len bytes of it), reported if it
 * is unusable. */
static struct sidecar *
walk_sidecar(struct walk *w, const char *dir, size_t len)
{
	struct sidecar	*sc;
	struct cc_diag	 d;

	cc_diag_clear(&d);
	sc = sidecar_load(dir, len, &d);
	if (sc == NULL && d.msg[0] != '\0')
		walk_bad(w, &d);
	return sc;
}

static int
walk_dir(struct walk *w, const char *path, const struct stat *st)
{
	DIR		*dir;
	struct dirent	*de;
	struct sidecar	*sc;
	char		**names = NULL, *full;
	size_t		 n = 0, i, plen;
	unsigned	 k;
	int		 rc = CC_OK;

	for (k = 0; k < w->depth; k++)
		if (w->dev[k] == st->st_dev && w->ino[k] == st->st_ino)
			return CC_OK;	/* a symlink back up: been here */
	if (w->depth == WALK_DEPTH) {
		walk_errno(w, path, "cannot walk", ELOOP);
		return CC_OK;
	}
	if ((dir = opendir(path)) == NULL) {
		walk_errno(w, path, "cannot open directory", errno);
		return CC_OK;
	}
	errno = 0;
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;	/* hidden, ".", ".." */
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dir);
	/* Sorted by bytes, not locale: the same order on every machine. */
	if (n > 0)
		qsort(names, n, sizeof *names, name_cmp);
	w->dev[w->depth] = st->st_dev;
	w->ino[w->depth] = st->st_ino;
	w->depth++;
	plen = strlen(path);
	while (plen > 1 && path[plen - 1] == '/')
		plen--;
	sc = walk_sidecar(w, path, plen);
	for (i = 0; i < n; i++) {
		if (rc == CC_OK) {
			full = xasprintf("%.*s/%s", (int)plen, path, names[i]);
			rc = walk_path(w, full, 0, sc);
			free(full);
		}
		free(names[i]);
	}
	sidecar_free(sc);
	free(names);
	w->depth--;
	return rc;
}

/* Walk one path; explicit is 1 for a path the user named (then the
 * sidecar of its directory is loaded here), sc the sidecar of the
 * directory being walked. */
static int
walk_path(struct walk *w, const char *path, int explicit,
    const struct sidecar *sc)
{
	struct stat	 st;
	struct sidecar	*own;
	const char	*slash;
	int		 rc;

	if (explicit && strcmp(path, "-") == 0)
		return walk_file(w, path, NULL);
	if (stat(path, &st) == -1) {
		walk_errno(w, path, "cannot read", errno);
		return CC_OK;
	}
	if (S_ISDIR(st.st_mode))
		return walk_dir(w, path, &st);
	if (!explicit && (!is_article_name(strrchr(path, '/') + 1) ||
	    !S_ISREG(st.st_mode)))
		return CC_OK;	/* not an article: skipped silently */
	if (!explicit)
		return walk_file(w, path, sc);
	slash = strrchr(path, '/');
	own = slash != NULL ? walk_sidecar(w, path, slash == path ? 1 :
	    (size_t)(slash - path)) : walk_sidecar(w, ".", 1);
	rc = walk_file(w, path, own);
	sidecar_free(own);
	return rc;
}

int
cc_read_paths(char *const *paths, size_t npaths, cc_article_fn fn,
    void *arg, cc_diag_fn err, void *errarg, unsigned *nbad)
{
	struct walk	w;
	size_t		i;
	int		rc = CC_OK;

	memset(&w, 0, sizeof w);
	w.fn = fn;
	w.arg = arg;
	w.err = err;
	w.errarg = errarg;
	for (i = 0; i < npaths && rc == CC_OK; i++)
		rc = walk_path(&w, paths[i], 1, NULL);
	if (nbad != NULL)
		*nbad = w.nbad;
	return rc;
}
