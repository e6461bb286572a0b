/* SPDX-License-Identifier: GPL-2.0 */
/*
 * io_uring_register's program (uring.bpf.h includes this after the
 * request programs it shares maps with): from inside the syscall, the
 * ring's address and the fds a file registration or update names, a few
 * records a run, the program tail-calling itself for the rest.
 */
#ifndef SYSRAY_URING_REG_BPF_H
#define SYSRAY_URING_REG_BPF_H

/* Where a registration's fds are, and which slots they go to. */
struct reg_where {
	__u64 fds; /* user address of the fd array, or 0 (none, or no file registration) */
	__u64 tags; /* ... of the tags, or 0 */
	__u32 nr; /* fds in the registration */
	__u32 offset; /* the first slot */
	__u32 flags; /* SR_UREG_EMPTY */
};

/*
 * The UAPI structs a registration names (linux/io_uring.h), declared here
 * without vmlinux.h's preserve_access_index: their layout is the ABI, so
 * their fields need no CO-RE relocation. Relocated, their names took the
 * kernel's CO-RE candidate cache slots of sighand_struct and linux_binprm,
 * which sys_exit relocates too: each load scanned every kernel type for
 * them again (the cache has 31 slots by name hash).
 */
struct sr_rsrc_update {
	__u32 offset;
	__u32 resv;
	__u64 data;
};

struct sr_rsrc_update2 {
	__u32 offset;
	__u32 resv;
	__u64 data;
	__u64 tags;
	__u32 nr;
	__u32 resv2;
};

struct sr_rsrc_register {
	__u32 nr;
	__u32 flags;
	__u64 resv2;
	__u64 data;
	__u64 tags;
};

_Static_assert(sizeof(struct sr_rsrc_update) == sizeof(struct io_uring_rsrc_update), "UAPI");
_Static_assert(sizeof(struct sr_rsrc_update2) == sizeof(struct io_uring_rsrc_update2), "UAPI");
_Static_assert(sizeof(struct sr_rsrc_register) == sizeof(struct io_uring_rsrc_register), "UAPI");

/* Where registration @op of @a (the syscall's arguments) keeps its fds. */
static __always_inline void reg_where(struct reg_where *w, __u32 op, const __u64 *a)
{
	struct sr_rsrc_register rr;
	struct sr_rsrc_update2 u2;
	/* struct io_uring_files_update has this layout (offset, resv, fds) */
	struct sr_rsrc_update u;
	bool files = op == IORING_REGISTER_FILES2 || op == IORING_REGISTER_FILES_UPDATE2;

	__builtin_memset(w, 0, sizeof(*w));
	w->nr = (__u32)a[3];
	switch (op) {
	case IORING_REGISTER_FILES:
		w->fds = a[2];
		break;
	case IORING_REGISTER_FILES_UPDATE:
		if (bpf_probe_read_user(&u, sizeof(u), (void *)a[2]))
			break;
		w->offset = u.offset;
		w->fds = u.data;
		break;
	case IORING_REGISTER_FILES2:
	case IORING_REGISTER_BUFFERS2:
		if (w->nr < sizeof(rr) || bpf_probe_read_user(&rr, sizeof(rr), (void *)a[2]))
			break;
		w->nr = rr.nr;
		w->tags = rr.tags;
		if (!rr.data)
			w->flags |= SR_UREG_EMPTY;
		w->fds = files ? rr.data : 0;
		break;
	case IORING_REGISTER_FILES_UPDATE2:
	case IORING_REGISTER_BUFFERS_UPDATE:
		if (w->nr < sizeof(u2) || bpf_probe_read_user(&u2, sizeof(u2), (void *)a[2]))
			break;
		w->nr = u2.nr;
		w->offset = u2.offset;
		w->tags = u2.tags;
		w->fds = files ? u2.data : 0;
		break;
	}
}

/* uring_register()'s walk through one registration, across its tail calls */
struct uring_reg_walk {
	struct reg_where w;
	__u64 ring; /* the ring's kernel address */
	__u32 op;
	__u32 k; /* the next record */
	__u32 tid; /* the registering thread while its walk goes on in a tail call, else 0 */
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct uring_reg_walk);
} uring_reg_walk SEC(".maps");

/* uring_register itself (capture/uring.c puts it there): the walk's next records */
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} uring_reg_next SEC(".maps");

/*
 * Records a run of uring_register sends before it tail-calls itself for
 * the next ones: SR_UREG_CHUNKS / SR_UREG_PER_RUN runs must stay within
 * the kernel's 33 tail calls (32 before 5.17).
 */
#define SR_UREG_PER_RUN 2
_Static_assert(SR_UREG_CHUNKS / SR_UREG_PER_RUN <= 32, "tail calls");

