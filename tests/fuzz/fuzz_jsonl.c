/*
 * fuzz_jsonl.c - libFuzzer harness for the JSON Lines feed reader
 * (cc_jsonl_read): the input is the feed, read from a file descriptor
 * as from a pipe.  Every record gives an article or an error naming the
 * line; none may crash.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "article.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
take(struct cc_article *a, void *arg)
{
	(void)arg;
	if (a->name == NULL || a->text == NULL || a->text[a->len] != '\0')
		abort();
	return 0;
}

static void
bad(const struct cc_diag *d, void *arg)
{
	(void)arg;
	if (d->line == 0 || d->msg[0] == '\0')
		abort();	/* a bad record is named by its line */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE		*f;
	unsigned	 nbad = 0;

	if ((f = tmpfile()) == NULL)
		abort();
	if (fwrite(data, 1, size, f) != size || fflush(f) != 0 ||
	    fseek(f, 0, SEEK_SET) != 0)
		abort();
	(void)cc_jsonl_read("fuzz/feed.jsonl", fileno(f), take, NULL, bad,
	    NULL, &nbad);
	fclose(f);
	return 0;
}
