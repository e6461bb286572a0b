// SPDX-License-Identifier: GPL-2.0
/*
 * The command line (user/cli/options.c): what each option stores, the
 * exact one-line error and exit status for each kind of bad use, and the
 * --help text generated from the option table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "cli/filter.h"
#include "cli/options.h"
#include "cli/opts.h"
#include "explain/explain.h"
#include "table/syscalls.h"
#include "test.h"

static struct t_stderr err;
static struct sr_opts o;

/* Parse "sysray ARGS..." (NULL-terminated) into o; stderr in err.text. */
static int parse_v(char **args)
{
	static char *argv[64];
	int argc = 0, rc;

	argv[argc++] = "sysray";
	while (*args && argc < 63)
		argv[argc++] = *args++;
	argv[argc] = NULL;
	memset(&o, 0, sizeof(o));
	t_stderr_begin(&err);
	rc = cli__parse(&o, argc, argv);
	t_stderr_end(&err);
	return rc;
}

#define parse(...) parse_v((char *[]){ __VA_ARGS__, NULL })

static void defaults(struct t_state *st)
{
	int sig, all = 0;

	CHECK(st, parse("--", "true") == 0 && !err.text[0]);
	CHECK(st, o.strsize == 32 && o.ringbuf_size == 0 && o.backlog == 128 << 20);
	CHECK(st, o.status == SR_ST_ALL && !o.trace_set && !o.decode_fds && !o.verbose);
	CHECK(st, !o.quiet && !o.quiet_exit && !o.debug && !o.outfile && !o.record && !o.replay);
	for (sig = 1; sig <= 64; sig++)
		all += filter__signal_shown(&o, sig);
	CHECK(st, all == 64);
	CHECK(st, o.cmd && !strcmp(o.cmd[0], "true") && !o.cmd[1]);
	/* the whole host: no command */
	CHECK(st, parse("-s", "8") == 0 && !o.cmd && !o.npids);
}

static void output_options(struct t_state *st)
{
	CHECK(st, parse("-o", "t.txt", "-s", "100", "-v", "--", "ls", "-l") == 0);
	CHECK(st, !strcmp(o.outfile, "t.txt") && o.strsize == 100 && o.verbose);
	CHECK(st, o.cmd && !strcmp(o.cmd[0], "ls") && !strcmp(o.cmd[1], "-l") && !o.cmd[2]);
	CHECK(st, parse("--output=u.txt", "--string-limit=0", "--no-abbrev") == 0);
	CHECK(st, !strcmp(o.outfile, "u.txt") && o.strsize == 0 && o.verbose);
	CHECK(st, parse("-s65536") == 0 && o.strsize == 65536);
	/* strace takes up to a quarter of UINT_MAX (its umovestr2 test uses -s262144) */
	CHECK(st, parse("-s262144") == 0 && o.strsize == 262144);
	CHECK(st, parse("-s1073741823") == 0 && o.strsize == 1073741823);
	/* -y, -yy, --decode-fds[=SET] */
	CHECK(st, parse("-y") == 0 && o.decode_fds == 1);
	CHECK(st, parse("-yy") == 0 && o.decode_fds == 2);
	CHECK(st, parse("-y", "-y") == 0 && o.decode_fds == 2);
	CHECK(st, parse("--decode-fds") == 0 && o.decode_fds == 1);
	CHECK(st, parse("--decode-fds=path") == 0 && o.decode_fds == 1);
	CHECK(st, parse("--decode-fds=all") == 0 && o.decode_fds == 2);
	/* --peer belongs to the -yy description: it implies it */
	CHECK(st, parse("--peer") == 0 && o.peer && o.decode_fds == 2);
	CHECK(st, parse("-Y") == 0 && o.decode_pids);
	CHECK(st, parse("--decode-pids=comm") == 0 && o.decode_pids);
	CHECK(st, parse("-e", "decode-pid=comm") == 0 && o.decode_pids && !o.pidns);
	CHECK(st, parse("--decode-pids=pidns") == 0 && o.pidns && !o.decode_pids);
	CHECK(st, parse("--pidns-translation") == 0 && o.pidns && !o.decode_pids);
	CHECK(st, parse("--decode-pids=comm,pidns") == 0 && o.pidns && o.decode_pids);
	CHECK(st, parse("--decode-pids=all") == 0 && o.pidns && o.decode_pids);
	/* strace 6.1's long forms of the -e qualifiers */
	CHECK(st, parse("--trace=openat", "--status=failed") == 0 && o.trace_set &&
			  o.status == SR_ST_FAILED);
	CHECK(st, parse("--raw=all", "--abbrev=none", "--verbose=none") == 0);
	CHECK(st, parse("--signals=!SIGCHLD", "--read=3", "--write=4") == 0 && o.read_fds.used &&
			  o.write_fds.used);
	CHECK(st, parse("--signal=all") == 0); /* getopt: a prefix of --signals */
	CHECK(st, parse("--silent=exit") == 0 && o.quiet_exit && !o.quiet);
	CHECK(st, parse("--silence=attach") == 0 && o.quiet && !o.quiet_exit);
	CHECK(st,
	      parse("--absolute-paths", "--show-cgroup") == 0 && o.absolute_paths && o.show_cgroup);
	/* -q, -qq, -qqq as strace counts them */
	CHECK(st, parse("-q") == 0 && o.quiet && !o.quiet_exit && !o.quiet_superseded);
	CHECK(st, parse("-qq") == 0 && o.quiet && o.quiet_exit && !o.quiet_superseded);
	CHECK(st, parse("-q", "--quiet", "-q") == 0 && o.quiet_exit && o.quiet_superseded);
	CHECK(st, parse("--record=r.bin") == 0 && !strcmp(o.record, "r.bin"));
	CHECK(st, parse("--replay", "r.bin", "-o", "x") == 0 && !strcmp(o.replay, "r.bin"));
}

