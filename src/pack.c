/*
 * pack.c - load and compile the rule packs (see pack.h).
 *
 * Every *.yaml file below the rules directory is parsed with libyaml's
 * document API, which keeps a line and column for every node, so each
 * problem can be reported as FILE:LINE:COL.  Loading runs in two passes:
 * first the vocabularies and macros of all files (a rule may use a macro
 * from another file), then everything that compiles patterns.  The loader
 * never stops at the first error: it reports all of them, then fails.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "buf.h"
#include "file.h"
#include "pack.h"
#include "xmalloc.h"

#define PACK_MAX_FILE	(16u << 20)	/* a rule file larger is refused */
#define PACK_MACRO_DEPTH 16

/* The claim types of SPEC.md. */
static const char *const pack_types[] = {
	"casualty", "force", "duration", "quantity", "condition",
	"statement", "quote", "event", "source", NULL
};

/* Fields a rule may set, in enum cc_field's order. */
static const char *const pack_fields[] = {
	"subject", "measure", "value", "unit", "speaker", "reported_by",
	"polarity", "time", "item", NULL
};

enum cc_field
cc_pack_field(const char *name)
{
	size_t	i;

	for (i = 0; pack_fields[i] != NULL; i++)
		if (strcmp(pack_fields[i], name) == 0)
			return (enum cc_field)i;
	return CC_FIELD_OTHER;
}

struct pack_file {
	char		*path;
	yaml_document_t	 doc;
	int		 loaded;
};

struct pack_load {
	struct cc_pack		*pack;
	cc_diag_fn		 err;
	void			*errarg;
	unsigned		 nerr;
	char			**macro_names;
	char			**macro_values;
	size_t			 nmacros;
	const char		*file;	/* file being processed */
	int			 defer_jit;	/* rule patterns: cc_pack_jit */
};

static void pack_error(struct pack_load *, const yaml_node_t *,
    unsigned coloff, const char *, ...) __attribute__((format(printf, 4, 5)));

static void
pack_error(struct pack_load *pl, const yaml_node_t *node, unsigned coloff,
    const char *fmt, ...)
{
	struct cc_diag	d;
	va_list		ap;

	cc_diag_clear(&d);
	snprintf(d.file, sizeof d.file, "%s", pl->file ? pl->file : "");
	if (node != NULL) {
		d.line = (unsigned)node->start_mark.line + 1;
		d.col = (unsigned)node->start_mark.column + 1 + coloff;
	}
	va_start(ap, fmt);
	vsnprintf(d.msg, sizeof d.msg, fmt, ap);
	va_end(ap);
	pl->nerr++;
	if (pl->err != NULL)
		pl->err(&d, pl->errarg);
}

/* --- YAML node helpers ------------------------------------------------ */

static const char *
node_str(const yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

static int
node_is_map(const yaml_node_t *n)
{
	return n != NULL && n->type == YAML_MAPPING_NODE;
}

static int
node_is_seq(const yaml_node_t *n)
{
	return n != NULL && n->type == YAML_SEQUENCE_NODE;
}

/* Column offset of a scalar's text within its node: 1 for quoted styles,
 * so a PCRE2 error offset lands on the right character. */
static unsigned
scalar_coloff(const yaml_node_t *n)
{
	if (n->type == YAML_SCALAR_NODE &&
	    (n->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	    n->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE))
		return 1;
	return 0;
}

#define MAP_EACH(doc, map, pair)					\
	for ((pair) = (map)->data.mapping.pairs.start;			\
	    (pair) < (map)->data.mapping.pairs.top; (pair)++)
#define SEQ_EACH(doc, seq, item)					\
	for ((item) = (seq)->data.sequence.items.start;			\
	    (item) < (seq)->data.sequence.items.top; (item)++)

static int
in_list(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

/* --- files ------------------------------------------------------------ */

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect *.yaml under dir (sorted, recursively), skipping review.yaml
 * at the top level: reviews are editorial state, not rules. */
static void
pack_collect(const char *dir, int top, char ***files, size_t *n)
{
	DIR		*d;
	struct dirent	*e;
	char		**names = NULL, *path;
	size_t		 nn = 0, i, len;
	struct stat	 st;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = xreallocarray(names, nn + 1, sizeof *names);
		names[nn++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (nn > 0)
		qsort(names, nn, sizeof *names, name_cmp);
	for (i = 0; i < nn; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		len = strlen(names[i]);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			pack_collect(path, 0, files, n);
			free(path);
		} else if (len > 5 && strcmp(names[i] + len - 5, ".yaml") == 0 &&
		    !(top && strcmp(names[i], "review.yaml") == 0)) {
			*files = xreallocarray(*files, *n + 1, sizeof **files);
			(*files)[(*n)++] = path;
		} else
			free(path);
		free(names[i]);
	}
	free(names);
}


static int
pack_parse_file(struct pack_load *pl, struct pack_file *pf,
    struct cc_hasher *h)
{
	yaml_parser_t	 parser;
	struct cc_diag	 d;
	char		*data;
	size_t		 len;
	int		 ok;

	cc_diag_clear(&d);
	if (cc_file_read(pf->path, PACK_MAX_FILE, &data, &len, &d) != CC_OK) {
		pl->nerr++;
		if (pl->err)
			pl->err(&d, pl->errarg);
		return CC_EIO;
	}
	cc_hasher_add(h, pf->path + strlen(pl->pack->dir), strlen(pf->path) -
	    strlen(pl->pack->dir) + 1);
	cc_hasher_add(h, data, len);
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data,
	    len);
	ok = yaml_parser_load(&parser, &pf->doc);
	if (!ok) {
		cc_diag_set(&d, pf->path,
		    (unsigned)parser.problem_mark.line + 1,
		    (unsigned)parser.problem_mark.column + 1, "%s%s%s",
		    parser.problem ? parser.problem : "invalid YAML",
		    parser.context ? " " : "",
		    parser.context ? parser.context : "");
		pl->nerr++;
		if (pl->err)
			pl->err(&d, pl->errarg);
	}
	yaml_parser_delete(&parser);
	free(data);
	pf->loaded = ok;
	return ok ? CC_OK : CC_ERULE;
}

/* --- macros and pattern compilation ----------------------------------- */

static const char *
macro_find(const struct pack_load *pl, const char *name, size_t len)
{
	size_t	i;

	for (i = 0; i < pl->nmacros; i++)
		if (strlen(pl->macro_names[i]) == len &&
		    memcmp(pl->macro_names[i], name, len) == 0)
			return pl->macro_values[i];
	return NULL;
}

static int
vocab_len_cmp(const void *a, const void *b)
{
	const char	*x = *(char *const *)a, *y = *(char *const *)b;
	size_t		 lx = strlen(x), ly = strlen(y);

	if (lx != ly)
		return lx < ly ? 1 : -1;
	return strcmp(x, y);
}

static int
vocab_str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One character of a list word as regex: a space is any white space. */
static void
list_char(char c, struct cc_buf *out)
{
	if (c == ' ')
		cc_buf_adds(out, "\\s+");
	else {
		if (strchr("\\^$.|?*+()[]{}-#", c) != NULL)
			cc_buf_addc(out, '\\');
		cc_buf_addc(out, c);
	}
}

/* Fewer first characters than this and a trie gets no look-ahead
 * (list_first()): its first tests cost no more than the class's. */
#define LIST_FIRST_MIN	2

/* Can the list be written as a trie (list_trie) that matches exactly what
 * the plain alternation matches?  Yes if its words are printable ASCII
 * without capitals (so, caseless or not, words that differ at a character
 * never match the same text there) and single inner spaces (so the \s+
 * of a space always takes the whole run of white space). */
static int
list_trie_ok(const struct cc_vocab_list *l)
{
	const unsigned char	*p;
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		p = (const unsigned char *)l->v[i].word;
		if (*p == '\0' || *p == ' ')
			return 0;
		for (; *p != '\0'; p++)
			if (*p < 0x20 || *p >= 0x7f || (*p >= 'A' &&
			    *p <= 'Z') || (*p == ' ' && (p[1] == ' ' ||
			    p[1] == '\0')))
				return 0;
	}
	return 1;
}

/* Words w[lo..hi) (sorted, distinct) share their first d characters:
 * write the rest as nested alternations by next character.  The longer
 * words come before the word that ends here, so, as in the alternation
 * of longest words first, "twenty-three" is tried before "twenty"; two
 * words that match at one place are always one a prefix of the other,
 * so the regex matches the same text, with one test per character
 * instead of one per word. */
static void
list_trie(const char **w, size_t lo, size_t hi, size_t d, struct cc_buf *out)
{
	size_t	i, j, end = hi;
	int	alt;

	if (w[lo][d] == '\0') {	/* a word ends here (sorts first) */
		end = lo;
		lo++;
	}
	if (lo == hi)
		return;
	alt = end != hi || w[lo][d] != w[hi - 1][d];
	if (alt)
		cc_buf_adds(out, "(?:");
	for (i = lo; i < hi; i = j) {
		for (j = i + 1; j < hi && w[j][d] == w[i][d]; j++)
			;
		if (i > lo)
			cc_buf_addc(out, '|');
		list_char(w[i][d], out);
		list_trie(w, i, j, d + 1, out);
	}
	if (end != hi)
		cc_buf_addc(out, '|');
	if (alt)
		cc_buf_addc(out, ')');
}

/*
 * Before a trie of words w[0..n) (list_trie_ok()) that opens with several
 * characters, a look-ahead for them: "(?=[adt])".  PCRE2 tries the
 * trie's first branches one after another, a test each, and most places
 * a list is tried at start none of its words (a number list at digits,
 * a verb list at a name): there one class test fails in their stead.
 */
