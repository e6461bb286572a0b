/* SPDX-License-Identifier: GPL-2.0 */
/*
 * io_uring requests: what a syscall tracer cannot see. At submission
 * (io_uring_submit_req, or io_uring_req_failed for a request the kernel
 * refused before it ran) the program finds the submission queue entry in
 * the ring, turns it into its syscall twin's arguments (the uring_ops map,
 * filled by the loader) and captures what the twin's plan reads at entry.
 * The request is remembered by its kernel address with the submitter's
 * pid: completions run in io-wq workers, the SQPOLL thread or task work,
 * and are attributed to the submitter. At completion (io_uring_complete)
 * come the result and the twin's exit captures, read only inside the
 * submitter's process (its address space).
 *
 * Part of sysray.bpf.c's object (one light skeleton loads everything, and
 * the kernel relocates it: no BTF is parsed in user space). The fd
 * descriptions at completion (-y) are in the builds that have sys_exit_fdi
 * loaded: SR_EXIT_FDI's and libbpf's (SR_BPF_LOOP 0).
 *
 * The tracepoints changed: io_uring_submit_sqe became io_uring_submit_req in
 * 6.3, io_uring_complete took the cqe in 6.4; before 6.0 the submission came
 * with the ring first, and before 5.15 (and 5.18 for the completion) without
 * the request. The programs are raw tracepoints, attached by name: the loader
 * finds beforehand which tracepoints this kernel has and with which arguments
 * and says so in targ_uring and targ_uring_sub; with targ_uring 0 (a kernel
 * without io_uring, or no request wanted) the verifier sees programs that
 * return at once, and nothing is attached. Where the completion does not name
 * its request, requests are keyed by their ring and user_data and completed
 * in the order they were submitted (uring_fifos).
 */
#ifndef SYSRAY_URING_BPF_H
#define SYSRAY_URING_BPF_H

#if defined(SR_EXIT_FDI) || !SR_BPF_LOOP
#define SR_URING_FDI 1
#else
#define SR_URING_FDI 0
#endif

/*
 * libbpf's build (older kernels, or a failed light skeleton): the loader
 * turns them on where the kernel has the tracepoints.
 */
#if SR_BPF_LOOP
#define SEC_URING(tp) "raw_tp/" tp
#else
#define SEC_URING(tp) "?raw_tp/" tp
#endif

/* enum sr_uring_sub_tp: which submission tracepoint the kernel has */
const volatile __u32 targ_uring_sub = 0;
/* requests keyed by ring and user_data (uring_fifos), not by address */
const volatile bool targ_uring_by_udata = false;
/*
 * no io_uring_req_failed program: a request refused while being set up is
 * found at its completion (uring_refused())
 */
const volatile bool targ_uring_refused = false;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SR_URING_OPS);
	__type(key, __u32);
	__type(value, struct sr_uring_op);
} uring_ops SEC(".maps");

/* uring_req.nr of a request only kept for its place in its uring_fifos queue */
#define SR_UREQ_QUIET (-2)

/* A request in flight, by its kernel address (or its uring_fifos key). */
struct uring_req {
	__u32 tgid;
	__u32 tid;
	__s32 nr; /* the twin, or -1, or SR_UREQ_QUIET */
	__u32 faults; /* arguments whose entry copy faulted: read again at completion */
	__u64 args[SR_NARGS];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 65536);
	__type(key, __u64);
	__type(value, struct uring_req);
} uring_reqs SEC(".maps");

/*
 * Kernels whose io_uring_complete does not name the request: the requests
 * of a ring with one user_data, numbered in submission order. The tail is
 * written only at submission, under the ring's uring_lock, the head only at
 * completion, under its completion_lock: plain increments suffice. Queues
 * are never deleted (a submission could race with the delete); the least
 * recently used go when the map is full.
 */
struct uring_fifo {
	__u64 head; /* the next request to complete */
	__u64 tail; /* the next request to submit */
	__u32 sq_head; /* the ring's cached_sq_head after the last submission */
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, struct uring_fifo);
} uring_fifos SEC(".maps");

static __always_inline bool uring_by_udata(void)
{
	return targ_uring_by_udata;
}

/* The queue of @ctx's requests with @ud: a multiplication by an odd constant keeps uds apart. */
static __always_inline __u64 fifo_key(__u64 ctx, __u64 ud)
{
	return ctx ^ (ud * 0x9e3779b97f4a7c15ULL);
}

