// SPDX-License-Identifier: GPL-2.0
/*
 * The pairing stage's process and signal records: a thread or process
 * exit (finishing a call it died in, naming the zombie for -Y), an exec
 * (the thread that took over the leader, the new comm), a fork (the fd
 * tables' copy or share), and signals (ignored ones wait for the end of
 * the task's syscall, as strace shows them).
 */
#include <stdlib.h>
#include <string.h>

#include "cli/filter.h"
#include "cli/opts.h"
#include "fd/fdtab.h"
#include "pairing/internal.h"
#include "pairing/uring.h"

/* A thread died inside a syscall: finish its line with "= ?". */
static void finish_dead_call(struct sr_pairing *p, struct sr_ttask *t, uint64_t ts)
{
	t->in_call = false;
	pairing_emit_call(p, SR_EV_DEAD, t, pairing_shown(p, t, SR_ST_UNFINISHED), ts);
}

/*
 * The end of thread @t (or of one not known, @tid of @tgid), in syscall
 * @in_nr (-1: none or unknown): "+++ exited with ..."
 */
static void emit_exit(struct sr_pairing *p, struct sr_ttask *t, const struct sr_pexit *x,
		      uint32_t tid, int32_t in_nr)
{
	struct sr_event ev = { .type = SR_EV_PEXIT, .ts = x->h.ts_ns, .exit_code = x->exit_code };
	struct sr_task_info tmp;

	ev.shown = (x->exit_code & 0x7f) || !p->opts || !p->opts->quiet_exit;
	ev.group_dead = x->group_dead;
	ev.in_nr = in_nr;
	ev.task = pairing_info_of(t, &tmp, tid, x->h.tgid);
	pairing_emit(p, &ev);
	if (t && tid == x->h.tgid)
		zombies__add(&p->zombies, tid, t->comm, t->prev_comm, t->comm_since);
	pairing_task_free(idmap__del(&p->tasks, tid));
}

/* The last thread of process @x->h.tgid ended. */
static void group_end(struct sr_pairing *p, const struct sr_pexit *x)
{
	if (p->fds)
		fdtab__on_process_exit(p->fds, x->h.tgid);
	/* its rings are torn down after this: what they cancel is not printed */
	uring__forget_tgid(&p->uring, x->h.tgid);
}

void pairing_handle_pexit(struct sr_pairing *p, const struct sr_pexit *x)
{
	struct sr_ttask *t = idmap__get(&p->tasks, x->h.tid), *leader;

	if (t && t->in_call)
		finish_dead_call(p, t, x->h.ts_ns);
	if (t)
		pairing_flush_pending(p, t, 0);
	/* the execve's takeover prints "+++ superseded by execve ..." for it */
	if (t && x->superseded)
		return;
	/* an io-wq or SQPOLL thread, which strace never sees: only the process's end shows */
	if (x->io_worker) {
		struct sr_pexit end = *x;

		pairing_task_free(idmap__del(&p->tasks, x->h.tid));
		if (!x->group_dead)
			return;
		/* the worker's own status is 0: the leader's is the process's */
		leader = idmap__get(&p->tasks, x->h.tgid);
		if (leader && leader->leader_gone)
			end.exit_code = leader->gone_code;
		emit_exit(p, leader, &end, x->h.tgid,
			  leader && leader->leader_gone ? leader->gone_nr : -1);
		group_end(p, x);
		return;
	}
	/*
	 * A leader that called exit() while other threads run on: as with
	 * strace, its end shows when the process ends, with the process's
	 * status (or "superseded" if one of the threads runs execve).
	 */
	if (t && x->h.tid == x->h.tgid && !x->group_dead) {
		t->leader_gone = true;
		t->gone_code = x->exit_code;
		t->gone_nr = x->h.nr;
		return;
	}
	emit_exit(p, t, x, x->h.tid, x->h.nr);
	leader = x->group_dead && x->h.tid != x->h.tgid ? idmap__get(&p->tasks, x->h.tgid) : NULL;
	if (leader && leader->leader_gone)
		emit_exit(p, leader, x, x->h.tgid, leader->gone_nr);
	if (x->group_dead)
		group_end(p, x);
}

/* Task @t (thread @tid) is gone without its exit record: its end, unannounced. */
static void forget_task(struct sr_pairing *p, struct sr_ttask *t, uint32_t tid)
{
	if (t->in_call)
		finish_dead_call(p, t, p->last_ts);
	pairing_flush_pending(p, t, 0);
	pairing_task_free(idmap__del(&p->tasks, tid));
	p->stats.swept++;
}

int pairing__sweep(struct sr_pairing *p, sr_alive_fn alive, void *ctx)
{
	uint32_t gone[256];
	struct sr_ttask *t;
	uint64_t tid;
	size_t it = 0;
	int n = 0, i;

	while ((t = idmap__next(&p->tasks, &it, &tid))) {
		/* an exited leader (a zombie) waits for its group's end */
		if (t->leader_gone || alive((uint32_t)tid, ctx)) {
			t->swept = false;
		} else if (!t->swept) {
			t->swept = true;
		} else if (n < (int)(sizeof(gone) / sizeof(gone[0]))) {
			gone[n++] = (uint32_t)tid; /* the rest at the next sweep */
		}
	}
	for (i = 0; i < n; i++)
		forget_task(p, idmap__get(&p->tasks, gone[i]), gone[i]);
	return n;
}

