/*
 * report.c - the Render stage: reports/index.html and one page per article.
 *
 * The report is what an editor reads, opened from disk in a browser, and
 * the articles in it are untrusted.  So:
 *  - every byte that comes from an article, a claim or a finding goes
 *    through cc_html_escape(), and only cc_html_url_ok() URLs are linked;
 *  - each page carries a Content-Security-Policy in a <meta> tag:
 *    default-src 'none' with no script-src means no script of any kind can
 *    run (inline, external, event handler or javascript: URL), and the one
 *    <style> element is allowed by its SHA-256, computed here from the very
 *    bytes we write, so the hash can never drift from the style sheet;
 *    inline style="" attributes would be blocked, so none are used;
 *  - pages need nothing external (no fonts, scripts, images) and no
 *    JavaScript, and carry print rules.
 * Output is deterministic: no timestamps, and every list is put in a
 * stable order here rather than trusting the caller's, so the same input
 * gives byte-identical files.  Files are written to a temporary name in
 * the output directory and renamed into place.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "file.h"
#include "claim.h"
#include "diag.h"
#include "hash.h"
#include "report.h"
#include "text.h"
#include "xmalloc.h"

/* Characters of a text value shown in a claim's label. */
#define LABEL_VALUE_MAX	40
/* Longest file-name part taken from an article name. */
#define NAME_MAX_PART	80

/*
 * The style sheet, hashed into the CSP.  Colours are chosen for contrast
 * (body text 16:1, dimmed boilerplate 6.7:1, badges >= 7:1) and meaning is
 * never carried by colour alone: severities and boilerplate are also
 * spelled out in text.
 */
static const char report_css[] =
"\n"
"body { margin: 0 auto; max-width: 78rem; padding: 1rem 1.5rem;\n"
"  font: 1rem/1.5 system-ui, -apple-system, \"Segoe UI\", Roboto, Arial,"
" sans-serif;\n"
"  color: #1b1b1b; background: #fff; }\n"
"h1, h2, h3, h4 { line-height: 1.25; }\n"
"h2 { border-bottom: 2px solid #1b1b1b; padding-bottom: .2rem;"
" margin-top: 2.5rem; }\n"
"a { color: #0b4f8a; }\n"
"a:focus { outline: 3px solid #0b4f8a; outline-offset: 2px; }\n"
".skip { position: absolute; left: -999rem; }\n"
".skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }\n"
"nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap;"
" gap: .25rem 1.5rem; }\n"
"table { border-collapse: collapse; margin: .5rem 0 1.5rem; }\n"
"caption { text-align: left; font-weight: 600; padding: .25rem 0; }\n"
"th, td { border: 1px solid #9a9a9a; padding: .25rem .5rem;"
" text-align: left; vertical-align: top; }\n"
"thead th { background: #e8e8e8; }\n"
".num { text-align: right; font-variant-numeric: tabular-nums; }\n"
".wide { width: 100%; }\n"
"mark { background: #ffe45c; color: #000; padding: 0 .1em; }\n"
".s { unicode-bidi: isolate; }\n"
".s:target { outline: 3px solid #0b4f8a; }\n"
".boiler { color: #555; font-style: italic; }\n"
".lbl { display: inline-block; font-size: .8rem; line-height: 1.3;"
" border: 1px solid #6b5600; border-radius: .2rem; padding: 0 .3rem;"
" margin: 0 .2rem; color: #3d3000; background: #fff8d6; }\n"
".lbl:target { outline: 3px solid #0b4f8a; }\n"
".sev { display: inline-block; font-weight: 700; font-size: .85rem;"
" text-transform: uppercase; padding: .05rem .4rem; border-radius: .2rem;"
" color: #fff; background: #4a4a4a; }\n"
".sev-high { background: #8b0000; }\n"
".sev-medium { background: #7a4100; }\n"
".sev-low { background: #1f4e79; }\n"
".finding { border-left: 6px solid #4a4a4a; padding: .1rem 0 .5rem 1rem;"
" margin: 1.5rem 0; }\n"
".finding.sev-high { border-color: #8b0000; background: none; }\n"
".finding.sev-medium { border-color: #7a4100; background: none; }\n"
".finding.sev-low { border-color: #1f4e79; background: none; }\n"
".evidence { display: grid; gap: 1rem;"
" grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); }\n"
".ev { border: 1px solid #9a9a9a; border-radius: .25rem;"
" padding: .25rem .75rem .5rem; }\n"
".ev h4 { margin: .4rem 0; }\n"
".ev blockquote { margin: .5rem 0; padding-left: .75rem;"
" border-left: 3px solid #9a9a9a; }\n"
"td.dis { background: #fdecea; }\n"
".dis-mark { font-weight: 700; color: #8b0000; }\n"
"figure.tl { margin: 1rem 0; overflow-x: auto; }\n"
"svg.tl { width: 100%; max-width: 1000px; height: auto;"
" font: 13px system-ui, Arial, sans-serif; }\n"
"svg.tl .grid { stroke: #d4d4d4; }\n"
"svg.tl .lane { stroke: #8a8a8a; }\n"
"svg.tl .tick { text-anchor: middle; fill: #333; font-size: 12px; }\n"
"svg.tl .name { text-anchor: end; fill: #1b1b1b; }\n"
"svg.tl .legend text { fill: #1b1b1b; }\n"
"svg.tl .pt circle, svg.tl .pt rect { fill: #0b4f8a; stroke: #fff; }\n"
"svg.tl .pt .span { stroke: #0b4f8a; stroke-width: 3;"
" stroke-opacity: .45; }\n"
"svg.tl .late circle, svg.tl .late rect { fill: #b00020; }\n"
"svg.tl .late .span { stroke: #b00020; }\n"
"svg.tl .art path { fill: #1b1b1b; }\n"
"svg.tl .art line { stroke: #1b1b1b; stroke-width: 1.5; }\n"
"svg.tl .art.inf line { stroke-dasharray: 3 2; }\n"
"svg.tl .art.inf path { fill: #fff; stroke: #1b1b1b; stroke-width: 2;"
" stroke-dasharray: 3 2; }\n"
".muted { color: #555; }\n"
".inferred { font-style: italic; }\n"
"dl.meta { display: grid; grid-template-columns: max-content 1fr;"
" gap: .2rem 1rem; }\n"
"dl.meta dt { font-weight: 600; }\n"
"dl.meta dd { margin: 0; overflow-wrap: anywhere; }\n"
".text p { max-width: 48rem; }\n"
".gap { color: #555; }\n"
"code { overflow-wrap: anywhere; }\n"
"@media print {\n"
"  body { max-width: none; padding: 0; font-size: 10.5pt; }\n"
"  nav, .skip { display: none; }\n"
"  a { color: inherit; text-decoration: none; }\n"
"  .finding, .ev, tr { break-inside: avoid; }\n"
"  h2, h3 { break-after: avoid; }\n"
"  thead { display: table-header-group; }\n"
"  mark, .sev, .lbl, thead th { -webkit-print-color-adjust: exact;"
" print-color-adjust: exact; }\n"
"}\n";

/* A page being built; the first error sticks and later output is
 * dropped, so emitters need not check every append.  A page with an fd
 * (the index, which grows with the corpus) is spilled to it every
 * PAGE_SPILL bytes instead of being held whole. */
struct page {
	struct cc_buf	b;
	int		rc;
	int		fd;	/* -1: the page stays in b */
	int		err;	/* errno of a failed spill */
};

#define PAGE_INIT	{ CC_BUF_INIT, CC_OK, -1, 0 }
#define PAGE_SPILL	((size_t)1 << 16)

/* A claim that a finding of a disagreeing kind names. */
struct dispute {
	int64_t			 cid;
	size_t			 rank;	/* the finding's place in the index */
	const struct cc_finding	*f;
};

/* A claim's evidence bytes, kept from its article's text while the
 * article page is written so the index needs no text: the claim's own
 * sentence copy when it is the same bytes, else a copy (own). */
struct evid {
	const char	*s;	/* NULL: the offsets do not fit the text */
	size_t		 n;
	char		*own;
};

struct art_ref {
	const struct cc_report_article	 *ra;
	char				 *file;		/* article-NAME.html */
	const struct cc_claim		**claims;	/* into rep.byart */
	size_t				  nclaims;
	long				 *csent;	/* sentence per claim */
	struct evid			 *ev;		/* evidence per claim */
};

struct rep {
	const struct cc_report_input	 *in;
	struct art_ref			 *arts;		/* by name */
	size_t				  narts;
	const struct cc_claim		**byid;
	const struct cc_claim		**byart;	/* article, offset, id */
	size_t				  nclaims;
	const struct cc_finding		**findings;	/* by severity */
	size_t				  nfindings;
	struct dispute			 *disputes;	/* by claim id */
	size_t				  ndisputes;
	/* Of a large corpus the index shows only the claims findings
	 * cite (see INDEX_CLAIMS_MAX): cited[i] for byid[i]; NULL: all. */
	unsigned char			 *cited;
	size_t				  ncited;
	char				  csp[CC_SHA256_B64LEN + 1];
};

/*
 * The index lists claims in three places (matrix, timeline, claims by
 * article).  Past INDEX_CLAIMS_MAX claims that would make a page of
 * hundreds of megabytes no browser opens: the matrix and the timeline
 * then show the claims that findings cite, the claims by article are
 * left to each article's page, and the index says so.
 */
#define INDEX_CLAIMS_MAX	2000

/* Output helpers. */

