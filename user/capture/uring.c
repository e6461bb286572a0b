// SPDX-License-Identifier: GPL-2.0
/*
 * The io_uring programs' load and attach. The tracepoints changed across
 * kernels, and so did their arguments: io_uring_complete takes (ctx, req,
 * cqe) from 6.4, (ctx, req, user_data, res, cflags[, extra1, extra2]) from
 * 5.18 (and in the stable 5.10 and 5.15 that took 5.15's io_uring back:
 * Debian 11's 5.10), (ctx, user_data, res, cflags) in 5.15, (ctx, user_data,
 * res) before; the submission is io_uring_submit_req (req) from 6.3,
 * io_uring_submit_sqe (req, force_nonblock) in 6.0 to 6.2, (ctx, req,
 * opcode, user_data, flags, force_nonblock, sq_thread) in 5.15 to 5.19 and
 * (ctx, opcode, user_data, force_nonblock, sq_thread) before. The programs
 * are raw tracepoints, in the main object: which arguments this kernel's
 * tracepoints take is found first, by attaching probe programs that read
 * the Nth argument (the kernel refuses one that reads past the last), and
 * told to the programs by knobs (targ_uring, targ_uring_sub), so that one
 * load does on every kernel; the submission's name is found at attach.
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

/* Linux 6.0 or later (io_uring_complete's 3 arguments are then 6.4's). */
static bool kernel_6_0(void)
{
	struct utsname u;
	int major = 0;

	return !uname(&u) && sscanf(u.release, "%d.", &major) == 1 && major >= 6;
}

/*
 * Has io_uring_register's plan @flag (SR_PLAN_TRACED: its line shows the
 * fds and tags of file registrations that the io_uring_register program
 * reads; SR_PLAN_TRACK: the fd tables follow registered files)?
 */
static bool register_plan(const struct sr_plans *plans, uint32_t flag)
{
	int nr, n = syscalls__count();

	for (nr = 0; nr < n && nr < SR_NR_MAX; nr++)
		if (SR_FDACT(syscalls__get(nr)) == SR_FD_URING_REG &&
		    (plans->plan[nr].flags & flag))
			return true;
	return false;
}

/*
 * The syscalls @opcode's flags may make a request (uring__variants()):
 * wanted if one of them is. The request is sent and user space, which
 * sees the flags, drops the ones whose syscall -e trace= leaves out.
 */
static void add_variants(const struct sr_opts *o, const struct sr_plans *plans, unsigned int opcode,
			 struct sr_uring_op *op)
{
	int nrs[4];
	size_t i, n = uring__variants(opcode, nrs, sizeof(nrs) / sizeof(nrs[0]));

	for (i = 0; i < n; i++) {
		if (filter__uring_traced(o, nrs[i]))
			op->flags |= SR_UOP_TRACED;
		if (plans->plan[nrs[i]].flags & SR_PLAN_TRACK)
			op->flags |= SR_UOP_TRACK;
	}
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
		if (op->flags & SR_UOP_TWIN)
			add_variants(o, plans, i, op);
		/* it changes fixed-file slots: its fds are read where registered files are followed */
		if (i == IORING_OP_FILES_UPDATE && register_plan(plans, SR_PLAN_TRACK))
			op->flags |= SR_UOP_TRACK;
		if (op->flags & (SR_UOP_TRACED | SR_UOP_TRACK))
			any = true;
	}
	return any;
}

/*
 * Does tracepoint @name pass argument @k (counted from 0)? 1 yes, 0 no, or
 * -errno (-ENOENT: no such tracepoint). A raw tracepoint program that reads
 * it attaches only where there is one.
 */
