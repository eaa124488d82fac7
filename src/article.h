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
};

void	cc_article_init(struct cc_article *);
void	cc_article_release(struct cc_article *);

/*
 * Readers.
 *
 * cc_read_buffer() parses one plain-text article held in memory: optional
 * YAML front matter ("---" ... "---") with outlet, url, published, title,
 * author; the rest is the body.  path names the article (its base name
 * without extension becomes a->name).  The body must be valid UTF-8 text:
 * empty, binary (NUL bytes) or invalid input fails with CC_EFORMAT and d
 * says why (with line and column where they apply).  On success a is
 * filled and owned by the caller.
 */
/*
 * Front matter keys other than the five are ignored; `published` is
 * normalized to YYYY-MM-DD ("2022-10-30", "2022-10-30T08:00:00Z",
 * "October 30, 2022"; the date as written, not converted to UTC) and
 * anything else there is an error.  Front matter that is not valid YAML,
 * not a mapping or not closed by a "---" line fails with CC_EFORMAT, line
 * and column counted in the whole file.  The body is stored as it is
 * (only a leading UTF-8 BOM is dropped); a->hash covers the body and the
 * five metadata fields, so a metadata change counts as a change.  On
 * failure a is left empty (initialized).
 */
int	cc_read_buffer(const char *path, const char *data, size_t len,
	    struct cc_article *a, struct cc_diag *d);

/* Read one file (or "-" for stdin, named "stdin") with cc_read_buffer().
 * Files larger than CC_ARTICLE_MAX fail with CC_ETOOBIG; a file that
 * cannot be read fails with CC_EIO and the system's reason in d. */
#define CC_ARTICLE_MAX	((size_t)64 << 20)	/* 64 MiB */

int	cc_read_file(const char *path, struct cc_article *a,
	    struct cc_diag *d);

/*
 * Walk paths (files, directories recursively in sorted order, "-" for
 * stdin) and hand each article to fn, which borrows it (the walker
 * releases it after fn returns).  In directories only known article files
 * (*.txt) are read; hidden files are skipped.  A file that cannot be used
 * is reported through err and skipped; the walk goes on.  fn returning
 * non-zero stops the walk with that value.  Returns CC_OK or fn's value;
 * *nbad (may be NULL) counts the files reported through err.
 */
typedef int (*cc_article_fn)(struct cc_article *, void *arg);

int	cc_read_paths(char *const *paths, size_t npaths, cc_article_fn fn,
	    void *arg, cc_diag_fn err, void *errarg, unsigned *nbad);

#endif
