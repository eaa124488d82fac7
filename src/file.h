/*
 * file.h - whole-file input and output for every module that needs it.
 *
 * Reading has a size cap (input is untrusted); writing goes through a
 * temporary file in the same directory and rename(), so a reader never
 * sees half a file and a failed write leaves the old file in place.
 */
#ifndef CC_FILE_H
#define CC_FILE_H

#include <stddef.h>
#include <sys/types.h>

#include "diag.h"

/*
 * Read all of path ("-" is stdin) into *data (NUL-terminated, caller
 * frees) and *len.  CC_EIO if it cannot be read, CC_ETOOBIG past max
 * bytes; d names the file and the reason.
 */
int	cc_file_read(const char *path, size_t max, char **data, size_t *len,
	    struct cc_diag *d);

#define CC_FILE_SYNC	0x1	/* fsync before rename: not regenerated */

/* Write data to path atomically with the given mode (0644...). */
int	cc_file_write_atomic(const char *path, const void *data, size_t len,
	    mode_t mode, int flags, struct cc_diag *d);

#endif