/*
 * The next request of the queue @base (a number: keys of requests, not
 * addresses), taken from the submission ring at @sq_head.
 */
static __always_inline __u64 fifo_push(__u64 base, __u32 sq_head)
{
	struct uring_fifo *f = bpf_map_lookup_elem(&uring_fifos, &base), nf = {};

	if (!f) {
		bpf_map_update_elem(&uring_fifos, &base, &nf, BPF_NOEXIST);
		f = bpf_map_lookup_elem(&uring_fifos, &base);
		if (!f)
			return 0;
	}
	f->sq_head = sq_head;
	return base + 0x100000000ULL + f->tail++;
}

/*
 * The oldest request of the queue @base, taken off unless more completions
 * follow (multishot), or 0 if none was submitted.
 */
static __always_inline __u64 fifo_pop(__u64 base, bool more)
{
	struct uring_fifo *f = bpf_map_lookup_elem(&uring_fifos, &base);
	__u64 seq;

	if (!f || f->head >= f->tail)
		return 0;
	seq = f->head;
	if (!more)
		f->head = seq + 1;
	return base + 0x100000000ULL + seq;
}

/*
 * This CPU's request being built or completed, off the stack: with the
 * capture functions' frames, 6.1's verifier finds 512 bytes too few.
 */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct uring_req);
} uring_tmp SEC(".maps");

static __always_inline struct uring_req *uring_tmp_get(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&uring_tmp, &zero);
}

/* ring_sqe()'s @opcode: whatever the entry holds */
#define SR_UOPCODE_ANY 0x100

/*
 * The entry the kernel just took from @ctx's submission ring for a request
 * of @opcode and @ud: io_get_sqe() advanced cached_sq_head past it before
 * the request was set up. Returns whether @q holds it (both agree), and
 * sets *@pos to its place (the head counter's low bits).
 */
static __always_inline bool ring_sqe(struct io_ring_ctx *ctx, __u32 opcode, __u64 ud,
				     struct sr_sqe *q, __u16 *pos)
{
	__u32 mask = BPF_CORE_READ(ctx, sq_entries) - 1;
	__u32 head = BPF_CORE_READ(ctx, cached_sq_head) - 1;
	__u32 flags = BPF_CORE_READ(ctx, flags);
	__u32 *sq_array = BPF_CORE_READ(ctx, sq_array);
	void *sqes = BPF_CORE_READ(ctx, sq_sqes);
	__u32 idx = head & mask;

	if (!(flags & targ_uring_no_sqarray) && sq_array &&
	    bpf_probe_read_kernel(&idx, sizeof(idx), sq_array + (head & mask)))
		return false;
	if (idx > mask)
		return false;
	if (flags & targ_uring_sqe128)
		idx <<= 1;
	if (bpf_probe_read_kernel(q, sizeof(*q), sqes + (__u64)idx * sizeof(*q)))
		return false;
	*pos = (__u16)head;
	return (opcode == SR_UOPCODE_ANY || q->opcode == opcode) && q->user_data == ud;
}

/* Before 5.19 (and in 5.10's and 5.15's stable io_uring) user_data was the request's own. */
struct io_kiocb___v515 {
	__u64 user_data;
} __attribute__((preserve_access_index));

/* The user_data of @req, on every kernel. */
static __always_inline __u64 req_user_data(struct io_kiocb *req)
{
	struct io_kiocb___v515 *old = (void *)req;

	if (bpf_core_field_exists(old->user_data))
		return BPF_CORE_READ(old, user_data);
	return BPF_CORE_READ(req, cqe.user_data);
}

/*
 * An IORING_OP_FILES_UPDATE request (@rq) of @ctx, from entry @q: the fds it
 * puts in the ring's slots, read now (the first SR_UREG_FDS), for the fd
 * tables to apply at its completion.
 */
static __always_inline void files_update_fds(__u64 ctx, __u64 rq, const struct sr_sqe *q)
{
	struct sr_cpu_stats *st = stats_get();
	struct sr_uring_reg *r;
	__u32 n = q->len < SR_UREG_FDS ? q->len : SR_UREG_FDS;

	if (!st)
		return;
	r = reserve_fixed(st, sizeof(*r));
	if (!r)
		return;
	hdr_init(&r->h, SR_REC_URING_REG, -1);
	r->ctx = ctx;
	r->opcode = IORING_REGISTER_FILES_UPDATE;
	r->flags = SR_UREG_REQ;
	r->offset = (__u32)q->off;
	r->nr = q->len;
	r->pad = 0;
	r->req = rq;
	if (n &&
	    !bpf_probe_read_user(r->fds, (((n - 1) & 63) + 1) * sizeof(r->fds[0]), (void *)q->addr))
		r->flags |= SR_UREG_READ;
	submit_fixed(st, &r->h, sizeof(*r));
}

