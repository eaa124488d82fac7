/*
 * buf.c - growable byte buffers with a size cap, and JSON string output.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "swar.h"
#include "xmalloc.h"

void
cc_buf_init(struct cc_buf *b, size_t max)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->max = max;
}

void
cc_buf_release(struct cc_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
cc_buf_reset(struct cc_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

char *
cc_buf_detach(struct cc_buf *b, size_t *lenp)
{
	char	*p = b->data;

	if (p == NULL)
		p = xstrdup("");
	if (lenp != NULL)
		*lenp = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

/* Make room for n more bytes plus the terminating NUL. */
static int
buf_grow(struct cc_buf *b, size_t n)
{
	size_t	max = b->max ? b->max : CC_BUF_DEFAULT_MAX;
	size_t	need, cap;

	if (n > max || b->len > max - n)
		return CC_ETOOBIG;
	need = b->len + n + 1;
	if (need <= b->cap)
		return CC_OK;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
	return CC_OK;
}

int
cc_buf_add(struct cc_buf *b, const void *p, size_t n)
{
	size_t	max = b->max ? b->max : CC_BUF_DEFAULT_MAX;
	int	rc;

	/* (room already, within the cap: most appends) */
	if (!(n < b->cap - b->len && b->len + n <= max) &&
	    (rc = buf_grow(b, n)) != CC_OK)
		return rc;
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return CC_OK;
}

int
cc_buf_addc(struct cc_buf *b, char c)
{
	return cc_buf_add(b, &c, 1);
}

int
cc_buf_adds(struct cc_buf *b, const char *s)
{
	return cc_buf_add(b, s, strlen(s));
}

int
cc_buf_add_u64(struct cc_buf *b, unsigned long long v)
{
	char	d[24];
	size_t	n = sizeof d;

	do
		d[--n] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	return cc_buf_add(b, d + n, sizeof d - n);
}

int
cc_buf_add_i64(struct cc_buf *b, long long v)
{
	int	rc;

	if (v >= 0)
		return cc_buf_add_u64(b, (unsigned long long)v);
	if ((rc = cc_buf_addc(b, '-')) != CC_OK)
		return rc;
	/* (-v overflows for the smallest value; its magnitude does not) */
	return cc_buf_add_u64(b, 0ULL - (unsigned long long)v);
}

int
cc_buf_printf(struct cc_buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n, rc;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return CC_EINTERNAL;
	if ((rc = buf_grow(b, (size_t)n)) != CC_OK)
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return CC_OK;
}

size_t
cc_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t	c;
	size_t		len, i;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/*
 * Whether the 8 bytes at p are all printable ASCII other than '"' and
 * '\\': no byte below 0x20, none with its top bit set, none equal to
 * either (swar.h).
 */
static inline int
plain8(const unsigned char *p)
{
	uint64_t	x = cc_swar_load(p);

	return (cc_swar_below(x, 0x20) | cc_swar_eq(x, '"') |
	    cc_swar_eq(x, '\\') | x) & CC_SWAR_HIGH ? 0 : 1;
}

int
cc_buf_add_json_str(struct cc_buf *b, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, start, k;
	uint32_t		 cp;
	int			 rc = CC_OK;

	if (s == NULL)
		return cc_buf_add(b, "null", 4);
	if ((rc = cc_buf_addc(b, '"')) != CC_OK)
		return rc;
	for (i = start = 0; i < n && rc == CC_OK; ) {
		/* Eight plain bytes at a time: most of a claim's text
		 * needs no escape, and the byte loop was a tenth of
		 * writing claims as JSON. */
		while (n - i >= 8 && plain8(p + i))
			i += 8;
		if (i == n)
			break;
		if (p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' &&
		    p[i] != '\\') {
			i++;
			continue;
		}
		if (p[i] >= 0x80 && (k = cc_utf8_decode(p + i, n - i, &cp)) != 0) {
			i += k;
			continue;
		}
		rc = cc_buf_add(b, s + start, i - start);
		if (rc != CC_OK)
			break;
		switch (p[i]) {
		case '"':  rc = cc_buf_add(b, "\\\"", 2); break;
		case '\\': rc = cc_buf_add(b, "\\\\", 2); break;
		case '\n': rc = cc_buf_add(b, "\\n", 2); break;
		case '\r': rc = cc_buf_add(b, "\\r", 2); break;
		case '\t': rc = cc_buf_add(b, "\\t", 2); break;
		default:
			if (p[i] < 0x20)
				rc = cc_buf_printf(b, "\\u%04x", p[i]);
			else	/* invalid UTF-8 byte */
				rc = cc_buf_add(b, "\\ufffd", 6);
		}
		start = ++i;
	}
	if (rc == CC_OK)
		rc = cc_buf_add(b, s + start, n - start);
	if (rc == CC_OK)
		rc = cc_buf_addc(b, '"');
	return rc;
}

int
cc_buf_add_json_cstr(struct cc_buf *b, const char *s)
{
	return cc_buf_add_json_str(b, s, s ? strlen(s) : 0);
}

int
cc_buf_add_json_num(struct cc_buf *b, double v)
{
	if (!isfinite(v))
		return cc_buf_add(b, "null", 4);
	/* Whole numbers as integers (what "%.0f" writes, at a fraction of
	 * its cost, -0 included). */
	if (v == floor(v) && fabs(v) < 9.007199254740992e15)
		return v == 0 && signbit(v) ? cc_buf_add(b, "-0", 2) :
		    cc_buf_add_i64(b, (long long)v);
	return cc_buf_printf(b, "%.15g", v);
}
