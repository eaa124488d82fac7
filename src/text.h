/* TEMPORARY NOTE FOR HELPERS (lead removes it): before building or editing, read /tmp/common.md — build out of tree in /tmp/build-NAME, never configure/bootstrap in /work/main, never git add/commit, edit only your own files. */
/*
 * text.h - the Text stage: UTF-8 checks, folding, sentences, boilerplate.
 *
 * Pure functions of their input: no files, no database.
 *
 * Folding: recognizers and rules run over a folded copy of the text in
 * which every Unicode space (U+00A0, U+2009, ...) is ' ', curly single
 * quotes and primes are '\'', curly double quotes are '"', hyphen and dash
 * characters (U+2010-U+2015, U+2212) are '-', and invisible characters
 * (soft hyphen, zero-width space/joiners, BOM) and '\r' are removed.
 * map[i] is the byte offset in the original text of folded byte i, and
 * map[len] the original length, so offsets found in the fold map back to
 * the stored text.
 */
#ifndef CC_TEXT_H
#define CC_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/*
 * Check that s is usable article text: valid UTF-8, no NUL bytes, not
 * empty or only white space.  Returns CC_OK or CC_EFORMAT, with *bad set
 * to the byte offset of the first problem and *why to a static reason.
 */
int	cc_utf8_check(const char *s, size_t len, size_t *bad,
	    const char **why);

struct cc_fold {
	char		*s;	/* folded text, NUL-terminated */
	size_t		 len;
	uint32_t	*map;	/* len + 1 entries */
};

/* Fold s (valid UTF-8) into f, which the caller releases. */
void	cc_fold(const char *s, size_t len, struct cc_fold *f);
void	cc_fold_release(struct cc_fold *);

struct cc_sentence {
	size_t		start;	/* byte offsets, end exclusive */
	size_t		end;
	unsigned	para;	/* 0-based index of the paragraph (line) */
	unsigned	boiler;	/* 1 if boilerplate: never yields claims */
};

struct cc_sentences {
	struct cc_sentence	*v;
	size_t			 n;
	size_t			 cap;
};

/*
 * Split folded text s into sentences, appended to out (caller releases).
 * A line break always ends a sentence (scraped text puts a paragraph on a
 * line); inside a line, '.', '!', '?' (and a following closing quote or
 * bracket) end a sentence when followed by space and an upper-case letter,
 * digit or opening quote, except after abbreviations ("U.S.", "Oct.",
 * "Mr.", initials).  Leading and trailing white space is not included.
 */
void	cc_segment(const char *s, size_t len, struct cc_sentences *out);
void	cc_sentences_release(struct cc_sentences *);
struct cc_sentence	*cc_sentences_push(struct cc_sentences *);

/*
 * Boilerplate: line patterns (PCRE2, caseless, matched against a whole
 * trimmed line).  A "tail" pattern marks its line and every line after it
 * (a comment form, a "Related Posts" list).
 */
struct cc_boiler;

struct cc_boiler	*cc_boiler_new(void);
void			 cc_boiler_free(struct cc_boiler *);
/* Add a pattern; on a PCRE2 error returns CC_ERULE with d->col set to the
 * 1-based column of the error in the pattern and d->msg to its text. */
int			 cc_boiler_add(struct cc_boiler *, const char *pattern,
			    int tail, struct cc_diag *d);
/* Set the boiler flag on the sentences of s (folded) that lie on
 * boilerplate lines. */
void			 cc_boiler_mark(const struct cc_boiler *, const char *s,
			    size_t len, struct cc_sentences *);

#endif
