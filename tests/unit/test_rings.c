// SPDX-License-Identifier: GPL-2.0
/*
 * The per-CPU ring merge, on rings laid out in memory as the kernel lays
 * them out: an 8-byte header (length, busy and discard bits), the record
 * padded to 8 bytes, positions that only grow.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>
#include <linux/bpf.h>

#include "ingest/backlog.h"
#include "ingest/ringbuf.h"
#include "test.h"

#define FAKE_SIZE 256
#define FAKE_MAX  4

struct fake {
	struct sr_rings rs;
	struct sr_ring r[FAKE_MAX];
	unsigned long cons[FAKE_MAX], prod[FAKE_MAX];
	uint8_t data[FAKE_MAX][FAKE_SIZE];
	uint64_t seen[64]; /* timestamps handed on, in order */
	uint32_t seen_len[64];
	int nseen;
};

static int collect(void *ctx, void *data, size_t len)
{
	struct fake *f = ctx;
	uint64_t ts;

	memcpy(&ts, data, sizeof(ts));
	if (f->nseen < 64) {
		f->seen_len[f->nseen] = len;
		f->seen[f->nseen++] = ts;
	}
	return 0;
}

static void fake_init(struct fake *f, int n)
{
	int i;

	memset(f, 0, sizeof(*f));
	f->rs.r = f->r;
	f->rs.n = n;
	f->rs.epoll_fd = -1;
	for (i = 0; i < n; i++) {
		f->r[i].size = FAKE_SIZE;
		f->r[i].consumer_pos = &f->cons[i];
		f->r[i].producer_pos = &f->prod[i];
		f->r[i].data = f->data[i];
	}
}

/* Append a record of @len bytes starting with @ts to ring @i; returns its header. */
static uint32_t *fake_put(struct fake *f, int i, uint64_t ts, uint32_t len, uint32_t bits)
{
	unsigned long pos = f->prod[i];
	uint32_t *hdr = (uint32_t *)(f->data[i] + (pos & (FAKE_SIZE - 1)));
	uint8_t rec[64];
	size_t off = (pos + BPF_RINGBUF_HDR_SZ) & (FAKE_SIZE - 1);
	uint32_t k;

	memset(rec, 0xab, sizeof(rec));
	memcpy(rec, &ts, sizeof(ts));
	hdr[0] = len | bits;
	hdr[1] = 0;
	for (k = 0; k < len; k++)
		f->data[i][(off + k) & (FAKE_SIZE - 1)] = rec[k];
	f->prod[i] = pos + ((len + BPF_RINGBUF_HDR_SZ + 7) & ~7UL);
	return hdr;
}

static int seen_is(const struct fake *f, const uint64_t *want, int n)
{
	int i;

	if (f->nseen != n)
		return 0;
	for (i = 0; i < n; i++)
		if (f->seen[i] != want[i])
			return 0;
	return 1;
}

static void merged_by_timestamp(struct t_state *st)
{
	static const uint64_t want[] = { 1, 2, 3, 4, 5, 6, 7 };
	struct fake *f = malloc(sizeof(*f));

	fake_init(f, 3);
	fake_put(f, 0, 1, 24, 0);
	fake_put(f, 0, 4, 24, 0);
	fake_put(f, 0, 5, 24, 0);
	fake_put(f, 1, 2, 24, 0);
	fake_put(f, 1, 3, 24, 0);
	fake_put(f, 1, 6, 24, 0);
	fake_put(f, 2, 7, 24, 0);
	CHECK(st, rings__consume(&f->rs, UINT64_MAX, collect, f) == 7);
	CHECK(st, seen_is(f, want, 7));
	/* every position published at the end of the round */
	CHECK(st, f->cons[0] == f->prod[0] && f->cons[1] == f->prod[1] && f->cons[2] == f->prod[2]);
	free(f);
}

/* An empty ring holds back what is newer than the limit; its late record goes first. */
static void empty_ring_holds_newer(struct t_state *st)
{
	static const uint64_t want1[] = { 1 }, want2[] = { 1, 7 }, want3[] = { 1, 7, 10 };
	struct fake *f = malloc(sizeof(*f));

	fake_init(f, 2);
	fake_put(f, 0, 1, 24, 0);
	fake_put(f, 0, 10, 24, 0);
	CHECK(st, rings__consume(&f->rs, 5, collect, f) == 1);
	CHECK(st, seen_is(f, want1, 1));
	fake_put(f, 1, 7, 24, 0);
	CHECK(st, rings__consume(&f->rs, 5, collect, f) == 1);
	CHECK(st, seen_is(f, want2, 2));
	/* ring 0's 10 waits: ring 1 is empty and the limit is 5 */
	CHECK(st, f->cons[0] < f->prod[0]);
	CHECK(st, rings__consume(&f->rs, UINT64_MAX, collect, f) == 1);
	CHECK(st, seen_is(f, want3, 3));
	free(f);
}

