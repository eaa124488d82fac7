/*
 * review.c - the editorial review file (see review.h).
 *
 * The file is edited by people and by `claimcheck review`, and kept in
 * version control next to the rule packs, so a tool edit must look like a
 * careful human edit: the entry for one id is added or replaced and every
 * other line, comment and blank line stays byte for byte.  That is done on
 * lines, guided by where libyaml says each top-level key starts, and the
 * result is parsed again before it replaces the file: an edit the line
 * logic cannot do safely (a flow-style file, say) is refused, never
 * half-done.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <yaml.h>

#include "buf.h"
#include "file.h"
#include "claim.h"
#include "diag.h"
#include "review.h"
#include "xmalloc.h"

#define REVIEW_MAX	((size_t)16 << 20)	/* 16 MiB of decisions */

struct review_entry {
	char		*id;
	char		*status;
	char		*reviewer;
	char		*date;
	char		*note;
	size_t		 line;		/* 0-based line of the key */
	size_t		 key_end;	/* byte offset just after the key */
};

struct cc_review {
	struct review_entry	*v;	/* sorted by id */
	size_t			 n;
};

static void
entry_release(struct review_entry *e)
{
	free(e->id);
	free(e->status);
	free(e->reviewer);
	free(e->date);
	free(e->note);
}

void
cc_review_free(struct cc_review *rv)
{
	size_t	i;

	if (rv == NULL)
		return;
	for (i = 0; i < rv->n; i++)
		entry_release(&rv->v[i]);
	free(rv->v);
	free(rv);
}

/* Read path whole; CC_ENOTFOUND if it does not exist. */
static int
read_all(const char *path, char **data, size_t *len, struct cc_diag *d)
{
	struct cc_buf	 b = CC_BUF_INIT;
	char		 chunk[8192];
	FILE		*fp;
	size_t		 n;
	int		 rc = CC_OK;

	*data = NULL;
	*len = 0;
	if ((fp = fopen(path, "rb")) == NULL) {
		if (errno == ENOENT)
			return CC_ENOTFOUND;
		cc_diag_set(d, path, 0, 0, "cannot read: %s", strerror(errno));
		return CC_EIO;
	}
	cc_buf_init(&b, REVIEW_MAX);
	while (rc == CC_OK && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		rc = cc_buf_add(&b, chunk, n);
	if (rc == CC_ETOOBIG)
		cc_diag_set(d, path, 0, 0, "review file larger than %zu bytes",
		    REVIEW_MAX);
	else if (ferror(fp)) {
		cc_diag_set(d, path, 0, 0, "cannot read: %s", strerror(errno));
		rc = CC_EIO;
	}
	fclose(fp);
	if (rc != CC_OK) {
		cc_buf_release(&b);
		return rc;
	}
	*data = cc_buf_detach(&b, len);
	return CC_OK;
}

static void node_error(struct cc_diag *, const char *, const yaml_node_t *,
    const char *, ...) __attribute__((format(printf, 4, 5)));

static void
node_error(struct cc_diag *d, const char *path, const yaml_node_t *n,
    const char *fmt, ...)
{
	char	msg[sizeof d->msg];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cc_diag_set(d, path, (unsigned)n->start_mark.line + 1,
	    (unsigned)n->start_mark.column + 1, "%s", msg);
}

static char *
scalar(const yaml_node_t *n)
{
	return xstrndup((const char *)n->data.scalar.value,
	    n->data.scalar.length);
}

/* A plain empty, "~" or "null" scalar: YAML's null. */
static int
is_null(const yaml_node_t *n)
{
	const char	*v = (const char *)n->data.scalar.value;

	return n->type == YAML_SCALAR_NODE &&
	    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (n->data.scalar.length == 0 || strcmp(v, "~") == 0 ||
	    strcmp(v, "null") == 0 || strcmp(v, "Null") == 0 ||
	    strcmp(v, "NULL") == 0);
}

/* Fill e from the mapping node m (one id's decision). */
static int
parse_entry(const char *path, yaml_document_t *doc, yaml_node_t *m,
    struct review_entry *e, struct cc_diag *d)
{
	yaml_node_pair_t	*p;
	yaml_node_t		*k, *v, *st = m;
	char			**field;
	const char		*name;

	if (m->type != YAML_MAPPING_NODE) {
		node_error(d, path, m, "the decision for %s must be a mapping "
		    "with status, reviewer, date and note", e->id);
		return CC_EFORMAT;
	}
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
	    p++) {
		k = yaml_document_get_node(doc, p->key);
		v = yaml_document_get_node(doc, p->value);
		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE) {
			node_error(d, path, k ? k : m, "expected a field name");
			return CC_EFORMAT;
		}
		name = (const char *)k->data.scalar.value;
		if (strcmp(name, "status") == 0)
			field = &e->status;
		else if (strcmp(name, "reviewer") == 0)
			field = &e->reviewer;
		else if (strcmp(name, "date") == 0)
			field = &e->date;
		else if (strcmp(name, "note") == 0)
			field = &e->note;
		else {
			/* A typo ("stauts") must not quietly undo a review. */
			node_error(d, path, k, "unknown field \"%s\" (expected "
			    "status, reviewer, date or note)", name);
			return CC_EFORMAT;
		}
		if (*field != NULL) {
			node_error(d, path, k, "field \"%s\" given twice", name);
			return CC_EFORMAT;
		}
		if (v->type != YAML_SCALAR_NODE) {
			node_error(d, path, v, "field \"%s\" must be a single "
			    "value", name);
			return CC_EFORMAT;
		}
		if (!is_null(v))
			*field = scalar(v);
		if (field == &e->status)
			st = v;
	}
	if (e->status == NULL) {
		node_error(d, path, m, "the decision for %s has no status "
		    "(accepted or dismissed)", e->id);
		return CC_EFORMAT;
	}
	if (strcmp(e->status, "accepted") != 0 &&
	    strcmp(e->status, "dismissed") != 0) {
		node_error(d, path, st, "status must be accepted or dismissed, "
		    "not \"%s\"", e->status);
		return CC_EFORMAT;
	}
	return CC_OK;
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct review_entry	*x = a, *y = b;
	int				 r = strcmp(x->id, y->id);

	if (r != 0)
		return r;
	return (x->line > y->line) - (x->line < y->line);
}

