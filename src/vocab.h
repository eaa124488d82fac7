/*
 * vocab.h - named word lists from the rule packs ("vocab:" sections).
 *
 * A vocabulary is a set of lists, each a list of (word, value) pairs:
 * number words ("eight" -> "8"), months ("oct" -> "10"), approximation
 * words ("about" -> "APPROX").  Recognizers look words up here, and the
 * pack compiler turns a list into a regex alternation (%{name}).  Lookups
 * are ASCII case-insensitive.  Strings returned are owned by the vocab.
 */
#ifndef CC_VOCAB_H
#define CC_VOCAB_H

#include <stddef.h>

struct cc_vocab_entry {
	char	*word;
	char	*value;		/* may be NULL */
};

struct cc_vocab_list {
	char			*name;
	struct cc_vocab_entry	*v;
	size_t			 n;
	size_t			 cap;
	int			 sorted;
	/* The entries again by ASCII-caseless hash of their word, for
	 * lookups (open addressing, a NULL word is an empty slot; nhash
	 * a power of two, more than twice n): a field mapped through a
	 * list is looked up for every claim, and a binary search with
	 * strncasecmp() at each step cost 280 instructions a word. */
	struct cc_vocab_entry	*hash;
	size_t			 nhash;
};

struct cc_vocab;

struct cc_vocab	*cc_vocab_new(void);
void		 cc_vocab_free(struct cc_vocab *);
/* Add word (with value, may be NULL) to list name, creating the list.
 * A later add of the same word replaces its value. */
void		 cc_vocab_add(struct cc_vocab *, const char *list,
		    const char *word, const char *value);
/* The list called name, or NULL. */
const struct cc_vocab_list *cc_vocab_list(const struct cc_vocab *,
		    const char *name);
/* Value of word (len bytes, need not be NUL-terminated) in list, or NULL
 * if absent.  A word present without a value gives "". */
const char	*cc_vocab_lookup(const struct cc_vocab *, const char *list,
		    const char *word, size_t len);
/* The same in list l (from cc_vocab_list(), which a caller that looks up
 * often can ask once); l may be NULL. */
const char	*cc_vocab_list_lookup(const struct cc_vocab_list *l,
		    const char *word, size_t len);

#endif
