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

#include <nettle/base64.h>
#include <nettle/sha2.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "report.h"

#define REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD in UTF-8 */
#define URL_MAX		4096


/* Bidi embeddings, overrides and isolates: they reorder the text after
 * them, so a hostile article could make a page say what it does not. */
static int
is_bidi_control(uint32_t c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* ASCII that goes out as it is: tab, newline and the printable
 * characters but & < > " ', one bit each (bytes 0-63, then 64-127). */
#define PLAIN_LO	0xafffff3b00000600ULL
#define PLAIN_HI	0x7fffffffffffffffULL
#define PLAIN(c)	((c) < 64 ? (PLAIN_LO >> (c)) & 1 : \
			    (c) < 128 ? (PLAIN_HI >> ((c) - 64)) & 1 : 0)

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
		/* (most of a text: a test a byte) */
		while (PLAIN(p[i]) && ++i < n)
			;
		if (i == n)
			break;
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
		} else if ((k = cc_utf8_decode(p + i, n - i, &c)) == 0) {
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
		if ((k = cc_utf8_decode(p + i, n - i, &c)) == 0)
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
 * The CSP names the page's style block by its SHA-256, in base64: both
 * from Nettle (Debian's nettle-dev), not hand-written crypto.
 */
void
cc_html_sha256_b64(const void *data, size_t len,
    char out[CC_SHA256_B64LEN + 1])
{
	struct sha256_ctx	ctx;
	uint8_t			md[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof md, md);
	base64_encode_raw((char *)out, sizeof md, md);
	out[CC_SHA256_B64LEN] = '\0';
}
