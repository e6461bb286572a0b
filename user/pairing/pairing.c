// SPDX-License-Identifier: GPL-2.0
/*
 * The pairing stage: turns the record stream into events for the sinks
 * (pairing/sink.h). It pairs each exit with its entry, keeps per-thread
 * state, follows forks and execs, applies the user-space filters (-e
 * status=, quiet=, signal=), tells the fd model what each completed call
 * did, and says what a sink must show: it prints nothing itself.
 *
 * Calls are paired here; the stage's set-up, tasks and state in tasks.c;
 * process and signal records in procs.c, io_uring
 * requests in uring.c, -Y's zombies in zombies.c, -P's choice in pathsel.c.
 */
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cli/filter.h"
#include "cli/opts.h"
#include "fd/fdtab.h"
#include "pairing/pairing.h"
#include "pairing/internal.h"
#include "pairing/pathsel.h"

/* Hand @ev to every sink. */
void pairing_emit(struct sr_pairing *p, const struct sr_event *ev)
{
	int i;

	for (i = 0; i < p->nsinks; i++)
		p->sinks[i]->ops->event(p->sinks[i], ev);
}

/*
 * The fd model resolves what a shown event's call will annotate (sinks only
 * read it): the entry part when a sink shows it (at SR_EV_ENTER, or with the
 * event that ends the call for one that shows calls whole), the rest with
 * the exit.
 */
static void prepare_fds(struct sr_pairing *p, struct sr_ttask *t, enum sr_ev_type type)
{
	unsigned int parts = 0;

	if (type == SR_EV_ENTER) {
		t->entry_shown = p->early_sinks;
		parts = p->early_sinks ? SR_FDP_ENTRY : 0;
	} else if (!t->entry_shown || p->whole_sinks) {
		parts = SR_FDP_ENTRY;
	}
	if (type == SR_EV_EXIT)
		parts |= SR_FDP_EXIT;
	if (p->fds && parts)
		fdtab__prepare(p->fds, &t->call, parts, pairing__comm_of, p);
}

/* An event about @t's call. */
void pairing_emit_call(struct sr_pairing *p, enum sr_ev_type type, struct sr_ttask *t, bool shown,
		       uint64_t ts)
{
	struct sr_event ev = {
		.type = type, .shown = shown, .ts = ts, .task = &t->info, .call = &t->call
	};

	if (shown)
		prepare_fds(p, t, type);
	/* lines a call completes (a detached call's line stays unfinished) */
	if (shown && type != SR_EV_ENTER && type != SR_EV_DETACHED)
		p->stats.lines++;
	pairing_emit(p, &ev);
}

/* A task whose pid was known but that the map no longer holds (@t NULL). */
const struct sr_task_info *pairing_info_of(const struct sr_ttask *t, struct sr_task_info *tmp,
					   uint32_t tid, uint32_t tgid)
{
	if (t)
		return &t->info;
	memset(tmp, 0, sizeof(*tmp));
	tmp->tid = tid;
	tmp->tgid = tgid;
	tmp->comm = "";
	return tmp;
}

/* @n records were lost before the record of kernel time @ts (0: unknown). */
static void lost_at(struct sr_pairing *p, uint64_t n, uint64_t ts)
{
	struct sr_event ev = { .type = SR_EV_LOST, .shown = true, .ts = ts, .lost = n };

	pairing_emit(p, &ev);
	p->stats.lost += n;
	fdtab__on_lost(p->fds);
}

void pairing__lost(struct sr_pairing *p, uint64_t n)
{
	lost_at(p, n, 0);
}

/*
 * Did an entry read fail? The BPF side reads it again at exit (SR_CAP_RETRY),
 * so the entry part waits for the exit. envp is only counted, never retried.
 */
static bool entry_faulted(const struct sr_call *c)
{
	int i;

	for (i = 0; i < SR_NARGS; i++) {
		const struct sr_blob *x = c->in[i];
		uint8_t t = c->ent->args[i].type;

		if (t == SR_T_ENVP)
			continue;
		for (; x; x = blob_next(x, c->in_end)) {
			if (SR_BLOB_ARG(x) != i)
				break;
			if (x->flags & SR_BF_FAULT)
				return true;
		}
	}
	return false;
}

