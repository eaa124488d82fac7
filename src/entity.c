/*
 * entity.c - the entity table and the entity recognizer (see entity.h).
 *
 * Aliases are indexed in open-addressing hash tables of lower-cased keys:
 * one-word aliases under their word, longer ones under their first two
 * words ("the\1kremlin"), each key leading to a run of aliases, longest
 * first.  The scanner walks the text a word at a time and hashes each word
 * once; only a word that starts some alias costs a second probe (for the
 * two-word key) and whole-alias comparisons.  So "the", which starts
 * dozens of aliases, costs two probes, not dozens of comparisons, and
 * there is no regular expression per alias per position.
 *
 * Near-miss spellings ("Olaf Schultz" for "Olaf Scholz") are looked for
 * only at capitalized words that start no alias, against the one- and
 * two-word names of people and places, with a bounded edit distance and
 * guards that keep ordinary words ("Russian", "Prussia") out.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "entity.h"
#include "text.h"
#include "xmalloc.h"

#define ALIAS_MAX	256	/* bytes in one alias, after folding */
#define EXPAND_MAX	256	/* names one alias pattern may stand for */
#define NAME_WORD_MAX	40	/* longer words are never names */
#define LOOKUP_BATCH	64
#define KEY_MAX		128	/* bytes of a two-word key; longer: no alias */
#define KEY_SEP		'\1'	/* between the two words of a key */

struct entity {
	char	*id;
	char	*name;
	char	*kind;
	int	 variants;	/* person or place: near misses resolve here */
};

struct alias {
	char		*text;	/* folded, single spaces, trimmed */
	unsigned char	*caps;	/* 1 where the text needs a capital */
	size_t		 len;
	char		*key;	/* index key, built by seal */
	size_t		 keylen;
	int		 two;	/* key holds two words */
	size_t		 ent;
	int		 title;	/* ends with a lower-case word */
};

/* A slot of a hash table keyed by a lower-cased word or name. */
struct slot {
	char		*key;	/* owned, lower-cased; NULL if free */
	size_t		 keylen;
	uint64_t	 hash;
	size_t		 val;
	size_t		 n;
	int		 two;	/* (first) some alias has a two-word key here */
};

struct wtab {
	struct slot	*v;
	size_t		 cap;	/* a power of two, or 0 */
	size_t		 n;
};

/* A name that near misses may be a variant of. */
struct vtarget {
	char		*low;	/* lower-cased: "scholz", "olaf scholz" */
	size_t		 len;
	size_t		 sp;	/* offset of the space of a pair, else 0 */
	int		 max;	/* edit distance allowed */
	size_t		 ent;
};

struct cc_entities {
	struct entity	*ents;
	size_t		 nents;
	struct alias	*al;
	size_t		 nal;
	struct wtab	 seen;	/* lower-cased alias -> entity index */
	/* Built by cc_entities_seal(). */
	int		 sealed;
	size_t		*order;	/* alias indexes by key, longest first */
	struct wtab	 first;	/* one word -> run of order (val, n) */
	struct wtab	 second;	/* two words -> run of order */
	struct wtab	 words;	/* every word of every alias */
	struct vtarget	*vt;	/* by first byte, then length */
	size_t		 nvt;
	size_t		 vfirst[257];	/* vt index of each first byte */
};

/*
 * Characters.  Names are ASCII or UTF-8; ASCII is decided inline, other
 * characters through utf8proc's categories (letters, marks and numbers
 * are word characters, "…" or "€" are not).
 */

#define FNV_OFFSET	0xcbf29ce484222325ULL
#define FNV_PRIME	0x100000001b3ULL

static inline int
is_up(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline int
is_lo(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static inline int
is_alnum(unsigned char c)
{
	return is_up(c) || is_lo(c) || (c >= '0' && c <= '9');
}

static inline unsigned char
lower(unsigned char c)
{
	return is_up(c) ? (unsigned char)(c | 0x20) : c;
}

static inline uint64_t
hash_step(uint64_t h, unsigned char c)
{
	return (h ^ lower(c)) * FNV_PRIME;
}

/* Is the character at s[i] a word character?  *n is its length. */
static int
word_char(const char *s, size_t len, size_t i, size_t *n)
{
	unsigned char		c = (unsigned char)s[i];
	utf8proc_int32_t	cp;
	utf8proc_ssize_t	k;
	utf8proc_category_t	cat;

	*n = 1;
	if (c < 0x80)
		return is_alnum(c);
	k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(len - i), &cp);
	if (k <= 0)
		return 0;
	*n = (size_t)k;
	cat = utf8proc_category(cp);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
}

/* Is the character that ends just before s[i] a word character? */
static int
word_before(const char *s, size_t len, size_t i)
{
	size_t	j = i - 1, n;

	if ((unsigned char)s[j] < 0x80)
		return is_alnum((unsigned char)s[j]);
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xc0) == 0x80)
		j--;
	return word_char(s, len, j, &n);
}

/*
 * Scraped text glues words together: "televisionRia Novosti" (a word
 * boundary at i where a capital follows an all-lower-case word of three
 * letters or more) and "NATOneeds" (at i where a lower-case word of three
 * letters or more follows an all-capital word of two letters or more).
 * Names like "McDonald" or "iPhone" do not qualify.
 */