static void
list_first(const char **w, size_t n, struct cc_buf *out)
{
	unsigned char	seen[128];
	size_t		i, k = 0;

	memset(seen, 0, sizeof seen);
	for (i = 0; i < n; i++)
		if (!seen[(unsigned char)w[i][0]]) {
			seen[(unsigned char)w[i][0]] = 1;
			k++;
		}
	if (k < LIST_FIRST_MIN)
		return;
	cc_buf_adds(out, "(?=[");
	for (i = 0; i < sizeof seen; i++) {
		if (!seen[i])
			continue;
		if (strchr("\\]^-[", (int)i) != NULL)
			cc_buf_addc(out, '\\');
		cc_buf_addc(out, (char)i);
	}
	cc_buf_adds(out, "])");
}

/* Bytes of the UTF-8 character s starts with, if s is that one
 * character and nothing more, else 0. */
static size_t
one_char(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n, i;

	if (u[0] == '\0')
		return 0;
	n = u[0] < 0x80 ? 1 : u[0] >= 0xf0 ? 4 : u[0] >= 0xe0 ? 3 :
	    u[0] >= 0xc0 ? 2 : 0;
	for (i = 1; i < n; i++)
		if ((u[i] & 0xc0) != 0x80)
			return 0;
	return n != 0 && u[n] == '\0' ? n : 0;
}

/*
 * A list of single characters as a class, "[$£€]": PCRE2 tries the
 * alternation "(?:\$|£|€)" a branch at a time, each of several bytes in
 * UTF-8, where the class is one test.  They match the same, caseless or
 * not.  0 if a word is longer, white space or a control character.
 */
static int
list_class(const struct cc_vocab_list *l, struct cc_buf *out)
{
	size_t	i, k;

	if (l->n < 2)
		return 0;
	for (i = 0; i < l->n; i++)
		if ((k = one_char(l->v[i].word)) == 0 || (k == 1 &&
		    ((unsigned char)l->v[i].word[0] <= 0x20 ||
		    l->v[i].word[0] == 0x7f)))
			return 0;
	cc_buf_addc(out, '[');
	for (i = 0; i < l->n; i++) {
		if (strchr("\\]^-[", l->v[i].word[0]) != NULL)
			cc_buf_addc(out, '\\');
		cc_buf_adds(out, l->v[i].word);
	}
	cc_buf_addc(out, ']');
	return 1;
}

/* Append a vocab list as an alternation, longest words first so the
 * regex prefers "twenty-three" over "twenty"; as a trie (list_trie) when
 * that matches the same, as a class (list_class) when it can be one. */
static void
expand_list(const struct cc_vocab_list *l, struct cc_buf *out)
{
	const char	**w;
	const char	 *p;
	size_t		  i, n = 0;

	cc_buf_adds(out, "(?:");
	if (list_class(l, out)) {
		cc_buf_addc(out, ')');
		return;
	}
	w = xcalloc(l->n ? l->n : 1, sizeof *w);
	for (i = 0; i < l->n; i++)
		w[i] = l->v[i].word;
	if (l->n > 0 && list_trie_ok(l)) {
		qsort(w, l->n, sizeof *w, vocab_str_cmp);
		for (i = 0; i < l->n; i++)
			if (n == 0 || strcmp(w[n - 1], w[i]) != 0)
				w[n++] = w[i];
		list_first(w, n, out);
		list_trie(w, 0, n, 0, out);
		cc_buf_addc(out, ')');
		free(w);
		return;
	}
	qsort(w, l->n, sizeof *w, vocab_len_cmp);
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			cc_buf_addc(out, '|');
		for (p = w[i]; *p != '\0'; p++)
			list_char(*p, out);
	}
	cc_buf_addc(out, ')');
	free(w);
}

/*
 * %{a|b|c}: the words of vocab lists a, b and c as one list (one trie: a
 * test per character, where "%{a}|%{b}|%{c}" makes one per list).  0 if
 * a name is not a list.
 */
static int
expand_union(const struct pack_load *pl, const char *names,
    struct cc_buf *out)
{
	const struct cc_vocab_list	*l;
	struct cc_vocab_list		 u;
	const char			*p, *e;
	char				 name[512];
	int				 ok = 1;

	memset(&u, 0, sizeof u);
	for (p = names; ok && *p != '\0'; p = *e == '\0' ? e : e + 1) {
		e = p + strcspn(p, "|");
		if ((size_t)(e - p) >= sizeof name) {
			ok = 0;
			break;
		}
		memcpy(name, p, (size_t)(e - p));
		name[e - p] = '\0';
		if ((l = cc_vocab_list(pl->pack->vocab, name)) == NULL) {
			ok = 0;
			break;
		}
		u.v = xreallocarray(u.v, u.n + l->n + 1, sizeof *u.v);
		memcpy(u.v + u.n, l->v, l->n * sizeof *u.v);
		u.n += l->n;
	}
	if (ok)
		expand_list(&u, out);
	free(u.v);
	return ok;
}

/*
 * Expand %{NAME} in pattern into out.  map (may be NULL) receives, for
 * each output byte, the offset in pattern it came from, so PCRE2 error
 * offsets can be reported in the user's text.
 */
static int
expand(const struct pack_load *pl, const char *pattern, struct cc_buf *out,
    struct cc_buf *map, int depth, struct cc_diag *d)
{
	const char			*p = pattern, *end, *val;
	const struct cc_vocab_list	*l;
	size_t				 before, k;
	uint32_t			 off;
	char				 name[512];

	if (depth > PACK_MACRO_DEPTH) {
		cc_diag_set(d, NULL, 0, 1, "macros nest too deeply "
		    "(a macro that uses itself?)");
		return CC_ERULE;
	}
	while (*p != '\0') {
		before = out->len;
		off = (uint32_t)(p - pattern);
		if (p[0] == '\\' && p[1] != '\0') {
			cc_buf_add(out, p, 2);
			p += 2;
		} else if (p[0] == '%' && p[1] == '{' &&
		    (end = strchr(p + 2, '}')) != NULL &&
		    (size_t)(end - p - 2) < sizeof name) {
			memcpy(name, p + 2, (size_t)(end - p - 2));
			name[end - p - 2] = '\0';
			if ((val = macro_find(pl, name, strlen(name))) != NULL) {
				cc_buf_adds(out, "(?:");
				if (expand(pl, val, out, NULL, depth + 1, d) !=
				    CC_OK) {
					d->col = off + 1;
					return CC_ERULE;
				}
				cc_buf_addc(out, ')');
			} else if ((l = cc_vocab_list(pl->pack->vocab, name)) !=
			    NULL)
				expand_list(l, out);
			else if (strchr(name, '|') != NULL &&
			    expand_union(pl, name, out))
				;
			else {
				cc_diag_set(d, NULL, 0, off + 1,
				    "unknown macro or vocabulary %%{%s}", name);
				return CC_ERULE;
			}
			p = end + 1;
		} else {
			cc_buf_addc(out, *p);
			p++;
		}
		for (k = before; map != NULL && k < out->len; k++)
			cc_buf_add(map, &off, sizeof off);
	}
	return CC_OK;
}

/*
 * How many bytes a match of re may start with, as PCRE2 knows before
 * searching (it skips to those): 1 for a first byte, the bits of its
 * start bitmap, else 256.  A gate (needs.h) is kept only when it is
 * narrower than its pattern and narrow: one that opens with a name or a
 * number (an alternative of "X said" or "said X") would be tried at
 * every word, as the pattern is.
 */
#define PACK_GATE_STARTS	40

static int
start_width(const pcre2_code *re)
{
	const uint8_t	*bm = NULL;
	uint32_t	 type = 0;
	int		 i, n = 0;

	if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &type) == 0 &&
	    type == 1)
		return 1;
	if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &bm) != 0 ||
	    bm == NULL)
		return 256;
	for (i = 0; i < 256; i++)
		n += (bm[i / 8] >> (i % 8)) & 1;
	return n;
}

/* Compile pattern with its macros expanded; if needs is not NULL, also
 * find the words any match needs (needs.h) in the expanded text. */
