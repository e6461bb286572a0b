// SPDX-License-Identifier: GPL-2.0
/*
 * sysray kernel side: raw_syscalls sys_enter/sys_exit plus the scheduler's
 * fork, exec and exit tracepoints. Each program decides whether the task is
 * traced before it touches the ring buffer, builds its record in per-CPU
 * scratch and emits exactly the bytes used. Wakeups are batched: the
 * consumer is woken only once targ_wakeup_bytes are pending, otherwise it
 * polls on a short timer.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "sysray/abi.h"
#include "arch.bpf.h"
#include "maps.bpf.h"
#include "capture.bpf.h"

char LICENSE[] SEC("license") = "GPL";

/* Pending enter-time faults, by tid: retried at exit (see SR_CAP_RETRY). */
struct retry_val {
	__s32 nr;
	__u32 mask; /* arguments whose entry copy faulted */
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct retry_val);
} retry SEC(".maps");

/* Entries in the retry map; lets sys_exit skip the lookup when zero. */
__s64 retry_pending = 0;

static __always_inline bool tgid_excluded(__u32 tgid)
{
	int i;

	if (tgid == targ_self_tgid)
		return true;
#pragma unroll
	for (i = 0; i < SR_MAX_EXCL; i++)
		if (targ_excl_tgid[i] == tgid)
			return true;
	return false;
}

/*
 * Is this task traced? In launch/attach mode the traced map decides; an
 * armed entry (a launched child still waiting for its execve) is traced from
 * the entry of its first execve on, which disarms it.
 */
static __always_inline bool task_traced(__u32 tgid, bool exec_entry)
{
	struct sr_task *t;

	if (tgid_excluded(tgid))
		return false;
	if (!targ_filter_tasks)
		return true;
	t = bpf_map_lookup_elem(&traced, &tgid);
	if (!t)
		return false;
	if (t->flags & SR_TASK_ARMED) {
		if (!exec_entry)
			return false;
		t->flags &= ~SR_TASK_ARMED;
	}
	return true;
}

static __always_inline const struct sr_plan *plan_of(long id)
{
	__u32 key = id >= 0 && id < SR_NR_MAX ? id : SR_NR_MAX;

	return bpf_map_lookup_elem(&plans, &key);
}

static __always_inline void hdr_init(struct sr_hdr *h, __u16 type, __s32 nr)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();

	h->ts_ns = bpf_ktime_get_ns();
	h->tgid = pid_tgid >> 32;
	h->tid = (__u32)pid_tgid;
	h->type = type;
	h->flags = 0;
	h->lost = 0;
	h->nr = nr;
	h->size = 0;
}

/*
 * Send @size bytes of scratch to the ring buffer. A failed output is counted
 * as lost, and the next record from this CPU carries the count in h->lost so
 * user space can mark the place. A changed generation means a program that
 * preempted us reused the scratch: the record is garbage, drop and count it.
 */
static __always_inline void emit(struct sr_scratch *s, __u64 gen, __u32 size)
{
	struct sr_hdr *h = (void *)s->buf;
	struct sr_cpu_stats *st = stats_get();
	__u64 flags = BPF_RB_NO_WAKEUP;

	if (!st)
		return;
	if (s->gen != gen) {
		st->v[SR_STAT_LOST]++;
		st->v[SR_STAT_PENDING]++;
		return;
	}
	h->lost = st->v[SR_STAT_PENDING] > 0xffffffff ? 0xffffffff : st->v[SR_STAT_PENDING];
	h->size = size;
	if (bpf_ringbuf_query(&rb, BPF_RB_AVAIL_DATA) >= targ_wakeup_bytes)
		flags = BPF_RB_FORCE_WAKEUP;
	/* for the verifier: records never exceed SR_REC_MAX, see put_blob() */
	size &= SR_SCRATCH_SIZE - 1;
	if (bpf_ringbuf_output(&rb, s, size, flags)) {
		st->v[SR_STAT_LOST]++;
		st->v[SR_STAT_PENDING]++;
		return;
	}
	st->v[SR_STAT_EMITTED]++;
	st->v[SR_STAT_PENDING] = 0;
}