static int
camel_split(const char *s, size_t len, size_t i)
{
	size_t	j = i;

	if (i < 3 || !is_up((unsigned char)s[i]))
		return 0;
	while (j > 0 && is_lo((unsigned char)s[j - 1]))
		j--;
	return i - j >= 3 && (j == 0 || !word_before(s, len, j));
}

static int
acronym_split(const char *s, size_t len, size_t i)
{
	size_t	j = i;

	if (i < 2 || i + 3 > len || !is_lo((unsigned char)s[i]) ||
	    !is_lo((unsigned char)s[i + 1]) || !is_lo((unsigned char)s[i + 2]))
		return 0;
	while (j > 0 && is_up((unsigned char)s[j - 1]))
		j--;
	return i - j >= 2 && (j == 0 || !word_before(s, len, j));
}

/* Does a word end at s[i] (exclusive)? */
static int
word_ends(const char *s, size_t len, size_t i)
{
	size_t	n;

	return i >= len || !word_char(s, len, i, &n) ||
	    camel_split(s, len, i) || acronym_split(s, len, i);
}

/*
 * The word at s[i], a word character: returns its end, folds its
 * lower-cased bytes into *h, and sets *acr to the length of a glued
 * acronym that starts it ("NATO" of "NATOneeds"; 0 if none).  A word ends
 * where camel_split() says glued words meet.  Text and aliases are cut
 * into words by this one function, so their keys agree.
 */
static size_t
span_word(const char *s, size_t len, size_t i, uint64_t *h, size_t *acr)
{
	size_t		p, n, k;
	unsigned char	c = (unsigned char)s[i];
	int		lowrun = is_lo(c) ? 0 : -1, uprun = is_up(c) ? 0 : -1;

	*acr = 0;
	for (p = i; p < len; p += n) {
		c = (unsigned char)s[p];
		n = 1;
		if (c < 0x80) {
			if (!is_alnum(c) || (is_up(c) && lowrun >= 3))
				break;
			lowrun = is_lo(c) && lowrun >= 0 ? lowrun + 1 : -1;
			if (uprun >= 0 && !is_up(c)) {
				if (uprun >= 2 && is_lo(c))
					*acr = p - i;
				uprun = -1;
			} else if (uprun >= 0)
				uprun++;
			*h = hash_step(*h, c);
		} else {
			if (!word_char(s, len, p, &n))
				break;
			for (k = p; k < p + n; k++)
				*h = hash_step(*h, (unsigned char)s[k]);
			lowrun = uprun = -1;
		}
	}
	return p;
}

/* Where the word after the word ending at p starts: past separators
 * ("'", "-", ". ", spaces) on the same line.  len if none. */
static size_t
next_word(const char *s, size_t len, size_t p)
{
	size_t		n;
	unsigned char	c;

	while (p < len) {
		c = (unsigned char)s[p];
		if (c == '\n')
			return len;
		if (c < 0x80) {
			if (is_alnum(c))
				return p;
			p++;
		} else if (word_char(s, len, p, &n))
			return p;
		else
			p += n;
	}
	return len;
}

/*
 * Hash tables of lower-cased keys.
 */

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t	h = FNV_OFFSET;
	size_t		i;

	for (i = 0; i < n; i++)
		h = hash_step(h, (unsigned char)s[i]);
	return h;
}

/* Compare s[0..n) ASCII-case-insensitively with a lower-cased key. */
static int
key_eq(const struct slot *sl, const char *s, size_t n)
{
	size_t	i;

	if (sl->keylen != n)
		return 0;
	for (i = 0; i < n; i++)
		if (lower((unsigned char)s[i]) != (unsigned char)sl->key[i])
			return 0;
	return 1;
}

static struct slot *
wtab_get(const struct wtab *t, const char *s, size_t n, uint64_t h)
{
	size_t		 i;
	struct slot	*sl;

	if (t->cap == 0)
		return NULL;
	for (i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		sl = &t->v[i];
		if (sl->key == NULL)
			return NULL;
		if (sl->hash == h && key_eq(sl, s, n))
			return sl;
	}
}

static void wtab_grow(struct wtab *);

/* The slot for s[0..n), created (val and n zero) if missing. */
static struct slot *
wtab_put(struct wtab *t, const char *s, size_t n)
{
	uint64_t	 h = hash_bytes(s, n);
	struct slot	*sl;
	size_t		 i;

	if ((sl = wtab_get(t, s, n, h)) != NULL)
		return sl;
	if ((t->n + 1) * 2 > t->cap)
		wtab_grow(t);
	for (i = h & (t->cap - 1); t->v[i].key != NULL;
	    i = (i + 1) & (t->cap - 1))
		;
	sl = &t->v[i];
	sl->key = xmalloc(n + 1);
	for (i = 0; i < n; i++)
		sl->key[i] = (char)lower((unsigned char)s[i]);
	sl->key[n] = '\0';
	sl->keylen = n;
	sl->hash = h;
	sl->val = sl->n = 0;
	t->n++;
	return sl;
}

