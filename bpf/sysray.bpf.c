// SPDX-License-Identifier: GPL-2.0
/*
 * sysray kernel side: raw_syscalls sys_enter/sys_exit plus the scheduler's
 * fork, exec and exit tracepoints and the signal tracepoints. Each program
 * decides whether the task is traced before it touches the ring buffer,
 * builds its record in per-CPU scratch and emits exactly the bytes used.
 * Each CPU has its own ring buffer. Wakeups are batched: the consumer is
 * woken each time another targ_wakeup_bytes are pending, otherwise it polls
 * on a short timer.
 */
/*
 * Built twice: for kernels with bpf_loop() (5.17+; SR_BPF_LOOP 1), which also
 * have bpf_get_current_task_btf() (5.11+), and for older ones (SR_BPF_LOOP 0).
 * The loader probes and loads one of them. Defined before any header uses it.
 */
#ifndef SR_BPF_LOOP
#define SR_BPF_LOOP 1
#endif

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "sysray/abi.h"
#include "arch.bpf.h"
#include "maps.bpf.h"
#include "capture.bpf.h"
#include "filter.bpf.h"
#include "fdinfo.bpf.h"
#include "emit.bpf.h"
#include "peer.bpf.h"
#include "count.bpf.h"

char LICENSE[] SEC("license") = "GPL";

static __always_inline bool exit_only(const struct sr_plan *plan)
{
	return sr_plan_whole(plan->flags, targ_status);
}

/*
 * -k: the user registers and the top of the user stack, in a record of its
 * own just before the entry record. Read a page at a time: a read that
 * crosses the end of the stack fails whole, and what lies below the end is
 * kept. A function of its own, not on the capture chain: inlined, its loop
 * spilled 32 bytes of registers into sys_exit's frame, which the deepest
 * call chain (sys_exit -> capture_args -> ... -> put_blob) carries whole.
 */
static __noinline void emit_stack(struct pt_regs *regs)
{
	struct sr_scratch *s = scratch_get();
	__u64 want = targ_stack_bytes, got = 0, n;
	struct sr_stack *k;
	__u64 gen, sp;
	int i;

	if (!s)
		return;
	gen = ++s->gen;
	k = (void *)s->buf;
	hdr_init(&k->h, SR_REC_STACK, -1);
	sr_regs_dwarf(regs, k->regs);
	sp = sr_regs_sp(regs);
	k->sp = sp;
	k->pad = 0;
	n = 4096 - (sp & 4095);
	for (i = 0; i < SR_STACK_BYTES_MAX / 4096 + 2 && got < want; i++) {
		if (n > want - got)
			n = want - got;
		if (n > 4096 || got > SR_STACK_BYTES_MAX)
			break;
		if (bpf_probe_read_user(s->buf + sizeof(*k) + got, n, (void *)(sp + got)))
			break;
		got += n;
		n = 4096;
	}
	k->len = got;
	emit(s, gen, sizeof(*k) + got);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long id)
{
	struct task_struct *cur = cur_task();
	__u32 tgid = cur_tgid(cur);
	const struct sr_plan *plan;
	struct sr_scratch *s;
	struct sr_enter *e;
	bool compat;
	__u32 off;
	__u64 gen;

	if (!task_selected(tgid, cur))
		return 0;
	plan = plan_of(id);
	if (!plan || !(plan->flags & (SR_PLAN_TRACED | SR_PLAN_EXEC | SR_PLAN_COMPAT)))
		return 0;
	if (targ_filter_tasks && !traced_lookup(tgid, plan->flags & SR_PLAN_EXEC))
		return 0;
	/* i386 numbers mean other syscalls: the plans of an ia32 task's calls */
	compat = sr_compat_syscall(cur);
	if (compat && !(plan = compat_plan(plan, id)))
		return 0;
	if (targ_count && (plan->flags & SR_PLAN_TRACED)) {
		count_enter(cur, id, compat, plan->flags);
		if (targ_count_only)
			return 0;
	}
	if (!(plan->flags & SR_PLAN_TRACED))
		return 0;
	if (targ_stack_bytes && !compat)
		emit_stack(regs);
	if (exit_only(plan)) {
		/* sent whole at exit: with entry times wanted, the record carries this one */
		if (targ_entry_ts)
			stamp_entry(cur, compat ? SR_PLAN_KEY32(id) : plan_key(id));
		return 0;
	}
	if (!(plan->flags & SR_PLAN_HAS_ENTER)) {
		struct sr_cpu_stats *st = stats_get();

		if (!st || !(e = reserve_fixed(st, sizeof(*e))))
			return 0;
		enter_init(e, SR_REC_ENTER, id, regs, compat ? SR_HF_COMPAT : 0, cur);
		submit_fixed(st, &e->h, sizeof(*e));
		return 0;
	}
	s = scratch_get();
	if (!s)
		return 0;
	gen = ++s->gen;
	e = (void *)s->buf;
	enter_init(e, SR_REC_ENTER, id, regs, compat ? SR_HF_COMPAT : 0, cur);
	off = sizeof(*e);
	s->faults = 0;
	save_call(s, e->args, 0, sr_regs_sp(regs));
	off = capture_args(off, compat ? SR_PLAN_KEY32(id) : plan_key(id), SR_PASS_ENTER, 0);
	/* The copy routines had the scratch to themselves: look it up again. */
	s = scratch_get();
	if (!s)
		return 0;
	if (s->faults)
		note_faults(s->faults, id);
	if (s->nmore) {
		emit_more();
		s = scratch_get();
		if (!s)
			return 0;
	}
	emit(s, gen, off);
	return 0;
}