static void tracing_options(struct t_state *st)
{
	CHECK(st, parse("-f") == 0 && o.follow && !o.output_separately);
	CHECK(st, parse("--follow-forks") == 0 && o.follow && !o.output_separately);
	CHECK(st, parse("-ff", "-o", "t") == 0 && o.follow && o.output_separately);
	CHECK(st, parse("-f", "-f", "-o", "t") == 0 && o.output_separately);
	CHECK(st, parse("--output-separately", "-o", "t") == 0 && o.output_separately);
	CHECK(st, parse("-ff", "-A", "-o", "t") == 0 && o.output_separately && o.append);
	/* sizes round up to a power of two, at least a page */
	CHECK(st, parse("-b", "100K") == 0 && o.ringbuf_size == 128 << 10);
	CHECK(st, parse("--buffer-size=1") == 0 && o.ringbuf_size == 4096);
	CHECK(st, parse("-b", "4G") == 0 && o.ringbuf_size == 1ULL << 32);
	/* strace's -b execve (--detach-on=execve) is not a size */
	CHECK(st, parse("-b", "execve") == 0 && o.detach_execve && !o.ringbuf_size);
	CHECK(st, parse("--detach-on=execve") == 0 && o.detach_execve);
	CHECK(st, parse("-b64m") == 0 && o.ringbuf_size == 64 << 20);
	CHECK(st, parse("--backlog=0") == 0 && o.backlog == 0);
	CHECK(st, parse("--backlog=3M") == 0 && o.backlog == 4 << 20);
	CHECK(st, parse("-d") == 0 && o.debug == 1);
	CHECK(st, parse("-dd") == 0 && o.debug == 2);
	CHECK(st, parse("-d", "--debug", "-d") == 0 && o.debug == 3);
	/* --decode-fds=SET: the kinds shown, and what the capture needs for them */
	CHECK(st, parse("--decode-fds=socket") == 0 && opts__fd_kinds(&o) == SR_FDK_SOCKET &&
			  o.decode_fds == 2);
	CHECK(st, parse("-e", "decode-fds=dev,pidfd") == 0 &&
			  opts__fd_kinds(&o) == (SR_FDK_DEV | SR_FDK_PIDFD) && o.decode_fds == 1);
	CHECK(st, parse("--decode-fds=none") == 0 && !opts__fd_kinds(&o) && !o.decode_fds);
	CHECK(st, parse("--decode-fds=!path") == 0 &&
			  opts__fd_kinds(&o) == (SR_FDK_ALL & ~SR_FDK_PATH));
	CHECK(st, parse("-yy") == 0 && opts__fd_kinds(&o) == SR_FDK_ALL);
	CHECK(st, parse("-y") == 0 && opts__fd_kinds(&o) == SR_FDK_PATH);
	/* -E and -u: kept in order for the launch */
	CHECK(st, parse("-E", "A=1", "--env=B", "-u", "nobody", "--", "true") == 0 && o.nenv == 2 &&
			  !strcmp(o.env_ops[0], "A=1") && !strcmp(o.env_ops[1], "B") &&
			  !strcmp(o.user, "nobody") && o.cmd);
	CHECK(st, parse("--user=daemon", "true") == 0 && !strcmp(o.user, "daemon"));
}

