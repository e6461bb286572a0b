/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One syscall as user space holds it: its entry record and, once it
 * returned, its exit record (struct sr_call), and safe access to the blobs
 * of user memory the BPF side captured for its arguments. Pure data: this
 * folder calls nothing above it.
 */
#ifndef SYSRAY_CALL_CALL_H
#define SYSRAY_CALL_CALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <linux/types.h>

#include "sysray/abi.h"

struct sr_sysent;

/* One syscall being printed: its entry record and, at exit, its exit record. */
struct sr_call {
	const struct sr_sysent *ent;
	int nr;
	uint32_t tgid;
	uint32_t tid;
	uint64_t args[SR_NARGS];
	int64_t ret;
	bool has_exit; /* ret and out[] are valid */
	/* First blob captured for each argument, at entry and at exit. */
	const struct sr_blob *in[SR_NARGS];
	const struct sr_blob *out[SR_NARGS];
	const uint8_t *in_end; /* end of the entry record */
	const uint8_t *out_start; /* the exit record, when has_exit */
	const uint8_t *out_end;
	uint64_t ts_enter; /* kernel time of the entry (CLOCK_MONOTONIC ns); 0: unknown */
	uint64_t ts_exit; /* and of the exit, when has_exit */
	uint64_t ip; /* the user instruction pointer after the syscall instruction (-i) */
	/* Scratch for the sinks (struct sr_sink.bit), cleared when the call begins. */
	uint8_t sink_bits;
	uint8_t via; /* SR_VIA_SYSCALL, or SR_VIA_URING: an io_uring request */
	/*
	 * io_uring: fd arguments of these values are indexes in the ring's
	 * registered files (the request's fd with IOSQE_FIXED_FILE, splice's
	 * and tee's fd_in with SPLICE_F_FD_IN_FIXED): fixed_fd[0..nfixed)
	 */
	uint8_t nfixed;
	int32_t fixed_fd[2];
	const struct sr_sqe *sqe; /* io_uring: the submission queue entry, or NULL */
	uint64_t uring_ctx; /* io_uring: the ring (the kernel's address), or 0 */
	/*
	 * io_uring_register(): its ring and fds, sent from inside the call, in
	 * uring_reg_n records (SR_UREG_FDS fds each); or NULL
	 */
	const struct sr_uring_reg *uring_reg;
	uint32_t uring_reg_n;
	/*
	 * io_uring, keyed by user_data: this completion is of one of
	 * uring_peers requests with its ring and user_data (sqe->user_data),
	 * which one is not known: the arguments are not shown; or 0
	 */
	uint32_t uring_peers;
};

/* sr_call.via */
#define SR_VIA_SYSCALL 0
#define SR_VIA_URING   1

/* Blob access. */
static inline const void *blob_data(const struct sr_blob *b)
{
	return b + 1;
}

/* Did the copy behind @b succeed (not faulted, not a NULL pointer)? */
static inline bool blob_ok(const struct sr_blob *b)
{
	return b && !(b->flags & (SR_BF_FAULT | SR_BF_NULL));
}

/* The bytes captured in @b, when there are at least @need of them. */
static inline const void *blob_get(const struct sr_blob *b, size_t need)
{
	return blob_ok(b) && b->len >= need ? blob_data(b) : NULL;
}

/* Unaligned little pieces of captured structs. */
static inline uint16_t get16(const void *p, size_t off)
{
	uint16_t v;

	memcpy(&v, (const uint8_t *)p + off, sizeof(v));
	return v;
}

static inline uint32_t get32(const void *p, size_t off)
{
	uint32_t v;

	memcpy(&v, (const uint8_t *)p + off, sizeof(v));
	return v;
}

static inline uint64_t get64(const void *p, size_t off)
{
	uint64_t v;

	memcpy(&v, (const uint8_t *)p + off, sizeof(v));
	return v;
}

/**
 * blob_next() - the blob after @b within [.., @end), or NULL. Validates the
 * length so a malformed record cannot make us read past @end.
 */
const struct sr_blob *blob_next(const struct sr_blob *b, const uint8_t *end);

/**
 * blob_valid() - does @b with its payload fit before @end?
 */
bool blob_valid(const struct sr_blob *b, const uint8_t *end);

/**
 * call__blob() - the blob for argument @i: the exit copy when @at_exit (or a
 * retried entry copy), else the entry copy. NULL if nothing was captured.
 */
const struct sr_blob *call__blob(const struct sr_call *c, int i, bool at_exit);

/* End of the record holding @b. */
const uint8_t *call__blob_end(const struct sr_call *c, const struct sr_blob *b);

/**
 * call__index_blobs() - point slot[i] at the first blob of argument i in
 * [@blobs, @end): an entry record's captures.
 */
void call__index_blobs(const uint8_t *blobs, const uint8_t *end, const struct sr_blob **slot);

/**
 * call__index_exit_blobs() - index an exit (or whole-call) record's blobs
 * from @blobs to @c->out_end: retried and entry copies go to @c->in[], the
 * outputs to @c->out[].
 */
void call__index_exit_blobs(struct sr_call *c, const uint8_t *blobs);

/* Is fd argument @fd of @c an index in its ring's registered files? */
static inline bool call__fd_fixed(const struct sr_call *c, int fd)
{
	int i;

	for (i = 0; i < c->nfixed && i < (int)(sizeof(c->fixed_fd) / sizeof(c->fixed_fd[0])); i++)
		if (c->fixed_fd[i] == fd)
			return true;
	return false;
}

#endif /* SYSRAY_CALL_CALL_H */