/* "--- SIGCHLD {si_signo=SIGCHLD, ...} ---", as strace reports a delivery. */
void pairing_emit_signal(struct sr_pairing *p, const struct sr_ttask *t, const struct sr_signal *x)
{
	struct sr_task_info tmp;
	struct sr_event ev = {
		.type = SR_EV_SIGNAL,
		.shown = filter__signal_shown(p->opts, x->sig),
		.ts = x->h.ts_ns,
		.task = pairing_info_of(t, &tmp, x->h.tid, x->h.tgid),
		.sig = x,
	};

	pairing_emit(p, &ev);
}

/* Ignored signals noted while the task was busy: shown now, in strace's place. */
/* Print @t's pending signals but those with a flag in @keep. */
void pairing_flush_pending(struct sr_pairing *p, struct sr_ttask *t, uint32_t keep)
{
	int i, n = 0;

	for (i = 0; i < t->npending; i++) {
		if (t->pending[i].flags & keep)
			t->pending[n++] = t->pending[i];
		else
			pairing_emit_signal(p, t, &t->pending[i]);
	}
	t->npending = n;
}

static bool status_selected(const struct sr_pairing *p, unsigned int st)
{
	return !p->filter_status || (p->opts->status & st);
}

/* Does @t's call, with outcome @st, print? */
bool pairing_shown(const struct sr_pairing *p, const struct sr_ttask *t, unsigned int st)
{
	return !t->quiet && status_selected(p, st);
}

/*
 * A call -e trace= excludes, sent for the fd tables (SR_PLAN_TRACK). Only
 * native numbers in the table are sent that way.
 */
static bool for_tables_only(const struct sr_pairing *p, const struct sr_hdr *h)
{
	return p->opts && !(h->flags & SR_HF_COMPAT) && h->nr >= 0 && h->nr < SR_NR_MAX &&
	       !filter__traced(p->opts, h->nr);
}

/* A call whose exit never came, before this entry: its exit record was lost. */
static void finish_unavailable(struct sr_pairing *p, struct sr_ttask *t, uint64_t ts)
{
	pairing_emit_call(p, SR_EV_UNAVAILABLE, t, pairing_shown(p, t, SR_ST_UNAVAILABLE), ts);
}

/* The table entry @h's call prints by. */
static const struct sr_sysent *entry_of(const struct sr_pairing *p, const struct sr_hdr *h)
{
	/* an ia32 task: i386 numbering, arguments raw (strace would switch personality) */
	if (h->flags & SR_HF_COMPAT)
		return syscalls__get_compat(h->nr);
	if (p->opts && filter__raw(p->opts, h->nr))
		return syscalls__undecoded(h->nr);
	return syscalls__get(h->nr);
}

/* Point @t's call at its entry, copied when the table would overwrite it. */
static void set_entry(const struct sr_pairing *p, struct sr_ttask *t, const struct sr_hdr *h)
{
	const struct sr_sysent *e = entry_of(p, h);

	if (syscalls__is_transient(e)) {
		t->own_ent = *e;
		snprintf(t->own_name, sizeof(t->own_name), "%s", e->name);
		t->own_ent.name = t->own_name;
		e = &t->own_ent;
	}
	t->call.ent = e;
}

/* The blobs of @t's call longer than its records hold (pairing/more.h). */
static void set_ext(const struct sr_ttask *t, struct sr_call *c)
{
	c->ext = t->more ? t->more->ext : NULL;
	c->next = t->more ? t->more->next : 0;
}

/*
 * Start @t's call from an entry (or whole-call) record of @len bytes. @keep:
 * the call outlives the record (its exit comes later), so copy it into the
 * task; otherwise the call points into the record.
 */
static struct sr_call *load_call(const struct sr_pairing *p, struct sr_ttask *t,
				 const struct sr_enter *e, size_t len, bool keep)
{
	const uint8_t *base = (const uint8_t *)e;
	struct sr_call *c = &t->call;

	if (keep && len > t->rec_cap) {
		uint8_t *n = realloc(t->rec, len);

		if (!n)
			return NULL;
		t->rec = n;
		t->rec_cap = len;
	}
	if (keep) {
		memcpy(t->rec, e, len);
		base = t->rec;
		e = (const struct sr_enter *)base;
	}
	memset(c, 0, sizeof(*c));
	c->nr = e->h.nr;
	set_entry(p, t, &e->h);
	t->quiet = for_tables_only(p, &e->h);
	t->entry_shown = false;
	c->tid = e->h.tid;
	c->tgid = e->h.tgid;
	/* a whole-call record is sent at exit: it says when the call began if it knows */
	c->ts_enter = e->h.type == SR_REC_ENTER || (e->h.flags & SR_HF_ENTRY_TS) ? e->h.ts_ns : 0;
	memcpy(c->args, e->args, sizeof(c->args));
	/* a call with rows by command prints by its command's (keyctl's) */
	c->ent = syscalls__select(c->ent, c->args);
	c->ip = e->ip;
	c->in_start = base;
	c->in_end = base + len;
	set_ext(t, c);
	memcpy(t->comm, e->comm, sizeof(t->comm));
	t->info.cgid = e->cgid;
	return c;
}