static void filter_options(struct t_state *st)
{
	CHECK(st, parse("-p", "1,22", "-p", "333", "--attach=4444") == 0);
	CHECK(st, o.npids == 4 && o.pids[0] == 1 && o.pids[1] == 22 && o.pids[2] == 333 &&
			  o.pids[3] == 4444);
	CHECK(st, parse("-z") == 0 && o.status == SR_ST_SUCCESSFUL);
	CHECK(st, parse("--failed-only") == 0 && o.status == SR_ST_FAILED);
	CHECK(st, parse("-Z", "-z") == 0 && o.status == SR_ST_SUCCESSFUL); /* the last wins */
	CHECK(st, parse("-e", "trace=read", "-etrace=write", "-e", "status=failed") == 0);
	CHECK(st, o.trace_set && o.status == SR_ST_FAILED &&
			  filter__traced(&o, syscalls__by_name("write")->nr) &&
			  !filter__traced(&o, syscalls__by_name("read")->nr));
	CHECK(st, parse("--comm=cron", "--comm", "bash", "--uid=0") == 0);
	CHECK(st, o.ncomm == 2 && !strcmp(o.comm[1], "bash") && o.nuid == 1 && o.uid[0] == 0);
	/* recorded as given: the session resolves them against the host */
	CHECK(st, parse("--cgroup=a/b", "--container", "3f2a9c", "--unit=cron") == 0);
	CHECK(st, o.ncgroup == 3 && o.cgroup[0].kind == SR_CG_PATH &&
			  !strcmp(o.cgroup[0].arg, "a/b") && o.cgroup[1].kind == SR_CG_CONTAINER &&
			  !strcmp(o.cgroup[1].arg, "3f2a9c") && o.cgroup[2].kind == SR_CG_UNIT &&
			  !strcmp(o.cgroup[2].arg, "cron") && !o.cgroup[0].path[0]);
}

