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

#include <stddef.h>

#include "claim.h"
#include "diag.h"

struct cc_review;

/* Load path into *out (caller frees with cc_review_free()); CC_OK (also
 * when the file does not exist: an empty review), CC_EIO when it cannot
 * be read, or CC_EFORMAT with d at FILE:LINE:COL of the problem: invalid
 * YAML, an entry that is not a mapping, an unknown field, a status other
 * than accepted/dismissed, an id reviewed twice. */
int	cc_review_load(const char *path, struct cc_review **out,
	    struct cc_diag *d);
void	cc_review_free(struct cc_review *);
/* The recorded status of id ("accepted" or "dismissed", owned by the
 * review), or NULL when it has not been reviewed. */
const char	*cc_review_status(const struct cc_review *, const char *id);
/* The whole decision for id: 1 and the fields (owned by the review, any
 * but status may be NULL) when id was reviewed, else 0.  Out pointers
 * may be NULL. */
int		 cc_review_get(const struct cc_review *, const char *id,
		    const char **status, const char **reviewer,
		    const char **date, const char **note);
/* Number of decisions in the review. */
size_t		 cc_review_count(const struct cc_review *);
/* Set each finding's status from the review ("new" when absent). */
void	cc_review_apply(const struct cc_review *, struct cc_findings *);
/* Record a decision for id (status "accepted" or "dismissed"; reviewer,
 * date and note may be NULL to leave them out) and write the file back
 * atomically (temporary file + rename), adding or replacing only that
 * id's entry and keeping every other line and comment as it was.  The
 * note is written as a YAML double-quoted string, so any text is safe.
 * Returns CC_OK, CC_EINVAL (bad id or status), CC_EFORMAT (the existing
 * file is invalid, or laid out so that a line edit cannot be done
 * safely: it is then left untouched) or CC_EIO, with d filled. */
int	cc_review_record(const char *path, const char *id, const char *status,
	    const char *reviewer, const char *date, const char *note,
	    struct cc_diag *d);

#endif