static pcre2_code *
compile_expanded(const struct pack_load *pl, const char *pattern,
    int caseless, struct cc_needs *needs, struct cc_diag *d)
{
	struct cc_buf	 out = CC_BUF_INIT, map = CC_BUF_INIT;
	pcre2_code	*re = NULL;
	PCRE2_SIZE	 erroff;
	PCRE2_UCHAR	 msg[256];
	uint32_t	 opts = PCRE2_UTF | PCRE2_NO_UTF_CHECK |
			    PCRE2_USE_OFFSET_LIMIT;
	int		 errcode;
	const uint32_t	*offs;
	size_t		 noffs;

	cc_diag_clear(d);
	if (expand(pl, pattern, &out, &map, 0, d) != CC_OK)
		goto out;
	if (caseless)
		opts |= PCRE2_CASELESS;
	cc_buf_addc(&out, '\0');
	out.len--;
	re = pcre2_compile((PCRE2_SPTR)out.data, out.len, opts & ~PCRE2_NO_UTF_CHECK,
	    &errcode, &erroff, NULL);
	if (re == NULL) {
		pcre2_get_error_message(errcode, msg, sizeof msg);
		offs = (const uint32_t *)map.data;
		noffs = map.len / sizeof *offs;
		cc_diag_set(d, NULL, 0, (unsigned)(noffs == 0 ? 0 :
		    erroff < noffs ? offs[erroff] : strlen(pattern)) + 1,
		    "invalid pattern: %s", (const char *)msg);
		goto out;
	}
	/* JIT is an optimisation: without it (no JIT on this CPU) the
	 * interpreter gives the same results.  Rules' patterns wait for
	 * cc_pack_jit(): a command that extracts nothing (normalize) does
	 * not pay for their machine code. */
	if (!pl->defer_jit)
		(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	if (needs != NULL)
		cc_needs_find(out.data, out.len, CC_NEEDS_MINLEN,
		    CC_NEEDS_ANY, needs);
out:
	cc_buf_release(&out);
	cc_buf_release(&map);
	return re;
}

/* --- sections ----------------------------------------------------------- */

static void
load_vocab(struct pack_load *pl, yaml_document_t *doc, yaml_node_t *sec)
{
	yaml_node_pair_t	*pair, *p2;
	yaml_node_item_t	*item;
	yaml_node_t		*k, *v, *w, *wv;
	const char		*name;

	if (!node_is_map(sec)) {
		pack_error(pl, sec, 0, "vocab: expected a mapping of lists");
		return;
	}
	MAP_EACH(doc, sec, pair) {
		k = yaml_document_get_node(doc, pair->key);
		v = yaml_document_get_node(doc, pair->value);
		if ((name = node_str(k)) == NULL) {
			pack_error(pl, k, 0, "vocab: list name must be text");
			continue;
		}
		if (node_is_seq(v)) {
			SEQ_EACH(doc, v, item) {
				w = yaml_document_get_node(doc, *item);
				if (node_str(w) == NULL || *node_str(w) == '\0')
					pack_error(pl, w, 0, "vocab %s: expected "
					    "a word", name);
				else
					cc_vocab_add(pl->pack->vocab, name,
					    node_str(w), NULL);
			}
		} else if (node_is_map(v)) {
			MAP_EACH(doc, v, p2) {
				w = yaml_document_get_node(doc, p2->key);
				wv = yaml_document_get_node(doc, p2->value);
				if (node_str(w) == NULL || *node_str(w) == '\0' ||
				    node_str(wv) == NULL)
					pack_error(pl, w, 0, "vocab %s: expected "
					    "word: value", name);
				else
					cc_vocab_add(pl->pack->vocab, name,
					    node_str(w), node_str(wv));
			}
		} else
			pack_error(pl, v, 0, "vocab %s: expected a list of "
			    "words or a mapping of word: value", name);
	}
}

static void
load_macros(struct pack_load *pl, yaml_document_t *doc, yaml_node_t *sec)
{
	yaml_node_pair_t	*pair;
	yaml_node_t		*k, *v;

	if (!node_is_map(sec)) {
		pack_error(pl, sec, 0, "macros: expected a mapping");
		return;
	}
	MAP_EACH(doc, sec, pair) {
		k = yaml_document_get_node(doc, pair->key);
		v = yaml_document_get_node(doc, pair->value);
		if (node_str(k) == NULL || node_str(v) == NULL) {
			pack_error(pl, k, 0, "macros: expected NAME: pattern");
			continue;
		}
		if (macro_find(pl, node_str(k), strlen(node_str(k))) != NULL) {
			pack_error(pl, k, 0, "macro %s is defined twice",
			    node_str(k));
			continue;
		}
		pl->macro_names = xreallocarray(pl->macro_names,
		    pl->nmacros + 1, sizeof *pl->macro_names);
		pl->macro_values = xreallocarray(pl->macro_values,
		    pl->nmacros + 1, sizeof *pl->macro_values);
		pl->macro_names[pl->nmacros] = xstrdup(node_str(k));
		pl->macro_values[pl->nmacros++] = xstrdup(node_str(v));
	}
}

/* Compile a pattern node, reporting errors at the node's position; if
 * needs is not NULL, fill it (the pattern's needed words). */
static pcre2_code *
compile_pattern(struct pack_load *pl, yaml_node_t *n, int caseless,
    struct cc_needs *needs)
{
	struct cc_diag	 d;
	pcre2_code	*re;

	if (node_str(n) == NULL) {
		pack_error(pl, n, 0, "expected a pattern");
		return NULL;
	}
	re = compile_expanded(pl, node_str(n), caseless, needs, &d);
	if (re == NULL)
		pack_error(pl, n, scalar_coloff(n) + (d.col ? d.col - 1 : 0),
		    "%s", d.msg);
	return re;
}

static pcre2_code *
compile_node(struct pack_load *pl, yaml_node_t *n, int caseless)
{
	return compile_pattern(pl, n, caseless, NULL);
}

/* Compile a rule's after: pattern, anchored where the match ends (\G, so
 * the JIT code serves the anchored search). */
static pcre2_code *
compile_node_at(struct pack_load *pl, yaml_node_t *n, int caseless)
{
	struct cc_diag	 d;
	pcre2_code	*re;
	char		*pat;
	unsigned	 col;

	if (node_str(n) == NULL) {
		pack_error(pl, n, 0, "expected a pattern");
		return NULL;
	}
	pat = xasprintf("\\G(?:%s)", node_str(n));
	re = compile_expanded(pl, pat, caseless, NULL, &d);
	free(pat);
	if (re == NULL) {
		/* (columns within the text before the wrapper's 5 bytes) */
		col = d.col > 5 ? d.col - 5 : 1;
		if (col > strlen(node_str(n)) + 1)
			col = (unsigned)strlen(node_str(n)) + 1;
		pack_error(pl, n, scalar_coloff(n) + col - 1, "%s", d.msg);
	}
	return re;
}

/*
 * A rule's context (at = 0) or after (at = 1) pattern.  Many rules share
 * one ("%{ATT_BEFORE}"): compiled once, the pack keeps a single copy of
 * its JIT code (some 200 KB each), which also keeps the code that runs
 * on a sentence small enough to stay in the processor's caches.
 */
static pcre2_code *
compile_shared(struct pack_load *pl, yaml_node_t *n, int caseless, int at)
{
	struct cc_pack	*pk = pl->pack;
	pcre2_code	*re;
	char		*key;
	size_t		 i;

	if (node_str(n) == NULL)
		return at ? compile_node_at(pl, n, caseless) :
		    compile_node(pl, n, caseless);
	key = xasprintf("%d%d%s", at, caseless, node_str(n));
	for (i = 0; i < pk->nshared; i++)
		if (strcmp(pk->shared_keys[i], key) == 0) {
			free(key);
			return pk->shared[i];
		}
	re = at ? compile_node_at(pl, n, caseless) :
	    compile_node(pl, n, caseless);
	if (re == NULL) {
		free(key);
		return NULL;
	}
	pk->shared = xreallocarray(pk->shared, pk->nshared + 1,
	    sizeof *pk->shared);
	pk->shared_keys = xreallocarray(pk->shared_keys, pk->nshared + 1,
	    sizeof *pk->shared_keys);
	pk->shared[pk->nshared] = re;
	pk->shared_keys[pk->nshared++] = key;
	return re;
}

static void
load_boilerplate(struct pack_load *pl, yaml_document_t *doc,
    yaml_node_t *sec)
{
	yaml_node_item_t	*item;
	yaml_node_pair_t	*pair;
	yaml_node_t		*it, *k, *v;
	struct cc_diag		 d;
	const char		*key;

	if (!node_is_seq(sec)) {
		pack_error(pl, sec, 0, "boilerplate: expected a list");
		return;
	}
	SEQ_EACH(doc, sec, item) {
		it = yaml_document_get_node(doc, *item);
		if (!node_is_map(it)) {
			pack_error(pl, it, 0, "boilerplate: expected "
			    "'line: PATTERN' or 'tail: PATTERN'");
			continue;
		}
		MAP_EACH(doc, it, pair) {
			k = yaml_document_get_node(doc, pair->key);
			v = yaml_document_get_node(doc, pair->value);
			key = node_str(k);
			if (key != NULL && strcmp(key, "note") == 0)
				continue;
			if (key == NULL || (strcmp(key, "line") != 0 &&
			    strcmp(key, "tail") != 0)) {
				pack_error(pl, k, 0, "boilerplate: unknown key "
				    "'%s' (expected line, tail or note)",
				    key ? key : "?");
				continue;
			}
			if (node_str(v) == NULL) {
				pack_error(pl, v, 0, "boilerplate: expected a "
				    "pattern");
				continue;
			}
			cc_diag_clear(&d);
			if (cc_boiler_add(pl->pack->boiler, node_str(v),
			    strcmp(key, "tail") == 0, &d) != CC_OK)
				pack_error(pl, v, scalar_coloff(v) +
				    (d.col ? d.col - 1 : 0), "%s", d.msg);
		}
	}
}

/* Set a string field from a scalar; a key given twice in a mapping (YAML
 * allows it) keeps its last value instead of leaking the first. */
static void
set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = xstrdup(s);
}

/* Read a scalar or a sequence of scalars into a string array. */
static void
load_strings(struct pack_load *pl, yaml_document_t *doc, yaml_node_t *n,
    const char *what, char ***out, size_t *nout)
{
	yaml_node_item_t	*item;
	yaml_node_t		*it;

	if (node_str(n) != NULL) {
		*out = xreallocarray(*out, *nout + 1, sizeof **out);
		(*out)[(*nout)++] = xstrdup(node_str(n));
		return;
	}
	if (!node_is_seq(n)) {
		pack_error(pl, n, 0, "%s: expected text or a list", what);
		return;
	}
	SEQ_EACH(doc, n, item) {
		it = yaml_document_get_node(doc, *item);
		if (node_str(it) == NULL) {
			pack_error(pl, it, 0, "%s: expected text", what);
			continue;
		}
		*out = xreallocarray(*out, *nout + 1, sizeof **out);
		(*out)[(*nout)++] = xstrdup(node_str(it));
	}
}

