/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The io_uring programs (bpf/uring.bpf.h): which of them this kernel can
 * load, their .rodata flags, and the per-opcode map (struct sr_uring_op).
 */
#ifndef SYSRAY_CAPTURE_URING_H
#define SYSRAY_CAPTURE_URING_H

#include <stdbool.h>

struct sysray_bpf;
struct sr_opts;
struct sr_plans;

/**
 * uring_cap__prepare() - before load: enable the io_uring programs whose
 * tracepoint prototypes match the running kernel's BTF, disable the others
 * (kernels without io_uring, or older than 6.0). Returns whether io_uring
 * requests will be seen.
 */
bool uring_cap__prepare(struct sysray_bpf *skel);

/**
 * uring_cap__fill() - after load: each opcode's twin, its -e trace=
 * selection, and whether the fd tables need it (the twin's SR_PLAN_TRACK).
 */
int uring_cap__fill(struct sysray_bpf *skel, const struct sr_opts *o,
		    const struct sr_plans *plans);

#endif /* SYSRAY_CAPTURE_URING_H */
