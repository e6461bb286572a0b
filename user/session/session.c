// SPDX-License-Identifier: GPL-2.0
/*
 * A session's lifecycle: set up the output, load the BPF side, launch or
 * attach, run the loop until the traced processes are gone or a signal
 * comes, drain, detach and report. --replay takes a shorter path.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/libbpf.h>

#include "capture/probe.h"
#include "cli/options.h"
#include "explain/explain.h"
#include "fd/fdtab.h"
#include "host/cgroup.h"
#include "host/proc.h"
#include "ingest/recording.h"
#include "lib/clock.h"
#include "session/internal.h"
#include "session/session.h"
#include "stack/stack.h"
#include "table/plan.h"
#include "table/syscalls.h"

#define POLL_MS 20
/* After Ctrl-C, how long a launched command gets to exit on its own. */
#define GRACE_MS 500
/* How often the traced set is checked for processes gone unseen. */
#define RECONCILE_MS 500
/* How often tasks whose exit record was lost are looked for (pairing__sweep()). */
#define SWEEP_MS 30000

/* The only state outside the session: what a signal handler may touch. */
static volatile sig_atomic_t exiting_sig, state_asked;

static void on_signal(int sig)
{
	exiting_sig = sig;
}

static void on_usr1(int sig)
{
	state_asked = 1;
}

/* -d: SIGUSR1 asks for the state sizes now (report__state()); else it is left alone. */
static void install_signals(bool debug)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	if (debug)
		sigaction(SIGUSR1, &sa, NULL);
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

static const char *const cgroup_kind_name[] = {
	[SR_CG_PATH] = "cgroup",
	[SR_CG_CONTAINER] = "container",
	[SR_CG_UNIT] = "unit",
};

/* --cgroup, --container, --unit: the directories they name. */
static int resolve_cgroups(struct sr_opts *o)
{
	int i;

	for (i = 0; i < o->ncgroup; i++) {
		struct sr_cgroup_sel *c = &o->cgroup[i];

		if (cgroup__resolve(cgroup_kind_name[c->kind], c->arg, c->path, sizeof(c->path)))
			return 1;
	}
	return 0;
}

int session__configure(struct sr_session *s, int argc, char **argv)
{
	int err;

	if (syscalls__init()) {
		fprintf(stderr, "sysray: out of memory\n");
		return 1;
	}
	err = cli__parse(&s->opts, argc, argv);
	if (err)
		return err;
	if (s->opts.check)
		return probe__report(stdout) ?: SR_CLI_DONE;
	err = resolve_cgroups(&s->opts);
	if (err)
		return err;
	/* the kernel side captures what the reports and recordings need; printing follows opts */
	explain__capture_opts(&s->opts, &s->kopts);
	if (s->opts.record)
		s->kopts.capture_env = true;
	return 0;
}

/* -k: stacks are kept until their call prints; execs and exits change the maps. */
static int stack_record(struct sr_session *s, const struct sr_hdr *h, size_t len)
{
	int err;

	if (h->type == SR_REC_STACK) {
		if (stacks__record(s->stacks, (const void *)h, len) == -EINVAL)
			s->pairing.stats.bad++;
		return 0;
	}
	if (h->type == SR_REC_EXEC)
		stacks__exec(s->stacks, h->tgid, h->ts_ns);
	err = pairing__handle(&s->pairing, h, len);
	if (h->type == SR_REC_PEXIT && len >= sizeof(struct sr_pexit) &&
	    ((const struct sr_pexit *)h)->group_dead)
		stacks__exit(s->stacks, h->tgid);
	return err;
}

static int on_record(void *ctx, void *data, size_t len)
{
	struct sr_session *s = ctx;

	if (s->opts.record) {
		record__write(&s->rec, data, len);
		return 0;
	}
	if (s->stacks && len >= sizeof(struct sr_hdr))
		return stack_record(s, data, len);
	return pairing__handle(&s->pairing, data, len);
}

static int make_fdtab(struct sr_session *s)
{
	if (!fdtab__wanted(&s->opts))
		return 0;
	s->fds = fdtab__new(&s->opts);
	if (!s->fds) {
		fprintf(stderr, "sysray: out of memory\n");
		return -ENOMEM;
	}
	return 0;
}

static int on_replayed(void *ctx, void *data, size_t len)
{
	struct sr_session *s = ctx;

	return pairing__handle(&s->pairing, data, len);
}

