/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The consumer side of the BPF ring buffer, mapped directly. libbpf's
 * consumer publishes its position after every record, which makes the
 * producing CPU fetch that cache line back on every event; this one
 * publishes once per batch (and every 256 KiB within a large one). The
 * data area is mapped once, not twice as libbpf does: its pages count in
 * our RSS, and the rare record that wraps is copied out instead.
 */
#ifndef SYSRAY_RINGBUF_H
#define SYSRAY_RINGBUF_H

#include <stddef.h>
#include <stdint.h>

typedef int (*sr_ring_fn)(void *ctx, void *data, size_t len);

struct sr_ring {
	int map_fd;
	int epoll_fd;
	size_t size; /* data area, a power of two */
	size_t page;
	unsigned long *consumer_pos; /* read-write page */
	const unsigned long *producer_pos; /* read-only page, followed by the data */
	const uint8_t *data; /* mapped once: a record at the end wraps around */
	uint8_t *bounce; /* a wrapped record, put back together */
	size_t bounce_cap;
	uint64_t dropped; /* wrapped records lost for want of memory for the bounce */
	sr_ring_fn fn;
	void *ctx;
};

/** ring__open() - map ring buffer @map_fd of @size bytes. Return 0 or -errno. */
int ring__open(struct sr_ring *r, int map_fd, size_t size, sr_ring_fn fn, void *ctx);

/** ring__poll() - wait up to @timeout_ms for a wakeup, then consume. Return 0 or -errno. */
int ring__poll(struct sr_ring *r, int timeout_ms);

/** ring__consume() - hand every committed record to the callback. Returns the count. */
long ring__consume(struct sr_ring *r);

/** ring__close() - unmap; NULL-safe and idempotent. */
void ring__close(struct sr_ring *r);

#endif /* SYSRAY_RINGBUF_H */
