/*
 * fuzz_read.c - libFuzzer harness for the plain-text article reader:
 * YAML front matter, date normalization of `published`, UTF-8 checks and
 * the body (cc_read_buffer on the fuzzer's bytes).  Any input must give
 * either an article or a diagnostic with a message, never a crash.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cc_article	a;
	struct cc_diag		d;
	int			rc;

	cc_article_init(&a);
	cc_diag_clear(&d);
	rc = cc_read_buffer("fuzz/input.txt", (const char *)data, size, &a,
	    &d);
	if (rc == CC_OK) {
		/* The contract of article.h: name and text are set, the
		 * text is NUL-terminated at len. */
		if (a.name == NULL || a.text == NULL || a.text[a.len] != '\0')
			abort();
	} else if (d.msg[0] == '\0')
		abort();	/* a failure always says why */
	cc_article_release(&a);
	return 0;
}
