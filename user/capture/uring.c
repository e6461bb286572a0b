// SPDX-License-Identifier: GPL-2.0
/*
 * The io_uring programs' setup. The tracepoints changed their arguments
 * across kernels; each program is written for one prototype and loads only
 * where the kernel's BTF has that prototype (its argument count tells them
 * apart), so that a kernel without io_uring, or with older tracepoints,
 * still loads everything else.
 */
#include <errno.h>
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <linux/io_uring.h>

#include "capture/uring.h"
#include "cli/filter.h"
#include "cli/opts.h"
#include "sysray.skel.h"
#include "table/plan.h"
#include "table/uring.h"

#ifndef IORING_SETUP_NO_SQARRAY
/* Linux 6.6, include/uapi/linux/io_uring.h; older headers lack it (never set there). */
#define IORING_SETUP_NO_SQARRAY (1U << 16)
#endif

/* Arguments of tracepoint @name's probe (the leading void * included), or -1. */
static int tp_nargs(const struct btf *btf, const char *name)
{
	char tname[128];
	const struct btf_type *t;
	int id;

	snprintf(tname, sizeof(tname), "btf_trace_%s", name);
	id = btf__find_by_name_kind(btf, tname, BTF_KIND_TYPEDEF);
	if (id < 0)
		return -1;
	t = btf__type_by_id(btf, btf__type_by_id(btf, id)->type); /* the pointer */
	if (!t || !btf_is_ptr(t))
		return -1;
	t = btf__type_by_id(btf, t->type);
	return t && btf_is_func_proto(t) ? btf_vlen(t) : -1;
}

bool uring_cap__prepare(struct sysray_bpf *skel)
{
	struct btf *btf = btf__load_vmlinux_btf();
	int submit = -1, failed = -1, complete = -1;

	if (btf) {
		submit = tp_nargs(btf, "io_uring_submit_req");
		failed = tp_nargs(btf, "io_uring_req_failed");
		complete = tp_nargs(btf, "io_uring_complete");
		btf__free(btf);
	}
	/* submit_req(req) and complete(ctx, req, cqe) or complete(ctx, req, 5 values) */
	bool on = submit == 2 && (complete == 4 || complete == 8);

	bpf_program__set_autoload(skel->progs.uring_submit_req, on);
	bpf_program__set_autoload(skel->progs.uring_req_failed, on && failed == 4);
	bpf_program__set_autoload(skel->progs.uring_complete_cqe, on && complete == 4);
	bpf_program__set_autoload(skel->progs.uring_complete_v60, on && complete == 8);
	skel->rodata->targ_uring_sqe128 = IORING_SETUP_SQE128;
	skel->rodata->targ_uring_no_sqarray = IORING_SETUP_NO_SQARRAY;
	skel->rodata->targ_uring_cqe_more = IORING_CQE_F_MORE;
	return on;
}

int uring_cap__fill(struct sysray_bpf *skel, const struct sr_opts *o,
		    const struct sr_plans *plans)
{
	int fd = bpf_map__fd(skel->maps.uring_ops);
	struct sr_uring_op op;
	uint32_t i;

	for (i = 0; i < SR_URING_OPS; i++) {
		uring__twin(i, &op);
		if (filter__uring_traced(o, op.flags & SR_UOP_TWIN ? op.nr : -1))
			op.flags |= SR_UOP_TRACED;
		/* what the fd tables learn from reaches them whatever -e says */
		if ((op.flags & SR_UOP_TWIN) && (plans->plan[op.nr].flags & SR_PLAN_TRACK))
			op.flags |= SR_UOP_TRACK;
		if (bpf_map_update_elem(fd, &i, &op, BPF_ANY))
			return -errno;
	}
	return 0;
}
