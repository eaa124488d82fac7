/*
 * utf8.c - UTF-8 checks and the folded copy of a text (see text.h).
 *
 * Articles are untrusted input, so the check is strict (the well-formed
 * byte sequences of Unicode table 3-7: no overlong forms, no surrogates,
 * nothing past U+10FFFF).  The fold is what every later stage reads; it
 * keeps a byte map back to the original so that evidence offsets always
 * point into the stored text.
 */
#include "config.h"

#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "buf.h"
#include "swar.h"
#include "text.h"
#include "xmalloc.h"

const char	CC_UTF8_NUL[] = "NUL byte (binary data)";

static const char	WHY_CONT[] = "unexpected UTF-8 continuation byte";
static const char	WHY_OVERLONG[] = "overlong UTF-8 encoding";
static const char	WHY_SURROGATE[] = "UTF-16 surrogate encoded as UTF-8";
static const char	WHY_RANGE[] = "code point beyond U+10FFFF";
static const char	WHY_BYTE[] = "byte that never occurs in UTF-8";
static const char	WHY_TRUNC[] = "incomplete UTF-8 sequence";
static const char	WHY_EMPTY[] = "empty";
static const char	WHY_BLANK[] = "only white space";

#define IS_CONT(c)	(((c) & 0xc0) == 0x80)

/*
 * Length of the well-formed sequence at p (n bytes available), or 0 with
 * *why set.  Returns 1 for ASCII, including NUL (the caller decides).
 */
static size_t
seq_len(const unsigned char *p, size_t n, const char **why)
{
	unsigned char	c = p[0];
	size_t		need, i;

	if (c < 0x80)
		return 1;
	if (IS_CONT(c)) {
		*why = WHY_CONT;
		return 0;
	}
	if (c == 0xc0 || c == 0xc1) {
		*why = WHY_OVERLONG;
		return 0;
	}
	if (c >= 0xf5) {
		*why = c >= 0xf8 ? WHY_BYTE : WHY_RANGE;
		return 0;
	}
	need = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	/* The second byte's allowed range depends on the lead byte. */
	if (n >= 2 && IS_CONT(p[1])) {
		if (c == 0xe0 && p[1] < 0xa0) {
			*why = WHY_OVERLONG;
			return 0;
		}
		if (c == 0xed && p[1] >= 0xa0) {
			*why = WHY_SURROGATE;
			return 0;
		}
		if (c == 0xf0 && p[1] < 0x90) {
			*why = WHY_OVERLONG;
			return 0;
		}
		if (c == 0xf4 && p[1] >= 0x90) {
			*why = WHY_RANGE;
			return 0;
		}
	}
	for (i = 1; i < need; i++) {
		if (i >= n || !IS_CONT(p[i])) {
			*why = WHY_TRUNC;
			return 0;
		}
	}
	return need;
}

int
cc_utf8_valid(const char *s, size_t len, size_t *bad, const char **why)
{
	const unsigned char	*p = (const unsigned char *)s;
	const char		*w = NULL;
	size_t			 i = 0, n;

	while (i < len) {
		if (p[i] >= 0x80) {
			if ((n = seq_len(p + i, len - i, &w)) == 0)
				goto fail;
			i += n;
			continue;
		}
		if (p[i] == '\0') {
			w = CC_UTF8_NUL;
			goto fail;
		}
		i++;
	}
	return CC_OK;
fail:
	if (bad != NULL)
		*bad = i;
	if (why != NULL)
		*why = w;
	return CC_EFORMAT;
}

/* Decode the code point at s[i]; returns its length, *cp = -1 for a byte
 * that does not start a well-formed sequence (length 1). */
static size_t
decode(const unsigned char *s, size_t len, size_t i, int32_t *cp)
{
	utf8proc_ssize_t	n;

	if (s[i] < 0x80) {
		*cp = s[i];
		return 1;
	}
	n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), cp);
	if (n <= 0) {
		*cp = -1;
		return 1;
	}
	return (size_t)n;
}

/* Is cp white space or invisible for the purpose of "is there any text"? */
static int
is_blank_cp(int32_t cp)
{
	utf8proc_category_t	cat;

	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
		return 1;
	cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_CF;
}

