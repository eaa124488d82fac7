/*
 * needs.h - the words a regular expression cannot match without.
 *
 * A rule's trigger words say when the rule may match; a rule of several
 * patterns still ran all of them on every sentence its triggers let
 * through, each trying its alternations at every word.  The extractor
 * asks instead, for each pattern, which words any match must contain
 * ("meeting|call" and "between|with" for "a call between A and B"), and
 * runs a pattern only on sentences that hold them: found from the
 * pattern, so a rule author writes nothing and cannot get them wrong.
 */
#ifndef CC_NEEDS_H
#define CC_NEEDS_H

#include <stddef.h>

#define CC_NEEDS_MAX	4	/* sets kept per pattern */

/* Sets of lower-case ASCII words: every text the pattern matches holds,
 * for each set, one of its words (comparing ASCII letters without case;
 * like trigger words, a letter matched through Unicode case folding,
 * such as the Kelvin sign for "k", is not counted).  The text a match
 * holds includes what its look-aheads read: the word starts where the
 * match does or after it, but for look-behinds (behind). */
struct cc_needs {
	char	**words;	/* the sets' words, set after set */
	size_t	 *nwords;	/* how many words each set has */
	size_t	  nsets;
	/* If not 0: the pattern from this byte on (the rest of its
	 * sequence from the first part that needs words) matches wherever
	 * the pattern does.  A pattern that opens with optional words
	 * ("(?:%{ATT_TITLE})?(?<sp0>%{ATT_NAME})\s+told ...") tries them at
	 * every word; the rest, searched first, rejects most sentences
	 * for a fraction of that. */
	size_t	  gate;
	/* If not 0, a set may hold words of a positive look-behind, which
	 * stand before the match: a word of each set need not follow
	 * where a match starts. */
	int	  behind;
	/* If nlead is not 0: every match starts with one of these words
	 * (where PCRE2 starts trying it, before any \K), and, as
	 * lead_edge says, where \b holds or after no word character. */
	char	**lead;
	size_t	  nlead;
	int	  lead_edge;	/* CC_NEEDS_EDGE_* or 0 */
};

#define CC_NEEDS_EDGE_B		1	/* \b */
#define CC_NEEDS_EDGE_NOTW	2	/* (?<!\w) */

#define CC_NEEDS_LEAD_MAX	512	/* words of a lead */

/* Shortest word of a set worth testing in a sentence: shorter ones
 * ("on", "a") would pass nearly every one. */
#define CC_NEEDS_MINLEN	3
#define CC_NEEDS_ANY	((size_t)-1)	/* maxwords: no limit */

/*
 * Fill n (which the caller releases) with up to CC_NEEDS_MAX sets, the
 * best first, of at most maxwords words of minlen bytes or more (a set
 * of many words may cost its user more to test than it saves), for the PCRE2
 * pattern p[0..len), as compiled (UTF, any case, %{macros} expanded).
 * A construct it does not know (a back reference, a conditional,
 * extended mode) gives no set where it stands, so the sets may be fewer
 * than they could be, never wrong; a pattern it cannot read at all gets
 * none and always runs.
 */
void	cc_needs_find(const char *p, size_t len, size_t minlen,
	    size_t maxwords, struct cc_needs *n);
/*
 * The same for each of the capture groups called groups[0..ngroups),
 * read in one pass, into n[0..ngroups): every text the pattern matches
 * with group k set holds a word of each set of n[k].  No gate nor lead.
 * A group the pattern does not have, or a pattern this reader cannot
 * follow, gets no sets.
 */
#define CC_NEEDS_TARGETS	32	/* groups one pass reads */
void	cc_needs_find_groups(const char *p, size_t len,
	    const char *const *groups, size_t ngroups, size_t minlen,
	    size_t maxwords, struct cc_needs *n);
/* Does lower[0..len) (ASCII lower case) hold a word of each set? */
int	cc_needs_met(const struct cc_needs *n, const char *lower, size_t len);
void	cc_needs_release(struct cc_needs *n);

#endif
