/*
 * text.h - the Text stage: UTF-8 checks, folding, sentences, boilerplate.
 *
 * Pure functions of their input: no files, no database.
 *
 * Folding: recognizers and rules run over a folded copy of the text in
 * which every Unicode space (category Zs: U+00A0, U+2009, ...) is ' ',
 * curly single quotes, primes and single guillemets are '\'', curly double
 * quotes and guillemets are '"', hyphen and dash characters (U+2010-U+2015,
 * U+2212) are '-', invisible format characters (category Cf: soft hyphen,
 * zero-width space/joiners, bidi marks, BOM) are removed, "\r\n" becomes
 * "\n" and a lone '\r' (or U+0085, U+2028, U+2029) becomes '\n'.
 * Combining sequences are put in NFC ("e" + U+0301 becomes U+00E9).
 *
 * map[i] is the byte offset in the original text of folded byte i, and
 * map[len] the original length, so offsets found in the fold map back to
 * the stored text: a folded span [a, b) starts at map[a] in the original
 * and ends at cc_fold_orig_end(f, orig, b), which (unlike map[b]) leaves
 * out removed characters that follow the span (the '\r' of "\r\n").
 * The map is non-decreasing.
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
/* The encoding half of cc_utf8_check: valid UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF) and no NUL byte.  *why is
 * CC_UTF8_NUL when the problem is a NUL byte (binary data). */
int	cc_utf8_valid(const char *s, size_t len, size_t *bad,
	    const char **why);
extern const char	CC_UTF8_NUL[];
/* 1 if valid UTF-8 s holds only white space (ASCII or Unicode spaces,
 * line breaks, invisible format characters), or nothing. */
int	cc_utf8_blank(const char *s, size_t len);

/*
 * Import the bytes of a file as the UTF-8 text that is stored: a UTF-8
 * BOM is dropped; UTF-16 with a BOM is converted; a declared charset
 * (charset, from an HTML page's <meta>; may be NULL) is used when the
 * bytes are not UTF-8; text that is not UTF-8 but reads sensibly as
 * Windows-1252 (or Latin-1) is converted from it; otherwise each invalid
 * sequence becomes U+FFFD.  A stray NUL byte becomes U+FFFD too, "\r\n"
 * and a lone '\r' become "\n".  Fails with CC_EFORMAT (im->why set) on
 * binary data (NUL or C0 control bytes other than \t..\r in 1% of the
 * text or more, im->why == CC_UTF8_NUL, first_nul the first of them) and on invalid UTF-16.  On success im->s (NUL-terminated,
 * valid UTF-8 without NUL bytes) is the caller's to free.  Offsets in
 * first_bad and first_nul are byte offsets in data.
 */
#define CC_UTF8_REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD */

struct cc_import {
	char		*s;
	size_t		 len;
	const char	*encoding;	/* "UTF-8", "UTF-16LE", "Windows-1252",
					 * or charset (in im) */
	char		 charset[48];	/* a declared charset that was used */
	int		 bom;		/* the file began with a BOM */
	int		 converted;	/* from a legacy charset */
	size_t		 nreplaced;	/* invalid sequences replaced */
	size_t		 first_bad;	/* the first one, or the first non-ASCII
					 * byte of a converted file */
	const char	*why;		/* what was wrong with the first one */
	size_t		 nnul;		/* NUL bytes replaced */
	size_t		 first_nul;
};

int	cc_utf8_import(const char *data, size_t len, const char *charset,
	    struct cc_import *im);

struct cc_fold {
	char		*s;	/* folded text, NUL-terminated */
	size_t		 len;
	uint32_t	*map;	/* len + 1 entries */
};

/* Fold s (valid UTF-8) into f, which the caller releases. */
/* Fold s (valid UTF-8; stray invalid bytes are copied as they are) into f,
 * which the caller releases.  One pass, linear in len. */
void	cc_fold(const char *s, size_t len, struct cc_fold *f);
void	cc_fold_release(struct cc_fold *);
/* Byte offset in the original text orig where a folded span ending at
 * folded offset end (exclusive) ends. */
size_t	cc_fold_orig_end(const struct cc_fold *f, const char *orig,
	    size_t end);
/* Copy s[0..n) to dst (n bytes, not terminated) with ASCII 'A'-'Z'
 * lower-cased and every other byte as it is: the text trigger words and
 * a pattern's needed words are looked for in.  dst may be s. */