/* --replay: format a recording; no kernel, no privileges. A damaged one fails. */
static int replay(struct sr_session *s)
{
	struct sr_replay r;
	int err;

	if (output__open(s) || make_fdtab(s))
		return 1;
	/* the recorded processes are not this host's now: only the stream counts */
	if (s->fds)
		fdtab__set_proc_root(s->fds, NULL);
	if (sinks__start(s))
		return 1;
	err = record__replay(s->opts.replay, on_replayed, s, &r);
	if (err)
		return 1;
	pairing__finish(&s->pairing);
	output__flush(s);
	report__replay(s, &r);
	return r.left_over || s->pairing.stats.bad || output__err(s) ? 1 : 0;
}

/* The command's environment (-E) and user (-u). */
static int prepare_launch(struct sr_session *s)
{
	struct sr_launch *l = &s->launch;
	int err;

	l->exe = s->exe;
	l->argv = s->opts.cmd;
	if (s->opts.nenv && launch__env(l, s->opts.env_ops, s->opts.nenv))
		return fprintf(stderr, "sysray: -E: out of memory\n"), 1;
	if (!s->opts.user)
		return 0;
	err = launch__user(l, s->opts.user);
	if (err == -ENOENT)
		fprintf(stderr,
			"sysray: -u: no user '%s' on this host (give a name from the "
			"password database, as getent passwd lists them)\n",
			s->opts.user);
	else if (err)
		fprintf(stderr, "sysray: -u %s: %s\n", s->opts.user, strerror(-err));
	return err ? 1 : 0;
}

/* What can fail before loading, checked first: loading takes a while. */
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
		err = prepare_launch(s);
		if (err)
			return err;
	}
	if (s->opts.npids && attach__check_pids(s))
		return 1;
	if (output__open(s))
		return 1;
	if (s->opts.record && output__open_recording(s))
		return 1;
	return make_fdtab(s) ? 1 : 0;
}

/* Load and attach the BPF programs, with the filters the options ask for. */
static int load(struct sr_session *s)
{
	struct sr_load_cfg cfg = {
		.opts = &s->kopts, .on_record = on_record, .ctx = s, .stop = &exiting_sig
	};
	struct sr_plans *plans;
	pid_t relays[SR_MAX_EXCL];
	int i, n, err;

	libbpf_set_print(s->opts.debug > 1 ? libbpf_print_all :
			 s->opts.debug	   ? libbpf_print :
					     libbpf_silent);
	if (loader__check())
		return 1;
	cfg.filter_tasks = s->opts.cmd || s->opts.npids;
	cfg.creds = explain__wanted(&s->opts);
	if (s->opts.follow_peer) {
		cfg.follow_peer = true;
		cfg.naccept = explain__accept_nrs(cfg.accept_nr, SR_MAX_ACCEPT_NR);
	}
	if (!cfg.filter_tasks) {
		/* -o "|command": the shell reading the trace is left out, as sysray is */
		int first = s->pipe_pid > 0;

		if (first)
			cfg.excl[0] = s->pipe_pid;
		n = proc__relays(relays, SR_MAX_EXCL - first);
		for (i = 0; i < n; i++)
			cfg.excl[first + i] = relays[i];
	}
	/* what each syscall captures: the loader writes it into the plans map */
	cfg.plans = plans = malloc(sizeof(*plans));
	if (!plans) {
		fprintf(stderr, "sysray: out of memory\n");
		return 1;
	}
	plan__build(&s->kopts, plans);
	s->loader_used = true;
	err = loader__load(&s->loader, &cfg);
	free(plans);
	if (err)
		return 1;
	getrusage(RUSAGE_SELF, &s->loaded);
	return 0;
}

/* Should the loop stop after this round's Ctrl-C? Not before a launched command ends. */
static bool stop_for_signal(const struct sr_session *s, long long *grace_end)
{
	if (!exiting_sig)
		return false;
	/* A launched command got the same Ctrl-C: let it finish first. */
	if (!s->launched)
		return true;
	if (!*grace_end)
		*grace_end = sr_now_ms() + GRACE_MS;
	return sr_now_ms() > *grace_end;
}

/*
 * Has the reader of the trace gone away (the other end of a pipe or socket
 * closed)? Noticed without a write, while the traced processes are silent.
 */
static bool output_gone(const struct sr_out *o)
{
	struct pollfd p = { .fd = o->fd };

	return poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP));
}

static bool task_alive(uint32_t tid, void *ctx)
{
	(void)ctx;
	return !proc__gone("/proc", (pid_t)tid);
}

/*
 * Every SWEEP_MS, the tasks whose exit record was lost are forgotten, so a
 * long whole-host run does not keep them. /proc must show the host's tasks.
 */
static void sweep_tasks(struct sr_session *s, bool host_proc, long long *next_sweep)
{
	if (!host_proc || sr_now_ms() < *next_sweep)
		return;
	pairing__sweep(&s->pairing, task_alive, NULL);
	*next_sweep = sr_now_ms() + SWEEP_MS;
}

