// SPDX-License-Identifier: GPL-2.0
/*
 * The io_uring programs' load and attach. The tracepoints changed across
 * kernels: io_uring_complete's arguments in 6.4 (ctx, req, cqe; before:
 * ctx, req, user_data, res, cflags, extra1, extra2), and the submission's
 * name in 6.3 (io_uring_submit_req; 6.0 to 6.2: io_uring_submit_sqe, with
 * the request first too). The programs are raw tracepoints, in the main
 * object: which io_uring_complete the kernel has is found first, by
 * attaching a probe program that reads a fifth argument (the kernel refuses
 * it where there are only three), and told to the completion program by a
 * knob (targ_uring), so that one load does on every kernel; the
 * submission's name is found at attach. Kernels older than 6.0 (whose
 * submission tracepoint has no request) are not tried: the knob is 0 and
 * the programs return at once.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/utsname.h>
#include <bpf/bpf.h>
#include <linux/io_uring.h>

#include "capture/bpfobj.h"
#include "capture/uring.h"
#include "cli/filter.h"
#include "cli/opts.h"
#include "sysray_compat.skel.h"
#include "table/plan.h"
#include "table/syscalls.h"
#include "table/uring.h"

#ifndef IORING_SETUP_NO_SQARRAY
/* Linux 6.6, include/uapi/linux/io_uring.h; older headers lack it (never set there). */
#define IORING_SETUP_NO_SQARRAY (1U << 16)
#endif

/* Linux 6.0 or later: io_uring_submit_req with the request. */
static bool kernel_6_0(void)
{
	struct utsname u;
	int major = 0;

	return !uname(&u) && sscanf(u.release, "%d.", &major) == 1 && major >= 6;
}

/* Each opcode's twin, its -e trace= selection, whether the fd tables need it. */
static bool uring_ops(const struct sr_opts *o, const struct sr_plans *plans,
		      struct sr_uring_op *ops)
{
	bool any = false;
	uint32_t i;

	for (i = 0; i < SR_URING_OPS; i++) {
		struct sr_uring_op *op = &ops[i];

		uring__twin(i, op);
		if (filter__uring_traced(o, op->flags & SR_UOP_TWIN ? op->nr : -1))
			op->flags |= SR_UOP_TRACED;
		/* what the fd tables learn from reaches them whatever -e says */
		if ((op->flags & SR_UOP_TWIN) && (plans->plan[op->nr].flags & SR_PLAN_TRACK))
			op->flags |= SR_UOP_TRACK;
		if (op->flags & (SR_UOP_TRACED | SR_UOP_TRACK))
			any = true;
	}
	return any;
}

/*
 * Does io_uring_complete take 6.0-6.3's arguments (1), 6.4's (0), or is it
 * missing (-errno)? A raw tracepoint program that reads the fifth argument
 * attaches only where there is one.
 */
static int complete_v60(void)
{
	const struct bpf_insn insns[] = {
		/* r0 = ctx[4]; r0 = 0; exit */
		{ .code = BPF_LDX | BPF_MEM | BPF_DW,
		  .dst_reg = BPF_REG_0,
		  .src_reg = BPF_REG_1,
		  .off = 4 * sizeof(__u64) },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	int prog, link, err;

	prog = bpf_prog_load(BPF_PROG_TYPE_RAW_TRACEPOINT, "sr_uring_probe", "GPL", insns,
			     sizeof(insns) / sizeof(*insns), NULL);
	if (prog < 0)
		return -errno;
	link = bpf_raw_tracepoint_open("io_uring_complete", prog);
	err = link < 0 ? -errno : 1;
	if (link >= 0)
		close(link);
	close(prog);
	return err == -EINVAL ? 0 : err;
}

/*
 * Is io_uring_register traced? Its line shows the fds and tags of file
 * registrations that the io_uring_register program reads.
 */
static bool register_traced(const struct sr_plans *plans)
{
	int nr, n = syscalls__count();

	for (nr = 0; nr < n && nr < SR_NR_MAX; nr++)
		if (SR_FDACT(syscalls__get(nr)) == SR_FD_URING_REG &&
		    (plans->plan[nr].flags & SR_PLAN_TRACED))
			return true;
	return false;
}

void uring_cap__prepare(struct sr_uring *u, const struct sr_opts *o, const struct sr_plans *plans)
{
	int v60;

	memset(u, 0, sizeof(*u));
	u->want = uring_ops(o, plans, u->ops);
	u->want |= register_traced(plans);
	if (!u->want)
		return;
	if (!kernel_6_0()) {
		u->err = -ENOTSUP;
		return;
	}
	v60 = complete_v60();
	if (v60 < 0) {
		u->err = v60;
		return;
	}
	u->v60 = v60;
	u->on = true;
}

void uring_cap__knobs(const struct sr_uring *u, struct sysray_bpf__rodata *ro, bool fdi)
{
	ro->targ_uring = !u->on ? SR_URING_OFF : u->v60 ? SR_URING_V60 : SR_URING_CQE;
	ro->targ_uring_sqe128 = IORING_SETUP_SQE128;
	ro->targ_uring_no_sqarray = IORING_SETUP_NO_SQARRAY;
	ro->targ_uring_cqe_more = IORING_CQE_F_MORE;
	ro->targ_uring_fdi = fdi;
}

/* Not traced after all: nothing attached, -d says why. */
static int give_up(struct sr_uring *u, int err)
{
	u->on = false;
	u->err = err;
	return err;
}

int uring_cap__load(struct sr_uring *u, const struct sr_bpfobj *main)
{
	uint32_t i;

	if (!u->on)
		return 0;
	for (i = 0; i < SR_URING_OPS; i++)
		if (bpf_map_update_elem(main->fd.uring_ops, &i, &u->ops[i], BPF_ANY))
			return give_up(u, -errno);
	return 0;
}

int uring_cap__attach(struct sr_uring *u, const struct sr_bpfobj *main)
{
	const int *prog = main->uring_progs;
	int err = 0;

	if (!u->on)
		return 0;
	u->links[0] = bpf_raw_tracepoint_open("io_uring_submit_req", prog[0]);
	if (u->links[0] < 0 && errno == ENOENT)
		u->links[0] = bpf_raw_tracepoint_open("io_uring_submit_sqe", prog[0]);
	if (u->links[0] >= 0)
		u->links[1] = bpf_raw_tracepoint_open("io_uring_req_failed", prog[1]);
	if (u->links[0] >= 0 && u->links[1] >= 0)
		u->links[2] = bpf_raw_tracepoint_open("io_uring_complete", prog[2]);
	/* the rings io_uring_register() names: without it, -y forgets registered files */
	if (u->links[2] >= 0)
		u->links[3] = bpf_raw_tracepoint_open("io_uring_register", prog[3]);
	if (u->links[0] < 0 || u->links[1] < 0 || u->links[2] < 0 || u->links[3] < 0) {
		err = -errno;
		uring_cap__detach(u);
		give_up(u, err);
	}
	return err;
}

void uring_cap__detach(struct sr_uring *u)
{
	size_t i;

	for (i = 0; i < sizeof(u->links) / sizeof(*u->links); i++) {
		if (u->links[i] > 0)
			close(u->links[i]);
		u->links[i] = 0;
	}
}
