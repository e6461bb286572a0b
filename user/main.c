// SPDX-License-Identifier: GPL-2.0
/*
 * sysray: strace-compatible syscall tracing with BPF, for one command, some
 * processes, or the whole host, without stopping anything.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <bpf/libbpf.h>

#include "host/cgroup.h"
#include "lib/clock.h"
#include "fd/fdtab.h"
#include "cli/filter.h"
#include "session/launch.h"
#include "capture/loader.h"
#include "cli/opts.h"
#include "print/out.h"
#include "pairing/pairing.h"
#include "host/proc.h"
#include "ingest/recording.h"
#include "table/syscalls.h"

#ifndef SYSRAY_VERSION
#define SYSRAY_VERSION "0.0.0"
#endif

#define DEFAULT_RINGBUF (32ULL << 20)
#define DEFAULT_BACKLOG (128ULL << 20)
#define POLL_MS		20
/* After Ctrl-C, how long a launched command gets to exit on its own. */
#define GRACE_MS 500

static volatile sig_atomic_t exiting_sig;

static void on_signal(int sig)
{
	exiting_sig = sig;
}

static const char usage_text[] =
	"Usage: sysray [OPTIONS] -- COMMAND [ARGS...]   trace a command and its children\n"
	"       sysray [OPTIONS] -p PID[,PID...]        trace running processes\n"
	"       sysray [OPTIONS]                        trace the whole host\n"
	"\n"
	"Prints every syscall as strace -f does, from BPF programs on the raw_syscalls\n"
	"tracepoints: traced processes are never stopped.\n"
	"\n"
	"Output:\n"
	"  -o, --output=FILE        write the trace to FILE instead of stderr\n"
	"  -s, --string-limit=N     show at most N bytes of strings and buffers (32)\n"
	"  -v, --no-abbrev          print environment strings and structures in full\n"
	"  -y, --decode-fds         print paths of file descriptors (-yy: sockets too)\n"
	"      --peer               with -yy: the process at the other end of a unix\n"
	"                           or loopback TCP socket, \"peer=PID(comm)\"\n"
	"      --absolute-paths     print relative path arguments resolved against the\n"
	"                           process's cwd or dirfd\n"
	"  -Y, --decode-pids=comm   print PID<comm> instead of PID\n"
	"      --show-cgroup        start each line with its cgroup (or container:ID)\n"
	"  -q, --quiet              no attach/detach messages; -qq: no \"+++ exited\"\n"
	"      --record=FILE        save the raw records to FILE instead of printing\n"
	"      --replay=FILE        print a recording (no tracing, no privileges)\n"
	"\n"
	"What to trace (filters run in the kernel):\n"
	"  -e EXPR                  strace's qualifiers: trace=SET (names, %class,\n"
	"                           /regex, !negation), status=SET, signal=SET,\n"
	"                           quiet=SET, raw=SET\n"
	"  -z, --successful-only    only syscalls that succeeded (status=successful)\n"
	"  -Z, --failed-only        only syscalls that failed (status=failed)\n"
	"  -p, --attach=PID[,PID]   these processes, all their threads and their\n"
	"                           future children (repeatable)\n"
	"      --comm=NAME          tasks named NAME (exact, as in /proc/PID/comm)\n"
	"      --uid=UID            tasks of this user (number or name)\n"
	"      --cgroup=PATH        tasks in this cgroup v2 directory or below it\n"
	"      --container=ID       tasks of a Docker/containerd/CRI-O/podman container\n"
	"      --unit=NAME          tasks of a systemd unit (NAME.service by default)\n"
	"  Filters of one kind (e.g. two --comm) match any; different kinds must all\n"
	"  match.\n"
	"\n"
	"Other:\n"
	"  -f, --follow-forks       accepted for strace compatibility: always on\n"
	"  -b, --buffer-size=SIZE   ring buffer memory, with K/M/G suffix (32M), split\n"
	"                           into one ring per CPU (each a power of two)\n"
	"      --backlog=SIZE       memory a reader thread may fill with records the\n"
	"                           formatter has not reached yet (128M); 0: no reader\n"
	"  -d, --debug              capture statistics and libbpf warnings on stderr\n"
	"                           (-dd: all of libbpf's messages)\n"
	"  -h, --help               show this help\n"
	"  -V, --version            show the version\n"
	"\n"
	"Examples:\n"
	"  sysray -- ls /nonexistent                 why does ls fail?\n"
	"  sysray -o trace.txt -- make               trace a build into a file\n"
	"  sysray -p 1234 -s 128                     watch a running service\n"
	"  sysray -e trace=%file -Z                  every failed file syscall on the host\n"
	"  sysray --container 3f2a9c -e trace=%file  file syscalls of one container\n"
	"  sysray --unit cron -Y -o cron.txt         a systemd service, with task names\n"
	"\n"
	"Needs Linux 5.8 or later with BTF, and root or CAP_BPF plus CAP_PERFMON.\n";