static __always_inline void note_faults(__u8 *buf, __u32 from, __u32 to, const struct sr_plan *plan,
					__s32 nr)
{
	struct retry_val rv = { .nr = nr };
	__u32 retryable = 0, tid;
	struct sr_blob *b;
	__u32 off = from;
	int i;

#pragma unroll
	for (i = 0; i < SR_NARGS; i++)
		if (plan->a[i].when & SR_CAP_RETRY)
			retryable |= 1u << i;
	if (!retryable)
		return;
		/* Walk the blobs just written; argv-like arguments stop the walk early. */
#pragma unroll
	for (i = 0; i < SR_NARGS; i++) {
		if (off >= to || off > SR_REC_MAX - sizeof(*b))
			break;
		off &= SR_REC_MAX - 1;
		b = (void *)(buf + off);
		if ((b->flags & SR_BF_FAULT) && (retryable & (1u << SR_BLOB_ARG(b))))
			rv.mask |= 1u << SR_BLOB_ARG(b);
		off += sizeof(*b) + SR_ALIGN8(b->len);
	}
	if (!rv.mask)
		return;
	stat_inc(SR_STAT_READ_FAULT);
	tid = (__u32)bpf_get_current_pid_tgid();
	if (!bpf_map_update_elem(&retry, &tid, &rv, BPF_ANY))
		__sync_fetch_and_add(&retry_pending, 1);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long id)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	const struct sr_plan *plan;
	struct sr_scratch *s;
	struct sr_enter *e;
	__u32 off, first;
	__u64 gen;
	int i;

	plan = plan_of(id);
	if (!plan || !(plan->flags & (SR_PLAN_TRACED | SR_PLAN_EXEC)))
		return 0;
	if (!task_traced(tgid, plan->flags & SR_PLAN_EXEC))
		return 0;
	if (!(plan->flags & SR_PLAN_TRACED))
		return 0;
	s = scratch_get();
	if (!s)
		return 0;
	gen = ++s->gen;
	e = (void *)s->buf;
	hdr_init(&e->h, SR_REC_ENTER, id);
	sr_regs_args(regs, e->args);
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	off = sizeof(*e);
	if (plan->flags & SR_PLAN_HAS_ENTER) {
		first = off;
#pragma unroll
		for (i = 0; i < SR_NARGS; i++) {
			if (plan->a[i].when & SR_CAP_ENTER)
				off = capture_arg(off, &plan->a[i], i, e->args, 0, false, 0,
						  sr_regs_sp(regs));
		}
		note_faults(s->buf, first, off, plan, id);
	}
	emit(s, gen, off);
	return 0;
}

/* Re-read at exit the arguments whose copy faulted at entry. */
static __always_inline __u32 retry_faults(__u32 off, const struct sr_plan *plan, const __u64 *args,
					  long nr)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	struct retry_val *rv;
	__u32 mask;
	int i;

	rv = bpf_map_lookup_elem(&retry, &tid);
	if (!rv)
		return off;
	mask = rv->nr == nr ? rv->mask : 0;
	bpf_map_delete_elem(&retry, &tid);
	__sync_fetch_and_add(&retry_pending, -1);
#pragma unroll
	for (i = 0; i < SR_NARGS; i++) {
		if (!(mask & (1u << i)))
			continue;
		off = capture_arg(off, &plan->a[i], i, args, 0, false, SR_BF_RETRY, 0);
	}
	return off;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	long id = sr_regs_nr(regs);
	const struct sr_plan *plan;
	struct sr_scratch *s;
	struct sr_exit *x;
	__u64 args[SR_NARGS];
	__u32 off;
	__u64 gen;
	int i;

	plan = plan_of(id);
	if (!plan || !(plan->flags & SR_PLAN_TRACED))
		return 0;
	if (!task_traced(tgid, false))
		return 0;
	s = scratch_get();
	if (!s)
		return 0;
	gen = ++s->gen;
	x = (void *)s->buf;
	hdr_init(&x->h, SR_REC_EXIT, id);
	x->ret = ret;
	off = sizeof(*x);
	if (plan->flags & (SR_PLAN_HAS_EXIT | SR_PLAN_HAS_ENTER)) {
		sr_regs_args(regs, args);
		if ((plan->flags & SR_PLAN_HAS_ENTER) && retry_pending > 0)
			off = retry_faults(off, plan, args, id);
#pragma unroll
		for (i = 0; i < SR_NARGS; i++) {
			if (!(plan->a[i].when & SR_CAP_EXIT))
				continue;
			if (ret < 0 && !(plan->a[i].when & SR_CAP_ANYRET))
				continue;
			off = capture_arg(off, &plan->a[i], i, args, ret, true, 0, 0);
		}
	}
	emit(s, gen, off);
	return 0;
}

