/*
 * report.c - the Render stage: reports/index.html, one page per article,
 * and for a large corpus pages of findings, facts, timeline and articles.
 *
 * The index has a bounded size whatever the corpus (see INDEX_*); the
 * long lists it cannot hold are cut into pages by chunk_list().  Each
 * article and list page carries a digest of its inputs, so a re-run
 * renders only pages whose inputs changed and reads only the articles
 * those pages quote (dg_begin(), article_page()).
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

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
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
/* The meta element naming what a page was made from (see dg_begin()). */
#define DIGEST_META	"claimcheck-inputs"

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
 * dropped, so emitters need not check every append.  Every page is
 * bounded (the long lists are cut into pages), so it is held whole and
 * compared with its file before it is written. */
struct page {
	struct cc_buf	b;
	int		rc;
};

#define PAGE_INIT	{ CC_BUF_INIT, CC_OK }

/* A claim that a finding of a disagreeing kind names. */
struct dispute {
	size_t			 rank;	/* the finding's place in the index */
	const struct cc_finding	*f;
};

/* A claim's evidence bytes, kept from its article's text while the
 * article is loaded so the pages that quote it need no text: the
 * claim's own sentence copy when it is the same bytes, else a copy
 * (own). */
struct evid {
	const char	*s;	/* NULL: not loaded, or the offsets do not fit */
	size_t		 n;
	char		*own;
};

struct art_ref {
	const struct cc_report_article	 *ra;
	char				 *file;		/* article-NAME.html */
	const struct cc_claim		**claims;	/* into rep.byart */
	size_t				  nclaims;
	size_t				  nall;		/* all its claims */
	uint64_t			  dig;		/* what others show of it */
	int				  render;	/* its page is out of date */
	int				  need;		/* others quote its text */
};

/* A long list cut into pages (see chunk_list()). */
struct chunk {
	size_t	 first, n;	/* items [first, first + n) */
	char	*file;
	char	 digest[CC_HASH_HEXLEN + 1];
	int	 render;
};

struct pager {
	struct chunk	*v;
	size_t		 n;
};

/* A finding in index order, its claims looked up once. */
struct fref {
	const struct cc_finding	 *f;
	const struct cc_claim	**cl;	/* per f->claims[k]; NULL: missing */
	size_t			  chunk;	/* its page (when paged) */
};

/* Sentences fetched from the source as pages show them; the first
 * failure sticks (a page shown without them would be incomplete). */
struct fetch {
	const struct cc_report_source	*src;
	struct cc_diag			*d;
	int				 rc;
};

struct page_writer;

/*
 * Buffers of written pages, kept for the next pages.  A page of more
 * than 128 KiB was a mapping of its own (glibc's mmap threshold stays
 * there once main() sets the trim threshold), its memory faulted in a
 * page at a time while it was built and unmapped when it was written.
 * Pages are made and written on more than one thread (the lists', the
 * article renderer's, the writer's), hence the lock.
 */
#define PAGE_POOL	4

struct page_pool {
	pthread_mutex_t	 lock;
	struct cc_buf	 v[PAGE_POOL];
	size_t		 n;
};

struct rep {
	const struct cc_report_input	 *in;
	struct fetch			 *fetch;
	struct cc_buf			 *scratch;	/* for claim_dig() */
	struct page_pool		 *pool;		/* page buffers */
	const char			 *salt;
	struct cc_lineset		 *had;		/* dir_names() */
	struct art_ref			 *arts;		/* by name */
	size_t				  narts;
	const struct cc_claim		**byid;
	uint32_t			 *idix;	/* id - idmin: byid + 1, or 0 */
	int64_t				  idmin;
	size_t				  nidix;
	const struct cc_claim		**byart;	/* article, offset, id */
	size_t				  nclaims;
	size_t				  nall;		/* in the store */
	/* Per claim, indexed by its place in in->claims (CI()): */
	const struct cc_claim		 *cv;
	struct art_ref			**cart;		/* its article or NULL */
	struct evid			 *ev;		/* its evidence */
	/* ...or, with a source, the evidence fetched before the lists'
	 * thread: evs[i] of claim evk[i] (ascending), i < nev */
	size_t				 *evk;
	struct evid			 *evs;
	size_t				  nev;
	unsigned char			 *need;		/* evidence wanted */
	uint64_t			 *cdig;		/* digest (cached) */
	unsigned char			 *cited;	/* a finding cites it */
	unsigned char			 *ishown;	/* in the index's lists */
	size_t				  ncited;
	struct fref			 *fr;		/* by severity */
	size_t				  nfindings;
	struct dispute			 *disputes;
	size_t				  ndisputes;
	size_t				 *dslot;	/* a claim's first, + 1 */
	/* Paging of a large report (see INDEX_*). */
	int				  fpaged, cpaged, apaged;
	struct pager			  fpages, xpages, tpages, apages;
	const struct cc_claim		**fv;	/* facts: cited, valued */
	size_t				  nfv;
	const struct cc_claim		**tv;	/* timeline: cited, dated */
	size_t				  ntv;
	char				  csp[CC_SHA256_B64LEN + 1];
	struct page_writer		 *pw;	/* NULL: pages written here */
	struct art_render		 *ren;	/* NULL: articles rendered here */
	/* The list pages are being rendered on a thread of their own: the
	 * evidence they show is loaded already, and nothing may touch the
	 * source (the store is one thread's) or r->ev. */
	int				  frozen;
};

#define CI(r, c)	((size_t)((c) - (r)->cv))

/* Where a page is: the index, or a page of its own (whose links to
 * findings go to their pages). */
enum where { ON_INDEX, ON_PAGE };

/* An article page being written: its text, and its claims (from the
 * source, or those of the input) with the sentence of each. */
struct art_view {
	const struct art_ref		 *ar;
	const struct cc_report_article	 *ra;
	const struct cc_claim		**claims;
	size_t				  n;
	const long			 *csent;
};

/*
 * The index is an editor's first page, so its size is bounded whatever
 * the corpus.  Each long list moves to numbered pages of its own once it
 * passes its limit, the index keeping the head of it and a link to a
 * contents page (findings.html, facts.html, timeline.html,
 * articles.html):
 *  - past INDEX_FINDINGS findings (or CHUNK_CLAIMS claims they cite)
 *    the index shows at most that many, the most severe, each with at
 *    most INDEX_EVIDENCE claims' evidence, and findings-*.html hold
 *    them all;
 *  - past INDEX_CLAIMS_MAX claims the matrix and the timeline show the
 *    claims that findings cite: on the index those of its own findings
 *    (at most INDEX_SHOWN), in facts-*.html and timeline-*.html all of
 *    them; the claims of each article stay on its page;
 *  - past INDEX_ARTICLES articles the list of articles moves to
 *    articles-*.html;
 *  - past INDEX_OUTLETS outlets the index lists those with the most
 *    articles, and outlets.html all of them.
 */
#define INDEX_FINDINGS		50
#define INDEX_EVIDENCE		8
/* Claims of a finding shown side by side; the rest get a row each. */
#define FINDING_EVIDENCE	24
#define INDEX_CLAIMS_MAX	CC_REPORT_CLAIMS_MAX
#define INDEX_SHOWN		400
#define INDEX_ARTICLES		500
#define INDEX_OUTLETS		100

/* Output helpers. */

static void
raw_n(struct page *pg, const char *s, size_t n)
{
	if (pg->rc == CC_OK)
		pg->rc = cc_buf_add(&pg->b, s, n);
}

/* Markup: most of it string literals, whose length the compiler
 * counts once raw() is inlined (strlen() at run time was a tenth of
 * appending). */
static inline void
raw(struct page *pg, const char *s)
{
	raw_n(pg, s, strlen(s));
}

/* A number in markup: a claim id, a coordinate (rawf() costs a
 * thousand instructions a call, and runs several times a claim). */
static void
raw_int(struct page *pg, long long v)
{
	if (pg->rc == CC_OK)
		pg->rc = cc_buf_add_i64(&pg->b, v);
}

/* "c17": a claim's id as the pages show it. */
static void
raw_cid(struct page *pg, int64_t id)
{
	raw(pg, "c");
	raw_int(pg, id);
}

static void rawf(struct page *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

/* Formatted markup: only for our own strings and numbers, never for
 * article data (which goes through esc()).  Formatted on the stack:
 * rawf() runs a few times a claim, and a heap copy each time was a
 * tenth of rendering. */
static void
rawf(struct page *pg, const char *fmt, ...)
{
	va_list	 ap;
	char	 small[512], *s;
	int	 n;

	if (pg->rc != CC_OK)
		return;
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		pg->rc = CC_EINTERNAL;
		return;
	}
	if ((size_t)n < sizeof small) {
		pg->rc = cc_buf_add(&pg->b, small, (size_t)n);
		return;
	}
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	pg->rc = cc_buf_adds(&pg->b, s);
	free(s);
}

static void
escn(struct page *pg, const char *s, size_t n)
{
	if (pg->rc == CC_OK)
		pg->rc = cc_html_escape(&pg->b, s, n);
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

/* Address order, for de-duplicating pointers. */
static int
cmp_ptr(const void *a, const void *b)
{
	const void	*x = *(const void *const *)a;
	const void	*y = *(const void *const *)b;

	return (x > y) - (x < y);
}

static int
nstrcmp(const char *a, const char *b)
{
	/* Claims read for a report share one copy of each string, so the
	 * keys of neighbours in a sort are mostly the same pointer. */
	if (a == b)
		return 0;
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

/* File names by name, then by where they are kept (a total order that
 * follows the list's order, since the slots are in an array). */
static int
cmp_file_slot(const void *a, const void *b)
{
	char *const	*x = *(char **const *)a;
	char *const	*y = *(char **const *)b;
	int		 r = strcmp(*x, *y);

	return r != 0 ? r : (x > y) - (x < y);
}

/* Make the n file names *v[i] ("NAME.html") unique: the later ones of
 * a clash (equal hashes) get "~2", "~3", ...  No name made otherwise
 * ends in "~" and a small number, so these cannot clash in turn.  v is
 * reordered. */
static void
unique_names(char ***v, size_t n)
{
	size_t	i, j, k;
	char	*s;

	qsort(v, n, sizeof *v, cmp_file_slot);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(*v[j], *v[i]) == 0; j++)
			;
		for (k = i + 1; k < j; k++) {
			s = xasprintf("%.*s~%zu.html", (int)(strlen(*v[k]) - 5),
			    *v[k], k - i + 1);
			free(*v[k]);
			*v[k] = s;
		}
	}
}