static void errors(struct t_state *st)
{
	static const struct {
		const char *args[4];
		const char *msg;
	} cases[] = {
		{ { "--bogus" }, "sysray: unknown option '--bogus' (see sysray --help)\n" },
		{ { "-Q" }, "sysray: unknown option '-Q' (see sysray --help)\n" },
		{ { "-DD" },
		  "sysray: strace's --daemonize: strace detaches its tracer from the command's "
		  "process tree; sysray traces from the kernel and can be started in the background "
		  "or attached with -p instead\n" },
		{ { "--seccomp-bpf" },
		  "sysray: strace's --seccomp-bpf: strace's filter to stop only at the traced "
		  "syscalls; sysray's -e trace= already filters in the kernel\n" },
		{ { "-e", "inject=openat:error=ENOENT" },
		  "sysray: -e inject: strace injects faults by stopping the process at the syscall; "
		  "sysray never stops traced processes (use strace for it)\n" },
		{ { "-fQ" }, "sysray: unknown option '-Q' (see sysray --help)\n" },
		/* ambiguous: --debug, --decode-fds, --decode-pids */
		{ { "--de" }, "sysray: unknown option '--de' (see sysray --help)\n" },
		{ { "--peer=1" },
		  "sysray: option '--peer' takes no argument (see sysray --help)\n" },
		{ { "--help=x" },
		  "sysray: option '--help' takes no argument (see sysray --help)\n" },
		{ { "-o" }, "sysray: option '-o' needs an argument (see sysray --help)\n" },
		{ { "--output" },
		  "sysray: option '--output' needs an argument (see sysray --help)\n" },
		{ { "-e" }, "sysray: option '-e' needs an argument (see sysray --help)\n" },
		{ { "-s", "x" },
		  "sysray: invalid -s value 'x': expected 0 to 1073741823 (see sysray --help)\n" },
		{ { "-s", "1073741824" },
		  "sysray: invalid -s value '1073741824': expected 0 to 1073741823 (see sysray --help)\n" },
		{ { "-s", "-1" },
		  "sysray: invalid -s value '-1': expected 0 to 1073741823 (see sysray --help)\n" },
		{ { "-s", "" },
		  "sysray: invalid -s value '': expected 0 to 1073741823 (see sysray --help)\n" },
		{ { "-b", "12Q" },
		  "sysray: invalid buffer size '12Q': e.g. 64M, or execve (strace's --detach-on) (see sysray --help)\n" },
		{ { "-b", "0" },
		  "sysray: invalid buffer size '0': e.g. 64M, or execve (strace's --detach-on) (see sysray --help)\n" },
		{ { "-b", "5G" },
		  "sysray: invalid buffer size '5G': e.g. 64M, or execve (strace's --detach-on) (see sysray --help)\n" },
		{ { "-b", "-1" },
		  "sysray: invalid buffer size '-1': e.g. 64M, or execve (strace's --detach-on) (see sysray --help)\n" },
		{ { "--backlog=lots" },
		  "sysray: invalid backlog size 'lots': e.g. 256M, or 0 (see sysray --help)\n" },
		{ { "-p", "abc" }, "sysray: invalid process id 'abc' (see sysray --help)\n" },
		{ { "-p", "0" }, "sysray: invalid process id '0' (see sysray --help)\n" },
		{ { "-p", "1,,2" }, "sysray: invalid process id '1,,2' (see sysray --help)\n" },
		{ { "-p", "2147483648" },
		  "sysray: invalid process id '2147483648' (see sysray --help)\n" },
		{ { "-p", "1", "--", "true" },
		  "sysray: give either -p or a command, not both (see sysray --help)\n" },
		{ { "-E", "=1", "true" },
		  "sysray: -E takes VAR=VAL or VAR, not '=1' (see sysray --help)\n" },
		{ { "-u", "nobody", "-p1" },
		  "sysray: -E and -u apply to the command sysray starts: give one after -- (see sysray "
		  "--help)\n" },
		{ { "--decode-fds=bad" },
		  "sysray: invalid decode-fds 'bad' (path, socket, dev, pidfd, all or none)\n" },
		{ { "--decode-pids=pid" },
		  "sysray: invalid decode-pids 'pid' (comm, pidns, all or none)\n" },
		{ { "--pidns-translation", "--json" },
		  "sysray: --decode-pids=pidns reads the traced tasks' namespaces in /proc as their "
		  "lines print, in strace's text: not with --json (see sysray --help)\n" },
		{ { "--inject=open:error=ENOENT" },
		  "sysray: -e inject: strace injects faults by stopping the process at the syscall; "
		  "sysray never stops traced processes (use strace for it)\n" },
		{ { "-e", "trace=opn" },
		  "sysray: invalid system call 'opn' (did you mean 'open'?)\n" },
		{ { "--comm=" }, "sysray: --comm '': a task name has 1 to 15 bytes\n" },
		{ { "--replay=r", "--comm=x" },
		  "sysray: --replay prints a recording as it was made: --comm cannot apply (give it "
		  "when recording) (see sysray --help)\n" },
		{ { "--replay=r", "--", "ls" },
		  "sysray: --replay prints a recording as it was made: a command cannot apply "
		  "(give it when recording) (see sysray --help)\n" },
		{ { "--history=1K", "--explain" },
		  "sysray: invalid history size '1K': e.g. 16M (at least 64K) (see sysray --help)\n" },
		{ { "--why=" },
		  "sysray: invalid --why text '': 1 to 512 bytes of the message (see sysray "
		  "--help)\n" },
		{ { "--quiet-until-failure", "--", "true" },
		  "sysray: --quiet-until-failure needs --explain or --why (see sysray --help)\n" },
		{ { "--history=1M", "--", "true" },
		  "sysray: --history needs --explain or --why (see sysray --help)\n" },
		{ { "--explain", "--json", "--", "true" },
		  "sysray: --explain and --why print text reports: not with --json (see sysray "
		  "--help)\n" },
		{ { "--follow-peer" },
		  "sysray: --follow-peer needs a command or -p (the whole host is traced already) "
		  "(see sysray --help)\n" },
		{ { "--replay=r", "--follow-peer" },
		  "sysray: --replay prints a recording as it was made: --follow-peer cannot apply "
		  "(give it when recording) (see sysray --help)\n" },
		{ { "--record=w", "--replay=r" },
		  "sysray: --replay prints a recording as it was made: --record cannot apply (give "
		  "it when recording) (see sysray --help)\n" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK(st, parse_v((char **)cases[i].args) == 2);
		CHECK_STR(st, err.text, cases[i].msg);
	}
	{
		char pids[400] = "1";
		int n;

		for (n = 2; n <= 65; n++)
			snprintf(pids + strlen(pids), sizeof(pids) - strlen(pids), ",%d", n);
		CHECK(st, parse("-p", pids) == 2);
		CHECK_STR(
			st, err.text,
			"sysray: too many -p processes at '65' (at most 64) (see sysray --help)\n");
	}
	CHECK(st, parse("--cgroup=a", "--cgroup=b", "--cgroup=c", "--cgroup=d", "--cgroup=e",
			"--cgroup=f", "--cgroup=g", "--cgroup=h", "--unit=i") == 2);
	CHECK_STR(st, err.text,
		  "sysray: too many cgroup filters at 'i' (at most 8) (see sysray --help)\n");
	/* options after the command are the command's */
	CHECK(st, parse("true", "--bogus") == 0 && o.cmd && !strcmp(o.cmd[1], "--bogus"));
}

/* The --help text, into memory. */
static char *help_text(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return NULL;
	cli__help(f);
	fclose(f);
	return text;
}

static const char *line_with(const char *text, const char *start)
{
	static char line[256];
	const char *p = text;
	size_t n = strlen(start);

	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (len >= n && !strncmp(p, start, n)) {
			snprintf(line, sizeof(line), "%.*s", (int)len, p);
			return line;
		}
		p = nl ? nl + 1 : NULL;
	}
	return "(no such line)";
}

