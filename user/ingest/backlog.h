/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A reader thread between the ring buffers and the formatter. Formatting a
 * line costs ten times what copying its record does, so when several CPUs
 * produce at once the formatter falls behind and the rings fill. The reader
 * keeps them drained: it merges the rings (ringbuf.c) and copies each record,
 * in order, into 1 MiB chunks of memory that exist only while the formatter
 * is behind, up to a cap (--backlog). Past the cap it leaves records in the
 * rings, which fill and count their losses as before.
 */
#ifndef SYSRAY_BACKLOG_H
#define SYSRAY_BACKLOG_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ingest/ringbuf.h"

struct sr_chunk;

/*
 * One producer (the reader) and one consumer (the formatter) share a list of
 * chunks without a lock: the reader appends records to the last chunk and
 * publishes its fill level, then links a new chunk when it is full; the
 * formatter reads up to the published level and unmaps a chunk once the
 * reader has moved past it. The mutex only guards sleeping and waking.
 */
struct sr_backlog {
	struct sr_rings *rings;
	sr_ring_fn fn; /* the formatter's callback */
	void *ctx;
	size_t cap; /* bytes of chunks at most (one at least) */
	size_t chunk; /* bytes of each chunk */
	pthread_t thread;
	bool started;
	int stop_fd; /* an eventfd in the rings' epoll set: backlog__stop() wakes the reader */
	pthread_mutex_t mu;
	pthread_cond_t ready; /* the reader published records */
	bool stop; /* under mu */
	int err; /* -errno that ended the reader; under mu */
	size_t bytes; /* of chunks in the list (atomic) */
	uint64_t peak; /* most bytes at once (atomic) */
	struct sr_chunk *fill; /* the reader's: the last chunk */
	bool full; /* the reader's: its last round stopped for want of room */
	struct sr_chunk *cur; /* the formatter's: the first chunk */
	struct sr_chunk *spare; /* chunks to fill again (a stack) */
	int nspare; /* atomic */
	size_t off; /* the formatter's: read position in cur */
};

/* The chunk size sysray uses. */
#define SR_BACKLOG_CHUNK (1024 * 1024)

/**
 * backlog__start() - start the reader on @rings, the only thread to consume
 * them until backlog__stop(), copying into chunks of @chunk bytes, at most
 * @cap bytes of them, and handing records to @fn from backlog__poll().
 * Return 0 or -errno.
 */
int backlog__start(struct sr_backlog *b, struct sr_rings *rings, size_t cap, size_t chunk,
		   sr_ring_fn fn, void *ctx);

/**
 * backlog__poll() - wait up to @timeout_ms for records and hand them all on.
 * Returns 0, or the -errno that stopped the reader.
 */
int backlog__poll(struct sr_backlog *b, int timeout_ms);

/**
 * backlog__stop() - stop the reader and hand on everything it copied; what
 * is left in the rings is newer. NULL-safe and idempotent.
 */
void backlog__stop(struct sr_backlog *b);

#endif /* SYSRAY_BACKLOG_H */
