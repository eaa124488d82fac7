/*
 * html.c - HTML escaping, URL vetting and the CSP style hash (see report.h).
 *
 * Articles are untrusted input opened in an editor's browser, so nothing
 * from them reaches a page without passing through here.  The escaper
 * works for element text and for quoted attribute values alike, so a
 * caller cannot pick the wrong one.  It also repairs what a browser would
 * otherwise interpret: invalid UTF-8 and control characters become U+FFFD,
 * and bidi embedding/override/isolate controls are shown as "[U+202E]"
 * instead of silently reversing the words around them ("Trojan Source").
 *
 * SHA-256 lives here because the Content-Security-Policy names the page's
 * one <style> element by its hash and no crypto library is linked; it is
 * only ever fed our own constant style sheet.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "report.h"

#define REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD in UTF-8 */
#define URL_MAX		4096

/* Decode the UTF-8 sequence at s; its length (1-4), or 0 if invalid
 * (overlong forms, surrogates and values past U+10FFFF included). */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t	c;
	size_t		len, i;

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

/* Bidi embeddings, overrides and isolates: they reorder the text after
 * them, so a hostile article could make a page say what it does not. */
static int
is_bidi_control(uint32_t c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

int
cc_html_escape(struct cc_buf *b, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	const char		*rep;
	size_t			 i, start, k;
	uint32_t		 c;
	int			 rc = CC_OK;

	if (s == NULL)
		return CC_OK;
	for (i = start = 0; i < n; i += k) {
		k = 1;
		rep = NULL;
		if (p[i] < 0x80) {
			switch (p[i]) {
			case '&':	rep = "&amp;"; break;
			case '<':	rep = "&lt;"; break;
			case '>':	rep = "&gt;"; break;
			case '"':	rep = "&quot;"; break;
			case '\'':	rep = "&#39;"; break;
			case '\t':
			case '\n':
				break;
			default:
				/* C0 controls, NUL and DEL. */
				if (p[i] < 0x20 || p[i] == 0x7f)
					rep = REPLACEMENT;
			}
		} else if ((k = utf8_decode(p + i, n - i, &c)) == 0) {
			/* One invalid byte becomes one U+FFFD, then resync. */
			k = 1;
			rep = REPLACEMENT;
		} else if (c >= 0x80 && c <= 0x9f) {
			rep = REPLACEMENT;	/* C1 controls */
		} else if (is_bidi_control(c)) {
			rc = cc_buf_add(b, s + start, i - start);
			if (rc == CC_OK)
				rc = cc_buf_printf(b, "[U+%04X]", (unsigned)c);
			if (rc != CC_OK)
				return rc;
			start = i + k;
			continue;
		}
		if (rep == NULL)
			continue;
		if ((rc = cc_buf_add(b, s + start, i - start)) != CC_OK ||
		    (rc = cc_buf_adds(b, rep)) != CC_OK)
			return rc;
		start = i + k;
	}
	return cc_buf_add(b, s + start, n - start);
}

int
cc_html_url_ok(const char *url)
{
	const unsigned char	*p;
	size_t			 n, skip, i, k;
	uint32_t		 c;

	if (url == NULL)
		return 0;
	/* The scheme is case-insensitive; anything else (javascript:,
	 * data:, relative and protocol-relative URLs) is never linked. */
	if (strncasecmp(url, "http://", 7) == 0)
		skip = 7;
	else if (strncasecmp(url, "https://", 8) == 0)
		skip = 8;
	else
		return 0;
	n = strlen(url);
	if (n > URL_MAX)
		return 0;
	p = (const unsigned char *)url;
	/* A host must follow: "http:///x" and "http://" are not links. */
	if (p[skip] == '\0' || p[skip] == '/' || p[skip] == '?' ||
	    p[skip] == '#' || p[skip] == '\\' || p[skip] == '@' ||
	    p[skip] == ':')
		return 0;
	for (i = 0; i < n; i += k) {
		k = 1;
		if (p[i] < 0x80) {
			/* No spaces or controls (browsers strip some of them,
			 * which is how "java\tscript:" tricks work), and none
			 * of the characters that are never valid in a URL. */
			if (p[i] <= 0x20 || p[i] == 0x7f ||
			    strchr("\"'<>\\^`{|}", p[i]) != NULL)
				return 0;
			continue;
		}
		if ((k = utf8_decode(p + i, n - i, &c)) == 0)
			return 0;
		/* Non-ASCII is fine (IRIs) unless invisible or reordering. */
		if ((c >= 0x80 && c <= 0xa0) || is_bidi_control(c) ||
		    (c >= 0x2000 && c <= 0x200f) || c == 0x2028 ||
		    c == 0x2029 || c == 0x3000 || c == 0xfeff)
			return 0;
	}
	return 1;
}

/*
 * SHA-256 (FIPS 180-4), one shot.  Small and slow is fine: it hashes one
 * style sheet per page.
 */
static const uint32_t sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

#define ROR(x, n)	(((x) >> (n)) | ((x) << (32 - (n))))

static void
sha256_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t	w[64], a, b, c, d, e, f, g, hh, t1, t2, s0, s1;
	int		i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (i = 16; i < 64; i++) {
		s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = h[0]; b = h[1]; c = h[2]; d = h[3];
	e = h[4]; f = h[5]; g = h[6]; hh = h[7];
	for (i = 0; i < 64; i++) {
		s1 = ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25);
		t1 = hh + s1 + ((e & f) ^ (~e & g)) + sha256_k[i] + w[i];
		s0 = ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22);
		t2 = s0 + ((a & b) ^ (a & c) ^ (b & c));
		hh = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void
sha256(const void *data, size_t len, unsigned char out[32])
{
	uint32_t		 h[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	};
	const unsigned char	*p = data;
	unsigned char		 tail[128];
	uint64_t		 bits = (uint64_t)len * 8;
	size_t			 rest, tlen, i;

	for (; len >= 64; p += 64, len -= 64)
		sha256_block(h, p);
	rest = len;
	memset(tail, 0, sizeof tail);
	memcpy(tail, p, rest);
	tail[rest] = 0x80;
	tlen = rest + 1 + 8 <= 64 ? 64 : 128;
	for (i = 0; i < 8; i++)
		tail[tlen - 1 - i] = (unsigned char)(bits >> (8 * i));
	sha256_block(h, tail);
	if (tlen == 128)
		sha256_block(h, tail + 64);
	for (i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(h[i] >> 8);
		out[4 * i + 3] = (unsigned char)h[i];
	}
}

void
cc_html_sha256_b64(const void *data, size_t len,
    char out[CC_SHA256_B64LEN + 1])
{
	static const char	 b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned char		 md[33];
	uint32_t		 v;
	size_t			 i, o = 0;

	sha256(data, len, md);
	md[32] = 0;
	/* 32 bytes: ten full groups of three, then two bytes and one '='. */
	for (i = 0; i < 33; i += 3) {
		v = (uint32_t)md[i] << 16 | (uint32_t)md[i + 1] << 8 |
		    md[i + 2];
		out[o++] = b64[(v >> 18) & 63];
		out[o++] = b64[(v >> 12) & 63];
		out[o++] = b64[(v >> 6) & 63];
		out[o++] = b64[v & 63];
	}
	out[CC_SHA256_B64LEN - 1] = '=';
	out[CC_SHA256_B64LEN] = '\0';
}
