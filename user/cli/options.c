// SPDX-License-Identifier: GPL-2.0
/*
 * Command-line options. Each option is one row of opt_table[]: its names,
 * argument kind, help group and text, and the handler that stores it in
 * struct sr_opts. getopt_long's short string and long table and the --help
 * text are generated from the table, so adding an option is adding a row
 * (plus a handler when the generic ones -- set a flag, store a string,
 * count -- do not fit). The groups are strace's --help groups.
 * The --help text is printed from the same table by cli/help.c.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/filter.h"
#include "cli/help.h"
#include "cli/optdef.h"
#include "cli/options.h"
#include "cli/opts.h"

#ifndef SYSRAY_VERSION
#define SYSRAY_VERSION "0.0.0"
#endif

#define DEFAULT_BACKLOG (128ULL << 20)

#define FIELD(name) offsetof(struct sr_opts, name)

int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "sysray: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (see sysray --help)\n");
	return 2;
}

/* Generic handlers: the row's param is the offset of the field. */

static int opt_true(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	*(bool *)((char *)c->o + d->param) = true;
	return 0;
}

static int opt_string(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	*(const char **)((char *)c->o + d->param) = arg;
	return 0;
}

static int opt_count(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	(*(int *)((char *)c->o + d->param))++;
	return 0;
}

static int opt_help(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	cli__help(stdout);
	return SR_CLI_DONE;
}

static int opt_version(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	printf("sysray %s\n", SYSRAY_VERSION);
	return SR_CLI_DONE;
}

/* A size with K/M/G suffix, rounded up to a power of two of at least a page. */
static int parse_size(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;
	uint64_t p = 4096;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || s[0] == '-')
		return -EINVAL;
	switch (*end) {
	case 'k':
	case 'K':
		v <<= 10;
		end++;
		break;
	case 'm':
	case 'M':
		v <<= 20;
		end++;
		break;
	case 'g':
	case 'G':
		v <<= 30;
		end++;
		break;
	}
	if (*end || v == 0 || v > (1ULL << 32))
		return -EINVAL;
	while (p < v)
		p <<= 1;
	*out = p;
	return 0;
}

/* -b SIZE, or strace's -b execve (--detach-on=execve, param 1) */
static int opt_buffer_size(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	if (!strcmp(arg, "execve")) {
		c->o->detach_execve = true;
		return 0;
	}
	if (d->param == 1)
		return usage_error("invalid --detach-on value '%s': execve (as strace)", arg);
	if (parse_size(arg, &c->o->ringbuf_size))
		return usage_error("invalid buffer size '%s': e.g. 64M, or execve (strace's "
				   "--detach-on)",
				   arg);
	return 0;
}

static int opt_backlog(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	if (!strcmp(arg, "0")) {
		c->o->backlog = 0;
		return 0;
	}
	if (parse_size(arg, &c->o->backlog))
		return usage_error("invalid backlog size '%s': e.g. 256M, or 0", arg);
	return 0;
}

static int opt_pids(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	struct sr_opts *o = c->o;
	const char *p = arg;

	while (*p) {
		char *end;
		long v;

		errno = 0;
		v = strtol(p, &end, 10);
		if (errno || end == p || v <= 0 || v > 0x7fffffff || (*end && *end != ','))
			return usage_error("invalid process id '%s'", arg);
		if (o->npids >= SR_MAX_PIDS)
			return usage_error("too many -p processes at '%s' (at most 64)", p);
		o->pids[o->npids++] = (pid_t)v;
		p = *end ? end + 1 : end;
	}
	return 0;
}

/* -E VAR=VAL or -E VAR, in the order given. */
static int opt_env(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	struct sr_opts *o = c->o;

	if (!*arg || *arg == '=')
		return usage_error("-E takes VAR=VAL or VAR, not '%s'", arg);
	if (o->nenv >= SR_MAX_ENV)
		return usage_error("too many -E at '%s' (at most 256)", arg);
	o->env_ops[o->nenv++] = arg;
	return 0;
}