/* strace's notice for a task that switched to i386 syscalls; once per task. */
static void tell_compat(struct sr_pairing *p, struct sr_ttask *t, uint64_t ts)
{
	struct sr_event ev = { .type = SR_EV_COMPAT, .ts = ts, .task = &t->info };

	if (t->compat_told)
		return;
	ev.shown = !p->opts || !p->opts->quiet_personality;
	t->compat_told = true;
	pairing_emit(p, &ev);
}

/* A new call of @t from record @e: whatever @t had in flight ended unseen. */
static struct sr_call *begin_call(struct sr_pairing *p, struct sr_ttask *t,
				  const struct sr_enter *e, size_t len, bool keep)
{
	if (e->h.flags & SR_HF_COMPAT)
		tell_compat(p, t, e->h.ts_ns);
	if (t->in_call)
		finish_unavailable(p, t, e->h.ts_ns);
	/* a signal @t sent itself in a one-record call prints after that call */
	pairing_flush_pending(p, t, e->h.type == SR_REC_CALL ? SR_SIG_SELF : 0);
	return load_call(p, t, e, len, keep);
}

/*
 * -b execve: strace detaches at the call's entry, its line left
 * "<unfinished ...>" (the launched command's first execve excepted).
 */
static void detach_at_exec(struct sr_pairing *p, struct sr_ttask *t)
{
	if (!p->detach_exec || !(t->call.ent->flags & SR_F_EXEC) || t->info.tgid == p->exempt_tgid)
		return;
	if (idmap__put(&p->detached, t->info.tgid, p))
		return;
	t->in_call = false;
}

/*
 * -b execve: is this record a detached process's? A fork record of one
 * detaches the child too; an exec record detaches its process (with
 * execve not traced), but the launched command's first.
 */
static bool detached(struct sr_pairing *p, const struct sr_hdr *h)
{
	if (!p->detach_exec)
		return false;
	if (!idmap__get(&p->detached, h->tgid)) {
		if (h->type != SR_REC_EXEC)
			return false;
		if (h->tgid == p->exempt_tgid) {
			p->exempt_tgid = 0;
			return false;
		}
		idmap__put(&p->detached, h->tgid, p);
		return true;
	}
	if (h->type == SR_REC_FORK)
		idmap__put(&p->detached, ((const struct sr_fork *)h)->child_tgid, p);
	return true;
}

static void handle_enter(struct sr_pairing *p, const struct sr_enter *e, size_t len)
{
	struct sr_ttask *t = pairing_task_get(p, e->h.tid, e->h.tgid);
	struct sr_call *c;

	if (!t)
		return;
	c = begin_call(p, t, e, len, true);
	if (!c)
		return;
	call__index_blobs(t->rec + sizeof(*e), c->in_end, c->in);
	t->in_call = true;
	/* -P: with the inputs read (at exit, when they faulted here); looked at once */
	t->sel_pending = entry_faulted(c);
	if (!t->sel_pending)
		t->quiet |= pathsel__hides(p->opts, p->fds, c);
	if (c->ent->ret == SR_R_NONE) {
		/* exit, exit_group: strace completes the line at once */
		pairing_emit_call(p, SR_EV_NORETURN, t, pairing_shown(p, t, SR_ST_UNFINISHED),
				  e->h.ts_ns);
		t->in_call = false;
		return;
	}
	/* Faulted paths are read again at exit; an outcome filter needs the exit. */
	if (t->sel_pending || p->filter_status || t->quiet)
		return;
	pairing_emit_call(p, SR_EV_ENTER, t, true, e->h.ts_ns);
	detach_at_exec(p, t);
}

