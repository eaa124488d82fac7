/*
 * replay.c - run a fuzz harness without libFuzzer: each FILE operand is
 * read and handed to LLVMFuzzerTestOneInput once.  Linked with one
 * fuzz_NAME.c, it replays the seed corpus and the regression inputs
 * (inputs that once crashed) under "make check" with any compiler; the
 * sanitizer build turns a regression back into a failure.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
main(int argc, char **argv)
{
	FILE	*f;
	char	*buf;
	long	 len;
	int	 i;

	for (i = 1; i < argc; i++) {
		if ((f = fopen(argv[i], "rb")) == NULL ||
		    fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
		    fseek(f, 0, SEEK_SET) != 0) {
			perror(argv[i]);
			return 2;
		}
		/* One byte more, so an empty file is not a NULL buffer. */
		if ((buf = malloc((size_t)len + 1)) == NULL ||
		    fread(buf, 1, (size_t)len, f) != (size_t)len) {
			perror(argv[i]);
			return 2;
		}
		fclose(f);
		LLVMFuzzerTestOneInput((const uint8_t *)buf, (size_t)len);
		free(buf);
	}
	return 0;
}
