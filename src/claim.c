/*
 * claim.c - claims and findings: vectors, release, and the JSON and TSV
 * shapes that `claimcheck claims` and `claimcheck findings` print.
 *
 * The JSON shapes are a contract (SPEC.md): scripts and our evaluation
 * read them, so key order and null handling are fixed here and nowhere
 * else.  TSV is for spreadsheets and shell pipelines: one header line, one
 * row per record, tab/newline/backslash escaped as \t \n \r \\ so a row is
 * always one line.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "claim.h"
#include "diag.h"
#include "xmalloc.h"

void
cc_claim_strings(struct cc_claim *c, char **f[CC_CLAIM_NSTR])
{
	size_t	i = 0;

	f[i++] = &c->article;
	f[i++] = &c->outlet;
	f[i++] = &c->type;
	f[i++] = &c->subject;
	f[i++] = &c->measure;
	f[i++] = &c->vtext;
	f[i++] = &c->unit;
	f[i++] = &c->time_start;
	f[i++] = &c->time_end;
	f[i++] = &c->granularity;
	f[i++] = &c->basis;
	f[i++] = &c->speaker;
	f[i++] = &c->reported_by;
	f[i++] = &c->polarity;
	f[i++] = &c->text;
	f[i++] = &c->sentence;
	f[i++] = &c->rule;
}

/*
 * A packed claim's block: the length of its strings, then the strings,
 * the first of them the one c->packed names.  Returns the first string
 * (NULL if the claim is not packed) and sets *len.
 */
static char *
block_of(const struct cc_claim *c, char **f[CC_CLAIM_NSTR], size_t *len)
{
	char	*first;

	*len = 0;
	if (c->packed == 0)
		return NULL;
	first = *f[c->packed - 1];
	memcpy(len, first - sizeof *len, sizeof *len);
	return first;
}

/* Is p in the block of strings [b, b + len)? */
static int
in_block(const char *b, size_t len, const char *p)
{
	uintptr_t	a = (uintptr_t)p, s = (uintptr_t)b;

	return b != NULL && a >= s && a < s + len;
}

void
cc_claim_release(struct cc_claim *c)
{
	char	**f[CC_CLAIM_NSTR], *b;
	size_t	  i, len;

	if (c == NULL)
		return;
	cc_claim_strings(c, f);
	b = block_of(c, f, &len);
	for (i = 0; i < CC_CLAIM_NSTR; i++)
		if (!in_block(b, len, *f[i]))
			free(*f[i]);
	if (b != NULL && !c->held)
		free(b - sizeof len);
	memset(c, 0, sizeof *c);
}

void
cc_claim_pack(struct cc_claim *c, int (*borrowed)(void *, const char *),
    void *arg)
{
	char	**f[CC_CLAIM_NSTR], *ob, *nb, *q;
	size_t	  len[CC_CLAIM_NSTR], total = 0, olen, i;
	unsigned  first = 0;

	cc_claim_strings(c, f);
	ob = block_of(c, f, &olen);
	for (i = 0; i < CC_CLAIM_NSTR; i++) {
		len[i] = *f[i] != NULL ? strlen(*f[i]) + 1 : 0;
		total += len[i];
		if (first == 0 && *f[i] != NULL)
			first = (unsigned)i + 1;
	}
	nb = NULL;
	if (total > 0) {
		nb = xmalloc(sizeof total + total);
		memcpy(nb, &total, sizeof total);
	}
	q = nb != NULL ? nb + sizeof total : NULL;
	for (i = 0; i < CC_CLAIM_NSTR; i++) {
		if (*f[i] == NULL)
			continue;
		memcpy(q, *f[i], len[i]);
		if (!in_block(ob, olen, *f[i]) &&
		    (borrowed == NULL || !borrowed(arg, *f[i])))
			free(*f[i]);
		*f[i] = q;
		q += len[i];
	}
	if (ob != NULL && !c->held)
		free(ob - sizeof olen);
	c->packed = first;
	c->held = 0;
}

