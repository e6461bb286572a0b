/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every program that sends records shares: the plans by syscall
 * number, the record header, the per-CPU rings with their batched wakeups,
 * the retry map's bookkeeping, and the call the capture functions read.
 * Used by the syscall programs and the io_uring ones (uring.bpf.h).
 */
#ifndef SYSRAY_EMIT_BPF_H
#define SYSRAY_EMIT_BPF_H

/* The plans map's key for syscall @id. */
static __always_inline __u32 plan_key(long id)
{
	return SR_PLAN_KEY(id);
}

static __always_inline const struct sr_plan *plan_of(long id)
{
	return plan_get(plan_key(id));
}

/*
 * An ia32 task's call: its number is i386's, so the x86_64 plan of that
 * number only says whether to look further (SR_PLAN_COMPAT); the i386
 * call's own plan is at SR_PLAN_KEY32(@id).
 */
static __always_inline const struct sr_plan *compat_plan(const struct sr_plan *plan, long id)
{
	__u32 key = SR_PLAN_KEY32(id);

	return plan->flags & SR_PLAN_COMPAT ? bpf_map_lookup_elem(&plans, &key) : NULL;
}

/* This CPU's ring buffer. */
static __always_inline void *cpu_ring(void)
{
	__u32 cpu = bpf_get_smp_processor_id();
	void *rb = bpf_map_lookup_elem(&rbs, &cpu);

	/* not in the array yet (the first milliseconds): the start-up ring */
	return rb ? rb : (void *)&rb_start;
}

static __always_inline void hdr_init(struct sr_hdr *h, __u16 type, __s32 nr)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();

	h->ts_ns = bpf_ktime_get_ns(); /* merges the per-CPU rings */
	h->tgid = pid_tgid >> 32;
	h->tid = (__u32)pid_tgid;
	h->type = type;
	h->flags = 0;
	h->lost = 0;
	h->nr = nr;
	h->size = 0;
}

/*
 * Force a wakeup only when a record of @size bytes, added to @pending,
 * crosses a multiple of targ_wakeup_bytes (a power of two). Waking on every
 * record past the threshold, while the consumer is behind, costs an
 * inter-processor interrupt each: in a VM, a trap to the hypervisor.
 */
static __always_inline __u64 rec_step(__u32 size)
{
	return (size + BPF_RINGBUF_HDR_SZ + 7) & ~7ULL; /* header, padding to 8 */
}

static __always_inline __u64 wakeup_flag(__u64 pending, __u32 size)
{
	return (pending & (targ_wakeup_bytes - 1)) + rec_step(size) >= targ_wakeup_bytes ?
		       BPF_RB_FORCE_WAKEUP :
		       BPF_RB_NO_WAKEUP;
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
	void *rb = cpu_ring();
	__u64 flags;

	if (!st)
		return;
	if (s->gen != gen) {
		st->v[SR_STAT_LOST]++;
		st->v[SR_STAT_PENDING]++;
		return;
	}
	h->lost = st->v[SR_STAT_PENDING] > 0xffffffff ? 0xffffffff : st->v[SR_STAT_PENDING];
	h->size = size;
	if (!rb) {
		st->v[SR_STAT_LOST]++;
		st->v[SR_STAT_PENDING]++;
		return;
	}
	flags = wakeup_flag(bpf_ringbuf_query(rb, BPF_RB_AVAIL_DATA), size);
	/* for the verifier: records never exceed SR_REC_MAX, see put_blob() */
	size &= SR_SCRATCH_SIZE - 1;
	if (bpf_ringbuf_output(rb, s, size, flags)) {
		st->v[SR_STAT_LOST]++;
		st->v[SR_STAT_PENDING]++;
		return;
	}
	st->v[SR_STAT_EMITTED]++;
	st->v[SR_STAT_PENDING] = 0;
}

/*
 * Records with nothing but their fixed part skip the scratch: reserve them
 * in the ring directly. Returns the record, or NULL after counting a loss.
 */
static __always_inline void *reserve_fixed(struct sr_cpu_stats *st, __u32 size)
{
	void *rb = cpu_ring();
	void *r = rb ? bpf_ringbuf_reserve(rb, size, 0) : NULL;

	if (!r) {
		st->v[SR_STAT_LOST]++;
		st->v[SR_STAT_PENDING]++;
	}
	return r;
}

