/*
 * diag.c - status texts and diagnostic printing (see diag.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "diag.h"

int	cc_verbosity;

const char *
cc_strerror(int status)
{
	switch (status) {
	case CC_OK:		return "success";
	case CC_EINVAL:		return "invalid argument";
	case CC_EIO:		return "input/output error";
	case CC_EFORMAT:	return "unusable input";
	case CC_ERULE:		return "invalid rule pack";
	case CC_ESTORE:		return "claim store error";
	case CC_ETOOBIG:	return "size limit exceeded";
	case CC_ENOTFOUND:	return "not found";
	case CC_EINTERNAL:	return "internal error";
	}
	return "unknown error";
}

void
cc_diag_clear(struct cc_diag *d)
{
	memset(d, 0, sizeof *d);
}

void
cc_diag_set(struct cc_diag *d, const char *file, unsigned line, unsigned col,
    const char *fmt, ...)
{
	va_list	ap;

	if (d == NULL)
		return;
	snprintf(d->file, sizeof d->file, "%s", file ? file : "");
	d->line = line;
	d->col = col;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
}

void
cc_diag_print(const struct cc_diag *d, const char *level)
{
	if (d->file[0] == '\0')
		fprintf(stderr, "claimcheck: %s: %s\n", level, d->msg);
	else if (d->line == 0)
		fprintf(stderr, "%s: %s: %s\n", d->file, level, d->msg);
	else
		fprintf(stderr, "%s:%u:%u: %s: %s\n", d->file, d->line,
		    d->col ? d->col : 1, level, d->msg);
}

void
cc_diag_print_error(const struct cc_diag *d, void *count)
{
	cc_diag_print(d, "error");
	if (count != NULL)
		(*(unsigned *)count)++;
}

static void
vsay(const char *level, const char *fmt, va_list ap)
{
	fprintf(stderr, "claimcheck: %s: ", level);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
cc_error(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsay("error", fmt, ap);
	va_end(ap);
}

void
cc_warn(const char *fmt, ...)
{
	va_list	ap;

	if (cc_verbosity < 0)
		return;
	va_start(ap, fmt);
	vsay("warning", fmt, ap);
	va_end(ap);
}

void
cc_info(const char *fmt, ...)
{
	va_list	ap;

	if (cc_verbosity < 0)
		return;
	va_start(ap, fmt);
	fputs("claimcheck: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void
cc_debug(const char *fmt, ...)
{
	va_list	ap;

	if (cc_verbosity <= 0)
		return;
	va_start(ap, fmt);
	fputs("claimcheck: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
