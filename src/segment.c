/*
 * segment.c - sentence segmentation of folded text (see text.h).
 *
 * Scraped news puts one paragraph on a line, so lines are split first and
 * a line break always ends a sentence.  Inside a line the rules are the
 * usual ones for English news: a terminator followed by space and
 * something that can start a sentence, unless the word before the period
 * is an abbreviation.  Every byte is looked at a bounded number of times:
 * looking back for the word before a period stops after a few bytes, and
 * so does the search for a place to cut an over-long sentence.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "swar.h"
#include "text.h"
#include "xmalloc.h"

/* How far back a word before a period may reach (longest abbreviation
 * in the tables below plus some quotes and brackets). */
#define WORD_BACK	16
/* How far back a glued "word.Word" looks for a URL or an address. */
#define GLUED_BACK	48
/* How far back from CC_SENTENCE_MAX to look for a space to cut at. */
#define CUT_BACK	256

/*
 * The word lists are searched by halving (in_list()), so each is kept in
 * order: ASCII case ignored for the abbreviations, byte order for the
 * starters, whose case counts.
 */

/* Titles before a name: a period after one never ends a sentence. */
static const char *const titles[] = {
	"Adm", "Amb", "approx", "Brig", "Capt", "cf", "Cmdr", "Col", "Cpl",
	"Dr", "Fr", "Ft", "Gen", "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs",
	"Mlle", "Mme", "Mr", "Mrs", "Ms", "Mt", "Pres", "Prof", "Pvt", "Rep",
	"Reps", "Rev", "Sen", "Sens", "Sgt", "St", "Ste", "Supt", "vs",
};

/* Abbreviations that stand before a number ("Oct. 30", "No. 5"): no
 * sentence ends there when a digit follows. */
static const char *const before_number[] = {
	"Apr", "Art", "Aug", "c", "ca", "Ch", "Dec", "Ed", "Feb", "Fig", "Jan",
	"Jul", "Jun", "Mar", "No", "Nos", "Nov", "Oct", "p", "Para", "pp",
	"Ref", "Sec", "Sep", "Sept", "Tel", "Vol",
};

/* Abbreviations that may end a sentence ("... Acme Inc. The company"):
 * the sentence ends only when a word that usually starts one follows. */
static const char *const soft[] = {
	"al", "Assn", "Ave", "Blvd", "Bros", "Co", "Corp", "Dept", "etc",
	"Govt", "Inc", "Jr", "Ltd", "Rd", "Sq", "Sr", "Univ",
};

/* Dotted abbreviations that never end a sentence. */
static const char *const latin[] = { "e.g", "i.e" };

/* Words that start sentences, and rarely follow "U.S." inside one. */
static const char *const starters[] = {
	"A", "According", "After", "Also", "An", "And", "As", "At", "Before",
	"But", "Earlier", "He", "Her", "His", "How", "However", "I", "If",
	"In", "It", "Its", "Last", "Later", "Meanwhile", "Moreover", "On",
	"Our", "She", "So", "Some", "That", "The", "Their", "There", "These",
	"They", "This", "Those", "Thus", "We", "What", "When", "Where",
	"While", "Who", "Why", "Yet", "You",
};

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static int
is_upper_at(const char *s, size_t i, size_t end)
{
	unsigned char		c = (unsigned char)s[i];
	utf8proc_int32_t	cp;
	utf8proc_category_t	cat;

	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(end - i), &cp) <= 0)
		return 0;
	cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

static int
is_ellipsis(const char *s, size_t i, size_t end)
{
	return i + 2 < end && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0xa6;
}

static int
is_closer(unsigned char c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
}

