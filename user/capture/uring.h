/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The io_uring programs (bpf/uring.bpf.c), an object of their own: loaded by
 * libbpf after the main one, sharing its maps, with the programs for this
 * kernel's tracepoints (found before the load) attached by name; and the
 * per-opcode map (struct sr_uring_op).
 */
#ifndef SYSRAY_CAPTURE_URING_H
#define SYSRAY_CAPTURE_URING_H

#include <stdbool.h>
#include <linux/types.h>

#include "sysray/abi.h"

struct uring_bpf;
struct sr_bpfobj;
struct sr_opts;
struct sr_plans;

struct sr_uring {
	struct sr_uring_op ops[SR_URING_OPS]; /* each opcode's twin and selection */
	bool want; /* some opcode is traced or tracked */
	bool on; /* ... and this kernel has the tracepoints: load and attach */
	bool v60; /* io_uring_complete has 6.0-6.3's arguments */
	int err; /* wanted but not traced: why (-errno) */
	struct uring_bpf *skel; /* loaded, or NULL */
	int links[3]; /* submission, failure, completion; 0: not attached */
};

/**
 * uring_cap__prepare() - which opcodes are traced or tracked (-e trace=, the
 * plans), and whether and how this kernel has the io_uring tracepoints
 * (Linux 6.0 or later). Never fails: u->err says why requests will not be
 * traced.
 */
void uring_cap__prepare(struct sr_uring *u, const struct sr_opts *o, const struct sr_plans *plans);

/**
 * uring_cap__load() - after the main programs load, if wanted and possible:
 * the object on @main's maps, with @main's knobs, and its opcode map. Return
 * 0 (nothing to do, or done) or -errno (in u->err too): the caller goes on
 * without io_uring.
 */
int uring_cap__load(struct sr_uring *u, const struct sr_bpfobj *main);

/**
 * uring_cap__attach() - attach the programs, if loaded. Return 0 or -errno
 * (in u->err; nothing left attached): the caller goes on without io_uring.
 */
int uring_cap__attach(struct sr_uring *u);
void uring_cap__detach(struct sr_uring *u);

/** uring_cap__free() - detaches; NULL-safe. */
void uring_cap__free(struct sr_uring *u);

#endif /* SYSRAY_CAPTURE_URING_H */
