/* SPDX-License-Identifier: GPL-2.0 */
/*
 * io_uring requests in the pairing stage: a submission record is held until
 * its completion record comes (they may come from other CPUs and tasks),
 * then the two make one call, printed as its syscall twin with the
 * "[io_uring] " mark (struct sr_call.via).
 */
#ifndef SYSRAY_PAIRING_URING_H
#define SYSRAY_PAIRING_URING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "call/call.h"
#include "lib/idmap.h"
#include "table/syscalls.h"

struct sr_opts;

struct sr_uring_pairing {
	struct idmap reqs; /* kernel request address -> struct sr_uring_held */
	uint64_t unmatched; /* completions whose submission was lost */
};

/* One request's call, as uring__complete() builds it. */
struct sr_uring_call {
	struct sr_call call;
	const struct sr_uring_sub *sub; /* the submission record */
	const uint8_t *sub_blobs; /* the submission's blobs, up to call.in_end */
	struct sr_sysent ent; /* the twin's row with the request's extras, or IORING_OP_X() */
	bool shown; /* -e trace= selects it (else it is only for the fd tables) */
	bool fd_changes; /* the fd tables may learn from it (not a fixed-file slot) */
	bool more; /* a multishot request: its submission stays for the next completion */
};

/**
 * uring__on_reg() - the fds of an IORING_OP_FILES_UPDATE request (record
 * @r, SR_UREG_REQ), held with its submission for its completion.
 */
void uring__on_reg(struct sr_uring_pairing *u, const struct sr_uring_reg *r);

/** uring__on_submit() - hold submission record @x (@len bytes). */
void uring__on_submit(struct sr_uring_pairing *u, const struct sr_uring_sub *x, size_t len);

/**
 * uring__complete() - pair completion @x (@len bytes) with its submission
 * into @out, which points into both records: valid until the next call on
 * @u. @ent: the twin's row as printed (entry_of()), NULL for no twin.
 * Returns false when the submission is unknown (counted).
 */
bool uring__complete(struct sr_uring_pairing *u, const struct sr_uring_cqe *x, size_t len,
		     const struct sr_opts *o, struct sr_uring_call *out);

/** uring__release() - done with the call uring__complete() returned. */
void uring__release(struct sr_uring_pairing *u, struct sr_uring_call *uc);

/** uring__forget_tgid() - process @tgid is gone: forget its requests in flight. */
void uring__forget_tgid(struct sr_uring_pairing *u, uint32_t tgid);

/** uring__free() - forget the requests in flight. */
void uring__free(struct sr_uring_pairing *u);

#endif /* SYSRAY_PAIRING_URING_H */