static void
load_outlets(struct pack_load *pl, yaml_document_t *doc, yaml_node_t *sec)
{
	struct cc_pack		*pk = pl->pack;
	yaml_node_item_t	*item;
	yaml_node_pair_t	*pair;
	yaml_node_t		*it, *k, *v, *m;
	yaml_node_item_t	*mi;
	struct cc_outlet	*o;
	const char		*key;
	pcre2_code		*re;

	if (!node_is_seq(sec)) {
		pack_error(pl, sec, 0, "outlets: expected a list");
		return;
	}
	SEQ_EACH(doc, sec, item) {
		it = yaml_document_get_node(doc, *item);
		if (!node_is_map(it)) {
			pack_error(pl, it, 0, "outlets: expected a mapping");
			continue;
		}
		pk->outlets = xreallocarray(pk->outlets, pk->noutlets + 1,
		    sizeof *pk->outlets);
		o = &pk->outlets[pk->noutlets++];
		memset(o, 0, sizeof *o);
		MAP_EACH(doc, it, pair) {
			k = yaml_document_get_node(doc, pair->key);
			v = yaml_document_get_node(doc, pair->value);
			key = node_str(k) ? node_str(k) : "";
			if (strcmp(key, "id") == 0 && node_str(v) != NULL)
				set_str(&o->id, node_str(v));
			else if (strcmp(key, "name") == 0 && node_str(v) != NULL)
				set_str(&o->name, node_str(v));
			else if (strcmp(key, "domains") == 0)
				load_strings(pl, doc, v, "outlets: domains",
				    &o->domains, &o->ndomains);
			else if (strcmp(key, "markers") == 0 && node_is_seq(v)) {
				SEQ_EACH(doc, v, mi) {
					m = yaml_document_get_node(doc, *mi);
					o->marker_needs = xreallocarray(
					    o->marker_needs, o->nmarkers + 1,
					    sizeof *o->marker_needs);
					if ((re = compile_pattern(pl, m, 1,
					    &o->marker_needs[o->nmarkers])) ==
					    NULL)
						continue;
					o->markers = xreallocarray(o->markers,
					    o->nmarkers + 1, sizeof *o->markers);
					o->markers[o->nmarkers++] = re;
				}
			} else if (strcmp(key, "note") != 0)
				pack_error(pl, k, 0, "outlets: unknown key '%s'",
				    key);
		}
		if (o->id == NULL) {
			pack_error(pl, it, 0, "outlets: an outlet needs an id");
			o->id = xstrdup("?");
		}
	}
}

/* A number of days, 1 to 3650 (0 after an error). */
static unsigned
load_days(struct pack_load *pl, yaml_node_t *v)
{
	const char	*s = node_str(v);
	char		*end;
	long		 n;

	if (s != NULL) {
		n = strtol(s, &end, 10);
		if (end != s && *end == '\0' && n >= 1 && n <= 3650)
			return (unsigned)n;
	}
	pack_error(pl, v, 0, "timeline: before_days: expected a number of "
	    "days from 1 to 3650");
	return 0;
}

static void
load_timeline(struct pack_load *pl, yaml_document_t *doc, yaml_node_t *sec)
{
	struct cc_pack		*pk = pl->pack;
	yaml_node_item_t	*item;
	yaml_node_pair_t	*pair;
	yaml_node_t		*it, *k, *v;
	struct cc_event		*e;
	const char		*key;

	if (!node_is_seq(sec)) {
		pack_error(pl, sec, 0, "timeline: expected a list");
		return;
	}
	SEQ_EACH(doc, sec, item) {
		it = yaml_document_get_node(doc, *item);
		if (!node_is_map(it)) {
			pack_error(pl, it, 0, "timeline: expected a mapping");
			continue;
		}
		pk->events = xreallocarray(pk->events, pk->nevents + 1,
		    sizeof *pk->events);
		e = &pk->events[pk->nevents++];
		memset(e, 0, sizeof *e);
		MAP_EACH(doc, it, pair) {
			k = yaml_document_get_node(doc, pair->key);
			v = yaml_document_get_node(doc, pair->value);
			key = node_str(k) ? node_str(k) : "";
			if (strcmp(key, "id") == 0 && node_str(v) != NULL)
				set_str(&e->id, node_str(v));
			else if (strcmp(key, "date") == 0 && node_str(v) != NULL)
				set_str(&e->date, node_str(v));
			else if (strcmp(key, "names") == 0)
				load_strings(pl, doc, v, "timeline: names",
				    &e->names, &e->nnames);
			else if (strcmp(key, "before") == 0)
				load_strings(pl, doc, v, "timeline: before",
				    &e->before, &e->nbefore);
			else if (strcmp(key, "before_days") == 0)
				e->before_days = load_days(pl, v);
			else if (strcmp(key, "note") != 0)
				pack_error(pl, k, 0, "timeline: unknown key "
				    "'%s'", key);
		}
		if (e->nbefore > 0 && e->before_days == 0)
			e->before_days = 120;
		if (e->id == NULL || e->date == NULL || strlen(e->date) != 10 ||
		    e->date[4] != '-' || e->date[7] != '-') {
			pack_error(pl, it, 0, "timeline: an event needs an id "
			    "and a date as YYYY-MM-DD");
			if (e->id == NULL)
				e->id = xstrdup("?");
		}
	}
}

static void
load_entities(struct pack_load *pl, yaml_document_t *doc, yaml_node_t *sec)
{
	yaml_node_item_t	*item;
	yaml_node_pair_t	*pair;
	yaml_node_t		*it, *k, *v;
	struct cc_diag		 d;
	const char		*key, *id, *name, *kind;
	char			**aliases;
	size_t			 naliases, i;

	if (!node_is_seq(sec)) {
		pack_error(pl, sec, 0, "entities: expected a list");
		return;
	}
	SEQ_EACH(doc, sec, item) {
		it = yaml_document_get_node(doc, *item);
		if (!node_is_map(it)) {
			pack_error(pl, it, 0, "entities: expected a mapping");
			continue;
		}
		id = name = kind = NULL;
		aliases = NULL;
		naliases = 0;
		MAP_EACH(doc, it, pair) {
			k = yaml_document_get_node(doc, pair->key);
			v = yaml_document_get_node(doc, pair->value);
			key = node_str(k) ? node_str(k) : "";
			if (strcmp(key, "id") == 0)
				id = node_str(v);
			else if (strcmp(key, "name") == 0)
				name = node_str(v);
			else if (strcmp(key, "kind") == 0)
				kind = node_str(v);
			else if (strcmp(key, "aliases") == 0)
				load_strings(pl, doc, v, "entities: aliases",
				    &aliases, &naliases);
			else if (strcmp(key, "note") != 0)
				pack_error(pl, k, 0, "entities: unknown key "
				    "'%s'", key);
		}
		cc_diag_clear(&d);
		if (id == NULL || name == NULL)
			pack_error(pl, it, 0, "entities: an entity needs an id "
			    "and a name");
		else if (cc_entities_add(pl->pack->entities, id, name,
		    kind ? kind : "other", aliases, naliases, &d) != CC_OK)
			pack_error(pl, it, 0, "entities: %s", d.msg);
		for (i = 0; i < naliases; i++)
			free(aliases[i]);
		free(aliases);
	}
}

static void
load_config(struct pack_load *pl, yaml_document_t *doc, yaml_node_t *sec)
{
	yaml_node_pair_t	*pair;
	yaml_node_t		*k, *v;
	const char		*key;

	if (!node_is_map(sec)) {
		pack_error(pl, sec, 0, "config: expected a mapping");
		return;
	}
	MAP_EACH(doc, sec, pair) {
		k = yaml_document_get_node(doc, pair->key);
		v = yaml_document_get_node(doc, pair->value);
		key = node_str(k) ? node_str(k) : "";
		if (strcmp(key, "corpus") == 0 && node_str(v) != NULL) {
			free(pl->pack->corpus);
			pl->pack->corpus = xstrdup(node_str(v));
		} else
			pack_error(pl, k, 0, "config: unknown setting '%s'",
			    key);
	}
}

/*
 * Parse a field spec into f: "literal", "$group", "$group|list", and
 * alternatives joined by ", else " ("$subj|nouns, else $ctx, else
 * people"), tried in order until one gives a value.
 */
static void
field_parse(struct cc_rule_field *f, const char *name, const char *spec)
{
	const char	*bar, *els;
	size_t		 len = strlen(spec);

	memset(f, 0, sizeof *f);
	f->name = xstrdup(name);
	f->field = cc_pack_field(name);
	if ((els = strstr(spec, ", else ")) != NULL) {
		len = (size_t)(els - spec);
		f->next = xmalloc(sizeof *f->next);
		field_parse(f->next, name, els + 7);
	}
	if (spec[0] == '$' && spec[1] != '$') {
		if ((bar = memchr(spec, '|', len)) != NULL) {
			f->group = xstrndup(spec + 1, (size_t)(bar - spec - 1));
			f->map = xstrndup(bar + 1, len - (size_t)(bar - spec) - 1);
		} else
			f->group = xstrndup(spec + 1, len - 1);
	} else
		f->literal = xstrndup(spec[0] == '$' ? spec + 1 : spec,
		    spec[0] == '$' ? len - 1 : len);
}

/* 1 if some pattern of r (or its context or after) has a group called
 * name. */
static int
rule_has_group(const struct cc_rule *r, const char *name)
{
	size_t	i;

	if (r->context != NULL && pcre2_substring_number_from_name(
	    r->context, (PCRE2_SPTR)name) >= 0)
		return 1;
	if (r->after != NULL && pcre2_substring_number_from_name(
	    r->after, (PCRE2_SPTR)name) >= 0)
		return 1;
	for (i = 0; i < r->npats; i++)
		if (pcre2_substring_number_from_name(r->pats[i],
		    (PCRE2_SPTR)name) >= 0)
			return 1;
	return 0;
}

static void
load_fields(struct pack_load *pl, yaml_document_t *doc, yaml_node_t *n,
    struct cc_rule *r, int pats_ok)
{
	yaml_node_pair_t	*pair;
	yaml_node_t		*k, *v;
	struct cc_rule_field	*f;