int
cc_utf8_blank(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0;
	int32_t			 cp;

	while (i < len) {
		i += decode(p, len, i, &cp);
		if (cp < 0 || !is_blank_cp(cp))
			return 0;
	}
	return 1;
}

int
cc_utf8_check(const char *s, size_t len, size_t *bad, const char **why)
{
	if (cc_utf8_valid(s, len, bad, why) != CC_OK)
		return CC_EFORMAT;
	if (len == 0 || cc_utf8_blank(s, len)) {
		if (bad != NULL)
			*bad = 0;
		if (why != NULL)
			*why = len == 0 ? WHY_EMPTY : WHY_BLANK;
		return CC_EFORMAT;
	}
	return CC_OK;
}

/*
 * Folding.
 */

#define FOLD_KEEP	(-2)	/* copy the code point as it is */
#define FOLD_DROP	(-1)	/* remove it */

/* What cp (not ASCII) folds to: an ASCII byte, FOLD_KEEP or FOLD_DROP. */
static int
fold_cp(int32_t cp)
{
	utf8proc_category_t	cat;

	switch (cp) {
	/* Curly single quotes, primes, single guillemets, modifier letter
	 * apostrophe, fullwidth apostrophe. */
	case 0x2018: case 0x2019: case 0x201a: case 0x201b:
	case 0x2032: case 0x2035: case 0x2039: case 0x203a:
	case 0x02bc: case 0xff07:
		return '\'';
	/* Curly double quotes, double primes, guillemets, fullwidth. */
	case 0x201c: case 0x201d: case 0x201e: case 0x201f:
	case 0x2033: case 0x2036:
	case 0x00ab: case 0x00bb:				/* « » */
	case 0xff02:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013:
	case 0x2014: case 0x2015: case 0x2212:
	case 0xfe58: case 0xfe63: case 0xff0d:
		return '-';
	case 0x0085: case 0x2028: case 0x2029:
		return '\n';
	}
	cat = utf8proc_category(cp);
	if (cat == UTF8PROC_CATEGORY_ZS)
		return ' ';
	if (cat == UTF8PROC_CATEGORY_CF)
		return FOLD_DROP;
	return FOLD_KEEP;
}

struct fold_out {
	char		*s;
	uint32_t	*map;
	size_t		 len;
	size_t		 cap;
};

static void
out_reserve(struct fold_out *o, size_t n)
{
	size_t	cap;

	if (o->len + n + 1 <= o->cap)
		return;
	cap = o->cap * 2;
	if (cap < o->len + n + 1)
		cap = o->len + n + 1;
	o->s = xrealloc(o->s, cap);
	o->map = xreallocarray(o->map, cap, sizeof *o->map);
	o->cap = cap;
}

static void
out_byte(struct fold_out *o, char c, size_t from)
{
	out_reserve(o, 1);
	o->s[o->len] = c;
	o->map[o->len++] = (uint32_t)from;
}

/* Emit code point cp found at s[i] (n bytes) with its own exact map. */
static void
emit_one(struct fold_out *o, const unsigned char *s, size_t len, size_t i,
    size_t n, int32_t cp)
{
	int	r;
	size_t	k;

	if (cp >= 0 && cp < 0x80) {
		/* "\r\n" is a line break; an old Mac '\r' is one too. */
		if (cp == '\r') {
			if (i + 1 < len && s[i + 1] == '\n')
				return;
			cp = '\n';
		}
		out_byte(o, (char)cp, i);
		return;
	}
	r = cp < 0 ? FOLD_KEEP : fold_cp(cp);
	if (r == FOLD_DROP)
		return;
	if (r >= 0) {
		out_byte(o, (char)r, i);
		return;
	}
	out_reserve(o, n);
	for (k = 0; k < n; k++) {
		o->s[o->len] = (char)s[i + k];
		o->map[o->len++] = (uint32_t)(i + k);
	}
}

/* Longest combining sequence put in NFC: the "stream-safe" bound of
 * UAX #15.  Longer runs of marks are left alone, which keeps the fold
 * linear (canonical reordering is quadratic in the run length). */
#define CLUSTER_MAX	30
#define DECOMP_MAX	(CLUSTER_MAX * 4 + 8)

