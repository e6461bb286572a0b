// SPDX-License-Identifier: GPL-2.0
/*
 * The io_uring object's load. The tracepoints changed across kernels:
 * io_uring_complete's arguments in 6.4 (ctx, req, cqe; before: ctx, req,
 * user_data, res, cflags, extra1, extra2), and the submission's name in 6.3
 * (io_uring_submit_req; 6.0 to 6.2: io_uring_submit_sqe). Each has its
 * program; a missing tracepoint fails the load and so does the completion
 * program of the other prototype (the verifier refuses it, see
 * bpf/uring.bpf.c), so the combinations are tried newest first. Kernels
 * older than 6.0 (whose submission tracepoint has no request) are not
 * tried: nothing there to parse BTF for.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/io_uring.h>

#include "capture/bpfobj.h"
#include "capture/uring.h"
#include "cli/filter.h"
#include "cli/opts.h"
#include "sysray_compat.skel.h"
#include "table/plan.h"
#include "table/uring.h"
#include "uring.skel.h"

#ifndef IORING_SETUP_NO_SQARRAY
/* Linux 6.6, include/uapi/linux/io_uring.h; older headers lack it (never set there). */
#define IORING_SETUP_NO_SQARRAY (1U << 16)
#endif

/* The same headers define both objects' knobs and counters: copied and shared whole. */
_Static_assert(sizeof(struct uring_bpf__rodata) == sizeof(struct sysray_bpf__rodata),
	       "uring.bpf.c's .rodata differs from sysray.bpf.c's");
_Static_assert(sizeof(struct uring_bpf__bss) == sizeof(struct sysray_bpf__bss),
	       "uring.bpf.c's .bss differs from sysray.bpf.c's");

/* Linux 6.0 or later: io_uring_submit_req with the request. */
static bool kernel_6_0(void)
{
	struct utsname u;
	int major = 0;

	return !uname(&u) && sscanf(u.release, "%d.", &major) == 1 && major >= 6;
}

/* Each opcode's twin, its -e trace= selection, whether the fd tables need it. */
static void uring_ops(const struct sr_opts *o, const struct sr_plans *plans,
		      struct sr_uring_op *ops, bool *any)
{
	uint32_t i;

	*any = false;
	for (i = 0; i < SR_URING_OPS; i++) {
		struct sr_uring_op *op = &ops[i];

		uring__twin(i, op);
		if (filter__uring_traced(o, op->flags & SR_UOP_TWIN ? op->nr : -1))
			op->flags |= SR_UOP_TRACED;
		/* what the fd tables learn from reaches them whatever -e says */
		if ((op->flags & SR_UOP_TWIN) && (plans->plan[op->nr].flags & SR_PLAN_TRACK))
			op->flags |= SR_UOP_TRACK;
		if (op->flags & (SR_UOP_TRACED | SR_UOP_TRACK))
			*any = true;
	}
}

/* Every map of the object but its own two is the main object's. */
static int share_maps(struct uring_bpf *u, const struct sr_bpf_fds *fd)
{
	struct {
		struct bpf_map *map;
		int fd;
	} shared[] = {
		{ u->maps.rbs, fd->rbs },	  { u->maps.rb_start, fd->rb_start },
		{ u->maps.plans, fd->plans },	  { u->maps.traced, fd->traced },
		{ u->maps.dead, fd->dead },	  { u->maps.cgroups, fd->cgroups },
		{ u->maps.cgcache, fd->cgcache }, { u->maps.scratch, fd->scratch },
		{ u->maps.stats, fd->stats },	  { u->maps.tcache, fd->tcache },
		{ u->maps.retry, fd->retry },	  { u->maps.bss, fd->bss },
	};
	size_t i;
	int err;

	for (i = 0; i < sizeof(shared) / sizeof(*shared); i++) {
		err = bpf_map__reuse_fd(shared[i].map, shared[i].fd);
		if (err)
			return err;
	}
	return 0;
}

/*
 * Open, share, set the knobs (-y: fd descriptions where the main object
 * makes them) and load with the io_uring_complete program for @v64, the
 * submission one for @v63.
 */
static int try_load(struct uring_bpf **out, const struct sr_bpfobj *main, bool v64, bool v63)
{
	struct uring_bpf *u = uring_bpf__open();
	int err;

	if (!u)
		return -errno;
	err = share_maps(u, &main->fd);
	if (!err) {
		memcpy(u->rodata, main->rodata, sizeof(*u->rodata));
		u->rodata->targ_uring_sqe128 = IORING_SETUP_SQE128;
		u->rodata->targ_uring_no_sqarray = IORING_SETUP_NO_SQARRAY;
		u->rodata->targ_uring_cqe_more = IORING_CQE_F_MORE;
		u->rodata->targ_uring_fdi = main->fdi;
		bpf_program__set_autoload(u->progs.uring_complete_cqe, v64);
		bpf_program__set_autoload(u->progs.uring_complete_v60, !v64);
		bpf_program__set_autoload(u->progs.uring_submit_req, v63);
		bpf_program__set_autoload(u->progs.uring_submit_sqe, !v63);
		err = uring_bpf__load(u);
	}
	if (err) {
		uring_bpf__destroy(u);
		return err;
	}
	*out = u;
	return 0;
}

int uring_cap__load(struct uring_bpf **out, const struct sr_bpfobj *main, const struct sr_opts *o,
		    const struct sr_plans *plans)
{
	struct sr_uring_op ops[SR_URING_OPS];
	bool any;
	uint32_t i;
	int err;

	*out = NULL;
	uring_ops(o, plans, ops, &any);
	if (!any)
		return 0;
	if (!kernel_6_0())
		return -ENOTSUP;
	err = try_load(out, main, true, true);
	if (err)
		err = try_load(out, main, false, true);
	if (err)
		err = try_load(out, main, false, false);
	if (err)
		return err;
	for (i = 0; i < SR_URING_OPS; i++)
		if (bpf_map_update_elem(bpf_map__fd((*out)->maps.uring_ops), &i, &ops[i], BPF_ANY))
			return -errno;
	return 0;
}

int uring_cap__attach(struct uring_bpf *u)
{
	return u ? uring_bpf__attach(u) : 0;
}

void uring_cap__detach(struct uring_bpf *u)
{
	if (u)
		uring_bpf__detach(u);
}

void uring_cap__free(struct uring_bpf *u)
{
	uring_bpf__destroy(u);
}