/* Everything main() owns, passed down instead of globals. */
struct sr_session {
	struct sr_opts opts;
	struct sr_out out;
	struct sr_out rec; /* --record */
	struct sr_pairing pairing;
	struct sr_loader loader;
	struct sr_fdtab *fds;
	struct sr_child child;
	bool launched;
	char exe[4096];
	struct rusage loaded; /* sysray's own usage once the programs were loaded */
};

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "sysray: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (see sysray --help)\n");
	return 2;
}

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

static int parse_pids(struct sr_opts *o, const char *arg)
{
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

enum {
	OPT_COMM = 0x100,
	OPT_UID,
	OPT_CGROUP,
	OPT_CONTAINER,
	OPT_UNIT,
	OPT_SHOW_CGROUP,
	OPT_PEER,
	OPT_ABS_PATHS,
	OPT_RECORD,
	OPT_REPLAY,
	OPT_BACKLOG,
};

static const struct option longopts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "attach", required_argument, NULL, 'p' },
	{ "follow-forks", no_argument, NULL, 'f' },
	{ "string-limit", required_argument, NULL, 's' },
	{ "no-abbrev", no_argument, NULL, 'v' },
	{ "decode-fds", optional_argument, NULL, 'y' },
	{ "decode-pids", required_argument, NULL, 'Y' },
	{ "successful-only", no_argument, NULL, 'z' },
	{ "failed-only", no_argument, NULL, 'Z' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "buffer-size", required_argument, NULL, 'b' },
	{ "backlog", required_argument, NULL, OPT_BACKLOG },
	{ "debug", no_argument, NULL, 'd' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "comm", required_argument, NULL, OPT_COMM },
	{ "uid", required_argument, NULL, OPT_UID },
	{ "cgroup", required_argument, NULL, OPT_CGROUP },
	{ "container", required_argument, NULL, OPT_CONTAINER },
	{ "unit", required_argument, NULL, OPT_UNIT },
	{ "show-cgroup", no_argument, NULL, OPT_SHOW_CGROUP },
	{ "peer", no_argument, NULL, OPT_PEER },
	{ "absolute-paths", no_argument, NULL, OPT_ABS_PATHS },
	{ "record", required_argument, NULL, OPT_RECORD },
	{ "replay", required_argument, NULL, OPT_REPLAY },
	{},
};

static int add_cgroup(struct sr_opts *o, const char *kind, enum sr_cg_kind k, const char *arg)
{
	if (o->ncgroup >= SR_MAX_CGROUP)
		return usage_error("too many cgroup filters at '%s' (at most 8)", arg);
	if (cgroup__resolve(kind, arg, o->cgroup[o->ncgroup].path, sizeof(o->cgroup[0].path)))
		return 1;
	o->cgroup[o->ncgroup++].kind = k;
	return 0;
}

static int parse_strsize(struct sr_opts *o, const char *arg)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || *end || end == arg || v < 0 || v > 65536)
		return usage_error("invalid -s value '%s': expected 0 to 65536", arg);
	o->strsize = v;
	return 0;
}

static int parse_decode_fds(struct sr_opts *o, const char *arg)
{
	if (!arg || !strcmp(arg, "path"))
		o->decode_fds = o->decode_fds ? 2 : 1;
	else if (!strcmp(arg, "all"))
		o->decode_fds = 2;
	else
		return usage_error("invalid --decode-fds value '%s': path or all", arg);
	return 0;
}

