/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the io_uring test programs share: one ring, an entry at a time
 * (sqe()), and run(n), which submits what is queued and waits for each
 * completion, so that they come in a fixed order.
 */
#ifndef SYSRAY_TESTS_URING_H
#define SYSRAY_TESTS_URING_H

#include "../progs/common.h"

#include <liburing.h>

static struct io_uring ring;
static struct io_uring_sqe *last; /* the entry sqe() handed out last */

/* Submit what is queued and reap @n completions; return the last result. */
static inline int run(int n)
{
	struct io_uring_cqe *cqe;
	int i, res = 0;

	EQ(io_uring_submit(&ring), n);
	for (i = 0; i < n; i++) {
		OK(-io_uring_wait_cqe(&ring, &cqe));
		res = cqe->res;
		io_uring_cqe_seen(&ring, cqe);
	}
	return res;
}

static inline struct io_uring_sqe *sqe(void)
{
	struct io_uring_sqe *q = io_uring_get_sqe(&ring);

	if (!q)
		die_at(__LINE__, "io_uring_get_sqe", 0, 0);
	last = q;
	return q;
}

#endif /* SYSRAY_TESTS_URING_H */
