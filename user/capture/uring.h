/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The io_uring programs (bpf/uring.bpf.h), part of the main object: which
 * of them this kernel takes (found before the load, and told to them by a
 * knob), their attach by name, and the per-opcode map (struct sr_uring_op).
 */
#ifndef SYSRAY_CAPTURE_URING_H
#define SYSRAY_CAPTURE_URING_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/types.h>

#include "sysray/abi.h"
#include "capture/bpfobj.h"

struct sr_opts;
struct sr_plans;
struct sysray_bpf__rodata;

struct sr_uring {
	struct sr_uring_op ops[SR_URING_OPS]; /* each opcode's twin and selection */
	bool want; /* some opcode is traced or tracked, or io_uring_register traced */
	bool on; /* ... and this kernel has the tracepoints: load and attach */
	uint32_t complete; /* which io_uring_complete: enum sr_uring_tp */
	uint32_t submit; /* which submission tracepoint: enum sr_uring_sub_tp */
	bool by_udata; /* requests keyed by ring and user_data, not by address */
	int err; /* wanted but not traced: why (-errno) */
	int links[4]; /* submission, failure, completion, register; 0: not attached */
};

/**
 * uring_cap__prepare() - which opcodes are traced or tracked (-e trace=, the
 * fd tables), and whether this kernel has the tracepoints the programs need
 * (u->on); if wanted and not possible, u->err says why. Before the load.
 */
void uring_cap__prepare(struct sr_uring *u, const struct sr_opts *o, const struct sr_plans *plans);

/** uring_cap__knobs() - the programs' knobs (.rodata), before the load. */
void uring_cap__knobs(const struct sr_uring *u, struct sysray_bpf__rodata *ro, bool fdi);

/**
 * uring_cap__load() - after the load: fill the per-opcode map. Return 0 or
 * -errno (then nothing is attached, and u->err says why).
 */
int uring_cap__load(struct sr_uring *u, const struct sr_bpfobj *main);

/**
 * uring_cap__attach() - attach the programs, if on. Return 0 or -errno
 * (then nothing is attached, and u->err says why).
 */
int uring_cap__attach(struct sr_uring *u, const struct sr_bpfobj *main);
void uring_cap__detach(struct sr_uring *u);

#endif /* SYSRAY_CAPTURE_URING_H */