/* Until tracing ends; *@all_gone: every traced process exited (none left to trace). */
static int trace_loop(struct sr_session *s, bool *all_gone)
{
	bool targeted = s->launched || s->opts.npids, host_proc = proc__host_pidns() == 1;
	long long grace_end = 0, next_check = 0, next_sweep = sr_now_ms() + SWEEP_MS;
	int err = 0;

	for (;;) {
		err = loader__poll(&s->loader, POLL_MS);
		if (err)
			break;
		if (targeted && sr_now_ms() >= next_check) {
			loader__reconcile(&s->loader);
			attach__reap_others(s);
			next_check = sr_now_ms() + RECONCILE_MS;
		}
		sweep_tasks(s, host_proc, &next_sweep);
		output__flush(s);
		if (state_asked) {
			state_asked = 0;
			report__state(s, "now");
		}
		if (!output__err(s) && output_gone(&s->out))
			s->out.err = -EPIPE;
		if (output__err(s))
			break; /* the reader went away (EPIPE) or the disk is full */
		if (targeted && loader__live(&s->loader) <= 0) {
			*all_gone = true;
			break;
		}
		if (stop_for_signal(s, &grace_end))
			break;
	}
	return err;
}

/*
 * The exit status once tracing ended. The trace could not be written (its
 * reader went away, a full disk): the traced processes go on untraced and
 * sysray does not wait for them, exiting as a writer killed by SIGPIPE
 * would (141), or 1. Else the launched command's status, 128 + the signal
 * that stopped sysray if the command is still running or never started;
 * 0 after tracing a host or processes, or a command -b execve detached
 * from, 1 if reading the ring buffer failed.
 */
static int end_status(struct sr_session *s, int err)
{
	if (s->out.err)
		return s->out.err == -EPIPE ? 128 + SIGPIPE : 1;
	/* -b execve: as strace, which has no status of a command it detached from */
	if (s->launched && pairing__detached(&s->pairing, (uint32_t)s->child.pid)) {
		if (!s->opts.quiet)
			fprintf(stderr, "sysray: Process %d detached\n", (int)s->child.pid);
		attach__command_status(s, !exiting_sig, exiting_sig);
		return err ? 1 : 0;
	}
	if (s->launched)
		return attach__command_status(s, !exiting_sig, exiting_sig);
	if (s->opts.cmd)
		return 128 + exiting_sig;
	return err ? 1 : 0;
}

int session__run(struct sr_session *s)
{
	bool all_gone = false;
	int err;

	if (s->opts.replay)
		return replay(s);
	/* from here on a stop signal ends the run the same way at any moment */
	install_signals(s->opts.debug);
	err = prepare(s);
	if (err)
		return err;
	if (sinks__start(s))
		return 1;
	if (load(s))
		return exiting_sig ? end_status(s, 0) : 1;
	/* stopped while loading: nothing is started or attached */
	if (!exiting_sig && s->opts.npids && attach__pids(s))
		return 1;
	if (!exiting_sig && s->opts.cmd && attach__launch(s))
		return 1;
	if (!exiting_sig && s->opts.ncgroup)
		attach__seed_cgroups(s);
	err = exiting_sig ? 0 : trace_loop(s, &all_gone);
	/*
	 * No record can come once every traced process is gone: the programs
	 * stay attached until the end (session__hand_off()). Else nothing may
	 * come after the drain.
	 */
	if (!all_gone)
		loader__detach(&s->loader);
	attach__report_detached(s);
	loader__drain(&s->loader);
	pairing__finish(&s->pairing);
	if (s->opts.summary.mode && counts__print(s) && !err)
		err = -EIO;
	out__flush(&s->out);
	report__end(s);
	if (err)
		fprintf(stderr, "sysray: reading the ring buffer failed: %s\n", strerror(-err));
	if (output__err(s) && output__err(s) != -EPIPE)
		fprintf(stderr,
			"sysray: writing the trace failed: %s; tracing stopped, the traced "
			"processes go on%s\n",
			strerror(-output__err(s)),
			output__err(s) == -ENOSPC ? " (free some space or choose another -o file)" :
						    "");
	return end_status(s, err);
}

int session__end(struct sr_session *s, int status)
{
	/* a zeroed loader is not an empty one (its epoll fd would be 0) */
	if (s->loader_used)
		loader__quiesce(&s->loader);
	if (sinks__free(s) && !status)
		status = 1;
	fdtab__free(s->fds);
	output__close(s);
	if (out__close(&s->rec) && !status) {
		fprintf(stderr, "sysray: writing the recording failed\n");
		status = 1;
	}
	/* the kernel's part of the teardown after sysray has exited, if it can */
	if (s->loader_used && !session__hand_off())
		loader__free(&s->loader);
	return status;
}
