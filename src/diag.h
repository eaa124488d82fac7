/*
 * diag.h - status codes and diagnostics shared by every module.
 *
 * Functions return an int status: CC_OK (0) or a negative CC_E* code, with
 * cc_strerror() giving its text.  Details for people go into a caller-owned
 * struct cc_diag (file, line, column, message), the way libyaml fills
 * problem_mark; the caller decides whether and how to print it.
 */
#ifndef CC_DIAG_H
#define CC_DIAG_H

#include <stdarg.h>
#include <stddef.h>

enum cc_status {
	CC_OK = 0,
	CC_EINVAL = -1,		/* bad argument or usage */
	CC_EIO = -2,		/* cannot read or write a file */
	CC_EFORMAT = -3,	/* input is not in a usable format */
	CC_ERULE = -4,		/* a rule pack is invalid */
	CC_ESTORE = -5,		/* the claim store failed */
	CC_ETOOBIG = -6,	/* a size cap was reached */
	CC_ENOTFOUND = -7,	/* no such item */
	CC_EINTERNAL = -8	/* a bug or an unexpected library failure */
};

/* Static text for a status code; never NULL. */
const char	*cc_strerror(int status);

struct cc_diag {
	char		 file[512];	/* "" when not about a file */
	unsigned	 line;		/* 1-based; 0 when unknown */
	unsigned	 col;		/* 1-based; 0 when unknown */
	char		 msg[1024];
};

/* Clear a diagnostic. */
void	cc_diag_clear(struct cc_diag *);
/* Fill a diagnostic; file may be NULL, line/col 0 when unknown. */
void	cc_diag_set(struct cc_diag *, const char *file, unsigned line,
	    unsigned col, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));

/* A sink for many diagnostics (a loader keeps going after an error). */
typedef void (*cc_diag_fn)(const struct cc_diag *, void *arg);

/*
 * Printing.  Diagnostics go to stderr as "FILE:LINE:COL: error: MESSAGE"
 * (or "claimcheck: error: MESSAGE" when not about a file).  cc_verbosity is
 * 0 normally, <0 with -q (errors only), >0 with -v.
 */
extern int	cc_verbosity;

void	cc_diag_print(const struct cc_diag *, const char *level);
/* cc_diag_fn that prints as an error and counts into *(unsigned *)arg. */
void	cc_diag_print_error(const struct cc_diag *, void *count);
void	cc_error(const char *, ...) __attribute__((format(printf, 1, 2)));
void	cc_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	cc_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	cc_debug(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
