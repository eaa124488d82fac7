/*
 * compare.h - the Compare stage: claims -> findings.
 *
 * Claims are grouped by key (type/subject/measure/period); within a key,
 * numeric claims from different outlets agree when their intervals
 * overlap and contradict otherwise, and statements of one proposition
 * contradict when one is affirmed and another negated.  Finding ids are derived from the key
 * and the claims' identities, so a finding keeps its id across runs.
 */
#ifndef CC_COMPARE_H
#define CC_COMPARE_H

#include "claim.h"
#include "pack.h"

/* Compare claims (any order) and append findings to out, sorted by
 * severity then key.  Status is set to "new". */
int	cc_compare(const struct cc_pack *, const struct cc_claims *claims,
	    struct cc_findings *out);

#endif