/* Options that select what is traced. Return 0, or the exit status. */
static int parse_filter_opt(struct sr_opts *o, int c, const char *arg)
{
	switch (c) {
	case 'e':
		return filter__qualify(o, arg) ? 2 : 0;
	case 'z':
		o->status = SR_ST_SUCCESSFUL;
		return 0;
	case 'Z':
		o->status = SR_ST_FAILED;
		return 0;
	case 'p':
		return parse_pids(o, arg);
	case OPT_COMM:
		return filter__add_comm(o, arg) ? 2 : 0;
	case OPT_UID:
		return filter__add_uid(o, arg) ? 2 : 0;
	case OPT_CGROUP:
		return add_cgroup(o, "cgroup", SR_CG_PATH, arg);
	case OPT_CONTAINER:
		return add_cgroup(o, "container", SR_CG_CONTAINER, arg);
	case OPT_UNIT:
		return add_cgroup(o, "unit", SR_CG_UNIT, arg);
	}
	return -1;
}

/* Options about the output. Return 0, the exit status, or -1 if not one. */
static int parse_output_opt(struct sr_opts *o, int c, const char *arg, int *quiet)
{
	switch (c) {
	case 'o':
		o->outfile = arg;
		return 0;
	case 's':
		return parse_strsize(o, arg);
	case 'v':
		o->verbose = true;
		return 0;
	case 'y':
		return parse_decode_fds(o, arg);
	case 'Y':
		if (arg && strcmp(arg, "comm"))
			return usage_error("invalid --decode-pids value '%s': comm", arg);
		o->decode_pids = true;
		return 0;
	case 'q':
		o->quiet = true;
		if (++*quiet >= 2)
			o->quiet_exit = true;
		if (*quiet >= 3)
			o->quiet_superseded = true;
		return 0;
	case OPT_PEER:
		o->peer = true;
		return 0;
	case OPT_ABS_PATHS:
		o->absolute_paths = true;
		return 0;
	case OPT_SHOW_CGROUP:
		o->show_cgroup = true;
		return 0;
	case OPT_RECORD:
		o->record = arg;
		return 0;
	case OPT_REPLAY:
		o->replay = arg;
		return 0;
	}
	return -1;
}

static int bad_option(char **argv, int c)
{
	if (c == ':')
		return usage_error("option '%s' needs an argument", argv[optind - 1]);
	if (optopt)
		fprintf(stderr, "sysray: unknown option '-%c' (see sysray --help)\n", optopt);
	else
		fprintf(stderr, "sysray: unknown option '%s' (see sysray --help)\n",
			argv[optind - 1]);
	return 2;
}

static int parse_args(struct sr_opts *o, int argc, char **argv)
{
	int c, err, quiet = 0;

	o->strsize = 32;
	o->ringbuf_size = DEFAULT_RINGBUF;
	o->backlog = DEFAULT_BACKLOG;
	o->status = SR_ST_ALL;
	memset(o->sig_sel, 0xff, sizeof(o->sig_sel));
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:o:p:fs:vyYb:dhVe:zZq", longopts, NULL)) != -1) {
		err = parse_output_opt(o, c, optarg, &quiet);
		if (err < 0)
			err = parse_filter_opt(o, c, optarg);
		if (err > 0)
			return err;
		if (!err)
			continue;
		switch (c) {
		case 'f':
			o->follow = true;
			break;
		case 'b':
			if (parse_size(optarg, &o->ringbuf_size))
				return usage_error("invalid buffer size '%s': e.g. 64M", optarg);
			break;
		case OPT_BACKLOG:
			if (strcmp(optarg, "0") && parse_size(optarg, &o->backlog))
				return usage_error("invalid backlog size '%s': e.g. 256M, or 0",
						   optarg);
			if (!strcmp(optarg, "0"))
				o->backlog = 0;
			break;
		case 'd':
			o->debug++;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case 'V':
			printf("sysray %s\n", SYSRAY_VERSION);
			exit(0);
		default:
			return bad_option(argv, c);
		}
	}
	/* the peer is part of a socket's -yy description */
	if (o->peer && o->decode_fds < 2)
		o->decode_fds = 2;
	if (optind < argc)
		o->cmd = &argv[optind];
	if (o->cmd && o->npids)
		return usage_error("%s", "give either -p or a command, not both");
	return 0;
}

/* -d: libbpf's warnings (a verifier log among them); -dd: everything. */
static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list args)
{
	return level == LIBBPF_DEBUG ? 0 : vfprintf(stderr, fmt, args);
}

static int libbpf_print_all(enum libbpf_print_level level, const char *fmt, va_list args)
{
	return vfprintf(stderr, fmt, args);
}

static int libbpf_silent(enum libbpf_print_level level, const char *fmt, va_list args)
{
	return 0;
}