	if (!node_is_map(n)) {
		pack_error(pl, n, 0, "rule %s: fields: expected a mapping",
		    r->id);
		return;
	}
	MAP_EACH(doc, n, pair) {
		k = yaml_document_get_node(doc, pair->key);
		v = yaml_document_get_node(doc, pair->value);
		if (node_str(k) == NULL ||
		    cc_pack_field(node_str(k)) == CC_FIELD_OTHER) {
			pack_error(pl, k, 0, "rule %s: unknown field '%s'",
			    r->id, node_str(k) ? node_str(k) : "?");
			continue;
		}
		if (node_str(v) == NULL) {
			pack_error(pl, v, 0, "rule %s: field %s: expected text, "
			    "$group or $group|list", r->id, node_str(k));
			continue;
		}
		r->fields = xreallocarray(r->fields, r->nfields + 1,
		    sizeof *r->fields);
		f = &r->fields[r->nfields++];
		field_parse(f, node_str(k), node_str(v));
		for (; f != NULL; f = f->next) {
			if (f->map != NULL &&
			    cc_vocab_list(pl->pack->vocab, f->map) == NULL)
				pack_error(pl, v, 0, "rule %s: field %s: unknown "
				    "vocabulary '%s'", r->id, f->name, f->map);
			/* (a pattern that did not compile was reported) */
			if (pats_ok && f->group != NULL &&
			    !rule_has_group(r, f->group))
				pack_error(pl, v, 0, "rule %s: field %s: no "
				    "pattern has a group named '%s'", r->id,
				    f->name, f->group);
		}
	}
}

static void
load_examples(struct pack_load *pl, yaml_document_t *doc, yaml_node_t *n,
    struct cc_rule *r)
{
	yaml_node_item_t	*item;
	yaml_node_pair_t	*pair, *p2;
	yaml_node_t		*it, *k, *v, *ek, *ev;
	struct cc_rule_example	*ex;
	const char		*key;

	if (!node_is_seq(n)) {
		pack_error(pl, n, 0, "rule %s: examples: expected a list",
		    r->id);
		return;
	}
	SEQ_EACH(doc, n, item) {
		it = yaml_document_get_node(doc, *item);
		if (!node_is_map(it)) {
			pack_error(pl, it, 0, "rule %s: an example is a mapping "
			    "with text and expect or match: false", r->id);
			continue;
		}
		r->examples = xreallocarray(r->examples, r->nexamples + 1,
		    sizeof *r->examples);
		ex = &r->examples[r->nexamples++];
		memset(ex, 0, sizeof *ex);
		ex->match = 1;
		ex->file = xstrdup(pl->file);
		ex->line = (unsigned)it->start_mark.line + 1;
		ex->col = (unsigned)it->start_mark.column + 1;
		MAP_EACH(doc, it, pair) {
			k = yaml_document_get_node(doc, pair->key);
			v = yaml_document_get_node(doc, pair->value);
			key = node_str(k) ? node_str(k) : "";
			if (strcmp(key, "text") == 0 && node_str(v) != NULL)
				set_str(&ex->text, node_str(v));
			else if (strcmp(key, "match") == 0 && node_str(v)) {
				ex->match = strcmp(node_str(v), "false") != 0 &&
				    strcmp(node_str(v), "no") != 0;
			} else if (strcmp(key, "expect") == 0 && node_is_map(v)) {
				MAP_EACH(doc, v, p2) {
					ek = yaml_document_get_node(doc, p2->key);
					ev = yaml_document_get_node(doc,
					    p2->value);
					if (node_str(ek) == NULL ||
					    node_str(ev) == NULL) {
						pack_error(pl, ek, 0, "rule %s: "
						    "expect: FIELD: value",
						    r->id);
						continue;
					}
					if (cc_pack_field(node_str(ek)) ==
					    CC_FIELD_OTHER &&
					    strcmp(node_str(ek), "min") != 0 &&
					    strcmp(node_str(ek), "max") != 0 &&
					    strcmp(node_str(ek), "approx") != 0 &&
					    strcmp(node_str(ek), "text") != 0 &&
					    strcmp(node_str(ek), "count") != 0) {
						pack_error(pl, ek, 0, "rule %s: "
						    "expect: unknown field "
						    "'%s'", r->id,
						    node_str(ek));
						continue;
					}
					ex->expect = xreallocarray(ex->expect,
					    ex->nexpect + 1,
					    sizeof *ex->expect);
					memset(&ex->expect[ex->nexpect], 0,
					    sizeof *ex->expect);
					ex->expect[ex->nexpect].name =
					    xstrdup(node_str(ek));
					ex->expect[ex->nexpect].field =
					    cc_pack_field(node_str(ek));
					ex->expect[ex->nexpect++].literal =
					    xstrdup(node_str(ev));
				}
			} else
				pack_error(pl, k, 0, "rule %s: example: unknown "
				    "key '%s'", r->id, key);
		}
		if (ex->text == NULL) {
			pack_error(pl, it, 0, "rule %s: example without text",
			    r->id);
			ex->text = xstrdup("");
		}
	}
}

