/*
 * pack.h - rule packs: every *.yaml under the rules directory (except the
 * review file), loaded and compiled once at start.
 *
 * A pack file is a YAML mapping whose top-level keys are sections:
 *   vocab:       word lists (name -> list of words or word: value pairs)
 *   macros:      named regex fragments, usable as %{NAME} in patterns
 *   rules:       claim rules (id, type, triggers, patterns, fields,
 *                examples); see claims/README.md
 *   boilerplate: line patterns kept out of extraction
 *   outlets:     outlet ids, names, domains and text markers
 *   timeline:    reference events with dates
 *   entities:    people, organizations, places with their aliases
 *   config:      settings (corpus directory, ...)
 * Patterns are PCRE2 (UTF, caseless unless the rule says otherwise),
 * JIT-compiled, with match and depth limits.
 *
 * The loader keeps going after an error and reports each one through the
 * diagnostic callback as FILE:LINE:COL, then fails with CC_ERULE.
 */
#ifndef CC_PACK_H
#define CC_PACK_H

#include <stddef.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "diag.h"
#include "entity.h"
#include "hash.h"
#include "needs.h"
#include "text.h"
#include "vocab.h"

/* The fields a rule may set. */
enum cc_field {
	CC_FIELD_SUBJECT,
	CC_FIELD_MEASURE,
	CC_FIELD_VALUE,
	CC_FIELD_UNIT,
	CC_FIELD_SPEAKER,
	CC_FIELD_REPORTED_BY,
	CC_FIELD_POLARITY,
	CC_FIELD_TIME,
	CC_FIELD_ITEM,
	CC_FIELD_OTHER		/* not a field (an example's "count") */
};

/* A field of a claim built by a rule: a literal ("people"), a named group
 * ("$measure"), optionally mapped through a vocab list ("$m|measures"). */
struct cc_rule_field {
	char	*name;		/* subject, measure, value, unit, ... */
	enum cc_field field;	/* the name's (known when loaded: the
				   extractor tests it for every claim) */
	char	*group;		/* named group, or NULL for a literal */
	char	*literal;
	char	*map;		/* vocab list to map the group text, or NULL */
	const struct cc_vocab_list *map_list;	/* that list (set when the
				   pack has loaded, its lists all read) */
	struct cc_rule_field *next;	/* ", else ..." alternative, or NULL */
};

struct cc_rule_example {
	char			*text;
	int			 match;		/* 1 must match, 0 must not */
	struct cc_rule_field	*expect;	/* expected field values */
	size_t			 nexpect;	/* (literal = expected text) */
	char			*file;
	unsigned		 line;
	unsigned		 col;
};

/* Where a trigger or required word written "\bword", "word\b" or
 * "\bword\b" counts: only where no word character (an ASCII letter,
 * digit or "_", as PCRE2's \b sees them) stands right before it, right
 * after it, or either.  Without them a word counts anywhere, inside a
 * longer one too ("refus" in "refused"). */
#define CC_EDGE_BEFORE	1
#define CC_EDGE_AFTER	2

/*
 * A pattern's leadmap (cc_rule): bits for the words of its lead by
 * their first bytes: words of one byte by it, of two by both, longer
 * ones by a hash of their first three.  A place where the text opens
 * with none of them cannot start a match.
 */
#define CC_LEADMAP_BYTES	(32 + 8192 + 8192)
#define CC_LEADMAP_H3(a, b, c)	\
	((((unsigned)(a) * 31u + (unsigned)(b)) * 31u + (unsigned)(c)) & 0xffffu)

static inline int
cc_leadmap_has(const unsigned char *m, unsigned char a, unsigned char b,
    unsigned char c)
{
	unsigned	two = (unsigned)a << 8 | b, h = CC_LEADMAP_H3(a, b, c);

	return (m[a >> 3] >> (a & 7) & 1) ||
	    (m[32 + (two >> 3)] >> (two & 7) & 1) ||
	    (m[32 + 8192 + (h >> 3)] >> (h & 7) & 1);
}