/* A whole decimal number in [min, max] into *v; false if @arg is not one. */
static bool parse_num(const char *arg, long min, long max, long *v)
{
	char *end;

	errno = 0;
	*v = strtol(arg, &end, 10);
	return !errno && !*end && end != arg && *v >= min && *v <= max;
}

static int opt_strsize(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	long v;

	/* strace's bound: a quarter of UINT_MAX */
	if (!parse_num(arg, 0, SR_STRSIZE_MAX, &v))
		return usage_error("invalid -s value '%s': expected 0 to 1073741823", arg);
	c->o->strsize = v;
	return 0;
}

static int opt_decode_fds(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	struct sr_opts *o = c->o;

	if (!arg) {
		o->decode_fds = o->decode_fds ? 2 : 1;
		return 0;
	}
	return filter__decode_fds(o, arg) ? 2 : 0;
}

/* -Y (param 1): comm; --pidns-translation (param 2): pidns; --decode-pids=SET. */
static int opt_decode_pids(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	if (arg)
		return filter__decode_pids(c->o, arg) ? 2 : 0;
	if (d->param == 2)
		c->o->pidns = true;
	else
		c->o->decode_pids = true;
	return 0;
}

/* -q: attach messages; -qq: exits too; -qqq: superseded lines too. --quiet=SET is -e quiet=SET. */
static int opt_quiet(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	char expr[256];

	if (arg) {
		if ((size_t)snprintf(expr, sizeof(expr), "quiet=%s", arg) >= sizeof(expr))
			return usage_error("invalid --quiet value '%.64s...': too long", arg);
		return filter__qualify(c->o, expr) ? 2 : 0;
	}
	c->o->quiet = true;
	c->o->quiet_personality = true;
	if (++c->quiet >= 2)
		c->o->quiet_exit = true;
	if (c->quiet >= 3)
		c->o->quiet_superseded = true;
	return 0;
}

/* --history: a size, like -b's, at least 64K. */
static int opt_history(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	if (parse_size(arg, &c->o->history) || c->o->history < (64 << 10))
		return usage_error("invalid history size '%s': e.g. 16M (at least 64K)", arg);
	return 0;
}

static int opt_why(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	if (!arg[0] || strlen(arg) > 512)
		return usage_error("invalid --why text '%s': 1 to 512 bytes of the message", arg);
	c->o->why = arg;
	return 0;
}

static int opt_expr(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	return filter__qualify(c->o, arg) ? 2 : 0;
}

/* --trace=SET, --raw=SET...: strace 6.1's long forms of -e NAME=SET (the row's name). */
static int opt_qual_long(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	char expr[4096];

	if ((size_t)snprintf(expr, sizeof(expr), "%s=%s", d->lng, arg) >= sizeof(expr))
		return usage_error("invalid --%s value: too long", d->lng);
	return filter__qualify(c->o, expr) ? 2 : 0;
}

/* -z, -Z: param is the SR_ST_* set. */
static int opt_status(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	c->o->status = d->param;
	return 0;
}

static int opt_comm(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	return filter__add_comm(c->o, arg) ? 2 : 0;
}

static int opt_uid(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	return filter__add_uid(c->o, arg) ? 2 : 0;
}

/* --cgroup, --container, --unit: param is the sr_cg_kind; resolved later. */
static int opt_cgroup(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	struct sr_opts *o = c->o;

	if (o->ncgroup >= SR_MAX_CGROUP)
		return usage_error("too many cgroup filters at '%s' (at most 8)", arg);
	o->cgroup[o->ncgroup].kind = d->param;
	o->cgroup[o->ncgroup++].arg = arg;
	return 0;
}

/* --stack-trace-frame-limit: strace's limit on the frames printed per call. */
static int opt_frame_limit(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	long v;

	if (!parse_num(arg, 1, 65536, &v))
		return usage_error("invalid --stack-trace-frame-limit '%s': expected 1 to 65536",
				   arg);
	c->o->stack_frames = v;
	return 0;
}