/*
 * A request of a traced task was submitted: send its twin's arguments and
 * entry captures, and remember it for its completion. @req: the kernel's
 * request (NULL where the tracepoint has none); @ctx, @opcode, @ud: its
 * ring, opcode (or SR_UOPCODE_ANY) and user_data; @usqe: the entry as the
 * kernel passed it (io_uring_req_failed), or NULL to find it in the ring;
 * @refused: a request refused while being set up, found at its completion
 * (uring_refused()): only if the ring's last entry is its, and never in a
 * uring_fifos queue. Returns the key it is remembered by (@refused: also
 * when not remembered, being of no interest), or 0.
 */
static __always_inline __u64 uring_submit(struct io_ring_ctx *ctx, struct io_kiocb *req,
					  __u32 opcode, __u64 ud, const void *usqe, bool refused)
{
	struct task_struct *task = cur_task();
	__u32 tgid = cur_tgid(task), key;
	const struct sr_uring_op *op;
	const struct sr_plan *plan = NULL;
	struct uring_req *r = uring_tmp_get();
	struct sr_uring_sub *x;
	struct sr_scratch *s;
	__u64 rq = (__u64)req, gen;
	__u32 off;
	bool ok, wanted;
	int i;

	if (!r || !task_traced(tgid, false, task))
		return 0;
	s = scratch_get();
	if (!s)
		return 0;
	gen = ++s->gen;
	x = (void *)s->buf;
	hdr_init(&x->h, SR_REC_URING_SUB, -1);
	x->flags = 0;
	/* an SQPOLL thread submits for its process: its thread id means nothing to the user */
	if (BPF_CORE_READ(task, flags) & SR_PF_IO_WORKER) {
		x->h.tid = tgid;
		x->flags |= SR_USUB_SQTHREAD;
	}
	x->ctx = (__u64)ctx;
	x->sq_pos = 0;
	if (usqe)
		ok = !bpf_probe_read_kernel(&x->sqe, sizeof(x->sqe), usqe);
	else
		ok = ring_sqe(ctx, opcode, ud, &x->sqe, &x->sq_pos);
	x->opcode = ok ? x->sqe.opcode : (__u8)opcode;
	if (!ok && refused)
		return 0;
	if (!ok) {
		__builtin_memset(&x->sqe, 0, sizeof(x->sqe));
		x->sqe.opcode = opcode;
		x->sqe.user_data = ud;
	} else {
		x->flags |= SR_USUB_SQE;
	}
	/*
	 * -c by process names it, by container or unit groups by cgroup (as
	 * count.bpf.h); an SQPOLL thread's process is named by its leader
	 */
	if ((targ_comm_names || targ_count == SR_COUNT_TGID) && (x->flags & SR_USUB_SQTHREAD))
		BPF_CORE_READ_STR_INTO(&x->comm, task, group_leader, comm);
	else if (targ_comm_names || targ_count == SR_COUNT_TGID)
		bpf_get_current_comm(x->comm, sizeof(x->comm));
	else
		__builtin_memset(x->comm, 0, sizeof(x->comm));
	x->cgid = targ_cgroup_ids || targ_count == SR_COUNT_CGROUP ? bpf_get_current_cgroup_id() :
								     0;
	key = x->opcode < SR_URING_OPS ? x->opcode : 0;
	op = bpf_map_lookup_elem(&uring_ops, &key);
	if (!op)
		return 0;
	wanted = x->opcode < SR_URING_OPS && (op->flags & (SR_UOP_TRACED | SR_UOP_TRACK));
	/* keyed by user_data: every request submitted holds its place in its queue */
	if (uring_by_udata() && refused)
		rq = fifo_key((__u64)ctx, ud);
	else if (uring_by_udata())
		rq = fifo_push(fifo_key((__u64)ctx, ud), BPF_CORE_READ(ctx, cached_sq_head));
	if (!wanted && (refused || !uring_by_udata()))
		return refused ? rq : 0;
	x->req = rq;
#pragma unroll
	for (i = 0; i < SR_NARGS; i++)
		x->args[i] = ok && (op->flags & SR_UOP_TWIN) ? sr_sqe_field(&x->sqe, op->src[i]) :
							       0;
	off = sizeof(*x);
	r->nr = wanted ? -1 : SR_UREQ_QUIET;
	if (wanted && ok && (op->flags & SR_UOP_TWIN)) {
		r->nr = op->nr;
		x->h.nr = op->nr;
		plan = plan_of(op->nr);
	}
	r->tgid = x->h.tgid;
	r->tid = x->h.tid;
	r->faults = 0;
	__builtin_memcpy(r->args, x->args, sizeof(r->args));
	s->faults = 0;
	save_call(s, r->args, 0, 0);
	if (plan)
		off = capture_args(off, plan_key(op->nr), SR_PASS_ENTER, 0);
	/* found again rather than kept across the call: its stack frame is counted */
	s = scratch_get();
	r = uring_tmp_get();
	if (!s || !r)
		return 0;
	x = (void *)s->buf;
	r->faults = s->faults;
	if (!rq || bpf_map_update_elem(&uring_reqs, &rq, r, BPF_ANY)) {
		stat_inc(SR_STAT_URING_UNTRACKED);
		return refused ? rq : 0;
	}
	if (wanted)
		emit(s, gen, off);
	/* after the submission's record, which user space holds it with */
	if (wanted && ok && x->opcode == IORING_OP_FILES_UPDATE)
		files_update_fds(x->ctx, rq, &x->sqe);
	return rq;
}