struct cc_rule {
	char			*id;
	char			*type;
	char			*file;		/* where it was defined */
	unsigned		 line;
	unsigned		 col;
	char			**triggers;	/* lower-case words; any one must
						   occur in a sentence */
	unsigned char		*trigger_edges;	/* per word: CC_EDGE_*s */
	size_t			 ntriggers;
	char			**requires;	/* and, if any, one of these */
	unsigned char		*require_edges;
	size_t			 nrequires;
	pcre2_code		**pats;
	char			**srcs;		/* per pattern: as written */
	/* Per pattern, found by cc_pack_jit(): the words any match holds
	 * and its gate (needs.h), or none and NULL. */
	struct cc_needs		*needs;
	pcre2_code		**gates;
	/* Per pattern, found by cc_pack_jit() too: for a pattern that is
	 * one branch-reset group "(?|...|...|\G...)" whose last branches
	 * continue at the previous match (\G: items of a list), those
	 * branches apart (conts) and the others (mains), else NULL and
	 * NULL.  With \G among its branches PCRE2 can skip no byte of a
	 * sentence; mains can (see cc_extract_batch()). */
	pcre2_code		**mains;
	pcre2_code		**conts;
	/* Per pattern, found by cc_pack_jit() too: for a pattern written
	 * to start after no word character, "(?<!\w)...", the pattern
	 * anchored (anchs, tried where a search starts) and the pattern
	 * after a non-word character, "[^\w]\K(?:...)" (words, tried
	 * after it); else NULL and NULL.  PCRE2 tries a pattern at every
	 * byte it may start with, inside words too, and a number's or a
	 * name's first letters are most letters; after a space, a quote
	 * or a dash only, the two search the same places as the one. */
	pcre2_code		**anchs;
	pcre2_code		**words;
	/* Per pattern, found by cc_pack_jit() too: for a pattern whose
	 * matches start where a word does, with a word of its lead
	 * (needs.h), and which PCRE2 would try at most bytes, the bits
	 * of cc_leadmap_has(); the extractor tries the pattern anchored
	 * (anchs) at the words that open so, not at every place.  Else
	 * NULL. */
	unsigned char		**leadmap;
	int			 caseless;
	size_t			 npats;
	pcre2_code		*context;	/* searched before a match: its
						   groups fill fields the match
						   left unset, or NULL */
	pcre2_code		*after;		/* tried where a match ends
						   (\G-anchored): its groups
						   fill fields too, or NULL */
	struct cc_rule_field	*fields;
	size_t			 nfields;
	struct cc_rule_example	*examples;
	size_t			 nexamples;
};

struct cc_outlet {
	char	*id;
	char	*name;
	char	**domains;
	size_t	  ndomains;
	pcre2_code **markers;	/* text that names the outlet in an article */
	struct cc_needs *marker_needs;	/* the words each needs */
	size_t	  nmarkers;
};

struct cc_event {
	char	*id;
	char	*date;		/* YYYY-MM-DD */
	char	**names;	/* how articles refer to it */
	size_t	  nnames;
	/* Words that only make sense before the event ("plans to
	 * invade"): an undated article that uses them was written in the
	 * before_days days before it. */
	char	**before;
	size_t	  nbefore;
	unsigned  before_days;
};

struct cc_pack {
	char			*dir;
	char			 hash[CC_HASH_HEXLEN + 1]; /* of all files read */
	struct cc_vocab		*vocab;
	struct cc_entities	*entities;
	struct cc_boiler	*boiler;
	struct cc_rule		*rules;
	size_t			 nrules;
	struct cc_outlet	*outlets;
	size_t			 noutlets;
	struct cc_event		*events;
	size_t			 nevents;
	char			*corpus;	/* config corpus, default
						   "articles" */
	pcre2_code		**shared;	/* rules' context and after
						   patterns, compiled once per
						   distinct text */
	char			**shared_keys;
	/* Per shared pattern, by group number, found by cc_pack_jit():
	 * the words every match that sets the group holds
	 * (cc_needs_find_group()), for the extractor to search a context
	 * or after pattern only where the group it wants may be set. */
	struct cc_needs		**shared_gneeds;
	size_t			*shared_ngroups;
	size_t			 nshared;
	int			 jitted;	/* cc_pack_jit() has run */
	/* The speaker search of extract.c ("Lavrov met Blinken.  'We are
	 * ready,' he said."), compiled by cc_pack_jit(), NULL where the
	 * pack has no such macro: ATT_SPEAKER, its last branch alone
	 * (ATT_SPEAKER_OPENS) and a say verb (ATT_SAY_WORD). */
	pcre2_code		*speaker;
	pcre2_code		*speaker_opens;
	pcre2_code		*say_word;
	char			**macro_names;	/* for cc_pack_compile() */
	char			**macro_values;
	size_t			 nmacros;
};

/* Load every pack file under dir.  Returns CC_OK with *out set, or
 * CC_ERULE / CC_EIO after reporting each problem through err (*out is
 * then NULL). */
int	cc_pack_load(const char *dir, struct cc_pack **out, cc_diag_fn err,
	    void *errarg);
void	cc_pack_free(struct cc_pack *);

/* JIT-compile the rules' patterns and find their needs and gates (the
 * loader leaves them to the interpreter, and none, so a command that
 * extracts nothing starts fast).  Once per pack; safe from several
 * threads.  The extractor calls it before it matches a rule. */
void	cc_pack_jit(const struct cc_pack *);

/* The field called name, or CC_FIELD_OTHER. */
enum cc_field cc_pack_field(const char *name);

/* Compile pattern after expanding %{NAME} macros and vocab lists.
 * Returns NULL and fills d (column within the pattern) on error. */
pcre2_code *cc_pack_compile(const struct cc_pack *, const char *pattern,
	    int caseless, struct cc_diag *d);

#endif