/*
 * Emit the combining sequence s[i..j) of ncp code points (cps, offsets
 * at offs) in NFC.  When NFC changes it, every output byte maps to the
 * start of the sequence, except the last, which maps to its last code
 * point, so cc_fold_orig_end() finds the end of the whole sequence.
 */
static void
emit_cluster(struct fold_out *o, const unsigned char *s, size_t len,
    size_t i, size_t j, const int32_t *cps, const size_t *offs, size_t ncp)
{
	utf8proc_int32_t	buf[DECOMP_MAX];
	utf8proc_uint8_t	enc[4];
	utf8proc_ssize_t	n, k, e, b;
	size_t			first, c;
	int			r;

	n = utf8proc_decompose(s + i, (utf8proc_ssize_t)(j - i), buf,
	    DECOMP_MAX, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n > 0 && n <= DECOMP_MAX)
		n = utf8proc_normalize_utf32(buf, n,
		    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n <= 0 || n > DECOMP_MAX || ((size_t)n == ncp &&
	    memcmp(buf, cps, ncp * sizeof *cps) == 0)) {
		/* Already NFC (the usual case), or not normalizable. */
		for (c = 0; c < ncp; c++)
			emit_one(o, s, len, offs[c],
			    (c + 1 < ncp ? offs[c + 1] : j) - offs[c], cps[c]);
		return;
	}
	first = o->len;
	for (k = 0; k < n; k++) {
		r = buf[k] < 0x80 ? buf[k] : fold_cp(buf[k]);
		if (r == FOLD_DROP)
			continue;
		if (r >= 0) {
			out_byte(o, (char)r, i);
			continue;
		}
		e = utf8proc_encode_char(buf[k], enc);
		out_reserve(o, (size_t)e);
		for (b = 0; b < e; b++) {
			o->s[o->len] = (char)enc[b];
			o->map[o->len++] = (uint32_t)i;
		}
	}
	if (o->len > first)
		o->map[o->len - 1] = (uint32_t)offs[ncp - 1];
}

/* Do the eight bytes at p hold a non-ASCII byte (its high bit) or a
 * '\r' (swar.h)? */
static int
ascii_stop8(const unsigned char *p)
{
	uint64_t	x = cc_swar_load(p);

	return ((x | cc_swar_eq(x, '\r')) & CC_SWAR_HIGH) != 0;
}

/*
 * map[0..n) = from, from + 1, ...: the map of a run of ASCII copied as it
 * is, four offsets a store (GCC's -O2 leaves the plain loop a store an
 * offset, a tenth of cc_fold()'s time).
 */
static void
map_run(uint32_t *map, size_t from, size_t n)
{
	typedef uint32_t v4u __attribute__((vector_size(16)));
	v4u	v = { (uint32_t)from, (uint32_t)from + 1, (uint32_t)from + 2,
		    (uint32_t)from + 3 };
	v4u	four = { 4, 4, 4, 4 };
	size_t	k;

	for (k = 0; k + 4 <= n; k += 4, v += four)
		memcpy(map + k, &v, sizeof v);
	for (; k < n; k++)
		map[k] = (uint32_t)(from + k);
}

