/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The consumer side of the BPF ring buffers: one per CPU, mapped directly
 * and merged by timestamp. One ring shared by all CPUs makes every record
 * take the same producer lock, which two busy CPUs fight over; with one ring
 * per CPU the producers never meet, and user space restores the order.
 *
 * Every record starts with a CLOCK_MONOTONIC timestamp (struct sr_hdr's
 * ts_ns). A record is handed on once no ring can still produce an older
 * one: every other ring shows an older-or-equal head, or is empty and was
 * found empty after the round's limit (a few hundred microseconds ago).
 * Within a task the order is exact: a task's next record is taken after
 * its previous one was committed. Records of different tasks committed
 * more than the slack after their timestamp can print slightly out of
 * order, as they could with one ring (which orders by reservation).
 *
 * libbpf's consumer publishes its position after every record, which makes
 * the producing CPU fetch that cache line back on every event; this one
 * publishes once per round (and every 256 KiB within a long one). The data
 * area is mapped once, not twice as libbpf does: its pages count in our
 * RSS, and the rare record that wraps is copied out instead.
 */
#ifndef SYSRAY_RINGBUF_H
#define SYSRAY_RINGBUF_H

#include <stddef.h>
#include <stdint.h>

/* Takes a record; non-zero: leave it in its ring and end the round (no room). */
typedef int (*sr_ring_fn)(void *ctx, void *data, size_t len);

/* One CPU's ring buffer. */
struct sr_ring {
	size_t size; /* data area, a power of two */
	unsigned long *consumer_pos; /* read-write page */
	const unsigned long *producer_pos; /* read-only page, followed by the data */
	const uint8_t *data; /* mapped once: a record at the end wraps around */
	unsigned long cons, prod, released; /* this round's view */
};

struct sr_rings {
	struct sr_ring *r;
	int n;
	int epoll_fd;
	size_t page;
	uint8_t *bounce; /* a wrapped record, put back together */
	size_t bounce_cap;
	uint64_t dropped; /* wrapped records lost for want of memory for the bounce */
};

/* How long after its timestamp a record is surely visible in its ring. */
#define SR_RING_SLACK_NS 500000ULL

/**
 * rings__init() - room for @n rings, none mapped yet. Return 0 or -errno;
 * rings__close() in either case.
 */
int rings__init(struct sr_rings *rs, int n);

/**
 * rings__map() - map ring @i, the ring buffer map @map_fd of @size bytes, and
 * watch it. Threads may map different rings at once. Return 0 or -errno.
 */
int rings__map(struct sr_rings *rs, int i, int map_fd, size_t size);

/** rings__wait() - wait up to @timeout_ms for a wakeup. Return 0 or -errno. */
int rings__wait(struct sr_rings *rs, int timeout_ms);

/** rings__poll() - rings__wait(), then consume. Return 0 or -errno. */
int rings__poll(struct sr_rings *rs, int timeout_ms, sr_ring_fn fn, void *ctx);

/**
 * rings__consume() - hand on, oldest first, every committed record that no
 * ring can precede any more; a ring found empty counts as having nothing
 * older than @limit_ns (UINT64_MAX: the producers are gone, take it all).
 * Returns the count.
 */
long rings__consume(struct sr_rings *rs, uint64_t limit_ns, sr_ring_fn fn, void *ctx);

/** rings__limit() - the limit for a round starting now. */
uint64_t rings__limit(void);

/** rings__close() - unmap; NULL-safe and idempotent. */
void rings__close(struct sr_rings *rs);

#endif /* SYSRAY_RINGBUF_H */
