/*
 * entity.h - named entities (people, organizations, places, outlets) and
 * their aliases, from the "entities:" sections of the rule packs.
 *
 * "Sergei Lavrov", "Sergey Lavrov", "Russia's top diplomat" all resolve to
 * the id "lavrov"; a name close to a known one but spelled differently
 * ("Olaf Schultz" for "Olaf Scholz") resolves too and is marked as a
 * variant, so the comparison can flag it.  Matching is on folded text
 * (text.h) and respects word boundaries ("Russian" is not "Russia",
 * "Kievan" not "Kiev"); a possessive ("Lavrov's") is the name.
 *
 * Case: lower-case alias words ignore case; a capitalized alias word
 * needs a capital in the text, the rest of the word ignoring case
 * ("Russia" finds "RUSSIA" but "Turkey" not "turkey", "Price" not
 * "price"); an alias word of up to three capitals matches exactly ("US"
 * is not "us").  An alias ending in a lower-case word is a title
 * ("Russia's foreign minister") and does not match when a capitalized
 * word follows it: that name is whom the title belongs to.
 *
 * Alias patterns: "(Sergei|Sergey) Lavrov" is two aliases and
 * "(Russian)? foreign minister" two more; groups nest.  At most 256
 * aliases per pattern.
 *
 * Variants: only for kinds person, place, country, city and region; a
 * capitalized word or pair of words that is no alias but within a small
 * edit distance (optimal string alignment) of a one- or two-word alias of
 * such an entity: 1 for names of 5-8 letters, 2 for longer.  In a pair,
 * one word must be exact.  A single word counts only mid-sentence, not
 * followed by another capitalized word, and not preceded by one unless
 * that one is a word of some alias (a title: "Chancellor Schultz").  The
 * misspelled word keeps its first letter, is no word of any alias, and
 * neither contains nor is contained in the name ("Russian", "Prussia",
 * "Kazakh" are other words).  A tie between two entities is no match.
 * Spellings listed as aliases ("Zelenskiy", "Sergey Lavrov", "Kiev") are
 * known names, not variants: their variant_of is NULL, so a desk is not
 * told about a wire service's house transliteration in every article.
 */
#ifndef CC_ENTITY_H
#define CC_ENTITY_H

#include <stddef.h>

#include "diag.h"

struct cc_entities;

struct cc_entity_mention {
	size_t		 start;		/* byte offsets into the input */
	size_t		 end;
	const char	*id;		/* canonical id (owned by the table) */
	const char	*name;		/* canonical name */
	const char	*kind;		/* person, org, place, outlet, ... */
	const char	*variant_of;	/* canonical name when the text is a
					   near-miss spelling, else NULL */
};

struct cc_entities	*cc_entities_new(void);
void			 cc_entities_free(struct cc_entities *);
/*
 * Add an entity: id, canonical name, kind, and aliases (other names,
 * spelling variants, titles such as "Russia's foreign minister").  The
 * canonical name is an alias too (taken literally, not as a pattern).
 * Strings are copied.  Returns CC_OK, or CC_ERULE with d->msg set
 * (duplicate id, empty or malformed alias, an alias already naming another
 * entity) and the table unchanged - the caller adds file/line/col.
 */
int	cc_entities_add(struct cc_entities *, const char *id,
	    const char *name, const char *kind, char *const *aliases,
	    size_t naliases, struct cc_diag *d);
/* Build the indexes; call after the last add, before scanning (an add
 * after it needs another seal). */
void	cc_entities_seal(struct cc_entities *);

/*
 * Find entity mentions in s[0..len) (folded text), left to right, longest
 * match first, without overlaps.  Writes at most max into out and returns
 * how many it wrote (max when there may be more).  Linear in len; pure:
 * no allocation.  An unsealed table finds nothing.
 */
size_t	cc_entity_scan(const struct cc_entities *, const char *s, size_t len,
	    struct cc_entity_mention *out, size_t max);

/* The id of the longest entity mention in text ("Russian Foreign Minister
 * Sergei Lavrov", "Lavrov's" -> "lavrov"), variants included; NULL if
 * there is none.  (For mapping a rule's speaker text to an id.) */
const char *cc_entity_lookup(const struct cc_entities *, const char *text,
	    size_t len);

/* Canonical name and kind of the entity with this id, NULL if unknown;
 * owned by the table. */
const char *cc_entity_name(const struct cc_entities *, const char *id);
const char *cc_entity_kind(const struct cc_entities *, const char *id);

#endif