/*
 * After a successful execve the old image, and whatever the entry could not
 * read in it, is gone; but the new image holds a copy of argv between
 * mm->arg_start and mm->arg_end. (The file name comes with the exec record.)
 * Both are read once, before the arguments are walked, into the scratch's
 * two spare argument slots: read (bpf_probe_read_kernel()), not
 * dereferenced, since a pointer loaded through a BTF pointer (t->mm) has
 * the verifier search all ~125k kernel types by name several times for each
 * path it explores there (~10 ms of every start-up); and off the stack,
 * since sys_exit's frame (retry_faults() is inlined there) is on the
 * deepest call chain (6.1's verifier counts each frame rounded up to 32
 * bytes against 512 in all). A program that preempts this one and
 * takes the scratch bumps its gen: the record is then dropped and counted.
 */
static __always_inline void exec_argv_bounds(void)
{
	struct sr_scratch *s = scratch_get();
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();
	struct mm_struct *mm;

	if (!s)
		return;
	s->args[SR_ARGV_END] = 0;
	if (bpf_probe_read_kernel(&s->args[SR_ARGV_START], sizeof(s->args[0]), &t->mm)) {
		s->args[SR_ARGV_START] = 0;
		return;
	}
	mm = (struct mm_struct *)s->args[SR_ARGV_START];
	bpf_probe_read_kernel(&s->args[SR_ARGV_END], sizeof(s->args[0]), &mm->arg_end);
	mm = (struct mm_struct *)s->args[SR_ARGV_START];
	if (bpf_probe_read_kernel(&s->args[SR_ARGV_START], sizeof(s->args[0]), &mm->arg_start))
		s->args[SR_ARGV_START] = 0;
}

/* Argument @i of an execve whose entry copy faulted: the new image's argv. */
static __always_inline __u32 retry_exec_argv(__u32 off, __u32 i)
{
	struct sr_scratch *s = scratch_get();
	__u64 start, end;

	if (!s)
		return off;
	start = s->args[SR_ARGV_START];
	end = s->args[SR_ARGV_END];
	return put_blob(off, start, end > start ? end - start : 0,
			CAP_PACK(SR_BLOB_MAX, i, SR_HOW_BUF, SR_BF_RETRY | SR_BF_FLAT));
}

/*
 * Re-read at exit the arguments of syscall @nr (plan at @key) whose copy
 * faulted at entry; the call returned @ret. Inlined into sys_exit: as a
 * function its frame (32 bytes, 64 in the build for older kernels) was one
 * more step of the deepest call chain; it takes the function slot emit_stack()
 * now uses. The verifier walks it with sys_exit (~1,700 more instructions
 * processed at load).
 */