/* Keep the file name the kernel saw, for an execve whose entry could not read it. */
static void remember_exec_name(struct sr_ttask *t, const struct sr_exec *x, size_t len)
{
	const struct sr_blob *b = (const struct sr_blob *)(x + 1);
	const uint8_t *end = (const uint8_t *)x + len;

	free(t->exec_name);
	t->exec_name = NULL;
	if (!blob_valid(b, end) || (b->flags & SR_BF_FAULT))
		return;
	t->exec_name = malloc(sizeof(*b) + b->len);
	if (t->exec_name)
		memcpy(t->exec_name, b, sizeof(*b) + b->len);
}

/*
 * A non-leader thread ran execve: it now has the leader's pid, and the exit
 * of its execve arrives under that pid. The old leader is gone.
 */
static struct sr_ttask *exec_takeover(struct sr_pairing *p, const struct sr_exec *x)
{
	struct sr_ttask *t = idmap__del(&p->tasks, x->old_tid), *old;
	struct sr_event ev = { .type = SR_EV_RETID, .shown = true, .ts = x->h.ts_ns };

	if (!t)
		return NULL;
	ev.task = &t->info;
	ev.old_tid = x->old_tid;
	t->info.tid = x->h.tid;
	pairing_emit(p, &ev);
	old = idmap__del(&p->tasks, x->h.tid);
	if (old && !(p->opts && p->opts->quiet_superseded)) {
		ev.type = SR_EV_SUPERSEDED;
		ev.task = &old->info;
		ev.in_nr = x->h.nr;
		if (old->in_call)
			finish_dead_call(p, old, x->h.ts_ns);
		pairing_emit(p, &ev);
	}
	pairing_task_free(old);
	t->call.tid = x->h.tid;
	if (idmap__put(&p->tasks, x->h.tid, t)) {
		pairing_task_free(t);
		return NULL;
	}
	return t;
}

void pairing_handle_exec(struct sr_pairing *p, const struct sr_exec *x, size_t len)
{
	struct sr_ttask *t;

	if (x->old_tid != x->h.tid)
		t = exec_takeover(p, x);
	else
		t = idmap__get(&p->tasks, x->h.tid);
	if (t) {
		memcpy(t->prev_comm, t->comm, sizeof(t->comm));
		t->comm_since = x->h.ts_ns;
		memcpy(t->comm, x->comm, sizeof(t->comm));
		remember_exec_name(t, x, len);
	}
}

void pairing_handle_fork(struct sr_pairing *p, const struct sr_fork *f)
{
	struct sr_ttask *parent = idmap__get(&p->tasks, f->h.tid);
	struct sr_ttask *child = pairing_task_get(p, f->child_tid, f->child_tgid);
	struct sr_task_info tmp;
	struct sr_event ev = { .type = SR_EV_FORK, .shown = true, .ts = f->h.ts_ns };

	if (child) {
		memcpy(child->comm, f->comm, sizeof(child->comm));
		child->info.cgid = parent ? parent->info.cgid : 0;
	}
	if (p->fds && f->child_tgid != f->h.tgid)
		fdtab__on_fork(p->fds, f->h.tgid, f->child_tgid, f->flags & SR_FORK_FILES);
	/* strace prints nothing for it; sinks that follow process trees need it */
	if (!child)
		return;
	ev.task = pairing_info_of(parent, &tmp, f->h.tid, f->h.tgid);
	ev.child = &child->info;
	ev.share_files = f->flags & SR_FORK_FILES;
	pairing_emit(p, &ev);
}

/*
 * A signal seen when it was sent (ignored by default, or fatal by default):
 * strace shows it once the task looks at its signals, after the syscall it
 * is in. Only for tasks we know: the kernel could not apply every filter to
 * the receiver.
 */
static void handle_ignored_signal(struct sr_pairing *p, const struct sr_signal *x)
{
	struct sr_ttask *t = idmap__get(&p->tasks, x->h.tid);

	if (!t)
		return;
	/* sent by the task itself: its call record (one, at exit) is still to come */
	if (!t->in_call && !(x->flags & SR_SIG_SELF)) {
		pairing_emit_signal(p, t, x);
		return;
	}
	if (t->npending < SR_PENDING_SIGS)
		t->pending[t->npending++] = *x;
}

void pairing_handle_signal(struct sr_pairing *p, const struct sr_signal *x)
{
	struct sr_ttask *t = idmap__get(&p->tasks, x->h.tid);

	if (x->flags & (SR_SIG_IGNORED | SR_SIG_FATAL)) {
		handle_ignored_signal(p, x);
		return;
	}
	if (t)
		pairing_flush_pending(p, t, 0);
	pairing_emit_signal(p, t, x);
}