/* A reserved, uncommitted head blocks its ring and, past the limit, the others. */
static void busy_head_blocks(struct t_state *st)
{
	static const uint64_t want[] = { 2, 3, 4 };
	struct fake *f = malloc(sizeof(*f));
	uint32_t *busy;

	fake_init(f, 2);
	busy = fake_put(f, 0, 2, 24, BPF_RINGBUF_BUSY_BIT);
	fake_put(f, 0, 3, 24, 0);
	fake_put(f, 1, 4, 24, 0);
	CHECK(st, rings__consume(&f->rs, 1, collect, f) == 0);
	CHECK(st, f->nseen == 0);
	*busy &= ~BPF_RINGBUF_BUSY_BIT;
	/* 2 and 3 precede ring 1's head; then ring 0 is empty and 4 is past the limit */
	CHECK(st, rings__consume(&f->rs, 1, collect, f) == 2);
	CHECK(st, rings__consume(&f->rs, UINT64_MAX, collect, f) == 1);
	CHECK(st, seen_is(f, want, 3));
	free(f);
}

static void discarded_skipped(struct t_state *st)
{
	static const uint64_t want[] = { 1, 3 };
	struct fake *f = malloc(sizeof(*f));

	fake_init(f, 2);
	fake_put(f, 0, 1, 24, 0);
	fake_put(f, 0, 2, 24, BPF_RINGBUF_DISCARD_BIT);
	fake_put(f, 1, 3, 24, 0);
	CHECK(st, rings__consume(&f->rs, UINT64_MAX, collect, f) == 2);
	CHECK(st, seen_is(f, want, 2));
	CHECK(st, f->cons[0] == f->prod[0]);
	free(f);
}

/* A record that runs past the end of the data area arrives in one piece. */
static void wrapped_record_whole(struct t_state *st)
{
	static const uint64_t want[] = { 1, 2, 3 };
	struct fake *f = malloc(sizeof(*f));
	int i, ok = 1;

	fake_init(f, 1);
	/* a ring that has run a while: the first record's data, 208 to 272, wraps at 256 */
	f->cons[0] = f->prod[0] = 10 * FAKE_SIZE + 200;
	f->r[0].cons = f->r[0].prod = f->r[0].released = f->cons[0];
	fake_put(f, 0, 1, 64, 0);
	fake_put(f, 0, 2, 48, 0);
	fake_put(f, 0, 3, 16, 0);
	CHECK(st, rings__consume(&f->rs, UINT64_MAX, collect, f) == 3);
	CHECK(st, seen_is(f, want, 3));
	CHECK(st, f->seen_len[0] == 64);
	/* the wrapped record's tail bytes came through the bounce intact */
	for (i = 8; f->rs.bounce && i < 64; i++)
		ok &= f->rs.bounce[i] == 0xab;
	CHECK(st, f->rs.bounce && ok);
	free(f->rs.bounce);
	free(f);
}

/* The reader thread copies records out in order; the formatter gets them all. */
static void backlog_hands_on_in_order(struct t_state *st)
{
	struct fake *f = malloc(sizeof(*f));
	struct sr_backlog b;
	uint64_t want[9];
	int i, tries;

	fake_init(f, 2);
	f->rs.epoll_fd = epoll_create1(EPOLL_CLOEXEC); /* nothing wakes it: it polls */
	for (i = 0; i < 9; i++) {
		want[i] = i + 1;
		fake_put(f, i % 3 ? 0 : 1, i + 1, 16 + 8 * (i % 3), 0);
	}
	/* small chunks: records cross from one to the next */
	CHECK(st, backlog__start(&b, &f->rs, 4096, 128, collect, f) == 0);
	for (tries = 0; tries < 200 && f->nseen < 9; tries++)
		CHECK(st, backlog__poll(&b, 10) == 0);
	backlog__stop(&b);
	CHECK(st, seen_is(f, want, 9));
	CHECK(st, f->seen_len[1] == 24 && f->seen_len[2] == 32);
	/* stopped: what comes next is the caller's to consume directly */
	fake_put(f, 1, 10, 24, 0);
	CHECK(st, rings__consume(&f->rs, UINT64_MAX, collect, f) == 1);
	CHECK(st, f->nseen == 10 && f->seen[9] == 10);
	close(f->rs.epoll_fd);
	free(f);
}

/* With no room, records stay in the rings, where the final drain finds them. */
static void backlog_full_leaves_records(struct t_state *st)
{
	static const uint64_t want[] = { 1, 2, 3 };
	struct fake *f = malloc(sizeof(*f));
	struct sr_backlog b;
	int tries;

	fake_init(f, 2);
	f->rs.epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	fake_put(f, 0, 1, 24, 0);
	fake_put(f, 1, 2, 24, 0);
	fake_put(f, 0, 3, 24, 0);
	/* one chunk of 64 bytes holds the first record (8 + 24) and no more */
	CHECK(st, backlog__start(&b, &f->rs, 64, 64, collect, f) == 0);
	for (tries = 0; tries < 100 && f->nseen < 1; tries++)
		CHECK(st, backlog__poll(&b, 10) == 0);
	CHECK(st, backlog__poll(&b, 30) == 0);
	CHECK(st, f->nseen == 1);
	backlog__stop(&b);
	CHECK(st, f->cons[1] < f->prod[1] && f->cons[0] < f->prod[0]);
	CHECK(st, rings__consume(&f->rs, UINT64_MAX, collect, f) == 2);
	CHECK(st, seen_is(f, want, 3));
	close(f->rs.epoll_fd);
	free(f);
}

T_SUITE(rings_tests) = {
	T_CASE(merged_by_timestamp),
	T_CASE(empty_ring_holds_newer),
	T_CASE(busy_head_blocks),
	T_CASE(discarded_skipped),
	T_CASE(wrapped_record_whole),
	T_CASE(backlog_hands_on_in_order),
	T_CASE(backlog_full_leaves_records),
	T_END,
};