/*
 * A child's return from clone/fork: strace never shows it. The kernel side
 * drops it already, except for ia32 tasks (another numbering).
 */
static bool is_child_return(const struct sr_sysent *e, int64_t ret)
{
	return ret == 0 && (e->flags & SR_F_FORK);
}

static unsigned int outcome(int64_t ret)
{
	return ret < 0 && ret >= -4095 ? SR_ST_FAILED : SR_ST_SUCCESSFUL;
}

static void handle_orphan_exit(struct sr_pairing *p, const struct sr_exit *x, size_t len)
{
	const struct sr_sysent *e = entry_of(p, &x->h);
	struct sr_call c = { .ent = e, .nr = x->h.nr, .tid = x->h.tid, .tgid = x->h.tgid };
	struct sr_ttask *t = idmap__get(&p->tasks, x->h.tid);
	struct sr_task_info tmp;
	struct sr_event ev = { .type = SR_EV_ORPHAN, .ts = x->h.ts_ns, .call = &c };

	if (is_child_return(e, x->ret))
		return;
	c.ret = x->ret;
	c.has_exit = true;
	c.ts_exit = x->h.ts_ns;
	c.out_start = (const uint8_t *)x;
	c.out_end = (const uint8_t *)x + len;
	/* the fds it created are known even without its entry (attached mid-call) */
	if (p->fds)
		fdtab__on_orphan_exit(p->fds, &c);
	/* -P: its arguments are unknown, so it cannot be shown to touch anything */
	if (for_tables_only(p, &x->h) || pathsel__wanted(p->opts))
		return;
	ev.shown = status_selected(p, outcome(x->ret));
	ev.task = pairing_info_of(t, &tmp, x->h.tid, x->h.tgid);
	if (ev.shown && p->fds)
		fdtab__prepare(p->fds, &c, SR_FDP_EXIT, pairing__comm_of, p);
	if (ev.shown)
		p->stats.lines++;
	pairing_emit(p, &ev);
}

/* Count the inputs that could not be read even at exit, by type. */
static void count_unread(struct sr_pairing *p, const struct sr_call *c)
{
	int i;

	for (i = 0; i < c->ent->nargs && i < SR_NARGS; i++) {
		const struct sr_blob *b = c->in[i];
		uint8_t t = c->ent->args[i].type;

		/* below the lowest mappable page: the kernel faults on it too */
		if (!b || !(b->flags & SR_BF_FAULT) || t >= SR_T_MAX || c->args[i] < 4096)
			continue;
		p->stats.unread[t]++;
		if (c->ret != -14 /* EFAULT */)
			p->stats.unread_kernel_ok[t]++;
	}
}

/* A successful execve whose path faulted at entry: the kernel's copy of it. */
static void use_exec_name(struct sr_ttask *t, struct sr_call *c)
{
	int i;

	if (!t->exec_name || c->ret != 0 || !(c->ent->flags & SR_F_EXEC))
		return;
	for (i = 0; i < c->ent->nargs; i++) {
		if (c->ent->args[i].type != SR_T_PATH)
			continue;
		if (c->in[i] && (c->in[i]->flags & SR_BF_FAULT))
			c->in[i] = (const struct sr_blob *)t->exec_name;
		break;
	}
}

/* Is @h (an exit, or a whole call) the end of the call @t has in flight? */
static bool ends_call(const struct sr_ttask *t, const struct sr_hdr *h)
{
	/*
	 * rt_sigreturn restores the registers, syscall number -1 included; an
	 * execve that loaded an ia32 program returns as i386's execve.
	 */
	return t && t->in_call &&
	       (t->call.nr == h->nr || h->nr == -1 ||
		((h->flags & SR_HF_COMPAT) && (t->call.ent->flags & SR_F_EXEC)));
}

/*
 * io_uring_register()'s records, sent from inside the call (the first, then
 * one for each further SR_UREG_FDS fds): held until the call's exit, which
 * says whether the kernel took the registration. A continuation without its
 * first record (lost) is dropped: its slots stay unknown.
 */