static int open_output(struct sr_session *s)
{
	int err;

	if (!s->opts.outfile)
		return out__init_fd(&s->out, STDERR_FILENO);
	err = out__open(&s->out, s->opts.outfile);
	if (err)
		fprintf(stderr, "sysray: cannot write to '%s': %s; choose another -o file\n",
			s->opts.outfile, strerror(-err));
	return err;
}

static int on_record(void *ctx, void *data, size_t len)
{
	struct sr_session *s = ctx;

	if (s->opts.record) {
		record__write(&s->rec, data, len);
		return 0;
	}
	return pairing__handle(&s->pairing, data, len);
}

static int open_recording(struct sr_session *s)
{
	int err = out__open(&s->rec, s->opts.record);

	if (err) {
		fprintf(stderr, "sysray: cannot write to '%s': %s; choose another --record file\n",
			s->opts.record, strerror(-err));
		return err;
	}
	s->rec.line_buffered = false;
	record__begin(&s->rec);
	return 0;
}

/* --replay: format a recording; no kernel, no privileges. */
static int replay(struct sr_session *s)
{
	long n;

	if (open_output(s))
		return 1;
	if (fdtab__wanted(&s->opts)) {
		s->fds = fdtab__new(&s->opts);
		if (!s->fds) {
			fprintf(stderr, "sysray: out of memory\n");
			return 1;
		}
		/* the recorded processes are not this host's now: only the stream counts */
		fdtab__set_proc_root(s->fds, NULL);
	}
	pairing__init(&s->pairing, &s->out, &s->opts, s->fds);
	n = record__replay(s->opts.replay, &s->pairing);
	pairing__finish(&s->pairing);
	if (s->opts.debug && n >= 0)
		fprintf(stderr, "sysray: %ld records, %llu lines, %llu malformed\n", n,
			(unsigned long long)s->pairing.stats.lines,
			(unsigned long long)s->pairing.stats.bad);
	return n < 0 || s->out.err ? 1 : 0;
}

/* -p: every pid must exist (checked before the slow BPF load, and again). */
static int check_pids(struct sr_session *s)
{
	int i;

	for (i = 0; i < s->opts.npids; i++) {
		pid_t tgid = proc__tgid(s->opts.pids[i]);

		if (tgid < 0) {
			fprintf(stderr, "sysray: cannot attach to pid %d: %s\n", s->opts.pids[i],
				tgid == -ESRCH ? "no such process" : strerror(-tgid));
			return tgid;
		}
	}
	return 0;
}

/* The distinct thread groups of -p's pids (two threads of one process count once). */
static int pid_groups(const struct sr_session *s, pid_t *tgids)
{
	int i, j, n = 0;

	for (i = 0; i < s->opts.npids; i++) {
		pid_t tgid = proc__tgid(s->opts.pids[i]);

		if (tgid < 0)
			return tgid;
		for (j = 0; j < n && tgids[j] != tgid; j++)
			;
		if (j == n)
			tgids[n++] = tgid;
	}
	return n;
}

/* -p: trace each process's whole thread group; say so, as strace does. */
static int attach_pids(struct sr_session *s)
{
	pid_t tgids[SR_MAX_PIDS];
	int i, n, err = check_pids(s);

	if (err)
		return err;
	n = pid_groups(s, tgids);
	if (n < 0) {
		fprintf(stderr, "sysray: cannot attach: %s\n", strerror(-n));
		return n;
	}
	loader__set_live(&s->loader, n);
	for (i = 0; i < n; i++) {
		err = loader__trace_tgid(&s->loader, tgids[i], false);
		if (err) {
			fprintf(stderr, "sysray: cannot trace pid %d: %s\n", tgids[i],
				strerror(-err));
			return err;
		}
		if (!s->opts.quiet)
			fprintf(stderr, "sysray: Process %d attached\n", tgids[i]);
	}
	/* one that exited meanwhile is counted out now, not waited for */
	loader__reconcile(&s->loader);
	return 0;
}