/* ASCII lower case of c, if fold. */
static unsigned char
fold_byte(unsigned char c, int fold)
{
	return fold && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Where the list word e sorts against w[0..n): negative before, 0 the
 * same word, positive after (a word sorts before the words it starts). */
static int
word_cmp(const char *e, const char *w, size_t n, int fold)
{
	unsigned char	a, b;
	size_t		k;

	for (k = 0; k < n; k++) {
		if (e[k] == '\0')
			return -1;
		a = fold_byte((unsigned char)e[k], fold);
		b = fold_byte((unsigned char)w[k], fold);
		if (a != b)
			return a < b ? -1 : 1;
	}
	return e[n] != '\0';
}

/* Is w[0..n) one of the nlist words of list (ASCII case ignored if
 * fold)?  Called for every capitalized word and period: the lists are
 * sorted, and searched by halving. */
static int
in_list(const char *const *list, size_t nlist, const char *w, size_t n,
    int fold)
{
	size_t	lo = 0, hi = nlist, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = word_cmp(list[mid], w, n, fold)) == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

#define IN_LIST(list, w, n, fold) \
	in_list((list), sizeof (list) / sizeof *(list), (w), (n), (fold))

/* Is the word at s[i..end) one of starters (followed by a non-letter)? */
static int
starts_with_starter(const char *s, size_t i, size_t end)
{
	size_t	n = 0;

	while (i + n < end && n <= 10 && is_alpha((unsigned char)s[i + n]))
		n++;
	if (n == 0 || n > 10)
		return 0;
	return IN_LIST(starters, s + i, n, 0);
}

/*
 * What the period at s[p] says about a sentence end, given the next
 * non-space character at s[r]: 1 may end (the caller checks what
 * follows), 0 never, -1 ends only before a starter word.
 */
static int
period_kind(const char *s, size_t start, size_t p, size_t r, size_t end)
{
	size_t		b = p, n, k;
	const char	*w;
	int		dotted;

	/* The word before the period: back to a space or an opening
	 * quote or bracket, a few bytes at most. */
	while (b > start && p - b < WORD_BACK &&
	    !is_space((unsigned char)s[b - 1]) && s[b - 1] != '"' &&
	    s[b - 1] != '(' && s[b - 1] != '[')
		b--;
	if (b > start && p - b >= WORD_BACK)
		return 1;	/* a long word is no abbreviation */
	if (b < p && s[b] == '\'')
		b++;
	w = s + b;
	n = p - b;
	if (n == 0)
		return 1;
	/* An initial: "J. Biden"; a lone lower-case letter is a word. */
	if (n == 1 && is_alpha((unsigned char)w[0]))
		return is_lower((unsigned char)w[0]) ? 1 : 0;
	/* Letters separated by dots: "U.S", "U.N", "a.m", "e.g". */
	dotted = n >= 3;
	for (k = 0; k < n && dotted; k++)
		dotted = (k % 2 == 0) ? is_alpha((unsigned char)w[k]) :
		    w[k] == '.';
	if (dotted && n % 2 == 1) {
		if (n == 3 && IN_LIST(latin, w, n, 1))
			return 0;
		return -1;
	}
	if (IN_LIST(titles, w, n, 1))
		return 0;
	if (IN_LIST(before_number, w, n, 1))
		return r < end && s[r] >= '0' && s[r] <= '9' ? 0 : 1;
	if (IN_LIST(soft, w, n, 1))
		return -1;
	return 1;
}

/* Can s[r..end) start a sentence (upper-case letter, digit, opening
 * quote or bracket before a letter or digit)? */
static int
can_start(const char *s, size_t r, size_t end)
{
	unsigned char	c = (unsigned char)s[r];

	if (c >= '0' && c <= '9')
		return 1;
	if (c == '"' || c == '\'' || c == '(' || c == '[')
		return r + 1 < end && !is_space((unsigned char)s[r + 1]) &&
		    (is_upper_at(s, r + 1, end) ||
		    (s[r + 1] >= '0' && s[r + 1] <= '9') ||
		    s[r + 1] == '"' || s[r + 1] == '\'');
	return is_upper_at(s, r, end);
}

struct cc_sentence *
cc_sentences_push(struct cc_sentences *ss)
{
	struct cc_sentence	*st;

	if (ss->n == ss->cap) {
		ss->cap = ss->cap ? ss->cap * 2 : 64;
		ss->v = xreallocarray(ss->v, ss->cap, sizeof *ss->v);
	}
	st = &ss->v[ss->n++];
	memset(st, 0, sizeof *st);
	return st;
}

void
cc_sentences_release(struct cc_sentences *ss)
{
	if (ss == NULL)
		return;
	free(ss->v);
	ss->v = NULL;
	ss->n = ss->cap = 0;
}

/*
 * Where to cut a sentence that has reached CC_SENTENCE_MAX at p: at the
 * last space not too far back, else at a character boundary.
 */
static size_t
cut_point(const char *s, size_t start, size_t p)
{
	size_t	k;

	for (k = p; k > start && p - k < CUT_BACK; k--)
		if (is_space((unsigned char)s[k - 1]))
			return k;
	k = p;
	while (k > start + 1 && ((unsigned char)s[k] & 0xc0) == 0x80)
		k--;
	return k;
}

/* Add s[a..b) trimmed, if anything is left, in pieces of at most
 * CC_SENTENCE_MAX bytes. */
static void
add(const char *s, size_t a, size_t b, unsigned para,
    struct cc_sentences *out)
{
	struct cc_sentence	*st;
	size_t			 k;

	for (;;) {
		while (a < b && is_space((unsigned char)s[a]))
			a++;
		while (b > a && is_space((unsigned char)s[b - 1]))
			b--;
		if (a == b)
			return;
		k = b - a > CC_SENTENCE_MAX ?
		    cut_point(s, a, a + CC_SENTENCE_MAX) : b;
		st = cc_sentences_push(out);
		st->start = a;
		st->end = k;
		while (st->end > a && is_space((unsigned char)s[st->end - 1]))
			st->end--;
		st->para = para;
		a = k;
	}
}

/*
 * Is the period at s[p] the end of a sentence glued to the next by
 * scraping ("in March.The West")?  Two lower-case letters before it, a
 * capitalized word right after, and not inside a URL or an address.
 */
static int
is_glued(const char *s, size_t start, size_t p, size_t le)
{
	size_t	r;

	if (p < start + 2 || !is_lower((unsigned char)s[p - 1]) ||
	    !is_lower((unsigned char)s[p - 2]) || p + 2 >= le ||
	    !is_upper_at(s, p + 1, le) || !is_lower((unsigned char)s[p + 2]))
		return 0;
	for (r = p; r > start && p - r < GLUED_BACK &&
	    !is_space((unsigned char)s[r - 1]); r--)
		if (s[r - 1] == '/' || s[r - 1] == '@' || s[r - 1] == '.')
			return 0;
	return r == start || is_space((unsigned char)s[r - 1]);
}

/* The bytes a terminator starts with: '.', '!', '?' and the first of an
 * ellipsis (U+2026), looked up once for every byte of the text. */
static const unsigned char term_lead[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, [0xe2] = 1
};

/* May one of the 8 bytes at p lead a terminator (term_lead[])?  Asked
 * a word at a time: most of a line holds none, and the byte loop was
 * half of segmenting.  (A yes sends the word to the byte loop.) */
static int
term_lead8(const char *p)
{
	uint64_t	x = cc_swar_load(p);

	return (cc_swar_eq(x, '.') | cc_swar_eq(x, '!') | cc_swar_eq(x, '?') |
	    cc_swar_eq(x, 0xe2)) & CC_SWAR_HIGH ? 1 : 0;
}

/* Split the line s[ls..le) (not blank) into sentences. */
static void
segment_line(const char *s, size_t ls, size_t le, unsigned para,
    struct cc_sentences *out)
{
	size_t	start = ls, p = ls, q, r, k;
	int	kind, ndots, other;

	while (p < le) {
		if (p + 8 <= le && !term_lead8(s + p)) {
			p += 8;
			continue;
		}
		if (!term_lead[(unsigned char)s[p]] ||
		    ((unsigned char)s[p] == 0xe2 && !is_ellipsis(s, p, le))) {
			p++;
			continue;
		}
		/* A run of terminators, then closing quotes or brackets. */
		ndots = other = 0;
		q = p;
		while (q < le) {
			if (s[q] == '.')
				ndots++, q++;
			else if (s[q] == '!' || s[q] == '?')
				other++, q++;
			else if (is_ellipsis(s, q, le))
				other++, q += 3;
			else
				break;
		}
		k = q;
		while (k < le && is_closer((unsigned char)s[k]))
			k++;
		if (k == le)
			break;		/* the line ends the sentence */
		if (!is_space((unsigned char)s[k])) {
			if (ndots == 1 && other == 0 && k == q &&
			    is_glued(s, start, p, le)) {
				add(s, start, q, para, out);
				start = q;
			}
			p = k;
			continue;
		}
		for (r = k; r < le && is_space((unsigned char)s[r]); r++)
			;
		if (r == le)
			break;
		kind = 1;
		if (ndots == 1 && other == 0)
			kind = period_kind(s, start, p, r, le);
		if ((kind == 1 && can_start(s, r, le)) ||
		    (kind == -1 && (starts_with_starter(s, r, le) ||
		    ((s[r] == '"' || s[r] == '\'') && can_start(s, r, le))))) {
			add(s, start, k, para, out);
			start = r;
		}
		p = r;
	}
	add(s, start, le, para, out);
}

void
cc_segment(const char *s, size_t len, struct cc_sentences *out)
{
	const char	*nl;
	size_t		 ls = 0, le, a;
	unsigned	 para = 0;

	while (ls < len) {
		nl = memchr(s + ls, '\n', len - ls);
		le = nl != NULL ? (size_t)(nl - s) : len;
		for (a = ls; a < le && is_space((unsigned char)s[a]); a++)
			;
		if (a < le)
			segment_line(s, ls, le, para++, out);
		ls = le + 1;
	}
}