/* Write b[0..n) to fd whole; 0 or -1 with errno. */
static int
write_all(int fd, const char *b, size_t n)
{
	ssize_t	w;

	while (n > 0) {
		if ((w = write(fd, b, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		b += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Move the page's bytes to its file once PAGE_SPILL are held (all of
 * them when all is set). */
static void
spill(struct page *pg, int all)
{
	if (pg->fd < 0 || pg->rc != CC_OK || pg->b.len == 0 ||
	    (!all && pg->b.len < PAGE_SPILL))
		return;
	if (write_all(pg->fd, pg->b.data, pg->b.len) != 0) {
		pg->err = errno;
		pg->rc = CC_EIO;
	}
	cc_buf_reset(&pg->b);
}

static void
raw(struct page *pg, const char *s)
{
	if (pg->rc == CC_OK)
		pg->rc = cc_buf_adds(&pg->b, s);
	spill(pg, 0);
}

static void rawf(struct page *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

/* Formatted markup: only for our own strings and numbers, never for
 * article data (which goes through esc()). */
static void
rawf(struct page *pg, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	if (pg->rc != CC_OK)
		return;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	pg->rc = cc_buf_adds(&pg->b, s);
	free(s);
	spill(pg, 0);
}

static void
escn(struct page *pg, const char *s, size_t n)
{
	if (pg->rc == CC_OK)
		pg->rc = cc_html_escape(&pg->b, s, n);
	spill(pg, 0);
}

/* Escape a string; NULL gives dflt (our own text, also escaped). */
static void
esc(struct page *pg, const char *s, const char *dflt)
{
	if (s == NULL)
		s = dflt;
	if (s != NULL)
		escn(pg, s, strlen(s));
}

/* Escape s cut to at most max characters, an ellipsis marking the cut
 * (never inside a UTF-8 sequence); NULL gives dflt. */
static void
esc_cut(struct page *pg, const char *s, const char *dflt, size_t max)
{
	size_t	i, n, chars = 0;

	if (s == NULL) {
		esc(pg, dflt, NULL);
		return;
	}
	n = strlen(s);
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && ++chars > max)
			break;
	escn(pg, s, i);
	if (i < n)
		raw(pg, "\xe2\x80\xa6");	/* ellipsis */
}

static int
nstrcmp(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int
blank(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

/*
 * File names.  An article name is untrusted (a file name or a JSON Lines
 * id), so the page name keeps only [a-z0-9._-], no leading dot, at most
 * NAME_MAX_PART bytes.  A name that had to change gets "~" and a hash of
 * the full name: '~' never survives the clean-up, so such a name cannot
 * collide with an unchanged one, and folding case keeps names distinct on
 * case-insensitive file systems too.
 */
static char *
page_file(const char *name)
{
	struct cc_buf	 b = CC_BUF_INIT;
	size_t		 i, n = strlen(name);
	int		 changed = 0;
	char		 c, *s;

	for (i = 0; i < n && i < NAME_MAX_PART; i++) {
		c = name[i];
		if (c >= 'A' && c <= 'Z') {
			c = (char)(c - 'A' + 'a');
			changed = 1;
		} else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || (c == '.' && i > 0))) {
			c = '_';
			changed = 1;
		}
		cc_buf_addc(&b, c);
	}
	if (n == 0 || n > NAME_MAX_PART)
		changed = 1;
	if (changed)
		cc_buf_printf(&b, "~%016" PRIx64, cc_hash64(name, n));
	s = xasprintf("article-%s.html", b.data ? b.data : "");
	cc_buf_release(&b);
	return s;
}

static int
cmp_art(const void *a, const void *b)
{
	const struct art_ref	*x = a, *y = b;
	int			 r = nstrcmp(x->ra->art.name, y->ra->art.name);

	/* Names are unique in a store; the address keeps qsort total. */
	if (r == 0)
		r = (x->ra > y->ra) - (x->ra < y->ra);
	return r;
}

static int
cmp_art_file(const void *a, const void *b)
{
	const struct art_ref	*x = *(const struct art_ref *const *)a;
	const struct art_ref	*y = *(const struct art_ref *const *)b;
	int			 r = strcmp(x->file, y->file);

	return r != 0 ? r : (x > y) - (x < y);
}

/* Make the page names unique even if two hashes collided: the later
 * articles (by name) of a clash get "~2", "~3", ...  No cleaned-up name
 * ends in "~" and a small number, so these cannot clash in turn. */
static void
unique_files(struct rep *r)
{
	struct art_ref	**v;
	size_t		  i, j, k;
	char		 *s;

	if (r->narts < 2)
		return;
	v = xreallocarray(NULL, r->narts, sizeof *v);
	for (i = 0; i < r->narts; i++)
		v[i] = &r->arts[i];
	qsort(v, r->narts, sizeof *v, cmp_art_file);
	for (i = 0; i < r->narts; i = j) {
		for (j = i + 1; j < r->narts &&
		    strcmp(v[j]->file, v[i]->file) == 0; j++)
			;
		for (k = i + 1; k < j; k++) {
			s = xasprintf("%.*s~%zu.html",
			    (int)(strlen(v[k]->file) - 5), v[k]->file,
			    k - i + 1);
			free(v[k]->file);
			v[k]->file = s;
		}
	}
	free(v);
}

/* Claims. */

static int
cmp_claim_id(const void *a, const void *b)
{
	const struct cc_claim	*x = *(const struct cc_claim *const *)a;
	const struct cc_claim	*y = *(const struct cc_claim *const *)b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x > y) - (x < y);
}

static int
cmp_claim_art(const void *a, const void *b)
{
	const struct cc_claim	*x = *(const struct cc_claim *const *)a;
	const struct cc_claim	*y = *(const struct cc_claim *const *)b;
	int			 r = nstrcmp(x->article, y->article);

	if (r != 0)
		return r;
	if (x->ev_start != y->ev_start)
		return x->ev_start < y->ev_start ? -1 : 1;
	return cmp_claim_id(a, b);
}

/* The number of a claim id "c17"; 0 if it is not one. */
static int
claim_num(const char *cid, int64_t *id)
{
	char	*end;

	if (cid == NULL || cid[0] != 'c' || cid[1] < '0' || cid[1] > '9')
		return 0;
	errno = 0;
	*id = strtoll(cid + 1, &end, 10);
	return *end == '\0' && errno == 0;
}

/* The position in byid of the claim named "c17", or r->nclaims. */
static size_t
claim_pos(const struct rep *r, const char *cid)
{
	int64_t	id;
	size_t	lo = 0, hi = r->nclaims, mid;

	if (!claim_num(cid, &id))
		return r->nclaims;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->byid[mid]->id == id)
			return mid;
		if (r->byid[mid]->id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return r->nclaims;
}

/* The claim named "c17", or NULL. */
static const struct cc_claim *
find_claim(const struct rep *r, const char *cid)
{
	size_t	pos = claim_pos(r, cid);

	return pos < r->nclaims ? r->byid[pos] : NULL;
}

static struct art_ref *
find_art(const struct rep *r, const char *name)
{
	size_t	lo = 0, hi = r->narts, mid;
	int	c;

	if (name == NULL)
		return NULL;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = nstrcmp(name, r->arts[mid].ra->art.name);
		if (c == 0)
			return &r->arts[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* Finding kinds that say claims disagree: their claims are marked in
 * the matrix.  (Agreements, variants, single sources and stale content
 * say nothing against a value.) */
static int
disagreeing(const char *kind)
{
	return nstrcmp(kind, "contradiction") == 0 ||
	    nstrcmp(kind, "timeline") == 0 || nstrcmp(kind, "internal") == 0;
}

static int
cmp_dispute(const void *a, const void *b)
{
	const struct dispute	*x = a, *y = b;

	if (x->cid != y->cid)
		return x->cid < y->cid ? -1 : 1;
	return (x->rank > y->rank) - (x->rank < y->rank);
}

static void
find_disputes(struct rep *r)
{
	const struct cc_finding	*f;
	size_t			 i, k, n = 0;
	int64_t			 id;

	for (i = 0; i < r->nfindings; i++)
		if (disagreeing(r->findings[i]->kind))
			n += r->findings[i]->nclaims;
	r->disputes = xreallocarray(NULL, n + 1, sizeof *r->disputes);
	for (i = 0; i < r->nfindings; i++) {
		f = r->findings[i];
		if (!disagreeing(f->kind))
			continue;
		for (k = 0; k < f->nclaims; k++)
			if (claim_num(f->claims[k], &id)) {
				r->disputes[r->ndisputes].cid = id;
				r->disputes[r->ndisputes].rank = i;
				r->disputes[r->ndisputes++].f = f;
			}
	}
	qsort(r->disputes, r->ndisputes, sizeof *r->disputes, cmp_dispute);
}

/* The first (most severe) disagreeing finding naming claim c, or NULL. */
static const struct cc_finding *
disputed(const struct rep *r, const struct cc_claim *c)
{
	size_t	lo = 0, hi = r->ndisputes, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->disputes[mid].cid < c->id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->ndisputes && r->disputes[lo].cid == c->id ?
	    r->disputes[lo].f : NULL;
}

/* Is sentence s usable against a text of len bytes? */
static int
sent_ok(const struct cc_sentence *s, size_t len)
{
	return s->start < s->end && s->end <= len;
}

/* Index of the sentence holding the claim's evidence, or -1. */
static long
claim_sentence(const struct cc_report_article *ra, const struct cc_claim *c)
{
	const struct cc_sentences	*ss = &ra->sents;
	size_t				 i;

	for (i = 0; i < ss->n; i++)
		if (sent_ok(&ss->v[i], ra->art.len) &&
		    ss->v[i].start <= c->ev_start && c->ev_start < ss->v[i].end)
			return (long)i;
	/* Offsets from an older segmentation: take any overlap. */
	for (i = 0; i < ss->n; i++)
		if (sent_ok(&ss->v[i], ra->art.len) &&
		    ss->v[i].start < c->ev_end && c->ev_start < ss->v[i].end)
			return (long)i;
	return -1;
}

static const char *
art_date(const struct cc_article *a)
{
	return a->date != NULL ? a->date : a->published;
}

/* A date is inferred unless it came from the article's metadata. */
static int
art_date_inferred(const struct cc_article *a)
{
	/* Metadata and a dateline state the date; anything else (a date
	 * worked out from "the eight-month-old war") is inferred. */
	if (a->date == NULL || a->date_basis == NULL)
		return 0;
	return strncmp(a->date_basis, "metadata", 8) != 0 &&
	    strncmp(a->date_basis, "dateline", 8) != 0;
}

/* Find needle in hay[0..n), ASCII case-insensitively; offset or -1. */
static long
find_ci(const char *hay, size_t n, const char *needle, size_t m)
{
	size_t	i, j;
	char	a, b;

	if (m == 0 || m > n)
		return -1;
	for (i = 0; i + m <= n; i++) {
		for (j = 0; j < m; j++) {
			a = hay[i + j];
			b = needle[j];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (j == m)
			return (long)i;
	}
	return -1;
}

/*
 * Find the claim's matched words in text[a..b), setting [*ms, *me) to
 * absolute offsets; 0 if not found.  Extraction matched on the folded
 * text (text.h), so the words may differ from the stored bytes in spaces,
 * quotes and dashes: search the folded sentence and map back.
 */
static int
locate(const char *text, size_t a, size_t b, const char *words,
    size_t *ms, size_t *me)
{
	struct cc_fold	 fs, fw;
	const char	*w, *why;
	size_t		 wl, bad;
	long		 at;
	int		 found = 0;

	if (words == NULL || b <= a)
		return 0;
	while (*words == ' ')
		words++;
	wl = strlen(words);
	while (wl > 0 && words[wl - 1] == ' ')
		wl--;
	if (wl == 0)
		return 0;
	if ((at = find_ci(text + a, b - a, words, wl)) >= 0) {
		*ms = a + (size_t)at;
		*me = *ms + wl;
		return 1;
	}
	/* cc_fold() wants valid UTF-8; stored text always is. */
	if (cc_utf8_check(text + a, b - a, &bad, &why) != CC_OK ||
	    cc_utf8_check(words, wl, &bad, &why) != CC_OK)
		return 0;
	cc_fold(text + a, b - a, &fs);
	cc_fold(words, wl, &fw);
	w = fw.s;
	wl = fw.len;
	while (wl > 0 && *w == ' ')
		w++, wl--;
	while (wl > 0 && w[wl - 1] == ' ')
		wl--;
	if ((at = find_ci(fs.s, fs.len, w, wl)) >= 0) {
		*ms = a + fs.map[at];
		*me = a + fs.map[(size_t)at + wl];
		found = *ms < *me && *me <= b;
	}
	cc_fold_release(&fw);
	cc_fold_release(&fs);
	return found;
}

/* Claim labels and values. */

static void
emit_value(struct page *pg, const struct cc_claim *c)
{
	struct cc_buf	v = CC_BUF_INIT;

	if (cc_claim_value_str(c, &v) == CC_OK && v.len > 0) {
		escn(pg, v.data, v.len);
		if (c->unit != NULL && c->value_kind == CC_VALUE_NUMBER) {
			raw(pg, " ");
			esc(pg, c->unit, NULL);
		}
	} else
		raw(pg, "\xe2\x80\x94");	/* em dash */
	cc_buf_release(&v);
}

static void
emit_time(struct page *pg, const struct cc_claim *c)
{
	if (c->time_start == NULL && c->time_end == NULL) {
		raw(pg, "\xe2\x80\x94");
		return;
	}
	esc(pg, c->time_start, "?");
	if (c->time_end != NULL && nstrcmp(c->time_start, c->time_end) != 0) {
		raw(pg, " \xe2\x80\x93 ");	/* en dash */
		esc(pg, c->time_end, NULL);
	}
}

/* "casualty · 6,374 people · 2022-10-24", with an anchor for the claim. */
static void
emit_label(struct page *pg, const struct cc_claim *c)
{
	rawf(pg, "<span class=\"lbl\" id=\"c%" PRId64 "\">", c->id);
	esc(pg, c->type, "claim");
	if (c->value_kind == CC_VALUE_TEXT) {
		/* A text value that only repeats the highlighted words says
		 * nothing; a long one is cut (the claims table has it all). */
		if (c->vtext != NULL && (c->text == NULL ||
		    strcasecmp(c->vtext, c->text) != 0)) {
			raw(pg, " \xc2\xb7 ");
			esc_cut(pg, c->vtext, NULL, LABEL_VALUE_MAX);
		}
	} else if (c->value_kind != CC_VALUE_NONE) {
		raw(pg, " \xc2\xb7 ");
		emit_value(pg, c);
	}
	if (c->time_start != NULL) {
		raw(pg, " \xc2\xb7 ");
		emit_time(pg, c);
	}
	if (c->polarity != NULL && strcmp(c->polarity, "negated") == 0)
		raw(pg, " \xc2\xb7 negated");
	raw(pg, "</span>");
}

struct hl {
	size_t			 s, e;	/* absolute offsets in the text */
	const struct cc_claim	*c;
};

static int
cmp_hl(const void *a, const void *b)
{
	const struct hl	*x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->e != y->e)
		return x->e < y->e ? -1 : 1;
	return (x->c->id > y->c->id) - (x->c->id < y->c->id);
}

/*
 * Emit text[a..b) escaped, with the highlights marked.  Overlapping
 * highlights are merged into one <mark> (marks cannot overlap); with
 * labels, each claim's label follows its mark.
 */
static void
emit_marked(struct page *pg, const char *text, size_t a, size_t b,
    struct hl *h, size_t nh, int labels)
{
	size_t	pos = a, i, j, gs, ge;

	qsort(h, nh, sizeof *h, cmp_hl);
	for (i = 0; i < nh; i = j) {
		gs = h[i].s;
		ge = h[i].e;
		for (j = i + 1; j < nh && h[j].s < ge; j++)
			if (h[j].e > ge)
				ge = h[j].e;
		if (gs < pos || ge > b)
			continue;	/* cannot happen for located words */
		escn(pg, text + pos, gs - pos);
		raw(pg, "<mark>");
		escn(pg, text + gs, ge - gs);
		raw(pg, "</mark>");
		if (labels)
			while (i < j)
				emit_label(pg, h[i++].c);
		pos = ge;
	}
	escn(pg, text + pos, b - pos);
}

/* The evidence kept for claim c of ar (see struct evid), or NULL. */
static const struct evid *
claim_evid(const struct art_ref *ar, const struct cc_claim *c)
{
	size_t	k;

	if (ar == NULL || ar->ev == NULL)
		return NULL;
	for (k = 0; k < ar->nclaims; k++)
		if (ar->claims[k] == c)
			return ar->ev[k].s != NULL ? &ar->ev[k] : NULL;
	return NULL;
}

/*
 * The evidence sentence of a claim with its words marked: the stored
 * article text when the offsets fit (kept in ar->ev: the marking only
 * looks inside the sentence), else the sentence copy in the claim.
 */
static void
emit_evidence(struct page *pg, const struct art_ref *ar,
    const struct cc_claim *c)
{
	struct hl		 h;
	const struct evid	*ev = claim_evid(ar, c);
	const char		*text;
	size_t			 a, b;

	if (ev != NULL) {
		text = ev->s;
		a = 0;
		b = ev->n;
	} else if (c->sentence != NULL) {
		text = c->sentence;
		a = 0;
		b = strlen(text);
	} else {
		esc(pg, c->text, "\xe2\x80\x94");
		return;
	}
	h.c = c;
	if (locate(text, a, b, c->text, &h.s, &h.e))
		emit_marked(pg, text, a, b, &h, 1, 0);
	else
		escn(pg, text + a, b - a);
}

/* Link from the index to the claim's sentence on its article page. */
static void
emit_ev_link(struct page *pg, const struct art_ref *ar,
    const struct cc_claim *c, const char *what)
{
	long	si = -1;
	size_t	k;

	if (ar == NULL)
		return;
	for (k = 0; k < ar->nclaims; k++)
		if (ar->claims[k] == c)
			si = ar->csent[k];
	raw(pg, "<a href=\"");
	esc(pg, ar->file, NULL);
	if (si >= 0)
		rawf(pg, "#s%ld", si);
	raw(pg, "\">");
	raw(pg, what);
	raw(pg, "</a>");
}

/* Page frame. */

static void
page_head(struct page *pg, const struct rep *r, const char *title,
    const char *title2)
{
	raw(pg, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n");
	/* No script-src: default-src 'none' forbids every script. */
	rawf(pg, "<meta http-equiv=\"Content-Security-Policy\" "
	    "content=\"default-src 'none'; style-src 'sha256-%s'; "
	    "img-src data:; base-uri 'none'; form-action 'none'\">\n", r->csp);
	raw(pg, "<meta name=\"referrer\" content=\"no-referrer\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"" PACKAGE_NAME " "
	    PACKAGE_VERSION "\">\n<title>");
	esc(pg, title, NULL);
	if (title2 != NULL) {
		raw(pg, " \xe2\x80\x94 ");
		esc(pg, title2, NULL);
	}
	raw(pg, "</title>\n<style>");
	raw(pg, report_css);
	raw(pg, "</style>\n</head>\n<body>\n"
	    "<a class=\"skip\" href=\"#main\">Skip to content</a>\n");
}

static void
page_foot(struct page *pg)
{
	raw(pg, "<footer>\n<p class=\"muted\">Written by " PACKAGE_NAME " "
	    PACKAGE_VERSION ". Article text is quoted as found and escaped; "
	    "links to outside sites are shown only for http and https "
	    "addresses.</p>\n</footer>\n</body>\n</html>\n");
}

/* File output. */

static int
mkdir_p(const char *dir, struct cc_diag *d)
{
	struct stat	 st;
	char		*p = xstrdup(dir), *s, c;
	int		 rc = CC_OK;

	for (s = p + 1; rc == CC_OK; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		c = *s;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			cc_diag_set(d, p, 0, 0, "cannot create directory: %s",
			    strerror(errno));
			rc = CC_EIO;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	if (rc == CC_OK && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
		cc_diag_set(d, dir, 0, 0, "not a directory");
		rc = CC_EIO;
	}
	free(p);
	return rc;
}

/* Write data to dir/name through a temporary file and rename(). */
static int
write_atomic(const char *dir, const char *name, const struct cc_buf *b,
    struct cc_diag *d)
{
	char	*path = xasprintf("%s/%s", dir, name);
	int	 rc;

	rc = cc_file_write_atomic(path, b->data, b->len, 0644, 0, d);
	free(path);
	return rc;
}

/* The article page. */

static void
meta_row(struct page *pg, const char *label, const char *value)
{
	if (value == NULL)
		return;
	raw(pg, "<dt>");
	raw(pg, label);
	raw(pg, "</dt><dd>");
	esc(pg, value, NULL);
	raw(pg, "</dd>\n");
}

static void
emit_article_meta(struct page *pg, const struct art_ref *ar)
{
	const struct cc_article	*a = &ar->ra->art;

	raw(pg, "<dl class=\"meta\">\n");
	meta_row(pg, "Name", a->name);
	raw(pg, "<dt>Outlet</dt><dd>");
	esc(pg, a->outlet, "unknown");
	if (a->outlet_basis != NULL) {
		raw(pg, " <span class=\"muted\">(");
		esc(pg, a->outlet_basis, NULL);
		raw(pg, ")</span>");
	}
	raw(pg, "</dd>\n<dt>Date</dt><dd>");
	esc(pg, art_date(a), "undated");
	if (art_date_inferred(a))
		raw(pg, " <span class=\"inferred\">(inferred)</span>");
	if (a->date_min != NULL && a->date_max != NULL &&
	    strcmp(a->date_min, a->date_max) != 0) {
		raw(pg, " <span class=\"muted\">(between ");
		esc(pg, a->date_min, NULL);
		raw(pg, " and ");
		esc(pg, a->date_max, NULL);
		raw(pg, ")</span>");
	}
	raw(pg, "</dd>\n");
	meta_row(pg, "Date basis", a->date_basis);
	meta_row(pg, "Published (metadata)", a->published);
	meta_row(pg, "Title", a->title);
	meta_row(pg, "Author", a->author);
	if (a->url != NULL) {
		raw(pg, "<dt>URL</dt><dd>");
		if (cc_html_url_ok(a->url)) {
			raw(pg, "<a rel=\"noopener noreferrer nofollow\" "
			    "href=\"");
			esc(pg, a->url, NULL);
			raw(pg, "\">");
			esc(pg, a->url, NULL);
			raw(pg, "</a>");
		} else {
			raw(pg, "<code>");
			esc(pg, a->url, NULL);
			raw(pg, "</code> <span class=\"muted\">(not linked: "
			    "not an http or https address)</span>");
		}
		raw(pg, "</dd>\n");
	}
	meta_row(pg, "Format", a->format);
	meta_row(pg, "Source file", a->path);
	meta_row(pg, "Content hash", a->hash[0] != '\0' ? a->hash : NULL);
	rawf(pg, "<dt>Claims</dt><dd>%zu</dd>\n</dl>\n", ar->nclaims);
}

/* One sentence with its claims marked and labelled. */
static void
emit_sentence(struct page *pg, const struct art_ref *ar, size_t si)
{
	const struct cc_article		*a = &ar->ra->art;
	const struct cc_sentence	*s = &ar->ra->sents.v[si];
	struct hl			*h;
	const struct cc_claim		**loose;
	size_t				 k, nh = 0, nloose = 0;

	h = xreallocarray(NULL, ar->nclaims + 1, sizeof *h);
	loose = xreallocarray(NULL, ar->nclaims + 1, sizeof *loose);
	for (k = 0; k < ar->nclaims; k++) {
		if (ar->csent[k] != (long)si)
			continue;
		h[nh].c = ar->claims[k];
		if (locate(a->text, s->start, s->end, ar->claims[k]->text,
		    &h[nh].s, &h[nh].e))
			nh++;
		else
			loose[nloose++] = ar->claims[k];
	}
	rawf(pg, "<span class=\"s%s\" id=\"s%zu\"%s>",
	    s->boiler ? " boiler" : "", si,
	    s->boiler ? " title=\"boilerplate\"" : "");
	emit_marked(pg, a->text, s->start, s->end, h, nh, 1);
	/* Claims whose words are not in the sentence still get a label. */
	for (k = 0; k < nloose; k++)
		emit_label(pg, loose[k]);
	raw(pg, "</span>");
	free(loose);
	free(h);
}

/* Uncovered text between sentences that is not just white space. */
static void
emit_gap_para(struct page *pg, const char *text, size_t a, size_t b)
{
	while (a < b && blank(text + a, 1))
		a++;
	while (b > a && blank(text + b - 1, 1))
		b--;
	if (a == b)
		return;
	raw(pg, "<p class=\"gap\">");
	escn(pg, text + a, b - a);
	raw(pg, "</p>\n");
}

static void
emit_article_text(struct page *pg, const struct art_ref *ar)
{
	const struct cc_article		*a = &ar->ra->art;
	const struct cc_sentences	*ss = &ar->ra->sents;
	const struct cc_sentence	*s;
	size_t				 i, pos = 0, nl;
	unsigned			 para = 0;
	int				 open = 0;
	const char			*p, *q;

	raw(pg, "<div class=\"text\">\n");
	for (i = 0; i < ss->n; i++) {
		s = &ss->v[i];
		if (!sent_ok(s, a->len) || s->start < pos)
			continue;	/* overlapping or out of range */
		if (open && s->para == para) {
			if (blank(a->text + pos, s->start - pos))
				raw(pg, " ");
			else
				escn(pg, a->text + pos, s->start - pos);
		} else {
			if (open)
				raw(pg, "</p>\n");
			emit_gap_para(pg, a->text, pos, s->start);
			raw(pg, "<p>");
			open = 1;
			para = s->para;
		}
		emit_sentence(pg, ar, i);
		pos = s->end;
	}
	if (open)
		raw(pg, "</p>\n");
	if (pos == 0) {
		/* No sentences: show the text line by line. */
		for (p = a->text; p != NULL && p < a->text + a->len; p = q) {
			nl = (size_t)(a->text + a->len - p);
			q = memchr(p, '\n', nl);
			q = q != NULL ? q + 1 : a->text + a->len;
			emit_gap_para(pg, p, 0, (size_t)(q - p));
		}
	} else
		emit_gap_para(pg, a->text, pos, a->len);
	raw(pg, "</div>\n");
}

static void
claims_table_head(struct page *pg, const char *caption, int ev)
{
	raw(pg, "<table class=\"wide\">\n<caption>");
	raw(pg, caption);
	raw(pg, "</caption>\n<thead><tr><th scope=\"col\">Claim</th>"
	    "<th scope=\"col\">Type</th><th scope=\"col\">Subject</th>"
	    "<th scope=\"col\">Measure</th><th scope=\"col\">Value</th>"
	    "<th scope=\"col\">Time</th><th scope=\"col\">Speaker</th>");
	raw(pg, ev ? "<th scope=\"col\">Evidence</th>" :
	    "<th scope=\"col\">Words</th>");
	raw(pg, "</tr></thead>\n<tbody>\n");
}

static void
claims_row(struct page *pg, const struct art_ref *ar,
    const struct cc_claim *c, long si, int ev)
{
	const char	*dash = "\xe2\x80\x94";

	/* On the article page the id links to the claim's label. */
	if (si >= 0 && !ev)
		rawf(pg, "<tr><th scope=\"row\"><a href=\"#c%" PRId64
		    "\">c%" PRId64 "</a></th><td>", c->id, c->id);
	else
		rawf(pg, "<tr><th scope=\"row\">c%" PRId64 "</th><td>", c->id);
	esc(pg, c->type, dash);
	raw(pg, "</td><td>");
	esc(pg, c->subject, dash);
	raw(pg, "</td><td>");
	esc(pg, c->measure, dash);
	raw(pg, "</td><td>");
	emit_value(pg, c);
	if (c->polarity != NULL && strcmp(c->polarity, "negated") == 0)
		raw(pg, " <span class=\"muted\">(negated)</span>");
	raw(pg, "</td><td>");
	emit_time(pg, c);
	if (c->basis != NULL) {
		raw(pg, " <span class=\"muted\">(");
		esc(pg, c->basis, NULL);
		raw(pg, ")</span>");
	}
	raw(pg, "</td><td>");
	esc(pg, c->speaker, dash);
	raw(pg, "</td><td>");
	if (ev) {
		emit_evidence(pg, ar, c);
		raw(pg, " ");
		emit_ev_link(pg, ar, c, "[in article]");
	} else
		esc(pg, c->text, dash);
	raw(pg, "</td></tr>\n");
}

/* Does dir/name hold exactly data[0..len)?  Rewriting an unchanged page
 * costs a file and a rename, and keeps its mtime from telling what
 * changed. */
static int
same_file(const char *dir, const char *name, const char *data, size_t len)
{
	char		*path = xasprintf("%s/%s", dir, name), buf[1 << 15];
	struct stat	 st;
	size_t		 off = 0;
	ssize_t		 n;
	int		 fd, same = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size == (uintmax_t)len) {
		same = 1;
		while (same && off < len) {
			n = read(fd, buf, sizeof buf);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0 || (size_t)n > len - off ||
			    memcmp(buf, data + off, (size_t)n) != 0)
				same = 0;
			else
				off += (size_t)n;
		}
	}
	close(fd);
	return same;
}

static int
write_article(const struct rep *r, const struct art_ref *ar,
    const char *outdir, struct cc_report_stats *stats, struct cc_diag *d)
{
	const struct cc_article	*a = &ar->ra->art;
	struct page		 pg = PAGE_INIT;
	size_t			 k;
	int			 rc;

	page_head(&pg, r, a->title != NULL ? a->title : a->name, "claimcheck");
	raw(&pg, "<header>\n<nav aria-label=\"Report\"><ul>"
	    "<li><a href=\"index.html\">Report index</a></li>"
	    "<li><a href=\"#meta\">Metadata</a></li>"
	    "<li><a href=\"#text\">Text</a></li>"
	    "<li><a href=\"#claims\">Claims</a></li></ul></nav>\n"
	    "</header>\n<main id=\"main\">\n<h1>");
	esc(&pg, a->title, a->name);
	raw(&pg, "</h1>\n<section aria-labelledby=\"meta\">\n"
	    "<h2 id=\"meta\">Metadata</h2>\n");
	emit_article_meta(&pg, ar);
	raw(&pg, "</section>\n<section aria-labelledby=\"text\">\n"
	    "<h2 id=\"text\">Text</h2>\n<p class=\"muted\">Claims are "
	    "<mark>highlighted</mark> and labelled with type, value and "
	    "date; <span class=\"boiler\">boilerplate</span> (never a source "
	    "of claims) is dimmed.</p>\n");
	emit_article_text(&pg, ar);
	raw(&pg, "</section>\n<section aria-labelledby=\"claims\">\n"
	    "<h2 id=\"claims\">Claims</h2>\n");
	if (ar->nclaims == 0)
		raw(&pg, "<p>No claims were found in this article.</p>\n");
	else {
		claims_table_head(&pg, "Claims in this article", 0);
		for (k = 0; k < ar->nclaims; k++)
			claims_row(&pg, ar, ar->claims[k], ar->csent[k], 0);
		raw(&pg, "</tbody>\n</table>\n");
	}
	raw(&pg, "</section>\n</main>\n");
	page_foot(&pg);
	if ((rc = pg.rc) != CC_OK)
		cc_diag_set(d, NULL, 0, 0, "%s/%s: %s", outdir, ar->file,
		    cc_strerror(rc));
	else if (same_file(outdir, ar->file, pg.b.data, pg.b.len))
		stats->unchanged++;
	else if ((rc = write_atomic(outdir, ar->file, &pg.b, d)) == CC_OK)
		stats->written++;
	cc_buf_release(&pg.b);
	return rc;
}

/* The index page. */

static const char *const severities[] = { "high", "medium", "low", "info" };
static const char *const known_kinds[] = {
	"contradiction", "timeline", "agreement", "internal", "variant",
	"stale", "single-source"
};
#define NSEV	(sizeof severities / sizeof severities[0])
#define NKIND	(sizeof known_kinds / sizeof known_kinds[0])

/* Column of a severity in the summary: the known ones, then "other". */
static size_t
sev_col(const char *s)
{
	size_t	i;

	for (i = 0; i < NSEV; i++)
		if (nstrcmp(s, severities[i]) == 0)
			return i;
	return NSEV;
}

static int
cmp_str(const void *a, const void *b)
{
	return nstrcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Distinct strings of v (n of them, may include NULL) sorted; returns
 * the count, v is reordered in place. */
static size_t
distinct(const char **v, size_t n)
{
	size_t	i, k = 0;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, cmp_str);
	for (i = 1, k = 1; i < n; i++)
		if (nstrcmp(v[i], v[k - 1]) != 0)
			v[k++] = v[i];
	return k;
}

/* Articles by outlet, then name. */
static int
cmp_art_outlet(const void *a, const void *b)
{
	const struct art_ref	*x = *(const struct art_ref *const *)a;
	const struct art_ref	*y = *(const struct art_ref *const *)b;
	int			 c;

	if ((c = nstrcmp(x->ra->art.outlet, y->ra->art.outlet)) != 0)
		return c;
	return nstrcmp(x->ra->art.name, y->ra->art.name);
}

/* The outlet bases listed for one outlet: a handful at most (metadata,
 * sidecar, url, text, file name). */
#define NBASES	8

static void
emit_summary(struct page *pg, const struct rep *r)
{
	const char	**kinds, *lo = NULL, *hi = NULL, *dt, *bases[NBASES];
	const struct art_ref **arts;
	size_t		  nk, i, j, k, cnt[NSEV + 1], tot, ninf = 0, nb;
	size_t		  nnew = 0, nacc = 0, ndis = 0, nart, ncl;
	int		  other = 0;

	raw(pg, "<section aria-labelledby=\"summary\">\n"
	    "<h2 id=\"summary\">Summary</h2>\n");
	for (i = 0; i < r->nfindings; i++) {
		if (nstrcmp(r->findings[i]->status, "accepted") == 0)
			nacc++;
		else if (nstrcmp(r->findings[i]->status, "dismissed") == 0)
			ndis++;
		else
			nnew++;
		if (sev_col(r->findings[i]->severity) == NSEV)
			other = 1;
	}
	rawf(pg, "<p>%zu article%s, %zu claim%s, %zu finding%s (%zu not yet "
	    "reviewed, %zu accepted, %zu dismissed).</p>\n", r->narts,
	    r->narts == 1 ? "" : "s", r->nclaims, r->nclaims == 1 ? "" : "s",
	    r->nfindings, r->nfindings == 1 ? "" : "s", nnew, nacc, ndis);

	/* Period: the articles' dates, as strings (YYYY-MM-DD sort). */
	for (i = 0; i < r->narts; i++) {
		if ((dt = art_date(&r->arts[i].ra->art)) == NULL)
			continue;
		if (lo == NULL || strcmp(dt, lo) < 0)
			lo = dt;
		if (hi == NULL || strcmp(dt, hi) > 0)
			hi = dt;
		if (art_date_inferred(&r->arts[i].ra->art))
			ninf++;
	}
	raw(pg, "<p>Period covered: ");
	if (lo == NULL)
		raw(pg, "unknown (no article is dated)");
	else {
		esc(pg, lo, NULL);
		if (strcmp(lo, hi) != 0) {
			raw(pg, " to ");
			esc(pg, hi, NULL);
		}
		if (ninf > 0)
			rawf(pg, " <span class=\"muted\">(%zu date%s "
			    "inferred)</span>", ninf, ninf == 1 ? "" : "s");
	}
	raw(pg, ".</p>\n");

	/* Findings by kind and severity. */
	kinds = xreallocarray(NULL, r->nfindings + NKIND + 1, sizeof *kinds);
	for (i = 0; i < r->nfindings; i++)
		kinds[i] = r->findings[i]->kind;
	nk = distinct(kinds, r->nfindings);
	if (nk > 0) {
		raw(pg, "<table>\n<caption>Findings by kind and severity"
		    "</caption>\n<thead><tr><th scope=\"col\">Kind</th>");
		for (j = 0; j < NSEV; j++)
			rawf(pg, "<th scope=\"col\" class=\"num\">%s</th>",
			    severities[j]);
		if (other)
			raw(pg, "<th scope=\"col\" class=\"num\">other</th>");
		raw(pg, "<th scope=\"col\" class=\"num\">total</th></tr>"
		    "</thead>\n<tbody>\n");
		/* Known kinds in their order of importance, then the rest
		 * alphabetically. */
		for (k = 0; k <= NKIND; k++) {
			for (i = 0; i < nk; i++) {
				int known = 0;

				for (j = 0; j < NKIND; j++)
					if (nstrcmp(kinds[i],
					    known_kinds[j]) == 0)
						known = 1;
				if (k < NKIND ? nstrcmp(kinds[i],
				    known_kinds[k]) != 0 : known)
					continue;
				memset(cnt, 0, sizeof cnt);
				for (j = tot = 0; j < r->nfindings; j++)
					if (nstrcmp(r->findings[j]->kind,
					    kinds[i]) == 0) {
						cnt[sev_col(r->findings[j]->
						    severity)]++;
						tot++;
					}
				raw(pg, "<tr><th scope=\"row\">");
				esc(pg, kinds[i], "(none)");
				raw(pg, "</th>");
				for (j = 0; j < NSEV + (other ? 1 : 0); j++)
					rawf(pg, "<td class=\"num\">%zu</td>",
					    cnt[j]);
				rawf(pg, "<td class=\"num\">%zu</td></tr>\n",
				    tot);
			}
		}
		raw(pg, "</tbody>\n</table>\n");
	}
	free(kinds);

	/* Outlets covered, with their articles, claims and how the outlet
	 * was known (metadata, url, text, file name): one pass over the
	 * articles sorted by outlet. */
	arts = xreallocarray(NULL, r->narts + 1, sizeof *arts);
	for (i = 0; i < r->narts; i++)
		arts[i] = &r->arts[i];
	qsort(arts, r->narts, sizeof *arts, cmp_art_outlet);
	if (r->narts > 0) {
		raw(pg, "<table>\n<caption>Outlets covered</caption>\n"
		    "<thead><tr><th scope=\"col\">Outlet</th>"
		    "<th scope=\"col\" class=\"num\">Articles</th>"
		    "<th scope=\"col\" class=\"num\">Claims</th>"
		    "<th scope=\"col\">Known from</th></tr></thead>\n"
		    "<tbody>\n");
		for (i = 0; i < r->narts; i = j) {
			ncl = nb = 0;
			for (j = i; j < r->narts && nstrcmp(
			    arts[j]->ra->art.outlet,
			    arts[i]->ra->art.outlet) == 0; j++) {
				ncl += arts[j]->nclaims;
				for (k = 0; k < nb && nstrcmp(bases[k],
				    arts[j]->ra->art.outlet_basis) != 0; k++)
					;
				if (k == nb && nb < NBASES)
					bases[nb++] =
					    arts[j]->ra->art.outlet_basis;
			}
			nart = j - i;
			raw(pg, "<tr><th scope=\"row\">");
			esc(pg, arts[i]->ra->art.outlet, "unknown outlet");
			rawf(pg, "</th><td class=\"num\">%zu</td>"
			    "<td class=\"num\">%zu</td><td>", nart, ncl);
			nb = distinct(bases, nb);
			for (k = 0; k < nb; k++) {
				if (k > 0)
					raw(pg, ", ");
				esc(pg, bases[k], "unknown");
			}
			raw(pg, "</td></tr>\n");
		}
		raw(pg, "</tbody>\n</table>\n");
	}
	free(arts);
	raw(pg, "</section>\n");
}

static void
emit_article_date(struct page *pg, const struct cc_article *a)
{
	esc(pg, art_date(a), "undated");
	if (art_date_inferred(a))
		raw(pg, " <span class=\"inferred\">(inferred)</span>");
}

static void
emit_finding(struct page *pg, const struct rep *r, const struct cc_finding *f)
{
	const struct cc_claim	*c;
	const struct art_ref	*ar;
	size_t			 i;
	const char		*sev, *k;

	i = sev_col(f->severity);
	sev = i < NSEV ? severities[i] : "other";
	rawf(pg, "<section class=\"finding sev-%s\" aria-labelledby=\"", sev);
	raw(pg, "h-f-");
	esc(pg, f->id, NULL);
	raw(pg, "\" id=\"f-");
	esc(pg, f->id, NULL);
	raw(pg, "\">\n<h3 id=\"h-f-");
	esc(pg, f->id, NULL);
	rawf(pg, "\"><span class=\"sev sev-%s\">", sev);
	esc(pg, f->severity, "unrated");
	raw(pg, "</span> ");
	esc(pg, f->kind, "finding");
	raw(pg, ": ");
	esc(pg, f->key, NULL);
	raw(pg, "</h3>\n<p>");
	esc(pg, f->summary, NULL);
	raw(pg, "</p>\n<p class=\"muted\">Finding <code>");
	esc(pg, f->id, NULL);
	raw(pg, "</code>, status: ");
	esc(pg, f->status, "new");
	if (f->noutlets > 0) {
		raw(pg, "; outlets: ");
		for (i = 0; i < f->noutlets; i++) {
			if (i > 0)
				raw(pg, ", ");
			esc(pg, f->outlets[i], NULL);
		}
	}
	raw(pg, ".</p>\n");
	if (f->nclaims == 0) {
		/* A finding about an article as a whole (stale content):
		 * its key ends with the article's name. */
		if (f->key != NULL && (k = strrchr(f->key, '/')) != NULL &&
		    (ar = find_art(r, k + 1)) != NULL) {
			raw(pg, "<p><a href=\"");
			esc(pg, ar->file, NULL);
			raw(pg, "\">View the article</a></p>\n");
		}
		raw(pg, "</section>\n");
		return;
	}
	raw(pg, "<div class=\"evidence\">\n");
	for (i = 0; i < f->nclaims; i++) {
		raw(pg, "<div class=\"ev\">\n<h4>");
		if ((c = find_claim(r, f->claims[i])) == NULL) {
			raw(pg, "Claim ");
			esc(pg, f->claims[i], NULL);
			raw(pg, "</h4>\n<p>This claim is no longer in the "
			    "store.</p>\n</div>\n");
			continue;
		}
		ar = find_art(r, c->article);
		esc(pg, c->outlet, ar != NULL && ar->ra->art.outlet != NULL ?
		    ar->ra->art.outlet : "unknown outlet");
		rawf(pg, " <span class=\"muted\">c%" PRId64 "</span></h4>\n"
		    "<p class=\"muted\">", c->id);
		if (ar != NULL) {
			esc(pg, ar->ra->art.name, NULL);
			raw(pg, ", ");
			emit_article_date(pg, &ar->ra->art);
		} else {
			esc(pg, c->article, NULL);
			raw(pg, " (article not in the store)");
		}
		raw(pg, "</p>\n<p>");
		if (c->measure != NULL) {
			esc(pg, c->measure, NULL);
			raw(pg, ": ");
		}
		emit_value(pg, c);
		if (c->time_start != NULL) {
			raw(pg, " \xc2\xb7 ");
			emit_time(pg, c);
		}
		if (c->speaker != NULL) {
			raw(pg, " \xc2\xb7 speaker: ");
			esc(pg, c->speaker, NULL);
		}
		raw(pg, "</p>\n<blockquote class=\"s\">");
		emit_evidence(pg, ar, c);
		raw(pg, "</blockquote>\n<p>");
		emit_ev_link(pg, ar, c, "View in article");
		raw(pg, "</p>\n</div>\n");
	}
	raw(pg, "</div>\n</section>\n");
}

static int
cmp_fact(const void *a, const void *b)
{
	const struct cc_claim	*x = *(const struct cc_claim *const *)a;
	const struct cc_claim	*y = *(const struct cc_claim *const *)b;
	int			 r;

	if ((r = nstrcmp(x->type, y->type)) != 0 ||
	    (r = nstrcmp(x->subject, y->subject)) != 0 ||
	    (r = nstrcmp(x->measure, y->measure)) != 0 ||
	    (r = nstrcmp(x->outlet, y->outlet)) != 0 ||
	    (r = nstrcmp(x->time_start, y->time_start)) != 0)
		return r;
	return cmp_claim_id(a, b);
}

static int
same_fact(const struct cc_claim *x, const struct cc_claim *y)
{
	return nstrcmp(x->type, y->type) == 0 &&
	    nstrcmp(x->subject, y->subject) == 0 &&
	    nstrcmp(x->measure, y->measure) == 0;
}

/* One value in a matrix cell: value, time, a link to its sentence, and
 * when a finding disputes it, a mark that says so in text as well as
 * colour, linking to the finding. */
static void
matrix_value(struct page *pg, const struct rep *r, const struct cc_claim *c)
{
	const struct cc_finding	*f = disputed(r, c);

	if (f != NULL)
		raw(pg, "<span class=\"dis-mark\" aria-hidden=\"true\">"
		    "\xe2\x89\xa0</span> ");	/* NOT EQUAL TO */
	emit_value(pg, c);
	if (c->polarity != NULL && strcmp(c->polarity, "negated") == 0)
		raw(pg, " (negated)");
	if (c->time_start != NULL) {
		raw(pg, " <span class=\"muted\">(");
		emit_time(pg, c);
		raw(pg, ")</span>");
	}
	raw(pg, " ");
	emit_ev_link(pg, find_art(r, c->article), c, "[src]");
	if (f != NULL) {
		raw(pg, " <a class=\"dis-mark\" href=\"#f-");
		esc(pg, f->id, NULL);
		raw(pg, "\">disputed: ");
		esc(pg, f->kind, NULL);
		raw(pg, "</a>");
	}
}

/* Whether the index shows claim byid[i]. */
static int
shown(const struct rep *r, size_t i)
{
	return r->cited == NULL || r->cited[i];
}

/* A note where the index leaves claims out. */
static void
emit_cited_note(struct page *pg, const struct rep *r)
{
	if (r->cited != NULL)
		rawf(pg, "<p class=\"muted\">A large corpus: of its %zu claims, "
		    "only the %zu that findings cite are shown here; each "
		    "article's page lists all of its claims.</p>\n",
		    r->nclaims, r->ncited);
}

/* Outlets x facts: which outlet reported what value for each fact (claims
 * with a value, keyed by type/subject/measure). */
static void
emit_matrix(struct page *pg, const struct rep *r)
{
	const struct cc_claim	**v;
	const char		**outs;
	size_t			  n = 0, no, i, j, k, e, c;

	v = xreallocarray(NULL, r->nclaims + 1, sizeof *v);
	outs = xreallocarray(NULL, r->nclaims + 1, sizeof *outs);
	for (i = 0; i < r->nclaims; i++)
		if (r->byid[i]->value_kind != CC_VALUE_NONE && shown(r, i)) {
			v[n] = r->byid[i];
			outs[n++] = r->byid[i]->outlet;
		}
	raw(pg, "<section aria-labelledby=\"matrix\">\n"
	    "<h2 id=\"matrix\">Outlets and facts</h2>\n");
	emit_cited_note(pg, r);
	if (n == 0) {
		raw(pg, "<p>No claim carries a value.</p>\n</section>\n");
		goto out;
	}
	no = distinct(outs, n);
	qsort(v, n, sizeof *v, cmp_fact);
	raw(pg, "<p class=\"muted\">A value that a contradiction, timeline "
	    "or internal finding disputes is marked \xe2\x89\xa0 and links to "
	    "the finding.</p>\n");
	raw(pg, "<table class=\"wide\">\n<caption>Values reported for each "
	    "fact, by outlet</caption>\n<thead><tr><th scope=\"col\">Fact "
	    "(type / subject / measure)</th>");
	for (j = 0; j < no; j++) {
		raw(pg, "<th scope=\"col\">");
		esc(pg, outs[j], "unknown outlet");
		raw(pg, "</th>");
	}
	raw(pg, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i = e) {
		for (e = i + 1; e < n && same_fact(v[i], v[e]); e++)
			;
		raw(pg, "<tr><th scope=\"row\">");
		esc(pg, v[i]->type, "?");
		raw(pg, " / ");
		esc(pg, v[i]->subject, "\xe2\x80\x94");
		raw(pg, " / ");
		esc(pg, v[i]->measure, "\xe2\x80\x94");
		raw(pg, "</th>");
		/* Within a fact, claims are sorted by outlet like outs. */
		for (j = 0, k = i; j < no; j++) {
			for (c = k; c < e && nstrcmp(v[c]->outlet, outs[j]) == 0;
			    c++)
				if (disputed(r, v[c]) != NULL)
					break;
			raw(pg, c < e && nstrcmp(v[c]->outlet, outs[j]) == 0 ?
			    "<td class=\"dis\">" : "<td>");
			for (; k < e && nstrcmp(v[k]->outlet, outs[j]) == 0;
			    k++) {
				if (k > i && nstrcmp(v[k - 1]->outlet,
				    outs[j]) == 0)
					raw(pg, "<br>");
				matrix_value(pg, r, v[k]);
			}
			raw(pg, "</td>");
		}
		raw(pg, "</tr>\n");
	}
	raw(pg, "</tbody>\n</table>\n</section>\n");
out:
	free(outs);
	free(v);
}

/*
 * The timeline as an inline SVG: one lane per outlet, dates along the
 * x axis; claims are dots (events squares, a bar for a claimed span),
 * each article's own date a diamond on its outlet's lane, filled when
 * the article states it and hollow when it was inferred.  A claim dated
 * after the article that makes it is drawn in red: that is what recycled
 * or misdated content looks like.  Integer coordinates only, so output is
 * byte-identical everywhere; every label goes through esc().
 */

#define TL_W		1000	/* viewBox width */
#define TL_LEFT		190	/* room for outlet names */
#define TL_RIGHT	24
#define TL_TOP		34	/* room for the axis labels */
#define TL_LANE		48
#define TL_LEGEND	44
#define TL_NAMELEN	26	/* characters of an outlet name shown */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static long
days_from_civil(long y, unsigned m, unsigned d)
{
	long		era;
	unsigned	yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void
civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long		era;
	unsigned	doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD..." (a missing month or day is the
 * first); 1 and *day on success, 0 for anything else ("PRESENT_REF",
 * "2022-W43"). */
static int
parse_day(const char *s, long *day)
{
	unsigned	v[3] = { 0, 1, 1 }, k, i;

	if (s == NULL)
		return 0;
	for (k = 0; k < 3; k++) {
		unsigned w = k == 0 ? 4 : 2;

		for (v[k] = 0, i = 0; i < w; i++, s++) {
			if (*s < '0' || *s > '9')
				return 0;
			v[k] = v[k] * 10 + (unsigned)(*s - '0');
		}
		if (k < 2 && *s == '-') {
			/* "2022-W43", "2022-Q1": not a day. */
			if (s[1] < '0' || s[1] > '9')
				return 0;
			s++;
			continue;
		}
		if (*s != '\0' && *s != 'T' && *s != ' ')
			return 0;
		if (k == 0)
			v[1] = 1;
		if (k <= 1)
			v[2] = 1;
		break;
	}
	if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
		return 0;
	*day = days_from_civil(v[0], v[1], v[2]);
	return 1;
}

static void
day_str(long day, char out[16])
{
	long		y;
	unsigned	m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(out, 16, "%04ld-%02u-%02u", y, m, d);
}

struct tl_pt {
	const struct cc_claim	*c;
	long			 d0, d1;	/* days: start, end */
	size_t			 lane;
	int			 x, x1;
};

static int
cmp_tl_pt(const void *a, const void *b)
{
	const struct tl_pt	*p = a, *q = b;

	if (p->lane != q->lane)
		return p->lane < q->lane ? -1 : 1;
	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	return cmp_claim_id(&p->c, &q->c);
}

struct tl_axis {
	long	lo, hi;		/* day range of the plot */
};

static int
tl_x(const struct tl_axis *ax, long day)
{
	long	w = TL_W - TL_LEFT - TL_RIGHT;

	return TL_LEFT + (int)((day - ax->lo) * w / (ax->hi - ax->lo));
}

/* Lane of an outlet (outs sorted by distinct()). */
static size_t
tl_lane(const char **outs, size_t no, const char *outlet)
{
	size_t	lo = 0, hi = no, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = nstrcmp(outlet, outs[mid])) == 0)
			return mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;	/* cannot happen: every outlet has a lane */
}

/* Grid lines and labels: days, weeks or months, at most about ten. */
static void
tl_ticks(struct page *pg, const struct tl_axis *ax, int y0, int y1)
{
	static const unsigned	mstep[] = { 1, 2, 3, 6, 12, 24, 60, 120 };
	char			lab[16];
	long			span = ax->hi - ax->lo, d, y, ms, m0, m1, m;
	unsigned		mm, dd, step = 0, i;
	int			x;

	if (span <= 70) {
		long dstep = span <= 10 ? 1 : span <= 20 ? 2 : 7;

		for (d = ax->lo; d <= ax->hi; d += dstep) {
			x = tl_x(ax, d);
			day_str(d, lab);
			rawf(pg, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" "
			    "x2=\"%d\" y2=\"%d\"/><text class=\"tick\" "
			    "x=\"%d\" y=\"%d\">%s</text>\n", x, y0, x, y1, x,
			    y0 - 8, lab);
		}
		return;
	}
	civil_from_days(ax->lo, &y, &mm, &dd);
	m0 = y * 12 + (long)mm - 1;
	civil_from_days(ax->hi, &y, &mm, &dd);
	m1 = y * 12 + (long)mm - 1;
	for (i = 0; i < sizeof mstep / sizeof mstep[0]; i++) {
		step = mstep[i];
		if ((m1 - m0) / (long)step <= 9)
			break;
	}
	ms = (long)step;
	for (m = (m0 / ms + 1) * ms; m <= m1; m += ms) {
		d = days_from_civil(m / 12, (unsigned)(m % 12) + 1, 1);
		x = tl_x(ax, d);
		day_str(d, lab);
		lab[step >= 12 ? 4 : 7] = '\0';	/* "2022" or "2022-10" */
		rawf(pg, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
		    "y2=\"%d\"/><text class=\"tick\" x=\"%d\" y=\"%d\">%s"
		    "</text>\n", x, y0, x, y1, x, y0 - 8, lab);
	}
}


static void
tl_claim(struct page *pg, const struct rep *r, const struct tl_pt *p,
    int y)
{
	const struct art_ref	*ar = find_art(r, p->c->article);
	long			 ad;
	int			 late, ev;

	late = ar != NULL && parse_day(art_date(&ar->ra->art), &ad) &&
	    p->d0 > ad;
	ev = nstrcmp(p->c->type, "event") == 0;
	rawf(pg, "<g class=\"pt%s\"><title>c%" PRId64 " ", late ?
	    " late" : "", p->c->id);
	esc(pg, p->c->type, "claim");
	raw(pg, ": ");
	esc(pg, p->c->text, NULL);
	raw(pg, " (");
	emit_time(pg, p->c);
	raw(pg, "; ");
	esc(pg, p->c->article, NULL);
	if (late)
		raw(pg, "; dated after the article");
	raw(pg, ")</title>");
	if (p->x1 > p->x)
		rawf(pg, "<line class=\"span\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
		    "y2=\"%d\"/>", p->x, y, p->x1, y);
	if (ev)
		rawf(pg, "<rect x=\"%d\" y=\"%d\" width=\"9\" height=\"9\"/>",
		    p->x - 4, y - 4);
	else
		rawf(pg, "<circle cx=\"%d\" cy=\"%d\" r=\"5\"/>", p->x, y);
	raw(pg, "</g>\n");
}

static void
tl_article(struct page *pg, const struct art_ref *ar, int x, int y)
{
	const struct cc_article	*a = &ar->ra->art;
	int			 inf = art_date_inferred(a);

	rawf(pg, "<g class=\"art%s\"><title>Article ", inf ? " inf" : "");
	esc(pg, a->name, NULL);
	raw(pg, " dated ");
	esc(pg, art_date(a), NULL);
	/* The basis of an inferred date says so itself. */
	if (a->date_basis != NULL && inf && strncmp(a->date_basis,
	    "inferred", 8) == 0)
		raw(pg, " (");
	else
		raw(pg, inf ? " (inferred: " : " (stated: ");
	esc(pg, a->date_basis, "no basis given");
	/* Above the lane, with a stem through it, so the claims on the
	 * lane never hide it. */
	rawf(pg, ")</title><line x1=\"%d\" y1=\"%d\" x2=\"%d\" "
	    "y2=\"%d\"/><path d=\"M%d %dl6 6-6 6-6-6z\"/></g>\n", x, y - 14,
	    x, y + 12, x, y - 26);
}

static void
tl_legend(struct page *pg, int y)
{
	rawf(pg, "<g class=\"legend\">"
	    "<g class=\"pt\"><circle cx=\"%d\" cy=\"%d\" r=\"5\"/></g>"
	    "<text x=\"%d\" y=\"%d\">claim</text>"
	    "<g class=\"pt\"><rect x=\"%d\" y=\"%d\" width=\"9\" "
	    "height=\"9\"/></g><text x=\"%d\" y=\"%d\">event</text>"
	    "<g class=\"pt late\"><circle cx=\"%d\" cy=\"%d\" r=\"5\"/></g>"
	    "<text x=\"%d\" y=\"%d\">dated after its article</text>"
	    "<g class=\"art\"><path d=\"M%d %dl6 6-6 6-6-6z\"/></g>"
	    "<text x=\"%d\" y=\"%d\">article date, stated</text>"
	    "<g class=\"art inf\"><path d=\"M%d %dl6 6-6 6-6-6z\"/></g>"
	    "<text x=\"%d\" y=\"%d\">article date, inferred</text></g>\n",
	    TL_LEFT, y, TL_LEFT + 10, y + 4,
	    TL_LEFT + 86, y - 4, TL_LEFT + 100, y + 4,
	    TL_LEFT + 176, y, TL_LEFT + 186, y + 4,
	    TL_LEFT + 380, y - 6, TL_LEFT + 392, y + 4,
	    TL_LEFT + 572, y - 6, TL_LEFT + 584, y + 4);
}

/*
 * v: the n dated claims.  Claims and articles whose dates do not parse
 * as days (weeks, quarters, "PRESENT_REF") are left to the table.
 */
static void
emit_timeline_svg(struct page *pg, const struct rep *r,
    const struct cc_claim **v, size_t n)
{
	struct tl_pt	*pt;
	struct tl_axis	 ax;
	const char	**outs;
	char		 lo[16], hi[16], *desc;
	size_t		 np = 0, no, i, j, k, nart = 0, ninf = 0;
	long		 d, pad;
	int		 h, y, dy, first = 1;

	pt = xreallocarray(NULL, n + 1, sizeof *pt);
	outs = xreallocarray(NULL, n + r->narts + 1, sizeof *outs);
	ax.lo = ax.hi = 0;
	for (i = 0; i < n; i++) {
		if (!parse_day(v[i]->time_start, &pt[np].d0))
			continue;
		if (!parse_day(v[i]->time_end, &pt[np].d1) ||
		    pt[np].d1 < pt[np].d0)
			pt[np].d1 = pt[np].d0;
		pt[np].c = v[i];
		if (first || pt[np].d0 < ax.lo)
			ax.lo = pt[np].d0;
		if (first || pt[np].d1 > ax.hi)
			ax.hi = pt[np].d1;
		first = 0;
		outs[np++] = v[i]->outlet;
	}
	no = np;
	for (i = 0; i < r->narts; i++) {
		/* Every outlet gets a lane: an empty one says "nothing
		 * dated" as plainly as a full one says when. */
		outs[no++] = r->arts[i].ra->art.outlet;
		if (!parse_day(art_date(&r->arts[i].ra->art), &d))
			continue;
		if (first || d < ax.lo)
			ax.lo = d;
		if (first || d > ax.hi)
			ax.hi = d;
		first = 0;
		nart++;
		ninf += art_date_inferred(&r->arts[i].ra->art) != 0;
	}
	if (first)
		goto out;	/* nothing has a day */
	day_str(ax.lo, lo);
	day_str(ax.hi, hi);
	/* A little room either side, at least three days. */
	pad = (ax.hi - ax.lo) / 30 + 3;
	ax.lo -= pad;
	ax.hi += pad;
	no = distinct(outs, no);
	for (i = 0; i < np; i++) {
		pt[i].lane = tl_lane(outs, no, pt[i].c->outlet);
		pt[i].x = tl_x(&ax, pt[i].d0);
		pt[i].x1 = tl_x(&ax, pt[i].d1);
	}
	qsort(pt, np, sizeof *pt, cmp_tl_pt);

	h = TL_TOP + (int)no * TL_LANE + TL_LEGEND;
	/* The accessible name and description are the <title> and <desc>
	 * children (SVG-AAM); the caption says the same for the eye. */
	desc = xasprintf("%zu dated claim%s and %zu article date%s (%zu "
	    "inferred) from %zu outlet%s, %s to %s.", np, np == 1 ? "" : "s",
	    nart, nart == 1 ? "" : "s", ninf, no, no == 1 ? "" : "s", lo, hi);
	rawf(pg, "<figure class=\"tl\">\n<svg xmlns=\"http://www.w3.org/2000/"
	    "svg\" class=\"tl\" role=\"img\" viewBox=\"0 0 %d %d\" "
	    "width=\"%d\" height=\"%d\">\n<title>Timeline of claims by date "
	    "and outlet</title>\n<desc>%s The table below lists the same "
	    "claims.</desc>\n", TL_W, h, TL_W, h, desc);
	tl_ticks(pg, &ax, TL_TOP, TL_TOP + (int)no * TL_LANE);
	for (k = 0; k < no; k++) {
		y = TL_TOP + (int)k * TL_LANE + TL_LANE / 2;
		rawf(pg, "<line class=\"lane\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
		    "y2=\"%d\"/><text class=\"name\" x=\"%d\" y=\"%d\">",
		    TL_LEFT, y, TL_W - TL_RIGHT, y, TL_LEFT - 10, y + 4);
		esc_cut(pg, outs[k], "unknown outlet", TL_NAMELEN);
		raw(pg, "</text>\n");
	}
	for (i = 0; i < r->narts; i++) {
		if (!parse_day(art_date(&r->arts[i].ra->art), &d))
			continue;
		k = tl_lane(outs, no, r->arts[i].ra->art.outlet);
		tl_article(pg, &r->arts[i], tl_x(&ax, d),
		    TL_TOP + (int)k * TL_LANE + TL_LANE / 2);
	}
	/* Claims at one spot of a lane fan out up and down. */
	for (i = 0; i < np; i = j) {
		for (j = i + 1; j < np && pt[j].lane == pt[i].lane &&
		    pt[j].x == pt[i].x; j++)
			;
		for (k = i; k < j; k++) {
			dy = (int)((k - i) % 5);
			dy = dy % 2 ? -(dy + 1) / 2 * 4 : dy / 2 * 4;
			tl_claim(pg, r, &pt[k], TL_TOP + (int)pt[k].lane *
			    TL_LANE + TL_LANE / 2 + dy);
		}
	}
	tl_legend(pg, h - TL_LEGEND / 2);
	rawf(pg, "</svg>\n<figcaption class=\"muted\">%s Hover over a mark "
	    "for its claim; the table below lists every dated claim.</figcaption>"
	    "\n</figure>\n", desc);
	free(desc);
out:
	free(outs);
	free(pt);
}

static int
cmp_when(const void *a, const void *b)
{
	const struct cc_claim	*x = *(const struct cc_claim *const *)a;
	const struct cc_claim	*y = *(const struct cc_claim *const *)b;
	int			 r;

	if ((r = nstrcmp(x->time_start, y->time_start)) != 0 ||
	    (r = nstrcmp(x->time_end, y->time_end)) != 0 ||
	    (r = nstrcmp(x->outlet, y->outlet)) != 0)
		return r;
	return cmp_claim_id(a, b);
}

/* Claims by date and outlet. */
static void
emit_timeline(struct page *pg, const struct rep *r)
{
	const struct cc_claim	**v, *c;
	size_t			  n = 0, i;

	v = xreallocarray(NULL, r->nclaims + 1, sizeof *v);
	for (i = 0; i < r->nclaims; i++)
		if (r->byid[i]->time_start != NULL && shown(r, i))
			v[n++] = r->byid[i];
	raw(pg, "<section aria-labelledby=\"timeline\">\n"
	    "<h2 id=\"timeline\">Timeline</h2>\n");
	emit_cited_note(pg, r);
	if (n == 0)
		raw(pg, "<p>No claim is dated.</p>\n");
	else {
		qsort(v, n, sizeof *v, cmp_when);
		emit_timeline_svg(pg, r, v, n);
		raw(pg, "<table class=\"wide\">\n<caption>Dated claims by date "
		    "and outlet</caption>\n<thead><tr><th scope=\"col\">When"
		    "</th><th scope=\"col\">Outlet</th><th scope=\"col\">Type"
		    "</th><th scope=\"col\">Subject</th><th scope=\"col\">"
		    "Value</th><th scope=\"col\">Words</th></tr></thead>\n"
		    "<tbody>\n");
		for (i = 0; i < n; i++) {
			c = v[i];
			raw(pg, "<tr><th scope=\"row\">");
			emit_time(pg, c);
			raw(pg, "</th><td>");
			esc(pg, c->outlet, "unknown outlet");
			raw(pg, "</td><td>");
			esc(pg, c->type, "\xe2\x80\x94");
			raw(pg, "</td><td>");
			esc(pg, c->subject, "\xe2\x80\x94");
			raw(pg, "</td><td>");
			emit_value(pg, c);
			raw(pg, "</td><td>");
			esc(pg, c->text, "\xe2\x80\x94");
			raw(pg, " ");
			emit_ev_link(pg, find_art(r, c->article), c, "[src]");
			raw(pg, "</td></tr>\n");
		}
		raw(pg, "</tbody>\n</table>\n");
	}
	raw(pg, "</section>\n");
	free(v);
}

static void
emit_articles(struct page *pg, const struct rep *r)
{
	const struct cc_article	*a;
	size_t			 i, k;

	raw(pg, "<section aria-labelledby=\"articles\">\n"
	    "<h2 id=\"articles\">Articles</h2>\n");
	if (r->narts == 0) {
		raw(pg, "<p>No articles.</p>\n</section>\n");
		return;
	}
	raw(pg, "<table class=\"wide\">\n<caption>Articles in the store"
	    "</caption>\n<thead><tr><th scope=\"col\">Name</th>"
	    "<th scope=\"col\">Outlet</th><th scope=\"col\">Date (basis)</th>"
	    "<th scope=\"col\">Title</th><th scope=\"col\" class=\"num\">"
	    "Claims</th><th scope=\"col\">Source</th></tr></thead>\n"
	    "<tbody>\n");
	for (i = 0; i < r->narts; i++) {
		a = &r->arts[i].ra->art;
		raw(pg, "<tr><th scope=\"row\"><a href=\"");
		esc(pg, r->arts[i].file, NULL);
		raw(pg, "\">");
		esc(pg, a->name, NULL);
		raw(pg, "</a></th><td>");
		esc(pg, a->outlet, "unknown");
		raw(pg, "</td><td>");
		emit_article_date(pg, a);
		if (a->date_basis != NULL) {
			raw(pg, " <span class=\"muted\">(");
			esc(pg, a->date_basis, NULL);
			raw(pg, ")</span>");
		}
		raw(pg, "</td><td>");
		esc(pg, a->title, "\xe2\x80\x94");
		if (r->cited == NULL)
			rawf(pg, "</td><td class=\"num\"><a href=\"#claims-%zu"
			    "\">%zu</a></td><td>", i, r->arts[i].nclaims);
		else
			rawf(pg, "</td><td class=\"num\">%zu</td><td>",
			    r->arts[i].nclaims);
		if (a->url != NULL && cc_html_url_ok(a->url)) {
			raw(pg, "<a rel=\"noopener noreferrer nofollow\" "
			    "href=\"");
			esc(pg, a->url, NULL);
			raw(pg, "\">original</a>");
		} else if (a->url != NULL) {
			raw(pg, "<code>");
			esc(pg, a->url, NULL);
			raw(pg, "</code> (not linked)");
		} else
			raw(pg, "\xe2\x80\x94");
		raw(pg, "</td></tr>\n");
	}
	raw(pg, "</tbody>\n</table>\n</section>\n");

	raw(pg, "<section aria-labelledby=\"claims\">\n"
	    "<h2 id=\"claims\">Claims by article</h2>\n");
	if (r->cited != NULL) {
		rawf(pg, "<p class=\"muted\">%zu claims: each article's page "
		    "lists its own.</p>\n</section>\n", r->nclaims);
		return;
	}
	for (i = 0; i < r->narts; i++) {
		rawf(pg, "<h3 id=\"claims-%zu\">", i);
		esc(pg, r->arts[i].ra->art.name, NULL);
		raw(pg, " <span class=\"muted\">(");
		esc(pg, r->arts[i].ra->art.outlet, "unknown outlet");
		raw(pg, ")</span></h3>\n");
		if (r->arts[i].nclaims == 0) {
			raw(pg, "<p>No claims.</p>\n");
			continue;
		}
		claims_table_head(pg, "Claims", 1);
		for (k = 0; k < r->arts[i].nclaims; k++)
			claims_row(pg, &r->arts[i], r->arts[i].claims[k],
			    r->arts[i].csent[k], 1);
		raw(pg, "</tbody>\n</table>\n");
	}
	raw(pg, "</section>\n");
}

static int
write_index(const struct rep *r, const char *outdir, struct cc_diag *d)
{
	struct page	 pg = PAGE_INIT;
	size_t		 i;
	int		 rc, made;
	char		*path = xasprintf("%s/index.html", outdir);
	char		*tmp = xasprintf("%s.XXXXXX", path);

	/* The index lists every claim, so it grows with the corpus: it is
	 * spilled to a temporary file as it is built, then renamed. */
	made = (pg.fd = mkstemp(tmp)) != -1;
	if (!made || fchmod(pg.fd, 0644) != 0) {
		cc_diag_set(d, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		rc = CC_EIO;
		goto out;
	}
	page_head(&pg, r, "claimcheck report", NULL);
	raw(&pg, "<header>\n<nav aria-label=\"Sections\"><ul>"
	    "<li><a href=\"#summary\">Summary</a></li>"
	    "<li><a href=\"#findings\">Findings</a></li>"
	    "<li><a href=\"#matrix\">Outlets and facts</a></li>"
	    "<li><a href=\"#timeline\">Timeline</a></li>"
	    "<li><a href=\"#articles\">Articles</a></li>"
	    "<li><a href=\"#claims\">Claims</a></li></ul></nav>\n"
	    "</header>\n<main id=\"main\">\n<h1>claimcheck report</h1>\n");
	emit_summary(&pg, r);
	raw(&pg, "<section aria-labelledby=\"findings\">\n"
	    "<h2 id=\"findings\">Findings</h2>\n");
	if (r->nfindings == 0)
		raw(&pg, "<p>No findings.</p>\n");
	else
		raw(&pg, "<p class=\"muted\">By severity (high, medium, low). "
		    "Each claim's evidence is shown side by side, with the "
		    "claim's words <mark>highlighted</mark>.</p>\n");
	for (i = 0; i < r->nfindings; i++)
		emit_finding(&pg, r, r->findings[i]);
	raw(&pg, "</section>\n");
	emit_matrix(&pg, r);
	emit_timeline(&pg, r);
	emit_articles(&pg, r);
	raw(&pg, "</main>\n");
	page_foot(&pg);
	spill(&pg, 1);
	if ((rc = pg.rc) == CC_EIO)
		cc_diag_set(d, path, 0, 0, "cannot write: %s",
		    strerror(pg.err));
	else if (rc != CC_OK)
		cc_diag_set(d, NULL, 0, 0, "%s: %s", path, cc_strerror(rc));
	else if (close(pg.fd) != 0 || (pg.fd = -1, rename(tmp, path)) != 0) {
		cc_diag_set(d, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		rc = CC_EIO;
	}
out:
	if (pg.fd >= 0)
		close(pg.fd);
	if (rc != CC_OK && made)
		unlink(tmp);
	cc_buf_release(&pg.b);
	free(tmp);
	free(path);
	return rc;
}

/* Setup. */

/* A finding's place in the index: severity, then Compare's order. */
struct forder {
	int	rank;
	size_t	i;
};

static int
cmp_forder(const void *a, const void *b)
{
	const struct forder	*x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank - y->rank;
	return (x->i > y->i) - (x->i < y->i);
}

/* Flag the claims that findings cite (byid order). */
static void
mark_cited(struct rep *r)
{
	size_t	i, k, pos;

	r->cited = xcalloc(r->nclaims, 1);
	for (i = 0; i < r->nfindings; i++)
		for (k = 0; k < r->findings[i]->nclaims; k++)
			if ((pos = claim_pos(r, r->findings[i]->claims[k])) <
			    r->nclaims && !r->cited[pos]) {
				r->cited[pos] = 1;
				r->ncited++;
			}
}

static void
rep_init(struct rep *r, const struct cc_report_input *in)
{
	const struct cc_claims	*cl = in->claims;
	struct forder		*fo;
	size_t			 i, j;

	memset(r, 0, sizeof *r);
	r->in = in;
	cc_html_sha256_b64(report_css, sizeof report_css - 1, r->csp);

	r->narts = in->narticles;
	r->arts = xcalloc(r->narts + 1, sizeof *r->arts);
	for (i = 0; i < r->narts; i++)
		r->arts[i].ra = &in->articles[i];
	qsort(r->arts, r->narts, sizeof *r->arts, cmp_art);
	for (i = 0; i < r->narts; i++)
		r->arts[i].file = page_file(r->arts[i].ra->art.name ?
		    r->arts[i].ra->art.name : "");
	unique_files(r);

	r->nclaims = cl != NULL ? cl->n : 0;
	r->byid = xreallocarray(NULL, r->nclaims + 1, sizeof *r->byid);
	r->byart = xreallocarray(NULL, r->nclaims + 1, sizeof *r->byart);
	for (i = 0; i < r->nclaims; i++)
		r->byid[i] = r->byart[i] = &cl->v[i];
	qsort(r->byid, r->nclaims, sizeof *r->byid, cmp_claim_id);
	qsort(r->byart, r->nclaims, sizeof *r->byart, cmp_claim_art);
	for (i = 0; i < r->nclaims; i = j) {
		struct art_ref	*ar = find_art(r, r->byart[i]->article);

		for (j = i + 1; j < r->nclaims &&
		    nstrcmp(r->byart[j]->article, r->byart[i]->article) == 0;
		    j++)
			;
		if (ar == NULL)
			continue;	/* claims of an unknown article */
		ar->claims = &r->byart[i];
		ar->nclaims = j - i;
	}

	r->nfindings = in->findings != NULL ? in->findings->n : 0;
	fo = xreallocarray(NULL, r->nfindings + 1, sizeof *fo);
	r->findings = xreallocarray(NULL, r->nfindings + 1,
	    sizeof *r->findings);
	for (i = 0; i < r->nfindings; i++) {
		fo[i].rank = cc_severity_rank(in->findings->v[i].severity);
		fo[i].i = i;
	}
	qsort(fo, r->nfindings, sizeof *fo, cmp_forder);
	for (i = 0; i < r->nfindings; i++)
		r->findings[i] = &in->findings->v[fo[i].i];
	free(fo);
	find_disputes(r);
	if (r->nclaims > INDEX_CLAIMS_MAX)
		mark_cited(r);
}

static void
rep_release(struct rep *r)
{
	size_t	i, k;

	for (i = 0; i < r->narts; i++) {
		free(r->arts[i].file);
		free(r->arts[i].csent);
		if (r->arts[i].ev != NULL)
			for (k = 0; k < r->arts[i].nclaims; k++)
				free(r->arts[i].ev[k].own);
		free(r->arts[i].ev);
	}
	free(r->arts);
	free(r->byid);
	free(r->cited);
	free(r->byart);
	free(r->findings);
	free(r->disputes);
}

/* What the article page of ar (its text in ra) tells the index: the
 * sentence of each claim and its evidence bytes. */
static void
art_prepare(struct art_ref *ar, const struct cc_report_article *ra)
{
	const struct cc_claim	*c;
	size_t			 k, n;

	ar->csent = xreallocarray(NULL, ar->nclaims + 1, sizeof *ar->csent);
	ar->ev = xcalloc(ar->nclaims + 1, sizeof *ar->ev);
	for (k = 0; k < ar->nclaims; k++) {
		c = ar->claims[k];
		ar->csent[k] = claim_sentence(ra, c);
		if (!(c->ev_start < c->ev_end && c->ev_end <= ra->art.len))
			continue;
		n = c->ev_end - c->ev_start;
		if (c->sentence != NULL && strlen(c->sentence) == n &&
		    memcmp(c->sentence, ra->art.text + c->ev_start, n) == 0)
			ar->ev[k].s = c->sentence;
		else
			ar->ev[k].s = ar->ev[k].own =
			    xstrndup(ra->art.text + c->ev_start, n);
		ar->ev[k].n = n;
	}
}

/* The article page of ar, its text and sentences loaded from src first
 * (and dropped after) when there is one. */
static int
article_page(const struct rep *r, struct art_ref *ar,
    const struct cc_report_source *src, const char *dir,
    struct cc_report_stats *stats, struct cc_diag *d)
{
	struct cc_report_article	 tmp;
	struct art_ref			 one;
	int				 rc;

	if (src == NULL) {
		art_prepare(ar, ar->ra);
		return write_article(r, ar, dir, stats, d);
	}
	tmp = *ar->ra;
	tmp.art.text = NULL;
	tmp.art.len = 0;
	memset(&tmp.sents, 0, sizeof tmp.sents);
	if ((rc = src->load(src->arg, &tmp, d)) == CC_OK) {
		art_prepare(ar, &tmp);
		one = *ar;
		one.ra = &tmp;
		rc = write_article(r, &one, dir, stats, d);
	}
	free(tmp.art.text);
	cc_sentences_release(&tmp.sents);
	return rc;
}

int
cc_report_write(const char *outdir, const struct cc_report_input *in,
    struct cc_diag *d)
{
	struct cc_report_stats	stats;

	return cc_report_write_from(outdir, in, NULL, &stats, d);
}

int
cc_report_write_from(const char *outdir, const struct cc_report_input *in,
    const struct cc_report_source *src, struct cc_report_stats *stats,
    struct cc_diag *d)
{
	struct rep	 r;
	char		*dir;
	size_t		 i, n;
	int		 rc;

	memset(stats, 0, sizeof *stats);

	if (outdir == NULL || *outdir == '\0') {
		cc_diag_set(d, NULL, 0, 0, "report: no output directory");
		return CC_EIO;
	}
	/* "reports/" and "reports" name the same place: drop trailing
	 * slashes so messages show clean paths. */
	dir = xstrdup(outdir);
	for (n = strlen(dir); n > 1 && dir[n - 1] == '/'; n--)
		dir[n - 1] = '\0';
	if ((rc = mkdir_p(dir, d)) != CC_OK) {
		free(dir);
		return rc;
	}
	rep_init(&r, in);
	/* Article pages first, so the index never links a missing page. */
	for (i = 0, rc = CC_OK; i < r.narts && rc == CC_OK; i++)
		rc = article_page(&r, &r.arts[i], src, dir, stats, d);
	if (rc == CC_OK && (rc = write_index(&r, dir, d)) == CC_OK)
		stats->written++;
	rep_release(&r);
	free(dir);
	return rc;
}