static __always_inline void submit_wake(struct sr_cpu_stats *st, struct sr_hdr *h, __u32 size,
					bool wake)
{
	void *rb = cpu_ring(); /* the one reserve_fixed() used: no migration in between */
	__u64 pending = rb ? bpf_ringbuf_query(rb, BPF_RB_AVAIL_DATA) : 0;
	__u64 step = rec_step(size);

	h->lost = st->v[SR_STAT_PENDING] > 0xffffffff ? 0xffffffff : st->v[SR_STAT_PENDING];
	h->size = size;
	st->v[SR_STAT_EMITTED]++;
	st->v[SR_STAT_PENDING] = 0;
	/* the reservation already counts in what is pending */
	bpf_ringbuf_submit(h, wake ? BPF_RB_FORCE_WAKEUP :
				     wakeup_flag(pending > step ? pending - step : 0, size));
}

static __always_inline void submit_fixed(struct sr_cpu_stats *st, struct sr_hdr *h, __u32 size)
{
	submit_wake(st, h, size, false);
}

/* Entries of the retry map are counted in retry_pending; replacing one is not new. */
static __always_inline void put_retry(__u32 tid, struct retry_val *rv)
{
	if (!bpf_map_update_elem(&retry, &tid, rv, BPF_NOEXIST))
		__sync_fetch_and_add(&retry_pending, 1);
	else
		bpf_map_update_elem(&retry, &tid, rv, BPF_EXIST);
}

static __always_inline void drop_retry(__u32 tid)
{
	if (!bpf_map_delete_elem(&retry, &tid))
		__sync_fetch_and_add(&retry_pending, -1);
}

/* Remember which entry copies faulted, for sys_exit to read them again. */
static __always_inline void note_faults(__u32 mask, __s32 nr)
{
	struct retry_val rv = { .nr = nr, .mask = mask };
	__u32 tid = (__u32)bpf_get_current_pid_tgid();

	stat_inc(SR_STAT_READ_FAULT);
	put_retry(tid, &rv);
}

/* The fixed part of an entry (or whole-call) record. */
static __always_inline void enter_init(struct sr_enter *e, __u16 type, long id,
				       struct pt_regs *regs, __u16 hflags, struct task_struct *cur)
{
	hdr_init(&e->h, type, id);
	e->h.flags = hflags;
	sr_regs_args(regs, e->args, cur);
	if (targ_comm_names)
		bpf_get_current_comm(e->comm, sizeof(e->comm));
	else
		__builtin_memset(e->comm, 0, sizeof(e->comm));
	e->cgid = targ_cgroup_ids ? bpf_get_current_cgroup_id() : 0;
	e->ip = sr_regs_ip(regs);
}

/* The call's arguments and outcome, where the capture functions read them. */
static __always_inline void save_call(struct sr_scratch *s, const __u64 *args, long ret, __u64 sp)
{
	int i;

#pragma unroll
	for (i = 0; i < SR_NARGS; i++)
		s->args[i] = args[i];
	s->ret = ret;
	s->sp = sp;
	s->nmore = 0;
}

/* SR_REC_MORE records one call sends at most: about SR_MORE_MAX bytes in all. */
#define SR_MORE_RECS (SR_MORE_MAX / SR_MORE_STEP + 2 * SR_MORE_PEND)

/* The next SR_REC_MORE record of @p, reserved in @rb and read into. */
static __always_inline void more_rec(void *rb, const struct sr_hdr *h, struct sr_more_pend *p,
				     struct sr_cpu_stats *st)
{
	/* up to the next SR_MORE_STEP of the buffer: where strace's dumps fetch */
	/* 64-bit: a 32-bit n is compared through zero-extended copies the verifier cannot tie */
	__u64 n = SR_MORE_STEP - (p->off & (SR_MORE_STEP - 1)), small;
	struct sr_more *m;
	long err;

