// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "ingest/backlog.h"

/* How often the reader looks at the rings when no wakeup comes. */
#define READER_POLL_MS 20
/* ... and when it stopped for want of room: the formatter frees a chunk soon. */
#define FULL_POLL_MS 2

/* Records one after another, each an 8-byte length word and its bytes padded to 8. */
struct sr_chunk {
	struct sr_chunk *next; /* set by the reader once it writes there instead */
	size_t used; /* published by the reader */
	uint8_t data[];
};

static size_t chunk_data(const struct sr_backlog *b)
{
	return b->chunk - sizeof(struct sr_chunk);
}

/*
 * Chunks the formatter is done with wait here for the reader to fill them
 * again, up to SPARE_MAX: a fresh mapping costs a page fault (and a cleared
 * page) per 4 KiB, which was most of the reader's time in a busy trace. One
 * thread pushes (the formatter), one pops (the reader): no ABA.
 */
#define SPARE_MAX 4

static struct sr_chunk *spare_pop(struct sr_backlog *b)
{
	struct sr_chunk *c = __atomic_load_n(&b->spare, __ATOMIC_ACQUIRE);

	while (c && !__atomic_compare_exchange_n(&b->spare, &c, c->next, false, __ATOMIC_ACQUIRE,
						 __ATOMIC_ACQUIRE))
		;
	if (c)
		__atomic_sub_fetch(&b->nspare, 1, __ATOMIC_RELAXED);
	return c;
}

static bool spare_push(struct sr_backlog *b, struct sr_chunk *c)
{
	if (__atomic_load_n(&b->nspare, __ATOMIC_RELAXED) >= SPARE_MAX)
		return false;
	__atomic_add_fetch(&b->nspare, 1, __ATOMIC_RELAXED);
	c->next = __atomic_load_n(&b->spare, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(&b->spare, &c->next, c, false, __ATOMIC_RELEASE,
					    __ATOMIC_RELAXED))
		;
	return true;
}

/* A new chunk, or NULL if one more would pass the cap. */
static struct sr_chunk *chunk_new(struct sr_backlog *b)
{
	size_t bytes = __atomic_load_n(&b->bytes, __ATOMIC_RELAXED);
	struct sr_chunk *c;

	if (bytes + b->chunk > b->cap)
		return NULL;
	c = spare_pop(b);
	if (c) {
		c->next = NULL;
		c->used = 0;
	} else {
		c = mmap(NULL, b->chunk, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			 0);
		if (c == MAP_FAILED)
			return NULL;
		/* fresh pages are zero: no next, nothing used */
	}
	bytes = __atomic_add_fetch(&b->bytes, b->chunk, __ATOMIC_RELAXED);
	if (bytes > __atomic_load_n(&b->peak, __ATOMIC_RELAXED))
		__atomic_store_n(&b->peak, bytes, __ATOMIC_RELAXED);
	return c;
}

static void chunk_free(struct sr_backlog *b, struct sr_chunk *c)
{
	__atomic_sub_fetch(&b->bytes, b->chunk, __ATOMIC_RELAXED);
	if (!spare_push(b, c))
		munmap(c, b->chunk);
}

/* At the end, with the reader stopped. */
static void spares_free(struct sr_backlog *b)
{
	struct sr_chunk *c;

	while ((c = spare_pop(b)))
		munmap(c, b->chunk);
}

/* The reader's record callback: append the record to the last chunk. */
static int copy_in(void *ctx, void *data, size_t len)
{
	struct sr_backlog *b = ctx;
	size_t need = sizeof(uint64_t) + ((len + 7) & ~(size_t)7);
	struct sr_chunk *c = b->fill;
	uint64_t word = len;

	if (need > chunk_data(b)) {
		b->rings->dropped++; /* too big for any chunk; counted with the losses */
		return 0;
	}
	if (c->used + need > chunk_data(b)) {
		struct sr_chunk *n = chunk_new(b);

		if (!n) {
			b->full = true;
			return 1; /* no room: leave it in its ring */
		}
		__atomic_store_n(&c->next, n, __ATOMIC_RELEASE);
		b->fill = c = n;
	}
	memcpy(c->data + c->used, &word, sizeof(word));
	memcpy(c->data + c->used + sizeof(word), data, len);
	__atomic_store_n(&c->used, c->used + need, __ATOMIC_RELEASE);
	return 0;
}

static void wake_formatter(struct sr_backlog *b)
{
	pthread_mutex_lock(&b->mu);
	pthread_cond_signal(&b->ready);
	pthread_mutex_unlock(&b->mu);
}

static bool stopping(struct sr_backlog *b)
{
	bool stop;

	pthread_mutex_lock(&b->mu);
	stop = b->stop;
	pthread_mutex_unlock(&b->mu);
	return stop;
}

