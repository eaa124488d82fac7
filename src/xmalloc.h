/*
 * xmalloc.h - allocation that never returns NULL.
 *
 * Allocation failure is not a condition claimcheck can recover from, so it
 * aborts here, in one place, and callers carry no NULL checks for memory.
 * Everything returned is owned by the caller and released with free().
 */
#ifndef CC_XMALLOC_H
#define CC_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
/* Grow an array of nmemb elements of size bytes, checking for overflow. */
void	*xreallocarray(void *, size_t nmemb, size_t size);
char	*xstrdup(const char *);
/* Copy at most n bytes of s and NUL-terminate; NULL s gives NULL. */
char	*xstrndup(const char *, size_t n);
/* NULL-tolerant xstrdup. */
char	*xstrdup_or_null(const char *);
/* Formatted allocation; the result is always NUL-terminated. */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));
/* The n strings after n joined by sep, NULL written "(null)" as
 * printf's %s writes it: xasprintf("%s/%s", a, b) without printf. */
char	*xjoin(char sep, size_t n, ...);
/* Free the n strings of v, then v (NULL v is fine). */
void	 xfree_strv(char **v, size_t n);

#endif