static void help(struct t_state *st)
{
	static const char *const groups[] = { "\nGeneral:\n",	    "\nStartup:\n",
					      "\nTracing:\n",	    "\nFiltering:\n",
					      "\nOutput format:\n", "\nDiagnosis:\n",
					      "\nStatistics:\n",    "\nMiscellaneous:\n" };
	static const char *const names[] = {
		"-e EXPR",
		"-p PID[,PID...], --attach=PID[,PID...]",
		"--replay=FILE",
		"-f, --follow-forks",
		"-b SIZE, --buffer-size=SIZE",
		"--backlog=SIZE",
		"-z, --successful-only",
		"-Z, --failed-only",
		"--comm=NAME",
		"--uid=UID",
		"--cgroup=PATH",
		"--container=ID",
		"--unit=NAME",
		"-o FILE, --output=FILE",
		"-q, --quiet[=SET]",
		"-s N, --string-limit=N",
		"-v, --no-abbrev",
		"-y, --decode-fds[=SET]",
		"-yy, --decode-fds=all",
		"--peer",
		"--absolute-paths",
		"-Y, --decode-pids=comm",
		"--show-cgroup",
		"--record=FILE",
		"--explain",
		"--why=TEXT",
		"--quiet-until-failure",
		"--history=SIZE",
		"--follow-peer",
		"-c, --summary-only",
		"-C, --summary",
		"-S SORTBY, --summary-sort-by=SORTBY",
		"-U COLUMNS, --summary-columns=COLUMNS",
		"-w, --summary-wall-clock",
		"--summary-by=WHAT",
		"-d, --debug",
		"-h, --help",
		"-V, --version",
		"-e trace=SET, --trace=SET",
		"-e status=SET, --status=SET",
		"-e signal=SET, --signals=SET",
		"-e raw=SET, --raw=SET",
		"-e quiet=SET",
	};
	char *text = help_text(), *line, *save = NULL, want[128];
	const char *prev = NULL, *at;
	size_t i;

	CHECK(st, text != NULL);
	if (!text)
		return;
	/* strace's groups, in strace's order; none empty */
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		at = strstr(text, groups[i]);
		CHECK(st, at && (!prev || at > prev));
		prev = at;
	}
	/* every option, at the start of a line */
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(want, sizeof(want), "\n  %s ", names[i]);
		if (!strstr(text, want)) {
			snprintf(want, sizeof(want), "\n  %s\n", names[i]);
			CHECK(st, strstr(text, want) != NULL);
		}
	}
	/* strace's layout: help at column 17, on the next line when the names are long */
	CHECK_STR(st, line_with(text, "  -d, --debug"),
		  "  -d, --debug    capture statistics and libbpf warnings on stderr");
	CHECK_STR(st, line_with(text, "  --backlog"), "  --backlog=SIZE");
	CHECK_STR(st, line_with(text, "                 memory a reader"),
		  "                 memory a reader thread may fill with records the formatter");
	CHECK(st, !strncmp(text, "Usage: sysray [OPTIONS] -- COMMAND [ARGS...]", 44));
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		CHECK(st, strlen(line) <= 80);
	free(text);
}

