/*
 * storecheck.c - test helper for the crash-safety test (CI has no sqlite3
 * shell).
 *
 *   storecheck DB            cc_store_check(): SQLite's integrity check,
 *                            foreign keys, no half-stored article; each
 *                            problem printed; exit 0 when there is none,
 *                            1 when there are problems
 *   storecheck --hold MS DB  take the store's write lock, as a run does,
 *                            hold it MS milliseconds, then release it
 *
 * Exit 3 when the store cannot be opened, locked or checked.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"

int
main(int argc, char **argv)
{
	struct cc_store	*s;
	struct cc_diag	 d;
	struct timespec	 ts;
	unsigned	 n = 0;
	long		 hold = -1;
	int		 rc;

	if (argc == 4 && strcmp(argv[1], "--hold") == 0) {
		hold = strtol(argv[2], NULL, 10);
		argv += 2;
		argc -= 2;
	}
	if (argc != 2 || (hold < 0 && argv[1][0] == '-')) {
		fprintf(stderr, "usage: storecheck [--hold MS] DB\n");
		return 2;
	}
	cc_diag_clear(&d);
	if (cc_store_open(argv[1], &s, &d) != CC_OK) {
		cc_diag_print(&d, "error");
		return 3;
	}
	if (hold >= 0) {
		if ((rc = cc_store_begin(s)) == CC_OK) {
			printf("locked\n");
			fflush(stdout);
			ts.tv_sec = hold / 1000;
			ts.tv_nsec = hold % 1000 * 1000000L;
			nanosleep(&ts, NULL);
			rc = cc_store_commit(s);
		}
	} else
		rc = cc_store_check(s, cc_diag_print_error, NULL, &n);
	if (rc != CC_OK)
		cc_diag_print(cc_store_diag(s), "error");
	cc_store_close(s);
	if (rc != CC_OK)
		return 3;
	return n > 0 ? 1 : 0;
}