static void handle_uring_reg(struct sr_pairing *p, const struct sr_uring_reg *r)
{
	struct sr_ttask *t = pairing_task_get(p, r->h.tid, r->h.tgid);
	struct sr_uring_reg *a;
	uint32_t cap;

	/* an IORING_OP_FILES_UPDATE request's fds: held with its submission */
	if (r->flags & SR_UREG_REQ) {
		uring__on_reg(&p->uring, r);
		return;
	}
	if (!t)
		return;
	if (!(r->flags & SR_UREG_CONT))
		t->ureg_n = 0;
	else if (!t->ureg_set || !t->ureg_n)
		return;
	if (t->ureg_n == t->ureg_cap) {
		cap = t->ureg_cap ? 2 * t->ureg_cap : 1;
		a = realloc(t->ureg, cap * sizeof(*a));
		if (!a)
			return;
		t->ureg = a;
		t->ureg_cap = cap;
	}
	t->ureg[t->ureg_n++] = *r;
	t->ureg_set = true;
}

/*
 * The child a successful call reaped without returning its pid: waitid's
 * siginfo names it (SR_F_REAPSI), unless WNOWAIT left it a zombie. 0: none.
 */
static uint32_t reaped_by_siginfo(const struct sr_call *c)
{
	const struct sr_blob *b = NULL;
	uint64_t options = 0;
	const void *p;
	int i;

	if (!(c->ent->flags & SR_F_REAPSI) || c->ret != 0)
		return 0;
	for (i = c->ent->nargs - 1; i >= 0; i--) {
		if (c->ent->args[i].type == SR_T_STRUCT_OUT)
			b = c->out[i];
		else if (c->ent->args[i].type == SR_T_FLAGS)
			options = c->args[i];
	}
	p = blob_get(b, offsetof(siginfo_t, si_pid) + sizeof(int32_t));
	if (!p || (options & WNOWAIT))
		return 0;
	return get32(p, offsetof(siginfo_t, si_pid));
}

/* @t's call has its exit in @c: show it, then let the fd tables learn from it. */
static void end_call(struct sr_pairing *p, struct sr_ttask *t, struct sr_call *c)
{
	if (t->ureg_set && SR_FDACT(c->ent) == SR_FD_URING_REG) {
		c->uring_reg = t->ureg;
		c->uring_reg_n = t->ureg_n;
	}
	t->ureg_set = false;
	count_unread(p, c);
	/* a pid a call returned (wait4's reaped child, fork's new one) */
	if ((c->ent->ret == SR_R_PID || c->ent->ret == SR_R_TID) && c->ret > 0)
		zombies__reaped(&p->zombies, (uint32_t)c->ret, c->ts_exit);
	if (reaped_by_siginfo(c))
		zombies__reaped(&p->zombies, reaped_by_siginfo(c), c->ts_exit);
	pairing_emit_call(p, SR_EV_EXIT, t, pairing_shown(p, t, outcome(c->ret)), c->ts_exit);
	if (p->fds)
		fdtab__on_syscall(p->fds, c);
	c->uring_reg = NULL;
	c->uring_reg_n = 0;
	t->in_call = false;
}

/*
 * Finish @t's call with the exit part of record @rec (@len bytes, blobs from
 * @blobs): it returned @ret at @ts_exit.
 */
static void complete_call(struct sr_pairing *p, struct sr_ttask *t, const struct sr_hdr *rec,
			  const uint8_t *blobs, size_t len, int64_t ret, uint64_t ts_exit)
{
	struct sr_call *c = &t->call;

	c->ret = ret;
	c->has_exit = true;
	c->ts_exit = ts_exit;
	c->out_start = (const uint8_t *)rec;
	c->out_end = (const uint8_t *)rec + len;
	set_ext(t, c);
	call__index_exit_blobs(c, blobs);
	use_exec_name(t, c);
	if (t->sel_pending)
		t->quiet |= pathsel__hides(p->opts, p->fds, c);
	end_call(p, t, c);
	c->has_exit = false;
	c->out_start = NULL;
	c->out_end = NULL;
	memset(c->out, 0, sizeof(c->out));
	pairing_flush_pending(p, t, 0);
}

static void handle_exit(struct sr_pairing *p, const struct sr_exit *x, size_t len)
{
	struct sr_ttask *t = idmap__get(&p->tasks, x->h.tid);

	if (!ends_call(t, &x->h)) {
		if (!(x->h.flags & SR_HF_DYING))
			handle_orphan_exit(p, x, len);
		return;
	}
	/* SIGKILL is pending: the task's exit finishes the call with "= ?" */
	if (x->h.flags & SR_HF_DYING)
		return;
	complete_call(p, t, &x->h, (const uint8_t *)(x + 1), len, x->ret, x->h.ts_ns);
}

