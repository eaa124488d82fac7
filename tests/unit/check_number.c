/* check_number.c - placeholder suite, being written. */
#include "config.h"
#include "check_main.h"

START_TEST(test_placeholder)
{
	ck_assert_int_eq(1, 1);
}
END_TEST

static Suite *
number_suite(void)
{
	Suite	*s = suite_create("number");
	TCase	*tc = tcase_create("placeholder");

	tcase_add_test(tc, test_placeholder);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(number_suite)