/* Parse data (the contents of path) into rv. */
static int
review_parse(const char *path, const char *data, size_t len,
    struct cc_review *rv, struct cc_diag *d)
{
	yaml_parser_t		 parser;
	yaml_document_t		 doc, more;
	yaml_node_t		*root, *k, *v;
	yaml_node_pair_t	*p;
	struct review_entry	*e;
	size_t			 i;
	int			 rc = CC_OK, have_doc = 0;

	if (!yaml_parser_initialize(&parser)) {
		cc_diag_set(d, path, 0, 0, "cannot start the YAML parser");
		return CC_EINTERNAL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data,
	    len);
	if (!yaml_parser_load(&parser, &doc))
		goto yaml_error;
	have_doc = 1;
	if ((root = yaml_document_get_root_node(&doc)) == NULL ||
	    is_null(root))
		goto more_docs;
	if (root->type != YAML_MAPPING_NODE) {
		node_error(d, path, root, "the review file must map finding "
		    "ids to decisions");
		rc = CC_EFORMAT;
		goto out;
	}
	for (p = root->data.mapping.pairs.start;
	    p < root->data.mapping.pairs.top; p++) {
		k = yaml_document_get_node(&doc, p->key);
		v = yaml_document_get_node(&doc, p->value);
		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE ||
		    k->data.scalar.length == 0) {
			node_error(d, path, k ? k : root, "expected a finding id");
			rc = CC_EFORMAT;
			goto out;
		}
		rv->v = xreallocarray(rv->v, rv->n + 1, sizeof *rv->v);
		e = &rv->v[rv->n++];
		memset(e, 0, sizeof *e);
		e->id = scalar(k);
		e->line = k->start_mark.line;
		e->key_end = k->end_mark.index;
		if ((rc = parse_entry(path, &doc, v, e, d)) != CC_OK)
			goto out;
	}
	if (rv->n > 0)
		qsort(rv->v, rv->n, sizeof *rv->v, cmp_entry);
	for (i = 1; i < rv->n; i++)
		if (strcmp(rv->v[i].id, rv->v[i - 1].id) == 0) {
			cc_diag_set(d, path, (unsigned)rv->v[i].line + 1, 1,
			    "%s is reviewed twice (first on line %zu)",
			    rv->v[i].id, rv->v[i - 1].line + 1);
			rc = CC_EFORMAT;
			goto out;
		}
more_docs:
	/* One document only: a second one would be silently ignored. */
	if (!yaml_parser_load(&parser, &more))
		goto yaml_error;
	root = yaml_document_get_root_node(&more);
	if (root != NULL) {
		node_error(d, path, root, "only one YAML document is allowed");
		rc = CC_EFORMAT;
	}
	yaml_document_delete(&more);
	goto out;