/* Append word w (taken over, lower-cased here) with edges e. */
static void
push_word(char ***out, unsigned char **edges, size_t *nout, char *w,
    unsigned char e)
{
	char	*p;

	for (p = w; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	*out = xreallocarray(*out, *nout + 1, sizeof **out);
	*edges = xreallocarray(*edges, *nout + 1, 1);
	(*edges)[*nout] = e;
	(*out)[(*nout)++] = w;
}

/*
 * Trigger words of a rule (triggers:, requires:), lower-cased, and their
 * edges (CC_EDGE_*, from a "\b" that opens or closes an item); an item
 * "%{list}" stands for every word of that vocab list ("%{news_outlets}":
 * a sentence must name an outlet), "\b%{list}\b" for each as a whole
 * word.
 */
static void
load_words(struct pack_load *pl, yaml_document_t *doc, yaml_node_t *n,
    const char *what, char ***out, unsigned char **edges, size_t *nout)
{
	const struct cc_vocab_list	*l;
	char				**w = NULL, *name, *p;
	size_t				 nw = 0, i, j, len;
	unsigned char			 e;

	load_strings(pl, doc, n, what, &w, &nw);
	for (i = 0; i < nw; i++) {
		p = w[i];
		len = strlen(p);
		e = 0;
		if (len >= 2 && strncmp(p, "\\b", 2) == 0) {
			e |= CC_EDGE_BEFORE;
			p += 2;
			len -= 2;
		}
		if (len >= 2 && strcmp(p + len - 2, "\\b") == 0) {
			e |= CC_EDGE_AFTER;
			len -= 2;
		}
		if (e != 0 && len == 0) {
			pack_error(pl, n, 0, "%s: no word between \\b and \\b",
			    what);
			continue;
		}
		if (len < 4 || strncmp(p, "%{", 2) != 0 || p[len - 1] != '}') {
			push_word(out, edges, nout, xstrndup(p, len), e);
			continue;
		}
		name = xstrndup(p + 2, len - 3);
		if ((l = cc_vocab_list(pl->pack->vocab, name)) == NULL)
			pack_error(pl, n, 0, "%s: no vocab list '%s'", what,
			    name);
		for (j = 0; l != NULL && j < l->n; j++)
			push_word(out, edges, nout, xstrdup(l->v[j].word), e);
		free(name);
	}
	xfree_strv(w, nw);
}

static void
load_rule(struct pack_load *pl, yaml_document_t *doc, yaml_node_t *it)
{
	struct cc_pack		*pk = pl->pack;
	struct cc_rule		*r;
	yaml_node_pair_t	*pair;
	yaml_node_item_t	*pi;
	yaml_node_t		*k, *v, *pn;
	yaml_node_t		*fields = NULL, *examples = NULL, *ctx = NULL,
				*after = NULL;
	yaml_node_t		*pats = NULL, *idnode = it;
	const char		*key;
	pcre2_code		*re;
	int			 caseless = 1;
	size_t			 i;
	unsigned		 nerr0;

	pk->rules = xreallocarray(pk->rules, pk->nrules + 1,
	    sizeof *pk->rules);
	r = &pk->rules[pk->nrules++];
	memset(r, 0, sizeof *r);
	r->file = xstrdup(pl->file);
	r->line = (unsigned)it->start_mark.line + 1;
	r->col = (unsigned)it->start_mark.column + 1;
	/* First the scalars, so errors in patterns can name the rule. */
	MAP_EACH(doc, it, pair) {
		k = yaml_document_get_node(doc, pair->key);
		v = yaml_document_get_node(doc, pair->value);
		key = node_str(k) ? node_str(k) : "";
		if (strcmp(key, "id") == 0 && node_str(v) != NULL) {
			set_str(&r->id, node_str(v));
			idnode = v;
		} else if (strcmp(key, "type") == 0 && node_str(v) != NULL) {
			set_str(&r->type, node_str(v));
			if (!in_list(pack_types, r->type))
				pack_error(pl, v, 0, "unknown claim type '%s'",
				    r->type);
		} else if (strcmp(key, "triggers") == 0)
			load_words(pl, doc, v, "triggers", &r->triggers,
			    &r->trigger_edges, &r->ntriggers);
		else if (strcmp(key, "requires") == 0)
			load_words(pl, doc, v, "requires", &r->requires,
			    &r->require_edges, &r->nrequires);
		else if (strcmp(key, "pattern") == 0 ||
		    strcmp(key, "patterns") == 0)
			pats = v;
		else if (strcmp(key, "fields") == 0)
			fields = v;
		else if (strcmp(key, "context") == 0)
			ctx = v;
		else if (strcmp(key, "after") == 0)
			after = v;
		else if (strcmp(key, "examples") == 0)
			examples = v;
		else if (strcmp(key, "case_sensitive") == 0 && node_str(v))
			caseless = strcmp(node_str(v), "true") != 0;
		else if (strcmp(key, "note") != 0)
			pack_error(pl, k, 0, "rule: unknown key '%s'", key);
	}
	if (r->id == NULL) {
		pack_error(pl, it, 0, "rule without an id");
		r->id = xasprintf("(rule at line %u)", r->line);
	}
	for (i = 0; i + 1 < pk->nrules; i++)
		if (strcmp(pk->rules[i].id, r->id) == 0) {
			pack_error(pl, idnode, 0, "duplicate rule id '%s' (first "
			    "defined at %s:%u)", r->id, pk->rules[i].file,
			    pk->rules[i].line);
			break;
		}
	if (r->type == NULL) {
		pack_error(pl, it, 0, "rule %s: no type", r->id);
		r->type = xstrdup("quantity");
	}
	nerr0 = pl->nerr;
	pl->defer_jit = 1;
	if (pats == NULL)
		pack_error(pl, it, 0, "rule %s: no pattern", r->id);
	else if (node_str(pats) != NULL) {
		if ((re = compile_node(pl, pats, caseless)) != NULL) {
			r->pats = xmalloc(sizeof *r->pats);
			r->srcs = xmalloc(sizeof *r->srcs);
			r->srcs[r->npats] = xstrdup(node_str(pats));
			r->pats[r->npats++] = re;
		}
	} else if (node_is_seq(pats)) {
		SEQ_EACH(doc, pats, pi) {
			pn = yaml_document_get_node(doc, *pi);
			if ((re = compile_node(pl, pn, caseless)) == NULL)
				continue;
			r->pats = xreallocarray(r->pats, r->npats + 1,
			    sizeof *r->pats);
			r->srcs = xreallocarray(r->srcs, r->npats + 1,
			    sizeof *r->srcs);
			r->srcs[r->npats] = xstrdup(node_str(pn));
			r->pats[r->npats++] = re;
		}
	} else
		pack_error(pl, pats, 0, "rule %s: patterns: expected a list",
		    r->id);
	/* (found by cc_pack_jit(), for commands that extract) */
	r->needs = xcalloc(r->npats + 1, sizeof *r->needs);
	r->gates = xcalloc(r->npats + 1, sizeof *r->gates);
	r->mains = xcalloc(r->npats + 1, sizeof *r->mains);
	r->conts = xcalloc(r->npats + 1, sizeof *r->conts);
	r->anchs = xcalloc(r->npats + 1, sizeof *r->anchs);
	r->words = xcalloc(r->npats + 1, sizeof *r->words);
	r->leadmap = xcalloc(r->npats + 1, sizeof *r->leadmap);
	r->caseless = caseless;
	if (ctx != NULL)
		r->context = compile_shared(pl, ctx, caseless, 0);
	if (after != NULL)
		r->after = compile_shared(pl, after, caseless, 1);
	pl->defer_jit = 0;
	if (fields != NULL)
		load_fields(pl, doc, fields, r, pl->nerr == nerr0);
	if (examples != NULL)
		load_examples(pl, doc, examples, r);
}

static void
load_rules(struct pack_load *pl, yaml_document_t *doc, yaml_node_t *sec)
{
	yaml_node_item_t	*item;
	yaml_node_t		*it;

	if (!node_is_seq(sec)) {
		pack_error(pl, sec, 0, "rules: expected a list of rules");
		return;
	}
	SEQ_EACH(doc, sec, item) {
		it = yaml_document_get_node(doc, *item);
		if (!node_is_map(it)) {
			pack_error(pl, it, 0, "rules: a rule is a mapping");
			continue;
		}
		load_rule(pl, doc, it);
	}
}

/* --- the loader --------------------------------------------------------- */

static const char *const pack_sections[] = {
	"vocab", "macros", "rules", "boilerplate", "outlets", "timeline",
	"entities", "config", NULL
};

/* Run pass 0 (vocab, macros) or pass 1 (the rest) over one document. */
static void
pack_pass(struct pack_load *pl, struct pack_file *pf, int pass)
{
	yaml_document_t		*doc = &pf->doc;
	yaml_node_t		*root = yaml_document_get_root_node(doc);
	yaml_node_pair_t	*pair;
	yaml_node_t		*k, *v;
	const char		*key;

	pl->file = pf->path;
	if (root == NULL)
		return;		/* an empty file is an empty pack */
	if (!node_is_map(root)) {
		if (pass == 0)
			pack_error(pl, root, 0, "a pack file is a mapping of "
			    "sections (vocab, macros, rules, ...)");
		return;
	}
	MAP_EACH(doc, root, pair) {
		k = yaml_document_get_node(doc, pair->key);
		v = yaml_document_get_node(doc, pair->value);
		key = node_str(k) ? node_str(k) : "";
		if (pass == 0) {
			if (strcmp(key, "vocab") == 0)
				load_vocab(pl, doc, v);
			else if (strcmp(key, "macros") == 0)
				load_macros(pl, doc, v);
			else if (!in_list(pack_sections, key))
				pack_error(pl, k, 0, "unknown section '%s'",
				    key);
			continue;
		}
		if (strcmp(key, "rules") == 0)
			load_rules(pl, doc, v);
		else if (strcmp(key, "boilerplate") == 0)
			load_boilerplate(pl, doc, v);
		else if (strcmp(key, "outlets") == 0)
			load_outlets(pl, doc, v);
		else if (strcmp(key, "timeline") == 0)
			load_timeline(pl, doc, v);
		else if (strcmp(key, "entities") == 0)
			load_entities(pl, doc, v);
		else if (strcmp(key, "config") == 0)
			load_config(pl, doc, v);
	}
}

/* Each field's map list, looked up once (the lists no longer move). */
static void
map_lists(struct cc_pack *pk)
{
	struct cc_rule_field	*f;
	size_t			 r, i;

	for (r = 0; r < pk->nrules; r++)
		for (i = 0; i < pk->rules[r].nfields; i++)
			for (f = &pk->rules[r].fields[i]; f != NULL;
			    f = f->next)
				if (f->map != NULL)
					f->map_list = cc_vocab_list(pk->vocab,
					    f->map);
}

int
cc_pack_load(const char *dir, struct cc_pack **out, cc_diag_fn err,
    void *errarg)
{
	struct pack_load	 pl;
	struct pack_file	*pf = NULL;
	struct cc_hasher	*h;
	struct cc_diag		 d;
	struct stat		 st;
	char			**files = NULL;
	size_t			 nfiles = 0, i;
	int			 pass, rc = CC_OK;

	*out = NULL;
	memset(&pl, 0, sizeof pl);
	pl.err = err;
	pl.errarg = errarg;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		cc_diag_set(&d, dir, 0, 0, "rules directory not found");
		if (err)
			err(&d, errarg);
		return CC_EIO;
	}
	pl.pack = xcalloc(1, sizeof *pl.pack);
	pl.pack->dir = xstrdup(dir);
	pl.pack->vocab = cc_vocab_new();
	pl.pack->boiler = cc_boiler_new();
	pl.pack->entities = cc_entities_new();
	pl.pack->corpus = xstrdup("articles");
	pack_collect(dir, 1, &files, &nfiles);
	pf = xcalloc(nfiles ? nfiles : 1, sizeof *pf);
	h = cc_hasher_new();
	for (i = 0; i < nfiles; i++) {
		pf[i].path = files[i];
		pack_parse_file(&pl, &pf[i], h);
	}
	cc_hasher_done(h, pl.pack->hash);
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < nfiles; i++)
			if (pf[i].loaded)
				pack_pass(&pl, &pf[i], pass);
	pl.file = NULL;
	cc_entities_seal(pl.pack->entities);
	cc_boiler_prepare(pl.pack->boiler);
	for (i = 0; i < nfiles; i++) {
		if (pf[i].loaded)
			yaml_document_delete(&pf[i].doc);
		free(pf[i].path);
	}
	free(pf);
	free(files);
	if (pl.nerr > 0) {
		rc = CC_ERULE;
		cc_pack_free(pl.pack);
	} else {
		map_lists(pl.pack);
		/* Keep macros for cc_pack_compile (rules check, normalize). */
		pl.pack->macro_names = pl.macro_names;
		pl.pack->macro_values = pl.macro_values;
		pl.pack->nmacros = pl.nmacros;
		pl.macro_names = pl.macro_values = NULL;
		*out = pl.pack;
	}
	for (i = 0; pl.macro_names != NULL && i < pl.nmacros; i++) {
		free(pl.macro_names[i]);
		free(pl.macro_values[i]);
	}
	free(pl.macro_names);
	free(pl.macro_values);
	return rc;
}

/* Where the class opened at s[i] ('[') ends (its ']'), or len. */
static size_t
class_end(const char *s, size_t len, size_t i)
{
	size_t	j = i + 1;

	if (j < len && s[j] == '^')
		j++;
	if (j < len && s[j] == ']')
		j++;		/* a literal ']' */
	for (; j < len; j++) {
		if (s[j] == '\\')
			j++;
		else if (s[j] == '[' && j + 1 < len && s[j + 1] == ':') {
			/* [:alpha:] */
			while (j + 1 < len && !(s[j] == ':' && s[j + 1] == ']'))
				j++;
			j++;
		} else if (s[j] == ']')
			return j;
	}
	return len;
}

/*
 * Cut the top-level alternatives of s[from, to) at '|' into br[] (at
 * most nmax), as [start, end) pairs; 0 if s holds what this reader does
 * not take apart (\Q...\E, comments, options set for the rest, extended
 * mode, verbs, calls) or is unbalanced.
 */
