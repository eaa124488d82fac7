/*
 * rematch.h - pcre2_match() without its checks, for the hot loops.
 *
 * pcre2_match() checks its arguments on every call before it enters a
 * pattern's machine code: a fifth of the instructions of a search that
 * tries one place, and the extractor and the boilerplate scan make a
 * hundred thousand such calls a few megabytes.  Their offsets are never
 * past the subject's end and their text is valid UTF-8, so they may go
 * to PCRE2's JIT entry, pcre2_jit_match(), directly.  A pattern without
 * machine code (no JIT on this machine) goes to pcre2_match() as before.
 */
#ifndef CC_REMATCH_H
#define CC_REMATCH_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

static inline int
cc_re_match(const pcre2_code *re, PCRE2_SPTR s, PCRE2_SIZE len,
    PCRE2_SIZE off, uint32_t opts, pcre2_match_data *md,
    pcre2_match_context *mctx)
{
	int	rc;

	rc = pcre2_jit_match(re, s, len, off, opts & ~PCRE2_NO_UTF_CHECK, md,
	    mctx);
	if (rc == PCRE2_ERROR_JIT_BADOPTION)
		rc = pcre2_match(re, s, len, off, opts, md, mctx);
	return rc;
}

#endif