static int has_arg(const char *name, int k)
{
	const struct bpf_insn insns[] = {
		/* r0 = ctx[k]; r0 = 0; exit */
		{ .code = BPF_LDX | BPF_MEM | BPF_DW,
		  .dst_reg = BPF_REG_0,
		  .src_reg = BPF_REG_1,
		  .off = (__s16)(k * sizeof(__u64)) },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	int prog, link, err;

	prog = bpf_prog_load(BPF_PROG_TYPE_RAW_TRACEPOINT, "sr_uring_probe", "GPL", insns,
			     sizeof(insns) / sizeof(*insns), NULL);
	if (prog < 0)
		return -errno;
	link = bpf_raw_tracepoint_open(name, prog);
	err = link < 0 ? -errno : 1;
	if (link >= 0)
		close(link);
	close(prog);
	return err == -EINVAL ? 0 : err;
}

/* Which io_uring_complete this kernel has (enum sr_uring_tp), or -errno. */
static int complete_tp(void)
{
	const char *tp = "io_uring_complete";
	int r = has_arg(tp, 4);

	if (r)
		return r < 0 ? r : SR_URING_V60;
	/* 3 arguments from 6.0 on are 6.4's (the cqe) */
	if (kernel_6_0())
		return SR_URING_CQE;
	r = has_arg(tp, 3);
	if (r)
		return r < 0 ? r : SR_URING_V515;
	r = has_arg(tp, 2);
	if (r)
		return r < 0 ? r : SR_URING_V510;
	return -ENOTSUP;
}

/*
 * Which submission tracepoint this kernel has (enum sr_uring_sub_tp), or
 * -errno; one that names no request only where the completion does not
 * either (requests are then keyed by ring and user_data on both sides).
 */
static int submit_tp(int complete)
{
	const char *tp = "io_uring_submit_sqe";
	int r;

	/* 6.4 and later: io_uring_submit_req */
	if (complete == SR_URING_CQE || has_arg("io_uring_submit_req", 0) == 1)
		return SR_USUBTP_REQ;
	r = has_arg(tp, 6);
	if (r)
		return r < 0 ? r : SR_USUBTP_CTX_REQ;
	r = has_arg(tp, 4);
	if (r < 0)
		return r;
	if (r)
		return complete == SR_URING_V60 ? -ENOTSUP : SR_USUBTP_CTX;
	r = has_arg(tp, 1);
	if (r)
		return r < 0 ? r : SR_USUBTP_REQ;
	return -ENOTSUP;
}

/*
 * SYSRAY_URING_BY_UDATA=1 in the environment keys requests by ring and
 * user_data, as on kernels whose completions do not name the request, so
 * that tests run that path on any kernel.
 */
static bool by_udata_env(void)
{
	const char *env = getenv("SYSRAY_URING_BY_UDATA");

	return env && !strcmp(env, "1");
}

void uring_cap__prepare(struct sr_uring *u, const struct sr_opts *o, const struct sr_plans *plans)
{
	int complete, submit;

	memset(u, 0, sizeof(*u));
	u->want = uring_ops(o, plans, u->ops);
	u->want |= register_plan(plans, SR_PLAN_TRACED);
	if (!u->want)
		return;
	complete = complete_tp();
	submit = complete < 0 ? complete : submit_tp(complete);
	if (submit < 0) {
		u->err = submit;
		return;
	}
	u->complete = complete;
	u->submit = submit;
	u->by_udata = complete == SR_URING_V515 || complete == SR_URING_V510 || by_udata_env();
	u->on = true;
}

/*
 * Is io_uring_req_failed attached (6.0's (sqe, req, error), where requests
 * are keyed by address)? Elsewhere the io_uring_complete program finds the
 * requests refused while being set up (targ_uring_refused).
 */
static bool req_failed_tp(const struct sr_uring *u)
{
	return u->submit == SR_USUBTP_REQ && !u->by_udata;
}

void uring_cap__knobs(const struct sr_uring *u, struct sysray_bpf__rodata *ro, bool fdi)
{
	ro->targ_uring = u->on ? u->complete : SR_URING_OFF;
	ro->targ_uring_sub = u->submit;
	ro->targ_uring_by_udata = u->by_udata;
	ro->targ_uring_refused = u->on && !req_failed_tp(u);
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

/* The opcodes' twins into their map: in one batch, or one at a time where arrays have none. */
static int fill_ops(const struct sr_uring *u, int fd)
{
	uint32_t keys[SR_URING_OPS], i, count = SR_URING_OPS;

	for (i = 0; i < SR_URING_OPS; i++)
		keys[i] = i;
	if (!bpf_map_update_batch(fd, keys, u->ops, &count, NULL))
		return 0;
	for (i = 0; i < SR_URING_OPS; i++)
		if (bpf_map_update_elem(fd, &i, &u->ops[i], BPF_ANY))
			return -errno;
	return 0;
}

int uring_cap__load(struct sr_uring *u, const struct sr_bpfobj *main)
{
	uint32_t zero = 0;
	int err;

	if (!u->on)
		return 0;
	err = fill_ops(u, main->fd.uring_ops);
	if (err)
		return give_up(u, err);
	/* a registration of more than SR_UREG_FDS fds: the next records in a tail call */
	if (bpf_map_update_elem(main->fd.uring_reg_next, &zero, &main->uring_progs[3], BPF_ANY))
		return give_up(u, -errno);
	/* a request refused before it ran: its captures in the submission's program */
	if (bpf_map_update_elem(main->fd.uring_submit_next, &zero, &main->uring_progs[0], BPF_ANY))
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
	/* requests refused before they ran (elsewhere: at their completion) */
	if (u->links[0] >= 0 && req_failed_tp(u))
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
