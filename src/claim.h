/*
 * claim.h - claims and findings: the records that flow from Extract to
 * Store, Compare and Render, and their JSON/TSV shapes (SPEC.md).
 *
 * Every string in a struct cc_claim or cc_finding is heap-owned by it and
 * freed by its release function; any may be NULL unless noted.  A
 * claim's strings may share one allocation, its block (cc_claim_pack());
 * a string put in later in place of one of them is its own allocation
 * as before, and is freed on its own, but the block's first string (the
 * claim's article name) stays: the block is found through it.  A block
 * may be its array's instead (cc_claims_alloc()).
 */
#ifndef CC_CLAIM_H
#define CC_CLAIM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum cc_value_kind {
	CC_VALUE_NONE,
	CC_VALUE_NUMBER,	/* vmin/vmax/approx */
	CC_VALUE_TEXT		/* vtext */
};

struct cc_claim {
	int64_t			 id;		/* store id; "c<id>" in JSON */
	char			*article;	/* article name (not NULL) */
	char			*outlet;	/* canonical outlet id */
	char			*type;		/* casualty, force, duration... */
	char			*subject;
	char			*measure;
	double			 vmin;
	double			 vmax;
	enum cc_value_kind	 value_kind;	/* (beside the bits: no
						   padding) */
	unsigned		 has_min:1;
	unsigned		 has_max:1;
	unsigned		 approx:1;
	unsigned		 packed:5;	/* the strings' block (cc_claim_pack())
						   starts with string packed - 1 of
						   cc_claim_strings(); 0: none.  (A
						   pointer here would grow every claim
						   a compare holds, by a few percent
						   of its memory.) */
	unsigned		 held:1;	/* the block is its array's
						   (cc_claims_alloc()), freed with
						   the array, not with the claim */
	char			*vtext;
	char			*unit;
	char			*time_start;	/* YYYY-MM-DD */
	char			*time_end;
	char			*granularity;
	char			*basis;
	char			*speaker;
	char			*reported_by;
	char			*polarity;	/* "affirmed" or "negated" */
	char			*text;		/* the matched words */
	size_t			 ev_start;	/* evidence: byte offsets of */
	size_t			 ev_end;	/* the sentence in the text */
	char			*sentence;
	char			*rule;
};

/* The number of string members of a struct cc_claim. */
#define CC_CLAIM_NSTR	17

struct cc_claims_mem;

struct cc_claims {
	struct cc_claim		*v;
	size_t			 n;
	size_t			 cap;
	struct cc_claims_mem	*mem;	/* cc_claims_alloc()'s, or NULL */
};

/*
 * The claims a reader must not leave out when it reads part of a store
 * (an incremental comparison, compare.h): every claim of articles[],
 * every claim whose type and subject are types[i] and subjects[i], every
 * quote of speakers[], and every claim whose subject holds a '/' (a
 * scope's name cannot tell such a subject from what follows it).  A
 * reader may give more than these, never fewer.
 */
struct cc_claim_keep {
	char	**articles;
	size_t	  narticles;
	char	**types;
	char	**subjects;
	size_t	  nkeys;
	char	**speakers;
	size_t	  nspeakers;
};

void		 cc_claim_release(struct cc_claim *);
/* The addresses of the claim's CC_CLAIM_NSTR string members. */
void		 cc_claim_strings(struct cc_claim *, char **f[CC_CLAIM_NSTR]);
/*
 * Copy the claim's strings into one allocation of its own, its block,
 * and free each string it owned on its own, except those borrowed()
 * says are not its to free (a builder's scratch space; NULL: none).
 * One allocation for a claim's some twenty strings, and one free.
 */
void		 cc_claim_pack(struct cc_claim *,
		    int (*borrowed)(void *arg, const char *), void *arg);
/* Append a zeroed claim and return it. */
struct cc_claim	*cc_claims_push(struct cc_claims *);
/*
 * n bytes (aligned for a size_t) that live until cc_claims_release() of
 * the array: a block for one of its claims, which then says so (held).
 * The extractor makes tens of thousands of claims a second; a malloc()
 * and a free() each, of blocks that all go at once when the array does,
 * were a twentieth of its time.  A claim whose block is held must stay
 * in its array: copied out, it lives no longer than the array.
 */
void		*cc_claims_alloc(struct cc_claims *, size_t n);
void		 cc_claims_release(struct cc_claims *);

/* Append the claim as one SPEC.md JSON object (no newline) to b; the
 * _id variant writes id as the "id" (for claims not in a store). */
int	cc_claim_json(const struct cc_claim *, struct cc_buf *b);
int	cc_claim_json_id(const struct cc_claim *, const char *id,
	    struct cc_buf *b);
/*
 * Parse one line of s[0..len) in the shape cc_claim_json() writes into c
 * (zeroed first; the caller releases it on success).  "id" is ignored,
 * "article" and "type" are required, other fields may be null or absent.
 * A line that is not such an object fails with CC_EFORMAT and d says
 * where (file, line, column) and why; c is then left empty.
 */
struct cc_diag;
int	cc_claim_parse(const char *file, unsigned line, const char *s,
	    size_t len, struct cc_claim *c, struct cc_diag *d);
/* Append the claim as one TSV row (no newline); cc_claim_tsv_header()
 * gives the matching header line. */
int	cc_claim_tsv(const struct cc_claim *, struct cc_buf *b);
const char *cc_claim_tsv_header(void);
/* The value as people read it: "6,374", "about 130,000", "more than 100",
 * or the text value.  Appended to b. */
int	cc_claim_value_str(const struct cc_claim *, struct cc_buf *b);

struct cc_finding {
	char	 *id;		/* stable: "f" + hash of key and claims */
	char	 *kind;		/* agreement, contradiction, timeline... */
	char	 *severity;	/* high, medium, low, info */
	char	 *key;
	char	**claims;	/* claim ids ("c17"), nclaims of them */
	size_t	  nclaims;
	char	 *claims_mem;	/* NULL, or the one block every claims[i]
				   points into (as the store reads them:
				   a finding may cite 90,000 claims) */
	char	**outlets;	/* distinct outlet ids, noutlets of them */
	size_t	  noutlets;
	char	 *summary;
	char	 *status;	/* new, accepted, dismissed */
	char	 *scope;	/* what it was computed from (compare.h);
				   not part of its JSON or TSV shape */
};

struct cc_findings {
	struct cc_finding	*v;
	size_t			 n;
	size_t			 cap;
};

void			 cc_finding_release(struct cc_finding *);
struct cc_finding	*cc_findings_push(struct cc_findings *);
void			 cc_findings_release(struct cc_findings *);
/* Add a claim id / an outlet (outlets are kept distinct). */
void			 cc_finding_add_claim(struct cc_finding *,
			    const char *);
void			 cc_finding_add_outlet(struct cc_finding *,
			    const char *);

int	cc_finding_json(const struct cc_finding *, struct cc_buf *b);
int	cc_finding_tsv(const struct cc_finding *, struct cc_buf *b);
const char *cc_finding_tsv_header(void);

/* Severity rank for sorting: high 0, medium 1, low 2, other 3. */
int	cc_severity_rank(const char *);

#endif