void
cc_fold(const char *str, size_t len, struct cc_fold *f)
{
	const unsigned char	*s = (const unsigned char *)str;
	struct fold_out		 o;
	int32_t			 cps[CLUSTER_MAX], cp;
	size_t			 offs[CLUSTER_MAX];
	size_t			 i = 0, j, n, ncp;
	utf8proc_int32_t	 dec[8];

	o.cap = len + 16;
	o.len = 0;
	o.s = xmalloc(o.cap);
	o.map = xreallocarray(NULL, o.cap, sizeof *o.map);

	while (i < len) {
		/* Fast path: a run of ASCII, copied as it is and mapped
		 * byte for byte, up to a '\r' (a line break to rewrite) or
		 * to the last byte before a non-ASCII one (which may be a
		 * combining mark that composes with it).  Most text is
		 * such runs: one reserve and one copy each. */
		for (j = i; j + 8 <= len && !ascii_stop8(s + j); j += 8)
			;
		for (; j < len && s[j] < 0x80 && s[j] != '\r'; j++)
			;
		if (j < len && s[j] >= 0x80 && j > i)
			j--;
		if (j > i) {
			out_reserve(&o, j - i);
			memcpy(o.s + o.len, s + i, j - i);
			map_run(o.map + o.len, i, j - i);
			o.len += j - i;
			i = j;
			continue;
		}
		/* ASCII not followed by a combining mark ('\r'). */
		if (s[i] < 0x80 && (i + 1 == len || s[i + 1] < 0x80)) {
			emit_one(&o, s, len, i, 1, s[i]);
			i++;
			continue;
		}
		/* A starter and the combining marks after it. */
		n = decode(s, len, i, &cp);
		cps[0] = cp;
		offs[0] = i;
		ncp = 1;
		j = i + n;
		while (cp >= 0 && j < len && ncp < CLUSTER_MAX) {
			int32_t	c2;
			size_t	n2 = decode(s, len, j, &c2);

			if (c2 < 0 ||
			    utf8proc_get_property(c2)->combining_class == 0)
				break;
			cps[ncp] = c2;
			offs[ncp++] = j;
			j += n2;
		}
		/* A lone code point needs NFC only if it has a canonical
		 * decomposition (a singleton like U+212B ANGSTROM SIGN). */
		if (ncp == 1 && (cp < 0x80 || utf8proc_decompose_char(cp, dec,
		    8, UTF8PROC_DECOMPOSE, NULL) == 1))
			emit_one(&o, s, len, i, n, cp);
		else
			emit_cluster(&o, s, len, i, j, cps, offs, ncp);
		i = j;
	}
	out_reserve(&o, 0);
	o.s[o.len] = '\0';
	o.map[o.len] = (uint32_t)len;
	f->s = o.s;
	f->len = o.len;
	f->map = o.map;
}

void
cc_fold_release(struct cc_fold *f)
{
	if (f == NULL)
		return;
	free(f->s);
	free(f->map);
	f->s = NULL;
	f->map = NULL;
	f->len = 0;
}

size_t
cc_fold_orig_end(const struct cc_fold *f, const char *orig, size_t end)
{
	const unsigned char	*p = (const unsigned char *)orig;
	size_t			 o0, o, olen = f->map[f->len], n;
	const char		*why;

	if (end > f->len)
		end = f->len;
	if (end == 0)
		return f->map[0];
	/* The last folded byte maps into the last original code point of
	 * the span; the span ends after that code point. */
	o = o0 = f->map[end - 1];
	/* (most text is ASCII: a byte that is a code point of its own) */
	if (p[o0] < 0x80)
		return o0 + 1;
	while (o > 0 && o0 - o < 3 && IS_CONT(p[o]))
		o--;
	n = seq_len(p + o, olen - o, &why);
	if (n == 0 || o + n <= o0)
		return o0 + 1;	/* a stray byte copied as it was */
	return o + n;
}

void
cc_ascii_lower(char *dst, const char *s, size_t n)
{
	uint64_t	x;
	size_t		i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		x = cc_swar_lower(x);
		memcpy(dst + i, &x, 8);
	}
	for (; i < n; i++)
		dst[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) :
		    s[i];
}

/*
 * Importing bytes from a file as the UTF-8 text that is stored.
 */

/* Bytes that Windows-1252 leaves undefined: text holding them is not
 * Windows-1252 (nor Latin-1 prose, whose C1 controls never occur). */
static int
cp1252_undefined(unsigned char c)
{
	return c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d;
}

/* A Windows-1252 letter (À-ÿ without × and ÷, Š š Œ œ Ž ž Ÿ). */
static int
cp1252_letter(unsigned char c)
{
	if (c >= 0xc0)
		return c != 0xd7 && c != 0xf7;
	return c == 0x8a || c == 0x8c || c == 0x8e || c == 0x9a ||
	    c == 0x9c || c == 0x9e || c == 0x9f;
}