static void
wtab_grow(struct wtab *t)
{
	struct slot	*old = t->v;
	size_t		 oldcap = t->cap, i, j;

	t->cap = oldcap ? oldcap * 2 : 64;
	t->v = xcalloc(t->cap, sizeof *t->v);
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		for (j = old[i].hash & (t->cap - 1); t->v[j].key != NULL;
		    j = (j + 1) & (t->cap - 1))
			;
		t->v[j] = old[i];
	}
	free(old);
}

static void
wtab_release(struct wtab *t)
{
	size_t	i;

	for (i = 0; i < t->cap; i++)
		free(t->v[i].key);
	free(t->v);
	memset(t, 0, sizeof *t);
}

/*
 * Alias patterns.  "(Sergei|Sergey) Lavrov" stands for two names and
 * "(Russian)? foreign minister" for two more: a group is a choice, and a
 * group followed by '?' may be left out.  Groups nest.  Expanded names
 * are folded (curly quotes, no-break spaces) and their spaces collapsed.
 */

struct strs {
	char	**v;
	size_t	  n;
};

static void
strs_push(struct strs *l, char *s)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n++] = s;
}

static void
strs_release(struct strs *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Every name p[a..b) stands for, into out.  Returns NULL or an error. */
static const char *
expand(const char *p, size_t a, size_t b, struct strs *out)
{
	struct strs	 acc = { NULL, 0 }, next, sub;
	const char	*err = NULL;
	size_t		 i = a, j, k, alt, depth, x, y;

	strs_push(&acc, xstrdup(""));
	while (i < b && err == NULL) {
		if (p[i] == ')' || p[i] == '|') {
			err = p[i] == ')' ? "unbalanced ')'" :
			    "'|' outside a group";
			break;
		}
		if (p[i] != '(') {
			/* A literal run: append it to every name so far. */
			for (j = i; j < b && p[j] != '(' && p[j] != ')' &&
			    p[j] != '|'; j++)
				;
			for (x = 0; x < acc.n; x++) {
				char *s = xasprintf("%s%.*s", acc.v[x],
				    (int)(j - i), p + i);
				free(acc.v[x]);
				acc.v[x] = s;
			}
			i = j;
			continue;
		}
		/* A group: its alternatives, split at top-level '|'. */
		memset(&sub, 0, sizeof sub);
		depth = 0;
		for (j = alt = i + 1; j < b; j++) {
			if (p[j] == '(')
				depth++;
			else if (p[j] == ')' && depth > 0)
				depth--;
			else if ((p[j] == '|' || p[j] == ')') && depth == 0) {
				if ((err = expand(p, alt, j, &sub)) != NULL)
					break;
				alt = j + 1;
				if (p[j] == ')')
					break;
			}
		}
		if (err == NULL && j >= b)
			err = "unbalanced '('";
		if (err != NULL) {
			strs_release(&sub);
			break;
		}
		k = j + 1;
		if (k < b && p[k] == '?') {
			strs_push(&sub, xstrdup(""));
			k++;
		}
		if (acc.n * sub.n > EXPAND_MAX) {
			err = "alias stands for too many names";
			strs_release(&sub);
			break;
		}
		memset(&next, 0, sizeof next);
		for (x = 0; x < acc.n; x++)
			for (y = 0; y < sub.n; y++)
				strs_push(&next, xasprintf("%s%s", acc.v[x],
				    sub.v[y]));
		strs_release(&sub);
		strs_release(&acc);
		acc = next;
		i = k;
	}
	if (err == NULL && out->n + acc.n > EXPAND_MAX)
		err = "alias stands for too many names";
	if (err == NULL) {
		for (x = 0; x < acc.n; x++)
			strs_push(out, acc.v[x]);
		free(acc.v);
	} else
		strs_release(&acc);
	return err;
}

/* Fold s and collapse its white space: the form aliases are kept in. */
static char *
normalize(const char *s)
{
	struct cc_fold	 f;
	char		*out;
	size_t		 i, n = 0;

	cc_fold(s, strlen(s), &f);
	out = xmalloc(f.len + 1);
	for (i = 0; i < f.len; i++) {
		if (f.s[i] == ' ' || f.s[i] == '\t' || f.s[i] == '\n') {
			if (n > 0 && out[n - 1] != ' ')
				out[n++] = ' ';
		} else
			out[n++] = f.s[i];
	}
	if (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	cc_fold_release(&f);
	return out;
}

/*
 * The table.
 */

struct cc_entities *
cc_entities_new(void)
{
	return xcalloc(1, sizeof(struct cc_entities));
}

static void
unseal(struct cc_entities *E)
{
	size_t	i;

	free(E->order);
	E->order = NULL;
	for (i = 0; i < E->nal; i++) {
		free(E->al[i].key);
		E->al[i].key = NULL;
		free(E->al[i].caps);
		E->al[i].caps = NULL;
	}
	wtab_release(&E->first);
	wtab_release(&E->second);
	wtab_release(&E->words);
	for (i = 0; i < E->nvt; i++)
		free(E->vt[i].low);
	free(E->vt);
	E->vt = NULL;
	E->nvt = 0;
	E->sealed = 0;
}

void
cc_entities_free(struct cc_entities *E)
{
	size_t	i;

	if (E == NULL)
		return;
	unseal(E);
	for (i = 0; i < E->nents; i++) {
		free(E->ents[i].id);
		free(E->ents[i].name);
		free(E->ents[i].kind);
	}
	free(E->ents);
	for (i = 0; i < E->nal; i++)
		free(E->al[i].text);
	free(E->al);
	wtab_release(&E->seen);
	free(E);
}

/* Kinds whose names get near-miss matching: names of people and places,
 * not of organizations, whose acronyms and brands vary on purpose. */
static int
kind_has_variants(const char *kind)
{
	static const char *const kinds[] = {
		"person", "place", "country", "city", "region", NULL
	};
	size_t	i;

	for (i = 0; kinds[i] != NULL; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return 1;
	return 0;
}

/* Check a normalized alias of entity ent; NULL if usable. */
static const char *
alias_problem(const struct cc_entities *E, const char *a, size_t ent,
    struct cc_diag *d)
{
	const struct slot	*sl;
	size_t			 len = strlen(a), n;

	if (len == 0) {
		cc_diag_set(d, NULL, 0, 0, "empty alias");
		return "";
	}
	if (len > ALIAS_MAX) {
		cc_diag_set(d, NULL, 0, 0, "alias '%.40s...' is longer than "
		    "%d bytes", a, ALIAS_MAX);
		return "";
	}
	/* "U.S." may end in a dot; nothing may start with one. */
	if (!word_char(a, len, 0, &n) ||
	    (!word_before(a, len, len) && a[len - 1] != '.')) {
		cc_diag_set(d, NULL, 0, 0, "alias '%s' must start with a "
		    "letter or digit and end with one or '.'", a);
		return "";
	}
	sl = wtab_get(&E->seen, a, len, hash_bytes(a, len));
	if (sl != NULL && sl->val != ent) {
		cc_diag_set(d, NULL, 0, 0, "alias '%s' already names '%s'",
		    a, E->ents[sl->val].id);
		return "";
	}
	return NULL;
}

/* Add alias a of entity ent, whose aliases start at al0. */
static void
push_alias(struct cc_entities *E, const char *a, size_t ent, size_t al0)
{
	struct slot	*sl;
	struct alias	*al;
	size_t		 len = strlen(a), i;

	/* The same name twice (patterns overlap) is kept once; "RIA" and
	 * "Ria" are two, since their capitals say different things. */
	for (i = al0; i < E->nal; i++)
		if (strcmp(E->al[i].text, a) == 0)
			return;
	sl = wtab_put(&E->seen, a, len);
	sl->val = ent;
	E->al = xreallocarray(E->al, E->nal + 1, sizeof *E->al);
	al = &E->al[E->nal];
	memset(al, 0, sizeof *al);
	al->text = xstrdup(a);
	al->len = len;
	al->ent = ent;
	E->nal++;
}

int
cc_entities_add(struct cc_entities *E, const char *id, const char *name,
    const char *kind, char *const *aliases, size_t naliases,
    struct cc_diag *d)
{
	struct strs	 all = { NULL, 0 }, one;
	struct entity	*e;
	const char	*err;
	size_t		 i, j, ent = E->nents, al0 = E->nal;
	int		 rc = CC_ERULE;

	if (id == NULL || *id == '\0' || name == NULL || *name == '\0') {
		cc_diag_set(d, NULL, 0, 0, "an entity needs an id and a name");
		return CC_ERULE;
	}
	for (i = 0; i < E->nents; i++)
		if (strcmp(E->ents[i].id, id) == 0) {
			cc_diag_set(d, NULL, 0, 0, "duplicate entity id '%s'",
			    id);
			return CC_ERULE;
		}
	/* Expand and check every alias before anything is added, so a
	 * failed entity leaves the table as it was. */
	strs_push(&all, normalize(name));
	for (i = 0; i < naliases; i++) {
		memset(&one, 0, sizeof one);
		if ((err = expand(aliases[i], 0, strlen(aliases[i]),
		    &one)) != NULL) {
			cc_diag_set(d, NULL, 0, 0, "alias '%s': %s",
			    aliases[i], err);
			strs_release(&one);
			goto out;
		}
		for (j = 0; j < one.n; j++)
			strs_push(&all, normalize(one.v[j]));
		strs_release(&one);
	}
	for (i = 0; i < all.n; i++)
		if (alias_problem(E, all.v[i], ent, d) != NULL)
			goto out;
	E->ents = xreallocarray(E->ents, E->nents + 1, sizeof *E->ents);
	e = &E->ents[E->nents++];
	e->id = xstrdup(id);
	e->name = normalize(name);
	e->kind = xstrdup(kind ? kind : "other");
	e->variants = kind_has_variants(e->kind);
	for (i = 0; i < all.n; i++)
		push_alias(E, all.v[i], ent, al0);
	unseal(E);
	rc = CC_OK;
out:
	strs_release(&all);
	return rc;
}

/*
 * Which capitals an alias insists on.  A word the alias capitalizes must
 * be capitalized in the text ("Price" is not "price", "Turkey" not
 * "turkey"); a word of up to three capitals must match exactly ("US" is
 * not "us"); the rest of a word ignores case ("NATO" finds "Nato",
 * "Russia" finds "RUSSIA").  Lower-case alias words ignore case.
 */
static void
alias_caps(struct alias *al)
{
	const unsigned char	*t = (const unsigned char *)al->text;
	size_t			 i = 0, j, n, letters, caps;

	al->caps = xcalloc(al->len + 1, 1);
	while (i < al->len) {
		if (!word_char(al->text, al->len, i, &n)) {
			i += n;
			continue;
		}
		letters = caps = 0;
		for (j = i; j < al->len && word_char(al->text, al->len, j,
		    &n); j += n) {
			letters += n == 1 && (is_up(t[j]) || is_lo(t[j]));
			caps += n == 1 && is_up(t[j]);
		}
		if (letters > 0 && letters == caps && caps <= 3) {
			for (; i < j; i++)
				al->caps[i] = is_up(t[i]);
		} else
			al->caps[i] = is_up(t[i]);
		i = j;
	}
	/* A title ("Russia's foreign minister") ends in a lower-case word. */
	for (j = al->len; j > 0 && word_before(al->text, al->len, j); j--)
		;
	al->title = j < al->len && is_lo(t[j]);
}

/* The edit distance a name of this many letters may be off by. */
static int
variant_max(size_t letters)
{
	if (letters < 5)
		return -1;
	return letters <= 8 ? 1 : 2;
}

/* Is a[0..n) one capitalized word of letters only (no acronym)? */
static int
name_word(const char *a, size_t n)
{
	size_t	i, k;

	if (n < 2 || !is_up((unsigned char)a[0]) || !is_lo((unsigned char)a[1]))
		return 0;
	for (i = 0; i < n; i += k) {
		if (!word_char(a, n, i, &k))
			return 0;
		if (k == 1 && !is_up((unsigned char)a[i]) &&
		    !is_lo((unsigned char)a[i]))
			return 0;
	}
	return 1;
}

static size_t
count_letters(const char *s, size_t n)
{
	size_t	i, c = 0;

	for (i = 0; i < n; i++)
		c += s[i] != ' ' && ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* Add alias al as a variant target if it is the name of a person or
 * place in one or two capitalized words. */
static void
add_vtarget(struct cc_entities *E, const struct alias *al)
{
	const char	*sp = memchr(al->text, ' ', al->len);
	struct vtarget	*v;
	size_t		 i, k;
	int		 max = variant_max(count_letters(al->text, al->len));

	if (!E->ents[al->ent].variants || max < 0 || al->len > 2 *
	    NAME_WORD_MAX)
		return;
	if (sp == NULL) {
		if (!name_word(al->text, al->len))
			return;
	} else {
		k = (size_t)(sp - al->text);
		if (memchr(sp + 1, ' ', al->len - k - 1) != NULL ||
		    !name_word(al->text, k) ||
		    !name_word(sp + 1, al->len - k - 1))
			return;
	}
	E->vt = xreallocarray(E->vt, E->nvt + 1, sizeof *E->vt);
	v = &E->vt[E->nvt++];
	v->low = xstrdup(al->text);
	for (i = 0; i < al->len; i++)
		v->low[i] = (char)lower((unsigned char)v->low[i]);
	v->len = al->len;
	v->sp = sp ? (size_t)(sp - al->text) : 0;
	v->max = max;
	v->ent = al->ent;
}

struct order_key {
	const char	*key;
	size_t		 keylen;
	size_t		 len;
	size_t		 idx;
};

static int
order_cmp(const void *pa, const void *pb)
{
	const struct order_key	*a = pa, *b = pb;
	size_t			 i, n = a->keylen < b->keylen ? a->keylen :
				    b->keylen;
	int			 d;

	for (i = 0; i < n; i++) {
		d = lower((unsigned char)a->key[i]) -
		    lower((unsigned char)b->key[i]);
		if (d != 0)
			return d;
	}
	if (a->keylen != b->keylen)
		return a->keylen < b->keylen ? -1 : 1;
	if (a->len != b->len)
		return a->len > b->len ? -1 : 1;	/* longest first */
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int
vt_cmp(const void *pa, const void *pb)
{
	const struct vtarget	*a = pa, *b = pb;
	int			 d = (unsigned char)a->low[0] -
				    (unsigned char)b->low[0];

	if (d != 0)
		return d;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return strcmp(a->low, b->low);
}

/* Build alias al's index key: its first word, or its first two words
 * joined by KEY_SEP (the form scan() builds from the text). */
static void
alias_key(struct alias *al)
{
	uint64_t	h = FNV_OFFSET;
	size_t		e1, w2, e2, acr, k;

	e1 = span_word(al->text, al->len, 0, &h, &acr);
	w2 = next_word(al->text, al->len, e1);
	if (w2 < al->len) {
		e2 = span_word(al->text, al->len, w2, &h, &acr);
		al->key = xasprintf("%.*s%c%.*s", (int)e1, al->text, KEY_SEP,
		    (int)(e2 - w2), al->text + w2);
		al->two = 1;
	} else
		al->key = xstrndup(al->text, e1);
	al->keylen = strlen(al->key);
	for (k = 0; k < al->keylen; k++)
		al->key[k] = (char)lower((unsigned char)al->key[k]);
}

void
cc_entities_seal(struct cc_entities *E)
{
	struct order_key	*ok;
	struct slot		*sl;
	struct alias		*al;
	size_t			 i, j, n, b;

	unseal(E);
	ok = xcalloc(E->nal ? E->nal : 1, sizeof *ok);
	for (i = 0; i < E->nal; i++) {
		al = &E->al[i];
		alias_key(al);
		alias_caps(al);
		ok[i].key = al->key;
		ok[i].keylen = al->keylen;
		ok[i].len = al->len;
		ok[i].idx = i;
		/* Every word, for telling a known name from a new one. */
		for (j = 0; j < al->len; j += n) {
			if (!word_char(al->text, al->len, j, &n))
				continue;
			b = j;
			while (j < al->len && word_char(al->text, al->len, j,
			    &n))
				j += n;
			wtab_put(&E->words, al->text + b, j - b);
			n = 0;
		}
		add_vtarget(E, al);
	}
	qsort(ok, E->nal, sizeof *ok, order_cmp);
	E->order = xcalloc(E->nal ? E->nal : 1, sizeof *E->order);
	for (i = 0; i < E->nal; i++) {
		al = &E->al[ok[i].idx];
		E->order[i] = ok[i].idx;
		if (al->keylen > KEY_MAX)
			continue;	/* no text word pair is that long */
		sl = wtab_put(al->two ? &E->second : &E->first, al->key,
		    al->keylen);
		if (sl->n++ == 0)
			sl->val = i;
		if (al->two)
			wtab_put(&E->first, al->key, (size_t)(strchr(al->key,
			    KEY_SEP) - al->key))->two = 1;
	}
	free(ok);
	/* Near-miss targets, grouped by first byte and sorted by length. */
	if (E->nvt > 0)		/* (vt is NULL in an empty table) */
		qsort(E->vt, E->nvt, sizeof *E->vt, vt_cmp);
	for (i = 0, b = 0; b < 257; b++) {
		while (i < E->nvt && (unsigned char)E->vt[i].low[0] < b)
			i++;
		E->vfirst[b] = i;
	}
	E->sealed = 1;
}

/*
 * Matching.
 */

/* Does alias al match at s[i]?  Returns the end of the match, or 0. */
static size_t
match_alias(const struct alias *al, const char *s, size_t len, size_t i)
{
	const unsigned char	*t = (const unsigned char *)al->text;
	size_t			 k, p = i;
	unsigned char		 c, x;

	for (k = 0; k < al->len; k++) {
		c = t[k];
		if (p >= len)
			return 0;
		x = (unsigned char)s[p];
		if (c == ' ') {
			if (x != ' ')
				return 0;
			while (p < len && s[p] == ' ')
				p++;
			continue;
		}
		if (lower(x) != lower(c) || (al->caps[k] && !is_up(x)))
			return 0;
		p++;
	}
	if (t[al->len - 1] != '.' && !word_ends(s, len, p))
		return 0;
	/* A bare title before a name is that name's title: in "Russian
	 * president Dmitry Medvedev" the president is not Putin. */
	if (al->title && p + 1 < len && s[p] == ' ' &&
	    is_up((unsigned char)s[p + 1]))
		return 0;
	return p;
}

/* The first alias of run sl (longest first) that matches at s[i]; its
 * end goes to *end. */
static const struct alias *
match_run(const struct cc_entities *E, const struct slot *sl, const char *s,
    size_t len, size_t i, size_t *end)
{
	const struct alias	*al;
	size_t			 k;

	if (sl == NULL)
		return NULL;
	for (k = sl->val; k < sl->val + sl->n; k++) {
		al = &E->al[E->order[k]];
		if ((*end = match_alias(al, s, len, i)) != 0)
			return al;
	}
	return NULL;
}

/*
 * The longest alias that matches at the word s[i..p), whose lower-cased
 * hash is h: first those keyed by this word and the next, then those of
 * this word alone (always shorter).  Its end goes to *end.
 */
static const struct alias *
match_at(const struct cc_entities *E, const char *s, size_t len, size_t i,
    size_t p, uint64_t h, size_t *end)
{
	const struct slot	*sl = wtab_get(&E->first, s + i, p - i, h);
	const struct alias	*al;
	char			 key[KEY_MAX];
	size_t			 w2, e2, acr, n;

	if (sl == NULL)
		return NULL;
	if (sl->two && (w2 = next_word(s, len, p)) < len) {
		h = hash_step(h, KEY_SEP);
		e2 = span_word(s, len, w2, &h, &acr);
		n = (p - i) + 1 + (e2 - w2);
		if (n <= KEY_MAX) {
			memcpy(key, s + i, p - i);
			key[p - i] = KEY_SEP;
			memcpy(key + (p - i) + 1, s + w2, e2 - w2);
			al = match_run(E, wtab_get(&E->second, key, n, h), s,
			    len, i, end);
			if (al != NULL)
				return al;
		}
	}
	return match_run(E, sl, s, len, i, end);
}

/* Optimal string alignment distance of a and b, or max + 1 if above. */
static int
osa_distance(const char *a, size_t n, const char *b, size_t m, int max)
{
	int	 d[3][2 * NAME_WORD_MAX + 2];
	int	*pp, *p, *c, best, v;
	size_t	 i, j;

	if (n > 2 * NAME_WORD_MAX || m > 2 * NAME_WORD_MAX)
		return max + 1;
	if ((n > m ? n - m : m - n) > (size_t)max)
		return max + 1;
	for (j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= n; i++) {
		pp = d[(i + 1) % 3];
		p = d[(i - 1) % 3];
		c = d[i % 3];
		c[0] = (int)i;
		best = c[0];
		for (j = 1; j <= m; j++) {
			v = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return d[n % 3][m];
}

/* Does one of a[0..n), b[0..m) contain the other?  "Russian" holds
 * "Russia", "Prussia" too: derived words, not misspellings. */
static int
contains(const char *a, size_t n, const char *b, size_t m)
{
	size_t	i;

	if (n < m)
		return contains(b, m, a, n);
	for (i = 0; i + m <= n; i++)
		if (memcmp(a + i, b, m) == 0)
			return 1;
	return 0;
}

/* A word that may be a misspelled name: a capital then lower case, made
 * of letters, ending at a plain boundary.  Its end goes to *end. */
static int
name_at(const char *s, size_t len, size_t i, size_t *end)
{
	size_t	j, n;

	if (i + 1 >= len || !is_up((unsigned char)s[i]) ||
	    !is_lo((unsigned char)s[i + 1]))
		return 0;
	for (j = i; j < len && j - i <= NAME_WORD_MAX; j += n) {
		if (!word_char(s, len, j, &n))
			break;
		if (n == 1 && !is_up((unsigned char)s[j]) &&
		    !is_lo((unsigned char)s[j]))
			return 0;	/* digits: a code, not a name */
		if (j > i && camel_split(s, len, j))
			return 0;
	}
	if (j - i > NAME_WORD_MAX)
		return 0;
	*end = j;
	return 1;
}

/* Is s[i] the first word of a sentence or a line? */
static int
sentence_start(const char *s, size_t i)
{
	while (i > 0 && s[i - 1] == ' ')
		i--;
	if (i == 0)
		return 1;
	return strchr("\n.!?:;\"'([-", s[i - 1]) != NULL;
}

static int
known_word(const struct cc_entities *E, const char *s, size_t n)
{
	return wtab_get(&E->words, s, n, hash_bytes(s, n)) != NULL;
}

/*
 * The entity that the name low[0..n) (lower-cased; a pair when sp > 0,
 * sp the offset of its space) misspells, or -1.  The closest target wins;
 * a tie between two entities is no match.  In a pair one word must be
 * exact and the other a plausible misspelling of its counterpart.
 */
static long
closest(const struct cc_entities *E, const char *low, size_t n, size_t sp)
{
	const struct vtarget	*t;
	const char		*cw, *tw;
	size_t			 k, cn, tn;
	long			 best = -1;
	int			 bestd = 99, d, tie = 0;

	for (k = E->vfirst[(unsigned char)low[0]];
	    k < E->vfirst[(unsigned char)low[0] + 1]; k++) {
		t = &E->vt[k];
		if ((t->sp != 0) != (sp != 0))
			continue;
		if (t->len + 2 < n)
			continue;
		if (t->len > n + 2)
			break;
		if (sp == 0) {
			cw = low, cn = n, tw = t->low, tn = t->len;
		} else if (sp == t->sp && memcmp(low, t->low, sp) == 0) {
			cw = low + sp + 1, cn = n - sp - 1;
			tw = t->low + t->sp + 1, tn = t->len - t->sp - 1;
		} else if (n - sp == t->len - t->sp &&
		    memcmp(low + sp, t->low + t->sp, n - sp) == 0) {
			cw = low, cn = sp, tw = t->low, tn = t->sp;
		} else
			continue;
		/* The misspelled word keeps its initial and is no derived
		 * form.  (That it is no word the table knows, variant_at()
		 * has made sure.) */
		if (cw[0] != tw[0] || contains(cw, cn, tw, tn))
			continue;
		d = osa_distance(low, n, t->low, t->len, t->max);
		if (d > t->max || d > bestd)
			continue;
		if (d < bestd) {
			bestd = d;
			best = (long)t->ent;
			tie = 0;
		} else if ((size_t)best != t->ent)
			tie = 1;
	}
	return tie ? -1 : best;
}

/*
 * A near miss of a person's or place's name at the word s[i..we): a pair
 * ("Olaf Schultz") or, mid-sentence and on its own or after a known title
 * ("Chancellor Schultz"), a single word.  Returns the entity or -1, with
 * the end of the mention in *end.
 */
static long
variant_at(const struct cc_entities *E, const char *s, size_t len,
    size_t i, size_t we, size_t *end)
{
	char	 low[2 * NAME_WORD_MAX + 2];
	size_t	 n1 = we - i, j, w2, we2, k;
	long	 ent;

	if (E->vfirst[lower((unsigned char)s[i])] ==
	    E->vfirst[lower((unsigned char)s[i]) + 1])
		return -1;
	for (k = 0; k < n1; k++)
		low[k] = (char)lower((unsigned char)s[i + k]);
	w2 = we + 1;
	if (we + 1 < len && s[we] == ' ' && name_at(s, len, w2, &we2)) {
		/* Two capitalized words: a pair, never a single word.  One
		 * word must equal its counterpart, a known word; if the
		 * other is known too, this is a new combination of known
		 * names ("Vladimir Lavrov"), not a misspelling. */
		if (known_word(E, s + w2, we2 - w2) &&
		    known_word(E, s + i, n1))
			return -1;
		low[n1] = ' ';
		for (k = w2; k < we2; k++)
			low[n1 + 1 + k - w2] = (char)lower((unsigned char)s[k]);
		if ((ent = closest(E, low, we2 - i, n1)) < 0)
			return -1;
		*end = we2;
		return ent;
	}
	if (sentence_start(s, i) || known_word(E, s + i, n1))
		return -1;
	/* After another capitalized word, only a known one: "Chancellor
	 * Schultz" may be Scholz, "Martin Schulz" is somebody else. */
	if (i >= 2 && s[i - 1] == ' ' && word_before(s, len, i - 1)) {
		for (j = i - 1; j > 0 && word_before(s, len, j); j--)
			;
		if (is_up((unsigned char)s[j]) &&
		    !known_word(E, s + j, i - 1 - j))
			return -1;
	}
	if ((ent = closest(E, low, n1, 0)) < 0)
		return -1;
	*end = we;
	return ent;
}

/* Scan s[from..len); see cc_entity_scan. */
static size_t
scan(const struct cc_entities *E, const char *s, size_t len, size_t from,
    struct cc_entity_mention *out, size_t max)
{
	const struct alias	*al;
	const struct entity	*e;
	size_t			 i = from, p, n, found = 0, end, acr;
	uint64_t		 h;
	unsigned char		 c;
	long			 ent;

	if (!E->sealed || s == NULL)
		return 0;
	while (i < len && found < max) {
		c = (unsigned char)s[i];
		if (c < 0x80 && !is_alnum(c)) {
			i++;
			continue;
		}
		if (c >= 0x80 && !word_char(s, len, i, &n)) {
			i += n;
			continue;
		}
		/* A word: hash it lower-cased, noting where glued words
		 * ("televisionRia", "NATOneeds") come apart. */
		h = FNV_OFFSET;
		p = span_word(s, len, i, &h, &acr);
		al = match_at(E, s, len, i, p, h, &end);
		if (al == NULL && acr > 0 && acronym_split(s, len, i + acr))
			al = match_at(E, s, len, i, i + acr,
			    hash_bytes(s + i, acr), &end);
		if (al != NULL) {
			e = &E->ents[al->ent];
			out[found].start = i;
			out[found].end = end;
			out[found].id = e->id;
			out[found].name = e->name;
			out[found].kind = e->kind;
			out[found].variant_of = NULL;
			found++;
			i = end;
			continue;
		}
		if (E->nvt > 0 && (i == 0 || !word_before(s, len, i)) &&
		    name_at(s, len, i, &end) && end == p &&
		    (ent = variant_at(E, s, len, i, p, &end)) >= 0) {
			e = &E->ents[ent];
			out[found].start = i;
			out[found].end = end;
			out[found].id = e->id;
			out[found].name = e->name;
			out[found].kind = e->kind;
			out[found].variant_of = e->name;
			found++;
			i = end;
			continue;
		}
		i = p;
	}
	return found;
}

size_t
cc_entity_scan(const struct cc_entities *E, const char *s, size_t len,
    struct cc_entity_mention *out, size_t max)
{
	return scan(E, s, len, 0, out, max);
}

const char *
cc_entity_lookup(const struct cc_entities *E, const char *text, size_t len)
{
	struct cc_entity_mention	 m[LOOKUP_BATCH];
	const char			*id = NULL;
	size_t				 n, k, from = 0, best = 0;

	do {
		n = scan(E, text, len, from, m, LOOKUP_BATCH);
		for (k = 0; k < n; k++)
			if (m[k].end - m[k].start > best) {
				best = m[k].end - m[k].start;
				id = m[k].id;
			}
		if (n > 0)
			from = m[n - 1].end;
	} while (n == LOOKUP_BATCH);
	return id;
}

static const struct entity *
entity_by_id(const struct cc_entities *E, const char *id)
{
	size_t	i;

	for (i = 0; E != NULL && id != NULL && i < E->nents; i++)
		if (strcmp(E->ents[i].id, id) == 0)
			return &E->ents[i];
	return NULL;
}

const char *
cc_entity_name(const struct cc_entities *E, const char *id)
{
	const struct entity	*e = entity_by_id(E, id);

	return e ? e->name : NULL;
}

const char *
cc_entity_kind(const struct cc_entities *E, const char *id)
{
	const struct entity	*e = entity_by_id(E, id);

	return e ? e->kind : NULL;
}