static __always_inline __u32 retry_faults(__u32 off, __u32 key, __s32 nr, __s64 ret)
{
	const struct sr_plan *plan = plan_get(key);
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	struct retry_val *rv;
	__u32 mask;
	int i;

	rv = bpf_map_lookup_elem(&retry, &tid);
	if (!rv || !plan)
		return off;
	mask = rv->nr == nr ? rv->mask : 0;
	drop_retry(tid);
	if (!mask)
		return off;
	if (!(plan->flags & SR_PLAN_EXEC) || ret != 0)
		return capture_args(off, key, SR_PASS_RETRY, mask);
	exec_argv_bounds();
	for (i = 0; i < SR_NARGS; i++)
		if ((mask & (1u << i)) && plan->a[i].how == SR_HOW_STRV)
			off = retry_exec_argv(off, i);
	return off;
}

/* -z/-Z: is a call that returned @ret wanted? The fd tables need every outcome. */
static __always_inline bool outcome_wanted(const struct sr_plan *plan, long ret)
{
	bool failed = ret < 0 && ret >= -4095;

	return !targ_status || (plan->flags & SR_PLAN_TRACK) ||
	       (targ_status & (failed ? SR_STATUS_FAIL : SR_STATUS_OK));
}

/*
 * The fixed part of an exit record, or of a whole call's (@whole): -z/-Z,
 * calls that never block, and a seccomp'ed task's failures, whose entry may
 * never have been seen. A whole call that began at @ts_enter (0: unknown)
 * is stamped with it, so that the rings' merge places it where it began;
 * its exit's time follows the entry part. Returns its size.
 */
static __always_inline __u32 exit_init(void *rec, bool whole, struct pt_regs *regs, long id,
				       long ret, __u16 hflags, struct task_struct *cur,
				       __u64 ts_enter)
{
	struct sr_callrec *c = rec;
	struct sr_exit *x = rec;

	if (whole) {
		enter_init(&c->e, SR_REC_CALL, id, regs, hflags, cur);
		c->ret = ret;
		c->ts_exit = c->e.h.ts_ns;
		if (ts_enter) {
			c->e.h.ts_ns = ts_enter;
			c->e.h.flags |= SR_HF_ENTRY_TS;
		}
		return sizeof(*c);
	}
	hdr_init(&x->h, SR_REC_EXIT, id);
	x->h.flags = hflags;
	x->ret = ret;
	return sizeof(*x);
}

/*
 * sys_exit, with (@fdi) or without the fd descriptions of -y: two programs,
 * so that without -y the kernel types those need cost libbpf nothing.
 */
