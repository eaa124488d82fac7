/*
 * hash.c - thin wrapper over XXH3-128 (see hash.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <xxhash.h>

#include "hash.h"
#include "xmalloc.h"

struct cc_hasher {
	XXH3_state_t	*state;
};

static void
hex128(XXH128_hash_t h, char out[CC_HASH_HEXLEN + 1])
{
	snprintf(out, CC_HASH_HEXLEN + 1, "%016llx%016llx",
	    (unsigned long long)h.high64, (unsigned long long)h.low64);
}

void
cc_hash_hex(const void *data, size_t len, char out[CC_HASH_HEXLEN + 1])
{
	hex128(XXH3_128bits(data, len), out);
}

uint64_t
cc_hash64(const void *data, size_t len)
{
	return XXH3_64bits(data, len);
}

struct cc_hasher *
cc_hasher_new(void)
{
	struct cc_hasher	*h = xmalloc(sizeof *h);

	h->state = XXH3_createState();
	if (h->state == NULL) {
		fputs("claimcheck: fatal: out of memory\n", stderr);
		abort();
	}
	XXH3_128bits_reset(h->state);
	return h;
}

void
cc_hasher_add(struct cc_hasher *h, const void *data, size_t len)
{
	XXH3_128bits_update(h->state, data, len);
}

void
cc_hasher_done(struct cc_hasher *h, char out[CC_HASH_HEXLEN + 1])
{
	hex128(XXH3_128bits_digest(h->state), out);
	XXH3_freeState(h->state);
	free(h);
}
