/*
 * entity.h - named entities (people, organizations, places, outlets) and
 * their aliases, from the "entities:" sections of the rule packs.
 *
 * "Sergei Lavrov", "Sergey Lavrov", "Russia's top diplomat" all resolve to
 * the id "lavrov"; a name close to a known one but spelled differently
 * ("Olaf Schultz" for "Olaf Scholz") resolves too and is marked as a
 * variant, so the comparison can flag it.  Matching is on folded text
 * (text.h), case-insensitive for aliases, and respects word boundaries.
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
 * canonical name is an alias too.  Returns CC_OK, or CC_ERULE with d->msg
 * set (duplicate id, empty alias) - the caller adds file/line/col.
 */
int	cc_entities_add(struct cc_entities *, const char *id,
	    const char *name, const char *kind, char *const *aliases,
	    size_t naliases, struct cc_diag *d);
/* Call once after the last add, before scanning. */
void	cc_entities_seal(struct cc_entities *);

/*
 * Find entity mentions in s[0..len), left to right, longest match first,
 * without overlaps.  Writes at most max into out; returns how many were
 * found.  Pure: no allocation visible to the caller.
 */
size_t	cc_entity_scan(const struct cc_entities *, const char *s, size_t len,
	    struct cc_entity_mention *out, size_t max);

/* The entity with this id, as a mention with start = end = 0; NULL if
 * unknown.  (For mapping a rule's speaker text to an id.) */
const char *cc_entity_lookup(const struct cc_entities *, const char *text,
	    size_t len);

#endif