static int start_command(struct sr_session *s)
{
	int err = launch__spawn(&s->child, s->exe, s->opts.cmd);

	if (err) {
		fprintf(stderr, "sysray: cannot start '%s': %s\n", s->exe, strerror(-err));
		return err;
	}
	s->launched = true;
	/* its fds and cwd, read while it waits: it may be gone before its first record */
	fdtab__seed(s->fds, s->child.pid);
	loader__set_live(&s->loader, 1);
	err = loader__trace_tgid(&s->loader, s->child.pid, true);
	if (err) {
		fprintf(stderr, "sysray: cannot trace the command: %s\n", strerror(-err));
		launch__abort(&s->child);
		s->launched = false;
		return err;
	}
	return launch__release(&s->child);
}

static void install_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static int trace_loop(struct sr_session *s)
{
	bool targeted = s->launched || s->opts.npids;
	long long grace_end = 0, next_check = 0;
	int err = 0;

	for (;;) {
		err = loader__poll(&s->loader, POLL_MS);
		if (err)
			break;
		if (targeted && sr_now_ms() >= next_check) {
			loader__reconcile(&s->loader);
			next_check = sr_now_ms() + 500;
		}
		out__flush(&s->out);
		if (s->out.err)
			break; /* the reader went away (EPIPE) or the disk is full */
		if (targeted && loader__live(&s->loader) <= 0)
			break;
		if (!exiting_sig)
			continue;
		/* A launched command got the same Ctrl-C: let it finish first. */
		if (!s->launched)
			break;
		if (!grace_end)
			grace_end = sr_now_ms() + GRACE_MS;
		else if (sr_now_ms() > grace_end)
			break;
	}
	return err;
}

/* -p: the processes that outlive the trace, as strace reports them. */
static void report_detached(const struct sr_session *s)
{
	int i;

	for (i = 0; i < s->opts.npids && !s->opts.quiet; i++)
		if (proc__tgid(s->opts.pids[i]) > 0)
			fprintf(stderr, "sysray: Process %d detached\n", s->opts.pids[i]);
}

/* -d: inputs no read managed to capture, by type (paths should be none). */
static void report_unread(const struct sr_pairing_stats *st)
{
	static const struct {
		uint8_t type;
		const char *name;
	} types[] = { { SR_T_PATH, "path" },
		      { SR_T_STR, "string" },
		      { SR_T_BUF_IN, "buffer" },
		      { SR_T_STRUCT_IN, "struct-in" },
		      { SR_T_STRUCT_INOUT, "struct-inout" },
		      { SR_T_IOV_IN, "iovec" },
		      { SR_T_ARGV, "argv" } };
	size_t i;

	fprintf(stderr, "sysray: inputs unread after retry (of which the kernel read):");
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		fprintf(stderr, " %s %llu (%llu)", types[i].name,
			(unsigned long long)st->unread[types[i].type],
			(unsigned long long)st->unread_kernel_ok[types[i].type]);
	fputc('\n', stderr);
}

static double seconds(const struct timeval *tv)
{
	return tv->tv_sec + tv->tv_usec / 1e6;
}

/* -d: sysray's own cost, for the benchmark: in all, and since loading. */
static void report_usage(const struct sr_session *s)
{
	const struct rusage *l = &s->loaded;
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru))
		return;
	fprintf(stderr,
		"sysray: cpu user %.6f s, sys %.6f s, max rss %ld KiB; "
		"after loading user %.6f s, sys %.6f s; reader backlog peak %llu KiB\n",
		seconds(&ru.ru_utime), seconds(&ru.ru_stime), ru.ru_maxrss,
		seconds(&ru.ru_utime) - seconds(&l->ru_utime),
		seconds(&ru.ru_stime) - seconds(&l->ru_stime),
		(unsigned long long)s->loader.backlog.peak / 1024);
}

static void report_stats(struct sr_session *s)
{
	struct sr_cpu_stats st;
	uint64_t lost, unannounced;

	loader__stats(&s->loader, &st);
	lost = st.v[SR_STAT_LOST];
	unannounced = lost > s->pairing.stats.lost ? lost - s->pairing.stats.lost : 0;
	if (unannounced)
		pairing__lost(&s->pairing, unannounced);
	out__flush(&s->out);
	if (lost)
		fprintf(stderr,
			"sysray: %llu events lost (ring buffer full); rerun with a larger "
			"--buffer-size or --backlog\n",
			(unsigned long long)lost);
	if (st.v[SR_STAT_FOLLOW_FAIL])
		fprintf(stderr, "sysray: %llu new processes not followed (traced map full)\n",
			(unsigned long long)st.v[SR_STAT_FOLLOW_FAIL]);
	if (!s->opts.debug)
		return;
	report_usage(s);
	report_unread(&s->pairing.stats);
	fprintf(stderr,
		"sysray: records emitted %llu, consumed %llu, lost %llu, malformed %llu; "
		"reads faulted %llu, retried ok %llu, retried failed %llu; blobs left out %llu\n",
		(unsigned long long)st.v[SR_STAT_EMITTED],
		(unsigned long long)s->pairing.stats.records, (unsigned long long)lost,
		(unsigned long long)s->pairing.stats.bad,
		(unsigned long long)st.v[SR_STAT_READ_FAULT],
		(unsigned long long)st.v[SR_STAT_READ_RETRY_OK],
		(unsigned long long)st.v[SR_STAT_READ_RETRY_FAIL],
		(unsigned long long)st.v[SR_STAT_REC_FULL]);
}