static size_t
top_branches(const char *s, size_t from, size_t to, size_t (*br)[2],
    size_t nmax)
{
	size_t	i, j, n = 0, depth = 0, start = from;

	for (i = from; i < to; i++) {
		switch (s[i]) {
		case '\\':
			/* (\g<1>: a call, below) */
			if (i + 1 < to && (s[i + 1] == 'Q' ||
			    s[i + 1] == 'E' || s[i + 1] == 'g'))
				return 0;
			i++;
			break;
		case '[':
			if ((i = class_end(s, to, i)) >= to)
				return 0;
			break;
		case '(':
			/* A verb ((*COMMIT) ends the whole search, the other
			 * half's too); a call or recursion (a group's first
			 * definition, or the whole pattern, is not the
			 * half's own) */
			if (i + 1 < to && s[i + 1] == '*')
				return 0;
			if (i + 2 < to && s[i + 1] == '?' &&
			    ((s[i + 2] != '\0' &&
			    strchr("#R&+0123456789", s[i + 2]) != NULL) ||
			    (s[i + 2] == '-' && i + 3 < to && s[i + 3] >= '0' &&
			    s[i + 3] <= '9') || (s[i + 2] == 'P' && i + 3 < to &&
			    s[i + 3] == '>')))
				return 0;
			/* Options: "(?-i)" holds for the later branches
			 * too, which a half would lose; with x, '#' would
			 * open a comment to the line's end. */
			for (j = i + 2; i + 1 < to && s[i + 1] == '?' &&
			    j < to && ((s[j] >= 'a' && s[j] <= 'z') ||
			    (s[j] >= 'A' && s[j] <= 'Z') || s[j] == '-' ||
			    s[j] == '^'); j++)
				if (s[j] == 'x')
					return 0;
			if (j > i + 2 && j < to && s[j] == ')')
				return 0;
			depth++;
			break;
		case ')':
			if (depth-- == 0)
				return 0;
			break;
		case '|':
			if (depth > 0)
				break;
			if (n == nmax)
				return 0;
			br[n][0] = start, br[n++][1] = i;
			start = i + 1;
			break;
		}
	}
	if (depth != 0 || n == nmax || i > to)
		return 0;
	br[n][0] = start, br[n++][1] = to;
	return n;
}

/* Does the branch s[b, e) start with \G, inside groups "(?:" or not? */
static int
branch_at_g(const char *s, size_t b, size_t e)
{
	while (e - b >= 3 && strncmp(s + b, "(?:", 3) == 0)
		b += 3;
	return e - b >= 2 && s[b] == '\\' && s[b + 1] == 'G';
}

#define PACK_MAX_BRANCHES	64

/*
 * Split the expanded pattern s[0, len), if it is one branch-reset group
 * whose last branches start with \G and the others do not, into the
 * others (main) and those (cont), each a group of its own; 1 if split.
 * A branch-reset group numbers each branch's captures from the same
 * start, so either half numbers them as the whole did.
 */
static int
split_cont(const char *s, size_t len, struct cc_buf *main,
    struct cc_buf *cont)
{
	size_t	br[PACK_MAX_BRANCHES][2], n, i, k, ng = 0;

	if (len < 5 || strncmp(s, "(?|", 3) != 0 || s[len - 1] != ')' ||
	    (n = top_branches(s, 3, len - 1, br, PACK_MAX_BRANCHES)) < 2)
		return 0;
	for (i = 0; i < n; i++)
		if (branch_at_g(s, br[i][0], br[i][1]))
			ng++;
		else if (ng > 0)
			return 0;	/* a \G branch before another */
	if (ng == 0 || ng == n)
		return 0;
	for (k = 0; k < 2; k++) {
		struct cc_buf	*b = k == 0 ? main : cont;
		size_t		 from = k == 0 ? 0 : n - ng;
		size_t		 to = k == 0 ? n - ng : n;

		cc_buf_reset(b);
		cc_buf_adds(b, "(?|");
		for (i = from; i < to; i++) {
			if (i > from)
				cc_buf_addc(b, '|');
			cc_buf_add(b, s + br[i][0], br[i][1] - br[i][0]);
		}
		cc_buf_adds(b, ")");
	}
	return 1;
}

/* Pattern p of rule r split as split_cont() says, or left whole. */
static void
rule_split(struct cc_rule *r, size_t p, const struct cc_buf *x)
{
	struct cc_buf	 half[2] = { CC_BUF_INIT, CC_BUF_INIT };
	pcre2_code	*re[2] = { NULL, NULL };
	PCRE2_SIZE	 erroff;
	uint32_t	 opts = 0;
	int		 errcode, k;

	if (split_cont(x->data, x->len, &half[0], &half[1]))
		for (k = 0; k < 2; k++)
			re[k] = pcre2_compile((PCRE2_SPTR)half[k].data,
			    half[k].len, PCRE2_UTF | PCRE2_USE_OFFSET_LIMIT |
			    (r->caseless ? PCRE2_CASELESS : 0), &errcode,
			    &erroff, NULL);
	/* The \G half must match only where it is started, as PCRE2 sees
	 * it: "(?:\Gx|y)" starts with \G and may match anywhere. */
	if (re[1] != NULL)
		(void)pcre2_pattern_info(re[1], PCRE2_INFO_ALLOPTIONS, &opts);
	/* (a half PCRE2 rejects, a reference to a group of the other half:
	 * the pattern stays whole) */
	if (re[0] != NULL && re[1] != NULL && (opts & PCRE2_ANCHORED)) {
		(void)pcre2_jit_compile(re[0], PCRE2_JIT_COMPLETE);
		(void)pcre2_jit_compile(re[1], PCRE2_JIT_COMPLETE);
		r->mains[p] = re[0];
		r->conts[p] = re[1];
	} else {
		pcre2_code_free(re[0]);
		pcre2_code_free(re[1]);
	}
	cc_buf_release(&half[0]);
	cc_buf_release(&half[1]);
}

/*
 * For pattern p of rule r, expanded in x, that opens with "(?<!\w)": its
 * two halves by where a match starts (pack.h, anchs and words).  Left
 * whole when it is split at \G already or a half does not compile.
 */
#define PACK_WORD_START	"(?<!\\w)"

static void
rule_word_start(struct cc_rule *r, size_t p, const struct cc_buf *x)
{
	struct cc_buf	 w = CC_BUF_INIT;
	pcre2_code	*a, *b;
	PCRE2_SIZE	 erroff;
	uint32_t	 opts = PCRE2_UTF | PCRE2_USE_OFFSET_LIMIT |
			    (r->caseless ? PCRE2_CASELESS : 0);
	int		 errcode;

	if (r->mains[p] != NULL || strncmp(r->srcs[p], PACK_WORD_START,
	    strlen(PACK_WORD_START)) != 0)
		return;
	cc_buf_adds(&w, "[^\\w]\\K(?:");
	cc_buf_add(&w, x->data, x->len);
	cc_buf_addc(&w, ')');
	a = pcre2_compile((PCRE2_SPTR)x->data, x->len, opts | PCRE2_ANCHORED,
	    &errcode, &erroff, NULL);
	b = pcre2_compile((PCRE2_SPTR)w.data, w.len, opts, &errcode, &erroff,
	    NULL);
	if (a != NULL && b != NULL) {
		(void)pcre2_jit_compile(a, PCRE2_JIT_COMPLETE);
		(void)pcre2_jit_compile(b, PCRE2_JIT_COMPLETE);
		r->anchs[p] = a;
		r->words[p] = b;
	} else {
		pcre2_code_free(a);
		pcre2_code_free(b);
	}
	cc_buf_release(&w);
}

/*
 * For pattern p of rule r, expanded in x, whose matches start with a
 * word of its lead where a word starts (needs.h) and which PCRE2 would
 * try at more than PACK_GATE_STARTS bytes: the pattern anchored (anchs,
 * if rule_word_start() did not make it) and leadmap, bits for the
 * lead's first one, two or three bytes (pack.h).  A pattern split at
 * \G has no lead.
 */
static void
rule_lead(struct cc_rule *r, size_t p, const struct cc_buf *x)
{
	const struct cc_needs	*n = &r->needs[p];
	const unsigned char	*w;
	unsigned char		*m;
	PCRE2_SIZE		 erroff;
	size_t			 k;
	unsigned		 b;
	int			 errcode;

	if (r->mains[p] != NULL || n->nlead == 0 || !n->lead_edge ||
	    start_width(r->pats[p]) <= PACK_GATE_STARTS)
		return;
	if (r->anchs[p] == NULL) {
		r->anchs[p] = pcre2_compile((PCRE2_SPTR)x->data, x->len,
		    PCRE2_UTF | PCRE2_ANCHORED | (r->caseless ?
		    PCRE2_CASELESS : 0), &errcode, &erroff, NULL);
		if (r->anchs[p] == NULL)
			return;
		(void)pcre2_jit_compile(r->anchs[p], PCRE2_JIT_COMPLETE);
	}
	m = xcalloc(CC_LEADMAP_BYTES, 1);
	for (k = 0; k < n->nlead; k++) {
		w = (const unsigned char *)n->lead[k];
		if (w[1] == '\0')
			b = w[0];
		else if (w[2] == '\0')
			b = 8 * 32 + ((unsigned)w[0] << 8 | w[1]);
		else
			b = 8 * (32 + 8192) + CC_LEADMAP_H3(w[0], w[1], w[2]);
		m[b >> 3] |= (unsigned char)(1u << (b & 7));
	}
	r->leadmap[p] = m;
}

/*
 * A loader over a pack already loaded, to expand its patterns with its
 * macros after loading; it reports nothing (err is NULL).
 */
static void
pack_load_of(struct pack_load *pl, const struct cc_pack *pk)
{
	memset(pl, 0, sizeof *pl);
	pl->pack = (struct cc_pack *)pk;
	pl->macro_names = pk->macro_names;
	pl->macro_values = pk->macro_values;
	pl->nmacros = pk->nmacros;
}

/*
 * The words pattern p of rule r needs, and its gate (needs.h), from its
 * expanded text, and its halves (rule_split()): found when the pack is
 * first used to extract, as commands that extract nothing (normalize)
 * need none of them.
 */