/*
 * The twin's exit captures of a request that completed with @res: entry
 * reads that faulted at submission read again, then what the call returns
 * in memory, then (-y) the fds it returned or took.
 */
static __always_inline __u32 complete_captures(struct sr_scratch *s, __u32 off,
					       const struct sr_plan *plan,
					       const struct uring_req *r, __s64 res)
{
	__u32 key = plan_key(r->nr);

	save_call(s, r->args, res, 0);
	if (r->faults)
		off = capture_args(off, key, SR_PASS_RETRY, r->faults);
	if (plan->flags & SR_PLAN_HAS_EXIT)
		off = capture_args(off, key, SR_PASS_EXIT, 0);
	if (SR_URING_FDI && targ_uring_fdi &&
	    (plan->flags & (SR_PLAN_FDI_RET | SR_PLAN_FDI_ARG0 | SR_PLAN_FDI_PAIR))) {
		s = scratch_get();
		if (s)
			fdi_offsets_set(&s->fdo);
		off = capture_fdinfo(off, key);
	}
	return off;
}

/* Request @req completed with @res: send it to its submitter's trace. */
static __always_inline int uring_complete(__u64 req, __s64 res, __u32 cflags)
{
	const struct sr_plan *plan = NULL;
	struct uring_req *r, *rc = uring_tmp_get();
	struct sr_uring_cqe *x;
	struct sr_scratch *s;
	__u32 off;
	__u64 gen;

	r = bpf_map_lookup_elem(&uring_reqs, &req);
	if (!r || !rc)
		return 0;
	*rc = *r;
	/* a multishot request (accept, recv, poll) goes on: more completions follow */
	if (!(cflags & targ_uring_cqe_more))
		bpf_map_delete_elem(&uring_reqs, &req);
	if (rc->nr == SR_UREQ_QUIET)
		return 0;
	s = scratch_get();
	if (!s)
		return 0;
	gen = ++s->gen;
	x = (void *)s->buf;
	hdr_init(&x->h, SR_REC_URING_CQE, rc->nr);
	x->h.tgid = rc->tgid;
	x->h.tid = rc->tid;
	x->req = req;
	x->res = res;
	x->cflags = cflags;
	x->flags = 0;
	off = sizeof(*x);
	if (rc->nr >= 0)
		plan = plan_of(rc->nr);
	/* user memory is the submitter's: elsewhere (interrupt, another process) read nothing */
	if (cur_tgid(cur_task()) != rc->tgid)
		x->flags |= SR_UCQE_FOREIGN;
	else if (plan)
		off = complete_captures(s, off, plan, rc, res);
	s = scratch_get();
	if (s)
		emit(s, gen, off);
	return 0;
}

/* Is @task one that submits @c's requests (not an io-wq worker)? */
static __always_inline bool uring_submitter(struct task_struct *task, struct io_ring_ctx *c)
{
	if (!(BPF_CORE_READ(task, flags) & SR_PF_IO_WORKER))
		return true;
	/* the SQPOLL thread is one too */
	return BPF_CORE_READ(c, sq_data, thread) == task;
}