/* The launched command's status, as a shell reports it. */
static int command_status(struct sr_session *s, bool wait_for_it)
{
	int status;
	pid_t r;

	do {
		r = waitpid(s->child.pid, &status, wait_for_it ? 0 : WNOHANG);
	} while (r < 0 && errno == EINTR);
	if (r != s->child.pid)
		return exiting_sig ? 128 + exiting_sig : 1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 1;
}

static int prepare(struct sr_session *s)
{
	int err;

	if (s->opts.cmd) {
		err = proc__find_exe(s->opts.cmd[0], s->exe, sizeof(s->exe));
		if (err) {
			fprintf(stderr,
				"sysray: Can't stat '%s': %s (check the command name and PATH)\n",
				s->opts.cmd[0], strerror(-err));
			return 127;
		}
	}
	if (s->opts.npids && check_pids(s))
		return 1;
	if (open_output(s))
		return 1;
	if (s->opts.record && open_recording(s))
		return 1;
	if (fdtab__wanted(&s->opts)) {
		s->fds = fdtab__new(&s->opts);
		if (!s->fds) {
			fprintf(stderr, "sysray: out of memory\n");
			return 1;
		}
	}
	return 0;
}

static int run(struct sr_session *s)
{
	struct sr_load_cfg cfg = { .opts = &s->opts, .on_record = on_record, .ctx = s };
	pid_t relays[SR_MAX_EXCL];
	int err, i, n;

	if (s->opts.replay)
		return replay(s);
	err = prepare(s);
	if (err)
		return err;
	pairing__init(&s->pairing, &s->out, &s->opts, s->fds);
	libbpf_set_print(s->opts.debug > 1 ? libbpf_print_all :
			 s->opts.debug	   ? libbpf_print :
					     libbpf_silent);
	if (loader__check())
		return 1;
	cfg.filter_tasks = s->opts.cmd || s->opts.npids;
	if (!cfg.filter_tasks) {
		n = proc__relays(relays, SR_MAX_EXCL);
		for (i = 0; i < n; i++)
			cfg.excl[i] = relays[i];
	}
	install_signals();
	if (loader__load(&s->loader, &cfg))
		return 1;
	getrusage(RUSAGE_SELF, &s->loaded);
	if (s->opts.npids && attach_pids(s))
		return 1;
	if (s->opts.cmd && start_command(s))
		return 1;
	err = trace_loop(s);
	loader__detach(&s->loader);
	report_detached(s);
	loader__drain(&s->loader);
	pairing__finish(&s->pairing);
	report_stats(s);
	if (err)
		fprintf(stderr, "sysray: reading the ring buffer failed: %s\n", strerror(-err));
	if (s->out.err && s->out.err != -EPIPE)
		fprintf(stderr, "sysray: writing the trace failed: %s\n", strerror(-s->out.err));
	if (s->launched)
		return command_status(s, !exiting_sig);
	return err || (s->out.err && s->out.err != -EPIPE) ? 1 : 0;
}

int main(int argc, char **argv)
{
	static struct sr_session session;
	int err;

	if (syscalls__init()) {
		fprintf(stderr, "sysray: out of memory\n");
		return 1;
	}
	err = parse_args(&session.opts, argc, argv);
	if (err)
		return err;
	err = run(&session);
	loader__free(&session.loader);
	pairing__free(&session.pairing);
	fdtab__free(session.fds);
	out__close(&session.out);
	if (out__close(&session.rec) && !err) {
		fprintf(stderr, "sysray: writing the recording failed\n");
		err = 1;
	}
	return err;
}