/*
 * A whole call in one record: any call under -z/-Z (already filtered by
 * outcome in the kernel), and calls that never block (SR_PLAN_AT_EXIT).
 * With entry times wanted it is stamped with its entry's, and the merge
 * hands it on there: its line prints whole before those of other threads
 * that began while it ran (strace would split it in an <unfinished ...>
 * and a resumed line around them).
 */
static void handle_call(struct sr_pairing *p, const struct sr_callrec *r, size_t len)
{
	struct sr_ttask *t = pairing_task_get(p, r->e.h.tid, r->e.h.tgid);
	bool dying = r->e.h.flags & SR_HF_DYING;
	struct sr_call *c;

	if (!t || is_child_return(entry_of(p, &r->e.h), r->ret))
		return;
	/*
	 * A seccomp'ed task's failures come whole (its sys_enter may never have
	 * run); one whose entry we have is an exit.
	 */
	if (ends_call(t, &r->e.h) && !dying) {
		complete_call(p, t, &r->e.h, (const uint8_t *)(r + 1), len, r->ret, r->ts_exit);
		return;
	}
	/* only a call whose exit never comes outlives this record */
	c = begin_call(p, t, &r->e, len, dying);
	if (!c)
		return;
	if (dying) {
		/* as an entry whose exit never comes: the task's exit finishes it */
		t->in_call = true;
		return;
	}
	c->ret = r->ret;
	c->has_exit = true;
	c->ts_exit = r->ts_exit;
	c->out_start = (const uint8_t *)r;
	c->out_end = c->out_start + len;
	set_ext(t, c);
	call__index_exit_blobs(c, c->out_start + sizeof(*r));
	t->quiet |= pathsel__hides(p->opts, p->fds, c);
	end_call(p, t, c);
	/* the record is gone once we return */
	c->in_end = c->out_start = c->out_end = NULL;
	memset(c->in, 0, sizeof(c->in));
	memset(c->out, 0, sizeof(c->out));
	pairing_flush_pending(p, t, 0);
}

/*
 * An io_uring request completed: one line for the submitter, as its
 * syscall twin prints, and what the fd tables learn from it.
 */
static void handle_uring(struct sr_pairing *p, const struct sr_uring_cqe *x, size_t len)
{
	struct sr_event ev = { .type = SR_EV_EXIT, .ts = x->h.ts_ns };
	struct sr_uring_call uc;
	struct sr_ttask *t;
	struct sr_call fc;

	if (!uring__complete(&p->uring, x, len, p->opts, &uc))
		return;
	t = pairing_task_get(p, x->h.tid, x->h.tgid);
	if (!t) {
		uring__release(&p->uring, &uc);
		return;
	}
	/* a task known only by its requests (-c sends no syscall): its name and cgroup */
	if (!t->comm[0])
		memcpy(t->comm, uc.sub->comm, sizeof(t->comm));
	if (!t->info.cgid)
		t->info.cgid = uc.sub->cgid;
	call__index_blobs(uc.sub_blobs, uc.call.in_end, uc.call.in);
	call__index_exit_blobs(&uc.call, (const uint8_t *)(x + 1));
	/* the fd tables see the twin's own row (uc.ent is an extended copy) */
	fc = uc.call;
	if (fc.nr >= 0)
		fc.ent = syscalls__get(fc.nr);
	ev.task = &t->info;
	ev.call = &uc.call;
	ev.shown = uc.shown && status_selected(p, outcome(uc.call.ret));
	if (ev.shown && p->fds)
		fdtab__prepare(p->fds, &fc, SR_FDP_ENTRY | SR_FDP_EXIT, pairing__comm_of, p);
	if (ev.shown)
		p->stats.lines++;
	pairing_emit(p, &ev);
	if (p->fds && uc.fd_changes)
		fdtab__on_syscall(p->fds, &fc);
	if (p->fds)
		fdtab__on_uring(p->fds, &fc);
	uring__release(&p->uring, &uc);
}

/* A buffer's bytes past its blob: held until the record they continue. */
static void handle_more(struct sr_pairing *p, const struct sr_more *r, size_t len)
{
	struct sr_ttask *t = pairing_task_get(p, r->h.tid, r->h.tgid);

	if (!t || (!t->more && !(t->more = calloc(1, sizeof(*t->more)))))
		return;
	more__hold(t->more, r, len);
}