void	cc_ascii_lower(char *dst, const char *s, size_t n);

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
 * line), so a headline without punctuation is a sentence of its own; para
 * counts non-blank lines from 0.  Inside a line, '.', '!', '?' or an
 * ellipsis (and a following closing quote or bracket) end a sentence when
 * followed by space and an upper-case letter, digit or opening quote,
 * except after abbreviations ("U.S.", "Oct. 30", "Mr.", initials as in
 * "J. Biden"); "word.The", glued by scraping, is split too.  Sentences are
 * never empty and leave out leading and trailing white space.  A run of
 * more than CC_SENTENCE_MAX bytes without an end is cut at a space, so
 * later stages never see a giant sentence.  Linear in len.
 */
#define CC_SENTENCE_MAX	4096

void	cc_segment(const char *s, size_t len, struct cc_sentences *out);
void	cc_sentences_release(struct cc_sentences *);
struct cc_sentence	*cc_sentences_push(struct cc_sentences *);

/*
 * Boilerplate: line patterns (PCRE2, UTF, caseless, JIT, with match
 * limits), each matched against a whole trimmed line of folded text (the
 * pattern is anchored at both ends; lines longer than CC_BOILER_LINE_MAX
 * bytes are prose, never boilerplate).  A "tail" pattern marks its line
 * and every line after it (a comment form, a "Related Posts" list), once
 * some article text (a line of six words or more that is not boilerplate)
 * has been seen, so a "Related articles" box above the story does not
 * swallow it.  A line that repeats an earlier line word for word (a
 * caption under every photo, the headline printed again) is boilerplate
 * too: what it says is already counted once.
 */
#define CC_BOILER_LINE_MAX	1024

struct cc_boiler;

struct cc_boiler	*cc_boiler_new(void);
void			 cc_boiler_free(struct cc_boiler *);
/* Add a pattern; on a PCRE2 error returns CC_ERULE with d->col set to the
 * 1-based column of the error in the pattern and d->msg to its text. */
int			 cc_boiler_add(struct cc_boiler *, const char *pattern,
			    int tail, struct cc_diag *d);
/* After the last cc_boiler_add(): join the patterns into one, so a line
 * costs one match (optional: without it each pattern is tried alone). */
void			 cc_boiler_prepare(struct cc_boiler *);
/* Set the boiler flag on the sentences of s (folded, valid UTF-8: it is
 * not checked again; the text they were segmented from) that lie on
 * boilerplate lines.  b may be NULL (then only repeated lines are
 * marked). */
void			 cc_boiler_mark(const struct cc_boiler *, const char *s,
			    size_t len, struct cc_sentences *);
/* The same, given lower, s lower-cased as cc_ascii_lower() does (the
 * extractor has it already); NULL: made here. */
void			 cc_boiler_mark_lower(const struct cc_boiler *,
			    const char *s, const char *lower, size_t len,
			    struct cc_sentences *);

/*
 * Furniture shared by the articles of one outlet (a section name, a
 * "Follow us" line): short lines, ten words or fewer, that do not end as
 * a sentence does, printed in two articles of the outlet or more.  One
 * article cannot tell, so the caller (the pipeline, which sees the
 * store) keeps a set of the keys that recur; a key hashes outlet and
 * line.  cc_boiler_line_keys() returns the n distinct keys of s's
 * candidate lines in *keys, and in *inset whether set (may be NULL)
 * holds each; both arrays are the caller's to free.
 * cc_boiler_mark_shared() marks the sentences on lines whose key is in
 * set.
 */
struct cc_lineset;

struct cc_lineset	*cc_lineset_new(void);
void			 cc_lineset_free(struct cc_lineset *);
void			 cc_lineset_add(struct cc_lineset *, uint64_t key);
int			 cc_lineset_has(const struct cc_lineset *, uint64_t key);
size_t			 cc_lineset_count(const struct cc_lineset *);
size_t			 cc_boiler_line_keys(const char *outlet, const char *s,
			    size_t len, const struct cc_lineset *set,
			    uint64_t **keys, unsigned char **inset);
void			 cc_boiler_mark_shared(const struct cc_lineset *,
			    const char *outlet, const char *s, size_t len,
			    struct cc_sentences *);

#endif