static int
ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Does s, which is not valid UTF-8, read sensibly as Windows-1252?  Not
 * if it holds any well-formed multi-byte UTF-8 sequence, or the start of
 * one cut short (a lead byte and a continuation byte: "â€" in
 * Windows-1252, rare in real text): then it is UTF-8 with damage.  Nor if
 * it holds a byte Windows-1252 leaves undefined, nor mostly
 * letters that stand alone: in Western text an accented letter sits
 * inside a word ("café", "Zürich"), while punctuation (curly quotes,
 * dashes, the no-break space) may stand anywhere.
 */
static int
looks_cp1252(const unsigned char *s, size_t len)
{
	size_t		i, n, letters = 0, alone = 0;
	const char	*why;

	for (i = 0; i < len; i++) {
		if (s[i] < 0x80)
			continue;
		if ((n = seq_len(s + i, len - i, &why)) > 1)
			return 0;
		if (s[i] >= 0xc2 && s[i] <= 0xf4 && i + 1 < len &&
		    IS_CONT(s[i + 1]))
			return 0;
		if (cp1252_undefined(s[i]))
			return 0;
		if (!cp1252_letter(s[i]))
			continue;
		letters++;
		if (!(i > 0 && (ascii_letter(s[i - 1]) ||
		    cp1252_letter(s[i - 1]))) && !(i + 1 < len &&
		    (ascii_letter(s[i + 1]) || cp1252_letter(s[i + 1]))))
			alone++;
	}
	return alone * 2 <= letters;
}

/* Convert s from charset to UTF-8 with iconv; 0 or -1 (unknown charset,
 * or bytes that are invalid in it). */
static int
iconv_utf8(const char *charset, const char *s, size_t len, char **out,
    size_t *outlen)
{
	iconv_t	 cd;
	char	*in = (char *)s, *o, *buf;
	size_t	 inleft = len, outleft, cap;

	if ((cd = iconv_open("UTF-8", charset)) == (iconv_t)-1)
		return -1;
	/* Every byte of a legacy charset is at most 3 bytes of UTF-8; a
	 * UTF-16 unit (2 bytes) is too. */
	cap = len * 3 + 1;
	buf = xmalloc(cap);
	o = buf;
	outleft = cap - 1;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &o, &outleft) == (size_t)-1) {
		iconv_close(cd);
		free(buf);
		return -1;
	}
	iconv_close(cd);
	*o = '\0';
	*out = buf;
	*outlen = (size_t)(o - buf);
	return 0;
}

/* Is the declared charset one of UTF-8's names? */
static int
is_utf8_name(const char *cs)
{
	return strcasecmp(cs, "utf-8") == 0 || strcasecmp(cs, "utf8") == 0 ||
	    strcasecmp(cs, "unicode-1-1-utf-8") == 0;
}

/*
 * Copy UTF-8 (possibly with damage) s into out: "\r\n" and a lone '\r'
 * become "\n", a NUL byte and each invalid sequence become U+FFFD.
 */
static void
import_copy(const unsigned char *s, size_t len, struct cc_buf *out,
    struct cc_import *im)
{
	size_t		i = 0, n = 1, k, start = 0;
	const char	*why;

	while (i < len) {
		if (s[i] >= 0x80 && (n = seq_len(s + i, len - i, &why)) == 0) {
			cc_buf_add(out, s + start, i - start);
			cc_buf_adds(out, CC_UTF8_REPLACEMENT);
			if (im->nreplaced++ == 0) {
				im->first_bad = i;
				im->why = why;
			}
			/* A truncated sequence is one replacement (the
			 * maximal subpart of Unicode's recommended practice);
			 * any other bad byte is one each. */
			k = 1;
			if (why == WHY_TRUNC)
				while (i + k < len && k < 3 && IS_CONT(s[i + k]))
					k++;
			i += k;
			start = i;
			continue;
		}
		if (s[i] == '\r' || s[i] == '\0') {
			cc_buf_add(out, s + start, i - start);
			if (s[i] == '\0') {
				cc_buf_adds(out, CC_UTF8_REPLACEMENT);
				if (im->nnul++ == 0)
					im->first_nul = i;
			} else if (i + 1 >= len || s[i + 1] != '\n')
				cc_buf_addc(out, '\n');
			i++;
			start = i;
			continue;
		}
		i += s[i] >= 0x80 ? n : 1;
	}
	cc_buf_add(out, s + start, len - start);
}

