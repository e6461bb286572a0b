/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The option table's types, shared by the files of user/cli/ that hold
 * option handlers (options.c, outfmt.c). Nothing outside user/cli/ uses it.
 */
#ifndef SYSRAY_CLI_OPTDEF_H
#define SYSRAY_CLI_OPTDEF_H

#include <stdbool.h>
#include <stddef.h>

struct sr_opts;

enum sr_arg {
	ARG_NONE, /* -f, --follow-forks */
	ARG_REQ, /* -o FILE, --output=FILE */
	ARG_OPT, /* -y, --decode-fds[=WHAT]: the short form takes none (-yy repeats it) */
	ARG_LONG, /* -Y, --decode-pids=comm: the long form requires it, the short takes none */
};

enum sr_group {
	G_GENERAL,
	G_STARTUP,
	G_TRACING,
	G_FILTERING,
	G_OUTPUT,
	G_DIAGNOSIS,
	G_STATS,
	G_MISC,
	G_COUNT,
};

/* The parser's state: the options being filled, and what needs counting. */
struct sr_cli {
	struct sr_opts *o;
	int quiet; /* how many -q */
	int follow; /* how many -f */
	bool follow_long; /* --follow-forks */
	bool separately; /* --output-separately */
	int tshort; /* how many -t */
	bool tlong; /* --absolute-timestamps, --timestamps */
	int xshort; /* how many -x */
	int xlong; /* --strings-in-hex: enum sr_hexstr + 1, or 0 */
};

struct sr_optdef;
/* Return 0, SR_CLI_DONE, or the exit status after printing the problem. */
typedef int (*sr_opt_fn)(struct sr_cli *c, const struct sr_optdef *d, const char *arg);

struct sr_optdef {
	const char *lng; /* --name, or NULL */
	int shrt; /* -c, or 0 */
	enum sr_arg arg;
	const char *meta; /* the argument in the help: FILE */
	enum sr_group group;
	const char *help; /* lines separated by '\n', each at most 62 columns */
	sr_opt_fn fn; /* NULL: a line of the help only (spec says what) */
	size_t param; /* for the handler: an offset in struct sr_opts, or a value */
	const char *spec; /* the help's left column, instead of the names */
};

/* Print "sysray: " @fmt (one %s: @arg) " (see sysray --help)"; return 2. */
int usage_error(const char *fmt, const char *arg);

/* Output-format handlers (outfmt.c): -t, -r, -T, -x, -X, -a, -f, -A, -P. */
int opt_tshort(struct sr_cli *c, const struct sr_optdef *d, const char *arg);
int opt_timestamps(struct sr_cli *c, const struct sr_optdef *d, const char *arg);
int opt_relative(struct sr_cli *c, const struct sr_optdef *d, const char *arg);
int opt_syscall_times(struct sr_cli *c, const struct sr_optdef *d, const char *arg);
int opt_xshort(struct sr_cli *c, const struct sr_optdef *d, const char *arg);
int opt_strings_in_hex(struct sr_cli *c, const struct sr_optdef *d, const char *arg);
int opt_const_style(struct sr_cli *c, const struct sr_optdef *d, const char *arg);
int opt_columns(struct sr_cli *c, const struct sr_optdef *d, const char *arg);
int opt_follow(struct sr_cli *c, const struct sr_optdef *d, const char *arg);
int opt_trace_path(struct sr_cli *c, const struct sr_optdef *d, const char *arg);
int opt_trace_fds(struct sr_cli *c, const struct sr_optdef *d, const char *arg);

/*
 * What only the whole command line can say about the output options:
 * -t/--timestamps, -x/--strings-in-hex, -f/-ff, -A, -P resolution, and the
 * options that conflict. 0 or the exit status after printing the problem.
 */
int outfmt__finish(struct sr_cli *c);

/*
 * rules__finish() - the checks across options once all are parsed (the
 * command is argv[optind...]). Returns 0 or the exit status (2) after one
 * line naming the problem.
 */
int rules__finish(struct sr_cli *c, int argc, char **argv);

/*
 * rules__ptrace_only() - why sysray has no such option, if @word (the
 * unknown option as given; @shortopt its letter, or 0) is one of strace's
 * that need ptrace; its long name in *@name. NULL for any other option.
 */
const char *rules__ptrace_only(const char *word, int shortopt, const char **name);

#endif /* SYSRAY_CLI_OPTDEF_H */