static void *reader(void *arg)
{
	struct sr_backlog *b = arg;

	while (!stopping(b)) {
		bool was_full = b->full;
		long n = 0;
		int err;

		b->full = false;
		err = rings__wait(b->rings, was_full ? FULL_POLL_MS : READER_POLL_MS);
		if (!err)
			n = rings__consume(b->rings, rings__limit(), copy_in, b);
		if (err) {
			pthread_mutex_lock(&b->mu);
			b->err = err;
			pthread_mutex_unlock(&b->mu);
			break;
		}
		if (n > 0)
			wake_formatter(b);
	}
	return NULL;
}

static void stop_fd_close(struct sr_backlog *b)
{
	if (b->stop_fd < 0)
		return;
	epoll_ctl(b->rings->epoll_fd, EPOLL_CTL_DEL, b->stop_fd, NULL);
	close(b->stop_fd);
	b->stop_fd = -1;
}

int backlog__start(struct sr_backlog *b, struct sr_rings *rings, size_t cap, size_t chunk,
		   sr_ring_fn fn, void *ctx)
{
	pthread_condattr_t ca;
	sigset_t all, old;
	int err;

	memset(b, 0, sizeof(*b));
	b->rings = rings;
	b->fn = fn;
	b->ctx = ctx;
	b->chunk = chunk;
	/* the first chunk is always there: the reader writes, the formatter reads it */
	b->cap = cap > chunk ? cap : chunk;
	b->fill = b->cur = chunk_new(b);
	if (!b->fill)
		return -ENOMEM;
	/* without it, stopping would wait for the reader's poll to time out */
	b->stop_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (b->stop_fd >= 0) {
		struct epoll_event ev = { .events = EPOLLIN };

		if (epoll_ctl(rings->epoll_fd, EPOLL_CTL_ADD, b->stop_fd, &ev)) {
			close(b->stop_fd);
			b->stop_fd = -1;
		}
	}
	pthread_mutex_init(&b->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&b->ready, &ca);
	pthread_condattr_destroy(&ca);
	/* signals are the main thread's business */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_create(&b->thread, NULL, reader, b);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err) {
		chunk_free(b, b->cur);
		spares_free(b);
		stop_fd_close(b);
		return -err;
	}
	b->started = true;
	return 0;
}

/*
 * Records backlog__poll() hands on before it returns (at the end of the
 * chunk where it reaches them): the loop around it must see a stop signal,
 * a reader gone or a -d state request soon, even while the reader publishes
 * faster than the records are formatted.
 */
#define FORMAT_BATCH 4096

/* Hand on what the reader published, up to a chunk past @max records; returns how many. */
static long format_published(struct sr_backlog *b, long max)
{
	long n = 0;

	for (;;) {
		struct sr_chunk *c = b->cur;
		/* next before used: the reader fills a chunk before it links the next */
		struct sr_chunk *next = __atomic_load_n(&c->next, __ATOMIC_ACQUIRE);
		size_t used = __atomic_load_n(&c->used, __ATOMIC_ACQUIRE);

		while (b->off < used) {
			uint64_t len;

			memcpy(&len, c->data + b->off, sizeof(len));
			b->fn(b->ctx, c->data + b->off + sizeof(len), len);
			b->off += sizeof(len) + ((len + 7) & ~(uint64_t)7);
			n++;
		}
		if (!next)
			return n;
		chunk_free(b, c);
		b->cur = next;
		b->off = 0;
		if (n >= max)
			return n;
	}
}

static bool has_published(struct sr_backlog *b)
{
	return __atomic_load_n(&b->cur->used, __ATOMIC_ACQUIRE) > b->off ||
	       __atomic_load_n(&b->cur->next, __ATOMIC_ACQUIRE);
}

int backlog__poll(struct sr_backlog *b, int timeout_ms)
{
	int err;

	if (!format_published(b, FORMAT_BATCH) && timeout_ms > 0) {
		struct timespec until;

		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += (long)timeout_ms * 1000000;
		until.tv_sec += until.tv_nsec / 1000000000;
		until.tv_nsec %= 1000000000;
		pthread_mutex_lock(&b->mu);
		if (!has_published(b) && !b->err)
			pthread_cond_timedwait(&b->ready, &b->mu, &until);
		pthread_mutex_unlock(&b->mu);
		format_published(b, FORMAT_BATCH);
	}
	pthread_mutex_lock(&b->mu);
	err = b->err;
	pthread_mutex_unlock(&b->mu);
	return err;
}

void backlog__stop(struct sr_backlog *b)
{
	uint64_t one = 1;

	if (!b || !b->started)
		return;
	pthread_mutex_lock(&b->mu);
	b->stop = true;
	pthread_mutex_unlock(&b->mu);
	if (b->stop_fd >= 0) {
		/* should this fail, the reader's poll times out instead */
		ssize_t n = write(b->stop_fd, &one, sizeof(one));

		(void)n;
	}
	pthread_join(b->thread, NULL);
	stop_fd_close(b);
	b->started = false;
	format_published(b, LONG_MAX);
	chunk_free(b, b->cur); /* the last: the reader's too */
	spares_free(b);
	b->cur = b->fill = NULL;
	pthread_cond_destroy(&b->ready);
	pthread_mutex_destroy(&b->mu);
}