yaml_error:
	cc_diag_set(d, path, (unsigned)parser.problem_mark.line + 1,
	    (unsigned)parser.problem_mark.column + 1, "%s%s%s",
	    parser.context ? parser.context : "",
	    parser.context ? ": " : "",
	    parser.problem ? parser.problem : "invalid YAML");
	rc = CC_EFORMAT;
out:
	if (have_doc)
		yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return rc;
}

int
cc_review_load(const char *path, struct cc_review **out, struct cc_diag *d)
{
	struct cc_review	*rv = xcalloc(1, sizeof *rv);
	char			*data;
	size_t			 len;
	int			 rc;

	*out = NULL;
	rc = read_all(path, &data, &len, d);
	if (rc == CC_ENOTFOUND) {
		*out = rv;	/* nothing reviewed yet */
		return CC_OK;
	}
	if (rc == CC_OK)
		rc = review_parse(path, data, len, rv, d);
	free(data);
	if (rc != CC_OK) {
		cc_review_free(rv);
		return rc;
	}
	*out = rv;
	return CC_OK;
}

static const struct review_entry *
review_find(const struct cc_review *rv, const char *id)
{
	size_t	lo = 0, hi, mid;
	int	c;

	if (rv == NULL || id == NULL)
		return NULL;
	hi = rv->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(id, rv->v[mid].id);
		if (c == 0)
			return &rv->v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *
cc_review_status(const struct cc_review *rv, const char *id)
{
	const struct review_entry	*e = review_find(rv, id);

	return e != NULL ? e->status : NULL;
}

int
cc_review_get(const struct cc_review *rv, const char *id,
    const char **status, const char **reviewer, const char **date,
    const char **note)
{
	const struct review_entry	*e = review_find(rv, id);

	if (status != NULL)
		*status = e != NULL ? e->status : NULL;
	if (reviewer != NULL)
		*reviewer = e != NULL ? e->reviewer : NULL;
	if (date != NULL)
		*date = e != NULL ? e->date : NULL;
	if (note != NULL)
		*note = e != NULL ? e->note : NULL;
	return e != NULL;
}

size_t
cc_review_count(const struct cc_review *rv)
{
	return rv != NULL ? rv->n : 0;
}

void
cc_review_apply(const struct cc_review *rv, struct cc_findings *fs)
{
	const char	*st;
	size_t		 i;

	for (i = 0; i < fs->n; i++) {
		st = cc_review_status(rv, fs->v[i].id);
		free(fs->v[i].status);
		fs->v[i].status = xstrdup(st != NULL ? st : "new");
	}
}

/* Writing. */


/*
 * A YAML double-quoted scalar for any text: quotes and backslashes
 * escaped, controls as \n \t \r or \xNN, and characters YAML does not
 * allow raw or that would hide in a diff (C1 controls, line separators,
 * BOM, bidi controls) as \uXXXX; invalid UTF-8 becomes \uFFFD.
 */
static void
yaml_quote(struct cc_buf *b, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = strlen(s), i, k;
	uint32_t		 c;

	cc_buf_addc(b, '"');
	for (i = 0; i < n; i += k) {
		if ((k = cc_utf8_decode(p + i, n - i, &c)) == 0) {
			cc_buf_adds(b, "\\uFFFD");
			k = 1;
			continue;
		}
		switch (c) {
		case '"':	cc_buf_adds(b, "\\\""); continue;
		case '\\':	cc_buf_adds(b, "\\\\"); continue;
		case '\n':	cc_buf_adds(b, "\\n"); continue;
		case '\t':	cc_buf_adds(b, "\\t"); continue;
		case '\r':	cc_buf_adds(b, "\\r"); continue;
		}
		if (c < 0x20 || c == 0x7f)
			cc_buf_printf(b, "\\x%02X", (unsigned)c);
		else if ((c >= 0x80 && c <= 0x9f) || c == 0x2028 ||
		    c == 0x2029 || c == 0xfeff || c == 0xfffe || c == 0xffff ||
		    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
			cc_buf_printf(b, "\\u%04X", (unsigned)c);
		else
			cc_buf_add(b, s + i, k);
	}
	cc_buf_addc(b, '"');
}

/* Words a YAML 1.1 reader would not take as a string when plain. */
static int
yaml_special(const char *s)
{
	static const char *const words[] = {
		"y", "n", "yes", "no", "on", "off", "true", "false", "null"
	};
	size_t	i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	return 0;
}

/* A plain scalar when it is plainly a string, else a quoted one. */
static void
yaml_scalar(struct cc_buf *b, const char *s)
{
	const char	*p;
	int		 plain = (s[0] >= 'a' && s[0] <= 'z') ||
			    (s[0] >= 'A' && s[0] <= 'Z');

	for (p = s; plain && *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
		    *p == '-' || *p == '@'))
			plain = 0;
	if (plain && !yaml_special(s))
		cc_buf_adds(b, s);
	else
		yaml_quote(b, s);
}

/* A date written as YYYY-MM-DD stays plain, like the example above. */
static int
is_iso_date(const char *s)
{
	int	i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return 0;
	return s[10] == '\0';
}

struct line {
	size_t	start;
	size_t	len;	/* with the newline, if any */
};

static size_t
split_lines(const char *data, size_t len, struct line **out)
{
	struct line	*v = NULL;
	size_t		 n = 0, pos = 0;
	const char	*nl;

	while (pos < len) {
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n].start = pos;
		nl = memchr(data + pos, '\n', len - pos);
		v[n].len = nl != NULL ? (size_t)(nl - data) + 1 - pos :
		    len - pos;
		pos += v[n++].len;
	}
	*out = v;
	return n;
}