/* -h and -V stop parsing; anything before them still counts. */
static void help_and_version(struct t_state *st)
{
	FILE *saved = stdout;
	FILE *null = fopen("/dev/null", "w");

	CHECK(st, null != NULL);
	if (!null)
		return;
	stdout = null;
	CHECK(st, parse("-h") == SR_CLI_DONE);
	CHECK(st, parse("--version") == SR_CLI_DONE);
	CHECK(st, parse("-V", "--bogus") == SR_CLI_DONE);
	CHECK(st, parse("--bogus", "-V") == 2);
	stdout = saved;
	fclose(null);
}

/* --explain and friends; the kernel side is set up wider than what prints. */
static void diagnosis_options(struct t_state *st)
{
	struct sr_opts k;

	CHECK(st, parse("--explain", "--quiet-until-failure", "--history=1M", "--follow-peer", "--",
			"true") == 0);
	CHECK(st, o.explain && o.quiet_until_failure && o.history == 1 << 20 && o.follow_peer);
	CHECK(st, parse("--why", "rejected", "-p", "1") == 0 && !strcmp(o.why, "rejected"));
	CHECK(st, explain__wanted(&o));
	CHECK(st, parse("--explain", "-e", "trace=open", "-Z", "-s", "8", "--", "true") == 0);
	explain__capture_opts(&o, &k);
	CHECK(st, !k.trace_set && k.status == SR_ST_ALL && k.decode_fds == 2 && k.decode_pids);
	CHECK(st, k.strsize == SR_EXPLAIN_DATA_CAP);
	/* printing still follows the user's options */
	CHECK(st, o.trace_set && o.status == SR_ST_FAILED && !o.decode_fds && o.strsize == 8);
	CHECK(st, parse("--why=x", "-s", "4096", "--", "true") == 0);
	explain__capture_opts(&o, &k);
	CHECK(st, k.strsize == 4096);
	CHECK(st, parse("--why=x", "--", "true") == 0);
	explain__capture_opts(&o, &k);
	CHECK(st, k.strsize == SR_EXPLAIN_WHY_CAP);
	/* without reports, nothing changes */
	CHECK(st, parse("-e", "trace=open", "--", "true") == 0);
	explain__capture_opts(&o, &k);
	CHECK(st, k.trace_set && !k.decode_fds && !explain__wanted(&o));
}

T_SUITE(options_tests) = {
	T_CASE(defaults),
	T_CASE(output_options),
	T_CASE(tracing_options),
	T_CASE(filter_options),
	T_CASE(errors),
	T_CASE(help),
	T_CASE(help_and_version),
	T_CASE(diagnosis_options),
	T_END,
};