static void
rule_needs(const struct cc_pack *pk, struct cc_rule *r, size_t p)
{
	struct pack_load	 pl;
	struct cc_buf		 out = CC_BUF_INIT;
	struct cc_diag		 d;
	pcre2_code		*g = NULL;
	PCRE2_SIZE		 erroff;
	int			 errcode;

	pack_load_of(&pl, pk);
	cc_diag_clear(&d);
	if (expand(&pl, r->srcs[p], &out, NULL, 0, &d) != CC_OK)
		goto out;
	cc_needs_find(out.data, out.len, CC_NEEDS_MINLEN, CC_NEEDS_ANY,
	    &r->needs[p]);
	/* (a gate PCRE2 rejects is no gate: the pattern still runs) */
	if (r->needs[p].gate != 0)
		g = pcre2_compile((PCRE2_SPTR)out.data + r->needs[p].gate,
		    out.len - r->needs[p].gate, PCRE2_UTF | (r->caseless ?
		    PCRE2_CASELESS : 0), &errcode, &erroff, NULL);
	if (g != NULL && (start_width(g) > PACK_GATE_STARTS ||
	    start_width(g) >= start_width(r->pats[p]))) {
		pcre2_code_free(g);
		g = NULL;
	}
	if (g != NULL)
		(void)pcre2_jit_compile(g, PCRE2_JIT_COMPLETE);
	r->gates[p] = g;
	rule_split(r, p, &out);
	rule_word_start(r, p, &out);
	rule_lead(r, p, &out);
out:
	cc_buf_release(&out);
}

/* Shortest word of a set a group needs: "'s" ("Kirby's claim that")
 * is two bytes; the automaton that finds them costs the same whatever
 * the words. */
#define PACK_GROUP_MINLEN	2

/*
 * The words each group of shared pattern i needs (cc_pack.shared_gneeds),
 * from its expanded text: the wrapper of an after pattern (\G) adds no
 * words and no groups.
 */
static void
shared_group_needs(struct cc_pack *pk, size_t i)
{
	struct pack_load	 pl;
	struct cc_buf		 out = CC_BUF_INIT;
	struct cc_diag		 d;
	struct cc_needs		*gn, *found;
	PCRE2_SPTR		 table;
	const char		**names;
	uint32_t		 ncap = 0, nnames = 0, esize = 0, k, num;
	uint32_t		*nums;

	(void)pcre2_pattern_info(pk->shared[i], PCRE2_INFO_CAPTURECOUNT,
	    &ncap);
	(void)pcre2_pattern_info(pk->shared[i], PCRE2_INFO_NAMECOUNT,
	    &nnames);
	(void)pcre2_pattern_info(pk->shared[i], PCRE2_INFO_NAMEENTRYSIZE,
	    &esize);
	(void)pcre2_pattern_info(pk->shared[i], PCRE2_INFO_NAMETABLE,
	    &table);
	gn = xcalloc((size_t)ncap + 1, sizeof *gn);
	nums = xcalloc((size_t)ncap + 1, sizeof *nums);
	pk->shared_gneeds[i] = gn;
	pk->shared_ngroups[i] = (size_t)ncap + 1;
	pack_load_of(&pl, pk);
	names = xcalloc((size_t)ncap + 1, sizeof *names);
	for (k = 0; k < nnames; k++) {
		num = (uint32_t)table[k * esize] << 8 | table[k * esize + 1];
		/* (a number of several names: the first one's) */
		if (num <= ncap && names[num] == NULL)
			names[num] = (const char *)table + k * esize + 2;
	}
	/* the named ones, read in one pass */
	for (k = 0, num = 0; k <= ncap; k++)
		if (names[k] != NULL) {
			names[num] = names[k];
			nums[num++] = k;
		}
	cc_diag_clear(&d);
	/* (the key is the text after two flag digits: compile_shared()) */
	if (num > 0 && expand(&pl, pk->shared_keys[i] + 2, &out, NULL, 0,
	    &d) == CC_OK) {
		found = xcalloc(num, sizeof *found);
		cc_needs_find_groups(out.data, out.len, names, num,
		    PACK_GROUP_MINLEN, CC_NEEDS_ANY, found);
		for (k = 0; k < num; k++)
			gn[nums[k]] = found[k];
		free(found);
	}
	free(names);
	free(nums);
	cc_buf_release(&out);
}

static pthread_mutex_t	pack_jit_lock = PTHREAD_MUTEX_INITIALIZER;

/* The pack's macro called name, compiled caseless; NULL if the pack has
 * no such macro or it does not compile. */
static pcre2_code *
compile_macro(const struct cc_pack *pk, const char *name)
{
	struct cc_diag	 d;
	char		 call[64];
	size_t		 i;

	for (i = 0; i < pk->nmacros; i++)
		if (strcmp(pk->macro_names[i], name) == 0) {
			(void)snprintf(call, sizeof call, "%%{%s}", name);
			cc_diag_clear(&d);
			return cc_pack_compile(pk, call, 1, &d);
		}
	return NULL;
}

void
cc_pack_jit(const struct cc_pack *pk)
{
	struct cc_pack	*w = (struct cc_pack *)pk;	/* a cache only */
	size_t		 i, j;

	pthread_mutex_lock(&pack_jit_lock);
	if (!w->jitted) {
		for (i = 0; i < pk->nrules; i++)
			for (j = 0; j < pk->rules[i].npats; j++) {
				(void)pcre2_jit_compile(pk->rules[i].pats[j],
				    PCRE2_JIT_COMPLETE);
				rule_needs(pk, &w->rules[i], j);
			}
		w->shared_gneeds = xcalloc(pk->nshared + 1,
		    sizeof *w->shared_gneeds);
		w->shared_ngroups = xcalloc(pk->nshared + 1,
		    sizeof *w->shared_ngroups);
		for (i = 0; i < pk->nshared; i++) {
			(void)pcre2_jit_compile(pk->shared[i],
			    PCRE2_JIT_COMPLETE);
			shared_group_needs(w, i);
		}
		w->speaker = compile_macro(pk, "ATT_SPEAKER");
		w->speaker_opens = compile_macro(pk, "ATT_SPEAKER_OPENS");
		w->say_word = compile_macro(pk, "ATT_SAY_WORD");
		w->jitted = 1;
	}
	pthread_mutex_unlock(&pack_jit_lock);
}

pcre2_code *
cc_pack_compile(const struct cc_pack *pk, const char *pattern, int caseless,
    struct cc_diag *d)
{
	struct pack_load	pl;

	pack_load_of(&pl, pk);
	return compile_expanded(&pl, pattern, caseless, NULL, d);
}

static void
free_field(struct cc_rule_field *f)
{
	free(f->name);
	free(f->group);
	free(f->literal);
	free(f->map);
	if (f->next != NULL) {
		free_field(f->next);
		free(f->next);
	}
}

static void
free_fields(struct cc_rule_field *f, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free_field(&f[i]);
	free(f);
}

void
cc_pack_free(struct cc_pack *pk)
{
	size_t	i, j;

	if (pk == NULL)
		return;
	for (i = 0; i < pk->nrules; i++) {
		struct cc_rule *r = &pk->rules[i];

		free(r->id);
		free(r->type);
		free(r->file);
		xfree_strv(r->triggers, r->ntriggers);
		xfree_strv(r->requires, r->nrequires);
		free(r->trigger_edges);
		free(r->require_edges);
		for (j = 0; j < r->npats; j++) {
			pcre2_code_free(r->pats[j]);
			pcre2_code_free(r->gates[j]);
			pcre2_code_free(r->mains[j]);
			pcre2_code_free(r->conts[j]);
			pcre2_code_free(r->anchs[j]);
			pcre2_code_free(r->words[j]);
			free(r->leadmap[j]);
			cc_needs_release(&r->needs[j]);
			free(r->srcs[j]);
		}
		/* (context and after belong to pk->shared) */
		free(r->pats);
		free(r->gates);
		free(r->mains);
		free(r->conts);
		free(r->anchs);
		free(r->words);
		free(r->leadmap);
		free(r->needs);
		free(r->srcs);
		free_fields(r->fields, r->nfields);
		for (j = 0; j < r->nexamples; j++) {
			free(r->examples[j].text);
			free(r->examples[j].file);
			free_fields(r->examples[j].expect,
			    r->examples[j].nexpect);
		}
		free(r->examples);
	}
	free(pk->rules);
	for (i = 0; i < pk->nshared; i++) {
		pcre2_code_free(pk->shared[i]);
		for (j = 0; pk->shared_gneeds != NULL &&
		    pk->shared_gneeds[i] != NULL &&
		    j < pk->shared_ngroups[i]; j++)
			cc_needs_release(&pk->shared_gneeds[i][j]);
		if (pk->shared_gneeds != NULL)
			free(pk->shared_gneeds[i]);
	}
	free(pk->shared_gneeds);
	free(pk->shared_ngroups);
	free(pk->shared);
	pcre2_code_free(pk->speaker);
	pcre2_code_free(pk->speaker_opens);
	pcre2_code_free(pk->say_word);
	xfree_strv(pk->shared_keys, pk->nshared);
	for (i = 0; i < pk->noutlets; i++) {
		free(pk->outlets[i].id);
		free(pk->outlets[i].name);
		xfree_strv(pk->outlets[i].domains, pk->outlets[i].ndomains);
		for (j = 0; j < pk->outlets[i].nmarkers; j++) {
			pcre2_code_free(pk->outlets[i].markers[j]);
			cc_needs_release(&pk->outlets[i].marker_needs[j]);
		}
		free(pk->outlets[i].markers);
		free(pk->outlets[i].marker_needs);
	}
	free(pk->outlets);
	for (i = 0; i < pk->nevents; i++) {
		free(pk->events[i].id);
		free(pk->events[i].date);
		xfree_strv(pk->events[i].names, pk->events[i].nnames);
		xfree_strv(pk->events[i].before, pk->events[i].nbefore);
	}
	free(pk->events);
	xfree_strv(pk->macro_names, pk->nmacros);
	xfree_strv(pk->macro_values, pk->nmacros);
	cc_vocab_free(pk->vocab);
	cc_entities_free(pk->entities);
	cc_boiler_free(pk->boiler);
	free(pk->corpus);
	free(pk->dir);
	free(pk);
}