struct cc_claim *
cc_claims_push(struct cc_claims *cs)
{
	struct cc_claim	*c;

	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? cs->cap * 2 : 16;
		cs->v = xreallocarray(cs->v, cs->cap, sizeof *cs->v);
	}
	c = &cs->v[cs->n++];
	memset(c, 0, sizeof *c);
	return c;
}

/* A chunk of an array's memory for blocks (cc_claims_alloc()). */
struct cc_claims_mem {
	struct cc_claims_mem	*next;	/* the one filled before */
	size_t			 cap, used;
	size_t			 data[];	/* (aligned for a size_t) */
};

#define CLAIMS_MEM_FIRST	4096		/* bytes of the first chunk */
#define CLAIMS_MEM_MAX		(256 << 10)	/* ... doubling up to this */

void *
cc_claims_alloc(struct cc_claims *cs, size_t n)
{
	struct cc_claims_mem	*m = cs->mem;
	size_t			 cap;
	char			*p;

	n = (n + sizeof(size_t) - 1) & ~(sizeof(size_t) - 1);
	if (m == NULL || m->cap - m->used < n) {
		/* (a chunk for a few claims of a short article, larger
		 * ones for a long one, and one of its own for a huge block) */
		cap = m == NULL ? CLAIMS_MEM_FIRST : m->cap < CLAIMS_MEM_MAX ?
		    2 * m->cap : m->cap;
		if (cap < n)
			cap = n;
		m = xmalloc(sizeof *m + cap);
		m->next = cs->mem;
		m->cap = cap;
		m->used = 0;
		cs->mem = m;
	}
	p = (char *)m->data + m->used;
	m->used += n;
	return p;
}

void
cc_claims_release(struct cc_claims *cs)
{
	struct cc_claims_mem	*m;
	size_t			 i;

	if (cs == NULL)
		return;
	for (i = 0; i < cs->n; i++)
		cc_claim_release(&cs->v[i]);
	free(cs->v);
	while ((m = cs->mem) != NULL) {
		cs->mem = m->next;
		free(m);
	}
	cs->v = NULL;
	cs->n = cs->cap = 0;
}

/*
 * Output helpers.  Each returns the first failure of the buffer (only
 * CC_ETOOBIG is possible), so the callers chain them with a status
 * variable instead of checking every call.
 */

/* Append ,"key": to b (no comma before the first key), in one append:
 * the keys are this file's own names, plain ASCII with nothing to
 * escape, and a claim has seventeen of them. */
static int
json_key(struct cc_buf *b, const char *key, int first)
{
	char	 tmp[32], *p = tmp;
	size_t	 n = strlen(key);
	int	 rc = CC_OK;

	if (n > sizeof tmp - 4) {	/* (no key of ours is that long) */
		if (!first)
			rc = cc_buf_addc(b, ',');
		if (rc == CC_OK)
			rc = cc_buf_add_json_cstr(b, key);
		return rc == CC_OK ? cc_buf_addc(b, ':') : rc;
	}
	if (!first)
		*p++ = ',';
	*p++ = '"';
	memcpy(p, key, n);
	p += n;
	*p++ = '"';
	*p++ = ':';
	return cc_buf_add(b, tmp, (size_t)(p - tmp));
}

static int
json_kstr(struct cc_buf *b, const char *key, const char *val, int first)
{
	int	rc;

	if ((rc = json_key(b, key, first)) != CC_OK)
		return rc;
	return cc_buf_add_json_cstr(b, val);
}

static int
json_strs(struct cc_buf *b, char *const *v, size_t n)
{
	size_t	i;
	int	rc;

	rc = cc_buf_addc(b, '[');
	for (i = 0; i < n && rc == CC_OK; i++) {
		if (i > 0)
			rc = cc_buf_addc(b, ',');
		if (rc == CC_OK)
			rc = cc_buf_add_json_cstr(b, v[i]);
	}
	if (rc == CC_OK)
		rc = cc_buf_addc(b, ']');
	return rc;
}

