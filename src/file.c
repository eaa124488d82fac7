/*
 * file.c - whole-file reads with a cap and atomic writes (see file.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "file.h"
#include "xmalloc.h"

int
cc_file_read(const char *path, size_t max, char **data, size_t *len,
    struct cc_diag *d)
{
	FILE		*f;
	struct cc_buf	 b;
	char		 chunk[65536];
	size_t		 n;
	int		 rc = CC_OK, is_stdin = strcmp(path, "-") == 0;

	*data = NULL;
	*len = 0;
	if ((f = is_stdin ? stdin : fopen(path, "rb")) == NULL) {
		cc_diag_set(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return CC_EIO;
	}
	cc_buf_init(&b, max);
	while (rc == CC_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (cc_buf_add(&b, chunk, n) != CC_OK) {
			cc_diag_set(d, path, 0, 0, "larger than %zu bytes", max);
			rc = CC_ETOOBIG;
		}
	if (rc == CC_OK && ferror(f)) {
		cc_diag_set(d, path, 0, 0, "read error: %s", strerror(errno));
		rc = CC_EIO;
	}
	if (!is_stdin)
		fclose(f);
	if (rc != CC_OK) {
		cc_buf_release(&b);
		return rc;
	}
	*data = cc_buf_detach(&b, len);
	return CC_OK;
}

int
cc_file_write_atomic(const char *path, const void *data, size_t len,
    mode_t mode, int flags, struct cc_diag *d)
{
	char		*tmp = xasprintf("%s.XXXXXX", path);
	const char	*p = data;
	size_t		 left = len;
	ssize_t		 w;
	int		 fd, rc = CC_OK;

	if ((fd = mkstemp(tmp)) == -1) {
		cc_diag_set(d, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		free(tmp);
		return CC_EIO;
	}
	while (left > 0) {
		if ((w = write(fd, p, left)) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		p += w;
		left -= (size_t)w;
	}
	/* mkstemp() makes the file private; set the mode asked for. */
	if (left > 0 || fchmod(fd, mode) != 0 ||
	    ((flags & CC_FILE_SYNC) && fsync(fd) != 0)) {
		cc_diag_set(d, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		close(fd);
		rc = CC_EIO;
	} else if (close(fd) != 0 || rename(tmp, path) != 0) {
		cc_diag_set(d, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		rc = CC_EIO;
	}
	if (rc != CC_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}
