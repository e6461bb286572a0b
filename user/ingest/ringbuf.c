// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <linux/bpf.h>

#include "ingest/ringbuf.h"

/* Publish a ring's consumer position at least this often within a round. */
#define RELEASE_EVERY (256 * 1024)

static int ring_map(struct sr_ring *r, int map_fd, size_t size, size_t page)
{
	void *cons, *prod;

	r->size = size;
	cons = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (cons == MAP_FAILED)
		return -errno;
	r->consumer_pos = cons;
	/* the producer page, then the data area */
	prod = mmap(NULL, page + size, PROT_READ, MAP_SHARED, map_fd, page);
	if (prod == MAP_FAILED)
		return -errno;
	r->producer_pos = prod;
	/*
	 * Not in a child: the command's fork would copy the mapping's page
	 * table entries (the kernel maps every page of a ring at mmap time),
	 * and its exec drop them again. Only an optimization: ignore failure.
	 */
	madvise(cons, page, MADV_DONTFORK);
	madvise(prod, page + size, MADV_DONTFORK);
	r->data = (const uint8_t *)prod + page;
	r->cons = r->released = *r->consumer_pos;
	r->prod = r->cons;
	return 0;
}

int rings__init(struct sr_rings *rs, int n)
{
	memset(rs, 0, sizeof(*rs));
	rs->page = sysconf(_SC_PAGESIZE);
	rs->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	rs->r = calloc(n, sizeof(*rs->r));
	if (rs->epoll_fd < 0 || !rs->r) {
		int err = rs->r ? -errno : -ENOMEM;

		rings__close(rs);
		return err;
	}
	rs->n = n;
	return 0;
}

int rings__map(struct sr_rings *rs, int i, int map_fd, size_t size)
{
	/* edge-triggered: records held back for the merge must not wake us again */
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET };
	int err = ring_map(&rs->r[i], map_fd, size, rs->page);

	if (!err && epoll_ctl(rs->epoll_fd, EPOLL_CTL_ADD, map_fd, &ev))
		err = -errno;
	return err;
}

/*
 * The timestamp of @r's next committed record, skipping discarded ones.
 * Returns 0, or -1 when there is none yet (empty, or reserved and not
 * committed: a record behind it must wait for it).
 */
static int peek(struct sr_ring *r, uint64_t *ts)
{
	for (;;) {
		const uint32_t *hdr;
		uint32_t len;

		if (r->cons >= r->prod) {
			r->prod = __atomic_load_n(r->producer_pos, __ATOMIC_ACQUIRE);
			if (r->cons >= r->prod)
				return -1;
		}
		hdr = (const uint32_t *)(r->data + (r->cons & (r->size - 1)));
		len = __atomic_load_n(hdr, __ATOMIC_ACQUIRE);
		if (len & BPF_RINGBUF_BUSY_BIT)
			return -1;
		if (!(len & BPF_RINGBUF_DISCARD_BIT)) {
			/* 8-aligned in a ring whose size is a multiple of 8: never wraps */
			const uint64_t *rec =
				(const uint64_t *)(r->data + ((r->cons + BPF_RINGBUF_HDR_SZ) &
							      (r->size - 1)));

			*ts = len >= sizeof(*rec) ? *rec : 0;
			return 0;
		}
		len &= ~BPF_RINGBUF_DISCARD_BIT;
		r->cons += (len + BPF_RINGBUF_HDR_SZ + 7) & ~7UL;
	}
}

/* The record of @len bytes at data offset @off of @r, contiguous. */
static void *record_at(struct sr_rings *rs, const struct sr_ring *r, size_t off, uint32_t len)
{
	size_t first = r->size - off;

	if (len <= first)
		return (void *)(r->data + off);
	if (len > rs->bounce_cap) {
		uint8_t *b = realloc(rs->bounce, len);

		if (!b)
			return NULL;
		rs->bounce = b;
		rs->bounce_cap = len;
	}
	memcpy(rs->bounce, r->data + off, first);
	memcpy(rs->bounce + first, r->data, len - first);
	return rs->bounce;
}

