/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Buffers longer than one blob: the SR_REC_MORE records the kernel side
 * sends just before a call's record (include/sysray/abi.h) are held per
 * thread, then spliced into that record's blobs, so that the decoders see
 * one blob of all the bytes (up to SR_MORE_INLINE; the whole buffer, for
 * the dumps of -e read=/write=, through call__blob_bytes()).
 */
#ifndef SYSRAY_PAIRING_MORE_H
#define SYSRAY_PAIRING_MORE_H

#include <stddef.h>
#include <stdint.h>

#include "call/call.h"

/* A spliced blob's bytes in its record, at most (its len is 16 bits). */
#define SR_MORE_INLINE 65528
/* Blobs of a call kept whole past SR_MORE_INLINE, at most. */
#define SR_MORE_EXT 8

/* One thread's held continuations and what was spliced of its call. */
struct sr_tmore {
	uint64_t ts; /* the record the held SR_REC_MORE records continue */
	uint8_t *held; /* those records, back to back */
	size_t held_len, held_cap;
	uint8_t *rec; /* the last record spliced */
	size_t rec_cap;
	struct sr_blob_ext ext[SR_MORE_EXT]; /* the call's blobs past SR_MORE_INLINE */
	uint32_t next;
};

/**
 * more__hold() - keep SR_REC_MORE record @r (@len bytes) for the record it
 * continues; records held for another one are dropped (it was lost).
 * Returns 0 or -ENOMEM.
 */
int more__hold(struct sr_tmore *m, const struct sr_more *r, size_t len);

/**
 * more__splice() - @rec (an entry, exit or whole-call record, *@len bytes)
 * with the held records spliced into its blobs: @rec itself when nothing
 * continues it, else a copy owned by @m, valid until the next call, *@len
 * updated. An entry or a whole call starts a new call: the previous one's
 * whole blobs are dropped first.
 */
const void *more__splice(struct sr_tmore *m, const void *rec, size_t *len);

/** more__free() - release what @m holds (@m itself is not freed). */
void more__free(struct sr_tmore *m);

#endif /* SYSRAY_PAIRING_MORE_H */