/* Make the article page names unique even if two hashes collided. */
static void
unique_files(struct rep *r)
{
	char	***v;
	size_t	   i;

	v = xreallocarray(NULL, r->narts + 1, sizeof *v);
	for (i = 0; i < r->narts; i++)
		v[i] = &r->arts[i].file;
	unique_names(v, r->narts);
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

/* The claim whose id is id, or NULL. */
static const struct cc_claim *
claim_by_id(const struct rep *r, int64_t id)
{
	size_t	lo = 0, hi = r->nclaims, mid;

	if (r->idix != NULL) {
		if (id < r->idmin || (uint64_t)(id - r->idmin) >= r->nidix)
			return NULL;
		mid = r->idix[id - r->idmin];
		return mid != 0 ? r->byid[mid - 1] : NULL;
	}

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->byid[mid]->id == id)
			return r->byid[mid];
		if (r->byid[mid]->id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The claim named "c17", or NULL. */
static const struct cc_claim *
find_claim(const struct rep *r, const char *cid)
{
	int64_t	id;

	return claim_num(cid, &id) ? claim_by_id(r, id) : NULL;
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

/*
 * fa(a) on a thread of its own and fb(b) on this one, at once with more
 * than one job (else one after the other): the report's set-up is
 * serial otherwise, sorting and hashing millions of claims.
 */
struct both_job {
	void	(*fn)(void *);
	void	*arg;
};

static void *
both_thread(void *arg)
{
	const struct both_job	*j = arg;

	j->fn(j->arg);
	return NULL;
}

static void
both(const struct rep *r, void (*fa)(void *), void *a, void (*fb)(void *),
    void *b)
{
	struct both_job	j = { fa, a };
	pthread_t	th;

	if (r->in->jobs > 1 && pthread_create(&th, NULL, both_thread,
	    &j) == 0) {
		fb(b);
		pthread_join(th, NULL);
		return;
	}
	fa(a);
	fb(b);
}

/* A sort both() can run. */
struct sort_job {
	void	*base;
	size_t	 n;
	size_t	 size;
	int	(*cmp)(const void *, const void *);
};

static void
sort_run(void *arg)
{
	const struct sort_job	*j = arg;

	if (j->n > 1)
		qsort(j->base, j->n, j->size, j->cmp);
}

/* The disputes of each claim: one per claim of a disagreeing finding,
 * the findings in index order, and for each claim the first. */
static void
find_disputes(struct rep *r)
{
	const struct fref	*fr;
	size_t			 i, k, n = 0, ci;

	for (i = 0; i < r->nfindings; i++)
		if (disagreeing(r->fr[i].f->kind))
			n += r->fr[i].f->nclaims;
	r->disputes = xreallocarray(NULL, n + 1, sizeof *r->disputes);
	r->dslot = xcalloc(r->nclaims + 1, sizeof *r->dslot);
	for (i = 0; i < r->nfindings; i++) {
		fr = &r->fr[i];
		if (!disagreeing(fr->f->kind))
			continue;
		for (k = 0; k < fr->f->nclaims; k++)
			if (fr->cl[k] != NULL) {
				ci = CI(r, fr->cl[k]);
				r->disputes[r->ndisputes].rank = i;
				r->disputes[r->ndisputes++].f = fr->f;
				if (r->dslot[ci] == 0)
					r->dslot[ci] = r->ndisputes;
			}
	}
}

/* The first (most severe) disagreeing finding naming claim c, or NULL. */
static const struct dispute *
disputed(const struct rep *r, const struct cc_claim *c)
{
	/* (a claim of the input, or one with its id) */
	if (c < r->cv || c >= r->cv + r->nclaims)
		c = claim_by_id(r, c->id);
	return c != NULL && r->dslot[CI(r, c)] != 0 ?
	    &r->disputes[r->dslot[CI(r, c)] - 1] : NULL;
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
	raw(pg, "<span class=\"lbl\" id=\"");
	raw_cid(pg, c->id);
	raw(pg, "\">");
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

/* The sentence of a claim given without one, from the source; NULL
 * if there is none (or the source failed: then r->fetch->rc says so). */
static char *
fetch_sentence(const struct rep *r, const struct cc_claim *c)
{
	struct fetch	*f = r->fetch;
	char		*s = NULL;
	int		 rc;

	if (f == NULL || f->src == NULL || f->src->sentence == NULL ||
	    f->rc != CC_OK || r->frozen)
		return NULL;
	if ((rc = f->src->sentence(f->src->arg, c->id, &s, f->d)) != CC_OK) {
		f->rc = rc;
		free(s);
		return NULL;
	}
	return s;
}

/* A claim's sentence as loaded (r->ev, or evs with a source), if it
 * is. */
static const struct evid *
evid_of(const struct rep *r, const struct cc_claim *c)
{
	size_t	ci = CI(r, c), lo = 0, hi = r->nev, mid;

	if (r->ev != NULL)
		return &r->ev[ci];
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->evk[mid] == ci)
			return &r->evs[mid];
		if (r->evk[mid] < ci)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * The evidence sentence of a claim with its words marked: the stored
 * article text when the offsets fit (kept in r->ev while the article was
 * loaded: the marking only looks inside the sentence), else the sentence
 * copy in the claim, else the sentence from the source.
 */
static void
emit_evidence(struct page *pg, const struct rep *r, const struct cc_claim *c)
{
	struct hl		 h;
	const struct evid	*ev = evid_of(r, c);
	const char		*text;
	char			*fetched = NULL;
	size_t			 a, b;

	if (ev != NULL && ev->s != NULL) {
		text = ev->s;
		a = 0;
		b = ev->n;
	} else if (c->sentence != NULL ||
	    (fetched = fetch_sentence(r, c)) != NULL) {
		text = c->sentence != NULL ? c->sentence : fetched;
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
	free(fetched);
}

/* Link to the claim's label on its article page (known from its id
 * alone, so a page that links to a claim needs nothing of its article
 * but the page's name). */
static void
emit_ev_link(struct page *pg, const struct rep *r, const struct cc_claim *c,
    const char *what)
{
	const struct art_ref	*ar = r->cart[CI(r, c)];

	if (ar == NULL)
		return;
	raw(pg, "<a href=\"");
	esc(pg, ar->file, NULL);
	raw(pg, "#");
	raw_cid(pg, c->id);
	raw(pg, "\">");
	raw(pg, what);
	raw(pg, "</a>");
}

/* Page frame. */

/* Give the empty buffer b of a new page one a written page left, if
 * there is one. */
static void
pool_take(struct page_pool *pp, struct cc_buf *b)
{
	if (b->cap != 0)
		return;
	pthread_mutex_lock(&pp->lock);
	if (pp->n > 0)
		*b = pp->v[--pp->n];
	pthread_mutex_unlock(&pp->lock);
}

/* Keep the buffer of a written page for another, or free it. */
static void
pool_give(struct page_pool *pp, struct cc_buf *b)
{
	pthread_mutex_lock(&pp->lock);
	if (pp->n < PAGE_POOL && b->cap != 0) {
		cc_buf_reset(b);
		pp->v[pp->n++] = *b;
		cc_buf_init(b, 0);
	}
	pthread_mutex_unlock(&pp->lock);
	cc_buf_release(b);
}

static void
page_head(struct page *pg, const struct rep *r, const char *title,
    const char *title2, const char *digest)
{
	pool_take(r->pool, &pg->b);
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
	    PACKAGE_VERSION "\">\n");
	/* What the page was made from (see dg_begin()): a re-run that
	 * finds the same digest here leaves the page alone. */
	if (digest != NULL)
		rawf(pg, "<meta name=\"" DIGEST_META "\" content=\"%s\">\n",
		    digest);
	raw(pg, "<title>");
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
emit_article_meta(struct page *pg, const struct art_view *av)
{
	const struct cc_article	*a = &av->ra->art;

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
	rawf(pg, "<dt>Claims</dt><dd>%zu</dd>\n</dl>\n", av->n);
}

/* One sentence with its claims marked and labelled. */
static void
emit_sentence(struct page *pg, const struct art_view *av, size_t si)
{
	const struct cc_article		*a = &av->ra->art;
	const struct cc_sentence	*s = &av->ra->sents.v[si];
	struct hl			*h;
	const struct cc_claim		**loose;
	size_t				 k, nh = 0, nloose = 0;

	h = xreallocarray(NULL, av->n + 1, sizeof *h);
	loose = xreallocarray(NULL, av->n + 1, sizeof *loose);
	for (k = 0; k < av->n; k++) {
		if (av->csent[k] != (long)si)
			continue;
		h[nh].c = av->claims[k];
		if (locate(a->text, s->start, s->end, av->claims[k]->text,
		    &h[nh].s, &h[nh].e))
			nh++;
		else
			loose[nloose++] = av->claims[k];
	}
	raw(pg, s->boiler ? "<span class=\"s boiler\" id=\"s" :
	    "<span class=\"s\" id=\"s");
	raw_int(pg, (long long)si);
	raw(pg, s->boiler ? "\" title=\"boilerplate\">" : "\">");
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
emit_article_text(struct page *pg, const struct art_view *av)
{
	const struct cc_article		*a = &av->ra->art;
	const struct cc_sentences	*ss = &av->ra->sents;
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
		emit_sentence(pg, av, i);
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
claims_row(struct page *pg, const struct rep *r, const struct cc_claim *c,
    long si, int ev)
{
	const char	*dash = "\xe2\x80\x94";

	/* On the article page the id links to the claim's label. */
	if (si >= 0 && !ev) {
		raw(pg, "<tr><th scope=\"row\"><a href=\"#");
		raw_cid(pg, c->id);
		raw(pg, "\">");
		raw_cid(pg, c->id);
		raw(pg, "</a></th><td>");
	} else {
		raw(pg, "<tr><th scope=\"row\">");
		raw_cid(pg, c->id);
		raw(pg, "</th><td>");
	}
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
		emit_evidence(pg, r, c);
		raw(pg, " ");
		emit_ev_link(pg, r, c, "[in article]");
	} else
		esc(pg, c->text, dash);
	raw(pg, "</td></tr>\n");
}

/*
 * The names of the files in dir when the run began, hashed, or NULL if
 * it cannot be read.  A page whose name was not there is new: neither
 * its digest nor its bytes are read back (a first report of a big
 * corpus asked the file system for a hundred thousand missing files).
 */
static struct cc_lineset *
dir_names(const char *dir)
{
	struct cc_lineset	*had;
	struct dirent		*de;
	DIR			*dp;

	if ((dp = opendir(dir)) == NULL)
		return NULL;
	had = cc_lineset_new();
	while ((de = readdir(dp)) != NULL)
		cc_lineset_add(had, cc_hash64(de->d_name, strlen(de->d_name)));
	closedir(dp);
	return had;
}

/* Was there a file named name (maybe: the set holds hashes)? */
static int
was_there(const struct cc_lineset *had, const char *name)
{
	return had == NULL || cc_lineset_has(had, cc_hash64(name,
	    strlen(name)));
}

/* Does dir/name hold exactly data[0..len)?  Rewriting an unchanged page
 * costs a file and a rename, and keeps its mtime from telling what
 * changed. */
static int
same_file(const char *dir, const struct cc_lineset *had, const char *name,
    const char *data, size_t len)
{
	char		*path, buf[1 << 15];
	struct stat	 st;
	size_t		 off = 0;
	ssize_t		 n;
	int		 fd, same = 0;

	if (!was_there(had, name))
		return 0;
	path = xasprintf("%s/%s", dir, name);
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

/* Put the page data in place, unless its file holds the same bytes
 * already: 1 if written, 0 if unchanged, -1 on an error (in d). */
static int
put_page(const char *outdir, const struct cc_lineset *had, const char *file,
    const struct cc_buf *b, struct cc_diag *d)
{
	if (same_file(outdir, had, file, b->data, b->len))
		return 0;
	return write_atomic(outdir, file, b, d) == CC_OK ? 1 : -1;
}

/*
 * With -j 2 or more, pages are put in place by a thread of their own
 * while the next ones are rendered: creating a hundred thousand files
 * is kernel work (inode allocation) as long as the rendering.  Pages
 * go through a bounded queue in the order they were finished, so the
 * index still comes last; the first error stops the writer and is
 * returned by the next finish_page().
 */
#define PW_QUEUE_BYTES	(16u << 20)	/* rendered pages waiting */

struct pw_job {
	char		*file;
	struct cc_buf	 b;
	struct pw_job	*next;
};

struct page_writer {
	pthread_t	 thread;
	pthread_mutex_t	 lock;
	pthread_cond_t	 work;		/* a job, or the end */
	pthread_cond_t	 room;		/* the queue shrank */
	const char	*outdir;
	const struct cc_lineset *had;	/* dir_names() */
	struct pw_job	*head, *tail;
	size_t		 bytes;		/* queued */
	int		 ending;
	int		 rc;		/* first error */
	struct cc_diag	 d;		/* ...its message */
	size_t		 written, unchanged;
	struct page_pool *pool;		/* where written pages' buffers go */
};

static void *
pw_thread(void *arg)
{
	struct page_writer	*pw = arg;
	struct pw_job		*j;
	struct cc_diag		 d;
	int			 put, stop;

	pthread_mutex_lock(&pw->lock);
	for (;;) {
		while (pw->head == NULL && !pw->ending)
			pthread_cond_wait(&pw->work, &pw->lock);
		if ((j = pw->head) == NULL)
			break;
		pw->head = j->next;
		if (pw->head == NULL)
			pw->tail = NULL;
		stop = pw->rc != CC_OK;	/* after an error, drop the rest */
		pthread_mutex_unlock(&pw->lock);
		cc_diag_clear(&d);
		put = stop ? 0 : put_page(pw->outdir, pw->had, j->file, &j->b,
		    &d);
		pthread_mutex_lock(&pw->lock);
		if (put > 0)
			pw->written++;
		else if (put == 0)
			pw->unchanged++;
		else if (pw->rc == CC_OK) {
			pw->rc = CC_EIO;
			pw->d = d;
		}
		pw->bytes -= j->b.len;
		pthread_cond_signal(&pw->room);
		pool_give(pw->pool, &j->b);
		free(j->file);
		free(j);
	}
	pthread_mutex_unlock(&pw->lock);
	return NULL;
}

/* A writer thread for pages of outdir, or NULL (then pages are written
 * by the caller). */
static struct page_writer *
pw_start(const char *outdir, const struct cc_lineset *had,
    struct page_pool *pool)
{
	struct page_writer	*pw = xcalloc(1, sizeof *pw);

	pw->outdir = outdir;
	pw->had = had;
	pw->pool = pool;
	pthread_mutex_init(&pw->lock, NULL);
	pthread_cond_init(&pw->work, NULL);
	pthread_cond_init(&pw->room, NULL);
	if (pthread_create(&pw->thread, NULL, pw_thread, pw) != 0) {
		pthread_cond_destroy(&pw->room);
		pthread_cond_destroy(&pw->work);
		pthread_mutex_destroy(&pw->lock);
		free(pw);
		return NULL;
	}
	return pw;
}

/* Queue b (taken over) for file; the writer's first error, if any. */
static int
pw_put(struct page_writer *pw, const char *file, struct cc_buf *b)
{
	struct pw_job	*j = xcalloc(1, sizeof *j);
	int		 rc;

	j->file = xstrdup(file);
	j->b = *b;
	memset(b, 0, sizeof *b);
	pthread_mutex_lock(&pw->lock);
	while (pw->bytes > 0 && pw->bytes + j->b.len > PW_QUEUE_BYTES &&
	    pw->rc == CC_OK)
		pthread_cond_wait(&pw->room, &pw->lock);
	if (pw->tail != NULL)
		pw->tail->next = j;
	else
		pw->head = j;
	pw->tail = j;
	pw->bytes += j->b.len;
	rc = pw->rc;
	pthread_cond_signal(&pw->work);
	pthread_mutex_unlock(&pw->lock);
	return rc;
}

/* Wait until every queued page is in place, end the thread, add its
 * counts to stats; the first error (with its message in d), if any. */
static int
pw_finish(struct page_writer *pw, struct cc_report_stats *stats,
    struct cc_diag *d)
{
	int	rc;

	pthread_mutex_lock(&pw->lock);
	pw->ending = 1;
	pthread_cond_signal(&pw->work);
	pthread_mutex_unlock(&pw->lock);
	pthread_join(pw->thread, NULL);
	stats->written += pw->written;
	stats->unchanged += pw->unchanged;
	if ((rc = pw->rc) != CC_OK)
		*d = pw->d;
	pthread_cond_destroy(&pw->room);
	pthread_cond_destroy(&pw->work);
	pthread_mutex_destroy(&pw->lock);
	free(pw);
	return rc;
}

/* Put a finished page in place (or queue it for the writer thread),
 * unless its file holds the same bytes already; releases pg. */
static int
finish_page(const struct rep *r, struct page *pg, const char *outdir,
    const char *file, struct cc_report_stats *stats, struct cc_diag *d)
{
	int	rc = pg->rc;

	if (rc != CC_OK)
		cc_diag_set(d, NULL, 0, 0, "%s/%s: %s", outdir, file,
		    cc_strerror(rc));
	else if (r->pw != NULL) {
		if ((rc = pw_put(r->pw, file, &pg->b)) != CC_OK)
			*d = r->pw->d;
	} else
		switch (put_page(outdir, r->had, file, &pg->b, d)) {
		case 1:
			stats->written++;
			break;
		case 0:
			stats->unchanged++;
			break;
		default:
			rc = CC_EIO;
		}
	pool_give(r->pool, &pg->b);
	return rc;
}

static int
write_article(const struct rep *r, const struct art_view *av,
    const char *digest, const char *outdir, struct cc_report_stats *stats,
    struct cc_diag *d)
{
	const struct cc_article	*a = &av->ra->art;
	struct page		 pg = PAGE_INIT;
	size_t			 k;

	page_head(&pg, r, a->title != NULL ? a->title : a->name, "claimcheck",
	    digest);
	raw(&pg, "<header>\n<nav aria-label=\"Report\"><ul>"
	    "<li><a href=\"index.html\">Report index</a></li>"
	    "<li><a href=\"#meta\">Metadata</a></li>"
	    "<li><a href=\"#text\">Text</a></li>"
	    "<li><a href=\"#claims\">Claims</a></li></ul></nav>\n"
	    "</header>\n<main id=\"main\">\n<h1>");
	esc(&pg, a->title, a->name);
	raw(&pg, "</h1>\n<section aria-labelledby=\"meta\">\n"
	    "<h2 id=\"meta\">Metadata</h2>\n");
	emit_article_meta(&pg, av);
	raw(&pg, "</section>\n<section aria-labelledby=\"text\">\n"
	    "<h2 id=\"text\">Text</h2>\n<p class=\"muted\">Claims are "
	    "<mark>highlighted</mark> and labelled with type, value and "
	    "date; <span class=\"boiler\">boilerplate</span> (never a source "
	    "of claims) is dimmed.</p>\n");
	emit_article_text(&pg, av);
	raw(&pg, "</section>\n<section aria-labelledby=\"claims\">\n"
	    "<h2 id=\"claims\">Claims</h2>\n");
	if (av->n == 0)
		raw(&pg, "<p>No claims were found in this article.</p>\n");
	else {
		claims_table_head(&pg, "Claims in this article", 0);
		for (k = 0; k < av->n; k++)
			claims_row(&pg, r, av->claims[k], av->csent[k], 0);
		raw(&pg, "</tbody>\n</table>\n");
	}
	raw(&pg, "</section>\n</main>\n");
	page_foot(&pg);
	return finish_page(r, &pg, outdir, av->ar->file, stats, d);
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

/* One outlet of the corpus: its articles, claims and how it was known
 * (metadata, url, text, file name). */
struct outlet_row {
	const char	*outlet;
	size_t		 nart, ncl, nb, pos;	/* pos: in name order */
	const char	*bases[NBASES];
};

/* The outlets of the corpus in name order (caller frees *out). */
static size_t
outlet_rows(const struct rep *r, struct outlet_row **out)
{
	const struct art_ref	**arts;
	struct outlet_row	 *v, *o;
	size_t			  i, j, k, n = 0;

	arts = xreallocarray(NULL, r->narts + 1, sizeof *arts);
	for (i = 0; i < r->narts; i++)
		arts[i] = &r->arts[i];
	qsort(arts, r->narts, sizeof *arts, cmp_art_outlet);
	v = xcalloc(r->narts + 1, sizeof *v);
	for (i = 0; i < r->narts; i = j) {
		o = &v[n];
		o->outlet = arts[i]->ra->art.outlet;
		o->pos = n++;
		for (j = i; j < r->narts && nstrcmp(arts[j]->ra->art.outlet,
		    o->outlet) == 0; j++) {
			o->ncl += arts[j]->nall;
			for (k = 0; k < o->nb && nstrcmp(o->bases[k],
			    arts[j]->ra->art.outlet_basis) != 0; k++)
				;
			if (k == o->nb && o->nb < NBASES)
				o->bases[o->nb++] = arts[j]->ra->art.outlet_basis;
		}
		o->nart = j - i;
		o->nb = distinct(o->bases, o->nb);
	}
	free(arts);
	*out = v;
	return n;
}

/* Most articles first; name order among equals. */
static int
cmp_outlet_size(const void *a, const void *b)
{
	const struct outlet_row	*x = a, *y = b;

	if (x->nart != y->nart)
		return x->nart > y->nart ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static int
cmp_outlet_pos(const void *a, const void *b)
{
	const struct outlet_row	*x = a, *y = b;

	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* The outlets table: on the index of a corpus of more than
 * INDEX_OUTLETS outlets, those with the most articles and a link to
 * outlets.html, which lists them all. */
static void
emit_outlets(struct page *pg, const struct rep *r, enum where w)
{
	struct outlet_row	*v;
	size_t			 n, shown, i, k;

	if ((n = outlet_rows(r, &v)) == 0) {
		free(v);
		return;
	}
	shown = n;
	if (w == ON_INDEX && n > INDEX_OUTLETS) {
		qsort(v, n, sizeof *v, cmp_outlet_size);
		shown = INDEX_OUTLETS;
		qsort(v, shown, sizeof *v, cmp_outlet_pos);
		rawf(pg, "<p>The %zu outlets with the most articles, of %zu; "
		    "see <a href=\"outlets.html\">all outlets</a>.</p>\n",
		    shown, n);
	}
	raw(pg, "<table>\n<caption>Outlets covered</caption>\n"
	    "<thead><tr><th scope=\"col\">Outlet</th>"
	    "<th scope=\"col\" class=\"num\">Articles</th>"
	    "<th scope=\"col\" class=\"num\">Claims</th>"
	    "<th scope=\"col\">Known from</th></tr></thead>\n"
	    "<tbody>\n");
	for (i = 0; i < shown; i++) {
		raw(pg, "<tr><th scope=\"row\">");
		esc(pg, v[i].outlet, "unknown outlet");
		rawf(pg, "</th><td class=\"num\">%zu</td>"
		    "<td class=\"num\">%zu</td><td>", v[i].nart, v[i].ncl);
		for (k = 0; k < v[i].nb; k++) {
			if (k > 0)
				raw(pg, ", ");
			esc(pg, v[i].bases[k], "unknown");
		}
		raw(pg, "</td></tr>\n");
	}
	raw(pg, "</tbody>\n</table>\n");
	free(v);
}

/* outlets.html when the index cannot list every outlet; else none. */
static int
write_outlets(const struct rep *r, const char *dir,
    struct cc_report_stats *stats, struct cc_diag *d)
{
	struct page	 pg = PAGE_INIT;
	struct outlet_row *v;
	size_t		 n = outlet_rows(r, &v);
	char		*path;

	free(v);
	if (n <= INDEX_OUTLETS) {
		path = xasprintf("%s/outlets.html", dir);
		unlink(path);
		free(path);
		return CC_OK;
	}
	page_head(&pg, r, "Outlets", "claimcheck", NULL);
	raw(&pg, "<header>\n<nav aria-label=\"Report\"><ul>"
	    "<li><a href=\"index.html\">Report index</a></li></ul></nav>\n"
	    "</header>\n<main id=\"main\">\n<h1>Outlets</h1>\n");
	emit_outlets(&pg, r, ON_PAGE);
	raw(&pg, "</main>\n");
	page_foot(&pg);
	return finish_page(r, &pg, dir, "outlets.html", stats, d);
}

static void
emit_summary(struct page *pg, const struct rep *r)
{
	const char	**kinds, *lo = NULL, *hi = NULL, *dt;
	size_t		  nk, i, j, k, cnt[NSEV + 1], tot, ninf = 0;
	size_t		  nnew = 0, nacc = 0, ndis = 0;
	int		  other = 0;

	raw(pg, "<section aria-labelledby=\"summary\">\n"
	    "<h2 id=\"summary\">Summary</h2>\n");
	for (i = 0; i < r->nfindings; i++) {
		if (nstrcmp(r->fr[i].f->status, "accepted") == 0)
			nacc++;
		else if (nstrcmp(r->fr[i].f->status, "dismissed") == 0)
			ndis++;
		else
			nnew++;
		if (sev_col(r->fr[i].f->severity) == NSEV)
			other = 1;
	}
	rawf(pg, "<p>%zu article%s, %zu claim%s, %zu finding%s (%zu not yet "
	    "reviewed, %zu accepted, %zu dismissed).</p>\n", r->narts,
	    r->narts == 1 ? "" : "s", r->nall, r->nall == 1 ? "" : "s",
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
		kinds[i] = r->fr[i].f->kind;
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
					if (nstrcmp(r->fr[j].f->kind,
					    kinds[i]) == 0) {
						cnt[sev_col(r->fr[j].f->
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

	emit_outlets(pg, r, ON_INDEX);
	raw(pg, "</section>\n");
}

static void
emit_article_date(struct page *pg, const struct cc_article *a)
{
	esc(pg, art_date(a), "undated");
	if (art_date_inferred(a))
		raw(pg, " <span class=\"inferred\">(inferred)</span>");
}


/* Is finding rank on the index? */
static int
on_index(const struct rep *r, size_t rank)
{
	return !r->fpaged || rank < INDEX_FINDINGS;
}

/* href of the finding of rank i from a page at w. */
static void
emit_finding_href(struct page *pg, const struct rep *r, size_t rank,
    enum where w)
{
	if (w == ON_INDEX && on_index(r, rank))
		raw(pg, "#f-");
	else if (r->fpaged) {
		esc(pg, r->fpages.v[r->fr[rank].chunk].file, NULL);
		raw(pg, "#f-");
	} else
		raw(pg, "index.html#f-");
	esc(pg, r->fr[rank].f->id, NULL);
}

/* The claims of finding rank from the k-th on, a row each (a finding
 * can cite thousands of claims: side by side they would make a page no
 * one reads). */
static void
emit_more_claims(struct page *pg, const struct rep *r, size_t rank,
    size_t k)
{
	const struct cc_finding	*f = r->fr[rank].f;
	const struct cc_claim	*c;
	const struct art_ref	*ar;
	size_t			 i;

	rawf(pg, "<table class=\"wide\">\n<caption>The other %zu claims"
	    "</caption>\n<thead><tr><th scope=\"col\">Claim</th>"
	    "<th scope=\"col\">Outlet</th><th scope=\"col\">Article</th>"
	    "<th scope=\"col\">Value</th><th scope=\"col\">Time</th>"
	    "<th scope=\"col\">Words</th></tr></thead>\n<tbody>\n",
	    f->nclaims - k);
	for (i = k; i < f->nclaims; i++) {
		if ((c = r->fr[rank].cl[i]) == NULL) {
			raw(pg, "<tr><th scope=\"row\">");
			esc(pg, f->claims[i], NULL);
			raw(pg, "</th><td colspan=\"5\">no longer in the store"
			    "</td></tr>\n");
			continue;
		}
		ar = r->cart[CI(r, c)];
		raw(pg, "<tr><th scope=\"row\">");
		raw_cid(pg, c->id);
		raw(pg, "</th><td>");
		esc(pg, c->outlet, "unknown outlet");
		raw(pg, "</td><td>");
		if (ar != NULL) {
			esc(pg, ar->ra->art.name, NULL);
			raw(pg, ", ");
			emit_article_date(pg, &ar->ra->art);
		} else
			esc(pg, c->article, NULL);
		raw(pg, "</td><td>");
		emit_value(pg, c);
		raw(pg, "</td><td>");
		emit_time(pg, c);
		raw(pg, "</td><td>");
		esc(pg, c->text, "\xe2\x80\x94");
		raw(pg, " ");
		emit_ev_link(pg, r, c, "[in article]");
		raw(pg, "</td></tr>\n");
	}
	raw(pg, "</tbody>\n</table>\n");
}

/* The finding of rank i.  On the index of a paged report it shows the
 * evidence of its first INDEX_EVIDENCE claims and links to its page
 * for the rest. */
static void
emit_finding(struct page *pg, const struct rep *r, size_t rank, enum where w)
{
	const struct cc_finding	*f = r->fr[rank].f;
	const struct cc_claim	*c;
	const struct art_ref	*ar;
	size_t			 i, nshow;
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
	nshow = f->nclaims;
	if (w == ON_INDEX && r->fpaged && nshow > INDEX_EVIDENCE)
		nshow = INDEX_EVIDENCE;
	else if (nshow > FINDING_EVIDENCE)
		nshow = FINDING_EVIDENCE;
	raw(pg, "<div class=\"evidence\">\n");
	for (i = 0; i < nshow; i++) {
		raw(pg, "<div class=\"ev\">\n<h4>");
		if ((c = r->fr[rank].cl[i]) == NULL) {
			raw(pg, "Claim ");
			esc(pg, f->claims[i], NULL);
			raw(pg, "</h4>\n<p>This claim is no longer in the "
			    "store.</p>\n</div>\n");
			continue;
		}
		ar = r->cart[CI(r, c)];
		esc(pg, c->outlet, ar != NULL && ar->ra->art.outlet != NULL ?
		    ar->ra->art.outlet : "unknown outlet");
		raw(pg, " <span class=\"muted\">");
		raw_cid(pg, c->id);
		raw(pg, "</span></h4>\n<p class=\"muted\">");
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
		emit_evidence(pg, r, c);
		raw(pg, "</blockquote>\n<p>");
		emit_ev_link(pg, r, c, "View in article");
		raw(pg, "</p>\n</div>\n");
	}
	raw(pg, "</div>\n");
	if (nshow < f->nclaims && !(w == ON_INDEX && r->fpaged))
		emit_more_claims(pg, r, rank, nshow);
	else if (nshow < f->nclaims) {
		raw(pg, "<p><a href=\"");
		emit_finding_href(pg, r, rank, ON_PAGE);
		rawf(pg, "\">%zu more claim%s on the finding's page</a></p>\n",
		    f->nclaims - nshow, f->nclaims - nshow == 1 ? "" : "s");
	}
	raw(pg, "</section>\n");
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
matrix_value(struct page *pg, const struct rep *r, const struct cc_claim *c,
    enum where w)
{
	const struct dispute	*dp = disputed(r, c);

	if (dp != NULL)
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
	emit_ev_link(pg, r, c, "[src]");
	if (dp != NULL) {
		raw(pg, " <a class=\"dis-mark\" href=\"");
		emit_finding_href(pg, r, dp->rank, w);
		raw(pg, "\">disputed: ");
		esc(pg, dp->f->kind, NULL);
		raw(pg, "</a>");
	}
}

/* A note where the index leaves claims out (a paged report). */
static void
emit_cited_note(struct page *pg, const struct rep *r, const char *dir,
    const char *what)
{
	if (!r->cpaged)
		return;
	rawf(pg, "<p class=\"muted\">A large corpus: of its %zu claims, the "
	    "%zu that findings cite are listed in <a href=\"%s\">%s</a>; "
	    "here are those that the findings above cite; each article's "
	    "page lists all of its claims.</p>\n", r->nall, r->ncited,
	    dir, what);
}

/* Outlets x facts: which outlet reported what value for each fact; v,
 * the n claims with a value, sorted by cmp_fact(). */
static void
emit_matrix_table(struct page *pg, const struct rep *r,
    const struct cc_claim **v, size_t n, enum where w)
{
	const char	**outs;
	size_t		  no, i, j, k, e, c;

	outs = xreallocarray(NULL, n + 1, sizeof *outs);
	for (i = 0; i < n; i++)
		outs[i] = v[i]->outlet;
	no = distinct(outs, n);
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
				matrix_value(pg, r, v[k], w);
			}
			raw(pg, "</td>");
		}
		raw(pg, "</tr>\n");
	}
	raw(pg, "</tbody>\n</table>\n");
	free(outs);
}

/* The index's matrix: every valued claim, or in a paged report those
 * its findings cite. */
static void
emit_matrix(struct page *pg, const struct rep *r)
{
	const struct cc_claim	**v;
	size_t			  n = 0, i;

	v = xreallocarray(NULL, r->nclaims + 1, sizeof *v);
	for (i = 0; i < r->nclaims; i++)
		if (r->byid[i]->value_kind != CC_VALUE_NONE &&
		    r->ishown[CI(r, r->byid[i])])
			v[n++] = r->byid[i];
	raw(pg, "<section aria-labelledby=\"matrix\">\n"
	    "<h2 id=\"matrix\">Outlets and facts</h2>\n");
	emit_cited_note(pg, r, "facts.html", "the facts pages");
	if (n == 0)
		raw(pg, "<p>No claim carries a value.</p>\n");
	else {
		qsort(v, n, sizeof *v, cmp_fact);
		emit_matrix_table(pg, r, v, n, ON_INDEX);
	}
	raw(pg, "</section>\n");
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

/* Room for any year a long holds: -O3 sees the whole range. */
#define DAY_STR_LEN	40

static void
day_str(long day, char out[DAY_STR_LEN])
{
	long		y;
	unsigned	m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(out, DAY_STR_LEN, "%04ld-%02u-%02u", y, m, d);
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
	char			lab[DAY_STR_LEN];
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
	const struct art_ref	*ar = r->cart[CI(r, p->c)];
	long			 ad;
	int			 late, ev;

	late = ar != NULL && parse_day(art_date(&ar->ra->art), &ad) &&
	    p->d0 > ad;
	ev = nstrcmp(p->c->type, "event") == 0;
	raw(pg, late ? "<g class=\"pt late\"><title>" :
	    "<g class=\"pt\"><title>");
	raw_cid(pg, p->c->id);
	raw(pg, " ");
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
	if (p->x1 > p->x) {
		raw(pg, "<line class=\"span\" x1=\"");
		raw_int(pg, p->x);
		raw(pg, "\" y1=\"");
		raw_int(pg, y);
		raw(pg, "\" x2=\"");
		raw_int(pg, p->x1);
		raw(pg, "\" y2=\"");
		raw_int(pg, y);
		raw(pg, "\"/>");
	}
	if (ev) {
		raw(pg, "<rect x=\"");
		raw_int(pg, p->x - 4);
		raw(pg, "\" y=\"");
		raw_int(pg, y - 4);
		raw(pg, "\" width=\"9\" height=\"9\"/>");
	} else {
		raw(pg, "<circle cx=\"");
		raw_int(pg, p->x);
		raw(pg, "\" cy=\"");
		raw_int(pg, y);
		raw(pg, "\" r=\"5\"/>");
	}
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
    const struct cc_claim **v, size_t n, const struct art_ref *const *av,
    size_t na)
{
	struct tl_pt	*pt;
	struct tl_axis	 ax;
	const char	**outs;
	char		 lo[DAY_STR_LEN], hi[DAY_STR_LEN], *desc;
	size_t		 np = 0, no, i, j, k, nart = 0, ninf = 0;
	long		 d, pad;
	int		 h, y, dy, first = 1;

	pt = xreallocarray(NULL, n + 1, sizeof *pt);
	outs = xreallocarray(NULL, n + na + 1, sizeof *outs);
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
	for (i = 0; i < na; i++) {
		/* Every outlet gets a lane: an empty one says "nothing
		 * dated" as plainly as a full one says when. */
		outs[no++] = av[i]->ra->art.outlet;
		if (!parse_day(art_date(&av[i]->ra->art), &d))
			continue;
		if (first || d < ax.lo)
			ax.lo = d;
		if (first || d > ax.hi)
			ax.hi = d;
		first = 0;
		nart++;
		ninf += art_date_inferred(&av[i]->ra->art) != 0;
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
	for (i = 0; i < na; i++) {
		if (!parse_day(art_date(&av[i]->ra->art), &d))
			continue;
		k = tl_lane(outs, no, av[i]->ra->art.outlet);
		tl_article(pg, av[i], tl_x(&ax, d),
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

/* The articles that claims v[0..n) come from, in name order. */
static size_t
claim_articles(const struct rep *r, const struct cc_claim **v, size_t n,
    const struct art_ref ***out)
{
	const struct art_ref	**av;
	size_t			  i, k, na = 0;

	av = xreallocarray(NULL, n + 1, sizeof *av);
	for (i = 0; i < n; i++)
		if (r->cart[CI(r, v[i])] != NULL)
			av[na++] = r->cart[CI(r, v[i])];
	/* r->arts is in name order, so address order is name order. */
	qsort(av, na, sizeof *av, cmp_ptr);
	for (i = k = 0; i < na; i++)
		if (k == 0 || av[k - 1] != av[i])
			av[k++] = av[i];
	*out = av;
	return k;
}

/* The timeline of claims v[0..n) (sorted by cmp_when()): the drawing,
 * with the articles av[0..na), then the table. */
static void
emit_timeline_body(struct page *pg, const struct rep *r,
    const struct cc_claim **v, size_t n, const struct art_ref *const *av,
    size_t na)
{
	const struct cc_claim	*c;
	size_t			 i;

	emit_timeline_svg(pg, r, v, n, av, na);
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
		emit_ev_link(pg, r, c, "[src]");
		raw(pg, "</td></tr>\n");
	}
	raw(pg, "</tbody>\n</table>\n");
}

/* Claims by date and outlet: all of them with every article, or in a
 * paged report those the index's findings cite, with their articles. */
static void
emit_timeline(struct page *pg, const struct rep *r)
{
	const struct cc_claim	**v;
	const struct art_ref	**av = NULL;
	size_t			  n = 0, na, i;

	v = xreallocarray(NULL, r->nclaims + 1, sizeof *v);
	for (i = 0; i < r->nclaims; i++)
		if (r->byid[i]->time_start != NULL &&
		    r->ishown[CI(r, r->byid[i])])
			v[n++] = r->byid[i];
	raw(pg, "<section aria-labelledby=\"timeline\">\n"
	    "<h2 id=\"timeline\">Timeline</h2>\n");
	emit_cited_note(pg, r, "timeline.html", "the timeline pages");
	if (n == 0)
		raw(pg, "<p>No claim is dated.</p>\n");
	else {
		qsort(v, n, sizeof *v, cmp_when);
		if (r->cpaged)
			na = claim_articles(r, v, n, &av);
		else {
			na = r->narts;
			av = xreallocarray(NULL, na + 1, sizeof *av);
			for (i = 0; i < na; i++)
				av[i] = &r->arts[i];
		}
		emit_timeline_body(pg, r, v, n, av, na);
	}
	raw(pg, "</section>\n");
	free(av);
	free(v);
}

/* Rows of the list of articles, arts[first, first + n).  On the index of
 * a small report the claim count links to the article's claims further
 * down; elsewhere to its page. */
static void
emit_article_rows(struct page *pg, const struct rep *r, size_t first,
    size_t n, enum where w)
{
	const struct cc_article	*a;
	const struct art_ref	*ar;
	size_t			 i;

	raw(pg, "<table class=\"wide\">\n<caption>Articles in the store"
	    "</caption>\n<thead><tr><th scope=\"col\">Name</th>"
	    "<th scope=\"col\">Outlet</th><th scope=\"col\">Date (basis)</th>"
	    "<th scope=\"col\">Title</th><th scope=\"col\" class=\"num\">"
	    "Claims</th><th scope=\"col\">Source</th></tr></thead>\n"
	    "<tbody>\n");
	for (i = first; i < first + n; i++) {
		ar = &r->arts[i];
		a = &ar->ra->art;
		raw(pg, "<tr><th scope=\"row\"><a href=\"");
		esc(pg, ar->file, NULL);
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
		if (w == ON_INDEX && !r->cpaged)
			rawf(pg, "</td><td class=\"num\"><a href=\"#claims-%zu"
			    "\">%zu</a></td><td>", i, ar->nall);
		else if (w == ON_PAGE) {
			raw(pg, "</td><td class=\"num\"><a href=\"");
			esc(pg, ar->file, NULL);
			rawf(pg, "#claims\">%zu</a></td><td>", ar->nall);
		} else
			rawf(pg, "</td><td class=\"num\">%zu</td><td>",
			    ar->nall);
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
	raw(pg, "</tbody>\n</table>\n");
}

static void
emit_articles(struct page *pg, const struct rep *r)
{
	size_t	i, k;

	raw(pg, "<section aria-labelledby=\"articles\">\n"
	    "<h2 id=\"articles\">Articles</h2>\n");
	if (r->narts == 0)
		raw(pg, "<p>No articles.</p>\n");
	else if (r->apaged)
		rawf(pg, "<p>%zu articles: see <a href=\"articles.html\">the "
		    "list of articles</a>, %zu pages by name.</p>\n", r->narts,
		    r->apages.n);
	else
		emit_article_rows(pg, r, 0, r->narts, ON_INDEX);
	raw(pg, "</section>\n");

	raw(pg, "<section aria-labelledby=\"claims\">\n"
	    "<h2 id=\"claims\">Claims by article</h2>\n");
	if (r->cpaged) {
		rawf(pg, "<p class=\"muted\">%zu claims: each article's page "
		    "lists its own.</p>\n</section>\n", r->nall);
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
			claims_row(pg, r, r->arts[i].claims[k], -1, 1);
		raw(pg, "</tbody>\n</table>\n");
	}
	raw(pg, "</section>\n");
}

static int
write_index(const struct rep *r, const char *outdir,
    struct cc_report_stats *stats, struct cc_diag *d)
{
	struct page	 pg = PAGE_INIT;
	size_t		 i, n;

	page_head(&pg, r, "claimcheck report", NULL, NULL);
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
	n = r->nfindings;
	if (n == 0)
		raw(&pg, "<p>No findings.</p>\n");
	else
		raw(&pg, "<p class=\"muted\">By severity (high, medium, low), "
		    "those not yet reviewed first. "
		    "Each claim's evidence is shown side by side, with the "
		    "claim's words <mark>highlighted</mark>.</p>\n");
	if (r->fpaged) {
		n = n < INDEX_FINDINGS ? n : INDEX_FINDINGS;
		rawf(&pg, "<p>The %zu most severe of %zu findings are shown "
		    "here; <a href=\"findings.html\">all findings</a> are on "
		    "%zu pages.</p>\n", n, r->nfindings, r->fpages.n);
	}
	for (i = 0; i < n; i++)
		emit_finding(&pg, r, i, ON_INDEX);
	if (r->fpaged)
		rawf(&pg, "<p><a href=\"findings.html\">All %zu findings"
		    "</a></p>\n", r->nfindings);
	raw(&pg, "</section>\n");
	emit_matrix(&pg, r);
	emit_timeline(&pg, r);
	emit_articles(&pg, r);
	raw(&pg, "</main>\n");
	page_foot(&pg);
	if (r->fetch->rc != CC_OK) {
		cc_buf_release(&pg.b);
		return r->fetch->rc;
	}
	return finish_page(r, &pg, outdir, "index.html", stats, d);
}

/*
 * Pages of a long list.  Where a page ends is decided by its items, not
 * by counting: a page ends after an item whose key hashes to 0 modulo
 * CHUNK_AVG (or at CHUNK_MAX items), and is named after the key of its
 * first item.  An item added to or removed from the list then changes
 * its own page only, and the pages after it keep their names and bytes,
 * so a re-run renders few of them again.
 */
#define CHUNK_AVG	64	/* findings; a power of two */
#define CHUNK_MAX	256
#define CHUNK_CLAIMS	2000	/* claims of the findings of a page */
#define CHUNK_AVG_ROWS	256	/* claims and articles: smaller rows */
#define CHUNK_MAX_ROWS	1024

typedef uint64_t (*chunk_key_fn)(const struct rep *, size_t);
/* How heavy an item is (findings: their claims); NULL: 1 each. */
typedef size_t (*chunk_weight_fn)(const struct rep *, size_t);

static void
chunk_list(const struct rep *r, struct pager *pp, const char *prefix,
    size_t n, chunk_key_fn key, uint64_t avg, size_t max,
    chunk_weight_fn weight, size_t maxw)
{
	struct chunk	 *ch = NULL;
	char		***v;
	size_t		  i, w = 0;

	memset(pp, 0, sizeof *pp);
	pp->v = xreallocarray(NULL, n / 2 + 2, sizeof *pp->v);
	for (i = 0; i < n; i++) {
		if (ch == NULL) {
			ch = &pp->v[pp->n++];
			memset(ch, 0, sizeof *ch);
			ch->first = i;
			ch->file = xasprintf("%s-%016" PRIx64 ".html", prefix,
			    key(r, i));
		}
		ch->n++;
		w += weight != NULL ? weight(r, i) : 1;
		if ((key(r, i) & (avg - 1)) == 0 || ch->n == max || w >= maxw) {
			ch = NULL;
			w = 0;
		}
	}
	/* Two pages named alike (equal key hashes). */
	v = xreallocarray(NULL, pp->n + 1, sizeof *v);
	for (i = 0; i < pp->n; i++)
		v[i] = &pp->v[i].file;
	unique_names(v, pp->n);
	free(v);
}

static void
pager_release(struct pager *pp)
{
	size_t	i;

	for (i = 0; i < pp->n; i++)
		free(pp->v[i].file);
	free(pp->v);
	memset(pp, 0, sizeof *pp);
}

static uint64_t
key_str(const char *s)
{
	return cc_hash64(s != NULL ? s : "", s != NULL ? strlen(s) : 0);
}

static uint64_t
key_finding(const struct rep *r, size_t i)
{
	return key_str(r->fr[i].f->id);
}

static size_t
weight_finding(const struct rep *r, size_t i)
{
	return r->fr[i].f->nclaims > 0 ? r->fr[i].f->nclaims : 1;
}

static uint64_t
key_fact(const struct rep *r, size_t i)
{
	int64_t	id = r->fv[i]->id;

	return cc_hash64(&id, sizeof id);
}

static uint64_t
key_when(const struct rep *r, size_t i)
{
	int64_t	id = r->tv[i]->id;

	return cc_hash64(&id, sizeof id);
}

static uint64_t
key_article(const struct rep *r, size_t i)
{
	return key_str(r->arts[i].ra->art.name);
}

/*
 * Digests.  A page's digest covers everything its bytes are made from:
 * the program and render version, the style sheet, the caller's salt
 * (the rule packs, which decide sentences and dates), the page's name
 * and neighbours, and each item shown.  An article is covered by its
 * content hash (text and metadata) when its text is not at hand.  The
 * digest is written into the page's head; a re-run that computes the
 * same one leaves the page as it is without rendering it.
 */
/* Bump when the render code changes the bytes of a page for the same
 * input. */
#define RENDER_VERSION	"3"

static void
dg_add(struct cc_buf *b, const void *p, size_t n)
{
	uint64_t	len = n;

	cc_buf_add(b, (const char *)&len, sizeof len);
	cc_buf_add(b, p, n);
}

static void
dg_str(struct cc_buf *b, const char *s)
{
	uint64_t	none = UINT64_MAX;

	if (s == NULL)
		cc_buf_add(b, (const char *)&none, sizeof none);
	else
		dg_add(b, s, strlen(s));
}

static void
dg_u64(struct cc_buf *b, uint64_t v)
{
	cc_buf_add(b, (const char *)&v, sizeof v);
}

/* Everything of a claim a page can show (b: scratch space). */
static uint64_t
claim_dig_raw(const struct cc_claim *c, struct cc_buf *scratch)
{
	uint64_t	h;

	cc_buf_reset(scratch);
	dg_u64(scratch, (uint64_t)c->id);
	dg_str(scratch, c->article);
	dg_str(scratch, c->outlet);
	dg_str(scratch, c->type);
	dg_str(scratch, c->subject);
	dg_str(scratch, c->measure);
	dg_u64(scratch, (uint64_t)c->value_kind);
	dg_add(scratch, &c->vmin, sizeof c->vmin);
	dg_add(scratch, &c->vmax, sizeof c->vmax);
	dg_u64(scratch, (uint64_t)(c->has_min | c->has_max << 1 | c->approx << 2));
	dg_str(scratch, c->vtext);
	dg_str(scratch, c->unit);
	dg_str(scratch, c->time_start);
	dg_str(scratch, c->time_end);
	dg_str(scratch, c->granularity);
	dg_str(scratch, c->basis);
	dg_str(scratch, c->speaker);
	dg_str(scratch, c->reported_by);
	dg_str(scratch, c->polarity);
	dg_str(scratch, c->text);
	dg_u64(scratch, c->ev_start);
	dg_u64(scratch, c->ev_end);
	dg_str(scratch, c->sentence);
	dg_str(scratch, c->rule);
	h = cc_hash64(scratch->data, scratch->len);
	return h != 0 ? h : 1;
}

/* The same for a claim of the input, computed once. */
static uint64_t
claim_dig(const struct rep *r, const struct cc_claim *c)
{
	uint64_t	*slot = &r->cdig[CI(r, c)];

	return *slot != 0 ? *slot : (*slot = claim_dig_raw(c, r->scratch));
}

/* Everything of an article a page can show (its text through its
 * content hash, or itself when it is at hand). */
static uint64_t
art_dig(const struct art_ref *ar)
{
	const struct cc_report_article	*ra = ar->ra;
	const struct cc_article		*a = &ra->art;
	struct cc_buf			 b = CC_BUF_INIT;
	size_t				 i;
	uint64_t			 h;

	dg_str(&b, ar->file);
	dg_str(&b, a->name);
	dg_str(&b, a->outlet);
	dg_str(&b, a->outlet_basis);
	dg_str(&b, a->date);
	dg_str(&b, a->date_min);
	dg_str(&b, a->date_max);
	dg_str(&b, a->date_basis);
	dg_str(&b, a->published);
	dg_str(&b, a->title);
	dg_str(&b, a->author);
	dg_str(&b, a->url);
	dg_str(&b, a->format);
	dg_str(&b, a->path);
	dg_str(&b, a->hash);
	if (a->text != NULL) {
		dg_add(&b, a->text, a->len);
		for (i = 0; i < ra->sents.n; i++) {
			dg_u64(&b, ra->sents.v[i].start);
			dg_u64(&b, ra->sents.v[i].end);
			dg_u64(&b, ra->sents.v[i].para);
			dg_u64(&b, ra->sents.v[i].boiler);
		}
	}
	h = cc_hash64(b.data, b.len);
	cc_buf_release(&b);
	return h;
}

/* Start a page's digest: what every page depends on. */
static void
dg_begin(struct cc_buf *b, const struct rep *r, const char *file)
{
	cc_buf_reset(b);
	dg_str(b, PACKAGE_VERSION);
	dg_str(b, RENDER_VERSION);
	dg_str(b, r->csp);
	dg_str(b, r->salt);
	dg_str(b, file);
}

static void
dg_end(struct cc_buf *b, char out[CC_HASH_HEXLEN + 1])
{
	cc_hash_hex(b->data, b->len, out);
	cc_buf_release(b);
}

/* A claim as shown with its article (evidence, link, date). */
static void
dg_claim(struct cc_buf *b, const struct rep *r, const struct cc_claim *c)
{
	const struct art_ref	*ar = r->cart[CI(r, c)];

	dg_u64(b, claim_dig(r, c));
	dg_u64(b, ar != NULL ? ar->dig : 0);
}

/* The digest in the head of outdir/file, if there is one; 1 if it
 * equals want. */
static int
same_digest(const struct rep *r, const char *dir, const char *file,
    const char *want)
{
	char		*path, buf[1024];
	const char	*p;
	ssize_t		 n;
	int		 fd, same = 0;
	static const char key[] = "<meta name=\"" DIGEST_META "\" content=\"";

	if (!was_there(r->had, file))
		return 0;
	path = xasprintf("%s/%s", dir, file);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return 0;
	while ((n = read(fd, buf, sizeof buf - 1)) < 0 && errno == EINTR)
		;
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	if ((p = strstr(buf, key)) != NULL) {
		p += sizeof key - 1;
		same = strncmp(p, want, CC_HASH_HEXLEN) == 0 &&
		    p[CC_HASH_HEXLEN] == '"';
	}
	return same;
}

static void
dg_neighbours(struct cc_buf *b, const struct pager *pp, size_t k)
{
	dg_str(b, k > 0 ? pp->v[k - 1].file : NULL);
	dg_str(b, k + 1 < pp->n ? pp->v[k + 1].file : NULL);
}

static void
dg_finding(struct cc_buf *b, const struct rep *r, size_t rank)
{
	const struct fref	*fr = &r->fr[rank];
	const struct cc_finding	*f = fr->f;
	const struct art_ref	*ar;
	const char		*k;
	size_t			 i;

	dg_str(b, f->id);
	dg_str(b, f->kind);
	dg_str(b, f->severity);
	dg_str(b, f->key);
	dg_str(b, f->summary);
	dg_str(b, f->status);
	dg_u64(b, f->noutlets);
	for (i = 0; i < f->noutlets; i++)
		dg_str(b, f->outlets[i]);
	dg_u64(b, f->nclaims);
	for (i = 0; i < f->nclaims; i++) {
		dg_str(b, f->claims[i]);
		if (fr->cl[i] != NULL)
			dg_claim(b, r, fr->cl[i]);
	}
	if (f->nclaims == 0 && f->key != NULL &&
	    (k = strrchr(f->key, '/')) != NULL &&
	    (ar = find_art(r, k + 1)) != NULL)
		dg_str(b, ar->file);
}

/* A value in the matrix: the claim and the finding disputing it. */
static void
dg_fact_claim(struct cc_buf *b, const struct rep *r, const struct cc_claim *c)
{
	const struct dispute	*dp = disputed(r, c);

	dg_claim(b, r, c);
	if (dp != NULL) {
		dg_str(b, dp->f->id);
		dg_str(b, dp->f->kind);
		dg_str(b, r->fpaged ? r->fpages.v[r->fr[dp->rank].chunk].file :
		    "index.html");
	}
}

/* Page frame of a page of a list: nav to the index, the list's contents
 * page and the neighbours. */
static void
chunk_head(struct page *pg, const struct rep *r, const char *title,
    const char *contents, const char *contents_title,
    const struct pager *pp, size_t k, const char *digest)
{
	page_head(pg, r, title, "claimcheck", digest);
	raw(pg, "<header>\n<nav aria-label=\"Report\"><ul>"
	    "<li><a href=\"index.html\">Report index</a></li><li><a href=\"");
	raw(pg, contents);
	raw(pg, "\">");
	raw(pg, contents_title);
	raw(pg, "</a></li>");
	if (k > 0) {
		raw(pg, "<li><a rel=\"prev\" href=\"");
		esc(pg, pp->v[k - 1].file, NULL);
		raw(pg, "\">Previous page</a></li>");
	}
	if (k + 1 < pp->n) {
		raw(pg, "<li><a rel=\"next\" href=\"");
		esc(pg, pp->v[k + 1].file, NULL);
		raw(pg, "\">Next page</a></li>");
	}
	raw(pg, "</ul></nav>\n</header>\n<main id=\"main\">\n<h1>");
	raw(pg, title);
	raw(pg, "</h1>\n");
}

static void
chunk_foot(struct page *pg)
{
	raw(pg, "</main>\n");
	page_foot(pg);
}

static void
findings_page(struct page *pg, const struct rep *r, size_t k,
    const char *digest)
{
	const struct chunk	*ch = &r->fpages.v[k];
	size_t			 i;

	chunk_head(pg, r, "Findings", "findings.html", "All findings",
	    &r->fpages, k, digest);
	rawf(pg, "<p class=\"muted\">%zu finding%s, by severity, those not "
	    "yet reviewed first. Each "
	    "claim's evidence is shown side by side, with the claim's words "
	    "<mark>highlighted</mark>.</p>\n", ch->n, ch->n == 1 ? "" : "s");
	for (i = ch->first; i < ch->first + ch->n; i++)
		emit_finding(pg, r, i, ON_PAGE);
	chunk_foot(pg);
}

static void
facts_page(struct page *pg, const struct rep *r, size_t k, const char *digest)
{
	const struct chunk	*ch = &r->xpages.v[k];

	chunk_head(pg, r, "Outlets and facts", "facts.html", "All facts",
	    &r->xpages, k, digest);
	emit_matrix_table(pg, r, r->fv + ch->first, ch->n, ON_PAGE);
	chunk_foot(pg);
}

static void
timeline_page(struct page *pg, const struct rep *r, size_t k,
    const char *digest)
{
	const struct chunk	 *ch = &r->tpages.v[k];
	const struct art_ref	**av;
	size_t			  na;

	chunk_head(pg, r, "Timeline", "timeline.html", "Whole timeline",
	    &r->tpages, k, digest);
	na = claim_articles(r, r->tv + ch->first, ch->n, &av);
	emit_timeline_body(pg, r, r->tv + ch->first, ch->n, av, na);
	free(av);
	chunk_foot(pg);
}

static void
articles_page(struct page *pg, const struct rep *r, size_t k,
    const char *digest)
{
	const struct chunk	*ch = &r->apages.v[k];

	chunk_head(pg, r, "Articles", "articles.html", "All articles",
	    &r->apages, k, digest);
	emit_article_rows(pg, r, ch->first, ch->n, ON_PAGE);
	chunk_foot(pg);
}

static void
dg_fact_item(struct cc_buf *b, const struct rep *r, size_t i)
{
	dg_fact_claim(b, r, r->fv[i]);
}

static void
dg_when_item(struct cc_buf *b, const struct rep *r, size_t i)
{
	dg_claim(b, r, r->tv[i]);
}

static void
dg_article_item(struct cc_buf *b, const struct rep *r, size_t i)
{
	dg_u64(b, r->arts[i].dig);
	dg_u64(b, r->arts[i].nall);
}

/* The digest of each page of a list (item digests the i-th item), and
 * whether the page must be rendered again. */
static void
plan_pager(const struct rep *r, struct pager *pp,
    void (*item)(struct cc_buf *, const struct rep *, size_t),
    const char *dir)
{
	struct cc_buf	 b = CC_BUF_INIT;
	struct chunk	*ch;
	size_t		 k, i;

	for (k = 0; k < pp->n; k++) {
		ch = &pp->v[k];
		dg_begin(&b, r, ch->file);
		dg_neighbours(&b, pp, k);
		for (i = ch->first; i < ch->first + ch->n; i++)
			item(&b, r, i);
		dg_end(&b, ch->digest);
		ch->render = !same_digest(r, dir, ch->file, ch->digest);
	}
}

/* The digests of claims [lo, hi) of the input, cached (claim_dig()). */
struct dig_job {
	struct rep	*r;
	const char	*dir;
	size_t		 lo, hi;
};

static void
dig_run(void *arg)
{
	const struct dig_job	*j = arg;
	struct cc_buf		 scratch = CC_BUF_INIT;
	size_t			 i;

	for (i = j->lo; i < j->hi; i++)
		if (j->r->cdig[i] == 0)
			j->r->cdig[i] = claim_dig_raw(&j->r->cv[i], &scratch);
	cc_buf_release(&scratch);
}

static void
plan_facts(void *arg)
{
	const struct dig_job	*j = arg;

	plan_pager(j->r, &j->r->xpages, dg_fact_item, j->dir);
}

static void
plan_others(void *arg)
{
	const struct dig_job	*j = arg;

	plan_pager(j->r, &j->r->fpages, dg_finding, j->dir);
	plan_pager(j->r, &j->r->tpages, dg_when_item, j->dir);
}

/* The list pages' digests.  Every claim's digest is made first, in two
 * halves at once; then the pagers only read them, the facts' at once
 * with the others'. */
static void
plan_chunks(struct rep *r, const char *dir)
{
	struct dig_job	a = { r, dir, 0, r->nclaims / 2 };
	struct dig_job	b = { r, dir, r->nclaims / 2, r->nclaims };

	both(r, dig_run, &b, dig_run, &a);
	both(r, plan_facts, &a, plan_others, &a);
}

/* The first max claims of finding fr show their sentences. */
static void
need_evidence(struct rep *r, const struct fref *fr, size_t max)
{
	size_t	j;

	for (j = 0; j < fr->f->nclaims && j < max; j++)
		if (fr->cl[j] != NULL)
			r->need[CI(r, fr->cl[j])] = 1;
}

/* The claims whose evidence the pages to render show. */
static void
plan_need(struct rep *r)
{
	const struct chunk	*ch;
	size_t			 i, k, n;

	if (!r->cpaged) {
		/* The index lists every claim with its evidence. */
		memset(r->need, 1, r->nclaims);
		return;
	}
	/* The claims whose sentence a page shows (emit_finding()); the
	 * others are only linked to, by id. */
	n = r->nfindings;
	if (r->fpaged && n > INDEX_FINDINGS)
		n = INDEX_FINDINGS;
	for (i = 0; i < r->nclaims; i++)
		r->need[i] = r->ishown[i];
	for (i = 0; i < n; i++)
		need_evidence(r, &r->fr[i], r->fpaged ? INDEX_EVIDENCE :
		    FINDING_EVIDENCE);
	for (k = 0; k < r->fpages.n; k++) {
		if (!(ch = &r->fpages.v[k])->render)
			continue;
		for (i = ch->first; i < ch->first + ch->n; i++)
			need_evidence(r, &r->fr[i], FINDING_EVIDENCE);
	}
}

static int
write_chunks(const struct rep *r, const struct pager *pp,
    void (*render)(struct page *, const struct rep *, size_t, const char *),
    const char *dir, struct cc_report_stats *stats, struct cc_diag *d)
{
	struct page	pg = PAGE_INIT;
	size_t		k;
	int		rc = CC_OK;

	for (k = 0; k < pp->n && rc == CC_OK; k++) {
		if (!pp->v[k].render) {
			stats->unchanged++;
			stats->skipped++;
			continue;
		}
		render(&pg, r, k, pp->v[k].digest);
		/* A page without the sentences it should quote is not
		 * written (d says what failed). */
		if ((rc = r->fetch->rc) != CC_OK)
			cc_buf_release(&pg.b);
		else
			rc = finish_page(r, &pg, dir, pp->v[k].file, stats, d);
		pg = (struct page)PAGE_INIT;
	}
	return rc;
}

/* A contents page: one row per page of a list, with what it starts and
 * ends with. */
static int
write_contents(const struct rep *r, const struct pager *pp,
    const char *file, const char *title, const char *what,
    void (*ends)(struct page *, const struct rep *, size_t),
    const char *dir, struct cc_report_stats *stats, struct cc_diag *d)
{
	struct page	pg = PAGE_INIT;
	size_t		k;

	page_head(&pg, r, title, "claimcheck", NULL);
	raw(&pg, "<header>\n<nav aria-label=\"Report\"><ul>"
	    "<li><a href=\"index.html\">Report index</a></li></ul></nav>\n"
	    "</header>\n<main id=\"main\">\n<h1>");
	raw(&pg, title);
	rawf(&pg, "</h1>\n<p>%zu pages, in order.</p>\n<table class=\"wide\">"
	    "\n<caption>", pp->n);
	raw(&pg, title);
	raw(&pg, "</caption>\n<thead><tr><th scope=\"col\">Page</th>"
	    "<th scope=\"col\" class=\"num\">");
	raw(&pg, what);
	raw(&pg, "</th><th scope=\"col\">From</th><th scope=\"col\">To</th>"
	    "</tr></thead>\n<tbody>\n");
	for (k = 0; k < pp->n; k++) {
		raw(&pg, "<tr><th scope=\"row\"><a href=\"");
		esc(&pg, pp->v[k].file, NULL);
		rawf(&pg, "\">Page %zu</a></th><td class=\"num\">%zu</td>",
		    k + 1, pp->v[k].n);
		ends(&pg, r, k);
		raw(&pg, "</tr>\n");
	}
	raw(&pg, "</tbody>\n</table>\n</main>\n");
	page_foot(&pg);
	return finish_page(r, &pg, dir, file, stats, d);
}

static void
finding_line(struct page *pg, const struct cc_finding *f)
{
	raw(pg, "<td>");
	esc(pg, f->severity, "unrated");
	raw(pg, " ");
	esc(pg, f->kind, "finding");
	raw(pg, ": ");
	esc_cut(pg, f->key, "", 80);
	raw(pg, "</td>");
}

static void
findings_ends(struct page *pg, const struct rep *r, size_t k)
{
	const struct chunk	*ch = &r->fpages.v[k];

	finding_line(pg, r->fr[ch->first].f);
	finding_line(pg, r->fr[ch->first + ch->n - 1].f);
}

static void
fact_line(struct page *pg, const struct cc_claim *c)
{
	raw(pg, "<td>");
	esc(pg, c->type, "?");
	raw(pg, " / ");
	esc_cut(pg, c->subject, "\xe2\x80\x94", 60);
	raw(pg, " / ");
	esc_cut(pg, c->measure, "\xe2\x80\x94", 40);
	raw(pg, "</td>");
}

static void
facts_ends(struct page *pg, const struct rep *r, size_t k)
{
	const struct chunk	*ch = &r->xpages.v[k];

	fact_line(pg, r->fv[ch->first]);
	fact_line(pg, r->fv[ch->first + ch->n - 1]);
}

static void
timeline_ends(struct page *pg, const struct rep *r, size_t k)
{
	const struct chunk	*ch = &r->tpages.v[k];

	raw(pg, "<td>");
	emit_time(pg, r->tv[ch->first]);
	raw(pg, "</td><td>");
	emit_time(pg, r->tv[ch->first + ch->n - 1]);
	raw(pg, "</td>");
}

static void
articles_ends(struct page *pg, const struct rep *r, size_t k)
{
	const struct chunk	*ch = &r->apages.v[k];

	raw(pg, "<td>");
	esc(pg, r->arts[ch->first].ra->art.name, NULL);
	raw(pg, "</td><td>");
	esc(pg, r->arts[ch->first + ch->n - 1].ra->art.name, NULL);
	raw(pg, "</td>");
}

/* Setup. */

/* A finding's place in the index: severity, new before reviewed, then
 * Compare's order. */
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

/* Flag the claims findings cite, and those the index shows: every claim
 * of a small report; of a paged one those the index's findings cite, at
 * most INDEX_SHOWN of them. */
static void
mark_cited(struct rep *r)
{
	const struct fref	*fr;
	size_t			 i, k, ci, nshown = 0;

	for (i = 0; i < r->nfindings; i++)
		for (k = 0, fr = &r->fr[i]; k < fr->f->nclaims; k++) {
			if (fr->cl[k] == NULL)
				continue;
			ci = CI(r, fr->cl[k]);
			if (!r->cited[ci]) {
				r->cited[ci] = 1;
				r->ncited++;
			}
			if (r->cpaged && on_index(r, i) &&
			    nshown < INDEX_SHOWN && !r->ishown[ci]) {
				r->ishown[ci] = 1;
				nshown++;
			}
		}
	if (!r->cpaged)
		memset(r->ishown, 1, r->nclaims);
}

/* The lists of a paged report: facts and dated claims that findings
 * cite, in their order. */
static void
make_lists(struct rep *r)
{
	struct sort_job	fs, ts;
	size_t	i;

	r->fv = xreallocarray(NULL, r->ncited + 1, sizeof *r->fv);
	r->tv = xreallocarray(NULL, r->ncited + 1, sizeof *r->tv);
	for (i = 0; i < r->nclaims; i++) {
		if (!r->cited[CI(r, r->byid[i])])
			continue;
		if (r->byid[i]->value_kind != CC_VALUE_NONE)
			r->fv[r->nfv++] = r->byid[i];
		if (r->byid[i]->time_start != NULL)
			r->tv[r->ntv++] = r->byid[i];
	}
	fs.base = r->fv;
	fs.n = r->nfv;
	fs.size = sizeof *r->fv;
	fs.cmp = cmp_fact;
	ts.base = r->tv;
	ts.n = r->ntv;
	ts.size = sizeof *r->tv;
	ts.cmp = cmp_when;
	both(r, sort_run, &fs, sort_run, &ts);
}

/* The claims' places by id, when their ids are dense enough: each
 * finding names its claims by id, and so does each article's page. */
#define IDIX_SPREAD	4	/* ids per claim at most */

static void
id_index(struct rep *r)
{
	int64_t	lo, hi;
	size_t	i;

	if (r->nclaims == 0 || r->nclaims >= UINT32_MAX)
		return;
	lo = r->byid[0]->id;
	hi = r->byid[r->nclaims - 1]->id;
	if (hi < lo || (uint64_t)(hi - lo) >= (uint64_t)IDIX_SPREAD *
	    r->nclaims + 1024)
		return;
	r->idmin = lo;
	r->nidix = (size_t)(hi - lo) + 1;
	r->idix = xcalloc(r->nidix, sizeof *r->idix);
	for (i = 0; i < r->nclaims; i++)
		if (r->idix[r->byid[i]->id - lo] == 0)
			r->idix[r->byid[i]->id - lo] = (uint32_t)i + 1;
}

static void
rep_init(struct rep *r, const struct cc_report_input *in,
    const struct cc_report_source *src)
{
	const struct cc_claims	*cl = in->claims;
	const struct cc_finding	*f;
	struct forder		*fo;
	struct art_ref		*ar;
	struct sort_job		 sa, sb;
	size_t			 i, j, k;

	memset(r, 0, sizeof *r);
	r->in = in;
	r->scratch = xcalloc(1, sizeof *r->scratch);
	r->salt = in->salt;
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
	r->cv = cl != NULL ? cl->v : NULL;
	r->byid = xreallocarray(NULL, r->nclaims + 1, sizeof *r->byid);
	r->byart = xreallocarray(NULL, r->nclaims + 1, sizeof *r->byart);
	r->cart = xcalloc(r->nclaims + 1, sizeof *r->cart);
	/* A source that gives sentences on demand saves keeping them. */
	if (src == NULL || src->sentence == NULL)
		r->ev = xcalloc(r->nclaims + 1, sizeof *r->ev);
	r->need = xcalloc(r->nclaims + 1, 1);
	r->cdig = xcalloc(r->nclaims + 1, sizeof *r->cdig);
	r->cited = xcalloc(r->nclaims + 1, 1);
	r->ishown = xcalloc(r->nclaims + 1, 1);
	for (i = 0; i < r->nclaims; i++)
		r->byid[i] = r->byart[i] = &cl->v[i];
	sa.base = r->byid;
	sb.base = r->byart;
	sa.n = sb.n = r->nclaims;
	sa.size = sb.size = sizeof *r->byid;
	sa.cmp = cmp_claim_id;
	sb.cmp = cmp_claim_art;
	both(r, sort_run, &sa, sort_run, &sb);
	id_index(r);
	for (i = 0; i < r->nclaims; i = j) {
		ar = find_art(r, r->byart[i]->article);
		for (j = i + 1; j < r->nclaims &&
		    nstrcmp(r->byart[j]->article, r->byart[i]->article) == 0;
		    j++)
			;
		if (ar == NULL)
			continue;	/* claims of an unknown article */
		ar->claims = &r->byart[i];
		ar->nclaims = ar->nall = j - i;
		for (k = i; k < j; k++)
			r->cart[CI(r, r->byart[k])] = ar;
	}
	for (i = 0; i < r->narts; i++)
		r->arts[i].dig = art_dig(&r->arts[i]);

	r->nfindings = in->findings != NULL ? in->findings->n : 0;
	fo = xreallocarray(NULL, r->nfindings + 1, sizeof *fo);
	r->fr = xcalloc(r->nfindings + 1, sizeof *r->fr);
	for (i = 0; i < r->nfindings; i++) {
		/* Within a severity, what an editor has not yet reviewed
		 * comes first: that is what the index is read for. */
		fo[i].rank = 2 * cc_severity_rank(in->findings->v[i].severity) +
		    (in->findings->v[i].status != NULL &&
		    strcmp(in->findings->v[i].status, "new") != 0);
		fo[i].i = i;
	}
	qsort(fo, r->nfindings, sizeof *fo, cmp_forder);
	for (i = 0; i < r->nfindings; i++) {
		f = r->fr[i].f = &in->findings->v[fo[i].i];
		r->fr[i].cl = xcalloc(f->nclaims + 1, sizeof *r->fr[i].cl);
		for (k = 0; k < f->nclaims; k++)
			r->fr[i].cl[k] = find_claim(r, f->claims[k]);
	}
	free(fo);
	find_disputes(r);

	/* Past CHUNK_CLAIMS claims cited, findings would make a heavy
	 * index even if few. */
	for (i = k = 0; i < r->nfindings; i++)
		k += r->fr[i].f->nclaims;
	r->fpaged = r->nfindings > INDEX_FINDINGS || k > CHUNK_CLAIMS;
	r->nall = in->nclaims_all > r->nclaims ? in->nclaims_all : r->nclaims;
	r->cpaged = r->nall > INDEX_CLAIMS_MAX;
	r->apaged = r->narts > INDEX_ARTICLES;
	mark_cited(r);
	if (r->fpaged) {
		chunk_list(r, &r->fpages, "findings", r->nfindings,
		    key_finding, CHUNK_AVG, CHUNK_MAX, weight_finding,
		    CHUNK_CLAIMS);
		for (k = 0; k < r->fpages.n; k++)
			for (i = 0; i < r->fpages.v[k].n; i++)
				r->fr[r->fpages.v[k].first + i].chunk = k;
	}
	if (r->cpaged) {
		make_lists(r);
		chunk_list(r, &r->xpages, "facts", r->nfv, key_fact,
		    CHUNK_AVG_ROWS, CHUNK_MAX_ROWS, NULL, SIZE_MAX);
		chunk_list(r, &r->tpages, "timeline", r->ntv, key_when,
		    CHUNK_AVG_ROWS, CHUNK_MAX_ROWS, NULL, SIZE_MAX);
	}
	if (r->apaged)
		chunk_list(r, &r->apages, "articles", r->narts, key_article,
		    CHUNK_AVG_ROWS, CHUNK_MAX_ROWS, NULL, SIZE_MAX);
}

static void
rep_release(struct rep *r)
{
	size_t	i;

	cc_lineset_free(r->had);
	for (i = 0; i < r->narts; i++)
		free(r->arts[i].file);
	for (i = 0; i < r->nclaims; i++)
		if (r->ev != NULL)
			free(r->ev[i].own);
	for (i = 0; i < r->nfindings; i++)
		free(r->fr[i].cl);
	pager_release(&r->fpages);
	pager_release(&r->xpages);
	pager_release(&r->tpages);
	pager_release(&r->apages);
	cc_buf_release(r->scratch);
	free(r->scratch);
	free(r->arts);
	free(r->byid);
	free(r->idix);
	free(r->byart);
	free(r->cart);
	free(r->ev);
	for (i = 0; i < r->nev; i++)
		free(r->evs[i].own);
	free(r->evs);
	free(r->evk);
	free(r->need);
	free(r->cdig);
	free(r->cited);
	free(r->ishown);
	free(r->fr);
	free(r->disputes);
	free(r->dslot);
	free(r->fv);
	free(r->tv);
}

/* The evidence bytes of claim c of the input, from the text of its
 * article in ra. */
static void
keep_evidence(struct rep *r, const struct cc_claim *c,
    const struct cc_report_article *ra)
{
	struct evid	*ev = &r->ev[CI(r, c)];
	size_t		 n;

	if (ev->s != NULL || r->frozen ||
	    !(c->ev_start < c->ev_end && c->ev_end <= ra->art.len))
		return;
	n = c->ev_end - c->ev_start;
	if (c->sentence != NULL && strlen(c->sentence) == n &&
	    memcmp(c->sentence, ra->art.text + c->ev_start, n) == 0)
		ev->s = c->sentence;
	else
		ev->s = ev->own = xstrndup(ra->art.text + c->ev_start, n);
	ev->n = n;
}

/*
 * With a page writer (-j 2 and more), article pages are rendered on a
 * thread of their own as well: this one reads each article from the
 * store (which is one thread's) and hands it over, so reading and
 * rendering overlap, and once the lists' thread is done the articles
 * have both cores.  Rendering reads r only (write_article()).
 */
#define REN_QUEUE	32	/* articles read, waiting */

struct ren_job {
	struct art_ref			*ar;
	struct cc_report_article	 tmp;	/* its text is owned if src */
	const struct cc_claim		**lc;
	long				*ls;
	size_t				 n;
	int				 src;
	char				 digest[CC_HASH_HEXLEN + 1];
};

struct art_render {
	const struct rep	*r;
	const char		*dir;
	struct ren_job		 q[REN_QUEUE];
	size_t			 head;
	size_t			 n;
	int			 ending;
	int			 rc;	/* the first error, with d */
	struct cc_diag		 d;
	struct cc_report_stats	 stats;
	pthread_mutex_t		 lock;
	pthread_cond_t		 more;
	pthread_cond_t		 room;
	pthread_t		 thread;
};

static void
ren_job_release(struct ren_job *j)
{
	if (j->src) {
		free(j->tmp.art.text);
		cc_sentences_release(&j->tmp.sents);
	}
	cc_claims_release(&j->tmp.claims);
	free(j->ls);
	free(j->lc);
}

static void *
ren_thread(void *arg)
{
	struct art_render	*ren = arg;
	struct ren_job		 j;
	struct art_view		 av;
	struct cc_diag		 d;
	int			 rc;

	for (;;) {
		pthread_mutex_lock(&ren->lock);
		while (ren->n == 0 && !ren->ending)
			pthread_cond_wait(&ren->more, &ren->lock);
		if (ren->n == 0) {
			pthread_mutex_unlock(&ren->lock);
			return NULL;
		}
		j = ren->q[ren->head];
		ren->head = (ren->head + 1) % REN_QUEUE;
		ren->n--;
		rc = ren->rc;
		pthread_cond_signal(&ren->room);
		pthread_mutex_unlock(&ren->lock);
		if (rc == CC_OK) {
			av.ar = j.ar;
			av.ra = &j.tmp;
			av.claims = j.lc;
			av.n = j.n;
			av.csent = j.ls;
			cc_diag_clear(&d);
			if ((rc = write_article(ren->r, &av, j.digest,
			    ren->dir, &ren->stats, &d)) != CC_OK) {
				pthread_mutex_lock(&ren->lock);
				if (ren->rc == CC_OK) {
					ren->rc = rc;
					ren->d = d;
				}
				pthread_cond_signal(&ren->room);
				pthread_mutex_unlock(&ren->lock);
			}
		}
		ren_job_release(&j);
	}
}

static struct art_render *
ren_start(const struct rep *r, const char *dir)
{
	struct art_render	*ren = xcalloc(1, sizeof *ren);

	ren->r = r;
	ren->dir = dir;
	pthread_mutex_init(&ren->lock, NULL);
	pthread_cond_init(&ren->more, NULL);
	pthread_cond_init(&ren->room, NULL);
	if (pthread_create(&ren->thread, NULL, ren_thread, ren) != 0) {
		pthread_cond_destroy(&ren->room);
		pthread_cond_destroy(&ren->more);
		pthread_mutex_destroy(&ren->lock);
		free(ren);
		return NULL;
	}
	return ren;
}

/* Hand an article over (the job's memory goes with it); the render
 * thread's first error, if any, with its message in d. */
static int
ren_put(struct art_render *ren, const struct ren_job *j, struct cc_diag *d)
{
	int	rc;

	pthread_mutex_lock(&ren->lock);
	while (ren->n == REN_QUEUE && ren->rc == CC_OK)
		pthread_cond_wait(&ren->room, &ren->lock);
	if ((rc = ren->rc) == CC_OK) {
		ren->q[(ren->head + ren->n) % REN_QUEUE] = *j;
		ren->n++;
		pthread_cond_signal(&ren->more);
	} else
		*d = ren->d;
	pthread_mutex_unlock(&ren->lock);
	if (rc != CC_OK) {
		struct ren_job	own = *j;

		ren_job_release(&own);
	}
	return rc;
}

/* Wait for the articles handed over; the first error, if any (in d,
 * when rc was CC_OK). */
static int
ren_finish(struct art_render *ren, int rc, struct cc_report_stats *stats,
    struct cc_diag *d)
{
	pthread_mutex_lock(&ren->lock);
	ren->ending = 1;
	pthread_cond_signal(&ren->more);
	pthread_mutex_unlock(&ren->lock);
	pthread_join(ren->thread, NULL);
	stats->written += ren->stats.written;
	stats->unchanged += ren->stats.unchanged;
	stats->skipped += ren->stats.skipped;
	if (rc == CC_OK && ren->rc != CC_OK) {
		rc = ren->rc;
		*d = ren->d;
	}
	pthread_cond_destroy(&ren->room);
	pthread_cond_destroy(&ren->more);
	pthread_mutex_destroy(&ren->lock);
	free(ren);
	return rc;
}

/*
 * One article: its page, when it is out of date, and what other pages
 * need of its text (the sentence of each claim of the input, and the
 * evidence of those wanted).  With a source its claims, then (only if
 * needed) its text and sentences are loaded, and dropped after.
 */
static int
article_page(struct rep *r, struct art_ref *ar,
    const struct cc_report_source *src, const char *dir,
    struct cc_report_stats *stats, struct cc_diag *d)
{
	struct cc_report_article	 tmp;
	struct art_view			 av;
	struct cc_buf			 b = CC_BUF_INIT;
	const struct cc_claim		**lc;
	const struct cc_claim		 *g;
	char				 digest[CC_HASH_HEXLEN + 1];
	long				 *ls = NULL;
	size_t				  k, n;
	int				  rc = CC_OK, own, stamped;

	/* Metadata only, until the text is wanted. */
	tmp = *ar->ra;
	own = src != NULL && src->claims != NULL;
	if (src != NULL) {
		tmp.art.text = NULL;
		tmp.art.len = 0;
		memset(&tmp.sents, 0, sizeof tmp.sents);
	}
	memset(&tmp.claims, 0, sizeof tmp.claims);
	for (k = 0; k < ar->nclaims && !ar->need; k++)
		ar->need = r->need[CI(r, ar->claims[k])];
	/* A claim never changes under its id: with the claims' stamp an
	 * up-to-date page is known before they are read (a nightly run
	 * over a big store reads only what changed). */
	stamped = own && ar->ra->claims_stamp != NULL;
	if (stamped) {
		dg_begin(&b, r, ar->file);
		dg_u64(&b, ar->dig);
		dg_str(&b, ar->ra->claims_stamp);
		dg_end(&b, digest);
		ar->nall = ar->ra->nclaims_stamped;
		ar->render = !same_digest(r, dir, ar->file, digest);
		if (!ar->render) {
			stats->unchanged++;
			stats->skipped++;
			if (!ar->need)
				return CC_OK;
		}
	}
	if (own && (rc = src->claims(src->arg, &tmp, d)) != CC_OK)
		return rc;
	n = own ? tmp.claims.n : ar->nclaims;
	lc = xreallocarray(NULL, n + 1, sizeof *lc);
	for (k = 0; k < n; k++)
		lc[k] = own ? &tmp.claims.v[k] : ar->claims[k];
	qsort(lc, n, sizeof *lc, cmp_claim_art);
	ar->nall = n;

	if (!stamped) {
		dg_begin(&b, r, ar->file);
		dg_u64(&b, ar->dig);
		dg_u64(&b, n);
		for (k = 0; k < n; k++)
			dg_u64(&b, own ? claim_dig_raw(lc[k], r->scratch) :
			    claim_dig(r, lc[k]));
		dg_end(&b, digest);
		ar->render = !same_digest(r, dir, ar->file, digest);
		if (!ar->render) {
			stats->unchanged++;
			stats->skipped++;
			if (!ar->need)
				goto out;
		}
	}
	if (src != NULL && (rc = src->load(src->arg, &tmp, d)) != CC_OK)
		goto out;
	ls = xreallocarray(NULL, n + 1, sizeof *ls);
	for (k = 0; k < n; k++) {
		ls[k] = claim_sentence(&tmp, lc[k]);
		/* The same claim as the input holds it, if it does. */
		if (r->ev != NULL &&
		    (g = own ? claim_by_id(r, lc[k]->id) : lc[k]) != NULL &&
		    r->need[CI(r, g)])
			keep_evidence(r, g, &tmp);
	}
	if (ar->render && r->ren != NULL) {
		struct ren_job	j;

		j.ar = ar;
		j.tmp = tmp;
		j.lc = lc;
		j.ls = ls;
		j.n = n;
		j.src = src != NULL;
		memcpy(j.digest, digest, sizeof j.digest);
		return ren_put(r->ren, &j, d);
	}
	if (ar->render) {
		av.ar = ar;
		av.ra = &tmp;
		av.claims = lc;
		av.n = n;
		av.csent = ls;
		rc = write_article(r, &av, digest, dir, stats, d);
	}
out:
	if (src != NULL) {
		free(tmp.art.text);
		cc_sentences_release(&tmp.sents);
	}
	cc_claims_release(&tmp.claims);
	free(ls);
	free(lc);
	return rc;
}

/*
 * The pages of the lists of findings, facts and the timeline need
 * nothing of the article pages, so with a page writer (-j 2 and more)
 * they are rendered on a thread of their own while this one loads and
 * renders the articles.  The sentences they quote are fetched first
 * (into r->ev: a few per finding), and r is frozen meanwhile.
 */
struct lists_job {
	struct rep			*r;
	const char			*dir;
	struct cc_report_stats		 stats;
	struct cc_diag			 d;
	int				 rc;
	pthread_t			 thread;
};

static void *
lists_thread(void *arg)
{
	struct lists_job	*lj = arg;
	const struct rep	*r = lj->r;

	lj->rc = write_chunks(r, &r->fpages, findings_page, lj->dir,
	    &lj->stats, &lj->d);
	if (lj->rc == CC_OK)
		lj->rc = write_chunks(r, &r->xpages, facts_page, lj->dir,
		    &lj->stats, &lj->d);
	if (lj->rc == CC_OK)
		lj->rc = write_chunks(r, &r->tpages, timeline_page, lj->dir,
		    &lj->stats, &lj->d);
	return NULL;
}

/* The sentences of the claims whose evidence pages show, from the
 * source. */
static int
fetch_evidence(struct rep *r)
{
	struct evid	*ev;
	char		*s;
	size_t		 i, n = 0;

	for (i = 0; i < r->nclaims; i++)
		n += r->need[i];
	r->evk = xreallocarray(NULL, n + 1, sizeof *r->evk);
	r->evs = xcalloc(n + 1, sizeof *r->evs);
	for (i = 0; i < r->nclaims && r->fetch->rc == CC_OK; i++) {
		if (!r->need[i] ||
		    (s = fetch_sentence(r, &r->cv[i])) == NULL)
			continue;
		r->evk[r->nev] = i;
		ev = &r->evs[r->nev++];
		ev->s = ev->own = s;
		ev->n = strlen(s);
	}
	return r->fetch->rc;
}

/* Start the lists' thread; NULL: they are to be written here, after
 * the articles. */
static struct lists_job *
lists_start(struct rep *r, const struct cc_report_source *src,
    const char *dir)
{
	struct lists_job	*lj;

	if (r->pw == NULL || src == NULL || src->sentence == NULL ||
	    r->ev != NULL || fetch_evidence(r) != CC_OK)
		return NULL;
	lj = xcalloc(1, sizeof *lj);
	lj->r = r;
	lj->dir = dir;
	cc_diag_clear(&lj->d);
	r->frozen = 1;
	if (pthread_create(&lj->thread, NULL, lists_thread, lj) != 0) {
		r->frozen = 0;
		free(lj);
		return NULL;
	}
	return lj;
}

/* Wait for the lists' thread; its first error (in d) unless rc is one
 * already. */
static int
lists_finish(struct rep *r, struct lists_job *lj, int rc,
    struct cc_report_stats *stats, struct cc_diag *d)
{
	pthread_join(lj->thread, NULL);
	r->frozen = 0;
	stats->written += lj->stats.written;
	stats->unchanged += lj->stats.unchanged;
	stats->skipped += lj->stats.skipped;
	if (rc == CC_OK && lj->rc != CC_OK) {
		rc = lj->rc;
		*d = lj->d;
	}
	free(lj);
	return rc;
}

/* Is name a page of a list ("findings-0123456789abcdef.html", maybe
 * with "~2" before ".html")? */
static int
list_page_name(const char *name)
{
	static const char *const prefixes[] = {
		"findings-", "facts-", "timeline-", "articles-"
	};
	size_t		i, n, k;
	const char	*p = NULL;

	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
			p = name + strlen(prefixes[i]);
	if (p == NULL)
		return 0;
	for (k = 0; k < 16; k++)
		if (!((p[k] >= '0' && p[k] <= '9') || (p[k] >= 'a' &&
		    p[k] <= 'f')))
			return 0;
	p += 16;
	if (*p == '~')
		for (p++, n = 0; *p >= '0' && *p <= '9'; p++, n++)
			;
	return strcmp(p, ".html") == 0;
}

static int
in_pager(const struct pager *pp, const char *name)
{
	size_t	k;

	for (k = 0; k < pp->n; k++)
		if (strcmp(pp->v[k].file, name) == 0)
			return 1;
	return 0;
}

/* Remove pages of lists that this report does not have (a page whose
 * first item changed has a new name), and contents pages of lists that
 * are back on the index, so the directory holds this report only. */
static void
prune(const struct rep *r, const char *dir)
{
	static const char *const contents[] = {
		"findings.html", "facts.html", "timeline.html", "articles.html"
	};
	const struct pager	*pp[4];
	struct dirent		*de;
	DIR			*dp;
	char			*path;
	size_t			 i;
	int			 keep;

	pp[0] = &r->fpages;
	pp[1] = &r->xpages;
	pp[2] = &r->tpages;
	pp[3] = &r->apages;
	for (i = 0; i < 4; i++)
		if (pp[i]->n == 0) {
			path = xasprintf("%s/%s", dir, contents[i]);
			unlink(path);
			free(path);
		}
	if ((dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		if (!list_page_name(de->d_name))
			continue;
		keep = 0;
		for (i = 0; i < 4 && !keep; i++)
			keep = strncmp(de->d_name, contents[i],
			    strlen(contents[i]) - 5) == 0 &&
			    in_pager(pp[i], de->d_name);
		if (keep)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		unlink(path);
		free(path);
	}
	closedir(dp);
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
	struct rep		 r;
	struct fetch		 fetch;
	struct lists_job	*lists;
	struct cc_diag		 pwd;
	struct page_pool	 pool;
	char			*dir;
	size_t			 i, n;
	int			 rc, prc;

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
	rep_init(&r, in, src);
	memset(&pool, 0, sizeof pool);
	pthread_mutex_init(&pool.lock, NULL);
	r.pool = &pool;
	r.had = dir_names(dir);
	fetch.src = src;
	fetch.d = d;
	fetch.rc = CC_OK;
	r.fetch = &fetch;
	plan_chunks(&r, dir);
	plan_need(&r);
	if (in->jobs > 1)
		r.pw = pw_start(dir, r.had, &pool);
	lists = lists_start(&r, src, dir);
	/* Article pages before the index and the contents pages, so that
	 * no page reachable from the index links a missing one (a page of
	 * a list rendered on the lists' thread may be in place before an
	 * article it links, until this call returns); an article is
	 * loaded only when its page or another page's evidence needs its
	 * text. */
	if (r.pw != NULL)
		r.ren = ren_start(&r, dir);
	for (i = 0, rc = CC_OK; i < r.narts && rc == CC_OK; i++)
		rc = article_page(&r, &r.arts[i], src, dir, stats, d);
	if (r.ren != NULL) {
		rc = ren_finish(r.ren, rc, stats, d);
		r.ren = NULL;
	}
	if (lists != NULL)
		rc = lists_finish(&r, lists, rc, stats, d);
	/* The list of articles shows their claim counts, known by now. */
	plan_pager(&r, &r.apages, dg_article_item, dir);
	if (rc == CC_OK && lists == NULL)
		rc = write_chunks(&r, &r.fpages, findings_page, dir, stats, d);
	if (rc == CC_OK && lists == NULL)
		rc = write_chunks(&r, &r.xpages, facts_page, dir, stats, d);
	if (rc == CC_OK && lists == NULL)
		rc = write_chunks(&r, &r.tpages, timeline_page, dir, stats, d);
	if (rc == CC_OK)
		rc = write_chunks(&r, &r.apages, articles_page, dir, stats, d);
	if (rc == CC_OK && r.fpages.n > 0)
		rc = write_contents(&r, &r.fpages, "findings.html",
		    "All findings", "Findings", findings_ends, dir, stats, d);
	if (rc == CC_OK && r.xpages.n > 0)
		rc = write_contents(&r, &r.xpages, "facts.html", "All facts",
		    "Facts", facts_ends, dir, stats, d);
	if (rc == CC_OK && r.tpages.n > 0)
		rc = write_contents(&r, &r.tpages, "timeline.html",
		    "Whole timeline", "Claims", timeline_ends, dir, stats, d);
	if (rc == CC_OK && r.apages.n > 0)
		rc = write_contents(&r, &r.apages, "articles.html",
		    "All articles", "Articles", articles_ends, dir, stats, d);
	if (rc == CC_OK)
		rc = write_outlets(&r, dir, stats, d);
	if (rc == CC_OK)
		rc = write_index(&r, dir, stats, d);
	if (r.pw != NULL) {
		/* every page in place before stale ones go */
		prc = pw_finish(r.pw, stats, rc == CC_OK ? d : &pwd);
		r.pw = NULL;
		if (rc == CC_OK)
			rc = prc;
	}
	if (rc == CC_OK)
		prune(&r, dir);
	rep_release(&r);
	while (pool.n > 0)
		cc_buf_release(&pool.v[--pool.n]);
	pthread_mutex_destroy(&pool.lock);
	free(dir);
	return rc;
}
