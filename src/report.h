/*
 * report.h - the Render stage: HTML report pages and HTML escaping.
 *
 * Render reads only what it is handed (loaded from Store by the command);
 * it never re-extracts.  Output is deterministic: the same input gives
 * byte-identical files (no timestamps, stable order).  Every byte of
 * article text and metadata is escaped for its context; links are only
 * emitted for http and https URLs; each page carries a strict
 * Content-Security-Policy and needs no external resource.
 */
#ifndef CC_REPORT_H
#define CC_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "buf.h"
#include "claim.h"
#include "diag.h"
#include "text.h"

struct cc_report_article {
	struct cc_article	art;	/* text, metadata, document date */
	struct cc_sentences	sents;	/* with boilerplate flags */
	struct cc_claims	claims;	/* only from a source's claims() */
	/* Optional, with a source's claims(): a stamp that changes
	 * whenever the article's claims do, and their number, so that
	 * an up-to-date page is known without reading them (NULL: they
	 * are read to tell). */
	const char		*claims_stamp;
	size_t			 nclaims_stamped;
};

/* Past this many claims in all, the index lists only claims that
 * findings cite, and a source need only hand over those (below). */
#define CC_REPORT_CLAIMS_MAX	2000

struct cc_report_input {
	const struct cc_report_article	*articles;	/* sorted by name */
	size_t				 narticles;
	const struct cc_claims		*claims;	/* sorted by id */
	const struct cc_findings	*findings;
	/* What else decides the pages (the rule packs' hash: they decide
	 * sentences and dates); NULL for none.  Goes into each page's
	 * digest, so a change of rules renders every page again. */
	const char			*salt;
	/* Claims in the store, when claims holds only some (see
	 * cc_report_write_from()); 0: claims->n. */
	size_t				 nclaims_all;
	/* 2 or more: pages are put in place by a thread of their own
	 * while the next are rendered; 0 or 1: by the caller. */
	unsigned			 jobs;
};

/*
 * Write outdir/index.html and the pages it links (one per article, and
 * past the index's limits findings.html, facts.html, timeline.html and
 * articles.html with their pages findings-HASH.html, ...), creating
 * outdir (and its parents) if needed; list pages this report does not
 * have are removed.  An article's page is
 * outdir/article-NAME.html, NAME being the article name lower-cased and
 * reduced to [a-z0-9._-]; a name that had to change gets "~" and a hash
 * of the original, so page names are unique and stay put between runs.
 * Sentences are anchored as #sN (N: index in sents), claim labels as
 * #c<id>; evidence links to the label.  Files are written to a temporary name in outdir and renamed,
 * so a reader never sees half a page.  Nothing is borrowed past the call.
 * Returns CC_OK, or CC_EIO (CC_ETOOBIG for a page past the buffer cap)
 * with d naming the path.
 */
int	cc_report_write(const char *outdir, const struct cc_report_input *,
	    struct cc_diag *d);

/*
 * The same for a corpus too big to hold: the articles in the input carry
 * only their metadata (text NULL, no sentences), and src->load fills in
 * ra->art.text (malloc'd, ra->art.len bytes) and ra->sents for one
 * article at a time, in name order, only when a page to write needs
 * them; Render frees both after the article.  With src->claims, the
 * article's claims come from it too (into ra->claims, any order; Render
 * releases them with cc_claims_release()), one article at a time, and
 * the input's claims need only hold those that findings cite, when
 * nclaims_all is past CC_REPORT_CLAIMS_MAX (all of them otherwise).
 * The index and every other page are bounded in size.
 * A page whose inputs are those of its file (a digest in its head says)
 * is not rendered again; a page whose file holds the same bytes is not
 * written again.  stats counts the pages written (the index included)
 * and those left unchanged.
 */
struct cc_report_source {
	int	(*load)(void *arg, struct cc_report_article *ra,
		    struct cc_diag *d);
	int	(*claims)(void *arg, struct cc_report_article *ra,
		    struct cc_diag *d);
	/* The evidence sentence of claim id (malloc'd into *out, NULL if
	 * none), for claims of the input given without one: fetched when a
	 * page shows it, so millions of cited claims need not carry theirs.
	 * May be NULL. */
	int	(*sentence)(void *arg, int64_t id, char **out,
		    struct cc_diag *d);
	void	 *arg;
};

struct cc_report_stats {
	size_t	written;
	size_t	unchanged;
	size_t	skipped;	/* of the unchanged, those not even rendered */
};

int	cc_report_write_from(const char *outdir,
	    const struct cc_report_input *, const struct cc_report_source *src,
	    struct cc_report_stats *stats, struct cc_diag *d);

/* Append s[0..n) escaped for HTML element text and quoted attribute
 * values (& < > " ' escaped; invalid UTF-8, C0 controls other than tab
 * and newline, DEL and C1 controls become U+FFFD; the bidi controls
 * U+202A-U+202E and U+2066-U+2069 are written as the visible text
 * "[U+202E]" so they cannot reorder the page).  NULL s appends nothing.
 * Returns CC_OK or CC_ETOOBIG (b's cap). */
int	cc_html_escape(struct cc_buf *, const char *s, size_t n);
/* 1 if url is an absolute http:// or https:// URL with a host and no
 * spaces, controls, quotes, angle brackets or invisible characters, so
 * it is safe to put in href; 0 for everything else (javascript:, data:,
 * relative URLs), which is then shown as text, never linked. */
int	cc_html_url_ok(const char *url);

/* SHA-256 of data[0..len) in base64 (44 characters plus NUL), the form a
 * CSP 'sha256-...' source takes. */
#define CC_SHA256_B64LEN	44
void	cc_html_sha256_b64(const void *data, size_t len,
	    char out[CC_SHA256_B64LEN + 1]);

#endif
