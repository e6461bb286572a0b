// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/bpf.h>

#include "ringbuf.h"

/* Publish the consumer position at least this often within a batch. */
#define RELEASE_EVERY (256 * 1024)

int ring__open(struct sr_ring *r, int map_fd, size_t size, sr_ring_fn fn, void *ctx)
{
	struct epoll_event ev = { .events = EPOLLIN };
	void *cons, *prod;

	memset(r, 0, sizeof(*r));
	r->map_fd = map_fd;
	r->size = size;
	r->page = sysconf(_SC_PAGESIZE);
	r->fn = fn;
	r->ctx = ctx;
	r->epoll_fd = -1;
	cons = mmap(NULL, r->page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (cons == MAP_FAILED)
		return -errno;
	r->consumer_pos = cons;
	/* the producer page, then the data area */
	prod = mmap(NULL, r->page + size, PROT_READ, MAP_SHARED, map_fd, r->page);
	if (prod == MAP_FAILED) {
		int err = -errno;

		ring__close(r);
		return err;
	}
	r->producer_pos = prod;
	r->data = (const uint8_t *)prod + r->page;
	r->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	if (r->epoll_fd < 0 || epoll_ctl(r->epoll_fd, EPOLL_CTL_ADD, map_fd, &ev)) {
		int err = -errno;

		ring__close(r);
		return err;
	}
	return 0;
}

/* The record of @len bytes at data offset @off, contiguous. */
static void *record_at(struct sr_ring *r, size_t off, uint32_t len)
{
	size_t first = r->size - off;

	if (len <= first)
		return (void *)(r->data + off);
	if (len > r->bounce_cap) {
		uint8_t *b = realloc(r->bounce, len);

		if (!b)
			return NULL;
		r->bounce = b;
		r->bounce_cap = len;
	}
	memcpy(r->bounce, r->data + off, first);
	memcpy(r->bounce + first, r->data, len - first);
	return r->bounce;
}

long ring__consume(struct sr_ring *r)
{
	unsigned long cons = *r->consumer_pos, prod, released = cons;
	long n = 0;

	prod = __atomic_load_n(r->producer_pos, __ATOMIC_ACQUIRE);
	while (cons < prod) {
		const uint32_t *hdr = (const uint32_t *)(r->data + (cons & (r->size - 1)));
		uint32_t len = __atomic_load_n(hdr, __ATOMIC_ACQUIRE);

		if (len & BPF_RINGBUF_BUSY_BIT)
			break; /* reserved, not committed yet */
		if (!(len & BPF_RINGBUF_DISCARD_BIT)) {
			void *rec;

			len &= ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
			/* the 8-byte header never wraps: the size is a multiple of 8 */
			rec = record_at(r, (cons + BPF_RINGBUF_HDR_SZ) & (r->size - 1), len);
			if (rec)
				r->fn(r->ctx, rec, len);
			else
				r->dropped++;
			n++;
		} else {
			len &= ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
		}
		cons += (len + BPF_RINGBUF_HDR_SZ + 7) & ~7UL;
		if (cons - released >= RELEASE_EVERY) {
			__atomic_store_n(r->consumer_pos, cons, __ATOMIC_RELEASE);
			released = cons;
		}
		if (cons >= prod)
			prod = __atomic_load_n(r->producer_pos, __ATOMIC_ACQUIRE);
	}
	if (cons != released)
		__atomic_store_n(r->consumer_pos, cons, __ATOMIC_RELEASE);
	return n;
}

int ring__poll(struct sr_ring *r, int timeout_ms)
{
	struct epoll_event ev;

	if (epoll_wait(r->epoll_fd, &ev, 1, timeout_ms) < 0 && errno != EINTR)
		return -errno;
	ring__consume(r);
	return 0;
}

void ring__close(struct sr_ring *r)
{
	if (r->consumer_pos)
		munmap(r->consumer_pos, r->page);
	if (r->producer_pos)
		munmap((void *)r->producer_pos, r->page + r->size);
	free(r->bounce);
	r->bounce = NULL;
	r->bounce_cap = 0;
	if (r->epoll_fd >= 0)
		close(r->epoll_fd);
	r->consumer_pos = NULL;
	r->producer_pos = NULL;
	r->epoll_fd = -1;
}
