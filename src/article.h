/*
 * article.h - an article as read from a file: body text plus metadata.
 *
 * The Readers (read.c and friends) fill it; Store persists it; Extract adds
 * the document date.  All strings are heap-owned by the struct and released
 * by cc_article_release(); any may be NULL except name and text.
 */
#ifndef CC_ARTICLE_H
#define CC_ARTICLE_H

#include <stddef.h>

#include "diag.h"
#include "hash.h"

struct cc_article {
	char	*name;		/* file name without extension, or JSONL id */
	char	*path;		/* where it was read from ("-" for stdin) */
	char	*format;	/* "txt", "html", "jsonl" */
	char	*outlet;	/* canonical outlet id, or NULL */
	char	*outlet_basis;	/* how the outlet was found ("front matter") */
	char	*url;
	char	*published;	/* YYYY-MM-DD from metadata, or NULL */
	char	*title;
	char	*author;
	char	*text;		/* stored body, UTF-8, NUL-terminated */
	size_t	 len;		/* bytes in text */
	char	 hash[CC_HASH_HEXLEN + 1];	/* of text and metadata */

	/* Document date used to resolve relative dates (set by Extract). */
	char	*date;		/* YYYY-MM-DD or NULL when unknown */
	char	*date_min;	/* uncertainty interval, YYYY-MM-DD */
	char	*date_max;
	char	*date_basis;	/* "metadata", "dateline: ...", "inferred: ..." */

	/* What reading had to repair (not stored): a converted encoding,
	 * replaced bytes; NULL when nothing was.  (A pointer: a struct
	 * cc_diag is 1.5 KB, and the report and the comparison hold an
	 * article for each of 100,000.) */
	struct cc_diag	*warn;
};

void	cc_article_init(struct cc_article *);
void	cc_article_release(struct cc_article *);

/*
 * Readers.
 *
 * Every reader imports the file's bytes with cc_utf8_import() (text.h):
 * a BOM is dropped, UTF-16 and Windows-1252 (Latin-1) are converted,
 * invalid sequences and stray NUL bytes become U+FFFD and CRLF becomes
 * LF.  What was repaired is described in a->warn (file, line and column
 * of the first repair) for the caller to print as a warning; the article
 * is still read.  Binary data fails with CC_EFORMAT.
 *
 * cc_read_buffer() parses one plain-text article held in memory: optional
 * YAML front matter ("---" ... "---") with outlet, url, published, title,
 * author; the rest is the body.  path names the article (its base name
 * without extension becomes a->name).  Empty, blank or binary input fails
 * with CC_EFORMAT and d says why (with line and column where they
 * apply).  On success a is filled and owned by the caller.
 */
/*
 * Front matter keys other than the five are ignored; `published` is
 * normalized to YYYY-MM-DD ("2022-10-30", "2022-10-30T08:00:00Z",
 * "October 30, 2022"; the date as written, not converted to UTC) and
 * anything else there is an error.  Front matter that is not valid YAML,
 * not a mapping or not closed by a "---" line fails with CC_EFORMAT, line
 * and column counted in the whole file.  The body is stored as imported
 * (see above); a->hash covers the body and the
 * five metadata fields, so a metadata change counts as a change.  On
 * failure a is left empty (initialized).
 */
int	cc_read_buffer(const char *path, const char *data, size_t len,
	    struct cc_article *a, struct cc_diag *d);

/*
 * cc_htmlread_buffer() (html-read.c) reads a saved web page: the article
 * body as text, paragraphs separated by blank lines, page furniture
 * (navigation, comments, share bars, ads, scripts) left out; metadata
 * from og:site_name (outlet, basis "metadata"), og:title,
 * article:published_time, JSON-LD (datePublished, headline, author,
 * publisher.name), <time datetime>, <link rel=canonical> and <title>.
 * Broken or truncated markup is repaired as browsers do; a page without
 * article text fails with CC_EFORMAT.  a->format is "html".
 */
int	cc_htmlread_buffer(const char *path, const char *data, size_t len,
	    struct cc_article *a, struct cc_diag *d);

/*
 * cc_jsonl_read() (jsonl.c) streams a JSON Lines feed from fd, one
 * article per line: {"id", "text"} required, "outlet", "url",
 * "published", "title", "author" optional (outlet basis "metadata").
 * Each article is handed to fn as by cc_read_paths(); a malformed line is
 * reported through err as FILE:LINE:COL and skipped (counted in *nbad).
 * Memory stays bounded by the longest line, itself capped at
 * CC_ARTICLE_MAX.  Returns CC_OK, CC_EIO on a read error, or fn's
 * non-zero value.
 */
int	cc_jsonl_read(const char *path, int fd,
	    int (*fn)(struct cc_article *, void *), void *arg,
	    cc_diag_fn err, void *errarg, unsigned *nbad);

/* Helpers the readers share (read.c). */
/* Normalize a publication date to YYYY-MM-DD (see the front matter);
 * 0, or -1 if s is not a date. */
int	cc_read_date(const char *s, char out[32]);
/* The base name of path without its last extension; caller frees. */
char	*cc_read_name(const char *path);
/* Set a->hash from the body and the metadata. */
void	cc_article_hash(struct cc_article *a);
/* Describe a failed import (binary data, bad UTF-16) of data in d, or
 * what a successful one repaired in a new *w (left NULL if nothing). */
struct cc_import;
void	cc_read_import_error(const char *file, const char *data,
	    const struct cc_import *im, struct cc_diag *d);
void	cc_read_import_warning(const char *file, const char *data,
	    const struct cc_import *im, struct cc_diag **w);

/* Read one file (or "-" for stdin, named "stdin") with cc_read_buffer(),
 * or cc_htmlread_buffer() for *.html and *.htm (and stdin that starts
 * like an HTML page).
 * Files larger than CC_ARTICLE_MAX fail with CC_ETOOBIG; a file that
 * cannot be read fails with CC_EIO and the system's reason in d. */
#define CC_ARTICLE_MAX	((size_t)64 << 20)	/* 64 MiB */

int	cc_read_file(const char *path, struct cc_article *a,
	    struct cc_diag *d);

/*
 * Walk paths (files, directories recursively in sorted order, "-" for
 * stdin) and hand each article to fn, which borrows it (the walker
 * releases it after fn returns).  In directories only known article files
 * (*.txt, *.html, *.htm, *.jsonl) are read; hidden files are skipped.
 * A directory's sidecar "sources.yaml" maps file names to metadata
 * (outlet, url, published, title, author): it fills what a text file's
 * front matter or a feed record leaves out, and overrides what an HTML
 * page says about itself (outlet basis "sidecar").  A repaired file is
 * reported with cc_diag_print(..., "warning") and read.  A file that cannot be used
 * is reported through err and skipped; the walk goes on.  fn returning
 * non-zero stops the walk with that value.  Returns CC_OK or fn's value;
 * *nbad (may be NULL) counts the files reported through err.
 */
typedef int (*cc_article_fn)(struct cc_article *, void *arg);

int	cc_read_paths(char *const *paths, size_t npaths, cc_article_fn fn,
	    void *arg, cc_diag_fn err, void *errarg, unsigned *nbad);

#endif
