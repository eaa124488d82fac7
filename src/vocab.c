/*
 * vocab.c - named word lists with case-insensitive lookup (see vocab.h).
 *
 * Lists are kept sorted by lower-cased word as entries are added (the
 * date scanner searches them for phrases that start with a word), and
 * filed again in a hash table by word, so a lookup is one hash; lists
 * are small (tens to hundreds of words) and loaded once.  A list is
 * found by its name through a hash table too: callers name the list on
 * every lookup, and comparing the name with each list's in turn cost
 * more than the search of the list itself.  A caller that looks up
 * often asks for the list once (cc_vocab_list_lookup()).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "vocab.h"
#include "xmalloc.h"

struct cc_vocab {
	struct cc_vocab_list	*lists;
	size_t			 n;
	size_t			*slot;		/* open addressing: index into
						   lists + 1, 0 if empty */
	size_t			 nslot;		/* a power of two, > 2 n */
};

struct cc_vocab *
cc_vocab_new(void)
{
	return xcalloc(1, sizeof(struct cc_vocab));
}

void
cc_vocab_free(struct cc_vocab *vc)
{
	size_t	i, j;

	if (vc == NULL)
		return;
	for (i = 0; i < vc->n; i++) {
		for (j = 0; j < vc->lists[i].n; j++) {
			free(vc->lists[i].v[j].word);
			free(vc->lists[i].v[j].value);
		}
		free(vc->lists[i].v);
		free(vc->lists[i].hash);
		free(vc->lists[i].name);
	}
	free(vc->lists);
	free(vc->slot);
	free(vc);
}

/* FNV-1a of a list name. */
static size_t
name_hash(const char *name)
{
	size_t	h = 2166136261u;

	for (; *name != '\0'; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return h;
}

/* File list k under its name (not yet there). */
static void
slot_add(struct cc_vocab *vc, size_t k)
{
	size_t	h = name_hash(vc->lists[k].name) & (vc->nslot - 1);

	while (vc->slot[h] != 0)
		h = (h + 1) & (vc->nslot - 1);
	vc->slot[h] = k + 1;
}

/* Hash of word[0..len), ASCII letters without case. */
static size_t
word_hash(const char *word, size_t len)
{
	size_t		h = 2166136261u;
	unsigned char	c;

	while (len-- > 0) {
		c = (unsigned char)*word++;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		h = (h ^ c) * 16777619u;
	}
	return h;
}

/* The slot of l's hash where word[0..len) is, or the empty one it would
 * take. */
static size_t
hash_slot(const struct cc_vocab_list *l, const char *word, size_t len)
{
	size_t	h = word_hash(word, len) & (l->nhash - 1);

	while (l->hash[h].word != NULL && (strncasecmp(l->hash[h].word,
	    word, len) != 0 || l->hash[h].word[len] != '\0'))
		h = (h + 1) & (l->nhash - 1);
	return h;
}

/* File entry e, the last added to l, in l's hash; or file them all
 * anew in one twice the size when the hash would be more than half
 * full. */
static void
hash_add(struct cc_vocab_list *l, const struct cc_vocab_entry *e)
{
	size_t	k;

	if (2 * l->n <= l->nhash) {
		l->hash[hash_slot(l, e->word, strlen(e->word))] = *e;
		return;
	}
	free(l->hash);
	l->nhash = l->nhash ? 2 * l->nhash : 16;
	while (2 * l->n > l->nhash)
		l->nhash *= 2;
	l->hash = xcalloc(l->nhash, sizeof *l->hash);
	for (k = 0; k < l->n; k++)
		l->hash[hash_slot(l, l->v[k].word, strlen(l->v[k].word))] =
		    l->v[k];
}

/* Compare word[0..len) with NUL-terminated w, ASCII case-insensitively. */
static int
word_cmp(const char *word, size_t len, const char *w)
{
	int	r = strncasecmp(word, w, len);

	if (r != 0)
		return r;
	return w[len] == '\0' ? 0 : -1;
}

/* Index where word is, or where it would be inserted; *found set. */
static size_t
list_find(const struct cc_vocab_list *l, const char *word, size_t len,
    int *found)
{
	size_t	lo = 0, hi = l->n, mid;
	int	r;

	*found = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		r = word_cmp(word, len, l->v[mid].word);
		if (r == 0) {
			*found = 1;
			return mid;
		}
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

const struct cc_vocab_list *
cc_vocab_list(const struct cc_vocab *vc, const char *name)
{
	size_t	h;

	if (vc == NULL || vc->nslot == 0)
		return NULL;
	for (h = name_hash(name) & (vc->nslot - 1); vc->slot[h] != 0;
	    h = (h + 1) & (vc->nslot - 1))
		if (strcmp(vc->lists[vc->slot[h] - 1].name, name) == 0)
			return &vc->lists[vc->slot[h] - 1];
	return NULL;
}

void
cc_vocab_add(struct cc_vocab *vc, const char *list, const char *word,
    const char *value)
{
	struct cc_vocab_list	*l = (struct cc_vocab_list *)
				    cc_vocab_list(vc, list);
	size_t			 at, k;
	int			 found;

	if (l == NULL) {
		vc->lists = xreallocarray(vc->lists, vc->n + 1,
		    sizeof *vc->lists);
		l = &vc->lists[vc->n++];
		memset(l, 0, sizeof *l);
		l->name = xstrdup(list);
		l->sorted = 1;
		if (2 * vc->n >= vc->nslot) {
			/* Keep the table at most half full: refile all. */
			vc->nslot = vc->nslot ? vc->nslot * 2 : 64;
			free(vc->slot);
			vc->slot = xcalloc(vc->nslot, sizeof *vc->slot);
			for (k = 0; k < vc->n; k++)
				slot_add(vc, k);
		} else
			slot_add(vc, vc->n - 1);
	}
	at = list_find(l, word, strlen(word), &found);
	if (found) {
		free(l->v[at].value);
		l->v[at].value = xstrdup_or_null(value);
		l->hash[hash_slot(l, word, strlen(word))].value =
		    l->v[at].value;
		return;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	memmove(&l->v[at + 1], &l->v[at], (l->n - at) * sizeof *l->v);
	l->v[at].word = xstrdup(word);
	l->v[at].value = xstrdup_or_null(value);
	l->n++;
	hash_add(l, &l->v[at]);
}

const char *
cc_vocab_list_lookup(const struct cc_vocab_list *l, const char *word,
    size_t len)
{
	const struct cc_vocab_entry	*e;

	if (l == NULL || len == 0 || l->nhash == 0)
		return NULL;
	e = &l->hash[hash_slot(l, word, len)];
	if (e->word == NULL)
		return NULL;
	return e->value ? e->value : "";
}

const char *
cc_vocab_lookup(const struct cc_vocab *vc, const char *list,
    const char *word, size_t len)
{
	return cc_vocab_list_lookup(cc_vocab_list(vc, list), word, len);
}
