/*
 * main.c - claimcheck's entry point: global options, then one subcommand
 * from the table in cmd.c.
 */
#include "config.h"

#include <stdio.h>
#ifdef __GLIBC__		/* (defined once a libc header is in) */
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cmd.h"

static void
usage(FILE *f)
{
	size_t	i;

	fprintf(f,
"usage: claimcheck [GLOBAL OPTIONS] COMMAND [ARGS]\n"
"\n"
"Turn news articles into dated, normalized claims and compare them across\n"
"outlets: agreements, contradictions, timeline inconsistencies.\n"
"\n"
"Global options:\n"
"  --db PATH      claim store (default: claimcheck.db)\n"
"  --rules DIR    rule packs (default: ./claims, else the installed pack)\n"
"  -q, -v         quieter / more verbose on stderr\n"
"  -j N           extract with N threads (default 1)\n"
"  --help         this help; 'claimcheck COMMAND --help' for a command\n"
"  --version      print the version\n"
"\n"
"Commands:\n");
	for (i = 0; cc_cmd_table[i] != NULL; i++)
		fprintf(f, "  %-10s %s\n", cc_cmd_table[i]->name,
		    cc_cmd_table[i]->summary);
	fprintf(f, "\nExit status: 0 success, 1 findings to review (check), "
	    "2 usage error or\nunusable input, 3 internal or storage error.\n");
}

/* -j N: 1 to 256 extraction threads. */
static int
parse_jobs(const char *s, unsigned *jobs)
{
	char	*end;
	long	 v;

	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 1 || v > 256) {
		fprintf(stderr, "claimcheck: -j '%s': expected a number of "
		    "jobs from 1 to 256\n", s);
		return -1;
	}
	*jobs = (unsigned)v;
	return 0;
}

static int
is_dir(const char *path)
{
	struct stat	st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
main(int argc, char **argv)
{
	const struct cc_cmd_entry	*e;
	struct cc_ctx			 ctx;
	const char			*rules = NULL;
	int				 i, rc, j;

#ifdef M_TRIM_THRESHOLD
	/* Compiling the packs frees many small JIT buffers; glibc giving
	 * each back to the kernel doubled start-up time (measured: 0.5-1.1 s
	 * against 0.2 s).  Keep up to 64 MiB for reuse instead. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
	/* SQLite counts every allocation under a global mutex unless told
	 * not to; nothing here reads those counts. */
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	memset(&ctx, 0, sizeof ctx);
	ctx.db_path = "claimcheck.db";
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return CC_EXIT_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("claimcheck %s\n", PACKAGE_VERSION);
			return CC_EXIT_OK;
		} else if (strcmp(argv[i], "-q") == 0)
			cc_verbosity = -1;
		else if (strcmp(argv[i], "-v") == 0)
			cc_verbosity++;
		else if ((strcmp(argv[i], "--db") == 0 ||
		    strcmp(argv[i], "--rules") == 0) && i + 1 < argc) {
			if (argv[i][2] == 'd')
				ctx.db_path = argv[++i];
			else
				rules = argv[++i];
		} else if (strcmp(argv[i], "-j") == 0 && i + 1 < argc) {
			if (parse_jobs(argv[++i], &ctx.jobs) != 0)
				return CC_EXIT_USAGE;
		} else if (strncmp(argv[i], "-j", 2) == 0 && argv[i][2] != '\0') {
			if (parse_jobs(argv[i] + 2, &ctx.jobs) != 0)
				return CC_EXIT_USAGE;
		} else if (strncmp(argv[i], "--db=", 5) == 0)
			ctx.db_path = argv[i] + 5;
		else if (strncmp(argv[i], "--rules=", 8) == 0)
			rules = argv[i] + 8;
		else {
			fprintf(stderr, "claimcheck: unknown or incomplete "
			    "option '%s'\n", argv[i]);
			usage(stderr);
			return CC_EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return CC_EXIT_USAGE;
	}
	if ((e = cc_cmd_find(argv[i])) == NULL) {
		fprintf(stderr, "claimcheck: unknown command '%s' "
		    "(see 'claimcheck --help')\n", argv[i]);
		return CC_EXIT_USAGE;
	}
	for (j = i + 1; j < argc && strcmp(argv[j], "--") != 0; j++)
		if (strcmp(argv[j], "--help") == 0) {
			cc_cmd_usage(e, 0);
			return CC_EXIT_OK;
		}
	/* ./claims when it exists, else the pack installed with us. */
	if (rules == NULL)
		rules = is_dir("claims") ? "claims" : CC_PKGDATADIR "/claims";
	ctx.rules_dir = rules;
	ctx.progress = isatty(STDERR_FILENO) && cc_verbosity >= 0;
	rc = CC_EXIT_OK;
	if ((e->flags & CC_CMD_NEEDS_PACK) != 0)
		rc = cc_ctx_pack(&ctx);
	if (rc == CC_EXIT_OK && (e->flags & CC_CMD_NEEDS_STORE) != 0)
		rc = cc_ctx_store(&ctx);
	if (rc == CC_EXIT_OK)
		rc = e->exec(&ctx, argc - i, argv + i);
	cc_store_close(ctx.store);
	cc_pack_free(ctx.pack);
	return rc;
}