/* {"min":..,"max":..,"approx":..}, a string, or null. */
static int
claim_value_json(const struct cc_claim *c, struct cc_buf *b)
{
	int	rc;

	switch (c->value_kind) {
	case CC_VALUE_NUMBER:
		rc = cc_buf_adds(b, "{\"min\":");
		if (rc == CC_OK)
			rc = c->has_min ? cc_buf_add_json_num(b, c->vmin) :
			    cc_buf_adds(b, "null");
		if (rc == CC_OK)
			rc = cc_buf_adds(b, ",\"max\":");
		if (rc == CC_OK)
			rc = c->has_max ? cc_buf_add_json_num(b, c->vmax) :
			    cc_buf_adds(b, "null");
		if (rc == CC_OK)
			rc = cc_buf_adds(b, c->approx ?
			    ",\"approx\":true}" : ",\"approx\":false}");
		return rc;
	case CC_VALUE_TEXT:
		return cc_buf_add_json_cstr(b, c->vtext);
	case CC_VALUE_NONE:
		break;
	}
	return cc_buf_adds(b, "null");
}

int
cc_claim_json(const struct cc_claim *c, struct cc_buf *b)
{
	char	id[32];

	snprintf(id, sizeof id, "c%lld", (long long)c->id);
	return cc_claim_json_id(c, id, b);
}

int
cc_claim_json_id(const struct cc_claim *c, const char *id, struct cc_buf *b)
{
	size_t	 len0 = b->len;
	int	 rc;

	rc = cc_buf_addc(b, '{');
	if (rc == CC_OK)
		rc = json_kstr(b, "id", id, 1);
	if (rc == CC_OK)
		rc = json_kstr(b, "article", c->article, 0);
	if (rc == CC_OK)
		rc = json_kstr(b, "outlet", c->outlet, 0);
	if (rc == CC_OK)
		rc = json_kstr(b, "type", c->type, 0);
	if (rc == CC_OK)
		rc = json_kstr(b, "subject", c->subject, 0);
	if (rc == CC_OK)
		rc = json_kstr(b, "measure", c->measure, 0);
	if (rc == CC_OK)
		rc = json_key(b, "value", 0);
	if (rc == CC_OK)
		rc = claim_value_json(c, b);
	if (rc == CC_OK)
		rc = json_kstr(b, "unit", c->unit, 0);
	if (rc == CC_OK)
		rc = json_key(b, "time", 0);
	if (rc == CC_OK && c->time_start == NULL)
		rc = cc_buf_adds(b, "null");
	else if (rc == CC_OK) {
		rc = cc_buf_addc(b, '{');
		if (rc == CC_OK)
			rc = json_kstr(b, "start", c->time_start, 1);
		if (rc == CC_OK)
			rc = json_kstr(b, "end", c->time_end, 0);
		if (rc == CC_OK)
			rc = json_kstr(b, "granularity", c->granularity, 0);
		if (rc == CC_OK)
			rc = json_kstr(b, "basis", c->basis, 0);
		if (rc == CC_OK)
			rc = cc_buf_addc(b, '}');
	}
	if (rc == CC_OK)
		rc = json_kstr(b, "speaker", c->speaker, 0);
	if (rc == CC_OK)
		rc = json_kstr(b, "reported_by", c->reported_by, 0);
	if (rc == CC_OK)
		rc = json_kstr(b, "polarity", c->polarity, 0);
	if (rc == CC_OK)
		rc = json_kstr(b, "text", c->text, 0);
	/* (no printf: a claim's JSON is written for every claim of a
	 * filter run or a dump) */
	if (rc == CC_OK)
		rc = cc_buf_add(b, ",\"evidence\":{\"start\":", 21);
	if (rc == CC_OK)
		rc = cc_buf_add_u64(b, c->ev_start);
	if (rc == CC_OK)
		rc = cc_buf_add(b, ",\"end\":", 7);
	if (rc == CC_OK)
		rc = cc_buf_add_u64(b, c->ev_end);
	if (rc == CC_OK)
		rc = json_kstr(b, "sentence", c->sentence, 0);
	if (rc == CC_OK)
		rc = cc_buf_addc(b, '}');
	if (rc == CC_OK)
		rc = json_kstr(b, "rule", c->rule, 0);
	if (rc == CC_OK)
		rc = cc_buf_addc(b, '}');
	/* Never leave half an object in the caller's output. */
	if (rc != CC_OK && b->data != NULL) {
		b->len = len0;
		b->data[len0] = '\0';
	}
	return rc;
}