static __always_inline bool tgid_traced_quiet(__u32 tgid)
{
	struct sr_task *t;

	if (tgid_excluded(tgid))
		return false;
	if (!targ_filter_tasks)
		return true;
	t = bpf_map_lookup_elem(&traced, &tgid);
	return t && !(t->flags & SR_TASK_ARMED);
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(sched_process_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 ptgid = parent->tgid, ctgid = child->tgid;
	struct sr_task nt = {};
	struct sr_scratch *s;
	struct sr_fork *f;
	__u64 gen;

	if (!tgid_traced_quiet(ptgid))
		return 0;
	/* Follow the child before it can run: this hook precedes its first wakeup. */
	if (targ_filter_tasks && ctgid != ptgid) {
		if (bpf_map_update_elem(&traced, &ctgid, &nt, BPF_ANY))
			stat_inc(SR_STAT_FOLLOW_FAIL);
		else
			__sync_fetch_and_add(&live_procs, 1);
	}
	s = scratch_get();
	if (!s)
		return 0;
	gen = ++s->gen;
	f = (void *)s->buf;
	hdr_init(&f->h, SR_REC_FORK, -1);
	f->child_tgid = ctgid;
	f->child_tid = child->pid;
	bpf_probe_read_kernel_str(f->comm, sizeof(f->comm), child->comm);
	emit(s, gen, sizeof(*f));
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_process_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct sr_scratch *s;
	struct sr_exec *x;
	__u64 gen;

	if (!tgid_traced_quiet(p->tgid))
		return 0;
	s = scratch_get();
	if (!s)
		return 0;
	gen = ++s->gen;
	x = (void *)s->buf;
	hdr_init(&x->h, SR_REC_EXEC, -1);
	x->old_tid = old_pid;
	x->pad = 0;
	bpf_get_current_comm(x->comm, sizeof(x->comm));
	emit(s, gen, sizeof(*x));
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_process_exit, struct task_struct *p)
{
	__u32 tgid = p->tgid;
	struct sr_scratch *s;
	struct sr_pexit *x;
	struct sr_task *t = NULL;
	bool group_dead;
	__u64 gen;

	if (tgid_excluded(tgid))
		return 0;
	if (targ_filter_tasks) {
		t = bpf_map_lookup_elem(&traced, &tgid);
		if (!t)
			return 0;
	}
	/* do_exit() drops signal->live before this tracepoint fires. */
	group_dead = BPF_CORE_READ(p, signal, live.counter) == 0;
	s = scratch_get();
	/* An armed child (exec never reached) prints nothing but must be forgotten. */
	if (s && !(t && (t->flags & SR_TASK_ARMED))) {
		gen = ++s->gen;
		x = (void *)s->buf;
		hdr_init(&x->h, SR_REC_PEXIT, -1);
		x->exit_code = p->exit_code;
		x->group_dead = group_dead;
		x->pad[0] = x->pad[1] = x->pad[2] = 0;
		bpf_get_current_comm(x->comm, sizeof(x->comm));
		emit(s, gen, sizeof(*x));
	}
	if (group_dead && t && !bpf_map_delete_elem(&traced, &tgid))
		__sync_fetch_and_add(&live_procs, -1);
	return 0;
}

/*
 * A signal about to be acted on by a traced task: strace's "--- SIGCHLD
 * {...} ---" line. SIGKILL never shows under strace (ptrace cannot see it),
 * so it is not reported here either; the exit record tells the story.
 */
SEC("tp_btf/signal_deliver")
int BPF_PROG(signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	struct sr_scratch *s;
	struct sr_signal *x;
	__u64 gen;

	if (sig == 9 || !tgid_traced_quiet(tgid))
		return 0;
	s = scratch_get();
	if (!s)
		return 0;
	gen = ++s->gen;
	x = (void *)s->buf;
	hdr_init(&x->h, SR_REC_SIGNAL, -1);
	x->sig = sig;
	x->pad = 0;
	x->handler = ka ? (__u64)BPF_CORE_READ(ka, sa.sa_handler) : 0;
	__builtin_memset(x->siginfo, 0, sizeof(x->siginfo));
	/* SEND_SIG_NOINFO (0) and SEND_SIG_PRIV (1) are markers, not pointers. */
	if ((unsigned long)info > 1)
		bpf_probe_read_kernel(x->siginfo, bpf_core_type_size(struct kernel_siginfo) & 127,
				      info);
	else
		x->pad = (unsigned long)info ? 2 : 1;
	emit(s, gen, sizeof(*x));
	return 0;
}