static __always_inline int do_sys_exit(struct pt_regs *regs, long ret, bool fdi)
{
	struct task_struct *cur = cur_task();
	__u32 tgid = cur_tgid(cur);
	long id = sr_regs_nr(regs);
	__u32 key = plan_key(id);
	const struct sr_plan *plan;
	struct sr_cpu_stats *st;
	struct sr_scratch *s;
	__u64 args[SR_NARGS];
	__u64 gen, ts_enter;
	__u16 hflags;
	bool compat, whole;
	__u32 off;

	if (!task_selected(tgid, cur))
		return 0;
	/* any task's accept may take a traced process's connection */
	if (targ_follow_peer && ret >= 0)
		peer_accepted(tgid, id, ret);
	plan = plan_get(key);
	/* before the filters: the entry was counted only if they let it through */
	if (targ_count) {
		count_exit(cur, tgid, id, ret, plan ? plan->flags : 0);
		if (targ_count_only)
			return 0;
	}
	if (!plan || !(plan->flags & (SR_PLAN_TRACED | SR_PLAN_TRACK | SR_PLAN_COMPAT)))
		return 0;
	if (targ_filter_tasks && !traced_lookup(tgid, false))
		return 0;
	compat = sr_compat_syscall(cur);
	if (compat ? !(plan = compat_plan(plan, id)) :
		     !(plan->flags & (SR_PLAN_TRACED | SR_PLAN_TRACK)))
		return 0;
	/* the child's return from clone or fork: strace never shows it */
	if ((plan->flags & SR_PLAN_FORK) && ret == 0)
		return 0;
	hflags = compat ? SR_HF_COMPAT : 0;
	if (compat)
		key = SR_PLAN_KEY32(id);
	/* -k: after an execve the stack is the new image's (strace shows that one) */
	if (targ_stack_bytes && !compat &&
	    (plan->flags & (SR_PLAN_EXEC | SR_PLAN_TRACED)) == (SR_PLAN_EXEC | SR_PLAN_TRACED) &&
	    ret == 0)
		emit_stack(regs);
	/* killed in a call (often a blocked one): only failures are worth the check */
	if (ret < 0 && sr_task_dying())
		hflags |= SR_HF_DYING;
	/* a seccomp'ed task's failure comes whole: its entry may never have been seen */
	whole = exit_only(plan) || (ret < 0 && sr_seccomp_filtered());
	if (whole && !outcome_wanted(plan, ret))
		return 0;
	/* stamped by sys_enter (a seccomp'ed task's failure may not have been) */
	ts_enter = whole && targ_entry_ts && exit_only(plan) ? take_entry(cur, key) : 0;
	/* nothing but the fixed part: straight into the ring */
	if (!(plan->flags & SR_PLAN_MEMORY) && !want_creds(ret)) {
		__u32 size = whole ? sizeof(struct sr_callrec) : sizeof(struct sr_exit);
		void *rec;

		st = stats_get();
		if (!st || !(rec = reserve_fixed(st, size)))
			return 0;
		exit_init(rec, whole, regs, id, ret, hflags, cur, ts_enter);
		submit_fixed(st, rec, size);
		return 0;
	}
	s = scratch_get();
	if (!s)
		return 0;
	gen = ++s->gen;
	off = exit_init(s->buf, whole, regs, id, ret, hflags, cur, ts_enter);
	sr_regs_args(regs, args, cur);
	save_call(s, args, ret, 0);
	if (whole && (plan->flags & SR_PLAN_HAS_ENTER))
		off = capture_args(off, key, SR_PASS_CALL_ENTRY, 0);
	else if (!whole && (plan->flags & SR_PLAN_HAS_ENTER) && retry_pending > 0)
		off = retry_faults(off, key, id, ret);
	if (plan->flags & SR_PLAN_HAS_EXIT)
		off = capture_args(off, key, SR_PASS_EXIT, 0);
	if (fdi && (plan->flags & (SR_PLAN_FDI_RET | SR_PLAN_FDI_ARG0 | SR_PLAN_FDI_PAIR))) {
		s = scratch_get();
		if (s)
			fdi_offsets_set(&s->fdo);
		off = capture_fdinfo(off, key);
	}
	if (want_creds(ret))
		off = put_creds(off);
	s = scratch_get();
	if (s && s->nmore) {
		emit_more();
		s = scratch_get();
	}
	if (s)
		emit(s, gen, off);
	return 0;
}

/*
 * The loader loads sys_exit_fdi instead of sys_exit with -y, -yy,
 * --absolute-paths. A light skeleton loads what is loaded by default, so
 * its build for -y (SR_EXIT_FDI) marks the other one "?" (not by default).
 */
#ifdef SR_EXIT_FDI
#define SEC_EXIT     "?tp_btf/sys_exit"
#define SEC_EXIT_FDI "tp_btf/sys_exit"
#else
#define SEC_EXIT     "tp_btf/sys_exit"
#define SEC_EXIT_FDI "?tp_btf/sys_exit"
#endif

SEC(SEC_EXIT)
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	return do_sys_exit(regs, ret, false);
}

