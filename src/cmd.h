/*
 * cmd.h - the Face: subcommands, their table and the shared pipeline.
 *
 * Each subcommand lives in its own cmd-NAME.c and declares one
 * struct cc_cmd_entry; cmd.c keeps the sorted table.  A command returns
 * the process exit status (SPEC.md): 0 success, 1 findings to review
 * (check), 2 usage error or unusable input, 3 internal or storage error.
 */
#ifndef CC_CMD_H
#define CC_CMD_H

#include <stddef.h>

#include "pack.h"
#include "store.h"

enum cc_exit {
	CC_EXIT_OK = 0,
	CC_EXIT_FINDINGS = 1,
	CC_EXIT_USAGE = 2,
	CC_EXIT_INTERNAL = 3
};

/* What every command shares: global options and lazily opened state. */
struct cc_ctx {
	const char		*db_path;	/* --db */
	const char		*rules_dir;	/* --rules (resolved) */
	struct cc_store		*store;		/* opened by cc_ctx_store() */
	struct cc_pack		*pack;		/* loaded by cc_ctx_pack() */
	unsigned		 nbad;		/* unusable inputs reported */
	int			 progress;	/* stderr is a terminal */
	unsigned		 jobs;		/* -j: extraction threads */
};

#define CC_CMD_NEEDS_STORE	0x1
#define CC_CMD_NEEDS_PACK	0x2

struct cc_cmd_entry {
	const char	*name;
	const char	*args;		/* usage after the name */
	const char	*summary;	/* one line for --help */
	const char	*help;		/* option lines for COMMAND --help */
	int		 flags;
	int		(*exec)(struct cc_ctx *, int argc, char **argv);
};

/* The table, sorted by name, NULL-terminated. */
extern const struct cc_cmd_entry *const cc_cmd_table[];
const struct cc_cmd_entry *cc_cmd_find(const char *name);
/* Print "usage: claimcheck NAME ARGS" and the help lines to f. */
void	cc_cmd_usage(const struct cc_cmd_entry *, int to_stderr);

/* Open the store / load the pack on first use; an exit status on error
 * (the message is printed), CC_EXIT_OK on success. */
int	cc_ctx_store(struct cc_ctx *);
int	cc_ctx_pack(struct cc_ctx *);

/*
 * The pipeline (pipeline.c).  Each returns an exit status.
 * ingest:  read paths into the store (nbad counts skipped files).
 * extract: (re)extract articles whose text or rules changed.
 * compare: (re)run the comparison if claims changed since last time
 *          (force: even if not; CC_COMPARE_FULL: and over every claim,
 *          not only the scopes of the articles that changed).
 * prepare: the three above, as report and check do.
 */
int	cc_pipeline_ingest(struct cc_ctx *, char *const *paths, size_t n);
int	cc_pipeline_extract(struct cc_ctx *);
#define CC_COMPARE_FULL	2
int	cc_pipeline_compare(struct cc_ctx *, int force);
int	cc_pipeline_prepare(struct cc_ctx *, char *const *paths, size_t n);
/*
 * The filter (extract --stdin): articles as JSON Lines read from fd
 * (named path in messages), their claims as JSON Lines on stdout in the
 * claim shape of SPEC.md with ids "ARTICLE#N" (N counts from 1 in text
 * order), on ctx->jobs threads, in input order; no store is touched.
 * A malformed line is reported and skipped.
 */
int	cc_pipeline_extract_stream(struct cc_ctx *, const char *path, int fd);

/*
 * Small option parser shared by the commands: long options only, with or
 * without an argument; "--" ends options.  Returns the index of the first
 * operand, or -1 after printing a usage error.
 */
struct cc_opt {
	const char	 *name;		/* without "--" */
	int		  has_arg;
	const char	**value;	/* set to the argument, or "1" */
};
int	cc_cmd_parse(const struct cc_cmd_entry *, int argc, char **argv,
	    struct cc_opt *opts);

extern const struct cc_cmd_entry cc_cmd_check_entry;
extern const struct cc_cmd_entry cc_cmd_claims_entry;
extern const struct cc_cmd_entry cc_cmd_compare_entry;
extern const struct cc_cmd_entry cc_cmd_extract_entry;
extern const struct cc_cmd_entry cc_cmd_findings_entry;
extern const struct cc_cmd_entry cc_cmd_ingest_entry;
extern const struct cc_cmd_entry cc_cmd_ingest_claims_entry;
extern const struct cc_cmd_entry cc_cmd_normalize_entry;
extern const struct cc_cmd_entry cc_cmd_report_entry;
extern const struct cc_cmd_entry cc_cmd_review_entry;
extern const struct cc_cmd_entry cc_cmd_rules_entry;



/*
 * Shared by report, check and findings (pipeline.c): load the findings
 * with their review status applied from review_path (NULL: the pack's
 * review.yaml), and write the HTML report from the store into outdir.
 */
int	cc_pipeline_findings(struct cc_ctx *, const char *review_path,
	    const char *kind, struct cc_findings *out);
int	cc_pipeline_report(struct cc_ctx *, const char *outdir,
	    const struct cc_findings *);
/*
 * Print n records to stdout, one per line (TSV with header, else JSON),
 * flushing as it goes; fn appends record i to the buffer.  Returns an
 * exit status; a write error is reported.
 */
typedef int (*cc_record_fn)(const void *items, size_t i, int tsv,
	    struct cc_buf *);
int	cc_cmd_print_records(const char *what, const void *items, size_t n,
	    int tsv, const char *tsv_header, cc_record_fn fn);

/* --format jsonl|tsv of the dump commands: 1 for TSV, 0 for JSON Lines
 * (also when NULL), -1 after printing a usage error. */
int	cc_cmd_format(const struct cc_cmd_entry *, const char *format);
/* Open the store for a dump command, which must not create an empty one
 * in the wrong directory and print nothing: an exit status. */
int	cc_ctx_existing_store(struct cc_ctx *);

/* Run one pipeline stage (extract, or compare when force is set) inside
 * its own transaction; an exit status. */
int	cc_pipeline_stage(struct cc_ctx *, int (*stage)(struct cc_ctx *));

/* The default review file: RULES_DIR/review.yaml (caller frees). */
char	*cc_review_default_path(const struct cc_ctx *);
#endif
