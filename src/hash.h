/*
 * hash.h - content hashing (xxHash XXH3, from Debian's libxxhash).
 *
 * Used for article identity (has the text changed?), rule-pack identity
 * (must extraction re-run?) and stable finding ids.  Not cryptographic:
 * nobody gains by forging a collision between two articles of one store.
 */
#ifndef CC_HASH_H
#define CC_HASH_H

#include <stddef.h>
#include <stdint.h>

#define CC_HASH_HEXLEN	32

/* 128-bit hash of data as 32 lowercase hex digits plus NUL into out. */
void		cc_hash_hex(const void *data, size_t len,
		    char out[CC_HASH_HEXLEN + 1]);
uint64_t	cc_hash64(const void *data, size_t len);

/* Incremental hashing over several pieces. */
struct cc_hasher;
struct cc_hasher	*cc_hasher_new(void);
void			 cc_hasher_add(struct cc_hasher *, const void *, size_t);
/* Finish into out and free the hasher. */
void			 cc_hasher_done(struct cc_hasher *,
			    char out[CC_HASH_HEXLEN + 1]);

#endif