/* A call's record, with the bytes of its buffers that came before it spliced in. */
static const void *with_more(struct sr_pairing *p, const void *data, size_t *len)
{
	const struct sr_hdr *h = data;
	struct sr_ttask *t = idmap__get(&p->tasks, h->tid);

	return t && t->more ? more__splice(t->more, data, len) : data;
}

/* The smallest valid record of each type. */
static const size_t min_size[] = {
	[SR_REC_ENTER] = sizeof(struct sr_enter),
	[SR_REC_EXIT] = sizeof(struct sr_exit),
	[SR_REC_FORK] = sizeof(struct sr_fork),
	[SR_REC_EXEC] = sizeof(struct sr_exec),
	[SR_REC_PEXIT] = sizeof(struct sr_pexit),
	[SR_REC_SIGNAL] = sizeof(struct sr_signal),
	[SR_REC_CALL] = sizeof(struct sr_callrec),
	[SR_REC_URING_SUB] = sizeof(struct sr_uring_sub),
	[SR_REC_URING_CQE] = sizeof(struct sr_uring_cqe),
	[SR_REC_URING_REG] = sizeof(struct sr_uring_reg),
	[SR_REC_MORE] = sizeof(struct sr_more),
};

int pairing__handle(struct sr_pairing *p, const void *data, size_t len)
{
	const struct sr_hdr *h = data;

	p->stats.records++;
	if (len < sizeof(*h) || h->size > len || h->size < sizeof(*h)) {
		p->stats.bad++;
		return 0;
	}
	len = h->size;
	p->last_ts = h->ts_ns;
	if (h->lost)
		lost_at(p, h->lost, h->ts_ns);
	if (h->type >= sizeof(min_size) / sizeof(min_size[0]) || !min_size[h->type] ||
	    len < min_size[h->type]) {
		p->stats.bad++;
		return 0;
	}
	if (h->type == SR_REC_ENTER || h->type == SR_REC_EXIT || h->type == SR_REC_CALL)
		data = with_more(p, data, &len);
	if (detached(p, h))
		return 0;
	switch (h->type) {
	case SR_REC_ENTER:
		handle_enter(p, data, len);
		break;
	case SR_REC_EXIT:
		handle_exit(p, data, len);
		break;
	case SR_REC_CALL:
		handle_call(p, data, len);
		break;
	case SR_REC_PEXIT:
		pairing_handle_pexit(p, data);
		break;
	case SR_REC_EXEC:
		pairing_handle_exec(p, data, len);
		break;
	case SR_REC_FORK:
		pairing_handle_fork(p, data);
		break;
	case SR_REC_SIGNAL:
		pairing_handle_signal(p, data);
		break;
	case SR_REC_URING_SUB:
		uring__on_submit(&p->uring, data, len);
		break;
	case SR_REC_URING_CQE:
		handle_uring(p, data, len);
		break;
	case SR_REC_URING_REG:
		handle_uring_reg(p, data);
		break;
	case SR_REC_MORE:
		handle_more(p, data, len);
		break;
	}
	return 0;
}

/* A call still in progress when tracing stops: strace marks it " <detached ...>". */
static void detach_call(struct sr_pairing *p, struct sr_ttask *t)
{
	t->in_call = false;
	pairing_emit_call(p, SR_EV_DETACHED, t, pairing_shown(p, t, SR_ST_DETACHED), 0);
}

/* The task whose line a sink holds open, if any, so that it ends first, where it is. */
static uint32_t open_tid(const struct sr_pairing *p)
{
	int i;

	for (i = 0; i < p->nsinks; i++)
		if (p->sinks[i]->ops->open_tid)
			return p->sinks[i]->ops->open_tid(p->sinks[i]);
	return 0;
}

void pairing__finish(struct sr_pairing *p)
{
	uint32_t first = open_tid(p);
	struct sr_ttask *t;
	size_t it = 0;
	int i;

	t = first ? idmap__get(&p->tasks, first) : NULL;
	if (t && t->in_call)
		detach_call(p, t);
	while ((t = idmap__next(&p->tasks, &it, NULL)))
		if (t->in_call)
			detach_call(p, t);
	for (i = 0; i < p->nsinks; i++)
		if (p->sinks[i]->ops->finish)
			p->sinks[i]->ops->finish(p->sinks[i]);
}
