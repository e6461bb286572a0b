/* SPDX-License-Identifier: GPL-2.0 */
/*
 * io_uring opcodes: their names (from <linux/io_uring.h>) and the syscall
 * each prints as, its "twin", with where the twin's arguments sit in the
 * submission queue entry. The BPF side builds the arguments from this
 * (struct sr_uring_op, filled by the loader); user space prints them
 * through the twin's table row.
 */
#ifndef SYSRAY_TABLE_URING_H
#define SYSRAY_TABLE_URING_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/types.h>

#include "sysray/abi.h"

/** uring__op_name() - "IORING_OP_READ", or NULL for an opcode the headers lack. */
const char *uring__op_name(unsigned int opcode);

/**
 * uring__twin() - @opcode's twin as the BPF side takes it: nr, nargs and
 * src[] with SR_UOP_TWIN, or only opcode-level fields (flags 0) for a
 * request that prints under its io_uring name. Never sets SR_UOP_TRACED.
 */
void uring__twin(unsigned int opcode, struct sr_uring_op *op);

/**
 * uring__variants() - the syscalls other than its twin that @opcode's
 * flags may make a request (IORING_OP_FSYNC with IORING_FSYNC_DATASYNC:
 * fdatasync), at most @max into @nrs; returns how many. An opcode is
 * wanted if its twin or one of these is.
 */
size_t uring__variants(unsigned int opcode, int *nrs, size_t max);

/**
 * uring__twin_nr() - the syscall request @q prints as: a variant its flags
 * name, else @op's twin (@op: uring__twin() of its opcode), or -1 for none.
 */
int uring__twin_nr(const struct sr_sqe *q, const struct sr_uring_op *op);

#endif /* SYSRAY_TABLE_URING_H */