static int
is_binary_byte(unsigned char c)
{
	return c == 0x7f || (c < 0x20 && (c < '\t' || c > '\r'));
}

int
cc_utf8_import(const char *data, size_t len, const char *charset,
    struct cc_import *im)
{
	const unsigned char	*s = (const unsigned char *)data;
	struct cc_buf		 out;
	char			*conv = NULL;
	size_t			 convlen = 0, i, nnul = 0;
	const char		*why;

	memset(im, 0, sizeof *im);
	im->encoding = "UTF-8";
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;		/* a BOM says "UTF-8" and nothing else */
		len -= 3;
		im->bom = 1;
	} else if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) ||
	    (s[0] == 0xfe && s[1] == 0xff))) {
		im->encoding = s[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
		im->bom = 1;
		if (iconv_utf8(im->encoding, data + 2, len - 2, &conv,
		    &convlen) != 0) {
			im->why = "invalid UTF-16";
			return CC_EFORMAT;
		}
		s = (const unsigned char *)conv;
		len = convlen;
	} else if (charset != NULL && !is_utf8_name(charset) &&
	    cc_utf8_valid(data, len, NULL, NULL) != CC_OK) {
		/* A declared legacy charset (an HTML page's <meta>), used
		 * only when the bytes are not UTF-8 anyway: pages that say
		 * "iso-8859-1" and hold UTF-8 are common.  Latin-1 and
		 * ASCII labels mean Windows-1252, as in browsers. */
		if (strcasecmp(charset, "iso-8859-1") == 0 ||
		    strcasecmp(charset, "latin1") == 0 ||
		    strcasecmp(charset, "us-ascii") == 0 ||
		    strcasecmp(charset, "ascii") == 0)
			charset = "Windows-1252";
		if (iconv_utf8(charset, data, len, &conv, &convlen) == 0) {
			for (i = 0; i < len && s[i] < 0x80; i++)
				;
			im->first_bad = i;
			snprintf(im->charset, sizeof im->charset, "%s",
			    charset);
			im->encoding = im->charset;
			im->converted = 1;
			s = (const unsigned char *)conv;
			len = convlen;
		}
	}
	/* Many NUL or other control bytes: binary data (or UTF-16 without
	 * a BOM), not text with a stray NUL in it.  Text never holds C0
	 * controls but tab, newline, vertical tab, form feed and carriage
	 * return (ESC of a stray terminal sequence is rare); random bytes
	 * hold one in eight, which the NUL count alone (one in 256) misses. */
	for (i = 0; i < len; i++)
		if (is_binary_byte(s[i]) && nnul++ == 0)
			im->first_nul = i;
	if (nnul > 0 && nnul * 100 >= len) {
		/* An offset in converted text is no place in the file (and
		 * may lie beyond its end): say the file's start. */
		if (conv != NULL)
			im->first_nul = 0;
		free(conv);
		im->why = CC_UTF8_NUL;
		return CC_EFORMAT;
	}
	if (conv == NULL && cc_utf8_valid((const char *)s, len, &i, &why) !=
	    CC_OK && why != CC_UTF8_NUL && looks_cp1252(s, len) &&
	    iconv_utf8("Windows-1252", (const char *)s, len, &conv, &convlen) == 0) {
		for (i = 0; i < len && s[i] < 0x80; i++)
			;
		im->first_bad = i + (im->bom ? 3 : 0);
		im->encoding = "Windows-1252";
		im->converted = 1;
		s = (const unsigned char *)conv;
		len = convlen;
	}
	cc_buf_init(&out, 0);
	import_copy(s, len, &out, im);
	if (conv == NULL && im->bom) {
		/* Offsets in the file, which has the BOM. */
		im->first_bad += 3;
		im->first_nul += 3;
	} else if (strncmp(im->encoding, "UTF-16", 6) == 0) {
		/* Offsets in the converted text are no place in the file
		 * (and may lie past its end): point at its start. */
		im->first_bad = 0;
		im->first_nul = 0;
	}
	if (im->nnul == 0)
		im->first_nul = 0;
	free(conv);
	im->len = out.len;
	im->s = cc_buf_detach(&out, NULL);
	return CC_OK;
}