/*
 * Kernels without io_uring_req_failed (before 5.16), and where requests are
 * keyed by user_data: a request refused while being set up (a bad opcode,
 * flag or fd) is never submitted; the kernel completes it with its error
 * at once, in the task that took its entry from the ring. Such a
 * completion is told by that: an error, in a submitting task, for a request
 * not known (by address; by user_data: none of @ud was submitted from the
 * entry the ring's head just passed) whose user_data the entry holds. It
 * is submitted from the entry before it completes.
 */
static __always_inline bool uring_refused(__u64 ctx, __u64 req, __u64 ud, __s64 res)
{
	struct io_ring_ctx *c = (void *)ctx;
	struct uring_fifo *f;
	__u64 base;

	if (!targ_uring_refused || res >= 0 || !uring_submitter(cur_task(), c))
		return false;
	if (uring_by_udata()) {
		base = fifo_key(ctx, ud);
		f = bpf_map_lookup_elem(&uring_fifos, &base);
		return !f || f->sq_head != BPF_CORE_READ(c, cached_sq_head);
	}
	return !bpf_map_lookup_elem(&uring_reqs, &req);
}

/* A completion as uring_complete_prog read it from its tracepoint. */
struct uring_done {
	__u64 ctx;
	__u64 req;
	__u64 ud;
	__s64 res;
	__u64 cflags;
};

/*
 * What uring_req_failed and uring_complete_prog hand to uring_submit_req in
 * a tail call, so that one program verifies the captures of submissions and
 * completions alike (each program verified the whole capture code again:
 * ~7,000 instructions each). io_uring_req_failed fires only in the
 * submitting task (io_submit_sqes()), never in an interrupt, and runs its
 * program and its tail call without preemption: nothing else can come
 * between the slot and its reader. A completion may be posted from an
 * interrupt that came between another completion's slot and its reader:
 * each nesting level has a slot of its own (@ndone levels in use).
 */
struct uring_failed {
	__u64 sqe; /* the entry as the kernel passed it */
	__u64 req;
	__u32 on;
	__u32 ndone;
	struct uring_done done[2];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct uring_failed);
} uring_failed SEC(".maps");

/* uring_submit_req (capture/uring.c puts it there) */
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} uring_submit_next SEC(".maps");

/*
 * io_uring_submit_req (6.3 and later), or the same tracepoint under its
 * older name, io_uring_submit_sqe, with one of its three argument lists
 * (targ_uring_sub): arguments are read only in the branch the knob keeps.
 * Or, in a tail call from uring_req_failed, a request refused before it
 * ran; or from uring_complete_prog, a completion (and the submission of a
 * request refused before it ran, uring_refused()). One call each of
 * uring_submit() and uring_complete(), so that their captures are
 * verified once.
 */
SEC(SEC_URING("io_uring_submit_req"))
int uring_submit_req(__u64 *ctx)
{
	__u32 key = 0;
	struct uring_failed *f = bpf_map_lookup_elem(&uring_failed, &key);
	struct uring_done *d = NULL;
	struct io_ring_ctx *rctx;
	struct io_kiocb *req;
	const void *usqe = NULL;
	__u64 ud, rq = 0;
	__u32 op;

	if (!targ_uring || !f)
		return 0;
	if (f->ndone) {
		/* its level stays in use until the end: an interrupt here takes the next */
		d = &f->done[(f->ndone - 1) & 1];
		if (!uring_refused(d->ctx, d->req, d->ud, d->res))
			goto complete;
		rctx = (void *)d->ctx;
		req = uring_by_udata() ? NULL : (void *)d->req;
		op = SR_UOPCODE_ANY;
		ud = d->ud;
		goto submit;
	}
	if (f->on) {
		f->on = 0;
		req = (void *)f->req;
		usqe = (const void *)f->sqe;
		/* for the verifier: loaded here, not through a pointer to f or ctx chosen later */
		barrier_var(req);
		goto by_req;
	}
	if (targ_uring_sub == SR_USUBTP_CTX_REQ) {
		rctx = (void *)ctx[0];
		req = (void *)ctx[1];
		op = (__u8)ctx[2];
		ud = ctx[3];
	} else if (targ_uring_sub == SR_USUBTP_CTX) {
		rctx = (void *)ctx[0];
		req = NULL;
		op = (__u8)ctx[1];
		ud = ctx[2];
	} else {
		req = (void *)ctx[0];
		barrier_var(req);
by_req:
		rctx = BPF_CORE_READ(req, ctx);
		op = BPF_CORE_READ(req, opcode);
		ud = req_user_data(req);
	}
submit:
	rq = uring_submit(rctx, req, op, ud, usqe, d);
	if (!d)
		return 0;
complete:
	if (!rq && uring_by_udata())
		rq = fifo_pop(fifo_key(d->ctx, d->ud), d->cflags & targ_uring_cqe_more);
	else if (!rq)
		rq = d->req;
	uring_complete(rq, d->res, d->cflags);
	f->ndone--;
	return 0;
}