/* --stack-trace-size: bytes, K suffix allowed, 512 to SR_STACK_BYTES_MAX. */
static int opt_stack_size(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (!errno && end != arg && (*end == 'k' || *end == 'K') && !end[1]) {
		v *= 1024;
		end++;
	}
	if (errno || *end || end == arg || v < 512 || v > SR_STACK_BYTES_MAX)
		return usage_error("invalid --stack-trace-size '%s': expected 512 to 15K bytes",
				   arg);
	c->o->stack_bytes = v & ~7L;
	return 0;
}

/* -c (param 1), -C (param 2) */
static int opt_summary(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	c->o->summary.mode = (int)d->param;
	return 0;
}

static int opt_summary_arg(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	static const char *const what[] = {
		"invalid sortby: '%s'", "unknown column name: '%s'",
		"--summary-by takes process, container or unit, not '%s'"
	};
	int (*const parse[])(struct sr_summary_opts *, const char *) = { summary__parse_sort,
									 summary__parse_columns,
									 summary__parse_by };

	if (parse[d->param](&c->o->summary, arg))
		return usage_error(what[d->param], arg);
	return 0;
}

/*
 * Adding an option: a row below (names, argument kind, the argument's name
 * in the help, group, help text, handler, and the handler's param: for
 * opt_true/opt_string/opt_count the FIELD() it sets), and its field in
 * struct sr_opts (cli/opts.h). getopt's tables and --help follow; a row
 * without names and with a spec is a line of the help only; a row without
 * help is another spelling of an option (--follow-forks for -f).
 */
