/*
 * check_main.h - shared main() for the Check unit-test programs.
 *
 * Each tests/unit/check_MODULE.c defines its suite and ends with
 * CC_TEST_MAIN(its_suite_function).  Under make check the environment sets
 * CK_TAP_LOG_FILE_NAME=- so Check prints TAP, one line per test.
 */
#ifndef CC_CHECK_MAIN_H
#define CC_CHECK_MAIN_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

/* Path of a file under the rule packs (CC_TEST_RULES) or the test data
 * (CC_TEST_DATA), falling back to the source tree layout when run by
 * hand from the top directory.  Returns a static buffer. */
static inline const char *
cc_test_path(const char *envvar, const char *fallback, const char *rel)
{
	static char	 buf[4096];
	const char	*dir = getenv(envvar);

	snprintf(buf, sizeof buf, "%s/%s", dir ? dir : fallback, rel);
	return buf;
}

#define CC_TEST_RULES_DIR \
	(getenv("CC_TEST_RULES") ? getenv("CC_TEST_RULES") : "claims")
#define CC_TEST_DATA_PATH(rel) \
	cc_test_path("CC_TEST_DATA", "tests/data", (rel))

#define CC_TEST_MAIN(suite_fn)						\
int									\
main(void)								\
{									\
	SRunner	*sr = srunner_create(suite_fn());			\
	int	 nfailed;						\
									\
	srunner_run_all(sr, CK_ENV);					\
	nfailed = srunner_ntests_failed(sr);				\
	srunner_free(sr);						\
	return nfailed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;		\
}

#endif