SEC(SEC_EXIT_FDI)
int BPF_PROG(sys_exit_fdi, struct pt_regs *regs, long ret)
{
	return do_sys_exit(regs, ret, true);
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(sched_process_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 ptgid = parent->tgid, ctgid = child->tgid;
	struct sr_task nt = {};
	struct sr_cpu_stats *st;
	struct sr_fork *f;

	if (!task_traced_quiet(ptgid, cur_task()))
		return 0;
	/* Follow the child before it can run: this hook precedes its first wakeup. */
	if (targ_filter_tasks && ctgid != ptgid) {
		nt.flags = peer_flag_of(ptgid);
		if (bpf_map_update_elem(&traced, &ctgid, &nt, BPF_ANY)) {
			stat_inc(SR_STAT_FOLLOW_FAIL);
		} else {
			bpf_map_delete_elem(&dead, &ctgid); /* a reused tgid */
			if (!nt.flags)
				__sync_fetch_and_add(&live_procs, 1);
			traced_changed();
		}
	}
	st = stats_get();
	if (!st || !(f = reserve_fixed(st, sizeof(*f))))
		return 0;
	hdr_init(&f->h, SR_REC_FORK, -1);
	f->child_tgid = ctgid;
	f->child_tid = child->pid;
	/* read, not dereferenced: the verifier would search BTF for each pointer load */
	f->flags = BPF_CORE_READ(child, files) == BPF_CORE_READ(parent, files) ? SR_FORK_FILES : 0;
	f->pad = 0;
	__builtin_memset(f->comm, 0, sizeof(f->comm));
	bpf_probe_read_kernel_str(f->comm, sizeof(f->comm), child->comm);
	submit_fixed(st, &f->h, sizeof(*f));
	return 0;
}

/*
 * A thread that is not the leader ran execve and now has the leader's pid:
 * its faults to retry at exit move with it.
 */
static __always_inline void move_retry(__u32 old_tid, __u32 tid)
{
	struct retry_val *rv = bpf_map_lookup_elem(&retry, &old_tid);
	struct retry_val v;

	if (!rv)
		return;
	v = *rv;
	put_retry(tid, &v);
	drop_retry(old_tid);
}

/*
 * The syscall the current task is in, by its registers (strace's -n on an
 * exit or signal line: the last call it entered, traced or not), or -1: in
 * none (the entry of an interrupt or exception stores -1 there too), or the
 * build without bpf_task_pt_regs().
 */
static __always_inline __s32 cur_syscall_nr(void)
{
#if SR_BPF_LOOP
	return sr_regs_nr((struct pt_regs *)bpf_task_pt_regs(cur_task()));
#else
	return -1;
#endif
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_process_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct sr_scratch *s;
	struct sr_exec *x;
	struct sr_blob *b;
	long n;
	__u64 gen;

	if (!task_traced_quiet(p->tgid, cur_task()))
		return 0;
	if (old_pid != p->pid)
		move_retry(old_pid, p->pid);
	s = scratch_get();
	if (!s)
		return 0;
	gen = ++s->gen;
	x = (void *)s->buf;
	/* execve or execveat: the number a leader it supersedes ends with */
	hdr_init(&x->h, SR_REC_EXEC, cur_syscall_nr());
	x->old_tid = old_pid;
	x->pad = 0;
	bpf_get_current_comm(x->comm, sizeof(x->comm));
	/* The name as given to execve, for when the entry could not read it. */
	b = (void *)(s->buf + sizeof(*x));
	n = bpf_probe_read_kernel_str(b + 1, SR_BLOB_MAX, BPF_CORE_READ(bprm, filename));
	b->arg = 0;
	b->flags = n < 0 ? SR_BF_FAULT : 0;
	b->aux = 0;
	b->len = n < 0 ? 0 : n;
	emit(s, gen,
	     sizeof(*x) + sizeof(*b) + SR_ALIGN8(n < 0 ? 0 : (__u32)n & (SR_BLOB_MAX * 2 - 1)));
	return 0;
}

/* Kernels before 5.17 name the thread running execve group_exit_task. */
struct signal_struct___old {
	struct task_struct *group_exit_task;
};

/* Is @p a thread group leader that dies because another thread runs execve? */
static __always_inline bool exec_supersedes(struct task_struct *p)
{
	struct signal_struct *sig = BPF_CORE_READ(p, signal);
	struct task_struct *exec_task;

	if (p->pid != p->tgid)
		return false;
	if (bpf_core_field_exists(sig->group_exec_task))
		exec_task = BPF_CORE_READ(sig, group_exec_task);
	else
		exec_task = BPF_CORE_READ((struct signal_struct___old *)sig, group_exit_task);
	return exec_task && exec_task != p;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_process_exit, struct task_struct *p)
{
	__u32 tgid = p->tgid;
	struct sr_cpu_stats *st;
	struct sr_pexit *x;
	struct sr_task *t = NULL;
	bool group_dead, counted_out, armed = false;
	__u8 one = 1;

	if (targ_count || targ_entry_ts)
		task_slot_gone(p->pid);
	if (targ_filter_tasks) {
		t = bpf_map_lookup_elem(&traced, &tgid);
		if (!t)
			return 0;
		armed = t->flags & SR_TASK_ARMED;
	}
	/* do_exit() drops signal->live before this tracepoint fires. */
	group_dead = BPF_CORE_READ(p, signal, live.counter) == 0;
	counted_out = group_dead && t && !bpf_map_update_elem(&dead, &tgid, &one, BPF_NOEXIST);
	if (counted_out) {
		/* a followed peer never counted in */
		if (!(t->flags & SR_TASK_PEER))
			__sync_fetch_and_add(&live_procs, -1);
		t->flags |= SR_TASK_DEAD;
		traced_changed();
	}
	/* a call that faulted at entry and never returned */
	if (retry_pending > 0)
		drop_retry(p->pid);
	/* io-wq and SQPOLL threads are the kernel's: strace never sees them end (but the group's) */
	if ((p->flags & SR_PF_IO_WORKER) && !group_dead)
		return 0;
	/*
	 * An armed child (exec never reached) prints nothing but must be
	 * forgotten. Threads of a group already counted out still report.
	 */
	if (armed || !task_selected(tgid, cur_task()) || !(st = stats_get()) ||
	    !(x = reserve_fixed(st, sizeof(*x))))
		return 0;
	hdr_init(&x->h, SR_REC_PEXIT, -1);
	if (!(p->flags & SR_PF_IO_WORKER))
		x->h.nr = cur_syscall_nr();
	x->exit_code = p->exit_code;
	x->group_dead = group_dead;
	x->superseded = exec_supersedes(p);
	x->io_worker = !!(p->flags & SR_PF_IO_WORKER);
	x->pad = 0;
	bpf_get_current_comm(x->comm, sizeof(x->comm));
	/* user space may be waiting for the last traced process: wake it at once */
	submit_wake(st, &x->h, sizeof(*x), counted_out);
	return 0;
}

/*
 * A signal record for @tid of @tgid, in syscall @nr (-1: none or unknown);
 * the siginfo is copied from @info.
 */
static __always_inline void emit_signal(__u32 tgid, __u32 tid, int sig, struct kernel_siginfo *info,
					__u64 info_raw, __u64 handler, __u32 flags, __s32 nr)
{
	struct sr_cpu_stats *st = stats_get();
	struct sr_signal *x;

	/* straight into the ring: signal_generate may interrupt a program using the scratch */
	if (!st || !(x = reserve_fixed(st, sizeof(*x))))
		return;
	hdr_init(&x->h, SR_REC_SIGNAL, nr);
	x->h.tgid = tgid;
	x->h.tid = tid;
	x->sig = sig;
	x->handler = handler;
	__builtin_memset(x->siginfo, 0, sizeof(x->siginfo));
	/*
	 * SEND_SIG_NOINFO (0) and SEND_SIG_PRIV (1) are markers, not pointers;
	 * @info_raw is @info as a number, which the verifier does not assume
	 * non-NULL the way it does a tracepoint's pointer argument.
	 */
	/*
	 * struct kernel_siginfo is the UAPI siginfo's first part (__SIGINFO):
	 * its size and fields are at vmlinux.h's offsets on every kernel. No
	 * CO-RE relocation: "kernel_siginfo" shares a slot of the kernel's
	 * 31-slot candidate cache with "inode" (the capture's), and each load
	 * would evict the other (a scan of all kernel types per miss).
	 */
	if (info_raw > 1) {
		bpf_probe_read_kernel(x->siginfo, sizeof(struct kernel_siginfo) & 127, info);
	} else {
		/* what the kernel queues for them: SI_KERNEL, or SI_USER from the sender */
		SR_FIELD(x->siginfo, struct kernel_siginfo, si_signo) = sig;
		SR_FIELD(x->siginfo, struct kernel_siginfo, si_code) =
			info_raw ? 0x80 /* SI_KERNEL */ : 0 /* SI_USER */;
		if (!info_raw) {
			SR_FIELD(x->siginfo, struct kernel_siginfo, _sifields._kill._pid) =
				bpf_get_current_pid_tgid() >> 32;
			SR_FIELD(x->siginfo, struct kernel_siginfo, _sifields._kill._uid) =
				(__u32)bpf_get_current_uid_gid();
		}
	}
	x->flags = flags;
	submit_fixed(st, &x->h, sizeof(*x));
}

/*
 * A signal about to be acted on by a traced task: strace's "--- SIGCHLD
 * {...} ---" line. SIGKILL never shows under strace (ptrace cannot see it),
 * so it is not reported here either; the exit record tells the story.
 */
/* Tracepoint argument @i as a plain number (for pointers that may be markers). */
static __always_inline __u64 ctx_arg(__u64 *ctx, int i)
{
	__u64 v = 0;

	bpf_probe_read_kernel(&v, sizeof(v), &ctx[i]);
	return v;
}

SEC("tp_btf/signal_deliver")
int BPF_PROG(signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();

	if (sig == 9 || !(targ_sig_mask & (1ULL << ((sig - 1) & 63))) ||
	    !task_traced_quiet(pid_tgid >> 32, cur_task()))
		return 0;
	emit_signal(pid_tgid >> 32, (__u32)pid_tgid, sig, info, ctx_arg(ctx, 1),
		    ka ? (__u64)BPF_CORE_READ(ka, sa.sa_handler) : 0, 0, cur_syscall_nr());
	return 0;
}

/*
 * Signals whose default action ends the process at once (all but ignore,
 * stop, continue, and those that dump core: the kernel delivers those
 * through get_signal(), where signal_deliver reports them).
 */
static __always_inline bool sig_default_fatal(int sig)
{
	switch (sig) {
	case 3: /* SIGQUIT */
	case 4: /* SIGILL */
	case 5: /* SIGTRAP */
	case 6: /* SIGABRT */
	case 7: /* SIGBUS */
	case 8: /* SIGFPE */
	case 11: /* SIGSEGV */
	case 24: /* SIGXCPU */
	case 25: /* SIGXFSZ */
	case 31: /* SIGSYS */
	case 17: /* SIGCHLD */
	case 18: /* SIGCONT */
	case 19: /* SIGSTOP */
	case 20: /* SIGTSTP */
	case 21: /* SIGTTIN */
	case 22: /* SIGTTOU */
	case 23: /* SIGURG */
	case 28: /* SIGWINCH */
		return false;
	}
	return sig > 0 && sig <= 64;
}

/*
 * Would the kernel act on @sig for @task at once, by its default action,
 * without the task dequeuing it? Then no signal_deliver ever reports it.
 */
static __always_inline bool fatal_now(int sig, struct task_struct *task)
{
	__u64 blocked = BPF_CORE_READ(task, blocked.sig[0]);
	__u64 handler = (__u64)BPF_CORE_READ(task, sighand, action[(sig - 1) & 63].sa.sa_handler);

	return sig != 9 && sig_default_fatal(sig) && handler == 0 &&
	       !(blocked & (1ULL << (sig - 1)));
}

/*
 * Signals no signal_deliver will report, caught when they are sent: those
 * discarded because their default action is to ignore them (SIGCHLD,
 * SIGWINCH; under ptrace the kernel keeps them for the tracer, so strace
 * shows them), and those whose default action kills the process at once
 * (the kernel turns them into SIGKILL; strace shows "--- SIGTERM ---"). Only
 * the traced set and our own tgid apply here: the other filters look at the
 * current task, which is the sender.
 */
SEC("tp_btf/signal_generate")
int BPF_PROG(signal_generate, int sig, struct kernel_siginfo *info, struct task_struct *task,
	     int group, int result)
{
	__u32 tgid = task->tgid, flags;

	/* TRACE_SIGNAL_DELIVERED 0, TRACE_SIGNAL_IGNORED 1 (include/trace/events/signal.h) */
	if (result == 1)
		flags = SR_SIG_IGNORED;
	else if (result == 0 && fatal_now(sig, task))
		flags = SR_SIG_FATAL;
	else
		return 0;
	if (tgid_excluded(tgid) || !signal_selected(sig, task))
		return 0;
	if (targ_filter_tasks) {
		struct sr_task *t = bpf_map_lookup_elem(&traced, &tgid);

		if (!t || (t->flags & SR_TASK_ARMED))
			return 0;
	}
	if (task->pid == (__u32)bpf_get_current_pid_tgid())
		flags |= SR_SIG_SELF;
	/* the sender's registers, not the receiver's */
	emit_signal(tgid, task->pid, sig, info, ctx_arg(ctx, 1), 0, flags, -1);
	return 0;
}

/* io_uring requests: programs of their own, in this object (see the header) */
#include "uring.bpf.h"
