/*
 * cmd.c - the table of subcommands, option parsing shared by them, and
 * the lazily opened state (store, rule pack) of a run.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"

#include "cmd.h"

/* Sorted by name; adding a command is one file and one line here. */
const struct cc_cmd_entry *const cc_cmd_table[] = {
	&cc_cmd_check_entry,
	&cc_cmd_claims_entry,
	&cc_cmd_compare_entry,
	&cc_cmd_extract_entry,
	&cc_cmd_findings_entry,
	&cc_cmd_ingest_entry,
	&cc_cmd_ingest_claims_entry,
	&cc_cmd_normalize_entry,
	&cc_cmd_report_entry,
	&cc_cmd_review_entry,
	&cc_cmd_rules_entry,
	NULL
};

const struct cc_cmd_entry *
cc_cmd_find(const char *name)
{
	size_t	i;

	for (i = 0; cc_cmd_table[i] != NULL; i++)
		if (strcmp(cc_cmd_table[i]->name, name) == 0)
			return cc_cmd_table[i];
	return NULL;
}

void
cc_cmd_usage(const struct cc_cmd_entry *e, int to_stderr)
{
	FILE	*f = to_stderr ? stderr : stdout;

	fprintf(f, "usage: claimcheck [GLOBAL OPTIONS] %s%s%s\n", e->name,
	    e->args[0] ? " " : "", e->args);
	fprintf(f, "%s\n", e->summary);
	if (e->help != NULL && e->help[0] != '\0')
		fprintf(f, "\n%s", e->help);
}

int
cc_cmd_parse(const struct cc_cmd_entry *e, int argc, char **argv,
    struct cc_opt *opts)
{
	struct cc_opt	*o;
	const char	*arg, *eq;
	size_t		 len;
	int		 i;

	for (i = 1; i < argc; i++) {
		arg = argv[i];
		if (strcmp(arg, "--") == 0)
			return i + 1;
		if (arg[0] != '-' || arg[1] == '\0')
			return i;	/* first operand ("-" is stdin) */
		if (arg[1] != '-') {
			fprintf(stderr, "claimcheck %s: unknown option '%s'\n",
			    e->name, arg);
			cc_cmd_usage(e, 1);
			return -1;
		}
		arg += 2;
		eq = strchr(arg, '=');
		len = eq ? (size_t)(eq - arg) : strlen(arg);
		for (o = opts; o != NULL && o->name != NULL; o++)
			if (strlen(o->name) == len &&
			    strncmp(o->name, arg, len) == 0)
				break;
		if (o == NULL || o->name == NULL) {
			fprintf(stderr, "claimcheck %s: unknown option '--%.*s'\n",
			    e->name, (int)len, arg);
			cc_cmd_usage(e, 1);
			return -1;
		}
		if (!o->has_arg) {
			if (eq != NULL) {
				fprintf(stderr, "claimcheck %s: option '--%s' "
				    "takes no argument\n", e->name, o->name);
				return -1;
			}
			*o->value = "1";
		} else if (eq != NULL)
			*o->value = eq + 1;
		else if (i + 1 < argc)
			*o->value = argv[++i];
		else {
			fprintf(stderr, "claimcheck %s: option '--%s' needs an "
			    "argument\n", e->name, o->name);
			cc_cmd_usage(e, 1);
			return -1;
		}
	}
	return i;
}

int
cc_ctx_store(struct cc_ctx *ctx)
{
	struct cc_diag	d;
	int		rc;

	if (ctx->store != NULL)
		return CC_EXIT_OK;
	cc_diag_clear(&d);
	if ((rc = cc_store_open(ctx->db_path, &ctx->store, &d)) != CC_OK) {
		cc_diag_print(&d, "error");
		return rc == CC_EFORMAT ? CC_EXIT_USAGE : CC_EXIT_INTERNAL;
	}
	return CC_EXIT_OK;
}

int
cc_ctx_pack(struct cc_ctx *ctx)
{
	unsigned	nerr = 0;
	int		rc;

	if (ctx->pack != NULL)
		return CC_EXIT_OK;
	rc = cc_pack_load(ctx->rules_dir, &ctx->pack, cc_diag_print_error,
	    &nerr);
	if (rc != CC_OK) {
		cc_error("%s: %u error%s in rule packs", ctx->rules_dir, nerr,
		    nerr == 1 ? "" : "s");
		return CC_EXIT_USAGE;
	}
	return CC_EXIT_OK;
}

int
cc_cmd_print_records(const char *what, const void *items, size_t n, int tsv,
    const char *tsv_header, cc_record_fn fn)
{
	struct cc_buf	b = CC_BUF_INIT;
	size_t		i;
	int		rc = CC_OK;

	if (tsv)
		rc = cc_buf_printf(&b, "%s\n", tsv_header);
	for (i = 0; i < n && rc == CC_OK; i++) {
		rc = fn(items, i, tsv, &b);
		if (rc == CC_OK)
			rc = cc_buf_addc(&b, '\n');
		/* Flush as we go: the output can be large. */
		if (rc == CC_OK && b.len >= 65536) {
			if (fwrite(b.data, 1, b.len, stdout) != b.len)
				rc = CC_EIO;
			cc_buf_reset(&b);
		}
	}
	if (rc == CC_OK && b.len > 0 &&
	    fwrite(b.data, 1, b.len, stdout) != b.len)
		rc = CC_EIO;
	if (fflush(stdout) != 0)
		rc = CC_EIO;
	if (rc == CC_EIO)
		cc_error("stdout: %s", strerror(errno));
	else if (rc != CC_OK)
		cc_error("%s: %s", what, cc_strerror(rc));
	cc_buf_release(&b);
	return rc == CC_OK ? CC_EXIT_OK : CC_EXIT_INTERNAL;
}

int
cc_cmd_format(const struct cc_cmd_entry *e, const char *format)
{
	if (format == NULL || strcmp(format, "jsonl") == 0)
		return 0;
	if (strcmp(format, "tsv") == 0)
		return 1;
	fprintf(stderr, "claimcheck %s: unknown format '%s' (jsonl or tsv)\n",
	    e->name, format);
	cc_cmd_usage(e, 1);
	return -1;
}

int
cc_ctx_existing_store(struct cc_ctx *ctx)
{
	if (ctx->store == NULL && access(ctx->db_path, F_OK) != 0) {
		cc_error("%s: no claim store here (run 'claimcheck report' "
		    "first, or give --db)", ctx->db_path);
		return CC_EXIT_USAGE;
	}
	return cc_ctx_store(ctx);
}
