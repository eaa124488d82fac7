/*
 * bench/bench.h - what the benchmark programs share: medians and reading
 * the generated text (through Base's cc_file_read).  Each program keeps its
 * own clock: extract-bench counts CPU time, normalize-bench wall time.
 */
#ifndef CC_BENCH_H
#define CC_BENCH_H

#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "file.h"

static int
bench_dbl_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Median of v[0..n), n > 0; sorts v. */
static inline double
median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, bench_dbl_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* All of path, NUL-terminated (caller frees); exits on failure. */
static inline char *
slurp(const char *path, size_t *len)
{
	struct cc_diag	 d;
	char		*data;

	cc_diag_clear(&d);
	if (cc_file_read(path, (size_t)1 << 30, &data, len, &d) != CC_OK) {
		cc_diag_print(&d, "error");
		exit(2);
	}
	return data;
}

#endif