/*
 * Reading the claim shape back (claimcheck ingest-claims).  Every string
 * field may be null or absent except "article" and "type"; "id" is not
 * read (the store assigns its own).  Offsets must be non-negative
 * integers with start <= end.
 */

/* An optional string: 0, or -1 when the value has another type. */
static int
parse_str(json_t *o, const char *key, char **out)
{
	json_t	*v = json_object_get(o, key);

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return -1;
	*out = xstrdup(json_string_value(v));
	return 0;
}

/* A number or null into *x / *has: 0, or -1 for another type. */
static int
parse_num(json_t *o, const char *key, double *x, unsigned *has)
{
	json_t	*v = json_object_get(o, key);

	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_number(v))
		return -1;
	*x = json_number_value(v);
	*has = 1;
	return 0;
}

static int
parse_offset(json_t *o, const char *key, size_t *out)
{
	json_t	*v = json_object_get(o, key);

	if (!json_is_integer(v) || json_integer_value(v) < 0)
		return -1;
	*out = (size_t)json_integer_value(v);
	return 0;
}

/* The fields of o into c; the name of the first bad field, or NULL. */
static const char *
claim_fields(json_t *o, struct cc_claim *c)
{
	static const char *const keys[] = { "outlet", "subject", "measure",
	    "unit", "speaker", "reported_by", "polarity", "text", "rule" };
	char		**slots[] = { &c->outlet, &c->subject, &c->measure,
			    &c->unit, &c->speaker, &c->reported_by,
			    &c->polarity, &c->text, &c->rule };
	json_t		 *v;
	unsigned	  has = 0;
	size_t		  i;

	/* The article's name becomes a file name in the report: the rule
	 * of the JSON Lines reader (short, no control bytes, no slash). */
	if (parse_str(o, "article", &c->article) != 0 || c->article == NULL ||
	    c->article[0] == '\0' || strlen(c->article) > 200 ||
	    strpbrk(c->article, "/\\\x7f\x01\x02\x03\x04\x05\x06\x07"
	    "\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15"
	    "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f") != NULL)
		return "article";
	if (parse_str(o, "type", &c->type) != 0 || c->type == NULL)
		return "type";
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (parse_str(o, keys[i], slots[i]) != 0)
			return keys[i];
	v = json_object_get(o, "value");
	if (json_is_string(v)) {
		c->value_kind = CC_VALUE_TEXT;
		c->vtext = xstrdup(json_string_value(v));
	} else if (json_is_object(v)) {
		c->value_kind = CC_VALUE_NUMBER;
		has = 0;
		if (parse_num(v, "min", &c->vmin, &has) != 0)
			return "value.min";
		c->has_min = has;
		has = 0;
		if (parse_num(v, "max", &c->vmax, &has) != 0)
			return "value.max";
		c->has_max = has;
		c->approx = json_is_true(json_object_get(v, "approx"));
	} else if (v != NULL && !json_is_null(v))
		return "value";
	v = json_object_get(o, "time");
	if (json_is_object(v)) {
		if (parse_str(v, "start", &c->time_start) != 0)
			return "time.start";
		if (parse_str(v, "end", &c->time_end) != 0)
			return "time.end";
		if (parse_str(v, "granularity", &c->granularity) != 0)
			return "time.granularity";
		if (parse_str(v, "basis", &c->basis) != 0)
			return "time.basis";
	} else if (v != NULL && !json_is_null(v))
		return "time";
	v = json_object_get(o, "evidence");
	if (!json_is_object(v) || parse_offset(v, "start", &c->ev_start) != 0 ||
	    parse_offset(v, "end", &c->ev_end) != 0 || c->ev_end < c->ev_start)
		return "evidence";
	if (parse_str(v, "sentence", &c->sentence) != 0)
		return "evidence.sentence";
	return NULL;
}

