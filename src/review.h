/* TEMPORARY NOTE FOR HELPERS (lead removes it): before building or editing, read /tmp/common.md — build out of tree in /tmp/build-NAME, never configure/bootstrap in /work/main, never git add/commit, edit only your own files. */
/*
 * review.h - the editorial review file (claims/review.yaml) and the gate.
 *
 * The file maps finding ids to decisions:
 *   f3a9c01d:
 *     status: accepted        # or dismissed
 *     reviewer: ...
 *     date: 2022-11-01
 *     note: "..."
 * A missing file is an empty review.
 */
#ifndef CC_REVIEW_H
#define CC_REVIEW_H

#include "claim.h"
#include "diag.h"

struct cc_review;

/* Load path; CC_OK (also when the file does not exist) or CC_EFORMAT
 * with d at the problem. */
int	cc_review_load(const char *path, struct cc_review **out,
	    struct cc_diag *d);
void	cc_review_free(struct cc_review *);
/* Set each finding's status from the review ("new" when absent). */
void	cc_review_apply(const struct cc_review *, struct cc_findings *);
/* Record a decision for id (status "accepted" or "dismissed") and write
 * the file back atomically, keeping its other entries and comments. */
int	cc_review_record(const char *path, const char *id, const char *status,
	    const char *reviewer, const char *date, const char *note,
	    struct cc_diag *d);

#endif
