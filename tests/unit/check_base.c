/*
 * check_base.c - the Base layer: buffers, JSON strings, vocabularies,
 * hashing and diagnostics.
 */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "vocab.h"
#include "xmalloc.h"
#include "check_main.h"

START_TEST(test_buf_cap)
{
	struct cc_buf	b;

	cc_buf_init(&b, 8);
	ck_assert_int_eq(cc_buf_adds(&b, "12345678"), CC_OK);
	/* One byte more than the cap fails and leaves the buffer intact. */
	ck_assert_int_eq(cc_buf_addc(&b, 'x'), CC_ETOOBIG);
	ck_assert_str_eq(b.data, "12345678");
	ck_assert_uint_eq(b.len, 8);
	cc_buf_release(&b);
}
END_TEST

START_TEST(test_buf_printf_detach)
{
	struct cc_buf	 b = CC_BUF_INIT;
	char		*s;
	size_t		 len;

	cc_buf_printf(&b, "%s=%d", "n", 42);
	cc_buf_printf(&b, ";%05.1f", 3.14159);
	s = cc_buf_detach(&b, &len);
	ck_assert_str_eq(s, "n=42;003.1");
	ck_assert_uint_eq(len, strlen(s));
	ck_assert_ptr_null(b.data);
	free(s);
}
END_TEST

START_TEST(test_json_str)
{
	struct cc_buf	b = CC_BUF_INIT;

	cc_buf_add_json_cstr(&b, "say \"hi\"\n\\ \x01 caf\xc3\xa9");
	ck_assert_str_eq(b.data,
	    "\"say \\\"hi\\\"\\n\\\\ \\u0001 caf\xc3\xa9\"");
	cc_buf_reset(&b);
	/* Invalid UTF-8 never reaches JSON output raw. */
	cc_buf_add_json_str(&b, "a\xff" "b\xc3", 4);
	ck_assert_str_eq(b.data, "\"a\\ufffdb\\ufffd\"");
	cc_buf_reset(&b);
	cc_buf_add_json_cstr(&b, NULL);
	ck_assert_str_eq(b.data, "null");
	cc_buf_release(&b);
}
END_TEST

/* The escape looks at eight bytes at a time: each character that needs
 * escaping, at every place in and across those eight, is still found. */
START_TEST(test_json_str_every_place)
{
	static const struct {
		const char	*in;
		const char	*out;
	} esc[] = {
		{ "\"", "\\\"" }, { "\\", "\\\\" }, { "\n", "\\n" },
		{ "\x1f", "\\u001f" }, { "\x01", "\\u0001" },
		{ "\xff", "\\ufffd" }, { "\x80", "\\ufffd" },
		{ "\xc3\xa9", "\xc3\xa9" }, { "\x7f", "\x7f" },
		{ " ", " " }, { "~", "~" }
	};
	struct cc_buf	b = CC_BUF_INIT;
	char		in[64], want[64];
	size_t		e, at, len = 21;

	for (e = 0; e < sizeof esc / sizeof esc[0]; e++)
		for (at = 0; at < len; at++) {
			memset(in, 'a', at);
			strcpy(in + at, esc[e].in);
			memset(in + strlen(in), 'b', len - at);
			in[at + strlen(esc[e].in) + len - at] = '\0';
			want[0] = '"';
			memset(want + 1, 'a', at);
			strcpy(want + 1 + at, esc[e].out);
			memset(want + strlen(want), 'b', len - at);
			want[1 + at + strlen(esc[e].out) + len - at] = '\0';
			strcat(want, "\"");
			cc_buf_reset(&b);
			cc_buf_add_json_cstr(&b, in);
			ck_assert_msg(strcmp(b.data, want) == 0,
			    "escape %zu at %zu: %s", e, at, b.data);
		}
	cc_buf_release(&b);
}
END_TEST