/*
 * A request refused while being set up (bad flags, bad fd): it completes
 * with the error. Not attached where requests are keyed by user_data (its
 * arguments differ there, and it has no ring). Sent by uring_submit_req.
 */
SEC(SEC_URING("io_uring_req_failed"))
int BPF_PROG(uring_req_failed, const struct io_uring_sqe *sqe, struct io_kiocb *req, int error)
{
	__u64 rq = (__u64)req;
	__u32 key = 0;
	struct uring_failed *f;

	if (!targ_uring || uring_by_udata())
		return 0;
	/* already known: it failed while running, after its submission */
	if (bpf_map_lookup_elem(&uring_reqs, &rq))
		return 0;
	f = bpf_map_lookup_elem(&uring_failed, &key);
	if (!f)
		return 0;
	f->sqe = (__u64)sqe;
	f->req = rq;
	f->on = 1;
	bpf_tail_call(ctx, &uring_submit_next, 0);
	/* no tail call (none in place): not shown */
	f->on = 0;
	return 0;
}

#include "uring_reg.bpf.h"

/*
 * 6.4 and later: (ctx, req, cqe), the completion queue entry as posted;
 * 6.0 to 6.3 (and Debian 11's 5.10): (ctx, req, user_data, res, cflags,
 * extra1, extra2); 5.15: (ctx, user_data, res, cflags); before: (ctx,
 * user_data, res). The arguments are read only in the branch targ_uring
 * keeps: the kernel refuses to attach a program that reads past a
 * tracepoint's last argument. Requests are found by address, or by ring and
 * user_data where the completion names none (or targ_uring_by_udata).
 * The completion itself is uring_submit_req's, in a tail call.
 */
SEC(SEC_URING("io_uring_complete"))
int uring_complete_prog(__u64 *ctx)
{
	__u64 req = 0, ud = 0;
	struct uring_failed *f;
	struct uring_done *d;
	__u32 cflags = 0, key = 0, n;
	__s64 res = 0;

	if (targ_uring == SR_URING_CQE) {
		/* a UAPI struct: vmlinux.h's offsets hold everywhere, no relocation needed */
		const char *cqe = (const char *)ctx[2];
		__s32 r = 0;

		bpf_probe_read_kernel(&r, sizeof(r),
				      cqe + __builtin_offsetof(struct io_uring_cqe, res));
		bpf_probe_read_kernel(&cflags, sizeof(cflags),
				      cqe + __builtin_offsetof(struct io_uring_cqe, flags));
		if (targ_uring_refused || uring_by_udata())
			bpf_probe_read_kernel(&ud, sizeof(ud),
					      cqe + __builtin_offsetof(struct io_uring_cqe,
								       user_data));
		req = ctx[1];
		res = r;
	} else if (targ_uring == SR_URING_V60) {
		req = ctx[1];
		ud = ctx[2];
		res = (int)ctx[3];
		cflags = (__u32)ctx[4];
	} else if (targ_uring == SR_URING_V515) {
		ud = ctx[1];
		res = (int)ctx[2];
		cflags = (__u32)ctx[3];
	} else if (targ_uring == SR_URING_V510) {
		/* (ctx, user_data, long res) */
		ud = ctx[1];
		res = (long)ctx[2];
	} else {
		return 0;
	}
	/* a request no traced process submitted: no tail call */
	if (!targ_uring_refused && !uring_by_udata() && !bpf_map_lookup_elem(&uring_reqs, &req))
		return 0;
	f = bpf_map_lookup_elem(&uring_failed, &key);
	if (!f || f->ndone >= 2)
		return 0;
	n = f->ndone;
	d = &f->done[n & 1];
	d->ctx = ctx[0];
	d->req = req;
	d->ud = ud;
	d->res = res;
	d->cflags = cflags;
	f->ndone = n + 1;
	bpf_tail_call(ctx, &uring_submit_next, 0);
	/* no tail call (none in place): not shown */
	f->ndone = n;
	return 0;
}

#endif /* SYSRAY_URING_BPF_H */