int
cc_claim_parse(const char *file, unsigned line, const char *s, size_t len,
    struct cc_claim *c, struct cc_diag *d)
{
	json_error_t	 err;
	json_t		*o;
	const char	*bad;

	memset(c, 0, sizeof *c);
	if ((o = json_loadb(s, len, JSON_REJECT_DUPLICATES, &err)) == NULL) {
		cc_diag_set(d, file, line, err.column > 0 ?
		    (unsigned)err.column : 1, "not a JSON object: %s",
		    err.text);
		return CC_EFORMAT;
	}
	if (!json_is_object(o))
		bad = "";
	else
		bad = claim_fields(o, c);
	json_decref(o);
	if (bad == NULL)
		return CC_OK;
	cc_claim_release(c);
	if (bad[0] == '\0')
		cc_diag_set(d, file, line, 1, "expected a claim (a JSON "
		    "object) per line");
	else
		cc_diag_set(d, file, line, 1, "claim with a missing or "
		    "malformed \"%s\"", bad);
	return CC_EFORMAT;
}

/* Append n with thousands separators ("6,374", "-1,200", "2.5"). */
static int
add_number(struct cc_buf *b, double v)
{
	char			 out[40];
	unsigned long long	 u;
	size_t			 n = sizeof out, nd = 0;

	if (!isfinite(v))
		return cc_buf_adds(b, "?");
	if (v != floor(v) || fabs(v) >= 1e15)
		return cc_buf_printf(b, "%.15g", v);
	/* A whole number below 1e15 is an exact integer: its digits from
	 * the right, a comma before every third (printf's "%.0f" cost a
	 * tenth of a report); -0 is "-0", as "%.0f" wrote it. */
	u = (unsigned long long)fabs(v);
	do {
		if (nd > 0 && nd % 3 == 0)
			out[--n] = ',';
		out[--n] = (char)('0' + u % 10);
		nd++;
	} while ((u /= 10) != 0);
	if (signbit(v))
		out[--n] = '-';
	return cc_buf_add(b, out + n, sizeof out - n);
}

int
cc_claim_value_str(const struct cc_claim *c, struct cc_buf *b)
{
	int	rc = CC_OK;

	switch (c->value_kind) {
	case CC_VALUE_NONE:
		return CC_OK;
	case CC_VALUE_TEXT:
		return c->vtext != NULL ? cc_buf_adds(b, c->vtext) : CC_OK;
	case CC_VALUE_NUMBER:
		break;
	}
	if (c->has_min && c->has_max) {
		if (c->approx)
			rc = cc_buf_adds(b, "about ");
		if (rc == CC_OK)
			rc = add_number(b, c->vmin);
		if (rc == CC_OK && c->vmax != c->vmin) {
			rc = cc_buf_addc(b, '-');
			if (rc == CC_OK)
				rc = add_number(b, c->vmax);
		}
		return rc;
	}
	if (c->has_min) {
		/*
		 * Extraction stores "more than 100" as min 101: for whole
		 * numbers that is the same set as "at least 101", and the
		 * form in the article reads better.
		 */
		if (c->vmin == floor(c->vmin) && c->vmin >= 1) {
			rc = cc_buf_adds(b, "more than ");
			if (rc == CC_OK)
				rc = add_number(b, c->vmin - 1);
		} else {
			rc = cc_buf_adds(b, "at least ");
			if (rc == CC_OK)
				rc = add_number(b, c->vmin);
		}
		return rc;
	}
	if (c->has_max) {
		rc = cc_buf_adds(b, "up to ");
		if (rc == CC_OK)
			rc = add_number(b, c->vmax);
		return rc;
	}
	return cc_buf_adds(b, "unknown");
}

/* One TSV field: NULL is empty; \t \n \r \\ are escaped. */
static int
tsv_field(struct cc_buf *b, const char *s, int first)
{
	const char	*p, *start;
	int		 rc = CC_OK;

	if (!first)
		rc = cc_buf_addc(b, '\t');
	if (s == NULL || rc != CC_OK)
		return rc;
	for (p = start = s; *p != '\0' && rc == CC_OK; p++) {
		const char	*esc;

		switch (*p) {
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\\': esc = "\\\\"; break;
		default:
			continue;
		}
		rc = cc_buf_add(b, start, (size_t)(p - start));
		if (rc == CC_OK)
			rc = cc_buf_adds(b, esc);
		start = p + 1;
	}
	if (rc == CC_OK)
		rc = cc_buf_adds(b, start);
	return rc;
}

