/*
 * fuzz_html.c - libFuzzer harness for the HTML page reader
 * (cc_htmlread_buffer: libxml2's HTML parser, body extraction, og:,
 * JSON-LD and <time> metadata).  Any page gives an article or a
 * diagnostic with a message, never a crash.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "article.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cc_article	a;
	struct cc_diag		d;

	cc_article_init(&a);
	cc_diag_clear(&d);
	if (cc_htmlread_buffer("fuzz/page.html", (const char *)data, size, &a,
	    &d) == CC_OK) {
		if (a.name == NULL || a.text == NULL || a.text[a.len] != '\0')
			abort();
	} else if (d.msg[0] == '\0')
		abort();
	cc_article_release(&a);
	return 0;
}