static const struct sr_optdef opt_table[] = {
	/* General */
	{ NULL, 'e', ARG_REQ, "EXPR", G_GENERAL,
	  "a qualifying expression: QUALIFIER=[!]VAL1[,VAL2]...\n"
	  "qualifiers: trace, status, signal, trace-fds, raw, abbrev,\n"
	  "verbose, read, write, quiet (below)",
	  opt_expr },
	/* Startup */
	{ "attach", 'p', ARG_REQ, "PID[,PID...]", G_STARTUP,
	  "trace these processes, all their threads and their future\n"
	  "children (repeatable)",
	  opt_pids },
	{ "env", 'E', ARG_REQ, "VAR=VAL", G_STARTUP,
	  "put VAR=VAL in the command's environment; -E VAR removes\n"
	  "VAR from it (repeatable)",
	  opt_env },
	{ "user", 'u', ARG_REQ, "USERNAME", G_STARTUP,
	  "run the command with the user and group IDs and the\n"
	  "supplementary groups of USERNAME",
	  opt_string, FIELD(user) },
	{ "replay", 0, ARG_REQ, "FILE", G_STARTUP,
	  "print a recording made with --record (no tracing, no\n"
	  "privileges needed)",
	  opt_string, FIELD(replay) },
	/* Tracing */
	{ NULL, 'f', ARG_NONE, NULL, G_TRACING,
	  "accepted for strace compatibility: following forks is\n"
	  "always on",
	  opt_follow, 0, "-f, --follow-forks" },
	{ "follow-forks", 0, ARG_NONE, NULL, G_TRACING, NULL, opt_follow, 1 },
	{ .group = G_TRACING,
	  .spec = "-ff, --output-separately",
	  .help = "with -o FILE: each thread's trace in FILE.TID, without\n"
		  "the pid column (strace -ff)" },
	{ "output-separately", 0, ARG_NONE, NULL, G_TRACING, NULL, opt_follow, 2 },
	{ "buffer-size", 'b', ARG_REQ, "SIZE", G_TRACING,
	  "ring buffer memory, with K/M/G suffix (16M, at least 512K\n"
	  "a CPU), split into one ring per CPU (each a power of two)",
	  opt_buffer_size },
	{ "detach-on", 0, ARG_REQ, "SYSCALL", G_TRACING,
	  "-b execve, --detach-on=execve: show nothing of a process\n"
	  "from its execve on (strace's \"<unfinished ...>\"), nor of\n"
	  "the ones it creates after; the command's first is shown",
	  opt_buffer_size, 1 },
	{ "backlog", 0, ARG_REQ, "SIZE", G_TRACING,
	  "memory a reader thread may fill with records the formatter\n"
	  "has not reached yet (128M); 0: no reader thread",
	  opt_backlog },
	/* Filtering */
	{ .group = G_FILTERING,
	  .spec = "-e trace=SET, --trace=SET",
	  .help = "trace only these syscalls: names, %class, /regex, all,\n"
		  "none; a leading ! negates the set" },
	{ "trace", 0, ARG_REQ, "SET", G_FILTERING, NULL, opt_qual_long },
	{ .group = G_FILTERING,
	  .spec = "-e status=SET, --status=SET",
	  .help = "print only syscalls with these outcomes: successful,\n"
		  "failed, unfinished, unavailable, detached" },
	{ "status", 0, ARG_REQ, "SET", G_FILTERING, NULL, opt_qual_long },
	{ .group = G_FILTERING,
	  .spec = "-e signal=SET, --signals=SET",
	  .help = "print only the delivery of these signals" },
	{ "inject", 0, ARG_REQ, "SET", G_FILTERING, NULL, opt_qual_long },
	{ "fault", 0, ARG_REQ, "SET", G_FILTERING, NULL, opt_qual_long },
	{ "signals", 0, ARG_REQ, "SET", G_FILTERING, NULL, opt_qual_long },
	{ "trace-path", 'P', ARG_REQ, "PATH", G_FILTERING,
	  "only syscalls touching PATH: as an argument, or through\n"
	  "an fd open on it (repeatable)",
	  opt_trace_path },
	{ "trace-fds", 0, ARG_REQ, "SET", G_FILTERING,
	  "only syscalls touching these fds (-e trace-fds=SET)", opt_trace_fds, 0,
	  "-e trace-fds=SET, --trace-fds=SET" },
	{ "successful-only", 'z', ARG_NONE, NULL, G_FILTERING,
	  "only syscalls that succeeded (status=successful)", opt_status, SR_ST_SUCCESSFUL },
	{ "failed-only", 'Z', ARG_NONE, NULL, G_FILTERING,
	  "only syscalls that failed (status=failed)", opt_status, SR_ST_FAILED },
	{ "comm", 0, ARG_REQ, "NAME", G_FILTERING, "tasks named NAME (exact, as in /proc/PID/comm)",
	  opt_comm },
	{ "uid", 0, ARG_REQ, "UID", G_FILTERING, "tasks of this user (number or name)", opt_uid },
	{ "cgroup", 0, ARG_REQ, "PATH", G_FILTERING,
	  "tasks in this cgroup v2 directory or below it", opt_cgroup, SR_CG_PATH },
	{ "container", 0, ARG_REQ, "ID", G_FILTERING,
	  "tasks of a Docker/containerd/CRI-O/podman container", opt_cgroup, SR_CG_CONTAINER },
	{ "unit", 0, ARG_REQ, "NAME", G_FILTERING,
	  "tasks of a systemd unit (NAME.service by default)", opt_cgroup, SR_CG_UNIT },
	/* Output format */
	{ .group = G_OUTPUT,
	  .spec = "-e raw=SET, --raw=SET",
	  .help = "print these syscalls' arguments undecoded, in hex" },
	{ "raw", 0, ARG_REQ, "SET", G_OUTPUT, NULL, opt_qual_long },
	{ .group = G_OUTPUT,
	  .spec = "-e quiet=SET",
	  .help = "suppress these messages: attach, exit, thread-execve,\n"
		  "personality, path-resolution" },
	{ .group = G_OUTPUT,
	  .spec = "-e abbrev=SET, --abbrev=SET",
	  .help = "abbreviate structures and environments of these\n"
		  "syscalls (all; -v is abbrev=none)" },
	{ "abbrev", 0, ARG_REQ, "SET", G_OUTPUT, NULL, opt_qual_long },
	{ .group = G_OUTPUT,
	  .spec = "-e verbose=SET, --verbose=SET",
	  .help = "dereference structures of these syscalls (all); the\n"
		  "others print their addresses" },
	{ "verbose", 0, ARG_REQ, "SET", G_OUTPUT, NULL, opt_qual_long },
	{ .group = G_OUTPUT,
	  .spec = "-e read=SET, --read=SET",
	  .help = "dump in hex and ASCII the data read from these fds" },
	{ "read", 0, ARG_REQ, "SET", G_OUTPUT, NULL, opt_qual_long },
	{ .group = G_OUTPUT,
	  .spec = "-e write=SET, --write=SET",
	  .help = "dump in hex and ASCII the data written to these fds" },
	{ "write", 0, ARG_REQ, "SET", G_OUTPUT, NULL, opt_qual_long },
	{ "columns", 'a', ARG_REQ, "COLUMN", G_OUTPUT, "align return values at COLUMN (40)",
	  opt_columns },
	{ "instruction-pointer", 'i', ARG_NONE, NULL, G_OUTPUT,
	  "print the instruction pointer at the syscall", opt_true, FIELD(print_ip) },
	{ "syscall-number", 'n', ARG_NONE, NULL, G_OUTPUT, "print the syscall number", opt_true,
	  FIELD(print_nr) },
	{ "arg-names", 'N', ARG_NONE, NULL, G_OUTPUT,
	  "print each argument's name before it, as strace\n"
	  "6.16 does: openat(dirfd=AT_FDCWD, pathname=...)",
	  opt_true, FIELD(arg_names) },
	{ "output", 'o', ARG_REQ, "FILE", G_OUTPUT,
	  "write the trace to FILE instead of stderr; \"|CMD\" or\n"
	  "\"!CMD\" pipes it to a shell command",
	  opt_string, FIELD(outfile) },
	{ "output-append-mode", 'A', ARG_NONE, NULL, G_OUTPUT,
	  "append to the -o file(s) instead of truncating", opt_true, FIELD(append) },
	{ "quiet", 'q', ARG_OPT, "SET", G_OUTPUT,
	  "no attach/detach messages; -qq: no \"+++ exited\" lines;\n"
	  "--quiet=SET (--silent=, --silence=) is -e quiet=SET",
	  opt_quiet },
	{ "silent", 0, ARG_OPT, "SET", G_OUTPUT, NULL, opt_quiet },
	{ "silence", 0, ARG_OPT, "SET", G_OUTPUT, NULL, opt_quiet },
	{ "relative-timestamps", 'r', ARG_OPT, "PRECISION", G_OUTPUT,
	  "print the time since the previous line; PRECISION: s,\n"
	  "ms, us (default) or ns",
	  opt_relative },
	{ "string-limit", 's', ARG_REQ, "N", G_OUTPUT,
	  "show at most N bytes of strings and buffers (32)", opt_strsize },
	{ "timestamps", 0, ARG_OPT, NULL, G_OUTPUT,
	  "print the wall-clock time (also --absolute-timestamps):\n"
	  "FORMAT none, time (default) or unix; PREC s (default),\n"
	  "ms, us or ns",
	  opt_timestamps, 0, "--timestamps[=[format:]FORMAT][,[precision:]PREC]" },
	{ "absolute-timestamps", 0, ARG_OPT, NULL, G_OUTPUT, NULL, opt_timestamps },
	{ NULL, 't', ARG_NONE, NULL, G_OUTPUT,
	  "print the time of day; -tt: with microseconds; -ttt: as\n"
	  "seconds since the epoch, with microseconds",
	  opt_tshort },
	{ "syscall-times", 'T', ARG_OPT, "PRECISION", G_OUTPUT,
	  "print the time spent in each syscall, from the kernel's\n"
	  "entry and exit times (s, ms, us or ns; default us)",
	  opt_syscall_times },
	{ "no-abbrev", 'v', ARG_NONE, NULL, G_OUTPUT,
	  "print environment strings and structures in full", opt_true, FIELD(verbose) },
	{ NULL, 'x', ARG_NONE, NULL, G_OUTPUT,
	  "print strings with a non-ASCII byte in hex; -xx: every\n"
	  "string in hex",
	  opt_xshort },
	{ "strings-in-hex", 0, ARG_OPT, "WHICH", G_OUTPUT,
	  "none, non-ascii-chars (hex escapes), non-ascii (-x) or\n"
	  "all (-xx, the default)",
	  opt_strings_in_hex },
	{ "const-print-style", 'X', ARG_REQ, "FORMAT", G_OUTPUT,
	  "named constants and flags: raw (numbers), abbrev (names,\n"
	  "the default) or verbose (numbers, names in a comment)",
	  opt_const_style },
	{ "decode-fds", 'y', ARG_OPT, "SET", G_OUTPUT,
	  "print paths of file descriptors; --decode-fds=SET: what\n"
	  "to print of them, of path, socket, dev, pidfd, all, none",
	  opt_decode_fds },
	{ .group = G_OUTPUT,
	  .spec = "-yy, --decode-fds=all",
	  .help = "print sockets, pipes and devices too" },
	{ "peer", 0, ARG_NONE, NULL, G_OUTPUT,
	  "with -yy: the process at the other end of a unix or\n"
	  "loopback TCP socket, \"peer=PID(comm)\"",
	  opt_true, FIELD(peer) },
	{ "absolute-paths", 0, ARG_NONE, NULL, G_OUTPUT,
	  "print relative path arguments resolved against the\n"
	  "process's cwd or dirfd",
	  opt_true, FIELD(absolute_paths) },
	{ "decode-pids", 'Y', ARG_LONG, "comm", G_OUTPUT, "print PID<comm> instead of PID",
	  opt_decode_pids, 1 },
	{ .group = G_OUTPUT,
	  .spec = "--decode-pids=pidns, --pidns-translation",
	  .help = "after a pid of a task in another PID namespace (a\n"
		  "container), the pid in sysray's: 5 /* 1234 in strace's\n"
		  "PID NS */; --decode-pids=comm,pidns: both" },
	{ "pidns-translation", 0, ARG_NONE, NULL, G_OUTPUT, NULL, opt_decode_pids, 2 },
	{ "show-cgroup", 0, ARG_NONE, NULL, G_OUTPUT,
	  "start each line with its cgroup (or container:ID)", opt_true, FIELD(show_cgroup) },
	{ "stack-traces", 'k', ARG_NONE, NULL, G_OUTPUT,
	  "print the user stack of each syscall, unwound through\n"
	  "DWARF CFI from a copy of its top (x86_64)",
	  opt_true, FIELD(stack_trace) },
	{ "stack-trace-frame-limit", 0, ARG_REQ, "LIMIT", G_OUTPUT,
	  "print at most LIMIT frames of each stack (256)", opt_frame_limit },
	{ "stack-trace-size", 0, ARG_REQ, "SIZE", G_OUTPUT,
	  "bytes of user stack copied per syscall for -k (8K, at\n"
	  "most 15K): deeper frames are not found",
	  opt_stack_size },
	{ "json", 0, ARG_NONE, NULL, G_OUTPUT,
	  "one JSON object per line for each syscall, signal,\n"
	  "exit and loss: arguments as text and as data",
	  opt_true, FIELD(json) },
	{ "timeline", 0, ARG_REQ, "FILE", G_OUTPUT,
	  "also write the events to FILE as a Chrome trace-event\n"
	  "file (Perfetto): a slice per syscall, a track per thread",
	  opt_string, FIELD(timeline) },
	{ "record", 0, ARG_REQ, "FILE", G_OUTPUT,
	  "save the raw records to FILE instead of printing", opt_string, FIELD(record) },
	{ "no-data", 0, ARG_NONE, NULL, G_OUTPUT,
	  "capture no buffer, string or structure contents,\n"
	  "only paths: the BPF side reads no other user memory",
	  opt_true, FIELD(no_data) },
	/* Diagnosis (user/explain/): one block */
	{ "explain", 0, ARG_NONE, NULL, G_DIAGNOSIS,
	  "after each failure (an error message on stderr, a tty or the\n"
	  "system log; a non-zero exit; a fatal signal) report the failed\n"
	  "syscalls that explain it, the likeliest cause first",
	  opt_true, FIELD(explain) },
	{ "why", 0, ARG_REQ, "TEXT", G_DIAGNOSIS,
	  "report what explains the message TEXT when a traced process\n"
	  "writes it (instead of --explain's triggers)",
	  opt_why },
	{ "quiet-until-failure", 0, ARG_NONE, NULL, G_DIAGNOSIS,
	  "with --explain or --why: print nothing but the reports (a\n"
	  "flight recorder)",
	  opt_true, FIELD(quiet_until_failure) },
	{ "history", 0, ARG_REQ, "SIZE", G_DIAGNOSIS,
	  "memory for what the reports remember (16M), K/M/G suffix; the\n"
	  "oldest calls are forgotten first, a process tree keeps at most\n"
	  "half",
	  opt_history },
	{ "follow-peer", 0, ARG_NONE, NULL, G_DIAGNOSIS,
	  "with a command or -p: trace the process that accepts each\n"
	  "connection the traced ones make (unix, TCP), from then on,\n"
	  "and the children it forks",
	  opt_true, FIELD(follow_peer) },
	/* Statistics */
	{ "summary-only", 'c', ARG_NONE, NULL, G_STATS,
	  "count calls, errors and time of each syscall in the kernel\n"
	  "(no record per call) and print strace's summary at the end;\n"
	  "io_uring requests on rows of their own ([io_uring] read),\n"
	  "their errors the failed requests",
	  opt_summary, 1 },
	{ "summary", 'C', ARG_NONE, NULL, G_STATS, "like -c, but also print the trace", opt_summary,
	  2 },
	{ "summary-sort-by", 'S', ARG_REQ, "SORTBY", G_STATS,
	  "sort by: time, min-time, max-time, avg-time, calls,\n"
	  "errors, name, nothing (default time)",
	  opt_summary_arg, 0 },
	{ "summary-columns", 'U', ARG_REQ, "COLUMNS", G_STATS,
	  "columns: time-percent, total-time, min-time, max-time,\n"
	  "avg-time, calls, errors, name (default time-percent,\n"
	  "total-time,avg-time,calls,errors,name)",
	  opt_summary_arg, 1 },
	{ "summary-wall-clock", 'w', ARG_NONE, NULL, G_STATS,
	  "time: the kernel time from sys_enter to sys_exit\n"
	  "(latency). Default, system time: the same for a call\n"
	  "that never left the CPU; for one that blocked or was\n"
	  "preempted, the task's CPU time over it as the scheduler\n"
	  "accounts it (sum_exec_runtime, to the last tick). An\n"
	  "io_uring request's time: from submission to completion with\n"
	  "-w, else 0 (its CPU time is io_uring_enter's or the kernel\n"
	  "workers')",
	  opt_true, FIELD(summary.wall) },
	{ "summary-by", 0, ARG_REQ, "WHAT", G_STATS, "a table per process, container or unit",
	  opt_summary_arg, 2 },
	/* Miscellaneous */
	{ "debug", 'd', ARG_NONE, NULL, G_MISC,
	  "capture statistics and libbpf warnings on stderr\n"
	  "(-dd: all of libbpf's messages)",
	  opt_count, FIELD(debug) },
	{ "check", 0, ARG_NONE, NULL, G_MISC,
	  "say what this host offers and lacks for tracing (BTF,\n"
	  "ring buffer, cgroup v2, privileges...), then exit",
	  opt_true, FIELD(check) },
	{ "help", 'h', ARG_NONE, NULL, G_MISC, "show this help", opt_help },
	{ "version", 'V', ARG_NONE, NULL, G_MISC, "show the version", opt_version },
};