static int
line_blank(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\n')
			return 0;
	return 1;
}

static int
line_comment(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	return i < n && s[i] == '#';
}

/* Write data to path through a temporary file in the same directory;
 * the decision log is worth an fsync: it is not regenerated. */
static int
write_atomic(const char *path, const struct cc_buf *b, mode_t mode,
    struct cc_diag *d)
{
	return cc_file_write_atomic(path, b->data, b->len, mode,
	    CC_FILE_SYNC, d);
}

static int
nstrcmp_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Did the edit come out as intended?  The new text must parse, hold the
 * decision just recorded, and keep every other entry. */
static int
verify(const char *path, const struct cc_buf *b, size_t nold, int replaced,
    const char *id, const char *status, const char *reviewer,
    const char *date, const char *note, struct cc_diag *d)
{
	struct cc_review		 rv = { NULL, 0 };
	const struct review_entry	*e;
	struct cc_diag			 d2;
	int				 ok;

	cc_diag_clear(&d2);
	ok = review_parse(path, b->data, b->len, &rv, &d2) == CC_OK;
	ok = ok && rv.n == nold + (replaced ? 0 : 1);
	ok = ok && (e = review_find(&rv, id)) != NULL &&
	    nstrcmp_eq(e->status, status) && nstrcmp_eq(e->reviewer,
	    reviewer) && nstrcmp_eq(e->date, date) &&
	    nstrcmp_eq(e->note, note);
	while (rv.n > 0)
		entry_release(&rv.v[--rv.n]);
	free(rv.v);
	if (!ok) {
		cc_diag_set(d, path, 0, 0, "cannot add the decision for %s "
		    "without rewriting the file (is it in flow style?); "
		    "edit it by hand", id);
		return CC_EFORMAT;
	}
	return CC_OK;
}

/* The lines of one decision, indented under its key line. */
static void
add_fields(struct cc_buf *b, const char *status, const char *reviewer,
    const char *date, const char *note)
{
	cc_buf_printf(b, "  status: %s\n", status);
	if (reviewer != NULL) {
		cc_buf_adds(b, "  reviewer: ");
		yaml_scalar(b, reviewer);
		cc_buf_addc(b, '\n');
	}
	if (date != NULL) {
		cc_buf_adds(b, "  date: ");
		if (is_iso_date(date))
			cc_buf_adds(b, date);
		else
			yaml_quote(b, date);
		cc_buf_addc(b, '\n');
	}
	if (note != NULL) {
		cc_buf_adds(b, "  note: ");
		yaml_quote(b, note);
		cc_buf_addc(b, '\n');
	}
}

/*
 * Replace the entry whose key is on line k (0-based) with the new fields.
 * The entry runs from its key line to its last indented line before the
 * next top-level key (or the end): comment and blank lines after that
 * belong to what follows.  Comment lines inside the entry are kept, just
 * under the key line; the key line itself is kept when nothing but a
 * comment follows its colon.
 */
