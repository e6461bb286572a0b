/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The io_uring programs (bpf/uring.bpf.c), an object of their own: loaded
 * after the main one, sharing its maps, with the program for this kernel's
 * io_uring_complete; and the per-opcode map (struct sr_uring_op).
 */
#ifndef SYSRAY_CAPTURE_URING_H
#define SYSRAY_CAPTURE_URING_H

#include <stdbool.h>

struct uring_bpf;
struct sr_bpfobj;
struct sr_opts;
struct sr_plans;

/**
 * uring_cap__load() - load the io_uring object into *@out (NULL if none is
 * needed: no opcode traced or tracked), with the maps of @main (loaded) and
 * its knobs, and fill its opcode map. Return 0, or -errno when this kernel
 * cannot load it (no io_uring, or older than 6.0): the caller goes on
 * without it.
 */
int uring_cap__load(struct uring_bpf **out, const struct sr_bpfobj *main, const struct sr_opts *o,
		    const struct sr_plans *plans);

int uring_cap__attach(struct uring_bpf *u);
void uring_cap__detach(struct uring_bpf *u);

/** uring_cap__free() - NULL-safe. */
void uring_cap__free(struct uring_bpf *u);

#endif /* SYSRAY_CAPTURE_URING_H */