	if (n > (__u64)(p->end - p->off))
		n = p->end - p->off;
	/*
	 * Decided once, out of the compiler's sight: else it picks the
	 * reservation's size and n's bound from two copies of n, and the
	 * verifier, which cannot tie them, sees a large n in a small record.
	 */
	small = n <= SR_MORE_SMALL;
	asm volatile("" : "+r"(small));
	if (small)
		m = bpf_ringbuf_reserve(rb, sizeof(*m) + SR_MORE_SMALL, 0);
	else
		m = bpf_ringbuf_reserve(rb, sizeof(*m) + SR_MORE_STEP, 0);
	if (!m) {
		/* the rest of this buffer is lost: user space sees it missing */
		st->v[SR_STAT_LOST]++;
		st->v[SR_STAT_PENDING]++;
		p->off = p->end;
		return;
	}
	/* for the verifier (hidden: the compiler knows the bounds hold) */
	asm volatile("" : "+r"(n));
	if (small) {
		if (n > SR_MORE_SMALL)
			n = SR_MORE_SMALL;
	} else if (n > SR_MORE_STEP) {
		n = SR_MORE_STEP;
	}
	m->h = *h;
	m->h.type = SR_REC_MORE;
	m->h.lost = 0;
	m->h.size = sizeof(*m) + n;
	m->at = p->at;
	m->off = p->off;
	m->flags = 0;
	__builtin_memset(m->pad, 0, sizeof(m->pad));
	err = bpf_probe_read_user(m + 1, n, (const void *)p->ptr);
	if (err) {
		/* strace's fetch of these bytes fails too: the buffer ends here */
		m->flags = SR_BF_FAULT;
		m->h.size = sizeof(*m);
		n = 0;
		p->end = p->off;
	}
	m->len = n;
	m->err = err;
	p->off += n;
	p->ptr += n;
	st->v[SR_STAT_EMITTED]++;
	/* the call's own record, next, wakes the reader as its size says */
	bpf_ringbuf_submit(m, BPF_RB_NO_WAKEUP);
}

/*
 * Start @p where its blob ends, if its read succeeded whole (put_blob()
 * notes a blob before reading it); false to skip it.
 */
static __always_inline bool more_start(struct sr_scratch *s, struct sr_more_pend *p)
{
	__u32 at = p->at;
	const struct sr_blob *b;

	if (at > SR_REC_MAX - sizeof(*b))
		return false;
	b = (const void *)(s->buf + at);
	if (b->flags & (SR_BF_FAULT | SR_BF_PART))
		return false;
	p->off = b->len;
	p->ptr += b->len;
	return true;
}

/*
 * Step @i of emit_more()'s loop: one SR_REC_MORE record of the buffer at
 * s->more_cur; non-zero once all are sent (more_begin() started them). The
 * step looks up what it needs itself: its callers' frames stay as they
 * were, on the deepest call chain.
 */
SR_STEP more_step(__u32 i, void *ctx)
{
	struct sr_scratch *s = scratch_get();
	struct sr_cpu_stats *st = stats_get();
	void *rb = cpu_ring();
	struct sr_more_pend *p;
	__u32 k;

	if (!s || !st || !rb)
		return 1;
	k = s->more_cur;
	if (k >= SR_MORE_PEND || k >= s->nmore)
		return 1;
	p = &s->more[k];
	if (p->off >= p->end) {
		s->more_cur = k + 1;
		return 0;
	}
	more_rec(rb, (const struct sr_hdr *)s->buf, p, st);
	return 0;
}

/*
 * The bytes past SR_BLOB_MAX of the buffers put_blob() noted (s->more), in
 * SR_REC_MORE records reserved in this CPU's ring and read into directly,
 * sent before the call's own record: one per SR_MORE_STEP of a buffer, a
 * smaller one for a rest that fits in SR_MORE_SMALL. The place is kept in
 * the scratch, so that the paths of a step meet. With bpf_loop() the
 * verifier checks a step once or a few times per hook (~1k instructions);
 * without, a global function off the capture chain walks all SR_MORE_RECS
 * steps as a bounded loop (~37k instructions in each hook that calls it).
 */
/*
 * Start each noted buffer where its blob ends, before the steps: in the
 * step (at step 0) the verifier walked the rest of the step twice, with
 * and without it (~680 instructions in each of sys_enter and sys_exit).
 */
static __always_inline void more_begin(void)
{
	struct sr_scratch *s = scratch_get();
	int j;

	if (!s)
		return;
	for (j = 0; j < SR_MORE_PEND; j++)
		if (j >= s->nmore || !more_start(s, &s->more[j]))
			s->more[j].end = 0;
	s->more_cur = 0;
}

#if SR_BPF_LOOP
static __always_inline void emit_more(void)
{
	more_begin();
	bpf_loop(SR_MORE_RECS, more_step, NULL, 0);
}
#else
__noinline int emit_more(void)
{
	more_begin();
	sr_loop(SR_MORE_RECS, more_step, NULL);
	return 0;
}
#endif

#endif /* SYSRAY_EMIT_BPF_H */