static int
tsv_num(struct cc_buf *b, double v, int has)
{
	int	rc;

	if ((rc = cc_buf_addc(b, '\t')) != CC_OK || !has)
		return rc;
	return cc_buf_add_json_num(b, v);
}

/* A list as one field, items separated by commas. */
static int
tsv_list(struct cc_buf *b, char *const *v, size_t n)
{
	struct cc_buf	 tmp = CC_BUF_INIT;
	size_t		 i;
	int		 rc = CC_OK;

	for (i = 0; i < n && rc == CC_OK; i++) {
		if (i > 0)
			rc = cc_buf_addc(&tmp, ',');
		if (rc == CC_OK && v[i] != NULL)
			rc = cc_buf_adds(&tmp, v[i]);
	}
	if (rc == CC_OK)
		rc = tsv_field(b, tmp.data != NULL ? tmp.data : "", 0);
	cc_buf_release(&tmp);
	return rc;
}

const char *
cc_claim_tsv_header(void)
{
	return "id\tarticle\toutlet\ttype\tsubject\tmeasure\tvalue\tmin\tmax"
	    "\tapprox\tunit\ttime_start\ttime_end\tgranularity\tbasis"
	    "\tspeaker\treported_by\tpolarity\ttext\tev_start\tev_end"
	    "\tsentence\trule";
}

int
cc_claim_tsv(const struct cc_claim *c, struct cc_buf *b)
{
	struct cc_buf	 val = CC_BUF_INIT;
	size_t		 len0 = b->len;
	int		 num = c->value_kind == CC_VALUE_NUMBER;
	int		 rc;

	rc = cc_buf_printf(b, "c%lld", (long long)c->id);
	if (rc == CC_OK)
		rc = tsv_field(b, c->article, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->outlet, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->type, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->subject, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->measure, 0);
	if (rc == CC_OK)
		rc = cc_claim_value_str(c, &val);
	if (rc == CC_OK)
		rc = tsv_field(b, val.data, 0);
	if (rc == CC_OK)
		rc = tsv_num(b, c->vmin, num && c->has_min);
	if (rc == CC_OK)
		rc = tsv_num(b, c->vmax, num && c->has_max);
	if (rc == CC_OK)
		rc = tsv_field(b, !num ? NULL : c->approx ? "true" : "false",
		    0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->unit, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->time_start, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->time_end, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->granularity, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->basis, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->speaker, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->reported_by, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->polarity, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->text, 0);
	if (rc == CC_OK)
		rc = cc_buf_printf(b, "\t%zu\t%zu", c->ev_start, c->ev_end);
	if (rc == CC_OK)
		rc = tsv_field(b, c->sentence, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, c->rule, 0);
	cc_buf_release(&val);
	if (rc != CC_OK && b->data != NULL) {
		b->len = len0;
		b->data[len0] = '\0';
	}
	return rc;
}

void
cc_finding_release(struct cc_finding *f)
{
	size_t	i;

	if (f == NULL)
		return;
	free(f->id);
	free(f->kind);
	free(f->severity);
	free(f->key);
	if (f->claims_mem != NULL)
		free(f->claims_mem);
	else
		for (i = 0; i < f->nclaims; i++)
			free(f->claims[i]);
	free(f->claims);
	for (i = 0; i < f->noutlets; i++)
		free(f->outlets[i]);
	free(f->outlets);
	free(f->summary);
	free(f->status);
	free(f->scope);
	memset(f, 0, sizeof *f);
}

struct cc_finding *
cc_findings_push(struct cc_findings *fs)
{
	struct cc_finding	*f;

	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 16;
		fs->v = xreallocarray(fs->v, fs->cap, sizeof *fs->v);
	}
	f = &fs->v[fs->n++];
	memset(f, 0, sizeof *f);
	return f;
}

