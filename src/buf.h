/*
 * buf.h - growable byte buffers with a size cap.
 *
 * Input is untrusted, so every buffer has a maximum size: appending past it
 * fails with CC_ETOOBIG and leaves the buffer as it was.  data is always
 * NUL-terminated when non-NULL.  Stack buffers: CC_BUF_INIT or cc_buf_init(),
 * then cc_buf_release(); cc_buf_detach() hands the bytes to the caller, who
 * frees them with free().
 */
#ifndef CC_BUF_H
#define CC_BUF_H

#include <stddef.h>
#include <stdint.h>

#define CC_BUF_DEFAULT_MAX	((size_t)1 << 31)	/* 2 GiB */

struct cc_buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	size_t	 max;	/* 0 means CC_BUF_DEFAULT_MAX */
};

#define CC_BUF_INIT	{ NULL, 0, 0, 0 }

void	 cc_buf_init(struct cc_buf *, size_t max);
void	 cc_buf_release(struct cc_buf *);
/* Empty the buffer but keep its memory. */
void	 cc_buf_reset(struct cc_buf *);
/* Return the bytes (never NULL) and leave the buffer empty. */
char	*cc_buf_detach(struct cc_buf *, size_t *lenp);

int	 cc_buf_add(struct cc_buf *, const void *, size_t);
int	 cc_buf_addc(struct cc_buf *, char);
int	 cc_buf_adds(struct cc_buf *, const char *);
int	 cc_buf_printf(struct cc_buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* The decimal digits of an integer, as printf's %llu and %lld would
 * write them, without printf's cost (a report writes a few a claim). */
int	 cc_buf_add_u64(struct cc_buf *, unsigned long long);
int	 cc_buf_add_i64(struct cc_buf *, long long);

/*
 * JSON output helpers.  cc_buf_add_json_str() appends a quoted JSON string
 * (NULL gives null); bytes that are not valid UTF-8 become U+FFFD.
 * cc_buf_add_json_num() prints an integral double without a fraction.
 */
int	 cc_buf_add_json_str(struct cc_buf *, const char *, size_t);
int	 cc_buf_add_json_cstr(struct cc_buf *, const char *);
int	 cc_buf_add_json_num(struct cc_buf *, double);

/* Decode the UTF-8 sequence at s (n bytes available): its length (1-4)
 * with the code point in *cp, or 0 if invalid (overlong forms, surrogates
 * and values past U+10FFFF included). */
size_t	 cc_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

#endif
