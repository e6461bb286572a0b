// SPDX-License-Identifier: GPL-2.0
/*
 * What a session traces when it is not the whole host: the processes of -p
 * (attached without stopping them) or the command it launches; and what is
 * read of the processes already running in --cgroup's cgroups.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "explain/explain.h"
#include "fd/fdtab.h"
#include "host/cgroup.h"
#include "host/proc.h"
#include "session/internal.h"
#include "session/session.h"

/* -p: every pid must exist (checked before the slow BPF load, and again). */
int attach__check_pids(struct sr_session *s)
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
int attach__pids(struct sr_session *s)
{
	pid_t tgids[SR_MAX_PIDS];
	int i, n, err = attach__check_pids(s);

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
		/*
		 * Its fds and cwd from /proc, now that its calls are recorded: read
		 * when its first record is handled, they could be gone (-y, -P).
		 */
		fdtab__seed(s->fds, tgids[i]);
		if (!s->opts.quiet)
			fprintf(stderr, "sysray: Process %d attached\n", tgids[i]);
	}
	/* one that exited meanwhile is counted out now, not waited for */
	loader__reconcile(&s->loader);
	return 0;
}

/* Processes seeded at most, over all of --cgroup/--container/--unit's cgroups. */
#define SEED_MAX 1024

static void seed_one(void *ctx, uint32_t tgid)
{
	struct sr_session *s = ctx;

	fdtab__seed(s->fds, tgid);
	explain_sink__seed(s->explain, tgid);
}

/*
 * --cgroup, --container, --unit: the fds and cwd of the processes already
 * in those cgroups, read now that their calls are recorded. Read when each
 * one's first record is handled, they could be gone: a service that fails
 * and exits while the consumer is behind would print without them. The
 * first SEED_MAX processes only; the others are read at their first record.
 */
void attach__seed_cgroups(struct sr_session *s)
{
	int i, left = SEED_MAX;

	if (!s->fds && !s->explain)
		return;
	for (i = 0; i < s->opts.ncgroup && left > 0; i++) {
		int n = cgroup__each_proc(s->opts.cgroup[i].path, left, seed_one, s);

		if (n > 0)
			left -= n;
	}
}

/* Start the command blocked, mark it traced, then let it run its execve. */
int attach__launch(struct sr_session *s)
{
	int err = launch__spawn(&s->child, &s->launch);

	launch__free(&s->launch);
	if (err) {
		fprintf(stderr, "sysray: cannot start '%s': %s\n", s->exe, strerror(-err));
		return err;
	}
	s->launched = true;
	if (s->opts.detach_execve) /* strace shows the command's own execve */
		pairing__detach_on_exec(&s->pairing, (uint32_t)s->child.pid);
	/* its fds and cwd, read while it waits: it may be gone before its first record */
	fdtab__seed(s->fds, s->child.pid);
	explain_sink__seed(s->explain, s->child.pid);
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

void attach__report_detached(const struct sr_session *s)
{
	int i;

	for (i = 0; i < s->opts.npids && !s->opts.quiet; i++)
		if (proc__tgid(s->opts.pids[i]) > 0)
			fprintf(stderr, "sysray: Process %d detached\n", s->opts.pids[i]);
}

/* Is @pid one of sysray's own children: the command, or -o "|cmd"'s shell? */
static bool own_child(const struct sr_session *s, pid_t pid)
{
	return (s->launched && pid == s->child.pid) || (s->pipe_pid > 0 && pid == s->pipe_pid);
}

/* Reap the exited children of sysray's main thread that are not its own. */
static void reap_listed(const struct sr_session *s)
{
	char path[64];
	FILE *f;
	int pid;

	snprintf(path, sizeof(path), "/proc/self/task/%d/children", (int)getpid());
	f = fopen(path, "re");
	if (!f)
		return;
	while (fscanf(f, "%d", &pid) == 1)
		if (!own_child(s, pid))
			waitpid(pid, NULL, WNOHANG | __WALL);
	fclose(f);
}

void attach__reap_others(const struct sr_session *s)
{
	for (;;) {
		siginfo_t si = { 0 };

		/* a look at one exited child, without reaping it */
		if (waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT | __WALL) || !si.si_pid)
			return;
		if (own_child(s, si.si_pid)) {
			/* ours comes first: the others are found by name */
			reap_listed(s);
			return;
		}
		if (waitpid(si.si_pid, NULL, WNOHANG | __WALL) <= 0)
			return;
	}
}

int attach__command_status(struct sr_session *s, bool wait, int sig)
{
	int status;
	pid_t r;

	do {
		r = waitpid(s->child.pid, &status, wait ? 0 : WNOHANG);
	} while (r < 0 && errno == EINTR);
	if (r != s->child.pid)
		return sig ? 128 + sig : 1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 1;
}