static void release(struct sr_ring *r)
{
	if (r->cons != r->released) {
		__atomic_store_n(r->consumer_pos, r->cons, __ATOMIC_RELEASE);
		r->released = r->cons;
	}
}

/*
 * Hand on the record peek() found at the head of @r, and step past it.
 * Returns false when the callback refused it: it stays at the head.
 */
static bool deliver(struct sr_rings *rs, struct sr_ring *r, sr_ring_fn fn, void *ctx)
{
	uint32_t len = *(const uint32_t *)(r->data + (r->cons & (r->size - 1)));
	void *rec;

	rec = record_at(rs, r, (r->cons + BPF_RINGBUF_HDR_SZ) & (r->size - 1), len);
	if (!rec)
		rs->dropped++;
	else if (fn(ctx, rec, len))
		return false;
	r->cons += (len + BPF_RINGBUF_HDR_SZ + 7) & ~7UL;
	if (r->cons - r->released >= RELEASE_EVERY)
		release(r);
	return true;
}

/*
 * The ring with the oldest head, or NULL. *@bound: what that head may not
 * pass, the next-oldest head or @limit_ns if some ring has nothing to show.
 */
static struct sr_ring *oldest(struct sr_rings *rs, uint64_t limit_ns, uint64_t *best_ts,
			      uint64_t *bound)
{
	struct sr_ring *best = NULL;
	uint64_t ts;
	int i;

	*bound = UINT64_MAX;
	for (i = 0; i < rs->n; i++) {
		struct sr_ring *r = &rs->r[i];

		if (peek(r, &ts)) {
			if (limit_ns < *bound)
				*bound = limit_ns;
		} else if (!best || ts < *best_ts) {
			if (best && *best_ts < *bound)
				*bound = *best_ts;
			best = r;
			*best_ts = ts;
		} else if (ts < *bound) {
			*bound = ts;
		}
	}
	return best;
}

long rings__consume(struct sr_rings *rs, uint64_t limit_ns, sr_ring_fn fn, void *ctx)
{
	uint64_t ts, bound;
	struct sr_ring *r;
	long n = 0;
	int i;

	while ((r = oldest(rs, limit_ns, &ts, &bound)) && ts <= bound) {
		/* the rest of this ring's run that stays within the bound */
		do {
			if (!deliver(rs, r, fn, ctx))
				goto out;
			n++;
		} while (!peek(r, &ts) && ts <= bound);
	}
out:
	for (i = 0; i < rs->n; i++)
		release(&rs->r[i]);
	return n;
}

uint64_t rings__limit(void)
{
	struct timespec t;
	uint64_t now;

	clock_gettime(CLOCK_MONOTONIC, &t);
	now = t.tv_sec * 1000000000ULL + t.tv_nsec;
	return now > SR_RING_SLACK_NS ? now - SR_RING_SLACK_NS : 0;
}

int rings__wait(struct sr_rings *rs, int timeout_ms)
{
	struct epoll_event ev[8];

	if (epoll_wait(rs->epoll_fd, ev, 8, timeout_ms) < 0 && errno != EINTR)
		return -errno;
	return 0;
}

int rings__poll(struct sr_rings *rs, int timeout_ms, sr_ring_fn fn, void *ctx)
{
	int err = rings__wait(rs, timeout_ms);

	if (!err)
		rings__consume(rs, rings__limit(), fn, ctx);
	return err;
}

void rings__close(struct sr_rings *rs)
{
	int i;

	for (i = 0; rs->r && i < rs->n; i++) {
		struct sr_ring *r = &rs->r[i];

		if (r->consumer_pos)
			munmap(r->consumer_pos, rs->page);
		if (r->producer_pos)
			munmap((void *)r->producer_pos, rs->page + r->size);
	}
	free(rs->r);
	rs->r = NULL;
	rs->n = 0;
	free(rs->bounce);
	rs->bounce = NULL;
	rs->bounce_cap = 0;
	if (rs->epoll_fd >= 0)
		close(rs->epoll_fd);
	rs->epoll_fd = -1;
}
