/*
 * timex-driver.c - run the date recognizer over lines of input, for the
 * benchmark script (bench/recognizers.py) and for trying phrases by hand.
 *
 * Input lines: REF<TAB>TEXT (REF is YYYY-MM-DD or "-" for none).  Output:
 * one line per mention: START<TAB>END<TAB>KIND<TAB>VALUE<TAB>MOD<TAB>LO<TAB>
 * HI<TAB>DAYS_MIN<TAB>DAYS_MAX<TAB>BASIS, then a line "--" per input.
 * Offsets are bytes.  Usage: timex-driver RULES_DIR < input
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "pack.h"
#include "timex.h"

int
main(int argc, char **argv)
{
	struct cc_pack	*pack;
	struct cc_timex	 x[64];
	struct cc_date	 ref;
	char		*line = NULL, *text, lo[16], hi[16];
	size_t		 cap = 0, n, i;
	ssize_t		 len;
	unsigned	 nerr = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: timex-driver RULES_DIR < input\n");
		return 2;
	}
	if (cc_pack_load(argv[1], &pack, cc_diag_print_error, &nerr) != CC_OK)
		return 2;
	while ((len = getline(&line, &cap, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if ((text = strchr(line, '\t')) == NULL)
			continue;
		*text++ = '\0';
		n = cc_timex_scan(pack->vocab, text, strlen(text),
		    cc_date_parse_iso(line, &ref) == CC_OK ? &ref : NULL, x,
		    64);
		for (i = 0; i < n && i < 64; i++) {
			lo[0] = hi[0] = '\0';
			if (x[i].lo.y != 0) {
				cc_date_iso(&x[i].lo, lo, sizeof lo);
				cc_date_iso(&x[i].hi, hi, sizeof hi);
			}
			printf("%zu\t%zu\t%s\t%s\t%s\t%s\t%s\t%g\t%g\t%s\n",
			    x[i].start, x[i].end,
			    x[i].kind == CC_TIMEX_DATE ? "date" : "duration",
			    x[i].value, x[i].mod ? x[i].mod : "-", lo, hi,
			    x[i].days_min, x[i].days_max, x[i].basis);
		}
		printf("--\n");
		fflush(stdout);
	}
	free(line);
	cc_pack_free(pack);
	return 0;
}