#define NOPTS (sizeof(opt_table) / sizeof(opt_table[0]))

/* getopt_long's value for row @i: its short name, or 0x100 + @i. */
static int opt_val(size_t i)
{
	return opt_table[i].shrt ? opt_table[i].shrt : 0x100 + (int)i;
}

static const struct sr_optdef *opt_by_val(int val)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if (opt_table[i].fn && opt_val(i) == val)
			return &opt_table[i];
	return NULL;
}

/* getopt_long's tables from opt_table: "+:" stops at the command, ':' reports missing args. */
static void make_getopt(char *shorts, struct option *longs)
{
	static const int has_arg[] = { [ARG_NONE] = no_argument,
				       [ARG_REQ] = required_argument,
				       [ARG_OPT] = optional_argument,
				       [ARG_LONG] = required_argument };
	size_t i, n = 0;

	*shorts++ = '+';
	*shorts++ = ':';
	for (i = 0; i < NOPTS; i++) {
		const struct sr_optdef *d = &opt_table[i];

		if (!d->fn)
			continue;
		if (d->shrt) {
			*shorts++ = d->shrt;
			if (d->arg == ARG_REQ)
				*shorts++ = ':';
		}
		if (d->lng)
			longs[n++] = (struct option){ d->lng, has_arg[d->arg], NULL, opt_val(i) };
	}
	*shorts = '\0';
	longs[n] = (struct option){};
}