static void
replace_entry(struct cc_buf *b, const char *data, const struct line *ln,
    size_t nl, size_t k, size_t next, size_t key_end, const char *id,
    const char *status, const char *reviewer, const char *date,
    const char *note)
{
	const char	*kl = data + ln[k].start, *p;
	size_t		 i, last = k, klen = ln[k].len;

	for (i = k + 1; i < next && i < nl; i++)
		if (!line_blank(data + ln[i].start, ln[i].len) &&
		    (data[ln[i].start] == ' ' || data[ln[i].start] == '\t'))
			last = i;
	for (i = 0; i < k; i++)
		cc_buf_add(b, data + ln[i].start, ln[i].len);
	/* After the key: spaces, ':', then only a comment or nothing? */
	p = data + key_end;
	while (p < kl + klen && (*p == ' ' || *p == '\t'))
		p++;
	if (p < kl + klen && *p == ':' && (line_blank(p + 1,
	    (size_t)(kl + klen - p - 1)) || line_comment(p + 1,
	    (size_t)(kl + klen - p - 1)))) {
		cc_buf_add(b, kl, klen);
		if (kl[klen - 1] != '\n')
			cc_buf_addc(b, '\n');
	} else {
		yaml_scalar(b, id);
		cc_buf_adds(b, ":\n");
	}
	for (i = k + 1; i <= last; i++)
		if (line_comment(data + ln[i].start, ln[i].len)) {
			cc_buf_add(b, data + ln[i].start, ln[i].len);
			if (data[ln[i].start + ln[i].len - 1] != '\n')
				cc_buf_addc(b, '\n');
		}
	add_fields(b, status, reviewer, date, note);
	for (i = last + 1; i < nl; i++)
		cc_buf_add(b, data + ln[i].start, ln[i].len);
}

static int
id_ok(const char *id)
{
	const unsigned char	*p;

	if (id == NULL || *id == '\0' || strlen(id) > 256)
		return 0;
	for (p = (const unsigned char *)id; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

int
cc_review_record(const char *path, const char *id, const char *status,
    const char *reviewer, const char *date, const char *note,
    struct cc_diag *d)
{
	struct cc_review		 rv = { NULL, 0 };
	const struct review_entry	*e;
	struct cc_buf			 b = CC_BUF_INIT;
	struct line			*ln = NULL;
	struct stat			 st;
	char				*data = NULL, *real = NULL;
	size_t				 len = 0, nl, i, next;
	mode_t				 mode = 0644;
	int				 rc, exists;

	if (!id_ok(id)) {
		cc_diag_set(d, NULL, 0, 0, "review: invalid finding id");
		return CC_EINVAL;
	}
	if (status == NULL || (strcmp(status, "accepted") != 0 &&
	    strcmp(status, "dismissed") != 0)) {
		cc_diag_set(d, NULL, 0, 0, "review: status must be accepted "
		    "or dismissed");
		return CC_EINVAL;
	}
	/* Edit the file a symlink points to rather than replacing the
	 * link with a copy. */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    (real = realpath(path, NULL)) != NULL)
		path = real;
	rc = read_all(path, &data, &len, d);
	exists = rc != CC_ENOTFOUND;
	if (rc != CC_OK && exists)
		goto out;
	/* Never rewrite a file we cannot read correctly. */
	if (exists && (rc = review_parse(path, data, len, &rv, d)) != CC_OK)
		goto out;
	if (exists && stat(path, &st) == 0)
		mode = st.st_mode & 07777;

	cc_buf_init(&b, 0);
	nl = split_lines(data ? data : "", len, &ln);
	if ((e = review_find(&rv, id)) != NULL) {
		next = nl;
		for (i = 0; i < rv.n; i++)
			if (rv.v[i].line > e->line && rv.v[i].line < next)
				next = rv.v[i].line;
		replace_entry(&b, data, ln, nl, e->line, next, e->key_end, id,
		    status, reviewer, date, note);
	} else {
		if (!exists)
			cc_buf_adds(&b, "# claimcheck review file: finding id "
			    "-> editorial decision (see claimcheck(1)).\n");
		cc_buf_add(&b, data ? data : "", len);
		if (len > 0 && data[len - 1] != '\n')
			cc_buf_addc(&b, '\n');
		yaml_scalar(&b, id);
		cc_buf_adds(&b, ":\n");
		add_fields(&b, status, reviewer, date, note);
	}
	if ((rc = verify(path, &b, rv.n, e != NULL, id, status, reviewer,
	    date, note, d)) == CC_OK)
		rc = write_atomic(path, &b, mode, d);
out:
	while (rv.n > 0)
		entry_release(&rv.v[--rv.n]);
	free(rv.v);
	free(ln);
	cc_buf_release(&b);
	free(data);
	free(real);
	return rc;
}