/* Send record @k of @g's registration; false: the last one, or the ring is full. */
static __always_inline bool reg_record(struct sr_cpu_stats *st, const struct uring_reg_walk *g,
				       __u32 k)
{
	struct sr_uring_reg *r = reserve_fixed(st, sizeof(*r));
	__u64 fds = g->w.fds, tags = g->w.tags;
	__u32 n, nr = g->w.nr;

	if (!r)
		return false;
	hdr_init(&r->h, SR_REC_URING_REG, -1);
	r->ctx = g->ring;
	r->opcode = g->op;
	/* record k: the fds from k * SR_UREG_FDS on, for the slots from offset + that on */
	r->flags = g->w.flags | (k ? SR_UREG_CONT : 0);
	r->offset = g->w.offset + k * SR_UREG_FDS;
	r->nr = nr - k * SR_UREG_FDS;
	r->pad = 0;
	r->req = 0;
	n = r->nr < SR_UREG_FDS ? r->nr : SR_UREG_FDS;
	/* 1 to SR_UREG_FDS elements, in a form the verifier bounds */
	_Static_assert(SR_UREG_FDS == 64, "the masks below");
	if (n && fds &&
	    !bpf_probe_read_user(r->fds, (((n - 1) & 63) + 1) * sizeof(r->fds[0]),
				 (void *)(fds + k * SR_UREG_FDS * sizeof(r->fds[0]))))
		r->flags |= SR_UREG_READ;
	if (n && tags &&
	    !bpf_probe_read_user(r->tags, (((n - 1) & 63) + 1) * sizeof(r->tags[0]),
				 (void *)(tags + k * SR_UREG_FDS * sizeof(r->tags[0]))))
		r->flags |= SR_UREG_TAGS;
	submit_fixed(st, &r->h, sizeof(*r));
	/* no more fds to read (a sparse registration, buffers, an unregistration) */
	return fds && nr > (k + 1) * SR_UREG_FDS;
}

/*
 * The build for kernels without bpf_task_pt_regs() (5.15) and bpf_loop()
 * (5.17): one record with the ring alone (SR_UREG_ARGS); user space takes
 * the fds from the syscall's entry captures (SR_HOW_FIELDS).
 */
static __always_inline void reg_ring(struct sr_cpu_stats *st, __u64 ring, __u32 op)
{
	struct sr_uring_reg *r = reserve_fixed(st, sizeof(*r));

	if (!r)
		return;
	hdr_init(&r->h, SR_REC_URING_REG, -1);
	r->ctx = ring;
	r->opcode = op;
	r->flags = SR_UREG_ARGS;
	r->offset = 0;
	r->nr = 0;
	r->pad = 0;
	r->req = 0;
	submit_fixed(st, &r->h, sizeof(*r));
}

/*
 * io_uring_register() of a traced task, from inside the syscall: the ring's
 * kernel address, which the fd it was named by does not tell, and the fds
 * and tags a registration puts in its slots (the kernel has just copied
 * them: their pages are there), SR_UREG_FDS a record: a registration of
 * more sends more records (SR_UREG_CONT), up to SR_UREG_CHUNKS. Paired in
 * user space with the syscall's exit.
 *
 * A run sends SR_UREG_PER_RUN records and tail-calls the program for the
 * next ones, its walk kept in uring_reg_walk (the same CPU: the tracepoint
 * runs the program, and its tail calls, without preemption). A loop of
 * SR_UREG_CHUNKS records in one run was verified iteration by iteration,
 * for each of reg_where()'s cases: ~210,000 instructions and 1-2 s of
 * every start-up, against ~1,000 now.
 */
SEC(SEC_URING("io_uring_register"))
int BPF_PROG(uring_register, void *ctx_, unsigned int opcode)
{
	struct task_struct *task = cur_task();
	__u32 tid = (__u32)bpf_get_current_pid_tgid(), key = 0, i, k;
	struct uring_reg_walk *g = bpf_map_lookup_elem(&uring_reg_walk, &key);
	struct sr_cpu_stats *st = stats_get();
	__u64 a[SR_NARGS];

	if (!targ_uring || !g || !st)
		return 0;
	/* libbpf's build (no bpf_loop()) has no BTF task for bpf_task_pt_regs(): the ring */
	if (!SR_BPF_LOOP) {
		if (task_traced(cur_tgid(task), false, task))
			reg_ring(st, (__u64)ctx_,
				 opcode & ~(__u32)IORING_REGISTER_USE_REGISTERED_RING);
		return 0;
	}
	/* the first run (a tail call goes on with the walk it was handed) */
	if (g->tid != tid) {
		if (!task_traced(cur_tgid(task), false, task))
			return 0;
		g->op = opcode & ~(__u32)IORING_REGISTER_USE_REGISTERED_RING;
		g->ring = (__u64)ctx_;
		g->k = 0;
		sr_regs_args((struct pt_regs *)bpf_task_pt_regs(task), a, task);
		reg_where(&g->w, g->op, a);
	}
	g->tid = 0;
	for (i = 0; i < SR_UREG_PER_RUN; i++) {
		k = g->k;
		if (k >= SR_UREG_CHUNKS || !reg_record(st, g, k))
			return 0;
		g->k = k + 1;
	}
	g->tid = tid;
	bpf_tail_call(ctx, &uring_reg_next, 0);
	/* no tail call (none in place): the rest is not sent */
	g->tid = 0;
	return 0;
}

#endif /* SYSRAY_URING_REG_BPF_H */