static int bad_option(char **argv, int c)
{
	const char *word = argv[optind - 1], *name, *why;

	if (c == ':')
		return usage_error("option '%s' needs an argument", word);
	/* "--peer=1": getopt names the option; say what is wrong with it */
	if (optopt && !strncmp(word, "--", 2)) {
		fprintf(stderr, "sysray: option '%.*s' takes no argument (see sysray --help)\n",
			(int)strcspn(word, "="), word);
		return 2;
	}
	why = rules__ptrace_only(word, optopt, &name);
	if (why) {
		fprintf(stderr, "sysray: strace's --%s: %s\n", name, why);
		return 2;
	}
	if (optopt)
		fprintf(stderr, "sysray: unknown option '-%c' (see sysray --help)\n", optopt);
	else
		fprintf(stderr, "sysray: unknown option '%s' (see sysray --help)\n", word);
	return 2;
}

static void set_defaults(struct sr_opts *o)
{
	o->strsize = 32;
	o->backlog = DEFAULT_BACKLOG;
	o->status = SR_ST_ALL;
	o->stack_frames = 256;
	o->stack_bytes = 8192;
	memset(o->sig_sel, 0xff, sizeof(o->sig_sel));
}

int cli__parse(struct sr_opts *o, int argc, char **argv)
{
	char shorts[2 + 2 * NOPTS + 1];
	struct option longs[NOPTS + 1];
	struct sr_cli cli = { .o = o };
	const struct sr_optdef *d;
	int c, err;

	set_defaults(o);
	make_getopt(shorts, longs);
	opterr = 0;
	optind = 0; /* glibc: start afresh (the unit tests parse many times) */
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		d = opt_by_val(c);
		if (!d)
			return bad_option(argv, c);
		err = d->fn(&cli, d, optarg);
		if (err)
			return err;
	}
	return rules__finish(&cli, argc, argv);
}

void cli__help(FILE *f)
{
	help__print(f, opt_table, NOPTS);
}