void
cc_findings_release(struct cc_findings *fs)
{
	size_t	i;

	if (fs == NULL)
		return;
	for (i = 0; i < fs->n; i++)
		cc_finding_release(&fs->v[i]);
	free(fs->v);
	fs->v = NULL;
	fs->n = fs->cap = 0;
}

void
cc_finding_add_claim(struct cc_finding *f, const char *id)
{
	size_t	i;

	if (f->claims_mem != NULL) {
		/* each id a string of its own again */
		for (i = 0; i < f->nclaims; i++)
			f->claims[i] = xstrdup(f->claims[i]);
		free(f->claims_mem);
		f->claims_mem = NULL;
	}
	f->claims = xreallocarray(f->claims, f->nclaims + 1,
	    sizeof *f->claims);
	f->claims[f->nclaims++] = xstrdup(id);
}

void
cc_finding_add_outlet(struct cc_finding *f, const char *outlet)
{
	size_t	i;

	/* A finding lists few outlets; a linear scan keeps first-seen order,
	 * which is the order the summary names them in. */
	for (i = 0; i < f->noutlets; i++)
		if (strcmp(f->outlets[i], outlet) == 0)
			return;
	f->outlets = xreallocarray(f->outlets, f->noutlets + 1,
	    sizeof *f->outlets);
	f->outlets[f->noutlets++] = xstrdup(outlet);
}

int
cc_finding_json(const struct cc_finding *f, struct cc_buf *b)
{
	size_t	 len0 = b->len;
	int	 rc;

	rc = cc_buf_addc(b, '{');
	if (rc == CC_OK)
		rc = json_kstr(b, "id", f->id, 1);
	if (rc == CC_OK)
		rc = json_kstr(b, "kind", f->kind, 0);
	if (rc == CC_OK)
		rc = json_kstr(b, "severity", f->severity, 0);
	if (rc == CC_OK)
		rc = json_kstr(b, "key", f->key, 0);
	if (rc == CC_OK)
		rc = json_key(b, "claims", 0);
	if (rc == CC_OK)
		rc = json_strs(b, f->claims, f->nclaims);
	if (rc == CC_OK)
		rc = json_key(b, "outlets", 0);
	if (rc == CC_OK)
		rc = json_strs(b, f->outlets, f->noutlets);
	if (rc == CC_OK)
		rc = json_kstr(b, "summary", f->summary, 0);
	/* A finding nobody has reviewed is "new", whatever the caller left
	 * in status. */
	if (rc == CC_OK)
		rc = json_kstr(b, "status",
		    f->status != NULL ? f->status : "new", 0);
	if (rc == CC_OK)
		rc = cc_buf_addc(b, '}');
	if (rc != CC_OK && b->data != NULL) {
		b->len = len0;
		b->data[len0] = '\0';
	}
	return rc;
}

const char *
cc_finding_tsv_header(void)
{
	return "id\tkind\tseverity\tkey\tclaims\toutlets\tsummary\tstatus";
}

int
cc_finding_tsv(const struct cc_finding *f, struct cc_buf *b)
{
	size_t	 len0 = b->len;
	int	 rc;

	rc = tsv_field(b, f->id, 1);
	if (rc == CC_OK)
		rc = tsv_field(b, f->kind, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, f->severity, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, f->key, 0);
	if (rc == CC_OK)
		rc = tsv_list(b, f->claims, f->nclaims);
	if (rc == CC_OK)
		rc = tsv_list(b, f->outlets, f->noutlets);
	if (rc == CC_OK)
		rc = tsv_field(b, f->summary, 0);
	if (rc == CC_OK)
		rc = tsv_field(b, f->status != NULL ? f->status : "new", 0);
	if (rc != CC_OK && b->data != NULL) {
		b->len = len0;
		b->data[len0] = '\0';
	}
	return rc;
}

int
cc_severity_rank(const char *s)
{
	if (s == NULL)
		return 3;
	if (strcmp(s, "high") == 0)
		return 0;
	if (strcmp(s, "medium") == 0)
		return 1;
	if (strcmp(s, "low") == 0)
		return 2;
	return 3;
}