START_TEST(test_json_num)
{
	struct cc_buf	b = CC_BUF_INIT;

	cc_buf_add_json_num(&b, 16150);
	cc_buf_addc(&b, ' ');
	cc_buf_add_json_num(&b, 1234.5);
	cc_buf_addc(&b, ' ');
	cc_buf_add_json_num(&b, 1.0 / 0.0);
	ck_assert_str_eq(b.data, "16150 1234.5 null");
	/* whole numbers as "%.0f" writes them, -0 included */
	cc_buf_reset(&b);
	cc_buf_add_json_num(&b, 0);
	cc_buf_addc(&b, ' ');
	cc_buf_add_json_num(&b, -0.0);
	cc_buf_addc(&b, ' ');
	cc_buf_add_json_num(&b, -7);
	cc_buf_addc(&b, ' ');
	cc_buf_add_json_num(&b, 9007199254740991.0);
	cc_buf_addc(&b, ' ');
	cc_buf_add_json_num(&b, -9007199254740991.0);
	cc_buf_addc(&b, ' ');
	cc_buf_add_json_num(&b, 1e16);
	ck_assert_str_eq(b.data, "0 -0 -7 9007199254740991 "
	    "-9007199254740991 1e+16");
	cc_buf_release(&b);
}
END_TEST

/* xjoin() writes what xasprintf("%s/%s/...") writes, NULL as glibc's
 * "(null)". */
START_TEST(test_xjoin)
{
	char	*a, *b;

	a = xjoin('/', 4, "casualty", NULL, "", "2022-10");
	ck_assert_str_eq(a, "casualty/(null)//2022-10");
	free(a);
	a = xjoin('/', 3, "quote", "lavrov", "2022-02");
	b = xasprintf("%s/%s/%s", "quote", "lavrov", "2022-02");
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	a = xjoin(':', 1, "one");
	ck_assert_str_eq(a, "one");
	free(a);
	a = xjoin(':', 0);
	ck_assert_str_eq(a, "");
	free(a);
}
END_TEST

START_TEST(test_buf_integers)
{
	struct cc_buf	b = CC_BUF_INIT;

	cc_buf_add_u64(&b, 0);
	cc_buf_addc(&b, ' ');
	cc_buf_add_u64(&b, 18446744073709551615ULL);
	cc_buf_addc(&b, ' ');
	cc_buf_add_i64(&b, -1);
	cc_buf_addc(&b, ' ');
	cc_buf_add_i64(&b, -9223372036854775807LL - 1);
	cc_buf_addc(&b, ' ');
	cc_buf_add_i64(&b, 42);
	ck_assert_str_eq(b.data, "0 18446744073709551615 -1 "
	    "-9223372036854775808 42");
	cc_buf_release(&b);
}
END_TEST

START_TEST(test_vocab)
{
	struct cc_vocab	*v = cc_vocab_new();

	cc_vocab_add(v, "months", "October", "10");
	cc_vocab_add(v, "months", "oct", "10");
	cc_vocab_add(v, "months", "May", "5");
	cc_vocab_add(v, "flags", "published", NULL);
	ck_assert_str_eq(cc_vocab_lookup(v, "months", "OCTOBER", 7), "10");
	ck_assert_str_eq(cc_vocab_lookup(v, "months", "Oct.", 3), "10");
	ck_assert_ptr_null(cc_vocab_lookup(v, "months", "Octo", 4));
	ck_assert_ptr_null(cc_vocab_lookup(v, "months", "may", 0));
	ck_assert_ptr_null(cc_vocab_lookup(v, "weekdays", "may", 3));
	ck_assert_str_eq(cc_vocab_lookup(v, "flags", "Published", 9), "");
	/* A later add replaces the value. */
	cc_vocab_add(v, "months", "MAY", "05");
	ck_assert_str_eq(cc_vocab_lookup(v, "months", "may", 3), "05");
	ck_assert_uint_eq(cc_vocab_list(v, "months")->n, 3);
	cc_vocab_free(v);
}
END_TEST

