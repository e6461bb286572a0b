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
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <bpf/libbpf.h>

#include "fdtab.h"
#include "launch.h"
#include "loader.h"
#include "opts.h"
#include "out.h"
#include "pairing.h"
#include "proc.h"
#include "syscalls.h"

#ifndef SYSRAY_VERSION
#define SYSRAY_VERSION "0.0.0"
#endif

#define DEFAULT_RINGBUF (64ULL << 20)
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
	"Options:\n"
	"  -o, --output=FILE        write the trace to FILE instead of stderr\n"
	"  -p, --attach=PID[,PID]   trace these processes, all their threads and\n"
	"                           their future children (repeatable)\n"
	"  -f, --follow-forks       accepted for strace compatibility: always on\n"
	"  -s, --string-limit=N     show at most N bytes of strings and buffers (32)\n"
	"  -v, --no-abbrev          print environment strings and structures in full\n"
	"  -y, --decode-fds         print paths of file descriptors (-yy: sockets too)\n"
	"  -b, --buffer-size=SIZE   ring buffer size, with K/M/G suffix (64M); rounded\n"
	"                           up to a power of two\n"
	"  -d, --debug              libbpf messages and capture statistics on stderr\n"
	"  -h, --help               show this help\n"
	"  -V, --version            show the version\n"
	"\n"
	"Examples:\n"
	"  sysray -- ls /nonexistent          why does ls fail?\n"
	"  sysray -o trace.txt -- make        trace a build into a file\n"
	"  sysray -p 1234 -s 128              watch a running service\n"
	"  sysray -o host.txt                 everything on this host, until Ctrl-C\n"
	"\n"
	"Needs Linux 5.8 or later with BTF, and root or CAP_BPF plus CAP_PERFMON.\n";

/* Everything main() owns, passed down instead of globals. */
struct sr_session {
	struct sr_opts opts;
	struct sr_out out;
	struct sr_pairing pairing;
	struct sr_loader loader;
	struct sr_fdtab *fds;
	struct sr_child child;
	bool launched;
	char exe[4096];
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

static int parse_args(struct sr_opts *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "attach", required_argument, NULL, 'p' },
		{ "follow-forks", no_argument, NULL, 'f' },
		{ "string-limit", required_argument, NULL, 's' },
		{ "no-abbrev", no_argument, NULL, 'v' },
		{ "decode-fds", optional_argument, NULL, 'y' },
		{ "buffer-size", required_argument, NULL, 'b' },
		{ "debug", no_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{},
	};
	int c, err;

	o->strsize = 32;
	o->ringbuf_size = DEFAULT_RINGBUF;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:o:p:fs:vyb:dhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			o->outfile = optarg;
			break;
		case 'p':
			err = parse_pids(o, optarg);
			if (err)
				return err;
			break;
		case 'f':
			o->follow = true;
			break;
		case 's': {
			char *end;
			long v;

			errno = 0;
			v = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || v < 0 || v > 65536)
				return usage_error("invalid -s value '%s': expected 0 to 65536",
						   optarg);
			o->strsize = v;
			break;
		}
		case 'v':
			o->verbose = true;
			break;
		case 'y':
			if (!optarg || !strcmp(optarg, "path"))
				o->decode_fds = o->decode_fds ? 2 : 1;
			else if (!strcmp(optarg, "all"))
				o->decode_fds = 2;
			else
				return usage_error("invalid --decode-fds value '%s': path or all",
						   optarg);
			break;
		case 'b':
			if (parse_size(optarg, &o->ringbuf_size))
				return usage_error("invalid buffer size '%s': e.g. 64M", optarg);
			break;
		case 'd':
			o->debug = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case 'V':
			printf("sysray %s\n", SYSRAY_VERSION);
			exit(0);
		case ':':
			return usage_error("option '%s' needs an argument", argv[optind - 1]);
		default:
			if (optopt)
				fprintf(stderr,
					"sysray: unknown option '-%c' (see sysray --help)\n",
					optopt);
			else
				fprintf(stderr, "sysray: unknown option '%s' (see sysray --help)\n",
					argv[optind - 1]);
			return 2;
		}
	}
	if (optind < argc)
		o->cmd = &argv[optind];
	if (o->cmd && o->npids)
		return usage_error("%s", "give either -p or a command, not both");
	return 0;
}

static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list args)
{
	return vfprintf(stderr, fmt, args);
}

static int libbpf_silent(enum libbpf_print_level level, const char *fmt, va_list args)
{
	return 0;
}

static int on_record(void *ctx, void *data, size_t len)
{
	struct sr_session *s = ctx;

	return pairing__handle(&s->pairing, data, len);
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

/* -p: every pid must exist; trace its whole thread group. */
static int attach_pids(struct sr_session *s)
{
	int i, err;

	for (i = 0; i < s->opts.npids; i++) {
		pid_t tgid = proc__tgid(s->opts.pids[i]);

		if (tgid < 0) {
			fprintf(stderr, "sysray: cannot attach to pid %d: %s\n", s->opts.pids[i],
				tgid == -ESRCH ? "no such process" : strerror(-tgid));
			return tgid;
		}
		err = loader__trace_tgid(&s->loader, tgid, false);
		if (err) {
			fprintf(stderr, "sysray: cannot trace pid %d: %s\n", tgid, strerror(-err));
			return err;
		}
	}
	loader__set_live(&s->loader, s->opts.npids);
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

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static int trace_loop(struct sr_session *s)
{
	bool targeted = s->launched || s->opts.npids;
	long long grace_end = 0;
	int err = 0;

	for (;;) {
		err = loader__poll(&s->loader, POLL_MS);
		if (err)
			break;
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
			grace_end = now_ms() + GRACE_MS;
		else if (now_ms() > grace_end)
			break;
	}
	return err;
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
			"--buffer-size\n",
			(unsigned long long)lost);
	if (st.v[SR_STAT_FOLLOW_FAIL])
		fprintf(stderr, "sysray: %llu new processes not followed (traced map full)\n",
			(unsigned long long)st.v[SR_STAT_FOLLOW_FAIL]);
	if (!s->opts.debug)
		return;
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

	err = syscalls__init();
	if (err) {
		fprintf(stderr, "sysray: out of memory\n");
		return 1;
	}
	if (s->opts.cmd) {
		err = proc__find_exe(s->opts.cmd[0], s->exe, sizeof(s->exe));
		if (err) {
			fprintf(stderr,
				"sysray: Can't stat '%s': %s (check the command name and PATH)\n",
				s->opts.cmd[0], strerror(-err));
			return 127;
		}
	}
	if (open_output(s))
		return 1;
	if (s->opts.decode_fds) {
		s->fds = fdtab__new(s->opts.decode_fds);
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

	err = prepare(s);
	if (err)
		return err;
	pairing__init(&s->pairing, &s->out, &s->opts, s->fds);
	libbpf_set_print(s->opts.debug ? libbpf_print : libbpf_silent);
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
	if (s->opts.npids && attach_pids(s))
		return 1;
	if (s->opts.cmd && start_command(s))
		return 1;
	err = trace_loop(s);
	loader__detach(&s->loader);
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

	err = parse_args(&session.opts, argc, argv);
	if (err)
		return err;
	err = run(&session);
	loader__free(&session.loader);
	pairing__free(&session.pairing);
	fdtab__free(session.fds);
	out__close(&session.out);
	return err;
}