/* A list of many words, added out of order: each one found (its hash
 * grows as words come in), in any case, by name or by list. */
START_TEST(test_vocab_many)
{
	struct cc_vocab			*v = cc_vocab_new();
	const struct cc_vocab_list	*l;
	char				 w[32], u[32], val[32];
	int				 i, k;

	for (i = 0; i < 300; i++) {
		k = (i * 7919) % 300;
		snprintf(w, sizeof w, "word%d", k);
		snprintf(val, sizeof val, "%d", k);
		cc_vocab_add(v, "many", w, val);
	}
	l = cc_vocab_list(v, "many");
	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(l->n, 300);
	for (k = 0; k < 300; k++) {
		snprintf(u, sizeof u, "WORD%d", k);
		snprintf(val, sizeof val, "%d", k);
		ck_assert_str_eq(cc_vocab_list_lookup(l, u, strlen(u)), val);
		ck_assert_str_eq(cc_vocab_lookup(v, "many", u, strlen(u)),
		    val);
	}
	ck_assert_ptr_null(cc_vocab_list_lookup(l, "word300", 7));
	ck_assert_ptr_null(cc_vocab_list_lookup(l, "word1", 4));
	ck_assert_ptr_null(cc_vocab_list_lookup(NULL, "word1", 5));
	cc_vocab_free(v);
}
END_TEST

START_TEST(test_hash)
{
	char	a[CC_HASH_HEXLEN + 1], b[CC_HASH_HEXLEN + 1];
	struct cc_hasher *h;

	cc_hash_hex("article text", 12, a);
	ck_assert_uint_eq(strlen(a), CC_HASH_HEXLEN);
	cc_hash_hex("article texT", 12, b);
	ck_assert_str_ne(a, b);
	/* Incremental hashing equals one-shot hashing. */
	h = cc_hasher_new();
	cc_hasher_add(h, "article ", 8);
	cc_hasher_add(h, "text", 4);
	cc_hasher_done(h, b);
	ck_assert_str_eq(a, b);
}
END_TEST

START_TEST(test_diag)
{
	struct cc_diag	d;

	cc_diag_set(&d, "claims/x.yaml", 3, 7, "bad %s", "thing");
	ck_assert_str_eq(d.file, "claims/x.yaml");
	ck_assert_uint_eq(d.line, 3);
	ck_assert_uint_eq(d.col, 7);
	ck_assert_str_eq(d.msg, "bad thing");
	ck_assert_str_eq(cc_strerror(CC_ESTORE), "claim store error");
	ck_assert_str_eq(cc_strerror(12345), "unknown error");
}
END_TEST

START_TEST(test_xmalloc)
{
	char	*s = xasprintf("%s-%d", "c", 17);

	ck_assert_str_eq(s, "c-17");
	free(s);
	s = xstrndup("abcdef", 3);
	ck_assert_str_eq(s, "abc");
	free(s);
	ck_assert_ptr_null(xstrdup_or_null(NULL));
}
END_TEST

static Suite *
base_suite(void)
{
	Suite	*s = suite_create("base");
	TCase	*tc = tcase_create("base");

	tcase_add_test(tc, test_buf_cap);
	tcase_add_test(tc, test_buf_printf_detach);
	tcase_add_test(tc, test_json_str);
	tcase_add_test(tc, test_json_str_every_place);
	tcase_add_test(tc, test_json_num);
	tcase_add_test(tc, test_buf_integers);
	tcase_add_test(tc, test_xjoin);
	tcase_add_test(tc, test_vocab);
	tcase_add_test(tc, test_vocab_many);
	tcase_add_test(tc, test_hash);
	tcase_add_test(tc, test_diag);
	tcase_add_test(tc, test_xmalloc);
	suite_add_tcase(s, tc);
	return s;
}

CC_TEST_MAIN(base_suite)
